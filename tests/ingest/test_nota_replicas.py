"""Realistic notas naar aanleiding van het verslag: quoted members' text (italic or indented), the
government's answer in plain text, section headings, fracties, articles, a signature, footnotes."""

from __future__ import annotations

from pathlib import Path

from briefer.ingest import parse_file, parse_text
from briefer.model import Document
from tests.helpers.pdfmaker import PdfMaker, _wrap, kamerstuk_document

Q = tuple[str, str, str, str]  # heading, party, quote, answer

# (section heading, party, quoted question, answer)
_NOTA: list[Q] = [
    ("1. Inleiding", "VVD",
     "De leden van de VVD-fractie hebben met belangstelling kennisgenomen van het wetsvoorstel. Zij vragen de "
     "regering hoeveel huishoudens er jaarlijks gebruik van zullen maken.",
     "De regering verwacht dat jaarlijks ongeveer 120.000 huishoudens gebruikmaken van de regeling. Dat aantal "
     "is gebaseerd op de cijfers over 2023.^1"),
    ("1. Inleiding", "CDA",
     "De leden van de CDA-fractie vragen of de regering kan toelichten waarom niet is gekozen voor een "
     "inkomensafhankelijke bijdrage.",
     "Een inkomensafhankelijke bijdrage vraagt een inkomenstoets bij elke aanvraag. Dat maakt de uitvoering "
     "duurder en de regeling minder toegankelijk."),
    ("2. Doel en aanleiding", "D66",
     "De leden van de D66-fractie merken op dat gemeenten al langer om deze wijziging vragen. Kan de regering "
     "aangeven welke gemeenten dat zijn?",
     "Het gaat om de vier grote gemeenten en de gemeenten die deelnamen aan de pilot in 2022.^2 Zij hebben "
     "in een gezamenlijke brief om de wijziging gevraagd."),
    ("2. Doel en aanleiding", "SP",
     "De leden van de SP-fractie vragen hoe de regering voorkomt dat de wijziging leidt tot hogere lasten "
     "voor huurders.",
     "De wijziging verandert niets aan de hoogte van de huur. De lasten voor huurders blijven daarom gelijk."),
    ("Artikelsgewijs", "GroenLinks-PvdA",
     "De leden van de GroenLinks-PvdA-fractie vragen waarom artikel I, onderdeel B, een overgangstermijn "
     "van twee jaar kent.",
     "Twee jaar geeft gemeenten de tijd om hun systemen aan te passen. Een kortere termijn is volgens de "
     "uitvoerders niet haalbaar."),
]
_NOTES = {1: "CBS, Statline, huishoudens naar huurtoeslag 2023.", 2: "Kamerstuk 36 501, nr. 3, p. 4."}


def _check(doc: Document) -> None:
    assert doc.doc_type == "nota_naar_aanleiding_van_verslag"
    assert [it.party for it in doc.items] == [p for _, p, _, _ in _NOTA]
    assert doc.parties == [p for _, p, _, _ in _NOTA]
    assert [it.heading for it in doc.items] == [h for h, _, _, _ in _NOTA]
    assert [it.number for it in doc.items] == list(range(1, len(_NOTA) + 1))
    for it, (_, _, quote, answer) in zip(doc.items, _NOTA, strict=True):
        assert it.question.replace("\n\n", " ") == quote
        assert it.answer.replace("\n\n", " ") == answer.replace("^1", "[^1]").replace("^2", "[^2]")
    assert "Minister" not in doc.items[-1].answer  # the signature stays out


def _body(style: str) -> list[tuple[str, str, str | None]]:
    out: list[tuple[str, str, str | None]] = [
        ("De regering dankt de leden van de vaste commissie voor hun inbreng. Hieronder worden de vragen "
         "beantwoord in de volgorde van het verslag.", "", None)]
    heading = None
    for h, _, quote, answer in _NOTA:
        if h != heading:
            out.append((h, "b", None))
            heading = h
        out.append((quote, style, None))
        out.append((answer, "", None))
    out += [("De Minister voor Volkshuisvesting en Ruimtelijke Ordening,", "", None), ("H.M. de Jonge", "", None)]
    return out


def test_nota_pdf_italic_quotes(tmp_path: Path) -> None:
    pdf = kamerstuk_document(
        _body("i"), dossier="36 501", nr="7", kind="NOTA NAAR AANLEIDING VAN HET VERSLAG", vastgesteld=None,
        dossier_title="Wijziging van de Wet op de huurtoeslag in verband met het vereenvoudigen van de aanvraag",
        intro=["Ontvangen 4 maart 2024"], notes=_NOTES)
    doc = parse_file(pdf.save(tmp_path / "kst-36501-7.pdf"))
    _check(doc)
    assert [f.number for f in doc.footnotes] == [1, 2] and doc.warnings == []


def test_nota_pdf_indented_quotes_in_regular_type(tmp_path: Path) -> None:
    """Quotes indented (not italic), answers at the column's edge, headings bold, over pages."""
    pdf = PdfMaker()
    page, y = pdf.page(), 790.0
    folio = 1

    def put(x: float, text: str, style: str = "") -> None:
        nonlocal page, y, folio
        if y < 90:
            page.text(55, 40, "Tweede Kamer, vergaderjaar 2023–2024, 36 502, nr. 6", size=7)
            page.text(520, 40, str(folio), size=7)
            page, y, folio = pdf.page(), 790.0, folio + 1
        page.text(x, y, text, size=9, style=style)
        y -= 12

    put(221, "NOTA NAAR AANLEIDING VAN HET VERSLAG", "b")
    y -= 8
    heading = None
    for h, _, quote, answer in _QUOTES:
        if h != heading:
            y -= 6
            put(221, h, "b")
            heading = h
        y -= 6
        for line in _wrap(quote, 56):
            put(241, line)
        for para in (answer, _FILLER):  # answers of two paragraphs, so the document runs over pages
            y -= 6
            for line in _wrap(para, 62):
                put(221, line)
    y -= 6
    put(221, "De Minister voor Volkshuisvesting en Ruimtelijke Ordening,")
    put(221, "H.M. de Jonge")
    page.text(55, 40, "Tweede Kamer, vergaderjaar 2023–2024, 36 502, nr. 6", size=7)
    doc = parse_file(pdf.save(tmp_path / "nota.pdf"))
    assert doc.doc_type == "nota_naar_aanleiding_van_verslag"
    assert [it.party for it in doc.items] == [p for _, p, _, _ in _QUOTES]
    assert [it.heading for it in doc.items] == [h for h, _, _, _ in _QUOTES]
    assert doc.page_count >= 2
    for it, (_, _, quote, answer) in zip(doc.items, _QUOTES, strict=True):
        assert it.question.replace("\n\n", " ") == quote
        assert it.answer == answer + "\n\n" + _FILLER


# quotes as a nota often prints them: statements without a question mark, not opening with "De leden"
_QUOTES: list[Q] = [
    (h, p, q.replace("^1", "").replace("^2", ""), a.replace("^1", "").replace("^2", "")) for h, p, q, a in _NOTA]
_QUOTES[3] = (_QUOTES[3][0], "SP", "Huurders dreigen er volgens de SP-fractie op achteruit te gaan.", _QUOTES[3][3])
_QUOTES[1] = (_QUOTES[1][0], "CDA", "Een inkomensafhankelijke bijdrage verdient volgens de CDA-fractie de voorkeur.",
              _QUOTES[1][3])
_FILLER = ("De regering blijft de uitvoering volgen en informeert de Kamer jaarlijks over de voortgang in de "
           "voortgangsrapportage die in het voorjaar verschijnt. " * 3).strip()


def test_nota_text_with_fractie_headings_and_numbered_subsections() -> None:
    """Typed text: per fractie headings under numbered (sub)sections; a quote of two paragraphs;
    two questions of one fractie answered in turn."""
    text = "\n\n".join([
        "NOTA NAAR AANLEIDING VAN HET VERSLAG",
        "Ik dank de leden voor hun vragen. Hieronder ga ik op die vragen in.",
        "2. Hoofdlijnen van het wetsvoorstel",
        "2.1 Gevolgen voor gemeenten",
        "VVD-fractie",
        "De leden van de VVD-fractie lezen dat gemeenten extra taken krijgen.\nZij vragen of daar geld tegenover staat.",
        "Ja. Gemeenten krijgen vanaf 2025 jaarlijks 40 miljoen euro via het gemeentefonds.",
        "Deze leden vragen voorts wanneer de evaluatie plaatsvindt.",
        "De evaluatie vindt drie jaar na inwerkingtreding plaats.",
        "CDA-fractie",
        "De leden van de CDA-fractie vragen of de VNG is geraadpleegd.",
        "De VNG is in de zomer van 2023 geraadpleegd.",
        "2.2 Gevolgen voor burgers",
        "De leden van de SP-fractie vragen of burgers er financieel op vooruitgaan.",
        "Voor de meeste huishoudens verandert er financieel niets.",
        "De Minister van Binnenlandse Zaken en Koninkrijksrelaties,",
        "H.G.J. Bruins Slot",
    ])
    doc = parse_text(text)
    assert doc.doc_type == "nota_naar_aanleiding_van_verslag"
    assert [(it.party, it.heading) for it in doc.items] == [
        ("VVD", "2.1 Gevolgen voor gemeenten"), ("VVD", "2.1 Gevolgen voor gemeenten"),
        ("CDA", "2.1 Gevolgen voor gemeenten"), ("SP", "2.2 Gevolgen voor burgers")]
    assert doc.items[0].question.startswith("De leden van de VVD-fractie lezen")
    assert doc.items[0].question.endswith("geld tegenover staat.")
    assert doc.items[0].answer.startswith("Ja. Gemeenten krijgen")
    assert doc.items[1].question == "Deze leden vragen voorts wanneer de evaluatie plaatsvindt."
    assert doc.items[3].answer == "Voor de meeste huishoudens verandert er financieel niets."
    assert "Bruins Slot" not in doc.items[-1].answer


def test_nota_pdf_quote_of_two_paragraphs_and_an_answer_with_bullets(tmp_path: Path) -> None:
    body: list[tuple[str, str, str | None]] = [("ALGEMEEN", "b", None)]
    for party in ("VVD", "PVV", "ChristenUnie"):
        body += [
            (f"De leden van de {party}-fractie lezen in de memorie van toelichting dat de regeling in 2026 "
             "ingaat.", "i", None),
            ("Zij vragen welke stappen daarvoor nog nodig zijn.", "i", None),
            ("Daarvoor zijn drie stappen nodig:", "", None),
            ("• de algemene maatregel van bestuur wordt vastgesteld;", "", None),
            ("• de Belastingdienst past zijn systemen aan;", "", None),
            ("• gemeenten worden geïnformeerd.", "", None),
        ]
    body += [("De Staatssecretaris van Financiën,", "", None), ("A. de Vries", "", None)]
    pdf = kamerstuk_document(body, dossier="36 503", nr="8", kind="NOTA NAAR AANLEIDING VAN HET VERSLAG",
                             vastgesteld=None, dossier_title="Wijziging van de Wet inkomstenbelasting 2001",
                             intro=["Ontvangen 6 maart 2024"])
    doc = parse_file(pdf.save(tmp_path / "nota.pdf"))
    assert [it.party for it in doc.items] == ["VVD", "PVV", "ChristenUnie"]
    for it in doc.items:
        assert it.heading == "ALGEMEEN"
        assert it.question.split("\n\n")[1] == "Zij vragen welke stappen daarvoor nog nodig zijn."
        assert it.answer.startswith("Daarvoor zijn drie stappen nodig:")
        assert it.answer.endswith("gemeenten worden geïnformeerd.") and it.answer.count("•") == 3
        assert "Vries" not in it.answer
