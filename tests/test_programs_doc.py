"""docs/interchange.md lists every program of the export dialog with the target the core table gives it."""

from __future__ import annotations

import re
from pathlib import Path

from desktop_app.core.interchange.programs import PROGRAMS

DOC = Path(__file__).resolve().parents[1] / "docs" / "interchange.md"


def test_the_docs_table_names_every_program_with_its_target():
    rows = dict(re.findall(r"^\s*\| ([^|`]+?) \| `(\w+)` \|", DOC.read_text(encoding="utf-8"), re.MULTILINE))
    assert {p.name: p.target for p in PROGRAMS}.items() <= rows.items()
    assert all(p.name in rows for p in PROGRAMS)
