"""Core: where Briefer keeps its files (database, backups, settings, exports).

Everything can be redirected: $BRIEFER_HOME moves the whole data directory (tests use it), and
$BRIEFER_DB points at one database file.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
REPO_ROOT = PACKAGE_DIR.parent


def shipped_dir(name: str) -> Path:
    """A folder Briefer ships with ("resources" or "db"), wherever Briefer runs from.

    The folders live at the top of the repository. A wheel (`pip install .`, see setup.py) and the
    PyInstaller bundle (packaging/briefer.spec) carry copies inside the package as
    `briefer/_data/<name>`; a checkout or an editable install has no `_data` and reads the
    repository's folder.
    """
    packaged = PACKAGE_DIR / "_data" / name
    return packaged if packaged.is_dir() else REPO_ROOT / name


RESOURCES = shipped_dir("resources")
SAMPLE_DOCUMENT = RESOURCES / "samples" / "kst-30821-196.pdf"


def data_dir() -> Path:
    """Per-user data directory: $BRIEFER_HOME, else the platform's usual place."""
    env = os.environ.get("BRIEFER_HOME")
    if env:
        return Path(env)
    if sys.platform == "win32":
        base = Path(os.environ.get("APPDATA", Path.home() / "AppData" / "Roaming"))
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Application Support"
    else:
        base = Path(os.environ.get("XDG_DATA_HOME", Path.home() / ".local" / "share"))
    return base / "Briefer"


def default_db_path() -> Path:
    env = os.environ.get("BRIEFER_DB")
    return Path(env) if env else data_dir() / "briefer.db"


def backup_dir(db_path: Path) -> Path:
    """Rotating backups live beside the database, in `backups/`."""
    return db_path.parent / "backups"


def running_from_checkout() -> bool:
    if getattr(sys, "frozen", False):  # a PyInstaller bundle never writes next to itself
        return False
    return (REPO_ROOT / "pyproject.toml").exists() and (REPO_ROOT / ".git").exists()


def default_export_dir() -> Path:
    """`exports/` of the checkout when running from one, else the user's Documents folder."""
    if running_from_checkout():
        return REPO_ROOT / "exports"
    docs = Path.home() / "Documents"
    return docs if docs.is_dir() else Path.home()
