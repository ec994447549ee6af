"""REFI-QDA codebook (.qdc) export, valid against Codebook-mrt2019.xsd.

The schema's Code has a name, a GUID, isCodable, a colour and a Description. GovCoder's English name,
guidance and keywords travel in the Description after the definition, one labelled line each, so that
another program shows them and a GovCoder import reads them back (see qdc_read.split_description).
"""

from __future__ import annotations

import uuid

from lxml import etree

from desktop_app.core.codebook.entries import CodeEntry
from desktop_app.core.codebook.merge import GUID
from desktop_app.core.errors import GovCoderError

NAMESPACE = "urn:QDA-XML:codebook:1.0"
LABELS = {"english": "English: ", "use_when": "Use when: ", "not_when": "Not when: ",
          "keywords": "Keywords: ", "example": "Example: "}


def description_with_guidance(entry: CodeEntry) -> str:
    lines = []
    if entry.english:
        lines.append(LABELS["english"] + _one_line(entry.english))
    for key in ("use_when", "not_when"):
        if entry.guidance.get(key):
            lines.append(LABELS[key] + _one_line(entry.guidance[key]))
    if entry.keywords:
        lines.append(LABELS["keywords"] + "; ".join(_one_line(k) for k in entry.keywords))
    for example in entry.guidance.get("examples") or []:
        source = f" (source: {_one_line(example['source'])})" if example.get("source") else ""
        lines.append(LABELS["example"] + _one_line(example["quote"]) + source)
    text = entry.description.strip()
    if lines:
        text = (text + "\n\n" if text else "") + "\n".join(lines)
    return text


def codebook_qdc_bytes(entries: list[CodeEntry]) -> bytes:
    if not entries:
        raise GovCoderError("the codebook is empty: a REFI-QDA codebook needs at least one code")
    root = etree.Element(f"{{{NAMESPACE}}}CodeBook", nsmap={None: NAMESPACE}, origin="GovCoder")
    codes = etree.SubElement(root, f"{{{NAMESPACE}}}Codes")
    pending = [(codes, entry) for entry in reversed(entries)]
    while pending:  # depth first without recursion: a tree of any depth writes
        parent, entry = pending.pop()
        element = _add(parent, entry)
        pending.extend((element, child) for child in reversed(entry.children))
    return etree.tostring(root, xml_declaration=True, encoding="utf-8", pretty_print=True)


def _add(parent: etree._Element, entry: CodeEntry) -> etree._Element:
    """The entry's Code element, without its sub-codes (which follow its Description)."""
    guid = entry.guid if entry.guid and GUID.fullmatch(entry.guid) else str(uuid.uuid4())
    code = etree.SubElement(parent, f"{{{NAMESPACE}}}Code", guid=guid, name=_xml_safe(entry.name),
                            isCodable="true" if entry.codable else "false")
    if entry.colour:
        code.set("color", entry.colour)
    description = description_with_guidance(entry)
    if description:  # element order is fixed: Description, then child Codes
        etree.SubElement(code, f"{{{NAMESPACE}}}Description").text = _xml_safe(description)
    return code


def _one_line(text: str) -> str:
    return " ".join(str(text).split())


def _xml_safe(text: str) -> str:
    return "".join(c for c in text if c in "\t\n\r" or (ord(c) >= 0x20 and c not in "\ufffe\uffff"))
