from __future__ import annotations

import hashlib
import sqlite3
import uuid

import pytest

from briefer.model import Item
from briefer.store import DocumentNotFound, ItemNotFound, Store


def _uuid(value: str) -> bool:
    return str(uuid.UUID(value)) == value


def test_add_document_keeps_metadata_items_footnotes_and_original(store, make_doc):
    doc = make_doc()
    original = b"%PDF-1.7 fake bytes"
    result = store.add_document(doc, original)
    stored = result.document
    assert result.created and result.previous is None
    assert _uuid(stored.id)
    assert stored.kamerstuk == "30 821, nr. 196" and stored.vergaderjaar == "2022–2023"
    assert stored.source == "kst-30821-196.pdf"  # no directory
    assert stored.sha256 == hashlib.sha256(original).hexdigest()
    assert stored.item_count == 3 and stored.parties == ["VVD", "D66"]
    assert store.original(stored.id) == original

    items = store.items(stored.id)
    assert [i.number for i in items] == [1, 2, 3]
    assert [i.position for i in items] == [0, 1, 2]
    assert all(_uuid(i.id) for i in items) and len({i.id for i in items}) == 3
    assert items[2].numbers == [3, 4] and (items[2].page_first, items[2].page_last) == (4, 5)
    assert items[1].refers_to == [1]
    assert items[0].answer == "Het kabinet heeft de Kamer hierover geïnformeerd."
    assert store.item(items[0].id) == items[0]
    assert [(f.number, f.page) for f in store.footnotes(stored.id)] == [(1, 2), (2, 5)]
    assert result.items_per_party == [("VVD", 2), ("D66", 1)]
    footnote_ids = store.db.conn.execute("SELECT id FROM footnotes").fetchall()
    assert all(_uuid(r[0]) for r in footnote_ids)


def test_same_file_again_is_not_duplicated(store, make_doc):
    first = store.add_document(make_doc(), b"same bytes")
    again = store.add_document(make_doc(), b"same bytes")
    assert not again.created
    assert again.document.id == first.document.id
    assert len(store.documents()) == 1
    assert store.db.conn.execute("SELECT count(*) FROM items").fetchone()[0] == 3
    assert store.db.conn.execute("SELECT count(*) FROM items_fts").fetchone()[0] == 3


def test_new_version_of_same_kamerstuk_links_to_previous(store, make_doc):
    v1 = store.add_document(make_doc(), b"versie 1").document
    # A herdruk: same dossier and ondernummer (written without the space), other bytes.
    v2 = store.add_document(make_doc(dossier="30821", identifier="kst-30821-196"), b"versie 2")
    assert v2.created and v2.previous is not None and v2.previous.id == v1.id
    assert v2.document.version_of == v1.id
    v3 = store.add_document(make_doc(), b"versie 3")
    assert v3.document.version_of == v2.document.id  # newest earlier version, not the first
    assert [d.id for d in store.versions(v1.id)] == [v1.id, v2.document.id, v3.document.id]
    other = store.add_document(make_doc(ondernummer="197"), b"ander stuk")
    assert other.document.version_of is None


def test_documents_newest_first_with_counts(store, make_doc):
    a = store.add_document(make_doc(ondernummer="1"), b"a").document
    b = store.add_document(make_doc(ondernummer="2", items=[Item(1, "v", "a")]), b"b").document
    listed = store.documents()
    assert [d.id for d in listed] == [b.id, a.id]
    assert [d.item_count for d in listed] == [1, 3]


def test_resolve_every_kind_of_reference(store, make_doc):
    old = store.add_document(make_doc(), b"oud").document
    new = store.add_document(make_doc(), b"nieuw").document
    other = store.add_document(make_doc(ondernummer="9", dossier="21 501-02"), b"x").document
    assert store.resolve(old.id).id == old.id
    assert store.resolve(old.id[:8]).id == old.id
    assert store.resolve("KST-30821-196").id == new.id  # identifier: newest version
    assert store.resolve("30821-196").id == new.id
    assert store.resolve("30 821, nr. 196").id == new.id
    assert store.resolve("21501-02-9").id == other.id
    assert store.resolve("latest").id == other.id
    for bad in ("30821-999", "nonsense", "", "abcd"):
        with pytest.raises(DocumentNotFound) as err:
            store.resolve(bad)
        assert "niet gevonden" in str(err.value)


def test_item_by_number_finds_combined_items(store, make_doc):
    doc = store.add_document(make_doc(), b"x").document
    assert store.item_by_number(doc.id, 1).number == 1
    assert store.item_by_number(doc.id, "4").number == 3  # part of "Antwoord 3 en 4"
    with pytest.raises(ItemNotFound) as err:
        store.item_by_number(doc.id, 99)
    assert "99" in str(err.value)
    with pytest.raises(ItemNotFound):
        store.item_by_number(doc.id, "twee")
    with pytest.raises(ItemNotFound):
        store.item("geen-id")


def test_unknown_document_is_a_named_error(store):
    for call in (store.document, store.items, store.original, store.delete_document):
        with pytest.raises(DocumentNotFound):
            call(str(uuid.uuid4()))


def test_delete_document_removes_items_footnotes_and_index_rows(store, make_doc):
    keep = store.add_document(make_doc(ondernummer="1"), b"a").document
    gone = store.add_document(make_doc(ondernummer="2"), b"b").document
    store.delete_document(gone.id)
    conn = store.db.conn
    assert [d.id for d in store.documents()] == [keep.id]
    assert conn.execute("SELECT count(*) FROM items WHERE document_id = ?", (gone.id,)).fetchone()[0] == 0
    assert conn.execute("SELECT count(*) FROM footnotes WHERE document_id = ?", (gone.id,)).fetchone()[0] == 0
    assert conn.execute("SELECT count(DISTINCT document_id) FROM items_fts").fetchone()[0] == 1
    assert {h.document_id for h in store.search("grondstoffen")} == {keep.id}


def test_import_is_all_or_nothing(store, make_doc):
    store.add_document(make_doc(ondernummer="1"), b"goed")
    before = store.db.conn.execute("SELECT count(*) FROM documents").fetchone()[0]
    broken = make_doc(ondernummer="2")
    broken.items.append(Item(4, "vraag", "antwoord"))
    broken.items[-1].number = None  # type: ignore[assignment]  # NOT NULL fails after earlier rows
    with pytest.raises(sqlite3.IntegrityError):
        store.add_document(broken, b"kapot")
    conn = store.db.conn
    assert conn.execute("SELECT count(*) FROM documents").fetchone()[0] == before
    assert conn.execute("SELECT count(*) FROM items").fetchone()[0] == 3
    assert conn.execute("SELECT count(*) FROM items_fts").fetchone()[0] == 3
    assert not conn.in_transaction


def test_duplicate_footnote_numbers_are_kept_once_with_a_warning(store, make_doc):
    doc = make_doc()
    doc.footnotes.append(type(doc.footnotes[0])(1, "Dubbel.", 3))
    stored = store.add_document(doc, b"x").document
    assert [f.text for f in store.footnotes(stored.id)][0] == "Kamerstuk 35 982, nr. 9."
    assert any("Voetnoot 1" in w for w in stored.warnings)


def test_data_survives_reopening(tmp_path, make_doc):
    path = tmp_path / "b.db"
    with Store.open(path) as store:
        doc_id = store.add_document(make_doc(), b"bytes").document.id
    with Store.open(path) as store:
        assert store.document(doc_id).item_count == 3
        assert store.search("geinformeerd")[0].document_id == doc_id


def test_resolve_in_an_empty_store_says_to_import_first(store):
    with pytest.raises(DocumentNotFound) as err:
        store.resolve("latest")
    assert "nog geen documenten" in str(err.value) and "briefer import" in str(err.value)


def test_a_second_writer_waits_or_gets_a_named_error(tmp_path, make_doc):
    from briefer.store.db import DatabaseBusy

    path = tmp_path / "b.db"
    with Store.open(path) as first, Store.open(path) as second:
        second.db.conn.execute("PRAGMA busy_timeout = 50")
        with first.transaction():
            first.add_document(make_doc(ondernummer="1"), b"een")
            with pytest.raises(DatabaseBusy) as err:
                second.add_document(make_doc(ondernummer="2"), b"twee")
            assert "bezet" in str(err.value)
        assert not second.db.conn.in_transaction
        assert second.add_document(make_doc(ondernummer="2"), b"twee").created
        assert len(second.documents()) == 2


def test_delete_makes_a_backup_first(store, make_doc):
    from briefer.store.backup import backups

    doc_id = store.add_document(make_doc(), b"x").document.id
    store.delete_document(doc_id)
    saved = backups(store.path)
    assert len(saved) == 1
    with Store.open(saved[0]) as old:
        assert old.document(doc_id).item_count == 3
