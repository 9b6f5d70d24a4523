from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta

import pytest

from briefer import paths
from briefer.store import DatabaseCorrupt, DatabaseInUse, SoundDatabase, Store, StoreError
from briefer.store import backup as bk
from briefer.store import files as side
from briefer.store.maintenance import backup_due, check_due, run_maintenance


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
    assert bk.check_integrity(db) == [] and bk.quick_check(db) == []
    _corrupt(db)
    assert bk.check_integrity(db) != [] and bk.quick_check(db) != []
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"geen database" * 500)
    assert bk.check_integrity(junk) != []
    empty = tmp_path / "leeg.db"
    empty.write_bytes(b"")
    assert bk.check_integrity(empty) == ["het bestand is leeg (0 bytes)"]


def test_backup_is_a_complete_checked_copy_in_backup_dir(tmp_path, make_doc):
    db = tmp_path / "b.db"
    ids = _make_db(db, make_doc, 2)
    target = bk.backup(db)
    assert target.parent == paths.backup_dir(db)
    assert bk.check_integrity(target) == []
    assert _doc_ids(target) == set(ids)
    assert not list(target.parent.glob("*.part"))
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


def _fake_backup(db, when: datetime, size: int = 0, *, source=None):
    folder = side.private_folder(paths.backup_dir(db))
    target = folder / f"{db.stem}-{when.strftime('%Y%m%d-%H%M%S-%f')}.db"
    if source is not None:
        target.write_bytes(source.read_bytes())
    else:
        target.write_bytes(b"\0" * size)
    return target


def test_prune_by_age_and_total_size_keeps_the_newest_and_the_newest_with_documents(tmp_path, make_doc):
    db = tmp_path / "b.db"
    _make_db(db, make_doc)
    now = datetime(2026, 12, 1, 12, tzinfo=UTC)
    with_docs = bk.backup(db)
    with_docs = with_docs.rename(with_docs.with_name(f"b-{(now - timedelta(days=200)).strftime('%Y%m%d-%H%M%S-%f')}.db"))
    old = [_fake_backup(db, now - timedelta(days=d), 3 * 1024 * 1024) for d in (150, 120, 100)]
    recent = [_fake_backup(db, now - timedelta(days=d), 3 * 1024 * 1024) for d in (5, 3, 1)]
    policy = bk.BackupPolicy(keep=10, max_age_days=90, max_total_mb=7)
    removed = bk.prune(db, policy, now=now)
    assert set(old) <= set(removed)  # too old
    assert recent[0] in removed  # over 7 MB together: the oldest of the recent ones goes
    assert recent[1].exists() and recent[2].exists()
    assert with_docs.exists()  # 200 days old, but the newest backup that holds documents


def test_an_empty_database_never_pushes_the_good_backups_out(tmp_path, make_doc):
    db = tmp_path / "b.db"
    ids = _make_db(db, make_doc, 2)
    good = bk.backup(db)
    db.unlink()
    with Store.open(db):  # a new, empty database at the same place
        pass
    with pytest.raises(StoreError) as err:
        bk.backup(db)
    assert "geen documenten" in str(err.value) and "\n" not in str(err.value)
    for _ in range(12):
        bk.backup(db, force=True, keep=2)
    assert good.exists() and _doc_ids(good) == set(ids)


def test_a_damaged_database_is_not_backed_up_and_keeps_the_old_backups(tmp_path, make_doc):
    db = tmp_path / "b.db"
    _make_db(db, make_doc)
    good = bk.backup(db)
    _corrupt(db)
    with pytest.raises(DatabaseCorrupt):
        bk.backup(db)
    assert bk.backups(db) == [good]
    assert "damaged" in side.read_status(db)


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


def test_maintenance_checks_and_backs_up_only_when_due(tmp_path, make_doc):
    db = tmp_path / "b.db"
    policy = bk.BackupPolicy(interval_hours=24, after_changes=5, quick_check_days=1, full_check_days=30)
    assert run_maintenance(db, policy).backup is None  # first start: no database yet
    _make_db(db, make_doc)
    t0 = datetime.now(UTC)
    first = run_maintenance(db, policy, now=t0)
    assert first.checked == "full" and first.created_backup and first.backup.exists()
    again = run_maintenance(db, policy, now=t0 + timedelta(hours=1))
    assert again.checked is None and not again.created_backup and again.backup == first.backup
    # a day later but nothing changed: a quick check, no backup
    later = run_maintenance(db, policy, now=t0 + timedelta(hours=25))
    assert later.checked == "quick" and not later.created_backup
    # a few changes: not yet (fewer than 5, within the day) ...
    with Store.open(db) as store:
        store.add_document(make_doc(ondernummer="77"), b"nieuw")
    assert not backup_due(db, policy, now=t0 + timedelta(hours=2))
    # ... but after a day with changes, or after 5 changes, a backup is due
    assert backup_due(db, policy, now=t0 + timedelta(hours=25))
    with Store.open(db) as store:
        for n in range(78, 83):
            store.add_document(make_doc(ondernummer=str(n)), f"nieuw {n}".encode())
    third = run_maintenance(db, policy, now=t0 + timedelta(hours=26))
    assert third.created_backup and third.backup != first.backup
    assert len(_doc_ids(third.backup)) == 7
    assert check_due(db, policy, now=t0 + timedelta(days=31)) == "full"


def test_damage_found_after_start_is_recorded_and_offers_the_newest_good_backup(tmp_path, make_doc):
    db = tmp_path / "b.db"
    ids = _make_db(db, make_doc, 2)
    good = run_maintenance(db).backup
    _corrupt(db)
    damaged = db.read_bytes()
    with pytest.raises(DatabaseCorrupt) as err:
        run_maintenance(db, bk.BackupPolicy(), now=datetime.now(UTC) + timedelta(days=40))
    assert err.value.backup == good
    assert "beschadigd" in str(err.value) and good.name in str(err.value)
    assert "\n" not in str(err.value)
    with pytest.raises(DatabaseCorrupt) as refused:  # known damage: nobody opens it for writing
        Store.open(db)
    assert refused.value.marked

    aside = bk.restore_backup(db, err.value.backup)
    assert aside.read_bytes() == damaged  # the damaged file is kept, not deleted
    assert ".beschadigd-" in aside.name
    assert bk.check_integrity(db) == []
    assert "damaged" not in side.read_status(db)
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


def test_restore_asks_before_replacing_a_sound_database_and_keeps_it(tmp_path, make_doc):
    db = tmp_path / "b.db"
    first = _make_db(db, make_doc)
    good = bk.backup(db)
    with Store.open(db) as store:
        later = store.add_document(make_doc(ondernummer="9"), b"later").document.id
    with pytest.raises(SoundDatabase) as err:
        bk.restore_backup(db, good)
    assert "--force" in str(err.value) and "\n" not in str(err.value)
    assert _doc_ids(db) == {*first, later}  # untouched
    aside = bk.restore_backup(db, good, replace_sound=True)
    assert ".voor-herstel-" in aside.name
    assert _doc_ids(db) == set(first)
    with Store.open(aside) as kept:  # the replaced database is kept whole (with its -wal)
        assert {d.id for d in kept.documents()} == {*first, later}


def test_restore_refuses_while_a_briefer_connection_is_open(tmp_path, make_doc):
    db = tmp_path / "b.db"
    _make_db(db, make_doc)
    good = bk.backup(db)
    _corrupt(db)
    conn_holder = sqlite3.connect(tmp_path / "other.db")  # unrelated connections do not count
    with Store.open(good) as _other:
        pass
    from briefer.store.lock import DatabaseLock

    held = DatabaseLock.shared(db)
    with pytest.raises(DatabaseInUse) as err:
        bk.restore_backup(db, good)
    assert "sluit Briefer" in str(err.value)
    assert bk.check_integrity(db) != []  # nothing was replaced
    held.release()
    bk.restore_backup(db, good)
    assert bk.check_integrity(db) == []
    conn_holder.close()


def test_corrupt_without_any_backup_says_so(tmp_path, make_doc):
    db = tmp_path / "b.db"
    _make_db(db, make_doc)
    _corrupt(db)
    with pytest.raises(DatabaseCorrupt) as err:
        run_maintenance(db)
    assert err.value.backup is None and "geen goede reservekopie" in str(err.value)


def test_restore_when_the_database_file_is_gone(tmp_path, make_doc):
    db = tmp_path / "b.db"
    ids = _make_db(db, make_doc)
    good = bk.backup(db)
    db.unlink()
    assert bk.restore_backup(db, good) is None
    assert _doc_ids(db) == set(ids)
