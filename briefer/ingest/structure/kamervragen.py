"""Core: antwoorden op Kamervragen (Aanhangsel Handelingen): "Vraag N" ... "Antwoord N".

One item per answer, with every question it answers: "Vraag 3, 4 en 5" ... "Antwoord 3, 4 en 5",
or "Vraag 5", "Vraag 6", "Antwoord 5 en 6", or "Antwoord op vraag 2 en 3"; an "Antwoord" without
number answers the questions since the previous answer; "Vraag N" without any answer label has
its answer straight after the question. Older layouts: all questions numbered "1", "2", ... and
then "Antwoord van ..." with the numbered answers, or "1" / question / "Antwoord" / answer; a
"Mededeling" (the questions cannot be answered in time) becomes one item with a warning. Also
used for a lijst van vragen en antwoorden that heads its questions "Vraag N".
"""

from __future__ import annotations

import re

from briefer.ingest.pages import Line
from briefer.ingest.structure.blocks import Block, cut
from briefer.ingest.structure.common import NUMS, parse_numbers, question_end, refers_to
from briefer.model import Item

VRAAG = re.compile(r"^Vra(?:ag|gen)\s+(" + NUMS + r")\s*(?:[:.]\s*(.*)|\s+([A-Z0-9«(“‘].*))?$")
ANTWOORD = re.compile(
    r"^Antwoord(?:en)?(?:(?:\s+(?:op|bij))?\s+(?:de\s+)?vra(?:ag|gen))?\s*(" + NUMS + r")?\s*(?:[:.]\s*(.*)|\s+([A-Z0-9«(“‘].*))?$"
)


def looks_like(lines: list[Line]) -> bool:
    v = sum(1 for ln in lines if VRAAG.match(ln.text))
    a = sum(1 for ln in lines if ANTWOORD.match(ln.text))
    return v >= 1 and a >= 1


def parse(lines: list[Line]) -> tuple[list[Item], int, list[str]]:
    """Items, the index of the first heading line (the cover text lies before it), warnings."""
    start = next((i for i, ln in enumerate(lines) if VRAAG.match(ln.text)), None)
    if any(ln.text.startswith("Mededeling van") for ln in lines[:200]) \
            and not any(ANTWOORD.match(ln.text) or (_ANSWERS_START.match(ln.text) and ln.text.startswith("Antwoord"))
                        for ln in lines):
        found = _mededeling(lines)  # no answers (yet): only the notice
        if found[0]:
            return found
    if start is None:
        found = _numbered_sections(lines)
        if not found[0]:
            found = _numbered_with_labels(lines)
        return found if found[0] else _mededeling(lines)
    if not any(ANTWOORD.match(ln.text) for ln in lines[start:]):
        return _unlabelled_answers(lines, start)
    blocks = cut(lines[start:], [("vraag", VRAAG), ("antwoord", ANTWOORD)])
    items, warnings = qa_items(blocks)
    return items, start, warnings


def _unlabelled_answers(lines: list[Line], start: int) -> tuple[list[Item], int, list[str]]:
    """"Vraag N" headings with the answer straight after the question, without an "Antwoord" label."""
    heads = [i for i in range(start, len(lines)) if VRAAG.match(lines[i].text)]
    items: list[Item] = []
    warnings: list[str] = []
    for k, i in enumerate(heads):
        end = heads[k + 1] if k + 1 < len(heads) else len(lines)
        m = VRAAG.match(lines[i].text)
        assert m is not None
        nums = parse_numbers(m.group(1))
        rest = (m.group(2) or m.group(3) or "").strip()
        section = ([Line(rest, lines[i].page, para=True)] if rest else []) + list(lines[i + 1:end])
        if not section:
            continue
        split = question_end(section)
        if split is None:
            split = next((j for j, ln in enumerate(section) if j and ln.para), len(section))
            warnings.append(f"Vraag {nums[0]}: geen vraagteken gevonden; de eerste alinea is als vraag genomen.")
        question = Block("para", section[:split]).text
        answer = Block("para", section[split:]).text
        if not answer:
            warnings.append(f"Vraag {nums[0]} heeft geen antwoord gekregen in dit document.")
        items.append(Item(number=nums[0], numbers=nums, question=question, answer=answer,
                          pages=[lines[i].page, lines[end - 1].page], refers_to=refers_to(answer, nums)))
    return items, start, warnings


_ANSWERS_START = re.compile(r"^(?:Antwoord|Mededeling)\s+van\s+(?:de\s+)?(?:[A-Z]|[Mm]inisters?\b|[Ss]taatssecretaris)")
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


def _numbered_with_labels(lines: list[Line]) -> tuple[list[Item], int, list[str]]:
    """"1" / question / "Antwoord" / answer, after the cover sentences: read as a lijst is read."""
    from briefer.ingest.structure import lijst

    cover = next((i for i, ln in enumerate(lines) if _ANSWERS_START.match(ln.text)), None)
    begin = 0
    if cover is not None:
        begin = cover + 1
        while begin < len(lines) and not lines[begin - 1].text.rstrip().endswith((").", ")")):
            begin += 1  # the "(ontvangen ...)" sentence may wrap
    items, first, warnings = lijst.parse(lines[begin:])
    return items, begin + first, warnings


def _mededeling(lines: list[Line]) -> tuple[list[Item], int, list[str]]:
    """"Mededeling van ..." instead of answers: the questions cannot be answered in time (yet).

    One item: the questions (when printed) as question, the notice as answer, with a warning.
    """
    at = next((i for i, ln in enumerate(lines) if ln.text.startswith("Mededeling van")), None)
    if at is None:
        return [], len(lines), []
    asked = next((i for i, ln in enumerate(lines[:at]) if ln.text.startswith("Vragen van")), None)
    q_from = at
    if asked is not None:  # questions (if printed) follow the "Vragen van ... (ingezonden ...)" sentence
        q_from = asked + 1
        while q_from < at and not lines[q_from - 1].text.rstrip().endswith((").", ")")):
            q_from += 1
    body_from = at + 1
    while body_from < len(lines) and not lines[body_from - 1].text.rstrip().endswith((").", ")")):
        body_from += 1
    labelled = next((i for i in range(body_from, len(lines)) if VRAAG.match(lines[i].text)), None)
    notice_end = labelled if labelled is not None else len(lines)
    asked_lines = list(lines[q_from:at])
    numbers = [n for nums, _, _ in _sections(asked_lines) for n in nums]
    if labelled is not None:  # the questions printed after the notice, headed "Vraag N"
        asked_lines += [ln for ln in lines[labelled:] if not VRAAG.match(ln.text)]
        numbers += [n for ln in lines[labelled:] if (m := VRAAG.match(ln.text)) for n in parse_numbers(m.group(1))]
    question = Block("para", asked_lines).text
    answer = Block("para", list(lines[body_from:notice_end])).text
    if not answer:
        return [], len(lines), []
    numbers = numbers or [1]
    item = Item(number=numbers[0], numbers=numbers, question=question, answer=answer,
                pages=[lines[min(q_from, at)].page, lines[-1].page])
    warning = "Dit is een mededeling: de vragen zijn (nog) niet beantwoord."
    return [item], min(q_from, at), [warning]


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
    glued: Block | None = None  # the inline text of the last heading, which the next lines may continue

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
            glued = extra
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
            glued = extra
            current_q = None
            continue
        if glued is not None and b.lines and not b.lines[0].para:
            glued.lines.extend(b.lines)  # the text after "Vraag 3" runs on over the next lines
            glued = None
            continue
        glued = None
        if answer is not None:
            answer.append(b)
        elif current_q is not None:
            current_q.append(b)
    finish()
    if pending and not any(b.kind == "antwoord" and b.match is not None and not b.match.group(1) for b in blocks):
        # every answer label names its questions, so these were answered without a label
        for n in list(pending):
            item = _answered_inline(n, questions.get(n, []))
            if item is not None:
                items.append(item)
                pending.remove(n)
        items.sort(key=lambda it: it.number)
    for n in pending:
        warnings.append(f"Vraag {n} heeft geen antwoord gekregen in dit document.")
    return items, warnings


def _answered_inline(number: int, q_blocks: list[Block]) -> Item | None:
    """A question whose answer follows it without an "Antwoord" label, split after the question."""
    lines = [ln for b in q_blocks for ln in b.lines]
    split = question_end(lines)
    if not split or split >= len(lines):
        return None
    question, answer = Block("para", lines[:split]).text, Block("para", lines[split:]).text
    return Item(number=number, question=question, answer=answer, pages=[lines[0].page, lines[-1].page],
                refers_to=refers_to(answer, [number]))
