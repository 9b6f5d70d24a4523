"""Undo/redo round-trips for every operation kind: the whole annotation state (all tables and the
full-text index) must return exactly to what it was before, and redo to what it was after."""

from __future__ import annotations

import pytest
from annot_fixtures import ITEMS, add_document, snapshot

from briefer.annotate import UndoConflict
from briefer.model import Level


def _prepared(ann, items):
    """Some existing annotations for operations to work on."""
    food = ann.domain_by_ref("4")
    tech = ann.domain_by_ref("2")
    ann.tag_item(items[3].id, food.id)
    ann.tag_item(items[2].id, food.id)
    hid = ann.highlight_quote(items[2].id, "vertrouwelijke technische briefing", domain_id=food.id,
                              note="Aanbod briefing", level="vertrouwelijk").id
    fid = ann.add_followup(items[2].id, "Briefing aanvragen", kind="technische briefing aanvragen",
                           highlight_id=hid).id
    ann.set_note(items[1].document_id, items[1].id, "Eerste **notitie**")
    ann.set_note(items[1].document_id, None, "Kern: afhankelijkheden")
    return {"food": food.id, "tech": tech.id, "hid": hid, "fid": fid}


OPERATIONS = {
    "add_domain": lambda a, it, x: a.add_domain("Veiligheid en defensie"),
    "rename_domain": lambda a, it, x: a.rename_domain(x["food"], "Voedsel"),
    "recolour_domain": lambda a, it, x: a.recolour_domain(x["food"], "#123456"),
    "update_domain": lambda a, it, x: a.update_domain(x["food"], key=9, description="Nieuw"),
    "merge_domains": lambda a, it, x: a.merge_domains(x["food"], x["tech"]),
    "delete_domain": lambda a, it, x: a.delete_domain(x["food"]),
    "tag_item": lambda a, it, x: a.tag_item(it[1].id, x["tech"]),
    "untag_item": lambda a, it, x: a.untag_item(it[3].id, x["food"]),
    "add_highlight": lambda a, it, x: a.add_highlight(it[1].id, "question", 4, 20, note="nieuw"),
    "highlight_quote": lambda a, it, x: a.highlight_quote(it[3].id, "kunstmest is", note="kunstmest"),
    "update_highlight": lambda a, it, x: a.update_highlight(x["hid"], note="ander", level="intern",
                                                            domain_id=None, allow_lower=True),
    "delete_highlight": lambda a, it, x: a.delete_highlight(x["hid"]),
    "set_note_new": lambda a, it, x: a.set_note(it[2].document_id, it[2].id, "Nieuwe notitie"),
    "set_note_update": lambda a, it, x: a.set_note(it[1].document_id, it[1].id, "Herschreven",
                                                   level="openbaar"),
    "set_note_clear": lambda a, it, x: a.set_note(it[1].document_id, it[1].id, ""),
    "delete_document_note": lambda a, it, x: a.delete_note(a.note(it[1].document_id, None).id),
    "add_followup": lambda a, it, x: a.add_followup(it[1].id, "Motie voorbereiden", kind="motie",
                                                    due="2026-12-01", owner="Sanne"),
    "update_followup": lambda a, it, x: a.update_followup(x["fid"], status="afgerond"),
    "delete_followup": lambda a, it, x: a.delete_followup(x["fid"]),
}


@pytest.mark.parametrize("name", sorted(OPERATIONS))
def test_undo_redo_round_trip(name, store, ann, items):
    extra = _prepared(ann, items)
    before = snapshot(store)
    change = OPERATIONS[name](ann, items, extra)
    after = snapshot(store)
    assert after != before, "the operation changed nothing"
    assert change.label and change.rows
    ann.undo(change)
    assert snapshot(store) == before
    ann.redo(change)
    assert snapshot(store) == after
    ann.undo(change)
    assert snapshot(store) == before


@pytest.mark.parametrize("kind", ["highlight", "followup", "note", "domain"])
def test_delete_trash_restore_and_undo_restore(kind, store, ann, items):
    extra = _prepared(ann, items)
    delete = {
        "highlight": lambda: ann.delete_highlight(extra["hid"]),
        "followup": lambda: ann.delete_followup(extra["fid"]),
        "note": lambda: ann.set_note(items[1].document_id, items[1].id, ""),
        "domain": lambda: ann.delete_domain(extra["food"]),
    }[kind]
    original = snapshot(store)
    delete()
    deleted = snapshot(store)
    [entry] = ann.trash()
    assert entry.kind == kind
    restore = ann.restore(entry.id)
    restored = snapshot(store)
    assert restored["trash"] == []
    for table in ("domains", "item_domains", "highlights", "notes", "followups", "fts"):
        # updated stamps of re-linked rows may differ; compare ids and content columns
        assert {r[0] for r in restored[table]} == {r[0] for r in original[table]}, table
    ann.undo(restore)
    assert snapshot(store) == deleted


def test_undo_carry_over_and_import(store, ann, items):
    _prepared(ann, items)
    moved = [(n, p, "Inleiding. " + q, a) for n, p, q, a in ITEMS]
    new = add_document(store, moved)
    before = snapshot(store)
    report = ann.carry_over(items[1].document_id, new.id)
    assert report.moved == 1
    ann.undo(report.change)
    assert snapshot(store) == before
    ann.redo(report.change)
    assert ann.highlights(items[2].id) == []


def test_undo_refuses_when_the_row_changed_meanwhile(store, ann, items):
    hid = ann.highlight_quote(items[1].id, "strategische afhankelijkheden", field="answer").id
    first = ann.update_highlight(hid, note="een")
    ann.update_highlight(hid, note="twee")
    state = snapshot(store)
    with pytest.raises(UndoConflict) as err:
        ann.undo(first)
    assert "intussen gewijzigd" in str(err.value)
    assert snapshot(store) == state


def test_redo_refuses_when_not_undone(ann, items):
    change = ann.highlight_quote(items[1].id, "strategische afhankelijkheden", field="answer")
    with pytest.raises(UndoConflict):
        ann.redo(change)


def test_random_sequence_undone_and_redone_in_full(store, ann, items):
    """60 mixed operations; undoing all (newest first) restores the start, redoing all the end."""
    import random

    from briefer.annotate import AnnotationError

    rng = random.Random(1914)
    doc_id = items[1].document_id
    start = snapshot(store)
    changes = []
    for step in range(60):
        item = items[rng.choice([1, 2, 3])]
        hls = [h.id for i in items.values() for h in ann.highlights(i.id)]
        fus = [f.id for f in ann.followups()]
        domains = [d.id for d in ann.domains()]
        op = rng.choice(["hl", "hl", "upd_hl", "del_hl", "note", "doc_note", "fu", "upd_fu", "del_fu",
                         "tag", "untag", "add_dom", "del_dom", "merge", "restore"])
        try:
            if op == "hl":
                s = rng.randrange(0, len(item.answer) - 10)
                change = ann.add_highlight(item.id, "answer", s, s + rng.randrange(3, 10),
                                           domain_id=rng.choice([None, *domains]), note=f"n{step}")
            elif op == "upd_hl" and hls:
                change = ann.update_highlight(rng.choice(hls), note=f"u{step}", level=rng.choice(list(Level)))
            elif op == "del_hl" and hls:
                change = ann.delete_highlight(rng.choice(hls))
            elif op == "note":
                change = ann.set_note(doc_id, item.id, rng.choice(["", f"notitie {step}"]))
            elif op == "doc_note":
                change = ann.set_note(doc_id, None, f"kern {step}", level=rng.choice(list(Level)))
            elif op == "fu":
                change = ann.add_followup(item.id, f"actie {step}", highlight_id=None)
            elif op == "upd_fu" and fus:
                change = ann.update_followup(rng.choice(fus), status=rng.choice(["loopt", "afgerond"]))
            elif op == "del_fu" and fus:
                change = ann.delete_followup(rng.choice(fus))
            elif op == "tag" and domains:
                change = ann.tag_item(item.id, rng.choice(domains))
            elif op == "untag" and domains:
                change = ann.untag_item(item.id, rng.choice(domains))
            elif op == "add_dom":
                change = ann.add_domain(f"Domein {step}")
            elif op == "del_dom" and domains:
                change = ann.delete_domain(rng.choice(domains))
            elif op == "merge" and len(domains) > 1:
                a, b = rng.sample(domains, 2)
                change = ann.merge_domains(a, b)
            elif op == "restore" and ann.trash():
                change = ann.restore(rng.choice(ann.trash()).id)
            else:
                continue
        except AnnotationError:
            continue  # e.g. no free key, a newer note in the way: refused, nothing changed
        changes.append(change)
    end = snapshot(store)
    assert len(changes) > 30
    for change in reversed(changes):
        ann.undo(change)
    assert snapshot(store) == start
    for change in changes:
        ann.redo(change)
    assert snapshot(store) == end
