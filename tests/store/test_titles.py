"""The staffer's own item titles (migration 020): stored per item, removed with the item."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefer.store import Store
from briefer.store.documents import ItemNotFound
from briefer.store.titles import MAX_TITLE, item_title, item_titles, set_item_title
from tests.store.conftest import build_document


def test_title_is_stored_replaced_and_removed(tmp_path: Path) -> None:
    db = tmp_path / "b.db"
    with Store.open(db) as store:
        doc_id = store.add_document(build_document(), b"%PDF-1.4 test").document.id
        first, second = [it.id for it in store.items(doc_id)][:2]
        assert set_item_title(store, first, "  Rol van de\nAIVD  ") == "Rol van de AIVD"
        set_item_title(store, second, "Chipsector")
        set_item_title(store, second, "Chips en halfgeleiders")
    with Store.open(db) as store:  # survives closing the database
        assert item_titles(store, doc_id) == {first: "Rol van de AIVD", second: "Chips en halfgeleiders"}
        assert set_item_title(store, first, "   ") is None
        assert item_title(store, first) is None
        assert len(set_item_title(store, second, "x" * 500) or "") == MAX_TITLE
        with pytest.raises(ItemNotFound):
            set_item_title(store, "geen-item", "Titel")
        store.delete_document(doc_id)
        assert store.db.conn.execute("SELECT count(*) FROM item_titles").fetchone()[0] == 0
