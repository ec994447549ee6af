"""Inter-coder agreement from the window: Analysis > Inter-coder agreement…, choose coders and the unit,
press Compute; the table shows the same figures as `govcoder agreement --json`, computed off the GUI
thread, and a refusal (one coder) is a message in the dialog, never a traceback."""

from __future__ import annotations

import json
import subprocess
import sys

from PySide6.QtCore import Qt

from tests.gui.test_disagreements_browser import two_coders


def cli_report(project_path, *args):
    result = subprocess.run([sys.executable, "-m", "desktop_app", "--project", str(project_path), "agreement",
                             *args, "--json"], capture_output=True, text=True, encoding="utf-8", check=True)
    return json.loads(result.stdout)


def cell(dialog, row_label, column):
    table = dialog.table
    headers = [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]
    rows = [table.item(r, 0).text() for r in range(table.rowCount())]
    return table.item(rows.index(row_label), headers.index(column)).text()


def test_agreement_in_the_window_is_the_cli_report(qtbot, project_path, open_window):
    two_coders(project_path)
    window = open_window(project_path)
    window.agreement_action.trigger()
    dialog = window.agreement_dialog
    qtbot.waitExposed(dialog)
    coders = [dialog.coders.item(i).text() for i in range(dialog.coders.count())]
    for i, name in enumerate(coders):  # compare 甲 and 乙 only, as a user ticks them
        dialog.coders.item(i).setCheckState(Qt.CheckState.Checked if name in ("甲", "乙") else Qt.CheckState.Unchecked)
    dialog.unit.setCurrentIndex(dialog.unit.findData("word"))
    qtbot.mouseClick(dialog.run_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.report is not None and dialog.run_button.isEnabled(), timeout=20_000)
    expected = cli_report(project_path, "--coders", "甲,乙", "--unit", "word", "--per-code")
    overall = expected["overall"]
    assert cell(dialog, "overall", "Units compared") == f"{overall['units_compared']:,}"
    assert cell(dialog, "overall", "Alpha (nominal)") == f"{overall['alpha']:.3f}"
    assert cell(dialog, "overall", "Kappa") == f"{overall['kappa']:.3f}"
    assert cell(dialog, "overall", "Alpha-U") == f"{overall['alpha_u']:.3f}"
    for entry in expected["per_code"]:
        shown = cell(dialog, entry["code"], "Alpha (nominal)")
        assert shown == ("—" if entry["alpha"] is None else f"{entry['alpha']:.3f}")
    for domain in expected["unitizing_2016"]["domains"]:
        shown = cell(dialog, f"domain {domain['domain']}", "|u-alpha")
        assert shown == ("—" if domain["binary_alpha"] is None else f"{domain['binary_alpha']:.3f}")
    assert str(expected["documents_compared"]) in dialog.status.text()
    assert "beside alpha" in dialog.notes.text()


def test_one_coder_is_a_message_not_a_computation(qtbot, project_path, open_window):
    two_coders(project_path)
    window = open_window(project_path)
    window.agreement_action.trigger()
    dialog = window.agreement_dialog
    for i in range(dialog.coders.count()):
        dialog.coders.item(i).setCheckState(Qt.CheckState.Checked if i == 0 else Qt.CheckState.Unchecked)
    qtbot.keyClick(dialog.run_button, Qt.Key.Key_Space)
    assert "at least two coders" in dialog.status.text() and dialog.report is None
