"""Benchmark: start-up to the first paint, against a bare Qt window (issue 16: constant start-up).

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/firstpaint_bench.py [--items 50000] [--runs 5]

Each figure is a fresh Python process (interpreter start-up included) from launch to the first
paint of the main window, median of `--runs`, run side by side (interleaved) with:

* bare Qt: a QApplication and a QMainWindow with one label, nothing else;
* Briefer now: `briefer.app`'s start (constant-time open checks, window, first paint; the check and
  backup run afterwards on a worker thread); "steady" = checked and backed up today (nothing due),
  "due" = a full check and a backup are due (the first start after an upgrade, or a month later);
  for "due" the time until the worker has finished is printed too;
  and the longest event-loop stall meanwhile (a 5 ms QTimer on the GUI thread);
* Briefer before: the old order, a full `integrity_check` and a backup on the GUI thread before the
  window (what every start did when anything had changed).

Databases: a fresh one (no file yet), the bundled sample, and a large one of `--items` items built
with `bench/search_bench.py`'s generator (cached in ~/.cache/briefer-bench/). The page cache is
warm (the machine is shared; dropping caches would disturb other jobs).
"""

from __future__ import annotations

import argparse
import os
import shutil
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
CACHE = Path.home() / ".cache" / "briefer-bench"

CHILD = r"""
import sys, time
mode, db, settings, t0 = sys.argv[1], sys.argv[2], sys.argv[3], float(sys.argv[4])
from pathlib import Path
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QWidget
app = QApplication([])
painted = []
class Probe(QObject):
    def eventFilter(self, obj, ev):
        if ev.type() == QEvent.Type.Paint and not painted and isinstance(obj, QWidget) and obj.window() is target[0]:
            painted.append(time.time() - t0)
            print(f"paint {painted[0]:.4f}", flush=True)
            QTimer.singleShot(0, after_paint)
        return False
target = [None]
probe = Probe()
app.installEventFilter(probe)
session = None
ticks = []
ticker = QTimer()
ticker.setInterval(5)
ticker.timeout.connect(lambda: ticks.append(time.perf_counter()))
def after_paint():
    if session is None or session.maintenance is None:
        app.exit(0)
    else:
        ticker.start()  # the event loop while the worker checks and backs up
def finished(*_):
    print(f"done {time.time() - t0:.4f}", flush=True)
    gaps = [b - a for a, b in zip(ticks, ticks[1:])]
    print(f"stall {max(gaps, default=0.0):.4f}", flush=True)
    app.exit(0)
if mode == "bare":
    w = QMainWindow(); w.setCentralWidget(QLabel("Briefer")); w.resize(1440, 900); target[0] = w; w.show()
else:
    from briefer import app as A
    from briefer.gui.theme import apply_theme, install_translations
    apply_theme(app); install_translations(app)
    if mode == "before" and Path(db).exists():
        from briefer.store import backup as bk
        bk.check_integrity(Path(db), full=True)
        bk.backup(Path(db), force=True)
    window = A.open_for_start(Path(db), settings_path=Path(settings))
    target[0] = window
    window.show()
    if mode.startswith("now"):
        session = A.StartupSession(window, Path(db), settings_path=Path(settings))
        if session.maintenance is not None:
            session.maintenance.finished.connect(finished)
            session.maintenance.damaged.connect(finished)
            session.maintenance.failed.connect(finished)
QTimer.singleShot(600000, app.quit)
app.exec()
if session is not None and session.maintenance is not None:
    session.maintenance.wait()
"""


STALLS: dict[str, list[float]] = {}


def run_child(mode: str, db: Path, settings: Path, label: str = "") -> tuple[float, float | None]:
    t0 = time.time()
    proc = subprocess.run([sys.executable, "-c", CHILD, mode, str(db), str(settings), str(t0)],
                          capture_output=True, text=True, cwd=REPO, timeout=900)
    paint = done = None
    for line in proc.stdout.splitlines():
        if line.startswith("paint "):
            paint = float(line.split()[1])
        elif line.startswith("done "):
            done = float(line.split()[1])
        elif line.startswith("stall "):
            STALLS.setdefault(label, []).append(float(line.split()[1]))
    if paint is None:
        raise SystemExit(f"{mode} run failed: {proc.stderr[-600:]}")
    return paint, done


def large_db(items: int) -> Path:
    """A database of `items` generated items, built once and cached."""
    CACHE.mkdir(parents=True, exist_ok=True)
    path = CACHE / f"startup-{items}.db"
    if path.exists():
        return path
    from bench.search_bench import build
    from briefer.store import Store

    partial = path.with_suffix(".part.db")
    for p in (partial, partial.with_name(partial.name + "-wal"), partial.with_name(partial.name + "-shm")):
        p.unlink(missing_ok=True)
    t = time.perf_counter()
    with Store.open(partial) as store:
        build(store, items)
        store.db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    os.replace(partial, path)
    shutil.rmtree(partial.parent / "backups", ignore_errors=True)
    print(f"built {items:,} items in {time.perf_counter() - t:.0f} s ({path.stat().st_size / 1e6:.0f} MB), "
          f"cached at {path}", flush=True)
    return path


def prepare(work: Path, name: str, source: Path | None) -> Path:
    folder = work / name
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    db = folder / "briefer.db"
    if source is not None:
        shutil.copyfile(source, db)
    return db


def make_steady(db: Path) -> None:
    """Checked and backed up today: nothing due at the next start."""
    from briefer.store.maintenance import run_maintenance

    if db.exists():
        run_maintenance(db)


def make_due(db: Path) -> None:
    """A full check and a backup due (no health record, no backups)."""
    from briefer.store import files as side

    shutil.rmtree(side.backup_dir(db), ignore_errors=True)


def main() -> int:
    compile_bytecode()  # figures of an installed Briefer, not of a stale-.pyc checkout
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--items", type=int, default=50_000)
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()

    from briefer.importer import import_file
    from briefer.store import Store

    work = Path(tempfile.mkdtemp(prefix="briefer-startup-"))
    os.environ["BRIEFER_HOME"] = str(work / "home")
    sample_src = work / "sample.db"
    with Store.open(sample_src) as store:
        import_file(store, REPO / "resources" / "samples" / "kst-30821-196.pdf")
        store.db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    sources = {"fresh (no file)": None, "sample (1 document)": sample_src,
               f"large ({args.items:,} items)": large_db(args.items)}
    print(f"{'database':<26} {'size':>8} {'mode':<16} {'first paint ms':>15} {'ratio':>6} {'worker done ms':>15}")
    bare: list[float] = []
    for label, source in sources.items():
        size = f"{source.stat().st_size / 1e6:.0f} MB" if source else "—"
        figures: dict[str, list[tuple[float, float | None]]] = {"now, steady": [], "now, due": [], "before": []}
        for _ in range(args.runs):  # interleaved: every mode sees the same machine load
            bare.append(run_child("bare", work / "none.db", work / "s.json")[0])
            db = prepare(work, "steady", source)
            make_steady(db)
            figures["now, steady"].append(run_child("now", db, work / "s.json", f"{label}, steady"))
            db = prepare(work, "due", source)
            make_due(db)
            figures["now, due"].append(run_child("now", db, work / "s.json", f"{label}, due"))
            db = prepare(work, "before", source)
            figures["before"].append(run_child("before", db, work / "s.json"))
        base = statistics.median(bare)
        for mode, runs in figures.items():
            paint = statistics.median(p for p, _ in runs) * 1000
            dones = [d for _, d in runs if d is not None]
            done = f"{statistics.median(dones) * 1000:>15.0f}" if dones else f"{'—':>15}"
            print(f"{label:<26} {size:>8} {mode:<16} {paint:>15.0f} {paint / (base * 1000):>6.2f} {done}",
                  flush=True)
    print(f"{'bare Qt window':<26} {'':>8} {'':<16} {statistics.median(bare) * 1000:>15.0f} {1:>6.2f}")
    for label, stalls in STALLS.items():
        print(f"longest event-loop stall while the worker runs ({label}): "
              f"median {statistics.median(stalls) * 1000:.0f} ms, max {max(stalls) * 1000:.0f} ms")
    shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
