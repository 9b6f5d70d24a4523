"""`briefer items` and the annotation filters on `briefer search`, across documents."""

from __future__ import annotations

import json

import pytest

from briefer.annotate import Annotations
from briefer.cli import main
from briefer.model import Document, FollowUpStatus, Item, Level
from briefer.store import Store


def _doc(ident: str, dossier: str, nr: str, parties: list[str]) -> Document:
    items = [
        Item(number=n, party=parties[(n - 1) % len(parties)],
             question=f"Vraag {n} over grondstoffen en het kabinet in {ident}?",
             answer=f"Antwoord {n}: het kabinet informeert uw Kamer over lithium en chips ({ident}).")
        for n in range(1, 7)
    ]
    return Document(source=f"{ident}.pdf", doc_type="schriftelijk_overleg", identifier=ident,
                    kamerstuk=f"{dossier}, nr. {nr}", dossier=dossier, ondernummer=nr, items=items,
                    parties=parties)


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "b.db"
    with Store.open(path) as store:
        ann = Annotations(store)
        one = store.add_document(_doc("kst-1-1", "1", "1", ["VVD", "D66"]), b"one").document
        two = store.add_document(_doc("kst-2-2", "2", "2", ["SP", "VVD"]), b"two").document
        digitaal = ann.domains()[1]
        i1 = {it.number: it for it in store.items(one.id)}
        i2 = {it.number: it for it in store.items(two.id)}
        ann.tag_item(i1[1].id, digitaal.id)                                   # VVD, tagged
        ann.highlight_quote(i2[2].id, "lithium en chips", domain_id=digitaal.id)   # VVD, highlight only
        ann.set_note(one.id, i1[2].id, "Nagaan", level=Level.VERTROUWELIJK)  # D66, vertrouwelijk note
        ann.add_followup(i2[3].id, "Motie", status=FollowUpStatus.LOOPT)      # SP, loopt
    return path


def numbers(capsys) -> list[tuple[str, int]]:
    rows = json.loads(capsys.readouterr().out)
    return sorted((str(r["party"]), r["number"]) for r in rows)


def test_items_by_domain_across_documents(db, capsys):
    assert main(["--db", str(db), "items", "--domain", "2", "--json"]) == 0
    assert numbers(capsys) == [("VVD", 1), ("VVD", 2)]


def test_items_by_level_status_note_and_party(db, capsys):
    main(["--db", str(db), "items", "--level", "vertrouwelijk", "--json"])
    assert numbers(capsys) == [("D66", 2)]
    main(["--db", str(db), "items", "--status", "loopt", "--json"])
    assert numbers(capsys) == [("SP", 3)]
    main(["--db", str(db), "items", "--has-note", "--json"])
    assert numbers(capsys) == [("D66", 2)]
    main(["--db", str(db), "items", "kst-2-2", "--party", "VVD", "--json"])
    assert numbers(capsys) == [("VVD", 2), ("VVD", 4), ("VVD", 6)]


def test_search_keeps_only_hits_on_filtered_items(db, capsys):
    main(["--db", str(db), "search", "kabinet", "--json"])
    everything = json.loads(capsys.readouterr().out)
    assert len({h["item_id"] for h in everything}) == 12
    main(["--db", str(db), "search", "kabinet", "--domain", "digitale", "--json"])
    hits = json.loads(capsys.readouterr().out)
    assert {h["item_number"] for h in hits} == {1, 2} and len({h["document_id"] for h in hits}) == 2


def test_items_come_newest_document_first_in_document_order(db, capsys):
    assert main(["--db", str(db), "items", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    with Store.open(db) as store:
        order = [d.id for d in store.documents()]  # the library's order: newest import first
    assert [r["document_id"] for r in rows] == [d for d in order for _ in range(6)]
    assert [r["number"] for r in rows] == [1, 2, 3, 4, 5, 6] * 2


def test_search_level_is_a_ceiling_for_notes_and_filters(db, capsys):
    """Issue 11: `search --level intern` never shows (or counts) a vertrouwelijk note."""
    main(["--db", str(db), "search", "nagaan", "--json"])
    hits = json.loads(capsys.readouterr().out)
    assert [(h["field"], h["level"]) for h in hits] == [("note", "vertrouwelijk")]
    for level in ("intern", "openbaar"):
        main(["--db", str(db), "search", "nagaan", "--level", level, "--json"])
        assert json.loads(capsys.readouterr().out) == []
    main(["--db", str(db), "search", "nagaan", "--level", "vertrouwelijk"])
    out = capsys.readouterr().out
    assert "notitie [vertrouwelijk]" in out and "«Nagaan»" in out
    # the note filter counts only notes within the ceiling: the D66 item has none at intern
    main(["--db", str(db), "search", "kabinet", "--has-note", "--json"])
    assert {h["item_number"] for h in json.loads(capsys.readouterr().out)} == {2}
    main(["--db", str(db), "search", "kabinet", "--has-note", "--level", "intern", "--json"])
    assert json.loads(capsys.readouterr().out) == []


def test_search_typed_prefix(db, capsys):
    main(["--db", str(db), "search", "grondstof*", "--json"])
    assert len({h["item_id"] for h in json.loads(capsys.readouterr().out)}) == 12


def test_search_with_more_matches_than_ranked_says_newest_first(db, capsys, monkeypatch):
    from briefer.store import search as search_mod

    monkeypatch.setattr(search_mod, "RANK_CAP", 3)
    main(["--db", str(db), "search", "kabinet", "--limit", "2"])
    assert "de nieuwste eerst" in capsys.readouterr().out
    main(["--db", str(db), "search", "kabinet", "--limit", "50"])  # 12 matches, all ranked
    assert "nieuwste eerst" not in capsys.readouterr().out
