"""Technische briefing: TOC field, real footnotes, highlight shading, page references, annex."""

from __future__ import annotations

import re

import docx
from export_helpers import SECRET_MARKERS, W, headings, paragraphs, part_xml, tables_text

from briefer.export import BriefingOptions, export_briefing
from briefer.model import Level


def _export(tmp_path, bundle, **kw):
    opts = BriefingOptions(kind="technisch", author="A. Medewerker", **kw)
    path = export_briefing([bundle], opts, tmp_path / "t.docx")
    return docx.Document(str(path)), path


def test_title_page_and_table_of_contents_with_page_numbers(tmp_path, bundle):
    document, path = _export(tmp_path, bundle)
    assert [t for s, t in paragraphs(document) if s == "Title"] == ["Technische briefing"]
    xml = part_xml(path, "word/document.xml")
    # entries are PAGEREF fields to the headings' bookmarks (LibreOffice computes them, Word updates them
    # on open); their cached numbers are Briefer's estimate, never empty
    refs = re.findall(r"PAGEREF (_Toc\d+) \\h .*?<w:t>(\d+)</w:t>", xml)
    bookmarks = set(re.findall(r'<w:bookmarkStart [^>]*w:name="([^"]+)"', xml))
    assert refs and {bm for bm, _n in refs} <= bookmarks
    assert all(int(n) >= 1 for _bm, n in refs)
    assert [int(n) for _bm, n in refs] == sorted(int(n) for _bm, n in refs)
    anchors = set(re.findall(r'w:anchor="([^"]+)"', xml))
    assert anchors and anchors <= bookmarks
    assert '<w:updateFields w:val="true"/>' in part_xml(path, "word/settings.xml")
    # entries carry the item's topic: "Vraag 1 · VVD · doelstellingen en Taskforce"
    toc = [t for s, t in paragraphs(document) if s == "toc 2"]
    assert toc and re.match(r"Vraag 1 · VVD · \w+", toc[0])
    assert all(t.count(" · ") >= 2 for t in toc)
    h2 = headings(document, 2)
    assert [t.rsplit("\t", 1)[0] for t in toc] == h2


def test_items_grouped_per_party_with_full_text_and_page_references(tmp_path, bundle):
    document, _ = _export(tmp_path, bundle)
    assert headings(document, 1) == ["Kern", "VVD", "D66"]
    h2 = headings(document, 2)
    assert [h.rsplit(" · ", 1)[0] for h in h2[:3]] == ["Vraag 1 · VVD", "Vraag 2 · VVD", "Vraag 3 · VVD"]
    body = "\n".join(t for _s, t in paragraphs(document))
    item2 = next(it for it in bundle.items if it.number == 2)
    assert " ".join(item2.answer.split()) in " ".join(body.split())
    meta = [t for s, t in paragraphs(document) if s == "Briefer Meta"]
    item1 = next(it for it in bundle.items if it.number == 1)
    assert item1.pages_label and meta[0].startswith(item1.pages_label + " · Kamerstuk 30 821, nr. 196")
    assert any("Domeinen: Grondstoffen en (fossiele) energie" in m for m in meta)


def test_grouping_per_domain_in_taxonomy_order(tmp_path, bundle):
    document, _ = _export(tmp_path, bundle, by="domain")
    names = [d.name for d in sorted(bundle.domains, key=lambda d: d.position)]
    h1 = [h for h in headings(document, 1) if h != "Kern"]
    by_id = {d.id: d.name for d in bundle.domains}
    firsts = {min((by_id[i] for i in ids), key=names.index) for ids in bundle.item_domains.values()}
    assert h1 == [n for n in names if n in firsts]


def test_source_footnotes_are_real_word_footnotes(tmp_path, bundle):
    document, path = _export(tmp_path, bundle)
    rels = part_xml(path, "word/_rels/document.xml.rels")
    assert 'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes"' in rels
    types = part_xml(path, "[Content_Types].xml")
    assert 'PartName="/word/footnotes.xml"' in types and "wordprocessingml.footnotes+xml" in types
    notes = part_xml(path, "word/footnotes.xml")
    body = part_xml(path, "word/document.xml")
    refs = re.findall(r'<w:footnoteReference w:id="(\d+)"', body)
    defined = re.findall(r'<w:footnote w:id="(\d+)"', notes)
    assert refs and set(refs) <= set(defined)
    note1 = next(f for f in bundle.footnotes if f.number == 1)
    assert note1.text in notes
    assert "[^" not in body  # no source marker survives
    # the separator notes exist and the settings point at them, in schema order, as Word writes them
    assert '<w:footnote w:type="separator" w:id="-1">' in notes
    settings = part_xml(path, "word/settings.xml")
    assert '<w:footnotePr><w:footnote w:id="-1"/><w:footnote w:id="0"/></w:footnotePr>' in settings
    order = [m.group(1) for m in re.finditer(r"<w:(\w+)[ />]", settings)]
    if "compat" in order:
        assert order.index("footnotePr") < order.index("compat")
    assert order.index("updateFields") < order.index("footnotePr")


def _shaded_segments(document) -> list[tuple[str, str | None]]:
    """(text, fill) of each stretch of consecutive runs with the same shading, per paragraph."""
    out = []
    for p in document.paragraphs:
        current, fill = "", None
        for r in p.runs:
            shd = r._r.find(f"{W}rPr/{W}shd")
            f = shd.get(f"{W}fill") if shd is not None else None
            if f != fill and current:
                out.append((current, fill))
                current = ""
            fill = f
            current += r.text
        if current:
            out.append((current, fill))
    return out


def test_highlights_are_shaded_in_their_domain_colour(tmp_path, bundle):
    document, _ = _export(tmp_path, bundle)
    segments = _shaded_segments(document)
    domains = {d.id: d for d in bundle.domains}
    checked = 0
    for h in bundle.highlights:
        if Level(h.level) is Level.VERTROUWELIJK:
            continue
        fills = {f for t, f in segments if t == h.exact and f is not None}
        assert len(fills) == 1, h.exact
        fill = fills.pop()
        colour = domains[h.domain_id].colour.lstrip("#")
        for i in (0, 2, 4):  # the fill is the domain colour at half strength on white
            assert abs(int(fill[i:i + 2], 16) * 2 - 255 - int(colour[i:i + 2], 16)) <= 2
        checked += 1
    assert checked >= 3
    # text outside highlights is not shaded
    assert all(f is None for t, f in segments if "Bedrijven dragen in eerste plaats" in t)
    assert any("Bedrijven dragen in eerste plaats" in t for t, _f in segments)


def test_notes_and_followups_per_item(tmp_path, bundle):
    document, _ = _export(tmp_path, bundle)
    labels = [t for s, t in paragraphs(document) if s == "Briefer Label"]
    assert {"Vraag", "Antwoord", "Notitie", "Vervolgacties"} <= set(labels)
    lines = [t for s, t in paragraphs(document) if s == "List Paragraph"]
    assert "Voortgangsbrief eind van het jaar bewaken (toezegging bewaken · Fractiemedewerker · termijn " \
           "31 december 2026 · open)" in lines
    assert not any(t and t[0][0] == "Vervolgactie" for t in tables_text(document))  # no five-column table


def test_confidential_only_in_its_annex_and_marked_everywhere(tmp_path, secret_bundle):
    document, path = _export(tmp_path, secret_bundle, ceiling=Level.VERTROUWELIJK)
    assert "Bijlage: vertrouwelijk" in headings(document, 1)
    before, after = part_xml(path, "word/document.xml").split("Bijlage: vertrouwelijk", 1)
    assert not any(m in before for m in SECRET_MARKERS.values())  # paragraphs and tables of the main part
    assert all(m in after for m in SECRET_MARKERS.values())
    assert len(document.sections) == 2  # the annex is its own section
    for section in document.sections:
        assert section.header.paragraphs[0].text == "VERTROUWELIJK"
        assert section.footer.paragraphs[0].text == "VERTROUWELIJK"
    cp = document.core_properties
    for value in (cp.title, cp.subject, cp.keywords, cp.category):
        assert "VERTROUWELIJK" in value


def test_not_marked_when_nothing_confidential(tmp_path, secret_bundle):
    _, path = _export(tmp_path, secret_bundle, ceiling=Level.INTERN)
    from export_helpers import all_parts_text

    for name, text in all_parts_text(path).items():
        assert "VERTROUWELIJK" not in text, name


def test_hyperlinks_are_real_relationships(tmp_path, bundle):
    _, path = _export(tmp_path, bundle)
    body = part_xml(path, "word/document.xml")
    rids = re.findall(r'<w:hyperlink [^>]*r:id="(rId\d+)"', body)
    assert rids
    rels = part_xml(path, "word/_rels/document.xml.rels")
    for rid in rids:
        m = re.search(rf'<Relationship [^>]*Id="{rid}"[^>]*>', rels)
        assert m and 'TargetMode="External"' in m.group(0) and "tweedekamer.nl" in m.group(0)


def test_whole_parsed_sample_with_all_items(tmp_path, bundle):
    document, path = _export(tmp_path, bundle, only_annotated=False)
    assert len(headings(document, 2)) == len(bundle.items)
    markers = sum(len(re.findall(r"\[\^\d+\]", it.question + it.answer)) for it in bundle.items)
    refs = re.findall(r"<w:footnoteReference ", part_xml(path, "word/document.xml"))
    assert markers and len(refs) == markers


def test_two_documents_in_one_briefing(tmp_path, hand_bundle):
    from export_helpers import build_bundle

    other = build_bundle(use_parser=False)
    other.document.dossier, other.document.ondernummer = "21 501-02", "2700"
    other.document.kamerstuk = "21 501-02, nr. 2700"
    opts = BriefingOptions(kind="technisch", author="A")
    path = export_briefing([hand_bundle, other], opts, tmp_path)
    assert path.name.endswith("Technische briefing 30821-196 + 21501-02-2700.docx")
    document = docx.Document(str(path))
    h2 = headings(document, 2)
    assert any(h.startswith("Vraag 1 · VVD · 30821-196 · ") for h in h2)
    assert any(h.startswith("Vraag 1 · VVD · 21501-02-2700 · ") for h in h2)
    assert "Kamerstuk 21 501-02, nr. 2700" in document.core_properties.keywords
    assert document.core_properties.title == ("Technische briefing: Verslag van een schriftelijk overleg over "
                                              "strategische afhankelijkheden")  # one subject, not twice


def test_stale_offsets_follow_the_quote_or_are_not_shaded(tmp_path, hand_bundle):
    item2 = next(it for it in hand_bundle.items if it.number == 2)
    moved = next(h for h in hand_bundle.highlights if h.item_id == item2.id)
    moved.start, moved.end = 0, len(moved.exact)  # offsets point at the wrong words now
    lost = next(h for h in hand_bundle.highlights if h.item_id != item2.id and Level(h.level) is Level.INTERN)
    lost.exact = "een zin die niet in de tekst staat"
    document, _ = _export(tmp_path, hand_bundle)
    segments = _shaded_segments(document)
    assert any(t == moved.exact and f for t, f in segments)
    assert not any(f and t == item2.answer[:len(moved.exact)] for t, f in segments)
    assert not any(f and t == lost.exact for t, f in segments)
    texts = [t for _s, t in paragraphs(document)]
    assert f"“{lost.exact}” (Grondstoffen en (fossiele) energie; niet teruggevonden in de tekst)" in texts


def test_tables_fit_the_page_and_rows_never_split(tmp_path, bundle):
    document, path = _export(tmp_path, bundle, ceiling=Level.VERTROUWELIJK)
    xml = part_xml(path, "word/document.xml")
    section = document.sections[0]
    text_width = (section.page_width - section.left_margin - section.right_margin) / 635  # EMU -> twips
    tables = re.findall(r"<w:tbl>.*?</w:tbl>", xml, re.S)
    assert tables  # title page facts, legend, the Markdown table of a note
    for tbl in tables:
        width = sum(int(w) for w in re.findall(r'<w:gridCol w:w="(\d+)"', tbl))
        assert width <= text_width + 1
        assert '<w:tblLayout w:type="fixed"/>' in tbl
        rows = re.findall(r"<w:tr>.*?</w:tr>", tbl, re.S)
        assert rows and all("<w:cantSplit/>" in r for r in rows)
        assert max(len(re.findall(r"<w:tc>", r)) for r in rows) <= 3  # readable on a phone


def test_headings_and_labels_keep_with_what_follows(tmp_path, bundle):
    document, _ = _export(tmp_path, bundle)
    for name in ("Heading 1", "Heading 2", "Briefer Label", "Briefer Meta"):
        assert document.styles[name].paragraph_format.keep_with_next, name


def _kamervragen_bundle():
    from export_helpers import build_bundle

    from briefer.model import Person

    b = build_bundle(use_parser=False)
    d = b.document
    d.doc_type, d.kamerstuk, d.dossier, d.ondernummer = "kamervragen", None, None, None
    d.identifier = "ah-tk-20232024-1314"
    d.title = "het bericht «Kritiek op besluit provincie Friesland tegen actief regenboogbeleid»"
    d.asked_by = [Person("Mutluer", "GroenLinks-PvdA"), Person("Kostić", "PvdD")]
    d.answered_by = "Minister Dijkgraaf (Onderwijs, Cultuur en Wetenschap)"
    d.date_sent, d.date_received, d.vergaderjaar = "2024-03-06", "2024-03-25", "2023–2024"
    for it in b.items:
        it.party = None
    return b


def test_kamervragen_show_askers_minister_dates_and_identifier_on_the_first_page(tmp_path):
    b = _kamervragen_bundle()
    document, path = _export(tmp_path, b)
    facts = {row[0]: row[1] for row in tables_text(document)[0]}
    assert facts["Vragen van"] == "Mutluer (GroenLinks-PvdA), Kostić (PvdD)"
    assert facts["Beantwoord door"] == "Minister Dijkgraaf (Onderwijs, Cultuur en Wetenschap)"
    assert facts["Ingezonden"] == "6 maart 2024" and facts["Beantwoord"] == "25 maart 2024"
    assert facts["Stuk"] == "ah-tk-20232024-1314 (Antwoorden op Kamervragen)"
    subtitle = next(t for s, t in paragraphs(document) if s == "Subtitle")
    assert subtitle.startswith("Vragen over het bericht «Kritiek op besluit")
    xml = part_xml(path, "word/document.xml")
    first_break = xml.index('<w:br w:type="page"/>')
    assert xml.index("Mutluer (GroenLinks-PvdA)") < first_break  # on the first page
    from export_helpers import audit

    audit(path)


def test_kamervragen_kamerlidbriefing_quotes_the_minister(tmp_path):
    b = _kamervragen_bundle()
    path = export_briefing([b], BriefingOptions(kind="kamerlid"), tmp_path / "k.docx")
    document = docx.Document(str(path))
    head = {row[0]: row[1] for row in tables_text(document)[0]}
    assert "Mutluer (GroenLinks-PvdA), Kostić (PvdD)" in head["Stuk"] and "Minister Dijkgraaf" in head["Stuk"]
    quotes = [t for s, t in paragraphs(document) if s == "Quote" and re.match(r"\w+: “", t)]
    assert len(quotes) >= 3 and all(q.startswith("Minister: “") for q in quotes)


def test_legend_and_properties_name_only_domains_within_the_ceiling(tmp_path, hand_bundle):
    """A domain named after a confidential matter, used only by vertrouwelijk material, stays out."""
    from briefer.model import Domain, Highlight

    secret = Domain(id="geheim", name="Project Zwaluw ZQX-DOMAIN-8812", colour="#123456", position=9)
    hand_bundle.domains.append(secret)
    item2 = next(it for it in hand_bundle.items if it.number == 2)
    hand_bundle.highlights.append(Highlight(id="hz", item_id=item2.id, field="answer", start=0, end=9,
                                            exact=item2.answer[:9], domain_id=secret.id, level=Level.VERTROUWELIJK))
    from export_helpers import all_parts_text

    for kind in ("technisch", "kamerlid"):
        low = export_briefing([hand_bundle], BriefingOptions(kind=kind, ceiling=Level.INTERN, by="domain"),
                              tmp_path / f"{kind}-intern.docx")
        assert not any("ZQX-DOMAIN-8812" in t for t in all_parts_text(low).values()), kind
        high = export_briefing([hand_bundle], BriefingOptions(kind=kind, ceiling=Level.VERTROUWELIJK, by="domain"),
                               tmp_path / f"{kind}-geheim.docx")
        assert any("ZQX-DOMAIN-8812" in t for t in all_parts_text(high).values()), kind
    legend_doc = docx.Document(str(tmp_path / "technisch-intern.docx"))
    legend = [row[1] for t in tables_text(legend_doc)[1:2] for row in t]
    assert legend and all(name in {d.name for d in hand_bundle.domains} for name in legend)


def test_few_questions_are_named_by_what_was_asked(tmp_path, samples_dir):
    """Kamervragen (six answers): TOC entries read as the question's key phrase, as in the app's outline,
    not two 'distinctive' words of a document too small to have any."""
    from export_helpers import audit

    from briefer.annotate import Annotations
    from briefer.importer import import_file
    from briefer.store import Store

    with Store.open(tmp_path / "kv.db") as store:
        doc = import_file(store, samples_dir / "kv-docx-lahlah-chakor-boa.docx").document
        bundle = Annotations(store).bundle(doc.id)
    path = export_briefing([bundle], BriefingOptions(kind="technisch", only_annotated=False), tmp_path / "kv.docx")
    audit(path)
    toc = [t for s, t in paragraphs(docx.Document(str(path))) if s == "toc 2"]
    assert any("Hoeveel boa’s dragen in Nederland een hoofddoek" in t for t in toc), toc
    assert all(len(t.rsplit("\t", 1)[0]) <= 80 for t in toc)
