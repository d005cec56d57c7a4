"""ModelSpec: a declarative model design (input shape + ordered layers + compile settings).

The Builder tab edits a ModelSpec; ``ml/build.py`` turns it into a Keras model.
Everything here is plain Python so designs can be checked and saved without
importing TensorFlow.

Input convention, app-wide: image models take raw pixel values (0-255, float)
and do their own scaling inside the graph (a ``Rescaling(1/255)`` first layer
in the templates, the architecture's ``preprocess_input`` for pretrained
bases). The tutorial divides by 255 outside the model; keeping it inside means
a saved model carries its preprocessing, so the Visualize tab and ``evaluate``
feed any image the same way. Sequence models take integer token ids.
"""
from __future__ import annotations

import copy
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cnnexplorer.core.bounded import clip_repr, load_json, read_json_file
from cnnexplorer.core.errors import SpecError
from cnnexplorer.core.files import write_text
from cnnexplorer.core.i18n import QT_TRANSLATE_NOOP, translate

FORMAT = "cnnexplorer-design"
VERSION = 1

# Limits of a design (the README's Builder section lists them). MAX_DIM is also the largest
# value any size or count may take: TensorFlow indexes tensors with 32-bit integers in places.
MAX_DIM = 2**31 - 1
MAX_LAYERS = 500
MAX_NAME = 200

# Layer type -> default arguments. The keys are Keras argument names, so a
# design reads like the Keras code it stands for.
LAYER_DEFAULTS: dict[str, dict[str, Any]] = {
    "Conv2D": {"filters": 32, "kernel_size": 3, "strides": 1, "padding": "valid", "activation": "relu"},
    "SeparableConv2D": {"filters": 32, "kernel_size": 3, "strides": 1, "padding": "valid", "activation": "relu"},
    "MaxPooling2D": {"pool_size": 2, "strides": None, "padding": "valid"},
    "AveragePooling2D": {"pool_size": 2, "strides": None, "padding": "valid"},
    "GlobalAveragePooling2D": {},
    "GlobalMaxPooling2D": {},
    "Flatten": {},
    "Dense": {"units": 64, "activation": "relu"},
    "Dropout": {"rate": 0.5},
    "BatchNormalization": {},
    "Conv1D": {"filters": 32, "kernel_size": 7, "strides": 1, "padding": "valid", "activation": "relu"},
    "MaxPooling1D": {"pool_size": 2, "strides": None, "padding": "valid"},
    "GlobalMaxPooling1D": {},
    "Embedding": {"input_dim": 10000, "output_dim": 128},
    "Rescaling": {"scale": 1 / 255, "offset": 0.0},
}

OPTIMIZERS = ("rmsprop", "adam", "sgd")
LOSSES = ("sparse_categorical_crossentropy", "categorical_crossentropy", "binary_crossentropy", "mse")
METRICS = ("accuracy", "mae")
PADDINGS = ("valid", "same")
# Activation names Keras 3 understands that are worth offering to a student.
ACTIVATIONS = ("relu", "sigmoid", "softmax", "tanh", "linear", "elu", "selu", "gelu", "swish", "softplus")

# What kind of value each argument takes; the Builder's property editor offers
# only valid choices from this, and ``core.shapes`` checks designs against it.
#   int+   a whole number >= 1           size    int >= 1, or [h, w] / [n] per spatial axis
#   size?  like size, or None (= pool_size, Keras' default for pooling strides)
#   choice:<tuple name>   one of PADDINGS / ACTIVATIONS     fraction  0 <= x < 1     float  any number
ARG_KINDS: dict[str, str] = {
    "filters": "int+",
    "units": "int+",
    "kernel_size": "size",
    "pool_size": "size",
    "padding": "padding",
    "activation": "activation",
    "rate": "fraction",
    "input_dim": "int+",
    "output_dim": "int+",
    "scale": "float",
    "offset": "float",
}


def arg_kind(layer_type: str, name: str) -> str:
    """The kind of value an argument takes (see ARG_KINDS); pooling strides may be None."""
    if name == "strides":
        return "size?" if "Pooling" in layer_type else "size"
    return ARG_KINDS.get(name, "float")


# How many spatial axes a layer works on (for kernel/stride/pool sizes).
SPATIAL_RANK = {
    "Conv2D": 2, "SeparableConv2D": 2, "MaxPooling2D": 2, "AveragePooling2D": 2,
    "Conv1D": 1, "MaxPooling1D": 1,
}

# One line per layer type, for the "Add layer" menu and tooltips.
LAYER_HELP = {
    "Conv2D": "Slides small filters over an image; each filter makes one feature map.",
    "SeparableConv2D": "A Conv2D split into a per-channel filter and a 1×1 mix: far fewer weights.",
    "MaxPooling2D": "Keeps the largest value of each window: halves height and width with the default size 2.",
    "AveragePooling2D": "Keeps the mean of each window: shrinks height and width.",
    "GlobalAveragePooling2D": "One mean value per feature map: an image becomes a vector.",
    "GlobalMaxPooling2D": "One maximum value per feature map: an image becomes a vector.",
    "Flatten": "Lays all values out in one long vector, for Dense layers.",
    "Dense": "Every output is connected to every input: the classifier part of a network.",
    "Dropout": "Randomly zeroes a fraction of values while training, against overfitting.",
    "BatchNormalization": "Normalises values to mean 0 and spread 1 per channel; helps deep networks train.",
    "Conv1D": "Slides filters along a sequence (e.g. word vectors).",
    "MaxPooling1D": "Keeps the largest value of each window along a sequence.",
    "GlobalMaxPooling1D": "One maximum value per channel: a sequence becomes a vector.",
    "Embedding": "Turns word ids into learned vectors; must be the first layer of a text model.",
    "Rescaling": "Multiplies the input by a constant: raw pixels 0-255 become 0-1 with scale 1/255.",
}


def default_loss(units: int, activation: str | None) -> str:
    """The loss a classifier with this output layer usually wants (labels are class indices)."""
    if units == 1 and activation == "sigmoid":
        return "binary_crossentropy"
    if activation in (None, "linear") and units == 1:
        return "mse"
    return "sparse_categorical_crossentropy"


@dataclass
class LayerSpec:
    type: str
    params: dict[str, Any] = field(default_factory=dict)

    def arg(self, name: str) -> Any:
        """The layer's argument, falling back to the type's default."""
        if name in self.params:
            return self.params[name]
        return LAYER_DEFAULTS.get(self.type, {}).get(name)

    def to_dict(self) -> dict[str, Any]:
        return {"type": self.type, **copy.deepcopy(self.params)}


@dataclass
class CompileSpec:
    optimizer: str = "rmsprop"
    learning_rate: float = 0.001
    loss: str = "sparse_categorical_crossentropy"
    metrics: list[str] = field(default_factory=lambda: ["accuracy"])


@dataclass
class ModelSpec:
    input_shape: tuple[int, ...]
    layers: list[LayerSpec] = field(default_factory=list)
    compile: CompileSpec = field(default_factory=CompileSpec)
    name: str = "model"

    # -- JSON ---------------------------------------------------------------
    def to_dict(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "version": VERSION,
            "name": self.name,
            "input_shape": list(self.input_shape),
            "layers": [layer.to_dict() for layer in self.layers],
            "compile": {
                "optimizer": self.compile.optimizer,
                "learning_rate": self.compile.learning_rate,
                "loss": self.compile.loss,
                "metrics": list(self.compile.metrics),
            },
        }

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), indent=2)

    @classmethod
    def from_dict(cls, data: Any) -> ModelSpec:
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise SpecError(translate("spec", "This file is not a CNN Explorer design (its 'format' field is missing "
                                              "or different)."))
        version = data.get("version")
        if not isinstance(version, int) or isinstance(version, bool) or version < 1:
            raise SpecError(translate("spec", "The design has no valid 'version' field. It may be damaged; open "
                                              "another file."))
        if version > VERSION:
            raise SpecError(
                translate("spec", "The design was saved by a newer CNN Explorer (design version {version}, this app "
                                  "reads up to {supported}). Update the app to open it.")
                .format(version=version, supported=VERSION)
            )
        shape = _input_shape(data.get("input_shape"))
        raw_layers = data.get("layers", [])
        if not isinstance(raw_layers, list):
            raise SpecError(translate("spec", "The design's 'layers' must be a list of layers, not {value}.")
                            .format(value=clip_repr(raw_layers)))
        if len(raw_layers) > MAX_LAYERS:
            raise SpecError(translate("spec", "The design has {count:,} layers; the app opens designs of up to "
                                              "{limit} layers.").format(count=len(raw_layers), limit=MAX_LAYERS))
        layers = []
        for i, raw in enumerate(raw_layers, start=1):
            if not isinstance(raw, dict) or "type" not in raw:
                raise SpecError(translate("spec", "Layer {index} of the design has no 'type'. The file may be "
                                                  "damaged.").format(index=i))
            if not isinstance(raw["type"], str) or raw["type"] not in LAYER_DEFAULTS:
                known = ", ".join(LAYER_DEFAULTS)
                raise SpecError(translate("spec", "Layer {index} has the unknown type {type}; change or remove "
                                                  "it in the file (known types: {known}).")
                                .format(index=i, type=clip_repr(raw["type"]), known=known))
            layers.append(LayerSpec(raw["type"], {k: v for k, v in raw.items() if k != "type"}))
        compile_spec = _compile_spec(data.get("compile", {}))
        name = data.get("name", "model")
        if not isinstance(name, str) or not name.strip() or len(name) > MAX_NAME:
            raise SpecError(translate("spec", "The design's name must be a text of 1 to {limit} characters, not "
                                              "{value}.").format(limit=MAX_NAME, value=clip_repr(name)))
        return cls(input_shape=shape, layers=layers, compile=compile_spec, name=name)

    @classmethod
    def from_json(cls, text: str | bytes) -> ModelSpec:
        """A design from JSON text, read within ``core.bounded``'s limits (size, depth, number lengths)."""
        return cls.from_dict(load_json(text, translate("spec", "the design"), error=SpecError))

    def copy(self) -> ModelSpec:
        return ModelSpec.from_dict(self.to_dict())


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


class InputShapeError(SpecError):
    """The design's input shape is unusable; ``strict`` when Keras would take it and the app refuses on purpose."""

    strict = False


def _input_shape(value: Any) -> tuple[int, ...]:
    """The design's input shape: a list of 1 to 3 whole numbers from 1 to MAX_DIM; SpecError otherwise.

    Keras would take ``True`` as 1 and a 0 as an empty axis; the app refuses
    both on purpose (``error.strict``), since neither is a shape a student means.
    """
    ok = (isinstance(value, (list, tuple)) and 1 <= len(value) <= 3
          and all(_is_int(d) and 1 <= d <= MAX_DIM for d in value))
    if ok:
        return tuple(value)
    error = InputShapeError(translate("spec", "The design's input_shape must be a list of 1 to 3 whole numbers "
                                              "from 1 to {limit:,}, such as [28, 28, 1]; got {value}.")
                            .format(limit=MAX_DIM, value=clip_repr(value)))
    # Deliberately stricter than Keras (which takes True as 1, a 0, or any number of axes):
    error.strict = isinstance(value, (list, tuple)) and all(isinstance(d, int) and d >= 0 for d in value)
    raise error


def _compile_spec(comp: Any) -> CompileSpec:
    """Compile settings with strict types; their values are checked (and explained) by ``core.shapes``."""
    if not isinstance(comp, dict):
        raise SpecError(translate("spec", "The design's 'compile' must be an object such as {example}, not {value}.")
                        .format(example='{"optimizer": "adam", "learning_rate": 0.001, "loss": '
                                        '"sparse_categorical_crossentropy"}', value=clip_repr(comp)))
    optimizer = comp.get("optimizer", "rmsprop")
    loss = comp.get("loss", "sparse_categorical_crossentropy")
    rate = comp.get("learning_rate", 0.001)
    metrics = comp.get("metrics", ["accuracy"])
    if isinstance(metrics, str):
        metrics = [metrics]
    for key, value, fine in (("optimizer", optimizer, isinstance(optimizer, str)),
                             ("loss", loss, isinstance(loss, str)),
                             ("learning_rate", rate, isinstance(rate, (int, float)) and not isinstance(rate, bool)),
                             ("metrics", metrics, isinstance(metrics, list)
                              and all(isinstance(m, str) for m in metrics))):
        if not fine:
            raise SpecError(translate("spec", "The design's compile setting {key} has the wrong kind of value: "
                                              "{value}.").format(key=key, value=clip_repr(value)))
    unknown = sorted(str(k) for k in comp if k not in ("optimizer", "loss", "learning_rate", "metrics"))
    if unknown:
        raise SpecError(translate("spec", "Unknown compile setting {name}; the design's compile takes optimizer, "
                                          "learning_rate, loss and metrics.").format(name=clip_repr(unknown[0])))
    return CompileSpec(optimizer=optimizer, learning_rate=rate, loss=loss, metrics=list(metrics))


def load_spec(path: str | Path) -> ModelSpec:
    """A design file, refused before parsing if it is larger than ``core.bounded.MAX_JSON_BYTES`` (2 MB)."""
    return ModelSpec.from_dict(read_json_file(path, translate("spec", "the design file"), error=SpecError))


def save_spec(spec: ModelSpec, path: str | Path) -> None:
    """Write a design atomically (``core.files``): a failed write keeps the previous file and says why."""
    write_text(path, spec.to_json() + "\n")


# -- templates ------------------------------------------------------------------

def _L(type_: str, **params: Any) -> LayerSpec:  # noqa: N802 (reads like the Keras layer it builds)
    return LayerSpec(type_, params)


def _mnist_cnn() -> ModelSpec:
    """The tutorial's MNIST network: 93,322 parameters, about 99 % on full MNIST."""
    return ModelSpec(
        name="mnist-cnn",
        input_shape=(28, 28, 1),
        layers=[
            _L("Rescaling", scale=1 / 255),
            _L("Conv2D", filters=32, kernel_size=3, activation="relu"),
            _L("MaxPooling2D", pool_size=2),
            _L("Conv2D", filters=64, kernel_size=3, activation="relu"),
            _L("MaxPooling2D", pool_size=2),
            _L("Conv2D", filters=64, kernel_size=3, activation="relu"),
            _L("Flatten"),
            _L("Dense", units=64, activation="relu"),
            _L("Dense", units=10, activation="softmax"),
        ],
        compile=CompileSpec(optimizer="rmsprop", learning_rate=0.001, loss="sparse_categorical_crossentropy"),
    )


def _dense_baseline() -> ModelSpec:
    """Dense-only network on the same 28x28 digits, to compare weights with the CNN."""
    return ModelSpec(
        name="dense-baseline",
        input_shape=(28, 28, 1),
        layers=[
            _L("Rescaling", scale=1 / 255),
            _L("Flatten"),
            _L("Dense", units=512, activation="relu"),
            _L("Dense", units=10, activation="softmax"),
        ],
        compile=CompileSpec(optimizer="rmsprop", learning_rate=0.001, loss="sparse_categorical_crossentropy"),
    )


def _separable_cnn() -> ModelSpec:
    """Section 7: depthwise separable convolutions, lighter and faster than Conv2D."""
    sep = lambda n: _L("SeparableConv2D", filters=n, kernel_size=3, activation="relu")  # noqa: E731
    return ModelSpec(
        name="separable-cnn",
        input_shape=(64, 64, 3),
        layers=[
            _L("Rescaling", scale=1 / 255),
            sep(32), sep(64), _L("MaxPooling2D", pool_size=2),
            sep(64), sep(128), _L("MaxPooling2D", pool_size=2),
            sep(64), sep(128), _L("GlobalAveragePooling2D"),
            _L("Dense", units=32, activation="relu"),
            _L("Dense", units=10, activation="softmax"),
        ],
        compile=CompileSpec(optimizer="rmsprop", learning_rate=0.001, loss="sparse_categorical_crossentropy"),
    )


def _conv1d_text() -> ModelSpec:
    """Section 6: Conv1D over word embeddings (IMDB: 10,000 words, length 500).

    The tutorial's last layer is ``Dense(1)`` without an activation, trained
    with binary cross-entropy, which expects probabilities; the template adds
    the sigmoid that loss needs.
    """
    return ModelSpec(
        name="conv1d-text",
        input_shape=(500,),
        layers=[
            _L("Embedding", input_dim=10000, output_dim=128),
            _L("Conv1D", filters=32, kernel_size=7, activation="relu"),
            _L("MaxPooling1D", pool_size=5),
            _L("Conv1D", filters=32, kernel_size=7, activation="relu"),
            _L("GlobalMaxPooling1D"),
            _L("Dense", units=1, activation="sigmoid"),
        ],
        compile=CompileSpec(optimizer="rmsprop", learning_rate=1e-4, loss="binary_crossentropy"),
    )


def _small_vgg() -> ModelSpec:
    """A small VGG-style network for 150x150 colour image folders (e.g. cats vs dogs)."""
    return ModelSpec(
        name="small-vgg",
        input_shape=(150, 150, 3),
        layers=[
            _L("Rescaling", scale=1 / 255),
            _L("Conv2D", filters=32, kernel_size=3, activation="relu"),
            _L("MaxPooling2D", pool_size=2),
            _L("Conv2D", filters=64, kernel_size=3, activation="relu"),
            _L("MaxPooling2D", pool_size=2),
            _L("Conv2D", filters=128, kernel_size=3, activation="relu"),
            _L("MaxPooling2D", pool_size=2),
            _L("Conv2D", filters=128, kernel_size=3, activation="relu"),
            _L("MaxPooling2D", pool_size=2),
            _L("Flatten"),
            _L("Dropout", rate=0.5),
            _L("Dense", units=512, activation="relu"),
            _L("Dense", units=1, activation="sigmoid"),
        ],
        compile=CompileSpec(optimizer="rmsprop", learning_rate=1e-4, loss="binary_crossentropy"),
    )


# Descriptions are marked for translation; the interface shows them through translate("spec", description).
TEMPLATES = {
    "mnist-cnn": (QT_TRANSLATE_NOOP("spec", "The tutorial's MNIST CNN (93,322 parameters)"), _mnist_cnn),
    "dense-baseline": (QT_TRANSLATE_NOOP("spec", "A Dense-only network on the same digits, to compare with the CNN"),
                       _dense_baseline),
    "separable-cnn": (QT_TRANSLATE_NOOP("spec", "SeparableConv2D network of section 7 (64x64 colour, 10 classes)"),
                      _separable_cnn),
    "conv1d-text": (QT_TRANSLATE_NOOP("spec", "Conv1D text classifier of section 6 (10,000 words, length 500)"),
                    _conv1d_text),
    "small-vgg": (QT_TRANSLATE_NOOP("spec", "Small VGG-style network for 150x150 colour image folders"), _small_vgg),
}


def template(name: str) -> ModelSpec:
    """A fresh copy of a named template; unknown names raise SpecError listing the known ones."""
    try:
        return TEMPLATES[name][1]()
    except KeyError:
        raise SpecError(translate("spec", "There is no template called {name}. Templates: {templates}.").format(
            name=clip_repr(name), templates=", ".join(TEMPLATES))) from None
