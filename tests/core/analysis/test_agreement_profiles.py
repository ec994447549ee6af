"""Folding units into profiles loses nothing, whichever way the rows are numbered."""

from __future__ import annotations

from collections import Counter

import numpy as np
import pytest

from desktop_app.core.analysis.agreement.profiles import profiles_of


@pytest.mark.parametrize("coders, categories", [(3, 4), (3, 300), (8, 300)], ids=["tally", "keys", "rows"])
def test_profiles_count_every_distinct_row(coders, categories):
    rng = np.random.default_rng(coders * categories)
    values = rng.integers(0, categories, (coders, 2000)) * 7  # values need not be 0..V-1
    values[rng.random(values.shape) < 0.2] = -1
    profiles = profiles_of(values)
    decoded = Counter()
    for row, count in zip(profiles.rows, profiles.counts, strict=True):
        decoded[tuple(-1 if n < 0 else int(profiles.values[n]) for n in row)] += int(count)
    assert decoded == Counter(map(tuple, values.T.tolist()))
