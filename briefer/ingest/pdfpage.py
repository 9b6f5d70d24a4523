"""Core: one PDF page read with its layout facts (pypdf parses, `pdfspans` interprets).

Each page is extracted once. Text-show operations come with their position and font height, so
footnote markers (small, raised digits) become `[^N]`, footnote notes (small type at the foot of the
page, starting with a small number) are set apart, the running footer is dropped, and a line that
ends short of the right margin can end a paragraph. Where pypdf's layout internals are not
available the page falls back to plain `extract_text()`.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path
from typing import Any

from briefer.ingest.clean import (
    IDENTIFIER,
    is_furniture,
    list_item,
    normalise_line,
    sentence_end,
    split_footer,
    tidy_markers,
)
from briefer.ingest.errors import CorruptFile, EmptyFile, EncryptedFile
from briefer.ingest.lazyre import lazy
from briefer.ingest.pages import Line
from briefer.ingest.pdfcolumn import split_column
from briefer.ingest.pdfspans import FontCache, Span, page_spans
from briefer.ingest.table import Columns, header_columns

Progress = Callable[[int, int], None]
_log = logging.getLogger(__name__)
logging.getLogger("pypdf").addHandler(logging.NullHandler())  # pypdf's English notes stay out of the CLI

_Span = Span


@dataclass(slots=True)
class _PLine:
    spans: list[_Span]
    y: float
    h: float


@dataclass
class PageText:
    """Core: one page as extracted: body lines, notes (number, text) and furniture lines."""

    lines: list[Line]
    notes: list[tuple[int, str]]
    furniture: list[str]
    body_size: float | None
    plain: str | None = None  # the page's plain extraction, when layout facts were not available
    columns: Columns | None = None  # the table header row's columns, when the page has one
    plines: list[_PLine] | None = None  # kept when the page may be a table page without header row


_DIGITS = lazy(r"^\d{1,4}$")  # a note number: notes run past 1,000 in a long lijst
_MARKERS = lazy(r"^\d{1,4}(?:\s*,\s*\d{1,4})*,?$")  # one raised run with several markers: "1, 2"


def open_pdf(path: Path, data: bytes | None = None) -> Any:
    """Open a PDF, decrypting an empty password; raise the Dutch errors for bad files."""
    import pypdf
    from pypdf.errors import DependencyError, FileNotDecryptedError, PyPdfError

    raw = data if data is not None else path.read_bytes()
    if not raw.strip():
        raise EmptyFile(path)
    if b"%PDF-" not in raw[:1024]:
        raise CorruptFile(path, "het is geen PDF-bestand")
    try:
        reader = pypdf.PdfReader(BytesIO(raw), strict=False)
        if reader.is_encrypted:
            try:
                ok = reader.decrypt("")
            except (DependencyError, NotImplementedError) as exc:
                raise EncryptedFile(path) from exc
            if not ok:
                raise EncryptedFile(path)
        count = len(reader.pages)
    except (EncryptedFile, CorruptFile):
        raise
    except FileNotDecryptedError as exc:
        raise EncryptedFile(path) from exc
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, IndexError, OSError, RecursionError) as exc:
        raise CorruptFile(path) from exc  # PyPdfError: also a declared size over pypdf's limits
    if count == 0:
        raise CorruptFile(path, "het bevat geen pagina's")
    return reader


def _spans(page: Any, cache: FontCache | None = None) -> list[_Span] | None:
    """Every text-show operation of the page, with position and font height (None: not readable)."""
    try:
        return page_spans(page, cache)
    except Exception:  # noqa: BLE001 - any trouble reading the layout: use plain extraction instead
        _log.debug("Opmaak van een PDF-pagina niet leesbaar; gewone tekstextractie gebruikt", exc_info=True)
        return None


def _body_height(spans: list[_Span]) -> float:
    weight: dict[float, int] = {}
    for s in spans:
        k = round(s.h, 1)
        weight[k] = weight.get(k, 0) + len(s.text)
    return max(weight, key=lambda k: weight[k]) if weight else 10.0


def _group_lines(spans: list[_Span]) -> list[_PLine]:
    lines: list[_PLine] = []
    cur: _PLine | None = None
    for s in spans:
        if not s.text.strip() and cur is not None and abs(s.y - cur.y) < cur.h:
            cur.spans.append(s)
            continue
        similar = min(s.h, cur.h) > 0.9 * max(s.h, cur.h) if cur is not None else False
        if cur is not None and abs(s.y - cur.y) <= 0.6 * max(s.h, cur.h) \
                and (similar or _MARKERS.match(s.text.strip()) or s.h < 0.9 * cur.h and s.x >= cur.spans[-1].x
                     or all(_DIGITS.match(c.text.strip()) or not c.text.strip() for c in cur.spans)):
            if s.text.strip() and s.x < cur.spans[0].x - 1 and similar:
                cur.spans.insert(0, s)  # drawn after the text to its right (a margin label)
            else:
                cur.spans.append(s)
            if s.h > cur.h:  # the line's baseline is that of its largest type
                cur.y, cur.h = s.y, s.h
            continue
        cur = _PLine([s], s.y, s.h)
        lines.append(cur)
    lines.sort(key=lambda ln: -ln.y)
    merged: list[_PLine] = []
    for ln in lines:  # same baseline drawn in two runs (footer text + page number)
        if merged and abs(merged[-1].y - ln.y) < 0.3 * max(ln.h, merged[-1].h) \
                and min(ln.h, merged[-1].h) > 0.9 * max(ln.h, merged[-1].h):
            if ln.spans[0].x < merged[-1].spans[0].x:  # a margin label ("Vraag 1") drawn after its text
                merged[-1].spans[:0] = ln.spans
            else:
                merged[-1].spans.extend(ln.spans)
            merged[-1].h = max(merged[-1].h, ln.h)
        else:
            merged.append(ln)
    return merged  # spans stay in content-stream order: pypdf's tx does not always advance


def _is_marker(s: _Span, ln: _PLine) -> bool:
    t = s.text.strip()
    if not _MARKERS.match(t):
        return False
    rise = s.y - ln.y
    if rise < -0.08 * ln.h:
        return False  # lowered: a subscript ("CO2"), not a footnote marker
    return s.h < 0.82 * ln.h or rise > 0.25 * ln.h


def _render(ln: _PLine, body: float) -> tuple[str, int | None]:
    """Text of a line with markers as [^N]; and the note number when the line starts a footnote."""
    spans = [s for s in ln.spans if s.text]
    first = next((i for i, s in enumerate(spans) if s.text.strip()), None)
    if first is None:
        return "", None
    lead = spans[first]
    rest = [s for s in spans[first + 1:] if s.text.strip()]
    lead_t = lead.text.strip()
    if _DIGITS.match(lead_t) and rest and lead.h < 0.9 * body and all(s.h < 0.96 * body for s in rest):
        text = _concat(rest, body)
        return text, int(lead_t)
    lead_num = re.match(r"^(\d{1,4})\s+\S", lead_t)
    if lead_num and lead.h < 0.93 * body and all(s.h < 0.93 * body for s in rest) and ln.h < 0.93 * body:
        return _concat(spans, body)[len(lead_num.group(1)):].strip(), int(lead_num.group(1))
    parts: list[str] = []
    prev_end: float | None = None
    gap = 0.22 * body
    for index, s in enumerate(spans):
        t = s.text
        if index == first and _is_marker(s, ln) and rest and rest[0].x - s.x_end < 1.5 * body:
            parts.append(_marks(t) + " ")  # marker of the word that ended the previous line
            prev_end = s.x_end
            continue
        if _is_marker(s, ln) and parts:
            while parts and parts[-1].endswith(" "):
                parts[-1] = parts[-1].rstrip()
                if not parts[-1]:
                    parts.pop()
            parts.append(_marks(t))
            prev_end = s.x_end
            continue
        if prev_end is not None and parts and s.x - prev_end > gap and not parts[-1].endswith(" ") \
                and not t.startswith(" "):
            parts.append(" ")
        elif parts and parts[-1].startswith("[^") and t[:1] not in " .,;:)?!»”’":
            parts.append(" ")
        parts.append(t)
        prev_end = s.x_end
    return tidy_markers("".join(parts)), None


def _marks(text: str) -> str:
    """"1, 2" -> "[^1][^2]"."""
    return "".join(f"[^{int(n)}]" for n in re.findall(r"\d+", text))


def _concat(spans: list[_Span], body: float) -> str:
    parts: list[str] = []
    prev_end: float | None = None
    for s in spans:
        if prev_end is not None and s.x - prev_end > 0.22 * body and parts and not parts[-1].endswith(" "):
            parts.append(" ")
        parts.append(s.text)
        prev_end = s.x_end
    return "".join(parts)


def page_text(page: Any, number: int, cache: FontCache | None = None) -> PageText:
    """Extract one page: body lines, footnote notes and furniture."""
    spans = _spans(page, cache)
    if spans is None:
        return _plain_page(page, number)
    try:
        width = float(page.mediabox.width)
    except Exception:  # noqa: BLE001 - a page without a usable media box: no column
        width = 0.0
    spans, column = split_column(spans, width)
    body = _body_height(spans)
    plines = _group_lines(spans)
    columns = _table(plines, body)
    out = _page_lines(plines, body, number, columns)
    for ln in _group_lines(column):  # the letter's right-hand column: furniture, kept for metadata
        text = normalise_line(_concat(ln.spans, ln.h))
        if text:
            out.furniture.append(text)
    if columns is None and _gapped(plines, body):
        out.plines = plines  # perhaps a table page without its header row: `assemble` may split it
    return out


def _gapped(plines: list[_PLine], body: float) -> bool:
    """Three or more body lines with a wide gap between two text runs (cells side by side)."""
    count = 0
    for ln in plines:
        if abs(ln.h - body) >= 0.2 * body or len(ln.spans) < 2:
            continue
        spans = sorted((s for s in ln.spans if s.text.strip()), key=lambda s: s.x)
        if any(b.x - a.x_end > 2 * body for a, b in zip(spans, spans[1:], strict=False)):
            count += 1
            if count >= 3:
                return True
    return False


def _page_lines(plines: list[_PLine], body: float, number: int, columns: Columns | None) -> PageText:
    """Body lines, notes and furniture of a page's grouped lines; table cells apart when `columns`."""
    lines: list[Line] = []
    notes: list[tuple[int, list[str]]] = []
    furniture: list[str] = []
    ends = sorted(
        max(max(s.x_end for s in ln.spans), ln.spans[0].x + sum(max(s.x_end - s.x, 0.0) for s in ln.spans))
        for ln in plines if abs(ln.h - body) < 0.5
    )
    right = ends[int(len(ends) * 0.9)] if ends else 0.0
    left = min((ln.spans[0].x for ln in plines if abs(ln.h - body) < 0.5), default=0.0)
    width = max(right - left, 1.0)
    prev_y: float | None = None
    body_ys = [ln.y for ln in plines if abs(ln.h - body) < 0.5]
    steps = sorted(a - b for a, b in zip(body_ys, body_ys[1:], strict=False) if 0 < a - b < 4 * body)
    leading = _line_step(steps) if steps else 1.2 * body  # the page's usual line distance
    in_notes = False
    rows: list[tuple[_PLine, str | None]] = [(ln, None) for ln in plines] if columns is None or not columns.split \
        else [c for ln in plines for c in _cells(ln, columns, body)]
    cell_prev: dict[str, float] = {}  # y of the last line per table column
    for index, (ln, cell) in enumerate(rows):
        if columns is not None and abs(ln.y - columns.header_y) < 0.5 * body:
            furniture.append(" ".join(s.text.strip() for s in ln.spans))  # the header row, on every page
            continue
        raw, note_no = _render(ln, body)
        if note_no is not None and ln.h < body:
            whole = normalise_line(_concat(ln.spans, body))
            if _margin_label(ln, whole, plines, body):  # "2 en 3" in the margin: a question number, no note
                raw, note_no = whole, None
        text, tail = split_footer(normalise_line(raw))
        if tail:
            furniture.append(tail)
        if not text:
            continue
        edge = (index == 0 or index == len(rows) - 1 or ln.h < 0.9 * body) and cell is None
        if edge and index == 0 and text.isdigit() and len(plines) > 1 and abs(ln.h - body) < 0.5 \
                and abs(ln.spans[0].x - left) < 3 and 0 < ln.y - plines[1].y < 2.5 * body:
            edge = False  # a question number heading the page's first paragraph, not a folio
        if is_furniture(text, bare_numbers=edge) or IDENTIFIER.match(text):
            furniture.append(text)
            continue
        small = ln.h < 0.96 * body
        if note_no is not None:
            notes.append((note_no, [text]))
            in_notes = True
            continue
        if in_notes and small:
            notes[-1][1].append(text)
            continue
        if small and ln.h < 0.8 * body and len(text) < 6 and not _margin_label(ln, text, plines, body):
            furniture.append(text)
            continue
        x0 = ln.spans[0].x
        x1 = max(max(s.x_end for s in ln.spans), x0 + sum(max(s.x_end - s.x, 0.0) for s in ln.spans))
        para = False
        if cell is not None:  # a table cell: paragraphs by the distance to the line above in its column
            above = cell_prev.get(cell)
            lines.append(Line(text, number, para=above is not None and above - ln.y > max(1.35 * leading, 1.5 * body),
                              size=round(ln.h, 2), x=round(x0, 1), cell=cell))
            cell_prev[cell] = ln.y
            continue
        italic = sum(len(s.text) for s in ln.spans if s.italic) > 0.6 * sum(len(s.text) for s in ln.spans)
        bold = sum(len(s.text) for s in ln.spans if s.bold) > 0.6 * sum(len(s.text) for s in ln.spans)
        if lines:
            gap = (prev_y - ln.y) if prev_y is not None else 0.0
            prev = lines[-1]
            if gap > max(1.35 * leading, 1.5 * body) or (prev.short and sentence_end(prev.text)) \
                    or list_item(text, prev) or (prev.short and prev.bold != bold) \
                    or (bold and not prev.bold and sentence_end(prev.text)):
                para = True  # a new paragraph; or a bold heading line ends (or begins) one
        lines.append(
            Line(text, number, para=para, size=round(ln.h, 2), italic=italic, bold=bold,
                 short=x1 < right - 0.12 * width and x0 >= left - 1, x=round(x0, 1))
        )
        prev_y = ln.y
    from briefer.ingest.clean import join_lines

    return PageText(lines, [(n, join_lines(t)) for n, t in notes], furniture, body, columns=columns)


_LABEL_TEXT = re.compile(r"^(?:Vraag\s+)?\d{1,5}(?:\s*(?:,|en)\s*\d{1,5})*$")


def _margin_label(ln: _PLine, text: str, plines: list[_PLine], body: float) -> bool:
    """A small question number in the left margin, level with a line of text to its right (a nota's
    "5, 6 en 7"): text, not page furniture."""
    if not _LABEL_TEXT.match(text):
        return False
    x = ln.spans[0].x
    return any(other is not ln and abs(other.y - ln.y) < 0.6 * body and other.spans[0].x > x + 40
               and abs(other.h - body) < 0.2 * body for other in plines)


def _table(plines: list[_PLine], body: float) -> Columns | None:
    """The page's table columns, from a header row ("Nr." | "Vraag" | "Antwoord"), or None."""
    for ln in plines:
        texts = [(s.text, s.x) for s in ln.spans if s.text.strip()]
        if 2 <= len(texts) <= 4 and abs(ln.h - body) < 0.2 * body:
            found = header_columns(texts, ln.y)
            if found is not None:
                return found
    return None


def _cells(ln: _PLine, columns: Columns, body: float) -> list[tuple[_PLine, str | None]]:
    """A body line below the table header cut into its cells; other lines whole."""
    if ln.y > columns.header_y + 0.5 * body or ln.h < 0.9 * body:
        return [(ln, None)]  # above the table (title) or small print (notes, footer)
    out: dict[str, _PLine] = {}
    for s in ln.spans:
        role = columns.role(s.x, 0.5 * body)
        if role not in out:
            out[role] = _PLine([], ln.y, ln.h)
        out[role].spans.append(s)
    order = [name for name, _ in columns.cells]
    return [(out[r], r) for r in order if r in out]


def _line_step(steps: list[float]) -> float:
    """The distance between lines of one paragraph: the smallest step that recurs.

    Not the median: on a page of short paragraphs ("Vraag 1", one-line answers) paragraph gaps
    outnumber line steps.
    """
    counts: dict[float, int] = {}
    for step in steps:
        key = round(step * 2) / 2
        counts[key] = counts.get(key, 0) + 1
    need = max(2, len(steps) // 10)
    frequent = [k for k, c in counts.items() if c >= need]
    return min(frequent) if frequent else steps[len(steps) // 2]


_PLAIN_NOTE = lazy(r"^(\d{1,4})\s+(\S.*)$")


def _plain_page(page: Any, number: int) -> PageText:
    """Fallback without layout facts: plain extraction; notes and markers are found as in text."""
    return PageText([], [], [], None, plain=page.extract_text() or "")


def page_lines_again(page: PageText, number: int, columns: Columns) -> PageText:
    """A page read again with the table columns of an earlier page (a table without its header row here)."""
    assert page.plines is not None and page.body_size is not None
    return _page_lines(page.plines, page.body_size, number, columns)
