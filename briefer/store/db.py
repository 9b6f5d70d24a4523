"""Core: opening a Briefer database: pragmas, versioned migrations, named errors.

The only module that decides how a connection is configured. Migrations are the numbered
`db/NNN_name.sql` files of the repository; each runs in one transaction together with its record
in sqlite-utils' `_sqlite_migrations` table, so a failed migration leaves the schema as it was.

A connection is wrapped in the small `Database` below (`.conn`, `.atomic()`, `.table_names()`),
not in sqlite-utils' own: importing sqlite-utils costs 60–130 ms (click, dateutil, pluggy), which
every CLI command and every start of the app would pay. sqlite-utils is imported only when a
migration is pending (its `Migrations` applies them, as it always did).
"""

from __future__ import annotations

import itertools
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from briefer.errors import BrieferError

if TYPE_CHECKING:
    from sqlite_utils.migrations import Migrations

MIGRATIONS_DIR = Path(__file__).resolve().parents[2] / "db"
MIGRATION_SET = "briefer"


class StoreError(BrieferError):
    """Core: a storage failure with a Dutch message fit for the user (str(exc))."""


class DatabaseCorrupt(StoreError):
    """Core (store): the database file is damaged or not a Briefer database.

    `path` is the damaged file (when known); `backup` the newest backup that passed the integrity
    check (set by `briefer.store.backup.startup_check`), which the GUI/CLI offer to restore.
    """

    def __init__(self, message: str, *, path: Path | None = None, backup: Path | None = None) -> None:
        super().__init__(message)
        self.path = path
        self.backup = backup


class DiskFull(StoreError):
    """Core (store): the disk (or the database's size limit) is full; nothing of the failed change was kept."""


class DatabaseBusy(StoreError):
    """Core (store): another connection held the database longer than the busy timeout; nothing was changed."""


_SAVEPOINTS = itertools.count(1)  # savepoint names, unique in this process


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
        conn.execute("BEGIN")
        try:
            yield self
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

    def table_names(self) -> list[str]:
        return [r[0] for r in self.conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]

    def close(self) -> None:
        self.conn.close()


SQLITE_BUSY = 5
SQLITE_LOCKED = 6
SQLITE_CORRUPT = 11
SQLITE_FULL = 13
SQLITE_NOTADB = 26


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


def translate_error(exc: sqlite3.Error, path: str | Path | None = None) -> StoreError | None:
    """The named StoreError for a low-level SQLite error, or None when it has no Dutch meaning."""
    where = f" ({path})" if path else ""
    if is_disk_full(exc):
        return DiskFull(
            f"De schijf is vol of de database{where} heeft haar maximale grootte bereikt; de laatste "
            "wijziging is niet opgeslagen, alles daarvoor is bewaard. Maak ruimte vrij en probeer het opnieuw."
        )
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
    return None


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
    try:
        if conn.in_transaction:
            with db.atomic():
                if defer_foreign_keys:
                    conn.execute("PRAGMA defer_foreign_keys = ON")
                yield
            return
        conn.execute("BEGIN IMMEDIATE")
        try:
            if defer_foreign_keys:
                conn.execute("PRAGMA defer_foreign_keys = ON")
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
    """The migration files in order of their number."""
    return sorted(p for p in directory.glob("[0-9][0-9][0-9]_*.sql"))


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


def open_database(path: str | Path | None, *, migrate: bool = True,
                  files: list[Path] | None = None) -> Database:
    """Open (creating if needed) a database at `path`, or in memory when `path` is None.

    Raises `DatabaseCorrupt` when the file is not a usable SQLite database.
    """
    try:
        if path is None:
            db = Database(sqlite3.connect(":memory:"), memory=True)
        else:
            path = Path(path)
            path.parent.mkdir(parents=True, exist_ok=True)
            db = Database(sqlite3.connect(str(path)))
            db.conn.execute("PRAGMA journal_mode = WAL")
        configure(db.conn)
        if migrate:
            migrate_database(db, files)
    except sqlite3.DatabaseError as exc:
        if is_disk_full(exc):
            raise translate_error(exc, path) from exc  # type: ignore[misc]
        if isinstance(exc, sqlite3.OperationalError) and not is_corruption(exc):
            raise StoreError(
                f"De database {path} kan niet worden geopend of bijgewerkt ({exc}); sluit andere "
                "Briefer-vensters en probeer het opnieuw."
            ) from exc
        raise DatabaseCorrupt(
            f"De database {path} is beschadigd of geen Briefer-database ({exc}).",
            path=Path(path) if path is not None else None,
        ) from exc
    return db


def schema_version(db: Database) -> list[str]:
    """Names of the applied migrations, in order."""
    return applied_migrations(db.conn)
