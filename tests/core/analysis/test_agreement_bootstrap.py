"""Bootstrap intervals for alpha: reproducible with a fixed seed, and the same distribution as
resampling units one by one."""

from __future__ import annotations

import krippendorff
import numpy as np
import pytest

from desktop_app.core.analysis.agreement.bootstrap import alpha_interval
from desktop_app.core.analysis.agreement.nominal import nominal_alpha
from desktop_app.core.analysis.agreement.profiles import profiles_of


def coding(seed=5, units=400):
    rng = np.random.default_rng(seed)
    truth = rng.integers(0, 3, units)
    values = np.where(rng.random((3, units)) < 0.7, truth, rng.integers(0, 3, (3, units)))
    values[rng.random((3, units)) < 0.1] = -1
    return values


def test_the_interval_is_reproducible_and_holds_the_estimate():
    profiles = profiles_of(coding())
    first, again = alpha_interval(profiles, 1000, seed=11), alpha_interval(profiles, 1000, seed=11)
    assert first == again
    assert alpha_interval(profiles, 1000, seed=12) != first
    estimate = nominal_alpha(profiles).value
    assert first.low < estimate < first.high
    assert first.samples == 1000 and first.level == 0.95 and first.undefined_samples == 0


def test_the_interval_matches_resampling_units_one_by_one():
    values = coding(units=300)
    pairable = values[:, (values >= 0).sum(axis=0) >= 2]
    rng = np.random.default_rng(3)
    alphas = []
    for _ in range(1500):
        sample = pairable[:, rng.integers(0, pairable.shape[1], pairable.shape[1])]
        data = np.where(sample < 0, np.nan, sample).astype(float)
        alphas.append(krippendorff.alpha(reliability_data=data, level_of_measurement="nominal"))
    low, high = np.quantile(alphas, [0.025, 0.975])
    interval = alpha_interval(profiles_of(values), 1500, seed=3)
    # Two independent bootstraps of 1,500 samples: their percentiles agree to Monte Carlo error.
    assert interval.low == pytest.approx(low, abs=0.02)
    assert interval.high == pytest.approx(high, abs=0.02)
