"""The unitizing alpha family of Krippendorff, Mathet, Bouvry & Widlöcher (2016), in the
coincidence-matrix form of Krippendorff (2019, Content Analysis, 4th ed., section 12.6), as ATLAS.ti
offers it: |uα ("alpha-binary"), cuα over a semantic domain, and Cuα across domains.

A semantic domain is a group of mutually exclusive codes. Each coder's continuum is cut into
sections: segments of one of the domain's codes and the gaps (φ) between them. With m coders, l_g a
section's length and |g ∩ h| the length two sections share:

    observed coincidences  l_ck = 1/(m - 1) * sum over coders i != j, sections g of i valued c and
                                  h of j valued k, of |g ∩ h|
    expected coincidences  ε_ck = (l_c. * l_.k - [c = k] * S_c) / (l.. - S / l..)
                           S_c = sum over sections valued c of l_g^2 (of l_g for gaps, whose
                           characters pair freely), S = sum of S_c
    alpha = 1 - sum_{c != k} l_ck / sum_{c != k} ε_ck

- |uα collapses all codes of the domain into one value "coded": agreement on what is relevant.
  Per code, |uα of code k collapses k against everything else (other codes and gaps).
- cuα keeps only the coincidences between coded sections (l_ck with c, k != φ); in the correction,
  a segment counts only with its characters that some other coder also coded (its pairable length):
  agreement on which code, where both coders coded.
- Cuα is cuα with the domains themselves as values: agreement on which domain.

Because l_ck sums characters, it is computed character by character: each coder's value at each
position, pairs of positions counted. Several documents form one continuum laid end to end; the
continuum holds the documents every compared coder has coded.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from desktop_app.core.analysis.agreement.figures import Figure

GAP = 0


class NotExclusive(ValueError):
    """A coder applied two codes of one domain to the same characters."""


@dataclass(frozen=True)
class CodeBinary:
    code: str
    binary_alpha: Figure

    def to_json(self) -> dict[str, Any]:
        return {"code": self.code, "binary_alpha": self.binary_alpha.value,
                "undefined": {"binary_alpha": self.binary_alpha.reason} if self.binary_alpha.reason else {}}


@dataclass(frozen=True)
class DomainFigures:
    domain: str
    codes: list[str]
    binary_alpha: Figure
    cu_alpha: Figure
    per_code: list[CodeBinary] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        undefined = {name: figure.reason for name, figure in
                     (("binary_alpha", self.binary_alpha), ("cu_alpha", self.cu_alpha)) if figure.reason}
        return {"domain": self.domain, "codes": self.codes, "binary_alpha": self.binary_alpha.value,
                "cu_alpha": self.cu_alpha.value, "undefined": undefined,
                "per_code": [entry.to_json() for entry in self.per_code]}


@dataclass(frozen=True)
class Continuum:
    """Each coder's value at each position (0 for a gap, k + 1 for code k) and where their sections
    are cut: at their own segments' edges (touching segments of one code stay two) and documents'."""

    rows: np.ndarray
    cuts: list[np.ndarray]


def value_rows(coders: Sequence[Sequence[tuple[np.ndarray, np.ndarray]]], length: int,
               breaks: np.ndarray | None = None) -> Continuum:
    """The continuum of m coders; `breaks` are the positions where documents meet.

    coders[i][k] holds coder i's merged (starts, ends) of code k, in continuum positions. Raises
    NotExclusive (naming the coder's index) where one coder gave two codes to one character.
    """
    rows = np.zeros((len(coders), length), dtype=np.int64)
    breaks = np.asarray(breaks if breaks is not None else [], dtype=np.int64)
    cuts = []
    for i, codes in enumerate(coders):
        cuts.append(np.unique(np.concatenate([breaks] + [np.concatenate((a, b)) for a, b in codes]).astype(np.int64)))
        marks = np.zeros(length + 1, dtype=np.int64)
        covered = np.zeros(length + 1, dtype=np.int64)
        for k, (starts, ends) in enumerate(codes):
            np.add.at(marks, starts, k + 1)
            np.add.at(marks, ends, -(k + 1))
            np.add.at(covered, starts, 1)
            np.add.at(covered, ends, -1)
        depth = np.cumsum(covered)[:length]
        if np.any(depth > 1):
            raise NotExclusive(i, int((depth > 1).sum()))
        rows[i] = np.cumsum(marks)[:length]
    return Continuum(rows, cuts)


def _sections(row: np.ndarray, breaks: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Runs of equal value in one coder's row (cut also at document edges): starts, ends, values."""
    change = np.flatnonzero(np.diff(row) != 0) + 1
    cuts = np.unique(np.concatenate(([0], change, breaks, [len(row)])))
    cuts = cuts[(cuts >= 0) & (cuts <= len(row))]
    starts, ends = cuts[:-1], cuts[1:]
    keep = ends > starts
    return starts[keep], ends[keep], row[starts[keep]]


def _alpha(observed: np.ndarray, expected: np.ndarray, empty: str) -> Figure:
    disagree_o = observed.sum() - np.trace(observed)
    disagree_e = expected.sum() - np.trace(expected)
    if observed.sum() == 0:
        return Figure.undefined(empty)
    if disagree_e <= 0:
        return Figure.undefined("only one value was used: there is no variation to agree on")
    return Figure(float(1.0 - disagree_o / disagree_e))


def _coincidences(rows: np.ndarray, values: int) -> np.ndarray:
    m = rows.shape[0]
    matrix = np.zeros((values, values))
    for i in range(m):
        for j in range(m):
            if i != j:
                matrix += np.bincount(rows[i] * values + rows[j], minlength=values * values).reshape(values, values)
    return matrix / (m - 1)


def _expected(observed: np.ndarray, corrections: np.ndarray) -> np.ndarray:
    total = observed.sum()
    margins = observed.sum(axis=1)
    denominator = total - corrections.sum() / total
    if denominator <= 0:
        return np.zeros_like(observed)
    return (np.outer(margins, margins) - np.diag(corrections)) / denominator


def _corrections(rows: np.ndarray, values: int, cuts: list[np.ndarray], pairable: bool = False) -> np.ndarray:
    corrections = np.zeros(values)
    coded = rows != GAP
    for i, row in enumerate(rows):
        starts, ends, kinds = _sections(row, cuts[i])
        if pairable:
            others = np.delete(coded, i, axis=0).any(axis=0)
            prefix = np.concatenate(([0], np.cumsum(others)))
            lengths = (prefix[ends] - prefix[starts]).astype(float)
        else:
            lengths = (ends - starts).astype(float)
        weights = np.where(kinds == GAP, lengths, lengths ** 2)
        np.add.at(corrections, kinds, weights)
    return corrections


def _collapse(matrix: np.ndarray, groups: np.ndarray, count: int) -> np.ndarray:
    """Sum the rows and columns of a values-by-values matrix into groups of values."""
    one_hot = np.zeros((len(groups), count))
    one_hot[np.arange(len(groups)), groups] = 1.0
    return one_hot.T @ matrix @ one_hot


@dataclass(frozen=True)
class Coincidences:
    observed: np.ndarray
    expected: np.ndarray

    @classmethod
    def of(cls, continuum: Continuum, values: int) -> Coincidences:
        observed = _coincidences(continuum.rows, values)
        return cls(observed, _expected(observed, _corrections(continuum.rows, values, continuum.cuts)))

    def binary(self, coded: np.ndarray) -> Figure:
        """|uα with `coded` (a 0/1 per value) as the relevant matter, all else as irrelevant."""
        groups = coded.astype(np.int64)
        return _alpha(_collapse(self.observed, groups, 2), _collapse(self.expected, groups, 2),
                      "the continuum is empty")


def cu_alpha(continuum: Continuum, values: int) -> Figure:
    """cuα: which value, over the characters two coders both coded."""
    observed = _coincidences(continuum.rows, values)[1:, 1:]
    if observed.sum() == 0:
        return Figure.undefined("no two coders coded the same characters: nothing to compare")
    corrections = _corrections(continuum.rows, values, continuum.cuts, pairable=True)[1:]
    return _alpha(observed, _expected(observed, corrections), "nothing coded")


def domain_figures(domain: str, codes: Sequence[str], continuum: Continuum) -> DomainFigures:
    values = len(codes) + 1
    matrices = Coincidences.of(continuum, values)
    per_code = [CodeBinary(code, matrices.binary(np.arange(values) == k + 1)) for k, code in enumerate(codes)]
    return DomainFigures(domain, list(codes), matrices.binary(np.arange(values) != GAP),
                         cu_alpha(continuum, values), per_code)
