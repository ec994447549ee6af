"""Colours are stored as "#RRGGBB" (upper case). Strict for what a user types, lenient on import."""

from __future__ import annotations

import re

from desktop_app.core.errors import GovCoderError

DEFAULT_COLOUR = "#808080"

_HEX = re.compile(r"#?([0-9A-Fa-f]{3,8})")
_RGB = re.compile(r"rgba?\(\s*(\d{1,3})\s*,\s*(\d{1,3})\s*,\s*(\d{1,3})\s*(?:,\s*[\d.]+%?\s*)?\)", re.I)

# Distinct, readable on white and as a light highlight; used for new top-level codes.
PALETTE = ("#1F6FB4", "#C62828", "#6A1B9A", "#E65100", "#00838F", "#2E7D32", "#AD1457", "#5D4037",
           "#455A64", "#827717")


def parse_colour(text: str | None) -> str | None:
    """"#RRGGBB" for the forms real files use (#RGB, #RRGGBB, #RRGGBBAA, #RGBA, rgb(), rgba()), else None."""
    if text is None:
        return None
    value = str(text).strip()
    match = _HEX.fullmatch(value)
    if match:
        digits = match.group(1)
        if len(digits) in (3, 4):
            digits = "".join(c * 2 for c in digits[:3])
        elif len(digits) == 8:
            digits = digits[:6]  # CSS order: the alpha comes last
        elif len(digits) != 6:
            return None
        return "#" + digits.upper()
    match = _RGB.fullmatch(value)
    if match:
        parts = [int(p) for p in match.groups()]
        if all(p <= 255 for p in parts):
            return "#" + "".join(f"{p:02X}" for p in parts)
    return None


def check_colour(text: str) -> str:
    """A colour a user chose: "#RRGGBB" or "#RGB"."""
    value = str(text).strip()
    if not re.fullmatch(r"#([0-9A-Fa-f]{3}|[0-9A-Fa-f]{6})", value):
        raise GovCoderError(f"not a colour: {text!r} (write #RRGGBB, e.g. #C62828)")
    return parse_colour(value)  # type: ignore[return-value]
