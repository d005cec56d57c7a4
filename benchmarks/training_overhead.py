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


def plain_fit(data, epochs: int, seed: int) -> float:
    from cnnexplorer.core.spec import template
    from cnnexplorer.ml.build import build_model
    from cnnexplorer.ml.runtime import keras

    keras().utils.set_random_seed(seed)
    model = build_model(template("mnist-cnn"))
    keras().utils.set_random_seed(seed)
    x = data.x_train.astype("float32")
    t = time.perf_counter()
    model.fit(x, data.y_train, batch_size=64, epochs=epochs, shuffle=True, verbose=0)
    return time.perf_counter() - t


def app_fit(data, epochs: int, seed: int, chart) -> float:
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
    task.events.connect(chart.add_events)
    loop = QEventLoop()
    task.done.connect(loop.quit)
    t = time.perf_counter()
    task.start()
    loop.exec()
    elapsed = time.perf_counter() - t
    if task.error is not None:
        raise task.error
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--epochs", type=int, default=3)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    from cnnexplorer.ui.app import create_application
    from cnnexplorer.ui.widgets.live_chart import LiveChart
    from cnnexplorer.ml.data import load_dataset

    app = create_application([])
    chart = LiveChart()
    chart.resize(940, 380)
    chart.show()
    data = load_dataset("mnist-sample")
    plain, appt, draw = [], [], []
    for i in range(args.repeats):
        plain.append(plain_fit(data, args.epochs, 0))
        before = chart.draw_seconds
        appt.append(app_fit(data, args.epochs, 0, chart))
        draw.append(chart.draw_seconds - before)
    ratio = min(appt) / min(plain)
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else None
    print(json.dumps({
        "benchmark": "training_overhead", "model": "mnist-cnn", "dataset": "mnist-sample", "batch_size": 64,
        "epochs": args.epochs, "plain_fit_s": [round(v, 2) for v in plain], "app_path_s": [round(v, 2) for v in appt],
        "ratio_app_over_plain": round(ratio, 3), "median_ratio": round(sorted(a / p for a, p in zip(appt, plain))
                                                                      [len(plain) // 2], 3),
        "chart_draw_share_of_app_time": round(sum(draw) / sum(appt), 4),
        "target_max": 1.05, "ok": ratio <= 1.05, "chart_redraws": chart.redraws,
        "load_avg_1min": load, "cpus": os.cpu_count()}))
    app.processEvents()


if __name__ == "__main__":
    main()
