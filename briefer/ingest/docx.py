"""Core: read a Word (.docx) file: the body in reading order, its notes, and the letterhead as furniture.

Paragraphs and tables are read in the order they stand in the body (a cover letter in tables comes
before the attachment it covers); every paragraph, and every paragraph of a table cell, becomes a
line on page 1. Headers, footers and text boxes are the letterhead (Datum, Kenmerk, Betreft, the
return address, "Pagina N van M"): they go to `Extract.header`, read for metadata only, the first
page's header first. Text boxes stored twice (mc:Choice and its mc:Fallback) are read once.
Numbers Word draws before a decimal list ("1.", "2.") are written into the text, so questions
numbered that way keep their numbers.

Notes come in two systems and become one series (`briefer.ingest.notes`): Word footnotes and notes
typed as text ("1)" or "[1]" in the text, their texts listed after the last paragraph).

A .docx is a zip archive; one whose unpacked size or number of parts is absurd (a zip bomb) is
refused from its directory alone, before anything is unpacked (`ArchiveTooLarge`).
"""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any

from briefer.ingest.clean import normalise_line
from briefer.ingest.errors import ArchiveTooLarge, CorruptFile, EmptyFile
from briefer.ingest.notes import WORD_MARK, unify_notes
from briefer.ingest.pages import Extract, Line

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"

MAX_PARTS = 5_000  # a long report with many images has a few hundred
MAX_UNPACKED = 400 * 1024 * 1024  # all parts together, as the archive declares them
MAX_RATIO = 200  # unpacked : packed, for archives over 20 MB unpacked (text packs about 10:1)


def check_archive(path: Path) -> None:
    """Refuse a zip bomb from the archive's directory alone (no part is unpacked).

    zipfile never hands out more bytes than a part declares, so the declared sizes bound what
    python-docx can unpack.
    """
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        raise CorruptFile(path, "het is geen geldig Word-bestand (.docx)") from exc
    if len(infos) > MAX_PARTS:
        raise ArchiveTooLarge(path, f"het bevat {len(infos):,} onderdelen".replace(",", "."))
    unpacked = sum(max(i.file_size, 0) for i in infos)
    packed = max(path.stat().st_size, 1)
    if unpacked > MAX_UNPACKED or (unpacked > 20 * 1024 * 1024 and unpacked / packed > MAX_RATIO):
        raise ArchiveTooLarge(path, f"uitgepakt zou het {unpacked / 1024 ** 2:,.0f} MB worden".replace(",", "."))


def read_docx(path: Path) -> Extract:
    """The body as lines (page 1), the letterhead as furniture, the notes as one series."""
    if path.stat().st_size == 0:
        raise EmptyFile(path)
    if not zipfile.is_zipfile(path):
        raise CorruptFile(path, "het is geen geldig Word-bestand (.docx)")
    check_archive(path)
    try:
        import docx

        document = docx.Document(str(path))
        body = document.element.body
    except Exception as exc:  # noqa: BLE001 - python-docx raises many kinds for a bad package
        raise CorruptFile(path, "het is geen geldig Word-bestand (.docx)") from exc
    reader = _Reader(document)
    lines: list[Line] = []
    for child in body.iterchildren():
        reader.block(child, lines)
    out = Extract(page_count=1)
    out.header = reader.boxes + reader.letterhead()
    notes = reader.footnote_texts() if reader.word_notes else {}
    out.lines, out.footnotes = unify_notes(lines, notes)
    if not out.lines:
        raise EmptyFile(path)
    return out


class _Reader:
    """Core: walks a Word body in reading order."""

    def __init__(self, document: Any) -> None:
        self.document = document
        self.numbers = _ListNumbers(document)
        self.word_notes: set[str] = set()
        self.boxes: list[str] = []  # text boxes in the body: letterhead too

    def block(self, el: Any, out: list[Line]) -> None:
        tag = el.tag
        if tag == _W + "p":
            self.paragraph(el, out)
        elif tag == _W + "tbl":
            for row in el.iter(_W + "tr"):
                seen: list[str] = []
                for cell in row.iterchildren(_W + "tc"):
                    for p in cell.iterchildren(_W + "p"):
                        text = self.text(p)
                        if text not in seen:  # merged cells repeat their text
                            seen.append(text)
                            self.add(text, p, out)
        elif tag == _W + "sdt":  # a content control: its paragraphs and tables stand in the body
            content = el.find(_W + "sdtContent")
            if content is not None:
                for child in content.iterchildren():
                    self.block(child, out)

    def paragraph(self, p: Any, out: list[Line]) -> None:
        self.add(self.numbers.prefix(p) + self.text(p), p, out)

    def add(self, text: str, p: Any, out: list[Line]) -> None:
        runs = [r for r in p.iter(_W + "r") if "".join(t.text or "" for t in r.iter(_W + "t")).strip()]
        italic = bool(runs) and all(_run_flag(r, "i") for r in runs)
        bold = bool(runs) and all(_run_flag(r, "b") for r in runs)
        for raw in text.split("\n"):
            line = normalise_line(raw)
            if line:
                out.append(Line(line, 1, para=True, italic=italic, bold=bold))

    def text(self, element: Any) -> str:
        """Text of a paragraph, Word footnote references as markers; text boxes set apart."""
        parts: list[str] = []
        for el in _walk(element):
            tag = el.tag
            if tag == _W + "t":
                parts.append(el.text or "")
            elif tag == _W + "tab":
                parts.append(" ")
            elif tag in (_W + "br", _W + "cr"):
                parts.append("\n")
            elif tag == _W + "footnoteReference":
                fid = el.get(_W + "id") or ""
                self.word_notes.add(fid)
                parts.append(WORD_MARK.format(fid))
            elif tag == _W + "txbxContent":
                for p in el.iter(_W + "p"):
                    box = normalise_line("".join(t.text or "" for t in p.iter(_W + "t")))
                    if box:
                        self.boxes.append(box)
        return "".join(parts)

    def letterhead(self) -> list[str]:
        """Header and footer lines, the first page's first (where the letter's own date stands)."""
        part = self.document.part
        kinds = {"first": 0, "default": 1, "even": 2}
        refs: list[tuple[int, str]] = []
        for sect in part.element.iter(_W + "sectPr"):
            for ref in list(sect.iterchildren(_W + "headerReference")) + list(sect.iterchildren(_W + "footerReference")):
                refs.append((kinds.get(ref.get(_W + "type") or "default", 1), ref.get(_R + "id") or ""))
        out: list[str] = []
        done: set[str] = set()
        for _, rid in sorted(refs, key=lambda r: r[0]):
            if rid in done or rid not in part.rels:
                continue
            done.add(rid)
            try:
                from docx.oxml import parse_xml

                root = parse_xml(part.rels[rid].target_part.blob)
            except Exception:  # noqa: BLE001 - a broken header: no letterhead from it
                continue
            for p in _paragraphs(root):
                text = normalise_line("".join(t.text or "" for t in _walk(p) if t.tag == _W + "t"))
                if text:
                    out.append(text)
        return out

    def footnote_texts(self) -> dict[str, str]:
        """Word footnote id -> text, from word/footnotes.xml (empty when the part is missing)."""
        from docx.oxml import parse_xml

        for rel in self.document.part.rels.values():
            if rel.reltype.endswith("/footnotes") and not rel.is_external:
                root = parse_xml(rel.target_part.blob)
                out: dict[str, str] = {}
                for note in root.iter(_W + "footnote"):
                    texts = ["".join(t.text or "" for t in p.iter(_W + "t")) for p in note.iter(_W + "p")]
                    out[note.get(_W + "id") or ""] = normalise_line(" ".join(t for t in texts if t.strip()))
                return out
        return {}


def _walk(element: Any) -> Any:
    """Descendants in document order, leaving out mc:Fallback copies and the insides of text boxes
    (their `txbxContent` element itself is yielded, once)."""
    stack = [element]
    while stack:
        el = stack.pop()
        yield el
        if el.tag == _W + "txbxContent":
            continue
        children = [c for c in el.iterchildren() if c.tag != _MC + "Fallback" and isinstance(c.tag, str)]
        stack.extend(reversed(children))


def _paragraphs(root: Any) -> list[Any]:
    """Every paragraph of a header part, text boxes included, fallback copies left out."""
    out: list[Any] = []
    stack = [root]
    while stack:
        el = stack.pop()
        if el.tag == _W + "p" and not any(c.tag == _W + "txbxContent" for c in el.iter() if c is not el):
            out.append(el)
            continue
        stack.extend(reversed([c for c in el.iterchildren() if isinstance(c.tag, str) and c.tag != _MC + "Fallback"]))
    return out


def _run_flag(run: Any, name: str) -> bool:
    rpr = run.find(_W + "rPr")
    flag = rpr.find(_W + name) if rpr is not None else None
    return flag is not None and (flag.get(_W + "val") or "true") not in ("0", "false")


class _ListNumbers:
    """Core: the numbers Word draws before paragraphs of a numbered list ("1.", "2." ...), which are
    not in the paragraph text: a lijst van vragen numbered this way would lose its question numbers.
    Only decimal lists at the top level get a number; bullets and sub-levels get none."""

    def __init__(self, document: Any) -> None:
        self.formats: dict[str, tuple[str, int]] = {}  # numId -> (format of level 0, start)
        self.counts: dict[str, int] = {}
        self.styles: dict[str, Any] = {}
        try:
            for style in document.styles.element.iter(_W + "style"):
                self.styles[style.get(_W + "styleId") or ""] = style
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

    def prefix(self, p: Any) -> str:
        """"3. " before the third paragraph of a decimal list, else ""; numbering may come from the style."""
        if not self.formats:
            return ""
        numpr = _num_pr(p)
        if numpr is None:
            ppr = p.find(_W + "pPr")
            sid = ppr.find(_W + "pStyle") if ppr is not None else None
            style = self.styles.get(sid.get(_W + "val") or "") if sid is not None else None
            numpr = _num_pr(style) if style is not None else None
        if numpr is None:
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
