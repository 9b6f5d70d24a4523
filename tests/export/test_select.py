"""Selection: the ceiling is applied first; the selection and 'left out' lines follow it."""

from __future__ import annotations

import pytest

from briefer.export import BriefingOptions, ExportError, apply_ceiling, left_out, select
from briefer.export.select import number_ranges
from briefer.model import Level


def _levels(selection) -> set[Level]:
    found = set()
    for d in selection.documents:
        if d.note:
            found.add(Level(d.note.level))
        for it in d.items:
            found.update(it.levels())
    return found


@pytest.mark.parametrize("ceiling", list(Level))
def test_nothing_above_the_ceiling_reaches_the_selection(hand_bundle, ceiling):
    sel = select([hand_bundle], BriefingOptions(kind="technisch", ceiling=ceiling, only_annotated=False))
    assert all(ceiling.allows(lv) for lv in _levels(sel))


def test_apply_ceiling_drops_confidential_rows_and_reports_item_numbers(secret_bundle):
    reduced, dropped = apply_ceiling(secret_bundle, Level.INTERN)
    assert all(Level(h.level) is not Level.VERTROUWELIJK for h in reduced.highlights)
    assert all(Level(n.level) is not Level.VERTROUWELIJK for n in reduced.notes)
    assert all(Level(f.level) is not Level.VERTROUWELIJK for f in reduced.followups)
    assert dropped["highlights"] == [16] and dropped["notes"] == [16] and dropped["followups"] == [16]
    assert dropped["document_note"]
    # the original bundle is untouched
    assert any(Level(h.level) is Level.VERTROUWELIJK for h in secret_bundle.highlights)


def test_ceiling_openbaar_drops_intern_too(hand_bundle):
    reduced, _ = apply_ceiling(hand_bundle, Level.OPENBAAR)
    assert reduced.highlights == [] and reduced.notes == [] and reduced.followups == []


def test_item_whose_only_annotations_are_confidential_drops_out_when_annotated_only(hand_bundle):
    # strip item 16's tag and intern highlight so its only annotations are vertrouwelijk
    i16 = next(it for it in hand_bundle.items if it.number == 16)
    hand_bundle.item_domains.pop(i16.id)
    hand_bundle.highlights = [h for h in hand_bundle.highlights
                              if h.item_id != i16.id or Level(h.level) is Level.VERTROUWELIJK]
    sel = select([hand_bundle], BriefingOptions(kind="technisch", ceiling=Level.INTERN))
    assert 16 not in [s.item.number for s in sel.items()]
    sel = select([hand_bundle], BriefingOptions(kind="technisch", ceiling=Level.VERTROUWELIJK))
    assert 16 in [s.item.number for s in sel.items()]


def test_parties_and_domains_filter_items(hand_bundle):
    sel = select([hand_bundle], BriefingOptions(kind="technisch", parties=["d66"], only_annotated=False))
    assert {s.item.party for s in sel.items()} == {"D66"}
    sel = select([hand_bundle], BriefingOptions(kind="technisch", domains=["Medische producten"]))
    assert [s.item.number for s in sel.items()] == [3]
    sel = select([hand_bundle], BriefingOptions(kind="technisch", domains=["2"]))  # by key digit
    assert [s.item.number for s in sel.items()] == [16]
    assert [d.name for d in sel.domains] == ["Digitale en (hoogwaardige) technologische toepassingen"]


def test_unknown_domain_is_a_dutch_error(hand_bundle):
    with pytest.raises(ExportError, match="Onbekend domein 'Ruimtevaart'"):
        select([hand_bundle], BriefingOptions(domains=["Ruimtevaart"]))


def test_left_out_lists_counts_and_numbers_in_dutch_without_content(secret_bundle):
    lines = left_out([secret_bundle], BriefingOptions(kind="kamerlid", ceiling=Level.INTERN))
    text = "\n".join(lines)
    assert "1 markering boven het niveau intern (vraag 16)" in text
    assert "1 notitie boven het niveau intern (vraag 16)" in text
    assert "1 vervolgactie boven het niveau intern (vraag 16)" in text
    assert "documentnotitie (Kern)" in text
    assert "ZQX" not in text  # counts and numbers only, never the material itself
    assert left_out([secret_bundle], BriefingOptions(kind="technisch", ceiling=Level.VERTROUWELIJK,
                                                     only_annotated=False)) == []


def test_left_out_names_filtered_parties(hand_bundle):
    lines = left_out([hand_bundle], BriefingOptions(kind="technisch", parties=["VVD"], ceiling=Level.VERTROUWELIJK))
    assert any("2 antwoorden van andere fracties (vraag 16–17)" in line for line in lines)


def test_highest_level_is_the_rubricering(secret_bundle):
    assert select([secret_bundle], BriefingOptions(ceiling=Level.INTERN)).highest_level() is Level.INTERN
    assert select([secret_bundle], BriefingOptions(ceiling=Level.VERTROUWELIJK)).confidential


def test_number_ranges():
    assert number_ranges([5, 1, 2, 3, 8, 3]) == "1–3, 5, 8"


def test_options_refuse_unknown_values():
    with pytest.raises(ExportError):
        BriefingOptions(kind="memo")
    with pytest.raises(ExportError):
        BriefingOptions(ceiling="geheim")
