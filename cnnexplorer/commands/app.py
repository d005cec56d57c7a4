"""``gui`` (the window, or a screenshot of it) and ``datasets``."""
from __future__ import annotations

import argparse
from typing import Any


def register(sub: argparse._SubParsersAction) -> None:
    gui = sub.add_parser("gui", help="open the window (the default)")
    gui.add_argument("--tab", help="tab to show: lessons, builder, training, augmentation, pretrained, visualize, "
                     "concepts")
    gui.add_argument("--screenshot", metavar="FILE.png",
                     help="render the window offscreen at 1280x800, save it as PNG and exit")
    gui.add_argument("--presentation", action="store_true",
                     help="start in presentation mode (big text, thick chart lines) without saving the choice")
    gui.add_argument("--theme", choices=("system", "light", "dark"),
                     help="colour theme for this run, without saving the choice")
    gui.add_argument("--language", choices=("en", "zh_CN"),
                     help="interface language for this run, without saving the choice")
    gui.add_argument("--startup-probe", action="store_true", help=argparse.SUPPRESS)
    gui.set_defaults(func=_gui)

    datasets = sub.add_parser("datasets", help="list datasets with their status (bundled, cached, needs download)")
    datasets.add_argument("--load", metavar="NAME_OR_FOLDER",
                          help="load one dataset (downloading it if needed) and describe what was read")
    datasets.add_argument("--image-size", type=int, default=None,
                          help="image folders: resize to this size (default: the folder's most common size)")
    datasets.add_argument("--grayscale", action="store_true",
                          help="image folders: read as grayscale (default: the folder's most common channels)")
    datasets.set_defaults(func=_datasets)


def _gui(args: argparse.Namespace) -> int:
    from cnnexplorer.ui.app import run_gui

    return run_gui(tab=args.tab, screenshot=args.screenshot, startup_probe=args.startup_probe,
                   presentation=True if args.presentation else None, theme=args.theme, language=args.language)


def _datasets(args: argparse.Namespace) -> int:
    from cnnexplorer.ml.data import list_datasets

    if args.load:
        return _load_one(args)

    rows = [(d.name, d.status(), "x".join(map(str, d.input_shape)), str(d.num_classes), d.title)
            for d in list_datasets()]
    header = ("name", "status", "input", "classes", "description")
    widths = [max(len(r[i]) for r in rows + [header]) for i in range(4)]
    for row in [header] + rows:
        print("  ".join(c.ljust(w) for c, w in zip(row[:4], widths)) + "  " + row[4])
    print("\nAn image folder (one sub-folder per class) can be used wherever a dataset name is asked for.")
    return 0


def _load_one(args: argparse.Namespace) -> int:
    from cnnexplorer.ml.data import list_datasets, load_dataset

    options: dict[str, Any] = {}
    if args.load not in {d.name for d in list_datasets()}:
        options = {"image_size": (args.image_size, args.image_size) if args.image_size else None,
                   "color_mode": "grayscale" if args.grayscale else None}
    ds = load_dataset(args.load, progress=_print_progress, **options)
    print(f"{ds.info.title}")
    print(f"  train: {ds.x_train.shape}  test: {ds.x_test.shape}"
          + (f"  validation: {ds.x_val.shape}" if ds.x_val is not None else ""))
    print(f"  classes ({ds.info.num_classes}): {', '.join(ds.class_names)}")
    note = getattr(ds, "note", "")
    if note:  # what was found and done: sizes, channels, files skipped and why
        print(f"  {note}")
    elif ds.skipped:
        print(f"  skipped {len(ds.skipped)} unreadable file(s), e.g. {ds.skipped[0]}")
    return 0


def _print_progress(event) -> None:
    if event.message:
        print(event.message, flush=True)
