"""Benchmark: start-up of the packaged Briefer against the checkout (prints figures).

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/startup_bench.py [--runs 5]

Times, from process spawn (wall clock, as a user's double-click), side by side and interleaved:
1. to the main window's first paint: a bare PySide6 window (baseline), the checkout
   (`.venv/bin/python packaging/briefer_app.py`), the one-folder build (dist/Briefer) and the
   one-file build (dist/onefile) when built; all on one database already holding the sample, through
   the real entry point (`BRIEFER_FIRST_PAINT=1`: theme, translations, integrity check, backup,
   window, restored session);
2. `briefer --version` (Python's own start-up as the baseline);
and prints the size of the built bundle. Builds missing from dist/ are reported, not made
(`./dev package`, `./dev package --onefile`).
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench.bytecode import compile_bytecode  # noqa: E402

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
VENV_PY = Path(sys.executable)
MB = 1024 * 1024

BARE_WINDOW = r"""
import sys, time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow
app = QApplication(sys.argv[:1])
win = QMainWindow(); win.setCentralWidget(QLabel("Briefer")); win.resize(1200, 800)
class Probe(QObject):
    def eventFilter(self, obj, ev):
        if ev.type() == QEvent.Type.Paint:
            app.removeEventFilter(self)
            print(f"first-paint {time.time():.3f}", flush=True)
            QTimer.singleShot(0, app.quit)
        return False
probe = Probe(); app.installEventFilter(probe)
win.show(); app.exec()
"""


def _layout():
    spec = importlib.util.spec_from_file_location("briefer_layout", REPO / "packaging" / "layout.py")
    module = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(module)
    return module


def first_paint(cmd: list[str], env: dict[str, str]) -> float:
    """Seconds from spawn to the first-paint line the process prints."""
    start = time.time()
    proc = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=120, check=False)
    for line in proc.stdout.splitlines():
        if line.startswith("first-paint "):
            return float(line.split()[1]) - start
    raise RuntimeError(f"no first paint from {cmd[0]} (exit {proc.returncode}): {proc.stderr[-400:]}")


def wall(cmd: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, env=env, capture_output=True, timeout=120, check=True)
    return time.perf_counter() - start


def table(title: str, rows: dict[str, list[float]], base: str) -> None:
    print(f"\n{title}")
    print(f"  {'':28} {'median':>9} {'best':>9} {'ratio':>7}")
    base_median = statistics.median(rows[base])
    for name, times in rows.items():
        med = statistics.median(times)
        print(f"  {name:28} {med * 1000:7.0f} ms {min(times) * 1000:7.0f} ms {med / base_median:6.2f}x")


def main() -> int:
    compile_bytecode()  # figures of an installed Briefer, not of a stale-.pyc checkout
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    layout = _layout()
    home = Path(tempfile.mkdtemp(prefix="briefer-startup-"))
    env = dict(os.environ, BRIEFER_HOME=str(home), BRIEFER_FIRST_PAINT="1")
    env.pop("BRIEFER_DB", None)
    subprocess.run([str(VENV_PY), "-m", "briefer", "import", str(REPO / "resources" / "samples" / "kst-30821-196.pdf")],
                   env=env, capture_output=True, check=True, timeout=300)

    gui = {"bare PySide6 window": [str(VENV_PY), "-c", BARE_WINDOW],
           "checkout": [str(VENV_PY), str(REPO / "packaging" / "briefer_app.py")]}
    cli = {"python -c pass": [str(VENV_PY), "-c", "pass"],
           "checkout": [str(VENV_PY), "-m", "briefer", "--version"]}
    for label, path in (("one-folder build", layout.program("briefer-app")),
                        ("one-file build", layout.onefile_program("briefer-app"))):
        if path.exists():
            gui[label] = [str(path)]
        else:
            print(f"({label}: {path.relative_to(REPO)} not built)")
    for label, path in (("one-folder build", layout.program("briefer")),
                        ("one-file build", layout.onefile_program("briefer"))):
        if path.exists():
            cli[label] = [str(path), "--version"]

    for cmd in gui.values():  # warm the file cache once, unmeasured
        first_paint(cmd, env)
    gui_times: dict[str, list[float]] = {name: [] for name in gui}
    cli_times: dict[str, list[float]] = {name: [] for name in cli}
    for _ in range(args.runs):
        for name, cmd in gui.items():
            gui_times[name].append(first_paint(cmd, env))
        for name, cmd in cli.items():
            cli_times[name].append(wall(cmd, env))

    print(f"start-up, {args.runs} interleaved runs, QT_QPA_PLATFORM={os.environ['QT_QPA_PLATFORM']}, "
          f"load average {os.getloadavg()[0]:.1f}" if hasattr(os, "getloadavg") else "")
    table("spawn to the main window's first paint (database holding the sample)", gui_times,
          "bare PySide6 window")
    table("briefer --version", cli_times, "python -c pass")
    root = layout.bundle_root()
    if root.exists():
        print(f"\none-folder bundle {root.relative_to(REPO)}: {layout.tree_size(root) / MB:.1f} MiB "
              f"({layout.tree_size(root) / 1e6:.1f} MB), {sum(1 for _ in root.rglob('*'))} files")
    for name in layout.PROGRAMS:
        path = layout.onefile_program(name)
        if path.exists():
            print(f"one-file {path.relative_to(REPO)}: {path.stat().st_size / MB:.1f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
