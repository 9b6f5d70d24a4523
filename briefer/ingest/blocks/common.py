"""Core: helpers shared by the type parsers: number lists, party names, cross-references, question ends."""

from __future__ import annotations

import re

from briefer.ingest.lazyre import lazy
from briefer.ingest.pages import Line

PARTY_HEADING = lazy(
    r"^(?:Vragen\s+en\s+opmerkingen|Inbreng|Vragen|Opmerkingen|Bijdrage)\s+van\s+(?:de\s+leden|het\s+lid|de)\b"
    r"[^.?!:]{0,80}?(?:-fractie|\bfractie(?:\s+van\s+(?:de\s+|het\s+)?(?!(?:de|het)\s*$)[\w-]+)?|\bfracties\s+van\s+[^.?!:]{1,60}"
    r"|\bfractieleden\s+van\s+(?:de\s+|het\s+)?[\w-]+)\s*$"
)
# a paragraph that reports what members ask: "De leden van de ...", "Ook vragen deze leden", "Het lid ..."
QUESTION_LEAD = lazy(
    r"^(?:[\w’'-]+\s+){0,4}?(?:de|deze|genoemde|voornoemde|bovengenoemde|laatstgenoemde|zijnde|dezelfde)\s+leden\b"
    r"|^(?:[\w’'-]+\s+){0,3}?het\s+(?:genoemde\s+)?lid\b",
    re.I,
)
_GOVERNMENT_START = lazy(
    r"^(?:De\s+regering|Het\s+kabinet|De\s+[Mm]inister|De\s+[Ss]taatssecretaris|De\s+initiatiefnemers?|Ik|Wij)\b"
)
GOVERNMENT_START = _GOVERNMENT_START  # a paragraph that opens the government's reply


def government_speaks(text: str) -> bool:
    """A paragraph that opens as the government's reply ("De regering ...", "Het kabinet ...", "Ik ...")."""
    return bool(_GOVERNMENT_START.match(text))


def reports_question(text: str) -> bool:
    """A paragraph that reports members' questions (not the government's reply to them)."""
    return not _GOVERNMENT_START.match(text) and bool(QUESTION_LEAD.match(text[:200]))


NUMS = r"\d+(?:\s*(?:,|en|t/m|tot en met|–|-)\s*\d+)*"
_RANGE = lazy(r"(\d+)\s*(?:t/m|tot en met|–|-)\s*(\d+)")


def parse_numbers(text: str) -> list[int]:
    """"3, 4 en 5" -> [3, 4, 5]; "2 t/m 4" -> [2, 3, 4]; keeps order, no duplicates."""
    out: list[int] = []
    pos = 0
    for m in _RANGE.finditer(text):
        out.extend(int(n) for n in re.findall(r"\d+", text[pos:m.start()]))
        a, b = int(m.group(1)), int(m.group(2))
        out.extend(range(a, b + 1) if 0 <= b - a <= 50 else (a, b))
        pos = m.end()
    out.extend(int(n) for n in re.findall(r"\d+", text[pos:]))
    seen: set[int] = set()
    return [n for n in out if not (n in seen or seen.add(n))]


_KNOWN = [
    "GroenLinks-PvdA", "GroenLinks", "PvdA", "VVD", "D66", "PVV", "CDA", "ChristenUnie", "CU", "Volt",
    "SP", "PvdD", "SGP", "JA21", "FvD", "BBB", "NSC", "DENK", "50PLUS", "BIJ1", "Groep Van Haga",
]
_PARTY_PATTERNS = [
    re.compile(r"\b(?:leden|lid)\s+(?:[A-Z][\w'’.-]*\s+)*?van\s+de\s+fractie\s+van\s+(?:de\s+|het\s+)?([A-Z0-9][\w-]*)"),
    re.compile(r"\b(?:leden|lid)\s+(?:[A-Z][\w'’.-]*\s+)*?van\s+de\s+([A-Z0-9][\w-]*?)-?fractie\b"),
    re.compile(r"\bvan\s+de\s+([A-Z0-9][\w-]*?)-fractie\b"),
    re.compile(r"\b[Ff]ractie\s+van\s+(?:de\s+|het\s+)?([A-Z0-9][\w-]*)"),
    re.compile(r"\bfractieleden\s+van\s+(?:de\s+|het\s+)?([A-Z0-9][\w-]*)"),  # Eerste Kamer
    re.compile(r"\b([A-Z0-9][\w-]*?)-fractie\b"),
]


_JOINT = lazy(r"\bfracties\s+van\s+(?:de\s+|het\s+)?([A-Z0-9][\w-]*)\s+en\s+(?:de\s+|het\s+)?([A-Z0-9][\w-]*)")


def party_in(text: str) -> str | None:
    """The fractie a heading or question names ("de leden van de fractie van de SGP" -> "SGP")."""
    joint = _JOINT.search(text)
    if joint:  # "de leden van de fracties van GroenLinks en PvdA"
        a, b = _canonical(joint.group(1)), _canonical(joint.group(2))
        return "GroenLinks-PvdA" if {a, b} == {"GroenLinks", "PvdA"} else f"{a} en {b}"
    for pat in _PARTY_PATTERNS:
        m = pat.search(text)
        if m:
            name = m.group(1).strip("-")
            if name.lower() in ("de", "het", "deze"):
                continue
            return _canonical(name)
    return None


def _canonical(name: str) -> str:
    for known in _KNOWN:
        if known.lower() == name.lower():
            return known
    return name


_REFERS = lazy(
    r"\b(?:zie|verwijs\w*|verwezen)\b[^.]{0,60}?\b(?:antwoord(?:en)?|beantwoording|reactie)\s+"
    r"(?:(?:op|bij|van|onder)\s+(?:de\s+)?)?(vra(?:ag|gen)\s+)?(" + NUMS + r")\b",
    re.IGNORECASE,
)


def refers_to(answer: str, own: list[int]) -> list[int]:
    """Item numbers an answer points to ("Zie het antwoord op vraag 30")."""
    out: list[int] = []
    for m in _REFERS.finditer(answer):
        if re.search(r"\d[.,]\d", m.group(2)):
            continue  # a decimal ("12,5 procent"), not a list of questions
        for n in parse_numbers(m.group(2)):
            if not m.group(1) and n >= 1000:  # "zie het antwoord van 2023": a year, not a question
                continue
            if n not in own and n not in out:
                out.append(n)
    return out


_FIRST_STOP = lazy(r"[.?!](?=\s|$)")
# a line ending a question: "?", maybe a closing quote or bracket, a footnote marker (also still as
# glued digits) and a page reference: "... welke?» (blz. 5)"
_ASKS_AT_END = lazy(
    r"\?[»”’\")\]]*(?:\[\^\d+\]|\d{1,4})*(?:,\s*(?:\[\^\d+\]|\d{1,4}))*"
    r"(?:\s*\((?:[Bb]lz|[Pp]ag|[Pp]agina|[Pp])\.?\s*[\d\s,–-]+\))?\s*$"
)


def question_end(lines: list[Line]) -> int | None:
    """Where an unlabelled question ends and its answer begins: the index of the first answer line.

    The question ends at a line ending in "?" unless the next sentence is itself a question
    ("Deelt u die mening? Zo nee, waarom niet?"). In a PDF, a change from bold or italic lines to
    upright ones decides first. None when no line ends a question.
    """
    styled = [ln.bold or ln.italic for ln in lines]
    if styled and styled[0] and not all(styled):
        cut_at = styled.index(False)
        if cut_at > 0:
            return cut_at
    for j, ln in enumerate(lines):
        if not _ASKS_AT_END.search(ln.text):
            continue
        if j + 1 >= len(lines):
            return None
        ahead = " ".join(x.text for x in lines[j + 1:j + 4])
        stop = _FIRST_STOP.search(ahead)
        if stop and ahead[stop.start()] == "?" and stop.start() < 300:
            continue  # the next sentence asks again: still the question
        return j + 1
    return None
