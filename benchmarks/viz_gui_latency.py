"""How long the GUI thread is blocked while the Visualize tab works on VGG16 (random weights, 224x224).

Issue #5 target: the GUI thread never blocks more than 50 ms. A 10 ms QTimer runs on
the GUI thread and records the gaps between its ticks while the tab: reads the model,
computes all conv/pool activations and Grad-CAM for the cat photo, builds the
block1_conv1 grid (64 tiles of 224x224), switches to Grad-CAM, switches layers, and
grows 8 filter patterns of block3_conv1 (3 steps). Prints one JSON line with the
largest gap and the 99th percentile per phase, in ms (a gap includes the 10 ms period).
On a loaded shared machine gaps also include waiting for a core: compare with
the "idle" phase, where the tab does nothing.
Run: QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/viz_gui_latency.py
"""
from __future__ import annotations

import json
import os
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")


def main() -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from cnnexplorer.core.session import Session
    from cnnexplorer.ml.runtime import keras
    from cnnexplorer.ui.session_bridge import SessionBridge
    from cnnexplorer.ui.tabs.visualize import VisualizeTab

    app = QApplication.instance() or QApplication([])
    from cnnexplorer.ml.runtime import load_backend

    load_backend()  # as the main window does at start-up (its gc.freeze() keeps full collections short)
    model = keras().applications.VGG16(weights=None, input_shape=(224, 224, 3))
    tab = VisualizeTab(SessionBridge(Session()))
    tab.resize(1280, 760)
    tab.show()
    gaps: list[float] = []
    last = [time.perf_counter()]

    def tick():
        now = time.perf_counter()
        gaps.append((now - last[0]) * 1000)
        last[0] = now

    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(tick)

    def phase(name, start, done, timeout=600):
        gaps.clear()
        last[0] = time.perf_counter()
        timer.start()
        t0 = time.perf_counter()
        start()
        while not done() and time.perf_counter() - t0 < timeout:
            app.processEvents()
            time.sleep(0.001)
        timer.stop()
        s = sorted(gaps) or [0.0]
        return name, {"seconds": round(time.perf_counter() - t0, 2), "max_gap_ms": round(s[-1], 1),
                      "p99_gap_ms": round(s[int(0.99 * (len(s) - 1))], 1), "ticks": len(gaps)}

    def idle_done(t_end=[None]):
        if t_end[0] is None:
            t_end[0] = time.perf_counter() + 2
        return time.perf_counter() > t_end[0]

    def running(task):
        return task is not None and task.is_running()

    results = dict([phase("idle", lambda: None, idle_done)])
    results.update([phase(
        "model_activations_gradcam",
        lambda: tab.session.set_model(model, "VGG16 (random weights)", "pretrained"),
        lambda: tab.act_view.image() is not None and not running(tab._analysis_task) and not running(tab._grid_task))])
    results.update([phase("switch_to_gradcam", lambda: tab.views.setCurrentIndex(2),
                          lambda: tab.cam_views["overlay"].image() is not None)])
    results.update([phase("switch_layer", lambda: (tab.views.setCurrentIndex(0), tab.layer_list.setCurrentRow(3)),
                          lambda: not running(tab._grid_task))])

    def start_filters():
        tab.views.setCurrentIndex(1)
        tab.filter_layer.setCurrentIndex(tab.filter_layer.findData("block3_conv1"))
        tab.filter_count.setValue(8)
        tab.filter_steps.setValue(3)
        tab.filter_start.click()

    results.update([phase("filter_patterns", start_filters,
                          lambda: tab._filter_task is not None and not running(tab._filter_task))])
    results["patterns"] = len(tab._patterns)
    print(json.dumps(results))
    tab.shutdown()


if __name__ == "__main__":
    main()
