"""Each network's ``preprocess_input``, as standard Keras layers inside the model.

Models take raw pixels 0-255 (see ``core/spec.py``); the architecture's
preprocessing sits at the start of the composed model, so a saved model works
on plain images. It is made of layers every Keras 3 has, so the saved
``.keras`` file opens with ``keras.saving.load_model`` where CNN Explorer is
not installed:

- "tf" (Inception, Xception, MobileNet, MobileNetV2): ``Rescaling(1/127.5, offset=-1)``;
- "caffe" (VGG, ResNet50): the RGB→BGR swap and the ImageNet mean, as one frozen
  ``Dense(3)`` on the channel axis (a 1×1 convolution in all but name: a
  permutation matrix and the negative mean as bias). Not a ``Conv2D``, so
  Visualize and Grad-CAM do not take it for the network's first convolution;
- "torch": ``Rescaling(1/255)`` then ``Normalization`` with the ImageNet mean and variance.

Every preprocessing layer's name starts with "preprocess" (Visualize reads
that as "this model takes raw pixels").

Files saved before this change contain the custom ``cnnexplorer>ArchPreprocess``
layer; :func:`register_custom_objects` keeps them loadable.
"""
from __future__ import annotations

from typing import Any

import numpy as np

CAFFE_MEAN_BGR = (103.939, 116.779, 123.68)
TORCH_MEAN = (0.485, 0.456, 0.406)
TORCH_STD = (0.229, 0.224, 0.225)


def preprocess_layers(mode: str, name: str = "preprocess") -> list:
    """Fresh Keras layers that turn raw pixels 0-255 into what a ``mode`` base expects."""
    from cnnexplorer.ml.runtime import keras

    k = keras()
    if mode == "tf":
        return [k.layers.Rescaling(1 / 127.5, offset=-1.0, name=name)]
    if mode == "torch":
        return [k.layers.Rescaling(1 / 255.0, name=f"{name}_scale"),
                k.layers.Normalization(axis=-1, mean=list(TORCH_MEAN), variance=[s * s for s in TORCH_STD],
                                       name=name)]
    if mode == "caffe":
        swap = np.eye(3, dtype="float32")[::-1]  # out[c] = in[2 - c]: RGB -> BGR
        layer = k.layers.Dense(3, use_bias=True, trainable=False, name=name)
        layer.build((None, None, None, 3))
        layer.set_weights([swap, -np.array(CAFFE_MEAN_BGR, dtype="float32")])
        return [layer]
    raise ValueError(f"unknown preprocessing mode {mode!r}")


def apply_preprocess(mode: str, x, name: str = "preprocess"):
    for layer in preprocess_layers(mode, name):
        x = layer(x)
    return x


# -- the old custom layer, kept so files saved before 2026-12 still open ---------------------

_PREPROCESS_CLASS: Any = None


def preprocess_layer_class():
    """The legacy ``ArchPreprocess`` layer class (created and registered on first use).

    New models use :func:`preprocess_layers`. This class stays registered
    under its old name (``cnnexplorer>ArchPreprocess``) so that models saved
    with it still load in the app.
    """
    global _PREPROCESS_CLASS
    if _PREPROCESS_CLASS is not None:
        return _PREPROCESS_CLASS
    from cnnexplorer.ml.runtime import keras

    k = keras()

    class ArchPreprocess(k.layers.Layer):  # type: ignore[name-defined]
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
            return x - ops.convert_to_tensor(np.array(CAFFE_MEAN_BGR, dtype="float32"), dtype=self.compute_dtype)

        def compute_output_shape(self, input_shape):
            return input_shape

        def get_config(self):
            config = super().get_config()
            config["mode"] = self.mode
            return config

    # The module and name that files saved by earlier versions recorded.
    ArchPreprocess.__module__ = "cnnexplorer.ml.transfer"
    ArchPreprocess.__qualname__ = "ArchPreprocess"
    _PREPROCESS_CLASS = k.saving.register_keras_serializable(package="cnnexplorer")(ArchPreprocess)
    return _PREPROCESS_CLASS


def register_custom_objects() -> None:
    """Make the layers older versions put in models known to Keras (call before loading a model file)."""
    preprocess_layer_class()
