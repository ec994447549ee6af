"""Unitizing alpha (Krippendorff 1995/2004): the worked examples with the expected values of DKPro
Statistics' unit tests (Krippendorff1995Test, Krippendorff2004Test, UnitizingAgreementTest, at their
tolerances), and a brute-force computation from the definition on random continua."""

from __future__ import annotations

import random
from fractions import Fraction

import numpy as np
import pytest

from desktop_app.core.analysis.agreement.unitizing import pair_distance, pooled, unitizing_disagreement


def units(*pairs):
    """(offset, length) pairs as sorted (starts, ends) arrays."""
    pairs = sorted(pairs)
    return np.array([a for a, _ in pairs], dtype=np.int64), np.array([a + n for a, n in pairs], dtype=np.int64)


def krippendorff_2004():
    """Krippendorff (2004: 254): two observers on a continuum from 150 of length 300."""
    c = [units((225, 70), (370, 30)), units((220, 80), (355, 20), (400, 20))]
    k = [units((180, 60), (300, 50)), units((180, 60), (300, 50))]
    return c, k, [(150, 450)]


def test_krippendorff_2004_worked_example():
    c, k, continuum = krippendorff_2004()
    dc, dk = unitizing_disagreement(c, continuum), unitizing_disagreement(k, continuum)
    assert dc.observed == pytest.approx(0.0144, abs=1e-4)
    assert dc.expected == pytest.approx(0.0532, abs=1e-4)
    assert dc.figure().value == pytest.approx(0.7286, abs=1e-4)
    assert dk.observed == 0.0 and dk.expected == pytest.approx(0.0490, abs=1e-4)
    assert dk.figure().value == 1.0
    assert pooled([dc, dk]).figure().value == pytest.approx(0.8591, abs=5e-4)


def test_distances_of_the_2004_example():
    assert pair_distance(units((225, 70)), units((220, 80))) == 50
    assert pair_distance(units((370, 30)), units((355, 20))) == 850
    assert pair_distance(units(), units((400, 20))) == 400  # a unit inside the other's gap


def krippendorff_1995(stretch):
    """Krippendorff (1995: 57), four pairs of observers on 24 positions, stretched."""
    def u(*pairs):
        return units(*((int(a * stretch), int(n * stretch)) for a, n in pairs))
    return {
        "A": [u((2, 8), (14, 6)), u((4, 4), (15, 2))],
        "B": [u((0, 18)), u((0, 2), (2, 1), (3, 1), (4, 1), (5, 1), (6, 3), (9, 1))],
        "C": [u((2, 6), (10, 2), (14, 4), (20, 2)), u((0, 2), (4, 4), (10, 4), (16, 2), (20, 2))],
        "D": [u((0, 2), (2, 8), (10, 4), (14, 6), (20, 4)), u((0, 4), (4, 4), (8, 7), (15, 2), (17, 7))],
    }, [(0, int(24 * stretch))]


def test_krippendorff_1995_observed_disagreements():
    example, continuum = krippendorff_1995(1)
    observed = {name: unitizing_disagreement(pair, continuum).observed for name, pair in example.items()}
    assert observed == pytest.approx({"A": 0.03125, "B": 2.26736, "C": 0.02777, "D": 0.38715}, abs=1e-5)


def test_krippendorff_1995_expected_disagreements_and_alphas():
    # DKPro's expected values and tolerances (they note a small error in the 1995 paper's D_e).
    example, continuum = krippendorff_1995(1200000 // 24)
    result = {name: unitizing_disagreement(pair, continuum) for name, pair in example.items()}
    expected = {"A": 0.06990, "B": 1.17731, "C": 0.08642, "D": 0.41445}
    alphas = {"A": 0.553, "B": -0.926, "C": 0.679, "D": 0.066}
    for name in example:
        assert result[name].expected == pytest.approx(expected[name], abs=0.005), name
        assert result[name].figure().value == pytest.approx(alphas[name], abs=0.02), name
    halved, continuum = krippendorff_1995(12 / 24)
    small = unitizing_disagreement(halved["C"], continuum)
    assert small.observed == pytest.approx(0.02777, abs=1e-5)
    assert small.expected == pytest.approx(0.05494, abs=1e-5)
    assert small.figure().value == pytest.approx(0.494, abs=0.02)


def test_dkpro_unitizing_agreement_example():
    # r0: -11111111-   r1: --1-1-1---
    d = unitizing_disagreement([units((1, 8)), units((2, 1), (4, 1), (6, 1))], [(0, 10)])
    assert d.observed == pytest.approx(0.9100, abs=1e-4)
    assert d.expected == pytest.approx(0.5351, abs=1e-4)
    assert d.figure().value == pytest.approx(-0.7003, abs=1e-4)


def test_dkpro_single_unit_gives_zero():
    one = unitizing_disagreement([units((0, 1)), units(), units()], [(0, 20)])
    assert one.figure().value == pytest.approx(0.0, abs=1e-12)


# --- brute force, straight from the definition -------------------------------------------------


def sections(coder_units, pieces):
    """A coder's continuum as (begin, end, is_unit) sections: units and the gaps between them, no gap
    crossing a piece's edge."""
    result = []
    for a, b in pieces:
        position = a
        for s, e in coder_units:
            if a <= s < b:
                if s > position:
                    result.append((position, s, False))
                result.append((s, e, True))
                position = e
        if position < b:
            result.append((position, b, False))
    return result


def brute_force(coders, pieces):
    m = len(coders)
    L = sum(b - a for a, b in pieces)
    observed = Fraction(0)
    for i in range(m):
        for j in range(m):
            if i == j:
                continue
            for bg, eg, unit_g in sections(coders[i], pieces):
                for bh, eh, unit_h in sections(coders[j], pieces):
                    if unit_g and unit_h and bg < eh and bh < eg:
                        observed += (bg - bh) ** 2 + (eg - eh) ** 2
                    elif unit_g and not unit_h and bh <= bg and eg <= eh:
                        observed += (eg - bg) ** 2
                    elif unit_h and not unit_g and bg <= bh and eh <= eg:
                        observed += (eh - bh) ** 2
    observed /= m * (m - 1) * L * L  # each ordered pair once: the same as 2 x unordered pairs
    all_units = [e - s for coder in coders for s, e in coder]
    all_gaps = [e - b for coder in coders for b, e, unit in sections(coder, pieces) if not unit]
    n_c = len(all_units)
    numerator = Fraction(0)
    for size in all_units:
        numerator += Fraction((n_c - 1) * (2 * size ** 3 - 3 * size ** 2 + size), 3)
        numerator += size * size * sum(g - size + 1 for g in all_gaps if g >= size)
    denominator = m * L * (m * L - 1) - sum(size * (size - 1) for size in all_units)
    expected = Fraction(2, L) * numerator / denominator if n_c else Fraction(0)
    return observed, expected


def random_coder(rng, pieces, density):
    result = []
    for a, b in pieces:
        position = a
        while position < b:
            position += rng.randint(0, 8)
            if position >= b:
                break
            end = min(b, position + rng.randint(1, 10))
            if rng.random() < density:
                result.append((position, end))
            position = end
    return result


@pytest.mark.parametrize("seed", range(40))
def test_alpha_u_equals_brute_force_on_random_continua(seed):
    rng = random.Random(seed)
    pieces, position = [], 0
    for _ in range(rng.randint(1, 3)):
        length = rng.randint(5, 60)
        pieces.append((position, position + length))
        position += length
    m = rng.randint(2, 4)
    coders = [random_coder(rng, pieces, rng.random()) for _ in range(m)]
    arrays = [(np.array([s for s, _ in c], np.int64), np.array([e for _, e in c], np.int64)) for c in coders]
    observed, expected = brute_force(coders, pieces)
    result = unitizing_disagreement(arrays, pieces)
    assert result.observed == pytest.approx(float(observed), rel=1e-9, abs=1e-12)
    assert result.expected == pytest.approx(float(expected), rel=1e-9, abs=1e-12)
