"""Core: pieces both briefings share: item text with highlights and footnotes, labels."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from briefer.export.ooxml import footnote_reference, paragraph, run
from briefer.export.package import DocxWriter
from briefer.export.select import SelectedItem
from briefer.model import Footnote, Highlight, Level
from briefer.textutil import FOOTNOTE_MARKER, strip_footnote_markers

LEVEL_LABELS = {Level.OPENBAAR: "Openbaar", Level.INTERN: "Intern", Level.VERTROUWELIJK: "Vertrouwelijk"}
_BREAK = re.compile(r"\s*\n\s*")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9“‘«(\"'])")


def first_sentence(text: str, limit: int = 320) -> str:
    text = " ".join(strip_footnote_markers(text).split())
    sentence = _SENTENCE_END.split(text, maxsplit=1)[0] if text else ""
    if len(sentence) > limit:
        sentence = sentence[:limit].rsplit(" ", 1)[0] + " …"
    return sentence


def quote_text(h: Highlight) -> str:
    return " ".join(strip_footnote_markers(h.exact).split())


def gist(sel: SelectedItem) -> tuple[str, Highlight | None]:
    """The first highlight of the answer (else of the question), else the answer's first sentence."""
    usable = [h for h in sel.highlights if quote_text(h)]
    chosen = next((h for h in usable if h.field == "answer"), usable[0] if usable else None)
    if chosen is not None:
        return quote_text(chosen), chosen
    return first_sentence(sel.item.answer or sel.item.question), None


def item_heading(sel: SelectedItem, *, with_doc: bool) -> str:
    parts = [sel.label]
    if sel.item.party:
        parts.append(sel.item.party)
    if with_doc:
        parts.append(sel.document.short_ref)
    return " · ".join(parts)


def place_highlight(h: Highlight, text: str) -> Highlight | None:
    """The highlight where its quote really is: offsets when they still hold the quote, else the
    quote's only occurrence; None (not shaded) when it cannot be placed."""
    if h.orphaned:
        return None
    if 0 <= h.start < h.end <= len(text) and (not h.exact or text[h.start:h.end] == h.exact):
        return h
    if h.exact and text.count(h.exact) == 1:
        start = text.index(h.exact)
        return replace(h, start=start, end=start + len(h.exact))
    return None


def field_paragraphs(wr: DocxWriter, text: str, highlights: list[Highlight], footnotes: dict[int, Footnote],
                     fill: Callable[[Highlight], str], style: str, *, real_footnotes: bool = True) -> list:
    """Paragraphs of an item's question or answer: highlights shaded, `[^N]` as Word footnotes.

    Highlights use their offsets into `text`; orphaned ones and ones whose offsets do not fit are
    not shaded (their quote is listed elsewhere). A passage covered by several highlights takes the
    colour of the one that starts first.
    """
    n = len(text)
    spans = [h for h in (place_highlight(h, text) for h in highlights) if h is not None]
    spans.sort(key=lambda h: (h.start, -h.end))
    cuts = {0, n}
    for h in spans:
        cuts.add(h.start)
        cuts.add(h.end)
    markers = {}
    for m in FOOTNOTE_MARKER.finditer(text):
        markers[m.start()] = (m.end(), int(m.group(1)))
        cuts.add(m.start())
        cuts.add(m.end())
    for m in _BREAK.finditer(text):
        if "\n" in m.group(0):
            cuts.add(m.start())
            cuts.add(m.end())
    points = sorted(cuts)
    paras: list = []
    runs: list = []
    sid = wr.sid(style)
    ref_style = wr.sid("footnote reference")
    active = 0  # index into spans of the first that may still cover
    for a, b in zip(points, points[1:], strict=False):
        if a in markers and markers[a][0] == b:
            number = markers[a][1]
            note = footnotes.get(number)
            if note is not None and real_footnotes:
                runs.append(footnote_reference(ref_style, wr.footnote(note.text)))
            else:
                runs.append(run(str(number), superscript=True))
            continue
        piece = text[a:b]
        if "\n" in piece and not piece.strip():
            if runs:
                paras.append(paragraph(sid, runs))
            runs = []
            continue
        while active < len(spans) and spans[active].end <= a:
            active += 1
        cover = next((h for h in spans[active:] if h.start <= a < h.end), None) if spans else None
        if not runs:
            piece = piece.lstrip()
        if piece:
            runs.append(run(piece, fill=fill(cover) if cover is not None else None))
    if runs:
        paras.append(paragraph(sid, runs))
    return paras
