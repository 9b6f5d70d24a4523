"""Core: the one place that decides what a briefing may contain.

`apply_ceiling` runs FIRST and drops every highlight, note and follow-up above the ceiling; the
selection (documents, domains, parties, annotated-only) works on what is left. Writers only ever
receive a `Selection`, so they cannot see material the ceiling excludes. `left_out` explains in
Dutch (counts and item numbers, never content) what the ceiling and the selection leave out.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from briefer.export.options import BriefingOptions, ExportError
from briefer.model import (
    DocumentAnnotations,
    Domain,
    FollowUp,
    FollowUpKind,
    Footnote,
    Highlight,
    Level,
    Note,
    StoredDocument,
    StoredItem,
)


@dataclass
class SelectedItem:
    """Core: one item of a briefing with the annotations that passed the ceiling."""

    item: StoredItem
    document: StoredDocument
    domains: list[Domain]
    highlights: list[Highlight]  # question before answer, then by offset
    note: Note | None
    followups: list[FollowUp]

    @property
    def annotated(self) -> bool:
        return bool(self.domains or self.highlights or self.note or self.followups)

    @property
    def commitment_highlight_ids(self) -> set[str]:
        """The passages a toezegging points at: they belong to the toezegging, not to the answer's gist."""
        return {f.highlight_id for f in self.followups
                if f.highlight_id and str(f.kind) == FollowUpKind.TOEZEGGING.value}

    def own_highlights(self) -> list[Highlight]:
        """The staffer's own marked passages (not the anchor of a toezegging) with text."""
        anchors = self.commitment_highlight_ids
        return [h for h in self.highlights if h.id not in anchors and h.exact.strip() and not h.orphaned]

    @property
    def discussed(self) -> bool:
        """The staffer said something about this answer: a note, or a passage of their own."""
        return self.note is not None or bool(self.own_highlights())

    @property
    def label(self) -> str:
        """`Vraag 16` / `Vragen 2 en 3`."""
        nums = self.item.numbers or [self.item.number]
        if len(nums) == 1:
            return f"Vraag {nums[0]}"
        return "Vragen " + ", ".join(str(n) for n in nums[:-1]) + f" en {nums[-1]}"

    def levels(self) -> list[Level]:
        found = [h.level for h in self.highlights] + [f.level for f in self.followups]
        if self.note:
            found.append(self.note.level)
        return [Level(x) for x in found]


@dataclass
class SelectedDocument:
    """Core: one document of a briefing: metadata, footnotes, document note, selected items."""

    document: StoredDocument
    footnotes: dict[int, Footnote]
    note: Note | None
    items: list[SelectedItem]
    all_items: list[StoredItem] = field(default_factory=list)  # the whole parse (topics, krachtenveld)


@dataclass
class Selection:
    """Core: everything a writer may put in the file, already reduced to the ceiling."""

    ceiling: Level
    documents: list[SelectedDocument]
    domains: list[Domain]  # taxonomy order; only those the selected material uses (never one named
    # only by material above the ceiling: a domain's name can itself be confidential)
    domain_filter: bool = False
    omitted: list[str] = field(default_factory=list)

    def items(self) -> list[SelectedItem]:
        return [it for d in self.documents for it in d.items]

    def highest_level(self) -> Level:
        """The Rubricering: the highest level of any material in the selection."""
        levels = [Level.OPENBAAR]
        for d in self.documents:
            if d.note:
                levels.append(Level(d.note.level))
            for it in d.items:
                levels.extend(it.levels())
        return max(levels, key=lambda lv: lv.rank)

    @property
    def confidential(self) -> bool:
        return self.highest_level() is Level.VERTROUWELIJK


def apply_ceiling(bundle: DocumentAnnotations, ceiling: Level) -> tuple[DocumentAnnotations, dict[str, list[int]]]:
    """A copy of `bundle` without any highlight, note or follow-up above `ceiling`.

    Also returns what was dropped: {"highlights"|"notes"|"followups": [item numbers]} and
    {"document_note": [0]} when the document note was dropped.
    """
    ceiling = Level.parse(ceiling)
    numbers = {it.id: it.number for it in bundle.items}
    dropped: dict[str, list[int]] = {"highlights": [], "notes": [], "followups": [], "document_note": []}

    def ok(level: Level | str) -> bool:
        return ceiling.allows(level)

    highlights = []
    for h in bundle.highlights:
        if ok(h.level):
            highlights.append(h)
        else:
            dropped["highlights"].append(numbers.get(h.item_id, 0))
    notes = []
    for n in bundle.notes:
        if ok(n.level):
            notes.append(n)
        elif n.item_id is None:
            dropped["document_note"].append(0)
        else:
            dropped["notes"].append(numbers.get(n.item_id, 0))
    kept_highlight_ids = {h.id for h in highlights}
    followups = []
    for f in bundle.followups:
        if ok(f.level):
            if f.highlight_id and f.highlight_id not in kept_highlight_ids:
                f = replace(f, highlight_id=None)  # never point at a passage that is not there
            followups.append(f)
        else:
            dropped["followups"].append(numbers.get(f.item_id, 0))
    reduced = replace(bundle, highlights=highlights, notes=notes, followups=followups)
    return reduced, dropped


def resolve_domains(refs: list[str], domains: list[Domain]) -> list[Domain]:
    """Domains named by id, name (case-insensitive) or key digit, in taxonomy order."""
    chosen: list[Domain] = []
    for ref in refs:
        r = str(ref).strip()
        match = next(
            (d for d in domains
             if d.id == r or d.name.casefold() == r.casefold() or (d.key is not None and str(d.key) == r)),
            None,
        )
        if match is None:
            names = ", ".join(d.name for d in domains) or "geen"
            raise ExportError(f"Onbekend domein '{r}': kies uit {names}.")
        if match not in chosen:
            chosen.append(match)
    order = {d.id: i for i, d in enumerate(domains)}
    return sorted(chosen, key=lambda d: order[d.id])


def _taxonomy(bundles: list[DocumentAnnotations]) -> list[Domain]:
    seen: dict[str, Domain] = {}
    for b in bundles:
        for d in sorted(b.domains, key=lambda d: d.position):
            seen.setdefault(d.id, d)
    return list(seen.values())


def _party_match(party: str | None, wanted: set[str]) -> bool:
    return bool(party) and party.casefold() in wanted


def _highlight_order(h: Highlight) -> tuple[int, int]:
    return (0 if h.field == "question" else 1, h.start)


def select(bundles: list[DocumentAnnotations], opts: BriefingOptions) -> Selection:
    """Apply the ceiling first, then the user's selection; collect the 'left out' lines."""
    if not bundles:
        raise ExportError("Geen document gekozen: kies minstens één document om te exporteren.")
    taxonomy = _taxonomy(bundles)
    chosen_domains = resolve_domains(opts.domains, taxonomy) if opts.domains else []
    chosen_ids = {d.id for d in chosen_domains}
    parties = {p.casefold() for p in opts.parties}
    omitted: list[str] = []
    documents: list[SelectedDocument] = []
    for raw in bundles:
        bundle, dropped = apply_ceiling(raw, opts.ceiling)
        doc = bundle.document
        by_id = {d.id: d for d in bundle.domains}
        hl: dict[str, list[Highlight]] = {}
        for h in bundle.highlights:
            hl.setdefault(h.item_id, []).append(h)
        notes = {n.item_id: n for n in bundle.notes if n.item_id is not None}
        doc_note = next((n for n in bundle.notes if n.item_id is None and n.body.strip()), None)
        fups: dict[str, list[FollowUp]] = {}
        for f in bundle.followups:
            fups.setdefault(f.item_id, []).append(f)
        items: list[SelectedItem] = []
        out_party: list[int] = []
        out_domain: list[int] = []
        out_plain: list[int] = []
        out_untagged: list[int] = []
        for it in sorted(bundle.items, key=lambda i: i.position):
            # an item belongs to the domains it is tagged with and those of its (surviving) highlights:
            # selecting a passage and pressing 1 is the staffer saying "this answer is about domain 1"
            marked = [h.domain_id for h in hl.get(it.id, []) if h.domain_id]
            tags = sorted((by_id[d] for d in dict.fromkeys([*bundle.item_domains.get(it.id, []), *marked])
                           if d in by_id), key=lambda d: d.position)
            sel = SelectedItem(
                item=it, document=doc, domains=tags,
                highlights=sorted(hl.get(it.id, []), key=_highlight_order),
                note=notes.get(it.id) if notes.get(it.id) and notes[it.id].body.strip() else None,
                followups=fups.get(it.id, []),
            )
            if parties and not _party_match(it.party, parties):
                out_party.append(it.number)
                continue
            if chosen_ids:
                item_domain_ids = {d.id for d in tags} | {h.domain_id for h in sel.highlights if h.domain_id}
                if not item_domain_ids & chosen_ids:
                    out_domain.append(it.number)
                    continue
            if opts.only_annotated and not sel.annotated:
                out_plain.append(it.number)
                continue
            if opts.kind == "kamerlid" and not tags and sel.annotated and not sel.discussed:
                out_untagged.append(it.number)  # kept for the toezeggingen and follow-ups only
            items.append(sel)
        documents.append(SelectedDocument(
            document=doc, footnotes={f.number: f for f in bundle.footnotes}, note=doc_note, items=items,
            all_items=sorted(bundle.items, key=lambda i: i.position)))
        omitted.extend(_explain(doc, dropped, opts, out_party, out_domain, out_plain, out_untagged))
    used = {d.id for doc in documents for it in doc.items for d in it.domains}
    domains = [d for d in (chosen_domains or taxonomy) if d.id in used]
    return Selection(ceiling=Level.parse(opts.ceiling), documents=documents, domains=domains,
                     domain_filter=bool(chosen_domains), omitted=omitted)


def left_out(bundles: list[DocumentAnnotations], opts: BriefingOptions) -> list[str]:
    """Dutch lines saying what the ceiling and the selection leave out (counts and item numbers)."""
    return select(bundles, opts).omitted


def number_ranges(numbers: list[int]) -> str:
    """`1–3, 5, 8` for [1, 2, 3, 5, 8] (duplicates and zeros ignored)."""
    nums = sorted({n for n in numbers if n})
    parts: list[str] = []
    i = 0
    while i < len(nums):
        j = i
        while j + 1 < len(nums) and nums[j + 1] == nums[j] + 1:
            j += 1
        parts.append(str(nums[i]) if i == j else f"{nums[i]}–{nums[j]}")
        i = j + 1
    return ", ".join(parts)


def counted(n: int, one: str, many: str) -> str:
    """`1 antwoord`, `3 antwoorden`."""
    return f"{n} {one if n == 1 else many}"


def _explain(doc: StoredDocument, dropped: dict[str, list[int]], opts: BriefingOptions,
             out_party: list[int], out_domain: list[int], out_plain: list[int],
             out_untagged: list[int]) -> list[str]:
    name = doc.display_name
    lines: list[str] = []
    ceiling = opts.ceiling.value
    kinds = [
        ("highlights", "markering", "markeringen"),
        ("notes", "notitie", "notities"),
        ("followups", "vervolgactie", "vervolgacties"),
    ]
    for key, one, many in kinds:
        nums = dropped[key]
        if nums:
            lines.append(
                f"{name}: {counted(len(nums), one, many)} boven het niveau {ceiling} "
                f"(vraag {number_ranges(nums)})."
            )
    if dropped["document_note"]:
        lines.append(f"{name}: de documentnotitie (Kern) ligt boven het niveau {ceiling}.")
    if out_party:
        lines.append(f"{name}: {counted(len(out_party), 'antwoord', 'antwoorden')} van andere fracties "
                     f"(vraag {number_ranges(out_party)}).")
    if out_domain:
        lines.append(f"{name}: {counted(len(out_domain), 'antwoord', 'antwoorden')} buiten de gekozen domeinen "
                     f"(vraag {number_ranges(out_domain)}).")
    if out_plain:
        lines.append(f"{name}: {counted(len(out_plain), 'antwoord', 'antwoorden')} zonder annotaties "
                     f"(vraag {number_ranges(out_plain)}).")
    if out_untagged:
        lines.append(f"{name}: {counted(len(out_untagged), 'antwoord', 'antwoorden')} zonder domein, notitie of "
                     f"eigen markering: alleen hun toezeggingen en vervolgacties komen in de Kamerlidbriefing "
                     f"(vraag {number_ranges(out_untagged)}).")
    return lines


__all__ = [
    "Selection", "SelectedDocument", "SelectedItem", "apply_ceiling", "select", "left_out",
    "number_ranges", "resolve_domains", "Footnote",
]
