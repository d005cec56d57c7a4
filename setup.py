"""Package list only; all other metadata is in pyproject.toml.

``resources/`` lives at the top of the repository but installs as
``cnnexplorer.resources``; ``find_packages`` cannot discover a mapped folder,
so it and its data sub-folders are listed here explicitly.
"""
from pathlib import Path

from setuptools import find_packages, setup

HERE = Path(__file__).parent
resource_dirs = sorted(p.name for p in (HERE / "resources").iterdir()
                       if p.is_dir() and not p.name.startswith(("_", ".")))

setup(
    packages=find_packages(include=["cnnexplorer", "cnnexplorer.*"])
    + ["cnnexplorer.resources"]
    + [f"cnnexplorer.resources.{name}" for name in resource_dirs],
)
