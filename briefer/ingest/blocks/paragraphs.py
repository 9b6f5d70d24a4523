"""Core: cut body lines into blocks: heading lines (matched by a parser's patterns) and paragraphs.

Also learns, from the document itself, how answers look different from questions (indentation in
a PDF, a narrower column in extracted text), so a parser can tell where an answer ends.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from briefer.ingest.clean import join_lines
from briefer.ingest.pages import Line


def median(values: list[float]) -> float:
    """The middle value (the mean of the two middle ones for an even count)."""
    ordered = sorted(values)
    mid = len(ordered) // 2
    return ordered[mid] if len(ordered) % 2 else (ordered[mid - 1] + ordered[mid]) / 2


@dataclass
class Block:
    """Core: a heading line (kind names the pattern) or a paragraph of lines (kind "para")."""

    kind: str
    lines: list[Line] = field(default_factory=list)
    match: re.Match[str] | None = None

    @property
    def text(self) -> str:
        return join_lines(self.lines)

    @property
    def first_page(self) -> int:
        return self.lines[0].page

    @property
    def last_page(self) -> int:
        return self.lines[-1].page


def cut(lines: Sequence[Line], headings: Sequence[tuple[str, re.Pattern[str]]]) -> list[Block]:
    """Paragraph blocks split at `para` flags, with heading lines as blocks of their own."""
    blocks: list[Block] = []
    para: Block | None = None
    for line in lines:
        hit = None
        for kind, pat in headings:
            m = pat.match(line.text)
            if m:
                hit = Block(kind, [line], m)
                break
        if hit is not None:
            blocks.append(hit)
            para = None
            continue
        if para is None or line.para or _indent_change(para.lines[-1], line):
            para = Block("para")
            blocks.append(para)
        para.lines.append(line)
    return blocks


def _indent_change(prev: Line, line: Line) -> bool:
    """In a PDF, a jump of the left edge or a change to/from italics starts a new block."""
    if prev.x is not None and line.x is not None and prev.italic != line.italic:
        return True  # quoted questions in italics, answers upright
    return prev.x is not None and line.x is not None and abs(prev.x - line.x) > 8 \
        and not prev.text.startswith("• ") and not line.text.startswith("• ")


def _feature(block: Block, use_x: bool) -> float | None:
    if use_x:
        xs = [ln.x for ln in block.lines if ln.x is not None]
        return median(xs) if xs else None
    if len(block.lines) < 3:  # one full line says little: line lengths vary with the words
        return None
    full = [len(ln.text) for ln in block.lines[:-1]]
    return sum(full) / len(full)


class AnswerStyle:
    """Core: tells answer paragraphs from question paragraphs by indentation or column width."""

    def __init__(self, blocks: list[Block], answer_kind: str) -> None:
        self.use_x = any(ln.x is not None for b in blocks[:50] for ln in b.lines)
        after: list[float] = []
        before: list[float] = []
        for i, b in enumerate(blocks):
            if b.kind != answer_kind:
                continue
            if i + 1 < len(blocks) and blocks[i + 1].kind == "para":
                f = _feature(blocks[i + 1], self.use_x)
                if f is not None:
                    after.append(f)
            if i > 0 and blocks[i - 1].kind == "para":
                f = _feature(blocks[i - 1], self.use_x)
                if f is not None:
                    before.append(f)
        self.threshold: float | None = None
        self.answer_high = True
        if len(after) >= 2 and len(before) >= 2:
            a, q = median(after), median(before)
            gap = abs(a - q)
            if (self.use_x and gap >= 8) or (not self.use_x and gap >= 4):
                self.threshold = (a + q) / 2
                self.answer_high = a > q

    @property
    def known(self) -> bool:
        return self.threshold is not None

    def is_answer(self, block: Block) -> bool | None:
        """True/False when the block's look decides it, None when it cannot tell."""
        if self.threshold is None:
            return None
        f = _feature(block, self.use_x)
        if f is None:
            return None
        return (f > self.threshold) == self.answer_high
