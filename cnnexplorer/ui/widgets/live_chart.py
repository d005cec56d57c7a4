"""A live loss/accuracy chart for training runs (matplotlib inside Qt).

Feed it the :class:`~cnnexplorer.core.progress.Progress` events of
``ml/train.py`` with :meth:`LiveChart.add_events`; it keeps the numbers and
redraws from its own timer at most ``max_fps`` times a second, only when
something changed, so a fast model cannot flood the GUI thread (STYLE.md:
"append in the slot, redraw from a timer").

Two panels, loss and accuracy, x axis in epochs. Per batch: the raw values
(light) and a smoothed line; per epoch: training and validation markers.
Hovering or clicking shows the values at that point. :meth:`reset` starts
over; a continued run simply keeps adding (its epochs carry on from the
last). :meth:`save_png` and :meth:`save_csv` export.

Used by the Training tab and the Pretrained tab.
"""
from __future__ import annotations

import bisect
import math
import time
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import matplotlib
from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
from matplotlib.figure import Figure
from PySide6.QtCore import QSize, QTimer, Signal, Slot
from PySide6.QtWidgets import QSizePolicy, QVBoxLayout, QWidget

from cnnexplorer.core.coach import history_csv
from cnnexplorer.core.files import atomic_path, write_text
from cnnexplorer.ui import presentation

if TYPE_CHECKING:
    from matplotlib.artist import Artist
    from matplotlib.legend import Legend
    from matplotlib.lines import Line2D
    from matplotlib.text import Annotation

MAX_DRAWN_POINTS = 600  # per line: more points than pixels only costs drawing time
SMOOTHING = 0.85
LOSS_HEADROOM = 1.2  # the loss axis reaches 20 % above the highest (smoothed) loss
MAX_INTERVAL_MS = 500  # the chart never lags more than half a second behind

COLORS = {"train": "#1f6fb4", "val": "#e4572e"}


class _Series:
    """Per-batch values with an incrementally updated, bias-corrected moving average."""

    def __init__(self) -> None:
        self.x: list[float] = []
        self.raw: list[float] = []
        self.smooth: list[float] = []
        self._avg = 0.0
        self._norm = 0.0

    def add(self, x: float, value: float) -> None:
        self.x.append(x)
        self.raw.append(value)
        if math.isfinite(value):
            self._avg = SMOOTHING * self._avg + (1 - SMOOTHING) * value
            self._norm = SMOOTHING * self._norm + (1 - SMOOTHING)
            self.smooth.append(self._avg / self._norm)
        else:
            self.smooth.append(value)


def _thin(xs: list[float], ys: list[float]) -> tuple[list[float], list[float]]:
    n = len(xs)
    if n <= MAX_DRAWN_POINTS:
        return xs, ys
    step = math.ceil(n / MAX_DRAWN_POINTS)
    keep = list(range(0, n, step))
    if keep[-1] != n - 1:
        keep.append(n - 1)
    return [xs[i] for i in keep], [ys[i] for i in keep]


class LiveChart(QWidget):
    """Loss and accuracy curves that follow a training run."""

    hovered = Signal(str)  # text describing the point under the mouse ("" when none)

    def __init__(self, parent: QWidget | None = None, max_fps: float = 10.0) -> None:
        super().__init__(parent)
        # Fixed margins rather than a layout engine: constrained layout re-measures every text on each draw.
        self.figure = Figure(figsize=(8, 3.6), dpi=100)
        self.figure.subplots_adjust(left=0.07, right=0.99, top=0.9, bottom=0.14, wspace=0.16)
        self.canvas = FigureCanvasQTAgg(self.figure)
        self.canvas.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.canvas.setMinimumHeight(220)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.canvas)
        self.ax_loss = self.figure.add_subplot(1, 2, 1)
        self.ax_acc = self.figure.add_subplot(1, 2, 2)
        self.redraws = 0
        self.last_draw_s = 0.0
        self.draw_seconds = 0.0  # total time spent drawing (benchmarks report it)
        self._dirty = False
        self._batch_counter = 0
        self._steps_per_epoch = 0
        self._annotation: Annotation | None = None
        self._overlay: list = []  # finished runs drawn instead of the live run (core.runs.Run)
        self._legend: Legend | None = None
        self._legend_handles: list[Artist] = []
        self._legend_rows = 1
        self._planned = 1.0  # the x axis ends here at least (set_planned_epochs)
        self._backgrounds: list[Any] | None = None  # the static picture of each plot, for blitting
        self.lines: dict[str, Line2D] = {}
        self._timer = QTimer(self)
        self._min_interval_ms = max(10, int(1000 / max_fps))
        self._timer.setInterval(self._min_interval_ms)
        self._timer.timeout.connect(self._redraw_if_dirty)
        self._timer.start()
        self.canvas.mpl_connect("motion_notify_event", self._on_mouse)
        self.canvas.mpl_connect("button_press_event", self._on_mouse)
        self.canvas.mpl_connect("draw_event", self._on_draw)
        self.canvas.mpl_connect("resize_event", self._on_resize)
        self.reset()
        self._setup_axes()
        presentation.look().changed.connect(self._restyle)  # presentation mode, theme

    # -- data --------------------------------------------------------------------------
    def sizeHint(self) -> QSize:
        # Not the figure's 8×3.6 inches: with that preferred height the Training tab (chart above the
        # confusion matrix) wanted 833 px at 1280×800 and scrolled, cutting off the matrix's last rows.
        return QSize(640, 260)

    def reset(self) -> None:
        """Forget every point (a new run)."""
        self.batch_loss = _Series()
        self.batch_acc = _Series()
        self.epochs: list[float] = []
        self.history: dict[str, list[float]] = {}
        self._batch_counter = 0
        self._steps_per_epoch = 0
        self._loss_top_seen = 0.0
        # The axes, legend and limits stay: a new run of the same kind keeps the same scales,
        # so it starts with cheap blits instead of a full redraw.
        self._dirty = True

    def drop_after(self, x: float) -> None:
        """Forget per-batch points after epoch position ``x`` (a stopped, partial epoch that Continue trains again),
        so the continued lines never run backwards."""
        for name in ("batch_loss", "batch_acc"):
            old = getattr(self, name)
            keep = bisect.bisect_right(old.x, x + 1e-9)
            if keep == len(old.x):
                continue
            new = _Series()
            for px, value in zip(old.x[:keep], old.raw[:keep]):
                new.add(px, value)
            setattr(self, name, new)
        self._dirty = True

    def add_events(self, events: Iterable) -> None:
        """Append the numbers of "batch" and "epoch" events (others are ignored); redraw happens later."""
        for event in events:
            kind = getattr(event, "kind", "")
            m = getattr(event, "metrics", {}) or {}
            if kind == "batch":
                total = event.total or self._steps_per_epoch or 1
                self._steps_per_epoch = total
                if "epoch" in m:
                    x = float(m["epoch"]) + event.step / total
                else:
                    self._batch_counter += 1
                    x = self._batch_counter / total
                if "loss" in m:
                    self.batch_loss.add(x, float(m["loss"]))
                    smoothed = self.batch_loss.smooth[-1]
                    if math.isfinite(smoothed) and smoothed > self._loss_top_seen:
                        self._loss_top_seen = smoothed
                if "accuracy" in m:
                    self.batch_acc.add(x, float(m["accuracy"]))
                self._dirty = True
            elif kind == "epoch":
                x = float(event.step) if event.step else float(len(self.epochs) + 1)
                self.epochs.append(x)
                for name in ("loss", "accuracy", "val_loss", "val_accuracy"):
                    values = self.history.setdefault(name, [])
                    values.append(float(m[name]) if name in m else math.nan)
                    if name.endswith("loss") and math.isfinite(values[-1]) and values[-1] > self._loss_top_seen:
                        self._loss_top_seen = values[-1]
                self._dirty = True

    def history_csv(self) -> str:
        """Per-epoch history (only the metrics that were reported) as CSV text."""
        present = {k: v for k, v in self.history.items() if any(math.isfinite(x) for x in v)}
        return history_csv(present)

    # -- export -------------------------------------------------------------------------
    def save_png(self, path: str | Path) -> None:
        """The chart as a PNG (curves included: animated artists are drawn normally for the file)."""
        self._update_lines()
        self._apply_limits()
        for line in self.lines.values():
            line.set_animated(False)
        try:
            with atomic_path(path) as tmp:
                self.figure.savefig(str(tmp), dpi=150, format="png")
        finally:
            for line in self.lines.values():
                line.set_animated(True)
            self._dirty = True
            self._backgrounds = None

    def save_csv(self, path: str | Path) -> None:
        write_text(path, self.history_csv())

    # -- drawing ------------------------------------------------------------------------
    # A full matplotlib draw (ticks, text, legend) takes tens of milliseconds;
    # doing one per timer tick would make the window stutter. The curves are
    # "animated" artists: a full draw paints only the static parts, which are
    # kept as a bitmap, and each tick restores that bitmap, draws just the
    # curves and blits. Axis limits change (and force a full draw) only at an
    # epoch's end or when the data leaves the visible range, at most once per
    # FULL_DRAW_INTERVAL_S.
    FULL_DRAW_INTERVAL_S = 1.0

    def set_planned_epochs(self, last_epoch: int) -> None:
        """Fix the x axis to end at ``last_epoch`` (the tab knows how long the run will be)."""
        planned = max(1.0, float(last_epoch))
        if planned != self._planned:
            self._planned = planned
            self._limits_dirty = True
        self._dirty = True

    def expect_loss(self, value: float) -> None:
        """Size the loss axis for a loss of about ``value`` before the first batch (ln(classes)
        for cross-entropy), so the run starts without a rescale, i.e. without a full redraw."""
        if value and math.isfinite(value) and value > 0:
            self._loss_top_seen = max(self._loss_top_seen, float(value))
            if self._out_of_range():
                self._limits_dirty = True
            self._dirty = True

    def _setup_axes(self) -> None:
        self._annotation = None
        self._backgrounds = None
        self._limits_dirty = True
        self._last_full = 0.0
        fs, lw = presentation.scale(), presentation.line_scale()
        if self._legend is not None:
            self._legend.remove()
            self._legend = None
        self.figure.set_facecolor(matplotlib.rcParams["figure.facecolor"])
        for ax, title in ((self.ax_loss, self.tr("Loss")), (self.ax_acc, self.tr("Accuracy"))):
            ax.clear()
            ax.set_facecolor(matplotlib.rcParams["axes.facecolor"])
            ax.set_title(title, fontsize=12 * fs, fontweight="bold")
            ax.set_xlabel(self.tr("epoch"), fontsize=10 * fs)
            ax.grid(True, alpha=0.3)
            ax.tick_params(labelsize=9 * fs)
        self.lines = {}
        for key, ax in (("loss", self.ax_loss), ("accuracy", self.ax_acc)):
            self.lines[f"{key}_raw"], = ax.plot([], [], color=COLORS["train"], alpha=0.22, linewidth=0.8 * lw,
                                                label=self.tr("per batch"))
            self.lines[f"{key}_smooth"], = ax.plot([], [], color=COLORS["train"], linewidth=1.8 * lw,
                                                   label=self.tr("per batch, smoothed"))
            self.lines[key], = ax.plot([], [], "o", color="#8ec5ff" if presentation.is_dark() else "#0b3c66",
                                       markersize=6 * fs, label=self.tr("training (epoch)"))
            self.lines[f"val_{key}"], = ax.plot([], [], "s-", color=COLORS["val"], markersize=6 * fs,
                                                linewidth=1.5 * lw, label=self.tr("validation (epoch)"))
        for line in self.lines.values():
            line.set_animated(True)
            line.set_visible(not self._overlay)
        self._overlay_top = self._draw_overlay(lw) if self._overlay else 0.0
        # The legend sits under the plots, never over a curve.
        handles = (self._overlay_handles(lw) if self._overlay
                   else [self.lines[k] for k in ("accuracy_raw", "accuracy_smooth", "accuracy", "val_accuracy")])
        self._legend_handles = handles
        self._place_legend()
        self.ax_loss.set_xlim(0, self._planned)
        self.ax_acc.set_xlim(0, self._planned)
        self.ax_acc.set_ylim(0, 1.01)
        self.ax_loss.set_ylim(0, 1)

    # -- runs overlaid ---------------------------------------------------------------------
    RUN_COLORS = ("#1f6fb4", "#e4572e", "#2a9d3c", "#8e44ad", "#d4a017", "#17a2b8", "#6c757d", "#c2185b")

    def show_runs(self, runs: list) -> None:
        """Draw finished runs (``core.runs.Run``: per-epoch history) instead of the live run; [] goes back.

        One colour per run, training solid, validation dashed, the runs' names in the legend.
        """
        if [(r.id, r.name, r.epochs) for r in runs] == [(r.id, r.name, r.epochs) for r in self._overlay]:
            return  # nothing new to draw (a full redraw costs tens of milliseconds)
        self._overlay = list(runs)
        self._setup_axes()
        self._on_resize(None)
        self._limits_dirty = True
        self._dirty = True
        if self.isVisible():
            self._draw_now(full=True)

    @property
    def overlaid_runs(self) -> list:
        return list(self._overlay)

    def _draw_overlay(self, lw: float) -> float:
        """Static lines of every overlaid run; returns the highest loss drawn (for the axis)."""
        top = 0.0
        for i, run in enumerate(self._overlay):
            color = self.RUN_COLORS[i % len(self.RUN_COLORS)]
            for key, ax in (("loss", self.ax_loss), ("accuracy", self.ax_acc)):
                for name, style in ((key, "-"), (f"val_{key}", "--")):
                    values = run.history.get(name, [])
                    if values:
                        ax.plot(range(1, len(values) + 1), values, style, color=color, linewidth=1.8 * lw,
                                marker="o" if len(values) < 30 else None, markersize=3.5 * lw)
                        if key == "loss":
                            top = max([top, *(v for v in values if math.isfinite(v))])
        return top

    def _overlay_handles(self, lw: float) -> list:
        from matplotlib.lines import Line2D

        handles = [Line2D([], [], color=self.RUN_COLORS[i % len(self.RUN_COLORS)], linewidth=2.5 * lw,
                          label=run.name if len(run.name) <= 40 else run.name[:39] + "…")
                   for i, run in enumerate(self._overlay)]
        grey = "#888888"
        handles.append(Line2D([], [], color=grey, linewidth=1.5 * lw, label=self.tr("training")))
        handles.append(Line2D([], [], color=grey, linewidth=1.5 * lw, linestyle="--", label=self.tr("validation")))
        return handles

    def _wanted_limits(self) -> tuple[float, float]:
        """(x right, loss top) that show the data. Accuracy always spans 0-1."""
        if self._overlay:
            return float(max(1, max(run.epochs for run in self._overlay))), max(1e-3, self._overlay_top)
        right = max([self._planned, *(self.batch_loss.x[-1:]), *(self.epochs[-1:])])
        # From the smoothed line and the epoch values: a single wild batch is clipped rather
        # than squashing every other point to the bottom of the plot.
        top = max(1e-3, self._loss_top_seen) if self._loss_top_seen > 0 else 1.0
        return right, top

    def _apply_limits(self) -> None:
        right, top = self._wanted_limits()
        for ax in (self.ax_loss, self.ax_acc):
            ax.set_xlim(-0.02 * right, right * 1.03)
        self.ax_loss.set_ylim(0, top * LOSS_HEADROOM)
        self.ax_acc.set_ylim(0, 1.01)
        self._limits_dirty = False

    def _out_of_range(self) -> bool:
        if self._loss_top_seen <= 0 and not self.epochs:
            return False  # nothing to show yet: keep the previous scales
        right, top = self._wanted_limits()
        x_right = self.ax_loss.get_xlim()[1]
        loss_top = self.ax_loss.get_ylim()[1]
        # rescale when the curve would leave the plot, or fill less than a third of it
        return right * 1.03 > x_right + 1e-9 or top * 1.02 > loss_top or top * LOSS_HEADROOM < loss_top * 0.35

    def _update_lines(self) -> None:
        for key, series in (("loss", self.batch_loss), ("accuracy", self.batch_acc)):
            self.lines[f"{key}_raw"].set_data(*_thin(series.x, series.raw))
            self.lines[f"{key}_smooth"].set_data(*_thin(series.x, series.smooth))
            n = len(self.epochs)
            self.lines[key].set_data(self.epochs, self.history.get(key, [math.nan] * n))
            self.lines[f"val_{key}"].set_data(self.epochs, self.history.get(f"val_{key}", [math.nan] * n))

    @Slot()
    def _redraw_if_dirty(self) -> None:
        if self._dirty and self.isVisible():
            self._draw_now()

    def _draw_now(self, full: bool = False) -> None:
        t0 = time.perf_counter()
        self._dirty = False
        self._update_lines()
        now = time.monotonic()
        wants_full = full or self._backgrounds is None or self._limits_dirty or self._out_of_range()
        did_full = False
        if wants_full and (full or self._backgrounds is None or now - self._last_full >= self.FULL_DRAW_INTERVAL_S):
            self._apply_limits()
            self._last_full = now
            did_full = True
            self.canvas.draw()  # calls _on_draw, which blits the curves
        else:
            if wants_full:
                self._dirty = True  # come back for the new limits once the interval has passed
            self._blit_lines()
        self.redraws += 1
        self.last_draw_s = time.perf_counter() - t0
        # Keep drawing under ~2 % of the time: matplotlib holds the GIL while it paints, which
        # pauses the training loop's Python between steps, so on a slow or busy machine the
        # chart updates less often instead of slowing training down.
        self.draw_seconds += self.last_draw_s
        wanted = int(min(MAX_INTERVAL_MS, max(self._min_interval_ms, self.last_draw_s * 1000 * 50)))
        if not did_full and abs(wanted - self._timer.interval()) > 20:
            self._timer.setInterval(wanted)

    def _on_draw(self, event) -> None:
        """After every full draw: keep the static picture, then paint the curves over it."""
        self._backgrounds = [self.canvas.copy_from_bbox(ax.bbox) for ax in (self.ax_loss, self.ax_acc)]
        self._paint_lines()

    def _paint_lines(self) -> None:
        for line in self.lines.values():
            self.figure.draw_artist(line)
        if self._annotation is not None and self._annotation.get_visible():
            self.figure.draw_artist(self._annotation)

    def _blit_lines(self) -> None:
        if self._backgrounds is None:
            return
        for background in self._backgrounds:
            self.canvas.restore_region(background)
        self._paint_lines()
        for ax in (self.ax_loss, self.ax_acc):
            self.canvas.blit(ax.bbox)

    def _place_legend(self) -> None:
        """The legend under the plots, in as many columns as fit the chart's width (fewer, in more rows, if not)."""
        handles = self._legend_handles
        if self._legend is not None:
            self._legend.remove()
            self._legend = None
        if not handles:
            return
        width = self.canvas.get_width_height()[0]
        fs = presentation.scale()
        for ncol in range(min(4, len(handles)), 0, -1):
            if self._legend is not None:
                self._legend.remove()
            self._legend = self.figure.legend(handles=handles, loc="lower center", ncol=ncol, fontsize=9 * fs,
                                              frameon=False, borderaxespad=0.2, columnspacing=1.2)
            self._legend_rows = math.ceil(len(handles) / ncol)
            try:
                fits = self._legend.get_window_extent(self.canvas.get_renderer()).width <= width - 8
            except Exception:
                fits = True
            if fits or width < 50:
                break

    def _on_resize(self, event=None) -> None:
        """Margins in pixels, not fractions, so titles and axis labels fit at any height."""
        w, h = self.canvas.get_width_height()
        if w < 50 or h < 50:
            return
        if event is not None:
            self._place_legend()
        f = presentation.scale()  # room for the larger labels of presentation mode
        self.figure.subplots_adjust(left=min(0.3, 52 * f / w), right=1 - min(0.2, 12 / w),
                                    top=1 - min(0.3, 28 * f / h),
                                    bottom=min(0.5, (50 + 21 * self._legend_rows) * f / h),
                                    wspace=min(0.5, 70 * f / (w / 2)))

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._dirty = True

    # -- hover / click --------------------------------------------------------------------
    def describe_point(self, x: float) -> str:
        """The values nearest to epoch position ``x``: the epoch's numbers, else the batch's."""
        if self._overlay:
            epoch = max(1, int(round(x)))
            parts = [self.tr("epoch %1").replace("%1", str(epoch))]
            for run in self._overlay:
                values = run.history.get("val_accuracy") or run.history.get("accuracy") or []
                if epoch <= len(values) and math.isfinite(values[epoch - 1]):
                    parts.append(f"{run.name} {values[epoch - 1]:.3f}")
            return " · ".join(parts) if len(parts) > 1 else ""
        if self.epochs:
            i = min(range(len(self.epochs)), key=lambda j: abs(self.epochs[j] - x))
            if abs(self.epochs[i] - x) < 0.15:
                parts = [self.tr("epoch %1").replace("%1", str(int(self.epochs[i])))]
                for name in ("loss", "accuracy", "val_loss", "val_accuracy"):
                    v = self.history.get(name, [])
                    if i < len(v) and math.isfinite(v[i]):
                        parts.append(f"{name} {v[i]:.4f}")
                return " · ".join(parts)
        series = self.batch_loss if self.batch_loss.x else None
        if series is None:
            return ""
        xs = series.x
        k = bisect.bisect_left(xs, x)  # x only grows (a continued run carries on), so the list is sorted
        j = min((i for i in (k - 1, k) if 0 <= i < len(xs)), key=lambda i: abs(xs[i] - x))
        parts = [self.tr("epoch %1").replace("%1", f"{xs[j]:.2f}"),
                 self.tr("batch loss %1 (smoothed %2)").replace("%1", f"{series.raw[j]:.4f}")
                 .replace("%2", f"{series.smooth[j]:.4f}")]
        if j < len(self.batch_acc.raw):
            parts.append(self.tr("batch accuracy %1").replace("%1", f"{self.batch_acc.raw[j]:.3f}"))
        return " · ".join(parts)

    def _on_mouse(self, event) -> None:
        if event.inaxes not in (self.ax_loss, self.ax_acc) or event.xdata is None:
            if self._annotation is not None and self._annotation.get_visible():
                self._annotation.set_visible(False)
                self._blit_lines()
            self.hovered.emit("")
            return
        text = self.describe_point(float(event.xdata))
        self.hovered.emit(text)
        if not text:
            return
        if self._annotation is not None and self._annotation.axes is not event.inaxes:
            self._annotation.remove()
            self._annotation = None
        if self._annotation is None:
            self._annotation = event.inaxes.annotate(
                "", xy=(0, 0), xytext=(12, 12), textcoords="offset points", fontsize=9 * presentation.scale(),
                color="#1a1a1a",
                bbox={"boxstyle": "round", "fc": "#fffbe6", "ec": "#999999", "alpha": 0.95}, animated=True)
        self._annotation.xy = (event.xdata, event.ydata)
        # Open the box towards the middle of the plot: only the plot area is re-blitted.
        (x0, x1), (y0, y1) = event.inaxes.get_xlim(), event.inaxes.get_ylim()
        right = event.xdata > (x0 + x1) / 2
        upper = event.ydata > (y0 + y1) / 2
        self._annotation.set_position((-12 if right else 12, -12 if upper else 12))
        self._annotation.set_horizontalalignment("right" if right else "left")
        self._annotation.set_verticalalignment("top" if upper else "bottom")
        self._annotation.set_multialignment("left")
        self._annotation.set_text(text.replace(" · ", "\n"))
        self._annotation.set_visible(True)
        self._blit_lines()

    @Slot()
    def _restyle(self) -> None:
        """Presentation mode or the theme changed: new sizes and colours, same data."""
        self._setup_axes()
        self._on_resize(None)
        self._dirty = True
