"""Cleaning steps on small texts: what goes, what must stay, and where it was."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from desktop_app.core.text.pinyin import find_glosses
from desktop_app.core.text.pipeline import CleaningOptions, content_hash, prepare_article

ASTRAL, EMOJI = "𠮷", "😀"


def prepare(text: str, options: CleaningOptions | None = None):
    return prepare_article(text, encoding="utf-8", options=options or CleaningOptions(), fallback_title="t")


def test_legitimate_parentheses_stay_and_glosses_go():
    text = ("第(一)条:印发规划(2024-2028年),下载(APP),通讯员(通讯员 李丽华),文明实践站(所),社区(村),"
            "确认(ok)。報(bào)訊,轄區(qū),經(jīng)濟,農村(nóng)")
    article = prepare(text)
    assert article.text == ("第(一)条:印发规划(2024-2028年),下载(APP),通讯员(通讯员 李丽华),文明实践站(所),社区(村),"
                            "确认(ok)。報訊,轄區,經濟,農村")
    assert article.cleaning[0]["removed"] == ["(bào)", "(qū)", "(jīng)", "(nóng)"]


def test_gloss_spans_are_code_points_around_astral_characters():
    original = f"{ASTRAL}報(bào){EMOJI}訊{ASTRAL}區(qū)"
    article = prepare(original)
    assert article.text == f"{ASTRAL}報{EMOJI}訊{ASTRAL}區"
    spans = article.cleaning[0]["spans"]
    assert spans == [[2, 7], [11, 15]]
    assert [original[s:e] for s, e in spans] == ["(bào)", "(qū)"]


def test_a_question_is_not_mojibake_but_a_garbled_run_is():
    question = prepare("你知道什么是网格化管理吗?我们来看看。社区怎么办?!大家一起想办法。")
    assert next(e for e in question.cleaning if e["step"] == "mojibake")["count"] == 0
    garbled = prepare(f"{EMOJI}确?!熬瘛薄熬W格”无缝衔接,服务?;▓@洞社区。锟斤拷")
    record = next(e for e in garbled.cleaning if e["step"] == "mojibake")
    assert record["flagged"] == ["?!熬瘛薄熬", "?;▓@洞", "锟斤拷"]
    assert record["text_spans"][0] == [2, 8]
    assert garbled.text.startswith(f"{EMOJI}确?!熬瘛薄熬W格")  # flagged, left as it is


def test_whitespace_tidying_keeps_inner_spaces():
    article = prepare("\n\n\u3000\u3000第一段 有空格。  \n\n\n\n  第二段。\n\n")
    assert article.text == "第一段 有空格。\n\n第二段。"
    double_spaced = prepare("  一。\n\n  二。\n\n  三。\n")
    assert double_spaced.text == "一。\n二。\n三。"


def test_content_hash_ignores_layout_only():
    assert content_hash("党建 引领\n基层治理") == content_hash("党建引领\r\n\u3000基层治理 ")
    assert content_hash("党建引领") != content_hash("党建引導")


def test_furniture_on_a_mirror_page_with_a_caption_inside_the_body():
    page = ("当前位置:首页 > 基层治理 > 正文\n标题在这里\n发布时间:2023-03-01 来源:某某日报\n"
            "本报讯(记者 王小明)社区开展活动。\n居民积极参加。\n图为活动现场。\n活动取得成效。\n"
            "(责任编辑:赵六)\n")
    article = prepare(page)
    assert article.title == "标题在这里"
    assert article.outlet == "某某日报"
    assert article.authors == ["王小明"]
    assert article.extracted["editors"] == ["赵六"]
    assert article.text == "本报讯(记者 王小明)社区开展活动。\n居民积极参加。\n活动取得成效。"
    assert article.published.isoformat() == "2023-03-01"


@settings(max_examples=120, deadline=None)
@given(st.lists(st.sampled_from(["報", "(bào)", "訊", "区", ASTRAL, EMOJI, "\n", " ", "\u3000", "(村)",
                                 "编辑:王营波", "来源:深圳特区报", "?", "!", "。", "- 标题", "时间:2023-01-20"]),
                max_size=40).map("".join))
@example("報?!報")  # flagged as mojibake: a record with spans and nothing removed
def test_every_recorded_span_is_in_the_original_and_the_text_is_what_remains(text):
    article = prepare(text)
    assert len(article.original) == len(text.replace("\r\n", "\n").replace("\r", "\n"))
    removed_chars = 0
    for entry in article.cleaning:
        if entry["step"] == "mojibake":  # flagged where it stands, nothing removed
            assert entry["removed"] == [] and len(entry["spans"]) == len(entry["text_spans"]) == entry["count"]
            for (start, end), flagged in zip(entry["text_spans"], entry["flagged"], strict=True):
                assert article.text[start:end] == flagged
            continue
        for (start, end), removed in zip(entry["spans"], entry["removed"], strict=True):
            assert 0 <= start <= end <= len(article.original)
            if entry["step"] != "furniture":
                assert article.original[start:end].endswith(removed[-1:]) or not removed
            removed_chars += len(removed)
    assert len(article.text) == len(article.original) - removed_chars
    assert find_glosses(article.text) == []
