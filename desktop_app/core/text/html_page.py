"""A saved web page read as a researcher means it: the article, and what the whole page says of it.

The article's text comes from trafilatura where it finds one (it measured better on real pages:
94% of the expected body kept against 81%, see bench/bench_realpages.py), else from our own
container (html_text), which also holds pages trafilatura gives nothing for. Either way the text is
what GovCoder's cleaning starts from, so the cleaning record and offsets are ours.

Metadata is read from the whole page, each candidate kept with where it was found: meta tags
(og:, article:, name=source/author/publishdate …), JSON-LD, the header band (the lines between the
headline and the article, `2024-05-13 08:00 来源：光明网`), htmldate's reading of the page, and the
URL. The title loses the site's name (`…_巴彦淖尔市人民政府网`, `… - 新华网`).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass, field

from bs4 import BeautifulSoup

from desktop_app.core.text.html_text import article_container, article_title, text_lines
from desktop_app.core.text.metadata import parse_date

# Below this share of the page's own text (outside links) the import says the article may be cut.
LOW_SHARE = 0.1
_DATE_META = ("article:published_time", "og:article:published_time", "og:release_date", "publishdate",
              "publish_date", "pubdate", "publishtime", "publish-date", "datepublished", "dc.date",
              "dc.date.issued", "date", "weibo:article:create_at", "og:time", "firstpublishedtime")
_SOURCE_META = ("source", "og:source", "article:source", "mediaid", "contentsource", "copyright_source")
_AUTHOR_META = ("author", "article:author", "dc.creator")
_SOURCE_FIELD = re.compile(r"(?:来源|來源|来源于|來源於|出处|稿源)\s*[:：]\s*([^\s|｜:：,，。]{2,30})")
_SITE_SEPARATOR = re.compile(r"\s*(?:_|\||｜|\s[-–—]\s|--|::|>>|–|—)\s*")
_URL_DATE = re.compile(r"/((?:19|20)\d{2})[-/_]?(\d{2})[-/_]?(\d{2})(?=[/_.-]|\d)")
_URL_MONTH_DAY = re.compile(r"/((?:19|20)\d{2})-?(\d{2})/(\d{2})/")
_SITE_WORD = re.compile(r"网|網|报|報|新闻|新聞|政府|频道|頻道|官网|官方|中心|门户|日报|电视|在线|在線|平台|社区|"
                        r"\.(?:com|cn|net|org)|[A-Za-z]{3,}")
_BAND_LINES = 8
_PARAGRAPH = 30  # characters without spaces: shorter lines above the article are taken for its header
# `headline-新华网`: a bare hyphen parts off a site only when what follows reads as one.
_HYPHEN_SITE = re.compile(r"(?<=\S{6})-(?=[^-]{2,14}$)(?=.*(?:网|網|报|報|新闻|传媒|设计|中心|[A-Za-z]{3})|[\u4e00-\u9fff]{2,4}$)")


@dataclass
class Page:
    lines: list[str]
    title: str | None
    outlet: str | None = None
    published: dt.date | None = None
    url: str | None = None
    authors: list[str] = field(default_factory=list)
    extracted: dict = field(default_factory=dict)


def read_page(html: str) -> Page:
    soup = BeautifulSoup(html, "lxml")
    meta = _meta_tags(soup)
    extracted: dict = {}
    url = meta.get("og:url") or _canonical(soup)
    raw_title = " ".join(soup.title.get_text(" ").split()) if soup.title is not None else ""
    title = _without_site(article_title(soup), meta.get("og:site_name"), soup)
    if title and title != raw_title:
        extracted["page_title"] = raw_title
    for tag in soup(["script", "style", "noscript", "template", "textarea", "iframe"]):
        tag.decompose()
    page_lines = text_lines(soup.body or soup)  # the whole page as a browser lays it out
    own = _own_lines(soup)
    lines, method = own, "container"
    theirs = _trafilatura_lines(html)
    if theirs:
        lines, method = theirs, "trafilatura"
    page_size = sum(map(len, page_lines)) or 1
    share = sum(map(len, lines)) / page_size
    extracted["extraction"] = {"method": method, "kept_share": round(share, 3)}
    if share < LOW_SHARE and page_size > 2000:
        extracted["extraction"]["warning"] = (
            f"only {share:.0%} of the page's text was kept as the article; check it against the page")
    band = _header_band(page_lines, lines, title)
    dates = _dates(meta, soup, band, html, url)
    sources = _sources(meta, band)
    page = Page(lines, title, url=url, extracted=extracted)
    if dates:
        extracted["page_dates"] = dates
        page.published = dt.date.fromisoformat(dates[0]["date"])
    if sources:
        extracted["page_sources"] = sources
        page.outlet = sources[0]["source"]
    authors = [meta[key] for key in _AUTHOR_META if meta.get(key) and not meta[key].startswith("http")]
    page.authors = authors[:1]
    return page


def _meta_tags(soup: BeautifulSoup) -> dict[str, str]:
    meta: dict[str, str] = {}
    for tag in soup.find_all("meta"):
        key = (tag.get("property") or tag.get("name") or tag.get("itemprop") or "").strip().lower()
        content = (tag.get("content") or "").strip()
        if key and content and key not in meta:
            meta[key] = content
    return meta


def _canonical(soup: BeautifulSoup) -> str | None:
    link = soup.find("link", rel="canonical")
    return link["href"] if link is not None and link.get("href") else None


def _own_lines(soup: BeautifulSoup) -> list[str]:
    # A whole-page <form> (ASP.NET WebForms) holds the article too: only small forms are furniture.
    for form in soup.find_all("form"):
        if len(form.get_text(strip=True)) < 200:
            form.decompose()
    for tag in soup(["nav", "footer", "aside", "header"]):
        tag.decompose()
    return text_lines(article_container(soup))


def _trafilatura_lines(html: str) -> list[str]:
    import logging

    import trafilatura

    logging.getLogger("trafilatura").setLevel(logging.ERROR)
    try:
        text = trafilatura.extract(html, output_format="txt", include_comments=False, include_tables=True,
                                   include_images=False, deduplicate=False, favor_precision=False)
    except Exception:  # a library's failure on one odd page: our own container still reads it
        return []
    if not text:
        return []
    # "- " is how trafilatura marks a list item, not the page's text.
    return [" ".join(line.split()).removeprefix("- ") for line in text.splitlines() if line.strip(" -")]


def _without_site(title: str | None, site_name: str | None, soup: BeautifulSoup) -> str | None:
    """The headline without `_site`, ` - site`, `|site` parts at its end (and without og:site_name)."""
    if not title:
        return title
    title = " ".join(title.split())
    if site_name and title.endswith(site_name) and len(title) > len(site_name) + 4:
        title = title[: -len(site_name)].rstrip(" _-|｜–—:·")
    parts = _SITE_SEPARATOR.split(title)
    if len(parts) == 1 and (match := _HYPHEN_SITE.search(title)):
        return title[:match.start()]
    if len(parts) == 1:
        headline = _headline_not_in_title(soup, title)
        return headline or title
    # Trailing parts that are short, or read like a site or channel name, go; the headline stays.
    while len(parts) > 1 and (len(parts[-1]) <= 8 or (_SITE_WORD.search(parts[-1]) and len(parts[-1]) <= 30)):
        parts.pop()
    kept = title[: _prefix_length(title, parts)]
    return kept.strip() or title


def _prefix_length(title: str, parts: list[str]) -> int:
    """How much of `title` the first parts (with their separators) cover."""
    at = 0
    for part in parts:
        at = title.index(part, at) + len(part)
    return at


def _headline_not_in_title(soup: BeautifulSoup, title: str) -> str | None:
    """Where <title> holds only the site's name, the page's <h1> is the headline."""
    if len(title) > 14 and not _SITE_WORD.search(title):
        return None
    for h1 in soup.find_all(["h1"]):
        text = " ".join(h1.get_text(" ").split())
        if len(text) >= 8 and text not in title and not h1.find_parent("a"):
            return text
    return None


def _squashed(text: str) -> str:
    return "".join(text.split())


def _header_band(page_lines: list[str], article: list[str], title: str | None) -> list[str]:
    """The lines above the article's first paragraph and below its headline: where pages print date
    and source. Compared without spaces, as extractors and our own layout space inline text apart."""
    head = _squashed(title or "")[:12]
    first, before = "", []
    for line in article:
        flat = _squashed(line)
        if head and flat.startswith(head) and len(flat) > len(_squashed(title or "")) + 30:
            flat = flat[len(_squashed(title or "")):]  # the headline run into the first paragraph
        elif (head and head in flat) or line.lstrip("（(").startswith("原标题") or len(flat) < _PARAGRAPH:
            before.append(line)  # a date, source or byline the extractor kept above the article
            continue
        first = flat
        break
    if not first:
        return before
    key = first[:20]
    ends = [index for index, line in enumerate(page_lines) if key in _squashed(line)]
    if not ends:
        return before
    # The paragraph also stands in a page's summary or share text: take the place under the headline.
    end = next((index for index in ends if head and any(
        head in _squashed(line) for line in page_lines[max(0, index - 3 * _BAND_LINES):index])), ends[0])
    start = max(0, end - _BAND_LINES)
    if head:
        heads = [index for index in range(max(0, end - 3 * _BAND_LINES), end + 1)
                 if head in _squashed(page_lines[index])
                 and not page_lines[index].lstrip("（(").startswith("原标题")]
        if heads:
            start = heads[-1]
    band = [*page_lines[start:end]]
    last = page_lines[end]
    cut = _squashed(last).find(key)
    if cut > 0:  # the band and the first paragraph on one line: keep what stands before the paragraph
        band.append(_unsquash_prefix(last, cut))
    return band + before


def _unsquash_prefix(line: str, length: int) -> str:
    """The start of `line` holding its first `length` characters that are not spaces."""
    seen = 0
    for index, char in enumerate(line):
        if seen == length:
            return line[:index]
        if not char.isspace():
            seen += 1
    return line


def _dates(meta: dict[str, str], soup: BeautifulSoup, band: list[str], html: str, url: str | None) -> list[dict]:
    found: list[dict] = []

    def add(text: str | None, where: str) -> None:
        parsed = parse_date(text) if text else None
        if parsed and dt.date(1990, 1, 1) <= parsed[0] <= dt.date.today() + dt.timedelta(days=2):
            found.append({"date": parsed[0].isoformat(), "text": text.strip()[:40], "where": where})

    for line in band:
        if parse_date(line):
            add(line, "header band")
            break
    for key in _DATE_META:
        if meta.get(key):
            add(meta[key], f"meta {key}")
            break
    for script in soup.find_all("script", type="application/ld+json"):
        try:
            data = json.loads(script.string or "")
        except ValueError:
            continue
        for item in data if isinstance(data, list) else [data]:
            if isinstance(item, dict) and item.get("datePublished"):
                add(str(item["datePublished"]), "JSON-LD datePublished")
    if url and (match := _URL_DATE.search(url) or _URL_MONTH_DAY.search(url)):
        add("-".join(match.groups()), "URL")
    if not found:
        found.extend(_htmldate(html))
    return found


def _htmldate(html: str) -> list[dict]:
    import logging

    from htmldate import find_date

    logging.getLogger("htmldate").setLevel(logging.ERROR)
    try:
        date = find_date(html, original_date=True, extensive_search=True, outputformat="%Y-%m-%d")
    except Exception:  # as above: one odd page must not stop the import
        return []
    return [{"date": date, "text": date, "where": "htmldate"}] if date else []


def _sources(meta: dict[str, str], band: list[str]) -> list[dict]:
    found: list[dict] = []
    for line in band:
        if match := _SOURCE_FIELD.search(line):
            found.append({"source": match[1], "where": "header band"})
            break
    for key in _SOURCE_META:
        if meta.get(key) and len(meta[key]) <= 30:
            found.append({"source": meta[key], "where": f"meta {key}"})
    if meta.get("og:site_name"):
        found.append({"source": meta["og:site_name"], "where": "meta og:site_name"})
    return found
