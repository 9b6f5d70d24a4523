"""Core: lijsten van vragen en antwoorden printed as a table ("Nr." | "Vraag" | "Antwoord").

A text extractor reads such a page row by row across the columns, so a question's lines and its
answer's lines interleave. With positions the columns can be told apart: the header row (repeated
on every page) gives each column's left edge; `split_cells` cuts a line's text runs into its cells,
and `rows_in_order` later turns the cells of all pages into the order a reader means: the number,
the question, an "Antwoord" heading, the answer, row after row, also where a row breaks across a page.
Without the header row's words there is no table: columns are never guessed from gaps alone.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from briefer.ingest.lazyre import lazy
from briefer.ingest.pages import Line

_ROLES = {
    "nr": "nr", "nr.": "nr", "no.": "nr", "nummer": "nr", "vraagnummer": "nr", "vraagnr.": "nr", "#": "nr",
    "vraag": "vraag", "vragen": "vraag", "vraagtekst": "vraag",
    "antwoord": "antwoord", "antwoorden": "antwoord", "beantwoording": "antwoord",
    "vraag en antwoord": "beide", "vragen en antwoorden": "beide", "vraag/antwoord": "beide",
}



@dataclass(frozen=True)
class Columns:
    """Core: a table's columns: (role, left edge) from left to right, and the header row's height."""

    cells: tuple[tuple[str, float], ...]
    header_y: float
    split: bool = True  # False: a header over a number column and one column of question and answer

    def role(self, x: float, tolerance: float) -> str:
        """The column a text run starting at `x` stands in."""
        role = self.cells[0][0]
        for name, left in self.cells:
            if x >= left - tolerance:
                role = name
        return role


def header_columns(texts: Sequence[tuple[str, float]], y: float) -> Columns | None:
    """Columns from one line's runs (text, left edge), when the line is a table header: with a question
    column and an answer column side by side (`split`), or a number column beside one column with
    both (not `split`: the line is dropped, the text read as it stands)."""
    cells: list[tuple[str, float]] = []
    for text, x in texts:
        word = " ".join(text.lower().split()).rstrip(":")
        if not word:
            continue
        role = _ROLES.get(word)
        if role is None or any(r == role for r, _ in cells):
            return None
        cells.append((role, x))
    roles = [r for r, _ in cells]
    cells.sort(key=lambda c: c[1])
    if "vraag" in roles and "antwoord" in roles:
        return Columns(tuple(cells), y)
    if sorted(roles) == ["beide", "nr"]:
        return Columns(tuple(cells), y, split=False)
    return None


_NUMBER = lazy(r"^(\d{1,4})[.)]?$")
_NUMBERED = lazy(r"^(\d{1,4})[.)]?\s+\S")


def rows_in_order(lines: list[Line]) -> list[Line]:
    """Reorder table cells (lines with `cell` set) into number, question, "Antwoord", answer per row.

    A row starts at a number in the number column, or, in a table without one, at a question cell that
    starts with the next number. Lines outside tables pass through unchanged.
    """
    if not any(ln.cell for ln in lines):
        return lines
    out: list[Line] = []
    row: dict[str, list[Line]] | None = None
    last = 0

    def flush() -> None:
        nonlocal row
        if row is None:
            return
        q, a = row["vraag"], row["antwoord"]
        out.extend(row["nr"])
        if q:
            q[0].para = True
        out.extend(q)
        if a or q:
            page = a[0].page if a else q[-1].page
            out.append(Line("Antwoord", page, para=True))
            if a:
                a[0].para = True
            out.extend(a)
        row = None

    for ln in lines:
        if ln.cell is None:
            flush()
            out.append(ln)
            continue
        text = ln.text.strip()
        starts = False
        if ln.cell == "nr":
            m = _NUMBER.match(text)
            if not m:
                continue  # stray text in the number column
            starts = True
            number = int(m.group(1))
        elif ln.cell == "vraag" and (row is None or not row["nr"]):
            m = _NUMBERED.match(text)
            n = int(m.group(1)) if m else 0
            if m and (n == last + 1 or row is None or ln.para and last < n <= last + 5):
                starts = True
                number = int(m.group(1))
        if starts:
            flush()
            last = number
            row = {"nr": [], "vraag": [], "antwoord": []}
            if ln.cell == "nr":
                row["nr"].append(Line(str(number), ln.page, para=True))
                continue
        if row is None:
            row = {"nr": [], "vraag": [], "antwoord": []}
        row["vraag" if ln.cell == "nr" else ln.cell].append(ln)
    flush()
    return out
