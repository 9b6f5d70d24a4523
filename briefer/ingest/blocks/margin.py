"""Core: a nota's questions numbered in the margin ("1", "5, 6 en 7", "Vraag 36"), each followed by
an "Antwoord" line (not always) and the reply; several questions may share one reply.

The print repeats each question of the verslag with its number in the left margin; extraction puts
the number before the paragraph's first words ("5, 6 en 7 De leden van de CDA-fractie …") or on a
line of its own. A number counts as a margin number when it stands left of the text column (PDF),
or, in text without positions, when the numbers run on upwards and the paragraphs they open read
as questions. Questions met since the last reply all share the next reply. Theme and fractie
headings set the heading and party of the items below them. A question without a margin number
of its own gets a number after the highest margin number, so numbers stay unique.
"""

from __future__ import annotations

import re
from collections import Counter

from briefer.ingest.blocks.common import (
    government_speaks,
    parse_numbers,
    party_in,
    refers_to,
    reports_question,
)
from briefer.ingest.blocks.paragraphs import Block, cut
from briefer.ingest.lazyre import lazy
from briefer.ingest.pages import Line
from briefer.model import Item

_NUMS = r"\d{1,5}(?:\s*(?:,|en|t/m|tot\s+en\s+met|–|-)\s*\d{1,5})*"
LABEL = lazy(r"^(?:Vra(?:ag|gen)\s+)?(" + _NUMS + r")\s*[.:]?\s+(?=[A-Z«“‘\"(À-Ý])(.+)$")
LABEL_ALONE = lazy(r"^(?:Vra(?:ag|gen)\s+)?(" + _NUMS + r")\s*[.:]?$")
ANTWOORD_LINE = lazy(r"^Antwoord(?:\s+(?:van\s+)?(?:de\s+regering|het\s+kabinet|de\s+minister))?\s*(?::\s*(.*))?$",
                           re.IGNORECASE)


# a question that goes on about the fractie asking before it: "Deze leden vragen …", "Zij vragen …"
_FOLLOW_UP = re.compile(r"^(?:\S+\s+){0,3}?(?:[Dd]eze|[Gg]enoemde|[Vv]oornoemde|[Dd]ezelfde|[Bb]ovengenoemde)\s+leden\b"
                        r"|^(?:Zij|Ook\s+zij)\b")


def _body_x(lines: list[Line]) -> float | None:
    xs = Counter(round(ln.x) for ln in lines if ln.x is not None)
    return float(xs.most_common(1)[0][0]) if xs else None


def label_of(line: Line, body_x: float | None) -> tuple[list[int], str] | None:
    """(numbers, text after them) when the line opens with a margin number."""
    m = LABEL.match(line.text)
    alone = m is None
    if alone:
        m = LABEL_ALONE.match(line.text)
    if not m:
        return None
    alone_or_vraag = alone or line.text.lower().startswith("vra")
    if body_x is not None and line.x is not None and line.x > body_x - 15 and not alone_or_vraag:
        return None  # in the text column: a numbered heading or list item, not a margin number
    if line.bold and not alone:
        return None  # a bold numbered line is a heading ("2. Doel van het wetsvoorstel")
    numbers = parse_numbers(m.group(1))
    if not numbers or max(numbers) - min(numbers) > 30:
        return None
    rest = "" if alone else m.group(2)
    return numbers, (rest or "").strip()


def margin_labels(lines: list[Line]) -> list[int]:
    """Indexes of the lines that open with a margin number, running upwards through the document."""
    body_x = _body_x(lines)
    found: list[int] = []
    last = 0
    for i, ln in enumerate(lines):
        if not (ln.para or i == 0 or body_x is not None or lines[i - 1].text.rstrip().endswith((".", "?", ":"))):
            continue
        lab = label_of(ln, body_x)
        if lab is None:
            continue
        numbers, rest = lab
        if numbers[0] <= last or numbers[0] > last + 60:
            continue
        if body_x is None and rest and not (reports_question(rest) or "?" in rest or rest[:1] in "«“‘\""):
            continue  # text without positions: a numbered paragraph that does not quote a question
        found.append(i)
        last = max(numbers)
    return found


def read_margin_numbered(lines: list[Line], headings: list[tuple[str, re.Pattern[str]]]) -> tuple[list[Item], list[str]]:
    """Items (one per reply, with every question number it answers) and the parties in order."""
    body_x = _body_x(lines)
    starts = set(margin_labels(lines))
    has_answer_lines = sum(1 for ln in lines if ANTWOORD_LINE.match(ln.text)) >= 2
    marked: list[Line] = []
    for i, ln in enumerate(lines):
        if i in starts:
            lab = label_of(ln, body_x)
            assert lab is not None
            numbers, rest = lab
            marked.append(Line("\u27e6Q" + ",".join(map(str, numbers)) + "\u27e7", ln.page, para=True))
            if rest:
                marked.append(Line(rest, ln.page, para=True, size=ln.size, italic=ln.italic, bold=ln.bold,
                                   short=ln.short, x=body_x if body_x is not None else ln.x))
            continue
        marked.append(ln)
    blocks = cut(marked, [("label", re.compile("^\u27e6Q([\\d,]+)\u27e7$")), ("antwoord", ANTWOORD_LINE), *headings])
    items: list[Item] = []
    parties: list[str] = []
    heading: str | None = None
    section_party: str | None = None
    pending: list[int] = []
    q: list[Block] = []
    a: list[Block] = []
    mode = "skip"
    unnumbered: list[Item] = []

    def finish() -> None:
        nonlocal q, a, pending
        if q and a:
            question = "\n\n".join(b.text for b in q if b.text)
            answer = "\n\n".join(b.text for b in a if b.text)
            follows = _FOLLOW_UP.match(question) is not None and items and items[-1].heading == heading
            party = party_in(question[:200]) or (items[-1].party if follows else None) or section_party
            if party and party not in parties:
                parties.append(party)
            item = Item(number=pending[0] if pending else 0, numbers=list(pending), question=question, answer=answer,
                        party=party, heading=heading, pages=[q[0].first_page, a[-1].last_page])
            items.append(item)
            if not pending:
                unnumbered.append(item)
            q, a, pending = [], [], []

    for b in blocks:
        if b.kind == "label":
            if a:
                finish()
            assert b.match is not None
            pending += [int(n) for n in b.match.group(1).split(",") if int(n) not in pending]
            mode = "question"
            continue
        if b.kind == "antwoord":
            mode = "answer"
            rest = (b.match.group(1) or "").strip() if b.match else ""
            if rest:
                a.append(Block("para", [Line(rest, b.first_page)]))
            continue
        if b.kind in ("fractie", "theme"):
            finish()
            if b.kind == "fractie":
                section_party = party_in(b.lines[0].text)
            else:
                heading = b.text.replace("\n\n", " ")
            mode = "skip" if not q else mode
            continue
        text = b.text
        asks = reports_question(text) or (text.rstrip().endswith("?") and not government_speaks(text)) \
            or (bool(b.lines) and all(ln.italic for ln in b.lines))
        if mode == "question":
            replies = bool(q) and not asks and (government_speaks(text) or not has_answer_lines
                                                or q[-1].text.rstrip().endswith("?"))
            if replies:  # the reply, without an "Antwoord" line of its own
                mode = "answer"
                a.append(b)
            else:
                q.append(b)
        elif mode == "answer":
            if asks and not has_answer_lines and reports_question(text):
                finish()  # a question without a margin number of its own
                q.append(b)
                mode = "question"
            else:
                a.append(b)
        elif asks:
            q.append(b)
            mode = "question"
    finish()
    top = max((n for it in items for n in it.numbers), default=0)
    for k, item in enumerate(unnumbered, start=1):
        item.number, item.numbers = top + k, [top + k]
    for item in items:
        item.refers_to = refers_to(item.answer, item.numbers)
    return items, parties
