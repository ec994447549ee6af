"""Segmentation on the simplified shadow, offsets in code points, the compact cache format."""

from __future__ import annotations

import subprocess
import sys

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop_app.core.paths import seed_files
from desktop_app.core.text.pipeline import read_articles
from desktop_app.core.text.script import detect_script, simplified_shadow
from desktop_app.core.text.segment import Segmenter, available_engines, pack_boundaries, unpack_boundaries

ASTRAL = "𠮷"  # U+20BB7: one code point in Python, two UTF-16 units in Qt
EMOJI = "😀"


def words(segmenter, text):
    return [text[s:e] for s, e in segmenter.tokens(text)]


def test_traditional_text_is_cut_right_on_its_shadow(jieba_segmenter):
    text = "本著統籌之治、依法之治、共享之治的目標任務"
    assert words(jieba_segmenter, text)[:3] == ["本著", "統籌", "之治"]
    # On the traditional characters themselves jieba goes wrong: the shadow is what makes it right.
    raw = jieba_segmenter.raw_tokens(text)
    assert raw[:3] != ["本著", "統籌", "之治"]


def test_a_traditional_article_segments_like_its_simplified_conversion(segmenter, seed_paths):
    import opencc

    traditional = read_articles(seed_paths["001"])[0].text
    simplified = opencc.OpenCC("t2s").convert(traditional)
    assert len(simplified) == len(traditional)
    assert segmenter.boundaries(traditional) == segmenter.boundaries(simplified)


def test_shadow_keeps_every_offset_and_detects_scripts(seed_texts):
    for key, text in seed_texts.items():
        shadow = simplified_shadow(text)
        assert len(shadow) == len(text)
        assert detect_script(shadow) in ("simplified", "other")
        expected = "traditional" if key == "001" else "simplified"
        assert detect_script(text) == expected
    assert detect_script("Grassroots governance 2024") == "other"
    assert detect_script("統籌之治与依法之治，國家治理现代化，黨建引领") == "mixed"


def test_phrase_conversions_never_shift_offsets():
    # 沈默 -> 沉默 is a phrase mapping; 乾隆 must stay; lengths hold everywhere.
    text = f"{ASTRAL}沈默{EMOJI}乾隆年間的網格員"
    shadow = simplified_shadow(text)
    assert len(shadow) == len(text)
    assert shadow[1:3] == "沉默" and shadow[-3:] == "网格员"


def test_astral_characters_keep_token_offsets_right(segmenter):
    text = f"{ASTRAL}{EMOJI}党建引领社区治理{ASTRAL}网格员{EMOJI}"
    tokens = segmenter.tokens(text)
    pieces = [text[s:e] for s, e in tokens]
    assert "党建引领" in pieces and "网格员" in pieces
    start = text.index("党建引领")
    assert (start, start + 4) in tokens and start == 2
    assert pieces[0] == ASTRAL and pieces[-1] == EMOJI


def test_governance_dictionary_and_codebook_words_stay_whole():
    segmenter = Segmenter()
    text = "坚持和发展新时代枫桥经验,推进诉源治理,落实一岗双责,建设金岭先行示范社区"
    pieces = words(segmenter, text)
    for term in ("枫桥经验", "诉源治理", "一岗双责"):
        assert term in pieces
    assert "金岭先行示范社区" not in pieces
    before = segmenter.dictionary_hash
    segmenter.add_words(["金岭先行示范社区"])
    assert segmenter.dictionary_hash != before
    assert "金岭先行示范社区" in words(segmenter, text)


def test_governance_dictionary_has_the_field_terms():
    from desktop_app.core.text.segment import domain_dictionary_path, read_user_dictionary

    entries = read_user_dictionary(domain_dictionary_path())
    terms = {word for word, _, _ in entries}
    assert len(terms) == len(entries) >= 200
    for term in ("党建引领", "网格员", "三治融合", "枫桥经验", "大党委", "党群服务中心", "矛盾纠纷", "诉源治理",
                 "吹哨报到", "一岗双责", "共建共治共享"):
        assert term in terms


@pytest.mark.skipif("rjieba" not in available_engines(), reason="rjieba is not installed")
def test_rjieba_gives_jiebas_boundaries_on_every_seed(jieba_segmenter):
    rjieba = Segmenter(engine="rjieba")
    for path in seed_files():
        for text in (path.read_text(encoding="utf-8"), read_articles(path)[0].text):
            assert rjieba.boundaries(text) == jieba_segmenter.boundaries(text), path.name
    codebook = ["五治", "法治", "平安建设", "网格化管理", "金岭先行示范社区"]
    with_words = Segmenter(codebook, engine="rjieba"), Segmenter(codebook, engine="jieba")
    for path in seed_files():
        text = path.read_text(encoding="utf-8")
        assert with_words[0].boundaries(text) == with_words[1].boundaries(text)


def test_hyphens_are_tokens_of_their_own_as_jieba_cuts_them(segmenter):
    text = "规划(2024-2028年)"
    assert words(segmenter, text) == ["规划", "(", "2024", "-", "2028", "年", ")"]


def test_jieba_is_not_loaded_at_import_or_construction():
    code = ("import sys; import desktop_app.core.text.pipeline, desktop_app.core.text.importer;"
            "from desktop_app.core.text.segment import Segmenter; s = Segmenter(['网格员']); s.dictionary_hash;"
            "print('jieba' in sys.modules, 'rjieba' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]


def test_pack_boundaries_is_four_bytes_per_token():
    boundaries = [1, 3, 70_000, 2**32 - 1]
    packed = pack_boundaries(boundaries)
    assert len(packed) == 16 and packed[:4] == b"\x01\x00\x00\x00"
    assert unpack_boundaries(packed) == boundaries


def test_threads_share_one_segmenter():
    from concurrent.futures import ThreadPoolExecutor

    segmenter = Segmenter()
    texts = [path.read_text(encoding="utf-8") for path in seed_files()] * 4
    with ThreadPoolExecutor(4) as pool:
        results = list(pool.map(segmenter.boundaries, texts))
    assert results == [segmenter.boundaries(text) for text in texts]


_SEED_CHARS = sorted(set("".join(path.read_text(encoding="utf-8") for path in seed_files())))
_ALPHABET = st.sampled_from([*_SEED_CHARS, ASTRAL, EMOJI, "\u3000", " ", "\n", "-", "沈", "乾", "(bào)"])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_ALPHABET, max_size=80).map("".join))
def test_tokens_tile_the_text_and_the_shadow_keeps_its_length(segmenter, text):
    shadow = simplified_shadow(text)
    assert len(shadow) == len(text)
    tokens = segmenter.tokens(text)
    if not text:
        assert tokens == []
        return
    assert tokens[0][0] == 0 and tokens[-1][1] == len(text)
    for (_, end), (start, _) in zip(tokens, tokens[1:], strict=False):
        assert end == start
    assert all(start < end for start, end in tokens)


@pytest.mark.parametrize("engine", available_engines())
def test_articles_cut_together_are_cut_exactly_as_alone(engine, seed_texts):
    """The import cuts a batch of articles in one engine call; no article may feel its neighbours."""
    segmenter = Segmenter(engine=engine)
    seeds = list(seed_texts.values())
    # Edges that could glue articles together: ends and starts in Han, Latin, digits, hyphens,
    # spaces, newlines, astral characters, and empty articles.
    texts = [*seeds, "", "社区", "治理", "abc", "123", "-", "x-", "\n", " 网格", "员 ", ASTRAL, EMOJI,
             *(seed[:40] for seed in seeds), *(seed[-40:] for seed in seeds), ""]
    alone = [segmenter.boundaries(text) for text in texts]

    def cut_one_by_one(text):  # the fallback: taking it would mean the joined cut went wrong
        raise AssertionError(f"{text[:20]!r} had to be cut alone")

    segmenter.boundaries = cut_one_by_one
    assert segmenter.boundaries_many(texts) == alone


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.lists(_ALPHABET, max_size=30).map("".join), max_size=6))
def test_any_batch_of_texts_cuts_as_each_text_alone(segmenter, texts):
    assert segmenter.boundaries_many(texts) == [segmenter.boundaries(text) for text in texts]


def test_a_text_holding_the_batch_separator_is_still_cut_right(segmenter):
    texts = ["网格员入户走访", "私用\ue000字符", "三治融合"]
    assert segmenter.boundaries_many(texts) == [segmenter.boundaries(text) for text in texts]
