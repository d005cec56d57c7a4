"""Grad-CAM speed and memory on VGG16 at 224x224 (random weights: timing only).

Issue #5 targets: a warm Grad-CAM call costs at most 1.3x one forward+backward
pass of the same model; the gradient function is built once per (model, layer);
100 repeated calls keep memory flat. Prints one JSON line:
- fwd_bwd_ms: reference, one tf.function forward pass + gradient of the top score w.r.t. the input;
- gradcam_step_ms: our compiled gradient function alone (what the ratio is about);
- gradcam_call_ms: the whole public call (numpy weighting, ReLU, normalisation, bicubic upsampling);
- ratio_step, ratio_call: the two divided by fwd_bwd_ms;
- new_builds_after_first: compiled functions built by the calls after the first (must be 0);
- rss_mb_after_1 / rss_mb_after_100 and rss_ratio (target <= 1.5);
- *_cpu_ms: process CPU time (on a loaded, shared machine wall time is mostly waiting for a core).
Run: .venv/bin/python benchmarks/viz_gradcam.py [--calls 100]
"""
from __future__ import annotations

import argparse
import json
import os

from _timing import timed

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")


def rss_mb() -> float:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--calls", type=int, default=100)
    args = parser.parse_args()
    import numpy as np

    from cnnexplorer.ml.runtime import keras, tf
    from cnnexplorer.ml.viz import graph
    from cnnexplorer.ml.viz.gradcam import gradcam, gradient_function

    k, tf_ = keras(), tf()
    model = k.applications.VGG16(weights=None, input_shape=(224, 224, 3))
    x = np.random.RandomState(0).uniform(0, 255, (1, 224, 224, 3)).astype("float32")
    xt = tf_.constant(x)

    @tf_.function(reduce_retracing=True)
    def fwd_bwd(inp):
        with tf_.GradientTape() as tape:
            tape.watch(inp)
            out = model(inp, training=False)
            score = tf_.reduce_max(out, axis=1)
        return tape.gradient(score, inp)

    fwd_bwd(xt).numpy()
    ref = timed(lambda: fwd_bwd(xt).numpy())

    first = gradcam(model, x)  # builds and traces once
    builds = graph.BUILD_COUNT["n"]
    step = gradient_function(model, first.layer)
    codes = tf_.constant(np.array([-1], np.int32))
    step_t = timed(lambda: [t.numpy() for t in step(xt, codes)])
    call_t = timed(lambda: gradcam(model, x))
    new_builds = graph.BUILD_COUNT["n"] - builds
    rss1 = rss_mb()
    for i in range(args.calls):
        gradcam(model, x, class_index=i % 1000)
    rss100 = rss_mb()
    print(json.dumps({
        "model": "VGG16 weights=None 224x224", "layer": first.layer,
        "fwd_bwd_ms": round(ref[0], 1), "fwd_bwd_min_ms": round(ref[1], 1), "fwd_bwd_cpu_ms": round(ref[2], 1),
        "gradcam_step_ms": round(step_t[0], 1), "gradcam_step_min_ms": round(step_t[1], 1),
        "gradcam_step_cpu_ms": round(step_t[2], 1),
        "gradcam_call_ms": round(call_t[0], 1), "gradcam_call_min_ms": round(call_t[1], 1),
        "gradcam_call_cpu_ms": round(call_t[2], 1),
        "ratio_step": round(step_t[0] / ref[0], 3), "ratio_call": round(call_t[0] / ref[0], 3),
        "ratio_call_min": round(call_t[1] / ref[1], 3), "ratio_call_cpu": round(call_t[2] / ref[2], 3),
        "new_builds_after_first": new_builds, "calls": args.calls,
        "rss_mb_after_1": round(rss1, 1), "rss_mb_after_100": round(rss100, 1), "rss_ratio": round(rss100 / rss1, 3),
    }))


if __name__ == "__main__":
    main()
