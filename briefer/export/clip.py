"""Core (export): one question with its annotations as plain text, for the clipboard or a terminal.

A staffer often needs one answer in an e-mail or a chat to the Kamerlid ("wat zei het kabinet over
X, en wat vinden wij"). The clipboard is a path out like a briefing, so it has a ceiling: the text
is made from `select.apply_ceiling(bundle, ceiling)` (the same gate the briefings pass), `intern`
unless the user chooses otherwise. Text above the ceiling is never in it; `left_out` says, in
counts only, what stayed out. When vertrouwelijk material is included (ceiling vertrouwelijk and
something of that level present), the text starts and ends with a VERTROUWELIJK line, so the mark
travels with it wherever it is pasted.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from briefer.export.select import apply_ceiling
from briefer.model import DocumentAnnotations, Level
from briefer.textutil import strip_footnote_markers

CONFIDENTIAL_LINE = "VERTROUWELIJK — niet verder verspreiden"


@dataclass
class Clip:
    """Core: the text of one item within a ceiling, and what the ceiling left out (counts)."""

    text: str
    ceiling: Level
    confidential: bool = False
    left_out: list[str] = field(default_factory=list)


def item_clip(bundle: DocumentAnnotations, item_id: str, ceiling: Level | str = Level.INTERN) -> Clip:
    """Question, answer, the staffer's highlights, note, domains and follow-ups of one item, as text."""
    lvl = Level.parse(ceiling)
    kept, dropped = apply_ceiling(bundle, lvl)
    item = next((i for i in kept.items if i.id == item_id), None)
    if item is None:
        raise KeyError(item_id)
    doc = kept.document
    highlights = [h for h in kept.highlights if h.item_id == item_id and not h.orphaned]
    note = next((n for n in kept.notes if n.item_id == item_id), None)
    followups = [f for f in kept.followups if f.item_id == item_id]
    names = {d.id: d.name for d in kept.domains}
    domains = [names[d] for d in kept.item_domains.get(item_id, []) if d in names]
    confidential = any(x.level is Level.VERTROUWELIJK for x in [*highlights, *followups, *([note] if note else [])])

    numbers = ", ".join(str(n) for n in item.numbers)
    head = f"{doc.display_name} — vraag {numbers}" + (f" ({item.party})" if item.party else "")
    lines = [CONFIDENTIAL_LINE, ""] if confidential else []
    lines.append(head)
    if domains:
        lines.append("Domeinen: " + ", ".join(domains))
    if item.question:
        lines += ["", "Vraag:", strip_footnote_markers(item.question).strip()]
    if item.answer:
        lines += ["", "Antwoord van het kabinet:", strip_footnote_markers(item.answer).strip()]
    if highlights:
        lines += ["", "Gemarkeerd:"]
        for h in highlights:
            extra = f" — {h.note.strip()}" if h.note.strip() else ""
            mark = " [vertrouwelijk]" if h.level is Level.VERTROUWELIJK else ""
            lines.append(f"- “{h.exact.strip()}”{extra}{mark}")
    if note is not None and note.body.strip():
        mark = " [vertrouwelijk]" if note.level is Level.VERTROUWELIJK else ""
        lines += ["", f"Onze notitie{mark}:", note.body.strip()]
    if followups:
        lines += ["", "Vervolgacties:"]
        for f in followups:
            when = f", uiterlijk {f.due}" if f.due else ""
            mark = " [vertrouwelijk]" if f.level is Level.VERTROUWELIJK else ""
            lines.append(f"- {f.text.strip()} ({f.kind.value}{when}, {f.status.value}){mark}")
    if confidential:
        lines += ["", CONFIDENTIAL_LINE]
    number = item.number
    left = []
    for key, noun in (("highlights", ("markering", "markeringen")), ("notes", ("notitie", "notities")),
                      ("followups", ("vervolgactie", "vervolgacties"))):
        n = dropped.get(key, []).count(number)
        if n:
            left.append(f"{n} {noun[0] if n == 1 else noun[1]}")
    left_out = [f"Niet meegekopieerd (boven {lvl.value}): " + ", ".join(left) + "."] if left else []
    return Clip("\n".join(lines).strip() + "\n", lvl, confidential, left_out)
