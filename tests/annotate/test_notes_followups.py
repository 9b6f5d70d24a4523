from __future__ import annotations

import pytest
from annot_fixtures import add_document

from briefer.annotate import AnnotationError, NotFound
from briefer.model import FollowUpKind, FollowUpStatus, Level


def test_item_note_and_document_note(ann, doc, items):
    ann.set_note(doc.id, items[1].id, "Vraag naar **termijnen**")
    ann.set_note(doc.id, None, "Kern: het kabinet stelt geen kwantitatieve doelen.", level="openbaar")
    assert ann.note(doc.id, items[1].id).body == "Vraag naar **termijnen**"
    kern = ann.note(doc.id, None)
    assert kern.item_id is None and kern.level is Level.OPENBAAR
    assert [n.item_id for n in ann.notes(doc.id)] == [None, items[1].id]
    assert ann.note(doc.id, items[2].id) is None


def test_rewriting_a_note_keeps_its_level_unless_given(ann, doc, items):
    ann.set_note(doc.id, items[2].id, "Geheim aanbod", level="vertrouwelijk")
    change = ann.set_note(doc.id, items[2].id, "Geheim aanbod, uitgewerkt")
    assert change.before["body"] == "Geheim aanbod"
    note = ann.note(doc.id, items[2].id)
    assert note.level is Level.VERTROUWELIJK and note.body.endswith("uitgewerkt")
    ann.set_note(doc.id, items[2].id, "Toch openbaar", level=Level.OPENBAAR, allow_lower=True)
    assert ann.note(doc.id, items[2].id).level is Level.OPENBAAR


def test_empty_note_goes_to_trash(ann, doc, items):
    ann.set_note(doc.id, items[1].id, "weg ermee")
    ann.set_note(doc.id, items[1].id, "   ")
    assert ann.note(doc.id, items[1].id) is None
    [entry] = ann.trash()
    assert entry.kind == "note" and "weg ermee" in entry.label
    assert ann.set_note(doc.id, items[2].id, "").empty


def test_note_on_item_of_other_document_refused(store, ann, doc, items):
    other = add_document(store, identifier="kst-1-2")
    with pytest.raises(AnnotationError):
        ann.set_note(other.id, items[1].id, "x")
    with pytest.raises(NotFound):
        ann.set_note("bestaat-niet", None, "x")


def test_restoring_a_note_when_a_newer_one_exists_is_refused(ann, doc, items):
    ann.set_note(doc.id, items[1].id, "oud")
    ann.set_note(doc.id, items[1].id, "")
    ann.set_note(doc.id, items[1].id, "nieuw")
    with pytest.raises(AnnotationError):
        ann.restore(ann.trash()[0].id)
    assert ann.note(doc.id, items[1].id).body == "nieuw"


def test_followups_add_update_filter(ann, doc, items):
    a = ann.add_followup(items[1].id, "Toezegging voortgangsbrief bewaken", kind="toezegging bewaken",
                         due="2026-12-31", owner="Sanne").id
    b = ann.add_followup(items[2].id, "Technische briefing aanvragen", kind="TECHNISCHE_BRIEFING",
                         level="vertrouwelijk").id
    fu = ann.followup(a)
    assert (fu.kind, fu.due, fu.owner, fu.status, fu.level) == (
        FollowUpKind.TOEZEGGING, "2026-12-31", "Sanne", FollowUpStatus.OPEN, Level.INTERN)
    assert ann.followup(b).kind is FollowUpKind.TECHNISCHE_BRIEFING
    ann.update_followup(b, status="loopt")
    assert [f.id for f in ann.followups(status="loopt")] == [b]
    assert [f.id for f in ann.followups(level="vertrouwelijk")] == [b]
    assert [f.id for f in ann.followups(item_id=items[1].id)] == [a]
    assert {f.id for f in ann.followups(document_id=doc.id)} == {a, b}
    assert ann.followups()[0].id == a  # with a due date first


@pytest.mark.parametrize("kwargs", [{"due": "31-12-2026"}, {"kind": "petitie"}, {"status": "klaar"},
                                    {"level": "geheim"}])
def test_followup_validation(ann, items, kwargs):
    with pytest.raises(AnnotationError):
        ann.add_followup(items[1].id, "iets", **kwargs)
    assert ann.followups() == []


def test_followup_needs_text_and_own_highlight(ann, items):
    with pytest.raises(AnnotationError):
        ann.add_followup(items[1].id, "  ")
    hid = ann.highlight_quote(items[2].id, "recycling").id
    with pytest.raises(AnnotationError):
        ann.add_followup(items[1].id, "x", highlight_id=hid)
