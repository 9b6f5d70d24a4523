"""Core (store): durability of the database as a whole: checks, backups, pruning, restore.

* `check_integrity(path, full=...)`: SQLite's `integrity_check` (full) or `quick_check` on a
  read-only connection. Damage is returned as problems; a disk that is full or gone raises
  `DiskFull` / `StoreError` instead — it is never reported as damage.
* `backup(path, policy)`: an online copy (SQLite's backup API) into `backups/`, written under a
  temporary name, checked (`quick_check` of the copy) and only then given its final name, so a
  backup is never a damaged file; a damaged source is refused and recorded (`mark_damaged`). A
  database without documents is not backed up while a backup exists. Then `prune`.
* `prune(path, policy)`: by count, age and total size (`BackupPolicy`), never the newest backup and
  never the newest backup that holds documents: a bad or empty database cannot push the good
  backups out.
* `restore_backup(path, backup, replace_sound=False)`: only under the exclusive lock (no Briefer
  process has the database open: `DatabaseInUse`), refuses to replace a sound database unless
  asked (`SoundDatabase`), copies the backup beside the database first (a full disk stops it
  before anything is renamed), then moves the old file aside (kept, never deleted) and puts the
  copy in place.

Backups are named `<stem>-YYYYMMDD-HHMMSS-ffffff.db` (UTC), so names sort by time. The schedule
(when to check, when to back up) is `briefer.store.maintenance`.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from briefer.store import files as side
from briefer.store.db import (
    RESTORE_HINT,
    DatabaseCorrupt,
    DiskFull,
    StoreError,
    disk_full_error,
    disk_nearly_full,
    guarded,
    is_corruption,
    preflight,
    translate_error,
)
from briefer.store.errors import DatabaseInUse, SoundDatabase
from briefer.store.lock import DatabaseLock

KEEP = 10
_STAMP = "%Y%m%d-%H%M%S-%f"


@dataclass
class BackupPolicy:
    """Core (store): how often Briefer checks and backs up, and how many backups it keeps.

    Built from the user's settings (`briefer.settings.Settings.backup_policy()`); every figure can
    be set there. Defaults: a quick check at most daily and a full check monthly; a backup at most
    once a day, or sooner after 500 changes; at most 10 backups, none older than 90 days, together
    at most 2,048 MB (the newest backup, and the newest one that holds documents, always stay).
    """

    keep: int = KEEP
    max_age_days: int = 90
    max_total_mb: int = 2048
    interval_hours: int = 24
    after_changes: int = 500
    quick_check_days: int = 1
    full_check_days: int = 30


def _now() -> datetime:
    return datetime.now(UTC)


def _connect_readonly(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)


def check_integrity(path: str | Path, *, full: bool = True) -> list[str]:
    """SQLite's integrity check (`full`) or quick check on a database file: [] when sound, else
    the problems found. A missing file has no problems (a new database will be made).

    Runs on a read-only connection, so it never changes the file. A file that is not SQLite, or a
    zero-byte file, is a problem. A full disk raises `DiskFull`, other I/O trouble `StoreError`.
    """
    path = Path(path)
    if not path.exists():
        return []
    if path.stat().st_size == 0:
        return ["het bestand is leeg (0 bytes)"]
    try:
        conn = _connect_readonly(path)
        try:
            pragma = "integrity_check" if full else "quick_check"
            rows = conn.execute(f"PRAGMA {pragma}").fetchall()
            return [str(r[0]) for r in rows if str(r[0]).lower() != "ok"]
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        if is_corruption(exc):
            return [str(exc)]
        named = translate_error(exc, path)
        if named is not None and not isinstance(named, DatabaseCorrupt):
            raise named from exc
        if disk_nearly_full(path):
            raise disk_full_error(path) from exc
        raise StoreError(f"De database {path} kon niet worden gecontroleerd ({exc}); probeer het later opnieuw.") \
            from exc


def quick_check(path: str | Path) -> list[str]:
    return check_integrity(path, full=False)


def backups(path: str | Path) -> list[Path]:
    """The backups of the database at `path`, newest first."""
    return side.backup_files(Path(path))


def _stamp_of(backup_path: Path) -> datetime | None:
    try:
        return datetime.strptime(backup_path.stem[-22:], _STAMP).replace(tzinfo=UTC)
    except ValueError:
        return None


def holds_documents(path: Path) -> bool | None:
    """True when the database file holds at least one document (read-only; None when unreadable)."""
    try:
        conn = _connect_readonly(path)
        try:
            return conn.execute("SELECT EXISTS (SELECT 1 FROM documents)").fetchone()[0] == 1
        finally:
            conn.close()
    except sqlite3.Error:
        return None


def mark_damaged(path: Path, problem: str) -> None:
    """Record in the health record that `path` was found damaged: every opener refuses it until a
    restore, or a check that passes, clears the mark."""
    side.write_status(Path(path), {"damaged": {"found": _now().isoformat(timespec="seconds"),
                                               "problem": problem[:200]}})


def clear_damage(path: Path, *, checked: str | None = None) -> None:
    """Forget a damage mark (after a restore, or a full check that passed)."""
    values = {checked: _now().isoformat(timespec="seconds")} if checked else {}
    side.write_status(Path(path), values, drop=("damaged",))


def _copy(source: sqlite3.Connection, target: Path) -> None:
    """Online-backup `source` into a new private file `target`, synced to disk."""
    target.unlink(missing_ok=True)
    side.create_private_file(target)
    dest = sqlite3.connect(target)
    try:
        source.backup(dest)
        dest.execute("PRAGMA journal_mode = DELETE")
    finally:
        dest.close()
    with open(target, "rb+") as handle:
        os.fsync(handle.fileno())


def _size(path: Path) -> int:
    total = 0
    for p in (path, path.with_name(path.name + "-wal")):
        with contextlib.suppress(OSError):
            total += p.stat().st_size
    return total


def _ensure_room(folder: Path, needed: int, what: str) -> None:
    import shutil

    try:
        free = shutil.disk_usage(folder).free
    except OSError:
        return
    if free < needed + 1024 * 1024:
        raise DiskFull(
            f"Er is te weinig vrije schijfruimte voor {what} ({needed // (1024 * 1024) + 1} MB nodig, "
            f"{free // (1024 * 1024)} MB vrij); er is niets veranderd. Maak ruimte vrij en probeer het opnieuw."
        )


def backup(path: str | Path, keep: int | None = None, *, policy: BackupPolicy | None = None,
           force: bool = False) -> Path:
    """Back up the database at `path`, check the copy, then prune (see the module doc).

    Raises `DatabaseCorrupt` (and records the damage) when the copy fails its check, `DiskFull`
    when there is no room (nothing is left behind), `StoreError` when there is nothing to back up.
    A database without documents is not backed up while a backup exists, unless `force`.
    """
    path = Path(path)
    policy = policy or BackupPolicy()
    if keep is not None:
        policy = BackupPolicy(**{**policy.__dict__, "keep": keep})
    if not path.exists():
        raise StoreError(f"De database {path} bestaat niet; er is niets om te bewaren.")
    preflight(path)
    existing = backups(path)
    if existing and not force and holds_documents(path) is False:
        raise StoreError(f"De database {path} bevat geen documenten; er is geen reservekopie gemaakt, "
                         "de bestaande blijven bewaard.")
    try:
        folder = side.private_folder(side.backup_dir(path))
    except OSError as exc:
        raise StoreError(f"De map voor reservekopieën ({side.backup_dir(path)}) kan niet worden gemaakt "
                         f"({exc.strerror or exc}); er is geen reservekopie gemaakt.") from exc
    if not os.access(folder, os.W_OK):
        raise StoreError(f"De map voor reservekopieën ({folder}) is alleen-lezen; er is geen reservekopie gemaakt.")
    _ensure_room(folder, _size(path), "een reservekopie")
    stamp = _now().strftime(_STAMP)
    target = folder / f"{path.stem}-{stamp}.db"
    partial = target.with_name(target.name + ".part")
    try:
        source = _connect_readonly(path)  # read-only: closing it cannot checkpoint or touch the file
        try:
            _copy(source, partial)
        finally:
            source.close()
        problems = check_integrity(partial, full=False)
        if problems:
            raise sqlite3.DatabaseError(f"database disk image is malformed: {problems[0]}")
        os.replace(partial, target)
    except sqlite3.DatabaseError as exc:
        if is_corruption(exc):
            mark_damaged(path, str(exc))
            raise DatabaseCorrupt(
                f"De database {path} is beschadigd ({exc}); er is geen reservekopie gemaakt en de bestaande "
                "blijven bewaard. Herstel een reservekopie ('briefer restore').", path=path) from exc
        raise (translate_error(exc, target) or StoreError(
            f"De reservekopie kon niet worden gemaakt ({exc}); probeer het later opnieuw.")) from exc
    except OSError as exc:
        if disk_nearly_full(target):
            raise disk_full_error(target) from exc
        raise StoreError(f"De reservekopie kon niet worden gemaakt ({exc.strerror or exc}); "
                         "probeer het later opnieuw.") from exc
    finally:
        with contextlib.suppress(OSError):
            partial.unlink(missing_ok=True)
    side.write_status(path, {"quick_check": _now().isoformat(timespec="seconds")})
    prune(path, policy)
    return target


def prune(path: str | Path, policy: BackupPolicy | None = None, *, now: datetime | None = None) -> list[Path]:
    """Remove backups beyond the policy's count, age and total size; returns what was removed.

    Never removed: the newest backup, and the newest backup that holds documents.
    """
    path = Path(path)
    policy = policy or BackupPolicy()
    now = now or _now()
    found = backups(path)
    if not found:
        return []
    protected = {found[0]}
    for candidate in found:
        if holds_documents(candidate):
            protected.add(candidate)
            break
    doomed: list[Path] = []
    kept: list[Path] = []
    for position, candidate in enumerate(found):
        stamp = _stamp_of(candidate)
        too_many = position >= max(policy.keep, 1)
        too_old = stamp is not None and policy.max_age_days > 0 and \
            now - stamp > timedelta(days=policy.max_age_days)
        if candidate not in protected and (too_many or too_old):
            doomed.append(candidate)
        else:
            kept.append(candidate)
    cap = policy.max_total_mb * 1024 * 1024
    sizes = {p: p.stat().st_size for p in kept if p.exists()}
    for candidate in reversed(list(kept)):  # oldest first
        if cap <= 0 or sum(sizes.values()) <= cap:
            break
        if candidate in protected:
            continue
        doomed.append(candidate)
        sizes.pop(candidate, None)
    for old in doomed:
        old.unlink(missing_ok=True)
    return doomed


def newest_good_backup(path: str | Path) -> Path | None:
    """The newest backup of `path` that passes the quick check, or None."""
    for candidate in backups(path):
        try:
            if not check_integrity(candidate, full=False):
                return candidate
        except StoreError:
            continue
    return None


def damage_with_backup(exc: DatabaseCorrupt, path: Path) -> DatabaseCorrupt:
    """`exc` as the user should see it: `.backup` = the newest good backup (the GUI/CLI offer to
    restore it), and the message names it (or says there is none)."""
    good = exc.backup or newest_good_backup(path)
    base = str(exc).removesuffix(RESTORE_HINT).rstrip(". ")
    if good is not None:
        when = _stamp_of(good)
        made = f" van {when.astimezone().strftime('%d-%m-%Y %H:%M')}" if when else ""
        offer = f"de nieuwste goede reservekopie is {good.name}{made}; zet die terug ('briefer restore')."
    else:
        offer = "er is geen goede reservekopie; neem contact op met beheer."
    return DatabaseCorrupt(f"{base}; {offer}", path=path, backup=good, marked=exc.marked)


def database_state(path: Path) -> str:
    """'missing', 'sound' or 'damaged' (preflight and quick check; read-only)."""
    if not path.exists():
        return "missing"
    try:
        preflight(path)
    except DatabaseCorrupt:
        return "damaged"
    if path.stat().st_size == 0:
        return "damaged"
    return "damaged" if check_integrity(path, full=False) else "sound"


def restore_backup(path: str | Path, backup_path: str | Path, *, replace_sound: bool = False) -> Path | None:
    """Replace the database at `path` with `backup_path`; returns where the old file went (None
    when there was no file at `path`).

    Refused with `DatabaseInUse` while any Briefer window or command has the database open, with
    `SoundDatabase` when the current database is in order and `replace_sound` is False, with
    `DatabaseCorrupt` when the backup is damaged, with `DiskFull` when there is no room for the
    copy (then nothing was renamed). The old file and its -wal/-shm are kept as
    `<name>.beschadigd-<time>` (damaged) or `<name>.voor-herstel-<time>` (sound).
    """
    path, backup_path = Path(path), Path(backup_path)
    problems = check_integrity(backup_path) if backup_path.exists() else ["bestand ontbreekt"]
    if problems:
        raise DatabaseCorrupt(
            f"De reservekopie {backup_path} is niet bruikbaar ({problems[0]}); kies een andere.",
            path=backup_path,
        )
    lock = DatabaseLock.exclusive(path)
    if lock is None:
        raise DatabaseInUse(
            f"De database {path} is geopend in een Briefer-venster of -opdracht; sluit Briefer overal en "
            "zet de reservekopie daarna terug. Er is niets veranderd."
        )
    with lock:
        state = database_state(path)
        if state == "sound" and not replace_sound:
            raise SoundDatabase(
                f"De database {path} is in orde; terugzetten vervangt haar door {backup_path.name}. "
                "Bevestig dat dit de bedoeling is (opdrachtregel: --force); de huidige blijft dan bewaard."
            )
        stamp = _now().strftime(_STAMP)
        fresh = path.with_name(f"{path.name}.herstel-{stamp}.part")
        try:
            _ensure_room(path.parent, backup_path.stat().st_size, "het terugzetten")
            source = _connect_readonly(backup_path)
            try:
                with guarded(path):
                    _copy(source, fresh)
            finally:
                source.close()
            aside = path.with_name(f"{path.name}.{'voor-herstel' if state == 'sound' else 'beschadigd'}-{stamp}")
            moved = []
            try:
                for suffix in ("", "-wal", "-shm"):
                    current = path.with_name(path.name + suffix)
                    if current.exists():
                        os.replace(current, aside.with_name(aside.name + suffix))
                        moved.append(suffix)
            except PermissionError as exc:  # Windows: an open database cannot be moved
                for suffix in moved:
                    os.replace(aside.with_name(aside.name + suffix), path.with_name(path.name + suffix))
                raise DatabaseInUse(
                    f"De database {path} is nog in gebruik; sluit Briefer overal en probeer het opnieuw. "
                    "Er is niets veranderd."
                ) from exc
            os.replace(fresh, path)
        except OSError as exc:
            if disk_nearly_full(path):
                raise disk_full_error(path) from exc
            raise StoreError(f"Terugzetten is mislukt ({exc.strerror or exc}); er is niets veranderd.") from exc
        finally:
            with contextlib.suppress(OSError):
                fresh.unlink(missing_ok=True)
        clear_damage(path, checked="full_check")
        side.tighten_database_files(path)
        for suffix in moved:
            side.tighten(aside.with_name(aside.name + suffix))
    return aside if "" in moved else None
