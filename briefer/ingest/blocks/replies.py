"""Core: quoted questions and the replies below them, by theme and fractie (a nota's way).

The report's questions are quoted ("De leden van de VVD-fractie vragen ...", often in italics) and
each is followed by the answer. Theme headings ("2. Doel van het wetsvoorstel", "2.1 ...") and
fractie headings ("VVD-fractie") set the heading and party of the items below them, as do part
and article headings ("ALGEMEEN", "Artikelsgewijs", "Artikel I, onderdeel A") and, in text without
font information, short capitalised lines of their own ("Inleiding"). Items are numbered in order.
The signature at the end is left out. Also reads an Eerste Kamer memorie van antwoord and the
reply section of a verslag van een schriftelijk overleg.
"""

from __future__ import annotations

from briefer.ingest.blocks.common import (
    PARTY_HEADING,
    government_speaks,
    parse_numbers,
    party_in,
    refers_to,
    reports_question,
)
from briefer.ingest.blocks.labelled import ANTWOORD, VRAAG
from briefer.ingest.blocks.paragraphs import Block, cut
from briefer.ingest.lazyre import lazy
from briefer.ingest.pages import Line
from briefer.model import Item

THEME = lazy(r"^(\d{1,2}(?:\.\d{1,2})*\.?|[IVX]{1,4}\.?|§\s*\d+(?:\.\d+)*)\s+[A-Z][^.?!:]{1,90}$")
FRACTIE = lazy(
    r"^(?:(?:Vragen|Inbreng|Opmerkingen)\s+van\s+de\s+leden\s+van\s+de\s+)?[\w-]+-fractie\s*$"
    r"|^(?:Vragen|Inbreng)\s+van\s+de\s+leden\s+van\s+de\s+fractie\s+van\s+(?:de\s+|het\s+)?[\w-]+\s*$"
    r"|^(?:Reactie|Antwoord(?:en)?|Beantwoording)\s+(?:op|van)\s+de\s+(?:vragen|inbreng)(?:\s+en\s+opmerkingen)?"
    r"\s+van\s+(?:de\s+leden\s+van\s+)?de\s+(?:[\w-]+-fractie|fractie\s+van\s+(?:de\s+|het\s+)?[\w-]+)\s*:?\s*$"
)
# unnumbered headings: a part ("ALGEMEEN", "Artikelsgewijs"), an article ("Artikel I, onderdeel A")
PART = lazy(
    r"^(?:[IVX]{1,4}\.?\s+)?(?:[A-ZÀ-Ý][A-ZÀ-Ý ,/&-]{3,60}|Algemeen(?:\s+deel)?|Artikelsgewijs|Artikelsgewijze\s+toelichting"
    r"|Artikelen|Overig(?:e\s+vragen)?|Inleiding|Slot(?:opmerkingen)?)\s*$"
    r"|^Artikel(?:en)?\s+[0-9IVXLC]+[a-z]?(?:\.\d+)*(?:(?:,|\s+en|\s+t/m)?\s+(?:(?:onderdelen|onderdeel|leden|lid)\s+)?"
    r"[0-9IVXLCA-Z]{1,5}[a-z]?(?:\.\d+)*)*\s*$"
)
_SIGNATURE = lazy(r"^(?:De|Namens\s+de)\s+(?:[Mm]inister|[Ss]taatssecretaris|[Ii]nitiatiefnem|[Ii]ndiener)[^.?!]{0,120},\s*$")


def _is_question(b: Block, italic_style: bool, quote_x: float | None = None) -> bool:
    if italic_style:
        share = sum(1 for ln in b.lines if ln.italic) / len(b.lines)
        return share > 0.5
    if quote_x is not None:  # quotes indented, answers at the column's edge (bullet lists stay answers)
        x = _block_x(b)
        return x is not None and x >= quote_x and not b.text.startswith(("•", "-", "–"))
    text = b.text.rstrip()
    # a paragraph reporting what members ask, or one that asks ("Kunt u aangeven ...?")
    return reports_question(text) or (text.endswith("?") and not government_speaks(text))


def read_replies(lines: list[Line]) -> tuple[list[Item], list[str], list[str]]:
    """Items, parties in order, warnings."""
    sig = next((i for i in range(max(0, len(lines) - 10), len(lines)) if _SIGNATURE.match(lines[i].text)), None)
    if sig is not None:
        lines = lines[:sig]  # the signature at the end ("De Minister van ..., / Name")
    labelled = sum(1 for ln in lines if VRAAG.match(ln.text)) >= 2  # "Vraag 3" ... "Antwoord" labels
    patterns = [("fractie", FRACTIE), ("fractie", PARTY_HEADING), ("theme", THEME), ("theme", PART)]
    if labelled:
        patterns = [("vraag", VRAAG), ("antwoord", ANTWOORD), *patterns]
    else:  # a bare "Antwoord" line between a quoted question and its reply
        patterns = [("reply", _REPLY_LINE), *patterns]
    blocks = cut(lines, patterns)
    paras = [b for b in blocks if b.kind == "para"]
    italic_n = sum(1 for b in paras if all(ln.italic for ln in b.lines))
    italic_style = 0 < italic_n < len(paras) and italic_n >= 3
    quote_x = None if italic_style else _quote_indent(paras)
    items: list[Item] = []
    parties: list[str] = []
    heading: str | None = None
    section_party: str | None = None
    q: list[Block] = []
    a: list[Block] = []
    started = False
    label = ""  # "vraag" / "antwoord" after such a label: the paragraphs below belong to it
    printed: list[list[int]] = []  # the label's numbers per item

    def finish() -> None:
        nonlocal q, a, label
        label = ""
        if q and a:
            question = "\n\n".join(b.text for b in q)
            answer = "\n\n".join(b.text for b in a)
            party = party_in(q[0].text[:200]) or section_party or (items[-1].party if items else None)
            if party and party not in parties:
                parties.append(party)
            n = len(items) + 1
            items.append(Item(number=n, question=question, answer=answer, party=party, heading=heading,
                              pages=[q[0].first_page, a[-1].last_page], refers_to=refers_to(answer, [n])))
            printed.append(list(numbers))
        q, a = [], []

    numbers: list[int] = []

    for b in blocks:
        if b.kind == "para" and len(b.lines) <= 2 and all(ln.bold for ln in b.lines) \
                and not b.text.rstrip().endswith((".", "?", ":", ";")) and len(b.text) < 110:
            b.kind = "fractie" if FRACTIE.match(b.text) else "theme"  # bold heading in a PDF
        elif b.kind == "para" and _plain_heading(b):
            b.kind = "theme"
        if b.kind == "fractie":
            finish()
            section_party = party_in(b.lines[0].text)
            continue
        if b.kind == "theme":
            finish()
            heading = b.text.replace("\n\n", " ")
            started = True
            continue
        if b.kind == "reply":
            label = "reply"
            continue
        if b.kind in ("vraag", "antwoord"):
            assert b.match is not None
            if b.kind == "vraag":
                finish()
                numbers = parse_numbers(b.match.group(1))
            label = b.kind
            rest = (b.match.group(2) or b.match.group(3) or "").strip()
            if rest:
                (q if label == "vraag" else a).append(Block("para", [Line(rest, b.first_page)]))
            started = True
            continue
        if label == "vraag":
            q.append(b)
            continue
        if label == "antwoord":
            a.append(b)
            continue
        if label == "reply":  # after a bare "Antwoord" line: the reply, until the next quoted question
            if q and (not a or not _is_question(b, italic_style, quote_x)):
                a.append(b)
                continue
            label = ""
        if _is_question(b, italic_style, quote_x):
            if a:
                finish()
            q.append(b)
            started = True
        elif q:
            a.append(b)
        elif not started:
            continue  # introduction before the first theme or question
    finish()
    flat = [n for nums in printed for n in nums]
    if labelled and all(printed) and len(flat) == len(set(flat)):  # the document's own numbers, when unique
        for item, nums in zip(items, printed, strict=True):
            item.number, item.numbers = nums[0], nums
            item.refers_to = refers_to(item.answer, nums)
    return items, parties, []


_REPLY_LINE = lazy(r"^Antwoord(?:\s+(?:van\s+)?(?:de\s+regering|het\s+kabinet))?\s*:?$")


def _block_x(b: Block) -> float | None:
    xs = sorted(ln.x for ln in b.lines if ln.x is not None)
    return xs[len(xs) // 2] if xs else None


def _quote_indent(paras: list[Block]) -> float | None:
    """In a PDF that sets quoted questions indented (upright type): the least x of a quote, else None.

    Needs three or more indented paragraphs that are not bullet lists, and most paragraphs at the edge.
    """
    xs = [(x, b) for b in paras if (x := _block_x(b)) is not None]
    if len(xs) < 4:
        return None
    edge = min(x for x, _ in xs)
    indented = [x for x, b in xs if x > edge + 8 and not b.text.startswith(("•", "-", "–"))]
    at_edge = sum(1 for x, _ in xs if x <= edge + 8)
    if len(indented) < 3 or at_edge < len(indented) or max(indented) - min(indented) > 8:
        return None
    return min(indented) - 2


_LETTER_LINE = lazy(r"^(?:Aan\s|Den\s+Haag|[’']s-Gravenhage)|.*\b\d{4}\b")


def _plain_heading(b: Block) -> bool:
    """In text without font information: a short line of its own, capitalised, without end punctuation."""
    if len(b.lines) != 1 or b.lines[0].x is not None:
        return False
    text = b.lines[0].text.strip()
    return 3 <= len(text) <= 70 and len(text.split()) <= 8 and text[0].isupper() \
        and not text.endswith((".", "?", "!", ":", ";", ",", ")")) and not text.startswith(("•", "-", "–")) \
        and not _LETTER_LINE.match(text) and not reports_question(text)
