"""Cohen's kappa (two coders, Cohen 1960) and Fleiss' kappa (three or more, Fleiss 1971), on the
units every compared coder has a value for (kappa has no notion of missing data).

Cohen:  kappa = (p_o - p_e) / (1 - p_e),  p_e = sum_c p_1c * p_2c
        (p_o: share of units both coders put in the same category; p_1c, p_2c: each coder's own
        share of units in category c. Chance is the sum over categories of the product of the two
        coders' marginals, not the product of the sums.)
Fleiss: kappa = (P - P_e) / (1 - P_e),  P = mean_u sum_c n_uc (n_uc - 1) / (m (m - 1)),
        P_e = sum_c p_c^2,  p_c = sum_u n_uc / (N m)
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from desktop_app.core.analysis.agreement.figures import Figure
from desktop_app.core.analysis.agreement.profiles import Profiles


@dataclass(frozen=True)
class Kappa:
    figure: Figure
    kind: str  # "cohen" or "fleiss"
    units: int  # units every coder has a value for


def _one_category(reason_units: str) -> Figure:
    return Figure.undefined(f"{reason_units} put every unit in the same category: chance agreement is "
                            "1 and kappa is 0/0")


def cohen_kappa(profiles: Profiles) -> Kappa:
    complete = profiles.complete()
    units = complete.units
    if profiles.coders != 2:
        raise ValueError("Cohen's kappa is for two coders")
    if units == 0:
        return Kappa(Figure.undefined("no unit has values from both coders"), "cohen", 0)
    first, second = complete.rows[:, 0], complete.rows[:, 1]
    weights = complete.counts.astype(float)
    size = profiles.categories
    share_first = np.bincount(first, weights, size) / units
    share_second = np.bincount(second, weights, size) / units
    if np.count_nonzero(share_first) == 1 and np.array_equal(share_first > 0, share_second > 0):
        return Kappa(_one_category("both coders"), "cohen", units)
    observed = float(weights[first == second].sum()) / units
    chance = float(share_first @ share_second)
    return Kappa(Figure((observed - chance) / (1.0 - chance)), "cohen", units)


def fleiss_kappa(profiles: Profiles) -> Kappa:
    complete = profiles.complete()
    units = complete.units
    m = profiles.coders
    if m < 3:
        raise ValueError("Fleiss' kappa is for three or more coders here (Cohen's for two)")
    if units == 0:
        return Kappa(Figure.undefined("no unit has values from every coder"), "fleiss", 0)
    table = complete.value_counts()
    weights = complete.counts.astype(float)
    shares = (weights @ table) / (units * m)
    if np.count_nonzero(shares) == 1:
        return Kappa(_one_category("every coder"), "fleiss", units)
    per_unit = ((table * (table - 1)).sum(axis=1)) / (m * (m - 1))
    observed = float(weights @ per_unit) / units
    chance = float(shares @ shares)
    return Kappa(Figure((observed - chance) / (1.0 - chance)), "fleiss", units)


def kappa(profiles: Profiles) -> Kappa:
    if profiles.coders < 2:
        return Kappa(Figure.undefined("only one coder: agreement needs at least two"), "cohen", 0)
    return cohen_kappa(profiles) if profiles.coders == 2 else fleiss_kappa(profiles)
