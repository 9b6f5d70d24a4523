"""Core: notes in two systems become one series of footnotes, numbered in order of first reference.

A Word file may carry real Word footnotes (the reader marks each reference `WORD_MARK`) and notes
typed as text: a marker "1)" or "[1]" in the running text ("… (nos.nl)”1)?", "… Verhoudingen 2),",
"… bedoeld? 1) 2)") and the notes' texts as paragraphs after the last one ("1) NOS, 6 maart 2024 …").
`unify_notes` finds the typed notes, takes their paragraphs out of the text, and numbers every
note, typed or Word, by its first reference: `[^1]`, `[^2]`, …

A typed note block is recognised only at the end of the document, numbered 1, 2, … in one style,
and only when the text refers to most of its notes: a numbered list "1) …", "2) …" closing an
answer stays text. "(artikel 3)" is a parenthesis, not a marker; nor is "1)" opening a paragraph.
"""

from __future__ import annotations

import re

from briefer.ingest.lazyre import lazy
from briefer.ingest.pages import Line
from briefer.model import Footnote

WORD_MARK = "\u27e6W{}\u27e7"  # ⟦W12⟧: a Word footnote reference (id 12), as the reader writes it
_TYPED_MARK = "\u27e6T{}\u27e7"
_ANY_MARK = lazy("\u27e6([WT])([^\u27e7]*)\u27e7")
_DEF = lazy(r"^(?:\[(\d{1,4})\]|(\d{1,4})\))\s*(\S.*)$")


def unify_notes(lines: list[Line], word_notes: dict[str, str]) -> tuple[list[Line], list[Footnote]]:
    """The lines with every note reference as `[^N]`, and the notes in that numbering."""
    body, typed = _typed_notes(lines)
    numbers: dict[tuple[str, str], int] = {}
    notes: list[Footnote] = []

    def number(m: re.Match[str]) -> str:
        key = (m.group(1), m.group(2))
        if key not in numbers:
            numbers[key] = len(numbers) + 1
            text = word_notes.get(m.group(2), "") if m.group(1) == "W" else typed.get(int(m.group(2)), "")
            notes.append(Footnote(numbers[key], text, 1))
        return f"[^{numbers[key]}]"

    for line in body:
        if "\u27e6" in line.text:
            line.text = _ANY_MARK.sub(number, line.text)
    for n, text in sorted(typed.items()):  # typed notes the text never refers to: kept, numbered on
        if ("T", str(n)) not in numbers:
            numbers[("T", str(n))] = len(numbers) + 1
            notes.append(Footnote(numbers[("T", str(n))], text, 1))
    return body, notes


def _typed_notes(lines: list[Line]) -> tuple[list[Line], dict[int, str]]:
    """The lines without the typed-note block at the end (markers made placeholders), and the notes."""
    start = len(lines)
    found: list[tuple[int, str, str]] = []  # (number, text, style)
    while start > 0:
        m = _DEF.match(lines[start - 1].text)
        if not m:
            break
        style = "[" if m.group(1) else ")"
        found.insert(0, (int(m.group(1) or m.group(2)), m.group(3).strip(), style))
        start -= 1
    if not found or [n for n, _, _ in found] != list(range(1, len(found) + 1)) \
            or len({s for _, _, s in found}) != 1 or start == 0:
        return lines, {}
    style = found[0][2]
    body = [Line(ln.text, ln.page, ln.para, ln.size, ln.italic, ln.bold, ln.short, ln.x, ln.cell)
            for ln in lines[:start]]
    placed = 0
    at = (0, 0)
    for n, _, _ in found:
        hit = _find_marker(body, n, style, at) or _find_marker(body, n, style, (0, 0))
        if hit is None:
            continue
        i, s, e = hit
        text = body[i].text
        body[i].text = text[:s].rstrip() + _TYPED_MARK.format(n) + text[e:]
        at = (i, len(text[:s].rstrip()) + len(_TYPED_MARK.format(n)))
        placed += 1
    if placed * 2 < len(found):  # the text hardly refers to them: a numbered list after all
        return lines, {}
    return body, {n: text for n, text, _ in found}


def _find_marker(body: list[Line], n: int, style: str, start: tuple[int, int]) -> tuple[int, int, int] | None:
    """(line, start, end) of the first reference to typed note `n` from `start` on."""
    pattern = re.compile(r"\[" + str(n) + r"\]" if style == "[" else r"(?<![\d(.,])" + str(n) + r"\)")
    for i in range(start[0], len(body)):
        text = body[i].text
        for m in pattern.finditer(text, start[1] if i == start[0] else 0):
            if not text[:m.start()].strip():
                continue  # "1) …" opening a paragraph: a list item
            if style == ")" and _inside_parenthesis(text, m.start()):
                continue  # "(artikel 3)"
            return i, m.start(), m.end()
    return None


def _inside_parenthesis(text: str, pos: int) -> bool:
    """Does an opening "(" before `pos` (in its sentence) wait for the ")" at `pos`?"""
    depth = 0
    for ch in reversed(text[:pos]):
        if ch == ")":
            depth += 1
        elif ch == "(":
            if depth == 0:
                return True
            depth -= 1
        elif ch in ".?!" and depth == 0:
            return False
    return False
