"""The bundled MobileNetV2 on small generated folders (issue 13.2), offline.

1. The Example folder (60 images per class, seed 0) with the Pretrained tab's default settings (input 150,
   Flatten + Dense 256 head, RMSprop 2e-5, batch 20, 10 epochs), feature extraction: ImageNet weights (bundled)
   against random weights. Goal: ImageNet ≥ 95 % test accuracy.
2. ``cnnexplorer pretrained --arch MobileNetV2 --weights imagenet --method features --epochs 20`` defaults on
   folders of 40 images per class for a few seeds. Goal: ≥ 90 %.

    .venv/bin/python benchmarks/transfer_bundled.py [--seeds 1,2,3]

Prints one JSON line per run, then a summary line.
"""
from __future__ import annotations

import argparse
import json
import os
import tempfile
import time
from pathlib import Path


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seeds", default="1,2,3")
    args = parser.parse_args()
    os.environ["KERAS_HOME"] = tempfile.mkdtemp()  # nothing cached: the bundled file must do

    from cnnexplorer.core.sample_folder import write_sample_folder
    from cnnexplorer.ml.runtime import keras
    from cnnexplorer.ml.transfer import load_base_job, train_job

    root = Path(tempfile.mkdtemp())
    results = []
    example = write_sample_folder(root / "example", per_class=60, seed=0)
    for weights in ("imagenet", "random"):
        keras().utils.set_random_seed(0)
        loaded = load_base_job("mobilenet_v2", 150, weights)
        start = time.perf_counter()
        out = train_job("features", loaded, [False] * len(loaded.rows), str(example), None, "flatten-dense", 10, 20,
                        2e-5)
        results.append({"folder": "example 60/class seed 0", "weights": loaded.source.kind, "epochs": 10,
                        "test_accuracy": out.result.test_accuracy, "test_images": len(out.dataset.x_test),
                        "seconds": round(time.perf_counter() - start, 1)})
        print(json.dumps(results[-1]), flush=True)
    loaded = load_base_job("mobilenet_v2", 150, "imagenet")
    for seed in (int(s) for s in args.seeds.split(",")):
        folder = write_sample_folder(root / f"small{seed}", per_class=40, seed=seed)
        keras().utils.set_random_seed(0)  # the command's default --seed
        start = time.perf_counter()
        out = train_job("features", loaded, [False] * len(loaded.rows), str(folder), None, "flatten-dense", 20, 20,
                        2e-5)
        results.append({"folder": f"40/class seed {seed}", "weights": loaded.source.kind, "epochs": 20,
                        "test_accuracy": out.result.test_accuracy, "test_images": len(out.dataset.x_test),
                        "seconds": round(time.perf_counter() - start, 1)})
        print(json.dumps(results[-1]), flush=True)
    small = [r["test_accuracy"] for r in results[2:]]
    print(json.dumps({"example_imagenet": results[0]["test_accuracy"], "example_random": results[1]["test_accuracy"],
                      "small_folders_min": min(small), "goals_met": results[0]["test_accuracy"] >= 0.95
                      and min(small) >= 0.90}), flush=True)


if __name__ == "__main__":
    main()
