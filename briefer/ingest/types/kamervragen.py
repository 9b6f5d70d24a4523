"""Core: antwoorden op Kamervragen (Aanhangsel Handelingen, or the ministry's Word answer).

"Vraag N" ... "Antwoord N" (see `blocks.labelled`). Older layouts: all questions numbered "1",
"2", ... and then "Antwoord van ..." with the numbered answers, or "1" / question / "Antwoord" /
answer; a "Mededeling" (the questions cannot be answered in time) becomes one item with a warning.
A ministry Word file puts a cover letter (Datum, Kenmerk, "Uw kenmerk" with the TK reference,
Onderwerp, signature) before an attachment "Antwoorden ... op Kamervragen van het lid ... (partij)";
the cover letter is the head: metadata, never part of an answer.
"""

from __future__ import annotations

import re

from briefer.ingest import metadata
from briefer.ingest.blocks import letter, numbered
from briefer.ingest.blocks.common import NUMS, parse_numbers, refers_to
from briefer.ingest.blocks.labelled import ANTWOORD, VRAAG, labels, parse_labelled
from briefer.ingest.blocks.paragraphs import Block
from briefer.ingest.lazyre import lazy
from briefer.ingest.pages import Extract, Line
from briefer.ingest.types.base import LIKELY, POSSIBLE, SURE, DocumentType, Parsed, head_text
from briefer.model import DocType, Document, Item

_AANHANGSEL = lazy(
    r"Aanhangsel\s+van\s+de\s+Handelingen|Vragen\s+gesteld\s+door\s+de\s+leden\s+der\s+Kamer"
    r"|\bah-(?:tk|ek)-\d{8}-\d+\b|\bvergaderjaar\s+\d{4}\s*[–-]\s*\d{4},\s*Aanhangsel\b"
)
# the opening sentence of Kamervragen, when no title says otherwise
_ASKED = lazy(r"^Vragen\s+van\s+(?:het\s+lid|de\s+leden)\s[^\n]{0,400}?\(ingezonden\s", re.M)
# a ministry's answer: "Antwoorden van de minister ... op Kamervragen van het lid ...",
# "Beantwoording Kamervragen (van) (het lid|de leden) ...", "Antwoorden op vragen van het lid ..."
_MINISTRY = lazy(
    r"(?im)^(?:Antwoord(?:en)?\b[^\n]{0,250}?\bop\s+(?:de\s+)?(?:schriftelijke\s+)?(?:Kamer)?vragen"
    r"|Beantwoording\s+(?:van\s+(?:de\s+)?)?(?:schriftelijke\s+)?(?:Kamer)?vragen)\s+(?:van\s+)?"
    r"(?:het\s+|de\s+)?(?:(?:Tweede\s+)?Kamer)?(?:lid|leden)\b"
)


def detect(ex: Extract) -> float:
    head = head_text(ex)
    v, a = labels(ex.lines)
    if _AANHANGSEL.search(head):
        return SURE
    if _MINISTRY.search(head) and v >= 1:
        return SURE
    if _ASKED.search(head):
        return 0.85
    if v >= 1 and a >= 1:
        return LIKELY if v >= 2 else POSSIBLE
    return 0.0


def _questions(lines: list[Line]) -> tuple[list[Item], int, list[str]]:
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
    return parse_labelled(lines)


def parse(ex: Extract) -> Parsed:
    items, start, warnings = _questions(ex.lines)
    if items:
        items[-1].answer = letter.cut_signature(items[-1].answer)  # a letter after the last answer
    return Parsed(items=items, warnings=warnings, head_end=start)


def describe(doc: Document, ex: Extract, parsed: Parsed) -> None:
    """Askers (with parties), who answered, the dates and the title, from the head."""
    start = parsed.head_end if parsed.head_end is not None else len(ex.lines)
    head = "\n".join(ln.text for ln in ex.lines[: min(start, 80)])
    extra = ""
    if "Antwoord van" not in head:  # older layout: the answer line follows the questions
        for i, ln in enumerate(ex.lines[:2000]):
            if re.match(r"^(?:Antwoord|Mededeling)\s+van\s", ln.text):
                extra = "\n".join(x.text for x in ex.lines[i:i + 3])
                break
    heading = "\n".join(ln.text for ln in ex.lines[max(0, min(start, 80) - 4): min(start, 80)])
    metadata.fill_kamervragen(doc, heading if metadata.asks(heading) and not metadata.asks_aanhangsel(head)
                              else head + "\n" + extra)
    if doc.asked_by is None:  # the askers named only in the letterhead's subject ("Betreft")
        named = next((h for h in ex.header if metadata.asks(h)), None)
        if named:
            metadata.fill_kamervragen(doc, named)
    # a ministry's answer comes with a cover letter: its date is the document's date
    cover = [ln.text for ln in ex.lines[: min(start, 200)]]
    facts = letter.read_head(cover + ex.header)
    if facts.date is None and facts.kenmerk is None:  # a covering letter after the answers
        tail = [ln.text for ln in ex.lines[-80:]]
        facts = letter.read_head(tail + ex.header)
        cover = cover + tail
    doc.date = facts.date or doc.date
    doc.kenmerk = doc.kenmerk or facts.kenmerk
    doc.tk_reference = doc.tk_reference or facts.tk_reference
    doc.addressee = doc.addressee or facts.addressee
    doc.signed_by = doc.signed_by or letter.signature(cover)
    doc.answered_by = doc.answered_by or doc.signed_by
    if doc.title is None and facts.subject:
        doc.title = facts.subject


TYPE = DocumentType(DocType.KAMERVRAGEN, detect, parse, describe=describe)


_ANSWERS_START = lazy(r"^(?:Antwoord|Mededeling)\s+van\s+(?:de\s+)?(?:[A-Z]|[Mm]inisters?\b|[Ss]taatssecretaris)")
_NUMBER_ALONE = lazy(r"^(" + NUMS + r")\s*[.)]?\s*$")
_NUMBER_LEAD = lazy(r"^(\d{1,5})\s*[.)]?\s+(\S.*)$")


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
    cover = next((i for i, ln in enumerate(lines) if _ANSWERS_START.match(ln.text)), None)
    begin = 0
    if cover is not None:
        begin = cover + 1
        while begin < len(lines) and not lines[begin - 1].text.rstrip().endswith((").", ")")):
            begin += 1  # the "(ontvangen ...)" sentence may wrap
    items, first, warnings = numbered.parse(lines[begin:])
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
