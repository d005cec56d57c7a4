"""Every lesson's demo for seeds 0, 1 and 2: seconds, measures and whether the claim held.

Each demo runs in its own process (``cnnexplorer lesson NAME --seed S``, the
same code as the Lessons tab), so one demo's TensorFlow state cannot speed up
or slow down the next. A demo should take at most 120 s on a 2-core machine
and its claim should hold for every seed. The 1-minute load average at the
start of each run is printed too: on a shared machine it explains slow rows.

Prints one JSON line per run, then a table. Usage:

    .venv/bin/python benchmarks/lessons.py [--seeds 0 1 2] [--lessons NAME ...]
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time

LIMIT_S = 120.0


def run_one(name: str, seed: int) -> dict:
    load = os.getloadavg()[0]
    start = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "cnnexplorer", "lesson", name, "--seed", str(seed), "--quiet"],
                          capture_output=True, text=True)
    wall = time.perf_counter() - start
    row: dict = {"lesson": name, "seed": seed, "load_1min": round(load, 1), "process_seconds": round(wall, 1)}
    lines = [line for line in proc.stdout.splitlines() if line.startswith("{")]
    if proc.returncode != 0 or not lines:
        row.update(error=(proc.stderr.strip().splitlines() or ["no output"])[-1], holds=None)
        return row
    result = json.loads(lines[-1])
    row.update(seconds=result["seconds"], holds=result["holds"], complete=result["complete"],
               measures=result["measures"], runs=[{k: r.get(k) for k in ("name", "test_accuracy", "seconds")}
                                                  for r in result["runs"]])
    return row


def short_measures(measures: dict, limit: int = 6) -> str:
    parts = []
    for key, value in measures.items():
        if isinstance(value, (list, dict)):
            continue
        if isinstance(value, float):
            value = f"{value:.3g}"
        parts.append(f"{key}={value}")
    return ", ".join(parts[:limit])


def main() -> int:
    from cnnexplorer.ml.lessons import LESSONS

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=int, nargs="+", default=[0, 1, 2])
    parser.add_argument("--lessons", nargs="+", default=[lesson.name for lesson in LESSONS])
    args = parser.parse_args()
    rows = []
    for name in args.lessons:
        for seed in args.seeds:
            row = run_one(name, seed)
            rows.append(row)
            print(json.dumps(row, ensure_ascii=False), flush=True)
    print()
    print(f"{'lesson':26} {'seed':>4} {'seconds':>8} {'load':>5} {'holds':>6}  measures")
    for row in rows:
        seconds = row.get("seconds")
        flag = "" if seconds is None or seconds <= LIMIT_S else " (>120 s)"
        holds = {True: "yes", False: "NO", None: "error"}[row.get("holds")]
        if row.get("complete") is False:
            holds = "stopped"
        text = row.get("error") or short_measures(row.get("measures", {}))
        shown = "-" if seconds is None else f"{seconds:.1f}"
        print(f"{row['lesson']:26} {row['seed']:>4} {shown:>8} {row['load_1min']:>5} {holds:>6}  {text}{flag}")
    held = sum(1 for row in rows if row.get("holds"))
    fast = sum(1 for row in rows if row.get("seconds") is not None and row["seconds"] <= LIMIT_S)
    print(f"\nclaims held: {held}/{len(rows)}; within {LIMIT_S:.0f} s: {fast}/{len(rows)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
