"""Where an export may write, and writing it all at once.

One mistyped name (`export --format csv -o study.govcoder`) must never destroy a project, so before a
byte is written the target is checked: it may be a new name or an ordinary file, but never the open
project or one of its journal files (compared by resolved path and by file identity, which also
catches hard links and `./x` spellings), never any SQLite database, never a symbolic link (renaming
over it would replace the link, as root even `/dev/stdout`), and never a device, pipe, socket or
folder. The output goes to a hidden temporary file in the same folder, renamed over the target only
once complete, so a failed or cancelled export never leaves half a file under the chosen name.

What a spreadsheet cell may start with is decided here too (`FORMULA_STARTS`): a CSV cell starting
with one of them is written with a leading apostrophe, so that Excel, LibreOffice or WPS never runs it.

This is a loose module of the core because both the interchange and the codebook rooms export, and
the interchange room already imports the codebook room.
"""

from __future__ import annotations

import os
import secrets
import stat
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from desktop_app.core.errors import GovCoderError

SQLITE_HEADER = b"SQLite format 3\x00"
# The characters a spreadsheet takes as the start of a formula: = + - @, their full-width forms (a
# Chinese input method types ＝ for =, and spreadsheets in East Asian locales accept it), their small
# forms, and a tab or carriage return (which can hide a formula after them).
FORMULA_STARTS = ("=", "+", "-", "@", "\uff1d", "\uff0b", "\uff0d", "\uff20", "\ufe66", "\ufe62", "\ufe63",
                  "\ufe6b", "\t", "\r")
# The files SQLite keeps beside a database while it is open or after a crash; part of the project.
JOURNAL_SUFFIXES = ("-wal", "-shm", "-journal")


class UnsafeTarget(GovCoderError):
    """The chosen output would overwrite something that is not an export; nothing was written."""


def database_files(session) -> tuple[Path, ...]:
    """The files of the SQLite database a session is bound to (none for a server database)."""
    bind = session.get_bind()
    url = getattr(bind, "engine", bind).url
    if url.get_backend_name() != "sqlite" or not url.database or url.database == ":memory:":
        return ()
    return project_files(url.database)


def project_files(database: str | Path) -> tuple[Path, ...]:
    main = Path(database)
    return (main, *(main.with_name(main.name + suffix) for suffix in JOURNAL_SUFFIXES))


def check_target(path: str | Path, protect: Iterable[str | Path] = ()) -> None:
    """Refuse (UnsafeTarget) an output path that is not a new name or an ordinary export file."""
    target = Path(path)
    if not target.name or target.name in (".", ".."):
        raise UnsafeTarget(f"{target} is a folder; name a file to export to")
    if not target.parent.is_dir():
        raise UnsafeTarget(f"cannot write {target}: the folder {target.parent} does not exist")
    try:
        found = os.lstat(target)
    except FileNotFoundError:
        found = None
    except OSError as error:
        raise UnsafeTarget(f"cannot write {target}: {error.strerror or error}") from None
    if found is not None:
        _check_kind(target, found)
    _check_not_protected(target, found, protect)
    if found is not None:
        _check_not_a_database(target)
    _check_not_a_journal(target)


def _check_kind(target: Path, found: os.stat_result) -> None:
    if stat.S_ISLNK(found.st_mode):
        raise UnsafeTarget(f"{target} is a symbolic link; GovCoder does not export through links: "
                           "name the file itself, or a new file")
    if stat.S_ISDIR(found.st_mode):
        raise UnsafeTarget(f"{target} is a folder; name a file to export to")
    if not stat.S_ISREG(found.st_mode):
        raise UnsafeTarget(f"{target} is not an ordinary file (a device, pipe or socket); "
                           "name a file to export to")


def _check_not_protected(target: Path, found: os.stat_result | None, protect: Iterable[str | Path]) -> None:
    resolved = os.path.realpath(target)
    for guarded in protect:
        guarded = Path(guarded)
        same = resolved == os.path.realpath(guarded)
        if not same and found is not None:
            try:
                known = os.stat(guarded)
            except OSError:
                known = None
            same = known is not None and (known.st_dev, known.st_ino) == (found.st_dev, found.st_ino)
        if same:
            what = "the open project" if not guarded.name.endswith(JOURNAL_SUFFIXES) else \
                "a file of the open project (its journal)"
            raise UnsafeTarget(f"{target} is {what}; exporting there would destroy it: choose another name")


def _check_not_a_database(target: Path) -> None:
    try:
        with open(target, "rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
    except OSError as error:
        raise UnsafeTarget(f"cannot read {target} to check that it is not a project "
                           f"({error.strerror or error}); choose another name") from None
    if header == SQLITE_HEADER:
        raise UnsafeTarget(f"{target} is a database (perhaps a GovCoder project); GovCoder never exports "
                           "over a database: choose another name")


def _check_not_a_journal(target: Path) -> None:
    for suffix in JOURNAL_SUFFIXES:
        if target.name.endswith(suffix) and len(target.name) > len(suffix):
            database = target.with_name(target.name[:-len(suffix)])
            try:
                with open(database, "rb") as handle:
                    is_database = handle.read(len(SQLITE_HEADER)) == SQLITE_HEADER
            except OSError:
                continue
            if is_database:
                raise UnsafeTarget(f"{target} belongs to the database {database.name} beside it (its "
                                   "journal); choose another name")


@contextmanager
def atomic_path(path: str | Path, protect: Iterable[str | Path] = ()) -> Iterator[Path]:
    """A temporary path beside `path` to write the whole output to; moved onto `path` when the block
    ends without an error, removed otherwise. The target is checked before and again just before."""
    target = Path(path)
    protect = tuple(protect)
    check_target(target, protect)
    try:
        partial = _new_partial(target)
    except OSError as error:
        raise GovCoderError(f"cannot write {target}: {error.strerror or error}") from None
    try:
        yield partial
        check_target(target, protect)  # it may have changed while the export was being written
        os.replace(partial, target)
    except OSError as error:
        partial.unlink(missing_ok=True)
        raise GovCoderError(f"cannot write {target}: {error.strerror or error}") from None
    except BaseException:
        partial.unlink(missing_ok=True)
        raise


def _new_partial(target: Path) -> Path:
    """A new, empty file in the target's folder, created with the usual permissions (the umask's), or
    with those of the file it will replace."""
    # Part of the name (in at most 100 bytes, well under any file system's limit) tells a user who
    # finds one left by a killed process what it was.
    stem = os.fsencode(target.name)[:100].decode("utf-8", "ignore")
    partial = target.with_name(f".{stem}.{secrets.token_hex(4)}.partial")
    descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    try:
        if target.exists():
            os.chmod(descriptor, stat.S_IMODE(os.stat(target).st_mode))
    finally:
        os.close(descriptor)
    return partial
