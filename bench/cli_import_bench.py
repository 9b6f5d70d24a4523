"""Benchmark: a whole `briefer import` process against a bare pypdf extraction process, side by side.

    .venv/bin/python bench/cli_import_bench.py [--file resources/samples/kst-30821-196.pdf] [--runs 5]

Both run as an installed Briefer does, with compiled .pyc files (PYTHONDONTWRITEBYTECODE is dropped
for the child processes; the warm-up run writes them). Each run starts two fresh processes one after the other: the bare baseline
`python -c "import pypdf; [p.extract_text() for p in pypdf.PdfReader(FILE).pages]"` and the CLI
`python -m briefer import FILE --db NEW.db` (a new database each time, so the file is really read,
parsed and stored). Prints the median wall-clock time of each and their ratio (target ≤ 1.5 for the
24-page sample), plus the best times. Not a test.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
# as installed: Python writes and reuses .pyc files (pip does at install), so start-up is not compiling source
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
BARE = "import sys, pypdf; r = pypdf.PdfReader(sys.argv[1]); [p.extract_text() for p in r.pages]"


def timed(argv: list[str]) -> float:
    started = time.perf_counter()
    proc = subprocess.run(argv, cwd=REPO, capture_output=True, text=True, env=ENV)
    elapsed = time.perf_counter() - started
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(argv)} failed: {proc.stderr.strip()}")
    return elapsed


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--file", type=Path, default=REPO / "resources" / "samples" / "kst-30821-196.pdf")
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    bare: list[float] = []
    cli: list[float] = []
    with tempfile.TemporaryDirectory() as tmp:
        timed([sys.executable, "-c", BARE, str(args.file)])  # warm the file cache and the .pyc files once
        timed([sys.executable, "-m", "briefer", "import", str(args.file), "--db", str(Path(tmp) / "warm.db")])
        for run in range(args.runs):
            bare.append(timed([sys.executable, "-c", BARE, str(args.file)]))
            cli.append(timed([sys.executable, "-m", "briefer", "import", str(args.file),
                              "--db", str(Path(tmp) / f"run{run}.db")]))
    mb, mc = statistics.median(bare), statistics.median(cli)
    print(f"file: {args.file.name}; {args.runs} runs, interleaved")
    print(f"bare pypdf extraction process: median {mb:.3f} s (best {min(bare):.3f})")
    print(f"briefer import process:        median {mc:.3f} s (best {min(cli):.3f})")
    print(f"ratio (median): {mc / mb:.2f}   (target ≤ 1.50: {'MET' if mc / mb <= 1.5 else 'NOT MET'})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
