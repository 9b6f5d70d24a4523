from __future__ import annotations

from annot_fixtures import add_document

from briefer.annotate import Annotations
from briefer.store import Store


def test_item_markers(ann, doc, items):
    food = ann.domain_by_ref("4")
    ann.tag_item(items[3].id, food.id)
    ann.set_note(doc.id, items[1].id, "notitie")
    ann.add_followup(items[2].id, "Briefing", level="vertrouwelijk")
    done = ann.add_followup(items[2].id, "Klaar").id
    ann.update_followup(done, status="afgerond")
    ann.highlight_quote(items[1].id, "strategische afhankelijkheden", field="answer")
    markers = ann.item_markers(doc.id)
    assert markers[items[3].id].domain_ids == [food.id]
    assert markers[items[1].id].has_note and markers[items[1].id].highlights == 1
    assert markers[items[2].id].followups == 2 and markers[items[2].id].open_followups == 1
    assert markers[items[2].id].confidential and not markers[items[1].id].confidential


def test_bundle_holds_everything_for_export(ann, store, doc, items):
    food = ann.domain_by_ref("4")
    ann.tag_item(items[3].id, food.id)
    ann.highlight_quote(items[3].id, "kunstmest is", domain_id=food.id)
    ann.set_note(doc.id, None, "Kern")
    ann.add_followup(items[3].id, "Vragen stellen", kind="schriftelijke vragen")
    b = ann.bundle(doc.id)
    assert b.document.id == doc.id and [i.number for i in b.items] == [1, 2, 3]
    assert b.item_domains == {items[3].id: [food.id]}
    assert len(b.highlights) == 1 and len(b.notes) == 1 and len(b.followups) == 1
    assert len(b.domains) == 4


def test_filters_across_documents(ann, store, doc, items):
    other = add_document(store, identifier="kst-36000-1")
    other_items = {i.number: i for i in store.items(other.id)}
    food = ann.domain_by_ref("4")
    ann.tag_item(items[3].id, food.id)
    ann.highlight_quote(other_items[2].id, "recycling", domain_id=food.id, note="hergebruik")
    ann.add_followup(items[2].id, "Briefing", level="vertrouwelijk")
    ann.set_note(doc.id, items[1].id, "notitie")

    def ids(**kw):
        return {i.id for i in ann.filter_items(**kw)}

    assert ids(domain_id=food.id) == {items[3].id, other_items[2].id}
    assert ids(domain_id=food.id, document_id=doc.id) == {items[3].id}
    assert ids(level="vertrouwelijk") == {items[2].id}
    assert ids(status="open") == {items[2].id}
    assert ids(has_note=True) == {items[1].id, other_items[2].id}
    assert len(ids(has_note=False)) == 4
    assert ids(party="d66") == {items[2].id, other_items[2].id}
    assert ids(party="D66", level="vertrouwelijk") == {items[2].id}


def test_search_finds_notes_and_highlight_notes_diacritics_folded(ann, doc, items):
    ann.set_note(doc.id, items[1].id, "Het kabinet heeft de Kamer geïnformeerd over de zeldzame aardmetalen")
    ann.highlight_quote(items[2].id, "recycling", note="Circulaire economie: zeldzame magneten")
    ann.set_note(doc.id, None, "Kern: aardmetalen en magneten")
    hits = ann.search("geinformeerd aardmetalen")
    assert [(h.kind, h.field, h.item_number) for h in hits] == [("annotation", "note", 1)]
    assert "«" in hits[0].snippet
    kinds = {(h.field, h.item_number) for h in ann.search("magneten")}
    assert kinds == {("highlight", 2), ("document_note", None)}
    assert ann.search("kritieke grondst")[0].kind == "item"  # the store's item search still works


def test_store_search_includes_annotations_once_registered(db_path, doc, items, ann):
    ann.set_note(doc.id, items[3].id, "kunstmestprijzen stijgen")
    with Store.open(db_path) as other:
        Annotations(other)
        assert any(h.kind == "annotation" for h in other.search("kunstmestprijzen"))
