from __future__ import annotations

import time

import pytest
from annot_fixtures import A1, A2, ITEMS, Q1, Q2, Q3, add_document

from briefer.annotate import AnnotationError


@pytest.fixture
def annotated(ann, doc, items):
    food = ann.domain_by_ref("4")
    ids = {
        "exact": ann.highlight_quote(items[1].id, "strategische afhankelijkheden", field="answer").id,
        "moved": ann.highlight_quote(items[2].id, "recycling", note="hergebruik").id,
        "reworded": ann.highlight_quote(items[1].id, "zal uw Kamer over de voortgang geïnformeerd worden").id,
        "gone": ann.highlight_quote(items[2].id, "vertrouwelijke technische briefing",
                                    level="vertrouwelijk").id,
        "food": food.id,
    }
    ann.tag_item(items[3].id, food.id)
    ann.set_note(doc.id, items[3].id, "Kunstmest volgen")
    ann.set_note(doc.id, None, "Kern van het stuk")
    ids["fu"] = ann.add_followup(items[2].id, "Briefing aanvragen", highlight_id=ids["gone"]).id
    return ids


def _new_version(store):
    a1 = A1.replace("zal uw Kamer over de voortgang geïnformeerd worden",
                    "zal uw Kamer over de voortgang worden geïnformeerd")
    a2 = ("Allereerst: " + A2).replace(
        " Het kabinet is bereid hierover een vertrouwelijke technische briefing te verzorgen.", "")
    return add_document(store, [(1, "VVD", Q1, a1), (2, "D66", Q2, a2), (3, "CDA", Q3, ITEMS[2][3])])


def test_carry_over_places_exact_quote_fuzzy_and_orphans(store, ann, doc, annotated):
    new = _new_version(store)
    assert new.version_of == doc.id
    report = ann.carry_over(doc.id, new.id)
    assert (report.moved_exact, report.moved_quote, report.moved_fuzzy, report.orphaned) == (1, 1, 1, 1)
    new_items = {i.number: i for i in store.items(new.id)}
    moved = ann.highlight(annotated["moved"])
    assert moved.item_id == new_items[2].id and moved.note == "hergebruik"
    assert new_items[2].answer[moved.start:moved.end] == "recycling"
    fuzzy = ann.highlight(annotated["reworded"])
    assert new_items[1].answer[fuzzy.start:fuzzy.end] == fuzzy.exact and "voortgang" in fuzzy.exact
    gone = ann.highlight(annotated["gone"])
    assert gone.orphaned and gone.exact == "vertrouwelijke technische briefing"
    assert gone.level.value == "vertrouwelijk"
    assert [h.id for h in ann.orphans(new.id)] == [gone.id]
    assert ann.note(new.id, new_items[3].id).body == "Kunstmest volgen"
    assert ann.note(new.id, None).body == "Kern van het stuk"
    assert [d.id for d in ann.item_domains(new_items[3].id)] == [annotated["food"]]
    assert ann.followup(annotated["fu"]).item_id == new_items[2].id
    assert (report.notes_moved, report.tags_moved, report.followups_moved) == (2, 1, 1)
    assert "1 verweesd" in report.summary()
    # nothing is left on (or lost from) the old version
    assert all(not ann.highlights(i.id) for i in store.items(doc.id))


def test_items_matched_by_question_text_when_renumbered(store, ann, doc, items):
    hid = ann.highlight_quote(items[3].id, "kunstmest is").id
    renumbered = [(1, "PVV", "Een nieuwe vraag over visserij en de Noordzee.", "Antwoord over vis."),
                  (2, "VVD", Q1, A1), (3, "D66", Q2, A2), (4, "CDA", Q3, ITEMS[2][3])]
    new = add_document(store, renumbered)
    report = ann.carry_over(doc.id, new.id)
    assert report.items_matched == 3 and report.moved_exact == 1
    assert ann.highlight(hid).item_id == store.item_by_number(new.id, 4).id


def test_the_staffers_item_titles_follow_to_the_new_version(store, ann, doc, items):
    from briefer.store.titles import item_title, set_item_title

    set_item_title(store, items[3].id, "Kunstmest en voedselzekerheid")
    renumbered = [(1, "PVV", "Een nieuwe vraag over visserij en de Noordzee.", "Antwoord over vis."),
                  (2, "VVD", Q1, A1), (3, "D66", Q2, A2), (4, "CDA", Q3, ITEMS[2][3])]
    new = add_document(store, renumbered)
    ann.carry_over(doc.id, new.id)
    assert item_title(store, store.item_by_number(new.id, 4).id) == "Kunstmest en voedselzekerheid"
    assert item_title(store, store.item_by_number(new.id, 1).id) is None  # a new question has none
    assert item_title(store, items[3].id) == "Kunstmest en voedselzekerheid"  # the old version keeps its own


def test_unmatched_item_keeps_its_annotations_on_the_old_version(store, ann, doc, items):
    hid = ann.highlight_quote(items[3].id, "kunstmest is").id
    ann.set_note(doc.id, items[3].id, "blijft staan")
    new = add_document(store, ITEMS[:2])
    report = ann.carry_over(doc.id, new.id)
    assert report.items_unmatched == [3] and report.orphaned == 1
    hl = ann.highlight(hid)
    assert hl.orphaned and hl.item_id == items[3].id
    assert ann.note(doc.id, items[3].id).body == "blijft staan"
    assert [h.id for h in ann.orphans(new.id)] == [hid]  # listed with the new version too


def test_both_versions_have_a_document_note(store, ann, doc):
    new = _new_version(store)
    ann.set_note(doc.id, None, "Oude kern", level="vertrouwelijk")
    ann.set_note(new.id, None, "Nieuwe kern")
    ann.carry_over(doc.id, new.id)
    kern = ann.note(new.id, None)
    assert "Oude kern" in kern.body and "Nieuwe kern" in kern.body
    assert kern.level.value == "vertrouwelijk"
    assert ann.note(doc.id, None) is None


def test_carry_over_refuses_same_document(ann, doc):
    with pytest.raises(AnnotationError):
        ann.carry_over(doc.id, doc.id)


def test_importer_hook_runs_carry_over(store, ann, doc, items):
    from briefer import importer

    hid = ann.highlight_quote(items[2].id, "recycling").id
    new = _new_version(store)
    result = importer._carry_over(store, doc.id, new.id)
    assert result.moved_quote == 1
    assert ann.highlight(hid).item_id == store.item_by_number(new.id, 2).id


def test_carry_over_of_1000_highlights_is_fast(store, ann):
    long_items = []
    for n in range(1, 201):
        answer = " ".join(f"Zin {n}.{k}: het kabinet werkt aan onderwerp {n * 7 + k} met de partners."
                          for k in range(12))
        long_items.append((n, "VVD", f"Vraag {n} over onderwerp {n}?", answer))
    old = add_document(store, long_items, identifier="kst-bench-1")
    for it in store.items(old.id):
        for k in range(5):
            ann.highlight_quote(it.id, f"Zin {it.number}.{k}: het kabinet werkt aan")
    changed = [(n, p, q, ("Inleiding. " if n % 2 else "") + a.replace(".3: het kabinet werkt", ".3: het kabinet werkte"))
               for n, p, q, a in long_items]
    new = add_document(store, changed, identifier="kst-bench-1")
    t0 = time.perf_counter()
    report = ann.carry_over(old.id, new.id)
    elapsed = time.perf_counter() - t0
    assert report.moved == 1000 and report.orphaned == 0
    # even items: k 0-2 in place, k 4 shifted; odd items: all shifted; k 3 reworded everywhere
    assert (report.moved_exact, report.moved_quote, report.moved_fuzzy) == (300, 500, 200)
    assert elapsed < 1.0, f"carry-over took {elapsed:.2f} s"
    for it in store.items(new.id):
        for h in ann.highlights(it.id):
            assert it.answer[h.start:h.end] == h.exact and h.exact.startswith(f"Zin {it.number}.")
