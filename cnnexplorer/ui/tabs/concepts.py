"""Concepts tab: a convolution lab, a pooling lab, a weights comparison and receptive fields.

Built for a teacher driving it live on a projector: big cells with numbers,
one window position at a time (step or play), and every bad setting explained
in the side panel instead of an error. All the arithmetic lives in
``core/conv_lab.py`` and ``core/receptive_field.py`` (tested against Keras);
this module only draws it and reacts to clicks.
"""
from __future__ import annotations

import numpy as np
from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView, QApplication, QButtonGroup, QComboBox, QFrame, QHBoxLayout, QHeaderView, QLabel, QPushButton,
    QScrollArea, QSizePolicy, QSlider, QSpinBox, QSplitter, QStackedWidget, QTableWidget, QTableWidgetItem,
    QVBoxLayout, QWidget,
)

from cnnexplorer.core import conv_lab as lab
from cnnexplorer.core import receptive_field as rf
from cnnexplorer.core.conv_lab import fmt
from cnnexplorer.ui import presentation
from cnnexplorer.ui.session_bridge import SessionBridge
from cnnexplorer.ui.tabs.base import Tab, run_standalone
from cnnexplorer.ui.widgets.cost_bars import CostBars
from cnnexplorer.ui.widgets.flow_layout import FlowLayout
from cnnexplorer.ui.widgets.lab_canvas import RIGHT_BUTTON, LabCanvas, Panel

DEFAULT_GRID = 10
BRUSH = 9  # value painted by a left click on the input grid


# -- the shared input grid ---------------------------------------------------------------

def _fallback_digit() -> np.ndarray:
    """A hand-drawn 28×28 "7", used when the bundled MNIST sample cannot be read."""
    img = np.zeros((28, 28))
    img[5:8, 6:22] = 255
    for r in range(8, 24):
        c = 21 - (r - 8) * 9 // 16
        img[r, c - 1:c + 2] = 255
    return img


class InputModel(QObject):
    """The small grid both labs work on: a downscaled digit or a hand-drawn pattern."""

    changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.source = "digit 7"
        self.size = DEFAULT_GRID
        self.note = ""
        self._digits: dict[int, np.ndarray] | None = None
        self.grid = self._make()

    def digits(self) -> dict[int, np.ndarray]:
        """The first test digit of each class from the bundled MNIST sample (28×28 uint8)."""
        if self._digits is None:
            try:
                self._digits = dict(lab.sample_digits())
                self.note = ""
            except Exception as exc:  # a broken install must not break the lab: draw a 7 instead
                self._digits = {c: _fallback_digit() for c in range(10)}
                self.note = str(exc)
        return self._digits

    def digit_image(self, label: int = 7) -> np.ndarray:
        return self.digits()[label]

    def _make(self) -> np.ndarray:
        if self.size <= 0:
            return np.zeros((0, 0))
        if self.source.startswith("digit"):
            return lab.digit_grid(self.digits()[int(self.source.split()[-1])], self.size)
        return np.zeros((self.size, self.size))

    def set_source(self, source: str) -> None:
        self.source = source
        self.grid = self._make()
        self.changed.emit()

    def set_size(self, size: int) -> None:
        if size == self.size:
            return
        old = self.grid
        self.size = size
        if self.source == "blank" and old.size and size > 0:  # keep a drawing when the grid grows or shrinks
            new = np.zeros((size, size))
            n = min(size, old.shape[0])
            new[:n, :n] = old[:n, :n]
            self.grid = new
        else:
            self.grid = self._make()
        self.changed.emit()

    def paint(self, row: int, col: int, value: float) -> None:
        if 0 <= row < self.grid.shape[0] and 0 <= col < self.grid.shape[1] and self.grid[row, col] != value:
            self.grid = self.grid.copy()
            self.grid[row, col] = value
            self.changed.emit()


# -- small shared widgets --------------------------------------------------------------

def _pt(factor: float) -> str:
    """A rich-text font size ``factor`` × the application's text size, so it grows with presentation mode."""
    return f"{QApplication.font().pointSizeF() * factor:.1f}pt"


def _side_width() -> int:
    """Width of a lab's side panel: wider with presentation-size text (the grids are limited by height then)."""
    return 420 if presentation.is_on() else 340


def _scrolling(widget: QWidget, object_name: str = "") -> QScrollArea:
    """``widget`` in a frameless area that scrolls vertically only, so a long explanation in large text
    scrolls inside its column instead of making the whole page taller than a 1280×800 projector."""
    area = QScrollArea()
    area.setWidget(widget)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    # Its content's height must not count as the page's wanted height (that is the point of scrolling here).
    area.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Ignored)
    if object_name:
        area.setObjectName(object_name)
    return area


def _side_label(text: str = "", object_name: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if object_name:
        label.setObjectName(object_name)
    return label


class StepBar(QWidget):
    """First / back / step / play / last, plus speed. Emits the wanted step index."""

    stepRequested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.index = 0
        self.count = 0
        self.timer = QTimer(self)
        self.timer.timeout.connect(self._tick)
        # A flow, so the buttons, the speed and the position wrap onto a second row with presentation-size text.
        layout = FlowLayout(self, spacing=8)
        self.first_button = QPushButton(self.tr("|◀ Start"))
        self.back_button = QPushButton(self.tr("◀ Back"))
        self.next_button = QPushButton(self.tr("Step ▶"))
        self.play_button = QPushButton(self.tr("▶ Play"))
        self.play_button.setCheckable(True)
        self.last_button = QPushButton(self.tr("End ▶|"))
        for b in (self.first_button, self.back_button, self.next_button, self.play_button, self.last_button):
            b.setMinimumHeight(38)
            layout.addWidget(b)
        self.first_button.clicked.connect(self._first)
        self.back_button.clicked.connect(self._back)
        self.next_button.clicked.connect(self._next)
        self.last_button.clicked.connect(self._last)
        self.play_button.toggled.connect(self._play)
        self.speed = QSlider(Qt.Orientation.Horizontal)
        self.speed.setRange(1, 10)
        self.speed.setValue(5)
        self.speed.setFixedWidth(140)
        self.speed.valueChanged.connect(self._speed_changed)
        speed_box = QWidget()
        speed_layout = QHBoxLayout(speed_box)
        speed_layout.setContentsMargins(12, 0, 12, 0)
        speed_layout.addWidget(QLabel(self.tr("Speed")))
        speed_layout.addWidget(self.speed)
        layout.addWidget(speed_box)
        self.position = QLabel()
        self.position.setObjectName("stepPosition")
        layout.addWidget(self.position)
        self._speed_changed(self.speed.value())

    def _fit_position(self, reset: bool) -> None:
        """The position text only ever widens while stepping through one setting, so the bar does not
        jump between one and two rows as the numbers grow and shrink."""
        width = self.position.fontMetrics().horizontalAdvance(self.position.text()) + 8
        self.position.setMinimumWidth(width if reset else max(width, self.position.minimumWidth()))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.FontChange:
            self._fit_position(reset=True)
        super().changeEvent(event)

    def set_state(self, index: int, count: int, text: str) -> None:
        reset = count != self.count
        self.index, self.count = index, count
        self.position.setText(text)
        self._fit_position(reset)
        enabled = count > 0
        for b in (self.first_button, self.back_button, self.next_button, self.play_button, self.last_button):
            b.setEnabled(enabled)
        if not enabled and self.play_button.isChecked():
            self.play_button.setChecked(False)

    def stop(self) -> None:
        self.play_button.setChecked(False)

    @Slot()
    def _first(self) -> None:
        self.stepRequested.emit(0)

    @Slot()
    def _back(self) -> None:
        self.stepRequested.emit(max(self.index - 1, 0))

    @Slot()
    def _next(self) -> None:
        self.stepRequested.emit(min(self.index + 1, max(self.count - 1, 0)))

    @Slot()
    def _last(self) -> None:
        self.stepRequested.emit(max(self.count - 1, 0))

    @Slot(bool)
    def _play(self, on: bool) -> None:
        self.play_button.setText(self.tr("⏸ Pause") if on else self.tr("▶ Play"))
        if on:
            if self.index >= self.count - 1:
                self.stepRequested.emit(0)
            self.timer.start()
        else:
            self.timer.stop()

    @Slot(int)
    def _speed_changed(self, value: int) -> None:
        self.timer.setInterval(int(1600 / value))

    @Slot()
    def _tick(self) -> None:
        if self.index >= self.count - 1:
            self.stop()
            return
        self.stepRequested.emit(self.index + 1)


def _labelled(layout: FlowLayout, text: str, widget: QWidget) -> QWidget:
    """Add "label [box]" to a flow of controls as one piece, so a row never ends between the two."""
    if isinstance(widget, QComboBox):
        widget.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
    label = QLabel(text)
    label.setBuddy(widget)
    group = QWidget()
    group_layout = QHBoxLayout(group)
    group_layout.setContentsMargins(0, 0, 6, 0)
    group_layout.setSpacing(6)
    group_layout.addWidget(label)
    group_layout.addWidget(widget)
    layout.addWidget(group)
    return widget


def _size_caption(n: int, k: int, s: int, padding: str) -> str:
    """The first line of the size formula, short enough to sit under the output grid."""
    return lab.output_size_text(n, k, s, padding).split("\n")[1].strip().lstrip("= ")


def _blank_note(grid: np.ndarray) -> list[lab.Problem]:
    """A hint, not an error: an all-zero grid gives an all-zero output."""
    if grid.size and not grid.any():
        return [lab.Problem("The grid is all zeros.", blocking=False, code="blank")]
    return []


def _problem_html(problems: list[lab.Problem], translate) -> str:
    if not problems:
        return ""
    items = "".join(f"<p>⚠ {translate(p)}</p>" for p in problems)
    return items


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
        _labelled(self.controls, self.tr("Input"), self.source_combo)
        self.size_spin = QSpinBox()
        self.size_spin.setRange(0, lab.MAX_GRID)
        _labelled(self.controls, self.tr("Size"), self.size_spin)
        self.canvas = LabCanvas()
        self.step_bar = StepBar()
        self.side = QFrame()
        self.side.setObjectName("conceptsSide")
        self.side_layout = QVBoxLayout(self.side)
        self.calc = _side_label(object_name="calc")
        self.formula = _side_label(object_name="formula")
        self.problems = _side_label(object_name="problems")
        self.problems.setStyleSheet("QLabel { background: #fef3c7; color: #7c2d12; border: 2px solid #f59e0b;"
                                    " border-radius: 6px; padding: 6px; }")
        self.explain = _side_label(object_name="explain")
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
        self.side_area = _scrolling(self.side, "conceptsSideArea")
        self.side_area.setFixedWidth(_side_width())
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
            self.go_to(row * self.canvas.panel("output").values.shape[1] + col)
        else:
            self.panel_clicked(key, row, col, button)

    def panel_clicked(self, key: str, row: int, col: int, button: int) -> None:
        """Clicks on the page's own panels (the kernel)."""

    @Slot(int)
    def go_to(self, index: int) -> None:
        self.index = index
        self.refresh()

    def refresh(self) -> None:
        """Recompute and redraw the page; each lab page overrides this."""

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
        return f"<p><b>{title}</b><br>{settings}</p><pre style='font-size: {_pt(1.0)}'>{text}</pre>"

    def where_text(self, row: int, col: int) -> str:
        return self.tr("output row %1, column %2").replace("%1", str(row + 1)).replace("%2", str(col + 1))

    def step_text(self, index: int, count: int, row: int, col: int) -> str:
        return (self.tr("Position %1 of %2 → output row %3, column %4")
                .replace("%1", str(index + 1)).replace("%2", str(count))
                .replace("%3", str(row + 1)).replace("%4", str(col + 1)))


# -- convolution lab -------------------------------------------------------------------------

class ConvLab(_LabPage):
    def __init__(self, model: InputModel, parent: QWidget | None = None) -> None:
        super().__init__(model, parent)
        self.kernel_spin = QSpinBox()
        self.kernel_spin.setRange(1, 7)
        self.kernel_spin.setValue(3)
        _labelled(self.controls, self.tr("Kernel"), self.kernel_spin)
        self.stride_spin = QSpinBox()
        self.stride_spin.setRange(1, 3)
        _labelled(self.controls, self.tr("Stride"), self.stride_spin)
        self.padding_combo = QComboBox()
        self.padding_combo.addItem("valid", "valid")
        self.padding_combo.addItem("same", "same")
        _labelled(self.controls, self.tr("Padding"), self.padding_combo)
        self.preset_combo = QComboBox()
        names = {"edge": self.tr("edge"), "vertical edge": self.tr("vertical edge"),
                 "horizontal edge": self.tr("horizontal edge"), "blur": self.tr("blur"),
                 "sharpen": self.tr("sharpen"), "identity": self.tr("identity"), "random": self.tr("random")}
        for key in lab.KERNEL_PRESETS:
            self.preset_combo.addItem(names[key], key)
        self.preset_combo.addItem(self.tr("edited by hand"), "custom")
        _labelled(self.controls, self.tr("Values"), self.preset_combo)
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

    @Slot()
    def _settings_changed(self, *_args) -> None:
        self.index = 0
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
        problems = lab.check_conv(grid, self.kernel, self.stride, self.padding) + _blank_note(grid)
        result = self.result = lab.convolve(grid, self.kernel, self.stride, self.padding)
        kernel_panel = Panel("kernel", self.tr("Kernel %1×%1").replace("%1", str(k)), self.kernel, colors="signed",
                             prefix="×")
        self.problems.setText(_problem_html(problems, self.translate_problem))
        self.problems.setVisible(bool(problems))
        self.formula.setText(self.size_formula_html(grid.shape[0] if grid.size else 0, k, self.stride, self.padding))
        if grid.size == 0:
            self.canvas.set_panels([], self.tr("The input grid is empty. Choose a digit, or set the size to at "
                                               "least 1 and draw on it."))
            self.calc.setText("")
            self.step_bar.set_state(0, 0, "")
            return
        title = self.tr("Input %1×%2").replace("%1", str(grid.shape[0])).replace("%2", str(grid.shape[1]))
        if result is None:
            input_panel = Panel("input", title, grid, vmax=max(float(grid.max()), 9.0))
            self.canvas.set_panels([input_panel, kernel_panel])
            self.calc.setText(f"<p style='font-size: {_pt(1.6)}'><b>" + self.tr("No output") + "</b></p>")
            self.step_bar.set_state(0, 0, self.tr("The window does not fit: see the note on the right."))
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
        filled = np.zeros(result.output.shape, dtype=bool)
        filled.ravel()[: self.index + 1] = True
        shown = result.output[filled]
        output = Panel("output", self.tr("Output %1×%2").replace("%1", str(rows.out)).replace("%2", str(cols.out)),
                       result.output, colors="signed", vmax=float(np.abs(shown).max()) if shown.size else 1.0,
                       filled=filled, current=(step.out_row, step.out_col), prefix="=",
                       caption=_size_caption(grid.shape[0], k, self.stride, self.padding))
        self.canvas.set_panels([input_panel, kernel_panel, products, output])
        heading = self.tr("Multiply and add")
        if np.any((step.values != 0) & (self.kernel != 0)):
            sums = step.sum_text(self.kernel)
        else:
            sums = self.tr("every product is 0") + " = 0"
        where = self.where_text(step.out_row, step.out_col)
        self.calc.setText(f"<p><b>{heading}</b></p><p style='font-size: {_pt(1.5)}'>{sums}</p>"
                          f"<p style='font-size: {_pt(1.3)}'>→ {where} = <b>{fmt(step.total)}</b></p>")
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


# -- pooling lab ------------------------------------------------------------------------------

class PoolLab(_LabPage):
    def __init__(self, model: InputModel, parent: QWidget | None = None) -> None:
        super().__init__(model, parent)
        self.pool_spin = QSpinBox()
        self.pool_spin.setRange(1, 4)
        self.pool_spin.setValue(2)
        _labelled(self.controls, self.tr("Pool size"), self.pool_spin)
        self.stride_spin = QSpinBox()
        self.stride_spin.setRange(1, 4)
        self.stride_spin.setValue(2)
        _labelled(self.controls, self.tr("Stride"), self.stride_spin)
        self.padding_combo = QComboBox()
        self.padding_combo.addItem("valid", "valid")
        self.padding_combo.addItem("same", "same")
        _labelled(self.controls, self.tr("Padding"), self.padding_combo)
        self.mode_combo = QComboBox()
        self.mode_combo.addItem(self.tr("max"), "max")
        self.mode_combo.addItem(self.tr("average"), "average")
        _labelled(self.controls, self.tr("Keep"), self.mode_combo)
        self.result: lab.PoolResult | None = None
        for w in (self.pool_spin, self.stride_spin):
            w.valueChanged.connect(self._settings_changed)
        for w in (self.padding_combo, self.mode_combo):
            w.currentIndexChanged.connect(self._settings_changed)
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

    @Slot()
    def _settings_changed(self, *_args) -> None:
        self.index = 0
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
        problems = lab.check_pool(grid, size, stride, padding) + _blank_note(grid)
        result = self.result = lab.pool(grid, size, stride, padding, mode)
        self.problems.setText(_problem_html(problems, self.translate_problem))
        self.problems.setVisible(bool(problems))
        self.formula.setText(self.size_formula_html(grid.shape[0] if grid.size else 0, size, stride, padding))
        if grid.size == 0:
            self.canvas.set_panels([], self.tr("The input grid is empty. Choose a digit, or set the size to at "
                                               "least 1 and draw on it."))
            self.calc.setText("")
            self.step_bar.set_state(0, 0, "")
            return
        title = self.tr("Input %1×%2").replace("%1", str(grid.shape[0])).replace("%2", str(grid.shape[1]))
        vmax = max(float(grid.max()), 9.0)
        if result is None:
            self.canvas.set_panels([Panel("input", title, grid, vmax=vmax)])
            self.calc.setText(f"<p style='font-size: {_pt(1.6)}'><b>" + self.tr("No output") + "</b></p>")
            self.step_bar.set_state(0, 0, self.tr("The window does not fit: see the note on the right."))
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
        filled = np.zeros(result.output.shape, dtype=bool)
        filled.ravel()[: self.index + 1] = True
        output = Panel("output", self.tr("Output %1×%2").replace("%1", str(rows.out)).replace("%2", str(cols.out)),
                       result.output, vmax=vmax, filled=filled, current=(step.out_row, step.out_col), prefix="→",
                       caption=_size_caption(grid.shape[0], size, stride, padding))
        self.canvas.set_panels([input_panel, output])
        values = ", ".join(fmt(grid[r, c]) for r, c in step.cells)
        word = "max" if mode == "max" else self.tr("mean")
        heading = self.tr("This window keeps")
        where = self.where_text(step.out_row, step.out_col)
        self.calc.setText(f"<p><b>{heading}</b></p>"
                          f"<p style='font-size: {_pt(1.5)}'>{word}({values}) = <b>{fmt(step.value)}</b></p>"
                          f"<p style='font-size: {_pt(1.3)}'>→ {where}</p>")
        self.step_bar.set_state(self.index, count, self.step_text(self.index, count, step.out_row, step.out_col))


# -- weights comparison -----------------------------------------------------------------------

class WeightsPage(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        controls = FlowLayout()
        self.height_spin = self._spin(1, 1024, 28)
        self.width_spin = self._spin(1, 1024, 28)
        self.channels_spin = self._spin(1, 2048, 1)
        self.filters_spin = self._spin(1, 2048, 32)
        self.kernel_spin = self._spin(1, 11, 3)
        self.padding_combo = QComboBox()
        self.padding_combo.addItem("same", "same")
        self.padding_combo.addItem("valid", "valid")
        _labelled(controls, self.tr("Input height"), self.height_spin)
        _labelled(controls, self.tr("width"), self.width_spin)
        _labelled(controls, self.tr("channels"), self.channels_spin)
        _labelled(controls, self.tr("Filters / units"), self.filters_spin)
        _labelled(controls, self.tr("Kernel"), self.kernel_spin)
        _labelled(controls, self.tr("Padding"), self.padding_combo)
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels([self.tr("Layer"), self.tr("Output shape"), self.tr("Weights"),
                                              self.tr("Multiply-adds"), self.tr("Where the weights come from")])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Maximum)
        self.table.installEventFilter(self)
        self.bars = CostBars()
        self.problem = _side_label()
        self.problem.setStyleSheet("QLabel { background: #fef3c7; color: #7c2d12; border: 2px solid #f59e0b;"
                                   " border-radius: 6px; padding: 6px; }")
        self.explain = _side_label(object_name="explain")
        self.explain.setText(self.tr(
            "<p><b>Why convolutions need so few weights.</b> A Dense layer connects every input number to every "
            "unit, so its weights grow with the size of the picture. A Conv2D connects each output only to a small "
            "k×k window and reuses the same weights at every position: its weight count does not depend on the "
            "picture size at all. Replacing one Conv2D by a Dense layer with the same number of outputs would "
            "take millions of weights.</p>"
            "<p><b>SeparableConv2D</b> splits the work in two: one k×k filter per input channel (depthwise), then "
            "a 1×1 convolution that mixes the channels (pointwise). With many channels this needs several times "
            "fewer weights and multiplications than Conv2D, and often learns just as well.</p>"
            "<p><i>The bars use a logarithmic scale: each step to the right is ten times more.</i></p>"))
        right = QVBoxLayout()
        right.addWidget(self.problem)
        right.addWidget(self.table)
        right.addWidget(self.bars, 1)
        body = QHBoxLayout()
        body.addLayout(right, 3)
        self.explain.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.explain_area = _scrolling(self.explain)
        body.addWidget(self.explain_area, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(controls)
        layout.addLayout(body, 1)
        for w in (self.height_spin, self.width_spin, self.channels_spin, self.filters_spin, self.kernel_spin):
            w.valueChanged.connect(self.refresh)
        self.padding_combo.currentIndexChanged.connect(self.refresh)
        self.costs: list[lab.LayerCost] = []
        self.refresh()

    def _fit_rows(self) -> None:
        """Rows as tall as their (wrapped) text, and the table as tall as its rows: no inner scrolling.

        Only while the page is shown: a hidden page has no final width, and a table sized for a narrow one
        would make every page of the tab as tall as it (they share one stack)."""
        if not self.isVisible():
            self.table.setMinimumHeight(0)
            self.table.setMaximumHeight(16777215)
            return
        self.table.resizeRowsToContents()
        rows = sum(self.table.rowHeight(r) for r in range(self.table.rowCount()))
        self.table.setFixedHeight(self.table.horizontalHeader().height() + rows + 2 * self.table.frameWidth() + 2)

    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        QTimer.singleShot(0, self._fit_rows)

    def hideEvent(self, event) -> None:  # noqa: N802
        super().hideEvent(event)
        self._fit_rows()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self.table and event.type() == QEvent.Type.Resize and event.oldSize().width() \
                != event.size().width():
            # after the table has laid out its columns for the new width: the texts wrap differently
            QTimer.singleShot(0, self._fit_rows)
        return super().eventFilter(watched, event)

    @staticmethod
    def _spin(lo: int, hi: int, value: int) -> QSpinBox:
        spin = QSpinBox()
        spin.setRange(lo, hi)
        spin.setValue(value)
        return spin

    @Slot()
    def refresh(self, *_args) -> None:
        h, w, c = self.height_spin.value(), self.width_spin.value(), self.channels_spin.value()
        f, k, padding = self.filters_spin.value(), self.kernel_spin.value(), self.padding_combo.currentData()
        if padding == "valid" and (k > h or k > w):
            self.costs = []
            self.problem.setText(self.tr("The %1×%1 kernel is larger than the %2×%3 input, so with padding 'valid' "
                                         "the convolution has no output. Use padding 'same', a smaller kernel or a "
                                         "bigger input.").replace("%1", str(k)).replace("%2", str(h))
                                 .replace("%3", str(w)))
            self.problem.show()
            self.table.setRowCount(0)
            self.bars.set_groups([])
            return
        self.problem.hide()
        self.costs = lab.compare_weights(h, w, c, f, k, padding)
        n_out = self.costs[0].output_shape[0]
        short = {"Dense (same output size)": self.tr("Dense, %1 units").replace("%1", f"{n_out:,}"),
                 f"Dense ({f} units)": self.tr("Dense, %1 units").replace("%1", str(f)),
                 "Conv2D": "Conv2D", "SeparableConv2D": "SeparableConv2D"}
        names = {"Dense (same output size)": self.tr("Dense, as many outputs as the Conv2D"),
                 f"Dense ({f} units)": self.tr("Dense, %1 units").replace("%1", str(f)),
                 "Conv2D": "Conv2D", "SeparableConv2D": "SeparableConv2D"}
        self.table.setRowCount(len(self.costs))
            # With presentation-size text five columns and the explanation do not fit 1280 px: the formula then
        # becomes the third line of the layer's cell instead of a column of its own.
        compact = presentation.is_on()
        self.explain_area.setMinimumWidth(260 if compact else 300)
        self.explain_area.setMaximumWidth(300 if compact else 420)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch if compact
                                    else QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(not compact)
        self.table.setColumnHidden(4, compact)
        for row, cost in enumerate(self.costs):
            cells = [names.get(cost.name, cost.name) + f"\n{cost.keras}" + (f"\n{cost.formula}" if compact else ""),
                     " × ".join(map(str, cost.output_shape)), f"{cost.params:,}", f"{cost.mult_adds:,}", cost.formula]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if col in (2, 3):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                self.table.setItem(row, col, item)
        self._fit_rows()
        self.table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        labels = [short.get(cost.name, cost.name) for cost in self.costs]
        self.bars.set_groups([
            (self.tr("Weights (parameters)"), [(lbl, cost.params) for lbl, cost in zip(labels, self.costs)]),
            (self.tr("Multiply-adds for one input"), [(lbl, cost.mult_adds) for lbl, cost in zip(labels, self.costs)]),
        ])


# -- receptive field ----------------------------------------------------------------------------

class FieldPage(QWidget):
    def __init__(self, tab: "ConceptsTab", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tab = tab
        self.table_data: rf.FieldTable | None = None
        self.row = 0
        self.cell: tuple[int, ...] = ()
        self.source = QLabel()
        self.source.setWordWrap(True)
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels([self.tr("Layer"), self.tr("Output"), self.tr("Stride"),
                                              self.tr("Jump"), self.tr("Sees")])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self._row_chosen)
        self.canvas = LabCanvas(uniform_cells=False, max_cell=40)
        self.canvas.cellClicked.connect(self._cell_clicked)
        self.answer = _side_label(object_name="answer")
        presentation.follow_text_size(self.answer, factor=1.4)
        self.explain = _side_label(object_name="explain")
        self.explain.setText(self.tr(
            "<p><b>What can one cell see?</b> Each cell of a layer is computed from a small window of the layer "
            "before, which was computed from windows of the layer before that, and so on back to the picture. "
            "So deeper cells depend on a larger square of pixels: their <b>receptive field</b> (column "
            "“Sees”).</p><p>Pooling and strides make it grow faster. “Jump” is how many input pixels apart two "
            "neighbouring cells of a layer are. After Flatten or Dense every value can depend on every pixel.</p>"
            "<p><i>Pick a layer in the table, then click one of its cells.</i></p>"))
        left = QVBoxLayout()
        left.addWidget(self.source)
        left.addWidget(self.table, 1)
        left.addWidget(_scrolling(self.explain), 1)
        left_widget = QWidget()
        left_widget.setLayout(left)
        right = QVBoxLayout()
        right.addWidget(self.canvas, 1)
        right.addWidget(self.answer)
        right_widget = QWidget()
        right_widget.setLayout(right)
        splitter = self.splitter = QSplitter()
        splitter.addWidget(left_widget)
        splitter.addWidget(right_widget)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([470, 800])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

    def load_design(self) -> None:
        from cnnexplorer.core.spec import template

        design = self.tab.session.design
        if design is None:
            design = template("mnist-cnn")
            self.source.setText(self.tr("No design in the Builder yet, so this shows the MNIST CNN template."))
        else:
            self.source.setText(self.tr("Design from the Builder: <b>%1</b>").replace("%1", str(design.name)))
        try:
            table = rf.field_table(design)
        except Exception as exc:  # a half-edited design must not break the tab
            self.table_data = None
            self.table.setRowCount(0)
            self.answer.setText(self.tr("This design cannot be analysed yet: %1").replace("%1", str(exc)))
            self.canvas.set_panels([])
            return
        self.table_data = table
        self.table.blockSignals(True)
        self.table.setRowCount(len(table.layers))
        for i, row in enumerate(table.layers):
            x = "×".join

            def one(values: tuple[int, ...]) -> str:  # "2" for a square 2×2 stride
                return "—" if not values else str(values[0]) if len(set(values)) == 1 else x(map(str, values))

            cells = [row.name, x(map(str, row.out_size)) if row.out_size else "—", one(row.stride), one(row.jump),
                     (self.tr("all") if row.whole_input else x(map(str, row.field)))]
            for col, text in enumerate(cells):
                self.table.setItem(i, col, QTableWidgetItem(text))
        self.table.blockSignals(False)
        self.fit_table()
        grid_rows = [i for i, row in enumerate(table.layers) if row.has_grid]
        self.select_layer(grid_rows[-1] if grid_rows else 0)
        if table.problem:
            self.answer.setText(f"⚠ {table.problem}")

    def fit_table(self) -> None:
        """Give the table column all its columns need (at most half the page), the picture the rest."""
        self.table.resizeColumnsToContents()
        header = self.table.horizontalHeader()
        needed = sum(header.sectionSize(c) for c in range(self.table.columnCount()))
        needed += 2 * self.table.frameWidth() + self.table.verticalScrollBar().sizeHint().width() + 64
        total = max(self.splitter.width(), 900)
        left = max(360, min(needed, total // 2))
        self.splitter.setSizes([left, total - left])

    def select_layer(self, row: int, cell: tuple[int, ...] | None = None) -> None:
        if self.table_data is None:
            return
        layer = self.table_data.layers[row]
        self.row = row
        if cell is None:
            cell = tuple(n // 2 for n in layer.out_size) if layer.has_grid else ()
        self.cell = cell
        self.table.blockSignals(True)
        self.table.selectRow(row)
        self.table.blockSignals(False)
        self.refresh()

    @Slot()
    def _row_chosen(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if rows:
            self.select_layer(rows[0].row())

    WRAP = 25  # a sequence is shown as lines of 25 tokens, like lines of a text

    def _input_values(self, size: tuple[int, ...]) -> np.ndarray:
        img = self.tab.input_model.digit_image(7).astype(np.float64)
        if size == (28, 28):
            return img
        ys = (np.arange(size[0]) * 28 // max(size[0], 1)).clip(0, 27)
        xs = (np.arange(size[1]) * 28 // max(size[1], 1)).clip(0, 27)
        return img[np.ix_(ys, xs)]

    def _wrapped(self, n: int) -> tuple[np.ndarray, np.ndarray]:
        """A length-n sequence as a (rows, WRAP) grid and the mask of real positions."""
        cols = min(self.WRAP, max(n, 1))
        rows = -(-n // cols)
        mask = np.zeros((rows, cols), dtype=bool)
        mask.ravel()[:n] = True
        return np.zeros((rows, cols)), mask

    def _cell_clicked_1d(self, row: int, col: int) -> tuple[int, ...] | None:
        layer = self.table_data.layers[self.row]
        index = row * min(self.WRAP, max(layer.out_size[0], 1)) + col
        return (index,) if index < layer.out_size[0] else None

    @Slot(str, int, int, int)
    def _cell_clicked(self, key: str, row: int, col: int, _button: int) -> None:
        if key != "layer" or self.table_data is None:
            return
        if len(self.table_data.input_size) == 2:
            self.cell = (row, col)
        else:
            cell = self._cell_clicked_1d(row, col)
            if cell is None:
                return
            self.cell = cell
        self.refresh()

    def refresh(self) -> None:
        table = self.table_data
        if table is None:
            return
        layer = table.layers[self.row]
        size = table.input_size
        input_title = self.tr("Input %1").replace("%1", "×".join(map(str, size)))
        sequence = len(size) == 1
        if sequence:
            values, mask = self._wrapped(size[0])
            input_panel = Panel("input", input_title, values, numbers=False, filled=mask,
                                caption=self.tr("%1 tokens, in lines of %2").replace("%1", str(size[0]))
                                .replace("%2", str(values.shape[1])))
        else:
            input_panel = Panel("input", input_title, self._input_values(size), numbers=False, vmax=255.0)
        if layer.whole_input or not layer.has_grid:
            if sequence:
                input_panel.highlight = {divmod(i, self.WRAP) for i in range(size[0])}
            else:
                input_panel.region = (0, 0, size[0], size[1])
            self.canvas.set_panels([input_panel])
            if layer.whole_input:
                self.answer.setText(self.tr("Every value of <b>%1</b> can depend on every input pixel.")
                                    .replace("%1", layer.name))
            else:
                self.answer.setText(self.tr("<b>%1</b> has no output cells.").replace("%1", layer.name))
            return
        ranges = rf.input_region(table, self.row, self.cell)
        caption = self.tr("output %1: click a cell").replace("%1", "×".join(map(str, layer.out_size)))
        title = self.tr("Layer %1").replace("%1", layer.name)
        if sequence:
            (c0, c1), = ranges
            input_panel.highlight = {divmod(i, self.WRAP) for i in range(c0, c1 + 1)}
            values, mask = self._wrapped(layer.out_size[0])
            layer_panel = Panel("layer", title, values, numbers=False, filled=mask, caption=caption,
                                current=divmod(self.cell[0], values.shape[1]))
        else:
            (r0, r1), (c0, c1) = ranges
            input_panel.region = (r0, c0, r1 - r0 + 1, c1 - c0 + 1)
            layer_panel = Panel("layer", title, np.zeros(layer.out_size), numbers=False, current=self.cell,
                                caption=caption)
        layer_panel.window_color = QColor("#8b5cf6")
        self.canvas.set_panels([input_panel, layer_panel])
        if not sequence:
            text = (self.tr("Cell (row %1, column %2) of <b>%3</b> sees input rows %4–%5 and columns %6–%7: "
                            "a <b>%8×%9</b> region.")
                    .replace("%1", str(self.cell[0] + 1)).replace("%2", str(self.cell[1] + 1))
                    .replace("%3", layer.name).replace("%4", str(r0 + 1)).replace("%5", str(r1 + 1))
                    .replace("%6", str(c0 + 1)).replace("%7", str(c1 + 1))
                    .replace("%8", str(r1 - r0 + 1)).replace("%9", str(c1 - c0 + 1)))
        else:
            text = (self.tr("Cell %1 of <b>%2</b> sees positions %3–%4 of the sequence: <b>%5</b> tokens.")
                    .replace("%1", str(self.cell[0] + 1)).replace("%2", layer.name)
                    .replace("%3", str(c0 + 1)).replace("%4", str(c1 + 1)).replace("%5", str(c1 - c0 + 1)))
        self.answer.setText(text)


# -- the tab -------------------------------------------------------------------------------------

class ConceptsTab(Tab):
    key = "concepts"
    title = "Concepts"

    PAGES = ("convolution", "pooling", "weights", "field")

    def __init__(self, bridge: SessionBridge, parent: QWidget | None = None) -> None:
        super().__init__(bridge, parent)
        self.input_model = InputModel(self)
        self.conv = ConvLab(self.input_model)
        self.pool = PoolLab(self.input_model)
        self.weights = WeightsPage()
        self.field = FieldPage(self)
        self.stack = QStackedWidget()
        self.buttons = QButtonGroup(self)
        self.buttons.setExclusive(True)
        bar = QHBoxLayout()
        titles = (self.tr("Convolution"), self.tr("Pooling"), self.tr("Weights: Dense vs Conv"),
                  self.tr("Receptive field"))
        for i, (page, text) in enumerate(zip((self.conv, self.pool, self.weights, self.field), titles)):
            self.stack.addWidget(page)
            button = QPushButton(text)
            button.setCheckable(True)
            button.setMinimumHeight(40)
            button.setObjectName(f"page_{self.PAGES[i]}")
            self.buttons.addButton(button, i)
            bar.addWidget(button)
        bar.addStretch(1)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setStyleSheet("QLabel { background: #fef3c7; color: #7c2d12; padding: 4px; }")
        bar.addWidget(self.note)
        self.buttons.button(0).setChecked(True)
        for button in self.buttons.buttons():
            # Styled one by one: a style sheet on the tab itself would stop the tab's larger font reaching
            # its children.
            button.setStyleSheet("QPushButton { padding: 6px 16px; }"
                                 "QPushButton:checked { background: #2563eb; color: white; border-radius: 4px; }")
        self.buttons.idClicked.connect(self._page_chosen)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(bar)
        layout.addWidget(self.stack, 1)
        self._field_stale = True
        bridge.changed.connect(self._session_changed)
        presentation.look().changed.connect(self._restyle)
        self._apply_font()
        self._show_note()

    def _show_note(self) -> None:
        self.note.setVisible(bool(self.input_model.note))
        if self.input_model.note:
            self.note.setText(self.tr("The bundled digits could not be read, so the lab shows a drawn 7 instead. "
                                      "Reinstall CNN Explorer to get them back."))
            self.note.setToolTip(self.input_model.note)

    def _apply_font(self) -> None:
        """A size larger than the rest of the app (a class reads this from afar); follows View > zoom."""
        from PySide6.QtWidgets import QApplication

        base = QApplication.font()
        font = QFont(base)
        font.setPointSizeF(base.pointSizeF() * 1.25)
        self.setFont(font)
        for label in self.findChildren(QLabel, "explain"):  # the long explanations stay at the normal size
            label.setFont(QFont(base))
        # In presentation mode the tables stay at the (already larger) normal size too: they would not fit
        # beside the explanations on a 1280-pixel projector otherwise.
        table_font = QFont(base) if presentation.is_on() else QFont(font)
        for table in self.findChildren(QTableWidget):
            table.setFont(table_font)
            table.horizontalHeader().setFont(table_font)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.ApplicationFontChange:
            self._apply_font()
        super().changeEvent(event)

    @Slot()
    def _restyle(self) -> None:
        """Presentation mode or the text size changed: side panels and the rich-text sizes follow."""
        self._apply_font()
        for page in (self.conv, self.pool):
            page.side_area.setFixedWidth(_side_width())
            page.refresh()
        self.weights.refresh()
        if not self._field_stale:
            self.field.fit_table()

    @Slot(int)
    def _page_chosen(self, index: int) -> None:
        self.show_page(self.PAGES[index])

    def show_page(self, name: str) -> None:
        index = self.PAGES.index(name)
        self.buttons.button(index).setChecked(True)
        self.stack.setCurrentIndex(index)
        self.conv.step_bar.stop()
        self.pool.step_bar.stop()
        if name == "field" and self._field_stale:
            self.field.load_design()
            self._field_stale = False
        elif name == "field":
            self.field.fit_table()

    @Slot(str)
    def _session_changed(self, name: str) -> None:
        if name == "design":
            self._field_stale = True
            if self.stack.currentWidget() is self.field:
                self.field.load_design()
                self._field_stale = False

    def prepare_screenshot(self) -> None:
        """The convolution lab on a digit: 3×3 kernel, stride 2, padding 'same', mid-way through."""
        self.show_page("convolution")
        self.input_model.set_source("digit 7")
        self.conv.configure(3, 2, "same", "edge")
        self.conv.go_to(self.conv.interesting_step())

    def shutdown(self) -> None:
        self.conv.step_bar.stop()
        self.pool.step_bar.stop()


if __name__ == "__main__":
    raise SystemExit(run_standalone(ConceptsTab))
