"""Writing a project as REFI-QDA XML (`project.qde`) and its text sources.

Choices (see docs/interchange.md):
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

from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from lxml import etree

from desktop_app import __version__
from desktop_app.core.interchange.model import AttributeData, CodeData, ProjectData
from desktop_app.core.interchange.positions import (
    CODE_POINTS_CRLF2,
    UTF16_CRLF2,
    UnitMap,
    crlf_newlines,
    with_crlf,
)
from desktop_app.core.interchange.xmltools import (
    PROJECT_NS,
    derived_guid,
    export_guid,
    normalise_colour,
    parse_date,
    xml_text,
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


def _sub(parent, tag: str, **attributes) -> etree._Element:
    element = etree.SubElement(parent, tag)
    for key, value in attributes.items():
        if value is not None:
            element.set(key, xml_text(value))
    return element


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


def build_project_xml(data: ProjectData, target: str = "generic",
                      progress=None) -> tuple[bytes, list[RenderedSource]]:
    """The project.qde bytes and the text sources to embed next to it."""
    if target not in TARGETS:
        from desktop_app.core.errors import GovCoderError

        raise GovCoderError(f"unknown export target {target!r} (choose {', '.join(TARGETS)})")
    root = etree.Element(f"{{{PROJECT_NS}}}Project", nsmap={None: PROJECT_NS})
    root.set("name", xml_text(data.name) or "GovCoder project")
    root.set("origin", origin_for(target))
    E = lambda parent, tag, **kw: _sub(parent, f"{{{PROJECT_NS}}}{tag}", **kw)  # noqa: E731

    # NoteRefs by target GUID: memos become Notes.
    memo_refs: dict[str, list[str]] = defaultdict(list)
    for memo in data.memos:
        target_guid = {"project": "project", "document": memo.document, "code": memo.code}.get(memo.kind)
        if target_guid:
            memo_refs[target_guid].append(export_guid(memo.guid))

    coder_guid = {coder.guid: export_guid(coder.guid) for coder in data.coders}
    if data.coders:
        users = E(root, "Users")
        for coder in data.coders:
            E(users, "User", guid=coder_guid[coder.guid], name=coder.name)

    if data.codes:
        codebook = E(root, "CodeBook")
        codes_element = E(codebook, "Codes")
        children: dict[str | None, list[CodeData]] = defaultdict(list)
        known = {code.guid for code in data.codes}
        for code in data.codes:
            children[code.parent if code.parent in known else None].append(code)

        def write_code(parent, code: CodeData) -> None:
            element = E(parent, "Code", guid=export_guid(code.guid), name=code.name,
                        isCodable="true" if code.codable else "false", color=normalise_colour(code.colour))
            if code.description:
                E(element, "Description").text = xml_text(code.description)
            for note in memo_refs.get(code.guid, []):
                E(element, "NoteRef", targetGUID=note)
            for child in children.get(code.guid, []):
                write_code(element, child)

        for code in children[None]:
            write_code(codes_element, code)

    variables, values = _document_variables(data)
    variable_index = {name: (derived_guid(name, "variable"), kind) for name, kind in variables}
    if variables:
        holder = E(root, "Variables")
        for name, kind in variables:
            E(holder, "Variable", guid=variable_index[name][0], name=name, typeOfVariable=kind)
    if target == "maxqda" and any(values.values()):
        cases = E(root, "Cases")
        for document in data.documents:
            if values.get(document.guid):
                case = E(cases, "Case", guid=derived_guid(document.guid, "case"))
                _variable_values_ns(case, values[document.guid], variable_index, E)
                E(case, "SourceRef", targetGUID=export_guid(document.guid))

    by_document: dict[str, list] = defaultdict(list)
    for annotation in data.annotations:
        by_document[annotation.document].append(annotation)
    rendered: list[RenderedSource] = []
    if data.documents:
        sources = E(root, "Sources")
        total = len(data.documents)
        for number, document in enumerate(data.documents, start=1):
            guid = export_guid(document.guid)
            source = render_source(guid, document.text, target)
            rendered.append(source)
            element = E(sources, "TextSource", guid=guid, name=document.title or guid,
                        plainTextPath=f"internal://{source.filename}",
                        creationDateTime=xsd_datetime(document.imported_at))
            units = source.units
            for annotation in by_document.get(document.guid, []):
                start, end = annotation.start, annotation.end
                if units is not None:
                    start, end = units.to_units(start), units.to_units(end)
                user = coder_guid.get(annotation.coder)
                created = xsd_datetime(annotation.created_at)
                selection = E(element, "PlainTextSelection", guid=export_guid(annotation.guid),
                              name=_name_of(annotation.quote), startPosition=str(start),
                              endPosition=str(end), creatingUser=user, creationDateTime=created,
                              modifyingUser=user, modifiedDateTime=xsd_datetime(annotation.updated_at))
                if annotation.memo:
                    E(selection, "Description").text = xml_text(annotation.memo)
                coding = E(selection, "Coding", guid=derived_guid(annotation.guid, "coding"),
                           creatingUser=user, creationDateTime=created)
                E(coding, "CodeRef", targetGUID=export_guid(annotation.code))
            for note in memo_refs.get(document.guid, []):
                E(element, "NoteRef", targetGUID=note)
            if target != "maxqda" and values.get(document.guid):
                _variable_values_ns(element, values[document.guid], variable_index, E)
            if progress is not None:
                progress(number, total, document.title)

    if data.memos:
        notes = E(root, "Notes")
        for memo in data.memos:
            note = E(notes, "Note", guid=export_guid(memo.guid), name=memo.title or None,
                     creatingUser=coder_guid.get(memo.coder) if memo.coder else None,
                     creationDateTime=xsd_datetime(memo.created_at),
                     modifiedDateTime=xsd_datetime(memo.updated_at))
            E(note, "PlainTextContent").text = xml_text(memo.text)
    for note in memo_refs.get("project", []):
        E(root, "NoteRef", targetGUID=note)
    xml = etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
    return xml, rendered


def _variable_values_ns(parent, items, variables, E) -> None:
    for attribute in items:
        guid, kind = variables[attribute.key]
        holder = E(parent, "VariableValue")
        E(holder, "VariableRef", targetGUID=guid)
        value = _variable_value(attribute.value, kind)
        if value is not None:
            E(holder, value[0]).text = xml_text(value[1])
