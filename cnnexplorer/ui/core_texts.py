"""Fixed English texts that ``core/`` and ``ml/`` hand to the interface, marked for translation.

``core`` and ``ml`` import no Qt, so their fixed texts (layer help, dataset
titles, network descriptions, head, preset and sample names) cannot call
``tr()``. They are listed here literally, so ``lupdate`` collects them into the
``.ts`` file, and a tab shows one through :func:`tr_core`::

    label.setText(tr_core(LAYER_HELP[layer.type]))

``tests/ui/test_translation.py`` checks that these lists still match the
dictionaries in ``core``/``ml``, so a changed text cannot silently lose its
translation. Texts that ``core``/``ml`` build with numbers in them (shape
formulas, coach advice, error messages) are translated where they are made,
through :func:`cnnexplorer.core.i18n.translate`.
"""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

CONTEXT = "CoreTexts"


def tr_core(text: str) -> str:
    """The translation of a fixed core/ml text (the text itself when there is none)."""
    return QCoreApplication.translate(CONTEXT, text) if text else text


# cnnexplorer.core.spec.LAYER_HELP
LAYER_HELP = [
    QT_TRANSLATE_NOOP("CoreTexts", "Slides small filters over an image; each filter makes one feature map."),
    QT_TRANSLATE_NOOP("CoreTexts", "A Conv2D split into a per-channel filter and a 1×1 mix: far fewer weights."),
    QT_TRANSLATE_NOOP("CoreTexts", "Keeps the largest value of each window: halves height and width with the "
                                   "default size 2."),
    QT_TRANSLATE_NOOP("CoreTexts", "Keeps the mean of each window: shrinks height and width."),
    QT_TRANSLATE_NOOP("CoreTexts", "One mean value per feature map: an image becomes a vector."),
    QT_TRANSLATE_NOOP("CoreTexts", "One maximum value per feature map: an image becomes a vector."),
    QT_TRANSLATE_NOOP("CoreTexts", "Lays all values out in one long vector, for Dense layers."),
    QT_TRANSLATE_NOOP("CoreTexts", "Every output is connected to every input: the classifier part of a network."),
    QT_TRANSLATE_NOOP("CoreTexts", "Randomly zeroes a fraction of values while training, against overfitting."),
    QT_TRANSLATE_NOOP("CoreTexts", "Normalises values to mean 0 and spread 1 per channel; helps deep networks "
                                   "train."),
    QT_TRANSLATE_NOOP("CoreTexts", "Slides filters along a sequence (e.g. word vectors)."),
    QT_TRANSLATE_NOOP("CoreTexts", "Keeps the largest value of each window along a sequence."),
    QT_TRANSLATE_NOOP("CoreTexts", "One maximum value per channel: a sequence becomes a vector."),
    QT_TRANSLATE_NOOP("CoreTexts", "Turns word ids into learned vectors; must be the first layer of a text model."),
    QT_TRANSLATE_NOOP("CoreTexts", "Multiplies the input by a constant: raw pixels 0-255 become 0-1 with scale "
                                   "1/255."),
]

# cnnexplorer.ml.data: DatasetInfo titles of the registry
DATASET_TITLES = [
    QT_TRANSLATE_NOOP("CoreTexts", "MNIST sample (5,000 real digits, bundled)"),
    QT_TRANSLATE_NOOP("CoreTexts", "Motif sequences (generated, 2,000 + 500)"),
    QT_TRANSLATE_NOOP("CoreTexts", "MNIST (70,000 digits, download)"),
    QT_TRANSLATE_NOOP("CoreTexts", "Fashion-MNIST (70,000 clothes images, download)"),
    QT_TRANSLATE_NOOP("CoreTexts", "CIFAR-10 (60,000 colour images, download)"),
    QT_TRANSLATE_NOOP("CoreTexts", "IMDB reviews (10,000 words, length 500, download)"),
]

# cnnexplorer.core.pretrained_catalog: CATALOG notes, preprocessing descriptions, HEADS, HEAD_TITLES, labels
ARCHITECTURE_TEXTS = [
    QT_TRANSLATE_NOOP("CoreTexts", "13 conv layers in 5 blocks: the tutorial's network."),
    QT_TRANSLATE_NOOP("CoreTexts", "VGG16 with one more conv layer in blocks 3, 4 and 5."),
    QT_TRANSLATE_NOOP("CoreTexts", "Residual blocks with shortcuts; BatchNormalization everywhere."),
    QT_TRANSLATE_NOOP("CoreTexts", "Inception modules: parallel 1×1, 3×3 and 5×5 branches."),
    QT_TRANSLATE_NOOP("CoreTexts", "Depthwise separable convolutions (SeparableConv2D)."),
    QT_TRANSLATE_NOOP("CoreTexts", "Small and fast: depthwise separable convolutions for phones."),
    QT_TRANSLATE_NOOP("CoreTexts", "RGB→BGR, minus the ImageNet mean colour (\"caffe\" style)"),
    QT_TRANSLATE_NOOP("CoreTexts", "pixels scaled to −1…1 (\"tf\" style)"),
    QT_TRANSLATE_NOOP("CoreTexts", "Flatten → Dense 256 ReLU → Dropout 0.5 → output (the tutorial's)"),
    QT_TRANSLATE_NOOP("CoreTexts", "GlobalAveragePooling → Dropout 0.2 → output (fewer parameters)"),
    QT_TRANSLATE_NOOP("CoreTexts", "random weights — patterns will not be meaningful"),
    QT_TRANSLATE_NOOP("CoreTexts", "ImageNet weights"),
    QT_TRANSLATE_NOOP("CoreTexts", "ImageNet weights, bundled"),
    QT_TRANSLATE_NOOP("CoreTexts", "Inverted residual blocks with linear bottlenecks; small and fast."),
    QT_TRANSLATE_NOOP("CoreTexts", "Flatten + Dense 256 (the tutorial's)"),
    QT_TRANSLATE_NOOP("CoreTexts", "Global average pooling (small)"),
]

# cnnexplorer.core.augment_config.PRESETS (names) and cnnexplorer.core.resources.sample_images() (names)
NAMES = [
    QT_TRANSLATE_NOOP("CoreTexts", "none"),
    QT_TRANSLATE_NOOP("CoreTexts", "tutorial (cats vs dogs)"),
    QT_TRANSLATE_NOOP("CoreTexts", "digits (no flips)"),
    QT_TRANSLATE_NOOP("CoreTexts", "custom"),
    QT_TRANSLATE_NOOP("CoreTexts", "astronaut"),
    QT_TRANSLATE_NOOP("CoreTexts", "camera"),
    QT_TRANSLATE_NOOP("CoreTexts", "cat"),
    QT_TRANSLATE_NOOP("CoreTexts", "coffee"),
    QT_TRANSLATE_NOOP("CoreTexts", "rocket"),
]
