"""Core: the styles a briefing uses, found by name in the template, created when missing.

Styles are looked up by their *name* (Word's built-in names are lower case in styles.xml:
"heading 1", "footnote text"), never by id: a Dutch Word template calls the id of "heading 1"
`Kop1`. `scripts/make_template.py` writes these definitions into `resources/template.docx`;
an organisation's own template keeps its styles and only gets the ones it lacks.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from docx.oxml.parser import parse_xml

from briefer.export.ooxml import LANGUAGE, W_NS, w

if TYPE_CHECKING:
    from lxml.etree import _Element as Element

HOUSE_FONT = "Verdana"
HOUSE_BLUE = "154273"  # dark blue of the house style (headings, table headers)
HOUSE_GREY = "5A5A5A"
CONFIDENTIAL_RED = "B00000"

_RPR = '<w:rPr><w:rFonts w:ascii="{font}" w:hAnsi="{font}" w:cs="{font}"/>{extra}</w:rPr>'


def _heading(level: int, size: int, before: int, after: int, colour: str = HOUSE_BLUE) -> str:
    return (
        f'<w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before="{before}" w:after="{after}"/>'
        f'<w:outlineLvl w:val="{level - 1}"/></w:pPr>'
        + _RPR.format(font=HOUSE_FONT, extra=f'<w:b/><w:color w:val="{colour}"/><w:sz w:val="{size}"/>')
    )


# name -> (type, style id, basedOn name, next name, inner xml, uiPriority)
STYLE_DEFS: dict[str, tuple[str, str, str | None, str | None, str]] = {
    "Normal": ("paragraph", "Normal", None, None,
               '<w:pPr><w:spacing w:after="120" w:line="264" w:lineRule="auto"/></w:pPr>'
               + _RPR.format(font=HOUSE_FONT, extra='<w:sz w:val="20"/><w:szCs w:val="20"/><w:lang w:val="nl-NL"/>')),
    "Title": ("paragraph", "Title", "Normal", "Normal",
              '<w:pPr><w:spacing w:before="0" w:after="240"/></w:pPr>'
              + _RPR.format(font=HOUSE_FONT, extra=f'<w:b/><w:color w:val="{HOUSE_BLUE}"/><w:sz w:val="40"/>')),
    "Subtitle": ("paragraph", "Subtitle", "Normal", "Normal",
                 '<w:pPr><w:spacing w:after="240"/></w:pPr>'
                 + _RPR.format(font=HOUSE_FONT, extra=f'<w:color w:val="{HOUSE_GREY}"/><w:sz w:val="26"/>')),
    "heading 1": ("paragraph", "Heading1", "Normal", "Normal", _heading(1, 28, 360, 120)),
    "heading 2": ("paragraph", "Heading2", "Normal", "Normal", _heading(2, 22, 240, 80)),
    "heading 3": ("paragraph", "Heading3", "Normal", "Normal", _heading(3, 21, 200, 60)),
    "heading 4": ("paragraph", "Heading4", "Normal", "Normal", _heading(4, 20, 160, 40, HOUSE_GREY)),
    "heading 5": ("paragraph", "Heading5", "Normal", "Normal", _heading(5, 20, 120, 40, HOUSE_GREY)),
    "heading 6": ("paragraph", "Heading6", "Normal", "Normal", _heading(6, 20, 120, 40, HOUSE_GREY)),
    "Quote": ("paragraph", "Quote", "Normal", "Normal",
              '<w:pPr><w:pBdr><w:left w:val="single" w:sz="18" w:space="8" w:color="A0B4CC"/></w:pBdr>'
              '<w:ind w:left="360" w:right="360"/></w:pPr>'
              + _RPR.format(font=HOUSE_FONT, extra=f'<w:i/><w:color w:val="{HOUSE_GREY}"/>')),
    "List Paragraph": ("paragraph", "ListParagraph", "Normal", None,
                       '<w:pPr><w:spacing w:after="60"/><w:ind w:left="720"/><w:contextualSpacing/></w:pPr>'),
    "Table Grid": ("table", "TableGrid", None, None,
                   '<w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>'
                   '<w:tblPr><w:tblBorders>'
                   '<w:top w:val="single" w:sz="4" w:space="0" w:color="A0A0A0"/>'
                   '<w:left w:val="single" w:sz="4" w:space="0" w:color="A0A0A0"/>'
                   '<w:bottom w:val="single" w:sz="4" w:space="0" w:color="A0A0A0"/>'
                   '<w:right w:val="single" w:sz="4" w:space="0" w:color="A0A0A0"/>'
                   '<w:insideH w:val="single" w:sz="4" w:space="0" w:color="A0A0A0"/>'
                   '<w:insideV w:val="single" w:sz="4" w:space="0" w:color="A0A0A0"/>'
                   '</w:tblBorders><w:tblCellMar><w:left w:w="80" w:type="dxa"/><w:right w:w="80" w:type="dxa"/>'
                   '</w:tblCellMar></w:tblPr>'),
    "Hyperlink": ("character", "Hyperlink", None, None,
                  '<w:rPr><w:color w:val="0563C1"/><w:u w:val="single"/></w:rPr>'),
    "footnote text": ("paragraph", "FootnoteText", "Normal", None,
                      '<w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>'
                      '<w:rPr><w:sz w:val="16"/><w:szCs w:val="16"/></w:rPr>'),
    "footnote reference": ("character", "FootnoteReference", None, None,
                           '<w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'),
    "TOC Heading": ("paragraph", "TOCHeading", "heading 1", "Normal",
                    '<w:pPr><w:outlineLvl w:val="9"/></w:pPr>'),
    "toc 1": ("paragraph", "TOC1", "Normal", "Normal",
              '<w:pPr><w:tabs><w:tab w:val="right" w:leader="dot" w:pos="9000"/></w:tabs>'
              '<w:spacing w:before="120" w:after="40"/></w:pPr><w:rPr><w:b/></w:rPr>'),
    "toc 2": ("paragraph", "TOC2", "Normal", "Normal",
              '<w:pPr><w:tabs><w:tab w:val="right" w:leader="dot" w:pos="9000"/></w:tabs>'
              '<w:spacing w:after="20"/><w:ind w:left="220"/></w:pPr>'),
    "header": ("paragraph", "Header", "Normal", None,
               '<w:pPr><w:tabs><w:tab w:val="center" w:pos="4536"/><w:tab w:val="right" w:pos="9072"/></w:tabs>'
               '<w:spacing w:after="0"/></w:pPr><w:rPr><w:sz w:val="16"/><w:szCs w:val="16"/></w:rPr>'),
    "footer": ("paragraph", "Footer", "Normal", None,
               '<w:pPr><w:tabs><w:tab w:val="center" w:pos="4536"/><w:tab w:val="right" w:pos="9072"/></w:tabs>'
               '<w:spacing w:after="0"/></w:pPr><w:rPr><w:sz w:val="16"/><w:szCs w:val="16"/></w:rPr>'),
    "Briefer Label": ("paragraph", "BrieferLabel", "Normal", "Normal",
                      '<w:pPr><w:keepNext/><w:spacing w:before="120" w:after="40"/></w:pPr>'
                      f'<w:rPr><w:b/><w:caps/><w:color w:val="{HOUSE_BLUE}"/><w:sz w:val="16"/><w:szCs w:val="16"/></w:rPr>'),
    "Briefer Meta": ("paragraph", "BrieferMeta", "Normal", "Normal",
                     '<w:pPr><w:keepNext/><w:spacing w:after="80"/></w:pPr>'
                     f'<w:rPr><w:color w:val="{HOUSE_GREY}"/><w:sz w:val="18"/><w:szCs w:val="18"/></w:rPr>'),
    "Briefer Tabeltekst": ("paragraph", "BrieferTabeltekst", "Normal", None,
                           '<w:pPr><w:spacing w:before="20" w:after="20" w:line="240" w:lineRule="auto"/></w:pPr>'
                           '<w:rPr><w:sz w:val="18"/><w:szCs w:val="18"/></w:rPr>'),
    "Briefer Code": ("paragraph", "BrieferCode", "Normal", None,
                     '<w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/><w:ind w:left="360"/></w:pPr>'
                     '<w:rPr><w:rFonts w:ascii="Courier New" w:hAnsi="Courier New" w:cs="Courier New"/>'
                     '<w:sz w:val="18"/></w:rPr>'),
    "Briefer Rubricering": ("paragraph", "BrieferRubricering", "Normal", None,
                            '<w:pPr><w:spacing w:after="0"/><w:jc w:val="center"/></w:pPr>'
                            f'<w:rPr><w:b/><w:color w:val="{CONFIDENTIAL_RED}"/><w:spacing w:val="20"/>'
                            '<w:sz w:val="18"/></w:rPr>'),
}

REQUIRED = list(STYLE_DEFS)


def style_xml(name: str, style_id: str) -> str:
    kind, _sid, based, nxt, inner = STYLE_DEFS[name]
    parts = [f'<w:style xmlns:w="{W_NS}" w:type="{kind}" w:styleId="{style_id}"'
             + (' w:default="1"' if name == "Normal" else "") + f'><w:name w:val="{name}"/>']
    if based:
        parts.append(f'<w:basedOn w:val="{STYLE_DEFS[based][1]}"/>')
    if nxt:
        parts.append(f'<w:next w:val="{STYLE_DEFS[nxt][1]}"/>')
    parts.append('<w:qFormat/>')
    parts.append(inner)
    parts.append("</w:style>")
    return "".join(parts)


def _names(styles_el) -> dict[str, tuple[str, str]]:
    """lower-case style name -> (style id, type)."""
    out: dict[str, tuple[str, str]] = {}
    for s in styles_el.iterchildren(w("style")):
        name_el = s.find(w("name"))
        if name_el is None:
            continue
        out[name_el.get(w("val"), "").lower()] = (s.get(w("styleId"), ""), s.get(w("type"), ""))
    return out


def ensure_styles(styles_el: Element, *, replace: bool = False) -> dict[str, str]:
    """Make sure every style of STYLE_DEFS exists in `styles_el` (w:styles); return name -> id.

    With `replace` (the template generator) our definitions replace same-named styles.
    """
    existing = _names(styles_el)
    ids = {sid for sid, _t in existing.values()}
    result: dict[str, str] = {}
    for name, (_kind, sid, based, _nxt, _inner) in STYLE_DEFS.items():
        key = name.lower()
        if key in existing and not replace:
            result[name] = existing[key][0]
            continue
        if key in existing and replace:
            for s in list(styles_el.iterchildren(w("style"))):
                n = s.find(w("name"))
                if n is not None and n.get(w("val"), "").lower() == key:
                    sid = s.get(w("styleId")) or sid
                    styles_el.remove(s)
        elif sid in ids:
            sid = f"Briefer{sid}"
        elem = parse_xml(style_xml(name, sid))
        if based and based in result and result[based] != STYLE_DEFS[based][1]:
            elem.find(w("basedOn")).set(w("val"), result[based])
        styles_el.append(elem)
        ids.add(sid)
        result[name] = sid
    return result


def ensure_language(styles_el: Element, language: str = LANGUAGE) -> None:
    """Make `language` the document's language: in the defaults and in every style naming one.

    An organisation's template written in an English Word says en-US in its defaults and styles;
    a Dutch briefing must be spell-checked in Dutch. Only w:val (the Latin-script language) changes.
    """
    defaults = styles_el.find(w("docDefaults"))
    if defaults is None:
        defaults = styles_el.makeelement(w("docDefaults"), {})
        styles_el.insert(0, defaults)
    rpr_default = defaults.find(w("rPrDefault"))
    if rpr_default is None:
        rpr_default = defaults.makeelement(w("rPrDefault"), {})
        defaults.insert(0, rpr_default)
    rpr = rpr_default.find(w("rPr"))
    if rpr is None:
        rpr = rpr_default.makeelement(w("rPr"), {})
        rpr_default.append(rpr)
    if rpr.find(w("lang")) is None:
        lang = rpr.makeelement(w("lang"), {})
        follower = next((c for c in rpr if isinstance(c.tag, str) and c.tag.rsplit("}", 1)[-1]
                         in ("eastAsianLayout", "specVanish", "oMath")), None)
        if follower is not None:
            follower.addprevious(lang)
        else:
            rpr.append(lang)
    for lang in [rpr.find(w("lang")), *styles_el.iter(w("lang"))]:
        if lang is not None:
            lang.set(w("val"), language)
