"""Where a build puts things, per platform (used by build.py, tests/test_package.py and the bench).

Plain standard library; loaded by file path (this folder is no Python package: `packaging` is also
the name of a well-known library that pip and pytest import).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DIST = ROOT / "dist"
NAME = "Briefer"
PROGRAMS = ("briefer-app", "briefer")


def bundle_root(dist: Path = DIST) -> Path:
    """The folder (or macOS .app) a user copies: everything Briefer needs is inside."""
    return dist / f"{NAME}.app" if sys.platform == "darwin" else dist / NAME


def program(name: str, dist: Path = DIST) -> Path:
    """One of the two programs of the one-folder build."""
    if sys.platform == "darwin":
        return bundle_root(dist) / "Contents" / "MacOS" / name
    return bundle_root(dist) / (name + (".exe" if sys.platform == "win32" else ""))


def onefile_program(name: str, dist: Path = DIST) -> Path:
    """One of the two programs of the one-file variant (built by `./dev package --onefile`)."""
    return dist / "onefile" / (name + (".exe" if sys.platform == "win32" else ""))


def tree_size(path: Path) -> int:
    """Bytes on disk of the files below `path` (symbolic links are not followed or counted twice)."""
    if path.is_file():
        return path.stat().st_size
    total = 0
    for folder, _dirs, files in os.walk(path):
        for name in files:
            p = Path(folder) / name
            if not p.is_symlink():
                total += p.stat().st_size
    return total


def largest_files(path: Path, count: int = 12) -> list[tuple[int, Path]]:
    """The biggest files below `path`, largest first (what to look at when the bundle grows)."""
    sizes = [(f.stat().st_size, f.relative_to(path)) for f in path.rglob("*") if f.is_file() and not f.is_symlink()]
    return sorted(sizes, reverse=True)[:count]
