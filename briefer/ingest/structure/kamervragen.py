"""Core: antwoorden op Kamervragen (Aanhangsel Handelingen): "Vraag N" ... "Antwoord N".

One item per answer, with every question it answers: "Vraag 3, 4 en 5" ... "Antwoord 3, 4 en 5",
or "Vraag 5", "Vraag 6", "Antwoord 5 en 6", or "Antwoord op vraag 2 en 3"; an "Antwoord" without
number answers the questions since the previous answer. Also used for a lijst van vragen en
antwoorden that heads its questions "Vraag N".
"""

from __future__ import annotations

import re

from briefer.ingest.pages import Line
from briefer.ingest.structure.blocks import Block, cut
from briefer.ingest.structure.common import NUMS, parse_numbers, refers_to
from briefer.model import Item

VRAAG = re.compile(r"^Vra(?:ag|gen)\s+(" + NUMS + r")\s*(?:[:.]\s*(.*)|\s+([A-Z«(].*))?$")
ANTWOORD = re.compile(
    r"^Antwoord(?:en)?(?:\s+(?:op|bij)\s+(?:de\s+)?vra(?:ag|gen))?\s*(" + NUMS + r")?\s*(?:[:.]\s*(.*)|\s+([A-Z«(].*))?$"
)


def looks_like(lines: list[Line]) -> bool:
    v = sum(1 for ln in lines if VRAAG.match(ln.text))
    a = sum(1 for ln in lines if ANTWOORD.match(ln.text))
    return v >= 1 and a >= 1


def parse(lines: list[Line]) -> tuple[list[Item], int, list[str]]:
    """Items, the index of the first heading line (the cover text lies before it), warnings."""
    start = next((i for i, ln in enumerate(lines) if VRAAG.match(ln.text)), None)
    if start is None:
        return _numbered_sections(lines)
    blocks = cut(lines[start:], [("vraag", VRAAG), ("antwoord", ANTWOORD)])
    items, warnings = qa_items(blocks)
    return items, start, warnings


_ANSWERS_START = re.compile(r"^(?:Antwoord|Mededeling)\s+van\s+(?:de\s+)?[A-Z]")
_NUMBER_ALONE = re.compile(r"^(" + NUMS + r")\s*[.)]?\s*$")
_NUMBER_LEAD = re.compile(r"^(\d{1,3})\s*[.)]?\s+(\S.*)$")


def _numbered_sections(lines: list[Line]) -> tuple[list[Item], int, list[str]]:
    """Older layout: all questions numbered "1", "2" ..., then "Antwoord van ..." and numbered answers."""
    split = next((i for i, ln in enumerate(lines) if _ANSWERS_START.match(ln.text)), None)
    if split is None:
        return [], len(lines), []
    questions = _sections(lines[:split])
    answer_from = split + 1
    while answer_from < len(lines) and not lines[answer_from - 1].text.rstrip().endswith((").", ")")):
        answer_from += 1  # the "(ontvangen ...)" sentence may wrap
    answers = _sections(lines[answer_from:])
    if not questions or not answers:
        return [], len(lines), []
    first = min(i for _, _, i in questions)
    by_number = {n: blk for nums, blk, _ in questions for n in nums}
    items: list[Item] = []
    for nums, blk, _ in answers:
        q_blocks: list[Block] = []
        for n in nums:
            qb = by_number.get(n)
            if qb is not None and not any(qb is seen for seen in q_blocks):
                q_blocks.append(qb)
        answer = blk.text
        pages = [b.first_page for b in q_blocks] + [blk.first_page, blk.last_page]
        items.append(Item(number=nums[0], numbers=nums, question="\n\n".join(b.text for b in q_blocks),
                          answer=answer, pages=[min(pages), max(pages)], refers_to=refers_to(answer, nums)))
    return items, first, []


def _sections(lines: list[Line]) -> list[tuple[list[int], Block, int]]:
    """Numbered sections: a number alone on a line (or leading a paragraph) in running order."""
    out: list[tuple[list[int], Block, int]] = []
    expected = 1
    for i, ln in enumerate(lines):
        alone = _NUMBER_ALONE.match(ln.text)
        lead = None if alone else _NUMBER_LEAD.match(ln.text)
        nums = parse_numbers(alone.group(1)) if alone else ([int(lead.group(1))] if lead else [])
        starts = (alone or (lead and (ln.para or i == 0))) and nums and nums[0] == expected
        if starts:
            blk = Block("para")
            if lead:
                blk.lines.append(Line(lead.group(2), ln.page, para=True))
            out.append((nums, blk, i))
            expected = nums[-1] + 1
            continue
        if out:
            out[-1][1].lines.append(ln)
    return [(n, b, i) for n, b, i in out if b.lines]


def _inline(b: Block) -> Block | None:
    m = b.match
    rest = ((m.group(2) or m.group(3) or "") if m else "").strip()
    return Block("para", [Line(rest, b.first_page)]) if rest else None


def qa_items(blocks: list[Block]) -> tuple[list[Item], list[str]]:
    """Pair question blocks with answer blocks (see module docstring)."""
    items: list[Item] = []
    warnings: list[str] = []
    questions: dict[int, list[Block]] = {}
    pending: list[int] = []  # question numbers since the last answer
    current_q: list[Block] | None = None
    answer: list[Block] | None = None
    numbers: list[int] = []
    first_page = 0

    def finish() -> None:
        nonlocal answer, numbers
        if answer is None:
            return
        q_blocks: list[Block] = []
        for n in numbers:
            for b in questions.get(n, []):
                if not any(b is seen for seen in q_blocks):
                    q_blocks.append(b)
        question = "\n\n".join(b.text for b in q_blocks if b.text)
        text = "\n\n".join(b.text for b in answer if b.text)
        pages = [b.first_page for b in q_blocks] + [b.last_page for b in answer] + [first_page]
        items.append(Item(number=numbers[0], numbers=list(numbers), question=question, answer=text,
                          pages=[min(pages), max(pages)], refers_to=refers_to(text, numbers)))
        if not question:
            warnings.append(f"Antwoord {numbers[0]}: de bijbehorende vraag is niet gevonden.")
        answer, numbers = None, []

    for b in blocks:
        if b.kind == "vraag":
            finish()
            assert b.match is not None
            nums = parse_numbers(b.match.group(1))
            current_q = []
            for n in nums:
                questions[n] = current_q
                if n not in pending:
                    pending.append(n)
            extra = _inline(b)
            if extra:
                current_q.append(extra)
            answer = None
            continue
        if b.kind == "antwoord":
            finish()
            assert b.match is not None
            nums = parse_numbers(b.match.group(1)) if b.match.group(1) else []
            if nums and pending and not any(n in questions for n in nums):
                warnings.append(f"Antwoord {nums[0]} volgt op vraag {pending[0]}; als antwoord daarop gelezen.")
                nums = list(pending)  # a numbering slip: the answer answers the questions just asked
            if not nums:
                nums = list(pending) or [(items[-1].numbers[-1] + 1) if items else 1]
            numbers = nums
            pending = [n for n in pending if n not in nums]
            first_page = b.first_page
            answer = []
            extra = _inline(b)
            if extra:
                answer.append(extra)
            current_q = None
            continue
        if answer is not None:
            answer.append(b)
        elif current_q is not None:
            current_q.append(b)
    finish()
    for n in pending:
        warnings.append(f"Vraag {n} heeft geen antwoord gekregen in dit document.")
    return items, warnings
