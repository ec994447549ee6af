"""Where two coders disagree, passage by passage: the rows of the disagreement browser.

Per document (coded by both) and code, each coder's merged spans are grouped into passages of
overlapping spans. A passage both coders coded with the same code, with the same extent, is
agreement. Otherwise it is
- "different extent": both applied the code, but their spans differ;
- "different code": only one applied the code, and the other applied another code there (and the
  first did not): the passages joined by such overlaps form one row;
- "missing": only one coder coded the passage, and the other coded nothing there that the first
  did not also code.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from desktop_app.core.analysis.agreement.study import load_study
from desktop_app.core.codebook.tree import code_paths, find_code
from desktop_app.core.errors import GovCoderError

KINDS = ("missing", "different code", "different extent")


@dataclass(frozen=True)
class SpanRef:
    coder: str
    code: str
    start: int
    end: int

    def to_json(self) -> dict[str, Any]:
        return {"coder": self.coder, "code": self.code, "start": self.start, "end": self.end}


@dataclass(frozen=True)
class Disagreement:
    document: int
    title: str
    start: int
    end: int
    kind: str
    codes: list[str]
    coders: list[str]  # the coders with a span in the passage
    spans: list[SpanRef]

    @property
    def id(self) -> str:
        """A name to act on that stays the same while the two coders' spans here stay the same:
        D<document>-<start>-<end>-<hash of the kind and every span's coder, code and extent>. It does
        not depend on the order the coders are given in, nor on other passages."""
        content = "\n".join([self.kind, *sorted(f"{s.coder}\t{s.code}\t{s.start}\t{s.end}" for s in self.spans)])
        digest = hashlib.sha256(content.encode("utf-8")).hexdigest()[:8]
        return f"D{self.document}-{self.start}-{self.end}-{digest}"

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "document": self.document, "title": self.title, "start": self.start, "end": self.end,
                "kind": self.kind, "codes": self.codes, "coders": self.coders,
                "spans": [span.to_json() for span in self.spans]}


def _passages(spans: list[SpanRef]) -> list[list[SpanRef]]:
    """Spans grouped into runs of overlapping ones (touching spans stay apart)."""
    groups: list[list[SpanRef]] = []
    reach = -1
    for span in sorted(spans, key=lambda s: (s.start, s.end, s.coder)):
        if groups and span.start < reach:
            groups[-1].append(span)
            reach = max(reach, span.end)
        else:
            groups.append([span])
            reach = span.end
    return groups


def _row(document: int, title: str, kind: str, spans: list[SpanRef], order: dict[str, int]) -> Disagreement:
    return Disagreement(
        document=document, title=title, start=min(s.start for s in spans), end=max(s.end for s in spans),
        kind=kind, codes=sorted({s.code for s in spans}), coders=sorted({s.coder for s in spans}, key=order.get),
        spans=sorted(spans, key=lambda s: (s.start, s.end, order[s.coder], s.code)),
    )


def document_disagreements(document: int, title: str, spans: list[SpanRef], order: dict[str, int]) -> list[Disagreement]:
    """The disagreements among one document's spans (of exactly two coders)."""
    rows: list[Disagreement] = []
    singles: list[list[SpanRef]] = []
    for code in sorted({s.code for s in spans}):
        for passage in _passages([s for s in spans if s.code == code]):
            coders = {s.coder for s in passage}
            if len(coders) == 1:
                singles.append(passage)
            elif not (len(passage) == 2 and passage[0].start == passage[1].start
                      and passage[0].end == passage[1].end):
                rows.append(_row(document, title, "different extent", passage, order))
    # Join one-coder passages of different coders that overlap: those are different codes.
    parent = list(range(len(singles)))

    def root(n: int) -> int:
        while parent[n] != n:
            parent[n] = parent[parent[n]]
            n = parent[n]
        return n

    def overlap(a: list[SpanRef], b: list[SpanRef]) -> bool:
        return any(x.start < y.end and y.start < x.end for x in a for y in b)

    ordered = sorted(range(len(singles)), key=lambda n: min(s.start for s in singles[n]))
    for position, n in enumerate(ordered):
        end = max(s.end for s in singles[n])
        for other in ordered[position + 1:]:
            if min(s.start for s in singles[other]) >= end:
                break
            if singles[n][0].coder != singles[other][0].coder and overlap(singles[n], singles[other]):
                parent[root(other)] = root(n)
    groups: dict[int, list[SpanRef]] = {}
    for n, passage in enumerate(singles):
        groups.setdefault(root(n), []).extend(passage)
    for group in groups.values():
        kind = "different code" if len({s.coder for s in group}) > 1 else "missing"
        rows.append(_row(document, title, kind, group, order))
    return sorted(rows, key=lambda r: (r.start, r.end, r.kind))


def list_disagreements(session: Session, coders: Sequence[str], *, code: str | None = None,
                       documents: Sequence[int] | None = None) -> list[Disagreement]:
    """Every disagreement between two coders in the documents both have coded, in document order;
    with `code`, only those involving that code (a path)."""
    if len([c for c in coders if c.strip()]) != 2:
        raise GovCoderError("disagreements compare exactly two coders: give them as --coders A,B")
    wanted = code_paths(session)[find_code(session, code).id] if code else None
    study = load_study(session, coders, documents=documents)
    order = {name: i for i, name in enumerate(study.coders)}
    rows: list[Disagreement] = []
    for d, document_id in enumerate(study.document_ids):
        if not study.coded[:, d].all():
            continue
        spans = []
        for i, coder in enumerate(study.coders):
            for k, path in enumerate(study.codes):
                starts, ends = study.document_spans(i, k, d)
                spans.extend(SpanRef(coder, path, int(a), int(b)) for a, b in zip(starts, ends, strict=True))
        found = document_disagreements(document_id, study.titles[d], spans, order)
        rows.extend(r for r in found if wanted is None or wanted in r.codes)
    return rows
