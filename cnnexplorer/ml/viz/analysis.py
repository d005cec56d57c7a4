"""What the Visualize tab computes off the GUI thread, and the sentences it shows about the results.

Qt-free: the tab (``ui/tabs/visualize/``) hands these functions to its task
slots and only draws what they return. Every message is translated here, at
its source (:func:`~cnnexplorer.core.i18n.translate`), so the interface shows
it in the user's language and the command line in English.
"""
from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from cnnexplorer.core import images as imaging
from cnnexplorer.core.i18n import translate


@dataclass
class ModelFacts:
    """What the tab needs to know about a model, found off the GUI thread."""

    input_shape: tuple
    layers: list  # ml.viz.graph.LayerInfo
    scaling: str
    scaling_reason: str
    num_classes: int
    last_conv: str | None
    class_names: tuple = ()  # one per class: the model's own, ImageNet's, the dataset's, or numbers
    names_known: bool = False  # the names say what the classes are (not just "class 3")


@dataclass
class Analysis:
    activations: Any  # ml.viz.activations.Activations or None
    cam: Any  # ml.viz.gradcam.GradCam or None
    cam_problem: str  # explanation when Grad-CAM has nothing to show for this model
    act_key: tuple | None
    cam_key: tuple | None


def model_class_names(model: Any, count: int, dataset_name: str | None = None) -> tuple[tuple[str, ...], bool]:
    """(names, known): the names attached to the model when they fit, else ImageNet's / the dataset's / numbers."""
    from cnnexplorer.ml.class_names import class_names
    from cnnexplorer.ml.viz import inputs

    own = class_names(model)
    if own is not None and len(own) == count:
        return tuple(own), True
    names = inputs.class_names(count, dataset_name)
    numbered = names == tuple(translate("viz_inputs", "class {index}").format(index=i) for i in range(count))
    return names, not numbered


def describe_model(model: Any, source: str | None, dataset_name: str | None = None,
                   progress=None, cancel=None) -> ModelFacts:
    """Input shape, layers, pixel scaling and class names of an image model (UserError for other models)."""
    from cnnexplorer.ml.viz import graph, inputs

    shape = graph.require_image_model(model)
    layers = graph.list_layers(model)
    scaling, reason = inputs.detect_scaling(model, source)
    last = graph.last_conv_layer(model)
    count = graph.num_classes(model)
    names, known = model_class_names(model, count, dataset_name)
    return ModelFacts(tuple(shape), layers, scaling, reason, count, last.path if last else None, names, known)


def analyse(model: Any, x: np.ndarray, act_layers: tuple | None, cam_layer: str | None, cam_class: int | None,
            act_key: tuple | None, cam_key: tuple | None, progress=None, cancel=None) -> Analysis:
    """Activations (one forward pass) and Grad-CAM for one prepared image; either may be skipped (None key)."""
    from cnnexplorer.ml.viz.activations import compute_activations
    from cnnexplorer.ml.viz.gradcam import NoConvLayerError, NotAClassifierError, gradcam

    acts = cam = None
    problem = ""
    if act_layers is not None and act_key is not None:
        acts = compute_activations(model, x, act_layers, progress=progress, cancel=cancel)
    if cam_key is not None:
        try:
            cam = gradcam(model, x, class_index=cam_class, layer=cam_layer, progress=progress, cancel=cancel)
        except (NoConvLayerError, NotAClassifierError) as exc:
            problem = str(exc)
    return Analysis(acts, cam, problem, act_key, cam_key)


def load_image_file(path: str, progress=None, cancel=None) -> tuple[str, np.ndarray, float]:
    """(path, image, modification time) of an image file, checked for size and shape."""
    from cnnexplorer.ml.viz.inputs import check_image

    image = imaging.load_image(path)
    check_image(image)
    return path, image, os.path.getmtime(path)


VIEW_BUDGET = 256 * 1024 * 1024  # a folder larger than this at the model's size stays on disk (one image is decoded
# when it is picked): Visualize shows one image at a time and must not hold a second copy of a large training set


@dataclass
class DatasetImages:
    """The images the tab picks from: the session's dataset read for the model, or the MNIST sample and why."""

    dataset: Any  # ml.data.Dataset
    name: str  # the dataset read ("mnist-sample" when falling back)
    title: str  # for captions: "Image folder flowers (3 classes)"
    fallback_reason: str = ""  # one sentence when this is the MNIST sample instead of the session's dataset


def no_images_reason(name: str | None) -> str:
    """Why the session's dataset offers no images ("" when it does). Cheap: named datasets only, no files read."""
    from cnnexplorer.ml.data import display_title, list_datasets

    for info in list_datasets():
        if info.name == name and info.kind != "images":
            return translate("viz_analysis", "{title} has sequences, not images: choose a photo or a file.").format(
                title=display_title(info))
    return ""


def read_dataset_images(name: str | None, input_shape: tuple, progress=None, cancel=None) -> DatasetImages:
    """The session's dataset ``name`` with an image folder read at the model's ``input_shape`` (H, W, C).

    Named datasets are read as they are (each picked image is fitted to the model when shown, saying so); a
    dataset not downloaded yet or one that cannot be read gives way to the bundled MNIST sample, with the reason.
    """
    from cnnexplorer.core.errors import UserError
    from cnnexplorer.ml.data import dataset_info, display_title, list_datasets, load_dataset

    named = {info.name: info for info in list_datasets()}
    reason = ""
    if not name:
        reason = translate("viz_analysis", "No dataset chosen yet, so the digits come from the bundled MNIST sample.")
    elif name in named and named[name].status() == "needs download":
        reason = translate("viz_analysis", "{title} is not downloaded yet, so the digits come from the bundled MNIST "
                                        "sample.").format(title=display_title(named[name]))
    else:
        try:
            if name in named:
                data = load_dataset(name, progress=progress, cancel=cancel)
            else:
                data = load_dataset(name, progress=progress, cancel=cancel, input_shape=tuple(input_shape),
                                    memory_budget=VIEW_BUDGET)
            return DatasetImages(data, name, display_title(data.info))
        except UserError as exc:
            first = str(exc).strip().split("\n")[0]
            reason = translate("viz_analysis", "{reason} The digits come from the bundled MNIST sample instead.")
            reason = reason.format(reason=first)
    data = load_dataset("mnist-sample", progress=progress, cancel=cancel)
    return DatasetImages(data, "mnist-sample", display_title(dataset_info("mnist-sample")), reason)


def pick_image(images: DatasetImages, index: int) -> tuple[np.ndarray, str]:
    """(image, true class name) of test image ``index`` (one file decoded when the folder is streamed)."""
    data = images.dataset
    index = min(max(int(index), 0), len(data.x_test) - 1)
    return np.asarray(data.x_test[index]), data.class_names[int(data.y_test[index])]


def make_grid(key: tuple, act: np.ndarray, cols: int, colormap: str, progress=None, cancel=None) -> tuple:
    """(key, activation grid) of one layer's maps; the key travels with the result to the cache."""
    from cnnexplorer.ml.viz.activations import activation_grid

    return key, activation_grid(act, cols=cols, colormap=colormap)


def filter_patterns_for(params: tuple, model: Any, progress=None, cancel=None) -> tuple:
    """(params, FilterPatterns) for the tab's parameter tuple (layer, first, count, steps, seed, jitter, scaling)."""
    from cnnexplorer.ml.viz.filters import filter_patterns

    layer, first, count, steps, seed, jitter, scaling = params[-7:]
    result = filter_patterns(model, layer, first=first, count=count, steps=steps, seed=seed, jitter=jitter,
                             scaling=scaling, size=128, chunk=8, progress=progress, cancel=cancel)
    return params, result


def cam_resolution_note(layers: Sequence[Any], layer: str, input_shape: Sequence[int | None]) -> str:
    """How coarse a Grad-CAM map at ``layer`` is, and an earlier convolution with a finer map when there is one.

    "a 3×3 map: each cell covers ~9×9 pixels of the 28×28 input; try conv2d_1 for a finer map".
    """
    infos = {info.path: info for info in layers}
    info = infos.get(layer)
    if info is None or len(info.shape) != 3 or not info.shape[0] or not info.shape[1]:
        return ""
    h, w = int(info.shape[0]), int(info.shape[1])
    in_h, in_w = input_shape[0], input_shape[1]
    if not in_h or not in_w:
        return translate("viz_analysis", "A {h}×{w} map: the heatmap is stretched from {h}×{w} cells to the "
                         "image.").format(h=h, w=w)
    text = translate("viz_analysis", "A {h}×{w} map: each cell covers ~{cell_h}×{cell_w} pixels of the "
                     "{in_h}×{in_w} input.").format(h=h, w=w, cell_h=round(in_h / h), cell_w=round(in_w / w),
                                                   in_h=in_h, in_w=in_w)
    order = [i.path for i in layers]
    earlier = [i for i in layers[:order.index(layer)] if i.is_conv and len(i.shape) == 3
               and (i.shape[0] or 0) * (i.shape[1] or 0) > h * w]
    if earlier:
        # the last of the earlier convolutions: finer, yet already past the first edge detectors
        text += " " + translate("viz_analysis", "Try {layer} for a finer map ({h}×{w}).").format(
            layer=earlier[-1].path, h=earlier[-1].shape[0], w=earlier[-1].shape[1])
    return text


def _is_colour(image: np.ndarray) -> bool:
    arr = np.asarray(image)
    if arr.ndim != 3 or arr.shape[2] < 3:
        return False
    rgb = arr[:, :, :3].astype(np.int16)
    # a scan of a grey page has channels within a few levels of each other; a photo does not
    return float(np.abs(rgb[:, :, 0] - rgb[:, :, 1]).mean() + np.abs(rgb[:, :, 1] - rgb[:, :, 2]).mean()) > 6.0


def _class_list(names: Sequence[str]) -> str:
    if len(names) <= 12:
        return translate("viz_analysis", ", ").join(names)
    return translate("viz_analysis", "{first}, …, {last}").format(first=names[0], last=names[-1])


def out_of_domain_note(image: np.ndarray, input_shape: Sequence[int | None], names: Sequence[str]) -> str:
    """A warning when the image is plainly unlike what the model was trained on, else "".

    The one honest test we can make without the training data: the model takes
    grey images (one channel, like MNIST digits) and this image is a colour photo.
    """
    if len(input_shape) != 3 or input_shape[2] != 1 or not _is_colour(image):
        return ""
    return translate("viz_analysis", "This model was trained on grey images and can only answer with its own "
                     "classes ({classes}); this is a colour photo, so its answer about it means little.").format(
        classes=_class_list(list(names)))
