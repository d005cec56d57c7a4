"""Render the app icon (resources/icons/cnnexplorer.svg) to the raster formats installers need.

Writes next to the SVG (16-32 px come from cnnexplorer-small.svg, a simplified drawing):
  cnnexplorer.png   256x256, the Linux desktop-entry icon and the window icon fallback
  cnnexplorer.ico   16-256 px, the Windows executable / installer icon
  cnnexplorer.icns  16-1024 px, the macOS .app icon

The outputs are committed, so building the installer does not need this script;
run it again after editing the SVG:
    QT_QPA_PLATFORM=offscreen .venv/bin/python packaging/make_icons.py
Needs Qt's SVG renderer (PySide6-Essentials) and Pillow (installed with matplotlib).
"""
from __future__ import annotations

import io
import os
import sys
from pathlib import Path

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"
SVG = ICONS / "cnnexplorer.svg"
SMALL_SVG = ICONS / "cnnexplorer-small.svg"  # fewer, bigger cells: stays readable at 16-32 px


def render(size: int, svg: Path = SVG):
    """An SVG rendered to a size x size PIL image (antialiased, transparent corners)."""
    from PIL import Image
    from PySide6.QtCore import QBuffer, QIODevice, Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        sys.exit(f"error: {svg} is not a valid SVG file; fix it and run again")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return Image.open(io.BytesIO(bytes(buffer.data()))).convert("RGBA")


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication([sys.argv[0]])  # noqa: F841 (Qt needs it alive)
    big = render(1024)
    render(256).save(ICONS / "cnnexplorer.png", optimize=True)
    # Render each small size from the vector, not by shrinking the big bitmap: crisper edges.
    ico_sizes = [16, 24, 32, 48, 64, 128, 256]
    ico_images = [render(s, SMALL_SVG if s <= 32 else SVG) for s in ico_sizes]
    ico_images[-1].save(ICONS / "cnnexplorer.ico", format="ICO", sizes=[(s, s) for s in ico_sizes],
                        append_images=ico_images[:-1])
    # Pillow writes the ICNS sizes from the one big image it is given.
    big.save(ICONS / "cnnexplorer.icns", format="ICNS")
    for name in ("cnnexplorer.png", "cnnexplorer.ico", "cnnexplorer.icns"):
        print(f"wrote {ICONS / name} ({(ICONS / name).stat().st_size:,} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
