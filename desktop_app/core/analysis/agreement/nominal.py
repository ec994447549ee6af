"""Krippendorff's alpha for nominal data (Krippendorff 2004/2011) and percent agreement.

    alpha = 1 - D_o / D_e = 1 - (n - 1) * sum_u (m_u^2 - sum_c n_uc^2) / (m_u - 1) / (n^2 - sum_c n_c^2)

over pairable units u (m_u >= 2 values), where n_uc is how many coders gave unit u value c, n_c the
total of value c over pairable units and n the number of pairable values. The figure itself comes
from the `krippendorff` package; the same formula written here is used where the package's working
array (units x values x values) would not fit in memory, and for bootstrap resamples.
"""

from __future__ import annotations

from collections.abc import Callable

import krippendorff
import numpy as np

from desktop_app.core.analysis.agreement.figures import Figure
from desktop_app.core.analysis.agreement.profiles import Profiles

# Above this many cells the package's units x values x values array is not built.
PACKAGE_CELLS = 4_000_000

Label = Callable[[int], str]


def _undefined_reason(profiles: Profiles, label: Label | None) -> str | None:
    if profiles.coders < 2:
        return "only one coder: agreement needs at least two"
    pairable = profiles.pairable()
    if pairable.units == 0:
        return "no unit has values from two coders"
    used = np.flatnonzero(pairable.value_counts().T @ pairable.counts)
    if len(used) < 2:
        value = profiles.values[used[0]]
        name = label(int(value)) if label else str(value)
        return (f"every value is the same ({name}): with no variation alpha is 0/0; "
                "agreement cannot be told from chance")
    return None


def disagreement_terms(value_counts: np.ndarray) -> np.ndarray:
    """Each row's observed disagreement, sum over c != k of n_c n_k / (m_u - 1)."""
    m_u = value_counts.sum(axis=1)
    return (m_u ** 2 - (value_counts ** 2).sum(axis=1)) / (m_u - 1)


def alpha_from_counts(value_counts: np.ndarray, counts: np.ndarray) -> float:
    """The formula above on rows of pairable value counts, each standing for `counts` units."""
    observed = float(counts @ disagreement_terms(value_counts))
    totals = counts @ value_counts
    n = float(totals.sum())
    expected = n * n - float((totals.astype(float) ** 2).sum())
    return 1.0 - (n - 1.0) * observed / expected


def nominal_alpha(profiles: Profiles, label: Label | None = None) -> Figure:
    reason = _undefined_reason(profiles, label)
    if reason:
        return Figure.undefined(reason)
    pairable = profiles.pairable()
    table = pairable.value_counts()
    used = (table.T @ pairable.counts) > 0
    table = table[:, used]
    if pairable.units * table.shape[1] ** 2 <= PACKAGE_CELLS:
        units = np.repeat(table, pairable.counts, axis=0)
        value = float(krippendorff.alpha(value_counts=units, level_of_measurement="nominal"))
    else:
        value = alpha_from_counts(table, pairable.counts)
    return Figure(value)


def percent_agreement(profiles: Profiles) -> Figure:
    """The mean over pairable units of the share of agreeing pairs of coders' values. Never shown
    alone: it ignores the agreement chance produces."""
    if profiles.coders < 2:
        return Figure.undefined("only one coder: agreement needs at least two")
    pairable = profiles.pairable()
    if pairable.units == 0:
        return Figure.undefined("no unit has values from two coders")
    table = pairable.value_counts()
    m_u = table.sum(axis=1)
    share = (table * (table - 1)).sum(axis=1) / (m_u * (m_u - 1))
    return Figure(float(pairable.counts @ share) / pairable.units)
