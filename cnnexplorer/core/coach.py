"""The coach line: one sentence of advice read from a training history.

The Training tab shows it under the live chart and the command line prints it
at the end of a run. It looks for what a teacher would point at: a loss that
became NaN or is climbing (learning rate too high), validation loss rising
while training loss falls (overfitting), accuracy stuck at chance. Plain
Python on lists of numbers, so it is tested without TensorFlow.

Also here: the smoothing used for the per-batch curves, and the history as CSV.
"""
from __future__ import annotations

import csv
import io
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from cnnexplorer.core.i18n import translate

OVERFIT_EPOCHS = 3  # validation loss rising this many epochs in a row (train loss falling) = overfitting
DIVERGE_FACTOR = 1.5  # training loss this many times its best value and still rising = diverging


@dataclass(frozen=True)
class Advice:
    """``level``: "info" (nothing to say yet), "good", "warning" or "problem"."""

    level: str
    text: str


def _finite(values: Sequence[float]) -> list[float]:
    return [float(v) for v in values if v is not None and math.isfinite(float(v))]


def _first_nonfinite(values: Sequence[float]) -> int | None:
    for i, v in enumerate(values):
        if v is None or not math.isfinite(float(v)):
            return i
    return None


def coach(history: Mapping[str, Sequence[float]], batch_losses: Sequence[float] = (),
          num_classes: int | None = None, learning_rate: float | None = None, running: bool = False) -> Advice:
    """The one-sentence advice for a history (per-epoch lists; batch losses optional).

    ``running``: a run is under way (before its first numbers the advice says so, not "Press Start").

    Checks, most serious first: NaN/inf loss, diverging loss, overfitting,
    accuracy at chance level; otherwise a short summary of progress.
    """
    loss = list(history.get("loss", []))
    val_loss = list(history.get("val_loss", []))
    # The current learning rate, appended to "Lower the learning rate" (empty when unknown).
    lr_hint = translate("coach", " (now {rate})").format(rate=f"{learning_rate:g}") if learning_rate else ""

    nan_batch = _first_nonfinite(batch_losses)
    nan_epoch = _first_nonfinite(loss)
    if nan_batch is not None or nan_epoch is not None:
        if nan_epoch is not None:
            where = translate("coach", "epoch {epoch}").format(epoch=nan_epoch + 1)
        else:
            where = translate("coach", "batch {batch}").format(batch=(nan_batch or 0) + 1)
        return Advice(
            "problem",
            translate("coach", "The loss became NaN (not a number) at {where}: the weights blew up. "
                               "Lower the learning rate{lr_hint}, e.g. ten times smaller, and train again.")
            .format(where=where, lr_hint=lr_hint),
        )

    finite = _finite(loss)
    if len(finite) >= 3:
        best = min(finite)
        rising = finite[-1] > finite[-2] > finite[-3]
        if rising and finite[-1] > DIVERGE_FACTOR * best and finite[-1] > finite[0]:
            return Advice(
                "problem",
                translate("coach", "The training loss is climbing ({first:.3g} → {last:.3g}) instead of falling: "
                                   "the model is diverging. Lower the learning rate{lr_hint} and train again.")
                .format(first=finite[-3], last=finite[-1], lr_hint=lr_hint),
            )

    if len(val_loss) >= OVERFIT_EPOCHS + 1 and len(loss) >= OVERFIT_EPOCHS + 1:
        v = val_loss[-(OVERFIT_EPOCHS + 1):]
        t = loss[-(OVERFIT_EPOCHS + 1):]
        val_rising = all(b > a for a, b in zip(v, v[1:]))
        train_falling = t[-1] < t[0]
        if val_rising and train_falling:
            best_epoch = min(range(len(val_loss)), key=lambda i: val_loss[i]) + 1
            return Advice(
                "warning",
                translate("coach", "Validation loss has risen for {epochs} epochs while training loss keeps "
                                   "falling: the network is memorising the training images (overfitting; best "
                                   "was epoch {best}). Turn on augmentation, add a Dropout layer, or train fewer "
                                   "epochs.")
                .format(epochs=OVERFIT_EPOCHS, best=best_epoch),
            )

    acc = _finite(history.get("accuracy", []))
    if num_classes and num_classes >= 2 and len(acc) >= 3:
        chance = 1.0 / num_classes
        if acc[-1] < chance + 0.05:
            return Advice(
                "warning",
                translate("coach", "Accuracy is stuck near chance ({accuracy:.0%}, guessing gives {chance:.0%}): "
                                   "the network is not learning. Try a learning rate ten times smaller or "
                                   "larger{lr_hint}, or check that the last layer fits the loss.")
                .format(accuracy=acc[-1], chance=chance, lr_hint=lr_hint),
            )

    if not finite:
        if _finite(batch_losses):
            return Advice("info", translate("coach", "Training has started; the first epoch's numbers appear "
                                                     "when it ends."))
        if running:
            return Advice("info", translate("coach", "Getting ready: loading the data and preparing the network. "
                                                     "The chart starts moving with the first batch."))
        return Advice("info", translate("coach", "Press Start to train; the chart shows loss and accuracy as the "
                                                 "network learns."))

    epochs = len(finite)
    val_acc = _finite(history.get("val_accuracy", []))
    if val_acc:
        gap = (acc[-1] - val_acc[-1]) if acc else 0.0
        if gap > 0.05:
            text = translate("coach", "After {epochs} epoch(s): validation accuracy {val_accuracy:.1%}, {gap:.0%} "
                                      "below training accuracy — watch for overfitting.")
        elif len(val_loss) >= 2 and val_loss[-1] < min(val_loss[:-1]):
            text = translate("coach", "After {epochs} epoch(s): validation accuracy {val_accuracy:.1%}, still "
                                      "improving: more epochs may help.")
        else:
            text = translate("coach", "After {epochs} epoch(s): validation accuracy {val_accuracy:.1%}.")
        return Advice("good", text.format(epochs=epochs, val_accuracy=val_acc[-1], gap=gap))
    if acc:
        return Advice("good", translate("coach", "After {epochs} epoch(s): training accuracy {accuracy:.1%}, "
                                                 "loss {loss:.3g}.")
                      .format(epochs=epochs, accuracy=acc[-1], loss=finite[-1]))
    return Advice("good", translate("coach", "After {epochs} epoch(s): training loss {loss:.3g}.")
                  .format(epochs=epochs, loss=finite[-1]))


def smooth(values: Sequence[float], weight: float = 0.9) -> list[float]:
    """Exponential moving average with bias correction (TensorBoard's smoothing).

    Non-finite values are passed through (and do not poison later points), so a
    NaN shows where it happened instead of erasing the curve.
    """
    out: list[float] = []
    avg, norm = 0.0, 0.0
    for v in values:
        v = float(v)
        if not math.isfinite(v):
            out.append(v)
            continue
        avg = weight * avg + (1.0 - weight) * v
        norm = weight * norm + (1.0 - weight)
        out.append(avg / norm)
    return out


def history_csv(history: Mapping[str, Sequence[float]]) -> str:
    """Per-epoch history as CSV text: an ``epoch`` column (1-based) then one column per metric."""
    names = [n for n in ("loss", "accuracy", "val_loss", "val_accuracy") if n in history]
    names += sorted(n for n in history if n not in names)
    rows = max((len(history[n]) for n in names), default=0)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["epoch", *names])
    for i in range(rows):
        row: list[object] = [i + 1]
        for n in names:
            values = history[n]
            row.append(repr(float(values[i])) if i < len(values) and values[i] is not None else "")
        writer.writerow(row)
    return buffer.getvalue()


def compare_runs(runs: Sequence) -> Advice:
    """One sentence about overlaid runs (``core.runs.Run``): which did best on the test set, which overfits most."""
    runs = list(runs)
    if not runs:
        return Advice("info", translate("coach", "Tick runs to compare them."))

    def score(run) -> float | None:
        return run.test_accuracy if run.test_accuracy is not None else run.best_val_accuracy

    scored = [r for r in runs if score(r) is not None]
    if len(runs) == 1:
        run = runs[0]
        if not scored:
            return Advice("info", translate("coach", "{name}: {epochs} epoch(s), no validation or test results.")
                          .format(name=run.name, epochs=run.epochs))
        return Advice("good", translate("coach", "{name}: {epochs} epoch(s), accuracy {accuracy:.1%}.")
                      .format(name=run.name, epochs=run.epochs, accuracy=score(run)))
    if not scored:
        return Advice("info", translate("coach", "Comparing {count} runs; none has validation or test results.")
                      .format(count=len(runs)))
    best = max(scored, key=lambda r: score(r) or 0.0)
    text = translate("coach", "Comparing {count} runs: {name} has the best accuracy ({accuracy:.1%}).").format(
        count=len(runs), name=best.name, accuracy=score(best))
    gaps = [r for r in runs if r.final_gap is not None]
    if len(gaps) >= 2:
        worst = max(gaps, key=lambda r: r.final_gap)
        text += " " + translate("coach", "{name} has the largest train−validation gap ({gap:+.1f} points): it "
                                         "overfits most.").format(name=worst.name, gap=worst.final_gap * 100)
    return Advice("good", text)
