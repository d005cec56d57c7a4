"""Overhead of the app's training path against a plain ``model.fit`` script.

Same model (MNIST CNN), data (mnist-sample, 4,000 digits), batch size (64) and
seed, in one process. The app path is what the Training tab runs: ``ml.train``
with its per-batch event callback, delivered through ``ui.workers.Task``
(throttled) into a visible ``LiveChart`` in an offscreen window. Runs
alternate (plain, app, plain, app, ...) so drift in machine load hits both;
each measures the training epochs only (no test evaluation) and the best
(shortest) run of each kind is compared.

Target (issue #4): time ratio app/plain (= throughput ratio plain/app) at most 1.05.
Prints one JSON line. Run: .venv/bin/python benchmarks/training_overhead.py [--epochs 3 --repeats 3]
"""
from __future__ import annotations

import argparse
import json
import math
import os
import time

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


LAST: dict = {}  # CPU seconds of the last run: "process" (all threads), "gui" (this thread, app path only)


def plain_fit(data, epochs: int, seed: int) -> float:
    from cnnexplorer.core.spec import template
    from cnnexplorer.ml.build import build_model
    from cnnexplorer.ml.runtime import keras

    keras().utils.set_random_seed(seed)
    model = build_model(template("mnist-cnn"))
    keras().utils.set_random_seed(seed)
    x = data.x_train.astype("float32")
    t, cpu = time.perf_counter(), time.process_time()
    model.fit(x, data.y_train, batch_size=64, epochs=epochs, shuffle=True, verbose=0)
    LAST.update(process=time.process_time() - cpu, gui=0.0)
    return time.perf_counter() - t


class _GcTimer:
    """Time spent in Python's garbage collector (any thread) while a run is under way."""

    def __init__(self) -> None:
        import gc

        self.seconds = 0.0
        self.collections = 0
        self._t = 0.0
        gc.callbacks.append(self._cb)

    def _cb(self, phase, info) -> None:
        if phase == "start":
            self._t = time.perf_counter()
        else:
            self.seconds += time.perf_counter() - self._t
            self.collections += 1


def direct_fit(data, epochs: int, seed: int) -> float:
    """Diagnostic: ml.train.train_model on this thread, events only appended to a list."""
    from cnnexplorer.core.configs import TrainingConfig
    from cnnexplorer.core.spec import template
    from cnnexplorer.ml.build import build_model
    from cnnexplorer.ml.runtime import keras
    from cnnexplorer.ml.train import train_model

    keras().utils.set_random_seed(seed)
    model = build_model(template("mnist-cnn"))
    config = TrainingConfig(epochs=epochs, batch_size=64, seed=seed, validation_split=0.0)
    events: list = []
    t = time.perf_counter()
    train_model(model, data, config, progress=events.append, evaluate=False)
    return time.perf_counter() - t


def app_fit(data, epochs: int, seed: int, chart, connect: bool = True) -> float:
    from PySide6.QtCore import QEventLoop

    from cnnexplorer.core.configs import TrainingConfig
    from cnnexplorer.core.spec import template
    from cnnexplorer.ml.build import build_model
    from cnnexplorer.ml.runtime import keras
    from cnnexplorer.ml.train import train_model
    from cnnexplorer.ui.workers import Task

    keras().utils.set_random_seed(seed)
    model = build_model(template("mnist-cnn"))
    config = TrainingConfig(epochs=epochs, batch_size=64, seed=seed, validation_split=0.0)
    chart.reset()
    chart.set_planned_epochs(epochs)
    chart.expect_loss(math.log(10))  # as the Training tab does
    task = Task(train_model, model, data, config, evaluate=False, name="bench-train")
    if connect:
        task.events.connect(chart.add_events)
    loop = QEventLoop()
    task.done.connect(loop.quit)
    t, cpu, gui = time.perf_counter(), time.process_time(), time.thread_time()
    task.start()
    loop.exec()
    elapsed = time.perf_counter() - t
    LAST.update(process=time.process_time() - cpu, gui=time.thread_time() - gui)
    if task.error is not None:
        raise task.error
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--epochs", type=int, default=3)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--variants", action="store_true",
                        help="diagnostics: also time train_model directly, a Task with no chart connected, "
                             "and a Task feeding a hidden chart; report time spent in the garbage collector")
    args = parser.parse_args()
    if args.variants:
        return variants(args)
    from cnnexplorer.ml.data import load_dataset
    from cnnexplorer.ui.app import create_application
    from cnnexplorer.ui.widgets.live_chart import LiveChart

    app = create_application([])
    chart = LiveChart()
    chart.resize(940, 380)
    chart.show()
    data = load_dataset("mnist-sample")
    plain, appt, draw = [], [], []
    plain_cpu, app_cpu, gui_cpu = [], [], []
    for _ in range(args.repeats):
        plain.append(plain_fit(data, args.epochs, 0))
        plain_cpu.append(LAST["process"])
        before = chart.draw_seconds
        appt.append(app_fit(data, args.epochs, 0, chart))
        app_cpu.append(LAST["process"])
        gui_cpu.append(LAST["gui"])
        draw.append(chart.draw_seconds - before)
    ratio = min(appt) / min(plain)
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else None
    print(json.dumps({
        "benchmark": "training_overhead", "model": "mnist-cnn", "dataset": "mnist-sample", "batch_size": 64,
        "epochs": args.epochs, "plain_fit_s": [round(v, 2) for v in plain], "app_path_s": [round(v, 2) for v in appt],
        "ratio_app_over_plain": round(ratio, 3), "median_ratio": round(sorted(a / p for a, p in zip(appt, plain))
                                                                      [len(plain) // 2], 3),
        "chart_draw_share_of_app_time": round(sum(draw) / sum(appt), 4),
        # CPU seconds are far less sensitive to other load on the machine than wall time
        "plain_cpu_s": [round(v, 2) for v in plain_cpu], "app_cpu_s": [round(v, 2) for v in app_cpu],
        "gui_thread_cpu_s": [round(v, 3) for v in gui_cpu],
        "median_cpu_ratio": round(sorted(a / p for a, p in zip(app_cpu, plain_cpu))[len(plain) // 2], 3),
        "target_max": 1.05, "ok": ratio <= 1.05, "chart_redraws": chart.redraws,
        "load_avg_1min": load, "cpus": os.cpu_count()}))
    app.processEvents()


def variants(args) -> None:
    from cnnexplorer.ml.data import load_dataset
    from cnnexplorer.ui.app import create_application
    from cnnexplorer.ui.widgets.live_chart import LiveChart

    app = create_application([])
    chart = LiveChart()
    chart.resize(940, 380)
    hidden = LiveChart()
    hidden.resize(940, 380)
    chart.show()
    data = load_dataset("mnist-sample")
    gct = _GcTimer()
    runs = {
        "plain": lambda: plain_fit(data, args.epochs, 0),
        "direct": lambda: direct_fit(data, args.epochs, 0),
        "task_no_chart": lambda: app_fit(data, args.epochs, 0, chart, connect=False),
        "task_hidden_chart": lambda: app_fit(data, args.epochs, 0, hidden),
        "app": lambda: app_fit(data, args.epochs, 0, chart),
    }
    times = {k: [] for k in runs}
    gc_s = {k: [] for k in runs}
    for _ in range(args.repeats):
        for name, fn in runs.items():
            before = gct.seconds
            times[name].append(round(fn(), 2))
            gc_s[name].append(round(gct.seconds - before, 3))
    best_plain = min(times["plain"])
    print(json.dumps({
        "benchmark": "training_overhead_variants", "epochs": args.epochs, "times_s": times,
        "best_ratio_vs_plain": {k: round(min(v) / best_plain, 3) for k, v in times.items()},
        "median_ratio_vs_plain": {k: round(sorted(v)[len(v) // 2] / sorted(times["plain"])[len(v) // 2], 3)
                                  for k, v in times.items()},
        "gc_seconds": gc_s, "chart_redraws": chart.redraws, "hidden_chart_redraws": hidden.redraws,
        "load_avg_1min": os.getloadavg()[0], "cpus": os.cpu_count()}))
    app.processEvents()


if __name__ == "__main__":
    main()
