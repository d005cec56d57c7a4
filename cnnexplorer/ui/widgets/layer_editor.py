"""Property editors of the Builder: one layer's settings, and the input shape.

Each setting gets a widget that can only hold a valid value (spin boxes with a
minimum of 1, a list of paddings, a list of activations…), chosen from the
argument kinds in :mod:`cnnexplorer.core.spec`. Edits are reported as
``edited(name, value)``; the tab turns them into undoable changes.
"""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from cnnexplorer.core.i18n import QT_TRANSLATE_NOOP  # typed str -> str (PySide6's returns object)
from cnnexplorer.core.spec import ACTIVATIONS, LAYER_DEFAULTS, PADDINGS, SPATIAL_RANK, arg_kind

MAX_INT = 1_000_000

LABELS = {
    "filters": QT_TRANSLATE_NOOP("LayerEditor", "Filters"),
    "units": QT_TRANSLATE_NOOP("LayerEditor", "Units"),
    "kernel_size": QT_TRANSLATE_NOOP("LayerEditor", "Kernel size"),
    "strides": QT_TRANSLATE_NOOP("LayerEditor", "Strides"),
    "pool_size": QT_TRANSLATE_NOOP("LayerEditor", "Pool size"),
    "padding": QT_TRANSLATE_NOOP("LayerEditor", "Padding"),
    "activation": QT_TRANSLATE_NOOP("LayerEditor", "Activation"),
    "rate": QT_TRANSLATE_NOOP("LayerEditor", "Dropout rate"),
    "input_dim": QT_TRANSLATE_NOOP("LayerEditor", "Vocabulary size"),
    "output_dim": QT_TRANSLATE_NOOP("LayerEditor", "Vector size"),
    "scale": QT_TRANSLATE_NOOP("LayerEditor", "Scale"),
    "offset": QT_TRANSLATE_NOOP("LayerEditor", "Offset"),
}

HINTS = {
    "filters": QT_TRANSLATE_NOOP("LayerEditor", "How many feature maps this layer makes (one per filter)."),
    "units": QT_TRANSLATE_NOOP("LayerEditor", "How many outputs; the last Dense layer needs one per class."),
    "kernel_size": QT_TRANSLATE_NOOP("LayerEditor", "Height × width of the window each filter looks at."),
    "strides": QT_TRANSLATE_NOOP("LayerEditor", "How far the window moves each step; 2 halves the size."),
    "pool_size": QT_TRANSLATE_NOOP("LayerEditor", "Height × width of the window pooled into one value."),
    "padding": QT_TRANSLATE_NOOP("LayerEditor", "valid: no border, the output shrinks. "
                                                "same: zero border, the output keeps its size (at stride 1)."),
    "activation": QT_TRANSLATE_NOOP("LayerEditor", "The function applied to each output: "
                                                   "relu for hidden layers, softmax/sigmoid for the last."),
    "rate": QT_TRANSLATE_NOOP("LayerEditor", "Fraction of values set to zero while training."),
    "input_dim": QT_TRANSLATE_NOOP("LayerEditor", "Number of different word ids (the vocabulary size)."),
    "output_dim": QT_TRANSLATE_NOOP("LayerEditor", "Length of the vector each word id becomes."),
    "scale": QT_TRANSLATE_NOOP("LayerEditor", "Every value is multiplied by this; 1/255 maps pixels 0-255 to 0-1."),
    "offset": QT_TRANSLATE_NOOP("LayerEditor", "Added after scaling."),
}


def _spin(minimum: int = 1, maximum: int = MAX_INT) -> QSpinBox:
    box = QSpinBox()
    box.setRange(minimum, maximum)
    box.setKeyboardTracking(False)  # one edit per finished number, not one per digit typed
    box.setGroupSeparatorShown(True)
    box.setAccelerated(True)
    return box


def parse_number(text: str) -> float | None:
    """'1/255', '0.5', '2' -> float; anything else -> None."""
    text = text.strip().replace(" ", "")
    try:
        if "/" in text:
            num, den = text.split("/", 1)
            return float(num) / float(den)
        return float(text)
    except (ValueError, ZeroDivisionError):
        return None


def show_number(value: float) -> str:
    if value and abs(1 / value - round(1 / value)) < 1e-9 and abs(value) < 1:
        return f"1/{round(1 / value)}"
    return f"{value:g}"


class SizeEdit(QWidget):
    """An int or [h, w] size: one spin box per spatial axis; optional 'same as pool size' (None)."""

    changed = Signal(object)

    def __init__(self, rank: int, allow_none: bool = False, none_text: str = "", parent=None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.none_box = None
        if allow_none:
            self.none_box = QCheckBox(none_text)
            self.none_box.toggled.connect(self._emit)
            layout.addWidget(self.none_box)
        self.boxes = []
        for axis in range(rank):
            if axis:
                layout.addWidget(QLabel("×"))
            box = _spin(1, 4096)
            box.valueChanged.connect(self._emit)
            self.boxes.append(box)
            layout.addWidget(box)
        layout.addStretch(1)

    def set_value(self, value: Any, fallback: Any = 1) -> None:
        if self.none_box is not None:
            self.none_box.setChecked(value is None)
        shown = fallback if value is None else value
        values = list(shown) if isinstance(shown, (list, tuple)) else [shown] * len(self.boxes)
        for box, v in zip(self.boxes, values):
            box.setValue(int(v) if isinstance(v, int) else 1)
        self._sync_enabled()

    def value(self) -> Any:
        if self.none_box is not None and self.none_box.isChecked():
            return None
        values = [b.value() for b in self.boxes]
        return values[0] if len(set(values)) == 1 else values

    def _sync_enabled(self) -> None:
        for box in self.boxes:
            box.setEnabled(self.none_box is None or not self.none_box.isChecked())

    @Slot()
    def _emit(self, *_: Any) -> None:
        self._sync_enabled()
        self.changed.emit(self.value())


class LayerEditor(QWidget):
    """The settings of one layer as a form of valid-only widgets."""

    edited = Signal(str, object)  # argument name, new value

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.form = QFormLayout(self)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.widgets: dict[str, QWidget] = {}
        self.layer_type = ""
        self._loading = False

    def clear(self) -> None:
        while self.form.rowCount():
            self.form.removeRow(0)
        self.widgets = {}

    def set_layer(self, layer_type: str, params: dict[str, Any], enabled: bool = True) -> None:
        """Show ``layer_type``'s settings; values missing from params show the type's defaults."""
        if layer_type != self.layer_type or set(self.widgets) != set(LAYER_DEFAULTS.get(layer_type, {})):
            self.clear()
            self.layer_type = layer_type
            for name in LAYER_DEFAULTS.get(layer_type, {}):
                widget = self._make(layer_type, name)
                widget.setToolTip(self.tr(HINTS.get(name, "")))
                label = QLabel(self.tr(LABELS.get(name, name)))
                label.setToolTip(self.tr(HINTS.get(name, "")))
                self.form.addRow(label, widget)
                self.widgets[name] = widget
            if not self.widgets:
                note = QLabel(self.tr("This layer has no settings."))
                note.setEnabled(False)
                self.form.addRow(note)
        self._loading = True
        try:
            defaults = LAYER_DEFAULTS.get(layer_type, {})
            for name, widget in self.widgets.items():
                value = params.get(name, defaults.get(name))
                self._set(widget, layer_type, name, value, params)
                widget.setEnabled(enabled)
        finally:
            self._loading = False

    def _make(self, layer_type: str, name: str) -> QWidget:
        kind = arg_kind(layer_type, name)
        if kind == "int+":
            box = _spin()
            box.valueChanged.connect(lambda v, n=name: self._emit(n, v))
            return box
        if kind in ("size", "size?"):
            edit = SizeEdit(SPATIAL_RANK.get(layer_type, 1), allow_none=kind == "size?",
                            none_text=self.tr("same as pool size"))
            edit.changed.connect(lambda v, n=name: self._emit(n, v))
            return edit
        if kind in ("padding", "activation"):
            combo = QComboBox()
            combo.addItems(list(PADDINGS if kind == "padding" else ACTIVATIONS))
            combo.currentTextChanged.connect(lambda v, n=name: self._emit(n, v))
            return combo
        if kind == "fraction":
            fraction = QDoubleSpinBox()
            fraction.setRange(0.0, 0.95)
            fraction.setSingleStep(0.05)
            fraction.setDecimals(2)
            fraction.setKeyboardTracking(False)
            fraction.valueChanged.connect(lambda v, n=name: self._emit(n, round(v, 4)))
            return fraction
        line = QLineEdit()
        line.setPlaceholderText(self.tr("e.g. 1/255"))
        line.editingFinished.connect(lambda n=name, w=line: self._number_edited(n, w))
        return line

    def _set(self, widget: QWidget, layer_type: str, name: str, value: Any, params: dict[str, Any]) -> None:
        if isinstance(widget, QSpinBox):
            widget.setValue(value if isinstance(value, int) and not isinstance(value, bool) else 1)
        elif isinstance(widget, SizeEdit):
            fallback = params.get("pool_size", LAYER_DEFAULTS[layer_type].get("pool_size", 1))
            widget.set_value(value, fallback)
        elif isinstance(widget, QComboBox):
            text = "linear" if value is None else str(value)
            if widget.findText(text) < 0:
                widget.addItem(text)  # shown as it is; validation explains why it is wrong
            widget.setCurrentText(text)
        elif isinstance(widget, QDoubleSpinBox):
            widget.setValue(float(value) if isinstance(value, (int, float)) else 0.0)
        elif isinstance(widget, QLineEdit):
            widget.setText(show_number(value) if isinstance(value, (int, float)) else str(value))
            widget.setProperty("lastValue", value)

    def _number_edited(self, name: str, line: QLineEdit) -> None:
        value = parse_number(line.text())
        if value is None:
            line.setStyleSheet("border: 2px solid #c00000;")
            line.setToolTip(self.tr("Type a number such as 0.5 or a fraction such as 1/255."))
            return
        line.setStyleSheet("")
        if value != line.property("lastValue"):
            line.setProperty("lastValue", value)
            self._emit(name, value)

    def _emit(self, name: str, value: Any) -> None:
        if not self._loading:
            self.edited.emit(name, value)


INPUT_KINDS = (
    ("image", "Images (height × width × channels)", 3),
    ("tokens", "Word ids (sequence length)", 1),
    ("sequence", "Sequences (length × features)", 2),
)


class InputEditor(QWidget):
    """The design's input shape: what kind of data, and its sizes."""

    edited = Signal(object)  # new input shape tuple

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        form = QFormLayout(self)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.kind = QComboBox()
        for key, text, _ in INPUT_KINDS:
            self.kind.addItem(self.tr(text), key)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        form.addRow(self.tr("Input data"), self.kind)
        self.boxes = []
        self.labels = []
        for text in ("Height", "Width", "Channels"):
            box = _spin(1, 100_000)
            box.valueChanged.connect(self._emit)
            label = QLabel(self.tr(text))
            form.addRow(label, box)
            self.boxes.append(box)
            self.labels.append(label)
        self.note = QLabel()
        self.note.setWordWrap(True)
        form.addRow(self.note)
        self._loading = False

    def set_shape(self, shape: tuple[int, ...], enabled: bool = True) -> None:
        self._loading = True
        try:
            rank = len(shape)
            index = {3: 0, 1: 1, 2: 2}.get(rank, 0)
            self.kind.setCurrentIndex(index)
            self._show_boxes(INPUT_KINDS[index][0])
            for box, value in zip(self.visible_boxes(), shape):
                box.setValue(int(value) if isinstance(value, int) and value > 0 else 1)
            for w in [self.kind, *self.boxes]:
                w.setEnabled(enabled)
        finally:
            self._loading = False

    def _show_boxes(self, kind: str) -> None:
        names = {"image": ("Height", "Width", "Channels"), "tokens": ("Length",),
                 "sequence": ("Length", "Features")}[kind]
        for i, (box, label) in enumerate(zip(self.boxes, self.labels)):
            visible = i < len(names)
            box.setVisible(visible)
            label.setVisible(visible)
            if visible:
                label.setText(self.tr(names[i]))
        self.note.setText({
            "image": self.tr("Raw pixel values 0-255; a Rescaling(1/255) layer scales them inside the model."),
            "tokens": self.tr("Integer word ids; start with an Embedding layer."),
            "sequence": self.tr("A vector of features at every step; use Conv1D layers."),
        }[kind])

    def visible_boxes(self) -> list[QSpinBox]:
        rank = INPUT_KINDS[self.kind.currentIndex()][2]
        return self.boxes[:rank]

    def shape(self) -> tuple[int, ...]:
        return tuple(b.value() for b in self.visible_boxes())

    @Slot(int)
    def _kind_changed(self, index: int) -> None:
        self._show_boxes(INPUT_KINDS[index][0])
        if not self._loading:
            defaults = {"image": (28, 28, 1), "tokens": (500,), "sequence": (100, 8)}[INPUT_KINDS[index][0]]
            self._loading = True
            for box, v in zip(self.visible_boxes(), defaults):
                box.setValue(v)
            self._loading = False
            self.edited.emit(self.shape())

    @Slot()
    def _emit(self, *_: Any) -> None:
        if not self._loading:
            self.edited.emit(self.shape())
