"""Core (store): what the app does after its window is up: check and back up, as often as due.

Start-up must not grow with the database (issue 16). The app opens the database after the
constant-time `db.preflight`, paints its window, and only then runs `run_maintenance` on a worker
thread. What that does depends on what is due (`BackupPolicy`, the health record
`backups/<stem>.status.json`, and the change counter of migration 016):

* a backup when the newest one is older than `interval_hours` and something changed since, or
  when `after_changes` changes were made since the last one; the copy is checked (`quick_check`)
  before it counts, which also serves as the day's quick check of the database;
* otherwise a `quick_check` when the last one is `quick_check_days` old, and a full
  `integrity_check` when the last one is `full_check_days` old;
* then pruning.

A failed check raises `DatabaseCorrupt` (recorded in the health record, `.backup` = the newest
good backup): the app then stops writing and offers the backup. A full disk or other trouble with
the backup is reported in `MaintenanceReport.notes` (Dutch lines) and does not stop the user.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

from briefer.store import backup as bk
from briefer.store import files as side
from briefer.store.db import DatabaseCorrupt, StoreError


@dataclass
class MaintenanceReport:
    """Core (store): what one maintenance run did."""

    path: Path
    checked: str | None = None  # "quick" | "full" | None
    backup: Path | None = None
    created_backup: bool = False
    pruned: list[Path] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # Dutch lines for the status bar
    seconds: float = 0.0


def _parse(value: object) -> datetime | None:
    if not isinstance(value, str):
        return None
    try:
        stamp = datetime.fromisoformat(value)
    except ValueError:
        return None
    return stamp if stamp.tzinfo else stamp.replace(tzinfo=UTC)


def read_changes(path: Path) -> int:
    """The change counter of the database file (read-only; 0 when it has none)."""
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            row = conn.execute("SELECT changes FROM change_counter WHERE id = 1").fetchone()
            return int(row[0]) if row else 0
        finally:
            conn.close()
    except sqlite3.Error:
        return 0


def backup_due(path: Path, policy: bk.BackupPolicy, *, now: datetime | None = None,
               changes: int | None = None) -> bool:
    """True when a backup is due (see the module doc)."""
    now = now or datetime.now(UTC)
    found = bk.backups(path)
    if not found:
        return True
    status = side.read_status(path)
    changes = read_changes(path) if changes is None else changes
    at_backup = status.get("backup_changes")
    if not isinstance(at_backup, int) or at_backup > changes:
        return True  # unknown (older Briefer, or another database put in place): be safe
    changed = changes - at_backup
    if policy.after_changes > 0 and changed >= policy.after_changes:
        return True
    newest = bk._stamp_of(found[0])
    age = now - newest if newest else timedelta.max
    return changed > 0 and age >= timedelta(hours=max(policy.interval_hours, 0))


def check_due(path: Path, policy: bk.BackupPolicy, *, now: datetime | None = None) -> str | None:
    """'full', 'quick' or None: which check is due now."""
    now = now or datetime.now(UTC)
    status = side.read_status(path)
    full = _parse(status.get("full_check"))
    if full is None or now - full >= timedelta(days=max(policy.full_check_days, 0)):
        return "full"
    quick = _parse(status.get("quick_check"))
    if quick is None or now - quick >= timedelta(days=max(policy.quick_check_days, 0)):
        return "quick"
    return None


def run_maintenance(path: str | Path, policy: bk.BackupPolicy | None = None, *,
                    now: datetime | None = None) -> MaintenanceReport:
    """Check and back up the database at `path` as far as due (see the module doc); read-only
    towards the database itself. Raises `DatabaseCorrupt` with `.backup` when it is damaged."""
    import time

    started = time.perf_counter()
    path = Path(path)
    policy = policy or bk.BackupPolicy()
    report = MaintenanceReport(path)
    if not path.exists():
        return report
    now = now or datetime.now(UTC)
    stamp = now.isoformat(timespec="seconds")
    try:
        due = check_due(path, policy, now=now)
        if due == "full":
            _check(path, full=True)
            side.write_status(path, {"full_check": stamp, "quick_check": stamp})
            report.checked = "full"
        changes = read_changes(path)
        if backup_due(path, policy, now=now, changes=changes):
            try:
                report.backup = bk.backup(path, policy=policy)
                report.created_backup = True
                side.write_status(path, {"backup_changes": changes, "quick_check": stamp})
                report.checked = report.checked or "quick"
            except DatabaseCorrupt:
                raise
            except StoreError as exc:
                report.notes.append(f"Geen reservekopie gemaakt: {exc}")
        elif due == "quick":
            _check(path, full=False)
            side.write_status(path, {"quick_check": stamp})
            report.checked = "quick"
        found = bk.backups(path)
        if report.backup is None and found:
            report.backup = found[0]
        report.pruned = bk.prune(path, policy, now=now)
    except DatabaseCorrupt as exc:
        raise bk.damage_with_backup(exc, path) from exc.__cause__
    except StoreError as exc:
        report.notes.append(f"Controle niet uitgevoerd: {exc}")
    report.seconds = time.perf_counter() - started
    return report


def _check(path: Path, *, full: bool) -> None:
    problems = bk.check_integrity(path, full=full)
    if problems:
        bk.mark_damaged(path, problems[0])
        raise DatabaseCorrupt(f"De database {path} is beschadigd ({problems[0]}).", path=path)
