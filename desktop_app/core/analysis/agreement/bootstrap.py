"""Bootstrap confidence intervals for nominal alpha, after Hayes & Krippendorff (2007).

Units are resampled with replacement (as many as there are pairable units), alpha is recomputed on
each resample, and the interval is the 2.5th and 97.5th percentile of the resampled alphas. With a
fixed seed the interval is the same on every run. Drawing units is a multinomial draw over the
profiles (rows of identical units), which is the same distribution as drawing units one by one.
Hayes & Krippendorff's macro resamples pairs of values rather than units; resampling units keeps each
unit's values together, which is the plainer reading for span data.
"""

from __future__ import annotations

import numpy as np

from desktop_app.core.analysis.agreement.figures import Interval
from desktop_app.core.analysis.agreement.nominal import disagreement_terms
from desktop_app.core.analysis.agreement.profiles import Profiles

DEFAULT_SEED = 2007
LEVEL = 0.95


def alpha_interval(profiles: Profiles, samples: int, seed: int = DEFAULT_SEED, level: float = LEVEL) -> Interval:
    if samples < 1:
        raise ValueError("a bootstrap needs at least one sample")
    pairable = profiles.pairable()
    if profiles.coders < 2 or pairable.units == 0:
        return Interval(None, None, level, samples, seed, samples, "no unit has values from two coders")
    table = pairable.value_counts()
    terms = disagreement_terms(table)
    rng = np.random.default_rng(seed)
    draws = rng.multinomial(pairable.units, pairable.counts / pairable.units, size=samples).astype(float)
    observed = draws @ terms
    totals = draws @ table
    n = totals.sum(axis=1)
    expected = n * n - (totals ** 2).sum(axis=1)
    defined = expected > 0
    alphas = 1.0 - (n[defined] - 1.0) * observed[defined] / expected[defined]
    undefined = int(samples - defined.sum())
    if len(alphas) == 0:
        return Interval(None, None, level, samples, seed, undefined,
                        "every resample has a single value: alpha is undefined in all of them")
    low, high = np.quantile(alphas, [(1 - level) / 2, 1 - (1 - level) / 2])
    return Interval(float(low), float(high), level, samples, seed, undefined)
