"""How much one imported file may hold, checked before it is parsed, each refused by name.

- An article: a .txt/.md/.html file larger than the article limit is refused before it is read,
  and so is a .docx whose text, or a table whose row's text, is larger. The limit is
  GOVCODER_MAX_ARTICLE_MB megabytes (50 unless set): the longest policy documents and reports are a
  few megabytes, and each megabyte of a file costs a few megabytes of memory while it is imported.
- A .docx or .xlsx is a zip that python-docx and openpyxl unpack in memory: refused if a member
  would unpack to more than ZIP_MEMBER_BYTES, all of them to more than ZIP_TOTAL_BYTES, a member
  larger than a megabyte is compressed more than ZIP_RATIO to one (a zip bomb: a 455 KB .docx
  unpacking to gigabytes), or it holds more than ZIP_MEMBERS files. The sizes are read from the
  zip's directory; Python's zipfile never unpacks more than a member declares (its CRC check fails).
"""

from __future__ import annotations

import io
import os
import zipfile
from pathlib import Path

from desktop_app.core.errors import ImportFailure

ARTICLE_ENV = "GOVCODER_MAX_ARTICLE_MB"
DEFAULT_ARTICLE_MB = 50.0
MB = 1024 * 1024
ZIP_MEMBER_BYTES = 512 * MB
ZIP_TOTAL_BYTES = 1024 * MB
ZIP_RATIO = 200
ZIP_RATIO_FLOOR = MB
ZIP_MEMBERS = 20_000
_MEASURED_AT_ONCE = 1 << 20  # characters of a long text encoded at a time to measure it


def max_article_bytes() -> int:
    raw = os.environ.get(ARTICLE_ENV, "").strip()
    if not raw:
        return int(DEFAULT_ARTICLE_MB * MB)
    try:
        megabytes = float(raw)
    except ValueError:
        megabytes = -1.0
    if not megabytes > 0:
        raise ImportFailure(f"{ARTICLE_ENV}={raw!r} is not a number of megabytes above 0; "
                            "nothing was imported")
    return int(megabytes * MB)


def _megabytes(size: int) -> str:
    return f"{size / MB:.1f}".removesuffix(".0") + " MB"


def _too_large(path: Path, what: str, size: int, limit: int) -> ImportFailure:
    return ImportFailure(f"{path}: refused: {what} is {_megabytes(size)}, more than the {_megabytes(limit)} "
                         f"GovCoder imports as one article (set {ARTICLE_ENV} to allow more); "
                         "nothing was imported")


def check_file_size(path: Path, size: int) -> None:
    """A text or web page file, before it is read."""
    limit = max_article_bytes()
    if size > limit:
        raise _too_large(path, "the file", size, limit)


def utf8_size(text: str) -> int:
    """len(text.encode("utf-8")), measured a window at a time."""
    return sum(len(text[start:start + _MEASURED_AT_ONCE].encode("utf-8", "surrogatepass"))
               for start in range(0, len(text), _MEASURED_AT_ONCE))


def check_article(path: Path, text: str, where: str = "its text") -> None:
    """An article read out of a container (a .docx, a table's row)."""
    limit = max_article_bytes()
    if len(text) > limit // 4:  # below a quarter of the limit in characters it cannot be over it
        size = utf8_size(text)
        if size > limit:
            raise _too_large(path, where, size, limit)


def check_zip(data: bytes, path: Path) -> None:
    """Refuses a .docx or .xlsx that would unpack to too much, from its directory alone; a file that
    is not a readable zip at all is left to its reader, which says so in its own words."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        return
    if len(infos) > ZIP_MEMBERS:
        raise ImportFailure(f"{path}: refused: it holds {len(infos):,} files, more than the {ZIP_MEMBERS:,} "
                            "a document or workbook ever needs; nothing was imported")
    total = 0
    for info in infos:
        if info.file_size > ZIP_MEMBER_BYTES:
            raise ImportFailure(f"{path}: refused: {info.filename} unpacks to {_megabytes(info.file_size)}, "
                                f"more than {_megabytes(ZIP_MEMBER_BYTES)}; nothing was imported")
        if info.file_size > ZIP_RATIO_FLOOR and info.file_size > ZIP_RATIO * max(info.compress_size, 1):
            raise ImportFailure(f"{path}: refused: {info.filename} is compressed "
                                f"{info.file_size // max(info.compress_size, 1):,} to 1 (a zip bomb: more than "
                                f"{ZIP_RATIO} to 1 is never a real document); nothing was imported")
        total += info.file_size
    if total > ZIP_TOTAL_BYTES:
        raise ImportFailure(f"{path}: refused: it unpacks to {_megabytes(total)}, more than "
                            f"{_megabytes(ZIP_TOTAL_BYTES)}; nothing was imported")
