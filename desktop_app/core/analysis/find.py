"""Finding a phrase in a document whatever the script: 網格 finds 网格 and 网格 finds 網格.

Text and query are compared on their simplified shadow (the text pipeline's OpenCC t2s, which keeps
lengths, so shadow offsets are display offsets).
"""

from __future__ import annotations

from desktop_app.core.text.script import simplified_shadow

__all__ = ["find_all", "simplified_shadow"]


def find_all(text: str, query: str, shadow: str | None = None) -> list[tuple[int, int]]:
    """Every non-overlapping occurrence of `query` as code-point spans, ignoring script and case."""
    query = query.strip()
    if not query:
        return []
    haystack = (shadow if shadow is not None else simplified_shadow(text)).casefold()
    needle = simplified_shadow(query).casefold()
    if len(haystack) != len(text) or len(needle) != len(query):  # casefold changed a length (ß -> ss)
        haystack, needle = (shadow or text), simplified_shadow(query)
    hits: list[tuple[int, int]] = []
    start = haystack.find(needle)
    while start >= 0:
        hits.append((start, start + len(needle)))
        start = haystack.find(needle, start + len(needle))
    return hits
