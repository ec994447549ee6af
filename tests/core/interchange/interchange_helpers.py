"""Comparing two projects by what a researcher would call "the same"."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from desktop_app.core.interchange.collect import collect_project

REPO = Path(__file__).resolve().parents[3]

TEXTS = [
    # 𠮷 (U+20BB7) and an emoji on both sides of coded spans.
    ("𠮷野家社区党建引领基层治理😀网格员走访\n第二段：枫桥经验𠮷在新时代\n三治融合：自治、法治、德治。",
     "人民日报", date(2024, 3, 5), ["张三", "李四"], "https://example.org/a"),
    # Decoded from a CRLF file: newlines are LF in the text, as the text pipeline stores it.
    ("第一行：网格化管理\n第二行：“最多跑一次”改革\n\n第四行 with English words, and 𩸽 fish.",
     None, None, [], None),
    ("=SUM(A1) 公式注入测试 -1 +2 @cmd\n结尾", "新华社", date(2023, 12, 31), ["王五"], None),
]


def snapshot(project, *, full: bool = False, guidance: bool = False) -> dict:
    with project.session_factory() as session:
        data = collect_project(session)
    paths = data.code_paths()
    documents = {}
    for d in data.documents:
        entry = {
            "title": d.title, "text": d.text, "outlet": d.outlet, "published": d.published,
            "authors": d.authors, "url": d.url,
            "attributes": sorted((a.key, a.type, a.value) for a in d.attributes),
        }
        if full:
            entry.update(original_text=d.original_text, script=d.script, cleaning=d.cleaning,
                         extracted=d.extracted, content_hash=d.content_hash)
        documents[d.guid] = entry
    codes = {}
    for c in data.codes:
        entry = {"path": paths[c.guid], "colour": c.colour.upper(), "description": c.description,
                 "codable": c.codable, "position": c.position}
        if full:
            entry.update(shortcut=c.shortcut)
        if full or guidance:
            entry.update(english=c.english, keywords=c.keywords, guidance=c.guidance)
        codes[c.guid] = entry
    return {
        "coders": sorted((c.guid, c.name) for c in data.coders),
        "codes": codes,
        "documents": documents,
        "annotations": sorted((a.guid, a.document, paths[a.code], a.coder, a.start, a.end, a.quote, a.memo)
                              for a in data.annotations),
        "memos": sorted((m.kind, m.document or "", paths.get(m.code, "") if m.code else "", m.coder or "",
                         m.title, m.text) for m in data.memos),
    }
