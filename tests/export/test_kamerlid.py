"""Kamerlidbriefing: header block, Kern, per domain in taxonomy order, toezeggingen, sources."""

from __future__ import annotations

import docx
import pytest
from export_helpers import headings, paragraphs, tables_text

from briefer.export import BriefingOptions, export_briefing
from briefer.model import Level


@pytest.fixture
def kamerlid(tmp_path, bundle):
    opts = BriefingOptions(kind="kamerlid", ceiling=Level.INTERN, author="A. Medewerker")
    path = export_briefing([bundle], opts, tmp_path / "k.docx")
    return docx.Document(str(path)), bundle, path


def test_structure_follows_the_taxonomy(kamerlid):
    document, bundle, _ = kamerlid
    assert [t for s, t in paragraphs(document) if s == "Title"] == ["Kamerlidbriefing"]
    h1 = headings(document, 1)
    tagged = {d for ids in bundle.item_domains.values() for d in ids}
    expected_domains = [d.name for d in sorted(bundle.domains, key=lambda d: d.position) if d.id in tagged]
    assert h1 == ["Kern", *expected_domains, "Toezeggingen", "Voorgestelde vervolgacties", "Bronnen"]


def test_header_block(kamerlid):
    document, bundle, _ = kamerlid
    block = {row[0]: row[1] for row in tables_text(document)[0]}
    assert list(block) == ["Aan", "Van", "Datum", "Onderwerp", "Rubricering"]
    assert block["Van"] == "A. Medewerker"
    assert "Kamerstuk 30 821, nr. 196" in block["Onderwerp"]
    assert bundle.document.title in block["Onderwerp"]
    assert block["Rubricering"] == "Intern"


def test_kern_is_the_document_note_as_real_bullets(kamerlid):
    document, _, _ = kamerlid
    paras = document.paragraphs
    start = next(i for i, p in enumerate(paras) if p.text == "Kern")
    bullets = []
    for p in paras[start + 1:]:
        if p.style.name.startswith("Heading"):
            break
        bullets.append(p)
    assert [p.text for p in bullets] == ["Kabinet noemt geen kwantitatieve doelen.", "Voortgangsbrief eind dit jaar."]
    assert all(p._p.pPr.numPr is not None for p in bullets)
    assert any(r.bold and r.text == "geen kwantitatieve doelen" for r in bullets[0].runs)


def test_gist_is_the_first_highlight_and_item_line_has_number_and_party(kamerlid):
    document, bundle, _ = kamerlid
    texts = [t for _s, t in paragraphs(document)]
    item1 = next(it for it in bundle.items if it.number == 1)
    line = f"Vraag 1 · VVD · {item1.pages_label}"
    first_hl = next(h for h in bundle.highlights if h.item_id == item1.id)
    assert texts[texts.index(line) + 1] == first_hl.exact


def test_toezeggingen_table_and_followups(kamerlid):
    document, _, _ = kamerlid
    table = next(t for t in tables_text(document) if t[0][:2] == ["Vraag", "Toezegging"])
    assert table[0] == ["Vraag", "Toezegging", "Eigenaar", "Termijn", "Status"]
    assert table[1] == ["Vraag 1", "Voortgangsbrief eind van het jaar bewaken", "Fractiemedewerker",
                        "31 december 2026", "Open"]
    texts = [t for _s, t in paragraphs(document)]
    start = texts.index("Voorgestelde vervolgacties")
    proposals = texts[start + 1:texts.index("Bronnen")]
    assert len(proposals) == 1 and "INT-FOLLOWUP-3141" in proposals[0] and "vraag in debat" in proposals[0].lower()


def test_sources_name_the_kamerstuk_and_cited_footnotes(kamerlid):
    document, bundle, _ = kamerlid
    texts = [t for _s, t in paragraphs(document)]
    sources = texts[texts.index("Bronnen") + 1:]
    assert sources[0].startswith("Kamerstuk 30 821, nr. 196")
    note1 = next(f for f in bundle.footnotes if f.number == 1)
    assert f"Voetnoot 1: {note1.text}" in sources


def test_properties(kamerlid):
    document, _, _ = kamerlid
    cp = document.core_properties
    assert cp.author == "A. Medewerker"
    assert cp.title.startswith("Kamerlidbriefing") and "30 821" in cp.title
    assert "VERTROUWELIJK" not in (cp.title + cp.subject + cp.keywords + cp.category)
    assert cp.last_modified_by == "" and cp.comments == ""


def test_confidential_kamerlid_is_marked_everywhere(tmp_path, secret_bundle):
    opts = BriefingOptions(kind="kamerlid", ceiling=Level.VERTROUWELIJK, author="X")
    document = docx.Document(str(export_briefing([secret_bundle], opts, tmp_path / "k.docx")))
    block = {row[0]: row[1] for row in tables_text(document)[0]}
    assert block["Rubricering"] == "Vertrouwelijk"
    for section in document.sections:
        assert "VERTROUWELIJK" in section.header.paragraphs[0].text
        assert "VERTROUWELIJK" in section.footer.paragraphs[0].text


def test_gist_falls_back_to_the_first_sentence_of_the_answer(tmp_path, hand_bundle):
    item17 = next(it for it in hand_bundle.items if it.number == 17)
    voedsel = next(d for d in hand_bundle.domains if d.name == "Voedselzekerheid")
    hand_bundle.item_domains[item17.id] = [voedsel.id]
    path = export_briefing([hand_bundle], BriefingOptions(kind="kamerlid"), tmp_path / "k.docx")
    texts = [p.text for p in docx.Document(str(path)).paragraphs]
    start = texts.index("Voedselzekerheid")
    first = item17.answer.split(". ")[0].rstrip(".") + "."
    assert texts[start + 1].startswith("Vraag 17 · D66") and texts[start + 2] == first


def test_dutch_dates():
    from datetime import date

    from briefer.textutil import dutch_date

    assert dutch_date(date(2026, 11, 27)) == "27 november 2026"
    assert dutch_date("2026-03-01") == "1 maart 2026" and dutch_date(None) == ""
