"""The sample project: the five seed articles and the default governance codebook.

With no project named, GovCoder opens this one from the user's data folder, building it on first use.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from desktop_app.core.codebook.defaults import stable_guid
from desktop_app.core.codebook.entries import walk
from desktop_app.core.codebook.jsonbook import read_json_codebook
from desktop_app.core.codebook.merge import apply_entries
from desktop_app.core.errors import GovCoderError
from desktop_app.core.paths import default_codebook_path, seed_files
from desktop_app.core.store.engine import sqlite_path
from desktop_app.core.store.project import (
    Project,
    create_project,
    default_project_path,
    open_project,
    to_url,
)

Progress = Callable[[int, int, str], None]


def load_default_codebook(project: Project) -> int:
    """Load the shipped codebook, with the same path-derived GUIDs as the shipped .qdc, so that
    co-coders' projects and their REFI-QDA exports name each default code identically."""
    entries, _name = read_json_codebook(default_codebook_path())
    for path, entry, _parent in walk(entries):
        entry.guid = entry.guid or stable_guid(path)
    with project.session_factory.begin() as session:
        return len(apply_entries(session, entries).added)


def populate_sample(project: Project, progress: Progress | None = None) -> None:
    """Fill an empty project with the default codebook and the seed articles."""
    from desktop_app.core.text.importer import import_paths

    load_default_codebook(project)
    results = import_paths(project.session_factory, seed_files(), progress=progress)
    failed = [result for result in results if result.status == "failed"]
    if failed:
        raise GovCoderError(f"sample article {failed[0].file} failed to import: {failed[0].reason}")


def fill_new_project(project: Project, *, sample: bool, progress: Progress | None = None,
                     codebook: bool = True) -> None:
    """codebook=False leaves the project empty (no default codebook), for importing another program's
    project with its codebook as it is."""
    if sample:
        populate_sample(project, progress)
    elif codebook:
        load_default_codebook(project)


def build_project(path: Path, *, sample: bool, progress: Progress | None = None, codebook: bool = True) -> Project:
    """Create a project file; with `sample`, fill it. A half-built project never appears at `path`."""
    # An empty file holds no project (a file dialog or `touch` may have made it): init may fill it.
    if path.exists() and not (path.is_file() and path.stat().st_size == 0):
        raise GovCoderError(f"{path} already exists; open it instead of initialising it")
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".partial")
    for leftover in (partial, Path(f"{partial}-wal"), Path(f"{partial}-shm")):
        leftover.unlink(missing_ok=True)
    project = create_project(partial)
    try:
        fill_new_project(project, sample=sample, progress=progress, codebook=codebook)
    finally:
        project.close()
    os.replace(partial, path)
    return open_project(path)


def init_project(location: str | Path, *, sample: bool, progress: Progress | None = None,
                 codebook: bool = True) -> Project:
    """`govcoder init`: a new project with the default codebook (none with codebook=False: `--empty`),
    and with `sample` the seed articles."""
    if sample and not codebook:
        raise GovCoderError("--empty and --sample exclude each other: the sample articles come with the codebook")
    path = sqlite_path(to_url(location))
    if path is not None:
        return build_project(path, sample=sample, progress=progress, codebook=codebook)
    project = create_project(location)
    try:
        fill_new_project(project, sample=sample, progress=progress, codebook=codebook)
    except BaseException:
        project.close()
        raise
    return project


def open_default_project(progress: Progress | None = None) -> Project:
    path = default_project_path()
    if path.exists():
        return open_project(path)
    return build_project(path, sample=True, progress=progress)
