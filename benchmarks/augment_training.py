"""Training throughput with augmentation on vs off: the MNIST CNN on mnist-sample (4,000 digits).

Target (issue #6): throughput with augmentation at least 0.7 of without. Uses
``ml.train.train_model`` (augmentation runs in the tf.data pipeline on training
batches only). Throughput = training samples per second over epochs 2..N (epoch
1 includes graph tracing): the fastest steady epoch, and the median. Also the augmented
input pipeline alone (no model), to show whether it can keep up with training.
Prints one JSON line.
Run: .venv/bin/python benchmarks/augment_training.py [--epochs 3]
"""
from __future__ import annotations

import argparse
import json
import os
import statistics

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")


def run(augment, epochs: int) -> dict:
    from cnnexplorer.core.configs import TrainingConfig
    from cnnexplorer.core.spec import template
    from cnnexplorer.ml.build import build_model
    from cnnexplorer.ml.data import load_dataset
    from cnnexplorer.ml.train import train_model

    data = load_dataset("mnist-sample")
    model = build_model(template("mnist-cnn"))
    seconds = []

    def progress(event):
        if event.kind == "epoch":
            seconds.append(event.metrics["seconds"])

    config = TrainingConfig(epochs=epochs, batch_size=64, seed=0, augment=augment)
    result = train_model(model, data, config, progress=progress, evaluate=True)
    steady = seconds[1:] or seconds
    n = len(data.x_train)
    return {"epoch_seconds": [round(s, 2) for s in seconds],
            # the fastest steady epoch: on a shared machine the others mostly measure waiting for a core
            "samples_per_s": round(n / min(steady), 1),
            "samples_per_s_median": round(n / statistics.median(steady), 1),
            "test_accuracy": round(result.test_accuracy, 4) if result.test_accuracy is not None else None}


def pipeline_only(augment, repeats: int = 3) -> float:
    """Samples/s of the augmented tf.data input pipeline alone (no model), as train.py builds it."""
    import time

    import tensorflow as tf

    from cnnexplorer.ml.augment import build_augmenter
    from cnnexplorer.ml.data import load_dataset

    data = load_dataset("mnist-sample")
    x, y = data.x_train.astype("float32"), data.y_train
    aug = build_augmenter(augment, x.shape[1:])
    ds = (tf.data.Dataset.from_tensor_slices((x, y)).batch(64)
          .map(lambda a, b: (aug(a, training=True), b), num_parallel_calls=tf.data.AUTOTUNE).prefetch(tf.data.AUTOTUNE))
    best = float("inf")
    for _ in range(repeats):
        t = time.perf_counter()
        for _batch in ds:
            pass
        best = min(best, time.perf_counter() - t)
    return round(len(x) / best, 1)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--epochs", type=int, default=4)
    args = parser.parse_args()
    from cnnexplorer.core.augment_config import preset

    off = run(None, args.epochs)
    rows = {"off": off}
    for name in ("digits (no flips)", "tutorial (cats vs dogs)"):
        on = run(preset(name), args.epochs)
        on["ratio_to_off"] = round(on["samples_per_s"] / off["samples_per_s"], 3)
        on["ratio_to_off_median"] = round(on["samples_per_s_median"] / off["samples_per_s_median"], 3)
        on["pipeline_only_samples_per_s"] = pipeline_only(preset(name))
        rows[name] = on
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else None
    print(json.dumps({"benchmark": "augment_training", "model": "mnist-cnn", "dataset": "mnist-sample",
                      "epochs": args.epochs, "target_ratio": 0.7, "load_avg_1min": load, "cpus": os.cpu_count(),
                      "results": rows}))


if __name__ == "__main__":
    main()
