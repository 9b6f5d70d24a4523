"""Core: read text as a PDF extraction gives it (page breaks not marked) into lines and footnotes.

Footnote notes are recognised by their number (notes number on through the document) at the start
of a line after a blank line; the note block ends the page, and the next line (often with one
leading space) starts the next page. Markers in the running text are found afterwards: for note N
the first number N glued to a word or punctuation mark ("2022.1", "monitor21", "jl.5,") between
the previous marker and the note itself.

Plain extraction (`PdfReader(f).pages[i].extract_text()` joined with newlines) has no blank lines:
then notes are told by their place before the running footer (also when glued to the page's last
body line or listed bottom-up), and paragraph starts are inferred (see `_infer_paragraphs`).
"""

from __future__ import annotations

import re
from pathlib import Path

from briefer.ingest.clean import (
    IDENTIFIER,
    is_furniture,
    normalise_line,
    sentence_end,
    split_footer,
    tidy_markers,
)
from briefer.ingest.errors import CorruptFile, EmptyFile
from briefer.ingest.lazyre import lazy
from briefer.ingest.pages import Extract, Line
from briefer.model import Footnote

_NOTE = lazy(r"^(\d{1,4})\s+(\S.*)$")
_GLUED_NOTE = lazy(r"^(.*?[a-zà-ÿ)»”’][.,;:?!)»”’])(\d{1,4}) ([A-Z«“‘(]\S*\s.*)$")
_MEMBERS = lazy(r"^Samenstelling\s*:")  # the cover note listing the committee's members
_NOT_NOTE = lazy(
    r"^(?:januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december|"
    r"miljoen|miljard|procent|euro|jaar|jaren|maanden|weken|dagen|uur|%)\b",
    re.IGNORECASE,
)


# a running footer that ends with its own page number: "nr. 196 5", "Aanhangsel 3", "35 010, C 1"
_HAS_FOLIO = lazy(r"(?:nr\.\s*\d+|Aanhangsel|,\s*[A-Z]{1,2})\s+\d{1,4}\s*$")


_BOMS = (
    (b"\x00\x00\xfe\xff", "utf-32-be"), (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"),
)
_BINARY = (b"%PDF", b"PK\x03\x04", b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"\xd0\xcf\x11\xe0", b"{\\rtf")


def decode_text(raw: bytes) -> str | None:
    """The text of a .txt file, or None when it is not text.

    A byte order mark decides (UTF-8, UTF-16 LE/BE, UTF-32); UTF-16 without one is recognised by its
    zero bytes; otherwise UTF-8, and what is not valid UTF-8 is read as Windows-1252 (what Word and
    Notepad on Windows write), bytes that code page leaves undefined as Latin-1.
    """
    for bom, codec in _BOMS:
        if raw.startswith(bom):
            try:
                return raw.decode(codec)
            except UnicodeDecodeError:
                return raw.decode(codec, errors="replace")
    head = raw[:4096]
    if head.startswith(_BINARY):
        return None
    if b"\x00" in head:
        even, odd = head[0::2].count(0), head[1::2].count(0)
        if odd > 0.3 * len(head) / 2 and even < 0.05 * len(head) / 2:
            return raw.decode("utf-16-le", errors="replace")  # mostly ASCII as UTF-16 LE without a BOM
        if even > 0.3 * len(head) / 2 and odd < 0.05 * len(head) / 2:
            return raw.decode("utf-16-be", errors="replace")
        return None
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return "".join(raw[i:i + 1].decode("cp1252", errors="ignore") or chr(raw[i]) for i in range(len(raw))) \
            if _cp1252_gaps(raw) else raw.decode("cp1252")


def _cp1252_gaps(raw: bytes) -> bool:
    """Does the text use a byte Windows-1252 leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D)?"""
    return any(b in raw for b in (b"\x81", b"\x8d", b"\x8f", b"\x90", b"\x9d"))


def read_text_file(path: Path) -> Extract:
    """Read a .txt file (any common encoding, see `decode_text`) into lines and footnotes."""
    raw = path.read_bytes()
    if not raw.strip(b" \t\r\n\x00"):
        raise EmptyFile(path)
    text = decode_text(raw)
    if text is None:
        raise CorruptFile(path, "het is geen tekstbestand maar een ander soort bestand met de extensie .txt")
    text = text.lstrip("\ufeff")
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
        next_no = (notes[-1][0].number + 1) if notes else 1
        g = _GLUED_NOTE.match(text_line) if footer_near and footer_at[fi] - index == 1 else None
        if g and int(g.group(2)) == next_no and not in_notes and not page_break and body \
                and not _NOT_NOTE.match(g.group(3)):
            # the page's last body line and its first note on one extracted line: "... geïnformeerd.23 Kamerstukken ..."
            marked = _marker_before(body, notes, next_no, page_first[page])
            body.append(Line(g.group(1) if marked else g.group(1) + g.group(2), page))
            text_line, blank = f"{g.group(2)} {g.group(3)}", True
        m = _NOTE.match(text_line)
        if m and int(m.group(1)) == next_no and not (space_starts_page and raw.startswith(" ")) \
                and not _NOT_NOTE.match(m.group(2)) and (
            blank or in_notes or _MEMBERS.match(m.group(2))
            or (footer_near and _marker_before(body, notes, next_no, page_first[page])
                and not _numbered_again(raw_lines, index, footer_at[fi], next_no))
        ):
            if page_break:  # a footer without notes ended the previous page
                page += 1
                page_first[page] = len(body)
                page_break = False
            fn = Footnote(next_no, "", page)
            notes.append((fn, len(body), [m.group(2)]))
            in_notes, blank_in_notes, blank = True, False, False
            continue
        if m and footer_near and not in_notes and next_no < int(m.group(1)) <= next_no + 15 \
                and not _NOT_NOTE.match(m.group(2)):
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
        if in_notes and _MEMBERS.match(notes[-1][2][0]) and notes[-1][2][-1].endswith(".") \
                and "(" not in text_line and text_line[:1].isupper() and not _NOTE.match(text_line):
            # the member list printed before the text it annotates: the text goes on, on the same page
            in_notes = False
            body.append(Line(text_line, page, para=True))
            blank = False
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

    for fn, _, parts in notes:
        fn.text = join_lines(parts)
    _place_markers(body, notes, page_first)
    for line in body:
        line.text = tidy_markers(line.text)
    blanks = sum(1 for r in raw_lines if not r.strip())
    if body and blanks < 0.02 * len(raw_lines):
        _infer_paragraphs(body)
    out.lines = body
    out.footnotes = [fn for fn, _, _ in notes]
    out.page_count = page
    return out


def _numbered_again(raw_lines: list[str], start: int, footer: int, number: int) -> bool:
    """Does a later line before the footer start with the same number (the real note, or a list)?"""
    for raw in raw_lines[start + 1:footer]:
        m = _NOTE.match(raw.strip())
        if m and int(m.group(1)) == number:
            return True
    return False


def _reversed_notes(raw_lines: list[str], start: int, first: int, footer: int) -> list[tuple[int, list[str]]] | None:
    """Notes listed last-first up to the footer, each note's continuation lines above its number."""
    found: list[tuple[int, list[str]]] = []
    pending: list[str] = []
    for raw in raw_lines[start:footer]:
        text = normalise_line(raw)
        if not text:
            continue
        m = _NOTE.match(text)
        if m and (not found or int(m.group(1)) == found[-1][0] - 1) and not _NOT_NOTE.match(m.group(2)):
            found.append((int(m.group(1)), [m.group(2), *pending]))
            pending = []
        else:
            pending.append(text)
            if len(pending) > 4:  # a note runs over a few lines at most: this is body text
                return None
    if pending or not found or found[-1][0] != first:
        return None
    return sorted(found)


def _infer_paragraphs(body: list[Line]) -> None:
    """Text without blank lines: recover paragraph starts from line widths and wording.

    A line that ends a sentence ends its paragraph when the next line's first word would have fitted
    after it (measured against the widest of the paragraph's own lines so far, so a narrower answer
    column counts as full), when the lines that follow are clearly wider (the text goes on in another
    column), or when the next line opens the way questions open ("De leden van de ...") or, after
    the members' question, the way replies open ("De regering ...").
    Headings ("Vraag 3", "1. Antwoord van het kabinet:", fractie headings) stand alone.
    """
    from briefer.ingest.blocks.common import GOVERNMENT_START, PARTY_HEADING, QUESTION_LEAD

    lengths = sorted(len(ln.text) for ln in body)
    full = lengths[int(len(lengths) * 0.8)]
    widest = 0  # widest line of the current paragraph so far
    count = 0
    asking = False  # the current paragraph reports members' questions ("De leden van de ...")
    prev: Line | None = None
    for i, line in enumerate(body):
        if prev is not None and not line.para:
            heading = _HEADING.match(line.text) or PARTY_HEADING.match(line.text) or _CAPS.match(line.text)
            if heading or _HEADING.match(prev.text) or PARTY_HEADING.match(prev.text) or _CAPS.match(prev.text):
                line.para = True
            elif sentence_end(prev.text):
                width = widest if count >= 3 else full
                word = len(line.text.split(" ", 1)[0])
                fits = len(prev.text) + 1 + word < 0.95 * width
                # the text goes on in a wider column: an answer's indented column ends, a question follows
                ahead = max((len(ln.text) for ln in body[i:i + 3]), default=0)
                wider = count >= 4 and ahead >= widest + 5 and line.text[:1].isupper()
                opens = line.text[:1].isupper() and (
                    QUESTION_LEAD.match(line.text) or (asking and GOVERNMENT_START.match(line.text)))
                if fits or wider or opens:  # "De regering ..." after the members' question: the reply
                    line.para = True
        if line.para:
            widest, count = 0, 0
            asking = bool(QUESTION_LEAD.match(line.text))
        widest, count = max(widest, len(line.text)), count + 1
        prev = line


# a title or section heading in capitals: "Nr. 8 LIJST VAN VRAGEN EN ANTWOORDEN", "I. ALGEMEEN"
_CAPS = lazy(r"^(?:Nr\.\s*\d+\s+)?(?=[^a-z]*[A-Z]{3})(?=[^a-z]*\S\s+\S)[^a-z]{8,}$")
# lines that stand alone in extracted text: answer and question labels, section headings
_HEADING = lazy(
    r"^(?:\d{1,4}(?:\s*(?:,|en)\s*\d{1,4})*\s*[.)]?\s+)?(?:Antwoord|Reactie)\s+(?:van|door)\s+"
    r"(?:het\s+kabinet|de\s+regering|de\s+[Mm]inisters?|de\s+[Ss]taatssecretaris(?:sen)?)[^.?!]{0,80}:?$"
    r"|^(?:Vraag|Vragen|Antwoord|Antwoorden)\s+\d{1,4}(?:\s*(?:,|en|t/m|tot\s+en\s+met)\s*\d{1,4})*\s*[.:]?$"
)


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


_NOT_BEFORE_MARKER = lazy(
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
        coded = re.compile(r"(?<=\b[A-Z]{2}\d)" + str(fn.number) + r"(?=[\s.,;:)?!]|$)|(?<=[A-Z]{3}\d)"
                           + str(fn.number) + r"(?=[\s.,;:)?!]|$)")  # "NIS24": note 4 after "NIS2"
        if upto == 0:  # a note printed before any text (the cover's member list): its marker follows
            upto = min(len(body), 60)
        for pattern, start in ((glued, near), (spaced, near), (_weak(fn.number), max(line_i, page_start)),
                               (coded, max(line_i, page_start))):
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
