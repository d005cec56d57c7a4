"""Pretrained networks: the keras.applications catalog, weights sources, freezing,
heads, feature extraction and the two ways of reusing a base (tutorial section 4).

Importing this module is cheap (no TensorFlow): the catalog, the layer rows
and :class:`FreezeState` are plain Python, so the Pretrained tab can list
architectures and recount parameters without touching Keras. Everything that
builds or runs a model imports Keras inside the function.

Conventions (see ``core/spec.py``): models take raw pixels 0-255; the
architecture's ``preprocess_input`` lives inside the composed model as an
:func:`ArchPreprocess <preprocess_layer_class>` layer, so a saved model works
on plain images. The base stays one nested model named after the architecture
(``vgg16``), as in the tutorial, so Grad-CAM can find its last conv layer.
"""
from __future__ import annotations

import os
import re
import threading
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Optional, Sequence

import numpy as np

from cnnexplorer.core.errors import DatasetError, ModelFileError, UserError
from cnnexplorer.core.i18n import translate
from cnnexplorer.core.progress import Cancelled, ProgressFn, check_cancel, report

DOWNLOAD_TIMEOUT_S = 20.0  # per socket operation: a dead network fails in seconds, not minutes
_CAFFE_MEAN_BGR = (103.939, 116.779, 123.68)
RANDOM_LABEL = "random weights — patterns will not be meaningful"
_APPS_URL = "https://storage.googleapis.com/tensorflow/keras-applications/"


# -- catalog ----------------------------------------------------------------------

@dataclass(frozen=True)
class Architecture:
    """One keras.applications network, described without importing Keras."""

    key: str  # "vgg16": also the name of the nested base model
    title: str  # "VGG16"
    constructor: str  # attribute of keras.applications
    default_size: int  # the size ImageNet weights were trained at (required with include_top)
    min_size: int  # smallest input side the convolutional base accepts
    preprocess_mode: str  # "caffe" (RGB->BGR, minus ImageNet mean) or "tf" (scale to [-1, 1])
    base_params: int  # parameters without the ImageNet classifier
    download_mb: float  # size of the no-top ImageNet weights file
    batchnorm: bool  # has BatchNormalization layers (inference mode when fine-tuning)
    year: int
    note: str

    def weights_filename(self, input_size: int = 0, include_top: bool = False) -> str:
        if self.key == "mobilenet":
            rows = input_size if input_size in (128, 160, 192, 224) else 224
            return f"mobilenet_1_0_{rows}_tf{'' if include_top else '_no_top'}.h5"
        return f"{self.key}_weights_tf_dim_ordering_tf_kernels{'' if include_top else '_notop'}.h5"

    def weights_url(self, input_size: int = 0, include_top: bool = False) -> str:
        folder = "resnet" if self.key == "resnet50" else self.key
        return f"{_APPS_URL}{folder}/{self.weights_filename(input_size, include_top)}"

    @property
    def preprocess_text(self) -> str:
        if self.preprocess_mode == "caffe":
            return "RGB→BGR, minus the ImageNet mean colour (\"caffe\" style)"
        return "pixels scaled to −1…1 (\"tf\" style)"

    def check_input_size(self, input_size: int, include_top: bool = False) -> None:
        """Raise UserError if the base cannot take ``input_size``×``input_size`` images."""
        if include_top and input_size != self.default_size:
            raise UserError(
                translate("transfer", "{title} with its ImageNet classifier (include_top) only takes "
                                      "{size}×{size} images, not {got}×{got}: use input size {size}, or leave the "
                                      "classifier out and add your own head.")
                .format(title=self.title, size=self.default_size, got=input_size)
            )
        if input_size < self.min_size:
            raise UserError(
                translate("transfer", "{title} needs images of at least {size}×{size} pixels (got {got}×{got}): "
                                      "choose an input size of {size} or more.")
                .format(title=self.title, size=self.min_size, got=input_size)
            )
        if input_size > 1024:
            raise UserError(translate("transfer", "An input size of {size} is too large for this app: choose 1024 "
                                                  "or less.").format(size=input_size))


CATALOG: dict[str, Architecture] = {
    a.key: a
    for a in [
        Architecture("vgg16", "VGG16", "VGG16", 224, 32, "caffe", 14_714_688, 58.9, False, 2014,
                     "13 conv layers in 5 blocks: the tutorial's network."),
        Architecture("vgg19", "VGG19", "VGG19", 224, 32, "caffe", 20_024_384, 80.1, False, 2014,
                     "VGG16 with one more conv layer in blocks 3, 4 and 5."),
        Architecture("resnet50", "ResNet50", "ResNet50", 224, 32, "caffe", 23_587_712, 94.7, True, 2015,
                     "Residual blocks with shortcuts; BatchNormalization everywhere."),
        Architecture("inception_v3", "InceptionV3", "InceptionV3", 299, 75, "tf", 21_802_784, 87.9, True, 2015,
                     "Inception modules: parallel 1×1, 3×3 and 5×5 branches."),
        Architecture("xception", "Xception", "Xception", 299, 71, "tf", 20_861_480, 83.7, True, 2016,
                     "Depthwise separable convolutions (SeparableConv2D)."),
        Architecture("mobilenet", "MobileNet", "MobileNet", 224, 32, "tf", 3_228_864, 17.2, True, 2017,
                     "Small and fast: depthwise separable convolutions for phones."),
    ]
}


def get_architecture(name: str) -> Architecture:
    """Look an architecture up by key or title, forgiving case, '-' and '_' ("InceptionV3", "inception-v3")."""
    want = re.sub(r"[^a-z0-9]", "", str(name).lower())
    for arch in CATALOG.values():
        if want in (re.sub(r"[^a-z0-9]", "", arch.key), arch.title.lower()):
            return arch
    raise UserError(translate("transfer", "There is no pretrained network called {name}: choose one of {names}.")
                    .format(name=repr(name), names=", ".join(a.key for a in CATALOG.values())))


# -- weights sources --------------------------------------------------------------

@dataclass(frozen=True)
class WeightsSource:
    """Where the base's weights come from: "imagenet", "random" or a local "file"."""

    kind: str
    path: str | None = None

    @classmethod
    def parse(cls, text: str | None) -> "WeightsSource":
        """"imagenet", "random" (or "none"), or the path of a weights file."""
        if text is None or str(text).lower() in ("random", "none", ""):
            return cls("random")
        if str(text).lower() == "imagenet":
            return cls("imagenet")
        return cls("file", str(text))

    def label(self) -> str:
        if self.kind == "imagenet":
            return "ImageNet weights"
        if self.kind == "file":
            return translate("transfer", "weights from {name}").format(name=Path(self.path or "").name)
        return RANDOM_LABEL


def keras_models_dir() -> Path:
    """Where Keras caches downloaded weights (``$KERAS_HOME/models`` or ``~/.keras/models``)."""
    base = os.environ.get("KERAS_HOME") or os.path.join(os.path.expanduser("~"), ".keras")
    return Path(base) / "models"


def cached_weights(arch: Architecture, input_size: int = 0, include_top: bool = False) -> Path | None:
    path = keras_models_dir() / arch.weights_filename(input_size, include_top)
    return path if path.is_file() and path.stat().st_size > 0 else None


def offline_message(arch: Architecture, reason: str) -> str:
    return translate(
        "transfer", "The ImageNet weights for {title} could not be downloaded ({reason}). Without a network, choose "
                    "a local weights file (copy {file} from another computer's {folder}) or use random weights."
    ).format(title=arch.title, reason=reason, file=arch.weights_filename(), folder=keras_models_dir())


def download_imagenet_weights(arch: Architecture, input_size: int = 0, include_top: bool = False,
                              progress: ProgressFn | None = None, cancel: threading.Event | None = None,
                              timeout: float = DOWNLOAD_TIMEOUT_S) -> Path:
    """The cached ImageNet weights file, downloading it (with progress and cancel) if needed.

    Keras' own ``get_file`` can neither be cancelled nor report progress to
    us, so we fetch the same file into the same cache folder ourselves. A
    partial file never stays behind (temporary name, then rename).
    """
    cached = cached_weights(arch, input_size, include_top)
    if cached is not None:
        return cached
    url = arch.weights_url(input_size, include_top)
    target = keras_models_dir() / arch.weights_filename(input_size, include_top)
    tmp = target.with_name(target.name + ".part")
    report(progress, "download", 0, 0,
           translate("transfer", "Downloading ImageNet weights for {title}…").format(title=arch.title))
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        with urllib.request.urlopen(url, timeout=timeout) as response, open(tmp, "wb") as out:
            total = int(response.headers.get("Content-Length") or 0)
            done = 0
            while True:
                check_cancel(cancel)
                chunk = response.read(1 << 18)
                if not chunk:
                    break
                out.write(chunk)
                done += len(chunk)
                if total:
                    text = translate("transfer", "Downloading {title} weights: {done:.1f} of {total:.1f} MB").format(
                        title=arch.title, done=done / 1e6, total=total / 1e6)
                else:
                    text = translate("transfer", "Downloading {title} weights: {done:.1f} MB").format(
                        title=arch.title, done=done / 1e6)
                report(progress, "download", done, total, text)
        if done == 0 or (total and done != total):
            raise OSError(translate("transfer", "received {done} of {total} bytes")
                          .format(done=done, total=total or "?"))
        os.replace(tmp, target)
    except Cancelled:
        raise
    except Exception as exc:  # URLError, timeouts, disk full: all mean "no weights from the network"
        raise UserError(offline_message(arch, _reason(exc))) from None
    finally:
        if tmp.exists():
            tmp.unlink()
    return target


def _reason(exc: BaseException) -> str:
    text = str(getattr(exc, "reason", "") or exc).strip()
    return (text.splitlines()[0] if text else exc.__class__.__name__)[:160]


# -- the preprocessing layer ----------------------------------------------------

_PREPROCESS_CLASS: Any = None


def preprocess_layer_class():
    """The ``ArchPreprocess`` Keras layer class (created and registered on first use).

    A Lambda layer would be refused by safe-mode loading, so the transform is
    a small registered layer. Call this (or :func:`register_custom_objects`)
    before loading a model that contains it.
    """
    global _PREPROCESS_CLASS
    if _PREPROCESS_CLASS is not None:
        return _PREPROCESS_CLASS
    from cnnexplorer.ml.runtime import keras

    k = keras()

    class ArchPreprocess(k.layers.Layer):
        """Raw pixels 0-255 -> what the pretrained base expects (its ``preprocess_input``)."""

        def __init__(self, mode: str = "caffe", **kwargs):
            super().__init__(**kwargs)
            if mode not in ("caffe", "tf"):
                raise ValueError(f"unknown preprocessing mode {mode!r}")
            self.mode = mode

        def call(self, inputs):
            ops = k.ops
            x = ops.cast(inputs, self.compute_dtype)
            if self.mode == "tf":
                return x / 127.5 - 1.0
            x = ops.flip(x, axis=-1)  # RGB -> BGR
            return x - ops.convert_to_tensor(np.array(_CAFFE_MEAN_BGR, dtype="float32"), dtype=self.compute_dtype)

        def compute_output_shape(self, input_shape):
            return input_shape

        def get_config(self):
            config = super().get_config()
            config["mode"] = self.mode
            return config

    ArchPreprocess.__module__ = __name__
    ArchPreprocess.__qualname__ = "ArchPreprocess"
    _PREPROCESS_CLASS = k.saving.register_keras_serializable(package="cnnexplorer")(ArchPreprocess)
    return _PREPROCESS_CLASS


def register_custom_objects() -> None:
    """Make the layers this module puts in models known to Keras (call before loading a model file)."""
    preprocess_layer_class()


# -- building the base ------------------------------------------------------------

def build_base(arch: Architecture | str, input_size: int, weights: str | WeightsSource = "imagenet",
               include_top: bool = False, progress: ProgressFn | None = None,
               cancel: threading.Event | None = None):
    """The convolutional base of ``arch`` for ``input_size``² RGB images, named ``arch.key``.

    Everything is checked before anything is returned: a wrong size or a
    weights file of another network raises UserError and no model escapes.
    """
    arch = get_architecture(arch) if isinstance(arch, str) else arch
    source = weights if isinstance(weights, WeightsSource) else WeightsSource.parse(weights)
    arch.check_input_size(int(input_size), include_top)
    weights_path: Path | None = None
    if source.kind == "file":
        weights_path = Path(source.path or "")
        if not weights_path.is_file():
            raise ModelFileError(translate("transfer", "The weights file {path} does not exist: choose another "
                                                       "file, or use random weights.").format(path=weights_path))
    elif source.kind == "imagenet":
        weights_path = download_imagenet_weights(arch, input_size, include_top, progress, cancel)
    check_cancel(cancel)
    report(progress, "build", 0, 0,
           translate("transfer", "Building {title} ({size}×{size})…").format(title=arch.title, size=input_size))
    from cnnexplorer.ml.runtime import keras

    k = keras()
    constructor = getattr(k.applications, arch.constructor)
    kwargs: dict[str, Any] = {"weights": None, "include_top": include_top,
                              "input_shape": (int(input_size), int(input_size), 3)}
    if include_top:
        kwargs["classes"] = 1000
    base = constructor(**kwargs)
    base.name = arch.key  # the tutorial's summary shows "vgg16"; Visualize finds the base by it
    if weights_path is not None:
        check_cancel(cancel)
        if source.kind == "file":
            text = translate("transfer", "Loading weights from {name}…").format(name=weights_path.name)
        else:
            text = translate("transfer", "Loading ImageNet weights…")
        report(progress, "build", 0, 0, text)
        load_base_weights(base, arch, input_size, weights_path)
    return base


def load_base_weights(base, arch: Architecture, input_size: int, path: str | Path) -> None:
    """Load a weights file into ``base``; on any mismatch the base is left as it was."""
    path = Path(path)
    before = [w.numpy() for w in base.weights]
    try:
        base.load_weights(str(path))
    except Exception as exc:  # shape/count mismatches, foreign HDF5, not HDF5 at all
        for var, value in zip(base.weights, before):
            var.assign(value)
        raise ModelFileError(
            translate("transfer", "{name} does not hold weights of {title} without its classifier ({reason}): "
                                  "choose the file saved for this network, or use random weights.")
            .format(name=path.name, title=arch.title, reason=_reason(exc))
        ) from None
    if before and all(np.array_equal(a, w.numpy()) for a, w in zip(before, base.weights)):
        # Keras skips files with no matching layers only with a warning: nothing was loaded.
        raise ModelFileError(
            translate("transfer", "{name} holds no weights for {title}: choose the file saved for this network, "
                                  "or use random weights.").format(name=path.name, title=arch.title)
        )


def save_base_weights(base, path: str | Path) -> Path:
    """Save the base's weights (``.weights.h5``) to give to a classroom without network."""
    path = Path(path)
    if not path.name.endswith(".weights.h5"):
        path = path.with_name(path.stem.removesuffix(".weights") + ".weights.h5")
    base.save_weights(str(path))
    return path


# -- layers, blocks and freezing ---------------------------------------------------

@dataclass(frozen=True)
class LayerRow:
    """One layer of a base, as the layer table shows it (plain data, no Keras)."""

    index: int  # position among the rows (input layer left out)
    name: str
    type: str
    output_shape: str
    params: int
    trainable_params: int  # parameters that train when this layer is trainable
    fixed_params: int  # parameters that never train (BatchNormalization's moving statistics)
    group: str  # "block1" ... for the table's grouping
    always_frozen: bool = False  # BatchNormalization: kept in inference mode (see apply_freeze)


_GROUP_PATTERNS = {
    "vgg16": r"^(block\d+)_",
    "vgg19": r"^(block\d+)_",
    "xception": r"^(block\d+)_",
    "resnet50": r"^(conv\d_block\d+|conv1)_",
    "mobilenet": r"^conv_(?:dw|pw)_(\d+)",
}


def group_names(arch_key: str, names: Sequence[str]) -> list[str]:
    """The block each layer belongs to; unnamed helper layers join the block before them."""
    groups: list[str] = []
    if arch_key == "inception_v3":
        # Inception's layers are numbered, not named by module: a module ends at its "mixedN" concat.
        pending: list[int] = []
        current = "stem"
        for i, name in enumerate(names):
            pending.append(i)
            if re.fullmatch(r"mixed\d+", name):
                groups.extend([name] * len(pending))
                pending, current = [], name
        groups.extend(["top" if current != "stem" else "stem"] * len(pending))
        return groups
    pattern = _GROUP_PATTERNS.get(arch_key)
    current = "stem"
    for name in names:
        m = re.match(pattern, name) if pattern else None
        if m:
            current = m.group(1)
            if arch_key == "mobilenet":
                current = f"block{current}"
        elif arch_key == "mobilenet" and name.startswith("conv1"):
            current = "stem"
        groups.append(current)
    return groups


def layer_rows(base, arch_key: str | None = None) -> list[LayerRow]:
    """Describe every layer of ``base`` once, so the table and the counts need no Keras afterwards."""
    layers = [layer for layer in base.layers if layer.__class__.__name__ != "InputLayer"]
    groups = group_names(arch_key or base.name, [layer.name for layer in layers])
    rows = []
    for i, (layer, group) in enumerate(zip(layers, groups)):
        trainable = fixed = 0
        for w in layer.weights:
            size = int(np.prod(w.shape))
            if getattr(w, "trainable", True):
                trainable += size
            else:
                fixed += size
        try:
            shape = layer.output.shape
            shape_text = "×".join("?" if d is None else str(d) for d in shape[1:])
        except Exception:  # layers used twice have no single output
            shape_text = "?"
        rows.append(LayerRow(i, layer.name, layer.__class__.__name__, shape_text,
                             trainable + fixed, trainable, fixed, group, _keeps_inference_mode(layer)))
    return rows


def _keeps_inference_mode(layer) -> bool:
    return layer.__class__.__name__ == "BatchNormalization"


class FreezeState:
    """Which layers of a base are trainable, with parameter counts kept up to date.

    Counts are running totals over precomputed per-layer sizes, so a toggle
    costs O(1) and moving the boundary O(layers) — microseconds even for
    ResNet50's 175 layers. Nothing here touches Keras; :func:`apply_freeze`
    copies the flags onto the model when training starts.
    """

    def __init__(self, rows: Sequence[LayerRow], trainable: Sequence[bool] | None = None) -> None:
        self.rows = list(rows)
        # BatchNormalization never trains here (inference mode), so its gamma/beta count as fixed.
        self._sizes = [0 if r.always_frozen else r.trainable_params for r in self.rows]
        self._fixed = sum(r.fixed_params + (r.trainable_params if r.always_frozen else 0) for r in self.rows)
        self._locked = [r.always_frozen for r in self.rows]
        self._all = sum(self._sizes)
        self.flags = [False] * len(self.rows)
        self._trainable = 0
        if trainable is not None:
            for i, flag in enumerate(trainable):
                self.set(i, flag)

    def set(self, index: int, trainable: bool) -> None:
        trainable = bool(trainable) and not self._locked[index]
        if self.flags[index] != trainable:
            self.flags[index] = trainable
            self._trainable += self._sizes[index] if trainable else -self._sizes[index]

    def freeze_all(self) -> None:
        self.flags = [False] * len(self.rows)
        self._trainable = 0

    def unfreeze_all(self) -> None:
        self.flags = [not locked for locked in self._locked]
        self._trainable = self._all

    def set_boundary(self, index: int) -> None:
        """Fine-tune from layer ``index``: it and every layer above it train, the rest are frozen."""
        index = max(0, min(int(index), len(self.rows)))
        self.flags = [i >= index and not self._locked[i] for i in range(len(self.rows))]
        self._trainable = sum(self._sizes[index:])

    def boundary(self) -> int:
        """Index of the first trainable layer when the flags form "frozen below, trainable above";
        ``len(rows)`` when all are frozen; -1 when the pattern is mixed."""
        first = next((i for i, f in enumerate(self.flags) if f), len(self.flags))
        return first if all(f or locked for f, locked in zip(self.flags[first:], self._locked[first:])) else -1

    def index_of(self, name: str) -> int:
        for row in self.rows:
            if row.name == name:
                return row.index
        raise UserError(translate("transfer", "The base has no layer called {name}: choose one of its layers, "
                                              "e.g. {names}.")
                        .format(name=repr(name), names=", ".join(r.name for r in self.rows[-4:])))

    @property
    def trainable_params(self) -> int:
        return self._trainable

    @property
    def non_trainable_params(self) -> int:
        return self._all - self._trainable + self._fixed

    @property
    def trainable_layers(self) -> int:
        return sum(1 for f, s in zip(self.flags, self._sizes) if f and s)


def freeze_until(base, layer_name: str | None) -> FreezeState:
    """Freeze every layer before ``layer_name``; it and the layers above it become trainable.

    ``None`` or "all" freezes the whole base. Returns the resulting state.
    """
    state = FreezeState(layer_rows(base))
    if layer_name and layer_name.lower() not in ("all", "none"):
        state.set_boundary(state.index_of(layer_name))
    elif layer_name and layer_name.lower() == "none":
        state.unfreeze_all()
    apply_freeze(base, state.flags)
    return state


def apply_freeze(base, flags: Sequence[bool]) -> None:
    """Copy trainable flags (one per row of :func:`layer_rows`) onto the base's layers.

    BatchNormalization layers always stay frozen. Keras' transfer-learning
    guide keeps them in inference mode by calling the base with
    ``training=False``, but Keras 3's functional models override a recorded
    ``training=False`` with the outer ``training=True`` during ``fit`` (see
    ``keras/src/models/functional.py: operation_fn``). A non-trainable
    BatchNormalization layer always runs in inference mode, also after the
    model is saved and loaded, so that is how we keep the pretrained statistics.
    """
    layers = [layer for layer in base.layers if layer.__class__.__name__ != "InputLayer"]
    if len(layers) != len(flags):
        raise ValueError(f"{len(flags)} flags for {len(layers)} layers")
    base.trainable = True  # Keras propagates this to every layer; then set each one
    for layer, flag in zip(layers, flags):
        layer.trainable = bool(flag) and not _keeps_inference_mode(layer)
    if not any(flags):
        base.trainable = False


def count_params(model) -> tuple[int, int]:
    """(trainable, non-trainable) parameter counts as Keras sees them."""
    trainable = sum(int(np.prod(w.shape)) for w in model.trainable_weights)
    non_trainable = sum(int(np.prod(w.shape)) for w in model.non_trainable_weights)
    return trainable, non_trainable


def has_batchnorm(base) -> bool:
    return any(layer.__class__.__name__ == "BatchNormalization" for layer in base.layers)


# -- heads and the composed model ------------------------------------------------

HEADS = {
    "flatten-dense": "Flatten → Dense 256 ReLU → Dropout 0.5 → output (the tutorial's)",
    "gap": "GlobalAveragePooling → Dropout 0.2 → output (fewer parameters)",
}


def output_setup(num_classes: int) -> tuple[int, str, str]:
    """(units, activation, loss) of the output layer; labels are class indices."""
    if num_classes < 2:
        raise DatasetError(translate("transfer", "A classifier needs at least two classes: add a second sub-folder "
                                                 "of images."))
    if num_classes == 2:
        return 1, "sigmoid", "binary_crossentropy"
    return num_classes, "softmax", "sparse_categorical_crossentropy"


def head_layers(kind: str, num_classes: int, hidden: int = 256, dropout: float = 0.5) -> list:
    """Fresh head layers (shared by the feature-extraction head and the composed model)."""
    from cnnexplorer.ml.runtime import keras

    k = keras()
    units, activation, _ = output_setup(num_classes)
    if kind == "flatten-dense":
        return [k.layers.Flatten(name="flatten"), k.layers.Dense(hidden, activation="relu", name="dense"),
                k.layers.Dropout(dropout, name="dropout"), k.layers.Dense(units, activation=activation,
                                                                         name="predictions")]
    if kind == "gap":
        return [k.layers.GlobalAveragePooling2D(name="global_average_pooling"), k.layers.Dropout(0.2, name="dropout"),
                k.layers.Dense(units, activation=activation, name="predictions")]
    raise UserError(translate("transfer", "There is no head called {name}: choose one of {names}.")
                    .format(name=repr(kind), names=", ".join(HEADS)))


def _apply(layers, x):
    for layer in layers:
        x = layer(x)
    return x


def compose(arch: Architecture | str, base, head: Sequence | str = "flatten-dense", num_classes: int = 2):
    """Raw pixels → ArchPreprocess → base (nested, inference mode) → head, as one functional model.

    ``base(x, training=False)`` is the transfer-learning guide's way to keep
    BatchNormalization in inference mode while fine-tuning; Keras 3 does not
    honour it inside ``fit``, so :func:`apply_freeze` also keeps those layers
    frozen (which forces inference mode). Either way the pretrained
    statistics survive the first fine-tuning steps.
    """
    from cnnexplorer.ml.runtime import keras

    k = keras()
    arch = get_architecture(arch) if isinstance(arch, str) else arch
    layers = head_layers(head, num_classes) if isinstance(head, str) else list(head)
    size = base.input_shape[1]
    inputs = k.Input(shape=(size, size, 3), name="image")
    x = preprocess_layer_class()(arch.preprocess_mode, name="preprocess")(inputs)
    x = base(x, training=False)
    outputs = _apply(layers, x)
    return k.Model(inputs, outputs, name=f"{arch.key}_transfer")


def feature_extractor(arch: Architecture | str, base):
    """Raw pixels → preprocessing → base: what feature extraction runs once over the images."""
    from cnnexplorer.ml.runtime import keras

    k = keras()
    arch = get_architecture(arch) if isinstance(arch, str) else arch
    size = base.input_shape[1]
    inputs = k.Input(shape=(size, size, 3), name="image")
    x = preprocess_layer_class()(arch.preprocess_mode, name="preprocess")(inputs)
    return k.Model(inputs, base(x, training=False), name=f"{arch.key}_features")


def find_base(model):
    """The nested pretrained base of a composed model (the first sub-model), or None."""
    for layer in model.layers:
        if hasattr(layer, "layers") and layer.__class__.__name__ in ("Functional", "Model", "Sequential"):
            return layer
    return None


def compile_model(model, num_classes: int, optimizer: str = "rmsprop", learning_rate: float = 2e-5) -> None:
    from cnnexplorer.ml.build import make_optimizer

    _, _, loss = output_setup(num_classes)
    model.compile(optimizer=make_optimizer(optimizer, learning_rate), loss=loss, metrics=["accuracy"])


# -- running -----------------------------------------------------------------------

def epoch_line(epoch: int, epochs: int, metrics: dict[str, float], seconds: float) -> str:
    parts = [f"epoch {epoch}/{epochs}"]
    for key in ("loss", "accuracy", "val_loss", "val_accuracy"):
        if key in metrics:
            parts.append(f"{key} {metrics[key]:.4f}")
    parts.append(f"{seconds:.1f}s")
    return " · ".join(parts)


@dataclass
class TransferResult:
    """What a feature-extraction, end-to-end or fine-tuning run produced."""

    model: Any  # the composed keras.Model (preprocess + base + head)
    method: str  # "features", "end-to-end", "fine-tune"
    history: dict[str, list[float]] = field(default_factory=dict)
    epochs_run: int = 0
    seconds: float = 0.0
    extract_seconds: float = 0.0  # features: one pass of the base over the images
    head_epoch_seconds: float = 0.0  # features: mean epoch time of the dense head
    test_loss: Optional[float] = None
    test_accuracy: Optional[float] = None
    cancelled: bool = False

    @property
    def speedup(self) -> Optional[float]:
        """Features: how much faster than running the base every epoch (≈ end to end with a frozen base)."""
        if self.method != "features" or self.epochs_run == 0 or self.extract_seconds <= 0:
            return None
        per_pass = self.extract_seconds
        e = self.epochs_run
        return (e * (per_pass + self.head_epoch_seconds)) / (per_pass + e * self.head_epoch_seconds)

    def summary(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "method": self.method, "epochs": self.epochs_run, "seconds": round(self.seconds, 2),
            "test_loss": self.test_loss, "test_accuracy": self.test_accuracy, "cancelled": self.cancelled,
        }
        for key, values in self.history.items():
            if values:
                out[f"final_{key}"] = values[-1]
        if self.method == "features":
            out["extract_seconds"] = round(self.extract_seconds, 2)
            out["head_epoch_seconds"] = round(self.head_epoch_seconds, 3)
            out["speedup_vs_end_to_end"] = round(self.speedup, 1) if self.speedup else None
        return out


def check_dataset(dataset, batch_size: int) -> None:
    """Refuse datasets a run cannot use, before anything is built or changed."""
    n = len(dataset.y_train)
    if batch_size < 1:
        raise UserError(translate("transfer", "The batch size must be at least 1 (got {size}).")
                        .format(size=batch_size))
    if n < batch_size:
        raise DatasetError(
            translate("transfer", "The dataset has only {count} training images, fewer than the batch size {size}: "
                                  "lower the batch size to {most} or less, or add images.")
            .format(count=n, size=batch_size, most=max(1, n))
        )
    if len(np.unique(dataset.y_train)) < 2:
        raise DatasetError(translate("transfer", "The training images are all of one class: a classifier needs at "
                                                 "least two classes."))
    if dataset.x_train.ndim != 4 or dataset.x_train.shape[-1] != 3:
        raise DatasetError(translate("transfer", "Pretrained networks need colour images (height × width × 3): "
                                                 "load the folder as RGB."))


def load_folder(path: str, input_size: int, validation_split: float = 0.2, progress: ProgressFn | None = None,
                cancel: threading.Event | None = None):
    """An image folder resized to the base's input, RGB, raw pixels (preprocessing is in the model)."""
    from cnnexplorer.ml.data import load_dataset

    return load_dataset(str(path), progress=progress, cancel=cancel, image_size=(input_size, input_size),
                        color_mode="rgb", validation_split=validation_split)


def _validation(dataset):
    if dataset.x_val is not None and len(dataset.x_val):
        return dataset.x_val, dataset.y_val
    return dataset.x_test, dataset.y_test


def extract_features(model, x: np.ndarray, batch_size: int = 32, progress: ProgressFn | None = None,
                     cancel: threading.Event | None = None, message: str = "") -> np.ndarray:
    """Run ``model`` (normally :func:`feature_extractor`) over ``x`` once, with progress and cancel.

    Uses ``model.predict`` itself (with a callback), so it is as fast as a
    plain predict; cancel stops it after the current batch.
    """
    from cnnexplorer.ml.runtime import keras

    k = keras()
    steps = (len(x) + batch_size - 1) // batch_size
    message = message or translate("transfer", "Extracting features")
    check_cancel(cancel)

    class _Watch(k.callbacks.Callback):
        def on_predict_batch_end(self, batch, logs=None):
            report(progress, "extract", batch + 1, steps, translate("transfer", "{task}: batch {batch}/{steps}")
                   .format(task=message, batch=batch + 1, steps=steps))
            if cancel is not None and cancel.is_set():
                self.model.stop_predicting = True

    features = model.predict(np.asarray(x, dtype="float32"), batch_size=batch_size, verbose=0, callbacks=[_Watch()])
    check_cancel(cancel)
    return features


def _with_validation(dataset, features=None):
    """The dataset as ``train_model`` wants it: validation = the dataset's own, or its test images
    (the tutorial validates on its validation/ folder, which ``load_dataset`` makes the test set)."""
    import dataclasses

    x_val, y_val = _validation(dataset)
    if features is None:
        return dataclasses.replace(dataset, x_val=x_val, y_val=y_val)
    f_train, f_val, f_test = features
    info = dataclasses.replace(dataset.info, input_shape=tuple(f_train.shape[1:]))
    return dataclasses.replace(dataset, info=info, x_train=f_train, x_val=f_val, y_val=y_val, x_test=f_test)


def _train(model, dataset, epochs, batch_size, augment, initial_epoch, progress, cancel):
    from cnnexplorer.core.configs import TrainingConfig
    from cnnexplorer.ml.train import train_model

    config = TrainingConfig(epochs=int(epochs), batch_size=int(batch_size), augment=augment)
    return train_model(model, dataset, config, progress=progress, cancel=cancel, initial_epoch=initial_epoch)


def run_feature_extraction(arch: Architecture | str, base, dataset, head: str = "flatten-dense", epochs: int = 30,
                           batch_size: int = 20, learning_rate: float = 2e-5, optimizer: str = "rmsprop",
                           progress: ProgressFn | None = None,
                           cancel: threading.Event | None = None) -> TransferResult:
    """Method 1: run the base once over the images, train a dense head on the features, compose.

    No augmentation is possible (every epoch sees the same features): that is
    the price of the speed, as the tutorial says. The head layers are shared
    with the composed model, so it predicts exactly what the head learned.
    """
    arch = get_architecture(arch) if isinstance(arch, str) else arch
    check_dataset(dataset, batch_size)
    from cnnexplorer.ml.runtime import keras

    k = keras()
    start = time.perf_counter()
    extractor = feature_extractor(arch, base)
    x_val, _ = _validation(dataset)
    t0 = time.perf_counter()
    f_train = extract_features(extractor, dataset.x_train, batch_size, progress, cancel,
                               translate("transfer", "Running the base over the training images"))
    extract_train = time.perf_counter() - t0
    f_val = extract_features(extractor, x_val, batch_size, progress, cancel,
                             translate("transfer", "Running the base over the validation images"))
    f_test = f_val if x_val is dataset.x_test else extract_features(
        extractor, dataset.x_test, batch_size, progress, cancel,
        translate("transfer", "Running the base over the test images"))
    num_classes = dataset.info.num_classes
    layers = head_layers(head, num_classes)
    feat_in = k.Input(shape=f_train.shape[1:], name="features")
    head_model = k.Model(feat_in, _apply(layers, feat_in), name="head")
    compile_model(head_model, num_classes, optimizer, learning_rate)
    res = _train(head_model, _with_validation(dataset, (f_train, f_val, f_test)), epochs, batch_size, None, 0,
                 progress, cancel)
    model = compose(arch, base, layers, num_classes)
    compile_model(model, num_classes, optimizer, learning_rate)
    return TransferResult(model, "features", dict(res.history), res.epochs_run, time.perf_counter() - start,
                          extract_train, res.seconds / max(1, res.epochs_run),
                          res.test_loss, res.test_accuracy, bool(res.cancelled))


def run_end_to_end(model, dataset, epochs: int = 30, batch_size: int = 20, learning_rate: float = 2e-5,
                   optimizer: str = "rmsprop", augment: Any = None, method: str = "end-to-end",
                   initial_epoch: int = 0, progress: ProgressFn | None = None,
                   cancel: threading.Event | None = None) -> TransferResult:
    """Method 2 (and fine-tuning): train the composed model with the base frozen as it is now.

    Recompiles the model so the current trainable flags take effect (Keras
    reads them at compile time), then trains through the Training tab's
    ``train_model`` (same events, augmentation, cancel).
    """
    check_dataset(dataset, batch_size)
    compile_model(model, dataset.info.num_classes, optimizer, learning_rate)
    start = time.perf_counter()
    res = _train(model, _with_validation(dataset), epochs, batch_size, augment, initial_epoch, progress, cancel)
    return TransferResult(model, method, dict(res.history), res.epochs_run, time.perf_counter() - start,
                          test_loss=res.test_loss, test_accuracy=res.test_accuracy, cancelled=bool(res.cancelled))
