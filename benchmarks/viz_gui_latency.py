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
With --why, a watchdog thread samples the GUI thread's and the other threads' Python
stacks whenever a tick is more than 30 ms late, garbage collections are timed, and the
most common stacks of long gaps are printed to stderr after the JSON line (the
watchdog needs the GIL too: if it wakes late itself, the GIL was held by C code).
"""
from __future__ import annotations

import argparse
import collections
import gc
import json
import os
import sys
import threading
import time
import traceback

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")


class Why:
    """Where the GUI thread is (and what the other threads do) while a tick is late."""

    def __init__(self, late_ms: float = 30.0, period_ms: float = 10.0, use_faulthandler: bool = False) -> None:
        import faulthandler
        import tempfile

        self.late_s = (late_ms + period_ms) / 1000.0
        # faulthandler's own C thread dumps every thread's stack without needing the GIL, so it
        # also catches a gap where C code holds the GIL (the Python watchdog below would wait too);
        # but re-arming it joins a thread on every tick, which itself delays ticks on a loaded machine
        self._faulthandler = faulthandler if use_faulthandler else None
        self._dumps = tempfile.TemporaryFile("w+")
        self.gui = threading.get_ident()
        self.last_tick = time.perf_counter()
        self.phase = ""
        self.samples: list[tuple[str, float, str, str]] = []  # (phase, late ms, gui stack, others)
        self.watchdog_late: list[float] = []  # how late the watchdog itself woke (GIL held elsewhere / no core)
        self.gcs: list[tuple[str, int, float, str]] = []  # (phase, generation, ms, thread)
        self._gc_t0 = 0.0
        self._stop = threading.Event()
        self._schedstat_path = f"/proc/self/task/{threading.get_native_id()}/schedstat"
        self._last_stat = None
        self.gaps: list[tuple[str, float, float, float, float]] = []
        self._seen_tick = None
        gc.callbacks.append(self._on_gc)
        self.thread = threading.Thread(target=self._watch, name="why-watchdog", daemon=True)
        self.thread.start()

    def _schedstat(self) -> tuple[float, float]:
        """(ms on a CPU, ms waiting for a CPU) of the GUI thread so far (Linux)."""
        try:
            with open(self._schedstat_path) as f:
                run, wait = f.read().split()[:2]
            return int(run) / 1e6, int(wait) / 1e6
        except OSError:
            return 0.0, 0.0

    def ticked(self, now: float) -> None:
        gap = (now - self.last_tick) * 1000
        stat = self._schedstat()
        if self.phase and self._last_stat is not None and gap > self.late_s * 1000:
            run, wait = stat[0] - self._last_stat[0], stat[1] - self._last_stat[1]
            # of the gap: GUI thread running (its own work), runnable but without a core (machine load),
            # neither (blocked: waiting for the GIL or a lock)
            self.gaps.append((self.phase, gap, run, wait, max(0.0, gap - run - wait)))
            if self.samples and self.samples[-1][0] == self.phase and self._seen_tick == self.last_tick:
                self.samples[-1] = self.samples[-1][:1] + (gap,) + self.samples[-1][2:]
        self._last_stat = stat
        self.last_tick = now
        if self._faulthandler is not None:
            self._faulthandler.cancel_dump_traceback_later()
            if self.phase:
                self._faulthandler.dump_traceback_later(self.late_s, file=self._dumps)

    def _on_gc(self, event, info):
        if event == "start":
            self._gc_t0 = time.perf_counter()
            self._gc_counts = gc.get_count()
        else:
            name = "gui" if threading.get_ident() == self.gui else threading.current_thread().name
            self.gcs.append((self.phase, info["generation"], (time.perf_counter() - self._gc_t0) * 1000,
                             f"{name}, counts {self._gc_counts}"))

    @staticmethod
    def _stack(frame, limit=14) -> str:
        lines = []
        for fs in traceback.extract_stack(frame)[-limit:]:
            path = fs.filename.replace(os.getcwd() + "/", "")
            if "site-packages/" in path:
                path = path.split("site-packages/")[1]
            lines.append(f"{path}:{fs.lineno} {fs.name}")
        return "\n      ".join(lines)

    def _watch(self):
        while not self._stop.is_set():
            t0 = time.perf_counter()
            time.sleep(0.003)
            woke = time.perf_counter()
            if woke - t0 > 0.020 and self.phase:
                self.watchdog_late.append((woke - t0) * 1000)
            tick = self.last_tick
            if self.phase and woke - tick > self.late_s - 0.010 and self._seen_tick != tick:
                self._seen_tick = tick  # one sample per late tick, taken 30 ms into the gap
                frames = sys._current_frames()
                gui = self._stack(frames[self.gui]) if self.gui in frames else "?"
                names = {t.ident: t.name for t in threading.enumerate()}
                others = []
                for ident, frame in frames.items():
                    if ident in (self.gui, threading.get_ident()):
                        continue
                    st = self._stack(frame, limit=10)
                    if "_bootstrap" in st and "wait" in st.split("\n")[-1]:
                        continue  # idle thread
                    others.append(f"    [{names.get(ident, ident)}]\n      {st}")
                self.samples.append((self.phase, (woke - tick) * 1000, gui, "\n".join(others)))
                frames = frame = None  # do not keep the frames' locals (a QPainter...) alive

    def _faulthandler_report(self, out) -> None:
        self._dumps.seek(0)
        dumps = self._dumps.read().split("Timeout (")[1:]
        gui_hex = f"{self.gui:#018x}"
        gui_stacks, other_stacks = collections.Counter(), collections.Counter()
        for dump in dumps:
            for block in dump.split("\n\n"):
                lines = [ln.strip() for ln in block.strip().splitlines()]
                head = next((i for i, ln in enumerate(lines)
                             if ln.startswith(("Thread 0x", "Current thread 0x"))), None)
                if head is None:
                    continue
                frames = []
                for ln in lines[head + 1:head + 9]:
                    if ln.startswith("File "):
                        path = ln.split('"')[1].replace(os.getcwd() + "/", "").split("site-packages/")[-1]
                        frames.append(f"{path}:{ln.split(', line ')[1]}")
                stack = "\n      ".join(frames)
                if gui_hex in lines[head]:
                    gui_stacks[stack] += 1
                elif "why-watchdog" not in stack and "time.sleep" not in stack:
                    if frames and not frames[0].startswith("threading.py"):
                        other_stacks[stack] += 1
        print(f"\n== faulthandler: {len(dumps)} dumps (ticks {self.late_s * 1000:.0f} ms apart), "
              "most recent call first", file=out)
        for stack, n in gui_stacks.most_common(5):
            print(f"  -- {n}x GUI thread:\n      {stack}", file=out)
        for stack, n in other_stacks.most_common(5):
            print(f"  -- {n}x other thread:\n      {stack}", file=out)

    def report(self, out=sys.stderr):
        self._stop.set()
        gc.callbacks.remove(self._on_gc)
        if self._faulthandler is not None:
            self._faulthandler.cancel_dump_traceback_later()
            self._faulthandler_report(out)
        print(f"\n== --why: {len(self.samples)} late ticks sampled; watchdog itself woke >20 ms late "
              f"{len(self.watchdog_late)} times (max {max(self.watchdog_late, default=0):.0f} ms)", file=out)
        long_gc = [g for g in self.gcs if g[2] > 5]
        print(f"== garbage collections: {len(self.gcs)}, over 5 ms: "
              + ", ".join(f"{p}:gen{g} {ms:.0f}ms on {t}" for p, g, ms, t in long_gc), file=out)
        print("== late gaps, ms: total = GUI thread running + waiting for a core + blocked (GIL/lock):", file=out)
        for phase, gap, run, wait, blocked in sorted(self.gaps, key=lambda g: -g[1])[:12]:
            print(f"  {phase}: {gap:.0f} = {run:.0f} + {wait:.0f} + {blocked:.0f}", file=out)
        by_phase = collections.defaultdict(list)
        for s in self.samples:
            by_phase[s[0]].append(s)
        for phase, samples in by_phase.items():
            print(f"\n== phase {phase}: {len(samples)} late ticks", file=out)
            counts = collections.Counter(s[2] for s in samples)
            for stack, n in counts.most_common(4):
                worst = max(s[1] for s in samples if s[2] == stack)
                print(f"  -- {n}x GUI thread (gap up to {worst:.0f} ms):\n      {stack}", file=out)
                other = collections.Counter(s[3] for s in samples if s[2] == stack).most_common(1)[0][0]
                print(f"  other threads then:\n{other}", file=out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--why", action="store_true", help="sample the stacks of long gaps (see the docstring)")
    parser.add_argument("--late", type=float, default=20.0, help="with --why: sample ticks later than this (ms)")
    parser.add_argument("--faulthandler", action="store_true",
                        help="with --why: also dump stacks from faulthandler's C thread (catches GIL holders, "
                             "but slows ticks itself)")
    args = parser.parse_args()
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

    why = Why(args.late, use_faulthandler=args.faulthandler) if args.why else None

    def tick():
        now = time.perf_counter()
        gaps.append((now - last[0]) * 1000)
        last[0] = now
        if why is not None:
            why.ticked(now)

    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(tick)

    def phase(name, start, done, timeout=600):
        gaps.clear()
        last[0] = time.perf_counter()
        if why is not None:
            why.last_tick, why.phase, why._last_stat = last[0], name, why._schedstat()
        timer.start()
        t0 = time.perf_counter()
        start()
        while not done() and time.perf_counter() - t0 < timeout:
            app.processEvents()
            time.sleep(0.001)
        timer.stop()
        if why is not None:
            why.phase = ""
        s = sorted(gaps) or [0.0]
        return name, {"seconds": round(time.perf_counter() - t0, 2), "max_gap_ms": round(s[-1], 1),
                      "p99_gap_ms": round(s[int(0.99 * (len(s) - 1))], 1), "ticks": len(gaps)}

    t_end: list = [None]

    def idle_done():
        if t_end[0] is None:
            t_end[0] = time.perf_counter() + 2
        return time.perf_counter() > t_end[0]

    results = dict([phase("idle", lambda: None, idle_done)])
    results.update([phase(
        "model_activations_gradcam",
        lambda: tab.session.set_model(model, "VGG16 (random weights)", "pretrained"),
        lambda: tab.activations.view.image() is not None and not tab.analysis_slot.is_busy()
        and not tab.activations.grid_slot.is_busy())])
    results.update([phase("switch_to_gradcam", lambda: tab.views.setCurrentIndex(2),
                          lambda: tab.gradcam.views["overlay"].image() is not None)])
    results.update([phase("switch_layer",
                          lambda: (tab.views.setCurrentIndex(0), tab.activations.layer_list.setCurrentRow(3)),
                          lambda: not tab.activations.grid_slot.is_busy())])

    def start_filters():
        tab.views.setCurrentIndex(1)
        tab.filters.layer.setCurrentIndex(tab.filters.layer.findData("block3_conv1"))
        tab.filters.count.setValue(8)
        tab.filters.steps.setValue(3)
        tab.filters.start_button.click()

    results.update([phase("filter_patterns", start_filters,
                          lambda: tab.filters.slot.task is not None and not tab.filters.slot.is_busy())])
    results["patterns"] = len(tab.filters.patterns)
    print(json.dumps(results), flush=True)
    tab.shutdown()
    if why is not None:
        why.report()


if __name__ == "__main__":
    main()
