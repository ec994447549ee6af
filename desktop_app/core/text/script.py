"""Which script a text is in, and its simplified shadow (OpenCC t2s) with offsets equal to the text's.

Traditional text is shown as published; segmentation, search and dictionary matching run on the
shadow. The shadow is only usable if position i of the shadow is position i of the text, so every
converted piece is checked for length and, where a phrase mapping would change it, converted
character by character instead.
"""

from __future__ import annotations

import os
import re
import threading
from functools import cache, lru_cache

_SEPARATORS = re.compile(r"[\s\-,.?!*　，。、；：？！…“”‘’『』「」（）《》〈〉～—()\[\]【】]+")
_HAN = re.compile(r"[\u3400-\u9fff\U00020000-\U0003134f]")
_lock = threading.Lock()


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


@cache
def _triggers() -> frozenset[str]:
    """Every character that t2s could change, alone or inside a phrase (the 沈 of 沈默 -> 沉默).

    Text without any of them is its own shadow, which spares most simplified text the converter.
    """
    chars = {key for key, value in _t2s_characters().items() if key != value}
    for phrase, converted in _dictionary("TSPhrases.txt").items():
        chars.update(a for a, b in zip(phrase, converted, strict=True) if a != b)
    return frozenset(chars)


@cache
def _converter():
    import opencc

    return opencc.OpenCC("t2s")


def traditional_forms(simplified: str) -> frozenset[str]:
    """The traditional forms OpenCC s2t gives for these characters (used to score Big5 readings)."""
    table = _s2t_characters()
    return frozenset(table[ch] for ch in simplified if ch in table)


def _convert_piece(piece: str) -> str:
    with _lock:  # OpenCC's converter keeps per-call state in the instance
        converted = _converter().convert(piece)
    if len(converted) == len(piece):
        return converted
    table = _t2s_characters()
    return "".join(table.get(ch, ch) if len(table.get(ch, ch)) == 1 else ch for ch in piece)


@lru_cache(maxsize=16)  # the pipeline, the mojibake check and the segmenter ask for the same text
def simplified_shadow(text: str) -> str:
    """OpenCC t2s of `text`, guaranteed the same length so that offsets carry over unchanged."""
    triggers = _triggers()
    if not any(ch in triggers for ch in text):
        return text
    parts: list[str] = []
    position = 0
    for separator in _SEPARATORS.finditer(text):
        piece = text[position:separator.start()]
        parts.append(_convert_piece(piece) if any(ch in triggers for ch in piece) else piece)
        parts.append(separator.group())
        position = separator.end()
    tail = text[position:]
    parts.append(_convert_piece(tail) if any(ch in triggers for ch in tail) else tail)
    shadow = "".join(parts)
    assert len(shadow) == len(text), "simplified shadow changed the text's length"
    return shadow


def detect_script(text: str) -> str:
    """"simplified", "traditional", "mixed" (both in earnest) or "other" (no Chinese at all)."""
    if not _HAN.search(text):
        return "other"
    to_simplified, to_traditional = _t2s_characters(), _s2t_characters()
    traditional = simplified = 0
    for ch in text:
        if ch in to_simplified and to_simplified[ch] != ch:
            traditional += 1
        elif ch in to_traditional and to_traditional[ch] != ch:
            simplified += 1
    distinctive = traditional + simplified
    if distinctive == 0:
        return "simplified"  # only characters common to both scripts: nothing to convert
    share = traditional / distinctive
    if share >= 0.8:
        return "traditional"
    if share <= 0.2:
        return "simplified"
    return "mixed"
