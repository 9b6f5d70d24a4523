"""Core: which Briefer this is: version, commit, build date, Python and Qt.

Shown by `briefer --version` and Help → Over Briefer. A built Briefer (the PyInstaller bundle,
packaging/build.py; or a wheel, setup.py) carries `briefer/_build.json`, written at build time by
`write_build_file`. Without that file (a checkout, an editable install) the commit is asked of git
and the build is called an "ontwikkelversie". Nothing here imports Qt: the GUI passes its run-time
Qt version in; the CLI names the Qt the build was made with (or the installed PySide6).
"""

from __future__ import annotations

import json
import platform
import subprocess
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path

from briefer import __version__, paths

BUILD_FILE = paths.PACKAGE_DIR / "_build.json"
DEV_BUILD = "ontwikkelversie"


@dataclass(frozen=True)
class BuildInfo:
    """Core: the version and build details of the running Briefer."""

    version: str
    commit: str  # short git hash ("" unknown), "-gewijzigd" when built from uncommitted changes
    built: str  # "2026-05-03 14:12 UTC", or "" for a checkout
    python: str
    qt: str  # Qt version ("" unknown)
    platform: str

    @property
    def packaged(self) -> bool:
        return bool(self.built)

    def line(self) -> str:
        """One line for `briefer --version`."""
        head = [f"gebouwd {self.built}" if self.packaged else DEV_BUILD]
        if self.commit:
            head.append(f"commit {self.commit}")
        runtime = f"Python {self.python}" + (f", Qt {self.qt}" if self.qt else "")
        return f"Briefer {self.version} ({', '.join(head)}; {runtime})"

    def rows(self) -> list[tuple[str, str]]:
        """(Dutch label, value) pairs for the about dialog and a support request."""
        return [
            ("Versie", self.version),
            ("Build", f"gebouwd {self.built}" if self.packaged else DEV_BUILD),
            ("Commit", self.commit or "onbekend"),
            ("Python", self.python),
            ("Qt", self.qt or "onbekend"),
            ("Systeem", self.platform),
        ]


def build_info(qt: str | None = None, build_file: Path = BUILD_FILE) -> BuildInfo:
    """The running Briefer's details; `qt` (the GUI's qVersion()) overrides the recorded Qt version."""
    recorded = read_build_file(build_file)
    commit = recorded.get("commit", "") if recorded else git_commit(paths.REPO_ROOT)
    return BuildInfo(
        version=__version__,
        commit=commit,
        built=recorded.get("built", "") if recorded else "",
        python=platform.python_version(),
        qt=qt or recorded.get("qt", "") or _installed_pyside(),
        platform=f"{platform.system()} {platform.release()} ({platform.machine()})",
    )


def read_build_file(path: Path = BUILD_FILE) -> dict[str, str]:
    """The recorded build details; {} when absent or unreadable (never stops Briefer)."""
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(raw, dict):
        return {}
    return {str(k): str(v) for k, v in raw.items() if isinstance(v, str)}


def collect_build_details(root: Path, qt: str = "", now: datetime | None = None) -> dict[str, str]:
    """What a build records: version, the commit of `root` (if a git checkout), the time, Qt."""
    stamp = (now or datetime.now(UTC)).astimezone(UTC)
    commit = git_commit(root)
    if commit and _git_dirty(root):
        commit += "-gewijzigd"
    return {"version": __version__, "commit": commit, "built": stamp.strftime("%Y-%m-%d %H:%M UTC"),
            "qt": qt}


def write_build_file(target: Path, details: dict[str, str]) -> Path:
    """Write the build details as `_build.json` (a build product, never committed)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps(details, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return target


def git_commit(root: Path) -> str:
    """The short commit hash of the checkout at `root`, "" when it is none or git is missing."""
    out = _git(root, "rev-parse", "--short=10", "HEAD")
    return out.strip() if out else ""


def _git_dirty(root: Path) -> bool:
    out = _git(root, "status", "--porcelain", "--untracked-files=no")
    return bool(out and out.strip())


def _git(root: Path, *args: str) -> str | None:
    if not (root / ".git").exists():
        return None
    try:
        proc = subprocess.run(["git", "-C", str(root), *args], capture_output=True, text=True, timeout=5,
                              check=False)
    except (OSError, subprocess.SubprocessError):
        return None
    return proc.stdout if proc.returncode == 0 else None


def _installed_pyside() -> str:
    try:
        return metadata.version("PySide6")
    except metadata.PackageNotFoundError:
        return ""
