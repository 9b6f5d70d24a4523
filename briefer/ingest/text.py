"""Core: read text as a PDF extraction gives it (page breaks not marked) into lines and footnotes.

Footnote notes are recognised by their number (notes number on through the document) at the start
of a line after a blank line; the note block ends the page, and the next line (often with one
leading space) starts the next page. Markers in the running text are found afterwards: for note N
the first number N glued to a word or punctuation mark ("2022.1", "monitor21", "jl.5,") between
the previous marker and the note itself.
"""

from __future__ import annotations

import re
from pathlib import Path

from briefer.ingest.clean import IDENTIFIER, is_furniture, normalise_line, sentence_end, split_footer
from briefer.ingest.errors import CorruptFile, EmptyFile
from briefer.ingest.pages import Extract, Line
from briefer.model import Footnote

_NOTE = re.compile(r"^(\d{1,3})\s+(\S.*)$")
_NOT_NOTE = re.compile(
    r"^(?:januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december|"
    r"miljoen|miljard|procent|euro|jaar|jaren|maanden|weken|dagen|uur|%)\b",
    re.IGNORECASE,
)


# a running footer that ends with its own page number: "nr. 196 5", "Aanhangsel 3", "35 010, C 1"
_HAS_FOLIO = re.compile(r"(?:nr\.\s*\d+|Aanhangsel|,\s*[A-Z]{1,2})\s+\d{1,4}\s*$")


def read_text_file(path: Path) -> Extract:
    """Read a .txt file (UTF-8, else cp1252) into lines and footnotes."""
    raw = path.read_bytes()
    if not raw.strip():
        raise EmptyFile(path)
    head = raw[:4096]
    if b"\x00" in head or head.startswith((b"%PDF", b"PK\x03\x04", b"\x89PNG", b"\xff\xd8\xff", b"GIF8")):
        raise CorruptFile(path, "het is geen tekstbestand maar een ander soort bestand met de extensie .txt")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("cp1252", errors="replace")
    if not text.strip():
        raise EmptyFile(path)
    return read_text(text)


def read_text(text: str) -> Extract:
    """Split extracted text into body lines (with `[^N]` markers), footnotes and furniture."""
    out = Extract()
    page = 1
    body: list[Line] = []
    notes: list[tuple[Footnote, int, list[str]]] = []  # note, body lines before it, text lines
    blank = True
    in_notes = False
    blank_in_notes = False
    page_break = False
    page_first: dict[int, int] = {1: 0}
    after_footer = False  # the printed page number often follows the footer on a line of its own
    raw_lines = text.splitlines()
    footer_at = [i for i, r in enumerate(raw_lines) if "Kamer, vergaderjaar" in r]
    # one leading space marks a page start in extracted text, unless the text indents paragraphs
    indented = sum(1 for r in raw_lines if r.startswith(" ") and not r.startswith("  ") and r.strip())
    space_starts_page = indented <= max(3, 0.05 * len(raw_lines))
    fi = 0
    skip_until = -1
    for index, raw in enumerate(raw_lines):
        if index < skip_until:
            continue
        while fi < len(footer_at) and footer_at[fi] < index:
            fi += 1
        footer_near = fi < len(footer_at) and footer_at[fi] - index <= 30
        stripped = raw.strip()
        if not stripped:
            blank = True
            if in_notes:
                blank_in_notes = True
            continue
        text_line, tail = split_footer(normalise_line(raw))
        if tail:
            out.header.append(tail)
            page_break = True
        folio = text_line.isdigit() and len(text_line) <= 4 and (
            after_footer or (index + 1 < len(raw_lines) and "Kamer, vergaderjaar" in raw_lines[index + 1]
                             and not _HAS_FOLIO.search(raw_lines[index + 1]))
        )
        if folio or is_furniture(text_line, bare_numbers=False) or IDENTIFIER.match(text_line):
            out.header.append(text_line)
            if "Kamer, vergaderjaar" in text_line or in_notes:
                page_break, in_notes = True, False
            # a footer with its page number ("..., nr. 196 5") leaves a bare number below it to the text
            after_footer = "Kamer, vergaderjaar" in text_line and not _HAS_FOLIO.search(text_line)
            blank = True
            continue
        after_footer = False
        m = _NOTE.match(text_line)
        next_no = (notes[-1][0].number + 1) if notes else 1
        if m and int(m.group(1)) == next_no and not (space_starts_page and raw.startswith(" ")) \
                and not _NOT_NOTE.match(m.group(2)) and (
            blank or in_notes or (footer_near and _marker_before(body, notes, next_no, page_first[page]))
        ):
            if page_break:  # a footer without notes ended the previous page
                page += 1
                page_first[page] = len(body)
                page_break = False
            fn = Footnote(next_no, "", page)
            notes.append((fn, len(body), [m.group(2)]))
            in_notes, blank_in_notes, blank = True, False, False
            continue
        if m and footer_near and not in_notes and next_no < int(m.group(1)) <= next_no + 15:
            block = _reversed_notes(raw_lines, index, next_no, footer_at[fi])
            if block is not None:  # notes drawn bottom-up: "7 ...", "6 ...", ..., "3 ..."
                if page_break:
                    page += 1
                    page_first[page] = len(body)
                    page_break = False
                for number, parts in block:
                    notes.append((Footnote(number, "", page), len(body), parts))
                skip_until = footer_at[fi]
                in_notes, blank_in_notes, blank = True, False, False
                continue
        if in_notes and not raw.startswith(" ") and (
            not blank_in_notes or _continues(notes[-1][2][-1], text_line)
        ):
            notes[-1][2].append(text_line)
            blank = False
            continue
        leading = space_starts_page and raw.startswith(" ") and not raw.startswith("  ") and not blank and bool(body)
        if in_notes or page_break or leading:
            page += 1
            page_first[page] = len(body)
            in_notes = page_break = False
            prev = body[-1] if body else None
            para = prev is None or (sentence_end(prev.text) and text_line[:1].isupper())
        else:
            para = blank
        body.append(Line(text_line, page, para=para or text_line.startswith("• ")))
        blank = False
    from briefer.ingest.clean import join_lines

    blanks = sum(1 for r in raw_lines if not r.strip())
    if body and blanks < 0.02 * len(raw_lines):
        _infer_paragraphs(body)
    for fn, _, parts in notes:
        fn.text = join_lines(parts)
    _place_markers(body, notes, page_first)
    out.lines = body
    out.footnotes = [fn for fn, _, _ in notes]
    out.page_count = page
    return out


def _reversed_notes(raw_lines: list[str], start: int, first: int, footer: int) -> list[tuple[int, list[str]]] | None:
    """Notes listed last-first up to the footer, each note's continuation lines above its number."""
    found: list[tuple[int, list[str]]] = []
    pending: list[str] = []
    for raw in raw_lines[start:footer]:
        text = normalise_line(raw)
        if not text:
            continue
        m = _NOTE.match(text)
        if m and (not found or int(m.group(1)) == found[-1][0] - 1):
            found.append((int(m.group(1)), [m.group(2), *pending]))
            pending = []
        else:
            pending.append(text)
    if pending or not found or found[-1][0] != first:
        return None
    return sorted(found)


def _infer_paragraphs(body: list[Line]) -> None:
    """Text without blank lines: a line ending a sentence well short of the column starts a paragraph."""
    lengths = sorted(len(ln.text) for ln in body)
    full = lengths[int(len(lengths) * 0.8)]
    for prev, line in zip(body, body[1:], strict=False):
        if len(prev.text) < 0.85 * full and sentence_end(prev.text):
            line.para = True


def _marker_before(body: list[Line], notes: list[tuple[Footnote, int, list[str]]], number: int,
                   page_start: int) -> bool:
    """Without a blank line before it, a note line counts only when its marker is in the text above."""
    start = max(notes[-1][1] if notes else 0, len(body) - 120, page_start)
    glued, spaced = _candidates(number)
    weak = _weak(number)
    for ln in body[start:]:
        if glued.search(ln.text) or spaced.search(ln.text):
            return True
        for m in weak.finditer(ln.text):
            if not _after_word(ln.text, m.start(), weak):
                return True
    return False


def _continues(prev: str, line: str) -> bool:
    """A note line broken by a blank line: the note ends mid-word, mid-URL or mid-sentence."""
    return prev.endswith(("-", "/")) or (not sentence_end(prev) and line[:1].islower())


def _candidates(number: int) -> tuple[re.Pattern[str], re.Pattern[str]]:
    n = str(number)
    glued = re.compile(r"(?<=[A-Za-zÀ-ÿ.,;:?!)»”’'\]])" + n + r"(?=[\s.,;:)?!]|$)")
    spaced = re.compile(r"(?<=[.,;:?!)»”’]) " + n + r"(?=[\s.,;:)]|$)")
    return glued, spaced


_NOT_BEFORE_MARKER = re.compile(
    r"(?:vraag|vragen|antwoord|artikel|artikelen|nr|nummer|lid|bijlage|punt|hoofdstuk|paragraaf|stap|fase|"
    r"niveau|week|dag|jaar|tabel|figuur|blz|pagina|p|versie|groep|categorie|onderdeel|januari|februari|maart|"
    r"april|mei|juni|juli|augustus|september|oktober|november|december|en|of|tot|t/m|van|op|per|de|het|een)$",
    re.IGNORECASE,
)


def _weak(number: int) -> re.Pattern[str]:
    """A marker that extraction separated by a space from the word before ("wetgeving 3.")."""
    return re.compile(r"(?<=[^\s\d]) " + str(number) + r"(?=[\s.,;:)]|$)|(?<=\d{4}) " + str(number) + r"(?=[\s.,;:)]|$)")


def _place_markers(body: list[Line], notes: list[tuple[Footnote, int, list[str]]],
                   page_first: dict[int, int]) -> None:
    """Turn the marker of each note into `[^N]`, searching forward from the previous marker.

    Glued markers are searched from the previous marker on; a marker separated by a space only
    on the note's own page, and not after words like "vraag" or a month name.
    """
    line_i, col = 0, 0
    for fn, upto, _ in notes:
        glued, spaced = _candidates(fn.number)
        found = None
        page_start = page_first.get(fn.page or 1, 0)
        near = max(line_i, upto - 150)  # a marker stands on its note's page: keeps the search linear
        for pattern, start in ((glued, near), (spaced, near), (_weak(fn.number), max(line_i, page_start))):
            i, c = start, (col if start == line_i else 0)
            while i < upto and i < len(body):
                for m in pattern.finditer(body[i].text, c):
                    if _is_code(body[i].text, m.start()) or _after_word(body[i].text, m.start(), pattern):
                        continue
                    found = (i, m)
                    break
                if found:
                    break
                i, c = i + 1, 0
            if found:
                break
        if not found:
            continue
        i, m = found
        t = body[i].text
        marker = f"[^{fn.number}]"
        body[i].text = t[: m.start()].rstrip() + marker + t[m.end():]
        line_i, col = i, len(t[: m.start()].rstrip()) + len(marker)


def _after_word(text: str, pos: int, pattern: re.Pattern[str]) -> bool:
    """For the weak pattern: is the number after a word that numbers things ("vraag 3", "mei 5")?"""
    if not pattern.pattern.startswith("(?<=[^\\s\\d]) "):
        return False
    before = text[:pos].rstrip().rsplit(" ", 1)[-1].strip("(«“")
    return bool(_NOT_BEFORE_MARKER.match(before)) or (text[:pos].strip() == before and len(text.split()) <= 3)


def _is_code(text: str, pos: int) -> bool:
    """A digit glued to a short capitalised token ("CO2", "G20", "NIS2") is not a marker."""
    j = pos
    while j > 0 and text[j - 1].isalpha():
        j -= 1
    token = text[j:pos]
    return 0 < len(token) <= 3 and token[0].isupper() and (j == 0 or not text[j - 1].isalnum())
