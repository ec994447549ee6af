"""File names as GovCoder shows and stores them: never a string that cannot be stored or printed.

A name that is not UTF-8 (GBK bytes left by `unzip` of an archive made on Chinese Windows) reaches
Python with each undecodable byte as a lone surrogate (PEP 383). Such a string cannot be written to
SQLite, PostgreSQL or a UTF-8 terminal: it once ended a folder import part-way with a
UnicodeEncodeError naming no file. Here a name is shown with those bytes as `\\xNN` (exact, and the
same every run), and a title taken from it is read as GB18030 where the bytes are valid GB18030.

A title taken from a file name also loses what a name can hold and a title must not: newlines, tabs
and other control characters become spaces; right-to-left overrides and other bidirectional controls
and zero-width characters (which can make a title read backwards or hide text) are removed.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

from desktop_app.core.text.controls import INVISIBLE, one_line


def has_undecodable(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def shown(text: str) -> str:
    """`text` with the undecodable bytes of a file name as `\\xNN`: safe to store, print and compare."""
    if not has_undecodable(text):
        return text
    try:
        return text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    except UnicodeEncodeError:  # a surrogate that no byte made: shown as its code point
        return text.encode("utf-8", "backslashreplace").decode("utf-8")


def title_from_name(name: str) -> tuple[str, dict | None]:
    """A title from a file name (a stem), and a note of what was done to it, or None if nothing was."""
    note: dict = {}
    readable = name
    if has_undecodable(name):
        readable = note["name"] = shown(name)
        decoded = _as_gb18030(name)
        note["read_as"] = "gb18030" if decoded else "\\xNN escapes (not UTF-8, not GB18030)"
        readable = decoded or readable
    removed = sorted({f"U+{ord(c):04X}" for c in readable
                      if INVISIBLE.fullmatch(c) or unicodedata.category(c) == "Cc"})
    title = one_line(readable)
    if removed:
        note["removed"] = removed
    if not title:
        title = "untitled"
    return title, (note or None)


def file_title(path: Path) -> tuple[str, dict | None]:
    return title_from_name(path.stem)


def _as_gb18030(name: str) -> str | None:
    try:
        raw = name.encode("utf-8", "surrogateescape")
        decoded = raw.decode("gb18030")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return None
    # Valid GB18030 that decodes to unassigned or private-use code points is noise, not a name.
    if any(unicodedata.category(c) in ("Cn", "Co", "Cs") for c in decoded):
        return None
    return decoded
