"""``gui`` (the window, or a screenshot of it) and ``datasets``."""
from __future__ import annotations

import argparse


def register(sub: argparse._SubParsersAction) -> None:
    gui = sub.add_parser("gui", help="open the window (the default)")
    gui.add_argument("--tab", help="tab to show: builder, training, augmentation, pretrained, visualize, concepts")
    gui.add_argument("--screenshot", metavar="FILE.png",
                     help="render the window offscreen at 1280x800, save it as PNG and exit")
    gui.add_argument("--startup-probe", action="store_true", help=argparse.SUPPRESS)
    gui.set_defaults(func=_gui)

    datasets = sub.add_parser("datasets", help="list datasets with their status (bundled, cached, needs download)")
    datasets.set_defaults(func=_datasets)


def _gui(args: argparse.Namespace) -> int:
    from cnnexplorer.ui.app import run_gui

    return run_gui(tab=args.tab, screenshot=args.screenshot, startup_probe=args.startup_probe)


def _datasets(args: argparse.Namespace) -> int:
    from cnnexplorer.ml.data import list_datasets

    rows = [(d.name, d.status(), "x".join(map(str, d.input_shape)), str(d.num_classes), d.title)
            for d in list_datasets()]
    header = ("name", "status", "input", "classes", "description")
    widths = [max(len(r[i]) for r in rows + [header]) for i in range(4)]
    for row in [header] + rows:
        print("  ".join(c.ljust(w) for c, w in zip(row[:4], widths)) + "  " + row[4])
    print("\nAn image folder (one sub-folder per class) can be used wherever a dataset name is asked for.")
    return 0
