"""Inter-coder agreement from the window: choose coders and the unit, and read every measure overall,
per code and per domain (the 2016 family), with the number of units compared beside each figure.

The computation runs off the GUI thread (the core reads the project in its own session), so the
window stays responsive on a large corpus; the figures are the core's report, the same the CLI prints.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from desktop_app.core.analysis.agreement import measure_agreement
from desktop_app.core.annotate.coders import list_coders
from desktop_app.core.errors import GovCoderError
from desktop_app.gui.base import workers

UNITS = ("word", "char", "sentence", "doc")
COLUMNS = ("units_compared", "alpha", "kappa", "percent", "alpha_u", "binary_alpha", "cu_alpha")


def _number(value) -> str:
    return "—" if value is None else f"{value:.3f}"


class AgreementDialog(QDialog):
    def __init__(self, bench, parent=None) -> None:
        super().__init__(parent)
        self.bench = bench
        self.setObjectName("agreementDialog")
        self.task = None
        self.report = None
        self.coders = QListWidget(self)
        self.coders.setObjectName("agreementCoders")
        self.coders.setMaximumHeight(110)
        with bench.project.session_factory() as session:
            for coder in list_coders(session):
                item = QListWidgetItem(coder.name, self.coders)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Checked if coder.name != "consensus" else Qt.CheckState.Unchecked)
        self.unit = QComboBox(self)
        self.unit.setObjectName("agreementUnit")
        self.per_code = QCheckBox(self)
        self.per_code.setObjectName("agreementPerCode")
        self.per_code.setChecked(True)
        self.exclude_uncoded = QCheckBox(self)
        self.exclude_uncoded.setObjectName("agreementExcludeUncoded")
        self.run_button = QPushButton(self)
        self.run_button.setObjectName("agreementRun")
        self.run_button.setDefault(True)
        self.run_button.clicked.connect(self.run)
        self.status = QLabel(self)
        self.status.setObjectName("agreementStatus")
        self.status.setWordWrap(True)
        self.table = QTableWidget(0, len(COLUMNS) + 1, self)
        self.table.setObjectName("agreementTable")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.notes = QLabel(self)
        self.notes.setObjectName("agreementNotes")
        self.notes.setWordWrap(True)
        self.notes.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        self.form = QFormLayout()
        self.coders_label, self.unit_label = QLabel(self), QLabel(self)
        self.coders_label.setBuddy(self.coders)
        self.unit_label.setBuddy(self.unit)
        self.form.addRow(self.coders_label, self.coders)
        self.form.addRow(self.unit_label, self.unit)
        self.form.addRow(self.per_code)
        self.form.addRow(self.exclude_uncoded)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.run_button)
        layout.addWidget(self.status)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.notes)
        layout.addWidget(buttons)
        self.resize(900, 560)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Inter-coder agreement"))
        self.coders_label.setText(self.tr("&Coders:"))
        self.unit_label.setText(self.tr("&Unit:"))
        names = {"word": self.tr("word (the segmentation's words)"), "char": self.tr("character"),
                 "sentence": self.tr("sentence"), "doc": self.tr("document (code present or not)")}
        current = self.unit.currentIndex()
        self.unit.clear()
        for unit in UNITS:
            self.unit.addItem(names[unit], unit)
        self.unit.setCurrentIndex(max(current, 0))
        self.per_code.setText(self.tr("Each code and each domain alone"))
        self.exclude_uncoded.setText(self.tr("Leave out units no coder coded (inflates agreement)"))
        self.run_button.setText(self.tr("&Compute"))
        self.table.setHorizontalHeaderLabels([
            self.tr("Scope"), self.tr("Units compared"), self.tr("Alpha (nominal)"), self.tr("Kappa"),
            self.tr("Percent"), self.tr("Alpha-U"), self.tr("|u-alpha"), self.tr("cu-alpha")])

    def chosen_coders(self) -> list[str]:
        return [self.coders.item(i).text() for i in range(self.coders.count())
                if self.coders.item(i).checkState() == Qt.CheckState.Checked]

    def run(self) -> None:
        coders, unit = self.chosen_coders(), self.unit.currentData()
        per_code, exclude = self.per_code.isChecked(), self.exclude_uncoded.isChecked()
        if len(coders) < 2:
            self.status.setText(self.tr("Choose at least two coders to compare."))
            return
        factory = self.bench.project.session_factory

        def compute():
            with factory() as session:
                return measure_agreement(session, coders, unit, per_code=per_code, exclude_uncoded=exclude)

        self.run_button.setEnabled(False)
        self.status.setText(self.tr("Computing the agreement of %1 coders…").replace("%1", str(len(coders))))
        self.task = workers.Task(compute)
        self.task.signals.finished.connect(self._show)
        self.task.signals.failed.connect(self._failed)
        workers.start(self.task)

    def _failed(self, error) -> None:
        self.run_button.setEnabled(True)
        message = str(error) if isinstance(error, GovCoderError) else self.tr("Agreement could not be computed: %1").replace("%1", str(error))
        self.status.setText(message)

    def _show(self, report) -> None:
        self.run_button.setEnabled(True)
        self.report = report
        data = report.to_json()
        self.status.setText(self.tr("%1 documents compared (%2 left out: fewer than two of the coders coded them); "
                                    "%3 units compared, of which no coder coded %4.")
                            .replace("%1", str(data["documents_compared"])).replace("%2", str(data["documents_skipped"]))
                            .replace("%3", f"{data['units_compared']:,}").replace("%4", f"{data['units_uncoded']:,}"))
        rows = [(self.tr("overall"), data["overall"])]
        rows += [(entry["code"], entry) for entry in data["per_code"]]
        family = data.get("unitizing_2016") or {"domains": [], "undefined": {}}
        for domain in family["domains"]:
            rows.append((self.tr("domain %1").replace("%1", domain["domain"]), domain))
        if family.get("Cu_alpha") is not None:
            rows.append((self.tr("Cu-alpha across domains"), {"cu_alpha": family["Cu_alpha"]}))
        self.table.setRowCount(len(rows))
        for r, (label, figures) in enumerate(rows):
            self.table.setItem(r, 0, QTableWidgetItem(label))
            for c, name in enumerate(COLUMNS, start=1):
                value = figures.get(name)
                text = f"{value:,}" if name == "units_compared" and value is not None else _number(value)
                item = QTableWidgetItem(text)
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                reason = (figures.get("undefined") or {}).get(name)
                if reason:
                    item.setToolTip(reason)
                self.table.setItem(r, c, item)
        reasons = dict(family.get("undefined", {}))
        for scope in [data["overall"], *data["per_code"], *family["domains"]]:
            reasons.update(scope.get("undefined", {}))
        lines = [self.tr("Percent agreement ignores chance: read it beside alpha, never alone.")]
        lines += [f"— {name}: {reason}" for name, reason in reasons.items()]
        self.notes.setText("\n".join(lines))
