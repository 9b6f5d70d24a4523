"""Sharing annotations between two databases (format 2): each case of issue 15's "Why" in the core.

Two real database files with the same document; files go through a JSON round trip as on disk.
"""

from __future__ import annotations

import json

import pytest
from annot_fixtures import A2, ITEMS, Q2, add_document, snapshot

from briefer.annotate import Annotations, ExchangeError
from briefer.store import Store


@pytest.fixture
def colleague(tmp_path):
    """A second database with the same document imported (its own item ids)."""
    store = Store.open(tmp_path / "collega.db")
    doc = add_document(store)
    yield store, Annotations(store), doc
    store.close()


def _rt(data):
    return json.loads(json.dumps(data, ensure_ascii=False))


def send(src_ann, src_doc, dst_ann, ceiling="vertrouwelijk"):
    return dst_ann.import_json(_rt(src_ann.export_json(src_doc.id, ceiling)))


def _annotate(ann, store, doc):
    items = {i.number: i for i in store.items(doc.id)}
    chips = ann.domain(ann.add_domain("Chips", colour="#112233").id)
    ann.tag_item(items[2].id, chips.id)
    ann.tag_item(items[3].id, ann.domain_by_ref("4").id)
    hid = ann.highlight_quote(items[2].id, "recycling", domain_id=chips.id, note="hergebruik").id
    ann.set_note(doc.id, items[1].id, "Termijnen ontbreken", level="openbaar")
    ann.set_note(doc.id, None, "Kern")
    fid = ann.add_followup(items[2].id, "Briefing aanvragen", highlight_id=hid, level="vertrouwelijk").id
    return {"hid": hid, "fid": fid, "items": items, "chips": chips.id}


def test_export_is_format_2_with_document_items_and_versioned_fields(ann, store, doc):
    _annotate(ann, store, doc)
    data = ann.export_json(doc.id)  # ceiling intern by default
    assert data["format"] == "briefer-annotaties" and data["version"] == 2
    assert data["document"]["sha256"] == doc.sha256 and data["document"]["key"] == "kst-30821-196"
    assert data["ceiling"] == "intern" and data["vertrouwelijk"] is False
    kinds = sorted(e["kind"] for e in data["entities"])
    assert kinds.count("highlight") == 1 and kinds.count("note") == 2 and "followup" not in kinds
    assert data["count"] == 5  # 2 tags, 1 highlight, 2 notes (the vertrouwelijk follow-up is left out)
    assert data["left_out"] == ["Niet gedeeld, boven het plafond intern: 1 vervolgactie (vraag 2)."]
    hl = next(e for e in data["entities"] if e["kind"] == "highlight")
    [[value, replica, clock]], seen = hl["f"]["note"]
    assert value == "hergebruik" and seen[replica] == clock
    assert data["items"][doc.sha256]["2"].startswith("de leden van de d66-fractie")
    assert "Chips" in {e["f"]["name"][0][0][0] for e in data["entities"] if e["kind"] == "domain"}
    full = ann.export_json(doc.id, "vertrouwelijk")
    assert full["vertrouwelijk"] is True and full["rubricering"] == "VERTROUWELIJK" and full["left_out"] == []


def test_import_adds_everything_and_a_second_import_changes_nothing(ann, store, doc, colleague):
    mine = _annotate(ann, store, doc)
    cstore, cann, cdoc = colleague
    report = send(ann, doc, cann)
    assert report.inserted == {"domains": 1, "highlights": 1, "notes": 2, "followups": 1, "tags": 2}
    assert report.domains_added == ["Chips"] and report.conflicts == [] and report.open_conflicts == 0
    citems = {i.number: i for i in cstore.items(cdoc.id)}
    hl = cann.highlight(mine["hid"])
    assert hl.item_id == citems[2].id and citems[2].answer[hl.start:hl.end] == "recycling"
    assert cann.note(cdoc.id, citems[1].id).level.value == "openbaar"
    assert cann.followup(mine["fid"]).highlight_id == mine["hid"]
    assert {d.name for d in cann.item_domains(citems[2].id)} == {"Chips"}
    assert len(cann.domains()) == 5  # the four defaults were recognised by name, not doubled
    state = snapshot(cstore)
    again = send(ann, doc, cann)
    assert again.inserted == {} and again.updated == {} and again.conflicts == []
    assert snapshot(cstore) == state


def test_both_changed_the_same_text_is_a_conflict_until_someone_picks(ann, store, doc, colleague):
    mine = _annotate(ann, store, doc)
    cstore, cann, cdoc = colleague
    send(ann, doc, cann)
    cann.update_highlight(mine["hid"], note="hun versie")
    ann.update_highlight(mine["hid"], note="mijn versie")
    report = send(cann, cdoc, ann)
    [conflict] = report.conflicts
    assert conflict.kind == "highlights" and conflict.item_number == 2 and report.open_conflicts == 1
    assert conflict.local["note"] == "mijn versie" and conflict.theirs["note"] == "hun versie"
    assert ann.highlight(mine["hid"]).note == "mijn versie"  # each side shows its own meanwhile
    send(ann, doc, cann)
    assert cann.highlight(mine["hid"]).note == "hun versie" and len(cann.conflicts()) == 1
    assert send(cann, cdoc, ann).open_conflicts == 1  # it stays until a person picks a side
    ann.resolve_conflict(mine["hid"][:8], take="theirs")
    assert ann.highlight(mine["hid"]).note == "hun versie" and ann.conflicts() == []
    assert send(ann, doc, cann).open_conflicts == 0
    assert cann.conflicts() == [] and cann.highlight(mine["hid"]).note == "hun versie"


def test_separate_fields_changed_on_both_sides_both_survive(ann, store, doc, colleague):
    mine = _annotate(ann, store, doc)
    cstore, cann, cdoc = colleague
    send(ann, doc, cann)
    ann.update_followup(mine["fid"], status="afgerond")
    cann.update_followup(mine["fid"], due="2027-01-31")
    report = send(cann, cdoc, ann)
    send(ann, doc, cann)
    assert report.conflicts == [] and report.updated == {"followups": 1}
    for a in (ann, cann):
        f = a.followup(mine["fid"])
        assert (f.status.value, f.due) == ("afgerond", "2027-01-31")


def test_a_revert_is_a_new_change_and_travels(ann, store, doc, colleague):
    mine = _annotate(ann, store, doc)
    cstore, cann, cdoc = colleague
    items = mine["items"]
    ann.update_followup(mine["fid"], status="afgerond")
    send(ann, doc, cann)  # both have seen it closed
    cann.update_followup(mine["fid"], status="open")  # B reopens it
    citems = {i.number: i for i in cstore.items(cdoc.id)}
    cann.set_note(cdoc.id, citems[1].id, "Tussenversie")
    send(cann, cdoc, ann)
    cann.set_note(cdoc.id, citems[1].id, "Termijnen ontbreken")  # back to the earlier text
    report = send(cann, cdoc, ann)
    assert ann.followup(mine["fid"]).status.value == "open"
    assert ann.note(doc.id, items[1].id).body == "Termijnen ontbreken"
    assert report.conflicts == [] and not any("vorige versie" in line for line in report.lines())


def test_deletions_travel_and_never_come_back(ann, store, doc, colleague):
    mine = _annotate(ann, store, doc)
    cstore, cann, cdoc = colleague
    items = mine["items"]
    send(ann, doc, cann)
    citems = {i.number: i for i in cstore.items(cdoc.id)}
    cann.delete_highlight(mine["hid"])
    cann.delete_followup(mine["fid"])
    cann.delete_note(cann.note(cdoc.id, citems[1].id).id)
    cann.untag_item(citems[3].id, cann.domain_by_ref("4").id)
    cann.delete_domain(mine["chips"])
    report = send(cann, cdoc, ann)
    assert report.removed == {"domains": 1, "highlights": 1, "notes": 1, "followups": 1, "tags": 1}
    assert ann.highlights(items[2].id) == [] and ann.followups(item_id=items[2].id) == []
    assert ann.note(doc.id, items[1].id) is None and ann.item_domains(items[3].id) == []
    assert "Chips" not in {d.name for d in ann.domains()}
    assert {e.kind for e in ann.trash()} == {"highlight", "followup", "note", "domain"}
    assert all("collega" in e.label for e in ann.trash())
    # the next exchange in either direction brings none of it back
    send(ann, doc, cann)
    send(cann, cdoc, ann)
    assert ann.highlights(items[2].id) == [] and ann.item_domains(items[3].id) == []
    assert "Chips" not in {d.name for d in ann.domains() + cann.domains()}


def test_restoring_a_deletion_revives_it_everywhere(ann, store, doc, colleague):
    mine = _annotate(ann, store, doc)
    cstore, cann, cdoc = colleague
    send(ann, doc, cann)
    cann.delete_highlight(mine["hid"])
    send(cann, cdoc, ann)
    [entry] = [e for e in ann.trash() if e.kind == "highlight"]
    ann.restore(entry.id)
    send(ann, doc, cann)
    assert cann.highlight(mine["hid"]).note == "hergebruik"


def test_a_raise_survives_an_edit_on_the_other_side(ann, store, doc, colleague):
    mine = _annotate(ann, store, doc)
    cstore, cann, cdoc = colleague
    send(ann, doc, cann)
    ann.update_highlight(mine["hid"], level="vertrouwelijk")
    cann.update_highlight(mine["hid"], domain_id=cann.domain_by_ref("1").id)
    send(cann, cdoc, ann)
    send(ann, doc, cann)
    for a in (ann, cann):
        h = a.highlight(mine["hid"])
        assert h.level.value == "vertrouwelijk" and a.domain(h.domain_id).key == 1


def test_levels_merge_upward_and_only_a_later_lowering_lowers(ann, store, doc, colleague):
    mine = _annotate(ann, store, doc)
    cstore, cann, cdoc = colleague
    send(ann, doc, cann)
    ann.update_highlight(mine["hid"], level="vertrouwelijk")  # raise here ...
    cann.update_highlight(mine["hid"], level="openbaar")  # ... lower there, at the same time
    send(cann, cdoc, ann)
    send(ann, doc, cann)
    assert ann.highlight(mine["hid"]).level.value == cann.highlight(mine["hid"]).level.value == "vertrouwelijk"
    cann.update_highlight(mine["hid"], level="intern", allow_lower=True)  # a lowering that has seen the raise
    send(cann, cdoc, ann)
    assert ann.highlight(mine["hid"]).level.value == "intern"


def test_a_domain_rename_travels_and_does_not_split_the_taxonomy(ann, store, doc, colleague):
    mine = _annotate(ann, store, doc)
    cstore, cann, cdoc = colleague
    send(ann, doc, cann)
    cann.rename_domain(mine["chips"], "Halfgeleiders")
    send(cann, cdoc, ann)
    names = [d.name for d in ann.domains()]
    assert "Halfgeleiders" in names and "Chips" not in names
    assert [d.name for d in ann.item_domains(mine["items"][2].id)] == ["Halfgeleiders"]


def test_the_same_work_on_both_sides_becomes_one(ann, store, doc, colleague):
    cstore, cann, cdoc = colleague
    items = {i.number: i for i in store.items(doc.id)}
    citems = {i.number: i for i in cstore.items(cdoc.id)}
    for a, its, d in ((ann, items, doc), (cann, citems, cdoc)):
        a.highlight_quote(its[2].id, "recycling")
        a.add_followup(its[3].id, "Vraag stellen over kunstmest")
        a.tag_item(its[3].id, a.add_domain("Landbouw").id)
        a.set_note(d.id, its[1].id, "Zelfde notitie")
    report = send(cann, cdoc, ann)
    send(ann, doc, cann)
    assert report.unified >= 3 and report.conflicts == []
    for a, its in ((ann, items), (cann, citems)):
        assert len(a.highlights(its[2].id)) == 1
        assert len(a.followups(item_id=its[3].id)) == 1
        assert [d.name for d in a.item_domains(its[3].id)] == ["Landbouw"]
        assert [d.name for d in a.domains()].count("Landbouw") == 1
    assert ann.highlights(items[2].id)[0].id == cann.highlights(citems[2].id)[0].id


def test_two_notes_on_one_question_are_one_note_in_conflict(ann, store, doc, colleague):
    cstore, cann, cdoc = colleague
    items = {i.number: i for i in store.items(doc.id)}
    citems = {i.number: i for i in cstore.items(cdoc.id)}
    ann.set_note(doc.id, items[1].id, "Onze lezing")
    cann.set_note(cdoc.id, citems[1].id, "Hun lezing")
    report = send(cann, cdoc, ann)
    [conflict] = report.conflicts
    assert conflict.kind == "notes" and {v[0] for v in conflict.versions} == {"Onze lezing", "Hun lezing"}
    assert ann.note(doc.id, items[1].id).body == "Onze lezing"


def test_a_colleagues_file_for_an_older_version_lands_on_the_current_one(ann, store, doc, tmp_path):
    with Store.open(tmp_path / "oud.db") as old_store:  # the colleague still has version 1
        old_doc = add_document(old_store)
        old = Annotations(old_store)
        oitems = {i.number: i for i in old_store.items(old_doc.id)}
        hid = old.highlight_quote(oitems[2].id, "recycling", note="van de collega").id
        old.tag_item(oitems[3].id, old.domain_by_ref("4").id)
        data = _rt(old.export_json(old_doc.id))
    shifted = [ITEMS[0], (2, "D66", Q2, "Vooraf een nieuwe zin. " + A2), ITEMS[2]]
    new = add_document(store, shifted)  # here version 2 exists beside version 1
    report = ann.import_json(data)
    new_items = {i.number: i for i in store.items(new.id)}
    hl = ann.highlight(hid)
    assert hl.item_id == new_items[2].id and not hl.orphaned
    assert new_items[2].answer[hl.start:hl.end] == "recycling"
    assert [d.key for d in ann.item_domains(new_items[3].id)] == [4]
    old_items = {i.number: i for i in store.items(doc.id)}
    assert ann.item_domains(old_items[3].id) == [] and ann.highlights(old_items[2].id) == []
    assert report.document_id == new.id and report.carried == 2


def test_a_file_for_a_version_this_database_never_had_is_anchored_or_orphaned(ann, store, doc, tmp_path):
    reworded = [ITEMS[0], (2, "D66", Q2, "Het kabinet zet volop in op recycling van magneten."), ITEMS[2]]
    with Store.open(tmp_path / "nieuw.db") as other:
        odoc = add_document(other, reworded)
        theirs = Annotations(other)
        oitems = {i.number: i for i in other.items(odoc.id)}
        found = theirs.highlight_quote(oitems[2].id, "recycling van magneten").id
        gone = theirs.highlight_quote(oitems[2].id, "volop").id
        data = _rt(theirs.export_json(odoc.id))
    report = ann.import_json(data)
    items = {i.number: i for i in store.items(doc.id)}
    assert ann.highlight(found).item_id == items[2].id
    assert ann.highlight(gone).orphaned and gone in [h.id for h in ann.orphans(doc.id)]
    assert report.orphaned >= 1 and any("Verweesde" in line for line in report.lines())


def test_import_is_one_undoable_step(ann, store, doc, colleague):
    _annotate(ann, store, doc)
    cstore, cann, cdoc = colleague
    before = snapshot(cstore)
    report = send(ann, doc, cann)
    cann.undo(report.change)
    assert snapshot(cstore) == before
    cann.redo(report.change)
    assert len(cann.document_highlights(cdoc.id)) == 1


def test_a_raise_above_the_ceiling_travels_without_its_content(ann, store, doc, colleague):
    mine = _annotate(ann, store, doc)
    cstore, cann, cdoc = colleague
    send(ann, doc, cann, ceiling="intern")
    assert cann.highlight(mine["hid"]).level.value == "intern"
    ann.update_highlight(mine["hid"], level="vertrouwelijk", note="geheim detail")
    data = _rt(ann.export_json(doc.id))  # ceiling intern
    assert "geheim detail" not in json.dumps(data)
    send(ann, doc, cann, ceiling="intern")
    h = cann.highlight(mine["hid"])
    assert h.level.value == "vertrouwelijk" and h.note == "hergebruik"  # raised, content not sent


def test_import_refuses_unknown_documents_and_foreign_files_and_writes_nothing(ann, store, doc, tmp_path):
    _annotate(ann, store, doc)
    data = _rt(ann.export_json(doc.id))
    with Store.open(tmp_path / "leeg.db") as empty:
        with pytest.raises(ExchangeError) as err:
            Annotations(empty).import_json(data)
        assert "importeer het eerst" in str(err.value)
    before = snapshot(store)
    for bad in ({"format": "iets anders"}, {**data, "version": 99}, {**data, "version": 1},
                {**data, "entities": [{"id": "x", "kind": "highlight"}]},
                {**data, "onbekend": 1}):
        with pytest.raises(ExchangeError):
            ann.import_json(bad)
    assert snapshot(store) == before


def test_a_copied_database_is_a_replica_of_its_own(ann, store, doc, db_path, tmp_path):
    import shutil

    from briefer.annotate.replica import Pass

    ann.set_note(doc.id, None, "Kern")
    store.db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    copy = tmp_path / "kopie.db"
    shutil.copy(db_path, copy)
    with Store.open(copy) as other:
        theirs = Annotations(other)
        theirs.set_note(doc.id, None, "Kern, in de kopie")  # its first write
        assert other.db.conn.execute("SELECT value FROM annotation_meta WHERE key = 'sync_replica'"
                                     ).fetchone()[0] != ann.rows.meta("sync_replica")
        ann.set_note(doc.id, None, "Kern, in het origineel")
        report = ann.import_json(_rt(theirs.export_json(doc.id)))
        assert len(report.conflicts) == 1  # two writers, not one writer seen twice
    with ann.rows.transaction():
        p = Pass(ann.rows)
        far = p.clock.last + (10 ** 6 << 16) * 3600 * 24 * 365
        p.clock.observe(far)
        assert p.clock.last < far  # a colleague's clock years ahead does not drag ours along


def test_annotations_on_a_question_gone_from_the_newest_version_are_reported(ann, store, doc, tmp_path):
    with Store.open(tmp_path / "oud.db") as old_store:
        old_doc = add_document(old_store)
        old = Annotations(old_store)
        oitems = {i.number: i for i in old_store.items(old_doc.id)}
        hid = old.highlight_quote(oitems[3].id, "kunstmest is", note="weg in de nieuwe versie").id
        data = _rt(old.export_json(old_doc.id))
    add_document(store, ITEMS[:2])  # the newest version here lost question 3
    report = ann.import_json(data)
    assert any("niet meer voorkomen" in line for line in report.lines())
    assert ann.highlight(hid).orphaned  # kept, visible in Verweesde annotaties
    assert hid in [h.id for h in ann.orphans(store.resolve("latest").id)]
