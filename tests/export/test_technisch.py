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


def test_title_page_and_real_toc_field(tmp_path, bundle):
    document, path = _export(tmp_path, bundle)
    assert [t for s, t in paragraphs(document) if s == "Title"] == ["Technische briefing"]
    xml = part_xml(path, "word/document.xml")
    assert re.search(r"<w:instrText[^>]*>\s*TOC \\o &quot;1-2&quot;|<w:instrText[^>]*>\s*TOC \\o \"1-2\"", xml)
    assert 'w:fldCharType="begin"' in xml and 'w:fldCharType="end"' in xml
    # the cached TOC lists the party and item headings, linked to their bookmarks
    toc = [t for s, t in paragraphs(document) if s == "toc 2"]
    assert toc and toc[0].startswith("Vraag 1 · VVD")
    anchors = set(re.findall(r'w:anchor="([^"]+)"', xml))
    bookmarks = set(re.findall(r'<w:bookmarkStart [^>]*w:name="([^"]+)"', xml))
    assert anchors and anchors <= bookmarks


def test_items_grouped_per_party_with_full_text_and_page_references(tmp_path, bundle):
    document, _ = _export(tmp_path, bundle)
    assert headings(document, 1) == ["Kern", "VVD", "D66"]
    h2 = headings(document, 2)
    assert h2[:3] == ["Vraag 1 · VVD", "Vraag 2 · VVD", "Vraag 3 · VVD"]
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
    table = next(t for t in tables_text(document) if t[0][0] == "Vervolgactie")
    assert table[0] == ["Vervolgactie", "Soort", "Eigenaar", "Status", "Termijn"]
    assert table[1][0] == "Voortgangsbrief eind van het jaar bewaken" and table[1][4] == "31 december 2026"


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
    assert "Vraag 1 · VVD · 30821-196" in h2 and "Vraag 1 · VVD · 21501-02-2700" in h2
    assert "Kamerstuk 21 501-02, nr. 2700" in document.core_properties.title


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
