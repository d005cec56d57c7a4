"""Find the files shipped in ``resources/`` (installed as ``cnnexplorer.resources``)."""
from __future__ import annotations

from importlib import resources as _resources
from pathlib import Path

from cnnexplorer.core.errors import UserError
from cnnexplorer.core.i18n import translate


def resource_path(*parts: str) -> Path:
    """Path of a bundled file, e.g. ``resource_path("data", "mnist_sample.npz")``.

    Raises :class:`UserError` naming the file when it is missing, which means a
    broken installation rather than a user mistake, so the message says so.
    """
    root = Path(str(_resources.files("cnnexplorer.resources")))
    path = root.joinpath(*parts)
    if not path.exists():
        raise UserError(
            translate("resources", "The bundled file {file} is missing from {folder}. The installation is "
                                   "incomplete: reinstall CNN Explorer.").format(file="/".join(parts), folder=root)
        )
    return path


def sample_images() -> dict[str, Path]:
    """The bundled sample photos by name ("cat", "coffee", ...), sorted by name."""
    folder = resource_path("samples")
    return {p.stem: p for p in sorted(folder.glob("*.jpg"))}
