"""Placing a REFI-QDA file's codings on our texts: choosing what its positions count, exactly.

The unit is chosen once per file. The origin program gives the first guess (NVivo: UTF-16 code units
with CRLF as two; ATLAS.ti: code points with CRLF as one; MAXQDA, QualCoder, GovCoder and unknown
programs: code points as the specification says, over the file's characters). The guess is then
checked against the file's selections (all of them, or an even sample of 5,000) under each reading:
a reading that puts more selections exactly where their names (the quoted text, for ATLAS.ti and
GovCoder) say, or that places more of them at all (not splitting a character), wins; failing that,
one whose spans start and end on clearly more word or line boundaries. Every coding is then placed
under the chosen reading; one that has no exact place is reported, never moved.
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop_app.core.interchange.model import (
    AnnotationData,
    AttributeData,
    CodeData,
    CoderData,
    DocumentData,
    MemoData,
    ProjectData,
)
from desktop_app.core.interchange.positions import (
    CODE_POINTS,
    CODE_POINTS_CRLF2,
    READINGS,
    UTF16_CRLF2,
    Reading,
    UnitMap,
    astral_indexes,
    boundary_score,
    normalise_newlines,
)
from desktop_app.core.interchange.qde_read import ParsedProject, RawCoding, RawSelection, RawSource
from desktop_app.core.interchange.qde_write import AUTHOR_SEPARATOR
from desktop_app.core.interchange.reports import ImportReport, UnplacedCoding
from desktop_app.core.interchange.xmltools import normalise_guid, parse_date
from desktop_app.core.store.models import new_guid
from desktop_app.core.text.pipeline import content_hash
from desktop_app.core.text.script import detect_script

FALLBACK_CODER = "imported"
# A span note (a Note on a PlainTextSelection, as QualCoder writes one) becomes an annotation with the
# note as its memo under this code, so that it keeps its span; one GUID for the code in every project.
NOTES_CODE = "Notes"
NOTES_CODE_GUID = "6e6f7465-7300-4c00-8000-676f76636f64"


def prior_reading(origin: str) -> tuple[Reading, str]:
    lowered = origin.lower()
    if "govcoder" in lowered:
        if "target nvivo" in lowered:
            return UTF16_CRLF2, "GovCoder's NVivo target"
        return CODE_POINTS_CRLF2, "GovCoder"
    if "nvivo" in lowered:
        return UTF16_CRLF2, "NVivo counts UTF-16 code units"
    if "atlas" in lowered:
        return CODE_POINTS, "ATLAS.ti counts CRLF as one"
    return CODE_POINTS_CRLF2, "the REFI-QDA specification: code points"


@dataclass
class _Text:
    source: RawSource
    text: str
    maps: dict[Reading, UnitMap]
    crlf: list[int]
    astral: list[int]


def _squash(text: str) -> str:
    return "".join(text.split())


def _name_matches(name: str, quote: str) -> bool:
    wanted = name.rstrip("…").removesuffix("...")
    if len(wanted) >= 2 and quote.startswith(wanted):
        return True
    wanted = _squash(wanted)
    return len(wanted) >= 2 and _squash(quote).startswith(wanted)


def _place(units: UnitMap, start: int | None, end: int | None) -> tuple[int, int] | None:
    if start is None or end is None:
        return None
    s, e = units.to_index(start), units.to_index(end)
    if s is None or e is None or e <= s:
        return None
    return s, e


_SAMPLE = 5000  # selections enough to tell the readings apart; more only costs time


def choose_reading(texts: list[_Text], prior: Reading) -> tuple[Reading, str]:
    scores: dict[Reading, list[int]] = {reading: [0, 0, 0] for reading in READINGS}
    stride = max(1, sum(len(item.source.selections) for item in texts) // _SAMPLE)
    for item in texts:
        sample = item.source.selections[::stride]
        if not sample:
            continue
        # Readings that cannot differ on this text (no CRLF, nothing outside the BMP) share one count.
        groups: dict[Reading, list[Reading]] = {}
        for reading in READINGS:
            canonical = Reading(reading.utf16 and bool(item.astral), reading.crlf_as_two and bool(item.crlf))
            groups.setdefault(canonical, []).append(reading)
        for members in groups.values():
            units = item.maps[members[0]]
            names = placed = boundary = 0
            text = item.text
            for selection in sample:
                span = _place(units, selection.start, selection.end)
                if span is None:
                    continue
                placed += 1
                if selection.name and _name_matches(selection.name, text[span[0]:span[1]]):
                    names += 1
                boundary += boundary_score(text, *span)
            for reading in members:
                total = scores[reading]
                total[0] += names
                total[1] += placed
                total[2] += boundary
    selections = sum(len(item.source.selections[::stride]) for item in texts)
    best = max(scores[r][:2] for r in READINGS)
    tied = [r for r in READINGS if scores[r][:2] == best]
    if prior in tied:
        margin = max(2, selections // 10)
        better = [r for r in tied if scores[r][2] >= scores[prior][2] + margin]
        if not better:
            return prior, "as its origin says"
        chosen = max(better, key=lambda r: scores[r][2])
        return chosen, (f"not {prior.label} as its origin suggests: {scores[chosen][2]} of "
                        f"{2 * selections} span ends fall on word or line boundaries, against "
                        f"{scores[prior][2]}")
    chosen = tied[0] if len(tied) == 1 else max(tied, key=lambda r: scores[r][2])
    names, placed, _ = scores[chosen]
    return chosen, (f"not {prior.label} as its origin suggests: this reading places {placed} of "
                    f"{selections} selections exactly ({names} on their quoted text), against "
                    f"{scores[prior][1]} ({scores[prior][0]})")


def build_project_data(parsed: ParsedProject, report: ImportReport) -> ProjectData:
    data = ProjectData(name=parsed.name or "imported project")
    data.codes = parsed.codes
    code_guids = {code.guid for code in parsed.codes}
    paths = data.code_paths()
    data.coders = list(parsed.users)
    user_guids = {user.guid for user in parsed.users}
    fallback: list[str] = []

    def coder_for(*candidates: str | None) -> str:
        for guid in candidates:
            if guid and guid in user_guids:
                return guid
        for guid in candidates:  # a user the file names but does not list
            if guid:
                data.coders.append(CoderData(guid=guid, name=f"user-{guid[:8]}"))
                user_guids.add(guid)
                return guid
        if not fallback:
            guid = new_guid()
            data.coders.append(CoderData(guid=guid, name=FALLBACK_CODER))
            user_guids.add(guid)
            fallback.append(guid)
        return fallback[0]

    # Texts, and the reading of positions.
    texts: list[_Text] = []
    for source in parsed.sources:
        if source.text is None:
            continue
        text, crlf = normalise_newlines(source.text)
        astral = astral_indexes(text)
        maps = {reading: UnitMap(text, reading, crlf=crlf, astral=astral) for reading in READINGS}
        texts.append(_Text(source, text, maps, crlf, astral))
    prior, why = prior_reading(parsed.origin)
    reading, note = choose_reading(texts, prior) if texts else (prior, "")
    report.position_unit = reading.label
    report.position_note = note if note != "as its origin says" else why

    notes = {note.guid: note for note in parsed.notes if note.guid}
    note_owner: dict[str, list[str]] = {guid: list(targets) for guid, targets in parsed.note_targets.items()}
    for guid in parsed.project_notes:
        note_owner.setdefault(guid, []).append("project")
    attached: set[str] = set()
    document_of_source: dict[str, str] = {}
    selection_memo_owner: dict[str, list[AnnotationData]] = {}
    selection_document: dict[str, str] = {}
    placed_source: dict[str, tuple[UnitMap, str, str]] = {}  # source GUID -> (units, text, document GUID)
    descriptions: list[MemoData] = []  # kept unless a note on the same thing says the same

    def unplaced(source: RawSource, coding: RawCoding | None, start, end, reason, selection=None) -> None:
        code = coding.code if coding else None
        report.unplaced.append(UnplacedCoding(
            document=source.name or (source.guid or "?"), code=paths.get(code, code) if code else None,
            start=start, end=end, reason=reason, selection=selection))

    def annotation_memo(selection: RawSelection) -> str:
        return selection.description.replace("\r\n", "\n")

    by_source = {id(item.source): item for item in texts}
    for source in parsed.sources:
        item = by_source.get(id(source))
        if item is None:
            report.skipped["sources without text"] = report.skipped.get("sources without text", 0) + 1
            report.warnings.append(f"source {source.name or source.guid!r} not imported: {source.missing}")
            for selection in source.selections:
                for coding in selection.codings:
                    unplaced(source, coding, selection.start, selection.end, f"no text: {source.missing}",
                             selection.guid)
                if selection.description:  # keep what a researcher wrote, even without the text
                    data.memos.append(MemoData(
                        guid=new_guid(), kind="project",
                        title=f"{source.name or source.guid}, selection {selection.start}-{selection.end}: "
                              f"{selection.name[:40]}",
                        text=annotation_memo(selection), created_at=selection.created,
                        updated_at=selection.modified))
            for coding in source.codings + source.other_codings:
                unplaced(source, coding, None, None, f"no text: {source.missing}")
            continue
        guid = source.guid or new_guid()
        # A source named by its own GUID is one GovCoder exported without a title.
        title = "" if source.name and normalise_guid(source.name) == source.guid else (source.name or "(untitled)")
        document = DocumentData(guid=guid, title=title, text=item.text,
                                original_text=item.text, encoding=source.encoding,
                                source_path=source.path,
                                content_hash=content_hash(item.text), script=detect_script(item.text),
                                imported_at=source.created)
        _attributes(document, source, parsed)
        data.documents.append(document)
        if source.guid:
            document_of_source[source.guid] = guid
        units = item.maps[reading]
        if source.guid:
            placed_source[source.guid] = (units, item.text, guid)
        for selection in source.selections:
            span = _place(units, selection.start, selection.end)
            if selection.guid:
                selection_document[selection.guid] = guid
            if not selection.codings:
                if selection.description or selection.notes:
                    where = f"[{span[0]}, {span[1]})" if span else f"at {selection.start}-{selection.end} (file units)"
                    quote = item.text[span[0]:span[1]] if span else selection.name
                    data.memos.append(MemoData(
                        guid=new_guid(), kind="document", document=guid,
                        title=f"Selection {where}: {quote[:40]}", text=annotation_memo(selection),
                        coder=coder_for(selection.user) if selection.user else None,
                        created_at=selection.created, updated_at=selection.modified))
                else:
                    report.skipped["selections without a code"] = report.skipped.get("selections without a code", 0) + 1
                continue
            if span is None:
                reason = _why_not(units, selection, len(item.text))
                for coding in selection.codings:
                    unplaced(source, coding, selection.start, selection.end, reason, selection.guid)
                continue
            made: list[AnnotationData] = []
            for number, coding in enumerate(selection.codings):
                if coding.code is None or coding.code not in code_guids:
                    unplaced(source, coding, selection.start, selection.end,
                             "refers to a code that is not in the file's codebook", selection.guid)
                    continue
                annotation_guid = (selection.guid if number == 0 and selection.guid else coding.guid) or new_guid()
                made.append(AnnotationData(
                    guid=annotation_guid, document=guid, code=coding.code,
                    coder=coder_for(coding.user, selection.user, source.user, parsed.creating_user),
                    start=span[0], end=span[1], quote=item.text[span[0]:span[1]],
                    memo=annotation_memo(selection), created_at=coding.created or selection.created,
                    updated_at=selection.modified or coding.created or selection.created))
                for ref in coding.notes:
                    note_owner.setdefault(ref, []).append(annotation_guid)
            data.annotations.extend(made)
            if selection.guid:
                selection_memo_owner[selection.guid] = made
            for ref in selection.notes:
                note_owner.setdefault(ref, []).append(selection.guid or "")
        for coding in source.codings:
            if coding.code not in code_guids:
                unplaced(source, coding, None, None, "refers to a code that is not in the file's codebook")
            elif not item.text:
                unplaced(source, coding, None, None, "codes an empty text")
            else:
                annotation = AnnotationData(
                    guid=coding.guid or new_guid(), document=guid, code=coding.code,
                    coder=coder_for(coding.user, source.user, parsed.creating_user), start=0,
                    end=len(item.text), quote=item.text, created_at=coding.created, updated_at=coding.created)
                data.annotations.append(annotation)
                if coding.guid:
                    selection_memo_owner[coding.guid] = [annotation]
                for ref in coding.notes:
                    note_owner.setdefault(ref, []).append(coding.guid or "")
        for coding in source.other_codings:
            unplaced(source, coding, None, None, f"codes an area of a {source.kind.removesuffix('Source')}: "
                     "GovCoder codes text only")
        for ref in source.notes:
            note_owner.setdefault(ref, []).append(source.guid or "")
        if source.description:
            descriptions.append(MemoData(guid=new_guid(), kind="document", document=guid, title="Description",
                                         text=source.description.replace("\r\n", "\n")))

    # Notes: on a selection they join its annotations' memos; on a source, a code or the project they
    # are memos there; a note about anything else (a picture area, a link) becomes a project memo.
    by_annotation = {annotation.guid: annotation for annotation in data.annotations}
    for note_guid, note in notes.items():
        targets = note_owner.get(note_guid) or ["project"]
        for target in targets:
            coder = coder_for(note.user) if note.user else None
            owners = selection_memo_owner.get(target)
            if owners is None and target in by_annotation:
                owners = [by_annotation[target]]
            if note.start is not None and target in placed_source:
                if _span_note(data, note, placed_source[target], coder, report):
                    attached.add(note_guid)
                    continue
            if owners:
                heading = f"{note.name}: " if note.name else ""
                for annotation in owners:
                    annotation.memo = (annotation.memo + "\n\n" if annotation.memo else "") + heading + note.text
                attached.add(note_guid)
                continue
            if target in document_of_source or target in selection_document:
                data.memos.append(MemoData(guid=_fresh(note_guid, attached), kind="document",
                                           document=document_of_source.get(target) or selection_document[target],
                                           title=note.name,
                                           text=note.text, coder=coder, created_at=note.created,
                                           updated_at=note.modified))
            elif target in code_guids:
                data.memos.append(MemoData(guid=_fresh(note_guid, attached), kind="code", code=target,
                                           title=note.name, text=note.text, coder=coder,
                                           created_at=note.created, updated_at=note.modified))
            else:
                data.memos.append(MemoData(guid=_fresh(note_guid, attached), kind="project", title=note.name,
                                           text=note.text, coder=coder, created_at=note.created,
                                           updated_at=note.modified))
            attached.add(note_guid)
    if parsed.description:
        descriptions.append(MemoData(guid=new_guid(), kind="project", title="Project description",
                                     text=parsed.description.replace("\r\n", "\n")))
    for guid, text in parsed.code_memos.items():
        descriptions.append(MemoData(guid=new_guid(), kind="code", code=guid, title="Memo", text=text))
    _add_descriptions(data, descriptions)
    _cases(data, parsed, document_of_source, report)
    for what, count in parsed.skipped.items():
        report.skipped[what] = report.skipped.get(what, 0) + count
    for what, names in parsed.skipped_names.items():
        report.skipped_names.setdefault(what, []).extend(names)
    report.warnings.extend(parsed.warnings)
    report.repairs.extend(parsed.repairs)
    _drop_source_only_users(data, parsed, report)
    return data


def _drop_source_only_users(data: ProjectData, parsed: ParsedProject, report: ImportReport) -> None:
    """A user who only created sources (QualCoder's "default" on a file GovCoder wrote) would be a coder
    with nothing in GovCoder, whose documents have no creator: reported instead of added."""
    made = {item.coder for item in (*data.annotations, *data.memos, *data.statuses) if item.coder}
    creators = {source.user for source in parsed.sources if source.user}
    idle = [coder for coder in data.coders if coder.guid in creators and coder.guid not in made]
    if idle:
        data.coders = [coder for coder in data.coders if coder not in idle]
        what = "users who only created sources (no coder added)"
        report.skipped[what] = report.skipped.get(what, 0) + len(idle)
        report.skipped_names.setdefault(what, []).extend(coder.name for coder in idle)


def _span_note(data: ProjectData, note, placed: tuple[UnitMap, str, str], coder: str | None,
               report: ImportReport) -> bool:
    """A note on a span of a source: an annotation under the Notes code, its memo the note."""
    units, text, document = placed
    start, end = units.to_index(note.start), units.to_index(note.end) if note.end is not None else None
    if start is None or end is None or not (0 <= start < end <= len(text)):
        report.warnings.append(f"note {note.name or note.guid!r} on [{note.start}, {note.end}) has no exact "
                               "place in its source; kept as a document memo without its span")
        return False
    if not any(code.guid == NOTES_CODE_GUID for code in data.codes):
        data.codes.append(CodeData(guid=NOTES_CODE_GUID, name=NOTES_CODE, colour="#FFD54F", position=len(data.codes),
                                   description="Notes on a span written in another program (a REFI-QDA Note "
                                               "with a PlainTextSelection): the note is the annotation's memo."))
    heading = f"{note.name}: " if note.name else ""
    data.annotations.append(AnnotationData(
        guid=note.guid or new_guid(), document=document, code=NOTES_CODE_GUID, coder=coder or _any_coder(data),
        start=start, end=end, quote=text[start:end], memo=heading + note.text, created_at=note.created,
        updated_at=note.modified or note.created))
    report.span_notes += 1
    return True


def _any_coder(data: ProjectData) -> str:
    if not data.coders:
        data.coders.append(CoderData(guid=new_guid(), name=FALLBACK_CODER))
    return data.coders[0].guid


def _add_descriptions(data: ProjectData, descriptions: list[MemoData]) -> None:
    """Descriptions of the project, sources and codes become memos, except where they repeat the notes
    on the same thing (GovCoder writes a memo both ways, as Note and as Description)."""
    def owner(memo: MemoData):
        return memo.kind, memo.document if memo.kind == "document" else memo.code if memo.kind == "code" else None

    said: dict[tuple, list[str]] = {}
    for memo in data.memos:
        said.setdefault(owner(memo), []).append(memo.text.strip())
    for memo in descriptions:
        texts = said.get(owner(memo), [])
        text = memo.text.strip()
        if not text or text in texts or text == "\n\n".join(texts):
            continue
        data.memos.append(memo)


def _cases(data: ProjectData, parsed: ParsedProject, document_of_source: dict[str, str],
           report: ImportReport) -> None:
    """Cases give their variables to their documents (while reading); here their descriptions become
    memos of those documents, and a case none of whose sources is in the file is kept as a project memo
    and named in the report."""
    for case in parsed.cases:
        documents = [document_of_source[source] for source in case.sources if source in document_of_source]
        name = case.name or case.guid or "(unnamed case)"
        if documents:
            if case.description:
                for document in documents:
                    data.memos.append(MemoData(guid=new_guid(), kind="document", document=document,
                                               title=f"Case {name}", text=case.description))
            continue
        if not (case.values or case.description or case.name):
            continue
        lines = [f"{value.key}: {value.value}" for value in case.values]
        text = "\n".join(filter(None, [case.description, *lines]))
        data.memos.append(MemoData(guid=new_guid(), kind="project", title=f"Case {name} (no document)", text=text))
        what = "cases whose documents are not in the file (kept as project memos)"
        report.skipped[what] = report.skipped.get(what, 0) + 1
        report.skipped_names.setdefault(what, []).append(
            f"{name} ({', '.join(case.sources) or 'no SourceRef'})")


def _fresh(guid: str, used: set[str]) -> str:
    """A note attached to several things becomes several memos; only the first keeps its GUID."""
    return new_guid() if guid in used else guid


def _why_not(units: UnitMap, selection: RawSelection, length: int) -> str:
    if selection.start is None or selection.end is None:
        return "the selection has no valid start or end position"
    s, e = units.to_index(selection.start), units.to_index(selection.end)
    if selection.start < 0 or (s is None and selection.start > units.total_units) or (
            e is None and selection.end > units.total_units):
        return f"outside the text ({units.total_units} units long)"
    if s is None or e is None:
        return "a position falls inside a character (between the two halves of a UTF-16 surrogate pair)"
    return "the selection is empty or ends before it starts"


def _attributes(document: DocumentData, source: RawSource, parsed: ParsedProject) -> None:
    found: dict[str, AttributeData] = {}

    def add(key: str, kind: str, value: str | None) -> None:
        key = key.strip()[:200] or "variable"
        if key == "govcoder.outlet":
            document.outlet = value
        elif key == "govcoder.published" and parse_date(value):
            document.published = parse_date(value)
        elif key == "govcoder.authors":
            document.authors = [name.strip() for name in (value or "").split(AUTHOR_SEPARATOR.strip())
                                if name.strip()]
        elif key == "govcoder.url":
            document.url = value
        elif key in found:
            previous = found[key]
            if previous.value != value and value:
                found[key] = AttributeData(key, "text", f"{previous.value}; {value}" if previous.value else value)
        else:
            found[key] = AttributeData(key, kind, value)

    for variable, kind, value in source.values:
        name, declared = parsed.variables.get(variable, (variable or "variable", kind))
        add(name, kind if value is not None else declared, value)
    for attribute in parsed.case_attributes.get(source.guid or "", []):
        add(attribute.key, attribute.type, attribute.value)
    for attribute in parsed.set_attributes.get(source.guid or "", []):
        add(attribute.key, attribute.type, attribute.value)
    document.attributes = list(found.values())
