"""Benchmark: a whole `briefer import` process against a bare pypdf extraction process, side by side.

    .venv/bin/python bench/cli_import_bench.py [--file resources/samples/kst-30821-196.pdf] [--runs 5]

Both run as an installed Briefer does, with compiled .pyc files (PYTHONDONTWRITEBYTECODE is dropped
for the child processes; the warm-up run writes them). Each run starts two fresh processes one after the other: the bare baseline
`python -c "import pypdf; [p.extract_text() for p in pypdf.PdfReader(FILE).pages]"` and the CLI
`python -m briefer import FILE --db DB`, into a copy of an existing (empty, migrated) database, as a
staffer's import goes; the file is new to it each time, so it is really read, parsed and stored.
`--fresh` imports into a database that does not exist yet instead (the very first import, which
also creates the schema). Prints the median wall-clock time of each and their ratio (target ≤ 1.5 for the
24-page sample), plus the best times. Not a test.
"""

from __future__ import annotations

import argparse
import os
import resource
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

# as installed: Python writes and reuses .pyc files (pip does at install), so start-up is not compiling source
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
BARE = "import sys, pypdf; r = pypdf.PdfReader(sys.argv[1]); [p.extract_text() for p in r.pages]"


def timed(argv: list[str]) -> tuple[float, float]:
    """(wall-clock seconds, CPU seconds of the child) of one process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    proc = subprocess.run(argv, cwd=REPO, capture_output=True, text=True, env=ENV)
    elapsed = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(argv)} failed: {proc.stderr.strip()}")
    return elapsed, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> int:
    compile_bytecode()  # figures of an installed Briefer, not of a stale-.pyc checkout
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--file", type=Path, default=REPO / "resources" / "samples" / "kst-30821-196.pdf")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--fresh", action="store_true", help="create a new database in every run")
    args = ap.parse_args()
    bare: list[tuple[float, float]] = []
    cli: list[tuple[float, float]] = []
    with tempfile.TemporaryDirectory() as tmp:
        timed([sys.executable, "-c", BARE, str(args.file)])  # warm the file cache and the .pyc files once
        timed([sys.executable, "-m", "briefer", "import", str(args.file), "--db", str(Path(tmp) / "warm.db")])
        template = Path(tmp) / "empty.db"
        timed([sys.executable, "-m", "briefer", "list", "--db", str(template)])  # an existing, migrated database
        for run in range(args.runs):
            db = Path(tmp) / f"run{run}.db"
            if not args.fresh:
                shutil.copyfile(template, db)
            bare.append(timed([sys.executable, "-c", BARE, str(args.file)]))
            cli.append(timed([sys.executable, "-m", "briefer", "import", str(args.file), "--db", str(db)]))
    mb, mc = statistics.median(w for w, _ in bare), statistics.median(w for w, _ in cli)
    cb, cc = statistics.median(c for _, c in bare), statistics.median(c for _, c in cli)
    into = "a new database each run" if args.fresh else "an existing database"
    print(f"file: {args.file.name}; into {into}; {args.runs} runs, interleaved; "
          f"load average {os.getloadavg()[0]:.1f}")
    print(f"bare pypdf extraction process: median {mb:.3f} s wall (best {min(w for w, _ in bare):.3f}), "
          f"{cb:.3f} s CPU")
    print(f"briefer import process:        median {mc:.3f} s wall (best {min(w for w, _ in cli):.3f}), "
          f"{cc:.3f} s CPU")
    print(f"ratio (median wall): {mc / mb:.2f}   (target ≤ 1.50: {'MET' if mc / mb <= 1.5 else 'NOT MET'}); "
          f"ratio (median CPU): {cc / cb:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
