"""Generate resources/template.docx, the house reference template of Briefer's briefings.

Run: .venv/bin/python scripts/make_template.py [OUT]. It starts from python-docx's blank document,
replaces the styles a briefing uses with the house definitions (Verdana, 10 pt body text, dark-blue
headings, footnote and TOC styles, table grid, Dutch as the language), sets A4 with the house
margins, puts "Pagina X van Y" in the footer, and scrubs every trace of python-docx's own template (author, description, rsids, custom
XML, thumbnail) so the committed file carries nothing but styles.
"""

from __future__ import annotations

import sys
from pathlib import Path

import docx
from docx.shared import Cm

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from briefer.export.ooxml import LANGUAGE, w  # noqa: E402
from briefer.export.package import DocxWriter, page_number_paragraph  # noqa: E402
from briefer.export.styles import HOUSE_FONT, ensure_language, ensure_styles  # noqa: E402


def build(out: Path) -> Path:
    doc = docx.Document()
    styles = doc.styles.element
    ids = ensure_styles(styles, replace=True)
    # document defaults: the house font everywhere, not the theme's
    rpr_default = styles.find(f"{w('docDefaults')}/{w('rPrDefault')}/{w('rPr')}")
    if rpr_default is not None:
        fonts = rpr_default.find(w("rFonts"))
        if fonts is not None:
            rpr_default.remove(fonts)
        f = rpr_default.makeelement(w("rFonts"), {})
        for k in ("ascii", "hAnsi", "cs", "eastAsia"):
            f.set(w(k), HOUSE_FONT)
        rpr_default.insert(0, f)
    ensure_language(styles, LANGUAGE)  # Dutch spelling check, in the defaults and every style
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    section.left_margin = section.right_margin = Cm(2.5)
    section.top_margin, section.bottom_margin = Cm(2.5), Cm(2.2)
    section.header_distance = section.footer_distance = Cm(1.2)
    footer = section.footer
    footer.is_linked_to_previous = False
    for p in list(footer._element):
        footer._element.remove(p)
    footer._element.append(page_number_paragraph(ids["footer"]))  # "Pagina X van Y"
    header = section.header
    header.is_linked_to_previous = False
    tmp = out.with_suffix(".tmp.docx")
    doc.save(str(tmp))
    # a second pass through the writer: same scrubbing and properties as every briefing
    writer = DocxWriter(tmp)
    data = writer.finish(title="", subject="", author="", keywords="", category="")
    tmp.unlink()
    out.write_bytes(data)
    return out


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "resources" / "template.docx"
    print(build(target))
