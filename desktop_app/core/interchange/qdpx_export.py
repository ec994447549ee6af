"""REFI-QDA project export: a `.qdpx` zip holding `project.qde` and `sources/<GUID>.txt`."""

from __future__ import annotations

import zipfile
from collections.abc import Iterable
from pathlib import Path

from desktop_app.core.interchange.model import Progress, ProjectData
from desktop_app.core.interchange.qde_write import build_project_xml
from desktop_app.core.output_files import atomic_path


def write_qdpx(data: ProjectData, path: str | Path, *, target: str = "generic",
               progress: Progress | None = None, protect: Iterable[Path] = ()) -> int:
    """Write the package; returns its size in bytes."""
    xml, sources = build_project_xml(data, target, progress=progress)
    with atomic_path(path, protect) as partial:
        with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=1) as package:
            package.writestr("project.qde", xml)
            for source in sources:
                package.writestr(f"sources/{source.filename}", source.data)
        size = partial.stat().st_size
    return size
