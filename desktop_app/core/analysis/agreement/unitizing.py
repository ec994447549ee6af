"""Krippendorff's alpha for unitizing, alpha-U (Krippendorff 1995; in the corrected form of
Krippendorff 2004, Content Analysis, 2nd ed., section 12.4, as DKPro Statistics implements it).

For one code c, each coder's continuum is cut into sections: their units of c (merged spans) and the
gaps between them. With m coders, a continuum of length L, and l the length of a section:

    D_o(c) = 2 / (m (m - 1) L^2) * sum over pairs of coders i < j, over sections g of i and h of j, of
             (b_g - b_h)^2 + (e_g - e_h)^2   if g and h are both units and overlap,
             l_g^2                            if g is a unit lying wholly inside the gap h,
             l_h^2                            if h is a unit lying wholly inside the gap g,
             0                                otherwise
    D_e(c) = 2 / L * sum over units u of all coders of
             [ (N_c - 1) (2 l_u^3 - 3 l_u^2 + l_u) / 3 + l_u^2 * sum over gaps h of all coders with
               l_h >= l_u of (l_h - l_u + 1) ]
             / ( m L (m L - 1) - sum over units u of l_u (l_u - 1) )
    alpha_U(c) = 1 - D_o(c) / D_e(c);   pooled over codes: 1 - sum_c D_o(c) / sum_c D_e(c)

(b, e: a section's first and one-past-last position; N_c: the number of units of c of all coders.)
Several documents form one continuum laid end to end, with no gap running across a document's edge:
a unit cannot fall by chance across two documents. alpha-U has no notion of missing data, so its
continuum is the documents every compared coder has coded.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from desktop_app.core.analysis.agreement.figures import Figure

Units = tuple[np.ndarray, np.ndarray]  # sorted, non-overlapping (starts, ends)


@dataclass(frozen=True)
class Disagreement:
    observed: float
    expected: float

    def figure(self) -> Figure:
        if self.expected == 0:
            return Figure.undefined("nobody coded any unit: alpha-U is 0/0")
        return Figure(1.0 - self.observed / self.expected)


def gaps(units: Units, pieces: Sequence[tuple[int, int]]) -> np.ndarray:
    """Lengths of the stretches of the continuum outside `units`, each ending at a piece's edge."""
    starts, ends = units
    piece_starts = np.array([a for a, _ in pieces], dtype=np.int64)
    piece_ends = np.array([b for _, b in pieces], dtype=np.int64)
    lefts = np.sort(np.concatenate((piece_starts, ends)), kind="stable")
    rights = np.sort(np.concatenate((starts, piece_ends)), kind="stable")
    lengths = rights - lefts
    return lengths[lengths > 0]


def _overlap_counts(starts: np.ndarray, ends: np.ndarray, other_starts: np.ndarray,
                    other_ends: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """For each unit, the first overlapping unit of the other coder and how many overlap it."""
    first = np.searchsorted(other_ends, starts, side="right")
    stop = np.searchsorted(other_starts, ends, side="left")
    return first, np.maximum(stop - first, 0)


def pair_distance(one: Units, other: Units) -> float:
    """The sum of section distances between two coders' sectionings of one code."""
    starts, ends = one
    other_starts, other_ends = other
    first, count = _overlap_counts(starts, ends, other_starts, other_ends)
    total = float(((ends[count == 0] - starts[count == 0]).astype(float) ** 2).sum())
    _, count_back = _overlap_counts(other_starts, other_ends, starts, ends)
    alone = count_back == 0
    total += float(((other_ends[alone] - other_starts[alone]).astype(float) ** 2).sum())
    pairs = int(count.sum())
    if pairs:
        mine = np.repeat(np.arange(len(starts)), count)
        offsets = np.repeat(np.cumsum(count) - count, count)
        theirs = np.arange(pairs) - offsets + np.repeat(first, count)
        begin = (starts[mine] - other_starts[theirs]).astype(float)
        finish = (ends[mine] - other_ends[theirs]).astype(float)
        total += float((begin ** 2 + finish ** 2).sum())
    return total


def unitizing_disagreement(coders: Sequence[Units], pieces: Sequence[tuple[int, int]]) -> Disagreement:
    """D_o and D_e of one code over a continuum made of `pieces` ([start, end) stretches)."""
    m = len(coders)
    length = float(sum(b - a for a, b in pieces))
    if m < 2 or length == 0:
        return Disagreement(0.0, 0.0)
    observed = 0.0
    for i in range(m):
        for j in range(i + 1, m):
            observed += pair_distance(coders[i], coders[j])
    observed *= 2.0 / (m * (m - 1) * length * length)

    lengths = np.concatenate([ends - starts for starts, ends in coders]).astype(float)
    if len(lengths) == 0:
        return Disagreement(observed, 0.0)
    gap_lengths = np.sort(np.concatenate([gaps(units, pieces) for units in coders]).astype(float))
    # For each unit, the sum over gaps at least as long of (gap - l + 1), from suffix sums.
    suffix_sum = np.concatenate((np.cumsum(gap_lengths[::-1])[::-1], [0.0]))
    first_fitting = np.searchsorted(gap_lengths, lengths, side="left")
    fitting = len(gap_lengths) - first_fitting
    placements = suffix_sum[first_fitting] - (lengths - 1.0) * fitting
    n_c = len(lengths)
    numerator = ((n_c - 1) * (2 * lengths ** 3 - 3 * lengths ** 2 + lengths) / 3.0
                 + lengths ** 2 * placements).sum()
    denominator = m * length * (m * length - 1) - float((lengths * (lengths - 1)).sum())
    if denominator <= 0:
        return Disagreement(observed, 0.0)
    return Disagreement(observed, float(2.0 / length * numerator / denominator))


def pooled(disagreements: Sequence[Disagreement]) -> Disagreement:
    return Disagreement(sum(d.observed for d in disagreements), sum(d.expected for d in disagreements))
