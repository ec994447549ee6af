"""Decoding: an encodings matrix built from the seeds, and clean refusals of what is not text."""

from __future__ import annotations

import codecs

import pytest

from desktop_app.core.errors import ImportFailure
from desktop_app.core.text.decode import decode_bytes
from desktop_app.core.text.pinyin import strip_glosses
from desktop_app.core.text.pipeline import read_articles

KEYS = ["000", "001", "002", "003", "004"]


def big5_text(text: str) -> str:
    """The seed in Taiwan traditional script, keeping only what Big5 can encode."""
    import opencc

    converted = opencc.OpenCC("s2tw").convert(strip_glosses(text))
    return "".join(ch for ch in converted if _big5_ok(ch))


def _big5_ok(ch: str) -> bool:
    try:
        ch.encode("big5")
    except UnicodeEncodeError:
        return False
    return True


def stored_text(path, encoding=None):
    return read_articles(path, encoding=encoding)[0].text


@pytest.mark.parametrize("key", KEYS)
@pytest.mark.parametrize("variant", ["gb18030", "utf-16", "utf-8-sig+crlf", "utf-16-be-bom"])
def test_every_encoding_of_a_seed_stores_the_same_text(seed_texts, seed_paths, tmp_path, key, variant):
    text = seed_texts[key]
    if variant == "gb18030":
        data = text.encode("gb18030")
    elif variant == "utf-16":
        data = text.encode("utf-16")  # with a BOM
    elif variant == "utf-16-be-bom":
        data = codecs.BOM_UTF16_BE + text.encode("utf-16-be")
    else:
        data = codecs.BOM_UTF8 + text.replace("\n", "\r\n").encode("utf-8")
    path = tmp_path / f"{key}.txt"
    path.write_bytes(data)
    decoded, encoding, replaced = decode_bytes(data, path.name)
    assert decoded == text and replaced == 0
    assert encoding == {"gb18030": "gb18030", "utf-8-sig+crlf": "utf-8-sig"}.get(variant, "utf-16")
    assert stored_text(path) == stored_text(seed_paths[key])


@pytest.mark.parametrize("key", KEYS)
def test_big5_files_decode_to_the_same_text_as_their_utf8_twin(seed_texts, tmp_path, key):
    text = big5_text(seed_texts[key])
    (tmp_path / "big5.txt").write_bytes(text.encode("big5"))
    (tmp_path / "utf8.txt").write_bytes(text.encode("utf-8"))
    assert decode_bytes(text.encode("big5"), "big5.txt") == (text, "big5", 0)
    assert stored_text(tmp_path / "big5.txt") == stored_text(tmp_path / "utf8.txt")


@pytest.mark.parametrize("key", KEYS)
def test_short_files_are_detected_too(seed_texts, key):
    first = next(line for line in seed_texts[key].splitlines() if len(line) > 10)[:30]
    assert decode_bytes(first.encode("gb18030"), "short.txt") == (first, "gb18030", 0)
    big5 = big5_text(first)
    assert decode_bytes(big5.encode("big5"), "short.txt") == (big5, "big5", 0)


def test_encoding_override_wins(seed_texts):
    data = seed_texts["003"].encode("gb18030")
    assert decode_bytes(data, "a.txt", "gbk") == (seed_texts["003"], "gb18030", 0)
    with pytest.raises(ImportFailure, match=r"a\.txt: not valid utf-8 at byte"):
        decode_bytes(data, "a.txt", "utf-8")
    with pytest.raises(ImportFailure, match="unknown encoding 'klingon'"):
        decode_bytes(data, "a.txt", "klingon")


@pytest.mark.parametrize("encoding", ["utf-8", "gb18030", "big5"])
def test_truncated_files_are_refused_naming_file_and_reason(seed_texts, encoding):
    text = big5_text(seed_texts["002"]) if encoding == "big5" else seed_texts["002"]
    data = text.encode(encoding)
    cut = data[:-1] if data[-1:] >= b"\x80" else data[: len(text[:-10].encode(encoding)) + 1]
    with pytest.raises(ImportFailure, match=r"^cut\.txt: .*truncated"):
        decode_bytes(cut, "cut.txt")


def test_truncated_utf16_is_refused(seed_texts):
    data = seed_texts["000"].encode("utf-16")[:-1]
    with pytest.raises(ImportFailure, match=r"cut\.txt: .*truncated"):
        decode_bytes(data, "cut.txt")


@pytest.mark.parametrize(("data", "reason"), [
    (b"", "empty"),
    (b"  \r\n\r\n\t", "empty"),
    (codecs.BOM_UTF8, "empty"),
    (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "PNG image"),
    (b"%PDF-1.7\n" + bytes(range(256)), "PDF"),
    (bytes(range(256)) * 8, "binary"),
])
def test_empty_and_binary_files_are_refused(data, reason):
    with pytest.raises(ImportFailure, match=rf"^data\.txt: .*{reason}.*nothing was imported"):
        decode_bytes(data, "data.txt")


def test_crlf_and_lone_cr_become_newlines():
    assert decode_bytes("一\r\n二\r三\n".encode(), "x.txt") == ("一\n二\n三\n", "utf-8", 0)


@pytest.mark.parametrize("encoding", ["gb18030", "utf-8", "big5"])
def test_a_stray_bad_byte_is_read_past_and_shown_not_guessed(seed_texts, encoding):
    text = big5_text(seed_texts["003"]) if encoding == "big5" else seed_texts["003"]
    data = text.encode(encoding)
    cut = data.index("社区".encode(encoding) if encoding != "big5" else "社區".encode("big5"))
    damaged = data[:cut] + b"\xff" + data[cut:]
    decoded = decode_bytes(damaged, "scraped.txt")
    assert decoded.encoding == encoding and decoded.replaced == 1
    assert decoded.text.replace("\ufffd", "", 1) == text  # nothing else changed
    assert decode_bytes(damaged, "scraped.txt", encoding).replaced == 1  # the same when it is named


def test_heavy_damage_is_still_refused(seed_texts):
    data = bytearray(seed_texts["003"].encode("gb18030"))
    for position in range(0, len(data), 100):  # one bad byte in a hundred
        data[position] = 0xFF
    with pytest.raises(ImportFailure, match="not text in any supported encoding"):
        decode_bytes(bytes(data), "garbage.txt")
    with pytest.raises(ImportFailure, match=r"not valid gb18030 at byte 0 .*, nor at \d+ other places"):
        decode_bytes(bytes(data), "garbage.txt", "gb18030")


def test_a_damaged_article_imports_with_its_bad_byte_flagged(seed_texts, tmp_path):
    data = seed_texts["000"].encode("gb18030")
    (tmp_path / "scraped.txt").write_bytes(data[:300] + b"\xff" + data[300:])
    [article] = read_articles(tmp_path / "scraped.txt")
    assert article.encoding == "gb18030" and article.extracted["undecodable_bytes"] == 1
    flagged = next(step for step in article.cleaning if step["step"] == "mojibake")
    at = article.text.index("\ufffd")
    assert any(start <= at < end for start, end in flagged["text_spans"])
