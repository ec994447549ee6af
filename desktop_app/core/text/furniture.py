"""Web furniture at the head and tail of an article, and photo captions within it.

Head: breadcrumbs (>首页 > 党史学习), a title line, `发布时间:… 来源:…` header lines, photo captions.
Tail: reviewer and editor lines (一审/二审/三审/责编/编辑/编审), credit lines (通讯员 …, (杜澎 … 文/图)),
`来源:…` (also glued to the last sentence), report/follow/share widgets and follower counts, lists of
unrelated headlines. Scanning stops at the first line that is none of these, so nothing inside the
article body is ever taken for furniture except whole caption lines.

Each line is judged without pinyin glosses and on its simplified shadow; what is found is returned
with its kind, its span and the values read from it, for the pipeline to move into metadata.

Only the lines a scan looks at are made into Lines: the head up to the first body line, the tail
back to the last one, and body lines the shadow shows could be captions. The shadow is converted
once for the whole text (without glosses) and each line takes its slice: no dictionary phrase
spans a newline or the spaces a line is stripped of, so the slice is the line's own conversion.
A text longer than windows.LONG_TEXT is read through LongLines instead, which holds neither its
lines nor its shadow whole.
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_right
from dataclasses import dataclass, field
from itertools import accumulate

from desktop_app.core.text import metadata as md
from desktop_app.core.text.pinyin import strip_glosses
from desktop_app.core.text.script import simplified_shadow
from desktop_app.core.text.windows import LONG_TEXT, windows

_SPACE = " \t\u3000\xa0"
_BREADCRUMB = re.compile(r"^(?:当前位置|您的位置|你的位置|位置)?[:：]?\s*>?\s*首页\s*[>›»/]|^[^。,，]{1,20}(?:\s*[>›»]\s*[^。,，>]{1,20}){2,}$")
_HEADER_FIELD = re.compile(
    r"(?P<label>发布时间|发布日期|更新时间|时间|日期|来源|作者|编辑|责任编辑|浏览次数|阅读|点击)\s*[:：]\s*"
)
_STAFF_ROLES = ("一审", "二审", "三审", "终审", "初审", "复审", "责编", "责任编辑", "值班编辑", "编辑", "编审", "审核",
                "审校", "校对", "监制", "主编", "制作", "美编")
_STAFF = re.compile(
    rf"^[(（\[]?(?P<role>{'|'.join(_STAFF_ROLES)})\s*[:：\s]\s*(?P<names>{md.NAMES})\s*[)）\]]?$"
)
_CREDIT_ROLES = ("通讯员", "记者", "本报记者", "作者", "撰稿", "摄影", "文/图", "文", "图")
_CREDIT_LINE = re.compile(rf"^(?P<role>{'|'.join(_CREDIT_ROLES)})\s*[:：\s]\s*(?P<names>{md.NAMES})$")
_PAREN_CREDIT = re.compile(r"^[(（](?P<credits>[^()（）]{2,60})[)）]$")
_SOURCE_LINE = re.compile(r"^来源\s*[:：]\s*(?P<source>\S.{0,40})$")
_STRAY_MARKS = "?？\ufffd"
# The first characters of every kind of tail line above: any other line is passed over at once.
_TAIL_FIRSTS = frozenset("(（[来" + _STRAY_MARKS + "".join(role[0] for role in _STAFF_ROLES + _CREDIT_ROLES))
_SOURCE_SUFFIX = re.compile(r"(?<=[。!?！？”」』…])\s*来源\s*[:：]\s*(?P<source>[^\s。,，:：]{2,30})\s*$")
_HEADLINE = re.compile(r"^[-•·*▪►◆●]\s*\S")
_WIDGET = re.compile(r"^(?:举报\s*/\s*反馈|举报|反馈|关注|已关注|收藏|分享|点赞|评论|转发|在看|打开APP.*|"
                     r"\d+(?:\.\d+)?[万亿]?|[?？]+)$")
_COUNTER = re.compile(r"\d+(?:\.\d+)?[万亿]?\s*(?:获赞|粉丝|阅读|关注|点赞|评论)")
_REPORT_MARK = re.compile(r"^举报\s*/\s*反馈$")
_CAPTION = re.compile(r"^图为.{2,80}$|^.{0,80}图为.{2,60}[。.]?$|^.{1,60}[。.]?\s*(?:通讯员|记者)?\s*(?:供图|摄)$")
_CRUMB_SEPARATOR = re.compile(r"[>›»]")
_CLAUSE_MARK = re.compile(r"[,，;；。]")
_CREDIT_WORD = re.compile(r"文|图|摄|记者|通讯员")
_STRAY = re.compile(f"[{_STRAY_MARKS}]+")
_SENTENCE_END = "。！？!?；;…"


@dataclass
class Line:
    start: int  # in the stage text, first character of the line
    end: int  # just past the line's newline (or the text's end)
    raw: str  # the line as in the text, without its newline
    plain: str  # stripped of surrounding spaces and pinyin glosses
    shadow: str  # simplified shadow of `plain`

    @property
    def blank(self) -> bool:
        return not self.plain


@dataclass
class Piece:
    kind: str  # breadcrumb, title, header, caption, staff, credit, source, widgets, headlines
    start: int
    end: int
    values: dict = field(default_factory=dict)


@dataclass
class Furniture:
    pieces: list[Piece] = field(default_factory=list)
    first_body_line: Line | None = None


class Lines:
    """The text's lines, each made into a Line the first time a scan asks for it."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.raws = text.split("\n")
        # No gloss spans a newline, so line i of the text without glosses is line i without its glosses.
        unglossed = strip_glosses(text)
        self.unglossed = unglossed
        self.unglossed_lines = unglossed.split("\n") if unglossed is not text else self.raws
        self.shadow = simplified_shadow(unglossed)
        # Each with one more entry after the last line, where a line after it would start.
        self.starts = _line_starts(self.raws)
        self.unglossed_starts = _line_starts(self.unglossed_lines) if unglossed is not text else self.starts
        self._made: dict[int, Line] = {}

    def __len__(self) -> int:
        return len(self.raws)

    def __getitem__(self, index: int) -> Line:
        line = self._made.get(index)
        if line is None:
            unglossed = self.unglossed_lines[index]
            stripped = unglossed.lstrip(_SPACE)
            plain = stripped.rstrip(_SPACE)
            at = self.unglossed_starts[index] + len(unglossed) - len(stripped)
            start = self.starts[index]
            line = Line(start, min(self.starts[index + 1], len(self.text)), self.raws[index], plain,
                        self.shadow[at:at + len(plain)])
            self._made[index] = line
        return line

    def blank(self, index: int) -> bool:
        return not self.unglossed_lines[index].strip(_SPACE)

    def raw_shadow(self, index: int) -> str:
        """The shadow of the line as it stands, glosses and spaces included."""
        raw = self.raws[index]
        if self.unglossed_lines[index] != raw:
            return simplified_shadow(raw)
        at = self.unglossed_starts[index]
        return self.shadow[at:at + len(raw)]

    def caption_candidates(self, first: int, stop: int) -> list[int]:
        """Lines in [first, stop) whose shadow holds what a caption must hold: 图为, 供图 or 摄."""
        # One-character str.find: five times faster than a two-character one, ten than a regex.
        starts, shadow = self.unglossed_starts, self.shadow
        low, high = starts[first], starts[stop]
        found: set[int] = set()
        at = shadow.find("图", low, high)
        while at != -1:
            if shadow[at + 1:at + 2] == "为" or shadow[at - 1:at] == "供":
                found.add(bisect_right(starts, at) - 1)
            at = shadow.find("图", at + 1, high)
        at = shadow.find("摄", low, high)
        while at != -1:
            found.add(bisect_right(starts, at) - 1)
            at = shadow.find("摄", at + 1, high)
        return sorted(found)


def _line_starts(lines: list[str]) -> list[int]:
    return [length + index for index, length in enumerate(accumulate(map(len, lines), initial=0))]


class _Slices:
    """The lines of a text by their starts, each cut from the text when asked for."""

    def __init__(self, text: str, starts: array) -> None:
        self.text, self.starts = text, starts

    def __len__(self) -> int:
        return len(self.starts) - 1

    def __getitem__(self, index: int) -> str:
        return self.text[self.starts[index]:self.starts[index + 1] - 1]


def _long_line_starts(text: str) -> array:
    """_line_starts(text.split("\n")) without holding every line at once."""
    starts = array("q", [0])
    at = 0
    for start, stop in windows(text):
        lines = text[start:stop].split("\n")
        lines.pop()  # the last piece is the next window's first line, or the text's last line
        for line in lines:
            at += len(line) + 1
            starts.append(at)
    starts.append(len(text) + 1)
    return starts


class LongLines(Lines):
    """Lines of a text longer than windows.LONG_TEXT: cut from the text when asked for, the shadow
    made for each line made and for each window searched, so that no copy of the whole text (as
    lines, or as its shadow) is ever held. The scans only ever look at a few lines of the head and
    tail and at the body's caption candidates."""

    def __init__(self, text: str) -> None:  # not Lines.__init__: nothing of the whole text is built
        self.text = text
        unglossed = strip_glosses(text)
        self.unglossed = unglossed
        self.starts = _long_line_starts(text)
        self.unglossed_starts = _long_line_starts(unglossed) if unglossed is not text else self.starts
        self.raws = _Slices(text, self.starts)
        self.unglossed_lines = _Slices(unglossed, self.unglossed_starts) if unglossed is not text else self.raws
        self._made: dict[int, Line] = {}

    def __getitem__(self, index: int) -> Line:
        line = self._made.get(index)
        if line is None:
            unglossed = self.unglossed_lines[index]
            plain = unglossed.strip(_SPACE)
            start = self.starts[index]
            line = Line(start, min(self.starts[index + 1], len(self.text)), self.raws[index], plain,
                        simplified_shadow(plain))
            self._made[index] = line
        return line

    def raw_shadow(self, index: int) -> str:
        return simplified_shadow(self.raws[index])

    def caption_candidates(self, first: int, stop: int) -> list[int]:
        starts = self.unglossed_starts
        found: set[int] = set()
        for start, end in windows(self.unglossed, start=starts[first], end=starts[stop]):
            for at in _caption_marks(simplified_shadow(self.unglossed[start:end])):
                found.add(bisect_right(starts, start + at) - 1)
        return sorted(found)


def _caption_marks(shadow: str) -> list[int]:
    """Where a caption's 图为, 供图 or 摄 stands in `shadow` (the character 图 or 摄)."""
    marks = []
    at = shadow.find("图")
    while at != -1:
        if shadow[at + 1:at + 2] == "为" or shadow[at - 1:at] == "供":
            marks.append(at)
        at = shadow.find("图", at + 1)
    at = shadow.find("摄")
    while at != -1:
        marks.append(at)
        at = shadow.find("摄", at + 1)
    return marks


def find_furniture(text: str) -> Furniture:
    lines = LongLines(text) if len(text) > LONG_TEXT else Lines(text)
    found = Furniture()
    head_end = _scan_head(lines, found)
    tail_start = _scan_tail(lines, head_end, found)
    captions = _body_captions(lines, head_end, tail_start, found)
    found.first_body_line = next(
        (lines[index] for index in range(head_end, tail_start) if index not in captions and not lines.blank(index)),
        None,
    )
    last = next((index for index in range(tail_start - 1, head_end - 1, -1) if not lines.blank(index)), None)
    if last is not None:
        _source_suffix(lines, last, found)
    found.pieces.sort(key=lambda piece: piece.start)
    return found


def _body_captions(lines: Lines, head_end: int, tail_start: int, found: Furniture) -> set[int]:
    """Whole caption lines between head and tail (the index of each); records them."""
    captions = set()
    for index in lines.caption_candidates(head_end, tail_start):
        line = lines[index]
        if _could_be_caption(line.shadow) and _CAPTION.match(line.shadow) and len(line.plain) <= 90:
            found.pieces.append(Piece("caption", line.start, line.end, {"caption": line.plain}))
            captions.add(index)
    return captions


def _scan_head(lines: Lines, found: Furniture) -> int:
    """Index of the first body line; records the furniture before it."""
    index, after_caption = 0, False
    while index < len(lines):
        if lines.blank(index):
            index += 1
            continue
        line = lines[index]
        if _could_be_breadcrumb(line.shadow) and _BREADCRUMB.search(line.shadow) and len(line.plain) <= 60:
            crumbs = [part.strip(_SPACE) for part in _CRUMB_SEPARATOR.split(line.plain)]
            found.pieces.append(Piece("breadcrumb", line.start, line.end,
                                      {"breadcrumb": [c for c in crumbs if c]}))
        elif header := _header_fields(line):
            found.pieces.append(Piece("header", line.start, line.end, header))
        elif not any(p.kind == "title" for p in found.pieces) and _is_title(lines, index):
            found.pieces.append(Piece("title", line.start, line.end, {"title": line.plain}))
        elif _could_be_caption(line.shadow) and _CAPTION.match(line.shadow) and len(line.plain) <= 90:
            found.pieces.append(Piece("caption", line.start, line.end, {"caption": line.plain}))
            after_caption = True
        elif after_caption and _is_short_sentence(line.shadow):
            # A second caption printed under the first, e.g. "罗湖召开金融类案诉源治理座谈会。"
            found.pieces.append(Piece("caption", line.start, line.end, {"caption": line.plain}))
        else:
            return index
        index += 1
    return index


def _is_title(lines: Lines, index: int) -> bool:
    line = lines[index]
    if len(line.plain) > 60 or line.plain[-1] in _SENTENCE_END or md.DATELINE.match(line.shadow):
        return False
    following = next((lines[other] for other in range(index + 1, len(lines)) if not lines.blank(other)), None)
    return following is not None and (
        _header_fields(following) is not None
        or (_could_be_breadcrumb(following.shadow) and _BREADCRUMB.search(following.shadow) is not None)
    )


# _BREADCRUMB and _CAPTION backtrack through a long line; these say cheaply that they cannot match.
def _could_be_breadcrumb(shadow: str) -> bool:
    return "首页" in shadow or ">" in shadow or "›" in shadow or "»" in shadow


def _could_be_caption(shadow: str) -> bool:
    return "图为" in shadow or shadow.endswith(("供图", "摄"))


def _is_short_sentence(shadow: str) -> bool:
    return len(shadow) <= 40 and shadow[-1] in "。." and not _CLAUSE_MARK.search(shadow[:-1])


def _header_fields(line: Line) -> dict | None:
    """`发布时间:2022-12-16 来源:深圳特区报` or `时间:2023-01-20 01:43:41来源:法律常识` as fields."""
    if (controls := _HEADER_CONTROLS.search(line.shadow)) and controls.start() > 0:
        # `… 作者：南帆 分享到：`: the page's controls end the line, not the author's name.
        line = Line(line.start, line.end, line.raw, line.plain[:controls.start()].rstrip(_SPACE),
                    line.shadow[:controls.start()].rstrip(_SPACE))
    if len(line.plain) <= 120 and (dated := _DATED_HEADER.match(line.shadow)):
        return _dated_header(line, dated)
    if len(line.plain) > 120 or not line.shadow.startswith(("发布", "时间", "日期", "来源", "作者", "更新")):
        return None
    matches = list(_HEADER_FIELD.finditer(line.shadow))
    if not matches or matches[0].start() != 0:
        return None
    fields: dict = {}
    for match, following in zip(matches, [*matches[1:], None], strict=True):
        value = line.plain[match.end(): following.start() if following else len(line.plain)].strip(_SPACE)
        label = line.plain[match.start("label"):match.end("label")]
        shadow_label = match["label"]
        if shadow_label in ("发布时间", "发布日期", "更新时间", "时间", "日期"):
            parsed = md.parse_date(value)
            if parsed is None:
                return None
            fields.setdefault("dates", []).append(
                {"label": label, "date": parsed[0].isoformat(), "time": parsed[1], "text": value})
        elif shadow_label == "来源":
            fields["source"] = value
        elif shadow_label in ("作者",):
            fields["authors"] = md.split_names(value)
        elif shadow_label in ("编辑", "责任编辑"):
            fields["editors"] = md.split_names(value)
        else:
            fields.setdefault("other", {})[label] = value
    return fields


# `2020-06-06 10:08 来源：澎湃新闻`: a date opening the line, then fields or nothing but the time.
_DATED_HEADER = re.compile(
    r"(?:19|20)\d{2}\s*(?:[-/.]|年)\s*\d{1,2}\s*(?:[-/.]|月)\s*\d{1,2}\s*日?(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?\s*"
    r"(?=$|来源|作者|编辑|责任编辑|发布|阅读|浏览)"
)


def _dated_header(line: Line, dated: re.Match[str]) -> dict | None:
    value = line.plain[:dated.end()].strip(_SPACE)
    parsed = md.parse_date(value)
    if parsed is None:
        return None
    fields: dict = {"dates": [{"label": "时间", "date": parsed[0].isoformat(), "time": parsed[1], "text": value}]}
    rest = line.shadow[dated.end():]
    if rest:
        shifted = Line(line.start, line.end, line.raw, line.plain[dated.end():], rest)
        more = _header_fields(shifted)
        if more is None:
            return None
        more.setdefault("dates", [])
        more["dates"] = fields["dates"] + more["dates"]
        return more
    return fields


def _scan_tail(lines: Lines, head_end: int, found: Furniture) -> int:
    """Index just past the last body line; records the furniture after it."""
    index = len(lines)
    widgets_from = _widget_block(lines, head_end)
    if widgets_from is not None:
        block = [lines[other] for other in range(widgets_from, len(lines))]
        texts = [line.plain for line in block if not line.blank]
        values: dict = {"lines": texts}
        # Judged on the shadow (關注 is 关注), the account's name taken as published.
        rest = [line.plain for line in block[1:] if not line.blank
                and not _WIDGET.match(line.shadow) and not _COUNTER.search(line.shadow)]
        if rest:
            values["account"] = rest[0]
            values["account_description"] = rest[1:]
        counters = [line.plain for line in block if not line.blank and _COUNTER.search(line.shadow)]
        if counters:
            values["counters"] = counters
        found.pieces.append(Piece("widgets", block[0].start, block[-1].end, values))
        index = widgets_from
    related_from = _related_block(lines, head_end, index)
    if related_from is not None:
        block = [lines[other] for other in range(related_from, index) if not lines.blank(other)]
        found.pieces.append(Piece("headlines", block[0].start, block[-1].end,
                                  {"heading": block[0].plain, "headlines": [line.plain for line in block[1:]]}))
        index = related_from
    headlines: list[Line] = []
    first_headline = index
    staff_seen = False
    while index > head_end:
        if lines.blank(index - 1):
            index -= 1
            continue
        line = lines[index - 1]
        if _HEADLINE.match(line.plain) and not staff_seen:
            headlines.insert(0, line)
            first_headline = index - 1
            index -= 1
            continue
        piece = _tail_piece(line)
        if piece is None:
            break
        staff_seen = True
        found.pieces.append(piece)
        index -= 1
    if len(headlines) >= 2 or (headlines and staff_seen):
        found.pieces.append(Piece("headlines", headlines[0].start, headlines[-1].end,
                                  {"headlines": [h.plain.lstrip("-•·*▪►◆● ") for h in headlines]}))
    elif headlines:  # one bulleted line ending the article is the article's own
        index = first_headline + 1
    while index < len(lines) and lines.blank(index):
        index += 1
    return index


def _widget_block(lines: Lines, head_end: int) -> int | None:
    """Start of a report/follow/share block (举报/反馈 … 关注 收藏 分享) in the last lines."""
    lowest = max(head_end, len(lines) - 25)
    start = lines.unglossed_starts[lowest]
    if lines.unglossed.find("举报", start) == -1 and lines.unglossed.find("舉報", start) == -1:
        return None  # what nearly every article comes to, in one or two substring searches
    for index in range(len(lines) - 1, lowest - 1, -1):
        unglossed = lines.unglossed_lines[index]
        if ("举报" in unglossed or "舉報" in unglossed) and _REPORT_MARK.match(lines[index].shadow):
            return index
    return None


def _related_block(lines: Lines, head_end: int, stop: int) -> int | None:
    """Start of a `相关阅读` heading followed only by headline-like lines, in the last lines."""
    lowest = max(head_end + 1, stop - 25)
    for index in range(stop - 1, lowest - 1, -1):
        if lines.blank(index):
            continue
        line = lines[index]
        if _RELATED.match(line.shadow):
            after = [lines[other] for other in range(index + 1, stop) if not lines.blank(other)]
            if after and all(len(other.plain) <= 40 and other.plain[-1] not in "。！？!?" for other in after):
                return index
            return None
    return None


def _tail_piece(line: Line) -> Piece | None:
    shadow, plain = line.shadow, line.plain
    if piece := _page_chrome(line):
        return piece
    if shadow[0] not in _TAIL_FIRSTS and plain[0] not in _TAIL_FIRSTS:
        return _fields_piece(line)
    if match := _STAFF.match(shadow):
        names = plain[match.start("names"):match.end("names")]
        role = plain[match.start("role"):match.end("role")]
        return Piece("staff", line.start, line.end,
                     {"role": role, "role_simplified": match["role"], "names": md.split_names(names)})
    if match := _CREDIT_LINE.match(shadow):
        credits = md.parse_credits(shadow, plain)
        return Piece("credit", line.start, line.end, {"credits": credits})
    if (match := _PAREN_CREDIT.match(shadow)) and _CREDIT_WORD.search(match["credits"]):
        inner = plain[match.start("credits"):match.end("credits")]
        credits = md.parse_credits(match["credits"], inner)
        if credits:
            return Piece("credit", line.start, line.end, {"credits": credits})
    if match := _SOURCE_LINE.match(shadow):
        return Piece("source", line.start, line.end, {"source": plain[match.start("source"):].strip(_SPACE)})
    if _STRAY.fullmatch(plain):
        return Piece("stray", line.start, line.end, {"text": plain})
    return _fields_piece(line)


def _fields_piece(line: Line) -> Piece | None:
    fields = _fields_line(line)
    return Piece("fields", line.start, line.end, fields) if fields is not None else None


def _source_suffix(lines: Lines, index: int, found: Furniture) -> None:
    """`…自我监督。来源:深圳新闻网`: a source glued to the last sentence of the article."""
    shadow = lines.raw_shadow(index)
    match = _SOURCE_SUFFIX.search(shadow) if "来源" in shadow else None
    if match is None:
        return
    line = lines[index]
    source = line.raw[match.start("source"):match.end("source")]
    found.pieces.append(Piece("source", line.start + match.start(), line.start + match.end(),
                              {"source": source, "inline": True}))


def _page_chrome(line: Line) -> Piece | None:
    """Page controls (【纠错】, 分享到：, 返回搜狐，查看更多) and site footers (ICP licences, 关于我们|网站地图)."""
    shadow = line.shadow
    if _CONTROLS.fullmatch(shadow):
        return Piece("controls", line.start, line.end, {"text": line.plain})
    if len(shadow) <= 120 and (_LICENCE.search(shadow) or _FOOTER_LINKS.search(shadow)):
        return Piece("footer", line.start, line.end, {"text": line.plain})
    return None


def _fields_line(line: Line) -> dict | None:
    """`本文来源：证券市场红周刊 责任编辑：杨倩_NF4425`, `（本文来源：经济日报 作者：…）返回搜狐，查看更多`:
    labelled fields only, perhaps in parentheses, perhaps followed by a page control."""
    shadow = _TRAILING_CONTROL.sub("", line.shadow)
    if len(shadow) > 120 or not shadow.lstrip("(（[【").startswith(_FIELD_FIRSTS):
        return None
    inner = shadow.strip("(（)）[]【】 ")
    offset = shadow.find(inner[:1]) if inner else 0
    matches = list(_TAIL_FIELD.finditer(inner))
    if not matches or matches[0].start() != 0:
        return None
    plain = line.plain
    values: dict = {"fields": {}}
    for match, following in zip(matches, [*matches[1:], None], strict=True):
        end = following.start() if following else len(inner)
        value = plain[offset + match.end():offset + end].strip(_SPACE + "(（)）")
        label = match["label"]
        values["fields"][plain[offset + match.start("label"):offset + match.end("label")]] = value
        if label in ("本文来源", "来源", "稿源", "出处"):
            values["source"] = value.split()[0] if value.split() else value
        elif label in ("责任编辑", "编辑", "责编"):
            values["editors"] = md.split_names(re.sub(r"_\w+$", "", value))
        elif label == "作者":
            values["authors"] = md.split_names(value)
    return values if "source" in values or "editors" in values or "authors" in values else None


_HEADER_CONTROLS = re.compile(r"\s*(?:分享到|字号|打印|【[^】]{1,6}】).*$")
_FIELD_FIRSTS = ("本文来源", "来源", "稿源", "出处", "责任编辑", "编辑", "责编", "作者")
_TAIL_FIELD = re.compile(r"(?P<label>本文来源|来源|稿源|出处|责任编辑|责编|编辑|作者)\s*[:：]\s*")
_TRAILING_CONTROL = re.compile(r"\s*返回\S{1,6}[,，]\s*查看更多\s*$")
_CONTROLS = re.compile(r"(?:\s*(?:【[^】]{1,6}】|\[[^\]]{1,6}\]|分享到\s*[:：]?|返回\S{1,6}[,，]\s*查看更多|"
                       r"打印本页|关闭窗口|返回顶部|字号\s*[:：]?\s*(?:大|中|小|\s)*))+\s*")
_LICENCE = re.compile(r"ICP\s*(?:备|证)|网安备|版权所有|Copyright|©|\(c\)\s*\d{4}", re.IGNORECASE)
_FOOTER_LINKS = re.compile(r"(?:关于我们|网站地图|联系我们|网站声明|隐私政策|广告服务)\s*[|｜丨]")
_RELATED = re.compile(r"^[【\[]?(?:相关阅读|相关新闻|相关推荐|相关文章|延伸阅读|推荐阅读|热点推荐|猜你喜欢|更多阅读|"
                      r"相关链接|热门推荐)[】\]]?\s*[:：]?$")
