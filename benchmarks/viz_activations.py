"""All 13 VGG16 convolution activations for one 224x224 image, against one forward pass.

Issue #5 target: at most 1.3x one forward pass (one multi-output pass, not one per
layer). Prints one JSON line with wall medians/minimums and process CPU time,
the ratios, and the number of compiled functions built after the first call (0).
Run: .venv/bin/python benchmarks/viz_activations.py
"""
from __future__ import annotations

import json
import os

from _timing import timed

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")


def main() -> None:
    import numpy as np

    from cnnexplorer.ml.runtime import keras, tf
    from cnnexplorer.ml.viz import graph
    from cnnexplorer.ml.viz.activations import activation_grid, compute_activations

    k, tf_ = keras(), tf()
    model = k.applications.VGG16(weights=None, input_shape=(224, 224, 3))
    x = np.random.RandomState(0).uniform(0, 255, (1, 224, 224, 3)).astype("float32")
    xt = tf_.constant(x)

    @tf_.function(reduce_retracing=True)
    def forward(inp):
        return model(inp, training=False)

    forward(xt).numpy()
    ref = timed(lambda: forward(xt).numpy())
    convs = [i.path for i in graph.list_layers(model) if i.is_conv]
    compute_activations(model, x, convs)
    builds = graph.BUILD_COUNT["n"]
    acts = timed(lambda: compute_activations(model, x, convs))
    new_builds = graph.BUILD_COUNT["n"] - builds
    result = compute_activations(model, x, convs)
    grid = timed(lambda: activation_grid(result.layers["block1_conv1"]), repeats=3)
    print(json.dumps({
        "model": "VGG16 weights=None 224x224", "layers": len(convs),
        "forward_ms": round(ref[0], 1), "forward_min_ms": round(ref[1], 1), "forward_cpu_ms": round(ref[2], 1),
        "activations_ms": round(acts[0], 1), "activations_min_ms": round(acts[1], 1),
        "activations_cpu_ms": round(acts[2], 1),
        "ratio": round(acts[0] / ref[0], 3), "ratio_min": round(acts[1] / ref[1], 3),
        "ratio_cpu": round(acts[2] / ref[2], 3), "new_builds_after_first": new_builds,
        "grid_block1_conv1_ms": round(grid[0], 1),
    }))


if __name__ == "__main__":
    main()
