"""Stored documents: the JSON contract, accept/dismiss through the annotation layer, lexicons, CLI."""

from __future__ import annotations

import json

import pytest

from briefer.annotate import Annotations
from briefer.cli import main
from briefer.model import DocType, Document, FollowUpKind, Footnote, Item, Level
from briefer.store import Store
from briefer.suggest import (
    LexiconError,
    SuggestionAlreadyAccepted,
    SuggestionNotFound,
    accept,
    add_lexicon_term,
    decided,
    dismiss,
    lexicon_terms,
    remove_lexicon_term,
    reset_lexicon,
    restore,
    suggest_document,
    undo_accept,
)


def small_document() -> Document:
    items = [
        Item(1, "De leden vragen naar kritieke grondstoffen en lithium.",
             "De grondstoffenstrategie richt zich op lithium, kobalt en nikkel.[^1] Voor het einde van 2024 "
             "zal uw Kamer over de voortgang geïnformeerd worden.", party="VVD"),
        Item(2, "Kan het kabinet de Kamer hierover vertrouwelijk informeren?",
             "Het kabinet biedt de Kamer een vertrouwelijke technische briefing aan.", party="VVD"),
        Item(3, "Hoe staat het met de afhankelijkheden?", "Zie het antwoord op vraag 1.", party="D66"),
        Item(4, "Een vraag zonder onderwerp?", "Het kabinet heeft hier geen opvatting over.", party="D66"),
    ]
    return Document(
        source="test-doc.txt", doc_type=DocType.SCHRIFTELIJK_OVERLEG, identifier="kst-99999-1",
        kamerstuk="99 999, nr. 1", dossier="99 999", ondernummer="1", vergaderjaar="2023–2024",
        date="2024-02-01", parties=["VVD", "D66"], footnotes=[Footnote(1, "Kamerstuk 35 982, nr. 9.")],
        items=items, page_count=2,
    )


@pytest.fixture
def store(tmp_path):
    s = Store.open(tmp_path / "briefer.db")
    yield s
    s.close()


@pytest.fixture
def doc_id(store):
    return store.add_document(small_document(), b"test-doc").document.id


def test_json_contract_on_a_stored_document(store, doc_id):
    data = suggest_document(store, doc_id).to_json()
    assert list(data) == ["toezeggingen", "domains", "confidential", "references", "kamerstuk_references"]
    assert data["toezeggingen"] == [
        {"item": 1, "sentence": "Voor het einde van 2024 zal uw Kamer over de voortgang geïnformeerd worden.",
         "due": "2024-12-31"},
        {"item": 2, "sentence": "Het kabinet biedt de Kamer een vertrouwelijke technische briefing aan.",
         "due": None},
    ]
    top = data["domains"][0]
    assert top["item"] == 1 and top["domains"][0]["name"] == "Grondstoffen en (fossiele) energie"
    assert 0 < top["domains"][0]["score"] < 1 and "lithium" in top["domains"][0]["evidence"]
    assert all(d["item"] != 4 for d in data["domains"])
    assert [c["item"] for c in data["confidential"]] == [2, 2]
    assert data["references"] == [{"item": 3, "refers_to_item": 1}]
    assert data["kamerstuk_references"] == [
        {"item": 1, "text": "Kamerstuk 35 982, nr. 9", "dossiers": ["35 982"], "nr": "9"}
    ]
    assert suggest_document(store, doc_id).to_json() == data  # deterministic


def test_accepting_a_toezegging_highlights_and_creates_a_followup(store, doc_id):
    ann = Annotations(store)
    s = suggest_document(store, doc_id)
    key = s.toezeggingen[0].key
    result = accept(store, ann, doc_id, key)
    item = store.item_by_number(doc_id, 1)
    (fu,) = ann.followups(item_id=item.id)
    assert fu.kind == FollowUpKind.TOEZEGGING and fu.due == "2024-12-31"
    (hl,) = ann.highlights(item.id)
    assert hl.exact == s.toezeggingen[0].sentence and fu.highlight_id == hl.id
    assert key not in suggest_document(store, doc_id).keys()
    with pytest.raises(SuggestionAlreadyAccepted):
        accept(store, ann, doc_id, key)
    undo_accept(store, ann, doc_id, result)
    assert ann.followups(item_id=item.id) == [] and ann.highlights(item.id) == []
    assert key in suggest_document(store, doc_id).keys()


def test_accepting_a_domain_tags_the_item_and_a_cue_makes_a_confidential_followup(store, doc_id):
    ann = Annotations(store)
    s = suggest_document(store, doc_id)
    domain_key = s.domains[0].domains[0].key
    accept(store, ann, doc_id, domain_key)
    assert [d.name for d in ann.item_domains(store.item_by_number(doc_id, 1).id)] == [
        "Grondstoffen en (fossiele) energie"
    ]
    briefing = next(c for c in s.confidential if c.field == "answer")
    accept(store, ann, doc_id, briefing.key)
    (fu,) = ann.followups(item_id=store.item_by_number(doc_id, 2).id)
    assert fu.level == Level.VERTROUWELIJK and fu.kind == FollowUpKind.TECHNISCHE_BRIEFING


def test_dismissed_stays_dismissed_until_restored(store, doc_id, tmp_path):
    key = suggest_document(store, doc_id).references[0].key
    dismiss(store, doc_id, key)
    assert key not in suggest_document(store, doc_id).keys()
    assert decided(store, doc_id) == {key: "dismissed"}
    store.close()
    reopened = Store.open(tmp_path / "briefer.db")
    try:
        assert key not in suggest_document(reopened, doc_id).keys()
        assert key in suggest_document(reopened, doc_id, include_decided=True).keys()
        assert restore(reopened, doc_id, key)
        assert key in suggest_document(reopened, doc_id).keys()
    finally:
        reopened.close()


def test_unknown_keys_are_refused(store, doc_id):
    with pytest.raises(SuggestionNotFound, match="bestaat niet"):
        dismiss(store, doc_id, "toezegging:1:00000000")
    with pytest.raises(SuggestionNotFound, match="geen suggestiesleutel"):
        dismiss(store, doc_id, "onzin")


def test_lexicons_are_seeded_once_and_editable(store, doc_id):
    ann = Annotations(store)
    food = ann.domain_by_ref("Voedselzekerheid")
    assert any(t.term == "kunstmest" for t in lexicon_terms(store, food.id))
    defence = ann.add_domain("Veiligheid en defensie").after["id"]
    assert lexicon_terms(store, defence) == []
    add_lexicon_term(store, defence, "krijgsmacht")
    add_lexicon_term(store, defence, "munitie", weight=3)
    assert {(t.term, t.weight) for t in lexicon_terms(store, defence)} == {("krijgsmacht", 2.0), ("munitie", 3.0)}
    remove_lexicon_term(store, defence, "krijgsmacht")
    with pytest.raises(LexiconError):
        remove_lexicon_term(store, defence, "krijgsmacht")
    # a lexicon the user empties stays empty (no reseeding)
    reset_lexicon(store, defence, "Veiligheid en defensie")
    assert lexicon_terms(store, defence) == []
    for term in lexicon_terms(store, food.id):
        remove_lexicon_term(store, food.id, term.term)
    assert lexicon_terms(store, food.id) == []
    reset_lexicon(store, food.id, food.name)
    assert lexicon_terms(store, food.id)


def test_user_lexicon_drives_domain_suggestions(store, doc_id):
    ann = Annotations(store)
    defence = ann.add_domain("Veiligheid en defensie").after["id"]
    add_lexicon_term(store, defence, "opvatting", weight=3)
    add_lexicon_term(store, defence, "kabinet", weight=3)
    s = suggest_document(store, doc_id, domains=[ann.domain(defence)])
    assert [(d.item, [o.name for o in d.domains]) for d in s.domains if d.item == 4] == [
        (4, ["Veiligheid en defensie"])
    ]
    assert all(o.domain_id == defence for d in s.domains for o in d.domains)


def test_cli_json_accept_dismiss(store, doc_id, tmp_path, capsys):
    db = str(tmp_path / "briefer.db")
    store.close()
    assert main(["--db", db, "suggest", "kst-99999-1", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["references"] == [{"item": 3, "refers_to_item": 1}]
    assert main(["--db", db, "suggest", "kst-99999-1"]) == 0
    listing = capsys.readouterr().out
    assert "Toezeggingen (2)" in listing and "[verwijzing:3:1]" in listing
    key = next(w.strip("[]") for w in listing.split() if w.startswith("[toezegging:"))
    assert main(["--db", db, "suggest", "kst-99999-1", "--accept", key, "--dismiss", "verwijzing:3:1"]) == 0
    assert "Overgenomen" in capsys.readouterr().out
    assert main(["--db", db, "suggest", "kst-99999-1", "--json"]) == 0
    after = json.loads(capsys.readouterr().out)
    assert [t["item"] for t in after["toezeggingen"]] == [2] and after["references"] == []
    assert main(["--db", db, "suggest", "kst-99999-1", "--dismiss", "toezegging:9:ffffffff"]) == 1
    assert "bestaat niet" in capsys.readouterr().err


def test_cli_lexicon(store, doc_id, tmp_path, capsys):
    db = str(tmp_path / "briefer.db")
    store.close()
    assert main(["--db", db, "lexicon", "Voedselzekerheid", "--add", "zaaigoed", "--json"]) == 0
    terms = json.loads(capsys.readouterr().out)
    assert {"term": "zaaigoed", "weight": 2.0, "match": "infix"} in terms
    assert main(["--db", db, "lexicon"]) == 0
    assert "Voedselzekerheid:" in capsys.readouterr().out


def test_sample_document_end_to_end(store, sample_txt):
    from briefer.importer import import_file

    doc = import_file(store, sample_txt).document
    data = suggest_document(store, doc.id).to_json()
    assert {t["item"] for t in data["toezeggingen"]} >= {1, 10, 29, 33}
    assert {"item": 39, "refers_to_item": 30} in data["references"]
    assert any(c["item"] == 16 for c in data["confidential"])


KAMERVRAGEN = """Tweede Kamer der Staten-Generaal 2
Vergaderjaar 2023–2024 Aanhangsel van de Handelingen
Vragen gesteld door de leden der Kamer, met de daarop door de regering gegeven antwoorden

1400
Vragen van het lid Jansen (VVD) aan de Minister van Economische Zaken en Klimaat over kritieke
grondstoffen (ingezonden 10 januari 2024).

Antwoord van Minister Adriaansens (Economische Zaken en Klimaat) (ontvangen 1 februari 2024).

Vraag 1
Bent u bekend met het bericht over lithiumtekorten en bent u bereid de Kamer voor de zomer te informeren?

Antwoord 1
Ja. Het tekort aan lithium en kobalt raakt de batterijproductie en de grondstoffenstrategie. In de brief
van 12 december jl. heb ik uw Kamer over de grondstoffenstrategie geïnformeerd. Ik zal uw Kamer na de
zomer informeren over de voortgang.

Vraag 2
Kunt u de Kamer vertrouwelijk informeren over de voorraden?

Antwoord 2
Zie het antwoord op vraag 1. Ik bied uw Kamer graag een vertrouwelijke technische briefing aan.
"""


def test_a_written_kamervragen_file_end_to_end(tmp_path, capsys):
    path = tmp_path / "ah-tk-20232024-1400.txt"
    path.write_text(KAMERVRAGEN, encoding="utf-8")
    db = str(tmp_path / "kv.db")
    assert main(["--db", db, "import", str(path)]) == 0
    capsys.readouterr()
    assert main(["--db", db, "suggest", "latest", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    # the member's question and the past letter are no commitments; "na de zomer" after 1 February 2024
    assert [(t["item"], t["due"]) for t in data["toezeggingen"]] == [(1, "2024-09-30"), (2, None)]
    assert data["toezeggingen"][0]["sentence"] == "Ik zal uw Kamer na de zomer informeren over de voortgang."
    assert data["domains"][0]["item"] == 1
    assert data["domains"][0]["domains"][0]["name"] == "Grondstoffen en (fossiele) energie"
    assert data["references"] == [{"item": 2, "refers_to_item": 1}]
    assert {c["item"] for c in data["confidential"]} == {2}


def test_suggesting_again_takes_no_write_lock(store, doc_id):
    import sqlite3

    first = suggest_document(store, doc_id).to_json()  # seeds the lexicons (writes)
    blocker = sqlite3.connect(store.path)
    blocker.execute("BEGIN IMMEDIATE")  # another window holds the write lock
    store.db.conn.execute("PRAGMA busy_timeout = 0")
    try:
        assert suggest_document(store, doc_id).to_json() == first  # reading needs no lock
    finally:
        blocker.rollback()
        blocker.close()


def test_suggestions_already_carried_out_by_hand_are_not_offered_again(tmp_path):
    """Tagging an item by hand, or highlighting a promised sentence, answers the suggestion too."""
    from briefer.annotate import Annotations
    from briefer.ingest import parse_file
    from briefer.paths import SAMPLE_DOCUMENT
    from briefer.store import Store
    from briefer.suggest import suggest_document

    with Store.open(tmp_path / "hand.db") as store:
        doc = store.add_document(parse_file(SAMPLE_DOCUMENT), SAMPLE_DOCUMENT.read_bytes()).document
        ann = Annotations(store)
        before = suggest_document(store, doc.id)
        toezegging = before.toezeggingen[0]
        item = store.item_by_number(doc.id, toezegging.item)
        domain_item = next(ds for ds in before.domains if ds.domains[0].domain_id)
        option = domain_item.domains[0]
        tag_target = store.item_by_number(doc.id, domain_item.item)
        ann.tag_item(tag_target.id, option.domain_id)
        # a highlight over part of the promised sentence is enough
        ann.add_highlight(item.id, toezegging.field, toezegging.start, toezegging.start + 10)
        after = suggest_document(store, doc.id)
        assert toezegging.key not in after.keys()
        assert option.key not in after.keys()
        # everything else is still offered
        assert len(after.keys()) == len(before.keys()) - 2
        # and nothing was stored as a decision: removing the tag brings the suggestion back
        ann.untag_item(tag_target.id, option.domain_id)
        assert option.key in suggest_document(store, doc.id).keys()


def test_a_dismissed_suggestion_stays_dismissed_in_a_new_version(tmp_path):
    from briefer.importer import import_file
    from briefer.paths import SAMPLE_DOCUMENT
    from briefer.store import Store
    from briefer.suggest import dismiss, suggest_document

    with Store.open(tmp_path / "versions.db") as store:
        first = import_file(store, SAMPLE_DOCUMENT).document
        offered = suggest_document(store, first.id)
        key = offered.toezeggingen[0].key
        dismiss(store, first.id, key, suggestions=offered)
        second = import_file(store, SAMPLE_DOCUMENT.with_suffix(".txt")).document
        assert second.version_of == first.id
        fresh = suggest_document(store, second.id)
        assert key not in fresh.keys()
        # only what was dismissed is hidden: the other toezeggingen are still offered
        assert {t.key for t in offered.toezeggingen} - {key} <= set(fresh.keys())
