"""The article's text from a parsed web page: which element holds it, and its lines.

The container is the element that holds the most text outside links, counting the text of its
paragraphs too: news pages put the article in paragraphs (`<p>`) or in one element with `<br>` line
breaks, and their navigation, related headlines and sidebars are lists of links. Lines are made as a
browser lays text out: block elements and `<br>` break lines, inline elements (links, bold, spans)
do not, so 党建<b>引领</b> stays one word with no space put into it. List items that are nothing but
a link (related headlines, navigation) are left out.
"""

from __future__ import annotations

from bs4 import BeautifulSoup, Comment, NavigableString, Tag

# Elements that start and end a line of their own.
_BLOCKS = frozenset({
    "address", "article", "aside", "blockquote", "dd", "div", "dl", "dt", "figcaption", "figure", "footer",
    "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "ol", "p", "pre", "section", "table",
    "tbody", "td", "th", "thead", "tr", "ul",
})
_PARAGRAPHS = frozenset({"p", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre"})
_SKIPPED = frozenset({"script", "style", "noscript", "template"})


def article_title(soup: BeautifulSoup) -> str | None:
    """The page's own headline: og:title; else an <h1> that the page's <title> contains (the <title>
    is often "headline - site", and an <h1> elsewhere in it can be the site's logo); else <title>."""
    og = soup.find("meta", attrs={"property": "og:title"})
    if og is not None and og.get("content", "").strip():
        return og["content"].strip()
    page = " ".join(soup.title.get_text(" ").split()) if soup.title is not None else ""
    headings = [text for text in (" ".join(h1.get_text(" ").split()) for h1 in soup.find_all("h1")) if text]
    if not page:
        return headings[0] if headings else None
    # The headline opens the <title> ("headline_site"); the site's name only ends it.
    contained = sorted((text for text in headings if text in page),
                       key=lambda text: (not page.startswith(text), -len(text)))
    return contained[0] if contained else page


def article_container(soup: BeautifulSoup) -> Tag:
    article = soup.find("article")
    if article is not None and _text_outside_links(article) > 0:
        return article
    scores: dict[int, int] = {}
    elements: dict[int, Tag] = {}
    for text in soup.find_all(string=True):
        if isinstance(text, Comment) or not text.strip() or text.find_parent("a") is not None:
            continue
        holder = text.parent
        while holder is not None and holder.name not in _BLOCKS and holder.name not in ("body", "[document]"):
            holder = holder.parent
        if holder is None:
            continue
        size = len(text.strip())
        # A paragraph's text counts for the element holding the paragraphs as well.
        for element in (holder, holder.parent if holder.name in _PARAGRAPHS else None):
            if isinstance(element, Tag) and element.name not in ("[document]",):
                scores[id(element)] = scores.get(id(element), 0) + size
                elements[id(element)] = element
    candidates = [key for key in scores if elements[key].name not in _PARAGRAPHS]
    if not candidates:
        return soup.body or soup
    return elements[max(candidates, key=scores.__getitem__)]


def _text_outside_links(element: Tag) -> int:
    return sum(len(text.strip()) for text in element.find_all(string=True)
               if not isinstance(text, Comment) and text.find_parent("a") is None)


def text_lines(container: Tag) -> list[str]:
    lines: list[str] = []
    current: list[str] = []

    def end_line() -> None:
        line = " ".join("".join(current).split())  # runs of spaces and source line breaks: one space
        if line:
            lines.append(line)
        current.clear()

    def walk(element: Tag) -> None:
        for child in element.children:
            if isinstance(child, Comment):
                continue
            if isinstance(child, NavigableString):
                current.append(str(child))
            elif child.name in _SKIPPED:
                continue
            elif child.name == "br":
                end_line()
            elif child.name == "pre":
                end_line()
                lines.extend(line.rstrip() for line in child.get_text().splitlines() if line.strip())
            elif child.name == "li" and _text_outside_links(child) == 0:
                continue  # a list item that is only a link: related headlines, navigation
            elif child.name in _BLOCKS:
                end_line()
                walk(child)
                end_line()
            else:
                walk(child)

    walk(container)
    end_line()
    return lines
