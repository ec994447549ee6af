"""Checking an imported project's plain data for what a file can get wrong before anything is written.

A file is untrusted: it can hold what no program should write. Each such thing is either repaired,
and named in the report's `repairs`, or refused with a one-line GovCoderError (nothing is written):

- two documents with one GUID: refused, naming the GUID (annotations and memos refer to documents
  by GUID, so which document each belongs to cannot be known);
- two codes with one GUID: the later gets a new GUID (annotations, memos and sub-codes naming the
  GUID stay with the first);
- a code whose parent is not in the file: attached at the top level;
- codes that are each other's parents (a cycle, a code its own parent): every code of the cycle is
  attached at the top level, no one of them being more the root than another; their other sub-codes
  stay under them;
- a code tree deeper than MAX_CODE_DEPTH levels: refused, naming the deepest code;
- an annotation whose quote differs from the document's text at its span: the text wins, the quote
  is taken from it (a missing quote is taken from it silently);
- two annotations with one GUID: the later gets a new GUID.

All of it runs without recursion, so a hostile tree's depth cannot exhaust the interpreter's stack.
"""

from __future__ import annotations

from desktop_app.core.codebook.tree import MAX_CODE_DEPTH
from desktop_app.core.errors import GovCoderError
from desktop_app.core.interchange.model import CodeData, ProjectData
from desktop_app.core.interchange.reports import ImportReport
from desktop_app.core.store.models import new_guid

_QUOTE_SHOWN = 40  # characters of a quote shown in a repair


def check_project_data(data: ProjectData, report: ImportReport, label: str) -> None:
    """Repair `data` in place or refuse it; what was repaired is added to `report.repairs`."""
    _refuse_duplicate_documents(data, label)
    _duplicate_code_guids(data, report)
    _missing_parents(data, report)
    _parent_cycles(data, report)
    _refuse_deep_trees(data, label)
    _quotes(data, report)
    _duplicate_annotation_guids(data, report)


def code_label(code: CodeData) -> str:
    return f"{code.name!r} ({code.guid})"


def _refuse_duplicate_documents(data: ProjectData, label: str) -> None:
    seen: dict[str, str] = {}
    for document in data.documents:
        if document.guid in seen:
            raise GovCoderError(
                f"{label}: refused: two documents have the GUID {document.guid} ({seen[document.guid]!r} and "
                f"{document.title!r}), so which of them each annotation belongs to cannot be known; give "
                "each document its own GUID in the file and import it again")
        seen[document.guid] = document.title


def _duplicate_code_guids(data: ProjectData, report: ImportReport) -> None:
    first: dict[str, CodeData] = {}
    for code in data.codes:
        earlier = first.get(code.guid)
        if earlier is None:
            first[code.guid] = code
            continue
        fresh = new_guid()
        report.repair("duplicate code GUID", f"{code.name!r} and {earlier.name!r} both have the GUID {code.guid}",
                      f"the second imported as a new code with the GUID {fresh}; annotations, memos and "
                      f"sub-codes naming {code.guid} go to {earlier.name!r}")
        code.guid = fresh
        first[fresh] = code


def _missing_parents(data: ProjectData, report: ImportReport) -> None:
    known = {code.guid for code in data.codes}
    for code in data.codes:
        if code.parent is not None and code.parent not in known:
            if code.parent:  # an empty parent is the top level, as written
                report.repair("missing parent", f"code {code_label(code)} names the parent {code.parent}, "
                              "which is not in the file", "attached at the top level")
            code.parent = None


def _parent_cycles(data: ProjectData, report: ImportReport) -> None:
    """Every cycle of parents, found by walking up from each code once (codes already walked are
    never walked again, so this is linear in the number of codes)."""
    by_guid = {code.guid: code for code in data.codes}
    walk_of: dict[str, int] = {}  # the walk that reached a code first
    for number, code in enumerate(data.codes):
        path: list[str] = []
        current: str | None = code.guid
        while current is not None and current not in walk_of:
            walk_of[current] = number
            path.append(current)
            current = by_guid[current].parent
        if current is None or walk_of[current] != number:
            continue  # reached the top, or a code an earlier walk already went up from
        cycle = [by_guid[guid] for guid in path[path.index(current):]]
        for member in cycle:
            member.parent = None
        names = ", ".join(code_label(member) for member in cycle)
        if len(cycle) == 1:
            report.repair("parent cycle", f"code {names} is its own parent",
                          "attached at the top level; its sub-codes stay under it")
        else:
            report.repair("parent cycle", f"codes {names} are each other's parents (a cycle)",
                          "attached at the top level; their other sub-codes stay under them")


def code_depths(codes: list[CodeData]) -> dict[str, int]:
    """Each code's level (1 at the top), for a tree without cycles."""
    by_guid = {code.guid: code for code in codes}
    depth: dict[str, int] = {}
    for code in codes:
        chain: list[str] = []
        current: str | None = code.guid
        while current is not None and current not in depth:
            chain.append(current)
            current = by_guid[current].parent
        level = depth[current] if current is not None else 0
        for guid in reversed(chain):
            level += 1
            depth[guid] = level
    return depth


def _refuse_deep_trees(data: ProjectData, label: str) -> None:
    depths = code_depths(data.codes)
    if not depths:
        return
    deepest = max(data.codes, key=lambda code: depths[code.guid])
    if depths[deepest.guid] > MAX_CODE_DEPTH:
        raise GovCoderError(
            f"{label}: refused: its code tree is {depths[deepest.guid]} levels deep (code "
            f"{code_label(deepest)}); GovCoder keeps code trees of at most {MAX_CODE_DEPTH} levels, so "
            "move the deepest codes up in the program that wrote the file and export it again")


def _short(text: str) -> str:
    return repr(text if len(text) <= _QUOTE_SHOWN else text[:_QUOTE_SHOWN] + "…")


def _quotes(data: ProjectData, report: ImportReport) -> None:
    documents = {document.guid: document for document in data.documents}
    for annotation in data.annotations:
        document = documents.get(annotation.document)
        if document is None or not (0 <= annotation.start < annotation.end <= len(document.text)):
            continue  # not placed at all: the load reports it
        actual = document.text[annotation.start:annotation.end]
        if annotation.quote and annotation.quote != actual:
            report.repair("quote differs from the text",
                          f"annotation {annotation.guid} in {document.title or document.guid!r} "
                          f"[{annotation.start}, {annotation.end})",
                          f"the file quotes {_short(annotation.quote)} but the text there reads {_short(actual)}; "
                          "the quote is taken from the text")
        annotation.quote = actual


def _duplicate_annotation_guids(data: ProjectData, report: ImportReport) -> None:
    seen: set[str] = set()
    for annotation in data.annotations:
        if annotation.guid in seen:
            fresh = new_guid()
            report.repair("duplicate annotation GUID", f"{annotation.guid} is the GUID of more than one annotation",
                          f"a later one imported with the GUID {fresh}")
            annotation.guid = fresh
        seen.add(annotation.guid)
