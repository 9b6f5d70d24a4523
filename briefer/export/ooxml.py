"""Core: small, fast builders for WordprocessingML elements (paragraphs, runs, fields, tables).

Elements are made with python-docx's own lxml parser so they mix freely with python-docx objects,
but without its per-paragraph proxy machinery: a briefing of thousands of items stays fast.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from docx.oxml.parser import oxml_parser

if TYPE_CHECKING:
    from lxml.etree import _Element as Element

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"

LANGUAGE = "nl-NL"  # every run and style of a briefing is Dutch (spelling check, hyphenation)

_make = oxml_parser.makeelement
_TAGS: dict[str, str] = {}
# What XML 1.0 cannot hold (and Word refuses): C0 controls except tab/newline/CR, lone surrogates,
# U+FFFE/U+FFFF. A note pasted from a PDF or an e-mail may carry them; they are dropped, never fatal.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_text(text: str) -> str:
    """`text` without the characters XML cannot hold (control characters, lone surrogates)."""
    return _NOT_XML.sub("", text) if _NOT_XML.search(text) else text


def w(tag: str) -> str:
    """Clark name of a w: tag (cached)."""
    name = _TAGS.get(tag)
    if name is None:
        name = _TAGS[tag] = f"{{{W_NS}}}{tag}"
    return name


W_VAL = w("val")
_R, _RPR, _T, _LANG = w("r"), w("rPr"), w("t"), w("lang")


def el(tag: str, parent: Element | None = None, **attrs: str) -> Element:
    """A w: element with w: attributes, appended to `parent` when given."""
    e = _make(w(tag))
    for k, v in attrs.items():
        e.set(w(k), v)
    if parent is not None:
        parent.append(e)
    return e


def highlight_fill(colour: str | None) -> str:
    """The w:shd fill for a highlight in a domain's colour: the colour mixed half with white.

    Domain colours are chosen to be seen on screen; at full strength several (blue, red) make black
    text hard to read on paper, so the fill is the same hue at half strength (RRGGBB, no '#').
    """
    if not colour:
        return "FFF2A8"  # highlight without a domain: pale yellow
    c = colour.lstrip("#")
    if len(c) == 3:
        c = "".join(ch * 2 for ch in c)
    try:
        r, g, b = (int(c[i:i + 2], 16) for i in (0, 2, 4))
    except ValueError:
        return "FFF2A8"
    return "".join(f"{(x + 255) // 2:02X}" for x in (r, g, b))


def run(text: str, *, bold: bool = False, italic: bool = False, style: str | None = None,
        fill: str | None = None, superscript: bool = False, mono: bool = False,
        colour: str | None = None, size: int | None = None, caps: bool = False) -> Element:
    """A w:r with one w:t (newlines become w:br, tabs w:tab); text XML cannot hold is dropped.

    Every run says it is Dutch (w:lang), so an organisation's template with another default
    language still gets a Dutch spelling check.
    """
    r = _make(_R)
    rpr = _make(_RPR)
    r.append(rpr)
    if bold or italic or style or fill or superscript or mono or colour or size or caps:
        if style:
            el("rStyle", rpr, val=style)
        if mono:
            el("rFonts", rpr, ascii="Courier New", hAnsi="Courier New", cs="Courier New")
        if bold:
            el("b", rpr)
        if italic:
            el("i", rpr)
        if caps:
            el("caps", rpr)
        if colour:
            el("color", rpr, val=colour)
        if size:
            el("sz", rpr, val=str(size))
            el("szCs", rpr, val=str(size))
        if fill:
            el("shd", rpr, val="clear", color="auto", fill=fill)
        if superscript:
            el("vertAlign", rpr, val="superscript")
    lang = _make(_LANG)
    lang.set(W_VAL, LANGUAGE)
    rpr.append(lang)
    text = xml_text(text)
    if "\n" not in text and "\t" not in text:  # the common case
        _add_text(r, text)
        return r
    for i, line in enumerate(text.split("\n")):
        if i:
            el("br", r)
        for j, chunk in enumerate(line.split("\t")):
            if j:
                el("tab", r)
            _add_text(r, chunk)
    return r


def _add_text(r: Element, text: str) -> None:
    if text:
        t = _make(_T)
        t.text = text
        t.set(XML_SPACE, "preserve")
        r.append(t)


def paragraph(style: str | None = None, runs: Iterable[Element] = (), *, num: tuple[int, int] | None = None,
              keep_next: bool = False, align: str | None = None, page_break_before: bool = False,
              indent: int | None = None, sect: Element | None = None, keep_lines: bool = False,
              spacing: tuple[int, int] | None = None) -> Element:
    """A w:p with an optional style id, numbering (numId, ilvl), spacing (before, after in twips)
    and the given run elements."""
    p = _make(w("p"))
    if (style or num or keep_next or align or page_break_before or indent is not None or sect is not None
            or keep_lines or spacing):
        ppr = el("pPr", p)
        if style:
            el("pStyle", ppr, val=style)
        if keep_next:
            el("keepNext", ppr)
        if keep_lines:
            el("keepLines", ppr)
        if page_break_before:
            el("pageBreakBefore", ppr)
        if num:
            numpr = el("numPr", ppr)
            el("ilvl", numpr, val=str(num[1]))
            el("numId", numpr, val=str(num[0]))
        if spacing:
            el("spacing", ppr, before=str(spacing[0]), after=str(spacing[1]))
        if indent is not None:
            el("ind", ppr, left=str(indent))
        if align:
            el("jc", ppr, val=align)
        if sect is not None:
            ppr.append(sect)
    for r in runs:
        p.append(r)
    return p


def page_break() -> Element:
    r = _make(w("r"))
    el("br", r, type="page")
    return paragraph(None, [r])


def field_runs(instruction: str, cached: Iterable[Element] = ()) -> list[Element]:
    """Runs of a complex field: begin, instruction, separate, cached result runs, end."""
    out = []
    r = _make(w("r"))
    el("fldChar", r, fldCharType="begin", dirty="true")
    out.append(r)
    r = _make(w("r"))
    t = el("instrText", r)
    t.text = f" {instruction} "
    t.set(XML_SPACE, "preserve")
    out.append(r)
    r = _make(w("r"))
    el("fldChar", r, fldCharType="separate")
    out.append(r)
    out.extend(cached)
    r = _make(w("r"))
    el("fldChar", r, fldCharType="end")
    out.append(r)
    return out


def footnote_reference(style: str, footnote_id: int) -> Element:
    r = _make(w("r"))
    rpr = el("rPr", r)
    el("rStyle", rpr, val=style)
    el("footnoteReference", r, id=str(footnote_id))
    return r


def bookmark(p: Element, name: str, ident: int) -> None:
    """Wrap the content of paragraph `p` in a bookmark."""
    start = _make(w("bookmarkStart"))
    start.set(w("id"), str(ident))
    start.set(w("name"), name)
    end = _make(w("bookmarkEnd"))
    end.set(w("id"), str(ident))
    ppr = p.find(w("pPr"))
    if ppr is not None:
        ppr.addnext(start)
    else:
        p.insert(0, start)
    p.append(end)


def hyperlink(runs: Iterable[Element], *, rid: str | None = None, anchor: str | None = None) -> Element:
    h = _make(w("hyperlink"))
    if rid:
        h.set(f"{{{R_NS}}}id", rid)
    if anchor:
        h.set(w("anchor"), anchor)
        h.set(w("history"), "1")
    for r in runs:
        h.append(r)
    return h


def fit_widths(widths: list[int], max_width: int | None) -> list[int]:
    """Column widths scaled down (never up) so the table is no wider than `max_width` twips."""
    total = sum(widths)
    if not max_width or total <= max_width:
        return list(widths)
    return [max(200, w_ * max_width // total) for w_ in widths]


def table(rows: list[list[list[Element]]], *, style: str | None, widths: list[int], header: bool = True,
          fills: list[list[str | None]] | None = None, max_width: int | None = None,
          borders: bool = True) -> Element:
    """A w:tbl; `rows` holds per cell a list of paragraph elements; widths in twentieths of a point.

    The layout is fixed (a long word or URL wraps instead of widening the table past the margin),
    the widths are scaled to `max_width`, and no row is split across two pages (w:cantSplit); a
    header row repeats on every page. `borders=False` draws none (a key/value block).
    """
    widths = fit_widths(widths, max_width)
    tbl = _make(w("tbl"))
    pr = el("tblPr", tbl)
    if style:
        el("tblStyle", pr, val=style)
    el("tblW", pr, w=str(sum(widths)), type="dxa")
    if not borders:
        b = el("tblBorders", pr)
        for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
            el(side, b, val="nil")
    el("tblLayout", pr, type="fixed")
    el("tblLook", pr, val="04A0", firstRow="1" if header else "0", lastRow="0",
       firstColumn="0", lastColumn="0", noHBand="0", noVBand="1")
    grid = el("tblGrid", tbl)
    for wd in widths:
        el("gridCol", grid, w=str(wd))
    for ri, cells in enumerate(rows):
        tr = el("tr", tbl)
        trpr = el("trPr", tr)
        el("cantSplit", trpr)
        if header and ri == 0:
            el("tblHeader", trpr)
        for ci, paras in enumerate(cells):
            tc = el("tc", tr)
            tcpr = el("tcPr", tc)
            el("tcW", tcpr, w=str(widths[ci] if ci < len(widths) else widths[-1]), type="dxa")
            fill = fills[ri][ci] if fills and ri < len(fills) and ci < len(fills[ri]) else None
            if fill:
                el("shd", tcpr, val="clear", color="auto", fill=fill)
            for p in paras or [paragraph()]:
                tc.append(p)
    return tbl
