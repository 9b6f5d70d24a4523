from __future__ import annotations

import sqlite3
import time

import pytest

from briefer import paths
from briefer.store import DatabaseCorrupt, Store
from briefer.store import backup as bk


def _make_db(path, make_doc, n: int = 1) -> list[str]:
    with Store.open(path) as store:
        return [store.add_document(make_doc(ondernummer=str(i)), f"doc {i}".encode()).document.id
                for i in range(1, n + 1)]


def _corrupt(path) -> None:
    """Overwrite everything after the first page with garbage (the header stays readable)."""
    data = bytearray(path.read_bytes())
    assert len(data) > 8192
    for i in range(4096, len(data)):
        data[i] = (i * 7 + 13) % 251
    path.write_bytes(bytes(data))


def _doc_ids(path) -> set[str]:
    conn = sqlite3.connect(path)
    try:
        return {r[0] for r in conn.execute("SELECT id FROM documents")}
    finally:
        conn.close()


def test_integrity_check_tells_sound_from_damaged(tmp_path, make_doc):
    db = tmp_path / "b.db"
    assert bk.check_integrity(db) == []  # no file yet: nothing wrong
    _make_db(db, make_doc)
    assert bk.check_integrity(db) == []
    _corrupt(db)
    assert bk.check_integrity(db) != []
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"geen database" * 500)
    assert bk.check_integrity(junk) != []


def test_backup_is_a_complete_copy_in_backup_dir(tmp_path, make_doc):
    db = tmp_path / "b.db"
    ids = _make_db(db, make_doc, 2)
    target = bk.backup(db)
    assert target.parent == paths.backup_dir(db)
    assert bk.check_integrity(target) == []
    assert _doc_ids(target) == set(ids)
    with Store.open(target) as copy:
        assert copy.search("geinformeerd")  # the FTS index came along


def test_backup_includes_committed_data_still_in_the_wal(tmp_path, make_doc):
    db = tmp_path / "b.db"
    with Store.open(db) as store:
        doc_id = store.add_document(make_doc(), b"x").document.id
        assert db.with_name("b.db-wal").exists()
        target = bk.backup(db)  # the app's connection is still open
    assert _doc_ids(target) == {doc_id}


def test_rotation_keeps_the_newest_ten(tmp_path, make_doc):
    db = tmp_path / "b.db"
    _make_db(db, make_doc)
    made = [bk.backup(db) for _ in range(12)]
    kept = bk.backups(db)
    assert len(kept) == 10
    assert kept == sorted(made, reverse=True)[:10]
    assert not made[0].exists() and not made[1].exists()
    assert bk.backup(db, keep=3) and len(bk.backups(db)) == 3


def test_newest_good_backup_skips_damaged_ones(tmp_path, make_doc):
    db = tmp_path / "b.db"
    _make_db(db, make_doc, 2)
    good = bk.backup(db)
    bad = bk.backup(db)
    _corrupt(bad)
    assert bk.backups(db)[0] == bad
    assert bk.newest_good_backup(db) == good
    _corrupt(good)
    assert bk.newest_good_backup(db) is None


def test_startup_check_backs_up_only_when_something_changed(tmp_path, make_doc):
    db = tmp_path / "b.db"
    assert bk.startup_check(db).backup is None  # first start: no database yet
    _make_db(db, make_doc)
    first = bk.startup_check(db)
    assert first.created_backup and first.backup.exists()
    again = bk.startup_check(db)
    assert not again.created_backup and again.backup == first.backup
    time.sleep(0.01)
    with Store.open(db) as store:
        store.add_document(make_doc(ondernummer="77"), b"nieuw")
    third = bk.startup_check(db)
    assert third.created_backup and third.backup != first.backup
    assert len(_doc_ids(third.backup)) == 2


def test_corrupt_database_offers_newest_good_backup_and_restores(tmp_path, make_doc):
    db = tmp_path / "b.db"
    ids = _make_db(db, make_doc, 2)
    good = bk.startup_check(db).backup
    _corrupt(db)
    damaged = db.read_bytes()
    with pytest.raises(DatabaseCorrupt) as err:
        bk.startup_check(db)
    assert err.value.backup == good
    assert "beschadigd" in str(err.value) and good.name in str(err.value)
    assert "\n" not in str(err.value)
    with pytest.raises(DatabaseCorrupt):
        Store.open(db)

    aside = bk.restore_backup(db, err.value.backup)
    assert aside.read_bytes() == damaged  # the damaged file is kept, not deleted
    assert bk.check_integrity(db) == []
    with Store.open(db) as store:
        assert {d.id for d in store.documents()} == set(ids)


def test_restore_refuses_a_damaged_backup(tmp_path, make_doc):
    db = tmp_path / "b.db"
    _make_db(db, make_doc)
    bad = bk.backup(db)
    _corrupt(bad)
    before = db.read_bytes()
    with pytest.raises(DatabaseCorrupt):
        bk.restore_backup(db, bad)
    assert db.read_bytes() == before


def test_corrupt_without_any_backup_says_so(tmp_path, make_doc):
    db = tmp_path / "b.db"
    _make_db(db, make_doc)
    _corrupt(db)
    with pytest.raises(DatabaseCorrupt) as err:
        bk.startup_check(db)
    assert err.value.backup is None and "geen goede reservekopie" in str(err.value)


def test_restore_when_the_database_file_is_gone(tmp_path, make_doc):
    db = tmp_path / "b.db"
    ids = _make_db(db, make_doc)
    good = bk.backup(db)
    db.unlink()
    assert bk.restore_backup(db, good) is None
    assert _doc_ids(db) == set(ids)
