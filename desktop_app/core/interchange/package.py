"""Opening a REFI-QDA package (`.qdpx` zip, or a bare `.qde` with its sources folder) as untrusted input.

Refused, each with a one-line GovCoderError and before anything is written: a member path that
escapes the package (absolute, `..`, drive letters, symbolic links), a member larger than the limits
below or compressed more than MAX_RATIO to one, too many members, several or no `.qde` files, and XML
that declares a DTD or entities (the route to entity-expansion attacks). Parsing never touches the
network and never builds a huge tree.
"""

from __future__ import annotations

import stat
import zipfile
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from lxml import etree

from desktop_app.core.errors import GovCoderError


@dataclass(frozen=True)
class Limits:
    member_bytes: int = 512 * 1024 * 1024  # any one member, uncompressed
    total_bytes: int = 2 * 1024 * 1024 * 1024  # all members together
    ratio: int = 200  # uncompressed / compressed, for members above ratio_floor
    ratio_floor: int = 1024 * 1024
    members: int = 200_000


DEFAULT_LIMITS = Limits()
_CHUNK = 1024 * 1024


def _unsafe_member(name: str) -> bool:
    if not name or name.startswith(("/", "\\")) or "\x00" in name:
        return True
    if len(name) > 1 and name[1] == ":":
        return True
    parts = name.replace("\\", "/").split("/")
    return any(part == ".." for part in parts)


@dataclass
class Package:
    """The project XML and a way to read the files it embeds."""

    label: str
    qde_name: str
    qde: bytes
    _zip: zipfile.ZipFile | None = None
    _members: dict[str, zipfile.ZipInfo] = field(default_factory=dict)  # lower-cased name in sources/
    _folder: Path | None = None
    _files: dict[str, Path] = field(default_factory=dict)
    limits: Limits = DEFAULT_LIMITS
    _read_total: int = 0

    def read_internal(self, uri: str) -> bytes | None:
        """The bytes behind `internal://NAME`, None if the package lacks them; refuses escaping names."""
        name = uri.split("://", 1)[1] if "://" in uri else uri
        if _unsafe_member(name):
            raise GovCoderError(f"{self.label}: refused: the source path {uri!r} points outside the package")
        if "/" in name.replace("\\", "/"):
            return None  # sources sit in one flat folder; a nested path names nothing there
        key = name.lower()
        if self._zip is not None:
            info = self._members.get(key)
            return None if info is None else self._read_member(info)
        path = self._files.get(key)
        if path is None:
            return None
        size = path.stat().st_size
        if size > self.limits.member_bytes:
            raise GovCoderError(f"{self.label}: refused: {path.name} is larger than "
                                f"{self.limits.member_bytes // (1024 * 1024)} MB")
        return path.read_bytes()

    def _read_member(self, info: zipfile.ZipInfo) -> bytes:
        assert self._zip is not None
        chunks: list[bytes] = []
        size = 0
        with self._zip.open(info) as handle:
            while True:
                chunk = handle.read(_CHUNK)
                if not chunk:
                    break
                size += len(chunk)
                self._read_total += len(chunk)
                if size > self.limits.member_bytes or self._read_total > self.limits.total_bytes:
                    raise GovCoderError(f"{self.label}: refused: {info.filename} is larger than it declares "
                                        "or than GovCoder accepts")
                chunks.append(chunk)
        return b"".join(chunks)

    def close(self) -> None:
        if self._zip is not None:
            self._zip.close()

    def __enter__(self) -> Package:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def open_package(path: str | Path, limits: Limits = DEFAULT_LIMITS) -> Package:
    source = Path(path)
    if not source.is_file():
        raise GovCoderError(f"no file at {source}")
    if zipfile.is_zipfile(source):
        return _open_zip(source, limits)
    if source.suffix.lower() == ".qdpx":
        raise GovCoderError(f"{source.name} is not a .qdpx package (not a zip file)")
    return _open_bare(source, limits)


def _open_zip(source: Path, limits: Limits) -> Package:
    label = source.name
    try:
        archive = zipfile.ZipFile(source)
    except (zipfile.BadZipFile, OSError) as error:
        raise GovCoderError(f"{label} is not a readable .qdpx package: {error}") from None
    try:
        infos = archive.infolist()
        if len(infos) > limits.members:
            raise GovCoderError(f"{label}: refused: the package holds {len(infos)} files")
        total = 0
        for info in infos:
            if _unsafe_member(info.filename):
                raise GovCoderError(f"{label}: refused: the member {info.filename!r} points outside the package")
            mode = info.external_attr >> 16
            if mode and stat.S_ISLNK(mode):
                raise GovCoderError(f"{label}: refused: the member {info.filename!r} is a symbolic link")
            if info.file_size > limits.member_bytes:
                raise GovCoderError(f"{label}: refused: {info.filename} is "
                                    f"{info.file_size // (1024 * 1024)} MB uncompressed")
            if info.file_size > limits.ratio_floor and info.file_size > limits.ratio * max(info.compress_size, 1):
                raise GovCoderError(f"{label}: refused: {info.filename} is compressed "
                                    f"{info.file_size // max(info.compress_size, 1)} to 1 (a zip bomb?)")
            total += info.file_size
        if total > limits.total_bytes:
            raise GovCoderError(f"{label}: refused: the package unpacks to {total // (1024 * 1024)} MB")
        files = [info for info in infos if not info.is_dir()]
        qdes = [info for info in files if info.filename.lower().endswith(".qde")]
        at_root = [info for info in qdes if "/" not in info.filename.strip("/")]
        chosen = at_root or qdes
        if len(chosen) != 1:
            raise GovCoderError(f"{label}: a .qdpx holds exactly one .qde project file; this one has "
                                f"{len(chosen) or 'none'}")
        qde_info = chosen[0]
        base = str(PurePosixPath(qde_info.filename).parent)
        base = "" if base == "." else base + "/"
        members: dict[str, zipfile.ZipInfo] = {}
        for info in files:
            if not info.filename.startswith(base):
                continue
            relative = info.filename[len(base):]
            folder, _, name = relative.partition("/")
            if folder.lower() == "sources" and name and "/" not in name:
                members.setdefault(name.lower(), info)
        package = Package(label, qde_info.filename, b"", _zip=archive, _members=members, limits=limits)
        package.qde = package._read_member(qde_info)
        return package
    except BaseException:
        archive.close()
        raise


def _open_bare(source: Path, limits: Limits) -> Package:
    label = source.name
    if source.stat().st_size > limits.member_bytes:
        raise GovCoderError(f"{label}: refused: larger than {limits.member_bytes // (1024 * 1024)} MB")
    folder = source.parent
    files: dict[str, Path] = {}
    for candidate in sorted(folder.iterdir()):
        if candidate.is_dir() and candidate.name.lower() == "sources":
            root = candidate.resolve()
            for item in candidate.iterdir():
                resolved = item.resolve()
                if item.is_file() and resolved.is_relative_to(root):
                    files.setdefault(item.name.lower(), resolved)
    return Package(label, source.name, source.read_bytes(), _folder=folder, _files=files, limits=limits)


_DTD_MARKERS = [marker.encode(encoding) for marker in ("<!DOCTYPE", "<!ENTITY")
                for encoding in ("utf-8", "utf-16-le", "utf-16-be")]


def parse_xml(data: bytes, label: str) -> etree._Element:
    """Parse untrusted XML: no DTD, no entities, no network, no huge trees."""
    if any(marker in data for marker in _DTD_MARKERS):
        raise GovCoderError(f"{label}: refused: the XML declares a DTD or entities, which REFI-QDA files "
                            "never need (entity expansion is a known attack)")
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, load_dtd=False,
                             dtd_validation=False, remove_comments=True, remove_pis=True)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as error:
        if "Excessive depth" in str(error):  # libxml2's limit without huge_tree: 256 elements deep
            raise GovCoderError(f"{label}: refused: its XML is nested more than 256 elements deep (a code tree "
                                "that deep is damage, not a codebook)") from None
        raise GovCoderError(f"{label}: not well-formed XML ({error})") from None
    if root.getroottree().docinfo.doctype:
        raise GovCoderError(f"{label}: refused: the XML declares a DTD")
    return root
