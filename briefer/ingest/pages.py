"""Core: the intermediate form every reader produces: pages of lines, with footnotes set apart.

A reader (pdf, text, docx) turns a file into `Line`s: body text only (page furniture removed),
footnote markers already written as `[^N]`, and a flag saying whether a new paragraph starts at
the line. Footnote texts go to `Footnote`s. The structure parsers work on this and nothing else.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from briefer.model import Footnote


@dataclass(slots=True)
class Line:
    """Core: one line of body text on a page."""

    text: str
    page: int
    para: bool = False  # a new paragraph starts here
    size: float | None = None  # font height (PDF only)
    italic: bool = False
    bold: bool = False
    short: bool = False  # the line ends well before the right margin (PDF only)
    x: float | None = None  # left edge (PDF only): answers are often indented
    cell: str | None = None  # table layout (PDF only): the column the line stands in, "nr"/"vraag"/"antwoord"


@dataclass
class Extract:
    """Core: what a reader hands to the structure parser."""

    lines: list[Line] = field(default_factory=list)
    footnotes: list[Footnote] = field(default_factory=list)
    page_count: int = 0
    header: list[str] = field(default_factory=list)  # furniture lines kept for metadata (identifier, footers)
    body_size: float | None = None
