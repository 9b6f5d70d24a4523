"""Core: an estimate of how a briefing falls into pages, without a word processor.

Good enough to tell a staffer "about 2 pages" before saving, to let the Kamerlidbriefing choose how
much detail fits on two pages, and to give the table of contents page numbers a reader sees before
Word or LibreOffice recomputes them. It walks the body as written (paragraph styles resolved through
`w:basedOn`, numbering indents, tables row by row, rows never split, keep-with-next chains, page and
section breaks, footnotes at the foot of their page) and measures text with the character widths of
the sans-serif house font (Verdana, or DejaVu Sans where LibreOffice substitutes it). It errs
on the long side: words wrap, so each line loses half a word.
"""

from __future__ import annotations

import math
import unicodedata
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from briefer.export.ooxml import w

if TYPE_CHECKING:
    from lxml.etree import _Element as Element

# Advance widths of Verdana / DejaVu Sans (near enough alike), in em, by class of character.
_CLASSES = {
    "\x01": (" ", 0.318),
    "\x02": ("ijlftr'’,.:;!|()[]-·I/", 0.34),
    "\x03": ("mwMW…%@", 0.93),
    "\x04": ("ABCDEFGHJKLNOPQRSTUVXYZ&", 0.70),
}
_OTHER_EM = 0.61  # lower-case letters, digits and the rest


def _class_table() -> dict[int, str]:
    table: dict[int, str] = {}
    for cls, (chars, _em) in _CLASSES.items():
        for ch in chars:
            table[ord(ch)] = cls
    for code in range(0xC0, 0x250):  # accented Latin letters measure as their base letter
        base = unicodedata.normalize("NFD", chr(code))[0]
        if ord(base) in table:
            table[code] = table[ord(base)]
    return table


_TABLE = _class_table()
_DELTAS = [(cls, em - _OTHER_EM) for cls, (_chars, em) in _CLASSES.items()]


def text_em(text: str) -> float:
    """The width of `text` in em of the house font (character classes, not a full metrics table).

    Control characters never reach a run's text (`ooxml.xml_text`), so they can mark the classes.
    """
    marked = text.translate(_TABLE)
    width = len(text) * _OTHER_EM
    for cls, delta in _DELTAS:
        width += marked.count(cls) * delta
    return width


BOLD = 1.07
LINE_EM = 1.19  # line height of the house font at single spacing, in em (DejaVu Sans 1.164, Verdana 1.215)
WRAP_LOSS = 1.5  # em a wrapped line loses at its end, on average (half a word)
FOOTNOTE_SEPARATOR = 14.0  # points
_W_VAL = w("val")
_P, _TBL, _T, _BR, _TAB, _RPR, _PPR = w("p"), w("tbl"), w("t"), w("br"), w("tab"), w("rPr"), w("pPr")
_BOOKMARK, _FNREF, _NAME, _ID, _TYPE = w("bookmarkStart"), w("footnoteReference"), w("name"), w("id"), w("type")


@dataclass
class ParaStyle:
    """Core: the resolved paragraph properties the estimate needs (sizes in points)."""

    size: float = 10.0
    bold: bool = False
    before: float = 0.0
    after: float = 0.0
    line: float = 1.0  # multiple of single spacing ("auto"), or points when `exact`
    exact: bool = False
    left: float = 0.0
    right: float = 0.0
    keep_next: bool = False
    contextual: bool = False


@dataclass
class Layout:
    """Core: the estimate: page count and the page each bookmark (TOC anchor) starts on."""

    pages: int
    bookmarks: dict[str, int] = field(default_factory=dict)
    last_page_fill: float = 0.0  # 0..1, how full the last page is


def _twips(value: str | None, default: float = 0.0) -> float:
    try:
        return int(value) / 20.0 if value is not None else default
    except ValueError:
        return default


class Styles:
    """Core: paragraph styles of a styles part, resolved through basedOn (cached per style id)."""

    def __init__(self, styles_el: Element | None) -> None:
        self._by_id: dict[str, Element] = {}
        self._cache: dict[str | None, ParaStyle] = {}
        self._default_pid: str | None = None
        self._base = ParaStyle()
        if styles_el is None:
            return
        for s in styles_el.iterchildren(w("style")):
            sid = s.get(w("styleId"))
            if sid:
                self._by_id[sid] = s
                if s.get(w("type")) == "paragraph" and s.get(w("default")) in ("1", "true"):
                    self._default_pid = sid
        defaults = styles_el.find(w("docDefaults"))
        if defaults is not None:
            self._apply(self._base, defaults.find(f"{w('pPrDefault')}/{w('pPr')}"),
                        defaults.find(f"{w('rPrDefault')}/{w('rPr')}"))

    @staticmethod
    def _apply(ps: ParaStyle, ppr: Element | None, rpr: Element | None) -> None:
        if ppr is not None:
            sp = ppr.find(w("spacing"))
            if sp is not None:
                ps.before = _twips(sp.get(w("before")), ps.before)
                ps.after = _twips(sp.get(w("after")), ps.after)
                if sp.get(w("line")) is not None:
                    rule = sp.get(w("lineRule"), "auto")
                    ps.exact = rule in ("exact", "atLeast")
                    ps.line = _twips(sp.get(w("line"))) if ps.exact else int(sp.get(w("line"))) / 240
            ind = ppr.find(w("ind"))
            if ind is not None:
                ps.left = _twips(ind.get(w("left")) or ind.get(w("start")), ps.left)
                ps.right = _twips(ind.get(w("right")) or ind.get(w("end")), ps.right)
            if ppr.find(w("keepNext")) is not None:
                ps.keep_next = ppr.find(w("keepNext")).get(_W_VAL) not in ("0", "false")
            if ppr.find(w("contextualSpacing")) is not None:
                ps.contextual = True
        if rpr is not None:
            sz = rpr.find(w("sz"))
            if sz is not None and sz.get(_W_VAL):
                ps.size = int(sz.get(_W_VAL)) / 2
            b = rpr.find(w("b"))
            if b is not None:
                ps.bold = b.get(_W_VAL) not in ("0", "false")

    def get(self, style_id: str | None) -> ParaStyle:
        sid = style_id or self._default_pid
        found = self._cache.get(sid)
        if found is not None:
            return found
        chain: list[Element] = []
        seen: set[str] = set()
        cur = sid
        while cur and cur in self._by_id and cur not in seen:
            seen.add(cur)
            el = self._by_id[cur]
            chain.append(el)
            based = el.find(w("basedOn"))
            cur = based.get(_W_VAL) if based is not None else None
        ps = ParaStyle(**vars(self._base))
        for el in reversed(chain):
            self._apply(ps, el.find(w("pPr")), el.find(w("rPr")))
        self._cache[sid] = ps
        return ps


_PSTYLE, _NUMPR = w("pStyle"), w("numPr")


def _direct(p: Element, styles: Styles) -> ParaStyle:
    """A paragraph's style with its own direct formatting on top (the style alone when it has none)."""
    ppr = p.find(_PPR)
    if ppr is None:
        return styles.get(None)
    sid = None
    direct = False
    for child in ppr:
        if child.tag == _PSTYLE:
            sid = child.get(_W_VAL)
        else:
            direct = True
    base = styles.get(sid)
    if not direct:
        return base
    ps = ParaStyle(**vars(base))
    numpr = ppr.find(_NUMPR)
    if numpr is not None:
        ilvl = numpr.find(w("ilvl"))
        level = int(ilvl.get(_W_VAL, "0")) if ilvl is not None else 0
        ps.left = 18.0 * (level + 1)
    Styles._apply(ps, ppr, None)
    if ppr.find(w("keepNext")) is not None:
        ps.keep_next = True
    return ps


@dataclass
class _Para:
    """Core: what the estimator needs of one paragraph, gathered in one pass."""

    style: ParaStyle
    sid: str | None
    lines: int
    bookmarks: list[str]
    notes: list[str]  # footnote ids
    page_break: bool  # ends with a hard page break
    break_before: bool
    section_end: bool


class Estimator:
    """Core: lays paragraphs and tables onto pages of `height` points, text `width` points wide."""

    def __init__(self, styles: Styles, width: float, height: float,
                 footnotes: dict[str, int] | None = None) -> None:
        self.styles = styles
        self.width = width
        self.height = height
        self.footnote_chars = footnotes or {}
        self.page = 1
        self.y = 0.0
        self.foot = 0.0  # footnote space used on this page
        self.bookmarks: dict[str, int] = {}
        self._prev: ParaStyle | None = None
        self._prev_sid: str | None = None
        self._measured: dict[int, _Para] = {}
        self._rows: dict[int, list[float]] = {}

    # -- measuring ------------------------------------------------------------------------------

    def lines(self, p: Element, ps: ParaStyle, width: float) -> int:
        """How many lines paragraph `p` takes in a column `width` points wide."""
        return self._scan(p, ps, width)[0]

    def _scan(self, p: Element, ps: ParaStyle, width: float) -> tuple[int, list[str], list[str], bool]:
        """One walk over a paragraph: its line count, bookmarks, footnote ids and hard page break."""
        avail = max(40.0, width - ps.left - ps.right)
        base = BOLD if ps.bold else 1.0
        count = 0
        plain: list[str] = []  # text in the paragraph's own font: measured in one go
        ems = 0.0
        bookmarks: list[str] = []
        notes: list[str] = []
        page_break = False
        for node in p.iter(_T, _BR, _TAB, _BOOKMARK, _FNREF):
            tag = node.tag
            if tag == _T:
                if node.text:
                    factor = self._factor(node, ps)
                    if factor == base:
                        plain.append(node.text)
                    else:
                        ems += text_em(node.text) * factor
            elif tag == _TAB:
                ems += 2.4
            elif tag == _BR:
                kind = node.get(_TYPE)
                if kind == "page":
                    page_break = True
                elif kind != "column":
                    count += self._wrap(ems + text_em("".join(plain)) * base, avail, ps)
                    plain, ems = [], 0.0
            elif tag == _BOOKMARK:
                bookmarks.append(node.get(_NAME) or "")
            else:
                notes.append(node.get(_ID) or "")
        count += self._wrap(ems + (text_em("".join(plain)) * base if plain else 0.0), avail, ps)
        return count, bookmarks, notes, page_break

    @staticmethod
    def _factor(t: Element, ps: ParaStyle) -> float:
        r = t.getparent()
        rpr = r.find(_RPR) if r is not None else None
        if rpr is None or len(rpr) == 1:  # no formatting, or only the language
            return BOLD if ps.bold else 1.0
        size = ps.size
        bold = ps.bold
        sz = rpr.find(w("sz"))
        if sz is not None and sz.get(_W_VAL):
            size = int(sz.get(_W_VAL)) / 2
        if rpr.find(w("b")) is not None:
            bold = True
        return (size / ps.size) * (BOLD if bold else 1.0)

    @staticmethod
    def _wrap(ems: float, avail: float, ps: ParaStyle) -> int:
        per_line = max(5.0, avail / ps.size - WRAP_LOSS)  # in em
        return max(1, math.ceil(ems / per_line)) if ems else 1

    def measure(self, p: Element) -> _Para:
        """Everything about a paragraph the layout needs (memoized: keep-with-next looks ahead)."""
        key = id(p)
        found = self._measured.get(key)
        if found is None:
            ps = _direct(p, self.styles)
            ppr = p.find(_PPR)
            sid = None
            if ppr is not None:
                style_el = ppr.find(_PSTYLE)
                sid = style_el.get(_W_VAL) if style_el is not None else None
            lines, bookmarks, notes, page_break = self._scan(p, ps, self.width)
            found = self._measured[key] = _Para(
                ps, sid, lines, bookmarks, notes, page_break,
                ppr is not None and ppr.find(w("pageBreakBefore")) is not None,
                ppr is not None and ppr.find(w("sectPr")) is not None)
        return found

    def line_height(self, ps: ParaStyle) -> float:
        return ps.line if ps.exact else ps.size * LINE_EM * ps.line

    def para_height(self, p: Element, ps: ParaStyle, width: float) -> float:
        return self.lines(p, ps, width) * self.line_height(ps)

    def table_rows(self, tbl: Element) -> list[float]:
        """The height of each row of a table (memoized)."""
        found = self._rows.get(id(tbl))
        if found is not None:
            return found
        rows = self._rows[id(tbl)] = []
        for tr in tbl.iterchildren(w("tr")):
            tallest = 0.0
            for tc in tr.iterchildren(w("tc")):
                tcw = tc.find(f"{w('tcPr')}/{w('tcW')}")
                width = _twips(tcw.get(w("w")) if tcw is not None else None, self.width / 2) - 8.0
                height = 0.0
                for p in tc.iterchildren(w("p")):
                    ps = _direct(p, self.styles)
                    height += self.para_height(p, ps, width) + ps.before + ps.after
                tallest = max(tallest, height)
            rows.append(tallest + 1.5)
        return rows

    # -- placing --------------------------------------------------------------------------------

    def new_page(self) -> None:
        self.page += 1
        self.y = 0.0
        self.foot = 0.0
        self._prev = None

    def _room(self) -> float:
        return self.height - self.y - self.foot

    def _notes_height(self, notes: list[str]) -> float:
        extra = 0.0
        for ident in notes:
            chars = self.footnote_chars.get(ident, 40)
            extra += max(1, math.ceil(chars / 95)) * 8 * 1.15
        if extra and self.foot == 0.0:
            extra += FOOTNOTE_SEPARATOR
        return extra

    def place_paragraph(self, p: Element, following: float = 0.0) -> None:
        m = self.measure(p)
        ps = m.style
        if m.break_before and self.y > 0:
            self.new_page()
        spacing = ps.before if self.y > 0 else 0.0
        if self._prev is not None:
            if ps.contextual and self._prev_sid == m.sid:
                spacing = 0.0
                self.y -= self._prev.after
            else:  # the larger of the two spacings separates paragraphs (as LibreOffice lays them out)
                spacing = max(0.0, spacing - self._prev.after)
        line = self.line_height(ps)
        height = m.lines * line
        notes = self._notes_height(m.notes) if m.notes else 0.0
        need = spacing + height + notes + (following if ps.keep_next else 0.0)
        if need > self._room() and self.y > 0 and need <= self.height:
            lines_fit = int((self._room() - spacing - notes) // line)
            if ps.keep_next or following or lines_fit < 2 or m.lines - lines_fit < 2:
                self.new_page()
                spacing = 0.0
            else:  # the paragraph flows over the page break
                self.y += spacing + lines_fit * line
                self.foot += notes
                self.new_page()
                height = (m.lines - lines_fit) * line
                spacing = notes = 0.0
        for name in m.bookmarks:
            self.bookmarks.setdefault(name, self.page)
        self.y += spacing + height + ps.after
        self.foot += notes
        while self.y + self.foot > self.height and self.y > self.height:  # a paragraph longer than a page
            self.y -= self.height
            self.page += 1
        self._prev, self._prev_sid = ps, m.sid
        if m.page_break or m.section_end:
            self.new_page()

    def place_table(self, tbl: Element) -> None:
        for bm in tbl.iter(w("bookmarkStart")):
            self.bookmarks.setdefault(bm.get(w("name")) or "", self.page)
        for height in self.table_rows(tbl):
            if height > self._room() and self.y > 0:
                self.new_page()
            self.y += height
        self._prev = None

    def run(self, blocks: list[Element], stop_after: int | None = None) -> Layout:
        for i, block in enumerate(blocks):
            if stop_after is not None and self.page > stop_after:  # enough to know it is too long:
                share = i / len(blocks)  # the rest, pro rata
                return Layout(pages=max(self.page, math.ceil(self.page / share)), bookmarks=self.bookmarks,
                              last_page_fill=1.0)
            if block.tag == w("tbl"):
                self.place_table(block)
            elif block.tag == _P:
                keep = self.measure(block).style.keep_next
                self.place_paragraph(block, self._first_line_of(blocks, i + 1) if keep else 0.0)
        fill = min(1.0, (self.y + self.foot) / self.height) if self.height else 0.0
        pages = self.page if self.y > 0 or self.page == 1 else self.page - 1
        return Layout(pages=pages, bookmarks=self.bookmarks, last_page_fill=fill)

    def _first_line_of(self, blocks: list[Element], j: int) -> float:
        """What keep-with-next must keep on the page: the next block's first line, or more when it
        keeps with the next one too (a heading, a label and the text they introduce)."""
        total = 0.0
        while j < len(blocks):
            nxt = blocks[j]
            if nxt.tag == w("tbl"):
                rows = self.table_rows(nxt)
                return total + (rows[0] if rows else 0.0)
            if nxt.tag != _P:
                return total
            m = self.measure(nxt)
            ps, count = m.style, m.lines
            if not ps.keep_next:
                return total + ps.before + min(2, count) * self.line_height(ps)
            total += ps.before + count * self.line_height(ps) + ps.after
            j += 1
            if total > self.height:
                return total
        return total


def estimate(body: Element, styles_el: Element | None, *, width: float, height: float,
             footnotes: dict[str, int] | None = None, stop_after: int | None = None) -> Layout:
    """The estimated layout of `body` (w:body) on pages with a text area `width` × `height` points.

    `footnotes` maps footnote ids to the length of their text. With `stop_after`, the walk ends as
    soon as the text runs past that many pages, and the page count is extrapolated (cheap "does it
    fit?" questions for long documents).
    """
    blocks = [b for b in body if isinstance(b.tag, str) and b.tag in (_P, _TBL)]
    return Estimator(Styles(styles_el), width, height, footnotes).run(blocks, stop_after)
