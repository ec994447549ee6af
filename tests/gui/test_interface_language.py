"""Every interface string has a Simplified Chinese translation, and switching language changes the menus."""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTranslator

import desktop_app.gui
from desktop_app.gui.base import i18n

GUI = Path(desktop_app.gui.__file__).parent
SHIPPED = i18n.translations_dir() / "govcoder_zh_CN.ts"
LUPDATE = Path(sys.executable).with_name("pyside6-lupdate")


def messages(ts: Path) -> dict[tuple[str, str], tuple[str | None, str | None]]:
    found = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            translation = message.find("translation")
            found[(name, message.findtext("source"))] = (translation.text, translation.get("type"))
    return found


@pytest.fixture(scope="module")
def current_sources(tmp_path_factory) -> dict:
    """The strings the code asks to translate now, extracted by lupdate from the sources."""
    ts = tmp_path_factory.mktemp("ts") / "current.ts"
    subprocess.run([str(LUPDATE), *map(str, sorted(GUI.rglob("*.py"))), "-ts", str(ts)], check=True,
                   capture_output=True)
    return messages(ts)


def test_every_interface_string_has_a_chinese_translation(current_sources):
    shipped = messages(SHIPPED)
    missing = [key for key in current_sources if key not in shipped or not shipped[key][0]
               or shipped[key][1] in ("unfinished", "vanished", "obsolete")]
    assert len(current_sources) > 100
    assert not missing, f"add these to {SHIPPED.name} (pyside6-lupdate, translate, pyside6-lrelease): {missing}"


def test_the_compiled_translation_matches_its_source():
    translator = QTranslator()
    assert translator.load(str(SHIPPED.with_suffix(".qm")))
    for (context, source), (translation, _kind) in messages(SHIPPED).items():
        assert translator.translate(context, source) == translation, (context, source)


def test_switching_the_language_changes_the_menus(qtbot, project_path, open_window, settings):
    window = open_window(project_path)
    try:
        assert window.file_menu.title() == "&File"
        window.language_actions["zh_CN"].trigger()
        qtbot.waitUntil(lambda: window.file_menu.title() == "文件(&F)")  # LanguageChange is posted
        assert window.docks["codebook"].windowTitle() == "编码本"
        assert window.documents.model.headerData(0, Qt.Orientation.Horizontal) == "标题"
        assert settings.value("view/language") == "zh_CN"
        window.language_actions["en"].trigger()
        qtbot.waitUntil(lambda: window.file_menu.title() == "&File")
        assert window.documents.model.headerData(0, Qt.Orientation.Horizontal) == "Title"
    finally:
        i18n.install_language("en")
