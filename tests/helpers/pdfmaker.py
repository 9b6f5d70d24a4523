"""Tests/bench: a tiny hand-written PDF writer for text PDFs in Helvetica.

    pdf = PdfMaker()
    page = pdf.page()
    page.text(70, 770, "Vraag 1", size=10)
    page.runs(70, 750, [("Zie de brief", 10, 0), ("1", 6, 3), (" van gisteren.", 10, 0)])
    pdf.save(path)

`flow_document(...)` lays out paragraphs over pages like a Kamerstuk: body lines, footnote markers
("^N" in the text becomes a small raised N), notes at the foot of the page and a running footer.
"""

from __future__ import annotations

import re
import zlib
from pathlib import Path


def _escape(text: str) -> bytes:
    raw = text.encode("cp1252", errors="replace")
    return raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")


class PageBuilder:
    """Tests/bench: one page's content stream."""

    def __init__(self) -> None:
        self.ops: list[bytes] = []

    def text(self, x: float, y: float, text: str, size: float = 10.0, style: str = "") -> None:
        """One line; style "" (regular), "i" (italic) or "b" (bold)."""
        self.runs(x, y, [(text, size, 0.0, style)])

    def runs(self, x: float, y: float, parts: list[tuple[str, float, float] | tuple[str, float, float, str]]) -> None:
        """Consecutive text runs on one line: (text, font size, rise[, style])."""
        out = [b"BT", f"{x:.2f} {y:.2f} Td".encode()]
        for part in parts:
            text, size, rise = part[0], part[1], part[2]
            font = {"": "F1", "i": "F2", "b": "F3"}[part[3] if len(part) > 3 else ""]  # type: ignore[misc]
            out.append(f"/{font} {size:g} Tf {rise:g} Ts".encode())
            out.append(b"(" + _escape(text) + b") Tj")
        out.append(b"0 Ts ET")
        self.ops.append(b" ".join(out))

    def draw_box(self) -> None:
        """Graphics only (what a scanned page without text layer looks like to a text extractor)."""
        self.ops.append(b"0.5 g 50 50 400 600 re f 0 g 60 60 m 300 300 l S")


class PdfMaker:
    """Tests/bench: builds a PDF file from pages of text runs."""

    def __init__(self, width: float = 595.0, height: float = 842.0, compress: bool = True) -> None:
        self.width, self.height, self.compress = width, height, compress
        self.pages: list[PageBuilder] = []

    def page(self) -> PageBuilder:
        p = PageBuilder()
        self.pages.append(p)
        return p

    def to_bytes(self) -> bytes:
        objects: list[bytes] = []
        n_pages = len(self.pages)
        # 1 catalog, 2 pages, 3-5 fonts, then per page: page object, content stream
        kids = " ".join(f"{6 + 2 * i} 0 R" for i in range(n_pages))
        objects.append(b"<< /Type /Catalog /Pages 2 0 R >>")
        objects.append(f"<< /Type /Pages /Kids [{kids}] /Count {n_pages} >>".encode())
        for base in ("Helvetica", "Helvetica-Oblique", "Helvetica-Bold"):
            objects.append(f"<< /Type /Font /Subtype /Type1 /BaseFont /{base} /Encoding /WinAnsiEncoding >>".encode())
        for i, p in enumerate(self.pages):
            content = b"\n".join(p.ops)
            objects.append(
                f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {self.width:g} {self.height:g}] "
                f"/Resources << /Font << /F1 3 0 R /F2 4 0 R /F3 5 0 R >> >> /Contents {7 + 2 * i} 0 R >>".encode()
            )
            if self.compress:
                data = zlib.compress(content)
                objects.append(f"<< /Length {len(data)} /Filter /FlateDecode >>\nstream\n".encode() + data
                               + b"\nendstream")
            else:
                objects.append(f"<< /Length {len(content)} >>\nstream\n".encode() + content + b"\nendstream")
        out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
        offsets = []
        for num, body in enumerate(objects, start=1):
            offsets.append(len(out))
            out += f"{num} 0 obj\n".encode() + body + b"\nendobj\n"
        xref = len(out)
        out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
        for off in offsets:
            out += f"{off:010d} 00000 n \n".encode()
        out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
        return bytes(out)

    def save(self, path: Path | str) -> Path:
        path = Path(path)
        path.write_bytes(self.to_bytes())
        return path


_MARK = re.compile(r"\^(\d+)")


def _wrap(text: str, width: int) -> list[str]:
    words, lines, cur = text.split(), [], ""
    for w in words:
        if cur and len(cur) + 1 + len(w) > width:
            lines.append(cur)
            cur = w
        else:
            cur = f"{cur} {w}" if cur else w
    if cur:
        lines.append(cur)
    return lines


def flow_document(
    paragraphs: list[str | tuple[str, float]],
    *,
    notes: dict[int, str] | None = None,
    footer: str | None = "Tweede Kamer, vergaderjaar 2022–2023, 30 821, nr. 196",
    size: float = 10.0,
    left: float = 70.0,
    chars: int = 80,
    lines_per_page: int = 52,
    compress: bool = True,
) -> PdfMaker:
    """Lay paragraphs over pages. A paragraph is text or (text, indent); "^N" marks footnote N.

    Paragraphs are separated by a blank line's worth of space; notes of markers on a page go to
    the foot of that page; every page gets `footer` plus its page number.
    """
    notes = notes or {}
    pdf = PdfMaker(compress=compress)
    lead = size * 1.3
    page: PageBuilder | None = None
    y = 0.0
    used = 0
    page_notes: list[int] = []

    def close_page() -> None:
        if page is None:
            return
        ny = 60.0 + 10 * len(page_notes) + 10
        for n in page_notes:
            page.runs(left, ny, [(str(n), 5.5, 0), (" " + notes.get(n, ""), 8, 0)])
            ny -= 10
        if footer:
            page.text(left, 30, f"{footer}", size=7.5)
            page.text(520, 30, str(len(pdf.pages)), size=7.5)

    def new_page() -> None:
        nonlocal page, y, used, page_notes
        close_page()
        page = pdf.page()
        y, used, page_notes = 790.0, 0, []

    new_page()
    for para in paragraphs:
        text, indent = (para, 0.0) if isinstance(para, str) else para
        for line in _wrap(text, chars - int(indent / 5)):
            if used >= lines_per_page - len(page_notes) - 2:
                new_page()
            assert page is not None
            parts: list[tuple[str, float, float]] = []
            pos = 0
            for m in _MARK.finditer(line):
                if m.start() > pos:
                    parts.append((line[pos:m.start()], size, 0))
                parts.append((m.group(1), size * 0.6, size * 0.35))
                page_notes.append(int(m.group(1)))
                pos = m.end()
            if pos < len(line):
                parts.append((line[pos:], size, 0))
            page.runs(left + indent, y, parts)
            y -= lead
            used += 1
        y -= lead * 0.8
        used += 1
    close_page()
    return pdf


def column_document(
    paragraphs: list[tuple[str, str, str | None]],
    *,
    footer: str = "Tweede Kamer, vergaderjaar 2023–2024, 36 400, nr. 6",
    size: float = 9.0,
    margin: float = 55.0,
    column: float = 221.0,
    chars: int = 62,
    bottom: float = 90.0,
) -> PdfMaker:
    """Lay paragraphs out as officielebekendmakingen prints a Kamerstuk: one column at `column`,
    labels (question numbers) in the left margin on the paragraph's first line, footer with folio.

    A paragraph is (text, style, margin label or None); style "", "i" or "b".
    """
    pdf = PdfMaker()
    page = pdf.page()
    y = 790.0
    lead = size * 1.35

    def close() -> None:
        page.text(margin, 40, footer, size=7)
        page.text(520, 40, str(len(pdf.pages)), size=7)

    for text, style, label in paragraphs:
        for i, line in enumerate(_wrap(text, chars)):
            if y < bottom:
                close()
                page = pdf.page()
                y = 790.0
            if i == 0 and label:
                page.text(margin, y, label, size=size)
            page.text(column, y, line, size=size, style=style)
            y -= lead
        y -= lead * 0.6
    close()
    return pdf


def kamerstuk_document(
    paragraphs: list[tuple[str, str, str | None]],
    *,
    dossier: str,
    dossier_title: str,
    nr: str,
    kind: str,
    intro: list[str],
    notes: dict[int, str] | None = None,
    signatures: list[str] | None = None,
    vastgesteld: str | None = "15 september 2022",
    year: str = "2023–2024",
    printed: str = "2024",
    size: float = 9.0,
    margin: float = 55.0,
    column: float = 221.0,
    chars: int = 62,
    bottom: float = 90.0,
) -> PdfMaker:
    """A Kamerstuk as officielebekendmakingen prints it, with its cover block on page 1.

    Page 1: "Tweede Kamer der Staten-Generaal", the dossier number in the margin with the dossier
    title in the column, "Nr. 5" in the margin with the document kind ("LIJST VAN VRAGEN EN
    ANTWOORDEN") beside it, "Vastgesteld ...", the `intro` paragraphs ("^N" marks note N, e.g. the
    committee whose members the note lists) and `signatures` (a line each), then the body as in
    `column_document`. Notes go to the foot of the page of their marker, in 7 pt across the page;
    the first page carries the identifier, ISSN and imprint in its lower left corner. Every page
    gets the running footer "Tweede Kamer, vergaderjaar YEAR, DOSSIER, nr. NR" and its folio.
    """
    notes = notes or {}
    footer = f"Tweede Kamer, vergaderjaar {year}, {dossier}, nr. {nr}"
    ident = "kst-" + "-".join([dossier.replace(" ", "", 1).replace(" ", "-"), nr])
    pdf = PdfMaker()
    lead = size * 1.35
    state = {"page": pdf.page(), "y": 790.0, "notes": []}

    def close() -> None:
        page = state["page"]
        foot: list[tuple[str, str]] = []
        for n in state["notes"]:
            for i, line in enumerate(_wrap(notes.get(n, ""), 110)):
                foot.append((str(n) if i == 0 else "", line))
        ny = 60.0 + 8.5 * len(foot)
        x = column if len(pdf.pages) > 1 else margin + 120
        for number, line in foot:
            if number:
                page.text(x, ny, number, size=7)
            page.text(x + 8, ny, line, size=7)
            ny -= 8.5
        if len(pdf.pages) == 1:
            page.text(margin, 80, ident, size=7)
            page.text(margin, 71, "ISSN 0921 - 7371", size=7)
            page.text(margin, 62, f"’s-Gravenhage {printed}", size=7)
        page.text(margin + 120, 40, footer, size=7)
        page.text(520, 40, str(len(pdf.pages)), size=7)

    def limit() -> float:
        reserved = sum(len(_wrap(notes.get(n, ""), 110)) for n in state["notes"]) * 8.5
        return bottom + reserved

    def put(x: float, text: str, style: str = "", label: str | None = None, fsize: float = size) -> None:
        if state["y"] < limit():
            close()
            state.update(page=pdf.page(), y=790.0, notes=[])
        page = state["page"]
        if label:
            page.text(margin, state["y"], label, size=fsize, style=style)
        parts: list[tuple[str, float, float] | tuple[str, float, float, str]] = []
        pos = 0
        for m in _MARK.finditer(text):
            if m.start() > pos:
                parts.append((text[pos:m.start()], fsize, 0, style))
            parts.append((m.group(1), fsize * 0.6, fsize * 0.35, style))
            state["notes"].append(int(m.group(1)))
            pos = m.end()
        if pos < len(text):
            parts.append((text[pos:], fsize, 0, style))
        page.runs(x, state["y"], parts)
        state["y"] -= lead

    first = state["page"]
    first.text(margin, 800, "Tweede Kamer der Staten-Generaal", size=14, style="b")
    first.text(margin, 780, "2", size=10)
    first.text(margin + 120, 780, f"Vergaderjaar {year}", size=10)
    state["y"] = 740.0
    for i, line in enumerate(_wrap(dossier_title, 55)):
        put(column, line, "b", dossier if i == 0 else None, fsize=10)
    state["y"] -= lead
    put(column, kind, "b", f"Nr. {nr}", fsize=10)
    state["y"] -= lead
    if vastgesteld:
        put(column, f"Vastgesteld {vastgesteld}")
        state["y"] -= lead * 0.6
    for para in intro:
        for line in _wrap(para, chars):
            put(column, line)
        state["y"] -= lead * 0.6
    for line in signatures or []:
        put(column, line)
    state["y"] -= lead
    for text, style, label in paragraphs:
        for i, line in enumerate(_wrap(text, chars)):
            put(column, line, style, label if i == 0 else None)
        state["y"] -= lead * 0.6
    close()
    return pdf


def _marked_runs(text: str, size: float, style: str = "") -> tuple[list[tuple[str, float, float, str]], list[int]]:
    """Text runs of one line with "^N" as a small raised N; and the note numbers met."""
    parts: list[tuple[str, float, float, str]] = []
    found: list[int] = []
    pos = 0
    for m in _MARK.finditer(text):
        if m.start() > pos:
            parts.append((text[pos:m.start()], size, 0, style))
        parts.append((m.group(1), size * 0.6, size * 0.35, style))
        found.append(int(m.group(1)))
        pos = m.end()
    if pos < len(text):
        parts.append((text[pos:], size, 0, style))
    return parts, found


def table_document(
    rows: list[tuple[str, str, str]],
    *,
    header: tuple[str, ...] = ("Nr.", "Vraag", "Antwoord"),
    title: list[str] | None = None,
    notes: dict[int, str] | None = None,
    footer: str = "Tweede Kamer, vergaderjaar 2023–2024, 36 410 XVI, nr. 7",
    size: float = 8.5,
    bottom: float = 80.0,
    header_every_page: bool = True,
) -> PdfMaker:
    """A lijst van vragen en antwoorden printed as a table: per row the number, the question and the
    answer side by side, "^N" marks note N (notes at the foot of the page of their marker).

    With three header cells the columns are number | question | answer; with two the number leads the
    question text ("12. Hoe ...") and the columns are question | answer. The header row (bold) is
    repeated at the top of every page (only on the first without `header_every_page`); a row that does not fit breaks across the page (its cells go on
    under the next page's header). Every page gets the running footer and its folio.
    """
    notes = notes or {}
    xs = (55.0, 80.0, 318.0) if len(header) == 3 else (55.0, 318.0)
    widths = (44, 44) if len(header) == 3 else (50, 44)
    lead = size * 1.3
    pdf = PdfMaker()
    state: dict = {"page": None, "y": 0.0, "notes": []}

    def close() -> None:
        page = state["page"]
        if page is None:
            return
        ny = 50.0 + 9 * len(state["notes"])
        for n in state["notes"]:
            page.runs(55, ny, [(str(n), 4.5, 2.5), (" " + notes.get(n, ""), 7, 0)])
            ny -= 9
        page.text(55, 30, footer, size=7)
        page.text(520, 30, str(len(pdf.pages)), size=7)

    def new_page() -> None:
        close()
        state.update(page=pdf.page(), y=790.0, notes=[])
        if len(pdf.pages) == 1:
            for line in title or []:
                state["page"].text(55, state["y"], line, size=10, style="b")
                state["y"] -= 2 * lead
        if header_every_page or len(pdf.pages) == 1:
            for text, x in zip(header, xs, strict=True):
                state["page"].text(x, state["y"], text, size=size, style="b")
            state["y"] -= 1.6 * lead

    new_page()
    for number, question, answer in rows:
        cells = ([[number]] if len(header) == 3 else []) + [_wrap(question, widths[0]), _wrap(answer, widths[1])]
        for k in range(max(len(c) for c in cells)):
            if state["y"] < bottom + 9 * len(state["notes"]) + 10:
                new_page()
            for cell, x in zip(cells, xs, strict=True):
                if k < len(cell):
                    parts, found = _marked_runs(cell[k], size)
                    state["page"].runs(x, state["y"], parts)
                    state["notes"].extend(found)
            state["y"] -= lead
        state["y"] -= 0.8 * lead
    close()
    return pdf
