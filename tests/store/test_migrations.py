"""Migrations 010–012 on a database with data: originals move out of `documents` byte for byte,
every annotation stays as it was, and search (with filters) works on the moved data."""

from __future__ import annotations

import random

from briefer.annotate import Annotations
from briefer.model import DocType, Document, Footnote, Item
from briefer.store import Store
from briefer.store.db import migration_files, open_database, schema_version

ANNOTATION_TABLES = ("domains", "item_domains", "highlights", "notes", "followups", "trash")


def _document(n: int) -> Document:
    items = [Item(k, f"Vraag {k} van document {n} over grondstoffen en het kabinet.",
                  f"Antwoord {k}: het kabinet zal de Kamer informeren over waterstof {n}.",
                  party=["VVD", "D66", "SP"][k % 3]) for k in range(1, 13)]
    return Document(source=f"doc{n}.pdf", doc_type=DocType.SCHRIFTELIJK_OVERLEG, identifier=f"kst-99{n}-1",
                    kamerstuk=f"99{n}, nr. 1", dossier=f"99{n}", ondernummer="1", items=items,
                    footnotes=[Footnote(1, f"Voetnoot {n}.", 1)], page_count=3, title=f"Document {n}")


def _add_old(store: Store, doc: Document, original: bytes) -> str:
    """Add a document to a pre-010 schema: the original lands in `documents.original`, as then."""
    conn = store.db.conn
    conn.execute("CREATE TEMP TABLE document_originals (document_id TEXT, data BLOB)")
    doc_id = store.add_document(doc, original).document.id
    conn.execute("UPDATE main.documents SET original = (SELECT data FROM temp.document_originals "
                 "WHERE document_id = main.documents.id) WHERE id = ?", (doc_id,))
    conn.commit()
    conn.execute("DROP TABLE temp.document_originals")
    return doc_id


def _snapshot(store: Store) -> dict[str, list[tuple]]:
    conn = store.db.conn
    out = {t: sorted(conn.execute(f"SELECT * FROM {t}").fetchall(), key=repr) for t in ANNOTATION_TABLES}
    out["items"] = sorted(conn.execute("SELECT * FROM items").fetchall(), key=repr)
    out["footnotes"] = sorted(conn.execute("SELECT * FROM footnotes").fetchall(), key=repr)
    return out


def test_blob_migration_keeps_every_original_and_annotation(tmp_path):
    path = tmp_path / "oud.db"
    before = [f for f in migration_files() if f.stem < "010"]
    db = open_database(path, files=before)
    store = Store(db, path)
    rng = random.Random(10)
    originals = {}
    for n, size in enumerate([0, 1, 4096, 3_000_000]):  # empty, tiny, a page, many overflow pages
        data = rng.randbytes(size)
        originals[_add_old(store, _document(n), data)] = data
    ann = Annotations(store)
    domains = [d.id for d in ann.domains()]
    levels = ["openbaar", "intern", "vertrouwelijk"]
    for doc_id in originals:
        items = store.items(doc_id)
        for k, it in enumerate(items):
            if k % 2 == 0:
                ann.tag_item(it.id, domains[k % 4])
            if k % 3 == 0:
                ann.highlight_quote(it.id, "het kabinet zal", domain_id=domains[(k + 1) % 4],
                                    level=levels[k % 3], note=f"markeringsnotitie {k} magneten")
            if k % 4 == 1:
                ann.set_note(doc_id, it.id, f"notitie {k} over lithium", level=levels[(k + 1) % 3])
            if k % 5 == 2:
                ann.add_followup(it.id, f"Vervolg {k}", status=["open", "loopt", "afgerond"][k % 3],
                                 level=levels[(k + 2) % 3])
        ann.set_note(doc_id, None, "Kern van het document", level="intern")
    ann.delete_highlight(ann.document_highlights(next(iter(originals)))[0].id)  # something in the trash
    assert db.conn.execute("SELECT count(*) FROM documents WHERE original IS NOT NULL").fetchone()[0] == 4
    snapshot = _snapshot(store)
    db.conn.close()

    with Store.open(path) as store:
        assert schema_version(store.db) == [f.stem for f in migration_files()]
        for doc_id, data in originals.items():
            assert store.original(doc_id) == data  # byte for byte, the empty one too
        conn = store.db.conn
        assert conn.execute("SELECT count(*) FROM documents WHERE original IS NOT NULL").fetchone()[0] == 0
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert _snapshot(store) == snapshot  # every annotation, item and footnote as it was
        ann = Annotations(store)
        # the indexes were rebuilt from the moved data: items, notes and filters all searchable
        assert len({h.item_id for h in store.search("waterstof", limit=1000)}) == 48
        assert {h.field for h in store.search("lithium", limit=1000)} == {"note"}
        assert {h.field for h in store.search("magneten", limit=1000)} == {"highlight"}
        for kw in ({"domain_id": domains[1]}, {"status": "loopt"}, {"has_note": True},
                   {"level": "vertrouwelijk"}, {"has_note": False, "party": "VVD"}):
            want = {it.id for it in ann.filter_items(**kw)}
            got = {h.item_id for h in store.search("kabinet", limit=1000, **kw) if h.kind == "item"}
            assert got == want and want, kw
        # a new import after the migration stores its original in the new table
        new_id = store.add_document(_document(9), b"%PDF nieuw").document.id
        assert store.original(new_id) == b"%PDF nieuw"
        store.delete_document(new_id, backup_first=False)
        assert conn.execute("SELECT count(*) FROM document_originals WHERE document_id = ?",
                            (new_id,)).fetchone()[0] == 0
