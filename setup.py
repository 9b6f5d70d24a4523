"""Build hook: a wheel (`pip install .`) carries resources/ and db/ inside the package.

The repository keeps both folders at its top; `briefer.paths.shipped_dir` reads them from there in
a checkout or an editable install, and from `briefer/_data/` everywhere else. This hook copies
them to `briefer/_data/` in the build tree, and records the build details in
`briefer/_build.json` (see briefer/buildinfo.py). Everything else is in pyproject.toml.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent
SHIPPED = ("resources", "db")


class BuildPyWithData(build_py):
    """setuptools: build_py plus the shipped folders and the build details (not in editable mode)."""

    def run(self) -> None:
        super().run()
        if getattr(self, "editable_mode", False):
            return  # an editable install reads the checkout's own folders
        target = Path(self.build_lib) / "briefer"
        for name in SHIPPED:
            dest = target / "_data" / name
            if dest.exists():
                shutil.rmtree(dest)
            shutil.copytree(ROOT / name, dest, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        sys.path.insert(0, str(ROOT))
        try:
            from briefer.buildinfo import collect_build_details, write_build_file
        finally:
            sys.path.remove(str(ROOT))
        write_build_file(target / "_build.json", collect_build_details(ROOT))


setup(cmdclass={"build_py": BuildPyWithData})
