"""Timing shared by the benchmarks: wall time and this process's CPU time of repeated calls."""
from __future__ import annotations

import statistics
import time
from collections.abc import Callable


def timed(fn: Callable[[], object], repeats: int = 7) -> tuple[float, float, float]:
    """Call ``fn`` ``repeats`` times: (median wall ms, minimum wall ms, median CPU ms of this process)."""
    wall, cpu = [], []
    for _ in range(repeats):
        t0, c0 = time.perf_counter(), time.process_time()
        fn()
        wall.append((time.perf_counter() - t0) * 1000)
        cpu.append((time.process_time() - c0) * 1000)
    return statistics.median(wall), min(wall), statistics.median(cpu)
