"""Core: the Kamerlidbriefing: what a Kamerlid reads in the two minutes before a debate.

Writes a `KamerlidPlan` (see `briefer.export.plan`): the head (Aan, Van, Datum, Onderwerp, Stuk,
Rubricering), the Kern, per priority domain each answer once — who asked what on one line, the
cabinet's point marked as its words ("Kabinet: “…”"), our view (the staffer's note) — then the
toezeggingen (overdue first), what to do in the debate and the krachtenveld. Footnote markers in a
quoted passage become real Word footnotes with the source's note; nothing else is listed as a
source. `write_kamerlid` writes the most detailed plan whose estimated length is at most two pages.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from datetime import date
from pathlib import Path

from briefer.export.layout import WRAP_LOSS
from briefer.export.markdown_docx import NoteCache, markdown_blocks
from briefer.export.ooxml import W_VAL, footnote_reference, paragraph, run, table
from briefer.export.options import BriefingOptions
from briefer.export.package import DocxWriter
from briefer.export.plan import DETAILS, DONE, OVERDUE, Entry, KamerlidPlan, Quote, build_plan, short_due
from briefer.export.render import item_label
from briefer.export.select import Selection
from briefer.model import Footnote, Level
from briefer.textutil import FOOTNOTE_MARKER

PAGES = 2  # what a Kamerlid reads before a debate
BODY_SIZE = 10.0  # points: the house body text
LIST_INDENT = 18.0  # points: a bullet's indent
GREY = "5A5A5A"
RED = "A4262C"
GREEN = "2E7D32"
STATUS_HEADS = {OVERDUE: "Termijn verstreken", "open": "Open", DONE: "Afgedaan"}


def _conf(level: Level | str) -> str:
    return " [vertrouwelijk]" if Level(level) is Level.VERTROUWELIJK else ""


class KamerlidWriter:
    """Core: renders one plan into a DocxWriter."""

    def __init__(self, wr: DocxWriter, plan: KamerlidPlan, footnotes: dict[str, dict[int, Footnote]]) -> None:
        self.wr = wr
        self.plan = plan
        self.footnotes = footnotes  # document id -> its source footnotes

    # -- small pieces ---------------------------------------------------------------------------

    def heading(self, text: str) -> None:
        self.wr.add(paragraph(self.wr.sid("heading 1"), [run(text)], spacing=(200, 60)))

    def label(self, text: str) -> None:
        self.wr.para(text, "Briefer Label")

    def cited(self, text: str, doc_id: str, **kw: object) -> list:
        """Runs of `text` with its [^N] markers as real footnotes (the source's own note text)."""
        notes = self.footnotes.get(doc_id, {})
        runs, pos = [], 0
        for m in FOOTNOTE_MARKER.finditer(text):
            if m.start() > pos:
                runs.append(run(text[pos:m.start()], **kw))
            note = notes.get(int(m.group(1)))
            if note is not None:
                runs.append(footnote_reference(self.wr.sid("footnote reference"), self.wr.footnote(note.text)))
            pos = m.end()
        if pos < len(text):
            runs.append(run(text[pos:], **kw))
        return runs

    def note(self, body: str, level: Level | str, prefix: str = "Duiding: ") -> None:
        """The staffer's Markdown note; the first paragraph opens with `prefix` in bold."""
        blocks = markdown_blocks(self.wr, body, heading_base=4)
        tag = _conf(level).strip()
        first = blocks[0] if blocks else None
        headings = {self.wr.sid(f"heading {n}") for n in range(1, 7)}
        style = first.find("{*}pPr/{*}pStyle") if first is not None else None
        if (first is not None and first.tag.endswith("}p") and first.find(".//{*}numPr") is None
                and (style is None or style.get(W_VAL) not in headings)):
            first = blocks[0] = copy.deepcopy(first)  # the note cache's own element stays as it was
            ppr = first.find("{*}pPr")
            lead = [run(prefix, bold=True)] + ([run(tag + " ", italic=True)] if tag else [])
            anchor = ppr if ppr is not None else None
            for r in reversed(lead):
                if anchor is not None:
                    anchor.addnext(r)
                else:
                    first.insert(0, r)
        else:
            self.wr.runs_para([run(prefix.rstrip(": ") + (" " + tag if tag else ""), bold=True)], "Normal",
                              keep_next=True)
        for block in blocks:
            self.wr.add(block)

    def quote(self, q: Quote, doc_id: str) -> None:
        if q.text:
            runs = [run(f"{q.speaker}: ", bold=True)]
            runs += [run("“", italic=True), *self.cited(q.text, doc_id, italic=True), run("”", italic=True)]
            if _conf(q.level):
                runs.append(run(_conf(q.level), italic=True))
            self.wr.runs_para(runs, "Quote", keep_next=bool(q.note))
        if q.note:
            self.note(q.note, q.level, prefix="Duiding: " if not q.text else "Over de vraag: ")

    def lead_runs(self, e: Entry) -> list:
        runs = [run(e.lead, bold=True)]
        if e.asked:
            runs.append(run(e.separator + e.asked))
        if e.tail:
            runs.append(run(e.tail, colour=GREY))
        return runs

    def numbers_only(self, entries: list[Entry]) -> list:
        """The merely tagged answers of a domain in one paragraph, per fractie: "VVD vragen 3, 4; D66 vraag 15"."""
        groups: dict[str, list[str]] = {}
        paragraphs = all(item_label(e.sel).startswith("Alinea") for e in entries)
        for e in entries:
            number = item_label(e.sel).split(" ", 1)[-1]
            if self.plan.multi:
                number += f" ({e.sel.document.short_ref})"
            groups.setdefault(e.sel.item.party or "", []).append(number)
        runs = []
        for i, (who, numbers) in enumerate(groups.items()):
            one, many = ("alinea", "alinea's") if paragraphs else ("vraag", "vragen")
            word = one if len(numbers) == 1 else many
            if i:
                runs.append(run("; "))
            if who:
                runs += [run(who, bold=True), run(f" {word} {', '.join(numbers)}")]
            else:
                runs.append(run(f"{word.capitalize()} {', '.join(numbers)}"))
        return runs

    # -- parts ----------------------------------------------------------------------------------

    def head(self) -> None:
        wr = self.wr
        wr.add(paragraph(wr.sid("Title"), [run("Kamerlidbriefing")], spacing=(0, 120)))
        cell = wr.sid("Briefer Tabeltekst")
        rows = [[[paragraph(cell, [run(k, bold=True)])], [paragraph(cell, [run(v)])]] for k, v in self.plan.head]
        width = int(wr.text_width * 20)
        wr.add(table(rows, style=wr.sid("Table Grid"), widths=[1700, width - 1700], header=False,
                     fills=[["E8EEF5", None] for _ in rows], max_width=width))

    def kern(self) -> None:
        if not self.plan.kern:
            return
        self.heading("Kern")
        for d in self.plan.kern:
            if self.plan.multi:
                self.label(d.document.display_name)
            if d.note is not None and Level(d.note.level) is Level.VERTROUWELIJK:
                self.wr.runs_para([run("[vertrouwelijk]", italic=True)], "Normal")
            for block in markdown_blocks(self.wr, d.note.body if d.note else "", heading_base=3):
                self.wr.add(block)

    def sections(self) -> None:
        for section in self.plan.sections:
            self.heading(section.title)
            for e in section.worked:
                self.wr.runs_para(self.lead_runs(e), "Normal", keep_next=True, spacing=(120, 40))
                doc_id = e.sel.document.id
                if e.point is not None:
                    self.quote(e.point, doc_id)
                for q in e.quotes:
                    self.quote(q, doc_id)
                if e.sel.note is not None:
                    self.note(e.sel.note.body, e.sel.note.level)
            lines = section.lines
            if not lines:
                continue
            if section.worked:
                self.label("Verder over dit terrein" if self.plan.detail.line else "Verder")
            if self.plan.detail.line:
                num = self.wr.new_list(False)
                for e in lines:
                    self.wr.add(paragraph(self.wr.sid("List Paragraph"), self.lead_runs(e), num=(num, 0)))
            else:
                self.wr.runs_para(self.numbers_only(lines), "Normal")

    def group(self, title: list, lines: list[list]) -> None:
        """A bold group title kept with its list of lines."""
        self.wr.runs_para(title, "Normal", keep_next=True, spacing=(80, 20))
        num = self.wr.new_list(False)
        for runs in lines:
            self.wr.add(paragraph(self.wr.sid("List Paragraph"), runs, num=(num, 0)))

    def commitments(self) -> None:
        """Grouped by status (overdue first), each: term, what, which answer."""
        items = self.plan.commitments
        if not items:
            return
        self.heading("Toezeggingen")
        for status in dict.fromkeys(c.status for c in items):
            group = [c for c in items if c.status == status]
            colour = RED if status == OVERDUE else GREEN if status == DONE else None
            self.group([run(f"{STATUS_HEADS[status]} ({len(group)})", bold=True, colour=colour)],
                       [[run(short_due(c) + " · ", bold=True), run(c.text + _conf(c.level)),
                         run(f" ({c.ref})", colour=GREY)] for c in group])

    def actions(self) -> None:
        if not self.plan.actions:
            return
        self.heading("Voor het debat")
        for title, actions in self.plan.actions:
            self.group([run(title, bold=True)],
                       [[run(a.text + _conf(a.level)), run(f" ({a.meta})", colour=GREY)] for a in actions])

    def forces(self) -> None:
        if not self.plan.forces:
            return
        self.heading("Krachtenveld")
        for party, text in self.plan.forces:
            self.wr.runs_para([run(party, bold=True), run(": " + text)], "Normal", spacing=(0, 40))

    def write(self) -> None:
        self.head()
        plan = self.plan
        if not (plan.kern or plan.sections or plan.commitments or plan.actions):
            self.wr.para("Deze selectie bevat nog geen geannoteerde antwoorden, toezeggingen of vervolgacties: "
                         "tag antwoorden met een domein, markeer passages of schrijf een notitie.", "Normal")
        self.kern()
        self.sections()
        self.commitments()
        self.actions()
        self.forces()


def write_kamerlid(make_writer: Callable[[], DocxWriter], selection: Selection, opts: BriefingOptions,
                   today: date) -> tuple[DocxWriter, KamerlidPlan]:
    """Write the most detailed Kamerlidbriefing that fits two pages (else the most compact one);
    returns the writer holding it and the plan it follows."""
    footnotes = {d.document.id: d.footnotes for d in selection.documents}
    result = None
    level = 0
    while level < len(DETAILS):
        wr = make_writer()
        line_em = (wr.text_width - LIST_INDENT) / BODY_SIZE - WRAP_LOSS
        plan = build_plan(selection, opts, today, level, line_em=line_em)
        KamerlidWriter(wr, plan, footnotes).write()
        result = (wr, plan)
        pages = wr.estimate(stop_after=PAGES).pages
        if pages <= PAGES:
            break
        # far too long for any step in between (the staffer's own notes and passages stay in full):
        # go straight to the most compact form
        level = len(DETAILS) - 1 if pages > 2 * PAGES and level < len(DETAILS) - 1 else level + 1
    assert result is not None
    return result


def template_writer(template: Path | None) -> Callable[[], DocxWriter]:
    """Fresh writers on one template that share one note cache (each note converted once)."""
    notes = NoteCache()
    return lambda: DocxWriter(template, notes=notes)
