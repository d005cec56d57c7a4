"""Small pieces the lab pages share: text sizes, side panels, problem notes."""
from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel

from cnnexplorer.core import conv_lab as lab
from cnnexplorer.ui import presentation


def pt(factor: float) -> str:
    """A rich-text font size ``factor`` × the application's text size, so it grows with presentation mode."""
    return f"{QApplication.font().pointSizeF() * factor:.1f}pt"


def side_width() -> int:
    """Width of a lab's side panel: wider with presentation-size text (the grids are limited by height then)."""
    return 420 if presentation.is_on() else 340


def side_label(text: str = "", object_name: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if object_name:
        label.setObjectName(object_name)
    return label



def size_caption(n: int, k: int, s: int, padding: str) -> str:
    """The first line of the size formula, short enough to sit under the output grid."""
    return lab.output_size_text(n, k, s, padding).split("\n")[1].strip().lstrip("= ")


def blank_note(grid: np.ndarray) -> list[lab.Problem]:
    """A hint, not an error: an all-zero grid gives an all-zero output."""
    if grid.size and not grid.any():
        return [lab.Problem("The grid is all zeros.", blocking=False, code="blank")]
    return []


def problem_html(problems: list[lab.Problem], translate) -> str:
    if not problems:
        return ""
    items = "".join(f"<p>⚠ {translate(p)}</p>" for p in problems)
    return items
