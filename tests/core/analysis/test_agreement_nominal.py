"""Nominal alpha at every unit equals the krippendorff package on a reliability matrix built here,
independently of the core, straight from the generated spans: 2, 3 and 5 coders, with documents some
coders never coded (missing), with and without the units nobody coded."""

from __future__ import annotations

import math

import krippendorff
import numpy as np
import pytest
from agreement_data import generate

from desktop_app.core.analysis.agreement import nominal, report
from desktop_app.core.analysis.agreement.report import measure_agreement
from desktop_app.core.store.models import Segmentation
from desktop_app.core.store.project import open_project
from desktop_app.core.text.segment import unpack_boundaries

TERMINATORS = "。！？；!?;"
CLOSERS = "”’」』）》〉】\"')]"


@pytest.fixture(scope="module", params=[2, 3, 5], ids=lambda m: f"{m}coders")
def study(request, tmp_path_factory):
    m = request.param
    made = generate(tmp_path_factory.mktemp("study") / "p.govcoder", coders=m, documents=10, seed=m)
    with open_project(made.path) as project, project.session_factory() as session:
        made.boundaries = {row.document_id: unpack_boundaries(row.boundaries)
                           for row in session.query(Segmentation)}
    return made


def sentences(text):
    pieces, start, i = [], 0, 0
    while i < len(text):
        if text[i] == "\n":
            pieces.append((start, i + 1))
            start = i = i + 1
        elif text[i] in TERMINATORS:
            j = i
            while j < len(text) and text[j] in TERMINATORS:
                j += 1
            while j < len(text) and text[j] in CLOSERS:
                j += 1
            pieces.append((start, j))
            start = i = j
        else:
            i += 1
    pieces.append((start, len(text)))
    result = []
    for a, b in pieces:
        piece = text[a:b]
        if piece.strip():
            lead = len(piece) - len(piece.lstrip())
            result.append((a + lead, a + lead + len(piece.strip())))
    return result


def units_of(unit, text, boundaries):
    if unit == "char":
        return [(i, i + 1) for i, ch in enumerate(text) if not ch.isspace()]
    if unit == "word":
        starts = [0, *boundaries[:-1]]
        return [(a, b) for a, b in zip(starts, boundaries, strict=True) if text[a:b].strip()]
    if unit == "sentence":
        return sentences(text)
    return [(0, len(text))] if text.strip() else []


def reliability_matrices(made, unit, exclude_uncoded):
    """coders x units matrices (NaN missing): one per code (1 present, 0 absent) and one pooled
    (each distinct set of codes a number), computed with plain loops over the raw spans."""
    coded = {(coder, doc) for doc, coder, *_ in made.spans} | made.done
    per_code = {code: [] for code in made.codes}
    pooled, sets = [], {frozenset(): 0}  # the empty set of codes is value 0
    for doc in made.documents:
        observers = [c for c in made.coders if (c, doc) in coded]
        if len(observers) < 2:
            continue
        text = made.texts[doc]
        for a, b in units_of(unit, text, made.boundaries[doc]):
            applied = {}
            for coder in made.coders:
                if coder in observers:
                    applied[coder] = frozenset(code for d, c, code, s, e in made.spans
                                               if d == doc and c == coder and s < b and e > a)
            if exclude_uncoded and not any(applied.values()):
                continue
            for code in made.codes:
                per_code[code].append([float(code in applied[c]) if c in applied else math.nan
                                       for c in made.coders])
            pooled.append([float(sets.setdefault(applied[c], len(sets))) if c in applied else math.nan
                           for c in made.coders])
    as_matrix = lambda rows: np.array(rows, dtype=float).reshape(-1, len(made.coders)).T  # noqa: E731
    return {code: as_matrix(rows) for code, rows in per_code.items()}, as_matrix(pooled)


def expected_alpha(matrix):
    values = matrix[~np.isnan(matrix)]
    pairable = (~np.isnan(matrix)).sum(axis=0) >= 2
    if len(np.unique(matrix[:, pairable][~np.isnan(matrix[:, pairable])])) < 2 or len(values) == 0:
        return None
    return krippendorff.alpha(reliability_data=matrix, level_of_measurement="nominal")


def check(made, unit, exclude_uncoded):
    with open_project(made.path) as project, project.session_factory() as session:
        result = measure_agreement(session, made.coders, unit, measures=["alpha"], per_code=True,
                                   exclude_uncoded=exclude_uncoded, codes=made.codes)
    per_code, pooled = reliability_matrices(made, unit, exclude_uncoded)
    assert result.units_compared == pooled.shape[1] > 0
    expected = expected_alpha(pooled)
    assert expected is not None
    assert result.overall.alpha.value == pytest.approx(expected, abs=1e-9)
    assert [entry.code for entry in result.per_code] == made.codes
    defined = 0
    for entry in result.per_code:
        want = expected_alpha(per_code[entry.code])
        if want is None:
            assert entry.figures.alpha.value is None and entry.figures.alpha.reason
        else:
            defined += 1
            assert entry.figures.alpha.value == pytest.approx(want, abs=1e-9), entry.code
    assert defined >= 2
    return result


@pytest.mark.parametrize("unit", ["char", "word", "sentence", "doc"])
@pytest.mark.parametrize("exclude_uncoded", [False, True], ids=["all units", "coded units"])
def test_nominal_alpha_equals_the_krippendorff_package(study, unit, exclude_uncoded):
    check(study, unit, exclude_uncoded)


@pytest.mark.parametrize("unit", ["char", "word"])
def test_the_formula_used_for_large_data_gives_the_packages_figures(study, unit, monkeypatch):
    """Where the package's working array would be too large the core uses the formula itself: force
    that path everywhere and the figures stay the package's."""
    monkeypatch.setattr(nominal, "PACKAGE_CELLS", 0)
    check(study, unit, False)


def test_leaving_out_uncoded_units_compares_fewer_units_and_says_how_many(study):
    with open_project(study.path) as project, project.session_factory() as session:
        everything = measure_agreement(session, study.coders, "word", measures=["alpha"], codes=study.codes)
        coded = measure_agreement(session, study.coders, "word", measures=["alpha"], codes=study.codes,
                                  exclude_uncoded=True)
    assert coded.units_compared == everything.units_compared - everything.overall.units_uncoded
    assert coded.overall.units_uncoded == everything.overall.units_uncoded > 0


def test_missing_documents_are_missing_not_absent(study):
    """A coder's value in a document they never coded is missing: filling it in as absent changes
    alpha (and so would be a different, wrong figure)."""
    with open_project(study.path) as project, project.session_factory() as session:
        result = measure_agreement(session, study.coders, "sentence", measures=["alpha"], codes=study.codes)
    per_code, pooled = reliability_matrices(study, "sentence", False)
    if len(study.coders) == 2:
        # With two coders a document one of them never coded is not compared at all: nothing missing.
        assert not np.isnan(pooled).any() and result.units_compared == pooled.shape[1]
        return
    assert np.isnan(pooled).any()
    filled = np.where(np.isnan(pooled), float(0), pooled)  # set 0 is the empty set: "absent"
    assert result.overall.alpha.value != pytest.approx(
        krippendorff.alpha(reliability_data=filled, level_of_measurement="nominal"), abs=1e-6)


def test_report_json_never_holds_nan(study):
    import json

    with open_project(study.path) as project, project.session_factory() as session:
        result = measure_agreement(session, study.coders, "word", per_code=True, per_document=True, ci=50,
                                   codes=[*study.codes, "五治/法治"])
    json.dumps(result.to_json(), allow_nan=False)
    assert report.MEASURES == ("alpha-u", "alpha", "kappa", "percent", "alpha-2016")
    assert result.to_json()["unitizing_2016"] is not None
