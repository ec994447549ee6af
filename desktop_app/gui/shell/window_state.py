"""The main window's layout and view choices, restored from the settings when it opens and saved when
it closes (the settings file written for its owner only)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, Qt

from desktop_app.gui.base import i18n
from desktop_app.gui.reading.view import WORDS_OFF
from desktop_app.gui.shell import settings_file

if TYPE_CHECKING:
    from desktop_app.gui.shell.main_window import MainWindow


def restore(window: MainWindow) -> None:
    settings = window.settings
    geometry = settings.value("window/geometry")
    if isinstance(geometry, QByteArray):
        window.restoreGeometry(geometry)
    else:
        window.resize(1400, 900)
        horizontal, vertical = Qt.Orientation.Horizontal, Qt.Orientation.Vertical
        docks = window.docks
        window.resizeDocks([docks["documents"], docks["codebook"]], [300, 340], horizontal)
        window.resizeDocks([docks["annotations"], docks["codebook"]], [180, 460], vertical)
    state = settings.value("window/state")
    if isinstance(state, QByteArray):
        window.restoreState(state)
    size = settings.value("view/fontSize")
    if size is not None:
        window.reading.set_font_size(float(size))
    mode = settings.value("view/words", WORDS_OFF)
    window.set_word_mode(mode if mode in window.word_actions else WORDS_OFF)
    language = settings.value("view/language") or i18n.installed_language()
    if language in window.language_actions:
        window.language_actions[language].setChecked(True)


def save(window: MainWindow) -> None:
    window.settings.setValue("window/geometry", window.saveGeometry())
    window.settings.setValue("window/state", window.saveState())
    window.settings.sync()
    settings_file.protect(window.settings)
