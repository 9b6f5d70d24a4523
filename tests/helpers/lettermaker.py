"""Tests: a ministry's letter as a Word-made PDF in the Rijkshuisstijl, built from parts.

    pdf = ministry_letter(
        ["Hierbij informeer ik u over de voortgang^1.", ("1. Aanleiding", "b"), ...],
        notes={1: "Kamerstuk 36 200, nr. 5."},
        column=["Ministerie van Financiën", "Datum", "28 januari 2025", "Kenmerk", "2025-0000012345"],
    )

Page layout: the return address ("> Retouradres …") above the addressee; "Datum" and "Betreft" at the
left; "Geachte voorzitter,"; the text at 9.5 pt from x = 78 (a paragraph is text, or (text, "b") for a
bold heading; "^N" is a raised 6 pt marker of note N, also glued after punctuation; "\n" forces a line
break, "\xad" a soft hyphen drawn there); notes at the foot of the page of their marker (raised number,
7 pt text); on every page the right-hand column at x = 460 in 6.5 pt and "Pagina N van M" at its foot;
the closing formula and signature at the end.
"""

from __future__ import annotations

import re

from tests.helpers.pdfmaker import PdfMaker

_MARK = re.compile(r"\^(\d+)")


def _wrap(text: str, width: int) -> list[str]:
    out: list[str] = []
    for chunk in text.split("\n"):
        cur = ""
        for word in chunk.split():
            if cur and len(cur) + 1 + len(word.replace("^", "")) > width:
                out.append(cur)
                cur = word
            else:
                cur = f"{cur} {word}" if cur else word
        if cur:
            out.append(cur)
    return out


def ministry_letter(paragraphs: list[str | tuple[str, str]], *, notes: dict[int, str] | None = None,
                    column: list[str] | None = None, addressee: list[str] | None = None,
                    datum: str = "28 januari 2025", betreft: str = "Voortgang grondstoffenstrategie",
                    closing: list[str] | None = None, lines_per_page: int = 44, chars: int = 72,
                    return_address: bool = True, salutation: str = "Geachte voorzitter,") -> PdfMaker:
    notes = notes or {}
    column = column if column is not None else [
        "Ministerie van Economische Zaken", "Directie Grondstoffen", "Bezuidenhoutseweg 73", "2594 AC Den Haag",
        "Datum", datum, "Kenmerk", "DGKE-G / 98765432", "Uw kenmerk", "2024Z20001", "Bijlage(n)", "2"]
    addressee = addressee if addressee is not None else [
        "De Voorzitter van de Tweede Kamer", "der Staten-Generaal", "Postbus 20018", "2500 EA DEN HAAG"]
    closing = closing if closing is not None else [
        "Hoogachtend,", "", "De minister van Economische Zaken,", "", "", "D.S. Beljaarts"]
    pdf = PdfMaker()
    pages: list[dict] = []

    def new_page() -> dict:
        page = {"builder": pdf.page(), "y": 760.0, "used": 0, "notes": []}
        pages.append(page)
        return page

    page = new_page()
    b = page["builder"]
    if return_address:
        b.text(78, 790, "> Retouradres Postbus 20401 2500 EK Den Haag", size=6)
    y = 770.0
    for line in addressee:
        if line:
            b.text(78, y, line, size=9.5)
        y -= 12
    y -= 24
    for label, value in (("Datum", datum), ("Betreft", betreft)):
        if value:
            b.text(78, y, label, size=7)
            b.text(135, y, value, size=9.5)
            y -= 14
    y -= 24
    if salutation:
        b.text(78, y, salutation, size=9.5)
    page["y"] = y - 24

    def put(text: str, style: str, size: float = 9.5) -> None:
        nonlocal page
        if page["used"] >= lines_per_page - 2 * len(page["notes"]) or page["y"] < 120 + 10 * len(page["notes"]):
            page = new_page()
        parts: list[tuple[str, float, float, str]] = []
        pos = 0
        for m in _MARK.finditer(text):
            if m.start() > pos:
                parts.append((text[pos:m.start()], size, 0, style))
            parts.append((m.group(1), 6, 3.5, style))
            page["notes"].append(int(m.group(1)))
            pos = m.end()
        if pos < len(text):
            parts.append((text[pos:], size, 0, style))
        page["builder"].runs(78, page["y"], parts)
        page["y"] -= 13
        page["used"] += 1

    for para in paragraphs:
        text, style = (para, "") if isinstance(para, str) else para
        for line in _wrap(text, chars):
            put(line, style)
        page["y"] -= 9
    page["y"] -= 10
    for line in closing:
        if line:
            put(line, "")
        else:
            page["y"] -= 13
    total = len(pages)
    for number, p in enumerate(pages, start=1):
        b = p["builder"]
        ny = 60.0 + 10 * len(p["notes"])
        for n in p["notes"]:
            b.runs(78, ny, [(str(n), 5, 2.5), (" " + notes.get(n, ""), 7, 0)])
            ny -= 10
        cy = 700.0
        for line in column:
            style = "b" if line in ("Datum", "Kenmerk", "Uw kenmerk", "Bijlage(n)", "Contactpersoon") else ""
            b.text(460, cy, line, size=6.5, style=style)
            cy -= 9
        b.text(460, 40, f"Pagina {number} van {total}", size=6.5)
    return pdf
