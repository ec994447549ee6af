"""Deciding an article's metadata from what furniture detection and the dateline found.

Several places can name the outlet and the date, and they often disagree (a mirror site's header
time versus the dateline of the original report). Everything seen is kept in `extracted`, with where
it was seen; the chosen value says where it came from, so the researcher can check and correct it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from desktop_app.core.text import metadata as md
from desktop_app.core.text.furniture import Furniture

_EDITOR_ROLES = {"责编", "责任编辑", "值班编辑", "编辑", "编审", "主编", "美编", "制作"}
# Where an outlet or a date was seen, most trustworthy first.
_SOURCE_PRIORITY = ("tail", "inline", "dateline", "header", "platform")
_DATE_PRIORITY = ("dateline", "发布时间", "发布日期", "header")
_PEOPLE = ("reporters", "writers", "correspondents", "interns", "photographers", "editors")


@dataclass
class Metadata:
    title: str
    outlet: str | None = None
    published: dt.date | None = None
    authors: list[str] = field(default_factory=list)
    extracted: dict = field(default_factory=dict)
    attributes: dict[str, tuple[str, str]] = field(default_factory=dict)


def build_metadata(furniture: Furniture, fallback_title: str) -> Metadata:
    extracted: dict = {}
    people: dict[str, list[str]] = {}
    sources: list[dict] = []
    dates: list[dict] = []
    title = None
    for piece in furniture.pieces:
        values = piece.values
        if piece.kind == "title":
            title = values["title"]
        elif piece.kind == "breadcrumb":
            extracted["breadcrumb"] = values["breadcrumb"]
        elif piece.kind == "header":
            for found in values.get("dates", []):
                dates.append({**found, "where": "header"})
            if "source" in values:
                sources.append({"source": values["source"], "where": "header"})
            _extend(people, "writers", values.get("authors", []))
            _extend(people, "editors", values.get("editors", []))
            if values.get("other"):
                extracted.setdefault("header_fields", {}).update(values["other"])
        elif piece.kind == "source":
            sources.append({"source": values["source"], "where": "inline" if values.get("inline") else "tail"})
        elif piece.kind == "fields":
            if "source" in values:
                sources.append({"source": values["source"], "where": "tail"})
            _extend(people, "editors", values.get("editors", []))
            _extend(people, "writers", values.get("authors", []))
        elif piece.kind == "staff":
            role = values["role_simplified"]
            extracted.setdefault("staff", []).append({"role": values["role"], "names": values["names"]})
            if role in _EDITOR_ROLES:
                _extend(people, "editors", values["names"])
            else:
                extracted.setdefault("reviewers", []).extend(values["names"])
        elif piece.kind == "credit":
            for role, names in values["credits"].items():
                _extend(people, role, names)
        elif piece.kind == "caption":
            extracted.setdefault("captions", []).append(values["caption"])
        elif piece.kind == "headlines":
            extracted["related_headlines"] = values["headlines"]
        elif piece.kind == "widgets":
            extracted["platform"] = {k: v for k, v in values.items() if k != "lines"}
            if values.get("account"):
                sources.append({"source": values["account"], "where": "platform"})
    line = furniture.first_body_line
    found = md.dateline(line.shadow, line.plain) if line else None
    if found:
        extracted["dateline"] = found["text"]
        if "outlet" in found:
            sources.append({"source": found["outlet"], "where": "dateline"})
        if "date" in found:
            dates.append({"label": found["date_text"], "date": found["date"].isoformat(), "time": None,
                          "text": found["date_text"], "where": "dateline"})
        for role, names in found.get("credits", {}).items():
            _extend(people, role, names)
    for role in _PEOPLE:
        if people.get(role):
            extracted[role] = people[role]
    outlet = _choose_source(sources)
    published, chosen = _choose_date(dates)
    if sources:
        extracted["sources"] = sources
    if dates:
        extracted["dates"] = dates
        extracted["published_from"] = chosen
        if len({d["date"] for d in dates}) > 1:
            extracted["dates_disagree"] = True
    authors: list[str] = []
    for role in ("reporters", "writers", "correspondents", "interns"):
        _add_new(authors, people.get(role, ()))
    attributes = {
        key: ("text", "、".join(people[key])) for key in ("reporters", "correspondents", "editors")
        if people.get(key)
    }
    if len(extracted.get("breadcrumb", [])) > 1:
        attributes["category"] = ("text", extracted["breadcrumb"][-1])
    return Metadata(title or fallback_title, outlet, published, authors, extracted, attributes)


def _extend(people: dict[str, list[str]], role: str, names: list[str]) -> None:
    if names:  # most pieces name nobody in most roles
        _add_new(people.setdefault(role, []), names)


def _add_new(target: list[str], names: list[str] | tuple[()]) -> None:
    for name in names:
        if name not in target:
            target.append(name)


def _choose_source(sources: list[dict]) -> str | None:
    for where in _SOURCE_PRIORITY:
        for source in sources:
            if source["where"] == where:
                return source["source"]
    return None


def _choose_date(dates: list[dict]) -> tuple[dt.date | None, dict | None]:
    for wanted in _DATE_PRIORITY:
        for found in dates:
            if found["where"] == wanted or (found["where"] == "header" and found["label"] == wanted):
                chosen = {"date": found["date"], "where": found["where"], "label": found["label"]}
                return dt.date.fromisoformat(found["date"]), chosen
    return None, None
