"""Smoke test of a built bundle (`make package-test`): run it the way a user would, offscreen, and time it.

    .venv/bin/python packaging/test_bundle.py [dist/cnnexplorer] [--out build/package-test]

Each step runs the bundled executable in a fresh process with an empty home folder (a first start on a new
machine) and without the development environment's PYTHONPATH/virtualenv, so the bundle cannot borrow anything
from the source tree. Steps: --version, selftest, a screenshot of the Visualize tab, the start-up probe, and a
look inside the folder for things that must not be bundled. Prints one line per step and a JSON summary
(sizes and start-up times); exits 1 if any step failed.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VERSION = re.search(r'__version__\s*=\s*"([^"]+)"', (ROOT / "cnnexplorer" / "__init__.py").read_text()).group(1)

# Pieces that must stay out of the bundle (other Qt bindings, unused Qt modules, TensorBoard, test tools).
FORBIDDEN = ("PyQt5", "PyQt6", "PySide2", "tensorboard", "QtWebEngine", "Qt6Quick", "Qt6Qml", "Qt63D",
             "Qt6Multimedia", "pytest", "hypothesis", "tkinter", "libclang")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("bundle", nargs="?", default=str(ROOT / "dist" / "cnnexplorer"))
    parser.add_argument("--out", default=str(ROOT / "build" / "package-test"), help="screenshot and logs go here")
    args = parser.parse_args()
    bundle = Path(args.bundle).resolve()
    exe = bundle / ("cnnexplorer.exe" if sys.platform.startswith("win") else "cnnexplorer")
    if not exe.exists():
        print(f"error: {exe} does not exist: build the bundle first with `make package`.", file=sys.stderr)
        return 1
    out = Path(args.out).resolve()
    out.mkdir(parents=True, exist_ok=True)
    home = Path(tempfile.mkdtemp(prefix="cnnexplorer-home-"))
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV")}
    env.update(QT_QPA_PLATFORM="offscreen", HOME=str(home), XDG_CONFIG_HOME=str(home / ".config"),
               XDG_CACHE_HOME=str(home / ".cache"), USERPROFILE=str(home))
    env["PATH"] = os.pathsep.join(p for p in env.get("PATH", "").split(os.pathsep) if ".venv" not in p)

    failures: list[str] = []
    summary: dict[str, object] = {"bundle": str(bundle), "version": VERSION}

    def run(name: str, *cmd: str, timeout: float = 600, prefix: tuple = (), extra_env: dict | None = None
            ) -> subprocess.CompletedProcess | None:
        started = time.perf_counter()
        try:
            result = subprocess.run([*prefix, str(exe), *cmd], capture_output=True, text=True, timeout=timeout,
                                    env=dict(env, **(extra_env or {})), cwd=str(out))
        except subprocess.TimeoutExpired:
            failures.append(name)
            print(f"FAIL  {name}: no answer within {timeout:.0f} s")
            return None
        seconds = time.perf_counter() - started
        (out / f"{name}.log").write_text(f"$ {exe} {' '.join(cmd)}\nexit {result.returncode} "
                                         f"after {seconds:.1f} s\n--- stdout\n{result.stdout}\n--- stderr\n"
                                         f"{result.stderr}", encoding="utf-8")
        result.seconds = seconds  # type: ignore[attr-defined]
        return result

    def verdict(name: str, ok: bool, detail: str) -> None:
        print(f"{'ok  ' if ok else 'FAIL'}  {name}: {detail}", flush=True)
        if not ok:
            failures.append(name)

    # 1. --version (a cold start: measures how long the bundle takes to start Python at all)
    result = run("version", "--version")
    if result:
        expected = f"cnnexplorer {VERSION}"
        verdict("version", result.returncode == 0 and result.stdout.strip() == expected,
                f"{result.stdout.strip() or result.stderr.strip()[-200:]!r} in {result.seconds:.1f} s")
        summary["version_seconds"] = round(result.seconds, 2)
        result = run("version-warm", "--version")
        if result:
            summary["version_warm_seconds"] = round(result.seconds, 2)

    # 2. selftest: bundled files, command discovery, Qt offscreen, Keras build/train/save/reload
    result = run("selftest", "selftest", "--json", str(out / "selftest.json"))
    if result:
        lines = [line for line in result.stdout.splitlines() if line.strip().startswith(("ok", "FAIL"))]
        verdict("selftest", result.returncode == 0,
                f"exit {result.returncode} in {result.seconds:.1f} s" + "".join(f"\n        {line.strip()}"
                                                                             for line in lines))
        if result.returncode != 0:
            print(result.stdout[-2000:], result.stderr[-3000:], sep="\n")
        summary["selftest_seconds"] = round(result.seconds, 2)

    # 3. a screenshot of the Visualize tab (waits for TensorFlow to load, like the real window)
    shot = out / "visualize.png"
    shot.unlink(missing_ok=True)
    result = run("screenshot", "gui", "--tab", "visualize", "--screenshot", str(shot))
    if result:
        size = _png_size(shot)
        verdict("screenshot", result.returncode == 0 and size is not None and size[0] >= 1000,
                f"exit {result.returncode}, {shot} {size} in {result.seconds:.1f} s")
        if result.returncode != 0:
            print(result.stderr[-3000:])
        summary["screenshot_seconds"] = round(result.seconds, 2)

    # 4. start-up probe: seconds from launching the process to the window being shown (twice: cold, then warm)
    for label in ("window_shown_seconds", "window_shown_warm_seconds"):
        launched = time.time()
        result = run("startup-probe", "gui", "--startup-probe")
        shown = None
        if result and result.returncode == 0:
            for line in result.stdout.splitlines():
                if line.startswith("{") and '"window-shown"' in line:
                    shown = json.loads(line)["t"] - launched
        verdict("startup-probe", shown is not None,
                f"window shown after {shown:.1f} s" if shown is not None else "no window-shown line")
        summary[label] = round(shown, 2) if shown is not None else None

    # 5. the real desktop platform plugin (X11 through a virtual X server), where one is available: the
    #    offscreen plugin needs almost no system libraries, xcb needs the bundled and the system's X libraries.
    xvfb = shutil.which("xvfb-run") if sys.platform.startswith("linux") else None
    if xvfb:
        result = run("startup-probe-xcb", "gui", "--startup-probe", prefix=(xvfb, "-a", "-s", "-screen 0 1280x800x24"),
                     extra_env={"QT_QPA_PLATFORM": "xcb"}, timeout=300)
        shown = result is not None and result.returncode == 0 and '"window-shown"' in result.stdout
        verdict("window-on-x11", shown, "the window opened on an X server (xcb platform plugin)" if shown else
                f"exit {getattr(result, 'returncode', None)}: {(result.stderr if result else '')[-600:]}")
    else:
        print("skip  window-on-x11: xvfb-run is not installed (Debian/Ubuntu: apt-get install xvfb)")

    # 6. what is in the folder
    bad = sorted({str(p.relative_to(bundle)) for p in bundle.rglob("*")
                  if any(word.lower() in p.name.lower() for word in FORBIDDEN)})
    verdict("contents", not bad, "nothing unwanted bundled" if not bad else f"unwanted: {', '.join(bad[:10])}")
    summary["bundle_bytes"] = sum(p.stat().st_size for p in bundle.rglob("*") if p.is_file() and not p.is_symlink())
    tarballs = sorted((bundle.parent).glob(f"cnnexplorer-{VERSION}-*.tar.gz"))
    if tarballs:
        summary["tarball"] = str(tarballs[-1])
        summary["tarball_bytes"] = tarballs[-1].stat().st_size

    shutil.rmtree(home, ignore_errors=True)
    summary["ok"] = not failures
    print(json.dumps(summary))
    if failures:
        print(f"{len(failures)} step(s) failed: {', '.join(failures)}; logs in {out}", file=sys.stderr)
        return 1
    print(f"The bundle works. Logs and the screenshot are in {out}.")
    return 0


def _png_size(path: Path) -> tuple[int, int] | None:
    """(width, height) of a PNG file, or None when it is missing or not a PNG."""
    try:
        head = path.read_bytes()[:24]
    except OSError:
        return None
    if head[:8] != b"\x89PNG\r\n\x1a\n":
        return None
    return struct.unpack(">II", head[16:24])


if __name__ == "__main__":
    sys.exit(main())
