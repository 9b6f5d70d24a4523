"""Core: opening a Briefer database: pragmas, versioned migrations, named errors.

The only module that decides how a connection is configured. Migrations are the numbered
`db/NNN_name.sql` files of the repository; each runs in one transaction together with its record
in sqlite-utils' `_sqlite_migrations` table, so a failed migration leaves the schema as it was.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import sqlite_utils
from sqlite_utils.migrations import Migrations

MIGRATIONS_DIR = Path(__file__).resolve().parents[2] / "db"
MIGRATION_SET = "briefer"


class StoreError(Exception):
    """Core: a storage failure with a Dutch message fit for the user (str(exc))."""


class DatabaseCorrupt(StoreError):
    """The database file is damaged or not a Briefer database."""


class DiskFull(StoreError):
    """The disk (or the database's size limit) is full; nothing of the failed change was kept."""


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
    migrations = Migrations(MIGRATION_SET)
    for path in files if files is not None else migration_files():
        statements = split_statements(path.read_text(encoding="utf-8"))

        def apply(db: sqlite_utils.Database, statements: list[str] = statements) -> None:
            for statement in statements:
                db.conn.execute(statement)

        apply.__name__ = path.stem
        migrations(name=path.stem)(apply)
    return migrations


def configure(conn: sqlite3.Connection) -> None:
    """Per-connection pragmas: foreign keys on, WAL, a busy timeout, durable-enough syncing."""
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA busy_timeout = 5000")
    conn.execute("PRAGMA synchronous = NORMAL")


def open_database(path: str | Path | None, *, migrate: bool = True,
                  files: list[Path] | None = None) -> sqlite_utils.Database:
    """Open (creating if needed) a database at `path`, or in memory when `path` is None.

    Raises `DatabaseCorrupt` when the file is not a usable SQLite database.
    """
    try:
        if path is None:
            db = sqlite_utils.Database(memory=True)
        else:
            path = Path(path)
            path.parent.mkdir(parents=True, exist_ok=True)
            db = sqlite_utils.Database(str(path))
            db.conn.execute("PRAGMA journal_mode = WAL")
        configure(db.conn)
        if migrate:
            build_migrations(files).apply(db)
    except sqlite3.DatabaseError as exc:
        raise DatabaseCorrupt(
            f"De database {path} is beschadigd of geen Briefer-database ({exc})."
        ) from exc
    return db


def schema_version(db: sqlite_utils.Database) -> list[str]:
    """Names of the applied migrations, in order."""
    return [m.name for m in Migrations(MIGRATION_SET).applied(db)]
