"""Core: nota naar aanleiding van het verslag: the government answers the report by theme and fractie.

The report's questions are quoted ("De leden van de VVD-fractie vragen ...", often in italics) and
each is followed by the answer. Theme headings ("2. Doel van het wetsvoorstel", "2.1 ...") and
fractie headings ("VVD-fractie") set the heading and party of the items below them. Items are
numbered in order.
"""

from __future__ import annotations

import re

from briefer.ingest.pages import Line
from briefer.ingest.structure.blocks import Block, cut
from briefer.ingest.structure.common import PARTY_HEADING, party_in, refers_to, reports_question
from briefer.model import Item

THEME = re.compile(r"^(\d{1,2}(?:\.\d{1,2})*\.?|[IVX]{1,4}\.?|§\s*\d+(?:\.\d+)*)\s+[A-Z][^.?!:]{1,90}$")
FRACTIE = re.compile(
    r"^(?:(?:Vragen|Inbreng|Opmerkingen)\s+van\s+de\s+leden\s+van\s+de\s+)?[\w-]+-fractie\s*$"
    r"|^(?:Vragen|Inbreng)\s+van\s+de\s+leden\s+van\s+de\s+fractie\s+van\s+(?:de\s+|het\s+)?[\w-]+\s*$"
)


def _is_question(b: Block, italic_style: bool) -> bool:
    if italic_style:
        share = sum(1 for ln in b.lines if ln.italic) / len(b.lines)
        return share > 0.5
    return reports_question(b.text)


def parse(lines: list[Line]) -> tuple[list[Item], list[str], list[str]]:
    """Items, parties in order, warnings."""
    blocks = cut(lines, [("fractie", FRACTIE), ("fractie", PARTY_HEADING), ("theme", THEME)])
    paras = [b for b in blocks if b.kind == "para"]
    italic_n = sum(1 for b in paras if all(ln.italic for ln in b.lines))
    italic_style = 0 < italic_n < len(paras) and italic_n >= 3
    items: list[Item] = []
    parties: list[str] = []
    heading: str | None = None
    section_party: str | None = None
    q: list[Block] = []
    a: list[Block] = []
    started = False

    def finish() -> None:
        nonlocal q, a
        if q and a:
            question = "\n\n".join(b.text for b in q)
            answer = "\n\n".join(b.text for b in a)
            party = party_in(q[0].text[:200]) or section_party or (items[-1].party if items else None)
            if party and party not in parties:
                parties.append(party)
            n = len(items) + 1
            items.append(Item(number=n, question=question, answer=answer, party=party, heading=heading,
                              pages=[q[0].first_page, a[-1].last_page], refers_to=refers_to(answer, [n])))
        q, a = [], []

    for b in blocks:
        if b.kind == "para" and len(b.lines) <= 2 and all(ln.bold for ln in b.lines) \
                and not b.text.rstrip().endswith((".", "?", ":", ";")) and len(b.text) < 110:
            b.kind = "fractie" if FRACTIE.match(b.text) else "theme"  # bold heading in a PDF
        if b.kind == "fractie":
            finish()
            section_party = party_in(b.lines[0].text)
            continue
        if b.kind == "theme":
            finish()
            heading = b.text.replace("\n\n", " ")
            started = True
            continue
        if _is_question(b, italic_style):
            if a:
                finish()
            q.append(b)
            started = True
        elif q:
            a.append(b)
        elif not started:
            continue  # introduction before the first theme or question
    finish()
    return items, parties, []
