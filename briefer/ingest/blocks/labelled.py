"""Core: questions and answers headed by labels: "Vraag N" ... "Antwoord N" (any number of digits).

One item per answer, with every question it answers: "Vraag 3, 4 en 5" ... "Antwoord 3, 4 en 5",
or "Vraag 5", "Vraag 6", "Antwoord 5 en 6", or "Antwoord op vraag 2 en 3" / "Antwoord op vragen
4, 5, 6 en 7"; an "Antwoord" without number answers the questions since the previous answer;
"Vraag N" without any answer label has its answer straight after the question.
Shared by Kamervragen, a lijst van vragen en antwoorden, a nota and a verslag schriftelijk overleg.
"""

from __future__ import annotations

from briefer.ingest.blocks.common import NUMS, parse_numbers, question_end, refers_to
from briefer.ingest.blocks.paragraphs import Block, cut
from briefer.ingest.lazyre import lazy
from briefer.ingest.pages import Line
from briefer.model import Item

VRAAG = lazy(r"^Vra(?:ag|gen)\s+(" + NUMS + r")\s*(?:[:.]\s*(.*)|\s+([A-Z0-9«(“‘].*))?$")
ANTWOORD = lazy(
    r"^Antwoord(?:en)?(?:(?:\s+(?:op|bij))?\s+(?:de\s+)?vra(?:ag|gen))?\s*(" + NUMS + r")?\s*"
    r"(?:[:.]\s*(.*)|\s+([A-Z0-9«(“‘].*))?$"
)


def labels(lines: list[Line]) -> tuple[int, int]:
    """How many "Vraag N" and "Antwoord ..." label lines there are."""
    v = sum(1 for ln in lines if VRAAG.match(ln.text))
    a = sum(1 for ln in lines if ANTWOORD.match(ln.text))
    return v, a


def inline(b: Block) -> Block | None:
    """The text after a label on its own line ("Vraag 3: Hoe ...") as a paragraph block."""
    m = b.match
    rest = ((m.group(2) or m.group(3) or "") if m else "").strip()
    return Block("para", [Line(rest, b.first_page)]) if rest else None


def unlabelled_answers(lines: list[Line], start: int) -> tuple[list[Item], list[str]]:
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
    return items, warnings


def qa_items(blocks: list[Block]) -> tuple[list[Item], list[str]]:
    """Pair "vraag" blocks with "antwoord" blocks (see the module docstring)."""
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
            extra = inline(b)
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
            extra = inline(b)
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


def parse_labelled(lines: list[Line]) -> tuple[list[Item], int, list[str]]:
    """Items of a text headed "Vraag N" / "Antwoord ...", the index of the first label, warnings."""

    start = next((i for i, ln in enumerate(lines) if VRAAG.match(ln.text)), None)
    if start is None:
        return [], len(lines), []
    if not any(ANTWOORD.match(ln.text) for ln in lines[start:]):
        items, warnings = unlabelled_answers(lines, start)
        return items, start, warnings
    blocks = cut(lines[start:], [("vraag", VRAAG), ("antwoord", ANTWOORD)])
    items, warnings = qa_items(blocks)
    return items, start, warnings
