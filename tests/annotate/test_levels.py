"""Levels follow the material: what is made on a vertrouwelijk item starts vertrouwelijk, and only an
explicit act (allow_lower / --lower) lowers a level (issue 11 §1)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from annot_fixtures import snapshot

from briefer.annotate import LevelLowering
from briefer.model import Level
from briefer.suggest import accept, suggest_document

REPO = Path(__file__).resolve().parents[2]
SECRET = "vertrouwelijke technische briefing"


def _make_confidential(ann, item):
    """Item 2 gets a vertrouwelijk highlight: from now on the item counts as vertrouwelijk."""
    return ann.highlight_quote(item.id, SECRET, level="vertrouwelijk").id


def test_an_item_counts_as_vertrouwelijk_only_by_its_own_vertrouwelijk_annotations(ann, doc, items):
    assert ann.default_level(items[2].id) is Level.INTERN
    ann.highlight_quote(items[2].id, "recycling", level="intern")
    ann.add_followup(items[2].id, "Nagaan", level="openbaar")
    assert ann.default_level(items[2].id) is Level.INTERN
    fid = ann.add_followup(items[2].id, "Briefing aanvragen", level="vertrouwelijk").id
    assert ann.default_level(items[2].id) is Level.VERTROUWELIJK
    assert ann.default_level(items[1].id) is Level.INTERN  # its neighbour is not affected
    assert ann.default_level(None) is Level.INTERN  # the Kern
    ann.delete_followup(fid)  # in the trash it no longer counts
    assert ann.default_level(items[2].id) is Level.INTERN
    ann.set_note(doc.id, items[2].id, "Vertrouwelijk gesprek", level="vertrouwelijk")
    assert ann.default_level(items[2].id) is Level.VERTROUWELIJK


def test_everything_new_on_a_vertrouwelijk_item_starts_vertrouwelijk(ann, doc, items):
    hid = _make_confidential(ann, items[2])
    assert ann.set_note(doc.id, items[2].id, "Notitie").after["level"] == "vertrouwelijk"
    assert ann.highlight_quote(items[2].id, "recycling").after["level"] == "vertrouwelijk"
    assert ann.add_followup(items[2].id, "Vragen stellen").after["level"] == "vertrouwelijk"
    assert ann.add_followup(items[2].id, "Uit de markering", highlight_id=hid).after["level"] == "vertrouwelijk"
    # elsewhere the default stays intern, and the Kern is about the whole document
    assert ann.set_note(doc.id, items[1].id, "Gewoon").after["level"] == "intern"
    assert ann.set_note(doc.id, None, "Kern").after["level"] == "intern"
    assert ann.highlight_quote(items[3].id, "kunstmest is").after["level"] == "intern"


def test_a_highlight_note_on_a_vertrouwelijk_item_raises_its_highlight(ann, items):
    plain = ann.highlight_quote(items[2].id, "recycling", level="intern").id
    _make_confidential(ann, items[2])
    change = ann.update_highlight(plain, note="Dit zeiden ze in vertrouwen")
    assert change.counts["raised"] == 1
    assert ann.highlight(plain).level is Level.VERTROUWELIJK
    # editing an existing note keeps the level the user chose
    other = ann.highlight_quote(items[2].id, "diversificatie", level="vertrouwelijk").id
    ann.update_highlight(other, level="intern", allow_lower=True)
    ann.update_highlight(other, note="eerste")  # a first note on a vertrouwelijk item: raised again
    assert ann.highlight(other).level is Level.VERTROUWELIJK
    ann.update_highlight(other, level="intern", allow_lower=True)
    ann.update_highlight(other, note="herschreven")
    assert ann.highlight(other).level is Level.INTERN
    # on an item without vertrouwelijk material a note changes nothing
    calm = ann.highlight_quote(items[3].id, "kunstmest is").id
    assert "raised" not in ann.update_highlight(calm, note="gewoon").counts
    assert ann.highlight(calm).level is Level.INTERN


def test_tying_a_follow_up_to_a_vertrouwelijk_highlight_raises_it(ann, items):
    fid = ann.add_followup(items[2].id, "Nagaan", level="intern").id
    hid = _make_confidential(ann, items[2])
    change = ann.update_followup(fid, highlight_id=hid)
    assert change.counts["raised"] == 1 and ann.followup(fid).level is Level.VERTROUWELIJK


def test_accepting_a_vertrouwelijk_suggestion_creates_only_vertrouwelijk_annotations(store, ann, doc, items):
    found = suggest_document(store, doc.id, domains=ann.domains())
    [cue] = [c for c in found.confidential if c.item == 2]
    result = accept(store, ann, doc.id, cue.key)
    assert len(result.changes) == 2
    assert [h.level for h in ann.highlights(items[2].id)] == [Level.VERTROUWELIJK]
    assert [f.level for f in ann.followups(item_id=items[2].id)] == [Level.VERTROUWELIJK]
    # a toezegging accepted on that item afterwards is vertrouwelijk too
    ann.set_note(doc.id, items[2].id, "Na het overnemen")
    assert ann.note(doc.id, items[2].id).level is Level.VERTROUWELIJK


def test_creating_below_the_material_needs_allow_lower_and_changes_nothing_without(store, ann, doc, items):
    _make_confidential(ann, items[2])
    before = snapshot(store)
    for attempt in (
        lambda **kw: ann.set_note(doc.id, items[2].id, "x", level="intern", **kw),
        lambda **kw: ann.highlight_quote(items[2].id, "recycling", level="openbaar", **kw),
        lambda **kw: ann.add_followup(items[2].id, "y", level="intern", **kw),
    ):
        with pytest.raises(LevelLowering) as err:
            attempt()
        message = str(err.value)
        assert "Vraag 2 bevat vertrouwelijk materiaal" in message and "--lower" in message
        assert "\n" not in message and err.value.notice.needs_confirmation
        assert snapshot(store) == before
    assert ann.add_followup(items[2].id, "y", level="intern", allow_lower=True).after["level"] == "intern"


def test_lowering_from_vertrouwelijk_says_what_appears_and_needs_an_explicit_act(store, ann, doc, items):
    hid = ann.highlight_quote(items[2].id, SECRET, level="vertrouwelijk", note="Geheim").id
    fid = ann.add_followup(items[2].id, "Briefing aanvragen", highlight_id=hid).id
    notice = ann.describe_lowering("highlight", hid, "intern")
    assert notice.text.startswith("Deze markering en haar notitie verschijnen dan ook in briefings")
    assert "plafond intern" in notice.text and "de vervolgactie erbij blijft vertrouwelijk" in notice.text
    assert notice.needs_confirmation and notice.question.endswith("Toch verlagen naar intern?")
    before = snapshot(store)
    with pytest.raises(LevelLowering) as err:
        ann.update_highlight(hid, level="intern")
    assert err.value.notice.text == notice.text
    assert snapshot(store) == before
    change = ann.update_highlight(hid, level="intern", allow_lower=True)
    assert ann.highlight(hid).level is Level.INTERN
    # the follow-up is now the item's last vertrouwelijk annotation: the notice says so
    last = ann.describe_lowering("followup", fid, "openbaar")
    assert "plafond openbaar of intern" in last.text and "vraag 2 telt daarna niet meer als vertrouwelijk" in last.text
    # undo is the user's own act and needs no confirmation
    ann.undo(change)
    assert ann.highlight(hid).level is Level.VERTROUWELIJK
    assert ann.describe_lowering("highlight", hid, "vertrouwelijk") is None  # not a lowering


def test_lowering_a_note_or_follow_up_the_same_way(ann, doc, items):
    ann.set_note(doc.id, items[1].id, "Geheim", level="vertrouwelijk")
    note = ann.note(doc.id, items[1].id)
    with pytest.raises(LevelLowering):
        ann.set_note_level(note.id, "intern")
    with pytest.raises(LevelLowering):
        ann.set_note(doc.id, items[1].id, "Geheim, herschreven", level="openbaar")
    assert ann.note(doc.id, items[1].id).level is Level.VERTROUWELIJK
    assert ann.set_note(doc.id, items[1].id, "Geheim, herschreven").after["level"] == "vertrouwelijk"
    ann.set_note_level(note.id, "intern", allow_lower=True)
    assert ann.note(doc.id, items[1].id).level is Level.INTERN
    # intern -> openbaar is described but needs no confirmation
    notice = ann.describe_lowering("note", note.id, "openbaar")
    assert notice.text.startswith("Deze notitie bij vraag 1 verschijnt dan ook") and not notice.needs_confirmation
    ann.set_note_level(note.id, "openbaar")
    kern = ann.set_note(doc.id, None, "Kern", level="vertrouwelijk").id
    assert ann.describe_lowering("note", kern, "intern").text.startswith("De kern van dit document")
    fid = ann.add_followup(items[3].id, "Motie", level="vertrouwelijk").id
    with pytest.raises(LevelLowering):
        ann.update_followup(fid, level="intern", status="loopt")
    assert ann.followup(fid).status.value == "open"


def _cli(db, *args):
    return subprocess.run([sys.executable, "-m", "briefer", "--db", str(db), *args],
                          capture_output=True, text=True, cwd=REPO, timeout=120)


def test_cli_follows_the_material_and_lowers_only_with_lower(store, ann, doc, items, db_path):
    _make_confidential(ann, items[2])
    store.close()
    made = _cli(db_path, "note", doc.id, "2", "--text", "Wat de minister in vertrouwen zei")
    assert made.returncode == 0 and "niveau vertrouwelijk" in made.stdout
    made = _cli(db_path, "followup", "add", doc.id, "2", "--text", "Briefing aanvragen")
    assert made.returncode == 0 and "niveau vertrouwelijk" in made.stdout
    fid = made.stdout.split("(id ")[1].split(")")[0]
    refused = _cli(db_path, "followup", "set", fid[:8], "--level", "intern")
    assert refused.returncode == 1 and "Traceback" not in refused.stderr
    assert len(refused.stderr.strip().splitlines()) == 1 and "--lower" in refused.stderr
    lowered = _cli(db_path, "followup", "set", fid[:8], "--level", "intern", "--lower")
    assert lowered.returncode == 0, lowered.stderr
    listing = _cli(db_path, "followup", "list", "--json").stdout
    assert '"level": "intern"' in listing
    plain = _cli(db_path, "highlight", doc.id, "3", "--quote", "kunstmest is")
    assert plain.returncode == 0 and "vertrouwelijk" not in plain.stdout
