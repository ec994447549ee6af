"""The core is the whole product minus the windows: it must run where Qt is absent."""

import ast
from pathlib import Path

import desktop_app

CORE = Path(desktop_app.__file__).parent / "core"
FORBIDDEN = ("PySide6", "shiboken6", "desktop_app.gui", "desktop_app.cli")


def imported_modules(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def test_core_imports_neither_qt_nor_the_gui_nor_the_cli():
    offenders = {
        f"{path.relative_to(CORE.parent)}: {name}"
        for path in CORE.rglob("*.py")
        for name in imported_modules(path)
        if any(name == bad or name.startswith(bad + ".") for bad in FORBIDDEN)
    }
    assert not offenders, offenders


def test_the_layering_check_sees_core_modules():
    # Guards the test above against silently scanning nothing.
    assert len(list(CORE.rglob("*.py"))) > 10
    assert "sqlalchemy" in imported_modules(CORE / "store" / "models.py")


def test_importing_the_cli_loads_no_qt():
    import subprocess
    import sys

    code = "import sys, desktop_app.cli; print('PySide6' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"
