"""From decoded text to a PreparedArticle: clean, record what cleaning did, extract metadata.

Steps, in order, each switchable (see docs/text-pipeline.md), after one that is not:
  controls   NUL and other control characters removed (shown as ␀-style symbols in the original)
  pinyin     remove pinyin glosses after characters (報(bào)訊 -> 報訊)
  furniture  move breadcrumbs, header/title lines, captions, staff/credit lines, widgets and
             headline lists out of the text (their values go to metadata either way)
  whitespace strip indentation and trailing spaces, collapse runs of blank lines
  mojibake   flag suspected mojibake with its positions; the text is left as it is
Every step only deletes, so every recorded span is given in the original as decoded.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from desktop_app.core.text.controls import control_pictures
from desktop_app.core.text.decode import decode_bytes, normalise_newlines
from desktop_app.core.text.extract import build_metadata
from desktop_app.core.text.furniture import find_furniture
from desktop_app.core.text.mojibake import find_mojibake
from desktop_app.core.text.pinyin import find_glosses
from desktop_app.core.text.script import detect_script, simplified_shadow
from desktop_app.core.text.tracked_deletions import Stage
from desktop_app.core.text.whitespace import whitespace_spans
from desktop_app.core.text.windows import LONG_TEXT, windows

if TYPE_CHECKING:
    from desktop_app.core.text.readers import Source

__all__ = ["CleaningOptions", "PreparedArticle", "content_hash", "decode_bytes", "prepare_article",
           "read_articles"]

CONTROLS_DESCRIPTION = ("control characters (NUL and the like) removed; the original shows each as its "
                        "symbol (␀)")
_FURNITURE_LABELS = {
    "breadcrumb": "breadcrumb", "title": "title line (now the title)", "header": "date/source header line",
    "caption": "photo caption", "staff": "reviewer/editor line", "credit": "credit line",
    "source": "source line", "stray": "stray question marks", "widgets": "report/follow/share widgets",
    "headlines": "list of unrelated headlines", "fields": "source/editor line",
    "controls": "page controls (【纠错】, 分享到)", "footer": "site footer (licence, site links)",
}


@dataclass
class CleaningOptions:
    pinyin: bool = True
    furniture: bool = True
    mojibake: bool = True
    whitespace: bool = True

    @classmethod
    def none(cls) -> CleaningOptions:
        """--no-clean: the text is stored exactly as decoded (metadata is still read)."""
        return cls(pinyin=False, furniture=False, mojibake=False, whitespace=False)


@dataclass
class PreparedArticle:
    original: str
    text: str
    encoding: str
    script: str
    title: str
    outlet: str | None = None
    published: dt.date | None = None
    authors: list[str] = field(default_factory=list)
    url: str | None = None
    cleaning: list[dict] = field(default_factory=list)
    extracted: dict = field(default_factory=dict)
    attributes: dict[str, tuple[str, str]] = field(default_factory=dict)
    content_hash: str = ""
    # OpenCC t2s of `text` (same length): computed once here, used again to segment the article;
    # empty for a text longer than windows.LONG_TEXT, whose shadow is made window by window.
    shadow: str = field(default="", repr=False, compare=False)


_HASHED_AT_ONCE = 1 << 20  # characters: a long text is hashed in windows, never copied whole


def content_hash(text: str) -> str:
    """sha256 of the text without any whitespace: re-imports differing only in layout collide."""
    # str.split() drops exactly what the regex \s+ would (both use str.isspace), at C speed; removing
    # whitespace window by window gives the same characters as removing it from the whole text.
    digest = hashlib.sha256()
    for start in range(0, len(text), _HASHED_AT_ONCE):
        digest.update("".join(text[start:start + _HASHED_AT_ONCE].split()).encode("utf-8"))
    return digest.hexdigest()


def prepare_article(raw_text: str, *, encoding: str, options: CleaningOptions,
                    fallback_title: str) -> PreparedArticle:
    original, controls = control_pictures(normalise_newlines(raw_text.removeprefix("\ufeff")))
    stage = Stage.start(original)
    cleaning: list[dict] = []
    if controls:  # always, whatever the options: no database should hold them, PostgreSQL cannot
        cleaning.append(stage.record("controls", CONTROLS_DESCRIPTION, controls))
        stage = stage.delete(controls)
    if options.pinyin:
        glosses = find_glosses(stage.text)
        cleaning.append(stage.record("pinyin", "pinyin glosses after characters removed", glosses))
        stage = stage.delete(glosses, release=True)
    furniture = find_furniture(stage.text)
    meta = build_metadata(furniture, fallback_title)
    if options.furniture:
        spans = [(piece.start, piece.end) for piece in furniture.pieces]
        entry = stage.record("furniture", "web furniture moved out of the text into metadata", spans)
        entry["count"] = len(furniture.pieces)
        entry["items"] = [
            {"kind": piece.kind, "label": _FURNITURE_LABELS[piece.kind],
             "span": stage.original_span(piece.start, piece.end),
             "text": stage.text[piece.start:piece.end].strip()}
            for piece in furniture.pieces
        ]
        cleaning.append(entry)
        stage = stage.delete(spans, release=True)
    if options.whitespace:
        spans = whitespace_spans(stage.text)
        cleaning.append(stage.record("whitespace", "indentation, trailing spaces and blank lines tidied", spans))
        stage = stage.delete(spans, release=True)
    text = stage.text
    # A long text's shadow is never made whole: the steps that need it make it window by window.
    shadow = "" if len(text) > LONG_TEXT else simplified_shadow(text)
    if options.mojibake:
        cleaning.append(_mojibake_record(stage, shadow))
    return PreparedArticle(
        original=original, text=text, encoding=encoding, script=detect_script(text), title=meta.title,
        outlet=meta.outlet, published=meta.published, authors=meta.authors, url=None, cleaning=cleaning,
        extracted=meta.extracted, attributes=meta.attributes, content_hash=content_hash(text), shadow=shadow,
    )


def _mojibake_record(stage: Stage, shadow: str) -> dict:
    """`shadow` is the stage text's simplified shadow, or empty for a long text (then made by window)."""
    from desktop_app.core.text.segment import is_dictionary_word

    if shadow or not stage.text:
        spans = find_mojibake(shadow, is_dictionary_word)
    else:
        spans = [(start + at, end + at) for at, stop in windows(stage.text)
                 for start, end in find_mojibake(simplified_shadow(stage.text[at:stop]), is_dictionary_word)]
    return {
        "step": "mojibake",
        "description": "suspected mojibake (text garbled upstream) flagged; left in the text unrepaired",
        "count": len(spans),
        "spans": [stage.original_span(start, end) for start, end in spans],
        "text_spans": [[start, end] for start, end in spans],
        "flagged": [stage.text[start:end] for start, end in spans],
        "removed": [],
    }


def read_articles(path: Path, *, encoding: str | None = None,
                  options: CleaningOptions | None = None) -> list[PreparedArticle]:
    """Every article in one file: one for text, Markdown, HTML and Word files, one per table row.
    (The importer reads through import_read instead, which reports progress and goes in parts.)"""
    from desktop_app.core.text.readers import read_sources

    options = options or CleaningOptions()
    return [prepare_source(source, options) for source in read_sources(path, encoding=encoding)]


def prepare_source(source: Source, options: CleaningOptions) -> PreparedArticle:
    """One article from what a reader found: cleaned, with what its container states winning."""
    article = prepare_article(source.text, encoding=source.encoding, options=options,
                              fallback_title=source.fallback_title)
    source.apply_to(article)
    return article
