"""Reading REFI-QDA project XML leniently: any namespace variant, GUIDs with or without braces in
either case, elements from every vendor. Positions stay in the file's units here; placement.py
decides what they count."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime

from desktop_app.core.codebook.entries import CodeEntry
from desktop_app.core.codebook.qdc_read import split_description
from desktop_app.core.errors import GovCoderError
from desktop_app.core.interchange.model import AttributeData, CodeData, CoderData
from desktop_app.core.interchange.package import Package
from desktop_app.core.interchange.reports import Repair
from desktop_app.core.interchange.xmltools import (
    local_name,
    normalise_colour,
    normalise_guid,
    parse_datetime,
)
from desktop_app.core.store.models import new_guid

_TYPES = {"text": "text", "boolean": "boolean", "integer": "number", "float": "number", "date": "date",
          "datetime": "text"}
_VALUE_TYPES = {"TextValue": "text", "BooleanValue": "boolean", "IntegerValue": "number",
                "FloatValue": "number", "DateValue": "date", "DateTimeValue": "text"}


@dataclass(slots=True)
class RawCoding:
    guid: str | None
    code: str | None
    user: str | None
    created: datetime | None
    notes: list[str] = field(default_factory=list)


@dataclass(slots=True)
class RawSelection:
    guid: str | None
    start: int | None
    end: int | None
    name: str
    description: str
    user: str | None
    created: datetime | None
    modified: datetime | None
    codings: list[RawCoding] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


@dataclass
class RawSource:
    guid: str | None
    name: str
    kind: str  # TextSource, PDFSource (its text representation), PictureSource, ...
    path: str | None = None
    text: str | None = None  # as decoded from the file (line ends as written)
    encoding: str | None = None
    missing: str | None = None  # why there is no text
    selections: list[RawSelection] = field(default_factory=list)
    codings: list[RawCoding] = field(default_factory=list)  # codings of the whole source
    other_codings: list[RawCoding] = field(default_factory=list)  # of picture/PDF/audio/video areas
    notes: list[str] = field(default_factory=list)
    values: list[tuple[str | None, str, str | None]] = field(default_factory=list)  # (variable, type, value)
    user: str | None = None
    created: datetime | None = None
    description: str = ""


@dataclass(slots=True)
class RawNote:
    guid: str | None
    name: str
    text: str
    user: str | None
    created: datetime | None
    modified: datetime | None
    # A span note (QualCoder): the Note holds a PlainTextSelection of the source that refers to it.
    start: int | None = None
    end: int | None = None


@dataclass(slots=True)
class RawCase:
    guid: str | None
    name: str
    description: str
    sources: list[str]
    values: list[AttributeData]


@dataclass
class ParsedProject:
    name: str
    origin: str
    users: list[CoderData] = field(default_factory=list)
    creating_user: str | None = None
    codes: list[CodeData] = field(default_factory=list)
    variables: dict[str, tuple[str, str]] = field(default_factory=dict)  # guid -> (name, type)
    sources: list[RawSource] = field(default_factory=list)
    notes: list[RawNote] = field(default_factory=list)
    note_targets: dict[str, list[str]] = field(default_factory=dict)  # note guid -> target GUIDs
    project_notes: list[str] = field(default_factory=list)
    description: str = ""
    case_attributes: dict[str, list[AttributeData]] = field(default_factory=dict)  # source guid -> values
    set_attributes: dict[str, list[AttributeData]] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    skipped: dict[str, int] = field(default_factory=dict)
    skipped_names: dict[str, list[str]] = field(default_factory=dict)  # what -> the names of what was skipped
    cases: list[RawCase] = field(default_factory=list)
    code_memos: dict[str, str] = field(default_factory=dict)  # code GUID -> the memo part of its Description
    repairs: list[Repair] = field(default_factory=list)

    def skip(self, what: str, count: int = 1, names: list[str] | None = None) -> None:
        self.skipped[what] = self.skipped.get(what, 0) + count
        if names:
            self.skipped_names.setdefault(what, []).extend(names)


def _children(element, name: str):
    """Child elements named `name` in any namespace (or none)."""
    return list(element.iterchildren(f"{{*}}{name}"))


def _child(element, name: str):
    return next(element.iterchildren(f"{{*}}{name}"), None)


def _text_of(element, name: str) -> str:
    child = _child(element, name)
    return (child.text or "") if child is not None else ""


def _int(value: str | None) -> int | None:
    try:
        return int(value.strip()) if value is not None else None
    except ValueError:
        return None


def _guid(element, attribute: str = "guid") -> str | None:
    return normalise_guid(element.get(attribute))


def decode_text(data: bytes) -> tuple[str, str]:
    """Text file bytes as a string (BOM removed) and the encoding used."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace"), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace"), "utf-16"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("gb18030"), "gb18030"
    except UnicodeDecodeError:
        return data.decode("utf-8", errors="replace"), "utf-8 (with replacement characters)"


_BAD_NAME = re.compile(r"\s+")


# GovCoder writes a code's memos into its Description too (QualCoder and ATLAS.ti show only that), as a
# paragraph starting with this label, before the labelled guidance lines.
CODE_MEMO_LABEL = "Memo: "


def split_code_memo(description: str) -> tuple[str, str]:
    """(the definition, the memo) of a code Description GovCoder wrote."""
    if description.startswith(CODE_MEMO_LABEL):
        return "", description[len(CODE_MEMO_LABEL):].strip()
    before, marker, after = description.partition("\n\n" + CODE_MEMO_LABEL)
    return (before.strip(), after.strip()) if marker else (description, "")


def clean_code_name(name: str | None) -> str:
    text = _BAD_NAME.sub(" ", name or "").strip()
    return text.replace("/", "／") or "(unnamed)"


def parse_project(root, package: Package) -> ParsedProject:
    if local_name(root.tag) != "Project":
        raise GovCoderError(f"{package.label}: not a REFI-QDA project (the root element is "
                            f"<{local_name(root.tag)}>, not <Project>)")
    project = ParsedProject(name=root.get("name") or "", origin=root.get("origin") or "",
                            creating_user=_guid(root, "creatingUserGUID"))
    for child in root:
        kind = local_name(child.tag)
        if kind == "Users":
            _users(child, project)
        elif kind == "CodeBook":
            codes = _child(child, "Codes")
            if codes is not None:
                _codes(codes, project)
        elif kind == "Variables":
            for variable in _children(child, "Variable"):
                guid = _guid(variable)
                if guid:
                    project.variables[guid] = (
                        (variable.get("name") or "").strip() or guid,
                        _TYPES.get((variable.get("typeOfVariable") or "text").strip().lower(), "text"),
                    )
        elif kind == "Cases":
            _cases(child, project)
        elif kind == "Sources":
            for source in child:
                _source(source, project, package)
        elif kind == "Notes":
            for note in _children(child, "Note"):
                _note(note, project, package)
        elif kind == "Links":
            notes = {note.guid for note in project.notes}
            for link in _children(child, "Link"):
                origin, target = _guid(link, "originGUID"), _guid(link, "targetGUID")
                if origin in notes and target:
                    project.note_targets.setdefault(origin, []).append(target)
                elif target in notes and origin:
                    project.note_targets.setdefault(target, []).append(origin)
                else:
                    project.skip("links between other objects", names=[_label(link)])
        elif kind == "Sets":
            _sets(child, project)
        elif kind == "Graphs":
            graphs = _children(child, "Graph")
            project.skip("graphs", len(graphs), names=[_label(graph) for graph in graphs])
        elif kind == "Description":
            project.description = child.text or ""
        elif kind == "NoteRef":
            if _guid(child, "targetGUID"):
                project.project_notes.append(_guid(child, "targetGUID"))
    return project


def _label(element) -> str:
    """How a skipped element is named in the report: its name, else its GUID."""
    return (element.get("name") or "").strip() or element.get("guid") or "(unnamed)"


def _users(element, project: ParsedProject) -> None:
    for user in _children(element, "User"):
        guid = _guid(user)
        if guid is None:
            project.warnings.append(f"a user without a valid GUID ({user.get('guid')!r}) was left out")
            continue
        name = (user.get("name") or user.get("id") or "").strip() or f"user-{guid[:8]}"
        project.users.append(CoderData(guid=guid, name=name))


def _codes(codes, project: ParsedProject) -> None:
    """The code tree, parents before children, without recursion (the XML's nesting is the tree)."""
    seen: dict[str, str] = {}  # GUID -> the name of the code that has it
    pending = [(element, None, position) for position, element in reversed(list(enumerate(_children(codes, "Code"))))]
    while pending:
        element, parent, position = pending.pop()
        guid = _code(element, parent, position, project, seen)
        pending.extend((child, guid, number)
                       for number, child in reversed(list(enumerate(_children(element, "Code")))))


def _code(element, parent: str | None, position: int, project: ParsedProject, seen: dict[str, str]) -> str:
    guid = _guid(element)
    raw_name = element.get("name")
    name = clean_code_name(raw_name)
    if raw_name is not None and name != raw_name.strip():
        project.warnings.append(f"code {raw_name!r} renamed {name!r} (a code name has no / and no line breaks)")
    if guid is None:
        project.warnings.append(f"code {name!r} has no valid GUID ({element.get('guid')!r}); given a new one")
        guid = new_guid()
    elif guid in seen:
        # The nesting says where this code and its sub-codes belong; only references by GUID (codings,
        # notes) are ambiguous, and they stay with the first code.
        fresh = new_guid()
        project.repairs.append(Repair(
            "duplicate code GUID", f"{name!r} and {seen[guid]!r} both have the GUID {guid}",
            f"the second imported as a new code with the GUID {fresh}, its sub-codes under it; codings and "
            f"notes naming {guid} go to {seen[guid]!r}"))
        guid = fresh
    seen[guid] = name
    codable = (element.get("isCodable") or "true").strip().lower() not in ("false", "0")
    # GovCoder (and its .qdc) writes English name, guidance and keywords as labelled lines after the
    # definition; the codebook module reads them back the same way.
    entry = CodeEntry(name=name)
    split_description(_text_of(element, "Description").replace("\r\n", "\n"), entry)
    entry.description, memo = split_code_memo(entry.description)
    if memo:
        project.code_memos[guid] = memo
    project.codes.append(CodeData(
        guid=guid, name=name, parent=parent, description=entry.description, english=entry.english,
        keywords=entry.keywords, guidance=entry.guidance, colour=normalise_colour(element.get("color")),
        codable=codable, position=position,
    ))
    for ref in _children(element, "NoteRef"):
        target = _guid(ref, "targetGUID")
        if target:
            project.note_targets.setdefault(target, []).append(guid)
    return guid


def _values(element) -> list[tuple[str | None, str, str | None]]:
    found = []
    for holder in _children(element, "VariableValue"):
        ref = _child(holder, "VariableRef")
        variable = _guid(ref, "targetGUID") if ref is not None else None
        kind, value = "text", None
        for child in holder:
            name = local_name(child.tag)
            if name in _VALUE_TYPES:
                kind, value = _VALUE_TYPES[name], (child.text or "").strip()
                if kind == "boolean":
                    value = "true" if value.lower() in ("true", "1") else "false"
        found.append((variable, kind, value))
    return found


def _cases(element, project: ParsedProject) -> None:
    for case in _children(element, "Case"):
        values = [(variable, kind, value) for variable, kind, value in _values(case)]
        sources = [_guid(ref, "targetGUID") for ref in _children(case, "SourceRef")]
        name = (case.get("name") or "").strip()
        labelled = [AttributeData(project.variables.get(variable, (variable or "variable", kind))[0], kind, value)
                    for variable, kind, value in values]
        # Whether its sources exist is known only once every source is read (placement.py): kept here.
        project.cases.append(RawCase(guid=_guid(case), name=name, description=_text_of(case, "Description"),
                                     sources=[source for source in sources if source], values=labelled))
        for source in filter(None, sources):
            items = project.case_attributes.setdefault(source, [])
            if name:
                items.append(AttributeData("case", "text", name))
            items.extend(labelled)


def _sets(element, project: ParsedProject) -> None:
    for member_set in _children(element, "Set"):
        name = (member_set.get("name") or "").strip() or "set"
        sources = [_guid(ref, "targetGUID") for ref in _children(member_set, "MemberSource")]
        for source in filter(None, sources):
            project.set_attributes.setdefault(source, []).append(AttributeData(f"set: {name}", "boolean", "true"))
        others = len(_children(member_set, "MemberCode")) + len(_children(member_set, "MemberNote"))
        if others:
            project.skip("set members that are codes or notes", others, names=[f"{name} ({others})"])


def _coding(element) -> RawCoding:
    code = None
    notes: list[str] = []
    for child in element:
        name = local_name(child.tag)
        if name == "CodeRef":
            code = _guid(child, "targetGUID")
        elif name == "NoteRef":
            ref = _guid(child, "targetGUID")
            if ref:
                notes.append(ref)
    return RawCoding(guid=_guid(element), code=code, user=_guid(element, "creatingUser"),
                     created=parse_datetime(element.get("creationDateTime")), notes=notes)


def _selection(element) -> RawSelection:
    description = ""
    codings: list[RawCoding] = []
    notes: list[str] = []
    for child in element:
        name = local_name(child.tag)
        if name == "Coding":
            codings.append(_coding(child))
        elif name == "Description":
            description = child.text or ""
        elif name == "NoteRef":
            ref = _guid(child, "targetGUID")
            if ref:
                notes.append(ref)
    get = element.get
    return RawSelection(
        guid=_guid(element), start=_int(get("startPosition")), end=_int(get("endPosition")),
        name=get("name") or "", description=description, user=_guid(element, "creatingUser"),
        created=parse_datetime(get("creationDateTime")), modified=parse_datetime(get("modifiedDateTime")),
        codings=codings, notes=notes,
    )


def _note_refs(element) -> list[str]:
    return [g for g in (_guid(ref, "targetGUID") for ref in _children(element, "NoteRef")) if g]


def _load_text(source: RawSource, element, package: Package) -> None:
    content = _child(element, "PlainTextContent")
    path = element.get("plainTextPath")
    if path:
        source.path = path
        # The specification writes `internal://NAME`; some writers (the `qc` tool) give the bare name
        # of a file that sits in the package's sources folder. Anything with another scheme or an
        # absolute path is outside the package.
        lowered = path.lower()
        bare = "://" not in path and not path.startswith(("/", "\\")) and not (len(path) > 1 and path[1] == ":")
        if lowered.startswith("internal://") or bare:
            data = package.read_internal(path)
            if data is None:
                source.missing = f"{path} is not in the package"
            else:
                source.text, source.encoding = decode_text(data)
            return
        source.missing = f"{path} is outside the package (GovCoder reads only embedded sources)"
        return
    if content is not None:
        source.text, source.encoding = content.text or "", "xml"
        return
    source.missing = "no text (neither plainTextPath nor PlainTextContent)"


def _text_source(element, project: ParsedProject, package: Package, kind: str, name: str | None = None,
                 guid: str | None = None) -> RawSource:
    source = RawSource(
        guid=guid or _guid(element), name=(name or element.get("name") or "").strip(), kind=kind,
        user=_guid(element, "creatingUser"), created=parse_datetime(element.get("creationDateTime")),
        description=_text_of(element, "Description"),
    )
    _load_text(source, element, package)
    source.selections = [_selection(selection) for selection in element.iterchildren("{*}PlainTextSelection")]
    source.codings = [_coding(coding) for coding in _children(element, "Coding")]
    source.notes = _note_refs(element)
    source.values = _values(element)
    return source


_MEDIA_SELECTIONS = {"PictureSource": "PictureSelection", "PDFSource": "PDFSelection",
                     "AudioSource": "AudioSelection", "VideoSource": "VideoSelection"}


def _source(element, project: ParsedProject, package: Package) -> None:
    kind = local_name(element.tag)
    if kind == "TextSource":
        project.sources.append(_text_source(element, project, package, kind))
        return
    if kind not in _MEDIA_SELECTIONS:
        return
    name = (element.get("name") or "").strip()
    media_codings = [_coding(coding) for selection in _children(element, _MEDIA_SELECTIONS[kind])
                     for coding in _children(selection, "Coding")]
    representation = _child(element, "Representation") if kind == "PDFSource" else None
    if representation is not None:
        # A PDF's text representation is a text source: import it under the PDF's name and GUID.
        source = _text_source(representation, project, package, kind, name=name, guid=_guid(element))
        source.notes += _note_refs(element)
        source.values += _values(element)
        source.codings += [_coding(coding) for coding in _children(element, "Coding")]
    else:
        source = RawSource(guid=_guid(element), name=name, kind=kind,
                           missing=f"a {kind.removesuffix('Source').lower()} source: GovCoder codes text only",
                           codings=[_coding(coding) for coding in _children(element, "Coding")],
                           notes=_note_refs(element), values=_values(element))
    source.other_codings = media_codings
    project.sources.append(source)


def _note(element, project: ParsedProject, package: Package) -> None:
    text = ""
    content = _child(element, "PlainTextContent")
    if content is not None:
        text = content.text or ""
    elif element.get("plainTextPath", "").lower().startswith("internal://"):
        data = package.read_internal(element.get("plainTextPath"))
        text = decode_text(data)[0] if data is not None else ""
    description = _text_of(element, "Description")
    if description and text:
        text = f"{description}\n\n{text}"
    elif description:
        text = description
    span = _child(element, "PlainTextSelection")
    project.notes.append(RawNote(
        guid=_guid(element), name=(element.get("name") or "").strip(), text=text.replace("\r\n", "\n"),
        user=_guid(element, "creatingUser"), created=parse_datetime(element.get("creationDateTime")),
        modified=parse_datetime(element.get("modifiedDateTime")),
        start=_int(span.get("startPosition")) if span is not None else None,
        end=_int(span.get("endPosition")) if span is not None else None,
    ))
