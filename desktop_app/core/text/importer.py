"""Importing files into a project: one transaction per file, duplicates reported, tokens cached.

A file that fails leaves nothing behind and never stops the others. An article whose text (ignoring
whitespace, so also ignoring furniture that cleaning removed) is already in the project, or appeared
earlier in the same batch, is skipped with the reason unless `force` is given.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from desktop_app.core.errors import GovCoderError
from desktop_app.core.store.models import Code, Document, DocumentAttribute, Segmentation, utcnow
from desktop_app.core.text.pipeline import CleaningOptions, PreparedArticle, read_articles
from desktop_app.core.text.readers import SUPPORTED_SUFFIXES
from desktop_app.core.text.segment import Segmenter, pack_boundaries, unpack_boundaries

Progress = Callable[[int, int, str], None]


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
    seen: dict[str, str] = {}  # content hash -> file, for duplicates within this batch
    results: list[FileResult] = []
    for number, path in enumerate(files):
        if cancelled is not None and cancelled():
            results.extend(FileResult(str(p), "skipped", reason="import cancelled before this file")
                           for p in files[number:])
            break
        if progress is not None:
            progress(number, len(files), str(path))
        results.extend(_import_file(session_factory, path, encoding, options, force, segmenter, seen))
    if progress is not None:
        progress(len(files), len(files), "")
    return results


def _import_file(session_factory, path: Path, encoding, options, force, segmenter,
                 seen: dict[str, str]) -> list[FileResult]:
    if not path.exists():
        return [FileResult(str(path), "failed", reason=f"{path}: no such file or folder")]
    try:
        articles = read_articles(path, encoding=encoding, options=options)
    except GovCoderError as error:
        return [FileResult(str(path), "failed", reason=str(error))]
    labels = [f"{path} (row {a.extracted['row']})" if "row" in a.extracted else str(path) for a in articles]
    results: list[FileResult] = []
    batch: dict[str, str] = {}  # hashes of this file's articles, made known to `seen` once committed
    try:
        with session_factory.begin() as session:
            for label, article in zip(labels, articles, strict=True):
                result = FileResult(label, "imported", encoding=article.encoding, script=article.script,
                                    cleaning=_summary(article.cleaning))
                duplicate = None if force else _duplicate_of(session, article, {**seen, **batch})
                if duplicate:
                    result.status, result.reason = "skipped", duplicate
                else:
                    result.id = _store(session, article, path, segmenter)
                    batch.setdefault(article.content_hash, label)
                results.append(result)
    except SQLAlchemyError as error:
        reason = str(getattr(error, "orig", None) or error).splitlines()[0]
        return [FileResult(label, "failed", reason=f"{label}: could not be stored ({reason}); nothing was "
                           "imported from this file") for label in labels]
    for content_hash, label in batch.items():
        seen.setdefault(content_hash, label)
    return results


def _duplicate_of(session: Session, article: PreparedArticle, seen: dict[str, str]) -> str | None:
    existing = session.execute(
        select(Document.id, Document.title).where(Document.content_hash == article.content_hash).limit(1)
    ).first()
    if existing:
        return f"same text as document {existing.id} ({existing.title}) already in the project; use --force"
    if article.content_hash in seen:
        return f"same text as {seen[article.content_hash]} in this import; use --force"
    return None


def _store(session: Session, article: PreparedArticle, path: Path, segmenter: Segmenter) -> int:
    document = Document(
        title=article.title[:500], outlet=article.outlet[:300] if article.outlet else None,
        published=article.published, authors=article.authors, url=article.url,
        original_text=article.original, text=article.text, script=article.script,
        cleaning=article.cleaning, extracted=article.extracted, content_hash=article.content_hash,
        encoding=article.encoding, source_path=str(path),
    )
    document.attributes = [DocumentAttribute(key=key[:200], type=kind, value=value)
                           for key, (kind, value) in article.attributes.items()]
    session.add(document)
    session.flush()
    session.add(Segmentation(document_id=document.id, dictionary_hash=segmenter.dictionary_hash,
                             boundaries=pack_boundaries(segmenter.boundaries(article.text))))
    return document.id


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
