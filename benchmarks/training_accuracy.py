"""Accuracy of the tutorial's MNIST CNN through the app vs a plain Keras script.

MNIST CNN template, mnist-sample (4,000 train / 1,000 test), 5 epochs, batch
64, seed 0, no validation split: the app path (``cnnexplorer.ml.train``)
and a plain script (set seed, build the same design, ``model.fit``,
``model.evaluate``). Target (issue #4): app test accuracy at least 94 % and
within 1 point of the plain script. ``--dataset mnist`` reproduces the
tutorial's ~99 % when MNIST is in the Keras cache.
Prints one JSON line. Run: .venv/bin/python benchmarks/training_accuracy.py [--dataset mnist-sample]
"""
from __future__ import annotations

import argparse
import json
import os
import time

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--dataset", default="mnist-sample")
    parser.add_argument("--epochs", type=int, default=5)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    from cnnexplorer.core.configs import TrainingConfig
    from cnnexplorer.core.spec import template
    from cnnexplorer.ml.build import build_model
    from cnnexplorer.ml.data import load_dataset
    from cnnexplorer.ml.runtime import keras
    from cnnexplorer.ml.train import train_model

    k = keras()
    data = load_dataset(args.dataset)

    t = time.perf_counter()
    k.utils.set_random_seed(args.seed)
    model = build_model(template("mnist-cnn"))
    result = train_model(model, data, TrainingConfig(epochs=args.epochs, batch_size=64, seed=args.seed))
    app_s = time.perf_counter() - t

    t = time.perf_counter()
    k.utils.set_random_seed(args.seed)
    plain = build_model(template("mnist-cnn"))
    k.utils.set_random_seed(args.seed)
    plain.fit(data.x_train.astype("float32"), data.y_train, batch_size=64, epochs=args.epochs, verbose=0)
    loss, acc = plain.evaluate(data.x_test.astype("float32"), data.y_test, verbose=0)
    plain_s = time.perf_counter() - t

    diff = abs(result.test_accuracy - acc) * 100
    print(json.dumps({
        "benchmark": "training_accuracy", "model": "mnist-cnn", "dataset": args.dataset, "epochs": args.epochs,
        "batch_size": 64, "seed": args.seed,
        "app": {"test_accuracy": round(result.test_accuracy, 4), "test_loss": round(result.test_loss, 4),
                "seconds": round(app_s, 1)},
        "plain_keras": {"test_accuracy": round(float(acc), 4), "test_loss": round(float(loss), 4),
                        "seconds": round(plain_s, 1)},
        "difference_points": round(diff, 2), "targets": {"min_accuracy": 0.94, "max_difference_points": 1.0},
        "ok": result.test_accuracy >= 0.94 and diff <= 1.0}))


if __name__ == "__main__":
    main()
