"""What every lesson shares: its description, the result it hands back, and the context its demo runs in.

A lesson is a plain function ``demo(ctx) -> LessonResult`` plus texts. The
:class:`Context` carries seed, progress, cancel and output folder, keeps the
runs finished so far (so a cancelled two-run demo still hands back the run
that finished) and maps each stage's own progress onto one bar.

Texts are English source strings marked with ``QT_TRANSLATE_NOOP("lessons",
...)`` and shown through ``translate("lessons", text)``; the numbers of a result
sentence are filled in after translation.
"""

from __future__ import annotations

import json
import math
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from cnnexplorer.core.i18n import translate
from cnnexplorer.core.progress import Cancelled, Progress, ProgressFn, check_cancel, report
from cnnexplorer.core.runs import Run

CONTEXT = "lessons"


def run_line(run: Run) -> str:
    """One line for the command line: name, parameters, epochs, test accuracy, time."""
    acc = "-" if run.test_accuracy is None else f"{run.test_accuracy:.1%}"
    text = (
        f"{run.name}: {run.parameters or 0:,} parameters, {run.epochs} epochs, test accuracy {acc}, {run.seconds:.1f}s"
    )
    return text + (" (stopped)" if run.stopped else "")


@dataclass
class LessonResult:
    """What a demo measured. ``holds`` is False when the claim failed *or* the demo was stopped
    (``complete`` False); ``sentence`` says which, with the numbers."""

    lesson: str
    runs: list[Run]
    measures: dict[str, Any]
    claim: str  # the claim in the interface language
    holds: bool
    sentence: str
    seconds: float
    complete: bool = True
    shows: str = ""  # key of the tab that shows the result
    artifacts: dict[str, Any] = field(default_factory=dict, repr=False)  # models, images for the window

    def summary(self) -> dict[str, Any]:
        """The JSON line of ``cnnexplorer lesson NAME``."""
        return {
            "lesson": self.lesson,
            "runs": [r.summary() for r in self.runs],
            "measures": {k: _plain(v) for k, v in self.measures.items()},
            "claim": self.claim,
            "holds": bool(self.holds),
            "complete": bool(self.complete),
            "result": self.sentence,
            "seconds": round(float(self.seconds), 2),
        }


@dataclass(frozen=True)
class Picture:
    """One image of a demo's evidence (a heatmap with the shape's box, a filter's pattern) and what it shows."""

    image: np.ndarray = field(repr=False)  # RGB uint8 (H, W, 3)
    caption: str


@dataclass(frozen=True)
class Lesson:
    """One chapter of the tutorial as a demonstration. Texts are English sources (see :func:`tr`)."""

    name: str  # command-line NAME
    title: str
    explanation: str
    claim: str
    try_it: tuple[str, ...]
    shows: str  # tab key: "training", "concepts", "pretrained", "visualize"
    demo: Callable[[Context], LessonResult] = field(repr=False, compare=False)
    view: str = ""  # the view of that tab to open (Visualize: "activations", "filters", "gradcam"; Concepts: its pages)
    quick_seconds: float = 0.0  # not used by the code; a hint for tests that pick a short lesson

    def display_title(self) -> str:
        return translate("lessons", self.title)

    def run(
        self,
        seed: int = 0,
        progress: ProgressFn | None = None,
        cancel: threading.Event | None = None,
        out_dir: str | Path | None = None,
        quick: bool = False,
    ) -> LessonResult:
        """Run the demo. Never raises :class:`Cancelled`: a stopped demo returns an incomplete result.

        ``quick`` shrinks data and epochs to seconds; only tests use it (the claims are not expected to hold).
        """
        ctx = Context(self, int(seed), progress, cancel, Path(out_dir) if out_dir else None, bool(quick))
        try:
            result = self.demo(ctx)
        except Cancelled:
            result = ctx.incomplete()
        result.seconds = time.perf_counter() - ctx.start
        result.shows = self.shows
        if ctx.out_dir is not None:
            ctx.save(result)
        return result


class Context:
    """The demo's seed, progress, cancel and output folder, plus the runs finished so far."""

    def __init__(
        self,
        lesson: Lesson,
        seed: int,
        progress: ProgressFn | None,
        cancel: threading.Event | None,
        out_dir: Path | None,
        quick: bool,
    ) -> None:
        self.lesson = lesson
        self.seed = seed
        self.progress = progress
        self.cancel = cancel
        self.out_dir = out_dir
        self.quick = quick
        self.runs: list[Run] = []
        self.models: dict[str, Any] = {}  # run id -> the trained keras.Model
        self.measures: dict[str, Any] = {}
        self.artifacts: dict[str, Any] = {}
        self.start = time.perf_counter()
        self._stages: list[str] = []
        self._stage = 0

    # -- progress ---------------------------------------------------------------------
    def plan(self, *stages: str) -> None:
        """Name the demo's stages (translated texts) once; :meth:`stage` then moves one bar across them."""
        self._stages = list(stages)
        self._stage = 0

    def stage(self, index: int) -> ProgressFn:
        """A progress function for stage ``index``: its events move the bar within that stage's share."""
        self._stage = index
        n = max(1, len(self._stages))
        name = self._stages[index] if index < len(self._stages) else ""
        report(self.progress, "lesson", index * 1000 // n, 1000, name)

        def forward(event: Progress) -> None:
            fraction = _fraction(event)
            step = int(1000 * (index + (fraction if fraction is not None else 0.0)) / n)
            text = f"{name} · {event.message}" if event.message and name else (event.message or name)
            report(self.progress, "lesson", min(step, 1000), 1000, text, metrics=dict(event.metrics))

        return forward

    def check(self) -> None:
        check_cancel(self.cancel)

    def picture(self, image: np.ndarray, caption: str) -> None:
        """Keep one picture of the evidence: the Lessons tab shows it under the result, ``--out`` writes it."""
        self.artifacts.setdefault("pictures", []).append(Picture(np.asarray(image, dtype=np.uint8), caption))

    # -- training -------------------------------------------------------------------------
    def train(self, name: str, model, dataset, config, stage: int, model_name: str = "") -> Run:
        """Train ``model`` with ``train_model`` and keep the run; raises Cancelled if stopped (the stopped
        run is kept, marked cancelled)."""
        from cnnexplorer.ml.train import train_model

        self.check()
        res = train_model(
            model, dataset, config, progress=self._epochs_progress(stage, config.epochs), cancel=self.cancel
        )
        test = {k: v for k, v in (("test_loss", res.test_loss), ("test_accuracy", res.test_accuracy)) if v is not None}
        run = Run(
            name=f"{self.lesson.display_title()}: {name}",
            model_name=model_name or model.name,
            parameters=int(model.count_params()),
            dataset=dataset.info.name,
            settings=_settings(model, config),
            history=dict(res.history),
            test=test,
            seconds=res.seconds,
            stopped=bool(res.cancelled),
            stop_reason=res.stop_reason,
            kind="lesson",
            class_names=[str(c) for c in dataset.info.class_names],
        )
        self.runs.append(run)
        self.models[run.id] = model
        if res.cancelled:
            raise Cancelled()
        return run

    def model_of(self, run: Run):
        """The trained keras.Model of a run of this demo."""
        return self.models[run.id]

    def _epochs_progress(self, stage: int, epochs: int) -> ProgressFn:
        inner = self.stage(stage)

        def forward(event: Progress) -> None:
            if event.kind == "batch" and event.total:
                epoch = event.metrics.get("epoch", 0.0)
                inner(
                    Progress(
                        "batch", int(1000 * (epoch + event.step / event.total)), 1000 * max(1, epochs), event.message
                    )
                )
            elif event.kind == "epoch":
                inner(Progress("epoch", event.step, max(1, epochs), event.message, dict(event.metrics)))

        return forward

    # -- results ---------------------------------------------------------------------------
    def result(self, holds: bool, sentence: str) -> LessonResult:
        sentence = sentence.replace("。 ", "。")  # sentences are joined with a space; Chinese needs none
        report(self.progress, "lesson", 1000, 1000, translate("lessons", "Done."))
        return LessonResult(
            self.lesson.name,
            list(self.runs),
            dict(self.measures),
            translate("lessons", self.lesson.claim),
            bool(holds),
            sentence,
            time.perf_counter() - self.start,
            True,
            artifacts={**self.artifacts, "models": dict(self.models)},
        )

    def incomplete(self) -> LessonResult:
        done = [r for r in self.runs if not r.stopped]
        if done:
            finished = "; ".join(
                translate("lessons", "{name}: {accuracy} test accuracy").format(
                    name=r.name, accuracy="-" if r.test_accuracy is None else f"{r.test_accuracy:.1%}"
                )
                for r in done
            )
            sentence = translate(
                "lessons",
                "Stopped before the demo finished, so the comparison is incomplete. "
                "Finished: "
                "{finished}. Run the demo again to see the whole comparison.",
            ).format(finished=finished)
        else:
            sentence = translate(
                "lessons", "Stopped before the demo finished, so there is no result yet. Run the demo again to see it."
            )
        return LessonResult(
            self.lesson.name,
            list(self.runs),
            dict(self.measures),
            translate("lessons", self.lesson.claim),
            False,
            sentence,
            time.perf_counter() - self.start,
            False,
            artifacts={**self.artifacts, "models": dict(self.models)},
        )

    def save(self, result: LessonResult) -> None:
        """``out_dir/NAME.json``: the result line, one JSON per run (``NAME-run-N.json``) and one PNG per
        picture (``NAME-picture-N.png``)."""
        from cnnexplorer.core.files import write_text
        from cnnexplorer.core.images import save_png

        folder = self.out_dir
        assert folder is not None
        folder.mkdir(parents=True, exist_ok=True)
        write_text(folder / f"{self.lesson.name}.json", json.dumps(result.summary(), ensure_ascii=False, indent=1))
        for i, run in enumerate(result.runs, start=1):
            write_text(folder / f"{self.lesson.name}-run-{i}.json", run.to_json())
        for i, picture in enumerate(result.artifacts.get("pictures", []), start=1):
            save_png(folder / f"{self.lesson.name}-picture-{i}.png", picture.image)


def _fraction(event: Progress) -> float | None:
    f = event.fraction
    if f is None:
        return None
    return max(0.0, min(1.0, f))


def _settings(model, config) -> dict[str, Any]:
    """The TrainingConfig as a dict, the augmentation in words, the optimizer and its learning rate."""
    out = config.to_dict()
    out["augmentation"] = config.augment.describe() if config.augment is not None else None
    opt = getattr(model, "optimizer", None)
    if opt is not None:
        out["optimizer"] = opt.__class__.__name__.lower()
        try:
            out["learning_rate"] = float(np.asarray(opt.learning_rate))
        except (TypeError, ValueError):  # a schedule: leave it out
            pass
    return out


def _num(value: Any) -> Any:
    if value is None:
        return None
    value = float(value)
    return round(value, 4) if math.isfinite(value) else None


def _plain(value: Any) -> Any:
    """Numbers rounded, numpy scalars and tuples made JSON-friendly."""
    if isinstance(value, bool) or value is None or isinstance(value, str):
        return value
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, int) or getattr(getattr(value, "dtype", None), "kind", "") in ("i", "u"):
        return int(value)
    try:
        f = float(value)
    except (TypeError, ValueError):
        return str(value)
    return round(f, 4) if math.isfinite(f) else None


def value(x: float | None) -> float:
    """A measured number that may be missing (a run not tested) as a float: NaN when missing, so every
    comparison with it is False and a claim built on it does not hold."""
    return math.nan if x is None else float(x)


def pct(value: float | None) -> str:
    """A fraction as a percentage with one decimal, the way result sentences show accuracy."""
    return "-" if value is None else f"{100 * value:.1f} %"


def points(a: float | None, b: float | None) -> str:
    """The difference a − b in percentage points, signed."""
    if a is None or b is None:
        return "-"
    return f"{100 * (a - b):+.1f}"
