"""The 2016 unitizing family for a study: semantic domains chosen, continuum built, figures per domain."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from desktop_app.core.analysis.agreement.figures import Figure
from desktop_app.core.analysis.agreement.study import Study
from desktop_app.core.analysis.agreement.unitizing_family import (
    DomainFigures,
    NotExclusive,
    cu_alpha,
    domain_figures,
    value_rows,
)
from desktop_app.core.codebook.tree import PATH_SEPARATOR
from desktop_app.core.errors import GovCoderError

MEASURE = "alpha-2016"


@dataclass(frozen=True)
class FamilyReport:
    length: int
    domains: list[DomainFigures] = field(default_factory=list)
    across_domains: Figure | None = None  # Cuα
    problems: dict[str, str] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        undefined = dict(self.problems)
        if self.across_domains is not None and self.across_domains.reason:
            undefined["Cu_alpha"] = self.across_domains.reason
        return {"length": self.length, "domains": [d.to_json() for d in self.domains],
                "Cu_alpha": self.across_domains.value if self.across_domains else None,
                "undefined": undefined}


def group_domains(codes: Sequence[str], chosen: Sequence[str] | None) -> dict[str, list[int]]:
    """Indices of the compared codes in each domain: at or under a chosen path, or by their root."""
    domains: dict[str, list[int]] = {}
    if chosen:
        for path in chosen:
            root = path.strip().strip(PATH_SEPARATOR)
            members = [k for k, code in enumerate(codes)
                       if code == root or code.startswith(root + PATH_SEPARATOR)]
            if not members:
                raise GovCoderError(f"no compared code lies in the domain {root!r}")
            domains[root] = members
        return domains
    for k, code in enumerate(codes):
        domains.setdefault(code.split(PATH_SEPARATOR)[0], []).append(k)
    return domains


def _laid_end_to_end(study: Study, documents: Sequence[int]):
    """Each coder's spans per code moved onto a continuum of just `documents`, and its document edges."""
    pieces = [(int(study.offsets[d]), int(study.offsets[d + 1])) for d in documents]
    shifts, position = [], 0
    for a, b in pieces:
        shifts.append(position - a)
        position += b - a
    edges = np.cumsum([b - a for a, b in pieces])[:-1] if pieces else np.array([], dtype=np.int64)

    def moved(i: int, k: int) -> tuple[np.ndarray, np.ndarray]:
        spans = study.spans[i][k]
        starts, ends = [], []
        for (a, b), shift in zip(pieces, shifts, strict=True):
            lo, hi = np.searchsorted(spans.starts, [a, b])
            starts.append(spans.starts[lo:hi] + shift)
            ends.append(spans.ends[lo:hi] + shift)
        return (np.concatenate(starts).astype(np.int64) if starts else np.array([], dtype=np.int64),
                np.concatenate(ends).astype(np.int64) if ends else np.array([], dtype=np.int64))

    return moved, position, np.asarray(edges, dtype=np.int64)


def family_of(study: Study, documents: Sequence[int], chosen: Sequence[str] | None = None) -> FamilyReport:
    """|uα and cuα per domain, |uα per code, and Cuα across domains over `documents` (coded by all)."""
    moved, length, edges = _laid_end_to_end(study, documents)
    if length == 0 or study.m < 2:
        return FamilyReport(0, problems={"all": "no document has been coded by every compared coder"})
    domains = group_domains(study.codes, chosen)
    results, problems, exclusive = [], {}, True
    for name, members in domains.items():
        coders = [[moved(i, k) for k in members] for i in range(study.m)]
        try:
            continuum = value_rows(coders, length, edges)
        except NotExclusive as clash:
            coder, characters = clash.args
            problems[name] = (f"{study.coders[coder]} gave two codes of this domain to the same "
                              f"{characters} characters: the 2016 coefficients need mutually exclusive codes")
            exclusive = False
            continue
        results.append(domain_figures(name, [study.codes[k] for k in members], continuum))
    across = None
    if len(domains) > 1 and exclusive:
        # Cuα: every code replaced by its domain, so that the values are the domains.
        coders = [[_union([moved(i, k) for k in members]) for members in domains.values()]
                  for i in range(study.m)]
        try:
            across = cu_alpha(value_rows(coders, length, edges), len(domains) + 1)
        except NotExclusive as clash:
            coder, characters = clash.args
            across = Figure.undefined(f"{study.coders[coder]} coded {characters} characters with codes of "
                                      "two domains: Cu-alpha needs the domains to be mutually exclusive")
    elif len(domains) < 2:
        across = Figure.undefined("only one domain: Cu-alpha compares domains")
    else:
        across = Figure.undefined("a domain's codes are not mutually exclusive (see its entry)")
    return FamilyReport(length, results, across, problems)


def _union(spans: list[tuple[np.ndarray, np.ndarray]]) -> tuple[np.ndarray, np.ndarray]:
    starts = np.concatenate([a for a, _ in spans]) if spans else np.array([], dtype=np.int64)
    ends = np.concatenate([b for _, b in spans]) if spans else np.array([], dtype=np.int64)
    order = np.argsort(starts, kind="stable")
    return starts[order], ends[order]
