"""Importing files into a project: duplicates reported, tokens cached, nothing half-stored.

A file that fails leaves nothing behind and never stops the others. An article whose text (ignoring
whitespace, so also ignoring furniture that cleaning removed) is already in the project, or appeared
earlier in the same import, is skipped with the reason unless `force` is given.

Files are read and cleaned (`import_read`; a long table in parts of a thousand rows, so memory stays
flat), then cut in batches (one engine call for many articles) and handed to `import_store`, which
stores them in bulk and commits about once a second: an interrupted import loses at most the last
second's files, never part of a file (or of a table's part). Cutting on a worker thread was
measured slower (0.64 s against 0.53 s for 1,000 articles): rjieba turns its tokens into Python
strings holding the GIL, and the hand-overs of the GIL cost the reading thread more than the overlap
saved.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from desktop_app.core.bulk import gc_paused
from desktop_app.core.errors import GovCoderError
from desktop_app.core.store.models import Code, Document, Segmentation, utcnow
from desktop_app.core.text.import_read import Cancelled, Progress, read_parts, row_reporter
from desktop_app.core.text.import_store import Batch, FileResult, ImportStore
from desktop_app.core.text.pipeline import CleaningOptions
from desktop_app.core.text.readers import SUPPORTED_SUFFIXES
from desktop_app.core.text.segment import Segmenter, pack_boundaries, unpack_boundaries
from desktop_app.core.text.windows import LONG_TEXT

# Articles cut in one engine call.
BATCH_ARTICLES = 128


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


def import_paths(session_factory: sessionmaker[Session], paths: list[Path], *, encoding: str | None = None,
                 options: CleaningOptions | None = None, force: bool = False,
                 segmenter: Segmenter | None = None, progress: Progress | None = None,
                 cancelled: Callable[[], bool] | None = None) -> list[FileResult]:
    files = expand_paths(Path(p) for p in paths)
    if segmenter is None:
        with session_factory() as session:
            segmenter = segmenter_for(session)
    store = ImportStore(session_factory, segmenter.dictionary_hash, force)
    results: list[FileResult] = []
    batch = Batch()
    with gc_paused():
        for number, path in enumerate(files):
            if cancelled is not None and cancelled():
                results.extend(FileResult(str(p), "skipped", reason="import cancelled before this file")
                               for p in files[number:])
                break
            if progress is not None:
                progress(number, len(files), str(path))
            try:
                for part in read_parts(path, encoding, options,
                                       row_reporter(path, number, len(files), progress, cancelled)):
                    results.extend(part.reported)
                    if part.articles:
                        batch.add(part)
                        if batch.size >= BATCH_ARTICLES:
                            store.add(batch, _cut(batch, segmenter))
                            batch = Batch()
                if store.stopped:
                    store.give_up(batch.files)
                    batch = Batch()
                    results.extend(FileResult(str(p), "skipped", reason=f"not imported: {store.stopped}")
                                   for p in files[number + 1:])
                    break
            except Cancelled as stop:
                results.append(FileResult(str(path), "skipped", reason=(
                    f"import cancelled while reading this file; {_kept(stop)}")))
                results.extend(FileResult(str(p), "skipped", reason="import cancelled before this file")
                               for p in files[number + 1:])
                break
        if batch.files:
            store.add(batch, _cut(batch, segmenter))
        store.flush()
    if progress is not None:
        progress(len(files), len(files), "")
    return results


def _cut(batch: Batch, segmenter: Segmenter) -> list[bytes]:
    """Each article's boundaries, packed as they come: a list of Python ints costs about 35 bytes a token,
    the packed form 4, and a table of 20,000 articles is one batch (2.5 GB of lists before packing).
    Short articles are cut BATCH_ARTICLES to an engine call; a long one alone, window by window."""
    articles = [article for read in batch.files for article in read.articles]
    packed: list[bytes] = []
    chunk: list = []

    def cut_chunk() -> None:
        cuts = segmenter.boundaries_many([a.text for a in chunk], [a.shadow for a in chunk])
        packed.extend(map(pack_boundaries, cuts))
        for article in chunk:
            article.shadow = ""  # a traditional article's shadow is a copy of its text, needed no more
        chunk.clear()

    for article in articles:
        if len(article.text) > LONG_TEXT:
            if chunk:
                cut_chunk()
            packed.append(segmenter.packed_boundaries(article.text, article.shadow))
            article.shadow = ""
            continue
        chunk.append(article)
        if len(chunk) == BATCH_ARTICLES:
            cut_chunk()
    if chunk:
        cut_chunk()
    return packed


def _kept(stop: Cancelled) -> str:
    if not stop.kept:
        return "nothing was imported from it"
    return f"the rows after its first {stop.kept:,} were not imported"


def ensure_segmentation(session: Session, document_id: int, segmenter: Segmenter, *,
                        store: bool = True) -> list[int]:
    """The document's token boundaries, from the cache unless the dictionary changed since; computed
    ones are cached unless `store` is false (a project opened read-only)."""
    cached = session.get(Segmentation, document_id)
    if cached is not None and cached.dictionary_hash == segmenter.dictionary_hash:
        return unpack_boundaries(cached.boundaries)
    document = session.get(Document, document_id)
    if document is None:
        raise GovCoderError(f"no document with id {document_id} in this project")
    packed = segmenter.packed_boundaries(document.text)
    if not store:
        return unpack_boundaries(packed)
    if cached is None:
        session.add(Segmentation(document_id=document_id, dictionary_hash=segmenter.dictionary_hash,
                                 boundaries=packed))
    else:
        cached.dictionary_hash = segmenter.dictionary_hash
        cached.boundaries = packed
        cached.computed_at = utcnow()
    session.flush()
    return unpack_boundaries(packed)
