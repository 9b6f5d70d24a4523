"""Core: read a Word (.docx) file through python-docx: paragraphs become lines on page 1.

Word footnotes are kept: each footnote reference in the text becomes `[^N]` (numbered in the order
they occur, as Word shows them) and the notes' texts come from the footnotes part. Tables are read
row by row after the body text. Numbers Word draws before a decimal list ("1.", "2." ...) are
written into the text, so questions numbered that way keep their numbers.
"""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any

from briefer.ingest.clean import normalise_line
from briefer.ingest.errors import CorruptFile, EmptyFile
from briefer.ingest.pages import Extract, Line
from briefer.model import Footnote

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def read_docx(path: Path) -> Extract:
    """Paragraphs (and table cells, row by row) as lines; each paragraph starts a new one."""
    if path.stat().st_size == 0:
        raise EmptyFile(path)
    if not zipfile.is_zipfile(path):
        raise CorruptFile(path, "het is geen geldig Word-bestand (.docx)")
    try:
        import docx

        document = docx.Document(str(path))
    except Exception as exc:  # noqa: BLE001 - python-docx raises many kinds for a bad package
        raise CorruptFile(path, "het is geen geldig Word-bestand (.docx)") from exc
    out = Extract(page_count=1)
    numbers: dict[str, int] = {}  # Word footnote id -> number as shown
    counter = _ListNumbers(document)
    for para in document.paragraphs:
        text_all = counter.prefix(para) + _text(para._p, numbers)
        italic = bool(para.runs) and all(r.italic for r in para.runs if r.text.strip())
        bold = bool(para.runs) and all(r.bold for r in para.runs if r.text.strip())
        for raw in text_all.split("\n"):
            text = normalise_line(raw)
            if text:
                out.lines.append(Line(text, 1, para=True, italic=italic, bold=bold))
    for table in document.tables:
        for row in table.rows:
            cells = [normalise_line(_text(c._tc, numbers)) for c in row.cells]
            for text in dict.fromkeys(c for c in cells if c):
                out.lines.append(Line(text, 1, para=True))
    if numbers:
        notes = _footnote_texts(document)
        out.footnotes = [Footnote(n, notes.get(fid, ""), 1) for fid, n in sorted(numbers.items(), key=lambda x: x[1])]
    if not out.lines:
        raise EmptyFile(path)
    return out


def _text(element: Any, numbers: dict[str, int]) -> str:
    """Text of a paragraph or cell, footnote references written as [^N]."""
    parts: list[str] = []
    for el in element.iter():
        tag = el.tag
        if tag == _W + "t":
            parts.append(el.text or "")
        elif tag == _W + "tab":
            parts.append(" ")
        elif tag in (_W + "br", _W + "cr"):
            parts.append("\n")
        elif tag == _W + "p" and parts and el is not element:
            parts.append("\n")
        elif tag == _W + "footnoteReference":
            fid = el.get(_W + "id") or ""
            number = numbers.setdefault(fid, len(numbers) + 1)
            parts.append(f"[^{number}]")
    return "".join(parts)


def _footnote_texts(document: Any) -> dict[str, str]:
    """Word footnote id -> text, from word/footnotes.xml (empty when the part is missing)."""
    from docx.oxml import parse_xml

    for rel in document.part.rels.values():
        if rel.reltype.endswith("/footnotes") and not rel.is_external:
            root = parse_xml(rel.target_part.blob)
            out: dict[str, str] = {}
            for note in root.iter(_W + "footnote"):
                texts = ["".join(t.text or "" for t in p.iter(_W + "t")) for p in note.iter(_W + "p")]
                out[note.get(_W + "id") or ""] = normalise_line(" ".join(t for t in texts if t.strip()))
            return out
    return {}


class _ListNumbers:
    """Core: the numbers Word draws before paragraphs of a numbered list ("1.", "2." ...), which are
    not in the paragraph text: a lijst van vragen numbered this way would lose its question numbers.
    Only decimal lists at the top level get a number; bullets and sub-levels get none."""

    def __init__(self, document: Any) -> None:
        self.formats: dict[str, tuple[str, int]] = {}  # numId -> (format of level 0, start)
        self.counts: dict[str, int] = {}
        try:
            root = document.part.numbering_part.element
        except Exception:  # noqa: BLE001 - no numbering part: nothing is numbered
            return
        abstract: dict[str, tuple[str, int]] = {}
        for an in root.iter(_W + "abstractNum"):
            for lvl in an.iter(_W + "lvl"):
                if lvl.get(_W + "ilvl") == "0":
                    fmt = lvl.find(_W + "numFmt")
                    start = lvl.find(_W + "start")
                    abstract[an.get(_W + "abstractNumId") or ""] = (
                        fmt.get(_W + "val") if fmt is not None else "",
                        int(start.get(_W + "val") or 1) if start is not None else 1,
                    )
        for num in root.iter(_W + "num"):
            ref = num.find(_W + "abstractNumId")
            if ref is not None:
                self.formats[num.get(_W + "numId") or ""] = abstract.get(ref.get(_W + "val") or "", ("", 1))

    def prefix(self, para: Any) -> str:
        """"3. " before the third paragraph of a decimal list, else ""; numbering may come from the style."""
        numpr = _num_pr(para._p)
        if numpr is None:
            try:
                style = para.style.element if para.style is not None else None
            except Exception:  # noqa: BLE001 - a broken style reference: no number
                style = None
            numpr = _num_pr(style) if style is not None else None
        if numpr is None or not self.formats:
            return ""
        ilvl, num_id = numpr.find(_W + "ilvl"), numpr.find(_W + "numId")
        level = ilvl.get(_W + "val") if ilvl is not None else "0"
        key = num_id.get(_W + "val") if num_id is not None else ""
        fmt, start = self.formats.get(key or "", ("", 1))
        if level != "0" or fmt != "decimal":
            return ""
        self.counts[key or ""] = self.counts.get(key or "", start - 1) + 1
        return f"{self.counts[key or '']}. "


def _num_pr(element: Any) -> Any:
    ppr = element.find(_W + "pPr")
    return ppr.find(_W + "numPr") if ppr is not None else None
