"""The arithmetic behind the Concepts tab's convolution and pooling labs, with every step traced.

Plain numpy, no Qt, no TensorFlow. The results match ``keras.layers.Conv2D``
(one input channel, one filter, no bias, no activation) and
``keras.layers.MaxPooling2D`` / ``AveragePooling2D`` with the same settings;
``tests/ml/test_concepts_keras.py`` checks that.

Two Keras details matter for matching it exactly:

* Keras' "convolution" does not flip the kernel (it is a cross-correlation):
  output = sum of input window * kernel, element by element.
* With ``padding="same"`` the output has ``ceil(n / stride)`` cells, and the
  padding needed for that is split with the odd cell at the bottom/right
  (TensorFlow's rule), so a 3x3 kernel with stride 2 on a 12x12 input gets
  0 rows of padding on top and 1 at the bottom.

Bad settings never raise here: :func:`check_conv` / :func:`check_pool` return
plain-language problems the lab shows instead of a result.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Generic, TypeVar

import numpy as np

from cnnexplorer.core.i18n import translate

VALID = "valid"
SAME = "same"
PADDINGS = (VALID, SAME)
KERNEL_SIZES = range(1, 8)
STRIDES = range(1, 4)
MAX_GRID = 12


# -- sizes and padding -------------------------------------------------------------

@dataclass(frozen=True)
class AxisPlan:
    """How one axis (rows or columns) is covered: input size, padding each side, output size."""

    size: int
    kernel: int
    stride: int
    padding: str
    before: int
    after: int
    out: int

    @property
    def padded(self) -> int:
        return self.size + self.before + self.after


def plan_axis(size: int, kernel: int, stride: int, padding: str) -> AxisPlan:
    """Output size and padding of one axis, computed the way Keras/TensorFlow do."""
    if padding == SAME:
        out = math.ceil(size / stride) if size > 0 else 0
        total = max((out - 1) * stride + kernel - size, 0) if out > 0 else 0
        before = total // 2
        return AxisPlan(size, kernel, stride, padding, before, total - before, out)
    out = (size - kernel) // stride + 1 if size >= kernel else 0
    return AxisPlan(size, kernel, stride, padding, 0, 0, max(out, 0))


def output_size_text(size: int, kernel: int, stride: int, padding: str) -> str:
    """The output-size formula with the current numbers filled in (one axis), in short lines."""
    plan = plan_axis(size, kernel, stride, padding)
    if padding == SAME:
        raw = (plan.out - 1) * stride + kernel - size
        total = plan.before + plan.after
        lines = ["out = ceil(n / s)", f"    = ceil({size} / {stride}) = {plan.out}",
                 "pad = (out − 1)·s + k − n", f"    = {plan.out - 1}·{stride} + {kernel} − {size} = {fmt(raw)}"
                 + (" → 0" if raw < 0 else "")]
        lines.append(translate("conv_lab", "→ {before} before, {after} after").format(before=plan.before,
                                                                                     after=plan.after)
                     if total else translate("conv_lab", "→ no padding needed"))
        return "\n".join(lines)
    if size < kernel:
        return (f"out = floor((n − k) / s) + 1\n    = floor(({size} − {kernel}) / {stride}) + 1\n"
                + translate("conv_lab", "→ the window does not fit"))
    return f"out = floor((n − k) / s) + 1\n    = floor(({size} − {kernel}) / {stride}) + 1 = {plan.out}"


# -- problems (never exceptions) ------------------------------------------------------

@dataclass(frozen=True)
class Problem:
    """Something the lab explains instead of computing. ``blocking`` means there is no output at all."""

    text: str
    blocking: bool = True
    code: str = ""  # "empty", "bad_kernel", "bad_padding", "bad_size", "too_big", "stride" (for translated UIs)
    params: dict = field(default_factory=dict, compare=False)


def _what_text(what: str) -> str:
    """The window's name inside a sentence ("kernel" or "pooling window"), translated."""
    if what == "kernel":
        return translate("conv_lab", "kernel")
    if what == "pooling window":
        return translate("conv_lab", "pooling window")
    return what


def _common_problems(grid: np.ndarray, kernel: int, stride: int, padding: str, what: str) -> list[Problem]:
    problems: list[Problem] = []
    if grid.size == 0 or grid.ndim != 2:
        return [Problem(translate("conv_lab", "The input grid is empty: choose a digit or give the grid at least "
                                              "one row and column."), code="empty")]
    name = _what_text(what)
    if padding not in PADDINGS:
        problems.append(Problem(translate("conv_lab", "Padding must be 'valid' or 'same', not {padding}.")
                                .format(padding=repr(padding)), code="bad_padding", params={"padding": padding}))
    if kernel < 1 or stride < 1:
        problems.append(Problem(translate("conv_lab", "The {what} size and the stride must be at least 1.")
                                .format(what=name), code="bad_size"))
        return problems
    h, w = grid.shape
    params = {"kernel": kernel, "stride": stride, "rows": h, "cols": w, "what": what}
    if padding == VALID and (kernel > h or kernel > w):
        problems.append(Problem(
            translate("conv_lab", "The {kernel}×{kernel} {what} is larger than the {rows}×{cols} input, so with "
                                  "padding 'valid' it fits nowhere and the output is empty: use a smaller {what}, "
                                  "a bigger grid, or padding 'same'.")
            .format(kernel=kernel, what=name, rows=h, cols=w), code="too_big", params=params))
    if stride > kernel:
        problems.append(Problem(
            translate("conv_lab", "The stride ({stride}) is larger than the {what} ({kernel}), so the window jumps "
                                  "over some input cells and never looks at them (shown crossed out). Keras allows "
                                  "it, but information is lost: use a stride of at most {kernel}.")
            .format(stride=stride, what=name, kernel=kernel), blocking=False, code="stride", params=params))
    return problems


def check_conv(grid: np.ndarray, kernel: np.ndarray, stride: int, padding: str) -> list[Problem]:
    """Problems with a convolution setting, in the order a student should fix them."""
    kernel = np.asarray(kernel)
    if kernel.ndim != 2 or kernel.shape[0] != kernel.shape[1] or kernel.size == 0:
        return [Problem(translate("conv_lab", "The kernel must be a square grid of numbers with at least one cell."),
                        code="bad_kernel")]
    return _common_problems(np.asarray(grid), int(kernel.shape[0]), int(stride), padding, "kernel")


def check_pool(grid: np.ndarray, pool: int, stride: int, padding: str) -> list[Problem]:
    return _common_problems(np.asarray(grid), int(pool), int(stride), padding, "pooling window")


# -- convolution ---------------------------------------------------------------------

@dataclass(frozen=True)
class ConvStep:
    """One window position: which cells it covers, what it multiplies, and where the sum goes.

    ``top``/``left`` are in padded coordinates (row 0 is the first padding row
    when there is padding before). ``values`` holds the covered input values
    (0 where the window lies on padding), ``inside`` says which covered cells
    are real input cells.
    """

    out_row: int
    out_col: int
    top: int
    left: int
    values: np.ndarray
    inside: np.ndarray
    products: np.ndarray
    total: float

    def covered_input_cells(self, pad_top: int, pad_left: int) -> list[tuple[int, int]]:
        """The covered real input cells, in unpadded (row, col) coordinates."""
        k_h, k_w = self.values.shape
        return [(self.top + i - pad_top, self.left + j - pad_left)
                for i in range(k_h) for j in range(k_w) if self.inside[i, j]]

    def sum_text(self, kernel: np.ndarray, max_terms: int = 9) -> str:
        """``v×w + v×w + … = total``, skipping zero terms and shortening long sums."""
        terms = [f"{_signed(v)}×{_signed(w)}" for v, w in zip(self.values.ravel(), np.asarray(kernel).ravel())
                 if v != 0 and w != 0]
        if not terms:
            return translate("conv_lab", "every product is 0 = {total}").format(total=fmt(self.total))
        more = translate("conv_lab", "… ({count} more)").format(count=len(terms) - max_terms + 1)
        shown = terms if len(terms) <= max_terms else terms[:max_terms - 1] + [more]
        return " + ".join(shown) + f" = {fmt(self.total)}"


S = TypeVar("S")


class _StepGrid(Generic[S]):
    """What a convolution and a pooling result share: padding before the grid, and the step of each output cell."""

    rows: AxisPlan
    cols: AxisPlan
    steps: list[S]

    @property
    def pad_top(self) -> int:
        return self.rows.before

    @property
    def pad_left(self) -> int:
        return self.cols.before

    def step_at(self, out_row: int, out_col: int) -> S:
        return self.steps[out_row * self.cols.out + out_col]


@dataclass
class ConvResult(_StepGrid[ConvStep]):
    rows: AxisPlan
    cols: AxisPlan
    kernel: np.ndarray
    output: np.ndarray
    steps: list[ConvStep]
    padded: np.ndarray
    never_seen: set[tuple[int, int]] = field(default_factory=set)



def pad_grid(grid: np.ndarray, rows: AxisPlan, cols: AxisPlan, value: float = 0.0) -> np.ndarray:
    return np.pad(np.asarray(grid, dtype=np.float64), ((rows.before, rows.after), (cols.before, cols.after)),
                  constant_values=value)


def _never_seen(h: int, w: int, rows: AxisPlan, cols: AxisPlan) -> set[tuple[int, int]]:
    """Input cells no window position covers (happens when the stride is larger than the kernel)."""
    seen_r = np.zeros(h, dtype=bool)
    seen_c = np.zeros(w, dtype=bool)
    for o in range(rows.out):
        a = o * rows.stride - rows.before
        seen_r[max(a, 0):max(min(a + rows.kernel, h), 0)] = True
    for o in range(cols.out):
        a = o * cols.stride - cols.before
        seen_c[max(a, 0):max(min(a + cols.kernel, w), 0)] = True
    return {(r, c) for r in range(h) for c in range(w) if not (seen_r[r] and seen_c[c])}


def convolve(grid: np.ndarray, kernel: np.ndarray, stride: int, padding: str) -> ConvResult | None:
    """Slide ``kernel`` over ``grid`` like ``keras.layers.Conv2D`` (1 channel, 1 filter, no bias).

    Returns None when a blocking problem from :func:`check_conv` means there is no output.
    """
    grid = np.asarray(grid, dtype=np.float64)
    kernel = np.asarray(kernel, dtype=np.float64)
    if any(p.blocking for p in check_conv(grid, kernel, stride, padding)):
        return None
    k = kernel.shape[0]
    rows = plan_axis(grid.shape[0], k, stride, padding)
    cols = plan_axis(grid.shape[1], k, stride, padding)
    padded = pad_grid(grid, rows, cols)
    mask = pad_grid(np.ones_like(grid, dtype=bool), rows, cols, value=0).astype(bool)
    output = np.zeros((rows.out, cols.out))
    steps: list[ConvStep] = []
    for r in range(rows.out):
        for c in range(cols.out):
            top, left = r * stride, c * stride
            values = padded[top:top + k, left:left + k]
            products = values * kernel
            total = float(products.sum())
            output[r, c] = total
            steps.append(ConvStep(r, c, top, left, values.copy(), mask[top:top + k, left:left + k].copy(),
                                  products, total))
    return ConvResult(rows, cols, kernel, output, steps, padded, _never_seen(grid.shape[0], grid.shape[1], rows, cols))


# -- pooling -----------------------------------------------------------------------

@dataclass(frozen=True)
class PoolStep:
    out_row: int
    out_col: int
    top: int  # padded coordinates, like ConvStep
    left: int
    cells: list[tuple[int, int]]  # covered real input cells (unpadded coordinates)
    kept: tuple[int, int] | None  # the cell whose value max pooling keeps (first maximum in reading order)
    value: float


@dataclass
class PoolResult(_StepGrid[PoolStep]):
    rows: AxisPlan
    cols: AxisPlan
    mode: str
    output: np.ndarray
    steps: list[PoolStep]
    never_seen: set[tuple[int, int]] = field(default_factory=set)


    def kept_cells(self) -> set[tuple[int, int]]:
        return {s.kept for s in self.steps if s.kept is not None}


POOL_MODES = ("max", "average")


def pool(grid: np.ndarray, size: int, stride: int | None = None, padding: str = VALID,
         mode: str = "max") -> PoolResult | None:
    """Pool like ``keras.layers.MaxPooling2D`` / ``AveragePooling2D`` (stride defaults to the size).

    With padding 'same' the padded cells take no part: max pooling ignores
    them and average pooling divides by the number of real cells, as
    TensorFlow does.
    """
    grid = np.asarray(grid, dtype=np.float64)
    stride = size if stride is None else stride
    if any(p.blocking for p in check_pool(grid, size, stride, padding)):
        return None
    h, w = grid.shape
    rows = plan_axis(h, size, stride, padding)
    cols = plan_axis(w, size, stride, padding)
    output = np.zeros((rows.out, cols.out))
    steps: list[PoolStep] = []
    for r in range(rows.out):
        for c in range(cols.out):
            top, left = r * stride, c * stride
            r0, c0 = top - rows.before, left - cols.before
            cells = [(i, j) for i in range(max(r0, 0), min(r0 + size, h))
                     for j in range(max(c0, 0), min(c0 + size, w))]
            values = [grid[i, j] for i, j in cells]
            if mode == "max":
                best = int(np.argmax(values))
                kept, value = cells[best], float(values[best])
            else:
                kept, value = None, float(np.mean(values))
            output[r, c] = value
            steps.append(PoolStep(r, c, top, left, cells, kept, value))
    return PoolResult(rows, cols, mode, output, steps, _never_seen(h, w, rows, cols))


# -- kernels and inputs ----------------------------------------------------------------

KERNEL_PRESETS = ("edge", "vertical edge", "horizontal edge", "blur", "sharpen", "identity", "random")


def kernel_preset(name: str, size: int, seed: int = 0) -> np.ndarray:
    """A ``size``×``size`` kernel. Integer-valued except blur, so sums stay easy to follow by eye."""
    k = np.zeros((size, size))
    mid = size // 2
    if name == "edge":  # all neighbours -1, centre balances them: flat regions give 0
        k[:] = -1
        k[mid, mid] = size * size - 1
    elif name == "vertical edge":  # left minus right: responds where brightness changes left-to-right
        k[:, :mid] = 1
        k[:, size - mid:] = -1
    elif name == "horizontal edge":
        k[:mid, :] = 1
        k[size - mid:, :] = -1
    elif name == "blur":
        k[:] = 1.0 / (size * size)
    elif name == "sharpen":  # identity plus an edge detector along the centre cross
        k[mid, :] = -1
        k[:, mid] = -1
        k[mid, mid] = 1 + 2 * (size - 1)
    elif name == "identity":
        k[mid, mid] = 1
    elif name == "random":
        k = np.random.default_rng(seed).integers(-2, 3, size=(size, size)).astype(np.float64)
    else:
        raise ValueError(f"unknown kernel preset {name!r}; presets: {', '.join(KERNEL_PRESETS)}")
    return k


def resize_kernel(kernel: np.ndarray, size: int) -> np.ndarray:
    """Keep a hand-edited kernel's centre when its size changes (crop or pad with zeros)."""
    kernel = np.asarray(kernel, dtype=np.float64)
    old = kernel.shape[0] if kernel.ndim == 2 else 0
    out = np.zeros((size, size))
    if old == 0:
        return out
    shift = size // 2 - old // 2
    for i in range(old):
        for j in range(old):
            a, b = i + shift, j + shift
            if 0 <= a < size and 0 <= b < size:
                out[a, b] = kernel[i, j]
    return out


def sample_digits() -> dict[int, np.ndarray]:
    """The first test digit of each label 0-9 in the bundled MNIST sample (28×28 uint8), read once.

    Raises :class:`~cnnexplorer.core.errors.UserError` (from ``resource_path``)
    when the bundled file is missing.
    """
    global _DIGITS
    if _DIGITS is None:
        from cnnexplorer.core.resources import resource_path

        with np.load(resource_path("data", "mnist_sample.npz")) as npz:
            x, y = npz["x_test"], npz["y_test"]
        _DIGITS = {int(c): np.asarray(x[int(np.flatnonzero(y == c)[0])]).reshape(28, 28).copy()
                   for c in np.unique(y)}
    return _DIGITS


_DIGITS: dict[int, np.ndarray] | None = None


def sample_digit(label: int) -> np.ndarray:
    """The first test digit with this label in the bundled MNIST sample (28×28 uint8)."""
    digits = sample_digits()
    if int(label) not in digits:
        raise ValueError(f"no digit {label} in the sample")
    return digits[int(label)]


def digit_grid(image: np.ndarray, size: int = MAX_GRID, levels: int = 10) -> np.ndarray:
    """A 28×28 digit shrunk to ``size``×``size`` cells of whole numbers 0..levels-1.

    Small whole numbers keep the multiply-and-sum readable from the back of a
    classroom; area averaging keeps thin strokes visible.
    """
    img = np.asarray(image, dtype=np.float64)
    if img.ndim == 3:
        img = img[..., 0]
    h, w = img.shape
    out = np.zeros((size, size))
    for i in range(size):
        r0, r1 = i * h / size, (i + 1) * h / size
        for j in range(size):
            c0, c1 = j * w / size, (j + 1) * w / size
            out[i, j] = _area_mean(img, r0, r1, c0, c1)
    top = out.max()
    if top <= 0:
        return np.zeros((size, size))
    return np.rint(out / top * (levels - 1))


def _area_mean(img: np.ndarray, r0: float, r1: float, c0: float, c1: float) -> float:
    total = weight = 0.0
    for r in range(int(math.floor(r0)), int(math.ceil(r1))):
        wr = min(r + 1, r1) - max(r, r0)
        for c in range(int(math.floor(c0)), int(math.ceil(c1))):
            wc = min(c + 1, c1) - max(c, c0)
            total += img[r, c] * wr * wc
            weight += wr * wc
    return total / weight if weight else 0.0


def _signed(value: float) -> str:
    text = fmt(value)
    return f"({text})" if text.startswith("−") else text


def fmt(value: float) -> str:
    """A cell's number as short as it can be: 3, -1, 0.11."""
    v = float(value)
    if abs(v - round(v)) < 1e-9:
        text = str(int(round(v)))
    elif abs(v) >= 100:
        text = f"{v:.0f}"
    elif abs(v) >= 10:
        text = f"{v:.1f}"
    else:
        text = f"{v:.2f}".rstrip("0").rstrip(".")
    if text in ("-0", "", "-"):
        text = "0"
    return text.replace("-", "−")


# -- weights comparison -----------------------------------------------------------------

@dataclass(frozen=True)
class LayerCost:
    """Weights and multiply-adds of one layer for a given input; ``keras`` is the equivalent layer call."""

    name: str
    keras: str
    output_shape: tuple[int, ...]
    params: int
    mult_adds: int
    formula: str


def compare_weights(height: int, width: int, channels: int, filters: int, kernel: int = 3,
                    padding: str = SAME) -> list[LayerCost]:
    """Dense vs Conv2D vs SeparableConv2D on an input of shape (height, width, channels).

    The Dense rows take the flattened input; one makes as many output values as
    the Conv2D does (what it would take to replace the convolution), the other
    has just ``filters`` units. Bias terms are included, as in ``count_params()``.
    """
    n_in = height * width * channels
    rows = plan_axis(height, kernel, 1, padding)
    cols = plan_axis(width, kernel, 1, padding)
    oh, ow = rows.out, cols.out
    n_out = oh * ow * filters
    kk = kernel * kernel
    ch = (translate("conv_lab", "{count} channel") if channels == 1
          else translate("conv_lab", "{count} channels")).format(count=channels)
    fl = (translate("conv_lab", "{count} filter") if filters == 1
          else translate("conv_lab", "{count} filters")).format(count=filters)
    # ``name`` stays English (the tab and the CLI look rows up by it); ``formula`` is shown as it is.
    costs = [
        LayerCost("Dense (same output size)", f"Flatten() + Dense({n_out})", (n_out,),
                  n_in * n_out + n_out, n_in * n_out,
                  translate("conv_lab", "{inputs:,} inputs × {units:,} units + {units:,} biases")
                  .format(inputs=n_in, units=n_out)),
        LayerCost(f"Dense ({filters} units)", f"Flatten() + Dense({filters})", (filters,),
                  n_in * filters + filters, n_in * filters,
                  translate("conv_lab", "{inputs:,} inputs × {units} units + {units} biases")
                  .format(inputs=n_in, units=filters)),
        LayerCost("Conv2D", f"Conv2D({filters}, {kernel}, padding='{padding}')", (oh, ow, filters),
                  kk * channels * filters + filters, oh * ow * kk * channels * filters,
                  translate("conv_lab", "{kernel}×{kernel} window × {channels} × {filters} + {biases} biases")
                  .format(kernel=kernel, channels=ch, filters=fl, biases=filters)),
        LayerCost("SeparableConv2D", f"SeparableConv2D({filters}, {kernel}, padding='{padding}')", (oh, ow, filters),
                  kk * channels + channels * filters + filters, oh * ow * (kk * channels + channels * filters),
                  translate("conv_lab", "{kernel}×{kernel} × {channels} (depthwise) + {in_channels} × {out_filters} "
                                        "(pointwise) + {biases} biases")
                  .format(kernel=kernel, channels=ch, in_channels=channels, out_filters=filters, biases=filters)),
    ]
    return costs
