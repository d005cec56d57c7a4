"""``python -m cnnexplorer``: the same as the ``cnnexplorer`` command."""
import multiprocessing
import os
import sys


def _main() -> int:
    # Must come first in a frozen (PyInstaller) build, harmless otherwise.
    multiprocessing.freeze_support()
    # Windowed frozen builds have no console: give Python somewhere to write.
    if sys.stdout is None:
        sys.stdout = open(os.devnull, "w")
    if sys.stderr is None:
        sys.stderr = open(os.devnull, "w")
    from cnnexplorer.cli import main

    return main()


if __name__ == "__main__":
    sys.exit(_main())
