"""Core: an unrecognised document becomes one item per paragraph, so it can still be annotated."""

from __future__ import annotations

from briefer.ingest.clean import join_lines
from briefer.ingest.pages import Line
from briefer.model import Item


def paragraphs(lines: list[Line]) -> list[Item]:
    """Every paragraph an item with an empty question and the paragraph as its text."""
    items: list[Item] = []
    current: list[Line] = []

    def flush() -> None:
        text = join_lines(current)
        if text.strip():
            n = len(items) + 1
            items.append(Item(number=n, question="", answer=text, pages=[current[0].page, current[-1].page]))

    for line in lines:
        if line.para and current:
            flush()
            current = []
        current.append(line)
    if current:
        flush()
    return items
