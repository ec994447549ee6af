"""Which script a text is in, and its simplified shadow (t2s) with offsets equal to the text's.

Traditional text is shown as published; segmentation, search and dictionary matching run on the
shadow. The shadow is only usable if position i of the shadow is position i of the text.

The shadow is our own conversion on the dictionaries opencc-python-reimplemented ships
(TSPhrases.txt, TSCharacters.txt) and gives what that package's OpenCC("t2s").convert gives, at C
speed where the package walks the text in Python. Its matching rule is the package's, which is not
the forward maximum matching of OpenCC proper: the longest phrase occurring anywhere in the text
(the leftmost of equally long ones) is converted first, then the text on either side of it is
treated the same way; characters no phrase covers are converted one by one (first candidate) with
a single str.translate. Phrases are found by one regular expression, so text without any runs at
C speed. No dictionary key contains a separator, so converting the whole text gives what the
package's conversion of each separator-delimited piece gives.

Offsets are kept by construction: a phrase whose conversion would change its length is converted
character by character instead, and a character whose conversion is not one character stays as it
is (the shipped dictionaries have neither, so this never departs from the package).
"""

from __future__ import annotations

import os
import re
from collections import defaultdict
from functools import cache, lru_cache
from typing import NamedTuple

_HAN = re.compile(r"[\u3400-\u9fff\U00020000-\U0003134f]")
_COUNTED_AT_ONCE = 1 << 16


class _CharacterSet(NamedTuple):
    """A set of characters with a pattern that finds them in a text at C speed.

    re tests a class of BMP characters with one bitmap lookup, but compares characters beyond the
    BMP one by one at every position of the text; so the pattern takes any character beyond the BMP
    (a single range test) and only what it finds there is looked up in the set.
    """

    members: frozenset[str]
    candidates: re.Pattern[str]

    @classmethod
    def of(cls, members: frozenset[str]) -> _CharacterSet:
        bmp = "".join(sorted(ch for ch in members if ord(ch) <= 0xFFFF))
        return cls(members, re.compile(f"[{re.escape(bmp)}\U00010000-\U0010ffff]"))

    def occurs_in(self, text: str) -> bool:
        return any(map(self.members.__contains__, map(re.Match.group, self.candidates.finditer(text))))

    def occurrences(self, text: str) -> list[str]:
        return list(filter(self.members.__contains__, self.candidates.findall(text)))

    def count(self, text: str) -> int:
        """len(occurrences(text)), a window at a time: a list of every character found in a long
        traditional text would cost some 60 bytes a character."""
        return sum(len(self.occurrences(text[start:start + _COUNTED_AT_ONCE]))
                   for start in range(0, len(text), _COUNTED_AT_ONCE))


def _dictionary(file_name: str) -> dict[str, str]:
    import opencc

    path = os.path.join(os.path.dirname(opencc.__file__), "dictionary", file_name)
    mapping = {}
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            key, values = line.rstrip("\n").split("\t")
            mapping[key] = values.split(" ")[0]
    return mapping


@cache
def _t2s_characters() -> dict[str, str]:
    return _dictionary("TSCharacters.txt")


@cache
def _s2t_characters() -> dict[str, str]:
    return _dictionary("STCharacters.txt")


def _triggers() -> frozenset[str]:
    """Every character that t2s could change, alone or inside a phrase (the 沈 of 沈默 -> 沉默).

    Text without any of them is its own shadow, which spares most simplified text the converter.
    """
    return _t2s().triggers.members


class _Converter(NamedTuple):
    characters: dict[int, str]  # a str.translate table; only one-character conversions
    phrases: dict[str, str]  # every conversion the same length as its phrase
    lengths: dict[str, tuple[int, ...]]  # by first character, the lengths of phrases it starts
    any_phrase: re.Pattern[str]
    triggers: _CharacterSet  # the characters a conversion changes, alone or inside a phrase
    converted_alone: _CharacterSet  # the keys of `characters`


def _build_converter(phrases: dict[str, str], characters: dict[str, str]) -> _Converter:
    table = {ord(key): value for key, value in characters.items() if len(value) == 1 and value != key}
    same_length = {
        phrase: converted if len(converted) == len(phrase) else phrase.translate(table)
        for phrase, converted in phrases.items()
    }
    lengths: defaultdict[str, set[int]] = defaultdict(set)
    for phrase in phrases:
        lengths[phrase[0]].add(len(phrase))
    converted_alone = frozenset(map(chr, table))
    triggers = set(converted_alone)
    for phrase, converted in same_length.items():
        triggers.update(a for a, b in zip(phrase, converted, strict=True) if a != b)
    # "(?!)" never matches: with no phrases at all, an empty alternation would match everywhere.
    alternatives = "|".join(re.escape(phrase) for phrase in sorted(phrases, key=len, reverse=True))
    return _Converter(
        characters=table,
        phrases=same_length,
        lengths={first: tuple(sorted(found, reverse=True)) for first, found in lengths.items()},
        any_phrase=re.compile(alternatives or "(?!)"),
        triggers=_CharacterSet.of(frozenset(triggers)),
        converted_alone=_CharacterSet.of(converted_alone),
    )


@cache
def _t2s() -> _Converter:
    # Built once and never changed afterwards, so threads can convert at the same time.
    return _build_converter(_dictionary("TSPhrases.txt"), _t2s_characters())


def _convert(text: str, converter: _Converter) -> str:
    if not converter.triggers.occurs_in(text):
        return text
    phrases, lengths, search = converter.phrases, converter.lengths, converter.any_phrase.search
    occurrences: list[tuple[int, int]] = []
    # Searching again one past each start finds every phrase, overlapping ones included: the
    # longest-first rule may pass over the phrase a left-to-right scan would have taken.
    size = len(text)
    match = search(text)
    while match is not None:
        start = match.start()
        # A slice running past the end is shorter than `length` and may itself be a phrase.
        occurrences.extend(
            (start, length) for length in lengths[text[start]]
            if start + length <= size and text[start:start + length] in phrases
        )
        match = search(text, start + 1)

    # str.translate looks every character up in a dict, so it only runs where a character would
    # change: simplified text often triggers only through a phrase (the 么 of 么麼).
    converted = converter.converted_alone
    alone = text.translate(converter.characters) if converted.occurs_in(text) else text
    if not occurrences:
        return alone

    # Taking the longest (then leftmost) phrase that overlaps none taken before is what the
    # package's recursion on either side of each longest phrase amounts to.
    occurrences.sort(key=lambda occurrence: (-occurrence[1], occurrence[0]))
    covered = bytearray(len(text))
    taken: list[tuple[int, int]] = []
    for start, length in occurrences:
        if covered.find(1, start, start + length) == -1:
            covered[start:start + length] = b"\x01" * length
            taken.append((start, length))
    taken.sort()

    # Every conversion keeps its length, so the phrases' conversions go in at the text's offsets.
    parts: list[str] = []
    position = 0
    for start, length in taken:
        parts += (alone[position:start], phrases[text[start:start + length]])
        position = start + length
    parts.append(alone[position:])
    return "".join(parts)


def traditional_forms(simplified: str) -> frozenset[str]:
    """The traditional forms OpenCC s2t gives for these characters (used to score Big5 readings)."""
    table = _s2t_characters()
    return frozenset(table[ch] for ch in simplified if ch in table)


# Texts longer than this are converted afresh each time instead of being kept in the cache: the
# cache would hold up to 16 of them, text and shadow, long after their import ended.
_CACHED_LENGTH = 1 << 20


def simplified_shadow(text: str) -> str:
    """OpenCC t2s of `text`, guaranteed the same length so that offsets carry over unchanged."""
    if len(text) > _CACHED_LENGTH:
        return _shadow(text)
    return _cached_shadow(text)


@cache
def _variants() -> _Converter:
    """Hong Kong and Taiwan forms to OpenCC's standard traditional ones (衞 -> 衛, 著 -> 着 outside
    著名, 著作 …), by OpenCC's own reverse variant dictionaries, so that t2s then simplifies them."""
    phrases = {**_dictionary("HKVariantsRevPhrases.txt"), **_dictionary("TWVariantsRevPhrases.txt")}
    characters = {**_dictionary("HKVariantsRev.txt"), **_dictionary("TWVariantsRev.txt")}
    return _build_converter(phrases, characters)


@cache
def _variant_only() -> _CharacterSet:
    """Variant forms that no simplified text uses (衞, not 著): these alone call for folding."""
    from desktop_app.core.text.common_hanzi import COMMON_SIMPLIFIED

    keys = {ch for ch in _variants().characters.keys()}
    return _CharacterSet.of(frozenset(chr(ch) for ch in keys) - frozenset(COMMON_SIMPLIFIED))


def _shadow(text: str) -> str:
    # Only text with traditional characters is folded: 著 is also a simplified character (显著).
    if _t2s().triggers.occurs_in(text) or _variant_only().occurs_in(text):
        text = _convert(text, _variants())
    shadow = _convert(text, _t2s())
    assert len(shadow) == len(text), "simplified shadow changed the text's length"
    return shadow


_cached_shadow = lru_cache(maxsize=16)(_shadow)  # the pipeline, mojibake check and segmenter ask again


@cache
def _distinctive() -> tuple[_CharacterSet, _CharacterSet]:
    """The characters that tell the scripts apart: those t2s changes, then those only s2t changes."""
    traditional = frozenset(key for key, value in _t2s_characters().items() if key != value)
    simplified = frozenset(key for key, value in _s2t_characters().items() if key != value) - traditional
    return _CharacterSet.of(traditional), _CharacterSet.of(simplified)


def detect_script(text: str) -> str:
    """"simplified", "traditional", "mixed" (both in earnest) or "other" (no Chinese at all)."""
    if not _HAN.search(text):
        return "other"
    traditional_only, simplified_only = _distinctive()
    if not traditional_only.occurs_in(text):
        return "simplified"  # a share of 0, or only characters common to both: nothing to convert
    traditional = traditional_only.count(text)
    simplified = simplified_only.count(text)
    share = traditional / (traditional + simplified)
    if share >= 0.8:
        return "traditional"
    if share <= 0.2:
        return "simplified"
    return "mixed"
