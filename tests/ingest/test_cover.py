"""Kamerstuk PDFs with their cover block (dossier title, "Nr. 5 LIJST VAN VRAGEN EN ANTWOORDEN",
"Vastgesteld ...", the committee sentence with its note listing the members, signatures, the
identifier/ISSN/imprint corner and the running footer), rebuilt with invented text, read as PDF and
as plain pypdf extraction."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from briefer.ingest import parse_file, parse_text
from briefer.model import Document
from tests.helpers.pdfmaker import kamerstuk_document

MEMBERS = ("Samenstelling: Leden: Graafsma, T. (VVD), voorzitter; Meijers, R.A. (GroenLinks-PvdA), "
           "Dekkers, P. (PVV), Van Aalst, K. (NSC), ondervoorzitter; Bruinsma, L. (D66), Hendriks, S.J. (CDA), "
           "Oosting, M. (BBB), Visser, H. (SP), Kamps, W. (ChristenUnie), Terpstra, E. (SGP), "
           "Jongbloed, F. (PvdD), Smeets, A. (Volt), Brouwer, G. (JA21) en Lammers, D. (FVD). "
           "Plv. leden: Koster, J. (VVD), Wijnen, B. (GroenLinks-PvdA), Postma, C. (PVV), Hamstra, R. (NSC), "
           "Zandbergen, I. (D66), Kuipers, O. (CDA), Algra, T. (BBB) en Ruiter, N. (SP).")
SIGNED = ["De voorzitter van de commissie,", "Graafsma", "De griffier van de commissie,", "Van der Veen"]
EZK = "vaste commissie voor Economische Zaken en Klimaat"


def _plain(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def _both(path: Path) -> list[Document]:
    """The document read from the PDF and from its plain text extraction."""
    return [parse_file(path), parse_text(_plain(path), source=path.stem)]


def _no_member_leak(doc: Document) -> None:
    for it in doc.items:
        text = it.question + " " + it.answer
        assert "Samenstelling" not in text and "Graafsma" not in text and "Lammers" not in text
        assert "Tweede Kamer, vergaderjaar" not in text and "ISSN" not in text
    assert "PvdD" not in doc.parties and "FVD" not in doc.parties


def _lijst(tmp_path: Path, signatures: list[str] | None = SIGNED) -> Path:
    body = []
    for n in range(1, 13):
        body.append((f"Welk deel van het budget voor regeling {n} werd in 2023 niet besteed, en waarom niet? "
                     "Kunt u dat per provincie aangeven?", "", str(n)))
        body.append((f"Van het budget voor regeling {n} bleef ongeveer {n} procent over. Dat komt vooral doordat "
                     "aanvragen later binnenkwamen dan verwacht. Een overzicht per provincie volgt.", "", None))
    intro = [f"De {EZK}^1 heeft een aantal vragen voorgelegd aan de Minister van Economische Zaken en "
             "Klimaat over het Jaarverslag en slotwet Ministerie van Economische Zaken en Klimaat 2023 "
             "(Kamerstuk 36 410, nr. 1).",
             "De Minister heeft deze vragen beantwoord bij brief van 10 juni 2024. Vragen en antwoorden zijn "
             "hierna afgedrukt."]
    pdf = kamerstuk_document(body, dossier="36 410", nr="5", kind="LIJST VAN VRAGEN EN ANTWOORDEN",
                             dossier_title="Jaarverslag en slotwet Ministerie van Economische Zaken en Klimaat 2023",
                             vastgesteld="12 juni 2024", intro=intro, signatures=signatures, notes={1: MEMBERS})
    return pdf.save(tmp_path / "lijst.pdf")


@pytest.mark.parametrize("signatures", [SIGNED, ["De voorzitter van de commissie, Graafsma",
                                                 "De adjunct-griffier van de commissie, Van der Veen"], None])
def test_lijst_cover(tmp_path: Path, signatures: list[str] | None) -> None:
    path = _lijst(tmp_path, signatures)
    for doc in _both(path):
        assert doc.doc_type == "vragen_en_antwoorden"
        assert (doc.identifier, doc.kamerstuk, doc.dossier, doc.ondernummer) == ("kst-36410-5", "36 410, nr. 5",
                                                                                 "36 410", "5")
        assert doc.vergaderjaar == "2023–2024" and doc.date == "2024-06-12" and doc.committee == EZK
        assert doc.title == "Jaarverslag en slotwet Ministerie van Economische Zaken en Klimaat 2023"
        assert [it.number for it in doc.items] == list(range(1, 13))
        for it in doc.items:  # the first item starts where the questions start
            assert it.question.startswith(f"Welk deel van het budget voor regeling {it.number} ")
            assert it.question.endswith("aangeven?") and it.answer.endswith("volgt.")
        assert [f.number for f in doc.footnotes] == [1] and doc.footnotes[0].text.startswith("Samenstelling")
        assert doc.footnotes[0].text.endswith("Ruiter, N. (SP).") and doc.parties == []
        assert doc.warnings == []  # the note's marker stands in the cover, not in an item
        _no_member_leak(doc)


def test_vso_cover(tmp_path: Path) -> None:
    body = []
    n = 0
    for party in ("VVD", "GroenLinks-PvdA", "NSC"):
        body.append((f"Vragen en opmerkingen van de leden van de {party}-fractie", "b", None))
        for _ in range(2):
            n += 1
            body.append((f"De leden van de {party}-fractie hebben kennisgenomen van de brief over netcongestie. "
                         f"Zij vragen hoe lang bedrijven in regio {n} nog moeten wachten. Kan de Minister dat "
                         "toelichten?", "", None))
            body.append((f"{n}. Antwoord van het kabinet:", "", None))
            body.append((f"Netbeheerders verwachten dat de wachttijd in regio {n} de komende twee jaar daalt. Het "
                         "kabinet volgt dat nauwgezet en informeert uw Kamer voor de zomer.", "", None))
    intro = ["Binnen de vaste commissie voor Klimaat en Groene Groei^1 hebben enkele fracties de behoefte om "
             "vragen en opmerkingen voor te leggen aan de Minister over de brief van 12 april 2024 over "
             "netcongestie (Kamerstuk 29 023, nr. 500).",
             "De vragen en opmerkingen zijn op 2 mei 2024 aan de Minister voorgelegd. Bij brief van 1 juli "
             "2024 zijn de vragen beantwoord."]
    path = kamerstuk_document(body, dossier="29 023", nr="512", kind="VERSLAG VAN EEN SCHRIFTELIJK OVERLEG",
                              dossier_title="Voorzienings- en leveringszekerheid energie", vastgesteld="3 juli 2024",
                              intro=intro, signatures=SIGNED, notes={1: MEMBERS}).save(tmp_path / "vso.pdf")
    for doc in _both(path):
        assert doc.doc_type == "schriftelijk_overleg"
        assert (doc.identifier, doc.kamerstuk, doc.vergaderjaar) == ("kst-29023-512", "29 023, nr. 512", "2023–2024")
        assert doc.title == "Voorzienings- en leveringszekerheid energie" and doc.date == "2024-07-03"
        assert doc.committee == "vaste commissie voor Klimaat en Groene Groei"
        assert doc.parties == ["VVD", "GroenLinks-PvdA", "NSC"]
        assert [(it.number, it.party) for it in doc.items] == [(1, "VVD"), (2, "VVD"), (3, "GroenLinks-PvdA"),
                                                               (4, "GroenLinks-PvdA"), (5, "NSC"), (6, "NSC")]
        for it in doc.items:
            assert it.question.startswith("De leden van de") and it.question.endswith("toelichten?")
            assert it.answer.startswith(f"Netbeheerders verwachten dat de wachttijd in regio {it.number} ")
            assert it.answer.endswith("voor de zomer.")
        assert doc.warnings == []
        _no_member_leak(doc)


def test_nota_cover(tmp_path: Path) -> None:
    body: list[tuple[str, str, str | None]] = [
        ("I. ALGEMEEN", "b", None),
        ("De regering dankt de leden van de vaste commissie voor Volkshuisvesting voor hun inbreng.", "", None)]
    for party, weeks in (("VVD", "acht"), ("CDA", "tien"), ("SP", "twaalf")):
        body.append((f"De leden van de {party}-fractie vragen waarom de termijn in artikel 3 zes weken bedraagt en "
                     f"niet {weeks} weken.", "i", None))
        body.append(("De termijn van zes weken sluit aan bij de Algemene wet bestuursrecht. Een langere termijn "
                     "zou de procedure onnodig vertragen.", "", None))
    path = kamerstuk_document(
        body, dossier="36 501", nr="6", kind="NOTA NAAR AANLEIDING VAN HET VERSLAG", vastgesteld=None,
        dossier_title="Wijziging van de Wet op de huurtoeslag in verband met het vereenvoudigen van de aanvraag",
        intro=["Ontvangen 4 maart 2024"]).save(tmp_path / "nota.pdf")
    for doc in _both(path):
        assert doc.doc_type == "nota_naar_aanleiding_van_verslag"
        assert (doc.identifier, doc.kamerstuk, doc.date) == ("kst-36501-6", "36 501, nr. 6", "2024-03-04")
        assert doc.title.startswith("Wijziging van de Wet op de huurtoeslag") and doc.title.endswith("aanvraag")
        assert doc.parties == ["VVD", "CDA", "SP"]
        assert [it.party for it in doc.items] == ["VVD", "CDA", "SP"]
        assert all(it.answer.startswith("De termijn van zes weken") for it in doc.items)
        assert not any("Staten-Generaal" in it.question + it.answer for it in doc.items)


def test_cover_in_typed_text() -> None:
    """A lijst typed or copied as text, its intro wrapped so "1)." starts a line: no question 1 there."""
    text = "\n".join([
        "36 410 Jaarverslag en slotwet Ministerie van Economische Zaken en Klimaat 2023",
        "Nr. 5 LIJST VAN VRAGEN EN ANTWOORDEN",
        "Vastgesteld 12 juni 2024",
        f"De {EZK}1 heeft een aantal vragen voorgelegd over het jaarverslag (Kamerstuk 36 410, nr.",
        "1).",
        "De Minister heeft deze vragen beantwoord bij brief van 10 juni 2024. Vragen en antwoorden zijn",
        "hierna afgedrukt.",
        "De voorzitter van de commissie, Graafsma",
        "De griffier van de commissie, Van der Veen",
        "1 Welk bedrag bleef over?",
        "Antwoord",
        "Twee miljoen euro.",
        "2 Waarom?",
        "Antwoord",
        "Door vertraging.",
        "1 " + MEMBERS,
        "kst-36410-5",
        "ISSN 0921 - 7371",
        "’s-Gravenhage 2024",
        "Tweede Kamer, vergaderjaar 2023–2024, 36 410, nr. 5 1",
    ])
    doc = parse_text(text)
    assert [(it.number, it.question, it.answer) for it in doc.items] == [
        (1, "Welk bedrag bleef over?", "Twee miljoen euro."), (2, "Waarom?", "Door vertraging.")]
    assert (doc.identifier, doc.kamerstuk, doc.committee, doc.date) == ("kst-36410-5", "36 410, nr. 5", EZK,
                                                                        "2024-06-12")
    assert re.fullmatch(r"Samenstelling: .*\(SP\)\.", doc.footnotes[0].text)
    _no_member_leak(doc)


def test_cover_extracted_out_of_order() -> None:
    """Extraction may split the dossier number from its title, put the corner on one line and print
    the member list before the text that carries its marker."""
    text = "\n".join([
        "1 " + MEMBERS[:MEMBERS.index(" Van Aalst")],
        MEMBERS[MEMBERS.index("Van Aalst"):],
        "Tweede Kamer der Staten-Generaal 2",
        "Vergaderjaar 2023–2024",
        "36 410",
        "Jaarverslag en slotwet Ministerie van Economische Zaken en Klimaat 2023",
        "Nr. 5",
        "LIJST VAN VRAGEN EN ANTWOORDEN",
        "Vastgesteld 12 juni 2024",
        f"De {EZK}1 heeft een aantal vragen voorgelegd over het jaarverslag.",
        "De Minister heeft deze vragen beantwoord. Vragen en antwoorden zijn hierna afgedrukt.",
        "De voorzitter van de commissie, Graafsma",
        "De griffier van de commissie, Van der Veen",
        "Vraag 1",
        "Welk bedrag bleef over?",
        "Antwoord 1",
        "Twee miljoen euro.",
        "Vraag 2",
        "Waarom?",
        "Antwoord 2",
        "Door vertraging.",
        "kst-36410-5 ISSN 0921 - 7371 ’s-Gravenhage 2024",
        "Tweede Kamer, vergaderjaar 2023–2024, 36 410, nr. 5 1",
    ])
    doc = parse_text(text)
    assert doc.doc_type == "vragen_en_antwoorden"
    assert [(it.number, it.question, it.answer) for it in doc.items] == [
        (1, "Welk bedrag bleef over?", "Twee miljoen euro."), (2, "Waarom?", "Door vertraging.")]
    assert doc.title == "Jaarverslag en slotwet Ministerie van Economische Zaken en Klimaat 2023"
    assert (doc.identifier, doc.kamerstuk, doc.committee, doc.date) == ("kst-36410-5", "36 410, nr. 5", EZK,
                                                                        "2024-06-12")
    assert [(f.number, f.page) for f in doc.footnotes] == [(1, 1)] and doc.footnotes[0].text == MEMBERS
    assert doc.warnings == []
    _no_member_leak(doc)


@pytest.mark.parametrize(("sentence", "committee", "date"), [
    ("Vastgesteld 15 september 2022 De vaste commissie voor Economische Zaken en Klimaat[^1] heeft een aantal "
     "vragen voorgelegd.", EZK, "2022-09-15"),
    ("Vastgesteld16 april 2010 In de vaste commissie voor Volksgezondheid, Welzijn en Sport1, bestond er bij "
     "enkele fracties behoefte vragen voor te leggen.", "vaste commissie voor Volksgezondheid, Welzijn en Sport",
     "2010-04-16"),
    ("Vastgesteld 9 juni 2022 De commissie voor de Rijksuitgaven heeft een aantal vragen voorgelegd.",
     "commissie voor de Rijksuitgaven", "2022-06-09"),
    ("Binnen de vaste commissie voor Infrastructuur en Waterstaat hebben verschillende fracties de behoefte "
     "om vragen voor te leggen.", "vaste commissie voor Infrastructuur en Waterstaat", None),
])
def test_committee_and_date_sentences(sentence: str, committee: str, date: str | None) -> None:
    from briefer.ingest.metadata import fill

    doc = Document(source="x")
    fill(doc, "30 821 Nationale Omgevingsvisie\nNr. 5 LIJST VAN VRAGEN EN ANTWOORDEN\n" + sentence, [], None)
    assert (doc.committee, doc.date, doc.title) == (committee, date, "Nationale Omgevingsvisie")


def test_member_list_left_in_the_text_becomes_the_note() -> None:
    """A reader that missed the note: the member list is still taken out of the items."""
    text = "\n".join([
        "36 410 Jaarverslag en slotwet Ministerie van Economische Zaken en Klimaat 2023",
        "Nr. 5 LIJST VAN VRAGEN EN ANTWOORDEN",
        f"De {EZK} heeft een aantal vragen voorgelegd. Vragen en antwoorden zijn hierna afgedrukt.",
        "Vraag 1",
        "Welk bedrag bleef over?",
        "Antwoord 1",
        "Twee miljoen euro.",
        MEMBERS[:MEMBERS.index(" Van Aalst")],
        MEMBERS[MEMBERS.index("Van Aalst"):MEMBERS.index(" Plv.")],
        MEMBERS[MEMBERS.index("Plv."):],
        "Vraag 2",
        "Waarom?",
        "Antwoord 2",
        "Door vertraging.",
        "Tweede Kamer, vergaderjaar 2023–2024, 36 410, nr. 5 1",
    ])
    doc = parse_text(text)
    assert [(it.number, it.answer) for it in doc.items] == [(1, "Twee miljoen euro."), (2, "Door vertraging.")]
    assert [(f.number, f.text) for f in doc.footnotes] == [(1, MEMBERS)]
    _no_member_leak(doc)
