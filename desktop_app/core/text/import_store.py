"""Storing imported articles in bulk: duplicates decided, ids and tokens written, nothing half-stored.

Files are committed together about once a second (each commit writes to the disk), each commit holding
the database's write lock from its duplicate check on, so two imports at once store an article once.
If the database refuses a commit, its files are stored again one transaction each, so only the file
it refuses fails.
"""

from __future__ import annotations

import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import insert, select, text
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from desktop_app.core.store.db_errors import describe, kind
from desktop_app.core.store.models import Document, DocumentAttribute, Segmentation, new_guid, utcnow
from desktop_app.core.text.file_names import shown
from desktop_app.core.text.pipeline import PreparedArticle
from desktop_app.core.text.text_blobs import is_long, streams_texts, write_texts

COMMIT_SECONDS = 1.0
# Problems of the whole database, not of one file: storing the files one by one would not help.
WHOLE_DATABASE = frozenset({"locked", "read-only", "permission", "full", "memory", "io", "corrupt",
                            "cannot-open", "unreachable", "login", "no-database", "busy-server", "timeout",
                            "server-stopped", "not-a-project"})
# What a driver raises for one file's data: a database error, or a string it cannot encode (a file
# name's undecodable bytes, kept as surrogates, once reached SQLite that way and ended the import).
_REFUSALS = (SQLAlchemyError, UnicodeError)


def _refusal(error: Exception) -> str:
    if isinstance(error, UnicodeError):
        return "it holds characters the database cannot store"
    if kind(error) in WHOLE_DATABASE:
        return describe(error)
    # For one file's refusal the driver's own first line ("NOT NULL constraint failed: documents.title")
    # says most: it names the rule, never the statement or its parameters, which SQLAlchemy's wrapper adds.
    return str(getattr(error, "orig", None) or error).splitlines()[0]


@dataclass
class FileResult:
    file: str
    status: str  # "imported" | "skipped" | "failed"
    id: int | None = None
    reason: str | None = None
    encoding: str | None = None
    script: str | None = None
    cleaning: list[dict] | None = None

    def __post_init__(self) -> None:
        # A file name's undecodable bytes (surrogates) as \xNN: the result is printed and stored.
        self.file = shown(self.file)
        if self.reason is not None:
            self.reason = shown(self.reason)

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class ReadFile:
    path: Path
    articles: list[PreparedArticle] = field(default_factory=list)  # those to store
    results: list[FileResult] = field(default_factory=list)  # one per article to store, filled in when stored
    reported: list[FileResult] = field(default_factory=list)  # every result of the file, in its order
    unit: str = "this file"  # what is stored as one: the file, or a long table's part


@dataclass
class Batch:
    files: list[ReadFile] = field(default_factory=list)
    size: int = 0  # articles in all the files

    def add(self, read: ReadFile) -> None:
        self.files.append(read)
        self.size += len(read.articles)


class ImportStore:
    """Writes read and cut files, deciding duplicates against the project and the import so far.

    Files are committed together every COMMIT_SECONDS (each commit writes to the disk), so an
    interruption loses at most that much work, and never part of a file.
    """

    def __init__(self, session_factory: sessionmaker[Session], dictionary_hash: str, force: bool):
        self._session_factory = session_factory
        self._dictionary_hash = dictionary_hash
        self._force = force
        self._seen: dict[str, str] = {}  # content hash -> label, of articles stored by this import
        self._pending: list[tuple[ReadFile, list[bytes]]] = []
        self._since = time.monotonic()
        self.stopped: str | None = None  # why the database stopped the import, in words

    def add(self, batch: Batch, boundaries: list[bytes]) -> None:
        """Takes the batch's files with their articles' packed boundaries, in order."""
        cuts = iter(boundaries)
        self._pending.extend((read, [next(cuts) for _ in read.articles]) for read in batch.files)
        if time.monotonic() - self._since >= COMMIT_SECONDS:
            self.flush()

    def flush(self) -> None:
        pending, self._pending = self._pending, []
        self._since = time.monotonic()
        if not pending or self.stopped:
            self.give_up([read for read, _ in pending])
            return
        try:
            self._commit([read for read, _ in pending], [cut for _, cut in pending])
        except _REFUSALS as error:
            if kind(error) in WHOLE_DATABASE:  # every file would fail alike, each after a wait
                self.stopped = describe(error)
                self.give_up([read for read, _ in pending])
                return
            for read, cut in pending:  # the database refused something: find out which file it was
                try:
                    self._commit([read], [cut])
                except _REFUSALS as error:
                    reason = _refusal(error)
                    for result in read.results:
                        result.status = "failed"
                        result.reason = (f"{result.file}: could not be stored ({reason}); nothing was "
                                         f"imported from {read.unit}")

    def give_up(self, files: list[ReadFile]) -> None:
        """Files read but never to be stored, because the database stopped the import."""
        for read in files:
            for result in read.results:
                result.status, result.id = "failed", None
                result.reason = f"{result.file}: not imported: {self.stopped}"

    def _commit(self, files: list[ReadFile], boundaries: list[list[bytes]]) -> None:
        """Stores the files in one transaction; results and the seen hashes change only once committed."""
        outcomes: list[tuple[FileResult, str, int | str]] = []  # (result, status, id or reason)
        seen_now: dict[str, str] = {}
        with self._session_factory.begin() as session:
            _take_write_lock(session)
            known = {} if self._force else _known_hashes(
                session, {a.content_hash for read in files for a in read.articles})
            stored: list[tuple[FileResult, PreparedArticle, bytes, Path]] = []
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


def _insert(session: Session, stored: list[tuple[FileResult, PreparedArticle, bytes, Path]],
            dictionary_hash: str) -> list[int]:
    """Plain executemany inserts, the ids read back by guid: one statement per table, not per row."""
    if not stored:
        return []
    now = utcnow()
    # Long texts go in after their rows, a window at a time (text_blobs.py); the rows hold "" till then.
    streamed = [streams_texts(session) and is_long(a.original, a.text) for _, a, _, _ in stored]
    rows = [
        {"guid": new_guid(), "title": a.title[:500], "outlet": a.outlet[:300] if a.outlet else None,
         "published": a.published, "authors": a.authors, "url": a.url,
         "original_text": "" if stream else a.original, "text": "" if stream else a.text,
         "chars": len(a.text),  # stored here: a streamed text is "" in the row until its blob is written
         "script": a.script, "cleaning": a.cleaning, "extracted": a.extracted, "content_hash": a.content_hash,
         "encoding": a.encoding, "source_path": shown(str(path)), "imported_at": now}
        for (_, a, _, path), stream in zip(stored, streamed, strict=True)
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
        {"document_id": id_, "dictionary_hash": dictionary_hash, "boundaries": cut,
         "computed_at": now}
        for id_, (_, _, cut, _) in zip(ids, stored, strict=True)
    ])
    for id_, (_, a, _, _), stream in zip(ids, stored, streamed, strict=True):
        if stream:
            write_texts(session, id_, a.original, a.text)
    return ids
