"""Reading article text out of each supported file format, before cleaning.

.txt/.md are decoded (see decode.py); .html/.htm go through lxml via BeautifulSoup, the article found
and laid out in lines by html_text; .docx through python-docx; .csv/.xlsx give one article per row,
with columns mapped to title, date, source, url, authors and text, and any other column kept as an
attribute of the document.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from desktop_app.core.errors import ImportFailure
from desktop_app.core.text.controls import one_line, without_controls
from desktop_app.core.text.decode import decode_bytes
from desktop_app.core.text.file_names import file_title
from desktop_app.core.text.limits import check_article, check_file_size, check_zip
from desktop_app.core.text.metadata import parse_date

if TYPE_CHECKING:
    from desktop_app.core.text.pipeline import PreparedArticle

TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".text"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
TABLE_SUFFIXES = {".csv", ".xlsx"}
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | TABLE_SUFFIXES | {".docx"}

# Column names (lower-cased) recognised in tables; anything else becomes an attribute.
COLUMNS = {
    "title": {"title", "headline", "标题", "題目", "题目", "標題", "文章标题", "新闻标题"},
    "date": {"date", "published", "publication date", "日期", "时间", "發佈時間", "发布时间", "发布日期",
             "發布日期", "时间日期"},
    "source": {"source", "outlet", "来源", "來源", "媒体", "媒體", "出处", "出處"},
    "text": {"text", "content", "body", "article", "正文", "内容", "內容", "全文", "文本"},
    "url": {"url", "link", "链接", "鏈接", "网址", "網址"},
    "authors": {"author", "authors", "作者", "记者", "記者"},
}


@dataclass
class Source:
    """One article's raw text plus whatever the container said about it."""

    text: str
    encoding: str
    fallback_title: str
    title: str | None = None
    outlet: str | None = None
    published: dt.date | None = None
    url: str | None = None
    authors: list[str] = field(default_factory=list)
    attributes: dict[str, tuple[str, str]] = field(default_factory=dict)
    extracted: dict = field(default_factory=dict)

    def apply_to(self, article: PreparedArticle) -> None:
        """What the container states explicitly wins over what was guessed from the text (as one plain
        line, free of control characters, which no database should hold and PostgreSQL cannot)."""
        if self.title and one_line(self.title):
            article.title = one_line(self.title)
        if self.outlet and one_line(self.outlet):
            article.outlet = one_line(self.outlet)
        if self.published:
            article.published = self.published
            article.extracted["published_from"] = {"date": self.published.isoformat(), "where": "file"}
        if self.url:
            article.url = one_line(self.url) or None
        if self.authors:
            article.authors = [name for name in map(one_line, self.authors) if name]
        article.attributes.update({without_controls(key): (kind, without_controls(value))
                                   for key, (kind, value) in self.attributes.items()})
        article.extracted.update(self.extracted)


def read_sources(path: Path, *, encoding: str | None = None) -> list[Source]:
    """The articles of one file; where the title taken from its name had to be made readable (a name
    that is not UTF-8, or holds line breaks or bidirectional controls), each says how."""
    sources = _read_sources(path, encoding)
    note = file_title(path)[1]
    if note:
        for source in sources:
            source.extracted["file_name"] = note
    return sources


def _read_sources(path: Path, encoding: str | None) -> list[Source]:
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise ImportFailure(f"{path}: unsupported file type {suffix or '(no extension)'!r}; GovCoder reads "
                            ".txt .md .html .htm .docx .csv .xlsx; nothing was imported")
    try:
        if suffix in TEXT_SUFFIXES or suffix in HTML_SUFFIXES:
            check_file_size(path, path.stat().st_size)  # before a byte is read
        data = path.read_bytes()
    except OSError as error:
        raise ImportFailure(f"{path}: cannot be read ({error.strerror or error})") from None
    if suffix in (".docx", ".xlsx"):
        check_zip(data, path)
    if suffix in TEXT_SUFFIXES:
        decoded = decode_bytes(data, str(path), encoding)
        source = Source(decoded.text, decoded.encoding, file_title(path)[0])
        _note_damage(source, decoded.replaced)
        if suffix != ".txt" and (heading := re.match(r"#\s+(.+)", decoded.text)):
            source.title = heading.group(1).strip()
        return [source]
    if suffix in HTML_SUFFIXES:
        return [_read_html(data, path, encoding)]
    if suffix == ".docx":
        return [_read_docx(data, path)]
    if suffix == ".csv":
        decoded = decode_bytes(data, str(path), encoding)
        return _read_table(_csv_rows(decoded.text, path), path, decoded.encoding)
    return _read_table(_xlsx_rows(data, path), path, "xlsx")


def _note_damage(source: Source, replaced: int) -> None:
    if replaced:  # each shown as U+FFFD in the text, where the mojibake step flags it
        source.extracted["undecodable_bytes"] = replaced


# csv's default cell limit is 128 K characters; one article per cell can be a long policy document.
_CSV_CELL_LIMIT = 64 * 1024 * 1024


def _csv_rows(text: str, path: Path) -> list[list[str]]:
    if csv.field_size_limit() < _CSV_CELL_LIMIT:
        csv.field_size_limit(_CSV_CELL_LIMIT)
    try:
        return list(csv.reader(io.StringIO(text), dialect=_csv_dialect(text)))
    except csv.Error as error:
        raise ImportFailure(f"{path}: not a readable CSV table ({error}); nothing was imported") from None


def _csv_dialect(text: str) -> type[csv.Dialect]:
    """Commas, or the semicolons, tabs or bars some exports use instead, read off the header line
    (column names are not quoted, so the separator shows there plainly)."""
    header = text[:text.find("\n")] if "\n" in text else text
    counts = {separator: header.count(separator) for separator in ",;\t|"}
    separator = max(counts, key=counts.__getitem__)
    if separator == "," or not counts[separator]:
        return csv.excel

    class Separated(csv.excel):
        delimiter = separator

    return Separated


def _read_html(data: bytes, path: Path, encoding: str | None) -> Source:
    from desktop_app.core.text.decode import decode_page
    from desktop_app.core.text.html_page import read_page

    decoded = decode_page(data, str(path), encoding)
    page = read_page(decoded.text)
    if not page.lines:
        raise ImportFailure(f"{path}: no article text found in the page; nothing was imported")
    source = Source("\n".join(page.lines), decoded.encoding, file_title(path)[0], title=page.title or None,
                    outlet=page.outlet, published=page.published, url=page.url, authors=page.authors)
    source.extracted.update(page.extracted)
    if decoded.label and not decoded.label_obeyed:
        source.extracted["charset_label"] = (f"the page declares {decoded.label} but its bytes are "
                                             f"{decoded.encoding}; read as {decoded.encoding}")
    _note_damage(source, decoded.replaced)
    return source


def _read_docx(data: bytes, path: Path) -> Source:
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, KeyError, ValueError, OSError) as error:
        raise ImportFailure(f"{path}: not a readable Word .docx file ({error}); nothing was imported") from None
    except Exception as error:  # zipfile.BadZipFile and lxml errors for damaged files
        raise ImportFailure(f"{path}: damaged Word file ({type(error).__name__}); nothing was imported") from None
    text = "\n".join(_docx_lines(document))
    check_article(path, text)
    if not text.strip():
        raise ImportFailure(f"{path}: the document has no text; nothing was imported")
    title = (document.core_properties.title or "").strip() or None
    return Source(text, "docx", file_title(path)[0], title=title)


def _docx_lines(document) -> list[str]:
    """Paragraphs and tables in the order they stand: Word layouts and official documents often put
    text in tables, which `document.paragraphs` leaves out."""
    from docx.table import Table

    lines: list[str] = []
    for block in document.iter_inner_content():
        if isinstance(block, Table):
            for row in block.rows:
                seen: set[int] = set()
                for cell in row.cells:
                    if id(cell._tc) not in seen:  # a merged cell is listed once per grid column it spans
                        seen.add(id(cell._tc))
                        lines.extend(paragraph.text for paragraph in cell.paragraphs)
        else:
            lines.append(block.text)
    return lines


def _xlsx_rows(data: bytes, path: Path) -> list[list[str]]:
    import openpyxl

    try:
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises zipfile, KeyError and its own errors for bad files
        raise ImportFailure(f"{path}: not a readable .xlsx workbook ({type(error).__name__}); "
                            "nothing was imported") from None
    try:
        sheet = book.worksheets[0]
        return [[_cell(value) for value in row] for row in sheet.iter_rows(values_only=True)]
    finally:
        book.close()


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


_HEADER_SEARCH = 10  # opening rows in which to look for the column names


def _column_mapping(header: list[str]) -> dict[str, int]:
    mapping: dict[str, int] = {}
    for index, name in enumerate(header):
        for field_name, names in COLUMNS.items():
            if name.lower() in names and field_name not in mapping:
                mapping[field_name] = index
    return mapping


def _header(numbered: list[tuple[int, list[str]]]) -> tuple[int, list[str], dict[str, int]] | None:
    """Exports often put a title or a note above the column names: the header is the first of the
    opening rows that names a text column (its position among the rows, its names, their mapping)."""
    for position, (_, row) in enumerate(numbered[:_HEADER_SEARCH]):
        header = [cell.strip().lstrip("\ufeff") for cell in row]
        mapping = _column_mapping(header)
        if "text" in mapping:
            return position, header, mapping
    return None


def _read_table(rows: list[list[str]], path: Path, encoding: str) -> list[Source]:
    # Row numbers as the spreadsheet shows them, blank rows counted, so that "row 12" can be found.
    numbered = [(number, row) for number, row in enumerate(rows, start=1) if any(cell.strip() for cell in row)]
    if not numbered:
        raise ImportFailure(f"{path}: the table is empty; nothing was imported")
    found = _header(numbered)
    if found is None:
        raise ImportFailure(f"{path}: no text column (expected one of: text, content, 正文, 内容); "
                            "nothing was imported")
    position, header, mapping = found
    stem = file_title(path)[0]
    sources = []
    for number, row in numbered[position + 1:]:
        def cell(name: str, row=row) -> str:
            index = mapping.get(name)
            return row[index].strip() if index is not None and index < len(row) else ""

        if not cell("text"):
            continue
        check_article(path, cell("text"), f"the text of row {number}")
        source = Source(cell("text"), encoding, f"{stem} row {number}", title=cell("title") or None,
                        outlet=cell("source") or None, url=cell("url") or None)
        if cell("date") and (parsed := parse_date(cell("date"))):
            source.published = parsed[0]
        if cell("authors"):
            source.authors = [a for a in re.split(r"[;；,，、/ ]+", cell("authors")) if a]
        used = set(mapping.values())
        for index, name in enumerate(header):
            if index not in used and name and index < len(row) and row[index].strip():
                source.attributes[name] = _typed(row[index].strip())
        source.extracted["row"] = number
        sources.append(source)
    if not sources:
        raise ImportFailure(f"{path}: no row has any text; nothing was imported")
    return sources


def _typed(value: str) -> tuple[str, str]:
    if re.fullmatch(r"-?\d+(?:\.\d+)?", value):
        return ("number", value)
    if value.lower() in ("true", "false", "是", "否"):
        return ("boolean", "true" if value.lower() in ("true", "是") else "false")
    if (parsed := parse_date(value)) and len(value) <= 20:
        return ("date", parsed[0].isoformat())
    return ("text", value)
