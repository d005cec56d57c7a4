"""Presentation mode and colour theme: the app-wide look, for projectors and dark desktops.

One :class:`Look` object per application holds three things the whole
interface shares:

- the **text size** the user picked with View > Larger/Smaller text (0 = the
  system default),
- **presentation mode**, which multiplies that text size by :data:`SCALE` and
  makes matplotlib charts use thicker lines and bigger labels, and
- the **theme** (``"system"``, ``"light"`` or ``"dark"``); a dark theme is the
  Fusion style with a dark palette, so it looks the same on every platform.

Widgets that draw their own things read :func:`scale`, :func:`line_scale` and
:func:`is_dark` when they draw and connect to ``look().changed`` to redraw::

    from cnnexplorer.ui import presentation
    presentation.look().changed.connect(self._restyle)
    pen_width = 2 * presentation.line_scale()

Charts created or redrawn after a change pick up the matplotlib defaults set
here (``lines.linewidth``, font sizes, dark colours) without doing anything.
Settings are persisted by the main window, not here.
"""
from __future__ import annotations

import logging
import sys
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory

log = logging.getLogger(__name__)

SCALE = 1.5        # text size in presentation mode, relative to the normal size
LINE_SCALE = 2.0   # chart line widths in presentation mode
THEMES = ("system", "light", "dark")
MIN_FONT, MAX_FONT = 7, 48

# matplotlib keys scaled in presentation mode (sizes) and recoloured in the dark theme.
_MPL_SIZES = ("font.size", "axes.titlesize", "axes.labelsize", "xtick.labelsize", "ytick.labelsize",
              "legend.fontsize", "lines.markersize")
_MPL_WIDTHS = ("lines.linewidth", "axes.linewidth", "grid.linewidth", "xtick.major.width", "ytick.major.width",
               "patch.linewidth")
_DARK = {"bg": "#2b2b2b", "base": "#1f1f1f", "text": "#e8e8e8", "mid": "#3a3a3a", "grid": "#5a5a5a",
         "highlight": "#3d7fd6", "link": "#7fb2ff", "disabled": "#8a8a8a"}


def _app() -> QApplication | None:
    """The running QApplication (typed as such: ``QApplication.instance()`` says QCoreApplication)."""
    app = QApplication.instance()
    return app if isinstance(app, QApplication) else None


def _palette(dark: bool) -> QPalette:
    """A complete palette, so no colour is left to the platform (a light tooltip on dark, say)."""
    P, G = QPalette.ColorRole, QPalette.ColorGroup
    if dark:
        colors = {P.Window: "#2b2b2b", P.WindowText: _DARK["text"], P.Base: _DARK["base"],
                  P.AlternateBase: "#262626", P.ToolTipBase: "#3a3a3a", P.ToolTipText: _DARK["text"],
                  P.PlaceholderText: "#9a9a9a", P.Text: _DARK["text"], P.Button: "#353535",
                  P.ButtonText: _DARK["text"], P.BrightText: "#ff6b6b", P.Light: "#4a4a4a",
                  P.Midlight: "#3f3f3f", P.Mid: "#2f2f2f", P.Dark: "#1a1a1a", P.Shadow: "#000000",
                  P.Highlight: _DARK["highlight"], P.HighlightedText: "#ffffff", P.Link: _DARK["link"],
                  P.LinkVisited: "#c59bff"}
        disabled = {P.WindowText: _DARK["disabled"], P.Text: _DARK["disabled"], P.ButtonText: _DARK["disabled"],
                    P.Highlight: "#505050", P.HighlightedText: "#b0b0b0"}
    else:
        colors = {P.Window: "#efefef", P.WindowText: "#1a1a1a", P.Base: "#ffffff", P.AlternateBase: "#f5f5f5",
                  P.ToolTipBase: "#ffffdc", P.ToolTipText: "#1a1a1a", P.PlaceholderText: "#7a7a7a",
                  P.Text: "#1a1a1a", P.Button: "#efefef", P.ButtonText: "#1a1a1a", P.BrightText: "#ffffff",
                  P.Light: "#ffffff", P.Midlight: "#f5f5f5", P.Mid: "#b8b8b8", P.Dark: "#9f9f9f",
                  P.Shadow: "#767676", P.Highlight: "#308cc6", P.HighlightedText: "#ffffff", P.Link: "#0b5ad4",
                  P.LinkVisited: "#6b2fb3"}
        disabled = {P.WindowText: "#9a9a9a", P.Text: "#9a9a9a", P.ButtonText: "#9a9a9a",
                    P.Highlight: "#c8c8c8", P.HighlightedText: "#ffffff"}
    palette = QPalette()
    for role, color in colors.items():
        palette.setColor(role, QColor(color))
    for role, color in disabled.items():
        palette.setColor(G.Disabled, role, QColor(color))
    return palette


def system_prefers_dark() -> bool:
    """True when the desktop asks for a dark colour scheme (Qt 6.5+; False where unknown)."""
    app = _app()
    hints = app.styleHints() if app is not None else None
    scheme = getattr(hints, "colorScheme", None)
    if scheme is None:
        return False
    try:
        return scheme() == Qt.ColorScheme.Dark
    except Exception:  # a platform plugin without the notion
        return False


class Look(QObject):
    """Text size, presentation mode and theme of the running application."""

    changed = Signal()  # after any of them changed and has been applied

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        app = _app()
        default = app.property("default_point_size") if app is not None else None
        self.default_points = int(default or (app.font().pointSize() if app else 10) or 10)
        self._base_points = 0
        self._on = False
        self._theme = "system"
        self._dark = False
        self._original_style = app.style().name() if app is not None else ""
        self._original_palette = QPalette(app.palette()) if app is not None else QPalette()
        self._mpl_saved: dict | None = None
        hints = app.styleHints() if app is not None else None
        if hints is not None and hasattr(hints, "colorSchemeChanged"):
            hints.colorSchemeChanged.connect(self._on_system_scheme)

    # -- reading -----------------------------------------------------------------------
    @property
    def presentation(self) -> bool:
        return self._on

    @property
    def theme(self) -> str:
        return self._theme

    @property
    def dark(self) -> bool:
        return self._dark

    @property
    def base_points(self) -> int:
        """The text size without presentation scaling (0 = system default)."""
        return self._base_points

    def shown_points(self) -> int:
        """The application's text size as shown (base × presentation scale), clamped."""
        base = self._base_points or self.default_points
        return max(MIN_FONT, min(MAX_FONT, round(base * (SCALE if self._on else 1.0))))

    # -- changing ----------------------------------------------------------------------
    def set_base_points(self, points: int) -> None:
        """Set the normal text size (0 = system default) and apply it."""
        self._base_points = max(0, int(points))
        self._apply_font()
        self.changed.emit()

    def set_presentation(self, on: bool) -> None:
        on = bool(on)
        if on == self._on:
            return
        self._on = on
        self._apply_font()
        self._apply_matplotlib()
        log.info("Presentation mode %s", "on" if on else "off")
        self.changed.emit()

    def set_theme(self, name: str) -> None:
        if name not in THEMES:
            log.warning("Unknown theme %r; using the system's.", name)
            name = "system"
        self._theme = name
        self._apply_theme()
        self.changed.emit()

    def restore_defaults(self) -> None:
        """Normal text, presentation off, system theme (tests and Reset use this)."""
        self._on = False
        self._theme = "system"
        self._base_points = 0
        self._apply_font()
        self._apply_theme()
        self.changed.emit()

    # -- applying ------------------------------------------------------------------------
    def _apply_font(self) -> None:
        app = _app()
        if app is None:
            return
        font = QFont(app.font())
        font.setPointSize(self.shown_points())
        QApplication.setFont(font)

    def _apply_theme(self) -> None:
        app = _app()
        if app is None:
            return
        dark = self._theme == "dark" or (self._theme == "system" and system_prefers_dark())
        self._dark = dark
        if dark or (self._theme == "light" and system_prefers_dark()):
            # Fusion draws every control from the palette, so dark (or a forced light) looks right everywhere.
            if app.style().name().lower() != "fusion":
                app.setStyle(QStyleFactory.create("Fusion"))
            app.setPalette(_palette(dark))
        else:
            if self._original_style and app.style().name().lower() != self._original_style.lower():
                app.setStyle(QStyleFactory.create(self._original_style))
            app.setPalette(self._original_palette)
        self._apply_matplotlib()

    def _apply_matplotlib(self) -> None:
        """Default sizes and colours for charts drawn from now on (matplotlib is loaded by the chart widgets)."""
        if "matplotlib" not in sys.modules and not self._on and not self._dark and self._mpl_saved is None:
            return  # nothing to change and no reason to import it
        import matplotlib as mpl

        rc: dict[str, Any] = mpl.rcParams  # type: ignore[assignment]  # keys are built from tuples
        keys = _MPL_SIZES + _MPL_WIDTHS + ("figure.facecolor", "axes.facecolor", "axes.edgecolor", "axes.labelcolor",
                                           "text.color", "xtick.color", "ytick.color", "grid.color",
                                           "legend.facecolor", "legend.edgecolor", "savefig.facecolor")
        if self._mpl_saved is None:
            self._mpl_saved = {k: rc[k] for k in keys}
        saved = self._mpl_saved
        for k in keys:
            rc[k] = saved[k]
        if self._on:
            from matplotlib.font_manager import FontProperties

            for k in _MPL_SIZES:
                value = saved[k]
                if isinstance(value, str):  # "large", "medium"... are relative to font.size, which grows
                    if k == "font.size":
                        value = FontProperties(size=value).get_size_in_points()
                    else:
                        continue
                rc[k] = float(value) * SCALE
            for k in _MPL_WIDTHS:
                rc[k] = float(saved[k]) * LINE_SCALE
        if self._dark:
            rc.update({"figure.facecolor": _DARK["bg"], "axes.facecolor": _DARK["base"],
                       "axes.edgecolor": _DARK["text"], "axes.labelcolor": _DARK["text"],
                       "text.color": _DARK["text"], "xtick.color": _DARK["text"], "ytick.color": _DARK["text"],
                       "grid.color": _DARK["grid"], "legend.facecolor": _DARK["mid"],
                       "legend.edgecolor": _DARK["grid"], "savefig.facecolor": _DARK["bg"]})

    @Slot()
    def _on_system_scheme(self, *args) -> None:
        if self._theme == "system":
            self._apply_theme()
            self.changed.emit()


# Chinese fonts matplotlib can fall back to for chart labels (Qt widgets find one through the system).
CJK_FAMILIES = ("Noto Sans CJK SC", "Source Han Sans SC", "Noto Sans SC", "Microsoft YaHei", "SimHei", "PingFang SC",
                "Hiragino Sans GB", "Heiti SC", "WenQuanYi Zen Hei", "WenQuanYi Micro Hei", "Droid Sans Fallback",
                "Arial Unicode MS")
_CJK_FILE_HINTS = ("cjk", "yahei", "msyh", "simhei", "pingfang", "hiragino", "stheiti", "wqy", "sourcehan",
                   "notosanssc", "droidsansfallback", "arialuni")


def use_chinese_chart_fonts() -> str | None:
    """Let matplotlib draw Chinese chart labels: an installed CJK font becomes the fallback after the default.

    Returns the family used, or None when there is none (labels then show boxes; a warning says so).
    """
    import matplotlib as mpl
    from matplotlib import font_manager

    def find() -> str | None:
        names = {f.name for f in font_manager.fontManager.ttflist}
        return next((f for f in CJK_FAMILIES if f in names), None)

    family = find()
    if family is None:  # installed after matplotlib cached its font list: add the files once
        for path in font_manager.findSystemFonts():
            if any(hint in path.lower().rsplit("/", 1)[-1].rsplit("\\", 1)[-1] for hint in _CJK_FILE_HINTS):
                try:
                    font_manager.fontManager.addfont(path)
                except Exception:  # an unreadable font file: try the next
                    continue
        family = find()
    if family is None:  # the bundled subset the interface uses when the machine has no Chinese font
        app = _app()
        bundled = app.property("cnnexplorer_chinese_font") if app is not None else None
        if bundled:
            try:
                font_manager.fontManager.addfont(str(bundled))
                family = font_manager.FontProperties(fname=str(bundled)).get_name()
            except Exception:  # an unreadable file: charts fall back to boxes, as without it
                family = None
    if family is None:
        log.warning("No Chinese font for charts was found, so Chinese chart labels may show as boxes; "
                    "install one such as Noto Sans CJK SC.")
        return None
    current = list(mpl.rcParams["font.family"])
    if family not in current:
        mpl.rcParams["font.family"] = current + [family]
    return family


class _FontFollower(QObject):
    """Keeps one widget's font relative to the application's; dies with the widget (its parent)."""

    def __init__(self, widget, factor: float, delta: float, bold: bool | None) -> None:
        super().__init__(widget)
        self._widget, self._factor, self._delta, self._bold = widget, factor, delta, bold
        look().changed.connect(self.apply)
        self.apply()

    @Slot()
    def apply(self) -> None:
        font = QFont(self._widget.font())
        size = QApplication.font().pointSizeF() * self._factor + self._delta * scale()
        font.setPointSizeF(max(1.0, size))
        if self._bold is not None:
            font.setBold(self._bold)
        self._widget.setFont(font)


def follow_text_size(widget, factor: float = 1.0, delta: float = 0.0, bold: bool | None = None) -> None:
    """Give ``widget`` a font ``factor`` × the application's (+ ``delta`` points) that keeps following
    View > Larger/Smaller text and presentation mode, unlike a font set once with ``setFont``."""
    _FontFollower(widget, factor, delta, bold)


_look: Look | None = None


def look() -> Look:
    """The application's :class:`Look` (created on first use, after the QApplication)."""
    global _look
    if _look is None:
        _look = Look(_app())
    return _look


def is_on() -> bool:
    """Is presentation mode on?"""
    return look().presentation


def scale() -> float:
    """Text scale of presentation mode: 1.0 normally, :data:`SCALE` when on. Use it for sizes you set by hand."""
    return SCALE if look().presentation else 1.0


def line_scale() -> float:
    """Multiply line and marker widths you set by hand with this."""
    return LINE_SCALE if look().presentation else 1.0


def is_dark() -> bool:
    """Is the dark theme in effect (chosen, or followed from the system)?"""
    return look().dark
