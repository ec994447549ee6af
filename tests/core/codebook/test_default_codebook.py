"""The shipped governance codebook: complete guidance, real quotes, and a .qdc that agrees with it."""

import json
import re
from pathlib import Path

import pytest
from codebook_helpers import codebook_schema
from lxml import etree

from desktop_app.core.codebook.defaults import default_qdc_path, qdc_from_json
from desktop_app.core.codebook.entries import entries_from_json, walk
from desktop_app.core.codebook.tree import list_codes
from desktop_app.core.paths import default_codebook_path, seeds_dir

PINYIN_GLOSS = re.compile(r"\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)")
BOOK = json.loads(default_codebook_path().read_text(encoding="utf-8"))
CODES = list(walk(entries_from_json(BOOK["codes"])))
CODABLE = [(path, entry) for path, entry, _parent in CODES if entry.codable]


def test_the_file_is_a_govcoder_codebook():
    assert BOOK["format"] == "govcoder-codebook" and BOOK["version"] == 1 and BOOK["language"] == "zh-Hans"


@pytest.mark.parametrize("path", ["治理主体/党组织", "治理主体/政府及下沉力量", "治理主体/居委会与村委会",
                                  "治理主体/业委会与物业", "治理主体/社会组织、社工与志愿者", "治理主体/居民",
                                  "治理主体/驻区单位", "治理主体/政法力量", "党建引领机制/政治引领",
                                  "党建引领机制/组织嵌入", "党建引领机制/大党委与区域化党建",
                                  "党建引领机制/党员报到与先锋作用", "党建引领机制/服务引领与党群服务中心",
                                  "党建引领机制/资源整合与吹哨报到", "五治/政治", "五治/自治", "五治/法治",
                                  "五治/德治", "五治/智治", "平台与机制/网格化管理", "平台与机制/枫桥经验",
                                  "平台与机制/诉源治理", "平台与机制/协商议事", "平台与机制/便民服务",
                                  "平台与机制/平安建设", "政策工具/供给型", "政策工具/环境型", "政策工具/需求型",
                                  "议题领域/养老", "议题领域/物业", "议题领域/搬迁安置", "议题领域/就业",
                                  "议题领域/疫情防控", "议题领域/人居环境", "议题领域/民族团结",
                                  "成效与张力/获得感、幸福感、安全感", "成效与张力/量化成效",
                                  "成效与张力/形式主义与留痕", "成效与张力/行政化负担"])
def test_the_codebook_covers_the_governance_concepts(path):
    assert path in {p for p, _entry in CODABLE}


@pytest.mark.parametrize("path, entry", CODABLE, ids=[p for p, _e in CODABLE])
def test_every_codable_code_has_full_guidance(path, entry):
    assert entry.english and entry.description and entry.keywords
    assert entry.guidance.get("use_when") and entry.guidance.get("not_when")
    assert entry.guidance.get("examples")


@pytest.mark.parametrize("path, entry", CODABLE, ids=[p for p, _e in CODABLE])
def test_every_example_is_quoted_exactly_from_its_sample_article(path, entry):
    for example in entry.guidance["examples"]:
        text = (seeds_dir() / example["source"]).read_text(encoding="utf-8")
        assert example["quote"] in text, f"{path}: {example['quote']!r} not in {example['source']}"
        # clean spans that survive import cleaning: one line, no pinyin glosses such as 報(bào), no mojibake
        assert "\n" not in example["quote"]
        assert not PINYIN_GLOSS.search(example["quote"])
        assert not any(mark in example["quote"] for mark in ("?", "\ufffd", "熬"))


def test_categories_have_distinct_colours_and_nine_shortcuts():
    top = [entry for _path, entry, parent in CODES if parent is None]
    assert all(not entry.codable for entry in top)
    assert len({entry.colour for entry in top}) == len(top) >= 7
    assert sorted(entry.shortcut for _path, entry, _parent in CODES if entry.shortcut) == list("123456789")
    assert all(entry.colour and len(entry.colour) == 7 for _path, entry, _parent in CODES)


def test_the_codebook_loads_into_a_project(factory):
    with factory() as session:
        codes = list_codes(session)
    assert [c.path for c in codes] == [path for path, _entry, _parent in CODES]


def test_the_shipped_qdc_is_generated_from_the_json_and_valid():
    shipped = default_qdc_path().read_bytes()
    assert shipped == qdc_from_json(default_codebook_path()), "regenerate: python -m desktop_app.core.codebook.defaults"
    codebook_schema().assertValid(etree.fromstring(shipped))


def test_every_example_survives_import_cleaning(sample_project):
    """The quotes must also be in the cleaned text every annotation refers to, not just the raw file."""
    from sqlalchemy import select

    from desktop_app.core.store.models import Document
    from desktop_app.core.store.project import open_project

    with open_project(sample_project) as project, project.session_factory() as session:
        texts = {Path(d.source_path).name: d.text for d in session.scalars(select(Document))}
    missing = [(path, example["quote"]) for path, entry in CODABLE for example in entry.guidance["examples"]
               if example["quote"] not in texts[example["source"]]]
    assert not missing
