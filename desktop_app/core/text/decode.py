"""Turning a file's bytes into text: BOMs, UTF-8, GB18030, Big5, UTF-16, and honest refusals.

UTF-8 is tried first because a strict UTF-8 decode practically never succeeds on anything else.
Otherwise every candidate (GB18030, Big5 and charset-normalizer's guesses) is decoded strictly and the
one that yields the most common Chinese characters wins: GB18030 and Big5 happily decode each other's
bytes, into rare characters, so "decodes without error" alone cannot tell them apart on short files.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from functools import cache
from typing import NamedTuple

from desktop_app.core.errors import ImportFailure
from desktop_app.core.text.common_hanzi import COMMON_SIMPLIFIED

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_HAN = re.compile(r"[\u3400-\u9fff\U00020000-\U0003134f]")
# C0 controls other than tab/newline/carriage return/form feed: text files do not contain them.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")
_MAGIC = {
    b"%PDF": "a PDF document",
    b"PK\x03\x04": "a ZIP archive (a .docx or .xlsx must keep its extension)",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"\xd0\xcf\x11\xe0": "an old Office document (.doc/.xls); save it as .docx/.xlsx or text",
    b"SQLite format 3": "a SQLite database",
}
# Any byte that data.strip(b" \t\r\n\x00" + BOM_UTF8) would keep.
_NOT_BLANK = re.compile(b"[^ \t\r\n\x00" + re.escape(codecs.BOM_UTF8) + b"]")
# A winner must have at least this share of common characters among its Han characters.
_PLAUSIBLE = 0.6


class Decoded(NamedTuple):
    text: str  # with \n line endings
    encoding: str
    replaced: int = 0  # undecodable stretches, each shown as U+FFFD (a damaged file read all the same)


def _damage_allowed(data: bytes) -> int:
    """How many undecodable bytes a file may have and still be read, each shown as U+FFFD.

    Scraped and re-saved articles often carry a stray byte or two; refusing the whole file for that
    would leave the researcher no way in. More damage than this is not an article in that encoding.
    """
    return max(3, len(data) // 500)


@cache
def _common_chars() -> frozenset[str]:
    from desktop_app.core.text.script import traditional_forms

    return frozenset(COMMON_SIMPLIFIED) | traditional_forms(COMMON_SIMPLIFIED)


def normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


_SAMPLE_WINDOWS = 16  # a long text is scored on this many windows spread over it
_SAMPLE_WINDOW = 1 << 15


def _sample(text: str) -> str:
    """All of a short text; windows spread evenly over a long one (lists of every Han character of
    a long text would cost some 60 bytes a character, and the share is the same)."""
    if len(text) <= _SAMPLE_WINDOWS * _SAMPLE_WINDOW:
        return text
    stride = len(text) // _SAMPLE_WINDOWS
    return "".join(text[at:at + _SAMPLE_WINDOW] for at in range(0, stride * _SAMPLE_WINDOWS, stride))


def plausibility(text: str) -> float:
    """Share of Han characters that are common ones, minus a penalty for control characters."""
    text = _sample(text)
    han = _HAN.findall(text)
    controls = len(_CONTROL.findall(text)) + text.count("\ufffd")
    if not han:
        return 0.0 if controls else 0.5
    common = _common_chars()
    share = sum(1 for ch in han if ch in common) / len(han)
    return share - 5 * controls / max(len(text), 1)


@dataclass
class _Reading:
    encoding: str
    text: str
    score: float
    truncated: bool = False


def _strict(data: bytes, encoding: str) -> _Reading | None:
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as error:
        # An error only in the last few bytes, of the "data ended" kind, means a cut-off file.
        if error.start >= len(data) - 4 and error.end >= len(data) - 1 and (
            "incomplete" in error.reason or "unexpected end" in error.reason or "truncated" in error.reason
        ):
            prefix = data[: error.start].decode(encoding, errors="replace")
            return _Reading(encoding, prefix, plausibility(prefix), truncated=True)
        return None
    except LookupError:
        return None
    return _Reading(encoding, text, plausibility(text))


def _normalise_name(name: str) -> str:
    name = codecs.lookup(name).name
    return {"gbk": "gb18030", "gb2312": "gb18030", "big5hkscs": "big5", "cp950": "big5",
            "cp936": "gb18030", "utf-16-le": "utf-16", "utf-16-be": "utf-16"}.get(name, name)


def _guesses(data: bytes) -> list[str]:
    from charset_normalizer import from_bytes

    try:
        return [_normalise_name(match.encoding) for match in from_bytes(data)][:3]
    except LookupError:
        return []


def _refuse(name: str, reason: str) -> ImportFailure:
    return ImportFailure(f"{name}: {reason}; nothing was imported")


def _check_binary(data: bytes, name: str) -> None:
    for magic, what in _MAGIC.items():
        if data.startswith(magic):
            raise _refuse(name, f"this is {what}, not a text file")
    if b"\x00" in data[:4096]:
        raise _refuse(name, "binary data (NUL bytes), not a text file")


def decode_bytes(data: bytes, name: str, encoding: str | None = None) -> Decoded:
    """Decode a text file's bytes.

    Raises ImportFailure naming the file and the reason for an empty, binary, truncated or
    undecodable file. A file with a few undecodable bytes in an otherwise plausible reading is read,
    each bad byte shown as U+FFFD (the mojibake step flags them) and counted in `replaced`.
    """
    if _NOT_BLANK.search(data) is None:  # data.strip(...) would copy all of it to find out
        raise _refuse(name, "the file is empty")
    if encoding:
        return _decode_as(data, name, encoding)
    for bom, bom_encoding in _BOMS:
        if data.startswith(bom):
            return _decode_as(data, name, bom_encoding)
    _check_binary(data, name)
    try:
        # No score needed: valid UTF-8 is UTF-8 (and this is most files, so it must stay cheap).
        return Decoded(_finish(data.decode("utf-8"), name), "utf-8")
    except UnicodeDecodeError:
        pass
    # Only the best reading so far is kept: every candidate's text is as large as the file's.
    best = _strict(data, "utf-8")
    truncated = best is not None and best.truncated  # a cut-off end is not damage to read past
    tried = {"utf-8"}
    for candidate in ["gb18030", "big5", *_guesses(data)]:
        if candidate not in tried:
            tried.add(candidate)
            found = _strict(data, candidate)
            if found:
                truncated = truncated or found.truncated
                if best is None or (found.score, not found.truncated) > (best.score, not best.truncated):
                    best = found
    if best is None or (not truncated and (best.score < _PLAUSIBLE or _HAN.search(best.text) is None)):
        damaged = _damaged_reading(data)
        if damaged is not None:
            return Decoded(_finish(damaged.text, name), damaged.encoding, damaged.text.count("\ufffd"))
    if best is None:
        raise _refuse(name, "not text in any supported encoding (UTF-8, GB18030, Big5, UTF-16); "
                            "try --encoding")
    if best.truncated:
        raise _refuse(name, f"the file ends in the middle of a {best.encoding} character; it looks truncated")
    if _HAN.search(best.text) is None and best.encoding not in ("utf-8", "ascii"):
        # Without a single Chinese character no candidate can be checked: refuse rather than guess.
        raise _refuse(name, "no Chinese text found in any supported encoding; try --encoding")
    if best.score < _PLAUSIBLE and _HAN.search(best.text):
        raise _refuse(name, "cannot tell its encoding: no reading gives plausible Chinese; try --encoding")
    return Decoded(_finish(best.text, name), best.encoding)


def _damaged_reading(data: bytes) -> _Reading | None:
    """The plausible reading with the fewest undecodable bytes, if few enough (see _damage_allowed)."""
    readings = []
    for encoding in ("utf-8", "gb18030", "big5"):
        text = data.decode(encoding, errors="replace")
        bad = text.count("\ufffd")
        if bad <= _damage_allowed(data) and _HAN.search(text):
            readings.append((bad, -plausibility(text), _Reading(encoding, text, plausibility(text))))
    plausible = [reading for reading in readings if reading[2].score >= _PLAUSIBLE]
    return min(plausible, key=lambda reading: reading[:2])[2] if plausible else None


def _decode_as(data: bytes, name: str, encoding: str) -> Decoded:
    try:
        canonical = codecs.lookup(encoding).name
    except LookupError:
        raise ImportFailure(f"{name}: unknown encoding {encoding!r}; nothing was imported") from None
    replaced = 0
    try:
        text = data.decode(canonical)
    except UnicodeDecodeError as error:
        if error.start >= len(data) - 4 and ("incomplete" in error.reason or "truncated" in error.reason
                                             or "unexpected end" in error.reason):
            raise _refuse(name, f"the file ends in the middle of a {encoding} character; "
                                "it looks truncated") from None
        text = data.decode(canonical, errors="replace")
        replaced = text.count("\ufffd")
        if replaced > _damage_allowed(data):
            raise _refuse(name, f"not valid {encoding} at byte {error.start} ({error.reason}), nor at "
                                f"{replaced - 1} other places") from None
    if canonical in ("utf-16", "utf-32") and text.startswith("\ufeff"):
        text = text[1:]
    label = {"utf-8": "utf-8", "utf-8-sig": "utf-8-sig"}.get(canonical, _normalise_name(canonical))
    return Decoded(_finish(text, name), label, replaced)


def _finish(text: str, name: str) -> str:
    text = normalise_newlines(text.removeprefix("\ufeff"))
    if not text or text.isspace():  # what `not text.strip()` says, without a copy of the text
        raise _refuse(name, "the file is empty")
    if len(_CONTROL.findall(text[:4096])) > 8:
        raise _refuse(name, "binary data (control characters), not a text file")
    return text


# WHATWG encoding labels as browsers read them: a gb2312 or gbk label means GBK, which GB18030 extends.
_WHATWG = {"gb2312": "gb18030", "gbk": "gb18030", "gb_2312-80": "gb18030", "x-gbk": "gb18030",
           "chinese": "gb18030", "csgb2312": "gb18030", "iso-ir-58": "gb18030", "gb18030": "gb18030",
           "big5": "big5", "big5-hkscs": "big5", "x-x-big5": "big5", "cn-big5": "big5",
           "utf-8": "utf-8", "utf8": "utf-8", "unicode-1-1-utf-8": "utf-8"}
_LABEL = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([\w-]+)", re.IGNORECASE)


class DecodedPage(NamedTuple):
    text: str
    encoding: str
    replaced: int = 0
    label: str | None = None  # the charset the page declares, if any
    label_obeyed: bool = True  # False: the bytes contradicted it and were read otherwise


def decode_page(data: bytes, name: str, encoding: str | None = None) -> DecodedPage:
    """A web page's bytes as a browser reads them: BOM, then valid UTF-8, then the declared label
    mapped per WHATWG (gb2312/gbk read as GB18030), then detection. A label the bytes contradict
    is recorded, not obeyed. Control bytes (in comments, scripts) do not make a page binary: the
    article is taken out of the markup afterwards, and any left are removed by the cleaning."""
    found = _LABEL.search(data[:4096])
    label = found.group(1).decode("ascii", "replace").lower() if found else None
    if encoding:
        decoded = _decode_as(data, name, encoding)
        return DecodedPage(decoded.text, decoded.encoding, decoded.replaced, label)
    if _NOT_BLANK.search(data) is None:
        raise _refuse(name, "the file is empty")
    for magic, what in _MAGIC.items():
        if data.startswith(magic):
            raise _refuse(name, f"this is {what}, not a web page")
    for bom, bom_encoding in _BOMS:
        if data.startswith(bom):
            text = data.decode(bom_encoding, errors="replace").removeprefix("\ufeff")
            return DecodedPage(normalise_newlines(text), bom_encoding.replace("-sig", ""),
                               text.count("\ufffd"), label, label is None or _WHATWG.get(label) == "utf-8")
    try:
        return DecodedPage(normalise_newlines(data.decode("utf-8")), "utf-8", 0, label,
                           label is None or _WHATWG.get(label, label) == "utf-8")
    except UnicodeDecodeError:
        pass
    wanted = _WHATWG.get(label or "", None)
    if wanted is None and label:
        try:
            wanted = _normalise_name(label)
        except LookupError:
            wanted = None
    if wanted and wanted != "utf-8":
        text = data.decode(wanted, errors="replace")
        bad = text.count("\ufffd")
        if bad <= _damage_allowed(data) and plausibility(text) >= _PLAUSIBLE - 0.1:
            return DecodedPage(normalise_newlines(text), wanted, bad, label)
    # The label does not fit the bytes: the reading with the fewest undecodable bytes that is
    # plausible Chinese (or, without any Chinese, UTF-8 with its damage marked).
    readings = []
    for candidate in dict.fromkeys(["gb18030", "big5", "utf-8", *_guesses(data)]):
        try:
            text = data.decode(candidate, errors="replace")
        except LookupError:
            continue
        readings.append((text.count("\ufffd"), -plausibility(text), candidate, text))
    bad, _, chosen, text = min(readings)
    if bad > max(_damage_allowed(data), len(data) // 50):
        raise _refuse(name, "not text in any supported encoding (UTF-8, GB18030, Big5); try --encoding")
    return DecodedPage(normalise_newlines(text), chosen, bad, label, _WHATWG.get(label or "", chosen) == chosen)
