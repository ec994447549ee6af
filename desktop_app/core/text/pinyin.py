"""Pinyin glosses injected after characters by some mirror sites: 報(bào)訊, 區(qū), 網(wǎng)格.

A gloss is a parenthesised, lower-case, single pinyin syllable right after a letter (almost always
a Han character): one carrying a tone mark, or one without (們(men), 的(de)) that is a reading of the
character before it, as pypinyin knows them (heteronyms included). Each syllable is checked against pinyin's initials and finals,
so legitimate parentheses stay: (一), (2024-2028年), (APP), (通讯员 李丽华), (所), (村), (ok).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from functools import lru_cache
from itertools import repeat

_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ"
_CANDIDATE = re.compile(rf"[(（]([a-zü{_TONED}]{{1,6}})[)）]")
_INITIALS = "zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw]"
_FINALS = ("iang|iong|uang|ueng|ang|eng|ing|ong|ian|iao|uai|uan|van|üan|ai|ei|ao|ou|an|en|er|ia|ie|iu|"
           "in|ua|uo|ui|un|ve|üe|ue|ve|vn|ün|a|o|e|i|u|ü|v")
_SYLLABLE = re.compile(rf"(?:{_INITIALS})?(?:{_FINALS})|ng|hng|m|n")


def _is_toned_syllable(word: str) -> bool:
    if not any(ch in _TONED for ch in word):
        return False
    plain = "".join(
        "ü" if base.startswith("u\u0308") else base[0]
        for base in (unicodedata.normalize("NFD", ch) for ch in word)
    )
    return _SYLLABLE.fullmatch(plain) is not None


# A mirror site glosses the same few hundred syllables over and over: each is judged once.
_judged: dict[str, bool] = {}
_JUDGED_LIMIT = 20_000


def find_glosses(text: str) -> list[tuple[int, int]]:
    """[start, end) of every pinyin gloss in `text`, parentheses included."""
    found: list[tuple[int, int]] = []
    bases: list[str] = []  # the character each gloss found glosses
    for match in _candidates(text):
        start, end = match.span()
        # A gloss that follows another gloss (報(bào)(bào)) would follow the character once the first goes.
        chained = bool(found) and found[-1][1] == start
        if chained or (start and text[start - 1].isalpha()):
            word = match[1]
            toned = _judged.get(word)
            if toned is None:
                toned = _is_toned_syllable(word)
                if len(_judged) < _JUDGED_LIMIT:
                    _judged[word] = toned
            # Without a tone mark (們(men), 的(de)) a syllable is a gloss only if it is a reading
            # of the character glossed: (APP), (ok), (所) stay.
            base = bases[-1] if chained else text[start - 1]
            if toned or (word.isascii() and _is_reading(base, word)):
                found.append((start, end))
                bases.append(base)
    return found


def _is_reading(character: str, syllable: str) -> bool:
    return syllable.replace("ü", "v") in _readings(character)


@lru_cache(maxsize=8192)
def _readings(character: str) -> frozenset[str]:
    """Every reading pypinyin knows for a Han character, heteronyms and the neutral tone included."""
    if not ("\u3400" <= character <= "\u9fff" or "\U00020000" <= character <= "\U0003134f"):
        return frozenset()
    from pypinyin import Style, pinyin

    readings = pinyin(character, style=Style.NORMAL, heteronym=True, errors="ignore")
    return frozenset(reading.replace("ü", "v") for group in readings for reading in group)


def _candidates(text: str) -> Iterator[re.Match[str]]:
    """What _CANDIDATE.finditer finds, found faster where parentheses are few.

    A regex pass over Chinese text costs several times what str.find does, and only an opening
    parenthesis can start a candidate (none occurs inside one), so text with a handful of them is
    better served by trying a match at each. Glossed text has dozens and is scanned in one pass.
    """
    starts: list[int] = []
    for parenthesis in "(（":
        at = text.find(parenthesis)
        while at != -1:
            if len(starts) == 8:
                return _CANDIDATE.finditer(text)
            starts.append(at)
            at = text.find(parenthesis, at + 1)
    starts.sort()
    return filter(None, map(_CANDIDATE.match, repeat(text), starts))


def strip_glosses(text: str) -> str:
    """`text` without its glosses (what furniture detection judges); `text` itself if it has none."""
    spans = find_glosses(text)
    if not spans:
        return text
    pieces, position = [], 0
    for start, end in spans:
        pieces.append(text[position:start])
        position = end
    pieces.append(text[position:])
    return "".join(pieces)
