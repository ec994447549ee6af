"""Interface language: English in the source, Simplified Chinese from resources/translations/*.qm."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from desktop_app.core.paths import resources_dir

LANGUAGES = {"en": "English", "zh_CN": "简体中文"}
_installed: list[QTranslator] = []
_current = ["en"]


def installed_language() -> str:
    return _current[0]


def translations_dir() -> Path:
    return resources_dir() / "translations"


def system_language() -> str:
    return "zh_CN" if QLocale.system().language() == QLocale.Language.Chinese else "en"


def install_language(code: str) -> bool:
    """Switch the application's translators; widgets retranslate on the LanguageChange event."""
    app = QCoreApplication.instance()
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    _current[0] = "en"
    if code == "en":
        return True
    ours = QTranslator(app)
    if not ours.load(str(translations_dir() / f"govcoder_{code}.qm")):
        return False
    app.installTranslator(ours)
    _installed.append(ours)
    _current[0] = code
    qt = QTranslator(app)  # Qt's own strings (standard buttons, context menus), when shipped
    if qt.load(f"qtbase_{code}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        _installed.append(qt)
    return True
