"""Core (store): the store's named errors and how a SQLite error becomes one.

`translate_error` turns a `sqlite3.Error` into `DiskFull` (also an I/O error on a nearly full disk),
`DatabaseBusy`, `DatabaseReadOnly` or `DatabaseCorrupt`, each a one-sentence Dutch message naming
the file. Split from `briefer.store.db`, which re-exports every name.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from briefer.errors import BrieferError


class StoreError(BrieferError):
    """Core: a storage failure with a Dutch message fit for the user (str(exc))."""


class DatabaseCorrupt(StoreError):
    """Core (store): the database file is damaged or not a Briefer database.

    `path` is the damaged file (when known); `backup` the newest backup that passed the integrity
    check (filled in by `briefer.store.backup.damage_with_backup`), which the GUI/CLI offer to
    restore; `marked` is True when the refusal comes from the health record (an earlier check found
    the damage) rather than from reading the file now.
    """

    def __init__(self, message: str, *, path: Path | None = None, backup: Path | None = None,
                 marked: bool = False) -> None:
        super().__init__(message)
        self.path = path
        self.backup = backup
        self.marked = marked


class DiskFull(StoreError):
    """Core (store): the disk (or the database's size limit) is full; nothing of the failed change was kept."""


class DatabaseBusy(StoreError):
    """Core (store): another connection held the database longer than the busy timeout; nothing was changed."""


class DatabaseReadOnly(StoreError):
    """Core (store): the database file (or its folder) cannot be written; it can still be read.

    Raised by `open_database` for a normal open (open again with `read_only=True`), and by any
    write on a read-only connection.
    """


class DatabaseInUse(StoreError):
    """Core (store): a restore was refused because a Briefer window or command has the database open."""


class SoundDatabase(StoreError):
    """Core (store): a restore would replace a database that is in order; the user must confirm
    (`restore_backup(..., replace_sound=True)`, CLI `--force`)."""


SQLITE_BUSY = 5
SQLITE_LOCKED = 6
SQLITE_READONLY = 8
SQLITE_IOERR = 10
SQLITE_CORRUPT = 11
SQLITE_FULL = 13
SQLITE_CANTOPEN = 14
SQLITE_NOTADB = 26
SQLITE_MAGIC = b"SQLite format 3\x00"
NEARLY_FULL = 4 * 1024 * 1024  # free bytes under which an I/O error is taken for a full disk


def _primary_code(exc: sqlite3.Error) -> int | None:
    code = getattr(exc, "sqlite_errorcode", None)
    return None if code is None else code & 0xFF


def is_disk_full(exc: BaseException) -> bool:
    """True for SQLITE_FULL ("database or disk is full"), also when raised by max_page_count."""
    if not isinstance(exc, sqlite3.Error):
        return False
    return _primary_code(exc) == SQLITE_FULL or "database or disk is full" in str(exc)


def is_corruption(exc: BaseException) -> bool:
    """True for SQLITE_CORRUPT / SQLITE_NOTADB: the file itself is damaged."""
    if not isinstance(exc, sqlite3.DatabaseError):
        return False
    if _primary_code(exc) in (SQLITE_CORRUPT, SQLITE_NOTADB):
        return True
    text = str(exc)
    return "malformed" in text or "not a database" in text


def disk_nearly_full(path: str | Path | None) -> bool:
    """True when the disk holding `path` has (almost) no free space left."""
    if path is None:
        return False
    folder = Path(path)
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent
    if folder.is_file():
        folder = folder.parent
    import shutil  # only on this error path (CLI start-up, briefer.cli)

    try:
        return shutil.disk_usage(folder).free < NEARLY_FULL
    except OSError:
        return False


def disk_full_error(path: str | Path | None) -> DiskFull:
    where = f" ({path})" if path else ""
    return DiskFull(
        f"De schijf is vol of de database{where} heeft haar maximale grootte bereikt; de laatste "
        "wijziging is niet opgeslagen, alles daarvoor is bewaard. Maak ruimte vrij en probeer het opnieuw."
    )


def read_only_error(path: str | Path | None) -> DatabaseReadOnly:
    where = f" {path}" if path else ""
    return DatabaseReadOnly(
        f"De database{where} is alleen-lezen; er is niets opgeslagen. Maak het bestand en zijn map "
        "schrijfbaar (of kopieer de database naar een schrijfbare map) en probeer het opnieuw."
    )


def translate_error(exc: sqlite3.Error, path: str | Path | None = None) -> StoreError | None:
    """The named StoreError for a low-level SQLite error, or None when it has no Dutch meaning.

    A full disk can surface as SQLITE_FULL or, when SQLite could not even grow its side files, as
    an I/O error: an I/O error on a disk with (almost) no free space is reported as `DiskFull`,
    never as damage.
    """
    where = f" ({path})" if path else ""
    code = _primary_code(exc)
    if is_disk_full(exc):
        return disk_full_error(path)
    if (code in (SQLITE_IOERR, SQLITE_CANTOPEN) or "disk I/O error" in str(exc)) and disk_nearly_full(path):
        return disk_full_error(path)
    if code == SQLITE_READONLY or "readonly database" in str(exc):
        return read_only_error(path)
    if _primary_code(exc) in (SQLITE_BUSY, SQLITE_LOCKED):
        return DatabaseBusy(
            f"De database{where} is bezet door een ander Briefer-venster of -proces; de wijziging is "
            "niet opgeslagen. Probeer het over een paar seconden opnieuw."
        )
    if is_corruption(exc):
        return DatabaseCorrupt(
            f"De database{where} is beschadigd ({exc}); herstel een reservekopie.",
            path=Path(path) if path else None,
        )
    if code == SQLITE_IOERR or "disk I/O error" in str(exc):
        return StoreError(
            f"De database{where} kon niet worden gelezen of geschreven ({exc}); de laatste wijziging "
            "is niet opgeslagen. Controleer of de schijf of USB-stick nog aangesloten is en probeer het opnieuw."
        )
    return None
