"""Importing files into a project: duplicates reported, tokens cached, nothing half-stored.

A file that fails leaves nothing behind and never stops the others. An article whose text (ignoring
whitespace, so also ignoring furniture that cleaning removed) is already in the project, or appeared
earlier in the same import, is skipped with the reason unless `force` is given.

Files are read and cleaned, then cut in batches (one engine call for many articles), stored in bulk
and committed about once a second. Cutting on a worker thread was measured slower (0.64 s against
0.53 s for 1,000 articles): rjieba turns its tokens into Python strings holding the GIL, and the
hand-overs of the GIL cost the reading thread more than the overlap saved. If the database refuses a
commit, its files are stored again one transaction each, so only the file it refuses fails. An
interrupted import loses at most the last second's files, never part of a file.
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import insert, select, text
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from desktop_app.core.bulk import gc_paused
from desktop_app.core.errors import GovCoderError
from desktop_app.core.store.models import Code, Document, DocumentAttribute, Segmentation, new_guid, utcnow
from desktop_app.core.text.pipeline import CleaningOptions, PreparedArticle, read_articles
from desktop_app.core.text.readers import SUPPORTED_SUFFIXES
from desktop_app.core.text.segment import Segmenter, pack_boundaries, unpack_boundaries

logger = logging.getLogger(__name__)
Progress = Callable[[int, int, str], None]
# Articles cut in one engine call.
BATCH_ARTICLES = 128
COMMIT_SECONDS = 1.0


@dataclass
class FileResult:
    file: str
    status: str  # "imported" | "skipped" | "failed"
    id: int | None = None
    reason: str | None = None
    encoding: str | None = None
    script: str | None = None
    cleaning: list[dict] | None = None

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


def codebook_words(session: Session) -> list[str]:
    """Every code name and keyword: added to the segmenter so that they stay whole words."""
    words: list[str] = []
    for name, keywords in session.execute(select(Code.name, Code.keywords)):
        words.append(name)
        words.extend(keywords or [])
    return words


def segmenter_for(session: Session) -> Segmenter:
    """The segmenter a project's documents are cut with: domain dictionary plus the codebook."""
    return Segmenter(codebook_words(session))


def expand_paths(paths: Iterable[Path]) -> list[Path]:
    """Files as given, and the supported files of folders, recursively, in a stable order."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            for root, folders, names in os.walk(path):
                folders[:] = sorted(f for f in folders if not f.startswith("."))
                files.extend(Path(root) / name for name in sorted(names)
                             if not name.startswith(".") and Path(name).suffix.lower() in SUPPORTED_SUFFIXES)
        else:
            files.append(path)
    return files


def _summary(cleaning: list[dict]) -> list[dict]:
    return [{"step": entry["step"], "description": entry["description"], "count": entry["count"]}
            for entry in cleaning]


def import_paths(session_factory: sessionmaker[Session], paths: list[Path], *, encoding: str | None = None,
                 options: CleaningOptions | None = None, force: bool = False,
                 segmenter: Segmenter | None = None, progress: Progress | None = None,
                 cancelled: Callable[[], bool] | None = None) -> list[FileResult]:
    files = expand_paths(Path(p) for p in paths)
    if segmenter is None:
        with session_factory() as session:
            segmenter = segmenter_for(session)
    store = _Store(session_factory, segmenter.dictionary_hash, force)
    results: list[FileResult] = []
    batch = _Batch()
    with gc_paused():
        for number, path in enumerate(files):
            if cancelled is not None and cancelled():
                results.extend(FileResult(str(p), "skipped", reason="import cancelled before this file")
                               for p in files[number:])
                break
            if progress is not None:
                progress(number, len(files), str(path))
            try:
                read = _read_file(path, encoding, options, _row_reporter(path, number, len(files), progress,
                                                                          cancelled))
            except _Cancelled:
                results.append(FileResult(str(path), "skipped", reason="import cancelled while reading this "
                                          "file; nothing was imported from it"))
                results.extend(FileResult(str(p), "skipped", reason="import cancelled before this file")
                               for p in files[number + 1:])
                break
            results.extend(read.reported)
            if read.articles:
                batch.add(read)
                if batch.size >= BATCH_ARTICLES:
                    store.add(batch, segmenter.boundaries_many(batch.texts(), batch.shadows()))
                    batch = _Batch()
        if batch.files:
            store.add(batch, segmenter.boundaries_many(batch.texts(), batch.shadows()))
        store.flush()
    if progress is not None:
        progress(len(files), len(files), "")
    return results


@dataclass
class _ReadFile:
    path: Path
    articles: list[PreparedArticle] = field(default_factory=list)  # those to store
    results: list[FileResult] = field(default_factory=list)  # one per article to store, filled in when stored
    reported: list[FileResult] = field(default_factory=list)  # every result of the file, in its order


@dataclass
class _Batch:
    files: list[_ReadFile] = field(default_factory=list)
    size: int = 0  # articles in all the files

    def add(self, read: _ReadFile) -> None:
        self.files.append(read)
        self.size += len(read.articles)

    def texts(self) -> list[str]:
        return [article.text for read in self.files for article in read.articles]

    def shadows(self) -> list[str]:
        return [article.shadow for read in self.files for article in read.articles]


class _Cancelled(Exception):
    """The user cancelled while a file with many articles was being read."""


# A table's rows between two progress reports: often enough to look alive, rarely enough to cost nothing.
_ROWS_PER_REPORT = 25


def _row_reporter(path: Path, number: int, total: int, progress: Progress | None,
                  cancelled: Callable[[], bool] | None) -> Callable[[int, int], None]:
    def before_row(index: int, count: int) -> None:
        if count < 2 or index % _ROWS_PER_REPORT or index == 0:
            return
        if cancelled is not None and cancelled():
            raise _Cancelled
        if progress is not None:
            progress(number, total, f"{path} ({index + 1:,} of {count:,})")

    return before_row


def _read_file(path: Path, encoding: str | None, options: CleaningOptions | None,
               before_each: Callable[[int, int], None] | None = None) -> _ReadFile:
    if not path.exists():
        return _failed(path, f"{path}: no such file or folder")
    try:
        articles = read_articles(path, encoding=encoding, options=options, before_each=before_each)
    except GovCoderError as error:
        return _failed(path, str(error))
    except (_Cancelled, MemoryError):
        raise
    except Exception as error:  # a reader's or library's bug on one odd file must not end the import
        logger.debug("reading %s failed", path, exc_info=True)  # shown with GOVCODER_DEBUG=1
        return _failed(path, f"{path}: could not be read ({type(error).__name__}: {error}); nothing was imported")
    read = _ReadFile(path)
    for article in articles:
        result = FileResult(f"{path} (row {article.extracted['row']})" if "row" in article.extracted else str(path),
                            "imported", encoding=article.encoding, script=article.script,
                            cleaning=_summary(article.cleaning))
        read.reported.append(result)
        if article.text.strip():
            read.articles.append(article)
            read.results.append(result)
        else:  # nothing to read or code: say so rather than store an empty document
            result.status, result.reason = "skipped", (
                "nothing is left of the text once cleaned (it was all furniture or blank); import it with "
                "--no-furniture or --no-clean to keep it")
    return read


def _failed(path: Path, reason: str) -> _ReadFile:
    return _ReadFile(path, reported=[FileResult(str(path), "failed", reason=reason)])


class _Store:
    """Writes read and cut files, deciding duplicates against the project and the import so far.

    Files are committed together every COMMIT_SECONDS (a commit waits for the disk), so an
    interruption loses at most that much work, and never part of a file.
    """

    def __init__(self, session_factory: sessionmaker[Session], dictionary_hash: str, force: bool):
        self._session_factory = session_factory
        self._dictionary_hash = dictionary_hash
        self._force = force
        self._seen: dict[str, str] = {}  # content hash -> label, of articles stored by this import
        self._pending: list[tuple[_ReadFile, list[list[int]]]] = []
        self._since = time.monotonic()

    def add(self, batch: _Batch, boundaries: list[list[int]]) -> None:
        cuts = iter(boundaries)
        self._pending.extend((read, [next(cuts) for _ in read.articles]) for read in batch.files)
        if time.monotonic() - self._since >= COMMIT_SECONDS:
            self.flush()

    def flush(self) -> None:
        pending, self._pending = self._pending, []
        self._since = time.monotonic()
        if not pending:
            return
        try:
            self._commit([read for read, _ in pending], [cut for _, cut in pending])
        except SQLAlchemyError:
            for read, cut in pending:  # the database refused something: find out which file it was
                try:
                    self._commit([read], [cut])
                except SQLAlchemyError as error:
                    reason = str(getattr(error, "orig", None) or error).splitlines()[0]
                    for result in read.results:
                        result.status = "failed"
                        result.reason = (f"{result.file}: could not be stored ({reason}); nothing was "
                                         "imported from this file")

    def _commit(self, files: list[_ReadFile], boundaries: list[list[list[int]]]) -> None:
        """Stores the files in one transaction; results and the seen hashes change only once committed."""
        outcomes: list[tuple[FileResult, str, int | str]] = []  # (result, status, id or reason)
        seen_now: dict[str, str] = {}
        with self._session_factory.begin() as session:
            _take_write_lock(session)
            known = {} if self._force else _known_hashes(
                session, {a.content_hash for read in files for a in read.articles})
            stored: list[tuple[FileResult, PreparedArticle, list[int], Path]] = []
            for read, cuts in zip(files, boundaries, strict=True):
                for result, article, cut in zip(read.results, read.articles, cuts, strict=True):
                    reason = None if self._force else _duplicate_reason(
                        article.content_hash, known, self._seen, seen_now)
                    if reason:
                        outcomes.append((result, "skipped", reason))
                    else:
                        stored.append((result, article, cut, read.path))
                        seen_now.setdefault(article.content_hash, result.file)
            ids = _insert(session, stored, self._dictionary_hash)
            outcomes.extend((result, "imported", id_) for (result, *_), id_ in zip(stored, ids, strict=True))
        for result, status, value in outcomes:
            result.status = status
            if status == "imported":
                result.id = value
            else:
                result.reason = value
        for content_hash, label in seen_now.items():
            self._seen.setdefault(content_hash, label)


# An arbitrary constant naming GovCoder's import lock among PostgreSQL advisory locks.
_PG_IMPORT_LOCK = 0x60C0DF


def _take_write_lock(session: Session) -> None:
    """Hold the database's write lock from before the duplicate check until the commit.

    Otherwise two imports (two team members, or a window and a command line) could both find an
    article new and both store it.
    """
    dialect = session.get_bind().dialect.name
    if dialect == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _PG_IMPORT_LOCK})
    elif dialect == "sqlite":
        # A write that changes nothing still takes SQLite's write lock, for the rest of the transaction.
        session.execute(text("UPDATE settings SET key = key WHERE 0"))


def _known_hashes(session: Session, hashes: set[str]) -> dict[str, tuple[int, str]]:
    """Content hash -> (id, title) of the documents already in the project with one of `hashes`."""
    known: dict[str, tuple[int, str]] = {}
    ordered = sorted(hashes)
    for start in range(0, len(ordered), 500):  # well under every database's bound-parameter limit
        rows = session.execute(select(Document.content_hash, Document.id, Document.title)
                               .where(Document.content_hash.in_(ordered[start:start + 500])))
        for content_hash, id_, title in rows:
            known.setdefault(content_hash, (id_, title))
    return known


def _duplicate_reason(content_hash: str, known: dict[str, tuple[int, str]], *earlier: dict[str, str]) -> str | None:
    if content_hash in known:
        id_, title = known[content_hash]
        return f"same text as document {id_} ({title}) already in the project; use --force"
    for labels in earlier:
        if content_hash in labels:
            return f"same text as {labels[content_hash]} in this import; use --force"
    return None


def _insert(session: Session, stored: list[tuple[FileResult, PreparedArticle, list[int], Path]],
            dictionary_hash: str) -> list[int]:
    """Plain executemany inserts, the ids read back by guid: one statement per table, not per row."""
    if not stored:
        return []
    now = utcnow()
    rows = [
        {"guid": new_guid(), "title": a.title[:500], "outlet": a.outlet[:300] if a.outlet else None,
         "published": a.published, "authors": a.authors, "url": a.url, "original_text": a.original,
         "text": a.text, "script": a.script, "cleaning": a.cleaning, "extracted": a.extracted,
         "content_hash": a.content_hash, "encoding": a.encoding, "source_path": str(path), "imported_at": now}
        for _, a, _, path in stored
    ]
    session.execute(insert(Document.__table__), rows)
    guids = [row["guid"] for row in rows]
    by_guid: dict[str, int] = {}
    for start in range(0, len(guids), 500):  # well under every database's bound-parameter limit
        table = Document.__table__
        by_guid.update(session.execute(select(table.c.guid, table.c.id).where(
            table.c.guid.in_(guids[start:start + 500]))).all())
    ids = [by_guid[guid] for guid in guids]
    attributes = [{"document_id": id_, "key": key[:200], "type": kind, "value": value}
                  for id_, (_, a, _, _) in zip(ids, stored, strict=True)
                  for key, (kind, value) in a.attributes.items()]
    if attributes:
        session.execute(insert(DocumentAttribute.__table__), attributes)
    session.execute(insert(Segmentation.__table__), [
        {"document_id": id_, "dictionary_hash": dictionary_hash, "boundaries": pack_boundaries(cut),
         "computed_at": now}
        for id_, (_, _, cut, _) in zip(ids, stored, strict=True)
    ])
    return ids


def ensure_segmentation(session: Session, document_id: int, segmenter: Segmenter) -> list[int]:
    """The document's token boundaries, from the cache unless the dictionary changed since."""
    cached = session.get(Segmentation, document_id)
    if cached is not None and cached.dictionary_hash == segmenter.dictionary_hash:
        return unpack_boundaries(cached.boundaries)
    document = session.get(Document, document_id)
    if document is None:
        raise GovCoderError(f"no document with id {document_id} in this project")
    boundaries = segmenter.boundaries(document.text)
    if cached is None:
        session.add(Segmentation(document_id=document_id, dictionary_hash=segmenter.dictionary_hash,
                                 boundaries=pack_boundaries(boundaries)))
    else:
        cached.dictionary_hash = segmenter.dictionary_hash
        cached.boundaries = pack_boundaries(boundaries)
        cached.computed_at = utcnow()
    session.flush()
    return boundaries
