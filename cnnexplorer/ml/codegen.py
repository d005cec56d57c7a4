"""A design as a runnable, readable Keras 3 script, for a teacher to hand to students.

Pure string building: exporting does not import TensorFlow. Each layer line
carries its output shape and parameter count as a comment, so the script reads
like the Builder's summary table.
"""
from __future__ import annotations

import json
from typing import Any

from cnnexplorer.core.shapes import check, fmt_shape
from cnnexplorer.core.spec import LAYER_DEFAULTS, ModelSpec

# Keras 3's own defaults: arguments equal to these are left out of the script
# so it stays short (the built layers' configs are identical either way).
KERAS_DEFAULTS: dict[str, dict[str, Any]] = {
    "Conv2D": {"strides": 1, "padding": "valid", "activation": None},
    "SeparableConv2D": {"strides": 1, "padding": "valid", "activation": None},
    "Conv1D": {"strides": 1, "padding": "valid", "activation": None},
    "MaxPooling2D": {"strides": None, "padding": "valid"},
    "AveragePooling2D": {"strides": None, "padding": "valid"},
    "MaxPooling1D": {"strides": None, "padding": "valid"},
    "Dense": {"activation": None},
    "Rescaling": {"offset": 0.0},
}

OPTIMIZER_CLASSES = {"rmsprop": "RMSprop", "adam": "Adam", "sgd": "SGD"}


def _py(value: Any, name: str = "") -> str:
    """A Python literal for an argument value, written the way a person would."""
    if name == "scale" and isinstance(value, float) and value and abs(1 / value - round(1 / value)) < 1e-9:
        return f"1 / {round(1 / value)}"
    if isinstance(value, str):
        return json.dumps(value)
    if isinstance(value, (list, tuple)):
        items = [_py(v) for v in value]
        return "(" + ", ".join(items) + ("," if len(items) == 1 else "") + ")"
    return repr(value)


def _same(a: Any, b: Any) -> bool:
    if isinstance(a, (list, tuple)) and len(set(a)) == 1:
        a = a[0]
    if a == "linear" and b is None:
        return True
    if isinstance(a, bool) or isinstance(b, bool):
        return a is b
    return a == b


def layer_arguments(layer) -> list[tuple[str, Any]]:
    """(name, value) pairs a script must pass to build this layer: the design's values minus Keras' defaults."""
    values = dict(LAYER_DEFAULTS[layer.type])
    values.update(layer.params)
    defaults = KERAS_DEFAULTS.get(layer.type, {})
    out = []
    for name, value in values.items():
        if name in defaults and _same(value, defaults[name]):
            continue
        out.append((name, value))
    return out


def layer_call(layer) -> str:
    args = ", ".join(f"{name}={_py(value, name)}" for name, value in layer_arguments(layer))
    return f"layers.{layer.type}({args})"


def python_name(name: str) -> str:
    cleaned = "".join(c if c.isalnum() or c == "_" else "_" for c in name) or "model"
    return cleaned if not cleaned[0].isdigit() else f"model_{cleaned}"


def export_code(spec: ModelSpec, augment: Any = None) -> str:
    """The Python script that builds and compiles ``spec`` with Keras 3.

    ``augment`` (an AugmentConfig with ``to_keras_code()``), when given, adds
    the equivalent augmentation pipeline for training batches.
    """
    report, problems = check(spec)
    shape = tuple(spec.input_shape)
    image = len(shape) == 3
    lines = [
        '"""' + f"{spec.name}: a Keras 3 model exported from CNN Explorer.",
        "",
        f"Input: {'images' if image else 'sequences'} of shape {shape}"
        + (" with raw pixel values 0-255 (the model rescales them itself)." if image and spec.layers
           and spec.layers[0].type == "Rescaling" else "."),
        f"Parameters: {report.total_params:,}",
        "",
        "Run it with:  python this_file.py   (prints the model summary)",
        '"""',
        "import keras",
        "from keras import layers",
        "",
    ]
    if problems:
        lines.append("# WARNING: CNN Explorer found problems in this design; fix them before training:")
        for p in problems:
            lines.append(f"#   - {p.message}")
        lines.append("")
    lines.append("model = keras.Sequential(")
    lines.append("    [")
    lines.append(f"        keras.Input(shape={_py(shape)}),")
    calls = [layer_call(layer) + "," for layer in spec.layers]
    width = max((len(c) for c in calls), default=0)
    for call, row in zip(calls, report.layers):
        if row.output_shape is not None:
            comment = f"# -> {fmt_shape(row.output_shape)}, {row.params:,} params"
        else:
            comment = "# -> invalid here, see the warning above"
        lines.append(f"        {call.ljust(width)}  {comment}")
    lines.append("    ],")
    lines.append(f"    name={_py(python_name(spec.name))},")
    lines.append(")")
    lines.append("")
    c = spec.compile
    opt = OPTIMIZER_CLASSES.get(c.optimizer, "RMSprop")
    lines += [
        "model.compile(",
        f"    optimizer=keras.optimizers.{opt}(learning_rate={c.learning_rate!r}),",
        f"    loss={_py(c.loss)},",
        f"    metrics={json.dumps(list(c.metrics))},",
        ")",
        "",
    ]
    if getattr(augment, "is_off", None) is not None and augment.is_off():
        augment = None  # no "augmentation is off" noise in a student's script
    if augment is not None and hasattr(augment, "to_keras_code"):
        try:
            snippet = augment.to_keras_code()
        except Exception:  # an augmentation that cannot be expressed must not block the export
            snippet = ""
        if snippet.strip():
            lines += [snippet.rstrip("\n"), ""]
    lines += [
        'if __name__ == "__main__":',
        "    model.summary()",
        "",
    ]
    return "\n".join(lines)
