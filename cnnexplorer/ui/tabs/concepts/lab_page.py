"""What the convolution and pooling labs share: input controls, canvas, step bar, side panel."""
from __future__ import annotations

import numpy as np
from PySide6.QtCore import Slot
from PySide6.QtWidgets import QComboBox, QFrame, QHBoxLayout, QSizePolicy, QSpinBox, QVBoxLayout, QWidget

from cnnexplorer.core import conv_lab as lab
from cnnexplorer.core.conv_lab import fmt
from cnnexplorer.ui.tabs.concepts.input_grid import BRUSH, InputModel
from cnnexplorer.ui.tabs.concepts.parts import problem_html, pt, side_label, side_width
from cnnexplorer.ui.widgets.column_scroll import ColumnScroll
from cnnexplorer.ui.widgets.flow_layout import FlowLayout, labelled
from cnnexplorer.ui.widgets.lab_canvas import RIGHT_BUTTON, LabCanvas, Panel
from cnnexplorer.ui.widgets.step_bar import StepBar


class _LabPage(QWidget):
    """What the convolution and pooling labs share: input controls, canvas, step bar, side panel."""

    def __init__(self, model: InputModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.index = 0
        self.controls = FlowLayout()
        self.source_combo = QComboBox()
        for d in range(10):
            self.source_combo.addItem(self.tr("Digit %1").replace("%1", str(d)), f"digit {d}")
        self.source_combo.addItem(self.tr("Blank (draw)"), "blank")
        labelled(self.controls, self.tr("Input"), self.source_combo)
        self.size_spin = QSpinBox()
        self.size_spin.setRange(0, lab.MAX_GRID)
        labelled(self.controls, self.tr("Size"), self.size_spin)
        self.canvas = LabCanvas()
        self.step_bar = StepBar()
        self.side = QFrame()
        self.side.setObjectName("conceptsSide")
        self.side_layout = QVBoxLayout(self.side)
        self.calc = side_label(object_name="calc")
        self.formula = side_label(object_name="formula")
        self.problems = side_label(object_name="problems")
        self.problems.setStyleSheet("QLabel { background: #fef3c7; color: #7c2d12; border: 2px solid #f59e0b;"
                                    " border-radius: 6px; padding: 6px; }")
        self.explain = side_label(object_name="explain")
        for w in (self.calc, self.problems, self.formula, self.explain):
            w.setMinimumWidth(50)  # a long unbreakable line is clipped, never widens the column past its area
            self.side_layout.addWidget(w)
        self.side_layout.addStretch(1)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(self.controls)
        left_layout.addWidget(self.canvas, 1)
        left_layout.addWidget(self.step_bar)
        self.side_area = ColumnScroll(self.side, vertical=QSizePolicy.Policy.Ignored)  # the canvas sets the height
        self.side_area.setObjectName("conceptsSideArea")
        self.side_area.setFixedWidth(side_width())
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(left, 1)
        layout.addWidget(self.side_area)
        self.source_combo.currentIndexChanged.connect(self._source_chosen)
        self.size_spin.valueChanged.connect(self._size_chosen)
        self.step_bar.stepRequested.connect(self.go_to)
        self.canvas.cellClicked.connect(self._cell_clicked)
        model.changed.connect(self._model_changed)
        self._sync_input_controls()

    def _sync_input_controls(self) -> None:
        for w, value in ((self.source_combo, None), (self.size_spin, self.model.size)):
            w.blockSignals(True)
            if value is None:
                self.source_combo.setCurrentIndex(max(self.source_combo.findData(self.model.source), 0))
            else:
                self.size_spin.setValue(value)
            w.blockSignals(False)

    @Slot(int)
    def _source_chosen(self, _index: int) -> None:
        self.model.set_source(self.source_combo.currentData())

    @Slot(int)
    def _size_chosen(self, value: int) -> None:
        self.model.set_size(value)

    @Slot()
    def _model_changed(self) -> None:
        self._sync_input_controls()
        self.refresh()

    @Slot(str, int, int, int)
    def _cell_clicked(self, key: str, row: int, col: int, button: int) -> None:
        if key == "input":
            self.model.paint(row, col, 0 if button == RIGHT_BUTTON else BRUSH)
        elif key == "output":
            output = self.canvas.panel("output")  # the clicked panel: it has cells
            if output is not None and output.values is not None:
                self.go_to(row * output.values.shape[1] + col)
        else:
            self.panel_clicked(key, row, col, button)

    def panel_clicked(self, key: str, row: int, col: int, button: int) -> None:
        """Clicks on the page's own panels (the kernel)."""

    @Slot(int)
    def go_to(self, index: int) -> None:
        self.index = index
        self.refresh()

    @Slot()
    def _settings_changed(self, *_args) -> None:
        self.index = 0
        self.refresh()

    def refresh(self) -> None:
        """Recompute and redraw the page; each lab page overrides this."""

    def show_checks(self, grid: np.ndarray, problems: list, k: int, stride: int, padding: str) -> bool:
        """The problems and the size formula in the side panel; False (canvas cleared) when the grid is empty."""
        self.problems.setText(problem_html(problems, self.translate_problem))
        self.problems.setVisible(bool(problems))
        self.formula.setText(self.size_formula_html(grid.shape[0] if grid.size else 0, k, stride, padding))
        if grid.size:
            return True
        self.canvas.set_panels([], self.tr("The input grid is empty. Choose a digit, or set the size to at "
                                           "least 1 and draw on it."))
        self.calc.setText("")
        self.step_bar.set_state(0, 0, "")
        return False

    def show_no_output(self, panels: list[Panel]) -> None:
        """The window fits nowhere: only the input (and kernel) panels, and why there is nothing more."""
        self.canvas.set_panels(panels)
        self.calc.setText(f"<p style='font-size: {pt(1.6)}'><b>" + self.tr("No output") + "</b></p>")
        self.step_bar.set_state(0, 0, self.tr("The window does not fit: see the note on the right."))

    def input_title(self, grid: np.ndarray) -> str:
        return self.tr("Input %1×%2").replace("%1", str(grid.shape[0])).replace("%2", str(grid.shape[1]))

    def output_title(self, rows: int, cols: int) -> str:
        return self.tr("Output %1×%2").replace("%1", str(rows)).replace("%2", str(cols))

    def filled_cells(self, shape: tuple[int, ...]) -> np.ndarray:
        """True for the output cells computed up to the current step (row by row)."""
        filled = np.zeros(shape, dtype=bool)
        filled.ravel()[: self.index + 1] = True
        return filled

    def translate_problem(self, p: lab.Problem) -> str:
        q = p.params
        what = self.tr("kernel") if q.get("what") == "kernel" else self.tr("pooling window")
        if p.code == "empty":
            return self.tr("The input grid is empty: choose a digit, or give the grid at least one row and column "
                           "with the Size box.")
        if p.code == "too_big":
            return (self.tr("The %1×%1 %2 is larger than the %3×%4 input, so with padding 'valid' it fits nowhere "
                            "and there is no output. Use a smaller %2, a bigger grid, or padding 'same'.")
                    .replace("%1", str(q["kernel"])).replace("%2", what)
                    .replace("%3", str(q["rows"])).replace("%4", str(q["cols"])))
        if p.code == "blank":
            return self.tr("The grid is all zeros, so every output is 0 too. Click the input cells to draw "
                           "something (right click erases), or choose a digit.")
        if p.code == "stride":
            return (self.tr("The stride (%1) is larger than the %2 (%3): the window jumps over some input cells "
                            "and never looks at them (crossed out in red). Keras allows it, but that information "
                            "is lost. Use a stride of at most %3.")
                    .replace("%1", str(q["stride"])).replace("%2", what).replace("%3", str(q["kernel"])))
        return p.text

    def size_formula_html(self, n: int, k: int, s: int, padding: str) -> str:
        if n <= 0:
            return ""
        # Built here rather than with lab.output_size_text so every word can be translated.
        plan = lab.plan_axis(n, k, s, padding)
        if padding == "same":
            raw = (plan.out - 1) * s + k - n
            lines = [self.tr("out = ceil(n / s)"), f"    = ceil({n} / {s}) = {plan.out}",
                     self.tr("pad = (out − 1)·s + k − n"),
                     f"    = {plan.out - 1}·{s} + {k} − {n} = {fmt(raw)}" + (" → 0" if raw < 0 else ""),
                     (self.tr("→ %1 before, %2 after").replace("%1", str(plan.before)).replace("%2", str(plan.after))
                      if plan.before + plan.after else self.tr("→ no padding needed"))]
        else:
            lines = [self.tr("out = floor((n − k) / s) + 1"), f"    = floor(({n} − {k}) / {s}) + 1"
                     + (f" = {plan.out}" if n >= k else "")]
            if n < k:
                lines.append(self.tr("→ the window does not fit"))
        title = self.tr("Output size (each side)")
        settings = self.tr("n = %1, k = %2, s = %3, padding '%4'").replace("%1", str(n)).replace("%2", str(k)) \
            .replace("%3", str(s)).replace("%4", padding)
        text = "\n".join(lines)
        return f"<p><b>{title}</b><br>{settings}</p><pre style='font-size: {pt(1.0)}'>{text}</pre>"

    def where_text(self, row: int, col: int) -> str:
        return self.tr("output row %1, column %2").replace("%1", str(row + 1)).replace("%2", str(col + 1))

    def step_text(self, index: int, count: int, row: int, col: int) -> str:
        return (self.tr("Position %1 of %2 → output row %3, column %4")
                .replace("%1", str(index + 1)).replace("%2", str(count))
                .replace("%3", str(row + 1)).replace("%4", str(col + 1)))
