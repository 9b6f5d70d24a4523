"""Core: durability of the database as a whole: integrity check, rotating backups, restore.

The app calls `startup_check(path)` before opening the database: it runs SQLite's integrity check
and, when the file is sound, makes a backup with SQLite's online backup API into
`paths.backup_dir(path)`, keeping the newest 10. When the file is damaged it raises
`DatabaseCorrupt` whose `backup` attribute is the newest backup that passes the integrity check
(or None); the GUI/CLI offer `restore_backup(path, backup)`, which keeps the damaged file aside
(never deletes it).

Backups are named `<stem>-YYYYMMDD-HHMMSS-ffffff.db`, so names sort by time.
"""

from __future__ import annotations

import os
import re
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from briefer import paths
from briefer.store.db import DatabaseCorrupt, StoreError, guarded

KEEP = 10
_STAMP = "%Y%m%d-%H%M%S-%f"


@dataclass
class StartupReport:
    """Core: what `startup_check` did: the database was sound; `backup` is the copy made (or reused)."""

    path: Path
    backup: Path | None
    created_backup: bool


def _connect_readonly(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)


def check_integrity(path: str | Path) -> list[str]:
    """SQLite's integrity check on a database file: [] when sound, else the problems found.

    A missing file has no problems (a new database will be made). The check runs on a read-only
    connection, so it never changes the file.
    """
    path = Path(path)
    if not path.exists():
        return []
    try:
        conn = _connect_readonly(path)
        try:
            rows = conn.execute("PRAGMA integrity_check").fetchall()
            return [str(r[0]) for r in rows if str(r[0]).lower() != "ok"]
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        return [str(exc)]


def backups(path: str | Path) -> list[Path]:
    """The backups of the database at `path`, newest first."""
    path = Path(path)
    folder = paths.backup_dir(path)
    if not folder.is_dir():
        return []
    pattern = re.compile(rf"^{re.escape(path.stem)}-\d{{8}}-\d{{6}}-\d{{6}}\.db$")
    return sorted((p for p in folder.iterdir() if pattern.match(p.name)), key=lambda p: p.name, reverse=True)


def _copy(source: sqlite3.Connection, target: Path) -> None:
    """Online-backup `source` into a new file `target`, written under a temporary name first."""
    partial = target.with_name(target.name + ".part")
    partial.unlink(missing_ok=True)
    dest = sqlite3.connect(partial)
    try:
        source.backup(dest)
        dest.execute("PRAGMA journal_mode = DELETE")
    finally:
        dest.close()
    with open(partial, "rb+") as handle:
        os.fsync(handle.fileno())
    os.replace(partial, target)


def backup(path: str | Path, keep: int = KEEP) -> Path:
    """Back up the database at `path` (SQLite online backup) and keep the newest `keep` backups."""
    path = Path(path)
    if not path.exists():
        raise StoreError(f"De database {path} bestaat niet; er is niets om te bewaren.")
    folder = paths.backup_dir(path)
    folder.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime(_STAMP)
    target = folder / f"{path.stem}-{stamp}.db"
    with guarded(target):
        source = _connect_readonly(path)  # read-only: closing it cannot checkpoint or touch the file
        try:
            _copy(source, target)
        finally:
            source.close()
    for old in backups(path)[max(keep, 1):]:
        old.unlink(missing_ok=True)
    return target


def newest_good_backup(path: str | Path) -> Path | None:
    """The newest backup of `path` that passes the integrity check, or None."""
    for candidate in backups(path):
        if not check_integrity(candidate):
            return candidate
    return None


def _needs_backup(path: Path, latest: Path | None) -> bool:
    if latest is None:
        return True
    changed = max(p.stat().st_mtime for p in (path, path.with_name(path.name + "-wal")) if p.exists())
    return changed >= latest.stat().st_mtime


def startup_check(path: str | Path, keep: int = KEEP) -> StartupReport:
    """On start: integrity check, then a rotating backup (skipped when nothing changed since the last).

    Raises `DatabaseCorrupt` (with `.backup` = newest good backup or None) when the file is damaged.
    """
    path = Path(path)
    if not path.exists():
        return StartupReport(path, None, False)
    problems = check_integrity(path)
    if problems:
        good = newest_good_backup(path)
        offer = (
            f"de nieuwste goede reservekopie is {good.name}; herstel die."
            if good else "er is geen goede reservekopie; neem contact op met beheer."
        )
        raise DatabaseCorrupt(
            f"De database {path} is beschadigd ({problems[0]}); {offer}", path=path, backup=good
        )
    existing = backups(path)
    latest = existing[0] if existing else None
    if not _needs_backup(path, latest):
        return StartupReport(path, latest, False)
    return StartupReport(path, backup(path, keep=keep), True)


def restore_backup(path: str | Path, backup_path: str | Path) -> Path | None:
    """Replace the (damaged) database at `path` with `backup_path`; returns where the old file went
    (None when there was no file at `path`).

    The old file and its -wal/-shm are moved aside as `<name>.beschadigd-<time>` — never deleted.
    Close every connection to `path` first.
    """
    path, backup_path = Path(path), Path(backup_path)
    problems = check_integrity(backup_path) if backup_path.exists() else ["bestand ontbreekt"]
    if problems:
        raise DatabaseCorrupt(
            f"De reservekopie {backup_path} is niet bruikbaar ({problems[0]}); kies een andere.",
            path=backup_path,
        )
    stamp = datetime.now(UTC).strftime(_STAMP)
    aside = path.with_name(f"{path.name}.beschadigd-{stamp}")
    kept_main = path.exists()
    for suffix in ("", "-wal", "-shm"):
        current = path.with_name(path.name + suffix)
        if current.exists():
            os.replace(current, aside.with_name(aside.name + suffix))
    source = _connect_readonly(backup_path)
    try:
        with guarded(path):
            _copy(source, path)
    finally:
        source.close()
    return aside if kept_main else None
