"""Core: the Kamerlidbriefing: one to three pages, political, per priority domain.

Header block (Aan, Van, Datum, Onderwerp, Rubricering), "Kern" from the document note, per
priority domain (taxonomy order) the tagged answers with their gist, key quotes and notes, a table
of toezeggingen, proposed follow-ups and the sources. It sees only a `Selection`.
"""

from __future__ import annotations

from datetime import date

from briefer.export.markdown_docx import markdown_blocks
from briefer.export.ooxml import paragraph, run, table
from briefer.export.options import BriefingOptions
from briefer.export.package import DocxWriter
from briefer.export.render import LEVEL_LABELS, gist, item_heading, quote_text
from briefer.export.select import SelectedItem, Selection
from briefer.model import FollowUp, FollowUpKind, Level
from briefer.textutil import cited_footnotes, dutch_date

STATUS_LABELS = {"open": "Open", "loopt": "Loopt", "afgerond": "Afgerond"}


def _conf(level: Level | str) -> str:
    return " [vertrouwelijk]" if Level(level) is Level.VERTROUWELIJK else ""


def subject_line(selection: Selection) -> str:
    parts = []
    for d in selection.documents:
        doc = d.document
        title = doc.subject
        parts.append(f"{title} ({doc.display_name})" if title else doc.display_name)
    return "; ".join(parts)


def _cell(wr: DocxWriter, text: str, *, bold: bool = False) -> list:
    return [paragraph(wr.sid("Briefer Tabeltekst"), [run(text, bold=bold)])]


def write_header_block(wr: DocxWriter, selection: Selection, opts: BriefingOptions, today: date) -> None:
    rows = [
        ("Aan", opts.recipient or "het Kamerlid"),
        ("Van", opts.author or "—"),
        ("Datum", dutch_date(today)),
        ("Onderwerp", subject_line(selection)),
        ("Rubricering", LEVEL_LABELS[selection.highest_level()]),
    ]
    cells = [[_cell(wr, k, bold=True), _cell(wr, v)] for k, v in rows]
    fills = [["E8EEF5", None] for _ in rows]
    wr.add(table(cells, style=wr.sid("Table Grid"), widths=[1800, 7200], header=False, fills=fills))
    wr.para("")


def _followup_line(f: FollowUp, sel: SelectedItem) -> str:
    extra = [sel.label.lower()]
    if f.owner:
        extra.append(f.owner)
    if f.due:
        extra.append(f"vóór {dutch_date(f.due)}")
    if f.status and str(f.status) != "open":
        extra.append(STATUS_LABELS.get(str(f.status), str(f.status)).lower())
    return f"{str(f.kind).capitalize()}: {f.text.strip()} ({'; '.join(extra)}){_conf(f.level)}"


def write_item(wr: DocxWriter, sel: SelectedItem, *, with_doc: bool) -> None:
    meta = item_heading(sel, with_doc=with_doc)
    if sel.item.pages_label:
        meta += f" · {sel.item.pages_label}"
    wr.runs_para([run(meta, bold=True)], "Briefer Meta")
    text, used = gist(sel)
    if text:
        wr.runs_para([run(text + (_conf(used.level) if used else ""))], "Normal")
    if used is not None and used.note.strip():
        for block in markdown_blocks(wr, used.note, heading_base=4):
            wr.add(block)
    for h in sel.highlights:
        if h is used or not quote_text(h):
            continue
        wr.runs_para([run(f"“{quote_text(h)}”{_conf(h.level)}")], "Quote")
        if h.note.strip():
            for block in markdown_blocks(wr, h.note, heading_base=4):
                wr.add(block)
    if sel.note is not None:
        if Level(sel.note.level) is Level.VERTROUWELIJK:
            wr.runs_para([run("Notitie [vertrouwelijk]", italic=True)], "Normal")
        for block in markdown_blocks(wr, sel.note.body, heading_base=4):
            wr.add(block)


def write_kamerlid(wr: DocxWriter, selection: Selection, opts: BriefingOptions, today: date) -> None:
    multi = len(selection.documents) > 1
    wr.para("Kamerlidbriefing", "Title")
    write_header_block(wr, selection, opts, today)

    notes = [d for d in selection.documents if d.note is not None]
    if notes:
        wr.heading("Kern", 1, toc=False)
        for d in notes:
            if multi:
                wr.para(d.document.display_name, "Briefer Label")
            if Level(d.note.level) is Level.VERTROUWELIJK:
                wr.runs_para([run("[vertrouwelijk]", italic=True)], "Normal")
            for block in markdown_blocks(wr, d.note.body, heading_base=3):
                wr.add(block)

    items = selection.items()
    shown = 0
    for domain in selection.domains:
        tagged = [s for s in items if any(d.id == domain.id for d in s.domains)]
        if not tagged:
            continue
        wr.heading(domain.name, 1, toc=False)
        for sel in tagged:
            write_item(wr, sel, with_doc=multi)
            shown += 1
    if not shown:
        wr.heading("Antwoorden", 1, toc=False)
        wr.para("Geen antwoorden met een prioritair terrein in deze selectie.", "Normal")

    pairs = [(f, s) for s in items for f in s.followups]
    toezeggingen = [(f, s) for f, s in pairs if str(f.kind) == FollowUpKind.TOEZEGGING.value]
    others = [(f, s) for f, s in pairs if str(f.kind) != FollowUpKind.TOEZEGGING.value]
    wr.heading("Toezeggingen", 1, toc=False)
    if toezeggingen:
        header = [_cell(wr, t, bold=True) for t in ("Vraag", "Toezegging", "Eigenaar", "Termijn", "Status")]
        rows = [header]
        for f, s in toezeggingen:
            label = s.label + (f" ({s.document.short_ref})" if multi else "")
            rows.append([_cell(wr, label), _cell(wr, f.text.strip() + _conf(f.level)), _cell(wr, f.owner or "—"),
                         _cell(wr, dutch_date(f.due) or "—"),
                         _cell(wr, STATUS_LABELS.get(str(f.status), str(f.status)))])
        fills = [["DCE4EE"] * 5] + [[None] * 5 for _ in toezeggingen]
        wr.add(table(rows, style=wr.sid("Table Grid"), widths=[1300, 4100, 1400, 1300, 900], fills=fills))
        wr.para("")
    else:
        wr.para("Geen toezeggingen in deze selectie.", "Normal")

    wr.heading("Voorgestelde vervolgacties", 1, toc=False)
    if others:
        num = wr.new_list(False)
        for f, s in others:
            wr.add(paragraph(wr.sid("List Paragraph"), [run(_followup_line(f, s))], num=(num, 0)))
    else:
        wr.para("Geen vervolgacties in deze selectie.", "Normal")

    wr.heading("Bronnen", 1, toc=False)
    num = wr.new_list(False)
    for d in selection.documents:
        doc = d.document
        text = doc.display_name
        if doc.title:
            text += f", {doc.title}"
        if doc.vergaderjaar:
            text += f" (vergaderjaar {doc.vergaderjaar})"
        wr.add(paragraph(wr.sid("List Paragraph"), [run(text)], num=(num, 0)))
        cited: list[int] = []
        for s in d.items:
            if s.domains:
                for n in cited_footnotes(s.item.question) + cited_footnotes(s.item.answer):
                    if n not in cited and n in d.footnotes:
                        cited.append(n)
        for n in sorted(cited):
            wr.add(paragraph(wr.sid("List Paragraph"), [run(f"Voetnoot {n}: {d.footnotes[n].text}")], num=(num, 1)))
