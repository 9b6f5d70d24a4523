"""Core: the technische briefing: complete and sourced, per party or per domain.

Title page (subject, the source's facts: for Kamervragen who asked, who answered, when), a table of
contents with page numbers whose entries carry each item's topic, then every selected item: question
and answer in full with the highlights shaded in their domain's colour (w:shd, the colour at half
strength) and the source's footnotes as real Word footnotes, page references, domains, notes and
follow-ups (one line each, readable on a phone). Confidential material (only present when the
ceiling is vertrouwelijk) goes to its own annex, never inline.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from briefer.export.markdown_docx import markdown_blocks
from briefer.export.ooxml import highlight_fill, paragraph, run, table
from briefer.export.options import BriefingOptions
from briefer.export.package import DocxWriter
from briefer.export.render import (
    DONE,
    LEVEL_LABELS,
    OVERDUE,
    STATUS_LABELS,
    commitment_status,
    document_facts,
    field_paragraphs,
    is_paragraphs,
    item_heading,
    own_note,
    place_highlight,
    quote_text,
    subject_line,
)
from briefer.export.select import SelectedItem, Selection
from briefer.export.text import TopicIndex
from briefer.model import Domain, FollowUp, FollowUpKind, Footnote, Highlight, Level
from briefer.textutil import dutch_date

NO_PARTY = "Zonder fractie"
NO_DOMAIN = "Zonder domein"


def _is_conf(level: Level | str) -> bool:
    return Level(level) is Level.VERTROUWELIJK


def _askers(sel: SelectedItem) -> str | None:
    """Kamervragen have no fractie per item: "Vragen van Mutluer (GroenLinks-PvdA) en Kostić (PvdD)"."""
    people = [p.label for p in sel.document.asked_by or []]
    if not people:
        return None
    return "Vragen van " + (people[0] if len(people) == 1 else ", ".join(people[:-1]) + " en " + people[-1])


def _groups(selection: Selection, by: str) -> list[tuple[str, list[SelectedItem]]]:
    items = selection.items()
    groups: dict[str, list[SelectedItem]] = {}
    if by == "domain":
        order = [d.name for d in selection.domains]
        for d in order:
            groups[d] = []
        for s in items:
            first = next((d.name for d in selection.domains if d in s.domains), None)
            groups.setdefault(first or NO_DOMAIN, []).append(s)
    else:
        for s in items:
            fallback = "Passages" if is_paragraphs(s.document) else NO_PARTY
            groups.setdefault(s.item.party or _askers(s) or fallback, []).append(s)
    return [(name, members) for name, members in groups.items() if members]


def _fup_lines(wr: DocxWriter, followups: list[FollowUp], today: date) -> None:
    """Each follow-up as one list line: text, then kind, owner, term and status in grey."""
    num = wr.new_list(False)
    for f in followups:
        meta = [str(f.kind)]
        if f.owner.strip():
            meta.append(f.owner.strip())
        if f.due:
            meta.append(f"termijn {dutch_date(f.due)}")
        if str(f.kind) == FollowUpKind.TOEZEGGING.value:
            status = commitment_status(f, today)
            meta.append(status)
        else:
            status = STATUS_LABELS.get(str(f.status), str(f.status))
            meta.append(status)
        colour = "A4262C" if status == OVERDUE else "2E7D32" if status == DONE else "5A5A5A"
        wr.add(paragraph(wr.sid("List Paragraph"), [run(f.text.strip()), run(" (" + " · ".join(meta) + ")",
                                                                               colour=colour)], num=(num, 0)))


def _highlight_notes(wr: DocxWriter, highlights: list[Highlight], domains: dict[str, Domain],
                     *, all_quotes: bool, unplaced: set[str] | None = None) -> None:
    """Quotes with their notes (all of them in the annex; otherwise unplaced and noted ones)."""
    unplaced = unplaced or set()
    for h in highlights:
        lost = h.orphaned or h.id in unplaced
        note = own_note(h)
        if not (all_quotes or note or lost):
            continue
        dom = domains.get(h.domain_id or "")
        tail = [x for x in (dom.name if dom else "", "niet teruggevonden in de tekst" if lost else "") if x]
        runs = [run(f"“{quote_text(h)}”")]
        if tail:
            runs.append(run(f" ({'; '.join(tail)})", italic=True))
        wr.runs_para(runs, "Quote")
        for block in markdown_blocks(wr, note, heading_base=5):
            wr.add(block)


FEW_ITEMS = 12  # below this many items, two distinctive words say little (see item_topic)


def item_topic(question: str, answer: str, index: TopicIndex, *, few: bool = False) -> str:
    """What a TOC entry and heading call an item: two distinctive words of the document
    (`TopicIndex`: "handelsafspraken en diversificatie"). In a document of only a few questions
    (Kamervragen) words cannot be distinctive ("bericht en yesilgöz"), so there the key phrase of the
    question is used, as the app's outline shows it (`briefer.subject`: "Hoeveel boa's dragen in
    Nederland een hoofddoek"), cut at a word near 50 characters so the heading stays one line."""
    if not few:
        return index.topic(question, answer)
    from briefer.subject import question_subject

    phrase = " ".join(question_subject(question).split()).rstrip("…").rstrip()
    if not phrase:
        return index.topic(question, answer)
    if len(phrase) <= 50:
        return phrase
    return phrase[:50].rsplit(" ", 1)[0].rstrip(",;:") + "…"


def write_item(wr: DocxWriter, sel: SelectedItem, *, multi: bool, fill: Callable[[Highlight], str],
               domains: dict[str, Domain], footnotes: dict[int, Footnote], topic: str, today: date) -> None:
    wr.heading(item_heading(sel, with_doc=multi, topic=topic), 2)
    meta = [x for x in (sel.item.pages_label, sel.document.display_name) if x]
    if sel.domains:
        meta.append("Domeinen: " + ", ".join(d.name for d in sel.domains))
    if sel.item.heading:
        meta.append(sel.item.heading)
    wr.runs_para([run(" · ".join(meta))], "Briefer Meta")
    public = [h for h in sel.highlights if not _is_conf(h.level)]
    if sel.item.question.strip():
        wr.para("Vraag", "Briefer Label")
        for p in field_paragraphs(wr, sel.item.question, [h for h in public if h.field == "question"],
                                  footnotes, fill, "Normal"):
            wr.add(p)
    wr.para("Tekst" if is_paragraphs(sel.document) and not sel.item.question.strip() else "Antwoord",
            "Briefer Label")
    for p in field_paragraphs(wr, sel.item.answer, [h for h in public if h.field == "answer"],
                              footnotes, fill, "Normal"):
        wr.add(p)
    unplaced = {h.id for h in public if place_highlight(h, sel.item.text(h.field)) is None}
    if any(own_note(h) or h.id in unplaced for h in public):
        wr.para("Markeringen", "Briefer Label")
        _highlight_notes(wr, public, domains, all_quotes=False, unplaced=unplaced)
    if sel.note is not None and not _is_conf(sel.note.level):
        wr.para("Notitie", "Briefer Label")
        for block in markdown_blocks(wr, sel.note.body, heading_base=4):
            wr.add(block)
    fups = [f for f in sel.followups if not _is_conf(f.level)]
    if fups:
        wr.para("Vervolgacties", "Briefer Label")
        _fup_lines(wr, fups, today)


def _confidential_of(sel: SelectedItem) -> tuple[list[Highlight], bool, list[FollowUp]]:
    hs = [h for h in sel.highlights if _is_conf(h.level)]
    note = sel.note is not None and _is_conf(sel.note.level)
    fs = [f for f in sel.followups if _is_conf(f.level)]
    return hs, note, fs


def _legend_domains(selection: Selection) -> list[Domain]:
    """The domains whose colour a selected highlight carries (never one only above the ceiling)."""
    used = {h.domain_id for it in selection.items() for h in it.highlights if h.domain_id}
    return [d for d in selection.domains if d.id in used]


def write_title_page(wr: DocxWriter, selection: Selection, opts: BriefingOptions, today: date) -> None:
    wr.para("Technische briefing", "Title")
    wr.para(subject_line(selection, opts.subject), "Subtitle")
    rows = []
    if opts.recipient:
        rows.append(("Aan", opts.recipient))
    if opts.author:
        rows.append(("Opgesteld door", opts.author))
    rows += [("Datum", dutch_date(today)), ("Rubricering", LEVEL_LABELS[selection.highest_level()])]
    for d in selection.documents:
        rows += document_facts(d.document)
    rows += [("Ordening", "per fractie" if opts.by == "party" else "per domein"),
             ("Passages" if all(is_paragraphs(d.document) for d in selection.documents) else "Antwoorden",
              str(len(selection.items())))]
    cell = wr.sid("Briefer Tabeltekst")
    width = int(wr.text_width * 20)
    cells = [[[paragraph(cell, [run(k, bold=True)])], [paragraph(cell, [run(v)])]] for k, v in rows]
    wr.add(table(cells, style=wr.sid("Table Grid"), widths=[2200, width - 2200], header=False,
                 fills=[["E8EEF5", None] for _ in rows], max_width=width))
    legend_domains = _legend_domains(selection)
    if legend_domains:
        wr.para("Kleuren van de markeringen", "Briefer Label")
        legend = [[[paragraph(cell, [run(" ")])], [paragraph(cell, [run(d.name)])]] for d in legend_domains]
        fills = [[highlight_fill(d.colour), None] for d in legend_domains]
        wr.add(table(legend, style=wr.sid("Table Grid"), widths=[600, width - 600], header=False, fills=fills,
                     max_width=width))
    wr.para("Inhoud", "TOC Heading")
    wr.toc_here()
    wr.page_break()


def write_technisch(wr: DocxWriter, selection: Selection, opts: BriefingOptions, today: date) -> None:
    multi = len(selection.documents) > 1
    notes_by_doc = {d.document.id: d.footnotes for d in selection.documents}
    domains = {d.id: d for doc in selection.documents for s in doc.items for d in s.domains}
    domains.update({d.id: d for d in selection.domains})
    fills = {d.id: highlight_fill(d.colour) for d in domains.values()}

    def fill(h: Highlight) -> str:
        return fills.get(h.domain_id or "", highlight_fill(None))

    topics = {}
    for d in selection.documents:
        everything = d.all_items or [s.item for s in d.items]
        index = TopicIndex(it.question + " " + it.answer for it in everything)
        few = len(everything) < FEW_ITEMS
        for s_ in d.items:
            topics[s_.item.id] = (" ".join(s_.item.heading.split())[:60] if s_.item.heading
                                  else item_topic(s_.item.question, s_.item.answer, index, few=few))
    write_title_page(wr, selection, opts, today)
    for d in selection.documents:
        if d.note is not None and not _is_conf(d.note.level):
            wr.heading("Kern" + (f" — {d.document.display_name}" if multi else ""), 1)
            for block in markdown_blocks(wr, d.note.body, heading_base=3):
                wr.add(block)
    groups = _groups(selection, opts.by)
    if not groups:
        wr.heading("Antwoorden", 1)
        wr.para("Geen antwoorden in deze selectie.", "Normal")
    for name, members in groups:
        wr.heading(name, 1)
        for sel in members:
            write_item(wr, sel, multi=multi, fill=fill, domains=domains,
                       footnotes=notes_by_doc.get(sel.document.id, {}), topic=topics.get(sel.item.id, ""),
                       today=today)

    # the annex: everything vertrouwelijk, only ever present when the ceiling allowed it
    conf_docs = [d for d in selection.documents if d.note is not None and _is_conf(d.note.level)]
    conf_items = [s for s in selection.items() if any(_confidential_of(s)[i] for i in range(3))]
    if not (conf_docs or conf_items):
        return
    wr.section_break()
    wr.heading("Bijlage: vertrouwelijk", 1)
    wr.para("Deze bijlage bevat vertrouwelijke informatie. Niet verder verspreiden.", "Briefer Meta")
    for d in conf_docs:
        wr.heading("Kern" + (f" — {d.document.display_name}" if multi else ""), 2)
        for block in markdown_blocks(wr, d.note.body, heading_base=3):
            wr.add(block)
    for sel in conf_items:
        hs, note, fs = _confidential_of(sel)
        wr.heading(item_heading(sel, with_doc=multi), 2)
        if hs:
            wr.para("Markeringen", "Briefer Label")
            _highlight_notes(wr, hs, domains, all_quotes=True)
        if note and sel.note is not None:
            wr.para("Notitie", "Briefer Label")
            for block in markdown_blocks(wr, sel.note.body, heading_base=4):
                wr.add(block)
        if fs:
            wr.para("Vervolgacties", "Briefer Label")
            _fup_lines(wr, fs, today)
