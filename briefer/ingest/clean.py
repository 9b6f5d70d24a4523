"""Core: text clean-up shared by every reader.

Split diacritics are recomposed ("Kostic´" -> "Kostić"), page furniture is recognised, and lines
are joined into paragraphs: words broken at a line end are rejoined, real hyphens are kept
("defensie-industrie", "EU-lidstaten", "Covid-19-pandemie"), paragraphs are separated by a blank
line. Everything here is linear in the length of the text.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from briefer.ingest.lazyre import lazy
from briefer.ingest.pages import Line

# Spacing accents that PDF extraction leaves after (or before) the letter they belong to.
_SPACING_ACCENTS = {
    "\u00b4": "\u0301",  # ´ acute
    "`": "\u0300",
    "\u00a8": "\u0308",  # ¨ diaeresis
    "\u02c6": "\u0302",  # ˆ circumflex
    "\u02dc": "\u0303",  # ˜ tilde
    "\u02c7": "\u030c",  # ˇ caron
    "\u00b8": "\u0327",  # ¸ cedilla
    "\u02da": "\u030a",  # ˚ ring
    "\u02d8": "\u0306",  # ˘ breve
}
_ACCENT_AFTER = lazy("([A-Za-z])([" + "".join(_SPACING_ACCENTS) + "])")
_ACCENT_BEFORE = lazy("([" + "".join(_SPACING_ACCENTS) + "])([A-Za-z])")
# bullets as extraction gives them: symbol-font code points (private use area, C1 controls) and real ones
_BULLETS = lazy(r"^[\u0080-\u009f\uf000-\uf0ff\u2022\u25aa\u25cf\u2023\u2043\u25e6\u25a0\u25a1\u2219]\s*")
# control characters, invisible format marks (zero-width space, direction marks and embeddings,
# word joiner, byte order mark) and lone surrogates, which no export can encode
_CONTROL = lazy(r"[\u0000-\u0008\u000b-\u001f\u0080-\u009f\u200b\u200e\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff\ud800-\udfff]")
_SPACES = lazy(r"[ \t\u00a0\u2009\u202f]+")
# typographic ligatures some fonts extract as one code point ("ﬁnanciën")
_LIGATURES = str.maketrans({"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl",
                            "\ufb05": "st", "\ufb06": "st",
                            "\u2010": "-", "\u2011": "-"})

FOOTER = lazy(
    r"^\s*(?:Tweede|Eerste)\s+Kamer,\s+vergaderjaar\s+\d{4}\s*[–-]\s*\d{4}\b.*$", re.IGNORECASE
)
FOOTER_TAIL = lazy(
    r"(?<=\S)\s*((?:Tweede|Eerste)\s+Kamer,\s+vergaderjaar\s+\d{4}\s*[–-]\s*\d{4},\s*"
    r"(?:Aanhangsel|\d{2}\s?\d{3}[^.?!]*?,\s*(?:nr\.\s*\d+|[A-Z]{1,2}))\s+\d{1,4})\s*$"
)
_FURNITURE = lazy(
    r"^\s*(?:\d{1,4}|ISSN\s+\d{4}\s*-\s*\d{3,4}[\dXx]?|[’']s-Gravenhage\s+\d{4}.*"
    # the first page's corner on one extracted line: "kst-36410-5 ISSN 0921 - 7371 ’s-Gravenhage 2024"
    r"|(?:(?:ah|kst)-[\w-]+\d\s+)?ISSN\s+\d{4}\s*-\s*\d{3,4}[\dXx]?(?:\s+[’']s-Gravenhage\s+\d{4})?"
    r"|(?:ah|kst|h|stb|stcrt|blg)-(?:tk|ek)?-?[\w-]+\d"
    # the cover's masthead: "Tweede Kamer der Staten-Generaal 2", "Vergaderjaar 2023–2024"
    r"|(?:Tweede|Eerste)\s+Kamer\s+der\s+Staten-Generaal(?:\s+\d)?|(?:\d\s+)?Vergaderjaar\s+\d{4}\s*[–-]\s*\d{4})\s*$"
)
# a letter's page counter and return address ("Pagina 2 van 7", "> Retouradres Postbus 20401 2500 EK Den Haag")
_LETTER_FURNITURE = lazy(r"^\s*(?:Pagina\s+\d+\s+van\s+\d+|>?\s*Retouradres\b.*)\s*$", re.IGNORECASE)
IDENTIFIER = lazy(r"^\s*((?:ah-(?:tk|ek)-\d{8}-\d+)|(?:kst-\d+(?:-[\w]+)*-(?:\d+|[A-Z]{1,2})))\s*$")


def fix_diacritics(text: str) -> str:
    """Recompose a letter and a spacing accent that extraction split ("Kostic´" -> "Kostić")."""
    if not any(ch in text for ch in _SPACING_ACCENTS):
        return text

    def compose(letter: str, accent: str) -> str | None:
        combined = unicodedata.normalize("NFC", letter + _SPACING_ACCENTS[accent])
        return combined if len(combined) == 1 else None

    def after(m: re.Match[str]) -> str:
        return compose(m.group(1), m.group(2)) or m.group(0)

    def before(m: re.Match[str]) -> str:
        return compose(m.group(2), m.group(1)) or m.group(0)

    text = text.replace("\u00a8\u0131", "\u00ef").replace("\u0131\u00a8", "\u00ef")  # dotless i + diaeresis
    text = text.replace("\u00b4\u0131", "\u00ed").replace("\u0131\u00b4", "\u00ed")
    text = _ACCENT_AFTER.sub(after, text)
    return _ACCENT_BEFORE.sub(before, text)


SOFT_HYPHEN = "\u00ad"


def normalise_line(text: str) -> str:
    """One extracted line: accents recomposed, ligatures split, bullets made uniform, invisible marks
    dropped, runs of spaces collapsed. A soft hyphen ending the line (where Word broke a word:
    "werkge\u00ad" / "vers") is kept there, so `join_lines` joins the word again."""
    if SOFT_HYPHEN in text:
        broken = text.rstrip().endswith(SOFT_HYPHEN)
        text = text.replace(SOFT_HYPHEN, "") + (SOFT_HYPHEN if broken else "")
    text = fix_diacritics(text.replace("\x00", "").translate(_LIGATURES))
    if not text.isascii():
        text = unicodedata.normalize("NFC", text)
    text = _BULLETS.sub("• ", text.strip())
    return _SPACES.sub(" ", _CONTROL.sub("", text)).strip()


def is_furniture(text: str, *, bare_numbers: bool = True) -> bool:
    """Running footer, ISSN/imprint or identifier line; a bare number too unless told otherwise."""
    if FOOTER.match(text) or _LETTER_FURNITURE.match(text):
        return True
    if not _FURNITURE.match(text):
        return False
    return bare_numbers or not text.strip().isdigit()


_VOWELS = set("aeiouyAEIOUYáéíóúëïöüèà")
_KEEP_AFTER_HYPHEN = {"en", "of", "tot", "en/of"}


def _join_pair(prev: str, nxt: str) -> tuple[str, bool]:
    """How `prev` (ending in "-") meets `nxt`: returns (prev without or with hyphen, glue without space)."""
    head = prev[:-1]
    if not head or not nxt:
        return prev, False
    before, after = head[-1], nxt[0]
    first_word = nxt.split(" ", 1)[0].rstrip(",.;:")
    if first_word in _KEEP_AFTER_HYPHEN or not before.isalpha():
        # "wet- en regelgeving", "Covid-19-" + "pandemie": a real hyphen
        return prev, first_word not in _KEEP_AFTER_HYPHEN and after.isalnum()
    if not after.isalpha() or after.isupper() or before.isupper():
        return prev, True  # "landen-(groepen)", "EU-" + "lidstaten", "Noord-" + "Holland"
    if before in _VOWELS and after in _VOWELS:
        return prev, True  # "defensie-" + "industrie", "geo-" + "economische"
    return head, True  # "econo-" + "mische"


def join_lines(lines: Iterable[Line | str], *, paragraphs: bool = True) -> str:
    """Join lines into clean text: dehyphenate, keep paragraphs as blank-line separated blocks."""
    paras: list[list[str]] = []
    current: list[str] = []
    for line in lines:
        if isinstance(line, str):
            text, new_para = line, False
        else:
            text, new_para = line.text, line.para
        text = text.strip()
        if not text:
            continue
        if new_para and paragraphs and current:
            paras.append(current)
            current = []
        if current:
            prev = current[-1]
            if prev.endswith(SOFT_HYPHEN):  # a word broken where its soft hyphen allowed: one word again
                current[-1] = prev[:-1] + text
                continue
            if prev.endswith("-") and len(prev) > 1 and prev[-2] != " ":
                joined, glue = _join_pair(prev, text)
                if glue:
                    current[-1] = joined + text
                    continue
                current[-1] = joined
            elif prev.endswith("/") and not text[0].isupper():
                current[-1] = prev + text  # URL broken after a slash
                continue
        current.append(text)
    if current:
        paras.append(current)
    return "\n\n".join(" ".join(p) for p in paras).replace(SOFT_HYPHEN, "")


def sentence_end(text: str) -> bool:
    """True when a line ends a sentence (so a following short gap may end a paragraph)."""
    t = text.rstrip()
    while t.endswith("]") and "[^" in t[-8:]:
        t = t[: t.rindex("[^")].rstrip()
    return bool(t) and t[-1] in ".?!:;»”\")"


_PAGE_COUNTER = lazy(r"\s*\bPagina\s+\d+\s+van\s+\d+\b\s*")


def split_footer(text: str) -> tuple[str, str | None]:
    """A running footer glued to the end of a body line ("... hebben.Tweede Kamer, vergaderjaar ..."), or
    a letter's page counter spliced into one ("… de regeling Pagina 2 van 7 en …")."""
    m = FOOTER_TAIL.search(text)
    if m:
        return text[: m.start()].rstrip(), m.group(1)
    if "Pagina" in text:
        c = _PAGE_COUNTER.search(text)
        if c and text.strip() != c.group(0).strip():
            return (text[: c.start()] + " " + text[c.end():]).strip(), c.group(0).strip()
    return text, None


_BULLET_START = lazy(r"^[•\-–—▪◦]\s")
_NUMBER_START = lazy(r"^(?:\d{1,2}|[a-z])[.)]\s")


def list_item(text: str, prev: Line | None) -> bool:
    """Does this line open a list item ("• …", "- …", "1. …", "a) …") rather than continue a paragraph?

    A bullet always does; a number or letter only after a line that ended short or with a stop or colon.
    """
    if _BULLET_START.match(text):
        return True
    m = _NUMBER_START.match(text)
    if not m or prev is None:
        return False
    before = _NUMBER_START.match(prev.text)
    if before and before.group(0)[:-2].isdigit() and m.group(0)[:-2].isdigit() \
            and int(m.group(0)[:-2]) == int(before.group(0)[:-2]) + 1:
        return True  # "1. …" then "2. …": the next item, however long the first line was
    return prev.short or sentence_end(prev.text)


_BETWEEN_MARKERS = lazy(r"(\[\^\d+\])\s*,\s*(?=\[\^\d+\])")


def tidy_markers(text: str) -> str:
    """Markers in a row without their separator: "?[^1], [^2]" -> "?[^1][^2]"."""
    return _BETWEEN_MARKERS.sub(r"\1", text) if "]," in text else text
