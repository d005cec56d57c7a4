"""Time from process start to the main window being shown, next to `import tensorflow`.

Goal (Foundation issue): the window appears in under half the time TensorFlow
takes to import, because TensorFlow loads in the background after the window
is up. Prints one JSON object. Each measurement is the median of N runs of a
fresh process, timed from the parent (interpreter start included).
"""
from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import time

RUNS = int(os.environ.get("BENCH_RUNS", "5"))
ENV = dict(os.environ, QT_QPA_PLATFORM="offscreen", TF_CPP_MIN_LOG_LEVEL="2")


def time_window_shown() -> float:
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "cnnexplorer", "gui", "--startup-probe"],
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=ENV)
    for line in proc.stdout:
        if '"window-shown"' in line:
            elapsed = time.perf_counter() - start
            break
    else:
        raise SystemExit("the window never reported being shown")
    proc.wait()
    return elapsed


def time_import_tensorflow() -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", "import tensorflow"], check=True, env=ENV,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def main() -> None:
    time_window_shown()  # warm the file cache once, as a second launch would be
    time_import_tensorflow()
    window = statistics.median(time_window_shown() for _ in range(RUNS))
    tf = statistics.median(time_import_tensorflow() for _ in range(RUNS))
    print(json.dumps({
        "benchmark": "startup",
        "runs": RUNS,
        "window_shown_s": round(window, 3),
        "import_tensorflow_s": round(tf, 3),
        "ratio": round(window / tf, 3),
        "goal": "ratio < 0.5",
        "ok": window / tf < 0.5,
    }))


if __name__ == "__main__":
    main()
