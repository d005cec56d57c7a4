"""Image folders at scale: reading time, peak memory, and one epoch in memory against streamed.

Writes (once, into --dir) two folders made from the bundled files, no network:

- ``grey``: 70,000 PNGs of 28×28 grey digits (the MNIST sample with random shifts of up to 2 pixels),
  10 class folders;
- ``colour``: 20,000 JPEGs of 150×150 colour (random crops of the bundled sample photos), 2 class folders.

Then, each in a fresh process so its peak resident memory (VmHWM) is its own (reading is also timed in CPU
seconds of the process, all threads: on a machine shared with other work the wall time says more about the
neighbours than about the reader):

- ``read``: ``load_dataset(folder, input_shape=model's)`` as the app does it (the memory budget decides
  whether the images are held in memory or streamed);
- ``epoch in memory`` / ``epoch streamed``: the same images forced into memory / forced to stream, and one
  epoch of ``train_model`` (no evaluation) of the tutorial's model for them (mnist-cnn; small-vgg on
  ``--colour-epoch-images`` of the colour training images, an epoch of all 16,000 at 150×150 would take
  tens of minutes on a small machine).

Goals (issue 14): grey read ≤ 10 s with peak RSS ≤ 1.5 GB; streamed epoch within 15 % of in memory;
the colour folder streamed automatically (it exceeds a quarter of memory on machines of up to ~27 GB).

    python benchmarks/folder_scale.py [--dir /tmp/cnnexplorer_folder_scale] [--grey 70000] [--colour 20000]
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

GOAL_READ_S, GOAL_RSS_GB, GOAL_STREAM_RATIO = 10.0, 1.5, 1.15


def _write_grey(root: Path, count: int) -> None:
    import cv2
    import numpy as np

    from cnnexplorer.core.resources import resource_path

    with np.load(resource_path("data", "mnist_sample.npz")) as npz:
        x = np.concatenate([npz["x_train"], npz["x_test"]])
        y = np.concatenate([npz["y_train"], npz["y_test"]])
    for label in range(10):
        (root / str(label)).mkdir(parents=True, exist_ok=True)
    shifts = np.random.default_rng(0).integers(-2, 3, (count, 2))

    def one(i: int) -> None:
        j = i % len(x)
        ok, png = cv2.imencode(".png", np.roll(x[j], tuple(shifts[i]), axis=(0, 1)))
        (root / str(int(y[j])) / f"{i:05d}.png").write_bytes(png.tobytes())

    with ThreadPoolExecutor(os.cpu_count() or 1) as pool:
        list(pool.map(one, range(count), chunksize=500))


def _write_colour(root: Path, count: int) -> None:
    import cv2
    import numpy as np

    from cnnexplorer.core.resources import resource_path

    classes = {"animals": ("cat.jpg", "astronaut.jpg"), "things": ("coffee.jpg", "rocket.jpg")}
    photos = {name: [cv2.imread(str(resource_path("samples", f))) for f in files] for name, files in classes.items()}
    for name in classes:
        (root / name).mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(0)
    plan = [(list(classes)[i % 2], int(rng.integers(0, 2)), rng.random(3)) for i in range(count)]

    def one(i: int) -> None:
        name, k, (fs, fx, fy) = plan[i]
        photo = photos[name][k]
        h, w = photo.shape[:2]
        side = int(min(h, w) * (0.5 + 0.5 * fs))
        top, left = int((h - side) * fy), int((w - side) * fx)
        crop = cv2.resize(photo[top:top + side, left:left + side], (150, 150), interpolation=cv2.INTER_AREA)
        ok, jpg = cv2.imencode(".jpg", crop, [cv2.IMWRITE_JPEG_QUALITY, 90])
        (root / name / f"{i:05d}.jpg").write_bytes(jpg.tobytes())

    with ThreadPoolExecutor(os.cpu_count() or 1) as pool:
        list(pool.map(one, range(count), chunksize=200))


def _ensure(root: Path, count: int, writer) -> float:
    marker = root / f".complete-{count}"
    if marker.exists():
        return 0.0
    start = time.perf_counter()
    writer(root, count)
    marker.write_text("ok")
    return time.perf_counter() - start


# -- one measurement, in a child process -----------------------------------------

def _peak_rss_gb() -> float:
    try:
        with open("/proc/self/status") as fh:
            for line in fh:
                if line.startswith("VmHWM"):
                    return int(line.split()[1]) / 1e6
    except OSError:
        pass
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e6


def _child(kind: str, folder: str, template: str, mode: str, epoch_images: int) -> dict:
    from cnnexplorer.core.configs import TrainingConfig
    from cnnexplorer.core.spec import template as get_template
    from cnnexplorer.ml.data import load_dataset

    spec = get_template(template)
    budget = {"auto": None, "memory": 1 << 50, "streamed": 1_000_000}[mode]
    import resource

    def cpu() -> float:
        usage = resource.getrusage(resource.RUSAGE_SELF)
        return usage.ru_utime + usage.ru_stime

    start, start_cpu = time.perf_counter(), cpu()
    data = load_dataset(folder, input_shape=tuple(spec.input_shape), memory_budget=budget)
    result = {"folder": kind, "mode": mode, "read_s": round(time.perf_counter() - start, 2),
              "read_cpu_s": round(cpu() - start_cpu, 2),
              "streamed": bool(data.streamed), "images": len(data.x_train) + len(data.x_test),
              "note": data.note, "peak_rss_after_read_gb": round(_peak_rss_gb(), 3)}
    if mode != "auto":
        import numpy as np

        from cnnexplorer.ml.build import build_model
        from cnnexplorer.ml.runtime import keras
        from cnnexplorer.ml.train import train_model

        if epoch_images and epoch_images < len(data.x_train):
            keep = np.sort(np.random.default_rng(0).permutation(len(data.x_train))[:epoch_images])
            data.x_train, data.y_train = data.x_train[keep], data.y_train[keep]
        keras().utils.set_random_seed(0)
        model = build_model(spec)
        seconds = []

        def progress(event):
            if event.kind == "epoch":
                seconds.append(event.metrics.get("seconds", 0.0))

        start = time.perf_counter()
        train_model(model, data, TrainingConfig(epochs=1, batch_size=64, seed=0), progress=progress, evaluate=False)
        result.update(epoch_images=len(data.x_train), epoch_s=round(seconds[-1] if seconds else
                                                                      time.perf_counter() - start, 2))
    result["peak_rss_gb"] = round(_peak_rss_gb(), 3)
    return result


def _run_child(*args: str) -> dict:
    env = dict(os.environ, TF_CPP_MIN_LOG_LEVEL="3")
    out = subprocess.run([sys.executable, __file__, "--child", *args], capture_output=True, text=True, env=env)
    if out.returncode != 0:
        return {"error": out.stderr.strip().splitlines()[-1] if out.stderr.strip() else f"exit {out.returncode}",
                "args": list(args)}
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--dir", default=os.path.join(os.environ.get("TMPDIR", "/tmp"), "cnnexplorer_folder_scale"))
    parser.add_argument("--grey", type=int, default=70_000)
    parser.add_argument("--colour", type=int, default=20_000)
    parser.add_argument("--grey-epoch-images", type=int, default=0, help="0: the whole training split")
    parser.add_argument("--colour-epoch-images", type=int, default=1_000)
    parser.add_argument("--child", nargs=5, metavar=("KIND", "FOLDER", "TEMPLATE", "MODE", "EPOCH_IMAGES"),
                        help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        kind, folder, template, mode, epoch_images = args.child
        print(json.dumps(_child(kind, folder, template, mode, int(epoch_images))))
        return 0

    from cnnexplorer.ml.folders import memory_budget, total_memory

    base = Path(args.dir)
    grey, colour = base / f"grey{args.grey}", base / f"colour{args.colour}"
    written = {"grey_write_s": round(_ensure(grey, args.grey, _write_grey), 1),
               "colour_write_s": round(_ensure(colour, args.colour, _write_colour), 1)}
    rows = []
    for kind, folder, template, epoch_images in (("grey 28×28 PNG", grey, "mnist-cnn", args.grey_epoch_images),
                                                 ("colour 150×150 JPEG", colour, "small-vgg",
                                                  args.colour_epoch_images)):
        for mode in ("auto", "memory", "streamed"):
            rows.append(_run_child(kind, str(folder), template, mode, str(epoch_images)))
            print(json.dumps(rows[-1]), flush=True)
    summary = {"machine": {"cpus": os.cpu_count(), "memory_gb": round((total_memory() or 0) / 1e9, 1),
                           "budget_gb": round(memory_budget() / 1e9, 2),
                           "load_average": [round(v, 1) for v in os.getloadavg()]},
               **written, "rows": rows}
    by = {(r.get("folder"), r.get("mode")): r for r in rows}
    g_auto = by.get(("grey 28×28 PNG", "auto"), {})
    goals = {"grey_read_s<=10": g_auto.get("read_s", 1e9) <= GOAL_READ_S,
             "grey_peak_rss<=1.5GB": g_auto.get("peak_rss_gb", 1e9) <= GOAL_RSS_GB,
             "colour_streamed_automatically": by.get(("colour 150×150 JPEG", "auto"), {}).get("streamed", False)}
    for kind in ("grey 28×28 PNG", "colour 150×150 JPEG"):
        mem, st = by.get((kind, "memory"), {}), by.get((kind, "streamed"), {})
        if "epoch_s" in mem and "epoch_s" in st and mem["epoch_s"]:
            ratio = st["epoch_s"] / mem["epoch_s"]
            goals[f"{kind}: streamed/memory epoch={ratio:.2f}<=1.15"] = ratio <= GOAL_STREAM_RATIO
    summary["goals"] = goals
    print()
    print(f"{'folder':22} {'mode':9} {'read s':>7} {'read CPU s':>10} {'streamed':>8} {'peak RSS GB':>11} "
          f"{'epoch images':>12} {'epoch s':>8}")
    for r in rows:
        if "error" in r:
            print(f"error: {r['error']} ({r['args']})")
            continue
        print(f"{r['folder']:22} {r['mode']:9} {r['read_s']:7.2f} {r['read_cpu_s']:10.2f} {str(r['streamed']):>8} "
              f"{r['peak_rss_gb']:11.2f} "
              f"{r.get('epoch_images', ''):>12} {r.get('epoch_s', ''):>8}")
    print(json.dumps(summary))
    return 0


if __name__ == "__main__":
    sys.exit(main())
