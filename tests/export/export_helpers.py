"""Test data for export tests: the sample Kamerstuk with a scripted set of annotations.

Items come from `briefer.ingest.parse_file` on the bundled sample when that works; otherwise from
a few answers of the same document typed in here. Every vertrouwelijk field carries a unique
marker string (SECRET_MARKERS) so the leak tests can search the whole .docx for them.
"""

from __future__ import annotations

import functools
import json
import uuid
import zipfile
from pathlib import Path

from briefer.model import (
    Document,
    DocumentAnnotations,
    Domain,
    FollowUp,
    FollowUpKind,
    FollowUpStatus,
    Footnote,
    Highlight,
    Level,
    Note,
    StoredDocument,
    StoredItem,
)

REPO = Path(__file__).resolve().parents[2]

SECRET_MARKERS = {
    "document_note": "ZQX-DOCNOTE-4471",
    "item_note": "ZQX-ITEMNOTE-9823",
    "highlight": "ZQX-HIGHLIGHT-5510",
    "highlight_note": "ZQX-HLNOTE-3302",
    "followup": "ZQX-FOLLOWUP-7764",
    "followup_owner": "ZQX-OWNER-1209",
}
INTERN_MARKERS = {"item_note": "INT-ITEMNOTE-2718", "followup": "INT-FOLLOWUP-3141"}

RICH_NOTE = """## Duiding

Het kabinet geeft **geen termijn** maar wel een *tijdlijn*; zie [de Kamerbrief](https://www.tweedekamer.nl/kamerstukken/30821-181).

- Eerste punt met `code`
  - genest punt
    - dieper genest
- Tweede punt

1. Vraag in het debat
2. Motie overwegen

> Het kabinet kan sturen maar het bedrijfsleven moet het doen.

| Onderwerp | Termijn |
|-----------|---------|
| TNO-onderzoek | oktober 2023 |
| OESO | eind 2023 |

INT-ITEMNOTE-2718
"""

_HAND_ITEMS = [
    (1, "VVD", [1, 2],
     "De leden van de VVD-fractie vinden het afbouwen van strategische afhankelijkheden een belangrijke "
     "prioriteit. De leden van de VVD-fractie vragen zich af welke concrete doelstellingen het kabinet zich stelt.",
     "Het mitigeren van de risico’s van strategische afhankelijkheden is één van de prioriteiten van het "
     "kabinet en de EU, zoals beschreven in de Kamerbrief Open Strategische Autonomie van 8 november 2022.[^1] "
     "Door onder andere de complexiteit van waardeketens is het lastig om kwantitatieve doelen vast te stellen.\n\n"
     "Een tijdlijn is opgenomen in de Kamerbrief over de kabinetsaanpak strategische afhankelijkheden.[^2] "
     "Aan het einde van het jaar zal uw Kamer over de voortgang geïnformeerd worden."),
    (2, "VVD", [2, 3],
     "De leden van de VVD-fractie vragen welke criteria het kabinet hanteert voor dergelijk ingrijpen.",
     "Bedrijven dragen in eerste plaats zelf verantwoordelijkheid voor hun waardeketens. Wel heeft de regering "
     "een verantwoordelijkheid om ervoor te zorgen dat publieke belangen gewaarborgd blijven. Dit is bijvoorbeeld "
     "het geval voor de kritieke grondstoffen die nodig zijn voor onder andere de energietransitie."),
    (3, "VVD", [3, 4],
     "Kan het kabinet toelichten op welke onderzoeken er nog wordt gewacht?",
     "TNO doet onderzoek naar een methodiek om productgroepen aan elkaar te koppelen. Dit onderzoek wordt naar "
     "verwachting eind oktober 2023 met uw Kamer gedeeld. Het Ministerie van Volksgezondheid, Welzijn en Sport "
     "doet een scan van de productiecapaciteit in Nederland voor medicijnen."),
    (16, "D66", [13, 14],
     "Wanneer denkt het kabinet de kwalitatieve fase van de inventarisatie af te ronden? Is het kabinet bereid "
     "om dit eventueel in vertrouwelijke vorm te doen, indien deze informatie te gevoelig is voor een openbare brief?",
     "Het identificeren van afhankelijkheden is een doorlopend proces. Aan het einde van dit jaar zal onder "
     "andere worden ingegaan op de voortgang van de identificatie van risicovolle strategische afhankelijkheden, "
     "zoals gecommuniceerd door de Kamerbrief van 12 mei jl.[^14] Indien de te delen informatie dusdanig gevoelig "
     "is dat dit niet openbaar gedeeld kan worden, zal het kabinet de Kamer aanbieden hierover een vertrouwelijke "
     "technische briefing te verzorgen."),
    (17, "D66", [14, 14],
     "Wil het kabinet pleiten voor financiering van de wetgeving inzake kritieke grondstoffen?",
     "Vanwege de interne markt en haar omvang is de afbouw van strategische afhankelijkheden op Europees niveau "
     "het meest effectief."),
]
_HAND_FOOTNOTES = [
    Footnote(1, "Kamerstuk 35 982, nr. 9.", 1),
    Footnote(2, "Kamerstukken 30 821 en 21 501-02, nr. 181.", 2),
    Footnote(14, "Kamerstukken 30 821 en 21 501-02, nr. 181.", 14),
]


def _uid() -> str:
    return str(uuid.uuid4())


def load_domains() -> list[Domain]:
    data = json.loads((REPO / "resources" / "domains.json").read_text(encoding="utf-8"))
    return [Domain(id=_uid(), name=d["name"], colour=d["colour"], key=d.get("key"), position=i)
            for i, d in enumerate(data["domains"])]


def _document(doc_id: str) -> StoredDocument:
    return StoredDocument(
        id=doc_id, identifier="kst-30821-196", doc_type="schriftelijk_overleg",
        title="Verslag van een schriftelijk overleg over strategische afhankelijkheden",
        kamerstuk="30 821, nr. 196", dossier="30 821", ondernummer="196", vergaderjaar="2022–2023",
        source="kst-30821-196.pdf", sha256="0" * 64, imported="2026-11-27T10:00:00.000+00:00",
    )


@functools.cache
def _parsed_sample() -> Document:
    from briefer.ingest import parse_file

    return parse_file(REPO / "resources" / "samples" / "kst-30821-196.pdf")


def _items_from_parser(doc_id: str) -> tuple[list[StoredItem], list[Footnote]]:
    doc = _parsed_sample()
    items = [
        StoredItem(id=_uid(), document_id=doc_id, number=it.number, numbers=list(it.numbers), party=it.party,
                   question=it.question, answer=it.answer,
                   page_first=it.pages[0] if it.pages else None, page_last=it.pages[-1] if it.pages else None,
                   position=i, heading=it.heading)
        for i, it in enumerate(doc.items)
    ]
    return items, list(doc.footnotes)


def _hand_items(doc_id: str) -> tuple[list[StoredItem], list[Footnote]]:
    items = [
        StoredItem(id=_uid(), document_id=doc_id, number=n, numbers=[n], party=party, question=q, answer=a,
                   page_first=pages[0], page_last=pages[1], position=i)
        for i, (n, party, pages, q, a) in enumerate(_HAND_ITEMS)
    ]
    return items, list(_HAND_FOOTNOTES)


def _hl(item: StoredItem, quote: str, domain: Domain | None, *, field: str = "answer",
        level: Level = Level.INTERN, note: str = "") -> Highlight:
    text = item.text(field)
    start = text.find(quote)
    assert start >= 0, f"quote {quote!r} not in item {item.number}"  # the scripted annotations must all land
    return Highlight(id=_uid(), item_id=item.id, field=field, start=start, end=start + len(quote), exact=quote,
                     domain_id=domain.id if domain else None, note=note, level=level)


def build_bundle(*, use_parser: bool = True, confidential_doc_note: bool = False) -> DocumentAnnotations:
    """The sample with scripted annotations (intern material plus planted vertrouwelijk markers)."""
    doc_id = _uid()
    items, footnotes = _items_from_parser(doc_id) if use_parser else _hand_items(doc_id)
    by_num = {it.number: it for it in items}
    energie, digitaal, medisch, voedsel = load_domains()
    domains = [energie, digitaal, medisch, voedsel]
    i1, i2, i3, i16 = by_num[1], by_num[2], by_num[3], by_num[16]
    item_domains = {i1.id: [energie.id], i2.id: [energie.id], i3.id: [medisch.id, energie.id], i16.id: [digitaal.id]}
    highlights = [
        _hl(i1, "Aan het einde van het jaar zal uw Kamer over de voortgang geïnformeerd worden", energie),
        _hl(i2, "kritieke grondstoffen", energie, note="Raakt aan de **Critical Raw Materials Act**."),
        _hl(i3, "productiecapaciteit in Nederland voor medicijnen", medisch),
        _hl(i16, "Het identificeren van afhankelijkheden is een doorlopend proces", digitaal),
    ]
    secret = _hl(i16, "vertrouwelijke", digitaal, level=Level.VERTROUWELIJK, note=SECRET_MARKERS["highlight_note"])
    secret.exact = f"vertrouwelijke {SECRET_MARKERS['highlight']}"  # quote text only the annex may show
    highlights.append(secret)
    notes = [
        Note(id=_uid(), document_id=doc_id, item_id=i1.id, body=RICH_NOTE, level=Level.INTERN),
        Note(id=_uid(), document_id=doc_id, item_id=i16.id,
             body=f"Bron bij het ministerie noemt data: {SECRET_MARKERS['item_note']}", level=Level.VERTROUWELIJK),
    ]
    if confidential_doc_note:
        notes.append(Note(id=_uid(), document_id=doc_id, item_id=None,
                          body=f"Achtergrond: {SECRET_MARKERS['document_note']}", level=Level.VERTROUWELIJK))
    else:
        notes.append(Note(id=_uid(), document_id=doc_id, item_id=None, level=Level.INTERN,
                          body="- Kabinet noemt **geen kwantitatieve doelen**.\n- Voortgangsbrief eind dit jaar."))
    followups = [
        FollowUp(id=_uid(), item_id=i1.id, text="Voortgangsbrief eind van het jaar bewaken",
                 kind=FollowUpKind.TOEZEGGING, owner="Fractiemedewerker", due="2026-12-31"),
        FollowUp(id=_uid(), item_id=i3.id, text=f"Vraag naar de medicijnenscan ({INTERN_MARKERS['followup']})",
                 kind=FollowUpKind.VRAAG_IN_DEBAT, owner="Kamerlid", status=FollowUpStatus.LOOPT),
        FollowUp(id=_uid(), item_id=i16.id, text=f"Technische briefing inplannen {SECRET_MARKERS['followup']}",
                 kind=FollowUpKind.TECHNISCHE_BRIEFING, owner=SECRET_MARKERS["followup_owner"],
                 level=Level.VERTROUWELIJK, highlight_id=secret.id),
    ]
    return DocumentAnnotations(
        document=_document(doc_id), items=items, footnotes=footnotes, domains=domains,
        item_domains=item_domains, highlights=highlights, notes=notes, followups=followups,
    )


def all_parts_text(path: Path) -> dict[str, str]:
    """Every part of the .docx package, decoded (binary parts as latin-1, so nothing is skipped)."""
    out = {}
    with zipfile.ZipFile(path) as z:
        for name in z.namelist():
            raw = z.read(name)
            try:
                out[name] = raw.decode("utf-8")
            except UnicodeDecodeError:
                out[name] = raw.decode("latin-1")
    return out


W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"


def part_xml(path: Path, name: str) -> str:
    with zipfile.ZipFile(path) as z:
        return z.read(name).decode("utf-8")


def paragraphs(document) -> list[tuple[str, str]]:
    """(style name, text) of every body paragraph, python-docx's view."""
    return [(p.style.name if p.style is not None else "", p.text) for p in document.paragraphs]


def headings(document, level: int) -> list[str]:
    return [t for s, t in paragraphs(document) if s == f"Heading {level}"]


def tables_text(document) -> list[list[list[str]]]:
    return [[[c.text for c in row.cells] for row in t.rows] for t in document.tables]


# -- the scenario of issue 10: the sample as a staffer annotates it ---------------------------------

SCENARIO_SUBJECT = "Commissiedebat Strategische afhankelijkheden, 12 december"
SCENARIO_NOTES = {
    1: "Kabinet wil **geen kwantitatieve doelen**; vraag door op een tijdpad.\n"
       "- doelen per waardeketen\n- termijn voor de Taskforce",
    7: "Steunen: handelsakkoorden met *Afrika* en *Latijns-Amerika* versnellen.",
    24: "PVV-lijn: EU-regels als oorzaak; wij zien dat anders.",
}
SCENARIO_PASSAGES = {
    1: "is het lastig en onwenselijk om kwantitatieve doelen en termijnen",
    7: "Het kabinet ziet afspraken op het gebied van handel en investeringen als een belangrijke manier "
       "om diversificatie te faciliteren",
}
SCENARIO_KERN = ("Het kabinet noemt **geen harde doelen** en verwijst naar de voortgangsbrief van eind 2023, "
                 "die nog niet is verschenen.\n- Inzet: doelen en tijdpad per prioritair terrein\n"
                 "- Kans: Critical Raw Materials Act")


def accept_all_suggestions(store, ann, doc_id: str) -> int:
    """Accept every toezegging and domain suggestion, as the session hook does; returns how many."""
    from briefer.suggest import accept, suggest_document

    found = suggest_document(store, doc_id, domains=ann.domains())
    keys = [t.key for t in found.toezeggingen] + [o.key for d in found.domains for o in d.domains]
    for key in keys:
        accept(store, ann, doc_id, key)
    return len(keys)


def build_scenario(db_path: Path, *, hook_only: bool = False):
    """The sample imported into a real database with every toezegging and domain suggestion
    accepted; unless `hook_only`, also two marked passages, three notes, the Kern and two
    follow-ups (a debate question and a motion). Returns (store, ann, document)."""
    from briefer.annotate import Annotations
    from briefer.importer import import_file
    from briefer.store import Store

    store = Store.open(db_path)
    import_file(store, REPO / "resources" / "samples" / "kst-30821-196.pdf")
    ann = Annotations(store)
    doc = store.documents()[0]
    accept_all_suggestions(store, ann, doc.id)
    if hook_only:
        return store, ann, doc
    for number, quote in SCENARIO_PASSAGES.items():
        ann.highlight_quote(store.item_by_number(doc.id, number).id, quote, field="answer")
    for number, body in SCENARIO_NOTES.items():
        ann.set_note(doc.id, store.item_by_number(doc.id, number).id, body)
    ann.set_note(doc.id, None, SCENARIO_KERN)
    ann.add_followup(store.item_by_number(doc.id, 1).id, "Vraag: welke doelen stelt de Taskforce zich voor 2024?",
                     kind=FollowUpKind.VRAAG_IN_DEBAT, owner="Kamerlid", due="2026-12-12")
    ann.add_followup(store.item_by_number(doc.id, 18).id, "Motie: verzoekt de regering in Brussel te pleiten "
                     "voor vergunningverlening binnen twee jaar", kind=FollowUpKind.MOTIE, owner="Sanne")
    return store, ann, doc


@functools.cache
def _validator():
    from openxml_audit import FileFormat, OpenXmlValidator

    return OpenXmlValidator(file_format=FileFormat.MICROSOFT_365, max_errors=0)


def audit(path: Path) -> None:
    """Assert that openxml-audit (Microsoft 365 schemas and semantics) finds no error in `path`."""
    result = _validator().validate(str(path))
    assert result.is_valid and not result.errors, [str(e) for e in result.errors[:10]]
