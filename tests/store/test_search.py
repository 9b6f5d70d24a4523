from __future__ import annotations

import sqlite3

import pytest

from briefer.model import Item
from briefer.store import search as search_mod
from briefer.store.search import MARK_CLOSE, MARK_OPEN, SearchHit, query_terms, to_fts_query


@pytest.fixture
def doc_id(store, make_doc) -> str:
    return store.add_document(make_doc(), b"sample").document.id


def _numbers(hits: list[SearchHit]) -> list[int | None]:
    return [h.item_number for h in hits]


def test_diacritics_are_folded_both_ways(store, doc_id):
    hits = store.search("geinformeerd")
    assert _numbers(hits) == [1]
    assert hits[0].field == "answer"
    assert f"{MARK_OPEN}geïnformeerd{MARK_CLOSE}" in hits[0].snippet
    assert _numbers(store.search("GEÏNFORMEERD")) == [1]


def test_prefix_search_finds_whole_words(store, doc_id):
    hits = store.search("grondst")
    assert _numbers(hits) == [1]
    assert hits[0].field == "question"
    assert f"{MARK_OPEN}grondstoffen{MARK_CLOSE}" in hits[0].snippet
    assert _numbers(store.search("vertrouw techn")) == [3]  # every term must match


def test_party_names_are_findable(store, doc_id):
    assert sorted(_numbers(store.search("VVD"))) == [1, 2]
    assert _numbers(store.search("d66")) == [3]


@pytest.mark.parametrize("query", ["30821", "30 821", "30821-196", "kst-30821-196", "30 821, nr. 196"])
def test_kamerstuk_numbers_are_findable(store, doc_id, make_doc, query):
    store.add_document(make_doc(ondernummer="200", dossier="36 410"), b"ander")
    hits = store.search(query)
    assert {h.document_id for h in hits} == {doc_id}
    assert sorted(_numbers(hits)) == [1, 2, 3]


def test_numbers_are_not_prefixes(store, doc_id):
    assert store.search("3082") == []


def test_filters_party_and_document(store, doc_id, make_doc):
    other = store.add_document(make_doc(ondernummer="5"), b"tweede").document.id
    assert {h.document_id for h in store.search("grondstoffen")} == {doc_id, other}
    assert {h.document_id for h in store.search("grondstoffen", doc_id=other)} == {other}
    assert store.search("grondstoffen", party="D66") == []
    assert _numbers(store.search("kabinet", party="d66", doc_id=doc_id)) == [3]


@pytest.mark.parametrize(
    "query",
    ['"', 'chip"s', "NEAR(", "vraag OR", "-", "AND", "question:chip", "*", "col:", "a b c ^ $", "(", "\u0000"],
)
def test_user_queries_never_break_fts(store, doc_id, query):
    hits = store.search(query)  # must not raise sqlite3.OperationalError
    # Read literally, none of these words is in the document ("question:chip" is no column filter,
    # "NEAR(" no operator), while the word itself is found:
    assert hits == []
    assert _numbers(store.search("chip")) == [2]


def test_quoted_phrase_and_operators_are_literal(store, doc_id):
    assert _numbers(store.search('"technische briefing"')) == [3]
    assert store.search('"briefing technische"') == []
    assert store.search("chipsector OR grondstoffen") == []  # OR is a word here, not an operator


def test_query_translation():
    assert to_fts_query("grondst") == '"grondst"*'
    assert to_fts_query("30821") == '"30821"'
    assert to_fts_query('zeg "hallo" x') == '"zeg"* "hallo" "x"'
    assert to_fts_query('ab"cd') == '"ab""cd"*'
    assert to_fts_query("  ,  - ") is None
    assert query_terms('"vertrouwelijke briefing" kabinet') == [
        ("vertrouwelijke briefing", True), ("kabinet", False)]


def test_empty_query_gives_nothing(store, doc_id):
    assert store.search("") == [] and store.search("   ") == []


def test_limit_and_ranking(store, make_doc):
    items = [Item(n, f"Vraag {n} over water.", "Antwoord.", party="SP") for n in range(1, 31)]
    items.append(Item(31, "Water water water water.", "Water en nog eens water.", party="SP"))
    store.add_document(make_doc(items=items), b"veel")
    hits = store.search("water", limit=5)
    assert len(hits) == 5
    assert hits[0].item_number == 31  # most relevant first
    assert [h.rank for h in hits] == sorted(h.rank for h in hits)


def test_registered_source_is_merged(store, doc_id):
    def notes_source(db, match, filters, limit):
        # a real FTS query over a table of its own, as the annotation layer does
        db.conn.execute("CREATE VIRTUAL TABLE IF NOT EXISTS t_fts USING fts5(body)")
        if not db.conn.execute("SELECT count(*) FROM t_fts").fetchone()[0]:
            db.conn.execute("INSERT INTO t_fts(body) VALUES ('notitie over grondstoffenbeleid')")
        rows = db.conn.execute("SELECT rank FROM t_fts WHERE t_fts MATCH ?", (match,)).fetchall()
        return [SearchHit(doc_id, None, None, None, "note", "…", rank=r[0] - 100, kind="note") for r in rows]

    search_mod.register_source("test-notes", notes_source)
    try:
        hits = store.search("grondst")
        assert [h.kind for h in hits] == ["note", "item"]
    finally:
        search_mod.unregister_source("test-notes")
    assert [h.kind for h in store.search("grondst")] == ["item"]


def test_index_follows_item_updates(store, doc_id):
    item = store.items(doc_id)[0]
    store.db.conn.execute("UPDATE items SET answer = 'Nieuwe tekst over waterstof.' WHERE id = ?", (item.id,))
    assert _numbers(store.search("waterstof")) == [1]
    assert store.search("geinformeerd") == []
    rows = store.db.conn.execute("SELECT count(*) FROM items_fts").fetchone()[0]
    assert rows == 3


def test_fts_schema_uses_dutch_friendly_tokenizer(store):
    sql = store.db.conn.execute("SELECT sql FROM sqlite_master WHERE name = 'items_fts'").fetchone()[0]
    assert "remove_diacritics 2" in sql
    with pytest.raises(sqlite3.OperationalError):
        store.db.conn.execute("SELECT * FROM items_fts WHERE items_fts MATCH 'NEAR('").fetchall()


def test_party_filter_knows_other_names_of_a_fractie(store, make_doc):
    items = [Item(1, "Vraag over water.", "Antwoord.", party="ChristenUnie"),
             Item(2, "Vraag over water.", "Antwoord.", party="CU"),
             Item(3, "Vraag over water.", "Antwoord.", party="SGP")]
    store.add_document(make_doc(items=items), b"cu")
    assert sorted(_numbers(store.search("water", party="cu"))) == [1, 2]
    assert sorted(_numbers(store.search("water", party="ChristenUnie"))) == [1, 2]
    assert _numbers(store.search("water", party="SGP")) == [3]


def test_party_filter_is_exact_not_a_word_match(store, make_doc):
    items = [Item(1, "Vraag over water.", "Antwoord.", party="GroenLinks-PvdA"),
             Item(2, "Vraag over water.", "Antwoord.", party="GroenLinks"),
             Item(3, "Vraag over water.", "Antwoord.", party="PvdA")]
    store.add_document(make_doc(items=items), b"gl")
    assert _numbers(store.search("water", party="GroenLinks")) == [2]
    assert _numbers(store.search("water", party="pvda")) == [3]
    assert _numbers(store.search("water", party="groenlinks-pvda")) == [1]


def test_a_spaced_dossier_number_is_one_term(store, make_doc):
    items = [Item(1, "Zie het antwoord op vraag 30.", "Tabel 821.", party="SP"),
             Item(2, "Zie Kamerstuk 30 821 over grondstoffen.", "Antwoord.", party="SP")]
    doc_id = store.add_document(make_doc(dossier="36 200", ondernummer="7", items=items), b"n").document.id
    hits = store.search("30 821")
    assert [(h.document_id, h.item_number) for h in hits] == [(doc_id, 2)]
    assert "«30 821»" in hits[0].snippet
    assert query_terms("Kamerstuk 30 821, nr. 196") == [
        ("Kamerstuk", False), ("30 821", True), ("nr.", False), ("196", False)]


def test_rebuilding_the_index_restores_search(store, doc_id):
    store.db.conn.execute("DELETE FROM items_fts")
    assert store.search("grondst") == []
    assert store.rebuild_search_index() == 3
    assert _numbers(store.search("grondst")) == [1]
    assert _numbers(store.search("30821-196", doc_id=doc_id, party="D66")) == [3]


def test_typed_star_asks_for_a_prefix(store, doc_id):
    """Issue 16: `grondstof*` kept the `*` inside the quoted term and found nothing."""
    assert to_fts_query("grondstof*") == '"grondstof"*'
    assert to_fts_query('"technische brief"*') == '"technische brief"*'
    assert to_fts_query("3082*") == '"3082"*'  # a typed star makes even a number a prefix
    assert to_fts_query("x*") == '"x"'  # one character: no prefix (it would match nearly everything)
    hits = store.search("grondstof*")
    assert _numbers(hits) == [1] and f"{MARK_OPEN}grondstoffen{MARK_CLOSE}" in hits[0].snippet
    assert _numbers(store.search('"technische brief"*')) == [3]
    assert {h.document_id for h in store.search("3082*")} == {doc_id}
    assert store.search('"grondstof"') == []  # quoted without a star: the exact word only
