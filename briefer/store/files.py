"""Core (store): the files Briefer keeps beside a database, and keeping them private.

Beside `briefer.db` live its SQLite side files (`-wal`, `-shm`) and the folder `backups/`
(`paths.backup_dir`), which holds the backups (`<stem>-YYYYMMDD-HHMMSS-ffffff.db`), the lock file
every opener holds (`<stem>.lock`, see `briefer.store.lock`) and the health record
(`<stem>.status.json`: when the database was last checked, when it was found damaged).

Privacy (POSIX): the database, its side files, the backups, the lock and the status file are
0600; folders Briefer creates are 0700, and Briefer's own folders (the data folder, `backups/`)
are tightened to 0700 when found wider. Files that exist with wider modes (an older Briefer made
them 0644) are tightened when the database is opened. A folder the user chose (`--db` elsewhere)
is never changed. On Windows nothing is changed: files inherit the folder's access list, and the
per-user data folder (%APPDATA%) is private to the user by default.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import stat
from collections.abc import Iterable
from pathlib import Path

from briefer import paths

TYPE_CHECKING = False  # typing stays unimported at run time: CLI start-up (briefer.cli)
if TYPE_CHECKING:
    from typing import Any

FILE_MODE = 0o600
DIR_MODE = 0o700
SIDE_SUFFIXES = ("-wal", "-shm", "-journal")
POSIX = os.name == "posix"


def backup_dir(db_path: Path) -> Path:
    return paths.backup_dir(Path(db_path))


def backup_pattern(db_path: Path) -> re.Pattern[str]:
    """File names of the backups of `db_path` (they sort by time)."""
    return re.compile(rf"^{re.escape(Path(db_path).stem)}-\d{{8}}-\d{{6}}-\d{{6}}\.db$")


def backup_files(db_path: Path) -> list[Path]:
    """The backups of the database at `db_path`, newest first (cheap: a directory listing)."""
    folder = backup_dir(db_path)
    if not folder.is_dir():
        return []
    pattern = backup_pattern(db_path)
    try:
        names = [p for p in folder.iterdir() if pattern.match(p.name)]
    except OSError:
        return []
    return sorted(names, key=lambda p: p.name, reverse=True)


def lock_path(db_path: Path) -> Path:
    return backup_dir(db_path) / f"{Path(db_path).stem}.lock"


def status_path(db_path: Path) -> Path:
    return backup_dir(db_path) / f"{Path(db_path).stem}.status.json"


def side_files(db_path: Path) -> list[Path]:
    db_path = Path(db_path)
    return [db_path.with_name(db_path.name + s) for s in SIDE_SUFFIXES]


# ------------------------------------------------------------------------------------ permissions

def tighten(path: Path) -> None:
    """Remove group/other access from an existing file or folder (POSIX; best effort).

    The owner's bits stay as they are: a database the user made read-only stays read-only."""
    if not POSIX:
        return
    with contextlib.suppress(OSError):
        current = stat.S_IMODE(os.stat(path).st_mode)
        if current & 0o077:
            os.chmod(path, current & ~0o077)


def private_folder(folder: Path, *, own: bool = True) -> Path:
    """Create `folder` (each level Briefer creates is 0700); `own` folders found wider are tightened.

    Raises OSError when the folder cannot be made (the caller names the problem).
    """
    folder = Path(folder)
    missing = []
    probe = folder
    while not probe.exists() and probe != probe.parent:
        missing.append(probe)
        probe = probe.parent
    for level in reversed(missing):
        with contextlib.suppress(FileExistsError):
            level.mkdir(mode=DIR_MODE)
        if POSIX:
            os.chmod(level, DIR_MODE)  # mkdir's mode is reduced by the umask; say it exactly
    if own and not missing:
        tighten(folder)
    return folder


def is_data_folder(folder: Path) -> bool:
    """True for Briefer's own data folder (tightened to 0700); a folder the user chose is left alone."""
    try:
        return Path(folder).resolve() == paths.data_dir().resolve()
    except OSError:
        return False


def create_private_file(path: Path) -> None:
    """Create an empty file at `path` with mode 0600 unless it exists (SQLite then keeps that mode,
    and gives its -wal/-shm the same)."""
    with contextlib.suppress(FileExistsError):
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
        os.close(fd)


def tighten_database_files(db_path: Path) -> None:
    """0600 for the database, its side files and every backup, lock and status file (POSIX)."""
    if not POSIX:
        return
    for p in [Path(db_path), *side_files(db_path)]:
        if p.exists():
            tighten(p)
    folder = backup_dir(db_path)
    if folder.is_dir():
        tighten(folder)
        with contextlib.suppress(OSError):
            for p in folder.iterdir():
                if p.is_file():
                    tighten(p)


# ------------------------------------------------------------------------------------ status file

def read_status(db_path: Path) -> dict[str, Any]:
    """The health record of a database ({} when there is none or it is unreadable)."""
    try:
        data = json.loads(status_path(db_path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def write_status(db_path: Path, values: dict[str, Any], *, drop: Iterable[str] = ()) -> dict[str, Any]:
    """Merge `values` into the health record (atomically, 0600); keys in `drop` are removed.

    Best effort: a record that cannot be written (read-only folder, full disk) is skipped — the
    checks then simply run again next time.
    """
    data = read_status(db_path)
    data.update(values)
    for key in drop:
        data.pop(key, None)
    target = status_path(db_path)
    tmp = target.with_name(target.name + ".tmp")
    try:
        private_folder(target.parent)
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, FILE_MODE)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(data, fh, ensure_ascii=False, indent=1)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except OSError:
        with contextlib.suppress(OSError):
            tmp.unlink()
    return data
