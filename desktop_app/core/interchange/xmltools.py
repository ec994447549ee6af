"""Small helpers for REFI-QDA XML: GUIDs, colours, dates and element names."""

from __future__ import annotations

import re
import uuid
from datetime import UTC, date, datetime
from functools import lru_cache

PROJECT_NS = "urn:QDA-XML:project:1.0"
GUID_RE = re.compile(r"^\{?([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})\}?$")
COLOUR_RE = re.compile(r"^#?([0-9a-fA-F]{6}|[0-9a-fA-F]{3})$")
RGB_FUNC_RE = re.compile(r"^rgba?\(\s*(\d{1,3})\s*,\s*(\d{1,3})\s*,\s*(\d{1,3})\s*(?:,\s*[\d.]+%?\s*)?\)$", re.I)
_GUID_NAMESPACE = uuid.UUID("6f1c1d6e-4d1e-4c59-9a57-6e9f2f1b7a10")


@lru_cache(maxsize=4096)
def _guid_of(value: str) -> str | None:
    match = GUID_RE.match(value.strip())
    return match.group(1).lower() if match else None


def normalise_guid(value: str | None) -> str | None:
    """A GUID in our form (lower case, no braces), or None if it is not one."""
    if value is None:
        return None
    if len(value) == 36 and value.islower() and value[8] == "-":
        match = GUID_RE.match(value)
        return value if match else None
    return _guid_of(value)


def export_guid(value: str) -> str:
    """A valid 8-4-4-4-12 GUID for any identifier: itself if it is one, else a stable derivation."""
    return normalise_guid(value) or str(uuid.uuid5(_GUID_NAMESPACE, value))


def derived_guid(value: str, purpose: str) -> str:
    """A second stable GUID for something that needs one beside its own (a Coding of a selection)."""
    return str(uuid.uuid5(_GUID_NAMESPACE, f"{purpose}:{value}"))


def normalise_colour(value: str | None, default: str = "#808080") -> str:
    """#RRGGBB from #RGB, #RRGGBB, #AARRGGBB, #RRGGBBAA or rgb()/rgba(); otherwise the default."""
    if not value:
        return default
    text = value.strip()
    match = COLOUR_RE.match(text)
    if match:
        digits = match.group(1)
        if len(digits) == 3:
            digits = "".join(ch * 2 for ch in digits)
        return "#" + digits.upper()
    if re.fullmatch(r"#?[0-9a-fA-F]{8}", text):
        digits = text.lstrip("#")
        # Qt and .NET write #AARRGGBB (usually opaque, FF first); CSS writes #RRGGBBAA.
        return "#" + (digits[2:] if digits[:2].lower() == "ff" else digits[:6]).upper()
    match = RGB_FUNC_RE.match(text)
    if match and all(int(part) <= 255 for part in match.groups()):
        return "#" + "".join(f"{int(part):02X}" for part in match.groups())
    return default


def xsd_datetime(value: datetime | None) -> str | None:
    if value is None:
        return None
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def parse_datetime(value: str | None) -> datetime | None:
    if not value:
        return None
    return _parse_datetime(value)


@lru_cache(maxsize=65536)
def _parse_datetime(value: str) -> datetime | None:
    text = value.strip()
    if text.endswith("Z"):
        text = text[:-1] + "+00:00"
    try:
        parsed = datetime.fromisoformat(text)
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def parse_date(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value.strip()[:10])
    except ValueError:
        return None


def local_name(tag: object) -> str:
    """An element's name without its namespace (whatever variant of the namespace a file uses)."""
    if not isinstance(tag, str):
        return ""
    return tag[tag.find("}") + 1:]
