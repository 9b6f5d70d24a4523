"""A full disk (simulated with PRAGMA max_page_count) loses nothing that was committed."""

from __future__ import annotations

import pytest

from briefer.model import Item
from briefer.store import DiskFull, Store
from briefer.store.backup import check_integrity


def _big_document(make_doc):
    text = "Het kabinet zet in op strategische autonomie en leveringszekerheid. " * 40
    items = [Item(n, f"Vraag {n}: {text}", f"Antwoord {n}: {text}", party="VVD") for n in range(1, 201)]
    return make_doc(ondernummer="500", items=items)


def test_failing_import_on_full_disk_keeps_earlier_data(tmp_path, make_doc):
    path = tmp_path / "b.db"
    store = Store.open(path)
    kept = store.add_document(make_doc(), b"eerste").document
    conn = store.db.conn
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    conn.execute(f"PRAGMA max_page_count = {pages + 3}")

    with pytest.raises(DiskFull) as err:
        store.add_document(_big_document(make_doc), b"te groot")
    message = str(err.value)
    assert "vol" in message and str(path) in message and "\n" not in message

    assert not conn.in_transaction
    assert [d.id for d in store.documents()] == [kept.id]
    assert conn.execute("SELECT count(*) FROM items").fetchone()[0] == 3
    assert store.search("geinformeerd")[0].document_id == kept.id
    store.close()

    assert check_integrity(path) == []
    with Store.open(path) as reopened:  # a new connection has no page limit: the import now fits
        assert [d.id for d in reopened.documents()] == [kept.id]
        assert reopened.add_document(_big_document(make_doc), b"te groot").created


def test_full_disk_during_a_real_import_keeps_earlier_documents(tmp_path, sample_pdf, sample_txt):
    from briefer.importer import import_file

    path = tmp_path / "b.db"
    store = Store.open(path)
    kept = import_file(store, sample_txt).document
    before = list(store.db.conn.iterdump())
    pages = store.db.conn.execute("PRAGMA page_count").fetchone()[0]
    store.db.conn.execute(f"PRAGMA max_page_count = {pages + 2}")
    with pytest.raises(DiskFull):
        import_file(store, sample_pdf)  # the PDF original alone needs more pages than that
    assert list(store.db.conn.iterdump()) == before
    assert store.resolve("latest").id == kept.id
    store.close()
    assert check_integrity(path) == []
