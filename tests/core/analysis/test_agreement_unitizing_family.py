"""The 2016 unitizing family (|uα, cuα, Cuα) against an independent computation over segment
pairs, written from the formulas, and against the `krippendorff` package where the family reduces to
ordinary nominal alpha (every section one character long)."""

from __future__ import annotations

import random
from itertools import permutations

import krippendorff
import numpy as np
import pytest

from desktop_app.core.analysis.agreement.unitizing_family import (
    NotExclusive,
    cu_alpha,
    domain_figures,
    value_rows,
)

GAP = "φ"


def sections(segments, length):
    """One coder's sections: their segments (start, end, value) and the gaps between them."""
    out, cursor = [], 0
    for start, end, value in sorted(segments):
        if start > cursor:
            out.append((cursor, start, GAP))
        out.append((start, end, value))
        cursor = end
    if cursor < length:
        out.append((cursor, length, GAP))
    return out


def by_pairs(coders, length, codes):
    """|uα, cuα and |uα per code from segment intersections, the way the formulas read."""
    parts = [sections(c, length) for c in coders]
    values = [GAP, *codes]
    m = len(coders)
    observed = {(c, k): 0.0 for c in values for k in values}
    for i, j in permutations(range(m), 2):
        for a, b, c in parts[i]:
            for x, y, k in parts[j]:
                shared = min(b, y) - max(a, x)
                if shared > 0:
                    observed[c, k] += shared / (m - 1)
    def alpha(obs, exp):
        d_o = sum(v for (c, k), v in obs.items() if c != k)
        d_e = sum(v for (c, k), v in exp.items() if c != k)
        return 1 - d_o / d_e if d_e > 0 else None
    def expected(obs, correction, vals):
        total = sum(obs.values())
        margin = {c: sum(obs[c, k] for k in vals) for c in vals}
        denominator = total - sum(correction.values()) / total
        return {(c, k): (margin[c] * margin[k] - (correction[c] if c == k else 0)) / denominator
                for c in vals for k in vals}
    correction = {v: 0.0 for v in values}
    for part in parts:
        for a, b, v in part:
            correction[v] += (b - a) if v == GAP else (b - a) ** 2
    exp = expected(observed, correction, values)
    def collapsed(matrix, group):
        out = {}
        for (c, k), v in matrix.items():
            key = (group(c), group(k))
            out[key] = out.get(key, 0.0) + v
        return out
    binary = alpha(collapsed(observed, lambda v: v != GAP), collapsed(exp, lambda v: v != GAP))
    per_code = [alpha(collapsed(observed, lambda v, code=code: v == code),
                      collapsed(exp, lambda v, code=code: v == code)) for code in codes]
    # cuα: coded against coded only, each segment weighted by the characters others also coded.
    coded_obs = {(c, k): v for (c, k), v in observed.items() if c != GAP and k != GAP}
    pairable = {v: 0.0 for v in codes}
    for i, part in enumerate(parts):
        others = {p for j, c in enumerate(coders) if j != i for a, b, _ in c for p in range(a, b)}
        for a, b, v in part:
            if v != GAP:
                pairable[v] += sum(1 for p in range(a, b) if p in others) ** 2
    cu = alpha(coded_obs, expected(coded_obs, pairable, codes)) if sum(coded_obs.values()) else None
    return binary, cu, per_code


def as_spans(coder, codes):
    return [(np.array([a for a, _, v in coder if v == code], dtype=np.int64),
             np.array([b for _, b, v in coder if v == code], dtype=np.int64)) for code in codes]


def random_coders(rng, m, length, codes):
    coders = []
    for _ in range(m):
        position, mine = 0, []
        while True:
            position += rng.randint(0, 6)
            size = rng.randint(1, 9)
            if position + size > length:
                break
            mine.append((position, position + size, rng.choice(codes)))
            position += size
        coders.append(mine)
    return coders


@pytest.mark.parametrize("seed", range(40))
def test_the_family_equals_a_computation_over_segment_pairs(seed):
    rng = random.Random(seed)
    codes = ["自治", "法治", "德治"][: rng.randint(1, 3)]
    m, length = rng.randint(2, 5), rng.randint(15, 90)
    coders = random_coders(rng, m, length, codes)
    figures = domain_figures("三治", codes, value_rows([as_spans(c, codes) for c in coders], length))
    binary, cu, per_code = by_pairs(coders, length, codes)
    assert figures.binary_alpha.value == pytest.approx(binary, abs=1e-9)
    if cu is None:
        assert figures.cu_alpha.value is None and figures.cu_alpha.reason
    else:
        assert figures.cu_alpha.value == pytest.approx(cu, abs=1e-9)
    for entry, expected in zip(figures.per_code, per_code, strict=True):
        assert entry.binary_alpha.value == (None if expected is None else pytest.approx(expected, abs=1e-9))


def test_touching_segments_of_one_code_stay_two_sections():
    # Coded 0-4 and 4-8 as two units is not the same judgement as 0-8 as one: chance differs.
    two = [[(0, 4, "自治"), (4, 8, "自治")], [(0, 8, "自治"), (12, 15, "自治")]]
    one = [[(0, 8, "自治")], [(0, 8, "自治"), (12, 15, "自治")]]
    figures = [domain_figures("d", ["自治"], value_rows([as_spans(c, ["自治"]) for c in coders], 20))
               for coders in (two, one)]
    assert figures[0].binary_alpha.value == pytest.approx(by_pairs(two, 20, ["自治"])[0], abs=1e-12)
    assert figures[1].binary_alpha.value == pytest.approx(by_pairs(one, 20, ["自治"])[0], abs=1e-12)
    assert figures[0].binary_alpha.value != pytest.approx(figures[1].binary_alpha.value)


def single_character_units(values_by_coder):
    """Each coded character its own unit, and each character its own document (gaps of length 1)."""
    m, length = values_by_coder.shape
    codes = sorted({int(v) for v in values_by_coder.ravel() if v})
    spans = [[(np.flatnonzero(row == code), np.flatnonzero(row == code) + 1) for code in codes]
             for row in values_by_coder]
    return codes, value_rows(spans, length, np.arange(1, length))


@pytest.mark.parametrize("m", [2, 3, 5])
def test_with_one_character_units_binary_alpha_is_nominal_alpha_of_coded_or_not(m):
    rng = np.random.default_rng(m)
    values = rng.choice([0, 1, 2], size=(m, 300), p=[0.5, 0.3, 0.2])
    values[:, :40] = 1  # some agreement, so that alpha is not near zero by construction
    codes, continuum = single_character_units(values)
    figures = domain_figures("d", [str(c) for c in codes], continuum)
    reference = krippendorff.alpha(reliability_data=(values != 0).astype(float), level_of_measurement="nominal")
    assert figures.binary_alpha.value == pytest.approx(reference, abs=1e-9)
    per_code = krippendorff.alpha(reliability_data=(values == 2).astype(float), level_of_measurement="nominal")
    assert figures.per_code[1].binary_alpha.value == pytest.approx(per_code, abs=1e-9)


@pytest.mark.parametrize("m", [2, 3, 5])
def test_with_one_character_units_everywhere_coded_cu_alpha_is_nominal_alpha_of_the_codes(m):
    rng = np.random.default_rng(10 + m)
    values = rng.choice([1, 2, 3], size=(m, 250))
    values[:, :60] = 2
    codes, continuum = single_character_units(values)
    reference = krippendorff.alpha(reliability_data=values.astype(float), level_of_measurement="nominal")
    assert cu_alpha(continuum, len(codes) + 1).value == pytest.approx(reference, abs=1e-9)


def test_perfect_agreement_is_one_and_one_code_only_has_no_cu_alpha():
    coder = [(2, 6, "自治"), (10, 15, "法治")]
    figures = domain_figures("d", ["自治", "法治"], value_rows([as_spans(coder, ["自治", "法治"])] * 3, 30))
    assert figures.binary_alpha.value == pytest.approx(1.0)
    assert figures.cu_alpha.value == pytest.approx(1.0)
    single = domain_figures("d", ["自治"], value_rows([as_spans([(2, 6, "自治")], ["自治"])] * 2, 30))
    assert single.cu_alpha.value is None and "one value" in single.cu_alpha.reason


def test_nobody_coded_and_nothing_in_common_are_undefined_not_zero():
    empty = [[(np.array([], dtype=np.int64), np.array([], dtype=np.int64))]] * 2
    figures = domain_figures("d", ["自治"], value_rows(empty, 20))
    assert figures.binary_alpha.value is None and figures.binary_alpha.reason
    apart = [as_spans([(0, 3, "自治")], ["自治", "法治"]), as_spans([(10, 13, "法治")], ["自治", "法治"])]
    figures = domain_figures("d", ["自治", "法治"], value_rows(apart, 20))
    assert figures.cu_alpha.value is None and "same characters" in figures.cu_alpha.reason


def test_two_codes_of_one_domain_on_the_same_characters_are_refused():
    overlapping = as_spans([(0, 5, "自治"), (3, 8, "法治")], ["自治", "法治"])
    with pytest.raises(NotExclusive) as raised:
        value_rows([overlapping, overlapping], 20)
    assert raised.value.args == (0, 2)
