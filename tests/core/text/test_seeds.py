"""Every sample article prepares with the metadata and cleaning a researcher would expect."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from desktop_app.core.text.pinyin import strip_glosses
from desktop_app.core.text.pipeline import CleaningOptions, read_articles

GLOSS = re.compile(r"[(（][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+[)）]")


@pytest.fixture(scope="module")
def prepared(seed_paths):
    return {key: read_articles(path)[0] for key, path in seed_paths.items()}


def step(article, name):
    return next(entry for entry in article.cleaning if entry["step"] == name)


def furniture_kinds(article):
    return [item["kind"] for item in step(article, "furniture")["items"]]


def test_every_pinyin_gloss_goes_from_001_and_none_is_found_elsewhere(prepared, seed_texts):
    article = prepared["001"]
    pinyin = step(article, "pinyin")
    assert pinyin["count"] == 288
    assert len(GLOSS.findall(seed_texts["001"])) == 288
    assert GLOSS.findall(article.text) == []
    assert "湖南法治報訊(通訊員 李麗華 李樂研)北湖區下湄橋街道轄9個社區2個村" in article.text
    # Each recorded span is the gloss as it stands in the published original.
    for (start, end), removed in zip(pinyin["spans"], pinyin["removed"], strict=True):
        assert article.original[start:end] == removed
        assert GLOSS.fullmatch(removed)
    for key in ("000", "002", "003", "004"):
        assert step(prepared[key], "pinyin")["count"] == 0


def test_legitimate_parentheses_in_001_stay(prepared):
    text = prepared["001"].text
    for kept in ("(通訊員 李麗華 李樂研)", "社區(村)為平臺", "文明實踐站(所)", "通過村(居)民自治"):
        assert kept in text
    assert "中共中央辦公廳印發《全國黨員教育培訓工作規劃(2024-2028年)》" in prepared["001"].extracted[
        "related_headlines"]


def test_001_reviewers_headlines_and_mojibake(prepared):
    article = prepared["001"]
    assert article.script == "traditional"
    assert article.outlet == "湖南法治報"
    assert article.authors == ["李麗華", "李樂研"]
    assert article.extracted["reviewers"] == ["曾金春", "伏志勇", "萬朝暉"]
    assert article.extracted["editors"] == ["王亞東"]
    assert len(article.extracted["related_headlines"]) == 8
    assert furniture_kinds(article) == ["staff", "staff", "staff", "stray", "staff", "source", "headlines"]
    assert article.text.endswith("形成以道德建設帶動社會治理的良好局面。")
    for gone in ("一審", "責編", "習近平在貴州考察", "來源"):
        assert gone not in article.text
    mojibake = step(article, "mojibake")
    assert mojibake["count"] == 3
    assert mojibake["flagged"][0].startswith("?!熬瘛薄")
    # Flagged, never repaired: the garbled characters are still in the text at the positions given.
    for (start, end), (o_start, o_end), flagged in zip(
            mojibake["text_spans"], mojibake["spans"], mojibake["flagged"], strict=True):
        assert article.text[start:end] == flagged
        assert article.original[o_start:o_end] == flagged
    assert "確?!熬瘛薄熬W格”無縫銜接" in article.text


def test_000_credit_line_and_captions(prepared):
    article = prepared["000"]
    assert article.outlet == "民主与法制网"
    assert article.authors == ["任琪琪", "石佳茵"]
    assert article.extracted["reporters"] == ["任琪琪"]
    assert article.extracted["correspondents"] == ["石佳茵"]
    assert article.published is None
    assert article.text.startswith("民主与法制网讯(□任琪琪 通讯员石佳茵)近年来")
    assert article.extracted["captions"] == ["学习会议。 通讯员供图", "社区活动。 通讯员供图", "活动留影。 通讯员供图"]
    assert "通讯员供图" not in article.text
    assert article.title == "000_fad8a3c8920bb766"  # no title line: the file name stands in


def test_002_two_dates_disagree_and_both_are_kept(prepared):
    article = prepared["002"]
    assert article.published == dt.date(2022, 1, 13)
    dates = {(d["where"], d["date"]) for d in article.extracted["dates"]}
    assert dates == {("header", "2023-01-20"), ("dateline", "2022-01-13")}
    assert article.extracted["dates_disagree"] is True
    assert article.extracted["published_from"]["where"] == "dateline"
    assert article.outlet == "深圳新闻网"
    assert article.extracted["reporters"] == ["杨涛"]
    assert article.extracted["correspondents"] == ["张智强", "熊海霞"]
    assert article.authors == ["杨涛", "张智强", "熊海霞"]
    assert not article.text.startswith("时间")
    assert article.text.endswith("自我教育、自我监督。")  # the glued 来源:深圳新闻网 is gone
    assert {s["source"] for s in article.extracted["sources"]} == {"法律常识", "深圳新闻网", "读特客户端·深圳新闻网"}


def test_003_platform_boilerplate_and_editors(prepared):
    article = prepared["003"]
    assert article.text.endswith("社区户均2人以上稳定就业的目标。")
    for gone in ("举报/反馈", "粉丝", "收藏", "分享", "编审"):
        assert gone not in article.text
    assert article.extracted["correspondents"] == ["黎以旭"]
    assert article.extracted["editors"] == ["胡婷婷", "王永杰"]
    assert article.extracted["platform"]["account"] == "天眼新闻"
    assert article.extracted["platform"]["counters"] == ["899万获赞 90.7万粉丝"]
    assert article.outlet == "天眼新闻"
    assert article.authors == ["黎以旭"]


def test_004_breadcrumb_title_header_indentation_captions_and_author_line(prepared):
    article = prepared["004"]
    assert article.title == "党建引领“融进去” 基层治理“活起来”"
    assert article.published == dt.date(2022, 12, 16)
    assert article.outlet == "深圳特区报"
    assert article.authors == ["杜澎", "周颖", "黄丽明"]
    assert article.extracted["editors"] == ["王营波"]
    assert article.extracted["breadcrumb"] == ["首页", "党史学习"]
    assert article.attributes["category"] == ("text", "党史学习")
    assert len(article.extracted["captions"]) == 2
    assert article.text.startswith("基层强则国家强,基层安则全局安。")
    assert article.text.endswith("引导完成司法确认2166宗。")
    assert "\n\n" not in article.text and "\n " not in article.text and not article.text.startswith(" ")
    assert "\n改革目标1\n织密一体化组织体系" in article.text
    assert furniture_kinds(article) == ["breadcrumb", "title", "header", "caption", "caption", "credit", "staff"]


def test_no_clean_keeps_the_text_as_decoded_but_still_reads_metadata(seed_paths):
    article = read_articles(seed_paths["004"], options=CleaningOptions.none())[0]
    assert article.text == article.original
    assert article.cleaning == []
    assert article.title == "党建引领“融进去” 基层治理“活起来”"
    assert article.published == dt.date(2022, 12, 16)


def test_each_step_can_be_switched_off(seed_paths):
    article = read_articles(seed_paths["001"], options=CleaningOptions(pinyin=False))[0]
    assert len(GLOSS.findall(article.text)) > 200  # the headlines and reviewer lines went, their glosses too
    assert "一審" not in article.text
    assert [entry["step"] for entry in article.cleaning] == ["furniture", "whitespace", "mojibake"]
    kept = read_articles(seed_paths["003"], options=CleaningOptions(furniture=False))[0]
    assert "举报/反馈" in kept.text
    assert kept.extracted["platform"]["account"] == "天眼新闻"  # metadata is read either way


def test_cleaning_records_are_json_and_spans_point_into_the_original(prepared):
    import json

    for article in prepared.values():
        json.dumps(article.cleaning)
        json.dumps(article.extracted, default=str)
        for entry in article.cleaning:
            for start, end in entry["spans"]:
                assert 0 <= start <= end <= len(article.original)
        furniture = step(article, "furniture")
        for item in furniture["items"]:
            start, end = item["span"]
            assert item["text"] in strip_glosses(article.original[start:end])
