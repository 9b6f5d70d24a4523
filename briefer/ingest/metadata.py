"""Core: document metadata from the cover text and the running footer.

Kamerstuk (dossier, ondernummer), vergaderjaar, identifier, title, committee and date; for
Kamervragen also who asked (with party), who answered, and when they were sent and received.
"""

from __future__ import annotations

import re
from pathlib import Path

from briefer.ingest.lazyre import lazy
from briefer.model import Document, Person
from briefer.textutil import MONTH_NUMBERS, MONTH_PATTERN

DATE = r"(\d{1,2})\s+(" + MONTH_PATTERN + r")\s+(\d{4})"
_DOSSIER = r"\d{2}\s?\d{3}(?:[- ](?:[A-Z]{1,4}|\d{2})\b)?"
_FOOTER = lazy(
    r"(Tweede|Eerste)\s+Kamer,\s+vergaderjaar\s+(\d{4})\s*[–-]\s*(\d{4}),\s*"
    r"(?:(?P<aanh>Aanhangsel)|(?P<dossiers>" + _DOSSIER + r"(?:\s*(?:,|en)\s*" + _DOSSIER + r")*),\s*"
    r"(?:(?:nr\.|Nr\.)\s*(?P<nr>\d+)|(?P<letter>[A-Z]{1,2})\b))"
)
_VJ = lazy(r"[Vv]ergaderjaar\s+(\d{4})\s*[–-]\s*(\d{4})")
_IDENT = lazy(r"\b(ah-(?:tk|ek)-\d{8}-\d+|kst-\d+(?:-[\w]+)*-(?:\d+|[A-Z]{1,2}))\b")
_ASKED = lazy(r"Vragen\s+van\s+(?:de\s+leden|het\s+lid)\s+(.+?)\s+aan\s+(?:de|het)\s+", re.S)
# the ministry's own heading or subject: "Antwoorden van de minister … op Kamervragen van de leden Mutluer,
# Lahlah (GroenLinks-PvdA) … over …", "Beantwoording Kamervragen (van) (het lid|de leden) … over …"
_ASKED_MINISTRY = lazy(
    r"(?:Kamer)?[Vv]ragen\s+(?:van\s+)?(?:het\s+(?:Tweede\s+Kamer)?lid|de\s+(?:Tweede\s+Kamer)?leden|leden|lid)\s+"
    r"(.+?\))\s+(?:aan\s+(?:de|het)\s+.+?\s+)?over\s+(.+?)(?:\.\s|\.?$|\s+\(ingezonden)", re.S)
_ANSWERED = lazy(r"(?:Antwoord|Mededeling)\s+van\s+(.+?)\s*\((?:ontvangen|ingezonden)", re.S)
_SENT = lazy(r"\(ingezonden\s+" + DATE + r"\)")
_RECEIVED = lazy(r"\(ontvangen\s+" + DATE + r"\)")
_TITLE = lazy(r"\s+over\s+(.+?)\s*\(ingezonden", re.S)
# "De vaste commissie voor Economische Zaken en Klimaat[^1] heeft ...", "Binnen de vaste commissie voor
# ... hebben enkele fracties ...", "De commissie voor de Rijksuitgaven heeft ...", "In de vaste commissie
# voor ...1, bestond er bij enkele fracties behoefte ..."
_COMMITTEE = lazy(
    r"\b((?:vaste\s+|algemene\s+|tijdelijke\s+)?commissie\s+voor\s+(?:de\s+|het\s+)?[A-Z][\w ,’'/-]+?)"
    r"(?:\[\^\d+\]|\d{1,2})?,?\s+(?:heeft|hebben|bestond|bestaat)\b"
)
_VASTGESTELD = lazy(r"Vastgesteld\s*" + DATE)
_ONTVANGEN = lazy(r"(?m)^\s*Ontvangen\s+" + DATE + r"\s*$")  # the date line of a nota


def iso(m: re.Match[str], offset: int = 1) -> str:
    day, month, year = m.group(offset), m.group(offset + 1), m.group(offset + 2)
    return f"{int(year):04d}-{MONTH_NUMBERS[month]:02d}-{int(day):02d}"


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _fmt_dossier(d: str) -> str:
    d = d.strip()
    m = re.match(r"^(\d{2})\s?(\d{3})(.*)$", d)
    return f"{m.group(1)} {m.group(2)}{m.group(3)}" if m else d


def fill(doc: Document, head: str, furniture: list[str], path: Path | None) -> None:
    """Fill the metadata fields of `doc` from the text before the first item and the furniture."""
    everything = head + "\n" + "\n".join(furniture)
    for line in furniture + head.splitlines():
        m = _FOOTER.search(line)
        if m:
            doc.vergaderjaar = doc.vergaderjaar or f"{m.group(2)}–{m.group(3)}"
            if m.group("dossiers") and not doc.kamerstuk:
                parts = re.split(r"(\s*(?:,|\ben\b)\s*)", m.group("dossiers"))
                dossiers = [_fmt_dossier(x) for x in parts[::2] if x.strip()]
                # several dossiers keep the footer's own separators ("30 821 en 21 501-02", "36 045, 21 501-20")
                listed = "".join(_fmt_dossier(x) if i % 2 == 0 else (" en " if "en" in x else ", ")
                                 for i, x in enumerate(parts))
                doc.dossier = dossiers[0]
                if m.group("nr"):
                    doc.ondernummer = m.group("nr")
                    doc.kamerstuk = f"{listed}, nr. {m.group('nr')}"
                else:  # Eerste Kamer: "36 410, B"
                    doc.ondernummer = m.group("letter")
                    doc.kamerstuk = f"{listed}, {m.group('letter')}"
            break
    if not doc.vergaderjaar:
        m = _VJ.search(everything)
        if m:
            doc.vergaderjaar = f"{m.group(1)}–{m.group(2)}"
    m = _IDENT.search(everything)
    if m:
        doc.identifier = m.group(1)
    elif path is not None and _IDENT.fullmatch(path.stem):
        doc.identifier = path.stem
    if doc.identifier is None and doc.dossier and doc.ondernummer:
        m = re.match(r"^(\d{2})\s?(\d{3})(?:[\s-]+(.+))?$", doc.dossier.strip())
        if m:  # "21 501-31" -> kst-21501-31-207; "36 360 VIII" -> kst-36360-VIII-8
            rest = m.group(3).split() if m.group(3) else []
            doc.identifier = "-".join(["kst", m.group(1) + m.group(2), *rest, doc.ondernummer])
        else:
            doc.identifier = "-".join(["kst", *doc.dossier.split(), doc.ondernummer])
    if doc.title is None:
        doc.title = _kamerstuk_title(head.splitlines()[:25])
    flat = _squash(head)
    m = _COMMITTEE.search(flat)
    if m:
        doc.committee = m.group(1).strip()
    m = _VASTGESTELD.search(flat) or _ONTVANGEN.search(head)
    if m:
        doc.date = iso(m)


def fill_kamervragen(doc: Document, head: str) -> None:
    """Asked by, answered by, dates and title from the heading of antwoorden op Kamervragen."""
    flat = _squash(head)
    m = _ASKED.search(flat)
    if m:
        doc.asked_by = askers(m.group(1))
        rest = flat[m.end():]
        t = _TITLE.search(" " + rest)
        if t:
            doc.title = t.group(1).strip()
    else:
        m = _ASKED_MINISTRY.search(flat)
        if m:
            doc.asked_by = askers(m.group(1))
            doc.title = doc.title or m.group(2).strip().rstrip(".")
    m = _ANSWERED.search(flat)
    if m:
        doc.answered_by = m.group(1).strip()
    m = _SENT.search(flat)
    if m:
        doc.date_sent = iso(m)
    m = _RECEIVED.search(flat)
    if m:
        doc.date_received = iso(m)
        doc.date = doc.date or doc.date_received
    if doc.asked_by is not None:
        parties: list[str] = []
        for p in doc.asked_by:
            if p.party and p.party not in parties:
                parties.append(p.party)
        doc.parties = doc.parties or parties


def asks(text: str) -> bool:
    """Does `text` name the askers as a ministry's heading does ("… op Kamervragen van het lid X (P) over …")?"""
    return bool(_ASKED_MINISTRY.search(_squash(text)))


def asks_aanhangsel(text: str) -> bool:
    """Does `text` open as printed Kamervragen do ("Vragen van het lid X (P) aan de …")?"""
    return bool(_ASKED.search(_squash(text)))


def askers(text: str) -> list[Person]:
    """Members and parties: "Mutluer, Lahlah (GroenLinks-PvdA), Boswijk (CDA) en Helder (BBB)" — a name
    without a party of its own shares the next one's ("Lahlah en Chakor (GroenLinks-PvdA)"); "(beiden VVD)"."""
    people: list[Person] = []
    waiting: list[str] = []
    depth, start = 0, 0
    pieces: list[str] = []
    for i, ch in enumerate(text + ","):
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth = max(depth - 1, 0)
        elif depth == 0 and (ch == "," or text[i:i + 4] == " en "):
            pieces.append(text[start:i])
            start = i + (4 if ch == " " else 1)
    for piece in pieces:
        piece = piece.strip()
        if not piece:
            continue
        m = re.match(r"^(.*?)\s*\(([^()]+)\)\s*$", piece)
        if not m:
            waiting.append(piece)
            continue
        party = re.sub(r"^(?:beiden|allen|beide|alle\s+drie)\s+", "", m.group(2).strip())
        for name in [*waiting, m.group(1).strip()]:
            if name:
                people.append(Person(name=name, party=party))
        waiting = []
    people += [Person(name=name) for name in waiting]
    return people or [Person(name=text.strip())]


_TITLE_LINE = lazy(r"^(\d{2}\s?\d{3}(?:\s+[A-Z]{1,5}|-\d{2})?)\s+([A-Z][^.?!]*)$")
_DOSSIER_ALONE = lazy(r"^\d{2}\s\d{3}(?:\s+[A-Z]{1,5}|-\d{2})?$")
_NR_LINE = lazy(r"^(?:Nr\.|NR\.)\s*\d+|^[A-Z ]{12,}$")


def _kamerstuk_title(lines: list[str]) -> str | None:
    """The dossier title on a Kamerstuk's cover ("30 821 Nationale Omgevingsvisie"), up to "Nr. 196"."""
    for i, line in enumerate(lines):
        m = _TITLE_LINE.match(line.strip())
        if not m and _DOSSIER_ALONE.match(line.strip()) and i + 1 < len(lines):
            m = _TITLE_LINE.match(line.strip() + " " + lines[i + 1].strip())  # number and title extracted apart
            i += 1
        if not m:
            continue
        parts = [m.group(2).strip()]
        for nxt in lines[i + 1:i + 4]:
            if _NR_LINE.match(nxt.strip()) or _TITLE_LINE.match(nxt.strip()) or not nxt.strip():
                break
            parts.append(nxt.strip())
        return " ".join(parts)
    return None
