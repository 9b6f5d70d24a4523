from __future__ import annotations

import sqlite3

import pytest

from briefer.store.db import DatabaseCorrupt, open_database, schema_version, split_statements


def test_open_applies_every_migration_once(tmp_path):
    path = tmp_path / "b.db"
    db = open_database(path)
    applied = schema_version(db)
    assert applied and applied[0] == "001_documents"
    db.conn.close()
    db = open_database(path)
    assert schema_version(db) == applied
    assert db.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert db.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_not_a_database_is_a_named_error(tmp_path):
    path = tmp_path / "kapot.db"
    path.write_bytes(b"dit is geen database" * 100)
    with pytest.raises(DatabaseCorrupt) as err:
        open_database(path)
    assert "beschadigd" in str(err.value)


def test_split_keeps_trigger_bodies_whole():
    sql = """
    CREATE TABLE t (a);
    CREATE TRIGGER tr AFTER INSERT ON t BEGIN
        UPDATE t SET a = a + 1;
    END;
    -- trailing comment
    """
    parts = split_statements(sql)
    assert len(parts) == 2
    assert parts[1].endswith("END;")
    con = sqlite3.connect(":memory:")
    for p in parts:
        con.execute(p)
