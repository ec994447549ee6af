"""Flagging mojibake (text decoded with the wrong encoding somewhere upstream), never repairing it.

The seeds show the typical damage of a GBK byte stream that lost a byte: `確?!熬瘛薄熬W(wǎng)格`
(確保“警格”“網格”) and `服務?;▓@洞`. The tell is a `?` (or U+FFFD) inside Chinese text followed by
ASCII punctuation or symbols, then characters that form no word with their neighbours. A repair
would be a guess, so the pipeline only reports where the damage is; the researcher decides.
Well-known double-encoding markers (锟斤拷, 鈥, 銆, Ã, â€) are flagged wherever they occur.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

_START = re.compile(r"[?\ufffd](?=[!;:@#$%^&*_=+|~`<>\[\]{}\\▓░▒█■□◆◇○●★☆※]|[\u3400-\u9fff])")
_MARKERS = re.compile(r"锟斤拷|烫烫烫|屯屯屯|鈥[溿淚湶斺橆樼]|銆[傚€乕侊媿]|锛[佸堝夛煤]|Ã.|â€.?|\ufffd+")
_MARKER_FIRSTS = "锟烫屯鈥銆锛Ãâ\ufffd"  # the characters _MARKERS can start with
_HAN = re.compile(r"[\u3400-\u9fff]")


def _is_junk_symbol(ch: str) -> bool:
    if ch in "()（）,，.。\n \t“”\"'":
        return False
    category = unicodedata.category(ch)
    return category.startswith(("P", "S")) and ord(ch) < 0x3000 or category in ("So", "Sm", "Co")


def find_mojibake(text: str, is_word: Callable[[str], bool]) -> list[tuple[int, int]]:
    """[start, end) of each suspected mojibake run in `text`.

    `is_word(s)` says whether `s` (taken from the simplified shadow) is a dictionary word; characters
    that start no word of two or more characters with what follows are taken as part of the damage.
    """
    # Most text has no `?`, U+FFFD or marker: substring tests settle that far faster than the regexes,
    # the marker alternation above all, which is tried at every character.
    found = _garbled_runs(text, is_word) if "?" in text or "\ufffd" in text else []
    if any(first in text for first in _MARKER_FIRSTS):
        found.extend(match.span() for match in _MARKERS.finditer(text))
    return _merge(found) if found else found


def _garbled_runs(text: str, is_word: Callable[[str], bool]) -> list[tuple[int, int]]:
    """A `?`/U+FFFD followed by stray symbols and characters starting no word."""
    found: list[tuple[int, int]] = []
    for match in _START.finditer(text):
        start = match.start()
        previous = text[start - 1] if start else ""
        if text[start] == "?" and not _HAN.match(previous):
            continue  # a question mark after Latin text, digits or punctuation is just that
        end = start + 1
        symbols = 0
        while end < len(text) and _is_junk_symbol(text[end]):
            end += 1
            symbols += 1
        garbled = 0
        while end < len(text) and _HAN.match(text[end]) and not _starts_word(text, end, is_word):
            end += 1
            garbled += 1
        # "是什么?我们" is a question; damage shows symbols and non-words right after the `?`.
        if text[start] == "\ufffd" or (symbols and garbled) or symbols >= 2:
            found.append((start, end))
    return found


def _starts_word(text: str, position: int, is_word: Callable[[str], bool]) -> bool:
    return any(is_word(text[position:position + size]) for size in (2, 3, 4)
               if position + size <= len(text))


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged
