"""The new classifier on top of a pretrained base, and the composed model.

Raw pixels → preprocessing → base → head.
"""
from __future__ import annotations

from collections.abc import Sequence

from cnnexplorer.core.errors import DatasetError, UserError
from cnnexplorer.core.i18n import translate
from cnnexplorer.core.pretrained_catalog import HEADS, Architecture, get_architecture
from cnnexplorer.ml.transfer.preprocessing import apply_preprocess


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
    """Raw pixels → preprocessing layers → base (nested, inference mode) → head, as one functional model.

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
    x = apply_preprocess(arch.preprocess_mode, inputs)
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
    x = apply_preprocess(arch.preprocess_mode, inputs)
    return k.Model(inputs, base(x, training=False), name=f"{arch.key}_features")


def compile_model(model, num_classes: int, optimizer: str = "rmsprop", learning_rate: float = 2e-5) -> None:
    # Not ml.build.make_optimizer: ml.build loads model files, which needs this package's layers (no cycle).
    from cnnexplorer.ml.runtime import keras

    k = keras()
    classes = {"rmsprop": k.optimizers.RMSprop, "adam": k.optimizers.Adam, "sgd": k.optimizers.SGD}
    _, _, loss = output_setup(num_classes)
    model.compile(optimizer=classes[optimizer](learning_rate=learning_rate), loss=loss, metrics=["accuracy"])
