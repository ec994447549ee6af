"""Lenient import of REFI-QDA codebooks: `.qdc` files, and the CodeBook of a `.qdpx` project package
or a bare `.qde` project file.

Real files differ from the schema (see ../shared/refi-qda/README.md): other namespaces
(`urn:QDA-XML:codebook:1:0`), colours as rgb() or with alpha, empty containers, braces around GUIDs.
Elements are matched by local name whatever their namespace. Files are untrusted: entities are never
expanded, nothing is fetched from the network, and zip members are size-checked before reading.
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path
from typing import IO

from lxml import etree

from desktop_app.core.codebook.entries import CodeEntry
from desktop_app.core.codebook.qdc_write import LABELS
from desktop_app.core.errors import GovCoderError

MAX_XML_BYTES = 200 * 1024 * 1024
MAX_COMPRESSION_RATIO = 100
EXPECTED_NAMESPACES = {"urn:QDA-XML:codebook:1.0", "urn:QDA-XML:project:1.0"}
_EXAMPLE = re.compile(r"(.*?)(?: \(source: ([^()]*)\))?")


def read_qdc_codebook(path: Path, notes: list[str]) -> list[CodeEntry]:
    """Entries from a .qdc, .qde or .qdpx file."""
    try:
        if zipfile.is_zipfile(path):
            with zipfile.ZipFile(path) as package, _open_project_member(package, path) as stream:
                return _read_codebook(stream, path, notes)
        if path.stat().st_size > MAX_XML_BYTES:
            raise GovCoderError(f"{path} is larger than {MAX_XML_BYTES // 2**20} MB; not read")
        with path.open("rb") as stream:
            return _read_codebook(stream, path, notes)
    except (OSError, zipfile.BadZipFile) as error:
        raise GovCoderError(f"cannot read {path}: {error}") from None


def _open_project_member(package: zipfile.ZipFile, path: Path) -> IO[bytes]:
    candidates = [i for i in package.infolist() if i.filename.lower().endswith(".qde") and "/" not in
                  i.filename.strip("/") and "\\" not in i.filename]
    if not candidates:
        raise GovCoderError(f"{path} holds no .qde project file at its root: not a REFI-QDA package")
    if len(candidates) > 1:
        named = [i for i in candidates if i.filename.lower() == "project.qde"]
        if len(named) != 1:
            raise GovCoderError(f"{path} holds {len(candidates)} .qde files at its root; expected one")
        candidates = named
    info = candidates[0]
    if info.file_size > MAX_XML_BYTES or (
        info.compress_size and info.file_size > 1_000_000 and info.file_size / info.compress_size > MAX_COMPRESSION_RATIO
    ):
        raise GovCoderError(f"{path}: {info.filename} is too large or too compressed to read safely")
    data = package.open(info).read(MAX_XML_BYTES + 1)
    if len(data) > MAX_XML_BYTES:
        raise GovCoderError(f"{path}: {info.filename} is larger than it claims; not read")
    return io.BytesIO(data)


def _read_codebook(stream: IO[bytes], path: Path, notes: list[str]) -> list[CodeEntry]:
    events = etree.iterparse(stream, events=("start", "end"), resolve_entities=False, no_network=True,
                             load_dtd=False, huge_tree=False, remove_comments=True, remove_pis=True)
    root = None
    try:
        for event, element in events:
            if event == "start":
                if root is None:
                    root = element
                    _check_root(element, path, notes)
                continue
            name = _local(element.tag)
            if name == "CodeBook":
                return _codebook(element, notes)
            if element.getparent() is root and _local(root.tag) == "Project":
                element.clear()  # a project's sources, cases, notes ...: not needed, not kept
    except etree.XMLSyntaxError as error:
        raise GovCoderError(f"{path} is not well-formed XML: {error}") from None
    notes.append(f"{path.name} contains no codebook; nothing imported")
    return []


def _check_root(root: etree._Element, path: Path, notes: list[str]) -> None:
    name = _local(root.tag)
    if name not in ("CodeBook", "Project"):
        raise GovCoderError(f"{path} is not a REFI-QDA codebook or project (its root element is {name})")
    namespace = etree.QName(root).namespace or ""
    if namespace not in EXPECTED_NAMESPACES:
        notes.append(f"namespace {namespace or '(none)'!r} is not the standard one; read leniently")
    if root.get("origin"):
        notes.append(f"made by {root.get('origin')}")


def _codebook(codebook: etree._Element, notes: list[str]) -> list[CodeEntry]:
    entries: list[CodeEntry] = []
    for child in codebook:
        if not isinstance(child.tag, str):
            continue
        if _local(child.tag) == "Codes":
            entries.extend(_code(code, notes) for code in child if _is(code, "Code"))
        elif _local(child.tag) == "Sets" and len(child):
            notes.append(f"{len(child)} code set(s) not imported: GovCoder has no code sets")
    return entries


def _code(element: etree._Element, notes: list[str]) -> CodeEntry:
    codable = (element.get("isCodable") or "true").strip().lower() not in ("false", "0")
    entry = CodeEntry(name=element.get("name") or "", colour=element.get("color"), codable=codable,
                      guid=element.get("guid"))
    for child in element:
        if _is(child, "Description"):
            split_description(_own_text(child), entry)
        elif _is(child, "Code"):
            entry.children.append(_code(child, notes))
    return entry


def split_description(text: str, entry: CodeEntry) -> None:
    """The definition, and the labelled lines GovCoder writes after it (English:, Use when:, ...)."""
    lines = text.rstrip().split("\n")
    labelled: list[str] = []
    while lines and any(lines[-1].startswith(label) for label in LABELS.values()):
        labelled.insert(0, lines.pop())
    if not labelled:
        entry.description = text.strip()
        return
    entry.description = "\n".join(lines).strip()
    examples = []
    for line in labelled:
        key = next(k for k, label in LABELS.items() if line.startswith(label))
        value = line[len(LABELS[key]):].strip()
        if key == "english":
            entry.english = value or None
        elif key == "keywords":
            entry.keywords = [k.strip() for k in value.split(";") if k.strip()]
        elif key == "example":
            match = _EXAMPLE.fullmatch(value)
            assert match is not None
            examples.append({"quote": match.group(1), "source": match.group(2) or ""})
        elif value:
            entry.guidance[key] = value
    if examples:
        entry.guidance["examples"] = examples


def _own_text(element: etree._Element) -> str:
    """The element's text, skipping any entity reference rather than expanding it (XPath's string()
    would walk into the entity's definition)."""
    return (element.text or "") + "".join(node.tail or "" for node in element)


def _local(tag: object) -> str:
    return etree.QName(tag).localname if isinstance(tag, str) else ""


def _is(element: etree._Element, name: str) -> bool:
    return isinstance(element.tag, str) and _local(element.tag) == name
