"""Filter-pattern ascent step on VGG16 block3_conv1 at 128x128: batched vs one filter at a time.

Issue #5: measure the time per ascent step for 16 and 64 filters, batched and
looped, and use the faster (``mode="auto"`` measures once per (model, layer, size)).
Prints one JSON line: per-step wall ms (median) and CPU ms for
- batched_16: one step of a batch of 16; looped_16: 16 single-filter steps;
- batched_64: four steps of batches of 16 (the chunk size used); batched_64_one_batch: one step of 64;
  looped_64: 64 single-filter steps;
- ms_per_filter_step for each, the faster mode, and what choose_mode() picked.
Run: .venv/bin/python benchmarks/viz_filters.py
"""
from __future__ import annotations

import json
import os

import _timing

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")


def timed(fn):
    wall, _, cpu = _timing.timed(fn, repeats=3)
    return wall, cpu


def main() -> None:
    import numpy as np

    from cnnexplorer.ml.runtime import keras, tf
    from cnnexplorer.ml.viz.filters import ascent_function, choose_mode, initial_images

    k, tf_ = keras(), tf()
    model = k.applications.VGG16(weights=None, include_top=False, input_shape=(128, 128, 3))
    layer, size = "block3_conv1", (128, 128, 3)
    step = ascent_function(model, layer, "caffe")  # VGG16's own preprocessing inside the graph
    lr, scale, zero = tf_.constant(0.03), tf_.constant(1.0), tf_.constant(np.zeros(2, np.int32))

    def make(n):
        return tf_.constant(initial_images(range(n), size, 0)), tf_.constant(np.arange(n, dtype=np.int32))

    inputs = {n: make(n) for n in (1, 16, 64)}
    singles = [(tf_.constant(initial_images([f], size, 0)), tf_.constant(np.array([f], np.int32))) for f in range(64)]
    for n in (1, 16, 64):
        step(*inputs[n], zero, lr, scale)[1].numpy()  # trace each batch size once

    def run(batch):
        img, f = batch
        step(img, f, zero, lr, scale)[1].numpy()

    out = {"model": "VGG16 weights=None include_top=False 128x128", "layer": layer}
    out["batched_16"] = timed(lambda: run(inputs[16]))
    out["looped_16"] = timed(lambda: [run(s) for s in singles[:16]])
    out["batched_64"] = timed(
        lambda: [run((inputs[64][0][i:i + 16], inputs[64][1][i:i + 16])) for i in range(0, 64, 16)])
    out["batched_64_one_batch"] = timed(lambda: run(inputs[64]))
    out["looped_64"] = timed(lambda: [run(s) for s in singles])
    result = {k_: v for k_, v in out.items() if isinstance(v, str)}
    for name in ("batched_16", "looped_16", "batched_64", "batched_64_one_batch", "looped_64"):
        wall, cpu = out[name]
        n = 16 if name.endswith("16") else 64
        result[f"{name}_ms"] = round(wall, 1)
        result[f"{name}_cpu_ms"] = round(cpu, 1)
        result[f"{name}_ms_per_filter_step"] = round(wall / n, 2)
    result["faster_16"] = "batched" if out["batched_16"][0] < out["looped_16"][0] else "looped"
    result["faster_64"] = "batched" if out["batched_64"][0] < out["looped_64"][0] else "looped"
    mode, b, a = choose_mode(model, layer, size, "caffe", 16)
    result["auto_mode_choice"] = mode
    result["auto_measured_ms_per_filter_step"] = {"batched": round(b * 1000, 2), "looped": round(a * 1000, 2)}
    print(json.dumps(result))


if __name__ == "__main__":
    main()
