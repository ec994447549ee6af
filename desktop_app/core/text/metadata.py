"""Reading metadata out of the lines around an article: datelines, credits, dates, staff lines.

All patterns are matched on the simplified shadow (so 記者 and 记者, 來源 and 来源 are one case) and
values are sliced from the text as published, at the same positions.
"""

from __future__ import annotations

import datetime as dt
import re

HAN = r"\u3400-\u9fff"
NAME = rf"[{HAN}·•][{HAN}·•]{{1,5}}"
NAMES = rf"{NAME}(?:[ \u3000\xa0、,，/]+{NAME})*"
_NAME_RE = re.compile(NAME)
_NAME_SEPARATORS = re.compile(r"[ \u3000\xa0、,，/]+")
_DATELINE_DATE = re.compile(r"(?:(\d{4})年)?(\d{1,2})月(\d{1,2})日")

_DATE = re.compile(
    r"(?P<y>(?:19|20)\d{2})\s*(?:[-/.]|年)\s*(?P<m>\d{1,2})\s*(?:[-/.]|月)\s*(?P<d>\d{1,2})\s*日?"
    r"(?:\s*(?P<time>\d{1,2}:\d{2}(?::\d{2})?))?"
)
# 读特客户端·深圳新闻网2022年1月13日讯(记者 … 通讯员 …), 民主与法制网讯(□任琪琪 通讯员石佳茵)
DATELINE = re.compile(
    r"^(?P<outlet>[^\s,，。:：(（]{2,30}?)(?P<date>(?:(?:19|20)\d{2}年)?\d{1,2}月\d{1,2}日)?(?:讯|电)"
    r"\s*[(（](?P<credits>[^)）]{1,60})[)）]"
)
_DATELINE_REACH = 30 + 11 + 1  # 讯 or 电 comes after an outlet of 30 and a date of 11 at the most
_GENERIC_OUTLETS = {"本报", "本网", "本台", "本刊", "本站", "本报记者"}
_ROLES = {
    "记者": "reporters", "本报记者": "reporters", "见习记者": "reporters", "特约记者": "reporters",
    "实习记者": "reporters", "融媒体记者": "reporters", "全媒体记者": "reporters", "□": "reporters",
    "通讯员": "correspondents", "实习生": "interns", "作者": "writers", "文": "writers", "撰稿": "writers",
    "图": "photographers", "摄": "photographers", "摄影": "photographers", "文/图": "writers",
    "文图": "writers",
}
_ROLE_WORD = re.compile(
    r"本报记者|见习记者|特约记者|实习记者|融媒体记者|全媒体记者|记者|通讯员|实习生|作者|撰稿|摄影|文/图|文图|□"
)
# 文/图 and 摄 may follow a name directly; a bare 图 or 文 must be set apart (李宏图 is a name).
_TRAILING_ROLE = re.compile(r"(?:[ \u3000]+(文/图|文图|文|图|摄影|摄)|(文/图|摄))$")


def parse_date(text: str) -> tuple[dt.date, str | None] | None:
    match = _DATE.search(text)
    if not match:
        return None
    try:
        date = dt.date(int(match["y"]), int(match["m"]), int(match["d"]))
    except ValueError:
        return None
    return date, match["time"]


def parse_dateline_date(text: str) -> dt.date | None:
    match = _DATELINE_DATE.fullmatch(text)
    if not match or not match[1]:
        return None  # 1月13日 without a year cannot be placed in time
    try:
        return dt.date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        return None


def split_names(text: str) -> list[str]:
    return [name for name in _NAME_SEPARATORS.split(text.strip()) if name]


def parse_credits(shadow: str, original: str) -> dict[str, list[str]]:
    """Roles and names from a credit such as `记者 杨涛 通讯员 张智强 熊海霞` or `杜澎 周颖 文/图`.

    Names before any role word are the reporters (papers print `□任琪琪` or just the names).
    """
    credits: dict[str, list[str]] = {}
    trailing = _TRAILING_ROLE.search(shadow)
    default_role = "reporters"
    if trailing:
        word = trailing.group(1) or trailing.group(2)
        default_role = _ROLES[word]
        shadow, original = shadow[: trailing.start()], original[: trailing.start()]
        if word == "文/图":
            credits.setdefault("photographers", [])
    role, position = default_role, 0
    for match in _ROLE_WORD.finditer(shadow):
        _add(credits, role, original[position:match.start()])
        role, position = _ROLES[match.group()], match.end()
    _add(credits, role, original[position:])
    if "photographers" in credits and not credits["photographers"] and trailing:
        credits["photographers"] = list(credits.get("writers", []))
    return {key: value for key, value in credits.items() if value}


def _add(credits: dict[str, list[str]], role: str, text: str) -> None:
    names = [name for name in split_names(text.strip(" :：")) if _NAME_RE.fullmatch(name)]
    if names:
        credits.setdefault(role, []).extend(names)


def dateline(shadow_line: str, line: str) -> dict | None:
    """Outlet, date and credits of a `…讯(…)` dateline at the start of the first paragraph."""
    head = shadow_line[:_DATELINE_REACH]
    if "讯" not in head and "电" not in head:
        return None  # the regex, lazy over the outlet, would try every length before saying so
    match = DATELINE.match(shadow_line)
    if not match:
        return None
    found: dict = {"span": [match.start(), match.end()], "text": line[match.start():match.end()]}
    outlet = line[match.start("outlet"):match.end("outlet")]
    if match["outlet"] not in _GENERIC_OUTLETS:
        found["outlet"] = outlet
    if match["date"]:
        found["date_text"] = line[match.start("date"):match.end("date")]
        date = parse_dateline_date(match["date"])
        if date:
            found["date"] = date
    credits = parse_credits(match["credits"], line[match.start("credits"):match.end("credits")])
    if credits:
        found["credits"] = credits
    return found
