"""Core: numbered questions ("12. Hoeveel ...", or the number alone in the margin or above the
question), each followed by an "Antwoord" heading (with or without colon or number) and the answer,
or answered straight after the question mark when most questions have no answer heading.

A question starts at the last numbered line before an answer heading whose number follows the
previous question's, so numbered paragraphs inside an answer stay in the answer. When most
questions have no answer label, the answer starts where the question ends (its question mark,
see `common.question_end`). A dossier line ("36 360 VIII Jaarverslag ...") is no question number.
Question numbers may have any number of digits (a lijst of 12,000 questions).
"""

from __future__ import annotations

import re

from briefer.ingest.blocks.common import question_end, refers_to
from briefer.ingest.blocks.paragraphs import Block
from briefer.ingest.lazyre import lazy
from briefer.ingest.pages import Line
from briefer.model import Item

ANSWER = lazy(r"^Antwoord(?:\s+(?:op\s+vraag\s+)?\d+)?\s*[:.]?\s*(.*)$")
_VRAAG_LABEL = lazy(r"^Vraag\s*:\s*")
NUMBERED = lazy(r"^(\d{1,6})(?!\s\d{3}\b)(?:[.)]\s*|\s+|$)(.*)$")  # not a dossier number "36 613"


def answer_headings(lines: list[Line]) -> int:
    """How many short "Antwoord" heading lines there are."""
    return sum(1 for ln in lines if ANSWER.match(ln.text) and len(ln.text) < 40)


def parse(lines: list[Line]) -> tuple[list[Item], int, list[str]]:
    """Items, index of the first question line, warnings."""
    answer_idx = [i for i, ln in enumerate(lines) if _answer_heading(ln)]
    if len(answer_idx) < 0.5 * len(_starts(lines)):  # most answers follow their question unlabelled
        found = _without_answer_headings(lines)
        if found[0]:
            return found
    if not answer_idx:
        return [], len(lines), []
    items: list[Item] = []
    warnings: list[str] = []
    last_no = 0
    seg_start = 0
    first_q = len(lines)
    prev_answer: tuple[int, int] | None = None  # (heading index, number) of the open answer
    for ai in answer_idx:
        # the question for this answer starts at the last fitting numbered line in [seg_start, ai)
        q_at, q_no = None, None
        for i in range(ai - 1, seg_start - 1, -1):
            m = NUMBERED.match(lines[i].text)
            if not m:
                continue
            n = int(m.group(1))
            starts = lines[i].para or i == seg_start or lines[i - 1].text.endswith((".", "?", ":", ")")) \
                or not m.group(2)  # a number alone on its line
            if n == last_no + 1 and (starts or i == 0 or not lines[i - 1].text[-1:].isalpha()
                                     or lines[i - 1].text.isupper()):
                q_at, q_no = i, n
                break
            if starts and q_at is None and n > last_no and n < last_no + 50:
                q_at, q_no = i, n
        if q_at is None:
            q_at, q_no = seg_start, last_no + 1
            warnings.append(f"Vraag {q_no}: geen vraagnummer gevonden; het nummer is afgeleid.")
        if prev_answer is not None:
            items[-1].answer = _text(lines[prev_answer[0]:q_at], answer=True)
            items[-1].pages[1] = lines[q_at - 1].page if q_at > 0 else items[-1].pages[1]
            items[-1].refers_to = refers_to(items[-1].answer, items[-1].numbers)
        first_q = min(first_q, q_at)
        m = NUMBERED.match(lines[q_at].text)
        q_lines = list(lines[q_at:ai])
        if m and q_lines:
            q_lines[0] = Line(_VRAAG_LABEL.sub("", m.group(2)), q_lines[0].page, para=True)
        question = _text(q_lines)
        items.append(Item(number=q_no, question=question, answer="", pages=[lines[q_at].page, lines[ai].page]))
        prev_answer = (ai, q_no)
        last_no = q_no
        seg_start = ai + 1
    if prev_answer is not None:
        items[-1].answer = _text(lines[prev_answer[0]:], answer=True)
        items[-1].pages[1] = lines[-1].page
        items[-1].refers_to = refers_to(items[-1].answer, items[-1].numbers)
    return items, first_q, warnings


def _answer_heading(line: Line) -> bool:
    m = ANSWER.match(line.text)
    return bool(m) and (len(line.text) < 40 or line.text.startswith(("Antwoord:", "Antwoord :")))


def _text(lines: list[Line], answer: bool = False) -> str:
    if answer and lines:
        m = ANSWER.match(lines[0].text)
        rest = m.group(1).strip() if m else lines[0].text
        lines = ([Line(rest, lines[0].page)] if rest else []) + list(lines[1:])
    return Block("para", list(lines)).text


def _without_answer_headings(lines: list[Line]) -> tuple[list[Item], int, list[str]]:
    """Numbered questions in running order, each answered directly after its question mark."""
    starts = _starts(lines)
    if len(starts) < 2:
        return [], len(lines), []
    items: list[Item] = []
    warnings: list[str] = []
    for k, (i, number, first_text) in enumerate(starts):
        end = starts[k + 1][0] if k + 1 < len(starts) else len(lines)
        section = ([Line(first_text, lines[i].page, para=True)] if first_text else []) + list(lines[i + 1:end])
        if not section:
            continue
        split = next((j for j, ln in enumerate(section) if j and _answer_heading(ln)), None)
        if split is not None:  # an "Antwoord:" label after all
            section = section[:split] + _text_lines(section[split:])
        else:
            split = question_end(section)
        if split is None:
            split = next((j for j, ln in enumerate(section) if j and ln.para), len(section))
            warnings.append(f"Vraag {number}: geen vraagteken gevonden; de eerste alinea is als vraag genomen.")
        question, answer = _text(section[:split]), _text(section[split:])
        items.append(Item(number=number, question=question, answer=answer,
                          pages=[lines[i].page, lines[end - 1].page], refers_to=refers_to(answer, [number])))
    return items, starts[0][0], warnings


def _starts(lines: list[Line]) -> list[tuple[int, int, str]]:
    """Numbered question starts in running order: (line index, number, text after the number).

    Question numbers stand alone, before the text ("12 Hoeveel ...", the margin number) or with a
    stop ("12. Hoeveel ..."); the document's own way is the one that numbers furthest, so a list
    "1. ... 2. ..." inside an answer does not break a document numbered in the margin.
    """
    best: list[tuple[int, int, str]] = []
    for style in ("alone", "space", "stop", None):
        found: list[tuple[int, int, str]] = []
        expected = 1
        for i, ln in enumerate(lines):
            m = NUMBERED.match(ln.text)
            if not m or int(m.group(1)) != expected:
                continue
            if style is not None and _style(ln.text, m) != style:
                continue
            if not (ln.para or i == 0 or not m.group(2) or lines[i - 1].text.endswith((".", "?", ":", ")"))):
                continue
            found.append((i, expected, m.group(2)))
            expected += 1
        if len(found) > len(best):
            best = found
    return best


def _style(text: str, m: re.Match[str]) -> str:
    if not m.group(2):
        return "alone"
    return "stop" if text[len(m.group(1)):].lstrip()[:1] in ".)" else "space"


def _text_lines(lines: list[Line]) -> list[Line]:
    """The answer lines without their "Antwoord:" label (text after the label kept)."""
    m = ANSWER.match(lines[0].text)
    rest = m.group(1).strip() if m else lines[0].text
    return ([Line(rest, lines[0].page, para=True)] if rest else []) + list(lines[1:])
