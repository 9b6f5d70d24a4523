"""Markdown notes become real Word formatting; no Markdown symbols survive."""

from __future__ import annotations

import io
import re

import docx
import pytest
from export_helpers import RICH_NOTE, W

from briefer.export.markdown_docx import add_markdown
from briefer.export.package import DocxWriter


def _render(text: str, tmp_path):
    wr = DocxWriter()
    add_markdown(wr, text, heading_base=3)
    data = wr.finish(title="t", subject="s", author="a", keywords="", category="")
    path = tmp_path / "md.docx"
    path.write_bytes(data)
    return docx.Document(io.BytesIO(data)), path


@pytest.fixture
def rich(tmp_path):
    return _render(RICH_NOTE, tmp_path)


def test_heading_bold_italic(rich):
    document, _ = rich
    heading = document.paragraphs[0]
    assert heading.text == "Duiding" and heading.style.name == "Heading 4"  # "##" under heading_base 3
    runs = document.paragraphs[1].runs
    assert any(r.bold and r.text == "geen termijn" for r in runs)
    assert any(r.italic and r.text == "tijdlijn" for r in runs)


def _numbering(document):
    return document.part.numbering_part.element


def _list_paras(document):
    out = []
    for p in document.paragraphs:
        numpr = p._p.pPr.numPr if p._p.pPr is not None else None
        if numpr is not None:
            out.append((p.text, int(numpr.ilvl.val), int(numpr.numId.val)))
    return out


def _format_of(document, num_id: int, ilvl: int) -> str:
    root = _numbering(document)
    num = next(n for n in root.iterchildren(f"{W}num") if n.get(f"{W}numId") == str(num_id))
    abstract_id = num.find(f"{W}abstractNumId").get(f"{W}val")
    abstract = next(a for a in root.iterchildren(f"{W}abstractNum") if a.get(f"{W}abstractNumId") == abstract_id)
    lvl = next(lv for lv in abstract.iterchildren(f"{W}lvl") if lv.get(f"{W}ilvl") == str(ilvl))
    return lvl.find(f"{W}numFmt").get(f"{W}val")


def test_nested_and_numbered_lists(rich):
    document, _ = rich
    items = _list_paras(document)
    assert [(t, lvl) for t, lvl, _n in items] == [
        ("Eerste punt met code", 0), ("genest punt", 1), ("dieper genest", 2), ("Tweede punt", 0),
        ("Vraag in het debat", 0), ("Motie overwegen", 0)]
    assert _format_of(document, items[0][2], 0) == "bullet"
    assert _format_of(document, items[4][2], 0) == "decimal"
    code_run = next(r for p in document.paragraphs for r in p.runs if r.text == "code")
    assert "Courier" in (code_run.font.name or "")


def test_each_numbered_list_restarts(tmp_path):
    document, _ = _render("1. een\n2. twee\n\nTussentekst\n\n1. weer een\n", tmp_path)
    items = _list_paras(document)
    assert len(items) == 3
    assert items[0][2] == items[1][2] != items[2][2]


def test_links_are_real_hyperlinks(rich):
    document, path = rich
    links = document.element.body.findall(f".//{W}hyperlink")
    assert len(links) == 1
    rid = links[0].get("{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id")
    rel = document.part.rels[rid]
    assert rel.is_external and rel.target_ref == "https://www.tweedekamer.nl/kamerstukken/30821-181"
    assert "".join(t.text for t in links[0].iter(f"{W}t")) == "de Kamerbrief"


def test_blockquote_and_table(rich):
    document, _ = rich
    quote = next(p for p in document.paragraphs if p.style.name == "Quote")
    assert quote.text == "Het kabinet kan sturen maar het bedrijfsleven moet het doen."
    table = document.tables[0]
    assert [[c.text for c in row.cells] for row in table.rows] == [
        ["Onderwerp", "Termijn"], ["TNO-onderzoek", "oktober 2023"], ["OESO", "eind 2023"]]
    assert table.rows[0].cells[0].paragraphs[0].runs[0].bold


def test_no_markdown_symbols_survive(rich):
    _, path = rich
    import zipfile

    xml = zipfile.ZipFile(path).read("word/document.xml").decode()
    text = "".join(re.findall(r"<w:t[^>]*>([^<]*)</w:t>", xml))
    for symbol in ("**", "##", "](", "|", "`", "&gt; ", "- Eerste", "1. Vraag"):
        assert symbol not in text, symbol


def test_two_space_nesting_is_understood(tmp_path):
    document, _ = _render("- a\n  - b\n- c\n", tmp_path)
    assert [(t, lvl) for t, lvl, _n in _list_paras(document)] == [("a", 0), ("b", 1), ("c", 0)]


def test_unsafe_links_stay_text(tmp_path):
    document, _ = _render("[klik](javascript:alert(1)) en [map](file:///home/x)", tmp_path)
    assert document.element.body.findall(f".//{W}hyperlink") == []
    assert document.paragraphs[0].text == "klik en map"


def test_each_note_is_converted_once_per_briefing(tmp_path, bundle, monkeypatch):
    """Issue 16: the Kamerlidbriefing is laid out at several levels of detail, a note may show more
    than once; python-markdown and the HTML walk still run once per distinct note."""
    from collections import Counter

    from briefer.export import BriefingOptions, export_briefing, kamerlid, markdown_docx
    from briefer.model import Note

    domains = sorted(bundle.domains, key=lambda d: d.position)
    for it in bundle.items:  # every answer in two domains, with a note of its own
        bundle.item_domains[it.id] = [domains[0].id, domains[1].id]
        bundle.notes.append(Note(id=f"n{it.number}", document_id=it.document_id, item_id=it.id,
                                 body=f"- punt **{it.number}**\n- nog een punt"))
    markdown_docx.to_html.cache_clear()
    fed: Counter[str] = Counter()
    real_feed = markdown_docx._Converter.feed
    monkeypatch.setattr(markdown_docx._Converter, "feed", lambda self, data: (fed.update([data]), real_feed(self, data)))
    built = []

    class Counting(kamerlid.DocxWriter):
        def __init__(self, *a, **kw):
            super().__init__(*a, **kw)
            built.append(self)

    monkeypatch.setattr(kamerlid, "DocxWriter", Counting)
    path = export_briefing([bundle], BriefingOptions(kind="kamerlid"), tmp_path / "k.docx")
    assert len(built) >= 2  # laid out more than once
    assert fed and max(fed.values()) == 1
    assert markdown_docx.to_html.cache_info().misses == len(fed)
    # every copy got lists of its own: numbering restarts per note
    document = docx.Document(str(path))
    ids = [p._p.pPr.numPr.numId.val for p in document.paragraphs if p.text.startswith("punt ")]
    assert len(ids) == len(set(ids)) >= 2
