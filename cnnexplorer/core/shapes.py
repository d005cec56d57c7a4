"""Shape and parameter inference for a :class:`~cnnexplorer.core.spec.ModelSpec`, in plain Python.

For every layer: the output shape, the number of weights, and the arithmetic
that gave them ("out = floor((28 - 3) / 1) + 1 = 26; params = 3·3·1·32 + 32 =
320"), so the Builder can show students *why* a shape is what it is. The rules
follow Keras 3 exactly (tests compare against real Keras, including a
property-based test over random layer stacks).

Problems come in two kinds:

* ``keras_rejects=True``: Keras itself would refuse to build the design (a
  kernel larger than its input, a Conv2D after Flatten, a zero-sized layer…).
  Inference stops giving shapes after the first such layer.
* ``keras_rejects=False``: Keras would build it, but it cannot be trained
  sensibly (an Embedding that is not first, softmax on one unit with binary
  cross-entropy, a classifier whose output is not one value per class…).

Either kind keeps a design from being trained; both can still be edited and
saved. Every message names the layer (position and type), the problem and a fix.
"""
from __future__ import annotations

import math
import os
from dataclasses import dataclass, field

from cnnexplorer.core.bounded import clip_repr
from cnnexplorer.core.i18n import translate
from cnnexplorer.core.layer_args import _ArgProblem, _check_args, _finite, _is_int, _size_tuple
from cnnexplorer.core.spec import (
    LAYER_DEFAULTS,
    LOSSES,
    MAX_DIM,
    METRICS,
    OPTIMIZERS,
    SPATIAL_RANK,
    LayerSpec,
    ModelSpec,
)
from cnnexplorer.core.units import byte_size

# Metric names Keras understands that a design file may carry (the Builder offers METRICS).
KNOWN_METRICS = set(METRICS) | {"sparse_categorical_accuracy", "categorical_accuracy", "binary_accuracy", "mse"}

Shape = tuple  # non-batch dimensions



@dataclass
class Problem:
    layer_index: int | None  # 1-based, or None for the whole model
    message: str
    keras_rejects: bool = True
    # "" (Keras agrees), "strict" (refused on purpose although Keras would build it), "limit" (a value beyond
    # the app's range, e.g. units > 2**31 - 1) or "budget" (too large for this computer); the README's Builder
    # section lists these decisions.
    kind: str = ""

    def __str__(self) -> str:
        return self.message


@dataclass
class LayerShape:
    index: int  # 1-based position in the design
    type: str
    input_shape: Shape | None
    output_shape: Shape | None  # None when unknown (this or an earlier layer is invalid)
    params: int = 0
    non_trainable: int = 0
    formula: str = ""
    total: int = 0  # running total of parameters up to and including this layer
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


@dataclass
class ShapeReport:
    input_shape: Shape
    layers: list[LayerShape]
    problems: list[Problem]

    @property
    def total_params(self) -> int:
        return sum(layer.params for layer in self.layers)

    @property
    def non_trainable_params(self) -> int:
        return sum(layer.non_trainable for layer in self.layers)

    @property
    def trainable_params(self) -> int:
        return self.total_params - self.non_trainable_params

    @property
    def output_shape(self) -> Shape | None:
        if not self.layers:
            return self.input_shape
        return self.layers[-1].output_shape

    @property
    def keras_buildable(self) -> bool:
        return not any(p.keras_rejects for p in self.problems)


def fmt_shape(shape: Shape | None) -> str:
    """(26, 26, 32) -> '26×26×32'; None -> '?'."""
    if shape is None:
        return "?"
    return "×".join(str(d) for d in shape) if shape else translate("shapes", "scalar")


def fmt_int(n: int) -> str:
    return f"{n:,}"


def layer_prefix(index: int, layer_type: str) -> str:
    """'Layer 3 Conv2D': how every message names a layer (translated: '第 3 层 Conv2D')."""
    return translate("shapes", "Layer {index} {type}").format(index=index, type=layer_type)


def _arg_problem(index: int, found: _ArgProblem) -> Problem:
    return Problem(index, str(found), True, "limit" if found.limit else "strict" if found.strict else "")


# -- per-layer rules ----------------------------------------------------------------

def _what(shape: Shape) -> str:
    """Describe a shape the way a student thinks of it."""
    if len(shape) == 1:
        return translate("shapes", "a flat vector of {count:,} values").format(count=shape[0])
    if len(shape) == 2:
        return translate("shapes", "a sequence {shape} (length × channels)").format(shape=fmt_shape(shape))
    if len(shape) == 3:
        return translate("shapes", "an image {shape} (height × width × channels)").format(shape=fmt_shape(shape))
    return translate("shapes", "a {rank}-D tensor {shape}").format(rank=len(shape), shape=fmt_shape(shape))


def _rank_problem(layer: LayerSpec, prefix: str, shape: Shape, rank: int, spec: ModelSpec, index: int) -> str:
    """A layer that gets the wrong kind of input; the fix names only layers that exist."""
    flatteners = ("Flatten", "GlobalAveragePooling2D", "GlobalMaxPooling2D", "GlobalMaxPooling1D")
    flatten_at = next((i for i, earlier in enumerate(spec.layers[: index - 1], start=1)
                       if earlier.type in flatteners), None)
    if rank == 3:
        need = translate("shapes", "an image (height × width × channels)")
        if len(shape) == 1 and flatten_at is not None:
            fix = translate("shapes", "move {type} (layer {index}) below the last convolution or pooling layer").format(
                type=spec.layers[flatten_at - 1].type, index=flatten_at)
        elif len(shape) == 2:
            fix = translate("shapes", "use Conv1D / MaxPooling1D / GlobalMaxPooling1D for sequences")
        else:
            fix = translate("shapes", "use an image input (height, width, channels)")
    else:
        need = translate("shapes", "a sequence (length × channels)")
        if len(shape) == 3:
            fix = translate("shapes", "use Conv2D/MaxPooling2D for images, or start from a sequence input with an "
                                      "Embedding")
        elif len(shape) == 1 and flatten_at is not None:
            fix = translate("shapes", "remove {type} (layer {index}), or put an Embedding first for word ids").format(
                type=spec.layers[flatten_at - 1].type, index=flatten_at)
        else:
            fix = translate("shapes", "put an Embedding first to turn word ids into vectors")
    return translate("shapes", "{prefix}: needs {need} but gets {what} — {fix}.").format(
        prefix=prefix, need=need, what=_what(shape), fix=fix)


def _few(items: list[str], shown: int = 5) -> str:
    """'a, b, c' — at most ``shown`` items, then '…' (messages stay one short line)."""
    return ", ".join(items[:shown]) + (", …" if len(items) > shown else "")


def _shrinking_layers(spec: ModelSpec, index: int) -> tuple[list[int], list[int]]:
    """Layers before ``index`` that make the input smaller: (pooling or strided ones, 'valid' convolutions)."""
    pooled, trimmed = [], []
    for i, layer in enumerate(spec.layers[: index - 1], start=1):
        if layer.type not in SPATIAL_RANK:
            continue
        strides = layer.arg("strides")
        strided = strides is not None and strides != 1 and strides != [1] * SPATIAL_RANK[layer.type]
        if "Pooling" in layer.type or strided:
            pooled.append(i)
        elif layer.arg("padding") == "valid" and layer.arg("kernel_size") not in (1, [1], [1, 1]):
            trimmed.append(i)  # a 'valid' convolution trims (kernel - 1) pixels
    return pooled, trimmed


def _window_too_large(spec: ModelSpec, index: int, prefix: str, pooling: bool, window: tuple,
                      inner: Shape) -> str:
    """A window larger than its input: the fixes name only layers that exist (issue 17, item 4)."""
    largest = fmt_shape(tuple(min(w, i) for w, i in zip(window, inner)))
    pooled, trimmed = _shrinking_layers(spec, index)
    if pooled:
        fix = translate("shapes", "or remove a pooling or strided layer before it (layer {layers})").format(
            layers=_few(list(map(str, pooled))))
    elif trimmed:
        fix = translate("shapes", "or use padding='same' in the convolutions before it (layer {layers})").format(
            layers=_few(list(map(str, trimmed))))
    else:
        fix = translate("shapes", "or use a larger input")
    if pooling:
        text = translate("shapes", "{prefix}: pool window {window} is larger than its input {input} — use "
                                   "padding='same', a pool_size of at most {largest}, {fix}.")
    else:
        text = translate("shapes", "{prefix}: kernel {window} is larger than its input {input} — use "
                                   "padding='same', a kernel_size of at most {largest}, {fix}.")
    return text.format(prefix=prefix, window=fmt_shape(window), input=fmt_shape(inner), largest=largest, fix=fix)


def _window(in_size: int, k: int, s: int, padding: str, what: str) -> tuple[int | None, str]:
    """Output length of a sliding window along one axis, and its formula."""
    if padding == "same":
        out = -(-in_size // s)
        return out, f"ceil({in_size} / {s}) = {out}"
    if in_size < k:
        return None, ""
    out = (in_size - k) // s + 1
    return out, f"floor(({in_size} - {k}) / {s}) + 1 = {out}"


def _axes_formula(names: list[str], parts: list[str]) -> str:
    if len(set(parts)) == 1:
        return f"out = {parts[0]}"
    return "; ".join(f"{n} = {p}" for n, p in zip(names, parts))


def _formula(*parts: str) -> str:
    """Formula lines joined by '; ' (the Builder shows each on its own line, so no part may contain ';')."""
    return "; ".join(parts)


def _infer_layer(spec: ModelSpec, index: int, layer: LayerSpec, shape: Shape
                 ) -> tuple[Shape | None, int, int, str, list[Problem]]:
    """(output_shape, params, non_trainable, formula, problems) for one layer on an input shape."""
    t = layer.type
    prefix = layer_prefix(index, t)
    arg_problems = _check_args(layer, prefix)
    if arg_problems:
        return None, 0, 0, "", [_arg_problem(index, p) for p in arg_problems]

    def reject(msg: str) -> tuple[None, int, int, str, list[Problem]]:
        return None, 0, 0, "", [Problem(index, msg)]

    if t in ("Conv2D", "SeparableConv2D", "Conv1D", "MaxPooling2D", "AveragePooling2D", "MaxPooling1D"):
        rank = SPATIAL_RANK[t]
        if len(shape) != rank + 1:
            return reject(_rank_problem(layer, prefix, shape, rank + 1, spec, index))
        pooling = "Pooling" in t
        k = _size_tuple(layer, "pool_size" if pooling else "kernel_size", rank, prefix)
        assert k is not None  # kernel and pool sizes are never None (checked above)
        s = _size_tuple(layer, "strides", rank, prefix) or k
        padding = layer.arg("padding")
        outs, parts = [], []
        for axis in range(rank):
            out, formula = _window(shape[axis], k[axis], s[axis], padding, "kernel")
            if out is None:
                return reject(_window_too_large(spec, index, prefix, pooling, k, shape[:rank]))
            outs.append(out)
            parts.append(formula)
        if rank == 2:
            names = [translate("shapes", "height"), translate("shapes", "width")]
        else:
            names = [translate("shapes", "length")]
        channels = shape[-1]
        if pooling:
            out_shape = (*outs, channels)
            text = _formula(_axes_formula(names, parts), translate("shapes", "pooling has no weights (params = 0)"))
            return out_shape, 0, 0, text, []
        filters = layer.arg("filters")
        kk = "·".join(str(x) for x in k)
        if t == "SeparableConv2D":
            depthwise = math.prod(k) * channels
            pointwise = channels * filters
            params = depthwise + pointwise + filters
            ptext = translate("shapes", "params = depthwise {kernel}·{channels} + pointwise {channels}·{filters} + "
                                        "bias {filters} = {params:,}").format(
                kernel=kk, channels=channels, filters=filters, params=params)
        else:
            params = math.prod(k) * channels * filters + filters
            ptext = f"params = {kk}·{channels}·{filters} + {filters} = {params:,}"
        return (*outs, filters), params, 0, _formula(_axes_formula(names, parts), ptext), []

    if t in ("GlobalAveragePooling2D", "GlobalMaxPooling2D", "GlobalMaxPooling1D"):
        rank = 3 if t.endswith("2D") else 2
        if len(shape) != rank:
            return reject(_rank_problem(layer, prefix, shape, rank, spec, index))
        if "Average" in t:
            text = translate("shapes", "one mean per channel: {input} → {channels}")
        else:
            text = translate("shapes", "one maximum per channel: {input} → {channels}")
        return (shape[-1],), 0, 0, _formula(text.format(input=fmt_shape(shape), channels=shape[-1]),
                                            "params = 0"), []

    if t == "Flatten":
        n = math.prod(shape)
        if len(shape) > 1:
            text = f"out = {'·'.join(str(d) for d in shape)} = {n:,}"
        else:
            text = translate("shapes", "already flat: {count:,}").format(count=n)
        return (n,), 0, 0, _formula(text, "params = 0"), []

    if t == "Dense":
        units, last = layer.arg("units"), shape[-1]
        params = last * units + units
        if units == 1:
            out_text = translate("shapes", "out = {units} unit").format(units=units)
        else:
            out_text = translate("shapes", "out = {units} units").format(units=units)
        if len(shape) != 1:
            out_text += translate("shapes", " (applied to every position: {positions})").format(
                positions=fmt_shape(shape[:-1]))
        return ((*shape[:-1], units), params, 0,
                _formula(out_text, f"params = {last}·{units} + {units} = {params:,}"), [])

    if t == "Dropout":
        return shape, 0, 0, _formula(translate("shapes", "shape unchanged"),
                                     translate("shapes", "drops {rate:g} of values while training").format(
                                         rate=layer.arg("rate")),
                                     "params = 0"), []

    if t == "BatchNormalization":
        c = shape[-1]
        params = 4 * c
        return (shape, params, 2 * c,
                _formula(translate("shapes", "shape unchanged"),
                         translate("shapes", "params = 4·{channels} = {params:,} (γ, β trainable; mean, variance "
                                             "not trainable: {frozen:,})").format(
                             channels=c, params=params, frozen=2 * c)), [])

    if t == "Embedding":
        dim, vocab = layer.arg("output_dim"), layer.arg("input_dim")
        params = vocab * dim
        problems = []
        if index != 1:
            problems.append(Problem(index, translate("shapes", "{prefix}: an Embedding turns word ids into vectors, "
                                                               "so it must be the first layer — move it to position "
                                                               "1.").format(prefix=prefix),
                                    keras_rejects=False))
        return ((*shape, dim), params, 0,
                _formula(translate("shapes", "each of the {ids} ids becomes a vector of {dim}").format(
                    ids=fmt_shape(shape), dim=dim),
                    f"params = {vocab:,}·{dim} = {params:,}"), problems)

    if t == "Rescaling":
        scale = layer.arg("scale")
        shown = "1/255" if abs(scale - 1 / 255) < 1e-12 else f"{scale:g}"
        offset = layer.arg("offset") or 0
        text = f"x·{shown}" + (f" + {offset:g}" if offset else "")
        return shape, 0, 0, _formula(translate("shapes", "shape unchanged"),
                                     translate("shapes", "values become {values}").format(values=text),
                                     "params = 0"), []

    return reject(translate("shapes", "{prefix}: unknown layer type — remove it.").format(
        prefix=prefix))  # pragma: no cover (from_dict refuses these)


def infer_shapes(spec: ModelSpec) -> ShapeReport:
    """Every layer's output shape, parameters and formula, plus the problems found on the way.

    Fast enough to run on every edit (a 50-layer design takes well under a millisecond or so).
    """
    in_shape = tuple(spec.input_shape)
    problems: list[Problem] = []
    layers: list[LayerShape] = []
    shape: Shape | None = in_shape
    if not 1 <= len(in_shape) <= 3 or not all(_is_int(d) and 1 <= d <= MAX_DIM for d in in_shape):
        problems.append(Problem(None, translate("shapes", "The input shape {shape} is not valid: every size must be "
                                                          "a whole number of at least 1 — e.g. (28, 28, 1) for MNIST "
                                                          "digits.").format(shape=clip_repr(in_shape))))
        shape = None
    total = 0
    for index, layer in enumerate(spec.layers, start=1):
        if layer.type not in LAYER_DEFAULTS:
            row = LayerShape(index, layer.type, shape, None,
                             problems=[Problem(index, translate("shapes", "{prefix}: unknown layer type — remove "
                                                                          "it.").format(
                                 prefix=layer_prefix(index, layer.type)))])
        elif shape is None:
            # An earlier layer is broken: still check this layer's own settings.
            found = _check_args(layer, layer_prefix(index, layer.type))
            row = LayerShape(index, layer.type, None, None, problems=[_arg_problem(index, p) for p in found])
        else:
            out, params, frozen, formula, layer_problems = _infer_layer(spec, index, layer, shape)
            row = LayerShape(index, layer.type, shape, out, params, frozen, formula, problems=layer_problems)
        total += row.params
        row.total = total
        problems.extend(row.problems)
        layers.append(row)
        if any(p.keras_rejects for p in row.problems):
            shape = None
        else:
            shape = row.output_shape
    return ShapeReport(in_shape, layers, problems)


# -- whole-model checks -----------------------------------------------------------------

def _compile_problems(spec: ModelSpec) -> list[Problem]:
    c = spec.compile
    problems = []
    if c.optimizer not in OPTIMIZERS:
        problems.append(Problem(None, translate("shapes", "The optimizer {optimizer} is not one the app offers — "
                                                          "choose {choices}.").format(
            optimizer=clip_repr(c.optimizer), choices=", ".join(OPTIMIZERS)), False))
    if c.loss not in LOSSES:
        problems.append(Problem(None, translate("shapes", "The loss {loss} is not one the app offers — choose "
                                                          "{choices}.").format(
            loss=clip_repr(c.loss), choices=", ".join(LOSSES)), False))
    lr = c.learning_rate
    if not _finite(lr) or lr <= 0:
        problems.append(Problem(None, translate("shapes", "The learning rate {rate} must be a positive number — try "
                                                          "0.001.").format(rate=clip_repr(lr)), False))
    unknown = [m for m in c.metrics if m not in KNOWN_METRICS]
    if unknown:
        problems.append(Problem(None, translate("shapes", "Unknown metric(s) {metrics} — use {choices}.").format(
            metrics=_few([clip_repr(m, 60) for m in unknown]), choices=", ".join(METRICS)), False))
    return problems


def _model_problems(spec: ModelSpec, report: ShapeReport, num_classes: int | None) -> list[Problem]:
    problems: list[Problem] = _compile_problems(spec)
    if not spec.layers:
        return problems + [Problem(None, translate("shapes", "The design has no layers — add some, or start from a "
                                                             "template."),
                                   False)]
    last_i = len(spec.layers)
    last = spec.layers[-1]
    prefix = layer_prefix(last_i, last.type)
    loss = spec.compile.loss
    out = report.output_shape
    if last.type != "Dense":
        problems.append(Problem(last_i, translate("shapes", "{prefix} is the last layer, but a classifier must end "
                                                            "with a Dense layer that has one unit per class — add "
                                                            "Dense(units=number of classes).").format(prefix=prefix),
                                False))
        return problems
    units, act = last.arg("units"), last.arg("activation")
    if out is not None and len(out) != 1:
        problems.append(Problem(last_i, translate("shapes", "{prefix}: the model's output is {shape}, not one value "
                                                            "per class — add Flatten or GlobalAveragePooling2D before "
                                                            "the Dense layers.").format(
            prefix=prefix, shape=fmt_shape(out)), False))
    if not _is_int(units):
        return problems
    if loss == "binary_crossentropy":
        if units == 1 and act == "softmax":
            problems.append(Problem(last_i, translate("shapes", "{prefix}: softmax on a single unit always outputs "
                                                                "1.0, so binary cross-entropy cannot learn anything — "
                                                                "use activation='sigmoid'.").format(prefix=prefix),
                                    False))
        elif units == 1 and act != "sigmoid":
            problems.append(Problem(last_i, translate("shapes", "{prefix}: binary cross-entropy needs a probability "
                                                                "between 0 and 1 but the activation is {activation} — "
                                                                "use activation='sigmoid'.").format(
                prefix=prefix, activation=act or "linear"), False))
        elif units != 1:
            problems.append(Problem(last_i, translate("shapes", "{prefix}: binary cross-entropy with class-index "
                                                                "labels needs one sigmoid unit, not {units} — set "
                                                                "units=1 and activation='sigmoid', or use "
                                                                "sparse_categorical_crossentropy with softmax.").format(
                prefix=prefix, units=units), False))
    elif loss in ("sparse_categorical_crossentropy", "categorical_crossentropy"):
        if units == 1:
            problems.append(Problem(last_i, translate("shapes", "{prefix}: {loss} needs one unit per class, but this "
                                                                "layer has 1 — set units to the number of classes, "
                                                                "or use binary_crossentropy with a sigmoid for two "
                                                                "classes.").format(prefix=prefix, loss=loss), False))
        elif act != "softmax":
            problems.append(Problem(last_i, translate("shapes", "{prefix}: {loss} expects probabilities but the "
                                                                "output activation is {activation} — use "
                                                                "activation='softmax'.").format(
                prefix=prefix, loss=loss, activation=act or "linear"), False))
    if num_classes is not None:
        binary_ok = num_classes == 2 and units == 1
        if units != num_classes and not binary_ok:
            if num_classes == 2:
                fix = translate("shapes", "set units={classes} with softmax, or units=1 with sigmoid and "
                                          "binary_crossentropy").format(classes=num_classes)
            else:
                fix = translate("shapes", "set units={classes}").format(classes=num_classes)
            if units == 1:
                text = translate("shapes", "{prefix}: the output has {units} unit but the dataset has {classes} "
                                           "classes — {fix}.")
            else:
                text = translate("shapes", "{prefix}: the output has {units} units but the dataset has {classes} "
                                           "classes — {fix}.")
            problems.append(Problem(last_i, text.format(prefix=prefix, units=units, classes=num_classes, fix=fix),
                                    False))
    return problems


def validate(spec: ModelSpec, num_classes: int | None = None, batch_size: int = 1) -> list[Problem]:
    """Every reason this design cannot be trained (empty list: it can).

    ``num_classes`` (from the chosen dataset) adds the check that the output
    layer has one unit per class; ``batch_size`` sizes the memory budget.
    """
    return check(spec, num_classes, batch_size)[1]


def check(spec: ModelSpec, num_classes: int | None = None, batch_size: int = 1
          ) -> tuple[ShapeReport, list[Problem]]:
    """Shapes and all problems in one pass (what the Builder shows after each edit)."""
    report = infer_shapes(spec)
    return report, (report.problems + _model_problems(spec, report, num_classes)
                    + budget_problems(report, batch_size))


# -- size budget -------------------------------------------------------------------------

MAX_PARAMS = 100_000_000  # 400 MB of float32 weights, 1.6 GB with gradients and optimizer state
BYTES_PER_VALUE = 4  # float32


def total_memory() -> int | None:
    """This computer's physical memory in bytes, or None where the system does not say."""
    try:
        return int(os.sysconf("SC_PAGE_SIZE")) * int(os.sysconf("SC_PHYS_PAGES"))
    except (AttributeError, ValueError, OSError):
        pass
    try:  # Windows
        import ctypes

        class _Status(ctypes.Structure):
            _fields_ = [("dwLength", ctypes.c_ulong), ("dwMemoryLoad", ctypes.c_ulong),
                        ("ullTotalPhys", ctypes.c_ulonglong), ("ullAvailPhys", ctypes.c_ulonglong),
                        ("ullTotalPageFile", ctypes.c_ulonglong), ("ullAvailPageFile", ctypes.c_ulonglong),
                        ("ullTotalVirtual", ctypes.c_ulonglong), ("ullAvailVirtual", ctypes.c_ulonglong),
                        ("ullAvailExtendedVirtual", ctypes.c_ulonglong)]

        status = _Status()
        status.dwLength = ctypes.sizeof(_Status)
        if ctypes.windll.kernel32.GlobalMemoryStatusEx(ctypes.byref(status)):  # type: ignore[attr-defined]
            return int(status.ullTotalPhys)
    except Exception:
        pass
    return None


def memory_bytes() -> int:
    """This computer's physical memory in bytes (8 GB when the system does not say)."""
    return total_memory() or 8 * 1024**3


fmt_bytes = byte_size  # the name this module gave it before core.units held it, still importable


def budget_problems(report: ShapeReport, batch_size: int = 1, memory: int | None = None) -> list[Problem]:
    """The size budget: at most MAX_PARAMS parameters, and no single tensor larger than a quarter of memory.

    The largest tensor is the largest layer output for ``batch_size`` examples,
    or the largest layer's weights, at 4 bytes a value. Designs beyond this
    would make Keras allocate until the computer runs out of memory, so they
    are stopped before anything is built (``kind="budget"``).
    """
    problems = []
    total = report.total_params
    if total > MAX_PARAMS:
        problems.append(Problem(None, translate("shapes", "The design has {params} parameters; the app trains designs "
                                                          "of up to {limit} — use fewer units or filters, or more "
                                                          "pooling before Flatten.").format(
            params=fmt_int(total), limit=fmt_int(MAX_PARAMS)), False, "budget"))
    budget = (memory if memory is not None else memory_bytes()) // 4
    largest_output, out_row = 0, None
    largest_weights, weights_row = 0, None
    for row in report.layers:
        if row.output_shape is not None:
            values = math.prod(row.output_shape)
            if values > largest_output:
                largest_output, out_row = values, row
        if row.params > largest_weights:
            largest_weights, weights_row = row.params, row
    input_values = math.prod(report.input_shape) if report.input_shape and all(
        _is_int(d) for d in report.input_shape) else 0
    batch = max(1, int(batch_size))
    if max(input_values, largest_output) * batch * BYTES_PER_VALUE > budget:
        if largest_output >= input_values and out_row is not None:
            where = layer_prefix(out_row.index, out_row.type)
            shape = fmt_shape(out_row.output_shape)
        else:
            where, shape = translate("shapes", "The input"), fmt_shape(report.input_shape)
        need = max(input_values, largest_output) * batch * BYTES_PER_VALUE
        problems.append(Problem(out_row.index if out_row is not None and largest_output >= input_values else None,
                                translate("shapes", "{where}: its output {shape} needs {need} for a batch of {batch}, "
                                                    "more than a quarter of this computer's memory ({budget}) — use "
                                                    "a smaller input, fewer filters, or more pooling.").format(
                                    where=where, shape=shape, need=byte_size(need), batch=batch,
                                    budget=byte_size(budget)), False, "budget"))
    if weights_row is not None and largest_weights * BYTES_PER_VALUE > budget:
        problems.append(Problem(weights_row.index, translate(
            "shapes", "{where}: its {params} weights need {need}, more than a quarter of this computer's memory "
                      "({budget}) — use fewer units or filters.").format(
            where=layer_prefix(weights_row.index, weights_row.type), params=fmt_int(largest_weights),
            need=byte_size(largest_weights * BYTES_PER_VALUE), budget=byte_size(budget)), False, "budget"))
    return problems


def explain(spec: ModelSpec, report: ShapeReport, index: int) -> str:
    """One or two plain sentences on what layer ``index`` (1-based) does to its input, for the formula panel."""
    row = report.layers[index - 1]
    layer = spec.layers[index - 1]
    if row.output_shape is None or row.input_shape is None:
        return ""
    t = layer.type
    if t in SPATIAL_RANK:
        rank = SPATIAL_RANK[t]
        pooling = "Pooling" in t
        k = _size_tuple(layer, "pool_size" if pooling else "kernel_size", rank, "")
        assert k is not None
        s = _size_tuple(layer, "strides", rank, "") or k
        if rank == 2:
            window = translate("shapes", "{size} window").format(size=fmt_shape(k))
        else:
            window = translate("shapes", "size-{size} window").format(size=k[0])
        step = str(s[0]) if len(set(s)) == 1 else fmt_shape(s)
        if layer.arg("padding") == "same":
            where = translate("shapes", "padding='same' adds a border of zeros around the input, so the {window} "
                                        "may sit at every position; moving {step} at a time gives {positions} "
                                        "positions (the input {input} divided by {step}, rounded up).")
        else:
            where = translate("shapes", "With padding='valid' the {window} must stay inside the input: moving "
                                        "{step} at a time it fits in {positions} positions of the {input} input.")
        where = where.format(window=window, step=step, positions=fmt_shape(row.output_shape[:-1]),
                             input=fmt_shape(row.input_shape[:-1]))
        if pooling:
            return where + translate("shapes", " Pooling keeps the channels and learns nothing.")
        filters = layer.arg("filters")
        if t == "SeparableConv2D":
            what = translate("shapes", " First one {size} filter per input channel ({channels}), then {filters} 1×1 "
                                       "filters mix the channels: far fewer weights than a Conv2D.")
        else:
            what = translate("shapes", " Each of the {filters} filters has {size}×{channels} weights (one per input "
                                       "channel) plus one bias, and makes one output channel.")
        return where + what.format(size=fmt_shape(k), channels=row.input_shape[-1], filters=filters)
    if t == "Dense":
        return translate("shapes", "Every one of the {units} units has a weight for each of the {inputs:,} inputs, "
                                   "plus one bias.").format(units=layer.arg("units"), inputs=row.input_shape[-1])
    if t == "Flatten":
        return translate("shapes", "Lays every value out in one row, so Dense layers can read it; nothing is learned.")
    if t.startswith("Global"):
        return translate("shapes", "Summarises each channel by one number, whatever the size: the spatial layout is "
                                   "dropped.")
    if t == "BatchNormalization":
        return translate("shapes", "Per channel it learns a scale γ and a shift β (trainable) and keeps a running "
                                   "mean and variance (not trainable).")
    if t == "Embedding":
        return translate("shapes", "A lookup table: row i is the learned vector of word id i. Ids must be below the "
                                   "vocabulary size {vocabulary:,}.").format(vocabulary=layer.arg("input_dim"))
    if t == "Dropout":
        return translate("shapes", "Only active while training; at prediction time it passes values through "
                                   "unchanged.")
    if t == "Rescaling":
        return translate("shapes", "Scales raw values inside the model, so a saved model carries its preprocessing.")
    return ""
