"""``lessons`` and ``lesson NAME``: the Lessons tab's demonstrations in a terminal (same code as the tab)."""
from __future__ import annotations

import argparse
import json
import sys


def register(sub: argparse._SubParsersAction) -> None:
    listing = sub.add_parser("lessons", help="list the lessons (NAME, then title), in the tutorial's order")
    listing.set_defaults(func=_list)

    one = sub.add_parser("lesson", help="run one lesson's demo headless; ends with one JSON line "
                                        "(exit 0 when the demo ran, whether or not its claim held)")
    one.add_argument("name", metavar="NAME", help="a lesson NAME from 'cnnexplorer lessons'")
    one.add_argument("--seed", type=int, default=0, help="random seed of the demo (default 0)")
    one.add_argument("--out", metavar="DIR",
                     help="also write NAME.json, one JSON per run and the evidence pictures (PNG) into DIR")
    one.add_argument("--quiet", action="store_true", help="no progress lines on stderr")
    one.set_defaults(func=_run)


def _list(args: argparse.Namespace) -> int:
    from cnnexplorer.ml.lessons import LESSONS

    for lesson in LESSONS:
        print(f"{lesson.name}\t{lesson.display_title()}")
    return 0


def _run(args: argparse.Namespace) -> int:
    from cnnexplorer.core.errors import UserError
    from cnnexplorer.core.i18n import translate
    from cnnexplorer.ml.lessons import get_lesson, run_line

    lesson = get_lesson(args.name)
    if args.seed < 0:
        raise UserError(translate("lessons", "The seed must be 0 or more (got {seed}).").format(seed=args.seed))
    if args.out:
        _check_out(args.out, lesson.name)
    result = lesson.run(args.seed, progress=None if args.quiet else _printer(), out_dir=args.out)
    for run in result.runs:
        print(run_line(run))
    print(result.sentence, file=sys.stderr)
    print(json.dumps(result.summary(), ensure_ascii=False))
    return 0


def _check_out(folder: str, name: str) -> None:
    """Make the output folder and check a file can be written in it, before any training."""
    from pathlib import Path

    from cnnexplorer.core.files import check_writable, unwritable_error

    path = Path(folder)
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise unwritable_error(path, exc) from None
    check_writable(path / f"{name}.json")


def _printer():
    """Progress on stderr: one line when the stage (the text before " · ") changes."""
    last = [""]

    def show(event) -> None:
        stage = event.message.split(" · ")[0]
        if stage and stage != last[0]:
            last[0] = stage
            print(f"[{event.step / 10:5.1f} %] {stage}", file=sys.stderr, flush=True)

    return show
