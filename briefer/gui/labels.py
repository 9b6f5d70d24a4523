"""GUI: the Dutch words the window uses for documents, dates, items and follow-ups.

Pure functions over the core dataclasses (no Qt), so every panel names things the same way:
"Kamerstuk 30 821, nr. 196", "Vragen over quantumproof encryptie", "25-03-2024", "Alinea 3".
"""

from __future__ import annotations

from datetime import date

from briefer.model import (
    DocType,
    FollowUpKind,
    FollowUpStatus,
    Level,
    StoredDocument,
    has_questions,
    people_label,
)
from briefer.textutil import dutch_date

DOC_TYPE_SHORT: dict[str, str] = {
    DocType.SCHRIFTELIJK_OVERLEG: "Schriftelijk overleg",
    DocType.KAMERVRAGEN: "Kamervragen",
    DocType.VRAGEN_EN_ANTWOORDEN: "Vragen en antwoorden",
    DocType.NOTA_NAV_VERSLAG: "Nota n.a.v. verslag",
    DocType.BRIEF: "Brief",
    DocType.OTHER: "Tekst (alinea's)",
    DocType.ONBEKEND: "Tekst (alinea's)",
}

STATUS_LABELS: dict[str, str] = {
    FollowUpStatus.OPEN: "Open",
    FollowUpStatus.LOOPT: "Loopt",
    FollowUpStatus.AFGEROND: "Afgerond",
}

KIND_LABELS: dict[str, str] = {
    FollowUpKind.SCHRIFTELIJKE_VRAGEN: "Schriftelijke vragen",
    FollowUpKind.MOTIE: "Motie",
    FollowUpKind.VRAAG_IN_DEBAT: "Vraag in debat",
    FollowUpKind.TECHNISCHE_BRIEFING: "Technische briefing",
    FollowUpKind.TOEZEGGING: "Toezegging",
    FollowUpKind.OVERIG: "Overig",
}

LEVEL_LABELS: dict[str, str] = {
    Level.OPENBAAR: "Openbaar",
    Level.INTERN: "Intern",
    Level.VERTROUWELIJK: "Vertrouwelijk",
}

def level_column_text(level: str) -> str:
    """A level as table columns show it: confidential in capitals, so it cannot be missed."""
    return "VERTROUWELIJK" if level == Level.VERTROUWELIJK else LEVEL_LABELS.get(level, str(level))


def nl_date(iso: str | None) -> str:
    """'2024-03-25' -> '25-03-2024'; anything that is not an ISO date is returned as it is."""
    if not iso:
        return ""
    try:
        day = date.fromisoformat(iso[:10])
    except ValueError:
        return iso
    return f"{day.day:02d}-{day.month:02d}-{day.year}"


def document_date(doc: StoredDocument) -> str | None:
    """The document's own date as ISO (received, dated or sent), else None."""
    return doc.date_received or doc.date or doc.date_sent or None


def document_date_label(doc: StoredDocument) -> str:
    """What the library's Datum column shows: the document's date, else its vergaderjaar."""
    iso = document_date(doc)
    return nl_date(iso) if iso else (doc.vergaderjaar or "")


def document_label(doc: StoredDocument) -> str:
    """A name a staffer recognises: the Kamerstuk, 'Vragen over …' for Kamervragen, or the file."""
    if doc.kamerstuk or not doc.title:
        return doc.display_name
    return doc.subject


def asked_by_label(doc: StoredDocument) -> str | None:
    """'Vragen van Mutluer (GroenLinks-PvdA) en Kostić (PvdD)' for Kamervragen, else None."""
    people = [p.label for p in doc.asked_by or []]
    if not people:
        return None
    names = people[0] if len(people) == 1 else ", ".join(people[:-1]) + " en " + people[-1]
    return f"Vragen van {names}"


def type_label(doc_type: str) -> str:
    return DOC_TYPE_SHORT.get(doc_type, doc_type)


def is_paragraphs(doc_type: str | None) -> bool:
    """A letter or other document without questions is read as paragraphs, not as questions."""
    return not has_questions(doc_type)


def item_noun(doc_type: str | None, plural: bool = False) -> str:
    """'Vraag' / 'Vragen', or 'Alinea' / "Alinea's" for an unrecognised document."""
    if is_paragraphs(doc_type):
        return "Alinea's" if plural else "Alinea"
    return "Vragen" if plural else "Vraag"


def document_tooltip(doc: StoredDocument) -> str:
    """Everything the library row does not have room for."""
    lines = [document_label(doc)]
    if doc.identifier and doc.identifier not in lines[0]:
        lines.append(doc.identifier)
    lines.append(f"Soort: {type_label(doc.doc_type)}")
    iso = document_date(doc)
    if iso:
        lines.append(f"Datum: {dutch_date(iso)}")
    if doc.vergaderjaar:
        lines.append(f"Vergaderjaar {doc.vergaderjaar}")
    if doc.answered_by:
        lines.append(f"Beantwoord door: {doc.answered_by}")
    if doc.asked_by:
        lines.append(f"Gesteld door: {people_label(doc.asked_by)}")
    lines.append(f"{doc.item_count} {item_noun(doc.doc_type, plural=True).lower()}"
                 + (f", {doc.page_count} pagina's" if doc.page_count else ""))
    lines.append(f"Geïmporteerd: {dutch_date(doc.imported)}")
    lines.append(f"Bestand: {doc.source}")
    for warning in doc.warnings:
        lines.append(f"Let op: {warning}")
    return "\n".join(lines)


def _field(doc: StoredDocument, name: str) -> object:
    """A metadata field the document may or may not have (newer cores add fields)."""
    return getattr(doc, name, None) or None


def _date(doc: StoredDocument, name: str) -> str:
    value = _field(doc, name)
    return dutch_date(str(value)) if value else ""


def document_header(doc: StoredDocument) -> list[str]:
    """The lines above the reader that say what the document is, per type (Dutch):

    Kamervragen: who asked (with parties), to whom / who answered, when sent and answered;
    a VSO (or other Kamerstuk): committee and date; a letter: addressee and signatory.
    Fields a core does not have yet are skipped.
    """
    lines: list[str] = []
    kind = type_label(doc.doc_type)
    ref = doc.kamerstuk and f"Kamerstuk {doc.kamerstuk}"
    ident = ref or (document_label(doc) if doc.title else "") or _field(doc, "tk_reference") or doc.identifier or ""
    first = " · ".join(str(p) for p in (kind, ident, doc.vergaderjaar and f"vergaderjaar {doc.vergaderjaar}") if p)
    lines.append(first)
    if doc.doc_type == DocType.KAMERVRAGEN:
        asked = people_label(doc.asked_by)
        who = f"Gesteld door {asked}" if asked else ""
        answered = _field(doc, "answered_by")
        if answered:
            who += ("; " if who else "") + f"beantwoord door {answered}"
        if who:
            lines.append(who)
        when = []
        if _date(doc, "date_sent"):
            when.append(f"ingezonden {_date(doc, 'date_sent')}")
        if _date(doc, "date_received") or _date(doc, "date"):
            when.append(f"antwoord {_date(doc, 'date_received') or _date(doc, 'date')}")
        if when:
            lines.append(", ".join(when).capitalize())
    else:
        parts = []
        committee = _field(doc, "committee")
        if committee:
            parts.append(f"Commissie {committee}" if not str(committee).lower().startswith("commissie")
                         else str(committee))
        addressee = _field(doc, "addressee")
        if addressee:
            parts.append(f"Aan {addressee}")
        signed = _field(doc, "signed_by") or (_field(doc, "answered_by") if addressee else None)
        if signed:
            parts.append(f"Ondertekend door {signed}")
        day = _date(doc, "date") or _date(doc, "date_sent") or _date(doc, "date_received")
        if day:
            parts.append(day)
        if parts:
            lines.append(" · ".join(parts))
    kenmerk = _field(doc, "kenmerk")
    tk_ref = _field(doc, "tk_reference")
    refs = [f"Kenmerk {kenmerk}" if kenmerk else "", f"Uw kenmerk {tk_ref}" if tk_ref and tk_ref != ident else ""]
    if any(refs):
        lines.append(" · ".join(r for r in refs if r))
    return [line for line in lines if line]
