"""Where the shipped data lives: in the package when installed from a wheel, at the top of a checkout
otherwise (see DESIGN.md: resources/, seeds/ and db/ sit beside desktop_app/)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent.parent


@cache
def data_dir(name: str) -> Path:
    for candidate in (_PACKAGE / "_data" / name, _PACKAGE.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"GovCoder's {name}/ folder is missing from this installation")


def resources_dir() -> Path:
    return data_dir("resources")


def seeds_dir() -> Path:
    return data_dir("seeds")


def migrations_dir() -> Path:
    return data_dir("db")


def default_codebook_path() -> Path:
    return resources_dir() / "codebooks" / "governance.json"


def seed_files() -> list[Path]:
    return sorted(p for p in seeds_dir().iterdir() if p.suffix == ".txt")
