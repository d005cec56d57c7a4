"""The pooling lab: which number of each window survives max (or average) pooling."""
from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QSpinBox, QWidget

from cnnexplorer.core import conv_lab as lab
from cnnexplorer.core.conv_lab import fmt
from cnnexplorer.ui.tabs.concepts.input_grid import InputModel
from cnnexplorer.ui.tabs.concepts.lab_page import _LabPage
from cnnexplorer.ui.tabs.concepts.parts import blank_note, pt, size_caption
from cnnexplorer.ui.widgets.flow_layout import labelled
from cnnexplorer.ui.widgets.lab_canvas import Panel


class PoolLab(_LabPage):
    def __init__(self, model: InputModel, parent: QWidget | None = None) -> None:
        super().__init__(model, parent)
        self.pool_spin = QSpinBox()
        self.pool_spin.setRange(1, 4)
        self.pool_spin.setValue(2)
        labelled(self.controls, self.tr("Pool size"), self.pool_spin)
        self.stride_spin = QSpinBox()
        self.stride_spin.setRange(1, 4)
        self.stride_spin.setValue(2)
        labelled(self.controls, self.tr("Stride"), self.stride_spin)
        self.padding_combo = QComboBox()
        self.padding_combo.addItem("valid", "valid")
        self.padding_combo.addItem("same", "same")
        labelled(self.controls, self.tr("Padding"), self.padding_combo)
        self.mode_combo = QComboBox()
        self.mode_combo.addItem(self.tr("max"), "max")
        self.mode_combo.addItem(self.tr("average"), "average")
        labelled(self.controls, self.tr("Keep"), self.mode_combo)
        self.result: lab.PoolResult | None = None
        for w in (self.pool_spin, self.stride_spin):
            w.valueChanged.connect(self._settings_changed)
        for combo in (self.padding_combo, self.mode_combo):
            combo.currentIndexChanged.connect(self._settings_changed)
        self.explain.setText(self.tr(
            "<p><b>How max pooling works.</b> The input is cut into windows (2×2 with stride 2 by default). "
            "From each window only the largest number is kept (circled in green); the others are dropped.</p>"
            "<p>A 2×2 pool with stride 2 halves the width and the height. The strongest response of each region "
            "survives, so a feature still counts if it moves by a pixel, and the next convolution's 3×3 window "
            "covers twice as much of the original picture.</p>"
            "<p>Pooling has no weights: nothing is learned here. <b>Average</b> pooling keeps the mean of the "
            "window instead. With padding 'same' the border cells take no part: they are not zeros that could "
            "win.</p>"))
        self.refresh()

    def configure(self, size: int, stride: int, padding: str = "valid", mode: str = "max") -> None:
        for w in (self.pool_spin, self.stride_spin, self.padding_combo, self.mode_combo):
            w.blockSignals(True)
        self.pool_spin.setValue(size)
        self.stride_spin.setValue(stride)
        self.padding_combo.setCurrentIndex(self.padding_combo.findData(padding))
        self.mode_combo.setCurrentIndex(self.mode_combo.findData(mode))
        for w in (self.pool_spin, self.stride_spin, self.padding_combo, self.mode_combo):
            w.blockSignals(False)
        self.index = 0
        self.refresh()

    def refresh(self) -> None:
        grid = self.model.grid
        size, stride = self.pool_spin.value(), self.stride_spin.value()
        padding, mode = self.padding_combo.currentData(), self.mode_combo.currentData()
        problems = lab.check_pool(grid, size, stride, padding) + blank_note(grid)
        result = self.result = lab.pool(grid, size, stride, padding, mode)
        if not self.show_checks(grid, problems, size, stride, padding):
            return
        title = self.input_title(grid)
        vmax = max(float(grid.max()), 9.0)
        if result is None:
            self.show_no_output([Panel("input", title, grid, vmax=vmax)])
            return
        count = len(result.steps)
        self.index = min(max(self.index, 0), count - 1)
        step = result.steps[self.index]
        rows, cols = result.rows, result.cols
        pad = (rows.before, rows.after, cols.before, cols.after)
        kept = {s.kept for s in result.steps[: self.index + 1] if s.kept is not None}
        input_panel = Panel("input", title, grid, pad=pad, vmax=vmax, window=(step.top, step.left, size, size),
                            pad_text="",
                            kept=kept, focus_kept=step.kept, lost=set(result.never_seen),
                            caption=self.tr("grey border: padding, ignored by pooling") if any(pad) else "")
        filled = self.filled_cells(result.output.shape)
        output = Panel("output", self.output_title(rows.out, cols.out), result.output, vmax=vmax, filled=filled,
                       current=(step.out_row, step.out_col), prefix="→",
                       caption=size_caption(grid.shape[0], size, stride, padding))
        self.canvas.set_panels([input_panel, output])
        values = ", ".join(fmt(grid[r, c]) for r, c in step.cells)
        word = "max" if mode == "max" else self.tr("mean")
        heading = self.tr("This window keeps")
        where = self.where_text(step.out_row, step.out_col)
        self.calc.setText(f"<p><b>{heading}</b></p>"
                          f"<p style='font-size: {pt(1.5)}'>{word}({values}) = <b>{fmt(step.value)}</b></p>"
                          f"<p style='font-size: {pt(1.3)}'>→ {where}</p>")
        self.step_bar.set_state(self.index, count, self.step_text(self.index, count, step.out_row, step.out_col))
