"""Letters and other documents without questions, built by the tests: the ministry's own PDF in the
Rijkshuisstijl, the Kamerstuk print of a letter, a memorie van toelichting, a ministry's note."""

from __future__ import annotations

from pathlib import Path

from briefer.ingest import parse_file, parse_text
from tests.helpers.lettermaker import ministry_letter
from tests.helpers.pdfmaker import PdfMaker, kamerstuk_document

NOTES = {1: "Kamerstuk 32 852, nr. 250.", 2: "Kamerstuk 36 200 XIII, nr. 44.", 3: "TNO, Grondstoffenrapport 2024.",
         4: "Clingendael, Kwetsbaarheden 2023.", 5: "Zie ook https://www.rijksoverheid.nl/grondstoffen."}
LETTER = [
    "Met deze brief informeer ik uw Kamer over de voortgang van de grondstoffenstrategie^1 en over de motie "
    "van het lid Kröger.^2",
    ("1. Aanleiding", "b"),
    "Nederland is voor kritieke grondstoffen afhankelijk van een klein aantal landen. De werkge\xad\nvers in de "
    "defensie-\nindustrie merken dat al. Hoe groot is dat risico?^3,^4 Dat onderzoek ik.",
    ("2. Maatregelen", "b"),
    "Het kabinet neemt drie maatregelen:",
    "- een strategische voorraad;",
    "- afspraken met EU-lidstaten;",
    "- onderzoek naar recycling.^5",
    "Ik zal uw Kamer voor de zomer informeren over de uitvoering.",
]


def test_ministry_letter_furniture_markers_and_metadata(tmp_path: Path) -> None:
    doc = parse_file(ministry_letter(LETTER, notes=NOTES).save(tmp_path / "brief.pdf"))
    assert doc.doc_type == "brief" and doc.type_confidence >= 0.8
    assert (doc.date, doc.kenmerk, doc.tk_reference) == ("2025-01-28", "DGKE-G / 98765432", "2024Z20001")
    assert doc.addressee == "De Voorzitter van de Tweede Kamer der Staten-Generaal"
    assert doc.title == "Voortgang grondstoffenstrategie"
    assert doc.signed_by == "De minister van Economische Zaken, D.S. Beljaarts"
    texts = [(it.heading, it.answer) for it in doc.items]
    assert texts[0] == (None, "Met deze brief informeer ik uw Kamer over de voortgang van de grondstoffenstrategie"
                              "[^1] en over de motie van het lid Kröger.[^2]")
    assert texts[1][0] == "1. Aanleiding"
    # a word Word broke at its soft hyphen is one word again; a real hyphen stays
    assert "De werkgevers in de defensie-industrie merken" in texts[1][1]
    # markers glued after "?" and two markers in a row
    assert texts[1][1].endswith("Hoe groot is dat risico?[^3][^4] Dat onderzoek ik.")
    assert [h for h, _ in texts[2:]] == ["2. Maatregelen"] * 5
    assert [a for _, a in texts[3:6]] == ["- een strategische voorraad;", "- afspraken met EU-lidstaten;",
                                          "- onderzoek naar recycling.[^5]"]
    assert [(f.number, f.text) for f in doc.footnotes] == sorted(NOTES.items())
    everything = " ".join(f"{it.heading} {it.answer}" for it in doc.items)
    for furniture in ("Pagina", "Retouradres", "Bezuidenhoutseweg", "Kenmerk", "Hoogachtend", "Beljaarts",
                      "Geachte voorzitter", "Betreft"):
        assert furniture not in everything, furniture
    assert not doc.warnings


def test_ministry_letter_over_several_pages_keeps_the_column_out(tmp_path: Path) -> None:
    paras = [*LETTER] + [f"Alinea {n} over de uitvoering van de strategie, met genoeg tekst om de regel te vullen "
                         f"laat de pagina vollopen." for n in range(1, 40)]
    doc = parse_file(ministry_letter(paras, notes=NOTES).save(tmp_path / "lang.pdf"))
    assert doc.page_count >= 3
    assert doc.doc_type == "brief"
    assert [it.answer for it in doc.items if it.answer.startswith("Alinea")] == [p for p in paras[len(LETTER):]]
    assert not any("Pagina" in it.answer or "Directie Grondstoffen" in it.answer for it in doc.items)


def test_page_counter_at_the_page_foot_is_no_footnote(tmp_path: Path) -> None:
    pdf = PdfMaker()
    for n in (1, 2):
        p = pdf.page()
        p.text(78, 780, "Geachte voorzitter," if n == 1 else "Dit is de tweede bladzijde van de brief.", size=10)
        p.text(78, 760, "Hierbij ontvangt u de stukken over het stikstofbeleid van het kabinet.", size=10)
        p.text(250, 40, f"Pagina {n} van 2", size=7)
    doc = parse_file(pdf.save(tmp_path / "teller.pdf"))
    assert doc.footnotes == []
    assert not any("Pagina" in it.answer for it in doc.items)


def test_kamerstuk_print_of_a_letter(tmp_path: Path) -> None:
    body = [
        ("Aan de Voorzitter van de Tweede Kamer der Staten-Generaal", "", None),
        ("Den Haag, 28 januari 2025", "", None),
        ("Hierbij bied ik u de kabinetsreactie aan op het advies over digitale autonomie.^1", "", None),
        ("Digitale weerbaarheid", "b", None),
        ("Het kabinet deelt de analyse dat Nederland afhankelijk is van een handvol leveranciers.", "", None),
        ("De Staatssecretaris van Binnenlandse Zaken en Koninkrijksrelaties,", "", None),
        ("Z.C.J. van Marum", "", None),
    ]
    pdf = kamerstuk_document(body, dossier="26 643", dossier_title="Informatie- en communicatietechnologie (ICT)",
                             nr="1250", kind="BRIEF VAN DE STAATSSECRETARIS VAN BINNENLANDSE ZAKEN EN "
                             "KONINKRIJKSRELATIES", intro=[], vastgesteld=None,
                             notes={1: "Raadsadvies Digitale autonomie, 2024."})
    doc = parse_file(pdf.save(tmp_path / "kst-26643-1250.pdf"))
    assert doc.doc_type == "brief"
    assert (doc.kamerstuk, doc.date) == ("26 643, nr. 1250", "2025-01-28")
    assert doc.addressee == "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal"
    assert doc.signed_by == "De Staatssecretaris van Binnenlandse Zaken en Koninkrijksrelaties, Z.C.J. van Marum"
    assert [(it.heading, it.answer) for it in doc.items] == [
        (None, "Hierbij bied ik u de kabinetsreactie aan op het advies over digitale autonomie.[^1]"),
        ("Digitale weerbaarheid", "Het kabinet deelt de analyse dat Nederland afhankelijk is van een handvol "
                                  "leveranciers."),
    ]
    assert doc.footnotes[0].text == "Raadsadvies Digitale autonomie, 2024."


def test_memorie_van_toelichting_as_headed_paragraphs(tmp_path: Path) -> None:
    body = [
        ("I. ALGEMEEN DEEL", "b", None),
        ("1. Inleiding", "b", None),
        ("Dit wetsvoorstel regelt de instelling van een adviescollege.^1 Het college toetst regeldruk.", "", None),
        ("2. Hoofdlijnen", "b", None),
        ("2.1 Taken", "i", None),
        ("Het college adviseert over voorgenomen regelgeving.^2", "", None),
        ("– adviezen zijn openbaar;", "", None),
        ("– het college rapporteert jaarlijks.", "", None),
        ("II. ARTIKELEN", "b", None),
        ("Artikel 1", "b", None),
        ("In deze wet wordt verstaan onder Onze Minister: Onze Minister van Economische Zaken.", "", None),
        ("De Minister van Economische Zaken,", "", None),
        ("M.A.M. Adriaansens", "", None),
    ]
    pdf = kamerstuk_document(body, dossier="36 450", dossier_title="Regels omtrent de instelling van het "
                             "Adviescollege toetsing regeldruk", nr="3", kind="MEMORIE VAN TOELICHTING",
                             intro=[], vastgesteld=None, notes={1: "Kamerstuk 32 637, nr. 500.", 2: "Stb. 2017, 1."})
    doc = parse_file(pdf.save(tmp_path / "kst-36450-3.pdf"))
    assert doc.doc_type == "other" and doc.type_confidence >= 0.9
    assert doc.warnings and "Geen vragen gevonden" in doc.warnings[0]
    assert [it.heading for it in doc.items] == [
        "I. ALGEMEEN DEEL › 1. Inleiding", "2. Hoofdlijnen › 2.1 Taken", "2. Hoofdlijnen › 2.1 Taken",
        "2. Hoofdlijnen › 2.1 Taken", "II. ARTIKELEN › Artikel 1"]
    assert doc.items[0].answer.endswith("adviescollege.[^1] Het college toetst regeldruk.")
    assert doc.items[3].answer == "– het college rapporteert jaarlijks."
    assert doc.items[-1].answer.endswith("Onze Minister van Economische Zaken.")
    assert doc.signed_by == "De Minister van Economische Zaken, M.A.M. Adriaansens"
    assert [f.number for f in doc.footnotes] == [1, 2]
    assert doc.title and doc.title.startswith("Regels omtrent")


def test_ministry_note_head_is_metadata(tmp_path: Path) -> None:
    """A beslisnota: "Aan de Minister …", its title and "TER BESLUITVORMING" are the head, not a section."""
    pdf = ministry_letter(
        [("Aanleiding", "b"), "De Autoriteit heeft haar jaarplan voor 2026 vastgesteld.",
         ("Advies", "b"), "U kunt instemmen met het jaarplan.", ("Kernpunten", "b"),
         "• Het plan richt zich op toezicht.", "• De begroting blijft gelijk."],
        addressee=["Aan de Minister van Economische Zaken", "", "Jaarplan 2026 Autoriteit Grondstoffen",
                   "TER BESLUITVORMING"],
        column=["Directoraat-generaal", "Economie", "Datum", "3 november 2025", "Kenmerk", "DGE / 11223344"],
        datum="", betreft="", closing=[], return_address=False, salutation="")
    doc = parse_file(pdf.save(tmp_path / "nota.pdf"))
    assert doc.doc_type == "other"
    assert (doc.date, doc.kenmerk) == ("2025-11-03", "DGE / 11223344")
    assert doc.addressee == "Aan de Minister van Economische Zaken"
    assert [(it.heading, it.answer) for it in doc.items] == [
        ("Aanleiding", "De Autoriteit heeft haar jaarplan voor 2026 vastgesteld."),
        ("Advies", "U kunt instemmen met het jaarplan."),
        ("Kernpunten", "• Het plan richt zich op toezicht."),
        ("Kernpunten", "• De begroting blijft gelijk."),
    ]


def test_plain_text_headings_without_type_information() -> None:
    text = ("Inleiding\n\nDit is de eerste alinea van de notitie.\n\n2. Analyse\n\nDe analyse laat zien dat het "
            "werkt.\n\nEen tweede alinea, langer dan een kop en met een komma.\n")
    doc = parse_text(text, doc_type="other")
    assert [(it.heading, it.answer) for it in doc.items] == [
        ("Inleiding", "Dit is de eerste alinea van de notitie."),
        ("2. Analyse", "De analyse laat zien dat het werkt."),
        ("2. Analyse", "Een tweede alinea, langer dan een kop en met een komma."),
    ]
    assert doc.type_chosen and doc.type_confidence == 1.0


def test_page_counter_spliced_into_a_line_is_furniture() -> None:
    from briefer.ingest.clean import split_footer

    assert split_footer("de regeling wordt Pagina 2 van 7 vandaag ingevoerd") == (
        "de regeling wordt vandaag ingevoerd", "Pagina 2 van 7")
    assert split_footer("zie pagina 2 van het rapport") == ("zie pagina 2 van het rapport", None)
