"""Core: Markdown notes as real Word formatting (python-markdown -> HTML -> WordprocessingML).

Headings, bold, italic, inline code, nested bullet and numbered lists, links as real w:hyperlink
elements with an external relationship, block quotes, code blocks and tables (the 'tables'
extension). The HTML is read with `html.parser`; no Markdown syntax reaches the document.

Staffers type Markdown the way chat and e-mail taught them: a list straight under a paragraph, a
table straight under a line of text. python-markdown wants a blank line there; `normalise` adds it.
Each distinct note is converted to HTML once per process (`to_html` is cached), so a briefing that
shows a note twice, or a dialog that previews the briefing before saving it, pays for it once.
"""

from __future__ import annotations

import copy
import functools
import re
import threading
from html.parser import HTMLParser
from typing import TYPE_CHECKING

import markdown as _markdown

from briefer.export.ooxml import R_NS, W_VAL, hyperlink, paragraph, run, table, w

if TYPE_CHECKING:
    from briefer.export.package import DocxWriter

_LIST_LINE = re.compile(r"^( +)([-*+]|\d+[.)])\s", re.MULTILINE)
_BLOCK_START = re.compile(r"^ {0,3}(?:[-*+]|\d{1,3}[.)])\s+\S|^ {0,3}\|.*\|\s*$")
_FENCE = re.compile(r"^ {0,3}(```|~~~)")
_WS = re.compile(r"\s+")
_SAFE_SCHEMES = ("http://", "https://", "mailto:")


def normalise_indent(text: str) -> str:
    """python-markdown nests lists at 4 spaces; staffers often type 2: double such indents."""
    indents = {len(m.group(1)) for m in _LIST_LINE.finditer(text)}
    if indents and any(i % 4 for i in indents):
        return _LIST_LINE.sub(lambda m: " " * (len(m.group(1)) * 2) + m.group(2) + " ", text)
    return text


def separate_blocks(text: str) -> str:
    """A blank line before a list or table that follows a paragraph line directly.

    "Punten:\n- een\n- twee" is a paragraph and a list to the person who typed it; python-markdown
    needs "Punten:\n\n- een". Lines inside a list or a table, indented lines and fenced code stay as
    they are.
    """
    lines = text.split("\n")
    out: list[str] = []
    block = ""  # "", "para", "list", "table", "code"
    marker = ""  # "ul" or "ol": the kind of the list being typed (a change starts a new list)
    for line in lines:
        if _FENCE.match(line):
            block = "" if block == "code" else "code"
            out.append(line)
            continue
        if block == "code":
            out.append(line)
            continue
        if not line.strip():
            block = ""
            out.append(line)
            continue
        starts = _BLOCK_START.match(line)
        kind = ("table" if line.lstrip().startswith("|") else "list") if starts else None
        this = ("ol" if line.lstrip()[:1].isdigit() else "ul") if kind == "list" else ""
        if kind and block == "para" or (kind == "list" and block == "list" and this != marker):
            out.append("")
            block = kind
        elif not block:
            block = kind or "para"
        elif block == "table" and not line.lstrip().startswith("|"):
            block = "para"
        if this:
            marker = this
        out.append(line)
    return "\n".join(out)


_NUM_ID, _HYPERLINK, _R_ID = w("numId"), w("hyperlink"), f"{{{R_NS}}}id"
_LOCAL = threading.local()  # one Markdown instance per thread (exports run in a worker thread)
_SYNTAX = re.compile(r"[*_#\[\]>`|<&\\!]|^\s*(?:[-+*]|\d+[.)])\s|^\s*[-=]{3,}\s*$|^ {4}", re.MULTILINE)


@functools.lru_cache(maxsize=4096)
def to_html(text: str) -> str:
    """python-markdown's HTML for a note (cached: notes repeat across previews and exports)."""
    md = getattr(_LOCAL, "md", None)
    if md is None:
        md = _LOCAL.md = _markdown.Markdown(extensions=["tables", "sane_lists", "fenced_code"])
    md.reset()
    return md.convert(separate_blocks(normalise_indent(text)))


def is_plain(text: str) -> bool:
    """True when `text` has no Markdown syntax at all (then paragraphs are made directly)."""
    return _SYNTAX.search(text) is None


class _Converter(HTMLParser):
    """Core: walks python-markdown's HTML and emits paragraph and table elements."""

    def __init__(self, writer: DocxWriter, heading_base: int, base_style: str) -> None:
        super().__init__(convert_charrefs=True)
        self.wr = writer
        self.heading_base = heading_base
        self.base_style = base_style
        self.out: list = []
        self.lists: list[tuple[int, bool]] = []  # (numId, ordered) of every list made
        self.links: list[tuple[str, str]] = []  # (relationship id, url) of every link made
        self._sinks: list[list] = [self.out]
        self._runs: list | None = None  # runs of the open paragraph
        self._pstyle: str | None = None
        self._pnum: tuple[int, int] | None = None
        self._indent: int | None = None
        self._li_fresh = False
        self._bold = self._italic = self._code = 0
        self._link: list | None = None
        self._link_rid: str | None = None
        self._lists: list[tuple[bool, int]] = []
        self._quote = 0
        self._pre = False
        self._pre_text: list[str] = []
        self._table: list[list[list]] | None = None
        self._row: list[list] | None = None
        self._header_rows = 0
        self._in_thead = False

    def _new_list(self, ordered: bool) -> int:
        num_id = self.wr.new_list(ordered)
        self.lists.append((num_id, ordered))
        return num_id

    def _new_link(self, href: str) -> str:
        rid = self.wr.link_rid(href)
        self.links.append((rid, href))
        return rid

    # -- paragraphs ---------------------------------------------------------------------------

    def _style(self) -> str:
        if self._table is not None:
            return self.wr.sid("Briefer Tabeltekst")
        if self._quote:
            return self.wr.sid("Quote")
        return self.wr.sid(self.base_style)

    def _open(self, style: str | None = None, num: tuple[int, int] | None = None, indent: int | None = None) -> None:
        self._close()
        self._runs = []
        self._pstyle = style or self._style()
        self._pnum = num
        self._indent = indent

    def _close(self) -> None:
        if self._runs is None:
            return
        runs = self._runs
        if runs or self._pnum:
            self._sinks[-1].append(paragraph(self._pstyle, runs, num=self._pnum, indent=self._indent))
        self._runs = None
        self._pnum = None
        self._indent = None

    def _emit(self, text: str) -> None:
        if self._runs is None:
            if not text.strip():
                return
            self._open(indent=360 * len(self._lists) if self._lists else None)
        if not self._runs and not self._link:
            text = text.lstrip()
        if not text:
            return
        r = run(text, bold=bool(self._bold), italic=bool(self._italic), mono=bool(self._code),
                style=self.wr.sid("Hyperlink") if self._link is not None and self._link_rid else None)
        if self._link is not None:
            self._link.append(r)
        else:
            self._runs.append(r)
        self._li_fresh = False

    # -- HTMLParser hooks ---------------------------------------------------------------------

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            level = min(self.heading_base + int(tag[1]) - 1, 6)
            self._open(self.wr.sid(f"heading {level}"))
        elif tag == "p":
            if self._li_fresh and self._runs is not None and not self._runs:
                return  # a loose list item's first paragraph: keep the numbered one
            self._open(indent=360 * len(self._lists) if self._lists else None)
        elif tag in ("ul", "ol"):
            self._close()
            self._lists.append((tag == "ol", self._new_list(tag == "ol")))
        elif tag == "li":
            ordered, num_id = self._lists[-1] if self._lists else (False, self._new_list(False))
            self._open(self.wr.sid("List Paragraph"), num=(num_id, min(len(self._lists) - 1, 8)))
            self._li_fresh = True
        elif tag == "blockquote":
            self._close()
            self._quote += 1
        elif tag in ("strong", "b"):
            self._bold += 1
        elif tag in ("em", "i"):
            self._italic += 1
        elif tag == "code":
            self._code += 1
        elif tag == "pre":
            self._close()
            self._pre = True
            self._pre_text = []
        elif tag == "a":
            href = (a.get("href") or "").strip()
            self._link = []
            self._link_rid = self._new_link(href) if href.lower().startswith(_SAFE_SCHEMES) else None
        elif tag == "br":
            if self._runs is not None:
                self._runs.append(run("\n"))
        elif tag == "img":
            alt = a.get("alt") or ""
            if alt:
                self._italic += 1
                self._emit(alt)
                self._italic -= 1
        elif tag == "table":
            self._close()
            self._table = []
            self._header_rows = 0
        elif tag == "thead":
            self._in_thead = True
        elif tag == "tr" and self._table is not None:
            self._row = []
            self._table.append(self._row)
            if self._in_thead:
                self._header_rows += 1
        elif tag in ("td", "th") and self._row is not None:
            cell: list = []
            self._row.append(cell)
            self._sinks.append(cell)
            self._open(self.wr.sid("Briefer Tabeltekst"))
            if tag == "th":
                self._bold += 1
        elif tag == "hr":
            self._close()

    def handle_endtag(self, tag: str) -> None:
        if tag in ("h1", "h2", "h3", "h4", "h5", "h6", "p"):
            if not (tag == "p" and self._lists and self._li_fresh):
                self._close()
        elif tag in ("ul", "ol"):
            self._close()
            if self._lists:
                self._lists.pop()
        elif tag == "li":
            self._close()
        elif tag == "blockquote":
            self._close()
            self._quote = max(0, self._quote - 1)
        elif tag in ("strong", "b"):
            self._bold = max(0, self._bold - 1)
        elif tag in ("em", "i"):
            self._italic = max(0, self._italic - 1)
        elif tag == "code":
            self._code = max(0, self._code - 1)
        elif tag == "pre":
            self._pre = False
            self._code = 0
            for line in "".join(self._pre_text).rstrip("\n").split("\n"):
                self._sinks[-1].append(paragraph(self.wr.sid("Briefer Code"), [run(line)] if line else []))
        elif tag == "a":
            runs, rid = self._link or [], self._link_rid
            self._link, self._link_rid = None, None
            if self._runs is None:
                self._open()
            if rid and runs:
                self._runs.append(hyperlink(runs, rid=rid))
            else:
                self._runs.extend(runs)
        elif tag in ("td", "th") and self._row is not None:
            if tag == "th":
                self._bold = max(0, self._bold - 1)
            self._close()
            self._sinks.pop()
        elif tag == "thead":
            self._in_thead = False
        elif tag == "table" and self._table is not None:
            rows = self._table
            self._table = None
            ncols = max((len(r) for r in rows), default=1)
            rows = [r + [[] for _ in range(ncols - len(r))] for r in rows]
            width = int(self.wr.text_width * 20) - 360 * len(self._lists)
            widths = [width // ncols] * ncols
            self._sinks[-1].append(table(rows, style=self.wr.sid("Table Grid"), widths=widths,
                                         header=self._header_rows > 0))
            self._sinks[-1].append(paragraph(self.wr.sid(self.base_style)))

    def handle_data(self, data: str) -> None:
        if self._pre:
            self._pre_text.append(data)
            return
        self._emit(_WS.sub(" ", data))

    def close(self) -> None:
        super().close()
        self._close()


class NoteCache:
    """Core: each Markdown note of a briefing converted once, copied into every writer that shows it.

    The Kamerlidbriefing is laid out at several levels of detail (a fresh writer each) and a note
    may be shown more than once; the conversion (python-markdown, then the HTML walk) happens once.
    A copy gets lists of its own (numbering restarts) and the links re-registered in its writer.
    The elements handed out are shared with the cache: a caller copies one before changing it.
    """

    def __init__(self) -> None:
        self._done: dict[tuple[str, int, str], tuple[list, list[tuple[int, bool]], list[tuple[str, str]]]] = {}
        self.conversions = 0

    def blocks(self, writer: DocxWriter, text: str, heading_base: int, base_style: str) -> list:
        key = (text, heading_base, base_style)
        found = self._done.get(key)
        if found is None:
            conv = _Converter(writer, heading_base, base_style)
            conv.feed(to_html(text))
            conv.close()
            self.conversions += 1
            self._done[key] = (conv.out, conv.lists, conv.links)  # callers never change what they get
            return list(conv.out)
        blocks, lists, links = found
        out = [copy.deepcopy(b) for b in blocks]
        nums = {str(old): str(writer.new_list(ordered)) for old, ordered in lists}
        rids = {old: writer.link_rid(url) for old, url in links}
        for b in out:
            if nums:
                for num in b.iter(_NUM_ID):
                    num.set(W_VAL, nums.get(num.get(W_VAL), num.get(W_VAL)))
            if rids:
                for link in b.iter(_HYPERLINK):
                    rid = link.get(_R_ID)
                    if rid in rids:
                        link.set(_R_ID, rids[rid])
        return out


def markdown_blocks(writer: DocxWriter, text: str, *, heading_base: int = 4,
                    base_style: str = "Normal") -> list:
    """Paragraph and table elements for a Markdown `text` (not yet added to the document).

    Through the writer's `notes` cache when it has one: a note is converted once per briefing.
    """
    if not text or not text.strip():
        return []
    if is_plain(text):
        style = writer.sid(base_style)
        return [paragraph(style, [run(" ".join(block.split()))]) for block in re.split(r"\n\s*\n", text.strip())]
    cache = getattr(writer, "notes", None)
    if cache is not None:
        return cache.blocks(writer, text, heading_base, base_style)
    conv = _Converter(writer, heading_base, base_style)
    conv.feed(to_html(text))
    conv.close()
    return conv.out


def add_markdown(writer: DocxWriter, text: str, **kw) -> None:
    for block in markdown_blocks(writer, text, **kw):
        writer.add(block)
