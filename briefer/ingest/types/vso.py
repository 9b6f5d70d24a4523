"""Core: verslag van een schriftelijk overleg: fractie headings, question paragraphs, numbered answers.

    Vragen en opmerkingen van de leden van de VVD-fractie
    De leden van de VVD-fractie ... ?            (question block, may open with an introduction)
    1. Antwoord van het kabinet:
    Het kabinet ...                               (answer, often indented)

Numbering runs on across fracties; an unnumbered answer heading takes the next number.
"""

from __future__ import annotations

import re

from briefer.ingest.blocks.common import (
    PARTY_HEADING,
    parse_numbers,
    party_in,
    refers_to,
    reports_question,
)
from briefer.ingest.blocks.cover import cover_end
from briefer.ingest.blocks.labelled import VRAAG
from briefer.ingest.blocks.paragraphs import AnswerStyle, Block, cut
from briefer.ingest.blocks.replies import read_replies
from briefer.ingest.clean import join_lines
from briefer.ingest.lazyre import lazy
from briefer.ingest.pages import Extract, Line
from briefer.ingest.types.base import LIKELY, SURE, DocumentType, Parsed, head_text
from briefer.model import DocType, Item

ANSWER_HEADING = lazy(
    r"^(?:(\d{1,4}(?:\s*(?:,|en)\s*\d{1,4})*)\s*[.)]?\s+)?"
    r"(?:Antwoord|Reactie|Beantwoording)\s+(?:(?:van|door)\s+(?:het\s+kabinet|de\s+regering|de\s+bewindspersonen?"
    r"|de\s+[Mm]inisters?|de\s+[Ss]taatssecretaris(?:sen)?|de\s+initiatiefnemers?)\b"
    r"(?:[^:]{0,160}:\s*(.*)|[^:.?!]{0,160}$)"
    r"|(?:het\s+)?kabinet\s*(?::\s*(.*))?$)"  # "Reactie kabinet" only as a line of its own
)
# a bare "Antwoord" / "Antwoord:" / "3. Antwoord" line, used when a document has no full answer headings
ANSWER_SHORT = lazy(r"^(?:(\d{1,4}(?:\s*(?:,|en)\s*\d{1,4})*)\s*[.)]?\s+)?(?:Antwoord|Reactie)\s*(?::\s*(.*)|$)")
_NUMBERED_QUESTION = lazy(r"^(\d{1,4})\s*[.)]\s+(?=\S)")
# a fractie heading of its own: "VVD-fractie", "Fractie van de SGP"
_BARE_PARTY = lazy(r"^(?:[\w-]+-fractie|[Ff]ractie\s+van\s+(?:de\s+|het\s+)?[\w-]+)\s*$")
ROMAN = lazy(r"^(?:[IVX]{1,5})\.?\s+[A-Z][^.?!]{0,80}$")


_PRINTED = lazy(r"\bVERSLAG\s+VAN\s+EEN\s+(?:NADER\s+)?SCHRIFTELIJK\s+OVERLEG\b")
_TYPED = lazy(r"(?im)^\s*(?:Nr\.\s*\d+\s+|[A-Z]{1,2}\s+)?Verslag\s+van\s+een\s+(?:nader\s+)?schriftelijk"
                    r"\s+overleg\s*$")


def detect(ex: Extract) -> float:
    head = head_text(ex)
    if _PRINTED.search(head) or _TYPED.search(head):
        return SURE
    return LIKELY if any(ANSWER_HEADING.match(ln.text) for ln in ex.lines) else 0.0


def parse(ex: Extract) -> Parsed:
    items, parties, warnings = parse_lines(ex.lines[cover_end(ex.lines):])
    return Parsed(items=items, parties=parties, warnings=warnings)


_REPLY_SECTION = lazy(
    r"^[IVX]{1,5}\.?\s+(?!.*\bVragen\b).*\b(?:Reactie|Antwoord|Beantwoording)"
    # Eerste Kamer: the committee's letter with the questions, then the government's letter
    r"|^(?-i:BRIEF\s+VAN\s+DE\s+(?:MINISTERS?|STAATSSECRETARIS(?:SEN)?|MINISTER-PRESIDENT)\b)"
    # the reply section's heading in capitals without a numeral: "REACTIE VAN DE MINISTER"
    r"|^(?-i:(?:REACTIE|ANTWOORD(?:EN)?|BEANTWOORDING)\s+(?:VAN|DOOR)\s+[A-Z ,/-]+)$",
    re.I,
)


def parse_lines(lines: list[Line]) -> tuple[list[Item], list[str], list[str]]:
    """Items, parties in order, warnings.

    The older layout puts all questions in section "I Vragen en opmerkingen vanuit de fracties"
    and the replies, with the questions repeated, in "II Reactie van de bewindspersoon": then
    only section II is read; without answer headings there, questions are told from answers as
    in a nota (wording, italics).
    """
    lines = _join_wrapped_headings(lines)
    reply = next((i for i, ln in enumerate(lines)
                  if _REPLY_SECTION.match(ln.text) and not ln.text.rstrip()[-1:].isdigit()), None)
    if reply is not None:
        section = lines[reply + 1:]
        if any(ANSWER_HEADING.match(ln.text) or ANSWER_SHORT.match(ln.text) for ln in section):
            found = _interleaved(section)
        else:
            found = read_replies(section)
        if found[0]:
            return found
    return _interleaved(lines)


def _interleaved(lines: list[Line]) -> tuple[list[Item], list[str], list[str]]:
    """Fractie headings, question paragraphs, answer headings, answers (see the module docstring)."""
    answer_pattern = ANSWER_HEADING if any(ANSWER_HEADING.match(ln.text) for ln in lines) else ANSWER_SHORT
    patterns = [("party", PARTY_HEADING), ("party", _BARE_PARTY), ("answer", answer_pattern), ("roman", ROMAN)]
    labelled = sum(1 for ln in lines if VRAAG.match(ln.text)) >= 2
    if labelled:  # questions headed "Vraag 3" (numbered on, or anew per fractie)
        patterns.insert(0, ("vraag", VRAAG))
    blocks = cut(lines, patterns)
    style = AnswerStyle(blocks, "answer")
    has_party = any(b.kind == "party" for b in blocks)
    items: list[Item] = []
    parties: list[str] = []
    warnings: list[str] = []
    party: str | None = None
    mode = "skip" if has_party else "question"
    q: list[Block] = []
    a: list[Block] = []
    numbers: list[int] = []
    label: list[int] = []  # the numbers of the last "Vraag N" label
    wrapped = False  # a bold answer heading may run on over a second line

    def finish() -> None:
        nonlocal q, a, numbers
        if numbers:
            question = "\n\n".join(b.text for b in q if b.text)
            answer = "\n\n".join(b.text for b in a if b.text)
            first = (q or a)[0].first_page if (q or a) else 0
            last = (a or q)[-1].last_page if (a or q) else first
            items.append(Item(number=numbers[0], numbers=list(numbers), question=question, answer=answer,
                              party=party, pages=[first, last], refers_to=refers_to(answer, numbers)))
            if not question:
                warnings.append(f"Antwoord {numbers[0]}: geen vraag gevonden vóór dit antwoord.")
        q, a, numbers = [], [], []

    for b in blocks:
        if b.kind == "party":
            finish()
            party = party_in(b.lines[0].text)
            if party and party not in parties:
                parties.append(party)
            mode = "question"
            continue
        if b.kind == "roman":
            finish()
            mode = "skip"
            continue
        if b.kind == "vraag":
            if mode == "answer":
                finish()
            assert b.match is not None
            label = parse_numbers(b.match.group(1))
            rest = (b.match.group(2) or b.match.group(3) or "").strip()
            if rest:
                q.append(Block("para", [Line(rest, b.first_page)]))
            mode = "question"
            continue
        if b.kind == "answer":
            if mode == "answer":
                finish()
            m = b.match
            assert m is not None
            nums = parse_numbers(m.group(1)) if m.group(1) else list(label)
            label = []
            if not nums and q:  # numbered questions: "12. De leden van ..." ... "Antwoord"
                lead = _NUMBERED_QUESTION.match(q[0].lines[0].text)
                if lead:
                    nums = [int(lead.group(1))]
                    first = q[0].lines[0]
                    q[0].lines[0] = Line(first.text[lead.end():], first.page, para=first.para, size=first.size,
                                         x=first.x)
            if not nums:
                last = items[-1].numbers[-1] if items else 0
                nums = [last + 1]
            numbers = nums
            rest = (m.group(2) or (m.group(3) if m.re.groups >= 3 else "") or "").strip()
            if rest:
                a.append(Block("para", [Line(rest, b.first_page)]))
            mode = "answer"
            wrapped = b.lines[0].bold and not rest and not b.lines[0].text.rstrip().endswith(":")
            continue
        if wrapped:  # the bold answer heading wrapped onto the next line(s)
            keep = b.lines
            while keep and keep[0].bold and len(keep[0].text) < 80 and len(b.lines) - len(keep) < 3:
                keep = keep[1:]
            if not keep:
                continue
            b = Block("para", keep) if keep is not b.lines else b
        wrapped = False
        if mode == "skip":
            continue
        if mode == "question":
            q.append(b)
            continue
        # mode == "answer": does this paragraph still belong to the answer?
        verdict = style.is_answer(b)
        text = b.text
        asks = text.rstrip().endswith("?") or (reports_question(text) and "?" in text)
        if verdict is None:
            verdict = not (reports_question(text) or asks)
        elif verdict and not style.use_x and asks:
            verdict = False  # extracted text: column width is a weak signal, a question mark a strong one
        if verdict:
            a.append(b)
        else:
            finish()
            mode = "question"
            q.append(b)
    finish()
    flat = [n for it in items for n in it.numbers]
    if labelled and len(flat) != len(set(flat)):  # "Vraag 1" anew per fractie: number the items on
        for n, it in enumerate(items, start=1):
            it.number, it.numbers, it.refers_to = n, [n], refers_to(it.answer, [n])
    return items, parties, warnings


def _join_wrapped_headings(lines: list[Line]) -> list[Line]:
    """A fractie heading wrapped over two lines ("... van de GroenLinks-PvdA-" / "fractie")."""
    out: list[Line] = []
    for ln in lines:
        if out and not ln.para and out[-1].para and PARTY_HEADING.match(out[-1].text) is None \
                and len(ln.text) < 30 and out[-1].text.startswith(("Vragen en opmerkingen", "Inbreng")) \
                and (ln.text.rstrip().endswith("fractie")  # "... van de GroenLinks-PvdA-" / "fractie"
                     or PARTY_HEADING.match(join_lines([out[-1].text, ln.text], paragraphs=False))):
            prev = out[-1]
            out[-1] = Line(join_lines([prev.text, ln.text], paragraphs=False), prev.page, para=True,
                           size=prev.size, x=prev.x)
            continue
        out.append(ln)
    return out


TYPE = DocumentType(DocType.SCHRIFTELIJK_OVERLEG, detect, parse)
