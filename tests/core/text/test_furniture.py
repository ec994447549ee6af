"""Furniture detection looks only at the lines it must: head, tail and possible captions.

These cases sit on the edges of that shortcut: a caption far from head and tail, glossed and
traditional furniture, an article with no body at all, text without a newline, and the lines'
shadows taken as slices of one conversion of the whole text.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from desktop_app.core.text.furniture import _CAPTION, Lines, find_furniture
from desktop_app.core.text.pinyin import strip_glosses
from desktop_app.core.text.script import simplified_shadow

SPACES = " \t\u3000\xa0"
BODY = [f"第{number}段正文，社区开展活动。" for number in range(30)]


def pieces(text: str) -> list[tuple[str, str]]:
    return [(piece.kind, text[piece.start:piece.end]) for piece in find_furniture(text).pieces]


def test_a_caption_deep_in_the_body_is_found_and_a_sentence_mentioning_a_camera_stays():
    text = "\n".join([*BODY[:20], "  图为社区工作人员走访居民。  ", "安装摄像头后，居民更安心。",
                      "会议现场。 通讯员供图 ", "活動現場。 記者攝", *BODY[20:]])
    assert pieces(text) == [
        ("caption", "  图为社区工作人员走访居民。  \n"),
        ("caption", "会议现场。 通讯员供图 \n"),
        ("caption", "活動現場。 記者攝\n"),
    ]
    assert find_furniture(text).first_body_line.plain == BODY[0]


def test_glossed_traditional_header_and_staff_lines_are_furniture():
    # What furniture detection sees when the pinyin step is switched off.
    text = "發(fā)佈(bù)時間：2022-12-16 來(lái)源：深圳特區報\n正文第一段。\n責(zé)編:王亞東"
    found = find_furniture(text)
    assert [(piece.kind, piece.values) for piece in found.pieces] == [
        ("header", {"dates": [{"label": "發佈時間", "date": "2022-12-16", "time": None, "text": "2022-12-16"}],
                    "source": "深圳特區報"}),
        ("staff", {"role": "責編", "role_simplified": "责编", "names": ["王亞東"]}),
    ]
    assert found.first_body_line.plain == "正文第一段。"


def test_an_article_of_nothing_but_furniture_has_no_body():
    text = "首页 > 新闻 > 正文\n一个标题\n发布时间:2022-12-16 来源:深圳特区报\n\n责编：王五"
    found = find_furniture(text)
    assert [piece.kind for piece in found.pieces] == ["breadcrumb", "title", "header", "staff"]
    assert found.first_body_line is None


def test_text_without_a_newline():
    assert pieces("社区开展活动，取得成效。来源:深圳新闻网") == [("source", "来源:深圳新闻网")]
    assert pieces("图为社区工作人员走访居民。") == [("caption", "图为社区工作人员走访居民。")]
    assert pieces("社区开展活动。") == []
    assert find_furniture("").first_body_line is None


def test_a_lone_bulleted_last_line_is_the_articles_own():
    found = find_furniture("正文。\n\n- 唯一的一条\n")
    assert found.pieces == []
    assert found.first_body_line.plain == "正文。"
    # ...and the source glued to it is still read from it.
    assert pieces("正文。\n\n- 唯一的一条。来源:新华社") == [("source", "来源:新华社")]


def test_report_widgets_start_only_at_a_line_of_their_own():
    assert pieces("正文第一段，群众可以走私举报。") == []
    assert pieces("正文第一段，群众可以走私举报。\n举报/反馈\n关注") == [("widgets", "举报/反馈\n关注")]


_TRADITIONAL = st.sampled_from([
    "乾隆", "乾坤", "於是", "後面", "著作", "發展", "頭髮", "皇后", "後來", "一隻隻", "圖為", "攝", "供圖", "(qián)",
    "(hòu)", "（fā）", "\n", " ", "\u3000", "。", "，", "報", "來源：", "責編:王五",
])


@settings(max_examples=300, deadline=None)
@given(st.lists(_TRADITIONAL, max_size=40).map("".join))
def test_each_lines_shadow_is_its_own_conversion(text):
    lines = Lines(text)
    for index in range(len(lines)):
        line = lines[index]
        assert line.plain == strip_glosses(line.raw).strip(SPACES)
        assert line.shadow == simplified_shadow(line.plain)
        assert lines.raw_shadow(index) == simplified_shadow(line.raw)


_MIDDLE = st.sampled_from(["图为", "图", "为", "供图", "供", "摄", "攝", "圖為", "记者", "通讯员", "。", ".", "社区",
                           "活动", " ", "\u3000", "(wéi)", "\n", "\n", "\n"])


@settings(max_examples=300, deadline=None)
@given(st.lists(_MIDDLE, max_size=60).map("".join))
def test_every_caption_line_in_the_body_is_found(middle):
    first, last = "第一段正文。", "最后一段正文。"  # neither head nor tail furniture
    text = f"{first}\n{middle}\n{last}"
    expected, start = [], len(first) + 1
    for raw in middle.split("\n"):
        plain = strip_glosses(raw).strip(SPACES)
        if plain and _CAPTION.match(simplified_shadow(plain)) and len(plain) <= 90:
            expected.append(("caption", text[start:start + len(raw) + 1]))
        start += len(raw) + 1
    assert pieces(text) == expected
