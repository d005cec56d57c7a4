"""Feature extraction throughput vs a plain ``predict`` over the same images (issue 7: within 10 %).

``extract_features`` adds a per-batch callback (progress + cancel check) to
``model.predict``; this measures what that costs. VGG16 with random weights
(no download needed; the arithmetic is the same as with ImageNet weights).

    .venv/bin/python benchmarks/transfer_extract.py [--images 200] [--size 150] [--batch 20] [--repeats 3]

Prints one JSON line; throughputs are best-of-repeats (a shared machine disturbs the others).
"""
from __future__ import annotations

import argparse
import json
import statistics
import threading
import time

import numpy as np


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--arch", default="vgg16")
    parser.add_argument("--images", type=int, default=200)
    parser.add_argument("--size", type=int, default=150)
    parser.add_argument("--batch", type=int, default=20)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()

    from cnnexplorer.ml import transfer as T

    base = T.build_base(args.arch, args.size, "random")
    extractor = T.feature_extractor(args.arch, base)
    x = np.random.default_rng(0).integers(0, 256, (args.images, args.size, args.size, 3)).astype(np.uint8)
    xf = x.astype("float32")
    events = []
    cancel = threading.Event()
    extractor.predict(xf[: args.batch * 2], batch_size=args.batch, verbose=0)  # trace once
    T.extract_features(extractor, x[: args.batch * 2], args.batch)
    plain, ours = [], []
    for _ in range(args.repeats):  # alternate, so machine load hits both alike
        t = time.perf_counter()
        a = extractor.predict(xf, batch_size=args.batch, verbose=0)
        plain.append(time.perf_counter() - t)
        t = time.perf_counter()
        b = T.extract_features(extractor, x, args.batch, progress=events.append, cancel=cancel)
        ours.append(time.perf_counter() - t)
    assert np.allclose(a, b, atol=1e-4)
    # Best of the repeats: on a shared machine the minimum is the run least disturbed by other work.
    plain_ips = args.images / min(plain)
    ours_ips = args.images / min(ours)
    median_ratio = statistics.median(plain) / statistics.median(ours)
    print(json.dumps({
        "benchmark": "transfer_extract", "arch": args.arch, "images": args.images, "size": args.size,
        "batch": args.batch, "predict_images_per_s": round(plain_ips, 1),
        "extract_features_images_per_s": round(ours_ips, 1), "ratio": round(ours_ips / plain_ips, 3),
        "median_ratio": round(median_ratio, 3),
        "within_10_percent": ours_ips >= 0.9 * plain_ips, "progress_events": len(events),
        "predict_seconds": [round(s, 2) for s in plain], "extract_seconds": [round(s, 2) for s in ours],
    }))


if __name__ == "__main__":
    main()
