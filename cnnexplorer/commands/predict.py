"""``predict``: a saved model's top classes for an image or a folder of images, as JSON lines.

Also the command line's way to read a dataset for a model (``--image-size``,
``--color-mode``, progress while reading), shared with ``train``, ``evaluate``
and ``pretrained``::

    cnnexplorer predict --model digits.keras --image seven.png --top 3
    {"image": "seven.png", "top": [{"class": 7, "name": "7", "probability": 0.991}, ...]}
"""
from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path
from typing import Any


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "predict", help="top-K classes of a saved model for an image or a folder of images (JSON lines)",
        description="Read each image at the model's input size and channels and print one JSON line per image: "
                    "the top classes with their probabilities (class names from the model file when it has them, "
                    "ImageNet names for a 1000-class head).",
    )
    p.add_argument("--model", required=True, metavar="FILE.keras", help="a saved Keras model (.keras or .h5)")
    p.add_argument("--image", required=True, metavar="FILE|FOLDER",
                   help="an image file, or a folder: every image in it and its sub-folders")
    p.add_argument("--top", type=int, default=5, metavar="K", help="how many classes per image (default: 5)")
    p.add_argument("--scaling", default="auto", choices=("auto", "0-255", "0-1"),
                   help="pixel values the model expects (default: auto, as in gradcam)")
    p.add_argument("--batch-size", type=int, default=32, help="images per forward pass (default: 32)")
    p.set_defaults(func=_predict)


# -- reading a dataset for a model (train, evaluate, pretrained) --------------------

def add_reading_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--image-size", type=int, metavar="N",
                        help="read an image folder at N×N instead of the model's input size")
    parser.add_argument("--color-mode", choices=("rgb", "grayscale"),
                        help="read an image folder as colour or grey instead of the model's channels")


def reading_printer(event) -> None:
    """Progress on the terminal while a folder is read: about every 10 %, and the final count."""
    if event.kind != "load" or not event.message or not event.total:
        return
    step = max(1, event.total // 10)
    previous = getattr(reading_printer, "_last", -1)
    if event.step != event.total and event.step // step == previous // step and previous >= 0:
        return
    reading_printer._last = event.step if event.step != event.total else -1  # type: ignore[attr-defined]
    print(event.message, flush=True)


def load_for_model(args: argparse.Namespace, model, dataset: str | None = None):
    """The dataset of ``--dataset`` read for ``model`` (its input size and channels, or the overrides); prints
    the note saying what was found and done."""
    from cnnexplorer.core.errors import UserError
    from cnnexplorer.core.spec import ModelSpec
    from cnnexplorer.ml.data import load_dataset
    from cnnexplorer.ml.train import model_input_shape

    options: dict[str, Any] = {}  # load_dataset's keyword options
    if getattr(args, "image_size", None) is not None:
        if args.image_size < 1:
            raise UserError("--image-size must be 1 or more.")
        options["image_size"] = (args.image_size, args.image_size)
    if getattr(args, "color_mode", None):
        options["color_mode"] = args.color_mode
    if getattr(args, "validation_split", None) and 0 < args.validation_split < 1 and \
            Path(dataset or args.dataset).is_dir():
        options["validation_split"] = args.validation_split
    if model is None:
        shape = None
    elif isinstance(model, ModelSpec):  # a design, not yet built
        shape = tuple(model.input_shape)
    else:
        shape = model_input_shape(model)
    data = load_dataset(dataset or args.dataset, progress=reading_printer, input_shape=shape, **options)
    if data.note and (data.info.origin == "folder" or "; " in data.note):  # a folder, or a converted dataset
        print(f"dataset: {data.note}", flush=True)
    return data


# -- predict --------------------------------------------------------------------------

def _image_files(root: Path) -> list[Path]:
    from cnnexplorer.core.images import IMAGE_SUFFIXES

    return sorted(p for p in root.rglob("*") if p.suffix.lower() in IMAGE_SUFFIXES and p.is_file()
                  and not any(part.startswith(".") for part in p.relative_to(root).parts))


def _probabilities(out):
    import numpy as np

    out = np.asarray(out, dtype=np.float64).reshape(len(out), -1)
    if out.shape[1] == 1:  # one sigmoid unit: class 1's probability
        p = np.clip(out[:, 0], 0.0, 1.0)
        return np.stack([1.0 - p, p], axis=1)
    if np.all(out >= 0) and np.all(out <= 1) and np.allclose(out.sum(axis=1), 1.0, atol=1e-3):
        return out
    z = out - out.max(axis=1, keepdims=True)  # scores without softmax
    e = np.exp(z)
    return e / e.sum(axis=1, keepdims=True)


def _names(model, count: int) -> list[str]:
    from cnnexplorer.ml.class_names import class_names

    names = class_names(model)
    if names is not None and len(names) == count:
        return names
    if count == 1000:
        from cnnexplorer.ml.viz.inputs import imagenet_names

        return list(imagenet_names())
    return [str(i) for i in range(count)]


def _predict(args: argparse.Namespace) -> int:
    import numpy as np

    from cnnexplorer.core.errors import UserError
    from cnnexplorer.core.files import short_path
    from cnnexplorer.ml.folders import decode_for_model, read_file
    from cnnexplorer.ml.model_files import load_model_file
    from cnnexplorer.ml.train import model_input_shape
    from cnnexplorer.ml.viz import graph, inputs

    if args.top < 1:
        raise UserError("--top must be 1 or more.")
    target = Path(args.image)
    if target.is_dir():
        files = _image_files(target)
        if not files:
            raise UserError(f"{short_path(target)} holds no image files (JPEG, PNG, BMP, GIF, TIFF or WebP).")
    elif target.is_file():
        files = [target]
    else:
        raise UserError(f"The image {short_path(target)} does not exist. Give an image file or a folder of them.")
    model, _ = load_model_file(args.model)
    shape = model_input_shape(model)
    if len(shape) != 3 or shape[-1] not in (1, 3):
        raise UserError(f"{Path(args.model).name} does not take images (its input is {shape}); predict needs an "
                        "image model.")
    if graph.num_classes(model) == 0:
        raise UserError(f"{Path(args.model).name} ends in feature maps of shape {graph.output_shape(model)[1:]}, "
                        "not in one score per class: it has no class to predict. Give it a classifier head "
                        "(cnnexplorer pretrained) or predict with a classifier.")
    h, w, c = shape
    scaling = args.scaling
    if scaling == "auto":
        scaling, _reason = inputs.detect_scaling(model, "file")
    failures = 0
    batch: list[tuple[Path, np.ndarray]] = []

    def flush() -> None:
        if not batch:
            return
        x = inputs.to_model_input(np.stack([image for _, image in batch]).astype(np.float32), scaling)
        probs = _probabilities(model.predict_on_batch(x))
        names = _names(model, probs.shape[1])
        for (path, _), p in zip(batch, probs):
            order = np.argsort(-p, kind="stable")[:args.top]
            top = [{"class": int(i), "name": names[i], "probability": round(float(p[i]), 6)} for i in order]
            print(json.dumps({"image": short_path(path, None), "top": top}, ensure_ascii=False), flush=True)
        batch.clear()

    for path in files:
        data = read_file(os.fsencode(path))
        image, stored = (None, "unreadable") if isinstance(data, str) else decode_for_model(data, h, w, c)
        if image is None:
            failures += 1
            why = "too large (over 50 megapixels)" if stored == "too-large" else "not a readable image"
            print(json.dumps({"image": short_path(path, None), "error": why}), flush=True)
            continue
        if h is None or w is None:  # a model of any size: one image per pass, at its own size
            flush()
            batch.append((path, image))
            flush()
            continue
        batch.append((path, image))
        if len(batch) >= max(1, args.batch_size):
            flush()
    flush()
    if failures == len(files):
        print(f"error: none of the {len(files)} files could be read as an image", file=sys.stderr)
        return 1
    return 0
