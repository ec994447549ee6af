"""Writing a project as REFI-QDA XML (`project.qde`) and its text sources.

Choices (see docs/interchange.md):
- a code's English name, guidance and keywords follow its definition in the Description, one labelled
  line each, exactly as the codebook module writes .qdc files (and reads them back);
- every annotation is one PlainTextSelection with one Coding; its memo is the selection's Description
  (as ATLAS.ti writes quotation comments; QualCoder and ATLAS.ti read it back);
- project, document and code memos are Notes, referred to by a NoteRef on the Project, the TextSource
  or the Code;
- document attributes are Variables with a VariableValue on each TextSource (MAXQDA target: on one
  unnamed Case per document, which is where MAXQDA keeps document variables); a document's source,
  date, authors and URL travel as the variables govcoder.outlet, .published, .authors and .url;
- positions count code points (target "generic"), UTF-16 code units over CRLF text with a BOM in the
  file that is not counted ("nvivo"), or code points over CRLF text ("maxqda").
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from desktop_app import __version__
from desktop_app.core.codebook.entries import CodeEntry
from desktop_app.core.codebook.qdc_write import description_with_guidance
from desktop_app.core.interchange.model import AttributeData, CodeData, ProjectData
from desktop_app.core.interchange.positions import (
    CODE_POINTS_CRLF2,
    UTF16_CRLF2,
    UnitMap,
    crlf_newlines,
    with_crlf,
)
from desktop_app.core.interchange.qde_read import CODE_MEMO_LABEL
from desktop_app.core.interchange.xmltools import (
    PROJECT_NS,
    derived_guid,
    export_guid,
    normalise_colour,
    parse_date,
    xsd_datetime,
)

TARGETS = ("generic", "nvivo", "maxqda")
META_VARIABLES = ("govcoder.outlet", "govcoder.published", "govcoder.authors", "govcoder.url")
AUTHOR_SEPARATOR = "; "
_NAME_LENGTH = 60
_XSD_TYPES = {"text": "Text", "number": "Float", "date": "Date", "boolean": "Boolean"}


def origin_for(target: str) -> str:
    return f"GovCoder {__version__}" + ("" if target == "generic" else f" (target {target})")


@dataclass
class RenderedSource:
    filename: str
    data: bytes
    units: UnitMap | None  # None: positions are our code points


def render_source(guid: str, text: str, target: str) -> RenderedSource:
    filename = f"{guid}.txt"
    if target == "nvivo":
        crlf = crlf_newlines(text)
        return RenderedSource(filename, b"\xef\xbb\xbf" + with_crlf(text).encode("utf-8"),
                              UnitMap(text, UTF16_CRLF2, crlf=crlf))
    if target == "maxqda":
        return RenderedSource(filename, with_crlf(text).encode("utf-8"),
                              UnitMap(text, CODE_POINTS_CRLF2, crlf=crlf_newlines(text)))
    return RenderedSource(filename, text.encode("utf-8"), None)


# Escaping by translation tables (one C call per string): markup characters become references,
# line breaks in attributes stay line breaks, characters XML 1.0 cannot carry are dropped.
_DROP = {code: None for code in (*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0xFFFE, 0xFFFF)}
_TEXT = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", "\r": "&#13;", **_DROP})
_ATTR = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "\n": "&#10;", "\r": "&#13;",
                       "\t": "&#9;", **_DROP})


def _attrs(attributes: dict[str, object]) -> str:
    return "".join(f' {key}="{str(value).translate(_ATTR)}"' for key, value in attributes.items()
                   if value is not None)


class _Xml:
    """A streaming writer for the project document: elements are written in schema order."""

    def __init__(self) -> None:
        self.parts: list[str] = ['<?xml version="1.0" encoding="UTF-8"?>\n']

    def open(self, tag: str, **attributes) -> None:
        self.parts.append(f"<{tag}{_attrs(attributes)}>")

    def close(self, tag: str) -> None:
        self.parts.append(f"</{tag}>\n")

    def empty(self, tag: str, **attributes) -> None:
        self.parts.append(f"<{tag}{_attrs(attributes)}/>\n")

    def text(self, tag: str, value: str) -> None:
        self.parts.append(f"<{tag}>{value.translate(_TEXT)}</{tag}>\n")

    def raw(self, text: str) -> None:
        self.parts.append(text)

    def tobytes(self) -> bytes:
        return "".join(self.parts).encode("utf-8")


def _decimal(value: str) -> str | None:
    try:
        number = Decimal(value.strip())
    except (InvalidOperation, AttributeError):
        return None
    if not number.is_finite():
        return None
    text = value.strip()
    # xsd:decimal has no exponent; keep the stored spelling when it is already a plain decimal.
    return text if "e" not in text.lower() and text.lstrip("+-").replace(".", "", 1).isdigit() else format(number, "f")


def _variable_value(value: str | None, kind: str) -> tuple[str, str] | None:
    """(element tag, text) for one value, or None for no value; raises ValueError if it does not fit."""
    if value is None or value == "":
        return None
    if kind == "Float":
        text = _decimal(value)
        if text is None:
            raise ValueError(value)
        return "FloatValue", text
    if kind == "Boolean":
        lowered = value.strip().lower()
        if lowered not in ("true", "false", "1", "0"):
            raise ValueError(value)
        return "BooleanValue", "true" if lowered in ("true", "1") else "false"
    if kind == "Date":
        parsed = parse_date(value)
        if parsed is None or len(value.strip()) != 10:
            raise ValueError(value)
        return "DateValue", parsed.isoformat()
    return "TextValue", value


def _document_variables(data: ProjectData) -> tuple[list[tuple[str, str]], dict[str, list[AttributeData]]]:
    """[(name, xsd type)] and each document's values (by GUID), the metadata variables first."""
    values: dict[str, list[AttributeData]] = defaultdict(list)
    for document in data.documents:
        meta = values[document.guid]
        if document.outlet:
            meta.append(AttributeData("govcoder.outlet", "text", document.outlet))
        if document.published:
            meta.append(AttributeData("govcoder.published", "date", document.published.isoformat()))
        if document.authors:
            meta.append(AttributeData("govcoder.authors", "text", AUTHOR_SEPARATOR.join(document.authors)))
        if document.url:
            meta.append(AttributeData("govcoder.url", "text", document.url))
        meta.extend(attribute for attribute in document.attributes if attribute.key not in META_VARIABLES)
    kinds: dict[str, set[str]] = {}
    for items in values.values():
        for attribute in items:
            kinds.setdefault(attribute.key, set()).add(attribute.type)
    types: dict[str, str] = {}
    for key, found in kinds.items():
        kind = _XSD_TYPES.get(found.pop(), "Text") if len(found) == 1 else "Text"
        if kind != "Text":  # every value must fit the declared type, or the variable is text
            try:
                for items in values.values():
                    for attribute in items:
                        if attribute.key == key:
                            _variable_value(attribute.value, kind)
            except ValueError:
                kind = "Text"
        types[key] = kind
    ordered = [key for key in META_VARIABLES if key in types] + sorted(k for k in types if k not in META_VARIABLES)
    return [(key, types[key]) for key in ordered], values


def _name_of(quote: str) -> str:
    quote = " ".join(quote.split())
    return quote if len(quote) <= _NAME_LENGTH else quote[:_NAME_LENGTH] + "…"


def coding_guid(guid: str) -> str:
    """The GUID of the Coding inside an annotation's selection: the selection's, last group changed."""
    guid = export_guid(guid)
    return guid[:24] + f"{int(guid[24:], 16) ^ 0xC0D1C0D1C0D1:012x}"


def build_project_xml(data: ProjectData, target: str = "generic",
                      progress=None) -> tuple[bytes, list[RenderedSource]]:
    """The project.qde bytes and the text sources to embed next to it."""
    if target not in TARGETS:
        from desktop_app.core.errors import GovCoderError

        raise GovCoderError(f"unknown export target {target!r} (choose {', '.join(TARGETS)})")
    xml = _Xml()
    xml.open("Project", xmlns=PROJECT_NS, name=data.name or "GovCoder project", origin=origin_for(target))
    xml.raw("\n")

    # NoteRefs by target GUID: memos become Notes.
    memo_refs: dict[str, list[str]] = defaultdict(list)
    # ... and also the Description of what they are about, where QualCoder and ATLAS.ti read memos.
    memo_texts: dict[str, list[str]] = defaultdict(list)
    for memo in data.memos:
        target_guid = {"project": "project", "document": memo.document, "code": memo.code}.get(memo.kind)
        if target_guid:
            memo_refs[target_guid].append(export_guid(memo.guid))
            if memo.text.strip():
                memo_texts[target_guid].append(memo.text.strip())

    coder_guid = {coder.guid: export_guid(coder.guid) for coder in data.coders}
    if data.coders:
        xml.open("Users")
        for coder in data.coders:
            xml.empty("User", guid=coder_guid[coder.guid], name=coder.name)
        xml.close("Users")

    if data.codes:
        children: dict[str | None, list[CodeData]] = defaultdict(list)
        known = {code.guid for code in data.codes}
        for code in data.codes:
            children[code.parent if code.parent in known else None].append(code)

        def open_code(code: CodeData) -> bool:
            """Writes the code's start; True if it holds child codes, to be written before its end."""
            attributes = dict(guid=export_guid(code.guid), name=code.name,
                              isCodable="true" if code.codable else "false", color=normalise_colour(code.colour))
            notes = memo_refs.get(code.guid, [])
            kids = children.get(code.guid, [])
            definition = (code.description or "").strip()
            if memo_texts.get(code.guid):
                memo = CODE_MEMO_LABEL + "\n\n".join(memo_texts[code.guid])
                definition = f"{definition}\n\n{memo}" if definition else memo
            description = description_with_guidance(CodeEntry(
                name=code.name, english=code.english, description=definition,
                keywords=list(code.keywords), guidance=dict(code.guidance)))
            if not (description or notes or kids):
                xml.empty("Code", **attributes)
                return False
            xml.open("Code", **attributes)
            if description:
                xml.text("Description", description)
            for note in notes:
                xml.empty("NoteRef", targetGUID=note)
            return True

        xml.open("CodeBook")
        xml.open("Codes")
        # Depth first without recursion, so a deep tree writes as well as a flat one: a None on the
        # stack closes the Code opened before its children.
        stack: list[CodeData | None] = list(reversed(children[None]))
        while stack:
            code = stack.pop()
            if code is None:
                xml.close("Code")
            elif open_code(code):
                stack.append(None)
                stack.extend(reversed(children.get(code.guid, [])))
        xml.close("Codes")
        xml.close("CodeBook")

    variables, values = _document_variables(data)
    variable_index = {name: (derived_guid(name, "variable"), kind) for name, kind in variables}
    if variables:
        xml.open("Variables")
        for name, kind in variables:
            xml.empty("Variable", guid=variable_index[name][0], name=name, typeOfVariable=kind)
        xml.close("Variables")
    if target == "maxqda" and any(values.values()):
        xml.open("Cases")
        for document in data.documents:
            if values.get(document.guid):
                xml.open("Case", guid=derived_guid(document.guid, "case"))
                _variable_values(xml, values[document.guid], variable_index)
                xml.empty("SourceRef", targetGUID=export_guid(document.guid))
                xml.close("Case")
        xml.close("Cases")

    by_document: dict[str, list] = defaultdict(list)
    for annotation in data.annotations:
        by_document[annotation.document].append(annotation)
    rendered: list[RenderedSource] = []
    times: dict[object, str | None] = {}

    def stamp(value) -> str | None:
        if value not in times:
            times[value] = xsd_datetime(value)
        return times[value]

    # Without a creatingUser on each source, QualCoder invents a user "default" for it, who comes back
    # as a coder; the source's user is its most frequent coder, else the project's first.
    coders_of: dict[str, Counter] = defaultdict(Counter)
    for annotation in data.annotations:
        coders_of[annotation.document][annotation.coder] += 1
    first_coder = coder_guid[data.coders[0].guid] if data.coders else None

    def source_user(document_guid: str) -> str | None:
        counts = coders_of.get(document_guid)
        if counts:
            guid = coder_guid.get(counts.most_common(1)[0][0])
            if guid:
                return guid
        return first_coder

    if data.documents:
        xml.open("Sources")
        total = len(data.documents)
        parts = xml.parts
        for number, document in enumerate(data.documents, start=1):
            guid = export_guid(document.guid)
            source = render_source(guid, document.text, target)
            rendered.append(source)
            xml.open("TextSource", guid=guid, name=document.title or guid,
                     plainTextPath=f"internal://{source.filename}", creatingUser=source_user(document.guid),
                     creationDateTime=stamp(document.imported_at))
            if memo_texts.get(document.guid):
                xml.text("Description", "\n\n".join(memo_texts[document.guid]))
            units = source.units
            for annotation in by_document.get(document.guid, []):
                start, end = annotation.start, annotation.end
                if units is not None:
                    start, end = units.to_units(start), units.to_units(end)
                user = coder_guid.get(annotation.coder)
                created = stamp(annotation.created_at)
                selection_guid = export_guid(annotation.guid)
                user_attr = f' creatingUser="{user}"' if user else ""
                created_attr = f' creationDateTime="{created}"' if created else ""
                modified = stamp(annotation.updated_at)
                parts.append(
                    f'<PlainTextSelection guid="{selection_guid}" name="{_name_of(annotation.quote).translate(_ATTR)}" '
                    f'startPosition="{start}" endPosition="{end}"{user_attr}{created_attr}'
                    + (f' modifyingUser="{user}"' if user else "")
                    + (f' modifiedDateTime="{modified}"' if modified else "") + ">")
                if annotation.memo:
                    xml.text("Description", annotation.memo)
                parts.append(f'<Coding guid="{coding_guid(annotation.guid)}"{user_attr}{created_attr}>'
                             f'<CodeRef targetGUID="{export_guid(annotation.code)}"/></Coding></PlainTextSelection>\n')
            for note in memo_refs.get(document.guid, []):
                xml.empty("NoteRef", targetGUID=note)
            if target != "maxqda" and values.get(document.guid):
                _variable_values(xml, values[document.guid], variable_index)
            xml.close("TextSource")
            if progress is not None:
                progress(number, total, document.title)
        xml.close("Sources")

    if data.memos:
        xml.open("Notes")
        for memo in data.memos:
            xml.open("Note", guid=export_guid(memo.guid), name=memo.title or None,
                     creatingUser=coder_guid.get(memo.coder) if memo.coder else None,
                     creationDateTime=stamp(memo.created_at), modifiedDateTime=stamp(memo.updated_at))
            xml.text("PlainTextContent", memo.text)
            xml.close("Note")
        xml.close("Notes")
    if memo_texts.get("project"):
        xml.text("Description", "\n\n".join(memo_texts["project"]))
    for note in memo_refs.get("project", []):
        xml.empty("NoteRef", targetGUID=note)
    xml.close("Project")
    return xml.tobytes(), rendered


def _variable_values(xml: _Xml, items: list[AttributeData], variables: dict[str, tuple[str, str]]) -> None:
    for attribute in items:
        guid, kind = variables[attribute.key]
        xml.open("VariableValue")
        xml.empty("VariableRef", targetGUID=guid)
        value = _variable_value(attribute.value, kind)
        if value is not None:
            xml.text(value[0], value[1])
        xml.close("VariableValue")
