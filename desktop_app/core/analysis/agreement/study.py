"""What an agreement study compares, read from the project: coders, codes, documents, spans.

Missing data. A document counts as coded by a coder when the coder marked it done, or made at least
one annotation in it (of any code). Where a coder has not coded a document, their values for its units
are missing, not "absent": a document nobody asked them to code says nothing about their judgement.
Only documents coded by at least two of the compared coders enter a study.

A coder's annotations of one code that overlap are merged into their union first (coding the same
words twice is one judgement, not two agreeing ones); touching but not overlapping spans stay apart.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_app.core.annotate.coders import find_coder
from desktop_app.core.codebook.tree import code_paths, find_code, list_codes
from desktop_app.core.errors import GovCoderError
from desktop_app.core.store.models import Annotation, Document, DocumentStatus

CODED_RULE = ("a coder has coded a document when they marked it done or made at least one "
              "annotation in it; their values elsewhere are missing, not absent")


@dataclass(frozen=True)
class Spans:
    """One coder's merged spans of one code, in study coordinates (documents laid end to end)."""

    starts: np.ndarray
    ends: np.ndarray


@dataclass
class Study:
    coders: list[str]
    codes: list[str]  # paths
    code_ids: list[int]
    document_ids: list[int]
    titles: list[str]
    texts: list[str]
    # offsets[d] is where document d starts in study coordinates; offsets[-1] the total length.
    offsets: np.ndarray
    # coded[i, d]: coder i has coded document d.
    coded: np.ndarray
    # spans[i][k]: coder i's merged spans of code k.
    spans: list[list[Spans]]
    documents_skipped: int = 0

    @property
    def m(self) -> int:
        return len(self.coders)

    def document_spans(self, i: int, k: int, d: int) -> tuple[np.ndarray, np.ndarray]:
        """Coder i's spans of code k inside document d, in the document's own offsets."""
        spans = self.spans[i][k]
        a, b = np.searchsorted(spans.starts, [self.offsets[d], self.offsets[d + 1]])
        return spans.starts[a:b] - self.offsets[d], spans.ends[a:b] - self.offsets[d]


def merge_overlapping(starts: Sequence[int], ends: Sequence[int]) -> tuple[list[int], list[int]]:
    """Sorted spans with every overlapping group replaced by its union (touching spans stay apart)."""
    order = sorted(range(len(starts)), key=lambda n: (starts[n], ends[n]))
    merged_starts: list[int] = []
    merged_ends: list[int] = []
    for n in order:
        if merged_ends and starts[n] < merged_ends[-1]:
            merged_ends[-1] = max(merged_ends[-1], ends[n])
        else:
            merged_starts.append(starts[n])
            merged_ends.append(ends[n])
    return merged_starts, merged_ends


def _resolve_coders(session: Session, names: Sequence[str]) -> list[tuple[int, str]]:
    cleaned = [name.strip() for name in names if name.strip()]
    if len(cleaned) < 2:
        raise GovCoderError("agreement needs at least two coders: give them as --coders A,B")
    if len(set(cleaned)) != len(cleaned):
        raise GovCoderError("a coder is named twice in --coders: name each coder once")
    return [(find_coder(session, name).id, name) for name in cleaned]


def load_study(session: Session, coder_names: Sequence[str], *, codes: Sequence[str] | None = None,
               documents: Sequence[int] | None = None) -> Study:
    """Read a study from the project. `codes` are paths (default: every code the coders used in the
    compared documents, in codebook order); `documents` are ids (default: every document)."""
    coders = _resolve_coders(session, coder_names)
    coder_index = {coder_id: i for i, (coder_id, _) in enumerate(coders)}
    m = len(coders)

    doc_rows = session.execute(select(Document.id, Document.title).order_by(Document.id)).all()
    known = {row.id: row.title for row in doc_rows}
    if documents is not None:
        wanted = list(dict.fromkeys(documents))
        unknown = [d for d in wanted if d not in known]
        if unknown:
            raise GovCoderError(f"no document with id {unknown[0]} in this project")
        if not wanted:
            raise GovCoderError("no documents chosen: give document ids as --docs 1,2,...")
        selected = sorted(wanted)
    else:
        selected = sorted(known)
    selected_set = set(selected)

    # Every annotation of the compared coders, as plain tuples: one query.
    table = Annotation.__table__
    rows = session.execute(
        select(table.c.document_id, table.c.code_id, table.c.coder_id, table.c.start_offset,
               table.c.end_offset).where(table.c.coder_id.in_([c for c, _ in coders]))
    ).all()
    coded_pairs = {(coder_index[r[2]], r[0]) for r in rows if r[0] in selected_set}
    for document_id, coder_id in session.execute(
            select(DocumentStatus.document_id, DocumentStatus.coder_id)
            .where(DocumentStatus.status == "done", DocumentStatus.coder_id.in_([c for c, _ in coders]))):
        if document_id in selected_set:
            coded_pairs.add((coder_index[coder_id], document_id))
    coders_of: dict[int, int] = {}
    for _, document_id in coded_pairs:
        coders_of[document_id] = coders_of.get(document_id, 0) + 1
    compared = [d for d in selected if coders_of.get(d, 0) >= 2]
    if not compared:
        names = ", ".join(name for _, name in coders)
        raise GovCoderError(f"no document has been coded by at least two of {names} ({CODED_RULE})")
    doc_index = {d: n for n, d in enumerate(compared)}

    paths = code_paths(session)
    if codes is not None:
        code_ids = list(dict.fromkeys(find_code(session, path).id for path in codes))
        if not code_ids:
            raise GovCoderError("no codes chosen: give code paths as --codes PATH,...")
    else:
        used = {r[1] for r in rows if r[0] in doc_index}
        code_ids = [info.id for info in list_codes(session) if info.id in used]
    code_index = {code_id: k for k, code_id in enumerate(code_ids)}

    texts = dict(session.execute(select(Document.id, Document.text).where(Document.id.in_(compared))).all())
    lengths = np.array([len(texts[d]) for d in compared], dtype=np.int64)
    offsets = np.concatenate(([0], np.cumsum(lengths)))

    coded = np.zeros((m, len(compared)), dtype=bool)
    for i, document_id in coded_pairs:
        if document_id in doc_index:
            coded[i, doc_index[document_id]] = True

    collected: list[list[tuple[list[int], list[int]]]] = [[([], []) for _ in code_ids] for _ in range(m)]
    for document_id, code_id, coder_id, start, end in rows:
        d = doc_index.get(document_id)
        k = code_index.get(code_id)
        if d is None or k is None:
            continue
        starts, ends = collected[coder_index[coder_id]][k]
        starts.append(int(offsets[d]) + start)
        ends.append(int(offsets[d]) + end)
    spans = []
    for i in range(m):
        per_code = []
        for k in range(len(code_ids)):
            merged = merge_overlapping(*collected[i][k])
            per_code.append(Spans(np.array(merged[0], dtype=np.int64), np.array(merged[1], dtype=np.int64)))
        spans.append(per_code)

    return Study(
        coders=[name for _, name in coders], codes=[paths[c] for c in code_ids], code_ids=code_ids,
        document_ids=compared, titles=[known[d] for d in compared], texts=[texts[d] for d in compared],
        offsets=offsets, coded=coded, spans=spans, documents_skipped=len(selected) - len(compared),
    )
