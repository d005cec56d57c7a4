"""Export PNG… of the Visualize views: ask where, then write through the app's one checked write."""
from __future__ import annotations

import numpy as np
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QWidget

from cnnexplorer.core.errors import UserError
from cnnexplorer.core.images import save_png
from cnnexplorer.ui.errors import reporter


def export_png(parent: QWidget, image: np.ndarray | None, default_name: str) -> str | None:
    """Ask for a file name and save ``image`` there as PNG; the path written, or None (nothing, cancelled, failed)."""
    if image is None:
        reporter().report(UserError(QCoreApplication.translate(
            "VisualizeExport", "There is nothing to export yet: choose an image and wait for the result.")))
        return None
    path, _ = QFileDialog.getSaveFileName(parent, QCoreApplication.translate("VisualizeExport", "Export PNG"),
                                          default_name,
                                          QCoreApplication.translate("VisualizeExport", "PNG images (*.png)"))
    if not path:
        return None
    if not path.lower().endswith(".png"):
        path += ".png"
    try:
        save_png(path, image)  # encoded in memory, written atomically through core.files
    except UserError as exc:
        reporter().report(exc)
        return None
    return path
