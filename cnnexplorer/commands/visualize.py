"""``activations``, ``filters`` and ``gradcam``: the Visualize tab's three views, headless.

Same code path as the window (``cnnexplorer.ml.viz``). Images are prepared the
way the model expects them (size, channels, pixel scale); ``--scaling auto``
takes raw 0-255 pixels when the model starts with a Rescaling layer and 0-1
otherwise.
"""
from __future__ import annotations

import argparse
import sys


def register(sub: argparse._SubParsersAction) -> None:
    scaling_help = ("pixel values the model expects: 0-255 (raw, the app's models), 0-1, or auto "
                    "(0-255 if the model starts with Rescaling, else 0-1; default)")

    act = sub.add_parser("activations", help="save the activation grids of a model's layers for one image",
                         description="Run the model once on the image and save every chosen layer's channels "
                                     "as a grid (16 per row), one layer under another.")
    act.add_argument("--model", required=True, metavar="FILE.keras", help="a saved Keras model")
    act.add_argument("--image", required=True, metavar="FILE", help="an image file (JPEG, PNG, ...)")
    act.add_argument("--layers", metavar="A,B", help="layer names, comma-separated (default: conv and pooling layers)")
    act.add_argument("--scaling", default="auto", choices=("auto", "0-255", "0-1"), help=scaling_help)
    act.add_argument("--out", required=True, metavar="GRID.png", help="where to save the grid")
    act.set_defaults(func=_activations)

    fil = sub.add_parser("filters", help="save the input patterns that a convolution layer's filters respond to most",
                         description="Gradient ascent from grey noise on each filter's output; saves the patterns "
                                     "as a grid.")
    fil.add_argument("--model", required=True, metavar="FILE.keras", help="a saved Keras model")
    fil.add_argument("--layer", required=True, metavar="NAME", help="a convolution layer (nested: base/block3_conv1)")
    fil.add_argument("--count", type=int, default=16, help="number of filters (default: 16)")
    fil.add_argument("--first", type=int, default=0, help="first filter index (default: 0)")
    fil.add_argument("--size", type=int, default=128,
                     help="pattern size in pixels when the model accepts any size (default: 128)")
    fil.add_argument("--steps", type=int, default=40, help="gradient-ascent steps (default: 40)")
    fil.add_argument("--seed", type=int, default=0, help="random seed of the starting noise (default: 0)")
    fil.add_argument("--jitter", type=int, default=0, metavar="PX",
                     help="random shift per step, in pixels, for cleaner patterns (default: 0 = off)")
    fil.add_argument("--mode", default="auto", choices=("auto", "batched", "looped"),
                     help="optimise filters together or one at a time (default: auto = whichever is faster here)")
    fil.add_argument("--scaling", default="auto", choices=("auto", "0-255", "0-1"), help=scaling_help)
    fil.add_argument("--out", required=True, metavar="GRID.png", help="where to save the grid")
    fil.set_defaults(func=_filters)

    cam = sub.add_parser("gradcam", help="save a Grad-CAM heatmap over an image: where the model found its evidence",
                         description="Grad-CAM (Selvaraju et al.) on the last convolution layer (or --layer). "
                                     "Prints the predicted class and the class explained.")
    cam.add_argument("--model", required=True, metavar="FILE.keras", help="a saved Keras model")
    cam.add_argument("--image", required=True, metavar="FILE", help="an image file")
    cam.add_argument("--class", dest="class_index", type=int, metavar="K",
                     help="class to explain (default: the predicted class)")
    cam.add_argument("--layer", metavar="NAME",
                     help="convolution layer (default: the last one, also inside a base model)")
    cam.add_argument("--colormap", default="jet", help="jet, viridis, inferno, magma, hot or gray (default: jet)")
    cam.add_argument("--opacity", type=float, default=0.4, help="heatmap opacity over the image, 0-1 (default: 0.4)")
    cam.add_argument("--scaling", default="auto", choices=("auto", "0-255", "0-1"), help=scaling_help)
    cam.add_argument("--out", required=True, metavar="OVERLAY.png", help="where to save the overlay")
    cam.add_argument("--heatmap", metavar="HEAT.npy",
                     help="also save the heatmap as float32 at the model's input resolution, values in [0, 1]")
    cam.set_defaults(func=_gradcam)


def _load(args):
    from cnnexplorer.ml.model_files import load_model_file
    from cnnexplorer.ml.viz import inputs

    model, _ = load_model_file(args.model)
    inputs.model_input_size(model)  # a clear message for non-image models before any work
    scaling = args.scaling
    if scaling == "auto":
        scaling, reason = inputs.detect_scaling(model, "file")
        print(f"input scaling {scaling}: {reason}")
    return model, scaling


def _read_image(args):
    """The image, read (and bounded: 50 megapixels at most) before the model and TensorFlow are loaded."""
    from cnnexplorer.core.images import load_image

    _check_outputs(args)
    return load_image(args.image)


def _check_outputs(args) -> None:
    """An output that cannot be written (read-only, full, a folder) is found before the model is loaded."""
    from cnnexplorer.core.files import check_writable

    for path in (args.out, getattr(args, "heatmap", None)):
        if path:
            check_writable(path)


def _image(image, model, scaling):
    from cnnexplorer.ml.viz import inputs

    prepared = inputs.prepare(image, model, scaling)
    for note in prepared.notes:
        print(f"note: {note}")
    return prepared


def _activations(args: argparse.Namespace) -> int:
    from cnnexplorer.core.images import save_png
    from cnnexplorer.ml.viz import activations

    image = _read_image(args)
    model, scaling = _load(args)
    prepared = _image(image, model, scaling)
    layers = [s.strip() for s in args.layers.split(",") if s.strip()] if args.layers else None
    result = activations.compute_activations(model, prepared.x, layers)
    grids, titles = [], []
    for path, act in result.layers.items():
        grid = activations.activation_grid(act, min_tile=24)
        grids.append(grid.image)
        dead = int(grid.dead.sum())
        title = f"{path}  {act.shape[0]}x{act.shape[1]}x{act.shape[2]}" + (f"  ({dead} flat)" if dead else "")
        titles.append(title)
        print(title)
    if not grids:
        from cnnexplorer.core.errors import UserError

        raise UserError("This model has no convolution or pooling layers to show; name layers with --layers.")
    save_png(args.out, activations.stack_grids(grids, titles))
    print(f"saved {args.out}")
    return 0


def _filters(args: argparse.Namespace) -> int:
    from cnnexplorer.core.images import save_png
    from cnnexplorer.ml.viz import filters

    _check_outputs(args)  # before minutes of gradient ascent, not after
    model, scaling = _load(args)

    def printer(event):
        if event.kind == "item":
            p = event.payload
            state = "dead (no input makes it respond)" if p.dead else f"objective {p.start:.3g} -> {p.end:.3g}"
            print(f"filter {p.filter}: {state}", flush=True)

    result = filters.filter_patterns(model, args.layer, count=args.count, first=args.first, size=args.size,
                                     steps=args.steps, seed=args.seed, jitter=args.jitter, scaling=scaling,
                                     mode=args.mode, progress=printer)
    h, w, _ = result.size
    print(f"{len(result.patterns)} patterns of {args.layer} at {w}x{h}, {result.mode}, "
          f"{result.seconds_per_filter_step * 1000:.1f} ms per filter-step")
    save_png(args.out, filters.patterns_grid(result.patterns, cols=8))
    print(f"saved {args.out}")
    return 0


def _gradcam(args: argparse.Namespace) -> int:
    import numpy as np

    from cnnexplorer.core.images import save_png
    from cnnexplorer.ml.viz import gradcam, graph, inputs
    from cnnexplorer.ml.viz.analysis import model_class_names

    image = _read_image(args)
    model, scaling = _load(args)
    prepared = _image(image, model, scaling)
    result = gradcam.gradcam(model, prepared.x, class_index=args.class_index, layer=args.layer)
    names, _ = model_class_names(model, graph.num_classes(model))  # the names saved with the model, if any
    probs = inputs.probabilities(result.scores[None], result.final_activation)[0]
    print(f"layer: {result.layer}")
    print(f"predicted: {result.predicted} ({names[result.predicted]}) {probs[result.predicted]:.3f}")
    print(f"explained: {result.class_index} ({names[result.class_index]})")
    if result.empty:
        print("note: no location has positive evidence for this class; the heatmap is empty", file=sys.stderr)
    save_png(args.out, gradcam.overlay_image(prepared.display, result.heatmap, args.colormap, args.opacity))
    print(f"saved {args.out}")
    if args.heatmap:
        import io

        from cnnexplorer.core.files import write_bytes

        buffer = io.BytesIO()
        np.save(buffer, result.heatmap.astype(np.float32))
        write_bytes(args.heatmap, buffer.getvalue())
        print(f"saved {args.heatmap}")
    return 0
