"""Datelines and credits read from the first paragraph."""

from __future__ import annotations

import datetime as dt

from desktop_app.core.text.metadata import dateline


def test_a_dateline_is_read_up_to_the_longest_outlet_and_date():
    # dateline() gives up early when no 讯/电 lies where the longest outlet and date would end.
    longest = "甲" * 30 + "2022年12月31日讯(记者 张三)正文"
    found = dateline(longest, longest)
    assert found["outlet"] == "甲" * 30
    assert found["date"] == dt.date(2022, 12, 31)
    assert found["credits"] == {"reporters": ["张三"]}
    assert dateline("乙" + longest, "乙" + longest) is None
    assert dateline("新华社北京1月3日电（记者 李四）", "新华社北京1月3日电（记者 李四）")["outlet"] == "新华社北京"
