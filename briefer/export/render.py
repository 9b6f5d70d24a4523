"""Core: pieces both briefings share: item text with highlights and footnotes, labels, the facts
of a document (who asked, who answered, when), the subject, the status of a follow-up."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from datetime import date

from briefer.export.ooxml import footnote_reference, paragraph, run
from briefer.export.package import DocxWriter
from briefer.export.select import SelectedItem, Selection
from briefer.model import (
    DocType,
    FollowUp,
    FollowUpStatus,
    Footnote,
    Highlight,
    Level,
    StoredDocument,
    doc_type_label,
    people_label,
)
from briefer.textutil import FOOTNOTE_MARKER, MONTHS, dutch_date, strip_footnote_markers

LEVEL_LABELS = {Level.OPENBAAR: "Openbaar", Level.INTERN: "Intern", Level.VERTROUWELIJK: "Vertrouwelijk"}
OVERDUE, OPEN, DONE = "termijn verstreken", "open", "afgedaan"
STATUS_LABELS = {"open": "open", "loopt": "loopt", "afgerond": "afgerond"}
_BREAK = re.compile(r"\s*\n\s*")


# Notes the suggestion engine writes on the passages it marks: labels, not the staffer's view.
AUTO_NOTES = {"toezegging", "vertrouwelijk"}


def own_note(h: Highlight) -> str:
    """The staffer's note on a passage ("" for the suggestion engine's own labels)."""
    note = h.note.strip()
    return "" if note.lower().rstrip(".") in AUTO_NOTES else note


def quote_text(h: Highlight) -> str:
    return " ".join(strip_footnote_markers(h.exact).split())


def is_paragraphs(doc: StoredDocument) -> bool:
    """A document without questions (a letter, a memorie van toelichting), read as paragraphs."""
    return doc.doc_type == DocType.ONBEKEND


def item_label(sel: SelectedItem) -> str:
    """`Vraag 16`, `Vragen 2 en 3`, or `Alinea 4` in a document without questions."""
    if not sel.item.question.strip() and is_paragraphs(sel.document):
        return f"Alinea {sel.item.number}"
    return sel.label


def item_heading(sel: SelectedItem, *, with_doc: bool, topic: str = "") -> str:
    """`Vraag 7 · VVD · handelsafspraken en diversificatie` (the document's ref too when several)."""
    parts = [item_label(sel)]
    if sel.item.party:
        parts.append(sel.item.party)
    if with_doc:
        parts.append(sel.document.short_ref)
    if topic:
        parts.append(topic)
    return " · ".join(parts)


def short_date(value: str | date | None) -> str:
    """`31 dec. 2023` (`mei`, `juni`, `juli` stay whole)."""
    full = dutch_date(value)
    for month in MONTHS:
        if f" {month} " in full and len(month) > 4:
            return full.replace(f" {month} ", f" {month[:3]}. ")
    return full


def commitment_status(f: FollowUp, today: date) -> str:
    """A toezegging's status on `today`: afgedaan (marked done), termijn verstreken, or open."""
    if str(f.status) == FollowUpStatus.AFGEROND.value:
        return DONE
    if f.due:
        try:
            if date.fromisoformat(f.due[:10]) < today:
                return OVERDUE
        except ValueError:
            pass
    return OPEN


def default_subject(documents: list[StoredDocument]) -> str:
    """The briefing's subject when the user gave none: the title, else the type and the Kamerstuk."""
    parts = []
    for doc in documents:
        if (doc.title or "").strip():
            parts.append(doc.subject)
        elif doc.doc_type != DocType.ONBEKEND:
            parts.append(f"{doc_type_label(doc.doc_type)}, {doc.display_name}")
        else:
            parts.append(doc.display_name)
    return "; ".join(dict.fromkeys(parts))


def subject_line(selection: Selection, subject: str = "") -> str:
    return subject or default_subject([d.document for d in selection.documents])


def document_facts(doc: StoredDocument) -> list[tuple[str, str]]:
    """What a reader must know of the source on the first page: which paper, of which type and
    year; for Kamervragen who asked (with parties), who answered, when sent and answered."""
    facts: list[tuple[str, str]] = []
    kind = doc_type_label(doc.doc_type) if doc.doc_type != DocType.ONBEKEND else ""
    name = doc.display_name
    facts.append(("Stuk", f"{name} ({kind})" if kind and name else name or kind))
    if doc.asked_by:
        facts.append(("Vragen van", people_label(doc.asked_by)))
    if doc.answered_by:
        facts.append(("Beantwoord door", doc.answered_by))
    if doc.date_sent:
        facts.append(("Ingezonden", dutch_date(doc.date_sent)))
    received = doc.date_received or (doc.date if doc.doc_type == DocType.KAMERVRAGEN else None)
    if received:
        facts.append(("Beantwoord", dutch_date(received)))
    elif doc.date:
        facts.append(("Datum stuk", dutch_date(doc.date)))
    if doc.vergaderjaar:
        facts.append(("Vergaderjaar", doc.vergaderjaar))
    if doc.identifier and doc.identifier not in name and not doc.identifier.startswith("kst-"):
        facts.append(("Kenmerk", doc.identifier))
    return facts


def document_summary(doc: StoredDocument) -> str:
    """The facts on one line: `Kamerstuk 30 821, nr. 196 (Verslag schriftelijk overleg) · 2022–2023`,
    `ah-tk-20232024-1314 (Antwoorden op Kamervragen) · vragen van Mutluer (GroenLinks-PvdA) · …`."""
    parts = []
    for key, value in document_facts(doc):
        if key in ("Stuk", "Vergaderjaar"):
            parts.append(value)
        else:
            parts.append(f"{key.lower()} {value}")
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
