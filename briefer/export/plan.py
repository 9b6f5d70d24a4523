"""Core: what a Kamerlidbriefing says, decided before any XML is written.

The plan follows the form fractie and ministry briefings share: a head, the Kern, per priority
domain each answer once (who asked what, the cabinet's point in its own words, our view), the
toezeggingen with a status computed from today's date, what to do in the debate, and the
krachtenveld. It is built from a `Selection` (already reduced to the ceiling) at one of five
levels of detail (`DETAILS`: merely tagged answers on two lines, then one, then only their numbers;
quotes and toezeggingen shorter at each step); the writer picks the most detailed level that fits two pages. The same plan
gives the export dialog its outline.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from briefer.export.layout import BOLD, text_em
from briefer.export.options import BriefingOptions
from briefer.export.render import (
    DONE,
    LEVEL_LABELS,
    OPEN,
    OVERDUE,
    commitment_status,
    document_summary,
    item_heading,
    item_label,
    own_note,
    quote_text,
    short_date,
    subject_line,
)
from briefer.export.select import SelectedDocument, SelectedItem, Selection, counted
from briefer.export.text import cut_words, fit_em, key_sentence, question_summary, shorten_quote
from briefer.model import DocType, FollowUp, FollowUpKind, FollowUpStatus, Level
from briefer.textutil import dutch_date, strip_footnote_markers


@dataclass(frozen=True)
class Detail:
    """Core: how much of each answer a Kamerlidbriefing shows (level 0 most, 4 least)."""

    point: int  # characters of the cabinet's words (whole sentences, "…" after)
    asked: int  # characters of the question of a worked-out answer
    line: int  # lines a merely tagged answer takes (0: its number only, with the others of its domain)
    commitment: int  # lines a toezegging takes
    extra_quotes: int  # further marked passages of one answer


DETAILS = (
    Detail(point=330, asked=170, line=2, commitment=2, extra_quotes=2),
    Detail(point=330, asked=170, line=1, commitment=2, extra_quotes=2),
    Detail(point=240, asked=130, line=1, commitment=2, extra_quotes=1),
    Detail(point=200, asked=110, line=1, commitment=1, extra_quotes=0),
    Detail(point=160, asked=100, line=0, commitment=1, extra_quotes=0),
)
MIN_ASKED_EM = 24.0  # a one-line answer's question never shrinks below this (it wraps instead)
LINE_EM = 42.0  # width of a list line of body text in em (A4, 2.5 cm margins, 10 pt); see build_plan
PARTY_DOCS = {DocType.SCHRIFTELIJK_OVERLEG, DocType.NOTA_NAV_VERSLAG}
ACTION_GROUPS = (
    (FollowUpKind.VRAAG_IN_DEBAT, "Vragen in het debat"),
    (FollowUpKind.MOTIE, "Moties voorbereiden"),
    (FollowUpKind.SCHRIFTELIJKE_VRAGEN, "Schriftelijke vragen"),
    (FollowUpKind.TECHNISCHE_BRIEFING, "Technische briefing aanvragen"),
    (FollowUpKind.OVERIG, "Overige acties"),
)
# "Motie: …" under "Moties voorbereiden" says it twice.
_PREFIXES = ("motie", "vraag", "vragen", "schriftelijke vragen", "technische briefing", "actie", "debat",
             "vraag in debat", "vraag in het debat", "toezegging")


@dataclass
class Quote:
    """Core: the cabinet's words for one answer: a marked passage or the answer's key sentence."""

    text: str  # may hold [^N] markers (cited as footnotes)
    marked: bool  # the staffer's own highlight
    level: Level = Level.INTERN
    note: str = ""  # the staffer's note on the passage
    speaker: str = "Kabinet"  # whose words: "Kabinet", or "Minister" for a minister's answers


@dataclass
class Entry:
    """Core: one answer under its domain, worked out (`full`) or in one line."""

    sel: SelectedItem
    lead: str  # "Vraag 7 · VVD"
    asked: str  # "vraagt of het kabinet …" or a direct question
    full: bool
    point: Quote | None = None
    quotes: list[Quote] = field(default_factory=list)
    also: list[str] = field(default_factory=list)  # the other domains it is tagged with
    commitments: int = 0

    @property
    def tail(self) -> str:
        """What follows a one-line answer in grey: its toezeggingen and other domains."""
        parts = []
        if self.commitments and not self.full:
            parts.append("toezegging" if self.commitments == 1 else f"{self.commitments} toezeggingen")
        if self.also:
            parts.append("ook: " + ", ".join(self.also))
        return " · " + " · ".join(parts) if parts else ""

    @property
    def separator(self) -> str:
        return ": " if self.asked[:1].isupper() else " "


@dataclass
class Section:
    """Core: one priority domain (or "Overige antwoorden") with its answers, worked out first."""

    title: str
    entries: list[Entry]

    @property
    def worked(self) -> list[Entry]:
        return [e for e in self.entries if e.full]

    @property
    def lines(self) -> list[Entry]:
        return [e for e in self.entries if not e.full]


@dataclass
class Commitment:
    """Core: a cabinet commitment (a follow-up of kind toezegging) with its status today."""

    text: str
    due: str | None
    status: str  # OVERDUE | OPEN | DONE
    ref: str  # "vraag 1"
    level: Level


@dataclass
class Action:
    """Core: one of the staffer's own follow-ups, for "Voor het debat"."""

    text: str
    meta: str  # "vraag 3 · Kim · vóór 11 december 2026"
    level: Level


@dataclass
class KamerlidPlan:
    """Core: the content of one Kamerlidbriefing at one level of detail."""

    head: list[tuple[str, str]]
    kern: list[SelectedDocument]
    sections: list[Section]
    commitments: list[Commitment]
    actions: list[tuple[str, list[Action]]]
    forces: list[tuple[str, str]]  # (fractie, what it asked about)
    detail: Detail
    multi: bool

    def outline(self) -> list[str]:
        """Dutch lines: what the briefing will contain (for the export dialog and `--outline`)."""
        lines = ["Kop: " + ", ".join(k for k, _v in self.head)]
        if self.kern:
            lines.append("Kern: de notitie bij het document")
        for s in self.sections:
            worked, short = len(s.worked), len(s.lines)
            parts = [f"{worked} uitgewerkt"] if worked else []
            if short:
                parts.append(f"{short} op één regel")
            lines.append(f"{s.title}: {counted(len(s.entries), 'antwoord', 'antwoorden')} ({', '.join(parts)})")
        if self.commitments:
            overdue = sum(1 for c in self.commitments if c.status == OVERDUE)
            extra = f", waarvan {overdue} met verstreken termijn" if overdue else ""
            lines.append(f"Toezeggingen: {len(self.commitments)}{extra}")
        if self.actions:
            lines.append("Voor het debat: " + ", ".join(f"{title.lower()} ({len(a)})" for title, a in self.actions))
        if self.forces:
            lines.append(f"Krachtenveld: {counted(len(self.forces), 'fractie', 'fracties')}")
        return lines


def _conf(level: Level | str) -> bool:
    return Level(level) is Level.VERTROUWELIJK


def strip_prefix(text: str) -> str:
    """`Motie: verzoekt de regering …` -> `Verzoekt de regering …` (the group already says "motie")."""
    stripped = " ".join(text.split())
    low = stripped.lower()
    for prefix in sorted(_PREFIXES, key=len, reverse=True):
        for sep in (":", " –", " -", " —"):
            if low.startswith(prefix + sep):
                rest = stripped[len(prefix) + len(sep):].strip()
                return rest[:1].upper() + rest[1:] if rest else stripped
    return stripped


def asked_of(sel: SelectedItem, width: int) -> str:
    """Who asked what, after the lead: the staffer's marked question passage, else the question's key
    sentence ("vraagt welke …" for reported questions); a paragraph without a question: its start."""
    marked = [h for h in sel.own_highlights() if h.field == "question"]
    if marked:
        return cut_words(quote_text(marked[0]), width)
    if not sel.item.question.strip():  # a paragraph: its section heading says what it is about
        return cut_words(strip_footnote_markers(sel.item.heading), width) if sel.item.heading else ""
    text, reported = question_summary(sel.item.question, width)
    if not text:
        return ""
    if reported:
        return ("vraagt " if sel.item.party else "Gevraagd: ") + text
    return text


def short_domain(name: str) -> str:
    """A domain name without its parenthesised words: "Digitale en technologische toepassingen"."""
    return " ".join(re.sub(r"\s*\([^)]*\)", "", name).split()) or name


def speaker_of(sel: SelectedItem) -> str:
    """Whose words an answer is: "Minister" or "Staatssecretaris" when the document names one, else "Kabinet"."""
    who = (sel.document.answered_by or "").strip().split(" ", 1)[0].lower()
    return {"minister": "Minister", "staatssecretaris": "Staatssecretaris"}.get(who, "Kabinet")


def _entry(sel: SelectedItem, domain_id: str | None, detail: Detail, multi: bool, line_em: float) -> Entry:
    commitments = sum(1 for f in sel.followups if str(f.kind) == FollowUpKind.TOEZEGGING.value)
    also = [short_domain(d.name) for d in sel.domains if d.id != domain_id]
    full = sel.discussed
    entry = Entry(sel=sel, lead=item_heading(sel, with_doc=multi), asked="", full=full, also=also, commitments=commitments)
    if full:
        entry.asked = asked_of(sel, detail.asked)
    else:  # one line (or two): the question gets what the lead and the tail leave
        asked = asked_of(sel, 400)
        entry.asked = asked
        rows = max(1, detail.line)
        fixed = BOLD * text_em(entry.lead) + text_em(entry.separator + entry.tail)
        room = rows * line_em - fixed - (rows - 1)
        if room < MIN_ASKED_EM:  # the tail pushes it onto another line anyway: use that line
            room = (rows + 1) * line_em - fixed - rows
        entry.asked = fit_em(asked, room)
        return entry
    answer_marks = [h for h in sel.own_highlights() if h.field == "answer"]
    if answer_marks:
        first, *rest = answer_marks
        entry.point = Quote(shorten_quote(first.exact, detail.point), True, Level(first.level), own_note(first),
                            speaker_of(sel))
        for h in rest[:detail.extra_quotes]:
            entry.quotes.append(Quote(shorten_quote(h.exact, detail.point), True, Level(h.level), own_note(h),
                                      speaker_of(sel)))
    else:
        sentence = key_sentence(sel.item.answer, sel.item.question)
        if sentence:
            entry.point = Quote(shorten_quote(sentence, detail.point), False, speaker=speaker_of(sel))
    for h in sel.own_highlights():
        if h.field == "question" and own_note(h):  # the note on a marked question still counts
            entry.quotes.append(Quote("", True, Level(h.level), own_note(h)))
    return entry


def _sections(selection: Selection, detail: Detail, multi: bool, line_em: float) -> list[Section]:
    sections: list[Section] = []
    placed: set[str] = set()
    items = selection.items()
    for domain in selection.domains:
        entries = []
        for sel in items:
            if sel.item.id in placed:
                continue
            first = next((d for d in selection.domains if d in sel.domains), None)
            if first is None or first.id != domain.id:
                continue
            placed.add(sel.item.id)
            entries.append(_entry(sel, domain.id, detail, multi, line_em))
        if entries:
            sections.append(Section(domain.name, entries))
    rest = [_entry(sel, None, detail, multi, line_em) for sel in items
            if sel.item.id not in placed and sel.discussed]
    if rest:
        title = "Overige antwoorden" if sections else "Antwoorden"
        sections.append(Section(title, rest))
    return sections


def _commitments(selection: Selection, today: date, detail: Detail, multi: bool,
                 line_em: float) -> list[Commitment]:
    found = []
    for sel in selection.items():
        for f in sel.followups:
            if str(f.kind) != FollowUpKind.TOEZEGGING.value:
                continue
            ref = item_label(sel).lower() + (f", {sel.document.short_ref}" if multi else "")
            c = Commitment("", f.due, commitment_status(f, today), ref, Level(f.level))
            room = (detail.commitment * line_em - BOLD * text_em(short_due(c) + " · ")
                    - text_em(f" ({ref})" + (" [vertrouwelijk]" if _conf(c.level) else "")) - 2 * (detail.commitment - 1))
            c.text = fit_em(strip_footnote_markers(f.text), max(12.0, room))
            found.append(c)
    rank = {OVERDUE: 0, OPEN: 1, DONE: 2}
    return sorted(found, key=lambda c: (rank[c.status], c.due is None, c.due or ""))


def _action_meta(f: FollowUp, sel: SelectedItem, multi: bool) -> str:
    parts = [item_label(sel).lower() + (f", {sel.document.short_ref}" if multi else "")]
    if f.owner.strip():
        parts.append(f.owner.strip())
    if f.due:
        parts.append(f"vóór {dutch_date(f.due)}")
    if str(f.status) != FollowUpStatus.OPEN.value:
        parts.append({"loopt": "loopt", "afgerond": "afgerond"}.get(str(f.status), str(f.status)))
    return " · ".join(parts)


def _actions(selection: Selection, multi: bool) -> list[tuple[str, list[Action]]]:
    groups: dict[str, list[tuple[int, Action]]] = defaultdict(list)
    titles = {kind.value: title for kind, title in ACTION_GROUPS}
    for sel in selection.items():
        for f in sel.followups:
            kind = str(f.kind)
            if kind == FollowUpKind.TOEZEGGING.value:
                continue
            done = 1 if str(f.status) == FollowUpStatus.AFGEROND.value else 0
            groups[titles.get(kind, titles[FollowUpKind.OVERIG.value])].append(
                (done, Action(strip_prefix(f.text), _action_meta(f, sel, multi), Level(f.level))))
    out = []
    for _kind, title in ACTION_GROUPS:
        if groups.get(title):
            out.append((title, [a for _d, a in sorted(groups[title], key=lambda x: x[0])]))
    return out


def _forces(selection: Selection, multi: bool) -> list[tuple[str, str]]:
    """Which fracties asked about which priority domains (from the parse and the tags)."""
    docs = [d for d in selection.documents
            if d.document.doc_type in PARTY_DOCS or len({i.party for i in d.all_items if i.party}) > 1]
    if not docs:
        return []
    asked: dict[str, int] = defaultdict(int)
    for d in docs:
        for it in d.all_items:
            if it.party:
                asked[it.party] += 1
    per: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    order = {dom.id: i for i, dom in enumerate(selection.domains)}
    names = {dom.id: dom.name for dom in selection.domains}
    for d in docs:
        for sel in d.items:
            if not sel.item.party:
                continue
            for dom in sel.domains:
                if dom.id in names:
                    ref = str(sel.item.number) + (f" ({d.document.short_ref})" if multi else "")
                    per[sel.item.party][dom.id].append(ref)
    lines = []
    quiet = []
    for party in asked:
        domains = per.get(party)
        if not domains:
            quiet.append(party)
            continue
        text = ", ".join(f"{short_domain(names[i])} ({len(refs)})"
                         for i, refs in sorted(domains.items(), key=lambda kv: order[kv[0]]))
        lines.append((f"{party} ({counted(asked[party], 'vraag', 'vragen')})", text))
    if quiet and lines:
        lines.append(("Geen prioritair terrein", ", ".join(quiet)))
    return lines


def build_plan(selection: Selection, opts: BriefingOptions, today: date, level: int = 0, *,
               line_em: float = LINE_EM) -> KamerlidPlan:
    """The Kamerlidbriefing of `selection` at detail `level` (0 most, 4 least); `line_em` is the
    width of a list line in em of the body text (the writer's text width less the list indent)."""
    detail = DETAILS[max(0, min(level, len(DETAILS) - 1))]
    multi = len(selection.documents) > 1
    head = []
    if opts.recipient:
        head.append(("Aan", opts.recipient))
    if opts.author:
        head.append(("Van", opts.author))
    head.append(("Datum", dutch_date(today)))
    head.append(("Onderwerp", subject_line(selection, opts.subject)))
    docs = [document_summary(d.document) for d in selection.documents]
    head.append(("Stukken" if len(docs) > 1 else "Stuk", "; ".join(docs)))
    head.append(("Rubricering", LEVEL_LABELS[selection.highest_level()]))
    return KamerlidPlan(
        head=head,
        kern=[d for d in selection.documents if d.note is not None],
        sections=_sections(selection, detail, multi, line_em),
        commitments=_commitments(selection, today, detail, multi, line_em),
        actions=_actions(selection, multi),
        forces=_forces(selection, multi),
        detail=detail,
        multi=multi,
    )


def short_due(c: Commitment) -> str:
    return short_date(c.due) if c.due else "geen termijn"
