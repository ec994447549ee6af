"""Third-party files the suite reads from `../shared` beside the checkout (REFI-QDA schemas, other
programs' projects, real web pages).

A clone on its own has no `../shared`: the tests that need it are skipped there, each naming the
missing path. CI sets GOVCODER_REQUIRE_SHARED=1, and then a missing file fails the test instead, so
that a broken path can never pass as a skip.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
REQUIRE_ENV = "GOVCODER_REQUIRE_SHARED"


def shared_required() -> bool:
    return os.environ.get(REQUIRE_ENV, "") not in ("", "0")


def require_shared(*parts: str | Path) -> Path:
    """The path under ../shared; skips the calling test (fails it under GOVCODER_REQUIRE_SHARED) if absent."""
    path = SHARED.joinpath(*parts)
    if path.exists():
        return path
    reason = f"needs {path}, which is not here (the ../shared folder beside the checkout)"
    if shared_required():
        pytest.fail(f"{reason}; {REQUIRE_ENV} is set, so this is a failure, not a skip", pytrace=False)
    pytest.skip(reason)


def shared_listing(*parts: str | Path) -> list:
    """Parameters for a test run once per entry of a shared folder.

    Where the folder is absent, one parameter stands for it, so that the test runs, calls
    require_shared on it and is skipped (or failed) by name instead of silently collecting nothing.
    """
    folder = SHARED.joinpath(*parts)
    if not folder.is_dir():
        return [pytest.param(folder, id="missing-shared-folder")]
    return [pytest.param(entry, id=entry.name) for entry in sorted(folder.iterdir())]


def refi_sample(entry: Path) -> Path:
    """The file to import for one entry of refi-qda/samples: a bare `.qde` sits in a folder of its own
    with its `sources/` beside it."""
    require_shared(entry)
    if entry.is_dir():
        (qde,) = sorted(entry.glob("*.qde"))
        return qde
    return entry
