"""Starting the application: the default sample project is built off the GUI thread; a project that
cannot be opened is explained in a message box, not a traceback."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from desktop_app.gui.shell import app as gui_app


def test_a_file_that_is_not_a_project_is_reported_in_a_message_box(qtbot, tmp_path, monkeypatch):
    bogus = tmp_path / "notes.govcoder"
    bogus.write_text("not a database", encoding="utf-8")
    shown = []
    monkeypatch.setattr(QMessageBox, "critical", lambda parent, title, text: shown.append(text))
    assert gui_app.run_gui(str(bogus)) == 1
    assert "not a GovCoder project" in shown[0]


SMOKE = """
import json, sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from desktop_app.gui.shell.app import application, run_gui
from desktop_app.gui.shell.main_window import MainWindow

application()  # the same QApplication run_gui then uses; timers need it first

seen = {}

def look_and_quit():
    windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
    if not windows or windows[0].bench.document is None:
        QTimer.singleShot(100, look_and_quit)
        return
    window = windows[0]
    seen.update(documents=window.documents.model.rowCount(), chars=len(window.reading.toPlainText()),
                project=window.bench.project.label)
    window.close()
    QApplication.quit()

QTimer.singleShot(100, look_and_quit)
code = run_gui(None)
print(json.dumps({"code": code, **seen}))
"""


def test_the_default_sample_project_is_built_and_shown(isolated_user):
    # In a process of its own: the event loop runs and quits as it does for a user.
    import json
    import os
    import subprocess
    import sys

    result = subprocess.run([sys.executable, "-c", SMOKE], capture_output=True, text=True, timeout=300,
                            env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert result.returncode == 0, result.stderr
    seen = json.loads(result.stdout.strip().splitlines()[-1])
    assert seen["code"] == 0
    assert seen["documents"] == 5 and seen["chars"] > 100
    assert seen["project"].startswith(str(isolated_user))


def test_the_next_start_reopens_the_project_used_last(isolated_user, tmp_path):
    import json
    import os
    import subprocess
    import sys

    from desktop_app.core.projects.new_project import init_project

    chosen = tmp_path / "mine.govcoder"
    init_project(chosen, sample=True).close()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    opened = subprocess.run([sys.executable, "-c", SMOKE.replace("run_gui(None)", f"run_gui({str(chosen)!r})")],
                            capture_output=True, text=True, timeout=300, env=env)
    assert json.loads(opened.stdout.strip().splitlines()[-1])["project"] == str(chosen), opened.stderr
    again = subprocess.run([sys.executable, "-c", SMOKE], capture_output=True, text=True, timeout=300, env=env)
    assert json.loads(again.stdout.strip().splitlines()[-1])["project"] == str(chosen), again.stderr
    # Gone since: the sample project opens instead of an error.
    chosen.unlink()
    fallback = subprocess.run([sys.executable, "-c", SMOKE], capture_output=True, text=True, timeout=300,
                              env=env)
    assert json.loads(fallback.stdout.strip().splitlines()[-1])["project"].startswith(str(isolated_user))
