"""Lessons tab: each idea of the tutorial as a one-click demonstration with a measured result.

The list follows the tutorial. For the chosen lesson the tab shows the
explanation, the claim the demo checks, a **Run the demo** button (progress and
Cancel; the work runs in a :class:`TaskSlot`), the result sentence with the
numbers, a button that shows the result where it lives (the Training tab's
runs, the Concepts lab, the Visualize tab), and "Try it yourself" suggestions.
The demos themselves are plain functions in ``ml/lessons``; the command line
runs the same ones.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Slot
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from cnnexplorer.core.session import ProbeImage
from cnnexplorer.ui.session_bridge import SessionBridge
from cnnexplorer.ui.tabs.base import Tab, run_standalone
from cnnexplorer.ui.widgets.column_scroll import ColumnScroll
from cnnexplorer.ui.widgets.flow_layout import FlowLayout
from cnnexplorer.ui.widgets.runs_panel import default_run_folder
from cnnexplorer.ui.widgets.viz_image_view import to_pixmap
from cnnexplorer.ui.workers import TaskSlot

OWNER = "lessons"


def lesson_text(text: str) -> str:
    """A lesson's text in the interface language (the sources are marked in ml/lessons with context "lessons")."""
    return QCoreApplication.translate("lessons", text)


class LessonsTab(Tab):
    key = "lessons"
    title = "Lessons"

    def __init__(self, bridge: SessionBridge, parent: QWidget | None = None) -> None:
        super().__init__(bridge, parent)
        from cnnexplorer.ml.lessons import LESSONS  # texts and registry only: no TensorFlow

        self.lessons = list(LESSONS)
        self.results: dict[str, Any] = {}  # lesson name -> its last LessonResult
        self.quick = False  # tests and screenshots: tiny data, seconds
        self.seed = 0
        self.run_folder: Path | None = None  # None: default_run_folder()
        self._running: str | None = None  # name of the lesson whose demo runs
        self._claimed = False

        self.slot = TaskSlot("lesson", parent=self)
        self.slot.events.connect(self._on_events)
        self.slot.finished.connect(self._on_finished)
        self.slot.failed.connect(self._on_failed)
        self.slot.cancelled.connect(self._on_cancelled)
        self.slot.done.connect(self._on_done)

        self.list = QListWidget(self)
        self.list.setObjectName("lessonList")
        for i, lesson in enumerate(self.lessons, start=1):
            item = QListWidgetItem(f"{i}. {lesson_text(lesson.title)}")
            item.setData(Qt.ItemDataRole.UserRole, lesson.name)
            self.list.addItem(item)
        self.list.setMinimumWidth(220)
        self.list.currentRowChanged.connect(self._on_lesson_changed)

        page = QWidget(self)
        self.heading = QLabel(page)
        self.heading.setObjectName("lessonHeading")
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.heading.setFont(font)
        self.explanation = QLabel(page)
        self.explanation.setWordWrap(True)
        self.explanation.setTextFormat(Qt.TextFormat.PlainText)
        self.claim = QLabel(page)
        self.claim.setWordWrap(True)
        self.run_button = QPushButton(self.tr("Run the demo"), page)
        self.run_button.setObjectName("runDemo")
        self.run_button.clicked.connect(self.start_demo)
        self.cancel_button = QPushButton(self.tr("Cancel"), page)
        self.cancel_button.setEnabled(False)
        self.cancel_button.clicked.connect(self.cancel_demo)
        self.progress = QProgressBar(page)
        self.progress.setRange(0, 1000)
        self.progress.setValue(0)
        self.progress.setTextVisible(False)
        self.status = QLabel(page)
        self.status.setWordWrap(True)

        self.result_box = QFrame(page)
        self.result_box.setFrameShape(QFrame.Shape.StyledPanel)
        self.verdict = QLabel(self.result_box)
        self.verdict.setObjectName("lessonVerdict")
        bold = self.verdict.font()
        bold.setBold(True)
        self.verdict.setFont(bold)
        self.sentence = QLabel(self.result_box)
        self.sentence.setObjectName("lessonResult")
        self.sentence.setWordWrap(True)
        self.sentence.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.show_button = QPushButton(self.result_box)
        self.show_button.setObjectName("showResult")
        self.show_button.clicked.connect(self.show_result)
        # the evidence (heatmaps with the shape's box, filter patterns): what the numbers were measured on
        self.pictures = QWidget(self.result_box)
        self.pictures.setObjectName("lessonPictures")
        self._pictures_layout = FlowLayout(self.pictures, spacing=12, line_spacing=8)
        self._pictures_shown: object = None  # the list on screen, so switching lessons does not redraw it
        result_layout = QVBoxLayout(self.result_box)
        result_layout.addWidget(self.verdict)
        result_layout.addWidget(self.sentence)
        result_layout.addWidget(self.pictures)
        result_row = QHBoxLayout()
        result_row.addWidget(self.show_button)
        result_row.addStretch(1)
        result_layout.addLayout(result_row)

        self.try_heading = QLabel(self.tr("Try it yourself"), page)
        self.try_heading.setFont(bold)
        self.try_it = QLabel(page)
        self.try_it.setWordWrap(True)
        self.try_it.setTextFormat(Qt.TextFormat.RichText)

        buttons = QHBoxLayout()
        buttons.addWidget(self.run_button)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.progress, 1)
        layout = QVBoxLayout(page)
        layout.addWidget(self.heading)
        layout.addWidget(self.explanation)
        layout.addWidget(self.claim)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        layout.addWidget(self.result_box)
        layout.addWidget(self.try_heading)
        layout.addWidget(self.try_it)
        layout.addStretch(1)

        splitter = QSplitter(self)
        splitter.addWidget(self.list)
        splitter.addWidget(ColumnScroll(page, splitter))  # presentation-size text and pictures may need more room
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([260, 800])
        outer = QVBoxLayout(self)
        outer.addWidget(splitter)
        self.list.setCurrentRow(0)

    # -- which lesson -----------------------------------------------------------------------------
    @property
    def lesson(self):
        row = max(0, self.list.currentRow())
        return self.lessons[row]

    def select_lesson(self, name: str) -> None:
        for row, lesson in enumerate(self.lessons):
            if lesson.name == name:
                self.list.setCurrentRow(row)
                return

    @Slot(int)
    def _on_lesson_changed(self, row: int) -> None:
        if row < 0:
            return
        lesson = self.lessons[row]
        self.heading.setText(lesson_text(lesson.title))
        self.explanation.setText(lesson_text(lesson.explanation))
        self.claim.setText(self.tr("The demo checks: %1").replace("%1", lesson_text(lesson.claim)))
        items = "".join(f"<li>{_escape(lesson_text(t))}</li>" for t in lesson.try_it)
        self.try_it.setText(f"<ul style='margin-left: 0px'>{items}</ul>")
        self._show_state()

    def _show_state(self) -> None:
        """Buttons, progress and result box for the chosen lesson."""
        lesson = self.lesson
        running = self._running is not None
        this_running = self._running == lesson.name
        self.run_button.setEnabled(not running)
        self.cancel_button.setEnabled(this_running)
        self.progress.setVisible(this_running)
        if not this_running:
            self.status.setText(self.tr("Another lesson's demo is running.") if running else "")
        result = self.results.get(lesson.name)
        self.result_box.setVisible(result is not None)
        if result is None:
            return
        if not result.complete:
            self.verdict.setText(self.tr("Incomplete: the demo was stopped."))
            colour = "#b26a00"
        elif result.holds:
            self.verdict.setText(self.tr("✓ The claim holds."))
            colour = "#1b7f3b"
        else:
            self.verdict.setText(self.tr("✗ The claim does not hold this time."))
            colour = "#c0362c"
        self.verdict.setStyleSheet(f"color: {colour};")  # readable on the light and the dark theme
        self.sentence.setText(result.sentence)
        self._show_pictures(result.artifacts.get("pictures", []))
        self.show_button.setText(self._show_text(lesson.shows))
        self.show_button.setVisible(bool(result.runs) or lesson.shows != "training")

    def _show_pictures(self, pictures: list) -> None:
        """Thumbnails with captions under the result, about nine lines of text high (larger when presenting)."""
        self.pictures.setVisible(bool(pictures))
        if pictures is self._pictures_shown:
            return
        self._pictures_shown = pictures
        while (item := self._pictures_layout.takeAt(0)) is not None:
            if (old := item.widget()) is not None:
                old.deleteLater()
        side = 9 * self.fontMetrics().height()
        for picture in pictures:
            cell = QWidget(self.pictures)
            column = QVBoxLayout(cell)
            column.setContentsMargins(0, 0, 0, 0)
            column.setSpacing(2)
            image = QLabel(cell)
            image.setPixmap(to_pixmap(picture.image, side))
            caption = QLabel(picture.caption, cell)
            caption.setWordWrap(True)
            caption.setFixedWidth(side)
            caption.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
            column.addWidget(image, 0, Qt.AlignmentFlag.AlignHCenter)
            column.addWidget(caption)
            self._pictures_layout.addWidget(cell)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.FontChange:  # presentation mode: pictures at the new text size
            self._pictures_shown = None
            if self.results.get(self.lesson.name) is not None:
                self._show_state()
        super().changeEvent(event)

    def _show_text(self, where: str) -> str:
        return {
            "training": self.tr("Show the runs in the Training tab"),
            "concepts": self.tr("Open the Concepts tab"),
            "visualize": self.tr("Show it in the Visualize tab"),
            "pretrained": self.tr("Open the Pretrained tab"),
        }.get(where, self.tr("Show it"))

    # -- running ----------------------------------------------------------------------------------
    @Slot()
    def start_demo(self) -> bool:
        """Run the chosen lesson's demo; asks first while another training runs. True if it started."""
        if self._running is not None:
            return False
        lesson = self.lesson
        other = self.session.training
        if other is not None and other != OWNER and not self.ask(
                self.tr("A training is running"),
                self.tr("A training is running in another tab. Run the demo at the same time? Both will be slower.")):
            return False
        self._claimed = self.session.claim_training(OWNER) if other is None else False
        self._running = lesson.name
        self.progress.setValue(0)
        self.status.setText(self.tr("Starting…"))
        self.results.pop(lesson.name, None)
        self._show_state()
        self.slot.start(lesson.run, self.seed, quick=self.quick)
        return True

    @Slot()
    def cancel_demo(self) -> None:
        self.status.setText(self.tr("Stopping after the current step…"))
        self.slot.cancel()

    @Slot(list)
    def _on_events(self, events: list) -> None:
        last = events[-1]
        if last.total:
            self.progress.setValue(int(1000 * last.step / last.total))
        if last.message:
            self.status.setText(last.message)

    @Slot(object)
    def _on_finished(self, result: Any) -> None:
        self._keep(result)
        self.status.setText(self.tr("Done in %1 s.").replace("%1", f"{result.seconds:.0f}"))

    def _keep(self, result: Any) -> None:
        self.results[result.lesson] = result
        self._store_runs(result)

    @Slot(object)
    def _on_failed(self, error: Any) -> None:
        self.status.setText("")
        self.report_error(error)

    @Slot()
    def _on_cancelled(self) -> None:
        # A stopped demo still returns what it finished (an incomplete result): keep and show it.
        result = self.slot.result
        if result is not None and hasattr(result, "complete"):
            self._keep(result)
        self.status.setText(self.tr("Stopped."))

    @Slot()
    def _on_done(self) -> None:
        if self._claimed:
            self.session.release_training(OWNER)
        self._claimed = False
        self._running = None
        self._show_state()

    def _store_runs(self, result) -> None:
        """Keep the runs in the run store, where the Training tab's runs list finds them."""
        if not result.runs:
            return
        from cnnexplorer.core.errors import UserError
        from cnnexplorer.core.runs import RunStore

        try:
            store = RunStore(self.run_folder or default_run_folder())
            for run in result.runs:
                store.save(run)
        except (UserError, OSError) as exc:
            self.report_error(exc)

    # -- showing the result where it lives --------------------------------------------------------------
    @Slot()
    def show_result(self) -> None:
        lesson = self.lesson
        result = self.results.get(lesson.name)
        if result is None:
            return
        model = result.artifacts.get("model")
        if model is None and result.runs:
            model = result.artifacts.get("models", {}).get(result.runs[-1].id)
        dataset = result.runs[-1].dataset if result.runs else None
        if lesson.shows == "visualize" and model is not None:
            source = "trained" if result.runs else "pretrained"  # a demo that trained nothing shows a base as it is
            self.session.set_model(model, lesson_text(lesson.title), source, dataset=dataset)
            image = result.artifacts.get("image")
            if image is not None:
                self.session.probe_image = ProbeImage(image, note=lesson_text(lesson.title))
        elif lesson.shows == "training" and model is not None:
            self.session.set_model(model, result.runs[-1].name if result.runs else lesson_text(lesson.title),
                                   "trained", dataset=dataset)
        elif lesson.shows == "concepts" and result.artifacts.get("design") is not None:
            self.session.design = result.artifacts["design"]
        window = self.window()
        if lesson.shows == "training" and result.runs:
            # The Training tab's runs list reads the run store: reload it and overlay this demo's runs.
            panel = getattr(getattr(window, "tab_by_key", {}).get("training"), "runs_panel", None)
            if panel is not None:
                panel.reload()
                panel.set_checked([run.id for run in result.runs])
        if hasattr(window, "select_tab"):
            window.select_tab(lesson.shows)
        target = getattr(window, "tab_by_key", {}).get(lesson.shows)
        if lesson.view and target is not None:
            target.select_view(lesson.view)

    # -- window hooks ---------------------------------------------------------------------------------
    def confirm_close(self) -> bool:
        if self._running is None:
            return True
        return self.ask(self.tr("A demo is running"),
                            self.tr("A lesson's demo is still running. Stop it and close?"))

    def prepare_screenshot(self) -> None:
        """Show a finished quick demo (pooling: seconds, no training; run here, synchronously)."""
        self.select_lesson("pooling")
        result = self.lesson.run(self.seed, quick=True)
        self.results[result.lesson] = result
        self.status.setText(self.tr("Done in %1 s.").replace("%1", f"{result.seconds:.0f}"))
        self._show_state()


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


if __name__ == "__main__":
    raise SystemExit(run_standalone(LessonsTab))
