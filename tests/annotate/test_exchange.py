from __future__ import annotations

import json

import pytest
from annot_fixtures import add_document, snapshot

from briefer.annotate import Annotations, ExchangeError
from briefer.store import Store


@pytest.fixture
def colleague(tmp_path):
    """A second database with the same document imported (its own item ids)."""
    store = Store.open(tmp_path / "collega.db")
    doc = add_document(store)
    yield store, Annotations(store), doc
    store.close()


def _annotate(ann, store, doc):
    items = {i.number: i for i in store.items(doc.id)}
    chips = ann.domain(ann.add_domain("Chips", colour="#112233").id)
    ann.tag_item(items[2].id, chips.id)
    ann.tag_item(items[3].id, ann.domain_by_ref("4").id)
    hid = ann.highlight_quote(items[2].id, "recycling", domain_id=chips.id, note="hergebruik").id
    ann.set_note(doc.id, items[1].id, "Termijnen ontbreken", level="openbaar")
    ann.set_note(doc.id, None, "Kern")
    fid = ann.add_followup(items[2].id, "Briefing aanvragen", highlight_id=hid, level="vertrouwelijk").id
    return {"hid": hid, "fid": fid, "items": items}


def _roundtrip(data):
    return json.loads(json.dumps(data, ensure_ascii=False))


def test_export_is_versioned_and_identifies_document_and_items(ann, store, doc):
    _annotate(ann, store, doc)
    data = ann.export_json(doc.id)
    assert data["format"] == "briefer-annotaties" and data["version"] == 1
    assert data["document"]["sha256"] == doc.sha256 and data["document"]["identifier"] == doc.identifier
    assert {i["number"] for i in data["items"]} == {1, 2, 3}
    assert all(h["id"] and h["updated"] and h["item_number"] == 2 for h in data["highlights"])
    assert [d["name"] for d in data["domains"]] == ["Voedselzekerheid", "Chips"]


def test_import_into_other_database_inserts_then_ignores_identical(ann, store, doc, colleague):
    mine = _annotate(ann, store, doc)
    cstore, cann, cdoc = colleague
    report = cann.import_json(_roundtrip(ann.export_json(doc.id)))
    assert report.inserted == {"tags": 2, "highlights": 1, "notes": 2, "followups": 1}
    assert report.domains_added == ["Chips"] and report.conflicts == []
    citems = {i.number: i for i in cstore.items(cdoc.id)}
    hl = cann.highlight(mine["hid"])
    assert hl.item_id == citems[2].id and citems[2].answer[hl.start:hl.end] == "recycling"
    assert cann.note(cdoc.id, citems[1].id).level.value == "openbaar"
    assert cann.followup(mine["fid"]).highlight_id == mine["hid"]
    assert cann.followup(mine["fid"]).level.value == "vertrouwelijk"
    assert {d.name for d in cann.item_domains(citems[2].id)} == {"Chips"}
    state = snapshot(cstore)
    again = cann.import_json(_roundtrip(ann.export_json(doc.id)))
    assert again.inserted == {} and again.identical == 6 and again.conflicts == []
    assert snapshot(cstore) == state


def test_changes_on_both_sides_are_conflicts_and_local_is_kept(ann, store, doc, colleague):
    mine = _annotate(ann, store, doc)
    cstore, cann, cdoc = colleague
    cann.import_json(ann.export_json(doc.id))
    cann.update_highlight(mine["hid"], note="hun versie")
    ann.update_highlight(mine["hid"], note="mijn versie")
    ann.update_followup(mine["fid"], status="afgerond")  # only we changed these two
    ann.set_note(doc.id, None, "Kern, herzien")
    report = ann.import_json(cann.export_json(cdoc.id))
    [conflict] = report.conflicts
    assert conflict.kind == "highlights" and "beide kanten" in conflict.reason
    assert conflict.theirs["note"] == "hun versie" and conflict.local["note"] == "mijn versie"
    assert ann.highlight(mine["hid"]).note == "mijn versie"  # nothing overwritten
    assert report.kept_local == 2 and report.updated == {}
    assert ann.followup(mine["fid"]).status.value == "afgerond"
    assert ann.note(doc.id, None).body == "Kern, herzien"
    assert any("Conflict bij vraag 2" in line for line in report.lines())


def test_changes_made_only_by_the_colleague_are_taken_and_reported(ann, store, doc, colleague):
    mine = _annotate(ann, store, doc)
    cstore, cann, cdoc = colleague
    cann.import_json(ann.export_json(doc.id))
    cann.update_followup(mine["fid"], status="loopt", owner="Collega")
    cann.update_highlight(mine["hid"], note="aangevuld door collega", level="vertrouwelijk")
    before = snapshot(store)
    report = ann.import_json(cann.export_json(cdoc.id))
    assert report.updated == {"highlights": 1, "followups": 1} and report.conflicts == []
    assert any("Bijgewerkt" in line for line in report.lines())
    assert ann.followup(mine["fid"]).owner == "Collega"
    assert ann.highlight(mine["hid"]).level.value == "vertrouwelijk"
    ann.undo(report.change)
    assert snapshot(store) == before
    ann.redo(report.change)
    # and back again: the colleague now has nothing new for us, we have nothing new for them
    again = cann.import_json(ann.export_json(doc.id))
    assert again.updated == {} and again.conflicts == [] and again.kept_local == 0


def test_an_import_never_lowers_a_level(ann, store, doc, colleague):
    mine = _annotate(ann, store, doc)
    cstore, cann, cdoc = colleague
    cann.import_json(ann.export_json(doc.id))
    cann.update_followup(mine["fid"], level="openbaar", allow_lower=True)  # the colleague lowered it knowingly
    report = ann.import_json(cann.export_json(cdoc.id))
    [conflict] = report.conflicts
    assert "verlaagde het niveau" in conflict.reason
    assert ann.followup(mine["fid"]).level.value == "vertrouwelijk"


def test_their_new_annotations_merge_and_locally_deleted_ones_are_reported(ann, store, doc, colleague):
    mine = _annotate(ann, store, doc)
    cstore, cann, cdoc = colleague
    cann.import_json(ann.export_json(doc.id))
    citems = {i.number: i for i in cstore.items(cdoc.id)}
    theirs = cann.add_followup(citems[3].id, "Motie kunstmest", kind="motie").id
    ann.delete_highlight(mine["hid"])
    report = ann.import_json(cann.export_json(cdoc.id))
    assert report.inserted == {"followups": 1}
    assert ann.followup(theirs).item_id == mine["items"][3].id
    [deleted] = [c for c in report.conflicts if c.kind == "highlights"]
    assert "prullenbak" in deleted.reason
    assert ann.highlights(mine["items"][2].id) == []


def test_import_is_undoable(ann, store, doc, colleague):
    _annotate(ann, store, doc)
    cstore, cann, cdoc = colleague
    before = snapshot(cstore)
    report = cann.import_json(ann.export_json(doc.id))
    cann.undo(report.change)
    assert snapshot(cstore) == before


def test_import_refuses_unknown_document_and_foreign_files(ann, store, doc, tmp_path):
    _annotate(ann, store, doc)
    data = ann.export_json(doc.id)
    with Store.open(tmp_path / "leeg.db") as empty:
        with pytest.raises(ExchangeError) as err:
            Annotations(empty).import_json(data)
        assert "importeer het eerst" in str(err.value)
    with pytest.raises(ExchangeError):
        ann.import_json({"format": "iets anders"})
    with pytest.raises(ExchangeError):
        ann.import_json({**data, "version": 99})
    broken = {**data, "highlights": [{"id": "x", "item_number": 1}]}
    with pytest.raises(ExchangeError) as err:
        ann.import_json(broken)
    assert "niets geïmporteerd" in str(err.value)
    bad_status = {**data, "followups": [{**data["followups"][0], "id": "nieuw", "status": "klaar"}]}
    with pytest.raises(ExchangeError):
        ann.import_json(bad_status)


def test_import_into_a_database_holding_another_version(ann, store, doc, tmp_path):
    mine = _annotate(ann, store, doc)
    from annot_fixtures import A2, ITEMS, Q2

    shifted = [ITEMS[0], (2, "D66", Q2, "Vooraf een nieuwe zin. " + A2), ITEMS[2]]
    with Store.open(tmp_path / "andere-versie.db") as other:
        odoc = add_document(other, shifted)  # same identifier, other file
        oann = Annotations(other)
        report = oann.import_json(ann.export_json(doc.id))
        assert any("andere versie" in line for line in report.skipped)
        item = other.item_by_number(odoc.id, 2)
        hl = oann.highlight(mine["hid"])
        assert not hl.orphaned and item.answer[hl.start:hl.end] == "recycling"


def test_an_old_copy_coming_back_never_undoes_our_later_change(ann, store, doc, colleague, tmp_path):
    mine = _annotate(ann, store, doc)
    cstore, cann, cdoc = colleague
    cann.import_json(ann.export_json(doc.id))  # B has version 1
    ann.update_highlight(mine["hid"], note="versie 2")
    with Store.open(tmp_path / "derde.db") as third:  # shared again with C after the change
        add_document(third)
        Annotations(third).import_json(ann.export_json(doc.id))
    report = ann.import_json(cann.export_json(cdoc.id))  # B sends back its unchanged version 1
    assert report.kept_local == 1 and report.updated == {} and report.conflicts == []
    assert ann.highlight(mine["hid"]).note == "versie 2"
    # B takes our version 2 in turn, as a change only we made
    assert cann.import_json(ann.export_json(doc.id)).updated == {"highlights": 1}
    assert cann.highlight(mine["hid"]).note == "versie 2"
