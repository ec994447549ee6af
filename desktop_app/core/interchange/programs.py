"""Which REFI-QDA target each receiving program needs, and why: the export dialog and docs/interchange.md
both show this table (tests/test_programs_doc.py keeps the two from drifting)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Program:
    key: str  # stored in settings: stable across translations
    name: str
    target: str
    reason: str


PROGRAMS = (
    Program("nvivo-windows", "NVivo for Windows", "nvivo",
            "NVivo counts positions in UTF-16 code units over CRLF text: a generic file puts every coding "
            "after a character outside the BMP (𠮷, emoji) one place off per such character."),
    Program("nvivo-mac", "NVivo for Mac", "nvivo",
            "NVivo counts positions in UTF-16 code units over CRLF text: a generic file puts every coding "
            "after a character outside the BMP (𠮷, emoji) one place off per such character."),
    Program("maxqda", "MAXQDA", "maxqda",
            "MAXQDA reads CRLF text counting code points with CRLF as two, and keeps document variables "
            "on one Case per document: the maxqda target writes both that way."),
    Program("atlasti", "ATLAS.ti", "generic",
            "ATLAS.ti counts code points with a line end as one, as the generic LF text gives."),
    Program("qualcoder", "QualCoder", "generic",
            "QualCoder counts code points over LF text, as the specification does."),
    Program("generic", "Other / generic REFI-QDA", "generic",
            "The specification: code points over UTF-8 text with LF line ends."),
)
DEFAULT_PROGRAM = "generic"


def program(key: str) -> Program:
    """The program stored under `key`, or the generic one for a key this version no longer knows."""
    return next((p for p in PROGRAMS if p.key == key), next(p for p in PROGRAMS if p.key == DEFAULT_PROGRAM))


__all__ = ["Program", "PROGRAMS", "DEFAULT_PROGRAM", "program"]
