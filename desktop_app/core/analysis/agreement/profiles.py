"""Reliability data folded into profiles: units with the same values from every coder are one row
with a count. Every measure depends only on these rows and counts, so a corpus of a million words
(a few dozen distinct rows per code) is measured, and bootstrapped, in milliseconds."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from desktop_app.core.analysis.agreement.coding import MISSING


@dataclass(frozen=True)
class Profiles:
    rows: np.ndarray  # (P, m) category numbers 0..V-1, MISSING where a coder has no value
    counts: np.ndarray  # (P,) how many units have this row
    values: np.ndarray  # (V,) the original value of each category number

    @property
    def coders(self) -> int:
        return self.rows.shape[1]

    @property
    def categories(self) -> int:
        return len(self.values)

    @property
    def units(self) -> int:
        return int(self.counts.sum())

    def value_counts(self) -> np.ndarray:
        """(P, V): how many coders gave each category, per row."""
        table = np.zeros((len(self.rows), self.categories), dtype=np.int64)
        for column in self.rows.T:
            seen = column != MISSING
            np.add.at(table, (np.flatnonzero(seen), column[seen]), 1)
        return table

    def pairable(self) -> Profiles:
        """Only rows with values from at least two coders (the others cannot disagree)."""
        keep = (self.rows != MISSING).sum(axis=1) >= 2
        return Profiles(self.rows[keep], self.counts[keep], self.values)

    def complete(self) -> Profiles:
        """Only rows with a value from every coder."""
        keep = (self.rows != MISSING).all(axis=1)
        return Profiles(self.rows[keep], self.counts[keep], self.values)


def profiles_of(values: np.ndarray, categories: np.ndarray | None = None) -> Profiles:
    """Fold (m, units) values (MISSING for none) into profiles; `categories` lists the possible values
    when known (it spares a sort), else they are found."""
    m, _ = values.shape
    if categories is None:
        seen = values[values != MISSING]
        categories = np.unique(seen)
    categories = np.asarray(categories, dtype=np.int64)
    if np.array_equal(categories, np.arange(len(categories))):
        number = values.astype(np.int64)  # already numbered 0..V-1, MISSING stays -1
    else:
        number = np.where(values == MISSING, -1, np.searchsorted(categories, values)).astype(np.int64)
    base = len(categories) + 1
    if base ** m <= 4_000_000:
        keys = _keys(number, base)
        tally = np.bincount(keys, minlength=base ** m)
        found = np.flatnonzero(tally)
        counts = tally[found]
        rows = _rows(found, base, m)
    elif base ** m < 2 ** 62:
        found, counts = np.unique(_keys(number, base), return_counts=True)
        rows = _rows(found, base, m)
    else:
        rows, counts = np.unique(number.T, axis=0, return_counts=True)
    return Profiles(rows.astype(np.int64), counts.astype(np.int64), categories)


def _keys(number: np.ndarray, base: int) -> np.ndarray:
    """Each unit's row of category numbers as one integer (digits in base V + 1)."""
    keys = np.zeros(number.shape[1], dtype=np.int64)
    for row in number:
        keys = keys * base + (row + 1)
    return keys


def _rows(keys: np.ndarray, base: int, m: int) -> np.ndarray:
    rows = np.zeros((len(keys), m), dtype=np.int64)
    rest = keys.copy()
    for i in reversed(range(m)):
        rows[:, i] = rest % base - 1
        rest //= base
    return rows
