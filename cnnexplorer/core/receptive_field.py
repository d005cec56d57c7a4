"""Theoretical receptive fields of a design: which input pixels a cell of any layer can see.

Walks a :class:`~cnnexplorer.core.spec.ModelSpec` layer by layer, keeping for
each spatial axis the output size, the layer's kernel and stride, the *jump*
(how far apart, in input pixels, two neighbouring cells of this layer are) and
the receptive-field size. The region of one cell is found by walking its
index range back through every layer, using the same padding rule as Keras
('same' puts the odd padding cell after), so it is exact for asymmetric
padding and clipped to the real input.

Plain Python; no Qt, no TensorFlow.
"""
from __future__ import annotations

from dataclasses import dataclass

from cnnexplorer.core.conv_lab import SAME, plan_axis
from cnnexplorer.core.i18n import translate
from cnnexplorer.core.spec import ModelSpec

# Layers that slide a window over the spatial axes.
_WINDOWED = {
    "Conv2D": ("kernel_size", 2), "SeparableConv2D": ("kernel_size", 2),
    "MaxPooling2D": ("pool_size", 2), "AveragePooling2D": ("pool_size", 2),
    "Conv1D": ("kernel_size", 1), "MaxPooling1D": ("pool_size", 1),
}
# Layers that keep every cell where it is.
_PASS_THROUGH = {"Rescaling", "BatchNormalization", "Dropout", "Embedding"}
# Layers after which every value depends on the whole input.
_GLOBAL = {"Flatten", "GlobalAveragePooling2D", "GlobalMaxPooling2D", "GlobalMaxPooling1D", "Dense"}


@dataclass(frozen=True)
class LayerField:
    """One row of the receptive-field table. Sizes are per spatial axis (rows, cols) or (length,)."""

    index: int  # position in spec.layers (-1 for the input)
    name: str  # "Input", "2 Conv2D 3×3" ...
    type: str
    out_size: tuple[int, ...]
    kernel: tuple[int, ...]
    stride: tuple[int, ...]
    before: tuple[int, ...]  # padding added before, per axis
    jump: tuple[int, ...]  # distance in input pixels between neighbouring cells of this layer
    field: tuple[int, ...]  # receptive-field size in input pixels (before clipping to the input)
    whole_input: bool = False  # Flatten/Dense/global pooling: sees everything

    @property
    def has_grid(self) -> bool:
        return not self.whole_input and all(s > 0 for s in self.out_size)


@dataclass(frozen=True)
class FieldTable:
    input_size: tuple[int, ...]
    layers: list[LayerField]
    problem: str = ""  # why the walk stopped early (a layer that has no room), empty if it did not


def _as_tuple(value, dims: int) -> tuple[int, ...]:
    if isinstance(value, (list, tuple)):
        vals = tuple(int(v) for v in value)
        return vals if len(vals) == dims else (vals[0],) * dims
    return (int(value),) * dims


def spatial_input(spec: ModelSpec) -> tuple[int, ...]:
    """Spatial axes of the design's input: (rows, cols) for images, (length,) for sequences."""
    shape = tuple(spec.input_shape)
    return shape[:-1] if len(shape) == 3 else shape[:1]


def field_table(spec: ModelSpec) -> FieldTable:
    """Per-layer size, kernel, stride, jump and receptive field of a design."""
    size = spatial_input(spec)
    dims = len(size)
    ones = (1,) * dims
    rows = [LayerField(-1, translate("receptive_field", "Input"), "Input", size, ones, ones, (0,) * dims, ones, ones)]
    jump, field = (1,) * dims, (1,) * dims
    for i, layer in enumerate(spec.layers):
        if layer.type in _WINDOWED:
            arg, layer_dims = _WINDOWED[layer.type]
            if layer_dims != dims:
                return FieldTable(size, rows, translate("receptive_field", "Layer {index} {type} does not fit a "
                                                                           "{dims}-D input.")
                                  .format(index=i + 1, type=layer.type, dims=dims))
            k = _as_tuple(layer.arg(arg), dims)
            strides = layer.arg("strides")
            if strides is None:  # pooling: the stride defaults to the pool size
                strides = k if "Pooling" in layer.type else 1
            s = _as_tuple(strides, dims)
            padding = str(layer.arg("padding") or "valid").lower()
            plans = [plan_axis(n, kk, ss, padding) for n, kk, ss in zip(size, k, s)]
            new_size = tuple(p.out for p in plans)
            field = tuple(f + (kk - 1) * j for f, kk, j in zip(field, k, jump))
            jump = tuple(j * ss for j, ss in zip(jump, s))
            label = f"{i + 1} {layer.type} {'×'.join(map(str, k))}" + (f" /{s[0]}" if max(s) > 1 else "")
            if padding == SAME:
                label += " same"
            rows.append(LayerField(i, label, layer.type, new_size, k, s, tuple(p.before for p in plans), jump, field))
            size = new_size
            if any(n <= 0 for n in size):
                return FieldTable(rows[0].out_size, rows,
                                  translate("receptive_field", "Layer {index} {type}: its {window} window does not "
                                                               "fit its input, so it has no output cells. Use padding "
                                                               "'same' or remove a pooling layer before it.")
                                  .format(index=i + 1, type=layer.type, window="×".join(map(str, k))))
        elif layer.type in _PASS_THROUGH:
            rows.append(LayerField(i, f"{i + 1} {layer.type}", layer.type, size, (1,) * dims, (1,) * dims,
                                   (0,) * dims, jump, field))
        elif layer.type in _GLOBAL:
            whole = rows[0].out_size
            rows.append(LayerField(i, f"{i + 1} {layer.type}", layer.type, (), (), (), (), (), whole, True))
            # Everything after this sees the whole input too.
            for j, later in enumerate(spec.layers[i + 1:], start=i + 1):
                rows.append(LayerField(j, f"{j + 1} {later.type}", later.type, (), (), (), (), (), whole, True))
            break
        else:
            return FieldTable(rows[0].out_size, rows,
                              translate("receptive_field", "Layer {index} {type} is not understood here.")
                              .format(index=i + 1, type=layer.type))
    return FieldTable(rows[0].out_size, rows)


def input_region(table: FieldTable, row: int, cell: tuple[int, ...]) -> tuple[tuple[int, int], ...]:
    """Inclusive (first, last) input index per axis that ``cell`` of table row ``row`` can see, clipped."""
    layer = table.layers[row]
    if layer.whole_input:
        return tuple((0, n - 1) for n in table.input_size)
    lo = list(cell)
    hi = list(cell)
    for r in range(row, 0, -1):
        lf = table.layers[r]
        for a in range(len(lo)):
            lo[a] = lo[a] * lf.stride[a] - lf.before[a]
            hi[a] = hi[a] * lf.stride[a] - lf.before[a] + lf.kernel[a] - 1
    return tuple((max(l_, 0), min(h_, n - 1)) for l_, h_, n in zip(lo, hi, table.input_size))
