"""Core: what a letter says about itself: date, references, addressee, subject and signature.

Read from a letter's head (the lines before its text, with the letterhead: the Rijkshuisstijl's
right-hand column, Word headers and text boxes) and its last lines (the signature). Labels stand
on a line of their own with the value below ("Datum" / "25 juli 2024"), or beside it ("Ons kenmerk
5303168"); a value is never another label.

    Datum 25 juli 2024 · Den Haag, 28 januari 2025       -> date (ISO)
    Kenmerk / Ons kenmerk DGBI-O / 89581779               -> kenmerk (needs a digit)
    2024Z11859 anywhere ("Uw kenmerk", "uw brief van … nr. 2024Z11859") -> tk_reference
    > Retouradres … / De voorzitter van de Tweede Kamer … ; "Aan de Minister van …" -> addressee
    Betreft / Onderwerp …                                 -> subject
    De Minister van Justitie en Veiligheid, / D.M. van Weel -> signed_by "De Minister van …, D.M. van Weel"
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from briefer.ingest.lazyre import lazy
from briefer.textutil import MONTH_NUMBERS, MONTH_PATTERN

_DATE = lazy(r"\b(\d{1,2})\s+(" + MONTH_PATTERN + r")\s+(\d{4})\b", re.IGNORECASE)
_PLACE_DATE = lazy(r"^(?:Den\s+Haag|[’']s-Gravenhage|Rijswijk|Utrecht|Brussel)\s*,?\s+(?:\d{1,2}\s+\w+\s+\d{4})",
                         re.IGNORECASE)
TK_REFERENCE = lazy(r"\b((?:19|20)\d{2}Z\d{4,6})\b")
_LABELS = (
    "datum", "kenmerk", "ons kenmerk", "uw kenmerk", "uw brief", "uw brief van", "onderwerp", "betreft",
    "bijlage", "bijlagen", "bijlage(n)", "contactpersoon", "projectnaam", "auteur", "pagina", "aan",
    "inlichtingen", "doorkiesnummer", "telefoon", "e-mail", "email", "referentie", "ons nummer", "afschrift aan",
    "onze referentie", "uw referentie", "rubricering", "t", "f", "van", "retouradres", "bezoekadres", "postadres", "www", "status", "paraaf",
    "parafenroute", "ter ondertekening", "ter besluitvorming", "ter informatie", "ter beslissing",
)
_LABEL = lazy(
    r"^(?P<label>" + "|".join(re.escape(x) for x in sorted(_LABELS, key=len, reverse=True)) + r")\b\s*:?\s*(?P<rest>.*)$",
    re.IGNORECASE,
)
_ADDRESS = lazy(r"^(?:Postbus\b|\d{4}\s?[A-Z]{2}\b|[A-Z][\w.’' -]+\s+\d+[a-z]?$|www\.|Bezuidenhoutseweg|Turfmarkt)")
_RETURN = lazy(r"^>?\s*Retouradres\b", re.IGNORECASE)
_TO_CHAMBER = lazy(r"^(?:Aan\s+)?[Dd]e\s+[Vv]oorzitter\s+van\s+de\s+(?:Tweede|Eerste)\s+Kamer\b")
_TO = lazy(r"^Aan\s+(?:de|het|mevrouw|de\s+heer|Zijne|Hare)\b")
_ROLE = lazy(
    r"^(?:(?:Mede\s+)?[Nn]amens\s+[^,]{3,120},\s*)?(?:De|de|Het|het)\s+"
    r"(?:[Mm]inister(?:-[Pp]resident)?|[Ss]taatssecretaris|[Mm]inisters|[Ss]taatssecretarissen|[Ii]nitiatiefnemers?"
    r"|[Dd]irecteur(?:-[Gg]eneraal)?|[Ss]ecretaris-[Gg]eneraal|[Vv]oorzitter|[Gg]riffier)\b[^.?!]{0,140}?,?$"
)
_ON_BEHALF = lazy(r"^(?:Mede\s+)?[Nn]amens\s+[^.?!]{3,140},?$")
_NAME = lazy(
    r"^(?:(?:mr|dr|drs|ir|prof|ing)\.\s*)*(?:[A-Z][a-z]?\.\s?){1,5}(?:[a-z]+\s+){0,3}[A-Z][\w’'-]+(?:[\s-][A-Za-z][\w’'-]+){0,3}$"
    r"|^[A-Z][a-zà-ÿ]+(?:\s+(?:van|de|der|den|ter|ten|in\s+'t|el)){0,3}(?:\s+[A-Z][\w’'-]+){1,2}$"
)


@dataclass
class LetterFacts:
    """Core: what a letter's head and signature say (None where it says nothing)."""

    date: str | None = None
    kenmerk: str | None = None
    tk_reference: str | None = None
    addressee: str | None = None
    subject: str | None = None
    signed_by: str | None = None


def iso_date(text: str) -> str | None:
    """The first Dutch date in `text` as YYYY-MM-DD."""
    m = _DATE.search(text)
    if not m:
        return None
    return f"{int(m.group(3)):04d}-{MONTH_NUMBERS[m.group(2).lower()]:02d}-{int(m.group(1)):02d}"


def _label(line: str) -> tuple[str, str] | None:
    m = _LABEL.match(line.strip())
    if not m:
        return None
    label = m.group("label").lower()
    if label in ("aan", "van", "t", "f", "www") and m.group("rest"):
        return None  # "Aan de Voorzitter …" is a value; "T 070 …" a phone number
    return label, m.group("rest").strip()


def label_value(lines: list[str], labels: tuple[str, ...], *, want: re.Pattern[str] | None = None) -> str | None:
    """The value of the first of `labels` that has one (beside it or on the next line)."""
    for i, line in enumerate(lines):
        found = _label(line)
        if found is None or found[0] not in labels:
            continue
        value = found[1]
        if not value and i + 1 < len(lines) and _label(lines[i + 1]) is None:
            value = lines[i + 1].strip()
        if value and (want is None or want.search(value)):
            return value
    return None


def read_head(lines: list[str]) -> LetterFacts:
    """Date, references, addressee and subject from a letter's head and letterhead lines."""
    facts = LetterFacts()
    dated = label_value(lines, ("datum",), want=_DATE)
    if dated is None:
        dated = next((ln for ln in lines if _PLACE_DATE.match(ln.strip())), None)
    facts.date = iso_date(dated) if dated else None
    facts.kenmerk = label_value(lines, ("ons kenmerk", "kenmerk", "onze referentie", "ons nummer", "referentie"), want=re.compile(r"\d"))
    for line in lines:
        m = TK_REFERENCE.search(line)
        if m:
            facts.tk_reference = m.group(1)
            break
    facts.addressee = _addressee(lines)
    subject = label_value(lines, ("betreft", "onderwerp"))
    facts.subject = " ".join(subject.split()) if subject else None
    return facts


def _addressee(lines: list[str]) -> str | None:
    for i, line in enumerate(lines[:80]):
        text = line.strip()
        start = None
        if _TO.match(text) or _TO_CHAMBER.match(text):
            start = i
        elif _RETURN.match(text) and i + 1 < len(lines) and not _label(lines[i + 1]):
            start = i + 1
        elif _label(text) == ("aan", "") and i + 1 < len(lines):
            start = i + 1
        if start is None:
            continue
        parts = [lines[start].strip()]
        for nxt in lines[start + 1:start + 4]:
            nxt = nxt.strip()
            if not nxt or _ADDRESS.match(nxt) or _label(nxt) or not (nxt[:1].islower() or nxt.startswith(("der ", "van "))):
                break
            parts.append(nxt)
        return " ".join(parts)
    return None


def signature(lines: list[str]) -> str | None:
    """"Role, Name" of the last signature in `lines` ("De Minister van …," and a name below)."""
    found = signature_at(lines)
    return found[1] if found else None


def signature_at(lines: list[str]) -> tuple[int, str] | None:
    """(index of the first line, "Role, Name") of the last signature in `lines`."""
    found = None
    for i, line in enumerate(lines):
        text = line.strip()
        if not _ROLE.match(text) or len(text) > 160:
            continue
        j = i + 1
        while j < len(lines) and j <= i + 3 and not _NAME.match(lines[j].strip()):
            j += 1
        if j < len(lines) and j <= i + 3 and _NAME.match(lines[j].strip()):
            role = " ".join(x.strip() for x in lines[i:j]).rstrip(",").strip()  # a role may wrap
            role = re.sub(r"^(?:Mede\s+)?[Nn]amens\s+[^,]+,\s*", "", role)
            first = i - 1 if i > 0 and _ON_BEHALF.match(lines[i - 1].strip()) else i
            found = (first, f"{role}, {lines[j].strip()}")
    return found


def on_behalf(lines: list[str]) -> str | None:
    """"Mede namens de minister van …" above a signature, when there is one."""
    for line in lines:
        if _ON_BEHALF.match(line.strip()):
            return line.strip().rstrip(",")
    return None


_LETTERHEAD_START = lazy(r"^(?:>?\s*Retouradres\b|(?:Datum|Onderwerp|Betreft|Ons\s+kenmerk|Uw\s+kenmerk)\s*:?$"
                         r"|(?:Aan\s+)?[Dd]e\s+[Vv]oorzitter\s+van\s+de\s+(?:Tweede|Eerste)\s+Kamer\b)")


def cut_signature(text: str) -> str:
    """`text` without a covering letter that follows it (from its letterhead on: return address,
    "Datum", "Onderwerp", the addressee) or a signature (and whatever follows) in its last paragraphs."""
    paras = text.split("\n\n")
    head = next((i for i, p in enumerate(paras) if i and _LETTERHEAD_START.match(p.strip())), None)
    if head is not None:
        paras = paras[:head]
        text = "\n\n".join(paras)
    for i in range(max(len(paras) - 8, 1), len(paras)):
        lines = [ln for p in paras[i:i + 3] for ln in p.split("\n")]
        if _ROLE.match(paras[i].strip()) and len(paras[i]) < 160 and signature(lines[:4]):
            return "\n\n".join(paras[:i]).rstrip()
    return text
