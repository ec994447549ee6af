"""Position units: exact conversions both ways for every reading, on random texts with 𠮷, emoji
and CRLF line ends."""

from __future__ import annotations

import random

import pytest

from desktop_app.core.interchange.positions import (
    CODE_POINTS,
    READINGS,
    UnitMap,
    astral_indexes,
    crlf_newlines,
    normalise_newlines,
    with_crlf,
)

ALPHABET = ["治", "理", "a", " ", "，", "\n", "𠮷", "😀", "𩸽", "Z"]


def _units(raw: str, utf16: bool, crlf_as_two: bool) -> list[int]:
    """Brute force: the position of each character of the LF text in the raw (CRLF) file."""
    positions, unit = [], 0
    i = 0
    while i < len(raw):
        if raw[i] == "\r" and raw[i + 1:i + 2] == "\n":
            positions.append(unit)
            unit += 2 if crlf_as_two else 1
            i += 2
            continue
        positions.append(unit)
        unit += 2 if utf16 and ord(raw[i]) > 0xFFFF else 1
        i += 1
    positions.append(unit)
    return positions


@pytest.mark.parametrize("seed", range(25))
def test_round_trip_every_index_under_every_reading(seed):
    rng = random.Random(seed)
    text = "".join(rng.choice(ALPHABET) for _ in range(rng.randrange(0, 60)))
    raw = with_crlf(text)
    back, crlf = normalise_newlines(raw)
    assert back == text and crlf == crlf_newlines(text)
    for reading in READINGS:
        units = UnitMap(text, reading, crlf=crlf, astral=astral_indexes(text))
        expected = _units(raw, reading.utf16, reading.crlf_as_two)
        assert [units.to_units(i) for i in range(len(text) + 1)] == expected
        assert all(units.to_index(expected[i]) == i for i in range(len(text) + 1))
        inside = sorted(set(range(expected[-1] + 1)) - set(expected))
        for position in inside:
            index = units.to_index(position)
            if index is not None:  # only between CR and LF: the newline itself
                assert reading.crlf_as_two and text[index] == "\n"
            else:
                assert reading.utf16 and ord(text[units.to_index(position - 1)]) > 0xFFFF
        assert units.to_index(expected[-1] + 1) is None and units.to_index(-1) is None


def test_code_points_are_the_identity():
    text = "𠮷\n😀"
    units = UnitMap(text, CODE_POINTS)
    assert [units.to_index(i) for i in range(4)] == [0, 1, 2, 3]


def test_lone_cr_becomes_lf():
    assert normalise_newlines("a\rb\r\nc") == ("a\nb\nc", [3])
