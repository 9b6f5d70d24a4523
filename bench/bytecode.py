"""Bench helper: up-to-date .pyc files before anything times a start-up or an import.

The development machine sets PYTHONDONTWRITEBYTECODE=1, so Python never writes .pyc files and the
ones left behind go stale: every timed process then compiles each module changed since from source
(milliseconds per module), which an installed Briefer never does (pip and the bundle compile at
install; the venv's own packages were compiled by pip). Every benchmark that starts Briefer
processes or times imports calls `compile_bytecode()` first, so its figures are an installed
Briefer's.
"""

from __future__ import annotations

import compileall
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def compile_bytecode() -> None:
    """Write the .pyc of every module of briefer/ whose source changed (py_compile writes them
    whatever PYTHONDONTWRITEBYTECODE says); stop the benchmark if one does not compile."""
    if not compileall.compile_dir(REPO / "briefer", quiet=1):
        raise SystemExit("bench: briefer/ does not compile (see above); nothing measured")
