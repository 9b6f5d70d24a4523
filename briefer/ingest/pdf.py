"""Core: read a PDF: every page once (`pdfpage`), a large file in worker processes (`pdfpool`), and the
pages put together: body lines, footnotes numbered on through the document, furniture.

Each page's text-show operations come with their position and font height, so footnote markers
(small, raised digits) become `[^N]`, footnote notes (small type at the foot of the page, starting
with a small number) are set apart, the running footer and a letter's right-hand column are
furniture, and a line that ends short of the right margin can end a paragraph. Where the layout
cannot be read a page falls back to plain `extract_text()`.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from briefer.ingest.clean import list_item, sentence_end
from briefer.ingest.errors import CorruptFile, NoTextLayer
from briefer.ingest.pages import Extract, Line
from briefer.ingest.pdfpage import Columns, PageText, open_pdf, page_lines_again, page_text
from briefer.ingest.pdfspans import FontCache
from briefer.ingest.table import rows_in_order
from briefer.model import Footnote

Progress = Callable[[int, int], None]

__all__ = ["AUTO_WORKERS_FROM_PAGES", "assemble", "open_pdf", "page_text", "read_pdf", "workers_for"]


AUTO_WORKERS_FROM_PAGES = 100  # below this a process pool costs more than it saves (bench/README.md)


def workers_for(pages: int, load: float | None = None) -> int:
    """Processes for reading a PDF of `pages` pages: two for a large file when two cores are free, else one.

    Starting a pool costs a few tenths of a second, more than it saves on a small file; and when the
    cores are already busy (load average at or above their number) two processes only compete with
    each other and the pickled pages cost more than the second process gains.
    """
    cores = os.cpu_count() or 1
    if pages < AUTO_WORKERS_FROM_PAGES or cores < 2:
        return 1
    if load is None:
        try:
            load = os.getloadavg()[0]
        except (AttributeError, OSError):  # Windows: no load average
            load = 0.0
    return 2 if load < cores else 1


def read_pdf(path: Path, progress: Progress | None = None, workers: int | None = 1) -> Extract:
    """Read every page once; `progress(done, total)` after each page (workers None: automatic)."""
    reader = open_pdf(path)
    total = len(reader.pages)
    if workers is None:
        workers = workers_for(total)
    results: list[PageText] = []
    if workers > 1 and total >= 8:
        from briefer.ingest.pdfpool import pooled_pages

        results = pooled_pages(path, total, workers, progress)
    fonts = FontCache()
    for i in range(len(results), total):
        try:
            results.append(page_text(reader.pages[i], i + 1, fonts))
        except Exception as exc:  # noqa: BLE001 - a broken content stream is a broken file
            raise CorruptFile(path, f"pagina {i + 1} is beschadigd") from exc
        if progress:
            progress(i + 1, total)
    return assemble(path, results)


def assemble(path: Path, pages: list[PageText]) -> Extract:
    """Put pages together: body lines, footnotes, furniture; refuse a PDF without text."""
    if pages and any(p.plain is not None for p in pages):
        return _assemble_plain(path, pages)
    out = Extract(page_count=len(pages))
    sizes: dict[float, int] = {}
    last = 0
    table: Columns | None = None  # the columns of the last table header row met
    for index, p in enumerate(pages):
        if p.columns is not None:
            table = p.columns if p.columns.split else None
        elif p.plines is not None and table is not None and p.body_size:
            # a table running on without a header row on this page: cut its lines at the same columns
            top = max(ln.y for ln in p.plines) + 10 * p.body_size
            p = page_lines_again(p, index + 1, Columns(table.cells, top))
        lines = list(p.lines)
        for n, t in p.notes:
            if last < n <= last + 5:  # notes number on through the document
                out.footnotes.append(Footnote(n, t, index + 1))
                last = n
            else:  # small print that merely starts with a number: keep it as text
                lines.append(Line(f"{n} {t}", index + 1, para=True))
        if lines and out.lines and not lines[0].para:
            prev, first = out.lines[-1], lines[0]
            # a page that starts a paragraph: the last one ended short with a full stop, or a heading
            if (prev.short and sentence_end(prev.text) and first.text[:1].isupper()) or prev.bold != first.bold \
                    or list_item(first.text, prev):
                first.para = True
        out.lines.extend(lines)
        out.header.extend(p.furniture)
        if p.body_size:
            sizes[round(p.body_size, 1)] = sizes.get(round(p.body_size, 1), 0) + 1
    out.lines = rows_in_order(out.lines)
    if sizes:
        out.body_size = max(sizes, key=lambda k: sizes[k])
    if not any(line.text.strip() for line in out.lines) and not out.footnotes:
        raise NoTextLayer(path)
    return out


def _assemble_plain(path: Path, pages: list[PageText]) -> Extract:
    """Without layout facts: read the pages' plain text the way a .txt extraction is read."""
    from briefer.ingest.text import read_text

    text = "\n".join(p.plain if p.plain is not None else "\n".join(ln.text for ln in p.lines) for p in pages)
    if not text.strip():
        raise NoTextLayer(path)
    out = read_text(text)
    out.page_count = len(pages)
    for line in out.lines:
        line.page = min(line.page, len(pages))
    for fn in out.footnotes:
        fn.page = min(fn.page or 1, len(pages))
    return out
