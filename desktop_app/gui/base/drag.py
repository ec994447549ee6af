"""Drag-and-drop payloads that travel between rooms: defined here so that neither end imports the other."""

MIME_CODE = "application/x-govcoder-code-id"
MIME_SELECTION = "application/x-govcoder-selection"  # "document:start:end" in code points
