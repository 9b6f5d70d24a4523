"""Core: the right-hand column of a letter in the Rijkshuisstijl, set apart from the text.

A ministry's letter or note (a Word-made PDF) repeats a narrow column at the right of every page:
the sender (ministry, directorate, address), "Datum", "Kenmerk", "Bijlage(n)", and at its foot
"Pagina N van M". A text extractor splices those lines into the body wherever their height falls.
The column is recognised by its place: three or more lines that start at one left edge in the
right third of the page, with no body text reaching that edge on any line. Its lines are furniture
(kept, in reading order, for the letter's metadata), never body text.
"""

from __future__ import annotations

from collections import Counter

from briefer.ingest.pdfspans import Span


def column_edge(spans: list[Span], width: float) -> float | None:
    """The left edge of a right-hand column on this page, or None."""
    if width <= 0:
        return None
    starts: Counter[float] = Counter()
    rows: dict[float, list[Span]] = {}
    for s in spans:
        if s.text.strip():
            rows.setdefault(round(s.y), []).append(s)
    for row in rows.values():
        right = [s.x for s in row if s.x > 0.6 * width]
        if right:
            starts[round(min(right))] += 1
    if not starts:
        return None
    edge, count = max(starts.items(), key=lambda kv: (kv[1], -kv[0]))
    near = sum(c for x, c in starts.items() if abs(x - edge) <= 3)
    if near < 3:
        return None
    # no body text may run into the column: every text run left of it ends well before it
    crossing = sum(1 for s in spans if s.text.strip() and s.x < edge - 3 and s.x_end > edge - 4)
    body = sum(1 for s in spans if s.text.strip() and s.x < edge - 3)
    if body == 0 or crossing > 0:
        return None
    # the column is set smaller than the text (a table's last column is not)
    sizes: Counter[float] = Counter()
    col_sizes: Counter[float] = Counter()
    for s in spans:
        if s.text.strip():
            (col_sizes if s.x >= edge - 3 else sizes)[round(s.h, 1)] += len(s.text)
    if not sizes or not col_sizes or col_sizes.most_common(1)[0][0] > 0.9 * sizes.most_common(1)[0][0]:
        return None
    return float(edge) - 3.0


def split_column(spans: list[Span], width: float) -> tuple[list[Span], list[Span]]:
    """(body spans, column spans); no column: all spans are body."""
    edge = column_edge(spans, width)
    if edge is None:
        return spans, []
    body = [s for s in spans if s.x < edge]
    column = [s for s in spans if s.x >= edge]
    return body, column
