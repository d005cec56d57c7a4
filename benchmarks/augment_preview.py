"""Preview latency: 8 augmented variants of a 150x150 colour photo (the Augmentation tab's slider loop).

Target (issue #6): under 100 ms after a slider move. Prints one JSON line with
milliseconds (median and min over repeats):
- first_call_ms: first preview in a process with Keras already imported (layers built, first eager run);
- slider_move_ms: the config changes every call (as when dragging a slider): rebuild + run;
- new_samples_ms: same config, new seed: the cached augmenter is re-seeded and run;
- build_augmenter_ms: building the whole Sequential (what training does once; the preview
  instead reuses built layers whose arguments did not change, re-seeding them);
- *_cpu_ms: process CPU time, the cost on an idle machine (wall time on a loaded one is mostly waiting);
- tutorial preset plus brightness/contrast/saturation in a second row ("all_layers").
Run: .venv/bin/python benchmarks/augment_preview.py
"""
from __future__ import annotations

import json
import os
import statistics
import time

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")


def _ms(fn, repeats):
    """(median wall ms, min wall ms, median CPU ms of this process).

    On a shared, loaded machine wall time mostly measures waiting for a core;
    process CPU time is what the work costs, i.e. about the wall time on an idle machine.
    """
    times, cpu = [], []
    for i in range(repeats):
        t, c = time.perf_counter(), time.process_time()
        fn(i)
        times.append((time.perf_counter() - t) * 1000)
        cpu.append((time.process_time() - c) * 1000)
    return round(statistics.median(times), 1), round(min(times), 1), round(statistics.median(cpu), 1)


def main() -> None:
    from cnnexplorer.core.augment_config import preset
    from cnnexplorer.core.images import load_image
    from cnnexplorer.core.resources import sample_images
    from cnnexplorer.ml.augment import build_augmenter, preview, square_crop
    from cnnexplorer.ml.runtime import keras

    t = time.perf_counter()
    keras()
    import_s = time.perf_counter() - t
    image = square_crop(load_image(sample_images()["cat"]), 150)
    base = preset("tutorial (cats vs dogs)")
    rows = []
    for label, config in (("tutorial", base),
                          ("all_layers", base.copy(brightness_range=0.2, contrast_range=0.2, saturation_range=0.3))):
        t = time.perf_counter()
        preview(image, config, 8, seed=0)
        first = round((time.perf_counter() - t) * 1000, 1)
        # config=config: each lambda keeps this iteration's settings (they run before the next, but say so)
        slider = _ms(lambda i, config=config: preview(image, config.copy(rotation_range=20 + (i % 20)), 8, seed=1), 20)
        new_samples = _ms(lambda i, config=config: preview(image, config, 8, seed=100 + i), 20)
        build = _ms(lambda i, config=config: build_augmenter(config, image.shape, seed=i), 20)
        rows.append({"config": label, "first_call_ms": first,
                     "slider_move_ms": slider[0], "slider_move_min_ms": slider[1], "slider_move_cpu_ms": slider[2],
                     "new_samples_ms": new_samples[0], "new_samples_min_ms": new_samples[1],
                     "new_samples_cpu_ms": new_samples[2], "build_augmenter_ms": build[0]})
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else None
    print(json.dumps({"benchmark": "augment_preview", "image": "150x150x3", "variants": 8, "target_ms": 100,
                      "keras_import_s": round(import_s, 2), "load_avg_1min": load, "cpus": os.cpu_count(),
                      "results": rows}))


if __name__ == "__main__":
    main()
