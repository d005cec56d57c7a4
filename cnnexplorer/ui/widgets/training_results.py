"""The Training tab's results: test accuracy, a clickable confusion matrix, per-class accuracy and a summary.

:meth:`TrainingResults.show_outcome` takes what ``ml.training_run.run_training``
returned. Clicking a cell opens the test images of that cell
(:meth:`show_cell`); choosing one there emits :attr:`image_chosen` with a
:class:`~cnnexplorer.core.session.ProbeImage` for the Visualize tab. Classes
are named by the names attached to the model (``ml.class_names``), else the
dataset's.
"""
from __future__ import annotations

import math
from typing import Any

import numpy as np
from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from cnnexplorer.core.confusion import cell_indices, confusion_matrix, most_confused, per_class_accuracy
from cnnexplorer.core.session import ProbeImage
from cnnexplorer.ui import presentation
from cnnexplorer.ui.widgets.column_scroll import ColumnScroll
from cnnexplorer.ui.widgets.confusion_matrix import ConfusionMatrixView
from cnnexplorer.ui.widgets.image_grid_dialog import ImageGridDialog

MAX_GRID_IMAGES = 200


def outcome_class_names(outcome: Any) -> list[str]:
    """The class names of a training outcome: those attached to the model, else the dataset's."""
    from cnnexplorer.ml.class_names import class_names

    names = class_names(outcome.model) if outcome.model is not None else None
    dataset_names = [str(n) for n in outcome.dataset.class_names]
    if names is None or len(names) != len(dataset_names):
        return dataset_names
    return names


class TrainingResults(QWidget):
    """Confusion matrix on the left, test numbers and a few sentences on the right."""

    image_chosen = Signal(object)  # ProbeImage of a test image picked in a cell's grid
    problem = Signal(str)  # something to tell the user (e.g. sequences cannot be shown as pictures)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._outcome: Any = None
        self._names: list[str] = []
        self._grid: ImageGridDialog | None = None
        self._grid_rows: np.ndarray | None = None
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.matrix_view = ConfusionMatrixView(self)
        layout.addWidget(self.matrix_view, 3)  # the whole height: ten classes stay readable on a projector
        side = QWidget()
        summary = QVBoxLayout(side)
        summary.setContentsMargins(0, 0, 0, 0)
        title = QLabel(self.tr("<b>Confusion matrix</b> (rows: true class, columns: predicted) — "
                               "click a cell to see those test images"), side)
        title.setWordWrap(True)
        summary.addWidget(title)
        self.test_label = QLabel(side)
        self.test_label.setWordWrap(True)
        presentation.follow_text_size(self.test_label, delta=4, bold=True)
        self.details_label = QLabel(side)
        self.details_label.setWordWrap(True)
        self.details_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        summary.addWidget(self.test_label)
        summary.addWidget(self.details_label)
        summary.addStretch(1)
        # Big presentation text may not fit beside a ten-class matrix: it scrolls rather than being cut.
        scroll = ColumnScroll(side, self, vertical=QSizePolicy.Policy.Ignored)  # the matrix sets the height
        layout.addWidget(scroll, 2)
        self.matrix_view.cell_chosen.connect(self.show_cell)
        self.clear()

    @property
    def outcome(self) -> Any:
        return self._outcome

    def clear(self) -> None:
        self._outcome = None
        self.matrix_view.set_matrix(np.zeros((0, 0), dtype=np.int64), [])
        self.test_label.setText(self.tr("Test results appear here after training."))
        self.details_label.setText("")

    def show_outcome(self, outcome: Any) -> bool:
        """Show a run's test results; False (and a note) when the run ended before testing."""
        result = outcome.result
        if result.test_accuracy is None or outcome.predictions is None:
            self.clear()
            self.test_label.setText(self.tr("No test results: the run was stopped before testing."))
            return False
        self._outcome = outcome
        names = self._names = outcome_class_names(outcome)
        y_true = np.asarray(outcome.dataset.y_test)
        matrix = confusion_matrix(y_true, outcome.predictions, len(names))
        self.matrix_view.set_matrix(matrix, names)
        self.test_label.setText(self.tr("Test accuracy {0:.1%}\nTest loss {1:.4f}").format(
            result.test_accuracy, result.test_loss))
        acc = per_class_accuracy(matrix)
        lines = [self.tr("{0} test images, {1} wrong.").format(len(y_true), int(len(y_true) - np.trace(matrix)))]
        valid = [i for i in range(len(names)) if not math.isnan(acc[i])]
        if valid:
            worst = min(valid, key=lambda i: acc[i])
            best = max(valid, key=lambda i: acc[i])
            lines.append(self.tr("Hardest class: {0} ({1:.0%}); easiest: {2} ({3:.0%}).").format(
                names[worst], acc[worst], names[best], acc[best]))
        confused = most_confused(matrix, 3)
        if confused:
            lines.append(self.tr("Most confused:") + " " + ", ".join(
                f"{names[i]} → {names[j]} ({n})" for i, j, n in confused))
        lines.append(self.tr("The model is now the current model: the Visualize tab looks inside it."))
        self.details_label.setText("\n".join(lines))
        return True

    @Slot(int, int)
    def show_cell(self, true_class: int, predicted_class: int) -> ImageGridDialog | None:
        """Open a grid of the test images in one confusion-matrix cell."""
        outcome = self._outcome
        if outcome is None:
            return None
        names = self._names
        rows = cell_indices(outcome.dataset.y_test, outcome.predictions, true_class, predicted_class)
        shown = rows[:MAX_GRID_IMAGES]
        x = outcome.dataset.x_test
        if x.ndim != 4:  # sequences have no picture
            self.problem.emit(self.tr("{0} examples of true {1} predicted as {2} (sequences cannot be shown as "
                                      "images).").format(len(rows), names[true_class], names[predicted_class]))
            return None
        captions = [self.tr("#{0}\ntrue {1} · pred {2}\n{3:.0%} sure").format(
            int(i), names[true_class], names[predicted_class], float(outcome.confidences[i])) for i in shown]
        verdict = self.tr("correct") if true_class == predicted_class else self.tr("mistakes")
        title = self.tr("True {0}, predicted {1}: {2} image(s) ({3})").format(
            names[true_class], names[predicted_class], len(rows), verdict)
        note = self.tr("Showing the first {0}.").format(len(shown)) if len(rows) > len(shown) else ""
        dialog = ImageGridDialog(title, [x[i] for i in shown], captions, self.tr("Show in Visualize"), self,
                                 note=note)
        self._grid_rows = shown
        dialog.chosen.connect(self._on_grid_choice)
        self._grid = dialog
        dialog.open()
        return dialog

    @Slot(int)
    def _on_grid_choice(self, position: int) -> None:
        outcome = self._outcome
        if outcome is None or self._grid_rows is None:
            return
        i = int(self._grid_rows[position])
        true_name = self._names[int(outcome.dataset.y_test[i])]
        pred_name = self._names[int(outcome.predictions[i])]
        probe = ProbeImage(np.array(outcome.dataset.x_test[i]), true_name,
                           self.tr("test #{0}: predicted {1} ({2:.0%})").format(
                               i, pred_name, float(outcome.confidences[i])))
        if self._grid is not None:
            self._grid.accept()
        self.image_chosen.emit(probe)

    def close_dialogs(self) -> None:
        if self._grid is not None:
            self._grid.close()
            self._grid = None
