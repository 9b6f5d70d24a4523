"""Core: opening a Briefer database: pragmas, versioned migrations, named errors.

The only module that decides how a connection is configured. Migrations are the numbered
`db/NNN_name.sql` files of the repository; each runs in one transaction together with its record
in sqlite-utils' `_sqlite_migrations` table, so a failed migration leaves the schema as it was.

Opening a file is guarded in constant time (`open_database`): a file that is not SQLite, a
zero-byte or table-less file while backups of it exist, another program's SQLite database, and a
database the last check found damaged are refused as `DatabaseCorrupt` before anything is written;
a database that cannot be written is refused as `DatabaseReadOnly` (open it with `read_only=True`
to read it); every connection holds the shared lock of `briefer.store.lock` until it is closed;
files are made private (`briefer.store.files`).

A connection is wrapped in the small `Database` below (`.conn`, `.atomic()`, `.table_names()`),
not in sqlite-utils' own: importing sqlite-utils costs 60–130 ms (click, dateutil, pluggy), which
every CLI command and every start of the app would pay. sqlite-utils is imported only when a
migration is pending (its `Migrations` applies them, as it always did).
"""

from __future__ import annotations

import itertools
import os
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from briefer import paths
from briefer.store import files as side
from briefer.store.errors import (
    SQLITE_MAGIC,
    DatabaseBusy,
    DatabaseCorrupt,
    DatabaseReadOnly,
    DiskFull,
    StoreError,
    disk_full_error,
    disk_nearly_full,
    is_corruption,
    read_only_error,
    translate_error,
)
from briefer.store.lock import DatabaseLock

TYPE_CHECKING = False  # typing stays unimported at run time: CLI start-up (briefer.cli)
if TYPE_CHECKING:
    from typing import Any

    from sqlite_utils.migrations import Migrations

MIGRATIONS_DIR = paths.shipped_dir("db")  # db/ of the checkout, or its copy in a wheel/bundle
MIGRATION_SET = "briefer"


_SAVEPOINTS = itertools.count(1)  # savepoint names, unique in this process


@contextmanager
def _outermost(conn: sqlite3.Connection, begin: str) -> Iterator[None]:
    """`begin` … COMMIT, rolled back when the body or the commit fails (the outermost level of
    `Database.atomic` and `write_transaction`)."""
    conn.execute(begin)
    try:
        yield
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    try:
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise


class Database:
    """Core (store): one open SQLite connection as the store uses it (what it used of sqlite-utils'
    `Database`): `conn`, nested transactions with `atomic()`, `table_names()`, `close()`.

    Recursive triggers are on, as sqlite-utils set them.
    """

    def __init__(self, conn: sqlite3.Connection, *, memory: bool = False) -> None:
        self.conn = conn
        self.memory = memory
        conn.execute("PRAGMA recursive_triggers = ON")

    def execute(self, sql: str, params: Any = ()) -> sqlite3.Cursor:
        return self.conn.execute(sql, params)

    @contextmanager
    def atomic(self) -> Iterator[Database]:
        """A transaction (BEGIN … COMMIT), or a savepoint when one is already open."""
        conn = self.conn
        if conn.in_transaction:
            name = f"briefer_{next(_SAVEPOINTS)}"
            conn.execute(f"SAVEPOINT {name}")
            try:
                yield self
            except BaseException:
                if conn.in_transaction:  # RAISE(ROLLBACK) may have ended the whole transaction
                    conn.execute(f"ROLLBACK TO SAVEPOINT {name}")
                    conn.execute(f"RELEASE SAVEPOINT {name}")
                raise
            conn.execute(f"RELEASE SAVEPOINT {name}")
            return
        with _outermost(conn, "BEGIN"):
            yield self

    def table_names(self) -> list[str]:
        return [r[0] for r in self.conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]

    def close(self) -> None:
        self.conn.close()


@contextmanager
def guarded(path: str | Path | None = None) -> Iterator[None]:
    """Re-raise disk-full and corruption errors from the block as DiskFull / DatabaseCorrupt."""
    try:
        yield
    except sqlite3.Error as exc:
        named = translate_error(exc, path)
        if named is None:
            raise
        raise named from exc


def database_path(db: Database) -> str | None:
    """The file behind a connection, or None for an in-memory database (for error messages)."""
    row = db.conn.execute("PRAGMA database_list").fetchone()
    return (row[2] or None) if row else None


@contextmanager
def write_transaction(db: Database, path: str | Path | None = None, *,
                      defer_foreign_keys: bool = False,
                      refused: type[StoreError] | None = None) -> Iterator[None]:
    """One atomic write transaction (a savepoint when nested); low-level errors become named ones.

    The outermost level starts with BEGIN IMMEDIATE: it takes the write lock up front (waiting up
    to the busy timeout), so a change read-then-written never fails halfway because another
    connection (the app and the CLI at once) wrote in between. Disk-full, busy and corruption
    errors become `DiskFull` / `DatabaseBusy` / `DatabaseCorrupt` naming `path`; a constraint
    violation becomes `refused` (when given) saying nothing was changed.
    """
    conn = db.conn
    refusal = getattr(conn, "refusal", None)
    if refusal is not None:
        raise type(refusal)(str(refusal))
    try:
        if conn.in_transaction:
            with db.atomic():
                if defer_foreign_keys:
                    conn.execute("PRAGMA defer_foreign_keys = ON")
                yield
            return
        with _outermost(conn, "BEGIN IMMEDIATE"):
            if defer_foreign_keys:
                conn.execute("PRAGMA defer_foreign_keys = ON")
            yield
    except sqlite3.IntegrityError as exc:
        if refused is None:
            raise
        raise refused(f"De database weigerde de wijziging ({exc}); er is niets veranderd.") from exc
    except sqlite3.Error as exc:
        named = translate_error(exc, path)
        if named is None:
            raise
        raise named from exc


def migration_files(directory: Path = MIGRATIONS_DIR) -> list[Path]:
    """The migration files (`NNN_*.sql`) in order of their number."""
    # A listing, not Path.glob: glob compiles its pattern at every start (every command opens a store).
    names = (n for n in os.listdir(directory) if n[:3].isascii() and n[:3].isdigit() and n[3:4] == "_"
             and n.endswith(".sql"))
    return [directory / n for n in sorted(names)]


def split_statements(sql: str) -> list[str]:
    """Split a SQL script into complete statements (trigger bodies stay whole)."""
    statements, buf = [], ""
    for line in sql.splitlines(keepends=True):
        buf += line
        if sqlite3.complete_statement(buf):
            if buf.strip():
                statements.append(buf.strip())
            buf = ""
    if buf.strip() and not all(
        ln.strip().startswith("--") or not ln.strip() for ln in buf.splitlines()
    ):
        raise ValueError(f"onvolledige SQL-opdracht in migratie: {buf[:80]!r}")
    return statements


def build_migrations(files: list[Path] | None = None) -> Migrations:
    """A sqlite-utils Migrations set with one migration per SQL file."""
    from sqlite_utils.migrations import Migrations

    migrations = Migrations(MIGRATION_SET)
    for path in files if files is not None else migration_files():
        statements = split_statements(path.read_text(encoding="utf-8"))

        def apply(db: Any, statements: list[str] = statements) -> None:
            for statement in statements:
                db.conn.execute(statement)

        apply.__name__ = path.stem
        migrations(name=path.stem)(apply)
    return migrations


def configure(conn: sqlite3.Connection) -> None:
    """Per-connection pragmas: foreign keys on, a busy timeout, and every commit synced to disk.

    synchronous=FULL in WAL mode fsyncs the log at each commit, so an annotation whose call returned
    survives a killed process *and* a laptop whose battery dies a moment later (NORMAL would survive
    only the first). It costs well under the 5 ms budget per annotation (bench/annotate_bench.py).
    """
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA busy_timeout = 5000")
    conn.execute("PRAGMA synchronous = FULL")


# Database files this process has open through `open_database` (real path -> connections). Closing
# *any* descriptor of a file drops every POSIX advisory lock this process holds on it, SQLite's
# own included (sqlite.org/howtocorrupt.html, 2.2). Another process (the suggestion helper, the
# CLI) that then closes its connection believes it is the last one and deletes the -wal and -shm
# under this process's feet: the next read says "file is not a database". So nothing here opens
# the database file itself while a connection of this process holds it (`preflight`).
_held: dict[str, int] = {}
_held_lock = threading.Lock()


def _real(path: Path) -> str:
    return os.path.normcase(os.path.realpath(path))


def held_here(path: str | Path) -> bool:
    """True while this process has a connection open on the database file at `path`."""
    with _held_lock:
        return _held.get(_real(Path(path)), 0) > 0


class BrieferConnection(sqlite3.Connection):
    """Core (store): a connection that holds the database's shared lock until it is closed."""

    lock: DatabaseLock | None = None
    read_only: bool = False
    refusal: StoreError | None = None  # raised by write_transaction before any write
    held: str | None = None  # its entry in `_held`, until it is closed

    def hold(self, path: Path) -> None:
        with _held_lock:
            self.held = _real(path)
            _held[self.held] = _held.get(self.held, 0) + 1

    def close(self) -> None:
        try:
            super().close()
        finally:
            lock, self.lock = self.lock, None
            if lock is not None:
                lock.release()
            with _held_lock:
                held, self.held = self.held, None
                if held is not None:
                    _held[held] -= 1
                    if _held[held] <= 0:
                        del _held[held]


def _connect(path: Path, read_only: bool) -> BrieferConnection:
    if not read_only:
        return sqlite3.connect(str(path), factory=BrieferConnection)
    uri = path.resolve().as_uri()
    try:
        conn = sqlite3.connect(f"{uri}?mode=ro", uri=True, factory=BrieferConnection)
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return conn
    except sqlite3.OperationalError:
        # a WAL database on read-only media cannot make its -shm file: read it as immutable
        conn = sqlite3.connect(f"{uri}?immutable=1", uri=True, factory=BrieferConnection)
        return conn


RESTORE_HINT = "; herstel een reservekopie ('briefer restore')."


def _damaged(path: Path, why: str, *, marked: bool = False) -> DatabaseCorrupt:
    return DatabaseCorrupt(f"De database {path} {why}{RESTORE_HINT}", path=path, marked=marked)


def preflight(path: Path) -> None:
    """Constant-time checks before a database file is opened for writing or reading.

    Refused as `DatabaseCorrupt`: a file the last check found damaged (`files.read_status`), a
    file that is not SQLite, and a zero-byte file while backups of it exist (a crash or a full
    disk emptied it; opening it would start a new, empty database that pushes the good backups
    out). A zero-byte file without backups is a new database.
    """
    status = side.read_status(path)
    damage = status.get("damaged")
    if isinstance(damage, dict):
        found = str(damage.get("found", ""))[:10]
        problem = str(damage.get("problem", "")) or "onbekend probleem"
        raise _damaged(path, f"is bij de controle van {found} beschadigd bevonden ({problem})", marked=True)
    if not path.exists():
        return
    if path.is_dir():
        raise StoreError(f"De database {path} kan niet worden geopend: het is een map; kies een databasebestand.")
    if held_here(path):
        return  # checked when it was opened; reading it now would drop SQLite's locks (see `_held`)
    try:
        size = path.stat().st_size
        with open(path, "rb") as fh:
            head = fh.read(len(SQLITE_MAGIC))
    except PermissionError:
        raise read_only_error(path) from None
    except OSError as exc:
        raise StoreError(f"De database {path} kan niet worden gelezen ({exc.strerror or exc}).") from exc
    if size == 0:
        if side.backup_files(path):
            raise _damaged(path, "is leeg (0 bytes), terwijl er reservekopieën van zijn")
        return
    if head != SQLITE_MAGIC:
        raise _damaged(path, "is beschadigd of geen Briefer-database (geen SQLite-bestand)")


def _check_is_briefer(conn: sqlite3.Connection, path: Path, *, created: bool = False) -> None:
    """Refuse another program's SQLite database, and a table-less file while backups exist (unless
    this open just `created` it: a missing database is a new one)."""
    names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if not names:
        if not created and side.backup_files(path):
            raise _damaged(path, "is leeg (geen tabellen), terwijl er reservekopieën van zijn")
        return
    if "documents" in names or "_sqlite_migrations" in names:
        if "_sqlite_migrations" in names:
            sets = {r[0] for r in conn.execute("SELECT DISTINCT migration_set FROM _sqlite_migrations")}
            if sets and MIGRATION_SET not in sets and "documents" not in names:
                raise _damaged(path, "is geen Briefer-database (een database van een ander programma)")
        return
    raise _damaged(path, "is geen Briefer-database (een database van een ander programma)")


def _writable(path: Path) -> bool:
    folder = path.parent
    if path.exists() and not os.access(path, os.W_OK):
        return False
    return os.access(folder, os.W_OK)


def applied_migrations(conn: sqlite3.Connection) -> list[str]:
    """Names of the applied migrations, in order ([] for a new database)."""
    try:
        rows = conn.execute(
            "SELECT name FROM _sqlite_migrations WHERE migration_set = ? ORDER BY rowid", (MIGRATION_SET,)
        ).fetchall()
    except sqlite3.OperationalError as exc:
        if "no such table" in str(exc):
            return []
        raise
    return [r[0] for r in rows]


def migrate_database(db: Database, files: list[Path] | None = None) -> None:
    """Apply the pending migrations (none pending: one query, sqlite-utils not even imported)."""
    files = files if files is not None else migration_files()
    applied = set(applied_migrations(db.conn))
    if all(path.stem in applied for path in files):
        return
    import sqlite_utils

    build_migrations(files).apply(sqlite_utils.Database(db.conn))


def open_database(path: str | Path | None, *, migrate: bool = True, files: list[Path] | None = None,
                  read_only: bool = False, lock_timeout: float = 5.0) -> Database:
    """Open (creating if needed) a database at `path`, or in memory when `path` is None.

    Raises `DatabaseCorrupt` when the file is damaged or not a Briefer database (see `preflight`),
    `DatabaseReadOnly` when it cannot be written (unless `read_only`), `DatabaseBusy` while a
    restore replaces it, `DiskFull` when there is no room to open it. With `read_only` the
    connection refuses every write (`DatabaseReadOnly` through `write_transaction`).
    """
    if path is None:
        db = Database(sqlite3.connect(":memory:"), memory=True)
        configure(db.conn)
        if migrate:
            migrate_database(db, files)
        return db
    path = Path(path)
    preflight(path)
    created = not path.exists()
    if not read_only:
        if path.exists() and not _writable(path):
            raise read_only_error(path)
        try:
            side.private_folder(path.parent, own=side.is_data_folder(path.parent))
            side.create_private_file(path)
        except OSError as exc:
            if path.parent.is_dir() and not os.access(path.parent, os.W_OK):
                raise read_only_error(path) from exc
            if disk_nearly_full(path):
                raise disk_full_error(path) from exc
            raise StoreError(f"De database {path} kan niet worden aangemaakt ({exc.strerror or exc}); "
                             "kies een andere map.") from exc
        side.tighten_database_files(path)
    elif not path.exists():
        raise StoreError(f"De database {path} bestaat niet; er is niets om te lezen.")
    lock = DatabaseLock.shared(path, timeout=lock_timeout)
    if lock is False:
        raise DatabaseBusy(f"De database {path} wordt op dit moment teruggezet uit een reservekopie; "
                           "probeer het over een paar seconden opnieuw.")
    conn: BrieferConnection | None = None
    try:
        conn = _connect(path, read_only)
        conn.hold(path)
        conn.lock = lock if isinstance(lock, DatabaseLock) else None
        conn.read_only = read_only
        conn.refusal = read_only_error(path) if read_only else None
        db = Database(conn)
        configure(db.conn)
        _check_is_briefer(conn, path, created=created)
        if read_only:
            if migrate and _pending_migrations(db, files):
                raise DatabaseReadOnly(
                    f"De database {path} is alleen-lezen en van een oudere versie van Briefer; maak haar "
                    "schrijfbaar zodat Briefer haar kan bijwerken."
                )
        else:
            db.conn.execute("PRAGMA journal_mode = WAL")
            if migrate:
                migrate_database(db, files)
            side.tighten_database_files(path)  # -wal/-shm just made
    except BaseException as exc:
        if conn is not None:
            conn.close()
        elif isinstance(lock, DatabaseLock):
            lock.release()
        if isinstance(exc, StoreError) or not isinstance(exc, sqlite3.DatabaseError):
            raise
        raise _open_error(exc, path) from exc
    return db


def _open_error(exc: sqlite3.DatabaseError, path: Path) -> StoreError:
    named = translate_error(exc, path)
    if isinstance(named, (DiskFull, DatabaseReadOnly, DatabaseBusy)):
        return named
    if isinstance(exc, sqlite3.OperationalError) and not is_corruption(exc):
        if not _writable(path):
            return read_only_error(path)
        return StoreError(
            f"De database {path} kan niet worden geopend of bijgewerkt ({exc}); sluit andere "
            "Briefer-vensters en probeer het opnieuw."
        )
    return DatabaseCorrupt(f"De database {path} is beschadigd of geen Briefer-database ({exc}).", path=path)


def _pending_migrations(db: Database, files: list[Path] | None) -> list[str]:
    wanted = [p.stem for p in (files if files is not None else migration_files())]
    try:
        done = set(applied_migrations(db.conn))
    except sqlite3.Error:
        return wanted
    return [name for name in wanted if name not in done]


def is_read_only(db: Database) -> bool:
    """True for a connection opened with `read_only=True` (or switched with `make_read_only`)."""
    return bool(getattr(db.conn, "read_only", False))


def make_read_only(db: Database, refusal: StoreError | None = None) -> None:
    """Let an open connection refuse every write from now on, e.g. because a check found the file
    damaged; `refusal` is the error each write attempt raises (default: `DatabaseReadOnly`)."""
    db.conn.execute("PRAGMA query_only = ON")
    if isinstance(db.conn, BrieferConnection):
        db.conn.read_only = True
        db.conn.refusal = refusal or read_only_error(database_path(db))


def change_count(db: Database) -> int:
    """How many annotation and document rows were changed since the database was made (migration
    016's counter); 0 on a database without it."""
    try:
        row = db.conn.execute("SELECT changes FROM change_counter WHERE id = 1").fetchone()
    except sqlite3.Error:
        return 0
    return int(row[0]) if row else 0


def schema_version(db: Database) -> list[str]:
    """Names of the applied migrations, in order."""
    return applied_migrations(db.conn)
