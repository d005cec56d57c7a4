"""Command line: the window by default, headless subcommands for scripts and tests.

Each module in ``cnnexplorer/commands/`` adds its subcommands through
``register(subparsers)``; a subcommand sets ``func(args) -> int``. Modules are
found by listing the package, so a feature adds its commands without editing
this file. Subcommand modules import TensorFlow only inside ``func``.

Errors: a :class:`~cnnexplorer.core.errors.UserError` prints ``error: <message>``
on stderr and exits 1; wrong arguments exit 2 (argparse's convention).
"""
from __future__ import annotations

import argparse
import importlib
import pkgutil
import sys

from cnnexplorer import __version__
from cnnexplorer.core.errors import UserError


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="cnnexplorer",
        description="CNN Explorer: learn and teach convolutional neural networks by pointing and clicking. "
        "With no command, opens the window.",
    )
    parser.add_argument("--version", action="version", version=f"cnnexplorer {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    import cnnexplorer.commands as commands

    for info in sorted(pkgutil.iter_modules(commands.__path__), key=lambda m: m.name):
        module = importlib.import_module(f"cnnexplorer.commands.{info.name}")
        module.register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["--self-test"]:  # the installer convention (glue's --test); same as `selftest`
        argv = ["selftest", *argv[1:]]
    parser = build_parser()
    args = parser.parse_args(argv or ["gui"])
    try:
        return int(args.func(args) or 0)
    except UserError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
