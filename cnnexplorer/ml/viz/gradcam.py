"""Grad-CAM (Selvaraju et al.): where in the image the network found evidence for a class.

Recipe: gradients of the class score *before softmax* with respect to a
convolution layer's output A; channel weights = spatial mean of those
gradients; map = ReLU(Σ_k w_k A_k), stretched to [0, 1] and upsampled
bicubically to the input size. The compiled gradient function is built once per
(model, layer) and reused; a batch of images with one class each costs one
forward and one backward pass.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import cv2
import numpy as np

from cnnexplorer.core import images as imaging
from cnnexplorer.core.errors import UserError
from cnnexplorer.core.i18n import translate
from cnnexplorer.core.progress import check_cancel, report
from cnnexplorer.ml.runtime import tf
from cnnexplorer.ml.viz import graph


class NoConvLayerError(UserError):
    """The model has no convolution layer, so Grad-CAM has nothing to weigh."""


class NotAClassifierError(UserError):
    """The model ends in feature maps, not in class scores, so there is no class for Grad-CAM to explain."""


@dataclass
class GradCam:
    heatmap: np.ndarray  # float32 (H, W) in [0, 1], at the model's input resolution
    raw: np.ndarray  # float32 (h, w): Σ_k w_k A_k before the ReLU (signed), at the layer's resolution
    layer: str
    class_index: int  # the class explained
    predicted: int  # the top-1 class
    scores: np.ndarray  # (classes,) scores before softmax
    final_activation: str
    empty: bool  # True when no location has positive evidence (the map is all zero)


def default_layer(model: Any) -> str:
    """The last convolution layer, also inside a nested base model; NoConvLayerError if none."""
    info = graph.last_conv_layer(model)
    if info is None:
        raise NoConvLayerError(translate(
            "gradcam", "This model has no convolution layer, so there is no grid of feature maps for Grad-CAM to "
            "weigh: a Dense-only network looks at all pixels at once. Use a CNN (e.g. the MNIST CNN template) to see "
            "a heatmap."))
    return info.path


def _check_layer(model: Any, layer: str) -> None:
    infos = {info.path: info for info in graph.list_layers(model)}
    if layer not in infos:
        raise UserError(translate("gradcam", "The model has no layer {layer!r}. Choose one of: {names}.").format(
            layer=layer, names=", ".join(infos)))
    if not infos[layer].is_spatial:
        raise UserError(translate(
            "gradcam", "Layer {layer} ({kind}) has output {shape}, not a grid of feature maps; Grad-CAM needs a "
            "convolution (or pooling) layer. Leave the layer on automatic to use the last convolution.").format(
            layer=layer, kind=infos[layer].kind, shape=infos[layer].shape))


def gradient_function(model: Any, layer: str):
    """The compiled (x, classes) -> (A, dScore/dA, scores) function for (model, layer), built once."""

    def build():
        tapper = graph.Tapper(model, (layer,), need_scores=True)
        tf_ = tf()
        # one signature with a free batch axis: traced once (tracing holds Python's GIL for a while)
        spec = [tf_.TensorSpec((None,) + tuple(graph.input_shape(model)), "float32"), tf_.TensorSpec((None,), "int32")]

        @tf_.function(input_signature=spec, autograph=False)
        def step(x, classes):
            with tf_.GradientTape() as tape:
                tape.watch(x)  # frozen base models have no trainable variables to record through
                (activ,), scores = tapper(x)
                scores32 = tf_.cast(scores, "float32")
                # class -1 means "the top-1 class", decided inside the same pass
                if scores32.shape[-1] == 1:
                    top = tf_.cast(scores32[:, 0] > 0, "int32")
                else:
                    top = tf_.argmax(scores32, axis=1, output_type="int32")
                classes = tf_.where(classes < 0, top, classes)
                if scores32.shape[-1] == 1:  # one sigmoid unit: class 1 scores z, class 0 scores -z
                    sign = tf_.cast(classes, "float32") * 2.0 - 1.0
                    target = scores32[:, 0] * sign
                else:
                    target = tf_.gather(scores32, classes, axis=1, batch_dims=1)
            grads = tape.gradient(target, activ)
            if grads is None:
                grads = tf_.zeros_like(activ)
            return tf_.cast(activ, "float32"), tf_.cast(grads, "float32"), scores32

        step.tapper = tapper
        return step

    return graph.cached_function(model, ("gradcam", layer), build)


def cam_from_gradients(activ: np.ndarray, grads: np.ndarray) -> np.ndarray:
    """Signed Grad-CAM maps (B, h, w) from activations and gradients (B, h, w, C)."""
    weights = grads.mean(axis=(1, 2))  # (B, C): spatial mean of the gradients
    return np.einsum("bhwc,bc->bhw", activ, weights, optimize=True).astype(np.float32)


def normalize_cam(raw: np.ndarray) -> tuple[np.ndarray, bool]:
    """ReLU, then stretch to [0, 1] (minus the minimum, divided by the range).

    Stretching from the minimum (as pytorch-grad-cam's ``scale_cam_image``) keeps the
    contrast of a map that is positive everywhere, which dividing by the maximum alone
    would show as one flat colour; like the division it ignores the map's overall scale.
    A map with no positive value becomes zeros and is flagged empty (never 0/0 = NaN).
    """
    cam = np.maximum(np.nan_to_num(raw), 0.0)
    peak = float(cam.max()) if cam.size else 0.0
    if peak <= 1e-12:
        return np.zeros_like(cam, dtype=np.float32), True
    low = float(cam.min())
    if peak - low <= 1e-7 * peak:  # the same evidence everywhere
        return np.ones_like(cam, dtype=np.float32), False
    return ((cam - low) / (peak - low)).astype(np.float32), False


def upsample(cam: np.ndarray, height: int, width: int) -> np.ndarray:
    """Bicubic resize of a [0, 1] map to (height, width) (cv2 takes (width, height)), kept in [0, 1].

    Bicubic, as Keras' own Grad-CAM example resizes (PIL's default), not bilinear as the tutorial's
    ``cv2.resize``: a bilinear map can only peak on one of the coarse map's cell centres, 32 pixels apart
    for MobileNetV2's 7×7 map at 224², while bicubic puts the peak between two cells when both are hot.
    Measured on the "Where the network looks" lesson's first model (a Flatten → Dense head, map of
    out_relu), the peak landed inside the shape's box on 86–92 % of the test images instead of 72–83 %
    (seeds 0–4). An overshoot above 1 is scaled back
    rather than clipped, so the hottest pixel stays one pixel and not a flat top.
    """
    out = cv2.resize(cam.astype(np.float32), (int(width), int(height)), interpolation=cv2.INTER_CUBIC)
    out = np.maximum(out, 0.0)
    top = float(out.max()) if out.size else 0.0
    return out / top if top > 1.0 else out


def gradcam_batch(model: Any, x: np.ndarray, classes: Sequence[int | None] | None = None, layer: str | None = None,
                  progress=None, cancel=None) -> list[GradCam]:
    """Grad-CAM for a batch ``x`` (B, H, W, C) prepared for the model; one class per image (None = top-1)."""
    layer = layer or default_layer(model)
    _check_layer(model, layer)
    x = np.asarray(x, dtype=np.float32)
    if x.ndim != 4:
        raise UserError(translate("gradcam", "Grad-CAM needs a batch of images (B, H, W, C), not an array of shape "
                                  "{shape}.").format(shape=x.shape))
    n_classes = graph.num_classes(model)
    if n_classes == 0:
        raise NotAClassifierError(translate(
            "gradcam", "This model ends in feature maps of shape {shape}, not in one score per class. Grad-CAM "
            "explains a class, so it needs a classifier: compose one with a head in the Pretrained tab, or look at "
            "this model's activations and filter patterns.").format(shape=graph.output_shape(model)[1:]))
    wanted = list(classes) if classes is not None else [None] * len(x)
    if len(wanted) != len(x):
        raise UserError(translate("gradcam", "Give one class per image: {images} images but {classes} classes.")
                        .format(images=len(x), classes=len(wanted)))
    for c in wanted:
        if c is not None and not (0 <= int(c) < n_classes):
            raise UserError(translate(
                "gradcam", "Class {index} does not exist: this model has {count} classes, numbered 0 to {last}.")
                .format(index=c, count=n_classes, last=n_classes - 1))
    check_cancel(cancel)
    report(progress, "step", 0, 1, translate("gradcam", "Computing Grad-CAM…"))
    step = gradient_function(model, layer)
    tf_ = tf()
    xt = tf_.constant(x)
    codes = np.asarray([-1 if c is None else int(c) for c in wanted], dtype=np.int32)
    activ, grads, scores = step(xt, tf_.constant(codes))
    check_cancel(cancel)
    activ, grads, scores = activ.numpy(), grads.numpy(), scores.numpy()
    raws = cam_from_gradients(activ, grads)
    top = _top1(scores)
    explained = [top[i] if c is None else int(c) for i, c in enumerate(wanted)]
    results = []
    for i in range(len(x)):
        norm, empty = normalize_cam(raws[i])
        results.append(GradCam(
            heatmap=upsample(norm, x.shape[1], x.shape[2]), raw=raws[i], layer=layer, class_index=explained[i],
            predicted=int(top[i]), scores=scores[i], final_activation=step.tapper.final_activation, empty=empty,
        ))
    report(progress, "step", 1, 1, translate("gradcam", "Grad-CAM ready"))
    return results


def _top1(scores: np.ndarray) -> list[int]:
    if scores.shape[-1] == 1:
        return [int(v > 0) for v in scores[:, 0]]
    return [int(i) for i in scores.argmax(axis=-1)]


def gradcam(model: Any, x: np.ndarray, class_index: int | None = None, layer: str | None = None,
            progress=None, cancel=None) -> GradCam:
    """Grad-CAM for one prepared image ``x`` (1, H, W, C) or (H, W, C)."""
    x = np.asarray(x, dtype=np.float32)
    if x.ndim == 3:
        x = x[None]
    return gradcam_batch(model, x, [class_index], layer, progress=progress, cancel=cancel)[0]


def heatmap_image(heatmap: np.ndarray, colormap: str = "jet") -> np.ndarray:
    """The heatmap alone as an RGB image."""
    return imaging.apply_colormap(heatmap, colormap)


def overlay_image(image: np.ndarray, heatmap: np.ndarray, colormap: str = "jet", opacity: float = 0.4) -> np.ndarray:
    """The heatmap drawn over the image (RGB uint8); ``opacity`` 0 shows only the image, 1 only the heatmap."""
    return imaging.overlay(image, heatmap_image(heatmap, colormap), alpha=float(np.clip(opacity, 0.0, 1.0)))
