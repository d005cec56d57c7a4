"""Runs you can compare: the list of kept runs beside the chart, and their comparison table.

Every finished or stopped run is a :class:`~cnnexplorer.core.runs.Run`, kept
as one JSON file in the app's data folder (:func:`default_run_folder`), so
runs survive closing the app. Tick runs to overlay them on the chart
(:attr:`RunsPanel.overlay_changed`) and to list them in the comparison table
(:attr:`RunsPanel.compare_table`, placed by the tab). Double-click a name to
rename; Delete removes the file; Import… opens a run file (e.g. from
``cnnexplorer train --history``); Table CSV… exports the table. A file that
cannot be read is skipped with a note and never blocks the others.
"""
from __future__ import annotations

import csv
import io
import os
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from cnnexplorer.core.errors import UserError
from cnnexplorer.core.files import write_text
from cnnexplorer.core.runs import Run, RunStore, clean_name, format_duration
from cnnexplorer.ui.settings import app_data_folder

RUNS_DIR_VARIABLE = "CNNEXPLORER_RUNS_DIR"  # tests and screenshots point the store elsewhere
ID_ROLE = Qt.ItemDataRole.UserRole


def default_run_folder() -> Path:
    """``<app data folder>/runs`` (or ``$CNNEXPLORER_RUNS_DIR``): where the app keeps one JSON per run."""
    override = os.environ.get(RUNS_DIR_VARIABLE)
    if override:
        return Path(override)
    return app_data_folder() / "runs"


def _percent(value: float | None) -> str:
    return "—" if value is None else f"{value:.1%}"


class RunsPanel(QWidget):
    """The kept runs as a ticked list; the ticked ones are overlaid and compared."""

    overlay_changed = Signal(list)  # the ticked runs (core.runs.Run), in list order
    problem = Signal(object)  # a UserError or a sentence for the tab's error reporter

    def __init__(self, store: RunStore | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store if store is not None else RunStore(default_run_folder())
        self.ask: Callable[[str, str], bool] = self._ask
        self._runs: dict[str, Run] = {}
        self._filling = False
        self._stamp: tuple = ()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        title = QLabel(self.tr("<b>Runs</b> — tick to compare"), self)
        title.setWordWrap(True)
        self.list = QListWidget(self)
        self.list.setWordWrap(True)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                  | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.list.setToolTip(self.tr("Every finished or stopped run is kept. Tick runs to draw them on the same "
                                     "chart; double-click a name to rename it."))
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: #9a5b00;")
        self.note.hide()
        self.rename_button = QPushButton(self.tr("Rename"), self)
        self.delete_button = QPushButton(self.tr("Delete"), self)
        self.import_button = QPushButton(self.tr("Import…"), self)
        self.import_button.setToolTip(self.tr("Open a run file, e.g. one written by 'cnnexplorer train --history'."))
        self.csv_button = QPushButton(self.tr("Table CSV…"), self)
        self.csv_button.setToolTip(self.tr("Export the comparison table of the ticked runs as CSV. "
                                           "'Chart PNG…' exports the overlaid curves."))
        layout.addWidget(title)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.note)
        for pair in ((self.rename_button, self.delete_button), (self.import_button, self.csv_button)):
            row = QHBoxLayout()
            for button in pair:
                row.addWidget(button)
            layout.addLayout(row)

        self.compare_table = QTableWidget(0, 7)
        self.compare_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.compare_table.setHorizontalHeaderLabels(self._headers())
        self.compare_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.compare_table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.compare_table.verticalHeader().hide()
        self.compare_table.setWordWrap(False)  # one line per run: the chart above keeps its height

        self.list.itemChanged.connect(self._on_item_changed)
        self.rename_button.clicked.connect(self._rename_current)
        self.delete_button.clicked.connect(self.delete_current)
        self.import_button.clicked.connect(self.import_dialog)
        self.csv_button.clicked.connect(self.export_csv_dialog)
        self.list.currentItemChanged.connect(self._update_buttons)
        self.reload()

    def showEvent(self, event) -> None:
        """Runs another tab or a lesson saved meanwhile appear when the panel comes into view."""
        super().showEvent(event)
        if self._folder_stamp() != self._stamp:
            self.reload()

    def _folder_stamp(self) -> tuple:
        try:
            return tuple(sorted((e.name, e.stat().st_mtime_ns) for e in os.scandir(self.store.folder)))
        except OSError:
            return ()

    def _headers(self) -> list[str]:
        return [self.tr("Run"), self.tr("Parameters"), self.tr("Epochs"), self.tr("Time"),
                self.tr("Best val. acc."), self.tr("Test acc."), self.tr("Train−val gap")]

    def _ask(self, title: str, text: str) -> bool:
        answer = QMessageBox.question(self, title, text)
        return answer == QMessageBox.StandardButton.Yes

    # -- contents -------------------------------------------------------------------------
    def runs(self) -> list[Run]:
        return [self._runs[self.list.item(i).data(ID_ROLE)] for i in range(self.list.count())]

    def checked_runs(self) -> list[Run]:
        return [self._runs[item.data(ID_ROLE)] for item in self._items()
                if item.checkState() == Qt.CheckState.Checked]

    def _items(self) -> list[QListWidgetItem]:
        return [self.list.item(i) for i in range(self.list.count())]

    def item_of(self, run_id: str) -> QListWidgetItem | None:
        return next((item for item in self._items() if item.data(ID_ROLE) == run_id), None)

    def reload(self) -> None:
        """Read the store again (runs written by other tabs appear); ticks are kept by id."""
        ticked = {run.id for run in self.checked_runs()}
        self._stamp = self._folder_stamp()
        runs = self.store.list()
        self._filling = True
        self.list.clear()
        self._runs = {}
        for run in runs:
            self._add_item(run, run.id in ticked)
        self._filling = False
        note = self.store.skipped_note()
        self.note.setText(note)
        self.note.setToolTip("\n".join(f"{name}: {reason}" for name, reason in self.store.skipped))
        self.note.setVisible(bool(note))
        self._update_buttons()
        self._changed()

    def _add_item(self, run: Run, ticked: bool = False) -> QListWidgetItem:
        self._runs[run.id] = run
        item = QListWidgetItem(run.name)
        item.setData(ID_ROLE, run.id)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEditable)
        item.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)
        self._describe(item, run)
        self.list.addItem(item)
        return item

    def _describe(self, item: QListWidgetItem, run: Run) -> None:
        lines = [run.name, self.tr("{0} on {1}; {2} epoch(s); test accuracy {3}").format(
            run.model_name or "?", run.dataset or "?", run.epochs, _percent(run.test_accuracy))]
        if run.stopped:
            lines.append(self.tr("Stopped before its end."))
        if run.model_missing():
            lines.append(self.tr("Its model file {0} is gone; the history is kept.").format(run.model_path))
        item.setToolTip("\n".join(lines))
        font = QFont(self.list.font())
        font.setItalic(run.stopped)
        item.setFont(font)

    def add_run(self, run: Run) -> bool:
        """Keep a new (or continued: same id) run: save its file and show it, untouched ticks stay."""
        try:
            self.store.save(run)
        except UserError as exc:
            self.problem.emit(exc)
            return False
        item = self.item_of(run.id)
        self._filling = True
        if item is None:
            item = self._add_item(run)
        else:
            self._runs[run.id] = run
            item.setText(run.name)
            self._describe(item, run)
        self._filling = False
        self.list.setCurrentItem(item)
        self._stamp = self._folder_stamp()
        self._changed()
        return True

    def unique_name(self, name: str) -> str:
        """``name``, or ``name (2)``, ``name (3)``… so the legend tells runs apart."""
        taken = {run.name for run in self._runs.values()}
        if name not in taken:
            return name
        n = 2
        while f"{name} ({n})" in taken:
            n += 1
        return f"{name} ({n})"

    def set_checked(self, run_ids: list[str] | set[str]) -> None:
        self._filling = True
        for item in self._items():
            item.setCheckState(Qt.CheckState.Checked if item.data(ID_ROLE) in run_ids else Qt.CheckState.Unchecked)
        self._filling = False
        self._changed()

    # -- rename / delete / import / export ---------------------------------------------------
    def rename(self, run_id: str, name: str) -> bool:
        try:
            run = self.store.rename(run_id, name)
        except UserError as exc:
            self.problem.emit(exc)
            item = self.item_of(run_id)
            if item is not None:  # back to the stored name
                self._filling = True
                item.setText(self._runs[run_id].name)
                self._filling = False
            return False
        self._runs[run_id] = run
        item = self.item_of(run_id)
        if item is not None:
            self._filling = True
            item.setText(run.name)
            self._describe(item, run)
            self._filling = False
        self._changed()
        return True

    @Slot(QListWidgetItem)
    def _on_item_changed(self, item: QListWidgetItem) -> None:
        if self._filling:
            return
        run_id = item.data(ID_ROLE)
        if item.text() != self._runs[run_id].name:
            try:
                name = clean_name(item.text())
            except UserError as exc:
                name = ""
                self.problem.emit(exc)
            if name:
                self.rename(run_id, name)
            else:
                self._filling = True
                item.setText(self._runs[run_id].name)
                self._filling = False
            return
        self._changed()

    @Slot()
    def _rename_current(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            self.list.editItem(item)

    @Slot()
    def delete_current(self) -> bool:
        item = self.list.currentItem()
        if item is None:
            return False
        run = self._runs[item.data(ID_ROLE)]
        if not self.ask(self.tr("Delete run"), self.tr("Delete the run “{0}”? Its model file, if any, is kept.")
                        .format(run.name)):
            return False
        try:
            self.store.delete(run.id)
        except UserError as exc:
            self.problem.emit(exc)
            return False
        self.list.takeItem(self.list.row(item))
        del self._runs[run.id]
        self._changed()
        return True

    @Slot()
    def import_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Import run"), "", self.tr("Run files (*.json)"))
        if path:
            self.import_file(path)

    def import_file(self, path: str | Path) -> Run | None:
        """Copy a run file into the store, show it and tick it (so it is drawn at once)."""
        try:
            run = self.store.import_file(path)
        except UserError as exc:
            self.problem.emit(exc)
            return None
        self._filling = True
        item = self._add_item(run, ticked=True)
        self._filling = False
        self.list.setCurrentItem(item)
        self._changed()
        return run

    def table_csv(self) -> str:
        """The comparison table of the ticked runs (all runs when none is ticked) as CSV, with plain numbers."""
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(["run", "model", "dataset", "parameters", "epochs", "seconds", "best_val_accuracy",
                         "test_accuracy", "train_val_gap", "stopped"])
        for run in self.checked_runs() or self.runs():
            s = run.summary()
            writer.writerow([s["name"], s["model"], s["dataset"], s["parameters"], s["epochs"], s["seconds"],
                             s["best_val_accuracy"], s["test_accuracy"], s["train_val_gap"], s["stopped"]])
        return buffer.getvalue()

    @Slot()
    def export_csv_dialog(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export comparison table"), "runs.csv", "CSV (*.csv)")
        if path:
            self.export_csv(path)

    def export_csv(self, path: str | Path) -> bool:
        try:
            write_text(path, self.table_csv())
        except UserError as exc:
            self.problem.emit(exc)
            return False
        return True

    # -- table and signals ----------------------------------------------------------------------
    def _changed(self) -> None:
        self._fill_table()
        self._update_buttons()
        self.overlay_changed.emit(self.checked_runs())

    def _fill_table(self) -> None:
        runs = self.checked_runs()
        table = self.compare_table
        table.setRowCount(len(runs))
        for row, run in enumerate(runs):
            gap = run.final_gap
            cells = [run.name, f"{run.parameters:,}" if run.parameters is not None else "—", str(run.epochs),
                     format_duration(run.seconds), _percent(run.best_val_accuracy), _percent(run.test_accuracy),
                     "—" if gap is None else self.tr("{0:+.1f} pt").format(gap * 100)]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                table.setItem(row, column, item)
        table.resizeRowsToContents()
        # Tall enough for up to five runs without a scroll bar, so the splitter cannot squeeze them away.
        shown = min(max(1, len(runs)), 5)
        rows = (sum(table.rowHeight(r) for r in range(min(shown, len(runs))))
                or table.verticalHeader().defaultSectionSize())
        table.setMinimumHeight(table.horizontalHeader().sizeHint().height() + rows + 2 * table.frameWidth() + 2)

    @Slot()
    def _update_buttons(self) -> None:
        has = self.list.currentItem() is not None
        self.rename_button.setEnabled(has)
        self.delete_button.setEnabled(has)
        self.csv_button.setEnabled(self.list.count() > 0)
