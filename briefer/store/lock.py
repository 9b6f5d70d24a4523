"""Core (store): the lock that tells whether a Briefer process holds a database.

Every connection Briefer opens on a database file (the app, its workers, each CLI command) holds
a *shared* lock on `backups/<stem>.lock` for as long as it is open; restoring a backup takes the
*exclusive* lock, so it runs only when no Briefer process has the database open, and nobody opens
the database while it is being replaced. The operating system releases the lock when the file
is closed, also when the process crashes or is killed: a stale lock cannot exist.

POSIX: `flock(2)` (per open file, so two connections in one process count separately).
Windows: `msvcrt.locking` knows only exclusive byte locks; each opener locks one byte of its own
(a random slot after byte 0) and a restore locks the whole range. Windows also refuses to move an
open database file, which `restore_backup` relies on as a second guard.

This module only answers "could I lock it"; `briefer.store.db` and `briefer.store.backup` turn a
refusal into `DatabaseBusy` / `DatabaseInUse`.
"""

from __future__ import annotations

import contextlib
import os
import time
from pathlib import Path

from briefer.store import files

_SLOTS = 1 << 16

if os.name == "posix":
    import fcntl

    def _try(fd: int, exclusive: bool) -> bool:
        try:
            fcntl.flock(fd, (fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH) | fcntl.LOCK_NB)
            return True
        except BlockingIOError:
            return False

    def _release(fd: int) -> None:
        with contextlib.suppress(OSError):
            fcntl.flock(fd, fcntl.LOCK_UN)

else:  # pragma: no cover - exercised on Windows only
    import msvcrt
    import random

    def _lock_range(fd: int, start: int, length: int) -> bool:
        os.lseek(fd, start, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, length)  # type: ignore[attr-defined]
            return True
        except OSError:
            return False

    def _try(fd: int, exclusive: bool) -> bool:
        if exclusive:
            return _lock_range(fd, 0, _SLOTS + 1)
        if not _lock_range(fd, 0, 1):  # a restore is running
            return False
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)  # type: ignore[attr-defined]
        for _ in range(32):
            slot = 1 + random.randrange(_SLOTS)
            if _lock_range(fd, slot, 1):
                return True
        return False

    def _release(fd: int) -> None:  # closing the file releases its byte locks
        pass


class DatabaseLock:
    """Core (store): one held lock on a database's lock file; `release()` (or closing) frees it."""

    def __init__(self, db_path: Path, fd: int | None, exclusive: bool) -> None:
        self.db_path = db_path
        self.exclusive = exclusive
        self._fd: int | None = fd

    @staticmethod
    def _open(db_path: Path) -> int | None:
        target = files.lock_path(db_path)
        try:
            files.private_folder(target.parent)
            return os.open(target, os.O_RDWR | os.O_CREAT, files.FILE_MODE)
        except OSError:
            return None  # a read-only folder: nobody can replace the database there either

    @classmethod
    def shared(cls, db_path: str | Path, timeout: float = 5.0) -> DatabaseLock | None | bool:
        """A shared lock (an opener), waiting up to `timeout` s while a restore holds it.

        Returns the lock; None when no lock file can be made (read-only place); False when a
        restore still holds the database after `timeout`.
        """
        db_path = Path(db_path)
        fd = cls._open(db_path)
        if fd is None:
            return None
        deadline = time.monotonic() + timeout
        while not _try(fd, exclusive=False):
            if time.monotonic() >= deadline:
                os.close(fd)
                return False
            time.sleep(0.05)
        return cls(db_path, fd, exclusive=False)

    @classmethod
    def exclusive(cls, db_path: str | Path) -> DatabaseLock | None:
        """The exclusive lock (a restore), or None when any Briefer process holds the database.

        Where no lock file can be made (a read-only place) the lock is granted unheld: nobody can
        have written there, and the restore itself will meet the read-only folder.
        """
        db_path = Path(db_path)
        fd = cls._open(db_path)
        if fd is None:
            return cls(db_path, None, exclusive=True)
        if not _try(fd, exclusive=True):
            os.close(fd)
            return None
        return cls(db_path, fd, exclusive=True)

    def release(self) -> None:
        fd, self._fd = self._fd, None
        if fd is not None:
            _release(fd)
            with contextlib.suppress(OSError):
                os.close(fd)

    @property
    def held(self) -> bool:
        return self._fd is not None

    def __enter__(self) -> DatabaseLock:
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()

    def __del__(self) -> None:
        self.release()


def in_use(db_path: str | Path) -> bool:
    """True when some Briefer process (this one included) has the database open."""
    lock = DatabaseLock.exclusive(db_path)
    if lock is None:
        return True
    lock.release()
    return False
