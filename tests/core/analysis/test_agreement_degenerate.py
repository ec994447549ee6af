"""The cases where a figure is trivially right or undefined: one coder, nobody coded, perfect
agreement, one category only. Never a crash, never NaN."""

from __future__ import annotations

import json

import numpy as np
import pytest

from desktop_app.core.analysis.agreement.bootstrap import alpha_interval
from desktop_app.core.analysis.agreement.figures import Figure
from desktop_app.core.analysis.agreement.kappa import kappa
from desktop_app.core.analysis.agreement.nominal import nominal_alpha, percent_agreement
from desktop_app.core.analysis.agreement.profiles import profiles_of
from desktop_app.core.analysis.agreement.unitizing import unitizing_disagreement


def measures(values):
    profiles = profiles_of(np.asarray(values))
    return nominal_alpha(profiles), kappa(profiles).figure, percent_agreement(profiles)


def test_one_coder_only_is_undefined_with_its_reason():
    alpha, kappa_figure, percent = measures([[0, 1, 1, 0]])
    for figure in (alpha, kappa_figure, percent):
        assert figure.value is None and "one coder" in figure.reason


def test_nobody_coded_is_undefined_but_the_coders_agree_on_every_unit():
    alpha, kappa_figure, percent = measures([[0, 0, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0]])
    assert alpha.value is None and "same" in alpha.reason
    assert kappa_figure.value is None and "same category" in kappa_figure.reason
    assert percent.value == 1.0
    assert unitizing_disagreement([(np.array([], int), np.array([], int))] * 2, [(0, 50)]).figure().value is None


def test_perfect_agreement_with_variation_is_one():
    alpha, kappa_figure, percent = measures([[0, 1, 2, 1, 0], [0, 1, 2, 1, 0]])
    assert alpha.value == pytest.approx(1.0) and kappa_figure.value == pytest.approx(1.0)
    assert percent.value == 1.0
    units = (np.array([3, 20]), np.array([9, 31]))
    assert unitizing_disagreement([units, units, units], [(0, 40)]).figure().value == 1.0


def test_one_category_only_is_undefined_for_every_chance_corrected_measure():
    alpha, kappa_figure, _ = measures([[1, 1, 1], [1, 1, 1]])
    assert alpha.value is None and kappa_figure.value is None
    assert alpha_interval(profiles_of(np.array([[1, 1, 1], [1, 1, 1]])), 20).low is None


def test_no_unit_with_two_values_is_undefined():
    alpha, kappa_figure, percent = measures([[0, -1, 1], [-1, 1, -1]])
    assert alpha.value is None and kappa_figure.value is None and percent.value is None


def test_a_figure_is_never_nan():
    with pytest.raises(ValueError):
        Figure(float("nan"))
    with pytest.raises(ValueError):
        Figure(None)
    alpha, kappa_figure, percent = measures([[0, 0], [0, 0]])
    json.dumps([alpha.value, kappa_figure.value, percent.value], allow_nan=False)
