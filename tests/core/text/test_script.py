"""The simplified shadow against the package converter it replaced (tw2s for traditional text, t2s else), script detection against the
character-by-character count it replaced."""

from __future__ import annotations

import opencc
import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from desktop_app.core.paths import seed_files
from desktop_app.core.text import script
from desktop_app.core.text.script import detect_script, simplified_shadow

REFERENCE = opencc.OpenCC("t2s")
# Traditional text is folded from its Taiwan (and Hong Kong) variants first: what tw2s does.
TRADITIONAL_REFERENCE = opencc.OpenCC("tw2s")
HONG_KONG_ONLY = frozenset(script._dictionary("HKVariantsRev.txt")) | frozenset(
    "".join(script._dictionary("HKVariantsRevPhrases.txt")))
PHRASES = sorted(script._dictionary("TSPhrases.txt"))
PHRASE_CHARACTERS = sorted(set("".join(PHRASES)))
ASTRAL = "𠮷"  # U+20BB7, which t2s leaves alone
ASTRAL_TRADITIONAL = "𠁞"  # a TSCharacters key beyond the BMP
EMOJI = "😀"
SEPARATORS = [" ", "\n", "\t", "，", "。", "、", "-", "—", "「", "」", "（", "）", "…", "﹁", "／", "　"]


def reference_shadow(text: str) -> str | None:
    """What the package gives, or None where it would change the length (the shadow then may not)."""
    if any(ch in HONG_KONG_ONLY for ch in text):
        return None  # no package conversion folds both Hong Kong and Taiwan forms, as the shadow does
    traditional = script._t2s().triggers.occurs_in(text) or script._variant_only().occurs_in(text)
    converted = (TRADITIONAL_REFERENCE if traditional else REFERENCE).convert(text)
    return converted if len(converted) == len(text) else None


def assert_like_reference(text: str) -> None:
    shadow = simplified_shadow(text)
    assert len(shadow) == len(text)
    expected = reference_shadow(text)
    if expected is not None:
        assert shadow == expected


@pytest.mark.parametrize("path", seed_files(), ids=lambda path: path.name[:3])
def test_seeds_and_their_traditional_conversions_convert_as_the_package_does(path):
    text = path.read_text(encoding="utf-8")
    traditional = opencc.OpenCC("s2t").convert(text)
    assert detect_script(traditional) == "traditional"
    for variant in (text, traditional):
        assert_like_reference(variant)
    assert simplified_shadow(traditional) != traditional


def phrase_fragments(phrase: str) -> st.SearchStrategy[str]:
    """A phrase's head or tail, so that generated text is full of phrases overlapping each other."""
    cuts = st.integers(min_value=1, max_value=len(phrase) - 1)
    return st.one_of(cuts.map(lambda cut: phrase[:cut]), cuts.map(lambda cut: phrase[cut:]))


PIECES = st.one_of(
    st.sampled_from(PHRASES),
    st.sampled_from(PHRASES).flatmap(phrase_fragments),
    st.sampled_from(PHRASE_CHARACTERS),
    st.sampled_from([*SEPARATORS, ASTRAL, ASTRAL_TRADITIONAL, EMOJI, "a", "7"]),
)


@given(st.lists(PIECES, max_size=30).map("".join))
@example("反覆盆子")
@example("基层治理现代化，网格员。" * 5 + "乾隆年間的網格員")  # the first trigger comes late
@example("康乾乾淨淨，" + ASTRAL + "沈默" + EMOJI)
@example("藉藉手")  # 藉手 sits where a longer 藉… phrase would run past the end of the text
def test_any_text_of_phrases_converts_as_the_package_does(text):
    assert_like_reference(text)


def test_the_longest_phrase_anywhere_wins_not_the_first_from_the_left():
    # 反覆 and 覆盆子 overlap: OpenCC proper would take 反覆 (-> 反复) scanning from the left; the
    # package, and so the shadow, takes the longer 覆盆子 first and leaves 反 as it is.
    assert simplified_shadow("反覆盆子") == "反覆盆子"
    assert simplified_shadow("康乾乾淨淨") == "康干干净净"
    converter = script._build_converter({"AB": "ab", "BCD": "bcd"}, {"A": "α"})
    assert script._convert("ABCD", converter) == "αbcd"
    assert script._convert("ABAB", converter) == "abab"


def test_a_conversion_that_would_change_the_length_goes_character_by_character():
    converter = script._build_converter({"AB": "xyz", "CD": "cd"}, {"A": "a", "B": "bb", "E": "e"})
    # AB -> xyz would shift every later offset: A converts alone, B (-> two characters) stays.
    assert script._convert("ABCDEB", converter) == "aBcdeB"


def test_no_dictionary_key_holds_a_separator_so_whole_text_conversion_equals_piecewise():
    """The package converts each separator-delimited piece on its own; the shadow converts the whole
    text at once, which is the same only while no key reaches across a separator."""
    keys = [*PHRASES, *script._t2s_characters()]
    assert not [key for key in keys if REFERENCE.split_chars_re.search(key)]


def test_text_without_any_trigger_is_its_own_shadow():
    text = "基层治理现代化，网格员" + ASTRAL + EMOJI
    assert script._triggers().isdisjoint(text)
    assert simplified_shadow(text) is text


def detect_script_by_character(text: str) -> str:
    """The rule as first written, one character at a time."""
    if not script._HAN.search(text):
        return "other"
    to_simplified, to_traditional = script._t2s_characters(), script._s2t_characters()
    traditional = simplified = 0
    for ch in text:
        if ch in to_simplified and to_simplified[ch] != ch:
            traditional += 1
        elif ch in to_traditional and to_traditional[ch] != ch:
            simplified += 1
    if traditional + simplified == 0:
        return "simplified"
    share = traditional / (traditional + simplified)
    if share >= 0.8:
        return "traditional"
    if share <= 0.2:
        return "simplified"
    return "mixed"


def test_detect_script_on_each_kind_of_text(seed_texts):
    assert detect_script(seed_texts["000"]) == "simplified"
    assert detect_script(seed_texts["001"]) == "traditional"
    assert detect_script("統籌之治与依法之治，國家治理现代化，黨建引领") == "mixed"
    assert detect_script("Grassroots governance 2024") == "other"
    assert detect_script("") == "other"
    assert detect_script("中心") == "simplified"  # nothing that tells the scripts apart
    assert detect_script(ASTRAL_TRADITIONAL + "中心") == "traditional"
    # The thresholds themselves: 80% traditional is traditional, 20% is simplified.
    assert detect_script("國國國國国") == "traditional"
    assert detect_script("國国国国国") == "simplified"
    assert detect_script("國國國国国") == "mixed"


SCRIPT_ALPHABET = [
    "國", "說", "們", "黨", ASTRAL_TRADITIONAL,  # traditional only
    "国", "说", "们", "党", "𠀾",  # simplified only (𠀾 is an STCharacters key beyond the BMP)
    "中", "心", "人", ASTRAL, EMOJI, "a", " ", "，",  # in both scripts, or not Chinese
]


@given(st.text(alphabet=st.sampled_from(SCRIPT_ALPHABET), max_size=40))
def test_detect_script_agrees_with_counting_character_by_character(text):
    assert detect_script(text) == detect_script_by_character(text)


def test_hong_kong_and_taiwan_variants_fold_in_the_shadow_at_the_same_offsets():
    for text, expected in (("湖南衞視報道", "湖南卫视报道"), ("他帶著孩子", "他带着孩子"), ("衞生", "卫生"),
                           ("著名作家寫作", "著名作家写作"), ("显著提高", "显著提高")):
        shadow = simplified_shadow(text)
        assert shadow == expected
        assert len(shadow) == len(text)
