"""Writing an export file all at once: into a sibling `.partial` file, renamed only when complete, so a
failed or cancelled export never leaves a half-written file under the name the user chose."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from desktop_app.core.errors import GovCoderError


@contextmanager
def atomic_path(path: str | Path) -> Iterator[Path]:
    target = Path(path)
    if target.is_dir():
        raise GovCoderError(f"{target} is a folder; name a file to export to")
    if not target.parent.exists():
        raise GovCoderError(f"cannot write {target}: the folder {target.parent} does not exist")
    partial = target.with_name(target.name + ".partial")
    try:
        yield partial
        os.replace(partial, target)
    except OSError as error:
        partial.unlink(missing_ok=True)
        raise GovCoderError(f"cannot write {target}: {error.strerror or error}") from None
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
