"""A design as a runnable, readable Keras 3 script, for a teacher to hand to students.

Two kinds: "model only" (build, compile, print the summary) and the complete
training script of the tutorial (load the data, prepare it, build, compile,
fit with the Training tab's settings, evaluate, print the test accuracy, save).
A bundled or generated dataset travels as a copy beside the script with a
small numpy loader, so the script runs where only Keras is installed.

Pure string building: exporting does not import TensorFlow. Each layer line
carries its output shape and parameter count as a comment, so the script reads
like the Builder's summary table.
"""
from __future__ import annotations

import contextlib
import io
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from cnnexplorer.core import sequences
from cnnexplorer.core.files import atomic_path, write_error
from cnnexplorer.core.resources import resource_path
from cnnexplorer.core.sequences import VOCAB
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
    if isinstance(a, (list, tuple)) and a and all(x == a[0] for x in a):  # (3, 3) is written 3; no set(): a
        # hostile file's values may be lists
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


def _problem_lines(problems) -> list[str]:
    if not problems:
        return []
    lines = ["# WARNING: CNN Explorer found problems in this design; fix them before training:"]
    lines += [f"#   - {p.message}" for p in problems]
    return lines + [""]


def _model_lines(spec: ModelSpec, report) -> list[str]:
    """``model = keras.Sequential([...])`` and ``model.compile(...)``, each layer with its shape and parameters."""
    shape = tuple(spec.input_shape)
    lines = ["model = keras.Sequential(", "    [", f"        keras.Input(shape={_py(shape)}),"]
    calls = [layer_call(layer) + "," for layer in spec.layers]
    width = max((len(c) for c in calls), default=0)
    for call, row in zip(calls, report.layers):
        if row.output_shape is not None:
            comment = f"# -> {fmt_shape(row.output_shape)}, {row.params:,} params"
        else:
            comment = "# -> invalid here, see the warning above"
        lines.append(f"        {call.ljust(width)}  {comment}")
    c = spec.compile
    opt = OPTIMIZER_CLASSES.get(c.optimizer, "RMSprop")
    return lines + [
        "    ],",
        f"    name={_py(python_name(spec.name))},",
        ")",
        "",
        "model.compile(",
        f"    optimizer=keras.optimizers.{opt}(learning_rate={c.learning_rate!r}),",
        f"    loss={_py(c.loss)},",
        f"    metrics={json.dumps(list(c.metrics))},",
        ")",
        "",
    ]


def _augment_snippet(augment: Any) -> str:
    """The augmentation pipeline as code, or "" when it is off or cannot be expressed."""
    if augment is None or not hasattr(augment, "to_keras_code"):
        return ""
    if getattr(augment, "is_off", None) is not None and augment.is_off():
        return ""  # no "augmentation is off" noise in a student's script
    try:
        return augment.to_keras_code().rstrip("\n")
    except Exception:  # an augmentation that cannot be expressed must not block the export
        return ""


def export_code(spec: ModelSpec, augment: Any = None) -> str:
    """The Python script that builds and compiles ``spec`` with Keras 3 ("model only").

    ``augment`` (an AugmentConfig with ``to_keras_code()``), when given and
    not off, adds the equivalent augmentation pipeline for training batches.
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
    lines += _problem_lines(problems)
    lines += _model_lines(spec, report)
    snippet = _augment_snippet(augment)
    if snippet:
        lines += [snippet, ""]
    lines += [
        'if __name__ == "__main__":',
        "    model.summary()",
        "",
    ]
    return "\n".join(lines)


# -- the complete training script ---------------------------------------------------------------------------

KERAS_LOADERS = {"mnist": "mnist", "fashion-mnist": "fashion_mnist", "cifar10": "cifar10", "imdb": "imdb"}

_HOLD_OUT = '''def hold_out(x, y, fraction, seed):
    """Keep ``fraction`` of each class aside (seeded), as CNN Explorer does.

    Keras' own validation_split would take the LAST rows, which in a class-sorted
    set such as the MNIST sample are all nines.
    """
    rng = np.random.default_rng(seed)
    keep, held = [], []
    for label in np.unique(y):
        rows = np.flatnonzero(y == label)
        rng.shuffle(rows)
        cut = int(round(len(rows) * fraction))
        held.extend(rows[:cut])
        keep.extend(rows[cut:])
    keep, held = np.sort(np.array(keep, dtype=np.int64)), np.sort(np.array(held, dtype=np.int64))
    return x[keep], y[keep], x[held], y[held]
'''

_SPARSE_NOTE = [
    "# Labels stay class numbers (0, 1, 2, ...). With the loss 'sparse_categorical_crossentropy' Keras compares",
    "# each number with the model's softmax outputs directly. The tutorial writes y = to_categorical(y) (one-hot",
    "# rows such as [0, 0, 0, 1, 0, 0, 0, 0, 0, 0]) and uses 'categorical_crossentropy' instead: the loss",
    "# values, the gradients and the accuracy are exactly the same; only the way the labels are written differs.",
]
_CATEGORICAL_NOTE = [
    "# The loss 'categorical_crossentropy' wants one-hot labels: class 3 of 10 becomes [0, 0, 0, 1, 0, 0, 0, 0, 0, 0],",
    "# as in the tutorial. ('sparse_categorical_crossentropy' with the plain class numbers is the same lesson:",
    "# same loss values, same gradients, same accuracy; only the way the labels are written differs.)",
]


@dataclass(frozen=True)
class ScriptSettings:
    """The Training tab's settings a script reproduces (see ``core.configs.TrainingConfig``)."""

    epochs: int = 5
    batch_size: int = 64
    validation_split: float = 0.0
    seed: int = 0
    shuffle: bool = True
    augment: Any = None  # an AugmentConfig when the Training tab augments training images, else None

    @classmethod
    def from_config(cls, config: Any) -> ScriptSettings:
        if config is None:
            return cls()
        return cls(int(config.epochs), int(config.batch_size), float(config.validation_split or 0.0),
                   int(config.seed), bool(getattr(config, "shuffle", True)), getattr(config, "augment", None))


def data_module_name(info: Any) -> str:
    """The loader module written beside the script for a dataset that is not a Keras download or a folder."""
    return python_name(info.name.replace("-", "_"))


def _data_lines(info: Any) -> tuple[list[str], list[str]]:
    """(imports, lines) that load the dataset as numpy arrays x_train, y_train, x_test, y_test."""
    shape = tuple(info.input_shape)
    if info.origin == "keras":
        loader = KERAS_LOADERS[info.name]
        if info.kind == "sequences":
            return [], [
                f"(x_train, y_train), (x_test, y_test) = keras.datasets.{loader}.load_data(num_words={VOCAB})",
                f"# Reviews have different lengths: cut or pad each to {shape[0]} word ids (zeros at the front).",
                f"x_train = keras.utils.pad_sequences(x_train, maxlen={shape[0]})",
                f"x_test = keras.utils.pad_sequences(x_test, maxlen={shape[0]})",
            ]
        lines = [f"(x_train, y_train), (x_test, y_test) = keras.datasets.{loader}.load_data()"]
    elif info.origin == "folder":
        h, w, c = shape
        mode = "grayscale" if c == 1 else "rgb"
        return [], [
            f"DATA_DIR = {_py(str(info.path))}",
            f"CLASS_NAMES = {list(info.class_names)!r}",
            "",
            "",
            "def read_folder(folder):",
            '    """Every image of folder/<class>/ as uint8 arrays, resized, with its class number."""',
            "    ds = keras.utils.image_dataset_from_directory(",
            f"        folder, class_names=CLASS_NAMES, image_size=({h}, {w}), color_mode={_py(mode)},",
            "        batch_size=None, shuffle=False)",
            "    pairs = list(ds.as_numpy_iterator())",
            "    return (np.stack([x for x, _ in pairs]).astype('uint8'), np.array([y for _, y in pairs]))",
            "",
            "",
            "root = Path(DATA_DIR)",
            "if (root / 'train').is_dir():  # train/ and test/ (or validation/) sub-folders, used as they are",
            "    x_train, y_train = read_folder(root / 'train')",
            "    x_test, y_test = read_folder(root / 'test' if (root / 'test').is_dir() else root / 'validation')",
            "else:  # one sub-folder per class: 20 % of each class becomes the test set",
            "    x_train, y_train, x_test, y_test = hold_out(*read_folder(root), 0.2, 0)",
        ]
    else:
        module = data_module_name(info)
        lines = [f"(x_train, y_train), (x_test, y_test) = {module}.load_data()"]
    if info.kind == "images":
        dims = ", ".join(str(d) for d in shape)
        lines += [
            f"# Images as (count, {dims}): a convolution wants the channel axis even for grey pictures.",
            f"x_train = x_train.reshape((-1, {dims}))",
            f"x_test = x_test.reshape((-1, {dims}))",
        ]
    lines += ["y_train, y_test = y_train.reshape(-1), y_test.reshape(-1)"]
    return [], lines


def _scaling_note(spec: ModelSpec) -> list[str]:
    """What the script says about pixel scaling, mirroring what the model does."""
    if spec.layers and spec.layers[0].type == "Rescaling":
        return ["# Pixel values stay 0-255: the model's first layer, Rescaling(1 / 255), divides them by 255 itself",
                "# (the tutorial writes x / 255 here instead; the network sees the same numbers)."]
    return ["# WARNING: the design has no Rescaling layer, so it learns from raw pixel values 0-255 (as it does in",
            "# CNN Explorer). Add layers.Rescaling(1 / 255) as its first layer, or divide x by 255 here, as the",
            "# tutorial does: training is usually faster and steadier on values 0-1."]


def _label_lines(spec: ModelSpec) -> list[str]:
    loss = spec.compile.loss
    last = spec.layers[-1] if spec.layers else None
    units = last.arg("units") if last is not None and last.type == "Dense" else None
    if loss == "categorical_crossentropy" or (loss in ("mse", "mean_squared_error") and units is not None
                                              and units != 1):
        return _CATEGORICAL_NOTE + ["y_train = keras.utils.to_categorical(y_train, NUM_CLASSES)",
                                    "y_test = keras.utils.to_categorical(y_test, NUM_CLASSES)"]
    if loss == "binary_crossentropy" and units == 1:
        return ["# One sigmoid output and 'binary_crossentropy': the labels are 0.0 or 1.0.",
                "y_train = y_train.astype('float32')", "y_test = y_test.astype('float32')"]
    return _SPARSE_NOTE if loss == "sparse_categorical_crossentropy" else []


def training_script(spec: ModelSpec, info: Any, config: Any = None) -> str:
    """A script that does what the tutorial's does, for this design, dataset and training settings.

    It loads the data the way plain Keras users do, prepares it as CNN
    Explorer does, builds and compiles the design, trains it with the
    Training tab's settings, prints the test accuracy and saves the model.
    ``info`` is a DatasetInfo; ``config`` a TrainingConfig (None: its defaults).
    """
    settings = ScriptSettings.from_config(config)
    report, problems = check(spec, int(info.num_classes))
    image = info.kind == "images"
    augment = _augment_snippet(settings.augment) if image else ""
    saved = f"{python_name(spec.name)}.keras"
    val = settings.validation_split
    doc = [
        '"""' + f"{spec.name}: train, evaluate and save a Keras 3 model (exported from CNN Explorer).",
        "",
        f"Data: {info.title}.",
        f"Model: {report.total_params:,} parameters.",
        f"Training: {settings.epochs} epoch{'s' if settings.epochs != 1 else ''}, batch size {settings.batch_size}, "
        + (f"{val:.0%} of the training examples held out for validation" if val else "no validation split")
        + (", augmented training images" if augment else "") + f", seed {settings.seed}.",
        "",
        "Run it with:  python this_file.py",
        "(it needs Keras 3 and a backend such as TensorFlow: pip install tensorflow).",
        f"It prints the test accuracy and saves the trained model as {saved}.",
    ]
    module = None
    if info.origin not in ("keras", "folder"):
        module = data_module_name(info)
        doc.append(f"{module}.py and {module}.npz, written beside this script, hold the data.")
    lines = doc + ['"""']
    lines += (["from pathlib import Path", ""] if info.origin == "folder" else [])
    lines += ["import keras", "import numpy as np", "from keras import layers", ""]
    if augment:
        lines += ["import tensorflow as tf  # tf.data feeds the augmented batches", ""]
    if module:
        lines += [f"import {module}", ""]
    lines += [f"SEED = {settings.seed}", f"EPOCHS = {settings.epochs}", f"BATCH_SIZE = {settings.batch_size}",
              f"VALIDATION_SPLIT = {val!r}", f"NUM_CLASSES = {int(info.num_classes)}", "", ""]
    lines += _HOLD_OUT.split("\n") + [""]
    lines += _problem_lines(problems)
    lines += ["keras.utils.set_random_seed(SEED)  # the same starting weights and shuffles every run", "",
              "# -- the data " + "-" * 60]
    lines += _data_lines(info)[1]
    if image:
        lines += _scaling_note(spec) + ["x_train = x_train.astype('float32')", "x_test = x_test.astype('float32')"]
    lines += _label_lines(spec)
    lines += ["", "# -- the model " + "-" * 59]
    lines += _model_lines(spec, report)
    lines += ["model.summary()", "", "# -- training " + "-" * 59]
    if val:
        lines += ["x_train, y_train, x_val, y_val = hold_out(x_train, y_train, VALIDATION_SPLIT, SEED)",
                  "validation = (x_val, y_val)"]
    else:
        lines += ["validation = None  # validation split 0: no examples held out"]
    lines += ["keras.utils.set_random_seed(SEED)  # CNN Explorer seeds again just before training"]
    if augment:
        lines += [augment, "",
                  "train_ds = tf.data.Dataset.from_tensor_slices((x_train, y_train))"]
        if settings.shuffle:
            lines += ["train_ds = train_ds.shuffle(len(x_train), seed=SEED, reshuffle_each_iteration=True)"]
        lines += ["train_ds = train_ds.batch(BATCH_SIZE).map(lambda x, y: (augment(x, training=True), y))",
                  "history = model.fit(train_ds, epochs=EPOCHS, validation_data=validation)"]
    else:
        shuffle = "" if settings.shuffle else ", shuffle=False"
        lines += ["history = model.fit(x_train, y_train, epochs=EPOCHS, batch_size=BATCH_SIZE, "
                  f"validation_data=validation{shuffle})"]
    lines += [
        "",
        "# -- testing on examples the model has never seen " + "-" * 24,
        "test_loss, test_accuracy = model.evaluate(x_test, y_test, batch_size=max(BATCH_SIZE, 256), verbose=0)",
        'print(f"Test accuracy: {test_accuracy:.4f}  (test loss {test_loss:.4f})")',
        "",
        "# The tutorial saves mnist_cnn.h5, the older format; Keras 3 saves .keras files.",
        f"model.save({_py(saved)})",
        f'print("Saved the trained model to {saved}")',
        "",
    ]
    return "\n".join(lines)


def data_module(info: Any) -> str:
    """The loader module for a bundled or generated dataset: plain numpy, like ``keras.datasets.mnist``."""
    module = data_module_name(info)
    return "\n".join([
        '"""' + f"{info.title}, loaded like keras.datasets.mnist.load_data().",
        "",
        f"Written by CNN Explorer beside a training script; the arrays are in {module}.npz next to this file.",
        f"Source: {info.source}. Licence: {info.licence}.",
        '"""',
        "from pathlib import Path",
        "",
        "import numpy as np",
        "",
        "",
        "def load_data(path=None):",
        '    """((x_train, y_train), (x_test, y_test)) as numpy arrays, the way Keras\' own datasets return them."""',
        f"    path = Path(path) if path else Path(__file__).with_name({_py(module + '.npz')})",
        "    with np.load(path) as data:",
        "        return (data['x_train'], data['y_train']), (data['x_test'], data['y_test'])",
        "",
    ])


def export_files(spec: ModelSpec, script_path: str | Path, info: Any = None, config: Any = None,
                 complete: bool = True, augment: Any = None, data: bytes | None = None) -> dict[Path, bytes]:
    """Every file an export writes, script last: ``{path: content}``.

    ``complete``: the whole training script for ``info`` (a DatasetInfo); for
    a bundled or generated dataset also its loader module and ``data`` (the
    dataset as ``.npz`` bytes) beside the script. Otherwise the model-only
    script (with ``augment``'s pipeline, as before).
    """
    script_path = Path(script_path)
    if not complete or info is None:
        return {script_path: export_code(spec, augment).encode("utf-8")}
    files: dict[Path, bytes] = {}
    if info.origin not in ("keras", "folder"):
        module = data_module_name(info)
        if data is None:
            raise ValueError("the dataset's .npz bytes are needed for a bundled or generated dataset")
        files[script_path.with_name(module + ".npz")] = data
        files[script_path.with_name(module + ".py")] = data_module(info).encode("utf-8")
    files[script_path] = training_script(spec, info, config).encode("utf-8")
    return files


def dataset_npz(info: Any) -> bytes | None:
    """The ``.npz`` bytes a loader module reads: a copy of the bundled sample, or the generated sequences."""
    if info.origin == "bundled":
        return resource_path("data", "mnist_sample.npz").read_bytes()
    if info.origin == "generated":
        x_train, y_train = sequences.generate(2000, seed=1)
        x_test, y_test = sequences.generate(500, seed=2)
        buffer = io.BytesIO()
        np.savez_compressed(buffer, x_train=x_train, y_train=y_train, x_test=x_test, y_test=y_test)
        return buffer.getvalue()
    return None


def write_export(files: dict[Path, bytes]) -> None:
    """Write an export's files all or nothing: each goes to a temporary file beside its target first, and
    only when every one is written are they renamed into place (the script last). A failed write raises
    FileWriteError naming its file and leaves every target as it was, with nothing new beside them."""
    with contextlib.ExitStack() as stack:
        for path in reversed(list(files)):  # entered script first, so it is renamed last
            tmp = stack.enter_context(atomic_path(path))
            try:
                tmp.write_bytes(files[path])
            except OSError as exc:
                raise write_error(path, exc) from None
