"""Core: writing a file that leaves Briefer (briefing, shared annotation file, sync folder entry).

One rule set for every path out, so no writer can forget one:
- the data goes to a temporary file beside the target, is synced, then renamed into place: a crash
  or an interrupt never leaves a half-written target, and the temporary file is always removed;
- the file is private: 0600 on POSIX (directories Briefer creates: 0700); on Windows the file
  inherits the folder's access list (the user's own profile folders are private by default);
- an existing file is never replaced unless the caller says so (`overwrite=True`, the CLI's
  `--force`, the app's confirmation); `on_exists="number"` picks `name (2).docx` instead. The
  final name is *claimed* atomically, not looked at and then written: the finished temporary file
  gets a hard link under the name (`os.link` fails when the name exists, so of two writers at once
  exactly one gets it and the other tries the next number or is refused); where the file system
  has no hard links (FAT, some network shares), `O_CREAT | O_EXCL` claims the name with an empty
  placeholder that the temporary file then replaces;
- the database, its -wal/-shm/-journal, its backups and any other SQLite database are always
  refused, whatever `overwrite` says.

Errors are `FileRefused` subclasses with one Dutch sentence each.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Literal

from briefer import paths
from briefer.errors import BrieferError

FILE_MODE = 0o600
DIR_MODE = 0o700
SQLITE_MAGIC = b"SQLite format 3\x00"
_SIDECARS = ("-wal", "-shm", "-journal")


class FileRefused(BrieferError):
    """Core: a file could not or may not be written; the message says why and what to do."""


class TargetExists(FileRefused):
    """Core: the target exists and the caller did not allow replacing it."""

    def __init__(self, path: Path) -> None:
        self.path = path
        super().__init__(
            f"{path.name} bestaat al in {path.parent}: kies een andere naam, of bevestig dat het bestand "
            "vervangen mag worden (opdrachtregel: --force)."
        )


class ProtectedTarget(FileRefused):
    """Core: the target is the database, one of its side files or backups, or another database."""

    def __init__(self, path: Path) -> None:
        self.path = path
        super().__init__(
            f"{path.name} is een database van Briefer (of een reservekopie ervan) en wordt nooit "
            "overschreven: kies een andere naam of map."
        )


class WriteFailed(FileRefused):
    """Core: the operating system refused the write (read-only, locked, full disk, missing folder)."""


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.exists() and b.exists() and os.path.samefile(a, b)
    except OSError:
        return False


def _resolved(p: Path) -> Path:
    try:
        return p.resolve()
    except OSError:
        return p.absolute()


def is_protected(target: str | Path, databases: Iterable[str | Path] = ()) -> bool:
    """True when `target` is one of `databases`, a -wal/-shm/-journal of one, lies in its backup
    folder, or (whatever its name) already holds an SQLite database."""
    target = Path(target)
    t = _resolved(target)
    for db in databases:
        db = Path(db)
        d = _resolved(db)
        candidates = [d] + [d.with_name(d.name + s) for s in _SIDECARS]
        if t in candidates or any(_same_file(target, c) for c in candidates):
            return True
        backups = _resolved(paths.backup_dir(d))
        if t == backups or backups in t.parents:
            return True
    try:
        with open(target, "rb") as fh:
            if fh.read(len(SQLITE_MAGIC)) == SQLITE_MAGIC:
                return True
    except OSError:
        pass
    return False


def _numbered(target: Path) -> Iterator[Path]:
    """`target`, then `name (2).ext`, `name (3).ext`, ..."""
    yield target
    n = 2
    while True:
        yield target.with_name(f"{target.stem} ({n}){target.suffix}")
        n += 1


def free_path(target: Path) -> Path:
    """`target`, or the first of `name (2).ext`, `name (3).ext`, ... that does not exist (a
    suggestion only: `write_private(on_exists="number")` claims its name atomically)."""
    return next(c for c in _numbered(target) if not c.exists())


def private_dir(folder: str | Path) -> Path:
    """Create `folder` (and parents) if needed; a folder Briefer creates is 0700 on POSIX."""
    folder = Path(folder)
    if folder.is_dir():
        return folder
    try:
        folder.mkdir(parents=True, exist_ok=True)
        if os.name == "posix":
            os.chmod(folder, DIR_MODE)
    except OSError as exc:
        raise WriteFailed(
            f"De map {folder} kan niet worden gemaakt ({exc.strerror or exc}): kies een andere map."
        ) from exc
    return folder


def make_private(path: str | Path) -> None:
    """Tighten an existing file to 0600 (POSIX; a no-op elsewhere or when not ours to change)."""
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        mode = stat.S_IMODE(os.stat(path).st_mode)
        if mode & 0o077:
            os.chmod(path, FILE_MODE)


def write_private(
    target: str | Path,
    data: bytes,
    *,
    overwrite: bool = False,
    on_exists: Literal["refuse", "number"] = "refuse",
    databases: Iterable[str | Path] = (),
    create_dir: bool = False,
) -> Path:
    """Write `data` to `target` atomically as a private file; return the path written.

    `overwrite` replaces an existing target (never a protected one); otherwise an existing target
    raises `TargetExists`, or with `on_exists="number"` the first free `name (N).ext` is used.
    Without `overwrite` the name is claimed atomically (see the module docstring): a file that
    appears meanwhile, from another writer or program, is never replaced.
    """
    target = Path(target)
    folder = target.parent if str(target.parent) else Path(".")
    if is_protected(target, databases):
        raise ProtectedTarget(target)
    if create_dir:
        private_dir(folder)
    if not folder.is_dir():
        raise WriteFailed(f"De map {folder} bestaat niet: kies een bestaande map.")
    if target.is_dir():
        raise WriteFailed(f"{target} is een map, geen bestand: kies een bestandsnaam.")
    if not overwrite and on_exists != "number" and os.path.lexists(target):
        raise TargetExists(target)  # early, before writing anything (the claim below decides)
    tmp_name: str | None = None
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=".~briefer-", suffix=".tmp", dir=folder)
        if os.name == "posix":
            os.fchmod(fd, FILE_MODE)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        if overwrite:
            final = target
            if final.exists() and is_protected(final, databases):  # re-check: it may have appeared meanwhile
                raise ProtectedTarget(final)
            os.replace(tmp_name, final)
            tmp_name = None
        else:
            final, moved = _claim(tmp_name, target, numbered=on_exists == "number", databases=databases)
            if moved:
                tmp_name = None
            if final is None:
                raise TargetExists(target)
        _sync_dir(folder)
        return final
    except FileRefused:
        raise
    except PermissionError as exc:
        raise WriteFailed(
            f"Kan {target.name} niet opslaan in {folder}: het bestand of de map is alleen-lezen of in gebruik "
            "(staat het open in Word?). Sluit het bestand of kies een andere naam of map."
        ) from exc
    except OSError as exc:
        if exc.errno in (errno.ENOSPC, errno.EDQUOT):
            raise WriteFailed(
                f"Kan {target.name} niet opslaan: de schijf is vol. Maak ruimte vrij en probeer het opnieuw."
            ) from exc
        raise WriteFailed(
            f"Kan {target.name} niet opslaan in {folder} ({exc.strerror or exc}): kies een andere map of naam."
        ) from exc
    finally:  # also on KeyboardInterrupt / SystemExit: no temporary file is ever left behind
        if tmp_name is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp_name)


def _claim(tmp_name: str, target: Path, *, numbered: bool,
           databases: Iterable[str | Path]) -> tuple[Path | None, bool]:
    """Put the finished temporary file under `target` (or, `numbered`, the first free numbered
    name) only if that name is free at that instant. Returns the name it got (None: `target` is
    taken and not `numbered`) and whether the temporary file was moved there (else it is still
    there, hard-linked, for the caller to remove)."""
    links = True
    for candidate in _numbered(target) if numbered else (target,):
        if candidate != target and is_protected(candidate, databases):
            continue  # a database's name, even before the database exists: never ours to take
        if links:
            try:
                os.link(tmp_name, candidate)  # atomic: fails when the name exists
                return candidate, False
            except FileExistsError:
                continue
            except (OSError, AttributeError):  # no hard links here (FAT, some shares): claim by O_EXCL
                links = False
        try:
            fd = os.open(candidate, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
        except FileExistsError:
            continue
        os.close(fd)
        try:
            os.replace(tmp_name, candidate)  # over our own empty placeholder
        except OSError:
            with contextlib.suppress(OSError):
                os.unlink(candidate)
            raise
        return candidate, True
    return None, False


def _sync_dir(folder: Path) -> None:
    """Make the rename itself durable (POSIX); best effort."""
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
