"""Kamerlidbriefing: the form fractie and ministry briefings share, on the issue's scenario.

The scenario is the sample imported into a real database with every toezegging and domain suggestion
accepted, two passages marked, three notes, the Kern and two follow-ups (a debate question and a
motion). The LibreOffice page count is in test_libreoffice.py.
"""

from __future__ import annotations

import re
import zipfile
from collections import Counter
from datetime import date

import docx
import pytest
from export_helpers import (
    SCENARIO_NOTES,
    SCENARIO_PASSAGES,
    SCENARIO_SUBJECT,
    W,
    audit,
    build_scenario,
    headings,
    paragraphs,
    part_xml,
    tables_text,
)

from briefer.export import BriefingOptions, export_briefing
from briefer.model import FollowUpKind, FollowUpStatus, Level

TODAY = date(2026, 12, 4)


@pytest.fixture(scope="module")
def scenario(tmp_path_factory):
    folder = tmp_path_factory.mktemp("scenario")
    store, ann, doc = build_scenario(folder / "b.db")
    bundle = ann.bundle(doc.id)
    opts = BriefingOptions(kind="kamerlid", subject=SCENARIO_SUBJECT, recipient="Jeanet van Dijk",
                           author="Sanne de Vries")
    path = export_briefing([bundle], opts, folder / "kamerlid.docx", today=TODAY)
    yield docx.Document(str(path)), bundle, path
    store.close()


def _lead_numbers(document) -> list[int]:
    """The item number of every answer the briefing shows (its bold "Vraag N · Party" lead)."""
    found = []
    for p in document.paragraphs:
        runs = [r for r in p.runs if r.text]
        if runs and runs[0].bold:
            m = re.match(r"Vra(?:ag|gen) (\d+)(?: en \d+)? · ", runs[0].text)
            if m:
                found.append(int(m.group(1)))
    return found


def _section(document, title: str) -> list:
    """The paragraphs between heading `title` and the next heading."""
    paras = document.paragraphs
    start = next(i for i, p in enumerate(paras) if p.text == title and p.style.name.startswith("Heading"))
    out = []
    for p in paras[start + 1:]:
        if p.style.name.startswith("Heading"):
            break
        out.append(p)
    return out


def test_every_tagged_answer_appears_exactly_once(scenario):
    document, bundle, path = scenario
    shown = Counter(_lead_numbers(document))
    assert shown and max(shown.values()) == 1, shown
    tagged = {it.number for it in bundle.items if bundle.item_domains.get(it.id)}
    assert tagged <= set(shown)  # every answer with a domain is there, under one domain only
    assert len(tagged) >= 15  # the suggestions tagged many answers, several with two domains
    assert sum(1 for ids in bundle.item_domains.values() if len(ids) > 1) >= 2
    audit(path)


def test_answer_with_several_domains_names_the_others(scenario):
    document, bundle, _ = scenario
    by_id = {d.id: d for d in bundle.domains}
    item = next(it for it in bundle.items if len(bundle.item_domains.get(it.id, [])) > 1)
    other = by_id[bundle.item_domains[item.id][1]].name.split(" (")[0]
    line = next(p.text for p in document.paragraphs if p.text.startswith(f"Vraag {item.number} · "))
    assert "ook: " in line and other in line


def test_head_has_the_subject_and_the_source(scenario):
    document, _, _ = scenario
    head = {row[0]: row[1] for row in tables_text(document)[0]}
    assert list(head) == ["Aan", "Van", "Datum", "Onderwerp", "Stuk", "Rubricering"]
    assert head["Onderwerp"] == SCENARIO_SUBJECT
    assert head["Aan"] == "Jeanet van Dijk" and head["Van"] == "Sanne de Vries"
    assert head["Datum"] == "4 december 2026" and head["Rubricering"] == "Intern"
    assert head["Stuk"].startswith("Kamerstuk 30 821, nr. 196 (Verslag schriftelijk overleg)")
    assert document.core_properties.subject == SCENARIO_SUBJECT


def test_sections_in_the_shared_form(scenario):
    document, _, _ = scenario
    h1 = headings(document, 1)
    assert h1[0] == "Kern" and h1[-3:] == ["Toezeggingen", "Voor het debat", "Krachtenveld"]
    assert h1[1] == "Grondstoffen en (fossiele) energie"
    assert "Bronnen" not in h1  # sources are footnotes of what is quoted, not a list at the end
    kern = [p.text for p in _section(document, "Kern")]
    assert kern[0].startswith("Het kabinet noemt geen harde doelen")
    assert "Inzet: doelen en tijdpad per prioritair terrein" in kern


def test_worked_answer_shows_question_cabinet_words_and_our_view(scenario):
    document, _, _ = scenario
    texts = [p.text for p in document.paragraphs]
    start = next(i for i, t in enumerate(texts) if t.startswith("Vraag 1 · VVD "))
    assert "vraagt welke concrete doelstellingen het kabinet zich stelt" in texts[start]
    quote = document.paragraphs[start + 1]
    assert quote.style.name == "Quote"
    assert quote.text == f"Kabinet: “{SCENARIO_PASSAGES[1]}”"  # the marked passage, in the cabinet's name
    assert texts[start + 2].startswith("Duiding: Kabinet wil geen kwantitatieve doelen")
    # "…tijdpad.\n- doelen per waardeketen": a list straight under a line of text is a real list
    bullets = document.paragraphs[start + 3:start + 5]
    assert [p.text for p in bullets] == ["doelen per waardeketen", "termijn voor de Taskforce"]
    assert all(p._p.pPr.numPr is not None for p in bullets)
    assert "Afrika" in "".join(texts) and SCENARIO_NOTES[7].split("*")[0] in "\n".join(texts)


def test_toezeggingen_compact_with_computed_status_overdue_first(scenario):
    document, bundle, _ = scenario
    lines = [p.text for p in _section(document, "Toezeggingen")]
    commitments = [f for f in bundle.followups if f.kind == FollowUpKind.TOEZEGGING]
    overdue = [f for f in commitments if f.due and date.fromisoformat(f.due) < TODAY]
    assert len(commitments) >= 12 and len(overdue) >= 10
    assert lines[0] == f"Termijn verstreken ({len(overdue)})"
    open_at = lines.index(f"Open ({len(commitments) - len(overdue)})")
    assert open_at == len(overdue) + 1  # every overdue one comes first
    dated = [line for line in lines[1:open_at]]
    assert all(re.match(r"\d{1,2} \w+\.? \d{4} · .+ \(vraag \d+\)$", line) for line in dated), dated
    # only the cabinet's commitments: the staffer's motion and question are elsewhere
    assert not any("Taskforce zich voor 2024" in t or "vergunningverlening" in t for t in lines)


def test_voor_het_debat_groups_followups_by_kind_without_doubled_prefixes(scenario):
    document, _, _ = scenario
    lines = [p.text for p in _section(document, "Voor het debat")]
    assert lines[0] == "Vragen in het debat"
    assert lines[1].startswith("Welke doelen stelt de Taskforce zich voor 2024? (vraag 1 · Kamerlid · vóór 12 december")
    assert lines[2] == "Moties voorbereiden"
    assert lines[3].startswith("Verzoekt de regering in Brussel te pleiten")  # "Motie: " not repeated
    assert not any(t.lower().startswith(("motie:", "vraag:")) for t in lines)


def test_krachtenveld_from_the_parse(scenario):
    document, _, _ = scenario
    lines = [p.text for p in _section(document, "Krachtenveld")]
    vvd = next(t for t in lines if t.startswith("VVD ("))
    assert vvd.startswith("VVD (11 vragen): Grondstoffen en energie (")
    assert lines[-1].startswith("Geen prioritair terrein: ")


def test_footer_says_pagina_x_van_y_and_the_language_is_dutch(scenario):
    document, _, path = scenario
    with zipfile.ZipFile(path) as z:
        footers = [z.read(n).decode() for n in z.namelist() if re.match(r"word/footer\d*\.xml", n)]
        body = z.read("word/document.xml").decode()
        styles = z.read("word/styles.xml").decode()
    footer = next(f for f in footers if "PAGE" in f)
    assert re.search(r">\s*PAGE\s*<", footer) and re.search(r">\s*NUMPAGES\s*<", footer)
    assert "Pagina " in footer and " van " in footer
    assert re.search(r"<w:rPrDefault><w:rPr>.*?<w:lang w:val=\"nl-NL\"", styles)
    assert 'w:lang w:val="en-US"' not in styles and 'w:val="en-' not in body
    runs = re.findall(r"<w:r>(.*?)</w:r>", body)
    texts = [r for r in runs if "<w:t" in r]
    assert texts and all('<w:lang w:val="nl-NL"/>' in r for r in texts)
    normal = document.styles["Normal"]
    assert normal.font.size.pt in (10, 10.5, 11) and normal.font.name == "Verdana"


def test_quoted_source_footnotes_are_real_footnotes(tmp_path, hand_bundle):
    """A marked passage that carries a source footnote cites it as a Word footnote; nothing else."""
    item1 = next(it for it in hand_bundle.items if it.number == 1)
    passage = "zoals beschreven in de Kamerbrief Open Strategische Autonomie van 8 november 2022.[^1]"
    for h in hand_bundle.highlights:
        if h.item_id == item1.id:
            h.exact = passage
            h.start = item1.answer.index(passage)
            h.end = h.start + len(passage)
    path = export_briefing([hand_bundle], BriefingOptions(kind="kamerlid"), tmp_path / "k.docx")
    notes = part_xml(path, "word/footnotes.xml")
    assert "Kamerstuk 35 982, nr. 9." in notes
    assert "Kamerstukken 30 821 en 21 501-02, nr. 181" not in notes  # not quoted, not cited
    assert len(re.findall(r"<w:footnoteReference ", part_xml(path, "word/document.xml"))) == 1
    audit(path)


def test_only_tagged_answer_is_one_line_and_key_sentence_is_not_the_first(tmp_path, hand_bundle):
    item17 = next(it for it in hand_bundle.items if it.number == 17)
    voedsel = next(d for d in hand_bundle.domains if d.name == "Voedselzekerheid")
    hand_bundle.item_domains[item17.id] = [voedsel.id]
    path = export_briefing([hand_bundle], BriefingOptions(kind="kamerlid"), tmp_path / "k.docx", today=TODAY)
    document = docx.Document(str(path))
    section = _section(document, "Voedselzekerheid")
    assert len(section) == 1 and section[0].style.name == "List Paragraph"
    assert section[0].text.startswith("Vraag 17 · D66: Wil het kabinet pleiten voor financiering")
    # answer 2 has a note-less, marked passage: worked out; the point is the marked passage
    texts = [p.text for p in document.paragraphs]
    assert "Kabinet: “kritieke grondstoffen”" in texts
    audit(path)


def test_point_without_a_marked_passage_is_the_answers_key_sentence(tmp_path, hand_bundle):
    item16 = next(it for it in hand_bundle.items if it.number == 16)
    hand_bundle.highlights = [h for h in hand_bundle.highlights if h.item_id != item16.id]
    hand_bundle.notes = [n for n in hand_bundle.notes if n.item_id != item16.id]
    from briefer.model import Note

    hand_bundle.notes.append(Note(id="n16", document_id=item16.document_id, item_id=item16.id, body="Doorvragen."))
    path = export_briefing([hand_bundle], BriefingOptions(kind="kamerlid"), tmp_path / "k.docx")
    texts = [p.text for p in docx.Document(str(path)).paragraphs]
    start = next(i for i, t in enumerate(texts) if t.startswith("Vraag 16 · D66"))
    point = texts[start + 1]
    assert point.startswith("Kabinet: “") and not point.startswith("Kabinet: “Het identificeren")
    assert "vertrouwelijke technische briefing" in point  # the sentence that answers the question


def test_a_toezegging_marked_done_is_afgedaan_and_last(tmp_path, hand_bundle):
    from briefer.model import FollowUp

    item3 = next(it for it in hand_bundle.items if it.number == 3)
    hand_bundle.followups += [
        FollowUp(id="t1", item_id=item3.id, text="TNO-onderzoek delen", kind=FollowUpKind.TOEZEGGING,
                 due="2023-10-31", status=FollowUpStatus.AFGEROND),
        FollowUp(id="t2", item_id=item3.id, text="Scan medicijnen delen", kind=FollowUpKind.TOEZEGGING,
                 due="2023-11-30"),
    ]
    path = export_briefing([hand_bundle], BriefingOptions(kind="kamerlid"), tmp_path / "k.docx", today=TODAY)
    lines = [p.text for p in _section(docx.Document(str(path)), "Toezeggingen")]
    assert lines == ["Termijn verstreken (1)", "30 nov. 2023 · Scan medicijnen delen (vraag 3)",
                     "Open (1)", "31 dec. 2026 · Voortgangsbrief eind van het jaar bewaken (vraag 1)",
                     "Afgedaan (1)", "31 okt. 2023 · TNO-onderzoek delen (vraag 3)"]


def test_head_leaves_out_what_is_unknown(tmp_path, hand_bundle):
    path = export_briefing([hand_bundle], BriefingOptions(kind="kamerlid"), tmp_path / "k.docx")
    head = {row[0]: row[1] for row in tables_text(docx.Document(str(path)))[0]}
    assert "Aan" not in head and "Van" not in head  # no "het Kamerlid" or "—" placeholders
    assert head["Onderwerp"] == "Verslag van een schriftelijk overleg over strategische afhankelijkheden"


def test_confidential_kamerlid_is_marked_everywhere(tmp_path, secret_bundle):
    opts = BriefingOptions(kind="kamerlid", ceiling=Level.VERTROUWELIJK, author="X")
    path = export_briefing([secret_bundle], opts, tmp_path / "k.docx")
    document = docx.Document(str(path))
    head = {row[0]: row[1] for row in tables_text(document)[0]}
    assert head["Rubricering"] == "Vertrouwelijk"
    for section in document.sections:
        assert "VERTROUWELIJK" in section.header.paragraphs[0].text
        assert "VERTROUWELIJK" in section.footer.paragraphs[0].text
    assert any("[vertrouwelijk]" in t for _s, t in paragraphs(document))
    audit(path)


def test_a_large_selection_still_fits_by_selection_not_a_smaller_font(tmp_path, bundle):
    """Every answer of the sample tagged: the briefing drops to one line per answer, then to numbers."""
    first = sorted(bundle.domains, key=lambda d: d.position)[0]
    for it in bundle.items:
        bundle.item_domains.setdefault(it.id, [first.id])
    path = export_briefing([bundle], BriefingOptions(kind="kamerlid"), tmp_path / "k.docx")
    document = docx.Document(str(path))
    assert document.styles["Normal"].font.size.pt == 10
    sizes = {r.font.size.pt for p in document.paragraphs for r in p.runs if r.font.size is not None}
    assert not sizes or min(sizes) >= 9
    from briefer.export.layout import estimate

    body = document.element.body
    layout = estimate(body, document.styles.element, width=453.5, height=708.7)
    assert layout.pages <= 2


def test_control_characters_in_notes_never_break_an_export(tmp_path, hand_bundle):
    from briefer.model import Note

    item2 = next(it for it in hand_bundle.items if it.number == 2)
    dirty = "Uit de PDF:\x00 \x07belangrijk\x0b punt\x1f \ud800 en **vet**\x0c.\n- lijst\x08punt"
    hand_bundle.notes.append(Note(id="dirty", document_id=item2.document_id, item_id=item2.id, body=dirty))
    hand_bundle.document.title = "Titel\x01 met stuurteken"
    for kind in ("kamerlid", "technisch"):
        path = export_briefing([hand_bundle], BriefingOptions(kind=kind, author="A\x02"), tmp_path / f"{kind}.docx")
        text = "\n".join(p.text for p in docx.Document(str(path)).paragraphs)
        assert "belangrijk punt" in text and "lijstpunt" in text
        with zipfile.ZipFile(path) as z:
            for name in z.namelist():
                raw = z.read(name)
                assert not re.search(rb"[\x00-\x08\x0b\x0c\x0e-\x1f]", raw), name
        audit(path)


def test_list_directly_under_a_paragraph_renders_as_a_list(tmp_path):
    from export_helpers import build_bundle

    from briefer.model import Note

    b = build_bundle(use_parser=False)
    item2 = next(it for it in b.items if it.number == 2)
    b.notes.append(Note(id="x", document_id=item2.document_id, item_id=item2.id,
                        body="Drie punten:\n- een\n- twee\n1. drie\n\n| a | b |\n|---|---|\n| 1 | 2 |"))
    path = export_briefing([b], BriefingOptions(kind="kamerlid"), tmp_path / "k.docx")
    document = docx.Document(str(path))
    paras = [p for p in document.paragraphs if p.text in ("een", "twee", "drie")]
    assert len(paras) == 3 and all(p._p.find(f"{W}pPr/{W}numPr") is not None for p in paras)
    assert not any(p.text.startswith(("- een", "Drie punten: - een")) for p in document.paragraphs)
    assert any([[c.text for c in r.cells] for r in t.rows] == [["a", "b"], ["1", "2"]] for t in document.tables)


def test_two_documents_keep_their_answers_apart(tmp_path):
    from export_helpers import build_bundle

    a, b = build_bundle(use_parser=False), build_bundle(use_parser=False)
    same = {d.id: next(x.id for x in a.domains if x.name == d.name) for d in b.domains}
    b.domains = a.domains  # one database: one taxonomy
    b.item_domains = {item: [same[d] for d in ds] for item, ds in b.item_domains.items()}
    for h in b.highlights:
        h.domain_id = same.get(h.domain_id or "")
    b.document.dossier, b.document.ondernummer, b.document.kamerstuk = "21 501-02", "2700", "21 501-02, nr. 2700"
    path = export_briefing([a, b], BriefingOptions(kind="kamerlid"), tmp_path / "k.docx", today=TODAY)
    document = docx.Document(str(path))
    texts = [p.text for p in document.paragraphs]
    leads = [t.split(" vraagt")[0].split(":")[0] for t in texts if t.startswith("Vraag ") and " · " in t]
    assert "Vraag 1 · VVD · 30821-196" in leads and "Vraag 1 · VVD · 21501-02-2700" in leads
    assert len(leads) == len(set(leads))  # each answer of each document once
    assert headings(document, 1).count("Grondstoffen en (fossiele) energie") == 1
    assert "31 dec. 2026 · Voortgangsbrief eind van het jaar bewaken (vraag 1, 30821-196)" in texts
    head = {row[0]: row[1] for row in tables_text(document)[0]}
    assert "Kamerstuk 21 501-02, nr. 2700" in head["Stukken"]
    audit(path)


def test_a_briefing_without_annotations_says_so(tmp_path):
    from export_helpers import build_bundle

    bare = build_bundle(use_parser=False)
    bare.item_domains, bare.highlights, bare.notes, bare.followups = {}, [], [], []
    path = export_briefing([bare], BriefingOptions(kind="kamerlid", only_annotated=False), tmp_path / "k.docx")
    texts = [p.text for p in docx.Document(str(path)).paragraphs]
    assert texts[0] == "Kamerlidbriefing" and texts[1].startswith("Deze selectie bevat nog geen geannoteerde")


def test_a_note_on_an_answer_without_a_domain_is_not_dropped(tmp_path, hand_bundle):
    from briefer.model import Note

    item17 = next(it for it in hand_bundle.items if it.number == 17)
    hand_bundle.notes.append(Note(id="n17", document_id=item17.document_id, item_id=item17.id,
                                  body="Europees niveau: steunen."))
    path = export_briefing([hand_bundle], BriefingOptions(kind="kamerlid"), tmp_path / "k.docx")
    document = docx.Document(str(path))
    assert headings(document, 1)[-4:-2] == ["Overige antwoorden", "Toezeggingen"]
    texts = [p.text for p in _section(document, "Overige antwoorden")]
    assert texts[0].startswith("Vraag 17 · D66: Wil het kabinet pleiten voor financiering")
    assert texts[-1] == "Duiding: Europees niveau: steunen."
