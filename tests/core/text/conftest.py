"""Seeds and segmenters shared by the text pipeline tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop_app.core.paths import seed_files
from desktop_app.core.text.segment import Segmenter, available_engines

SEEDS = {path.name[:3]: path for path in seed_files()}


@pytest.fixture(scope="session")
def seed_paths() -> dict[str, Path]:
    return SEEDS


@pytest.fixture(scope="session")
def seed_texts() -> dict[str, str]:
    return {key: path.read_text(encoding="utf-8") for key, path in SEEDS.items()}


@pytest.fixture(scope="session")
def jieba_segmenter() -> Segmenter:
    return Segmenter(engine="jieba")


@pytest.fixture(scope="session")
def segmenter() -> Segmenter:
    """The engine GovCoder uses by default here (rjieba when installed)."""
    return Segmenter(engine=available_engines()[0])
