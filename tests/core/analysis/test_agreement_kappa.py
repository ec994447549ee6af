"""Cohen's and Fleiss' kappa against a direct computation written here and statsmodels, to 1e-9;
percent agreement against a direct count."""

from __future__ import annotations

import numpy as np
import pytest
from statsmodels.stats.inter_rater import cohens_kappa, fleiss_kappa

from desktop_app.core.analysis.agreement.kappa import kappa
from desktop_app.core.analysis.agreement.nominal import percent_agreement
from desktop_app.core.analysis.agreement.profiles import profiles_of


def random_values(rng, coders, units, categories, agree=0.6, missing=0.0):
    truth = rng.integers(0, categories, units)
    values = np.where(rng.random((coders, units)) < agree, truth, rng.integers(0, categories, (coders, units)))
    values[rng.random((coders, units)) < missing] = -1
    return values


def direct_cohen(a, b):
    categories = sorted(set(a) | set(b))
    n = len(a)
    observed = sum(x == y for x, y in zip(a, b, strict=True)) / n
    chance = sum((list(a).count(c) / n) * (list(b).count(c) / n) for c in categories)
    return (observed - chance) / (1 - chance)


def direct_fleiss(values):
    m, n = values.shape
    categories = sorted(set(values.ravel()))
    counts = [[list(values[:, u]).count(c) for c in categories] for u in range(n)]
    agreement = sum(sum(x * (x - 1) for x in row) / (m * (m - 1)) for row in counts) / n
    shares = [sum(row[j] for row in counts) / (n * m) for j in range(len(categories))]
    chance = sum(p * p for p in shares)
    return (agreement - chance) / (1 - chance), counts


@pytest.mark.parametrize("seed", range(6))
@pytest.mark.parametrize("categories", [2, 3, 5])
def test_cohen_kappa_equals_direct_computation_and_statsmodels(seed, categories):
    rng = np.random.default_rng(seed)
    values = random_values(rng, 2, 300, categories)
    result = kappa(profiles_of(values))
    assert result.kind == "cohen" and result.units == 300
    assert result.figure.value == pytest.approx(direct_cohen(*values), abs=1e-9)
    table = np.zeros((categories, categories))
    np.add.at(table, (values[0], values[1]), 1)
    assert result.figure.value == pytest.approx(cohens_kappa(table).kappa, abs=1e-9)


def test_cohens_chance_term_is_the_sum_of_products_of_the_marginals():
    """QualCoder's chance term P_yes * P_no gives another figure; Cohen's is P_yes + P_no, the sum
    over categories of the product of the two coders' marginals."""
    a = np.array([1] * 30 + [0] * 70)
    b = np.array([1] * 20 + [0] * 10 + [1] * 10 + [0] * 60)
    result = kappa(profiles_of(np.stack([a, b]))).figure.value
    p_yes, p_no = 0.3 * 0.3, 0.7 * 0.7
    assert result == pytest.approx((0.8 - (p_yes + p_no)) / (1 - (p_yes + p_no)), abs=1e-12)
    assert result != pytest.approx((0.8 - p_yes * p_no) / (1 - p_yes * p_no), abs=1e-3)


@pytest.mark.parametrize("seed", range(6))
@pytest.mark.parametrize("coders", [3, 5])
def test_fleiss_kappa_equals_direct_computation_and_statsmodels(seed, coders):
    rng = np.random.default_rng(100 + seed)
    values = random_values(rng, coders, 250, 4)
    result = kappa(profiles_of(values))
    want, counts = direct_fleiss(values)
    assert result.kind == "fleiss"
    assert result.figure.value == pytest.approx(want, abs=1e-9)
    assert result.figure.value == pytest.approx(fleiss_kappa(np.array(counts), method="fleiss"), abs=1e-9)


def test_kappa_uses_only_units_every_coder_coded():
    rng = np.random.default_rng(7)
    values = random_values(rng, 3, 400, 3, missing=0.1)
    complete = (values >= 0).all(axis=0)
    result = kappa(profiles_of(values))
    assert result.units == complete.sum() < 400
    assert result.figure.value == pytest.approx(direct_fleiss(values[:, complete])[0], abs=1e-9)
    two = values[:2]
    both = (two >= 0).all(axis=0)
    assert kappa(profiles_of(two)).figure.value == pytest.approx(direct_cohen(*two[:, both]), abs=1e-9)


def test_percent_agreement_is_the_mean_share_of_agreeing_pairs():
    rng = np.random.default_rng(3)
    values = random_values(rng, 3, 200, 3, missing=0.2)
    shares = []
    for u in range(200):
        present = [v for v in values[:, u] if v >= 0]
        if len(present) < 2:
            continue
        pairs = [(x, y) for i, x in enumerate(present) for j, y in enumerate(present) if i != j]
        shares.append(sum(x == y for x, y in pairs) / len(pairs))
    assert percent_agreement(profiles_of(values)).value == pytest.approx(sum(shares) / len(shares), abs=1e-12)
