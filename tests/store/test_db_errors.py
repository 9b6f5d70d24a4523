"""Low-level SQLite failures reach the user as named errors with one Dutch line."""

from __future__ import annotations

import sqlite3

import pytest

from briefer.store.db import (
    DatabaseCorrupt,
    DiskFull,
    StoreError,
    guarded,
    open_database,
    translate_error,
)


def test_a_folder_is_not_called_corrupt(tmp_path):
    folder = tmp_path / "map.db"
    folder.mkdir()
    with pytest.raises(StoreError) as err:
        open_database(folder)
    assert not isinstance(err.value, DatabaseCorrupt)
    assert "kan niet worden geopend" in str(err.value) and str(folder) in str(err.value)


def test_guarded_maps_a_real_disk_full(tmp_path):
    conn = sqlite3.connect(tmp_path / "klein.db")
    conn.execute("CREATE TABLE t (x BLOB)")
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    conn.execute(f"PRAGMA max_page_count = {pages + 1}")
    with pytest.raises(DiskFull) as err, guarded(tmp_path / "klein.db"):
        conn.execute("INSERT INTO t VALUES (?)", (b"x" * 100_000,))
    assert "klein.db" in str(err.value) and "\n" not in str(err.value)
    assert isinstance(err.value.__cause__, sqlite3.OperationalError)


def test_other_errors_pass_through_unchanged():
    exc = sqlite3.OperationalError("no such table: nergens")
    assert translate_error(exc) is None
    with pytest.raises(sqlite3.OperationalError), guarded():
        sqlite3.connect(":memory:").execute("SELECT * FROM nergens")
