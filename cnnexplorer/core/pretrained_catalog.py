"""The pretrained networks the app offers (keras.applications), described as plain data.

No Keras and no Qt: the Pretrained tab lists the networks, their sizes and
download sizes, and the command line checks an ``--arch`` before TensorFlow
is imported. ``ml/transfer/`` builds and runs them.

To add a network: one :class:`Architecture` line in :data:`CATALOG` (the
``constructor`` is the ``keras.applications`` attribute), its weights file
name and Keras' own hash in :meth:`Architecture.weights_filename` /
:data:`KERAS_HASHES`, its block pattern in ``core/freeze_state.py`` and its
note in ``ui/core_texts.py`` (for the translation).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from cnnexplorer.core.errors import UserError
from cnnexplorer.core.i18n import translate

RANDOM_LABEL = "random weights — patterns will not be meaningful"
IMAGENET_LABEL = "ImageNet weights"
BUNDLED_LABEL = "ImageNet weights, bundled"
APPS_URL = "https://storage.googleapis.com/tensorflow/keras-applications/"

# The hashes keras.applications passes to get_file for the same files (keras/src/applications/*.py;
# MD5, as Keras uses them). Keras gives none for MobileNet and MobileNetV2: those files are checked by
# opening them completely (ml/transfer/weights.py). tests/ml/test_transfer_weights.py compares this
# table with the installed Keras.
KERAS_HASHES = {
    "vgg16_weights_tf_dim_ordering_tf_kernels.h5": "64373286793e3c8b2b4e3219cbf3544b",
    "vgg16_weights_tf_dim_ordering_tf_kernels_notop.h5": "6d6bbae143d832006294945121d1f1fc",
    "vgg19_weights_tf_dim_ordering_tf_kernels.h5": "cbe5617147190e668d6c5d5026f83318",
    "vgg19_weights_tf_dim_ordering_tf_kernels_notop.h5": "253f8cb515780f3b799900260a226db6",
    "resnet50_weights_tf_dim_ordering_tf_kernels.h5": "2cb95161c43110f7111970584f804107",
    "resnet50_weights_tf_dim_ordering_tf_kernels_notop.h5": "4d473c1dd8becc155b73f8504c6f6626",
    "inception_v3_weights_tf_dim_ordering_tf_kernels.h5": "9a0d58056eeedaa3f26cb7ebd46da564",
    "inception_v3_weights_tf_dim_ordering_tf_kernels_notop.h5": "bcbd6486424b2319ff4ef7d526e38f63",
    "xception_weights_tf_dim_ordering_tf_kernels.h5": "0a58e3b7378bc2990ea3b43d5981f1f6",
    "xception_weights_tf_dim_ordering_tf_kernels_notop.h5": "b0042744bf5b25fce3cb969f33bebb97",
}

# Weights shipped in resources/weights/ (see SOURCES.md there): file name and SHA-256, checked at load.
BUNDLED_WEIGHTS = {
    "mobilenet_v2": ("mobilenet_v2_imagenet_notop.weights.h5",
                     "67f237619be09c65ee1b7bc5aba641fe2eedae49d43e46c286c0ba55480122dc"),
}


@dataclass(frozen=True)
class Architecture:
    """One keras.applications network, described without importing Keras."""

    key: str  # "vgg16": also the name of the nested base model
    title: str  # "VGG16"
    constructor: str  # attribute of keras.applications
    default_size: int  # the size ImageNet weights were trained at (required with include_top)
    min_size: int  # smallest input side the convolutional base accepts
    preprocess_mode: str  # "caffe" (RGB->BGR, minus ImageNet mean), "tf" (scale to [-1, 1]) or "torch"
    base_params: int  # parameters without the ImageNet classifier
    download_mb: float  # size of the no-top ImageNet weights file
    batchnorm: bool  # has BatchNormalization layers (inference mode when fine-tuning)
    year: int
    note: str

    def weights_filename(self, input_size: int = 0, include_top: bool = False) -> str:
        """The file name keras.applications downloads (and caches) the ImageNet weights as."""
        if self.key in ("mobilenet", "mobilenet_v2"):
            sizes = (128, 160, 192, 224) if self.key == "mobilenet" else (96, 128, 160, 192, 224)
            rows = input_size if input_size in sizes else 224
            if self.key == "mobilenet":
                return f"mobilenet_1_0_{rows}_tf{'' if include_top else '_no_top'}.h5"
            return f"mobilenet_v2_weights_tf_dim_ordering_tf_kernels_1.0_{rows}{'' if include_top else '_no_top'}.h5"
        return f"{self.key}_weights_tf_dim_ordering_tf_kernels{'' if include_top else '_notop'}.h5"

    def weights_url(self, input_size: int = 0, include_top: bool = False) -> str:
        folder = "resnet" if self.key == "resnet50" else self.key
        return f"{APPS_URL}{folder}/{self.weights_filename(input_size, include_top)}"

    def weights_hash(self, input_size: int = 0, include_top: bool = False) -> str | None:
        """Keras' own MD5 of the ImageNet weights file, or None where Keras has none."""
        return KERAS_HASHES.get(self.weights_filename(input_size, include_top))

    @property
    def bundled(self) -> tuple[str, str] | None:
        """(file name in resources/weights/, SHA-256) of ImageNet weights shipped with the app, or None."""
        return BUNDLED_WEIGHTS.get(self.key)

    @property
    def preprocess_text(self) -> str:
        if self.preprocess_mode == "caffe":
            return "RGB→BGR, minus the ImageNet mean colour (\"caffe\" style)"
        if self.preprocess_mode == "torch":
            return "pixels scaled to 0…1, then normalised by the ImageNet mean and spread (\"torch\" style)"
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
        Architecture("mobilenet_v2", "MobileNetV2", "MobileNetV2", 224, 32, "tf", 2_257_984, 9.4, True, 2018,
                     "Inverted residual blocks with linear bottlenecks; small and fast."),
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


HEADS = {
    "flatten-dense": "Flatten → Dense 256 ReLU → Dropout 0.5 → output (the tutorial's)",
    "gap": "GlobalAveragePooling → Dropout 0.2 → output (fewer parameters)",
}
HEAD_TITLES = {  # short names for a combo box; HEADS has the layers
    "flatten-dense": "Flatten + Dense 256 (the tutorial's)",
    "gap": "Global average pooling (small)",
}
