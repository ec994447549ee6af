"""Noticing that the project file was moved, deleted or replaced while a project is open.

SQLite keeps writing through the file it opened: after a rename the session's work goes into a
`-wal` file left beside the old name, and nothing of it reaches the moved file; after a delete it goes
nowhere. A long-lived writer (the window) therefore compares the file's identity at the path with the
one it opened before each write, and stops at the first difference, for good: the project must be
opened again from where it is now.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from desktop_app.core.errors import GovCoderError

MOVED, DELETED, REPLACED, UNREACHABLE = "moved", "deleted", "replaced", "unreachable"


@dataclass(frozen=True)
class FileIdentity:
    device: int
    inode: int

    @classmethod
    def of(cls, path: Path) -> FileIdentity:
        status = os.stat(path)
        return cls(status.st_dev, status.st_ino)


class ProjectFileGone(GovCoderError):
    """The open project's file is no longer at its path. `how` is one of MOVED, DELETED, REPLACED or
    UNREACHABLE; `now` is where a moved file is now, when the system can tell."""

    def __init__(self, path: Path, how: str, now: Path | None = None) -> None:
        self.path, self.how, self.now = path, how, now
        if how == MOVED and now is not None:
            what = f"was moved to {now}"
        elif how == MOVED:
            what = "was moved or renamed"
        elif how == DELETED:
            what = "was deleted"
        elif how == REPLACED:
            what = "was replaced by another file"
        else:
            what = "cannot be reached"
        super().__init__(f"the project file {path} {what} while it was open: nothing more is saved "
                         f"until the project is opened again")


def _where_now(identity: FileIdentity) -> tuple[str, Path | None]:
    """Where the file this process opened is now: SQLite's own open descriptor still names it (Linux's
    /proc; elsewhere the move is reported without a place)."""
    fds = Path("/proc/self/fd")
    try:
        entries = list(fds.iterdir())
    except OSError:
        return MOVED, None
    for entry in entries:
        try:
            if FileIdentity.of(entry) != identity:
                continue
            target = os.readlink(entry)
        except OSError:
            continue
        if target.endswith(" (deleted)"):
            return DELETED, None
        return MOVED, Path(target)
    return MOVED, None


class FileGuard:
    """The identity of a project file as opened; `check()` raises ProjectFileGone once it differs, and
    from then on every time."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.identity = FileIdentity.of(path)
        self.gone: ProjectFileGone | None = None

    def check(self) -> None:
        if self.gone is not None:
            raise self.gone
        try:
            here = FileIdentity.of(self.path)
        except FileNotFoundError:
            how, now = _where_now(self.identity)
            self.gone = ProjectFileGone(self.path, how, now)
        except OSError:
            self.gone = ProjectFileGone(self.path, UNREACHABLE)
        else:
            if here == self.identity:
                return
            how, now = _where_now(self.identity)
            self.gone = ProjectFileGone(self.path, REPLACED if how == DELETED or now is None else MOVED, now)
        raise self.gone
