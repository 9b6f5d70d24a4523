from __future__ import annotations

import sqlite3

import pytest

from briefer.annotate import AnnotationError, QuoteNotFound, QuoteNotUnique, TextMismatch
from briefer.model import Level


def test_add_highlight_stores_offsets_quote_and_context(ann, items):
    item = items[1]
    start = item.answer.index("strategische afhankelijkheden")
    end = start + len("strategische afhankelijkheden")
    change = ann.add_highlight(item.id, "answer", start, end, note="Kern van het antwoord")
    assert change.label == "Markering toevoegen"
    assert change.before is None and change.after["id"] == change.id
    [hl] = ann.highlights(item.id)
    assert (hl.start, hl.end, hl.exact) == (start, end, "strategische afhankelijkheden")
    assert item.answer[:start].endswith(hl.prefix) and 0 < len(hl.prefix) <= 32
    assert item.answer[end:].startswith(hl.suffix) and 0 < len(hl.suffix) <= 32
    assert hl.level is Level.INTERN and hl.note == "Kern van het antwoord"


@pytest.mark.parametrize("start,end", [(-1, 5), (5, 5), (10, 5), (0, 10_000)])
def test_offsets_outside_the_text_are_refused(ann, items, start, end):
    with pytest.raises(TextMismatch) as err:
        ann.add_highlight(items[1].id, "question", start, end)
    assert "buiten de tekst" in str(err.value)
    assert ann.highlights(items[1].id) == []


def test_highlight_on_text_that_does_not_exist_is_refused(ann, items):
    item = items[1]
    with pytest.raises(TextMismatch) as err:
        ann.add_highlight(item.id, "question", 0, 10, exact="Het kabinet zal")
    assert "selecteer opnieuw" in str(err.value)
    with pytest.raises(QuoteNotFound) as err2:
        ann.highlight_quote(item.id, "een zin die nergens in het document staat")
    assert "komt niet voor in vraag 1" in str(err2.value)
    assert ann.highlights(item.id) == []


def test_blank_passage_and_unknown_field_refused(ann, items):
    item = items[1]
    space = item.question.index(" ")
    with pytest.raises(TextMismatch):
        ann.add_highlight(item.id, "question", space, space + 1)
    with pytest.raises(AnnotationError):
        ann.add_highlight(item.id, "titel", 0, 3)


def test_quote_is_found_whitespace_tolerant_and_in_either_field(ann, items):
    item = items[1]
    change = ann.highlight_quote(item.id, "zal uw   Kamer\nover de voortgang")
    hl = ann.highlight(change.id)
    assert hl.field == "answer"
    assert hl.exact == "zal uw Kamer over de voortgang"
    assert item.answer[hl.start:hl.end] == hl.exact
    q = ann.highlight(ann.highlight_quote(item.id, "strategische afhankelijkheden een").id)
    assert q.field == "question"


def test_ambiguous_quote_says_how_often(ann, items):
    with pytest.raises(QuoteNotUnique) as err:
        ann.highlight_quote(items[2].id, "Het kabinet zet in op")
    assert "komt 2 keer voor" in str(err.value)
    assert "maak het citaat langer" in str(err.value)
    ann.highlight_quote(items[2].id, "Het kabinet zet in op recycling")
    assert len(ann.highlights(items[2].id)) == 1


def test_overlapping_highlights_are_allowed(ann, items):
    item = items[2]
    a = ann.highlight_quote(item.id, "diversificatie van leveranciers")
    b = ann.highlight_quote(item.id, "zet in op diversificatie")
    spans = sorted((h.start, h.end) for h in ann.highlights(item.id))
    assert len(spans) == 2 and spans[0][1] > spans[1][0]
    assert a.id != b.id


def test_update_highlight_fields_and_span(ann, items):
    item = items[1]
    hid = ann.highlight_quote(item.id, "strategische afhankelijkheden", field="answer").id
    domain = ann.domain_by_ref("1")
    ann.update_highlight(hid, domain_id=domain.id, level="vertrouwelijk", note="Let op")
    hl = ann.highlight(hid)
    assert (hl.domain_id, hl.level, hl.note) == (domain.id, Level.VERTROUWELIJK, "Let op")
    ann.update_highlight(hid, end=hl.end - len(" afhankelijkheden"))
    assert ann.highlight(hid).exact == "strategische"
    with pytest.raises(AnnotationError):
        ann.update_highlight(hid, level="geheim")
    with pytest.raises(AnnotationError):
        ann.update_highlight(hid, colour="#ffffff")


def test_delete_moves_to_trash_and_restore_brings_it_back(ann, items):
    item = items[2]
    hid = ann.highlight_quote(item.id, "vertrouwelijke technische briefing", level="vertrouwelijk",
                              note="Aanbod").id
    fid = ann.add_followup(item.id, "Briefing aanvragen", highlight_id=hid).id
    ann.delete_highlight(hid)
    assert ann.highlights(item.id) == []
    assert ann.followup(fid).highlight_id is None  # the follow-up stays on the item
    [entry] = ann.trash()
    assert entry.kind == "highlight" and entry.ref_id == hid and entry.level is Level.VERTROUWELIJK
    ann.restore(entry.id)
    hl = ann.highlight(hid)
    assert hl.note == "Aanbod" and hl.level is Level.VERTROUWELIJK
    assert ann.followup(fid).highlight_id == hid
    assert ann.trash() == []


def test_level_cannot_be_omitted_in_the_database(store, ann, doc, items):
    hid = ann.highlight_quote(items[1].id, "strategische afhankelijkheden", field="answer").id
    conn = store.db.conn
    with pytest.raises(sqlite3.IntegrityError):
        conn.execute("UPDATE highlights SET level = NULL WHERE id = ?", [hid])
    with pytest.raises(sqlite3.IntegrityError):
        conn.execute("UPDATE highlights SET level = 'geheim' WHERE id = ?", [hid])
    with pytest.raises(sqlite3.IntegrityError):
        conn.execute("INSERT INTO notes (id, document_id, item_id, body, created, updated) "
                     "VALUES ('n', ?, NULL, 'x', 't', 't')", [doc.id])
    with pytest.raises(sqlite3.IntegrityError):
        conn.execute("INSERT INTO followups (id, item_id, kind, text, status, created, updated) "
                     "VALUES ('f', ?, 'motie', 'x', 'open', 't', 't')", [items[1].id])
    with pytest.raises(sqlite3.IntegrityError):
        conn.execute("INSERT INTO trash (id, kind, ref_id, label, rows, deleted) "
                     "VALUES ('t', 'note', 'n', 'x', '[]', 't')")
    conn.rollback()
    assert ann.highlight(hid).level is Level.INTERN


def test_level_parse_is_used_for_bad_levels(ann, items):
    with pytest.raises(AnnotationError) as err:
        ann.highlight_quote(items[1].id, "strategische afhankelijkheden", field="answer", level="geheim")
    assert "niveau" in str(err.value).lower()
    with pytest.raises(AnnotationError):
        ann.add_followup(items[1].id, "x", level="GEHEIM")
