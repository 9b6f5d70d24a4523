"""One write transaction serves the document, annotation and suggestion stores alike."""

from __future__ import annotations

import sqlite3

import pytest

from briefer.errors import is_user_facing
from briefer.store import Store
from briefer.store.annotations import AnnotationStore, AnnotationStoreError
from briefer.store.db import DatabaseBusy, StoreError, database_path, open_database, write_transaction
from briefer.store.suggestions import SuggestionStore


def _count(db, table: str) -> int:
    return db.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def _add_domain(store: AnnotationStore, name: str) -> None:
    store.insert("domains", {"id": name, "name": name, "colour": "#123456", "position": 0,
                             "created": "2026-01-01", "updated": "2026-01-01"})


def test_outermost_transaction_takes_the_write_lock_up_front(tmp_path):
    path = tmp_path / "b.db"
    db = open_database(path)
    other = sqlite3.connect(path, timeout=0)
    with write_transaction(db, path):
        # Nothing written yet, but BEGIN IMMEDIATE already holds the lock: a second writer waits.
        with pytest.raises(sqlite3.OperationalError, match="locked"):
            other.execute("BEGIN IMMEDIATE")
    other.execute("BEGIN IMMEDIATE")  # released after commit
    other.rollback()


def test_nested_block_rolls_back_alone(tmp_path):
    db = open_database(tmp_path / "b.db")
    rows = AnnotationStore(db)
    with rows.transaction():
        _add_domain(rows, "buiten")
        with pytest.raises(RuntimeError), rows.transaction():
            _add_domain(rows, "binnen")
            raise RuntimeError("stop")
    assert [r["name"] for r in rows.domain_rows()] == ["buiten"]


def test_a_failed_block_leaves_nothing(tmp_path):
    db = open_database(tmp_path / "b.db")
    rows = AnnotationStore(db)
    with pytest.raises(RuntimeError), rows.transaction():
        _add_domain(rows, "weg")
        raise RuntimeError("stop")
    assert _count(db, "domains") == 0 and not db.conn.in_transaction


def test_refused_constraint_is_a_dutch_store_error(tmp_path):
    db = open_database(tmp_path / "b.db")
    rows = AnnotationStore(db)
    with rows.transaction():
        _add_domain(rows, "dubbel")
    with pytest.raises(AnnotationStoreError) as err, rows.transaction():
        _add_domain(rows, "dubbel")
    assert "niets veranderd" in str(err.value) and is_user_facing(err.value)
    # Without a `refused` type the integrity error passes unchanged (the document store's case).
    with pytest.raises(sqlite3.IntegrityError), write_transaction(db):
        _add_domain(rows, "dubbel")
    assert _count(db, "domains") == 1


def test_busy_database_is_named_for_every_store(tmp_path):
    path = tmp_path / "b.db"
    store = Store.open(path)
    blocker = sqlite3.connect(path)
    blocker.execute("BEGIN IMMEDIATE")
    try:
        for db_conn in (store.db, AnnotationStore(store.db).db, SuggestionStore(store.db).db):
            db_conn.conn.execute("PRAGMA busy_timeout = 0")
        for transaction in (store.transaction, AnnotationStore(store.db).transaction,
                            SuggestionStore(store.db).transaction):
            with pytest.raises(DatabaseBusy) as err, transaction():
                pass
            assert str(path) in str(err.value) and isinstance(err.value, StoreError)
    finally:
        blocker.rollback()
        store.close()


def test_database_path(tmp_path):
    assert database_path(open_database(tmp_path / "b.db")) == str(tmp_path / "b.db")
    assert database_path(open_database(None)) is None
