"""Re-anchoring an orphaned highlight ("Hier plaatsen") and the annotation exchange file."""

from __future__ import annotations

import json

import pytest
from annot_fixtures import ITEMS, add_document

from briefer.annotate import ExchangeError, TextMismatch
from briefer.annotate.files import annotation_count, read_exchange_file, write_exchange_file


def _orphan_on_unmatched_item(store, ann, doc, items):
    hid = ann.highlight_quote(items[3].id, "kunstmest is", note="volgen", level="vertrouwelijk").id
    fid = ann.add_followup(items[3].id, "Nagaan", highlight_id=hid)
    new = add_document(store, ITEMS[:2])  # item 3 is gone in the new version
    ann.carry_over(doc.id, new.id)
    assert [h.id for h in ann.orphans(new.id)] == [hid]
    return hid, fid.id, new


def test_reattach_places_an_orphan_on_another_item_and_undo_restores_it(store, ann, doc, items):
    hid, fid, new = _orphan_on_unmatched_item(store, ann, doc, items)
    target = store.item_by_number(new.id, 2)
    start = target.answer.index("recycling")
    change = ann.reattach_highlight(hid, target.id, "answer", start, start + len("recycling"))
    hl = ann.highlight(hid)
    assert (hl.item_id, hl.field, hl.exact, hl.orphaned) == (target.id, "answer", "recycling", False)
    assert hl.note == "volgen" and str(hl.level) == "vertrouwelijk"  # what the user wrote stays
    assert ann.followup(fid).item_id == target.id  # its follow-up comes along
    assert ann.orphans(new.id) == []
    ann.undo(change)
    back = ann.highlight(hid)
    assert back.orphaned and back.item_id == items[3].id and back.exact == "kunstmest is"
    assert ann.followup(fid).item_id == items[3].id
    ann.redo(change)
    assert ann.orphans(new.id) == []


def test_reattach_refuses_blank_or_out_of_range_text(store, ann, doc, items):
    hid, _fid, new = _orphan_on_unmatched_item(store, ann, doc, items)
    target = store.item_by_number(new.id, 1)
    with pytest.raises(TextMismatch):
        ann.reattach_highlight(hid, target.id, "answer", 0, 10_000)
    assert ann.highlight(hid).orphaned


def test_exchange_file_round_trip(tmp_path, store, ann, doc, items):
    ann.tag_item(items[1].id, ann.domain_by_ref("1").id)
    ann.set_note(doc.id, items[2].id, "Zie ook 2022 — “citaat”")
    data = ann.export_json(doc.id)
    path = write_exchange_file(data, tmp_path / "map" / "annotaties.json")
    assert not path.with_name(path.name + ".tmp").exists()
    assert read_exchange_file(path) == json.loads(json.dumps(data))
    assert annotation_count(data) == 2


def test_exchange_file_errors_name_the_file(tmp_path):
    with pytest.raises(ExchangeError, match="bestaat niet"):
        read_exchange_file(tmp_path / "weg.json")
    bad = tmp_path / "kapot.json"
    bad.write_text("{niet json", encoding="utf-8")
    with pytest.raises(ExchangeError) as err:
        read_exchange_file(bad)
    assert "kapot.json" in str(err.value)
    listing = tmp_path / "lijst.json"
    listing.write_text("[1, 2]", encoding="utf-8")
    with pytest.raises(ExchangeError, match="geen annotatiebestand"):
        read_exchange_file(listing)
