"""A canvas of number grids side by side, drawn big enough to read from the back of a classroom.

Used by the Concepts tab: input (with its padded border), kernel, products and
output of a convolution; input and output of pooling; a layer's cells and
the input pixels they can see. Each grid is a :class:`Panel`; the canvas lays
the panels out in a row with one common cell size (so a 3×3 kernel looks like
3×3 cells of the input it slides over) or, for big grids without numbers,
with each panel scaled to its share of the width.

Clicks are reported in data coordinates (padding excluded) through
``cellClicked(panel_key, row, col, button)``; a left-button drag reports
``cellClicked`` for every new cell it enters, so a grid can be painted.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
from PySide6.QtCore import QLineF, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QImage, QMouseEvent, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from cnnexplorer.core.conv_lab import fmt
from cnnexplorer.ui import presentation

# Data colours, chosen to read on a white and on a near-black background alike. Everything else (the
# background, titles, grid lines, padding) comes from the widget's palette: see :class:`Colors`.
INK = QColor("#1e293b")  # darkest cell of an "ink" grid in the light theme, and text on light cells
PAPER = QColor("#ffffff")  # text on dark cells
WINDOW = QColor("#f59e0b")
KEPT = QColor("#16a34a")
LOST = QColor("#dc2626")
POSITIVE = QColor("#2563eb")
NEGATIVE = QColor("#dc2626")
REGION = QColor("#8b5cf6")
# The same roles on a dark background: a little lighter, so the marks do not sink into it.
_DARK_DATA = {"kept": QColor("#22c55e"), "lost": QColor("#f87171"), "positive": QColor("#3b82f6"),
              "negative": QColor("#ef4444"), "region": QColor("#a78bfa")}


def _mix(a: QColor, b: QColor, t: float) -> QColor:
    """``a`` moved a fraction ``t`` of the way to ``b``."""
    return QColor(round(a.red() + (b.red() - a.red()) * t), round(a.green() + (b.green() - a.green()) * t),
                  round(a.blue() + (b.blue() - a.blue()) * t))


@dataclass
class Colors:
    """The canvas colours for one palette: background and text from the palette, data colours that suit it.

    In a dark palette an "ink" grid goes from the dark background (0) to the light text colour (max), like an
    MNIST digit; in a light one from white to dark ink. Signed values fade from the background to blue/red.
    """

    background: QColor
    text: QColor
    muted: QColor  # captions and the ×, =, → signs
    grid_line: QColor
    pad_fill: QColor
    pad_text: QColor
    ink: QColor  # the "max" end of an ink grid
    kept: QColor
    lost: QColor
    positive: QColor
    negative: QColor
    region: QColor
    dark: bool

    @classmethod
    def from_palette(cls, palette: QPalette) -> Colors:
        bg = QColor(palette.color(QPalette.ColorRole.Base))
        text = QColor(palette.color(QPalette.ColorRole.Text))
        dark = bg.lightnessF() < 0.5
        data = _DARK_DATA if dark else {"kept": KEPT, "lost": LOST, "positive": POSITIVE, "negative": NEGATIVE,
                                        "region": REGION}
        return cls(background=bg, text=text, muted=_mix(text, bg, 0.3), grid_line=_mix(text, bg, 0.55),
                   pad_fill=_mix(bg, text, 0.12), pad_text=_mix(text, bg, 0.5), ink=text if dark else INK,
                   dark=dark, **{k: QColor(v) for k, v in data.items()})

LEFT_BUTTON, RIGHT_BUTTON = 1, 2


@dataclass
class Panel:
    """One grid on the canvas.

    ``values`` is 2-D (rows, cols) without padding; ``pad`` = (top, bottom,
    left, right) extra cells drawn around it as padding. Rectangles
    (``window``, ``region``) are (top, left, height, width) in padded
    coordinates. ``filled`` masks which cells show a value (for an output that
    is filled step by step). ``colors`` is "ink" (0 = white, max = dark) or
    "signed" (blue positive, red negative).
    """

    key: str
    title: str
    values: np.ndarray | None = None
    pad: tuple[int, int, int, int] = (0, 0, 0, 0)
    colors: str = "ink"
    vmax: float | None = None
    numbers: bool = True
    texts: list[list[str]] | None = None  # replaces the numbers when given
    subtexts: list[list[str]] | None = None  # small line above the number
    filled: np.ndarray | None = None
    window: tuple[int, int, int, int] | None = None
    window_color: QColor = field(default_factory=lambda: QColor(WINDOW))
    region: tuple[int, int, int, int] | None = None
    highlight: set[tuple[int, int]] = field(default_factory=set)  # data cells tinted like ``region``
    current: tuple[int, int] | None = None  # data coordinates, outlined like the window
    kept: set[tuple[int, int]] = field(default_factory=set)  # data coordinates, green ring
    focus_kept: tuple[int, int] | None = None  # the kept cell of the current step, thicker ring
    lost: set[tuple[int, int]] = field(default_factory=set)  # data coordinates, crossed out
    pad_text: str = "0"  # what a padding cell shows ("" when padding takes no part, as in pooling)
    prefix: str = ""  # symbol drawn in the gap before the panel ("×", "=", "→")
    caption: str = ""  # small line under the grid
    stack_below: bool = False  # place under the previous panel instead of beside it

    @property
    def shape(self) -> tuple[int, int]:
        rows, cols = (0, 0) if self.values is None or self.values.ndim != 2 else self.values.shape
        top, bottom, left, right = self.pad
        return rows + top + bottom, cols + left + right


MIN_CELL = 12.0  # smallest cell of a grid drawn without numbers (receptive field)


class LabCanvas(QWidget):
    cellClicked = Signal(str, int, int, int)

    def __init__(self, parent: QWidget | None = None, uniform_cells: bool = True, max_cell: int = 78) -> None:
        super().__init__(parent)
        self.panels: list[Panel] = []
        self.uniform_cells = uniform_cells
        self.max_cell = max_cell
        self.message = ""
        self._hits: list[tuple[Panel, QRectF, float]] = []
        self._drag_last: tuple[str, int, int] | None = None
        self.colors = Colors.from_palette(self.palette())
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMouseTracking(False)
        self.setMinimumSize(320, 240)

    def sizeHint(self) -> QSize:
        # Modest: the tab gives the canvas whatever room is left, and a tall hint would make the page scroll
        # on a 1280×800 projector in presentation mode.
        return QSize(640, 380)

    def set_panels(self, panels: list[Panel], message: str = "") -> None:
        self.panels = panels
        self.message = message
        self.update()

    def panel(self, key: str) -> Panel | None:
        return next((p for p in self.panels if p.key == key), None)

    # -- layout --------------------------------------------------------------------
    def _columns(self) -> list[list[Panel]]:
        columns: list[list[Panel]] = []
        for p in self.panels:
            if p.stack_below and columns:
                columns[-1].append(p)
            else:
                columns.append([p])
        return columns

    def _layout(self) -> list[tuple[Panel, QRectF, float]]:
        """(panel, grid rectangle, cell size) for every panel."""
        columns = self._columns()
        if not columns:
            return []
        w, h = float(self.width()), float(self.height())
        title_h = max(26.0, min(40.0, h * 0.055))
        gap_cells = 1.2
        margin = 12.0
        placed: list[tuple[Panel, QRectF, float]] = []
        if self.uniform_cells:
            gaps = gap_cells * (len(columns) - 1)
            col_cells = [max(max(p.shape[1] for p in col), 1) for col in columns]
            cell_w = (w - 2 * margin) / max(sum(col_cells) + gaps, 1)
            cell_h = min((h - 2 * margin - title_h * len(col) - 20 * len(col)) / max(sum(max(p.shape[0], 1)
                         for p in col), 1) for col in columns)
            cell = max(6.0, min(cell_w, cell_h, float(self.max_cell)))
            # A column is at least as wide as its title ("Kernel 1×1" over a single cell).
            for _ in range(4):
                widths = [max(n * cell, max(self._title_width(p.title, cell) for p in col))
                          for n, col in zip(col_cells, columns)]
                needed = sum(widths) + gaps * cell
                if needed <= w - 2 * margin + 0.5:
                    break
                cell = max(6.0, cell * (w - 2 * margin) / needed)
            widths = [max(n * cell, max(self._title_width(p.title, cell) for p in col))
                      for n, col in zip(col_cells, columns)]
            used = sum(widths) + gaps * cell
            x = (w - used) / 2
            for col, col_w in zip(columns, widths):
                col_h = sum(max(p.shape[0], 1) * cell + title_h + 20 for p in col)
                y = max(margin, (h - col_h) / 2)
                for p in col:
                    rows, cols = p.shape
                    y += title_h
                    rect = QRectF(x + (col_w - cols * cell) / 2, y, cols * cell, rows * cell)
                    placed.append((p, rect, cell))
                    y += max(rows, 1) * cell + 20
                x += col_w + gap_cells * cell
        else:
            # Big grids without numbers: each column gets a share of the width that grows with its size, but
            # never less than MIN_CELL pixels a cell (a 7×7 layer beside a 150×150 picture stays clickable),
            # and wide enough that its title, running into the blank margin beside the grid on its left,
            # never covers that grid.
            weights = [max(max(p.shape[1] for p in col), 8) for col in columns]
            avail_w = w - 2 * margin
            shares = [avail_w * weight / sum(weights) for weight in weights]
            floors = [min(max(p.shape[1] for p in col) * MIN_CELL + 30, avail_w / (len(columns) + 0.5))
                      for col in columns]
            short = sum(max(f - s, 0.0) for f, s in zip(floors, shares))
            room = sum(s - f for f, s in zip(floors, shares) if s > f)
            shares = [f if s <= f else s - short * (s - f) / room for f, s in zip(floors, shares)]

            def grid_width(col: list[Panel], share: float) -> float:
                avail_h = (h - 2 * margin) / len(col) - title_h - 20
                return max(p.shape[1] * max(1.0, min((share - 30) / max(p.shape[1], 1), avail_h / max(p.shape[0], 1),
                                                     float(self.max_cell))) for p in col)

            for _ in range(4):
                moved = False
                for i in range(1, len(columns)):
                    beside = (shares[i - 1] - grid_width(columns[i - 1], shares[i - 1])) / 2
                    title = max(self._title_width(p.title, 0) for p in columns[i])
                    need = min(title - beside, 0.6 * avail_w)
                    give = min(need - shares[i], shares[i - 1] - floors[i - 1])
                    if give > 0.5:
                        shares[i - 1] -= give
                        shares[i] += give
                        moved = True
                if not moved:
                    break
            x = margin
            for col, share in zip(columns, shares):
                avail_h = (h - 2 * margin) / len(col) - title_h - 20
                y = margin
                for p in col:
                    rows, cols = p.shape
                    cell = max(1.0, min((share - 30) / max(cols, 1), avail_h / max(rows, 1), float(self.max_cell)))
                    x0 = x + (share - cols * cell) / 2
                    y0 = y + title_h + max(0.0, (avail_h - rows * cell) / 2)
                    placed.append((p, QRectF(x0, y0, cols * cell, rows * cell), cell))
                    y += avail_h + title_h + 20
                x += share
        return placed

    def _title_font(self, cell: float) -> QFont:
        font = QFont(self.font())
        size = cell * 0.45 + 8 if self.uniform_cells else 20  # one size when panels have their own cell sizes
        font.setPixelSize(int(max(15, min(26, size))))
        font.setBold(True)
        return font

    def _title_width(self, title: str, cell: float) -> float:
        return QFontMetricsF(self._title_font(cell)).horizontalAdvance(title) + 8

    # -- painting ------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.colors = Colors.from_palette(self.palette())
        painter.fillRect(self.rect(), self.colors.background)
        self._hits = self._layout()
        if not self._hits and self.message:
            self._draw_message(painter)
            painter.end()
            return
        for i, (panel, rect, cell) in enumerate(self._hits):
            self._draw_panel(painter, panel, rect, cell)
            if panel.prefix and i > 0 and not panel.stack_below:
                prev_rect = self._hits[i - 1][1]
                self._draw_prefix(painter, panel.prefix, prev_rect, rect, cell)
        if self.message:
            self._draw_message(painter, corner=True)
        painter.end()

    def _draw_message(self, painter: QPainter, corner: bool = False) -> None:
        font = QFont(self.font())
        font.setPointSizeF(max(12.0, self.font().pointSizeF() * 1.3))
        painter.setFont(font)
        painter.setPen(self.colors.text)
        flags = Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap
        painter.drawText(self.rect().adjusted(40, 40, -40, -40), flags, self.message)

    def _draw_prefix(self, painter: QPainter, text: str, left: QRectF, right: QRectF, cell: float) -> None:
        font = QFont(self.font())
        font.setPixelSize(int(max(16, min(48, cell * 0.9))))
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(self.colors.muted)
        cx = (left.right() + right.left()) / 2
        cy = (max(left.top(), right.top()) + min(left.bottom(), right.bottom())) / 2
        if min(left.bottom(), right.bottom()) < max(left.top(), right.top()):
            cy = right.center().y()
        box = QRectF(cx - cell, cy - cell / 2, 2 * cell, cell)
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, text)

    def _draw_panel(self, painter: QPainter, panel: Panel, rect: QRectF, cell: float) -> None:
        title_font = self._title_font(cell)
        colors = self.colors
        painter.setFont(title_font)
        painter.setPen(colors.text)
        width = QFontMetricsF(title_font).horizontalAdvance(panel.title) + 8
        title_rect = QRectF(self._box_left(rect, width), rect.top() - title_font.pixelSize() * 1.7, width,
                            title_font.pixelSize() * 1.5)
        painter.drawText(title_rect, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom, panel.title)
        if panel.caption:
            cap_font = QFont(self.font())
            cap_font.setPixelSize(int(max(12, min(18, cell * 0.3 + 6 if self.uniform_cells else 16))))
            painter.setFont(cap_font)
            painter.setPen(colors.muted)
            width = QFontMetricsF(cap_font).horizontalAdvance(panel.caption) + 8
            painter.drawText(QRectF(self._box_left(rect, width), rect.bottom() + 2, width, 24),
                             Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop, panel.caption)
        if panel.values is None or panel.values.size == 0:
            return
        values = np.asarray(panel.values, dtype=np.float64)
        rows, cols = values.shape
        top, bottom, left, right = panel.pad
        total_rows, total_cols = panel.shape
        if panel.vmax is not None:
            vmax = panel.vmax
        else:
            finite = np.abs(values) if panel.colors == "signed" else values
            vmax = float(finite.max()) if finite.size else 1.0
        filled = np.ones(values.shape, dtype=bool) if panel.filled is None else np.asarray(panel.filled, dtype=bool)
        # Cell colours as one image, grid lines as one call, text grouped by colour: a 28×28 grid stays
        # fast, and few Python→Qt calls are made per repaint.
        rgba = np.empty((total_rows, total_cols, 4), dtype=np.uint8)
        rgba[:] = (colors.pad_fill.red(), colors.pad_fill.green(), colors.pad_fill.blue(), 255)
        inner = _colours(values, vmax, panel.colors, colors)
        inner[~filled, :3] = _rgb(colors.background).astype(np.uint8)
        for (r, c) in panel.highlight:
            if 0 <= r < rows and 0 <= c < cols:
                inner[r, c, :3] = np.rint(inner[r, c, :3] * 0.45 + _rgb(colors.region) * 0.55).astype(np.uint8)
        rgba[top:top + rows, left:left + cols] = inner
        image = QImage(rgba.data, total_cols, total_rows, total_cols * 4, QImage.Format.Format_RGBA8888)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, False)
        painter.drawImage(rect, image)
        if cell > 4:
            lines = [QLineF(rect.left(), rect.top() + i * cell, rect.right(), rect.top() + i * cell)
                     for i in range(total_rows + 1)]
            lines += [QLineF(rect.left() + j * cell, rect.top(), rect.left() + j * cell, rect.bottom())
                      for j in range(total_cols + 1)]
            painter.setPen(QPen(colors.grid_line, 1.0))
            painter.drawLines(lines)
        if panel.numbers and cell >= 14:
            self._draw_numbers(painter, panel, values, filled, inner, rect, cell)
        # marks on top of the cells
        if panel.lost:
            crosses = []
            for (r, c) in panel.lost:
                box = self._cell_box(rect, cell, r + top, c + left)
                crosses.append(QLineF(box.topLeft() + QPointF(4, 4), box.bottomRight() - QPointF(4, 4)))
                crosses.append(QLineF(box.topRight() + QPointF(-4, 4), box.bottomLeft() + QPointF(4, -4)))
            faint = QColor(colors.lost)
            faint.setAlpha(150)
            painter.setPen(QPen(faint, max(1.5, cell * 0.04)))
            painter.drawLines(crosses)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        if panel.kept:
            painter.setPen(QPen(colors.kept, max(2.0, cell * 0.07)))
        for (r, c) in panel.kept:
            box = self._cell_box(rect, cell, r + top, c + left)
            painter.drawEllipse(box.adjusted(cell * 0.1, cell * 0.1, -cell * 0.1, -cell * 0.1))
        if panel.focus_kept is not None:
            r, c = panel.focus_kept
            box = self._cell_box(rect, cell, r + top, c + left)
            painter.setPen(QPen(colors.kept, max(3.0, cell * 0.12)))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawEllipse(box.adjusted(cell * 0.06, cell * 0.06, -cell * 0.06, -cell * 0.06))
        if panel.region is not None:
            self._draw_rect(painter, rect, cell, panel.region, colors.region, fill_alpha=70)
        if panel.window is not None:
            self._draw_rect(painter, rect, cell, panel.window, panel.window_color, fill_alpha=55)
        if panel.current is not None:
            r, c = panel.current
            self._draw_rect(painter, rect, cell, (r + top, c + left, 1, 1), panel.window_color, fill_alpha=0)
        # outline of the real input, so the padded border reads as "added"
        if any(panel.pad):
            painter.setPen(QPen(colors.text, 2.0))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(QRectF(rect.left() + left * cell, rect.top() + top * cell, cols * cell, rows * cell))

    def _draw_numbers(self, painter: QPainter, panel: Panel, values: np.ndarray, filled: np.ndarray,
                      colours: np.ndarray, rect: QRectF, cell: float) -> None:
        rows, cols = values.shape
        top, _bottom, left, _right = panel.pad
        total_rows, total_cols = panel.shape
        texts = [[panel.texts[r][c] if panel.texts is not None else fmt(values[r, c]) for c in range(cols)]
                 for r in range(rows)]
        # One font size per text length (1-2, 3, 4+ characters), shrunk if the widest text would not fit.
        fonts: dict[int, QFont] = {}
        boost = 1.15 if presentation.is_on() else 1.0  # a little more of each cell for the number on a projector
        for length in sorted({min(len(t), 4) for row in texts for t in row} | {1}):
            font = QFont(self.font())
            font.setBold(True)
            font.setPixelSize(int(max(8, cell * boost * {1: 0.44, 2: 0.44, 3: 0.36, 4: 0.3}[length])))
            widest = max((QFontMetricsF(font).horizontalAdvance(t) for row in texts for t in row
                          if min(len(t), 4) == length), default=0.0)
            if widest > cell - 6:
                font.setPixelSize(int(max(7, font.pixelSize() * (cell - 6) / widest)))
            fonts[length] = font
        sub_font = QFont(self.font())
        sub_font.setPixelSize(int(max(9, cell * 0.2)))
        subtexts = panel.subtexts if cell >= 36 else None  # too small to read below that
        centre = Qt.AlignmentFlag.AlignCenter
        groups: dict[tuple[str, int], list[tuple[QRectF, str]]] = {}
        subs: dict[str, list[tuple[QRectF, str]]] = {"dark": [], "light": []}
        for pr in range(total_rows):
            for pc in range(total_cols):
                box = QRectF(rect.left() + pc * cell, rect.top() + pr * cell, cell, cell)
                r, c = pr - top, pc - left
                if not (0 <= r < rows and 0 <= c < cols):
                    if panel.pad_text:
                        groups.setdefault(("pad", len(panel.pad_text)), []).append((box, panel.pad_text))
                    continue
                if not filled[r, c]:
                    continue
                dark = _lightness(colours[r, c]) < 0.55
                kind = "zero" if values[r, c] == 0 else "dark" if dark else "light"
                main_box = box.adjusted(0, cell * 0.3, 0, 0) if subtexts is not None else box
                groups.setdefault((kind, min(len(texts[r][c]), 4)), []).append((main_box, texts[r][c]))
                if subtexts is not None:
                    subs["dark" if dark else "light"].append((box.adjusted(2, 2, -2, -cell * 0.55),
                                                               subtexts[r][c]))
        # Text colour follows the cell's own colour, so it reads in either theme.
        pens = {"pad": self.colors.pad_text, "zero": self.colors.pad_text, "dark": PAPER, "light": INK}
        for (kind, length), items in sorted(groups.items()):
            font = QFont(fonts[min(max(length, 1), 4)])
            font.setBold(kind != "pad")
            painter.setFont(font)
            painter.setPen(pens[kind])
            for box, text in items:
                painter.drawText(box, centre, text)
        top_centre = Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop
        for kind, items in subs.items():
            if not items:
                continue
            painter.setFont(sub_font)
            painter.setPen(pens[kind])
            for box, text in items:
                painter.drawText(box, top_centre, text)

    def _box_left(self, rect: QRectF, width: float) -> float:
        """Left edge of a text box centred over ``rect`` but kept inside the canvas."""
        return max(0.0, min(rect.center().x() - width / 2, self.width() - width))

    @staticmethod
    def _cell_box(rect: QRectF, cell: float, pr: int, pc: int) -> QRectF:
        return QRectF(rect.left() + pc * cell, rect.top() + pr * cell, cell, cell)

    @staticmethod
    def _draw_rect(painter: QPainter, rect: QRectF, cell: float, area: tuple[int, int, int, int], color: QColor,
                   fill_alpha: int) -> None:
        top, left, height, width = area
        box = QRectF(rect.left() + left * cell, rect.top() + top * cell, width * cell, height * cell)
        if fill_alpha:
            fill = QColor(color)
            fill.setAlpha(fill_alpha)
            painter.fillRect(box, fill)
        painter.setPen(QPen(color, max(3.0, min(6.0, cell * 0.1))))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(box)

    # -- clicks ----------------------------------------------------------------------
    def _cell_at(self, pos: QPointF) -> tuple[str, int, int] | None:
        for panel, rect, cell in self._hits or self._layout():
            if rect.contains(pos) and panel.values is not None:
                top, _, left, _ = panel.pad
                pr = int((pos.y() - rect.top()) // cell)
                pc = int((pos.x() - rect.left()) // cell)
                r, c = pr - top, pc - left
                rows, cols = panel.values.shape
                if 0 <= r < rows and 0 <= c < cols:
                    return panel.key, r, c
        return None

    def mousePressEvent(self, event: QMouseEvent) -> None:
        hit = self._cell_at(event.position())
        button = RIGHT_BUTTON if event.button() == Qt.MouseButton.RightButton else LEFT_BUTTON
        self._drag_last = hit
        if hit is not None:
            self.cellClicked.emit(hit[0], hit[1], hit[2], button)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._drag_last is None:
            return
        hit = self._cell_at(event.position())
        if hit is not None and hit != self._drag_last and hit[0] == self._drag_last[0]:
            button = RIGHT_BUTTON if event.buttons() & Qt.MouseButton.RightButton else LEFT_BUTTON
            self._drag_last = hit
            self.cellClicked.emit(hit[0], hit[1], hit[2], button)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        self._drag_last = None

    def cell_center(self, key: str, row: int, col: int) -> QPointF:
        """Widget position of a data cell's centre (for tests and tooltips)."""
        for panel, rect, cell in self._layout():
            if panel.key == key:
                top, _, left, _ = panel.pad
                return QPointF(rect.left() + (col + left + 0.5) * cell, rect.top() + (row + top + 0.5) * cell)
        raise KeyError(key)

    def cell_size(self, key: str) -> float:
        for panel, _rect, cell in self._layout():
            if panel.key == key:
                return cell
        raise KeyError(key)


def _rgb(color: QColor) -> np.ndarray:
    return np.array([color.red(), color.green(), color.blue()], dtype=np.float64)


def _colours(values: np.ndarray, vmax: float, mode: str, colors: Colors | None = None) -> np.ndarray:
    """RGBA (uint8) of every cell: background to ink for "ink", background to blue/red for "signed"."""
    colors = colors or Colors.from_palette(QPalette())
    white = _rgb(colors.background)
    if mode == "signed":
        t = np.clip(np.abs(values) / vmax, 0, 1) * 0.85 if vmax > 0 else np.zeros_like(values)
        base = np.where((values >= 0)[..., None], _rgb(colors.positive), _rgb(colors.negative))
    else:
        t = np.clip(values / vmax, 0, 1) * 0.92 if vmax > 0 else np.zeros_like(values)
        base = np.broadcast_to(_rgb(colors.ink), values.shape + (3,))
    rgb = white + (base - white) * t[..., None]
    out = np.empty(values.shape + (4,), dtype=np.uint8)
    out[..., :3] = np.rint(rgb).astype(np.uint8)
    out[..., 3] = 255
    return out


def _lightness(rgba: np.ndarray) -> float:
    """HSL lightness of one cell colour, as QColor.lightnessF() would give."""
    rgb = rgba[:3].astype(np.float64) / 255.0
    return float((rgb.max() + rgb.min()) / 2)
