"""Reliability data: each coder's value for each unit, per code and pooled over codes.

A coder codes a unit with code c when any of their (merged) spans of c overlaps the unit, that is,
shares at least one code point with it. For character units this is exact (the character lies in the
span); for word units it is exact too, since a coded span that starts or ends inside a word still
touches it: the word counts as coded.

Per code, a value is 1 (present), 0 (absent) or -1 (missing: the coder has not coded the document).
Pooled over codes, a coder's value for a unit is the set of codes they applied to it, the empty set
included; with mutually exclusive codes that is ordinary nominal coding, and with overlapping codes
{A, B} against {A} is a disagreement.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from desktop_app.core.analysis.agreement.study import Study
from desktop_app.core.analysis.agreement.units import unit_spans

MISSING = -1


@dataclass
class UnitData:
    starts: np.ndarray  # study coordinates
    ends: np.ndarray
    document: np.ndarray  # index of each unit's document in the study
    # present[k][i]: bool per unit, coder i applied code k to it.
    present: list[list[np.ndarray]]
    # observed[i]: bool per unit, coder i has coded the unit's document.
    observed: np.ndarray

    @property
    def count(self) -> int:
        return len(self.starts)

    def binary(self, k: int) -> np.ndarray:
        """(m, units) int8: 1 present, 0 absent, -1 missing, for code k."""
        return np.where(self.observed, np.stack(self.present[k]).astype(np.int8), np.int8(MISSING))

    def pooled(self) -> np.ndarray:
        """(m, units) int64 category ids: the set of codes each coder applied, -1 where missing."""
        m = len(self.observed)
        n_codes = len(self.present)
        if n_codes == 0:
            return np.where(self.observed, 0, MISSING).astype(np.int64)
        if n_codes <= 62:
            masks = np.zeros((m, self.count), dtype=np.int64)
            for k in range(n_codes):
                for i in range(m):
                    masks[i] |= self.present[k][i].astype(np.int64) << k
        else:
            # Codes beyond what one integer holds: number the distinct rows of code sets instead.
            stacked = np.stack([np.stack(self.present[k]) for k in range(n_codes)], axis=-1)  # m, units, K
            packed = np.packbits(stacked.reshape(m * self.count, n_codes), axis=1)
            # A leading empty row makes "no code" category 0, as in the bit masks above.
            packed = np.concatenate((np.zeros((1, packed.shape[1]), np.uint8), packed))
            _, inverse = np.unique(packed, axis=0, return_inverse=True)
            masks = inverse.reshape(-1)[1:].reshape(m, self.count).astype(np.int64)
        return np.where(self.observed, masks, MISSING)

    def coded_by_anyone(self) -> np.ndarray:
        """Units to which at least one coder applied at least one of the study's codes."""
        anyone = np.zeros(self.count, dtype=bool)
        for per_coder in self.present:
            for present, observed in zip(per_coder, self.observed, strict=True):
                anyone |= present & observed
        return anyone


def overlaps(unit_starts: np.ndarray, unit_ends: np.ndarray, starts: np.ndarray, ends: np.ndarray) -> np.ndarray:
    """For each unit, whether any of the sorted, non-overlapping spans shares a code point with it."""
    result = np.zeros(len(unit_starts), dtype=bool)
    if len(starts) == 0:
        return result
    first = np.searchsorted(ends, unit_starts, side="right")  # the first span ending after the unit starts
    inside = first < len(ends)
    result[inside] = starts[first[inside]] < unit_ends[inside]
    return result


def build_units(study: Study, unit: str, boundaries: list[np.ndarray] | None = None) -> UnitData:
    all_starts, all_ends, owners = [], [], []
    for d, text in enumerate(study.texts):
        starts, ends = unit_spans(unit, text, boundaries[d] if boundaries is not None else None)
        all_starts.append(starts + study.offsets[d])
        all_ends.append(ends + study.offsets[d])
        owners.append(np.full(len(starts), d, dtype=np.int64))
    starts = np.concatenate(all_starts) if all_starts else np.zeros(0, np.int64)
    ends = np.concatenate(all_ends) if all_ends else np.zeros(0, np.int64)
    document = np.concatenate(owners) if owners else np.zeros(0, np.int64)
    present = [[overlaps(starts, ends, study.spans[i][k].starts, study.spans[i][k].ends)
                for i in range(study.m)] for k in range(len(study.codes))]
    observed = study.coded[:, document] if len(document) else np.zeros((study.m, 0), bool)
    return UnitData(starts, ends, document, present, observed)
