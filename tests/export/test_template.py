"""The house template and an organisation's own template."""

from __future__ import annotations

import importlib.util

import docx
import pytest
from docx.shared import Cm
from export_helpers import W, headings

from briefer import paths
from briefer.export import BriefingOptions, ExportError, export_briefing
from briefer.export.styles import HOUSE_FONT, REQUIRED

TEMPLATE = paths.RESOURCES / "template.docx"


def _style_names(document) -> set[str]:
    return {s.name.lower() for s in document.styles}


def test_house_template_has_every_style_the_writers_use():
    document = docx.Document(str(TEMPLATE))
    assert {n.lower() for n in REQUIRED} <= _style_names(document)
    assert document.styles["Normal"].font.name == HOUSE_FONT
    section = document.sections[0]
    assert abs(section.left_margin - Cm(2.5)) < Cm(0.01) and abs(section.page_width - Cm(21)) < Cm(0.01)
    assert document.paragraphs == [] or all(not p.text for p in document.paragraphs)


def test_make_template_regenerates_it(tmp_path):
    spec = importlib.util.spec_from_file_location("make_template", paths.REPO_ROOT / "scripts" / "make_template.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    fresh = docx.Document(str(module.build(tmp_path / "t.docx")))
    committed = docx.Document(str(TEMPLATE))
    assert _style_names(fresh) == _style_names(committed)
    assert fresh.styles["Heading 1"].font.color.rgb == committed.styles["Heading 1"].font.color.rgb


def _organisation_template(path):
    """A Dutch Word-like template: heading 1 has style id 'Kop1', its own font, body text, a header."""
    document = docx.Document()
    styles = document.styles.element
    for s in styles.iterchildren(f"{W}style"):
        if s.get(f"{W}styleId") == "Heading1":
            s.set(f"{W}styleId", "Kop1")
        if s.get(f"{W}styleId") == "Heading2":
            s.set(f"{W}styleId", "Kop2")
    document.styles["Heading 1"].font.name = "Georgia"
    document.add_paragraph("ORG-TEMPLATE-BODY-TEXT")
    document.sections[0].header.paragraphs[0].text = "Organisatie X — briefing"
    document.save(str(path))
    return path


def test_organisation_template_styles_and_header_are_used(tmp_path, bundle):
    template = _organisation_template(tmp_path / "org.docx")
    path = export_briefing([bundle], BriefingOptions(kind="technisch", template=template), tmp_path / "b.docx")
    document = docx.Document(str(path))
    assert "ORG-TEMPLATE-BODY-TEXT" not in "\n".join(p.text for p in document.paragraphs)
    assert document.sections[0].header.paragraphs[0].text == "Organisatie X — briefing"
    h1 = [p for p in document.paragraphs if p.style.name == "Heading 1"]
    assert h1 and all(p.style.style_id == "Kop1" for p in h1)
    assert document.styles["Heading 1"].font.name == "Georgia"  # the organisation's style, not ours
    assert "briefer label" in _style_names(document)  # a missing style was created
    assert headings(document, 2)  # items still get headings (Kop2)


def test_bad_templates_are_dutch_errors(tmp_path, bundle):
    with pytest.raises(ExportError, match="bestaat niet"):
        export_briefing([bundle], BriefingOptions(template=tmp_path / "weg.docx"), tmp_path / "b.docx")
    broken = tmp_path / "kapot.docx"
    broken.write_text("geen zip")
    with pytest.raises(ExportError, match="kapot.docx is geen bruikbaar Word-bestand"):
        export_briefing([bundle], BriefingOptions(template=broken), tmp_path / "b.docx")


def test_previous_confidential_briefing_as_template_leaks_nothing(tmp_path, secret_bundle, bundle):
    from export_helpers import SECRET_MARKERS, all_parts_text

    from briefer.model import Level

    old = export_briefing([secret_bundle], BriefingOptions(kind="technisch", ceiling=Level.VERTROUWELIJK),
                          tmp_path / "oud.docx")
    assert any(SECRET_MARKERS["item_note"] in t for t in all_parts_text(old).values())
    new = export_briefing([bundle], BriefingOptions(kind="kamerlid", ceiling=Level.INTERN, template=old),
                          tmp_path / "nieuw.docx")
    parts = all_parts_text(new)
    for name, text in parts.items():
        assert not any(m in text for m in SECRET_MARKERS.values()), name
        assert "VERTROUWELIJK" not in text, name  # the old marking is not inherited either
        assert "tweedekamer.nl" not in text or name == "word/_rels/document.xml.rels", name
    assert "word/footnotes.xml" not in parts or "Kamerstuk 35 982" not in parts["word/footnotes.xml"]
    rels = parts["word/_rels/document.xml.rels"]
    linked = rels.count("TargetMode=\"External\"")
    body_links = parts["word/document.xml"].count("<w:hyperlink ")
    assert linked <= body_links  # no hyperlink relationship left over from the old body


def test_template_without_numbering_part_still_gets_lists(tmp_path, bundle):
    from docx.opc.constants import RELATIONSHIP_TYPE as RT

    template = docx.Document()
    for rid, rel in list(template.part.rels.items()):
        if rel.reltype == RT.NUMBERING:
            template.part.rels.pop(rid)
    bare = tmp_path / "kaal.docx"
    template.save(str(bare))
    assert "word/numbering.xml" not in __import__("zipfile").ZipFile(bare).namelist()
    path = export_briefing([bundle], BriefingOptions(kind="kamerlid", template=bare), tmp_path / "b.docx")
    document = docx.Document(str(path))
    bullets = [p for p in document.paragraphs if p._p.pPr is not None and p._p.pPr.numPr is not None]
    assert bullets and document.part.numbering_part.element.find(f"{W}abstractNum") is not None
