"""The convolution lab: a kernel slides over the input grid, one multiply-and-add at a time."""
from __future__ import annotations

import numpy as np
from PySide6.QtCore import Slot
from PySide6.QtWidgets import QComboBox, QSpinBox, QWidget

from cnnexplorer.core import conv_lab as lab
from cnnexplorer.core.conv_lab import fmt
from cnnexplorer.ui.tabs.concepts.input_grid import InputModel
from cnnexplorer.ui.tabs.concepts.lab_page import _LabPage
from cnnexplorer.ui.tabs.concepts.parts import blank_note, pt, size_caption
from cnnexplorer.ui.widgets.flow_layout import labelled
from cnnexplorer.ui.widgets.lab_canvas import RIGHT_BUTTON, Panel


class ConvLab(_LabPage):
    def __init__(self, model: InputModel, parent: QWidget | None = None) -> None:
        super().__init__(model, parent)
        self.kernel_spin = QSpinBox()
        self.kernel_spin.setRange(1, 7)
        self.kernel_spin.setValue(3)
        labelled(self.controls, self.tr("Kernel"), self.kernel_spin)
        self.stride_spin = QSpinBox()
        self.stride_spin.setRange(1, 3)
        labelled(self.controls, self.tr("Stride"), self.stride_spin)
        self.padding_combo = QComboBox()
        self.padding_combo.addItem("valid", "valid")
        self.padding_combo.addItem("same", "same")
        labelled(self.controls, self.tr("Padding"), self.padding_combo)
        self.preset_combo = QComboBox()
        names = {"edge": self.tr("edge"), "vertical edge": self.tr("vertical edge"),
                 "horizontal edge": self.tr("horizontal edge"), "blur": self.tr("blur"),
                 "sharpen": self.tr("sharpen"), "identity": self.tr("identity"), "random": self.tr("random")}
        for key in lab.KERNEL_PRESETS:
            self.preset_combo.addItem(names[key], key)
        self.preset_combo.addItem(self.tr("edited by hand"), "custom")
        labelled(self.controls, self.tr("Values"), self.preset_combo)
        self.random_seed = 0
        self.kernel = lab.kernel_preset("edge", 3)
        self.result: lab.ConvResult | None = None
        self.kernel_spin.valueChanged.connect(self._kernel_size_changed)
        self.stride_spin.valueChanged.connect(self._settings_changed)
        self.padding_combo.currentIndexChanged.connect(self._settings_changed)
        self.preset_combo.currentIndexChanged.connect(self._preset_chosen)
        self.explain.setText(self.tr(
            "<p><b>How a convolution works.</b> The kernel is a small square of numbers. It is laid over the "
            "input; every covered input number is multiplied by the kernel number on top of it, and the products "
            "are added up. That one sum is one output cell. Then the window moves on and does the same again.</p>"
            "<p>The same few kernel numbers are used at every position. That is why a convolution needs so few "
            "weights, and why it finds a pattern wherever in the picture it appears.</p>"
            "<p><b>Stride</b> is how many cells the window jumps at each step. <b>Padding 'valid'</b> only uses "
            "positions where the whole window fits, so the output shrinks. <b>Padding 'same'</b> adds a border of "
            "zeros (grey) so that the output has n ÷ stride cells, rounded up; when the border cannot be split "
            "evenly, Keras puts the extra row and column at the bottom and on the right.</p>"
            "<p><i>Click the input to draw (right click erases); click a kernel cell to add 1 (right click "
            "subtracts 1); click an output cell to jump to it.</i></p>"))
        self.refresh()

    @property
    def stride(self) -> int:
        return self.stride_spin.value()

    @property
    def padding(self) -> str:
        return self.padding_combo.currentData()

    @Slot(int)
    def _kernel_size_changed(self, size: int) -> None:
        preset = self.preset_combo.currentData()
        if preset == "custom":
            self.kernel = lab.resize_kernel(self.kernel, size)
        else:
            self.kernel = lab.kernel_preset(preset, size, seed=self.random_seed)
        self._settings_changed()

    @Slot(int)
    def _preset_chosen(self, _index: int) -> None:
        preset = self.preset_combo.currentData()
        if preset == "random":
            self.random_seed += 1
        if preset != "custom":
            self.kernel = lab.kernel_preset(preset, self.kernel_spin.value(), seed=self.random_seed)
        self.refresh()

    def panel_clicked(self, key: str, row: int, col: int, button: int) -> None:
        if key != "kernel":
            return
        self.kernel = self.kernel.copy()
        self.kernel[row, col] += -1 if button == RIGHT_BUTTON else 1
        self.preset_combo.blockSignals(True)
        self.preset_combo.setCurrentIndex(self.preset_combo.findData("custom"))
        self.preset_combo.blockSignals(False)
        self.refresh()

    def configure(self, kernel: int, stride: int, padding: str, preset: str = "edge") -> None:
        """Set every lab control at once (used by the screenshot and by tests)."""
        for w in (self.kernel_spin, self.stride_spin, self.padding_combo, self.preset_combo):
            w.blockSignals(True)
        self.kernel_spin.setValue(kernel)
        self.stride_spin.setValue(stride)
        self.padding_combo.setCurrentIndex(self.padding_combo.findData(padding))
        self.preset_combo.setCurrentIndex(self.preset_combo.findData(preset))
        for w in (self.kernel_spin, self.stride_spin, self.padding_combo, self.preset_combo):
            w.blockSignals(False)
        if preset != "custom":
            self.kernel = lab.kernel_preset(preset, kernel, seed=self.random_seed)
        else:
            self.kernel = lab.resize_kernel(self.kernel, kernel)
        self.index = 0
        self.refresh()

    def refresh(self) -> None:
        grid = self.model.grid
        k = self.kernel.shape[0]
        problems = lab.check_conv(grid, self.kernel, self.stride, self.padding) + blank_note(grid)
        result = self.result = lab.convolve(grid, self.kernel, self.stride, self.padding)
        kernel_panel = Panel("kernel", self.tr("Kernel %1×%1").replace("%1", str(k)), self.kernel, colors="signed",
                             prefix="×")
        if not self.show_checks(grid, problems, k, self.stride, self.padding):
            return
        title = self.input_title(grid)
        if result is None:
            self.show_no_output([Panel("input", title, grid, vmax=max(float(grid.max()), 9.0)), kernel_panel])
            return
        count = len(result.steps)
        self.index = min(max(self.index, 0), count - 1)
        step = result.steps[self.index]
        rows, cols = result.rows, result.cols
        pad = (rows.before, rows.after, cols.before, cols.after)
        if any(pad):
            title += self.tr(" + padding")
        caption = ""
        if any(pad):
            caption = (self.tr("zero padding: %1 top, %2 bottom, %3 left, %4 right")
                       .replace("%1", str(pad[0])).replace("%2", str(pad[1]))
                       .replace("%3", str(pad[2])).replace("%4", str(pad[3])))
        input_panel = Panel("input", title, grid, pad=pad, vmax=max(float(grid.max()), 9.0),
                            window=(step.top, step.left, k, k), lost=set(result.never_seen), caption=caption)
        products = Panel("products", self.tr("Products"), step.products, colors="signed",
                         texts=[[fmt(v) for v in row] for row in step.products],
                         subtexts=[[f"{fmt(v)}×{fmt(w)}" for v, w in zip(vr, wr)]
                                   for vr, wr in zip(step.values, self.kernel)],
                         stack_below=True)
        filled = self.filled_cells(result.output.shape)
        shown = result.output[filled]
        output = Panel("output", self.output_title(rows.out, cols.out), result.output, colors="signed",
                       vmax=float(np.abs(shown).max()) if shown.size else 1.0,
                       filled=filled, current=(step.out_row, step.out_col), prefix="=",
                       caption=size_caption(grid.shape[0], k, self.stride, self.padding))
        self.canvas.set_panels([input_panel, kernel_panel, products, output])
        heading = self.tr("Multiply and add")
        if np.any((step.values != 0) & (self.kernel != 0)):
            sums = step.sum_text(self.kernel)
        else:
            sums = self.tr("every product is 0") + " = 0"
        where = self.where_text(step.out_row, step.out_col)
        self.calc.setText(f"<p><b>{heading}</b></p><p style='font-size: {pt(1.5)}'>{sums}</p>"
                          f"<p style='font-size: {pt(1.3)}'>→ {where} = <b>{fmt(step.total)}</b></p>")
        self.step_bar.set_state(self.index, count, self.step_text(self.index, count, step.out_row, step.out_col))

    def interesting_step(self) -> int:
        """A window position worth showing: many non-zero products, preferably touching the padding."""
        if self.result is None:
            return 0
        best, best_score = 0, -1.0
        for i, step in enumerate(self.result.steps):
            score = float(np.count_nonzero(step.products)) + (1.5 if not step.inside.all() else 0.0)
            if score > best_score:
                best, best_score = i, score
        return best
