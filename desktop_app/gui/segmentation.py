"""The reading view's word boundaries, from the text pipeline's cached segmentation.

Called on a worker thread (jieba's dictionary load and a long article's segmentation take seconds).
This adapter is the only place the GUI touches the segmenter. The project's segmenter (domain dictionary
plus the codebook's names and keywords) is the one the importer used, so its dictionary hash matches
the cache and the boundaries are read, not recomputed.
"""

from __future__ import annotations

import threading

from desktop_app.core.store.project import Project
from desktop_app.core.text.importer import ensure_segmentation, segmenter_for
from desktop_app.core.text.script import simplified_shadow

_lock = threading.Lock()
_segmenters: dict[str, object] = {}  # by project URL; each loads jieba lazily and is thread-safe


def _segmenter(project: Project):
    with _lock:
        segmenter = _segmenters.get(project.url)
        if segmenter is None:
            with project.session_factory() as session:
                segmenter = _segmenters[project.url] = segmenter_for(session)
        return segmenter


def document_boundaries(project: Project, document_id: int, text: str | None = None) -> list[int]:
    """Token end offsets (code points) of a document, computed once and cached in the project.
    With the document's text, its simplified shadow is prepared too (Find reads it from a cache),
    so that the first search in a long traditional article does not stall the window."""
    segmenter = _segmenter(project)
    with project.session_factory.begin() as session:
        boundaries = list(ensure_segmentation(session, document_id, segmenter))
    if text is not None:
        simplified_shadow(text)
    return boundaries
