"""Finding a phrase in a document whatever the script: 治理 finds 治理 and 治理, 網格 finds 网格.

Both the text and the query are compared on their simplified shadow (OpenCC t2s). With the character
and phrase tables used here t2s keeps lengths, so shadow offsets are display offsets; when a conversion
would change the length, matching falls back to the text as published rather than report wrong spans.
"""

from __future__ import annotations

import threading
from functools import lru_cache

_lock = threading.Lock()


@lru_cache(maxsize=1)
def _converter():
    import opencc

    return opencc.OpenCC("t2s")


def simplified_shadow(text: str) -> str:
    """The text in simplified script with the same length, or the text itself if that is impossible."""
    with _lock:
        shadow = _converter().convert(text)
    return shadow if len(shadow) == len(text) else text


def find_all(text: str, query: str, shadow: str | None = None) -> list[tuple[int, int]]:
    """Every non-overlapping occurrence of `query` as code-point spans, ignoring script and case."""
    query = query.strip()
    if not query:
        return []
    haystack = (shadow if shadow is not None else simplified_shadow(text)).casefold()
    needle = simplified_shadow(query).casefold()
    if len(haystack) != len(text) or len(needle) != len(query):  # casefold changed a length
        haystack, needle = text, query
    hits: list[tuple[int, int]] = []
    start = haystack.find(needle)
    while start >= 0:
        hits.append((start, start + len(needle)))
        start = haystack.find(needle, start + len(needle))
    return hits
