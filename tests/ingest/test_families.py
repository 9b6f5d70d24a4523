"""Documents of each family, built by the tests themselves, parse into the right items."""

from __future__ import annotations

from pathlib import Path

from briefer.ingest import parse_file, parse_text
from tests.helpers.pdfmaker import flow_document

KAMERVRAGEN = """Tweede Kamer der Staten-Generaal
Vergaderjaar 2023–2024 Aanhangsel van de Handelingen
Vragen gesteld door de leden der Kamer, met de daarop door de regering gegeven antwoorden
Vragen van de leden Bikker (ChristenUnie) en Van der Plas (BBB) aan de Minister van
Landbouw over de mestcrisis (ingezonden 3 april 2024).
Antwoord van Minister Adema (Landbouw, Natuur en Voedselkwaliteit) (ontvangen 2 mei 2024).
Vraag 1
Bent u bekend met het bericht «Boeren in nood»?
Antwoord 1
Ja.
Vraag 2, 3 en 4
Hoeveel boeren zijn getroffen?
Welke regio's?
Wat doet u eraan?
Antwoord 2, 3 en 4
Dat weten we niet precies. Wel is duidelijk:
1. het gaat om veel bedrijven;
2. de gevolgen zijn groot.
Vraag 5
Komt er steun?
Vraag 6
Zo ja, wanneer?
Antwoord 5 en 6
Er komt steun, dit najaar.
Vraag 7
Kunt u deze vragen binnen drie weken beantwoorden?
Antwoord
Zie het antwoord op vraag 5 en 6.
Eerste Kamer, vergaderjaar 2023–2024, Aanhangsel 3
"""


def test_kamervragen_variants() -> None:
    doc = parse_text(KAMERVRAGEN, source="ah-tk-20232024-9999")
    assert doc.doc_type == "kamervragen"
    assert [it.numbers for it in doc.items] == [[1], [2, 3, 4], [5, 6], [7]]
    assert [it.number for it in doc.items] == [1, 2, 5, 7]
    combined = doc.items[1]
    assert "Hoeveel boeren" in combined.question and "Wat doet u eraan?" in combined.question
    assert "1. het gaat om veel bedrijven" in combined.answer and "2. de gevolgen" in combined.answer
    assert "Komt er steun?" in doc.items[2].question and "Zo ja, wanneer?" in doc.items[2].question
    assert doc.items[3].refers_to == [5, 6]
    assert "Eerste Kamer" not in doc.items[3].answer
    assert [(p.name, p.party) for p in doc.asked_by or []] == [("Bikker", "ChristenUnie"), ("Van der Plas", "BBB")]
    assert doc.answered_by == "Minister Adema (Landbouw, Natuur en Voedselkwaliteit)"
    assert (doc.date_sent, doc.date_received) == ("2024-04-03", "2024-05-02")
    assert doc.title == "de mestcrisis"
    assert doc.vergaderjaar == "2023–2024"
    assert doc.identifier == "ah-tk-20232024-9999"


def test_answer_on_question_heading() -> None:
    text = ("Vraag 1\nWat is er gebeurd?\nVraag 2\nEn waarom?\nVraag 3\nWie betaalt?\n"
            "Antwoord op vraag 1\nEen storing.\nAntwoord op vraag 2 en 3\nDoor slijtage; de netbeheerder betaalt.\n")
    doc = parse_text(text)
    assert [it.numbers for it in doc.items] == [[1], [2, 3]]
    assert doc.items[1].question == "En waarom?\n\nWie betaalt?"


VSO = """Vragen en opmerkingen van de leden van de fractie van de SGP

De leden van de fractie van de SGP hebben met belangstelling kennisgenomen van de brief.
Zij hebben nog enkele vragen. Hoe staat het met de econo-
mische weerbaarheid van de defensie-
industrie?

1. Antwoord van het kabinet:

Het kabinet werkt aan de weerbaarheid van de EU-
lidstaten en de Covid-19-
pandemie heeft dat versterkt.1

1 Kamerstuk 35 982, nr. 9, een noot die over twee regels
doorloopt.
 Het kabinet blijft dit volgen.

Deze leden vragen ook naar Japan.

2. Antwoord van het kabinet:

Zie het antwoord op vraag 1.

Vragen en opmerkingen van het lid van de BBB-fractie

Het lid van de BBB-fractie vraagt of de Minister Kostic´ heeft gesproken.

3. Antwoord van het kabinet:

Ja.

Tweede Kamer, vergaderjaar 2022–2023, 30 821, nr. 196 2
"""


def test_vso_text_variants() -> None:
    doc = parse_text(VSO, source="kst-30821-196")
    assert doc.doc_type == "schriftelijk_overleg"
    assert doc.parties == ["SGP", "BBB"]
    assert [(it.number, it.party) for it in doc.items] == [(1, "SGP"), (2, "SGP"), (3, "BBB")]
    q1, a1 = doc.items[0].question, doc.items[0].answer
    assert "economische weerbaarheid" in q1 and "defensie-industrie" in q1
    assert "EU-lidstaten" in a1 and "Covid-19-pandemie" in a1
    assert "versterkt.[^1]" in a1 and a1.endswith("Het kabinet blijft dit volgen.")
    assert doc.footnotes[0].text == "Kamerstuk 35 982, nr. 9, een noot die over twee regels doorloopt."
    assert doc.items[1].refers_to == [1]
    assert "Kostić" in doc.items[2].question
    assert doc.kamerstuk == "30 821, nr. 196" and doc.vergaderjaar == "2022–2023"


def test_vso_pdf_with_indented_answers(tmp_path: Path) -> None:
    paras: list[str | tuple[str, float]] = ["Vragen en opmerkingen van de leden van de VVD-fractie"]
    for n in range(1, 31):
        paras.append(f"De leden van de VVD-fractie stellen vraag {n} over de taskforce en de strategische "
                     f"afhankelijkheden van Nederland en Europa; hoe kijkt het kabinet daarnaar?")
        if n % 3 == 0:
            paras.append("Japan is eerder al genoemd als partner van Nederland bij kritieke grondstoffen. "
                         "En hoe kijkt de Minister naar Zuid-Korea?")
        paras.append((f"{n}. Antwoord van het kabinet:", 28))
        paras.append((f"Het kabinet beantwoordt vraag {n} als volgt. " + "De inzet blijft gelijk. " * 6, 28))
        paras.append(("Daarnaast volgt het kabinet de ontwikkelingen op de voet.", 28))
        if n == 15:
            paras.append("Vragen en opmerkingen van de leden van de GroenLinks-PvdA-fractie")
    path = flow_document(paras).save(tmp_path / "vso.pdf")
    doc = parse_file(path)
    assert len(doc.items) == 30 and doc.page_count > 2
    assert doc.parties == ["VVD", "GroenLinks-PvdA"]
    for it in doc.items:
        assert it.answer.startswith(f"Het kabinet beantwoordt vraag {it.number} ")
        assert it.answer.endswith("op de voet.")
        assert it.question.startswith(f"De leden van de VVD-fractie stellen vraag {it.number} ")
        assert ("Zuid-Korea?" in it.question) == (it.number % 3 == 0)
        assert "Tweede Kamer" not in it.answer
    assert doc.items[15].party == "GroenLinks-PvdA"


LIJST = """LIJST VAN VRAGEN EN ANTWOORDEN
Vastgesteld 2 november 2023
De vaste commissie voor Defensie heeft een aantal vragen voorgelegd aan de Minister van Defensie.

1. Hoeveel geld gaat er naar munitie?
Antwoord:
Er gaat 1 miljard euro naar munitie. Dat bestaat uit:
1. artilleriegranaten;
2. raketten.
2. Hoeveel personeel is er?
Antwoord
Ruim 40.000 mensen.
3
Wat is de vulling
van de vacatures?
Antwoord
Zie het antwoord op vraag 2.
"""


def test_lijst_numbered_and_table_like() -> None:
    doc = parse_text(LIJST)
    assert doc.doc_type == "vragen_en_antwoorden"
    assert [it.number for it in doc.items] == [1, 2, 3]
    assert doc.items[0].question == "Hoeveel geld gaat er naar munitie?"
    assert "1. artilleriegranaten" in doc.items[0].answer and "2. raketten" in doc.items[0].answer
    assert doc.items[1].answer == "Ruim 40.000 mensen."
    assert doc.items[2].question == "Wat is de vulling van de vacatures?"
    assert doc.items[2].refers_to == [2]
    assert doc.committee == "vaste commissie voor Defensie" and doc.date == "2023-11-02"


def test_large_lijst_pdf(tmp_path: Path) -> None:
    paras: list[str | tuple[str, float]] = ["LIJST VAN VRAGEN EN ANTWOORDEN"]
    for n in range(1, 121):
        paras.append(f"{n}. Kunt u aangeven hoeveel middelen in {2020 + n % 5} zijn besteed aan onderdeel {n}?")
        paras.append("Antwoord")
        paras.append(f"Aan onderdeel {n} is {n * 3} miljoen euro besteed. Dat is conform de begroting.")
    doc = parse_file(flow_document(paras).save(tmp_path / "lijst.pdf"))
    assert [it.number for it in doc.items] == list(range(1, 121))
    assert all(it.answer.startswith(f"Aan onderdeel {it.number} is") for it in doc.items)


NOTA = """NOTA NAAR AANLEIDING VAN HET VERSLAG

De regering dankt de leden voor hun inbreng.

1. Inleiding

De leden van de VVD-fractie vragen waarom het wetsvoorstel nu komt.

Het wetsvoorstel komt nu omdat de richtlijn moet worden omgezet.

De leden van de fractie van de SGP vragen naar de kosten.

De kosten zijn beperkt. Zie ook paragraaf 3.

2. Uitvoering

Het lid van de BBB-fractie vraagt wie het uitvoert.

De uitvoering ligt bij de RVO.
"""


def test_nota_themes_and_parties() -> None:
    doc = parse_text(NOTA)
    assert doc.doc_type == "nota_naar_aanleiding_van_verslag"
    assert [(it.number, it.party, it.heading) for it in doc.items] == [
        (1, "VVD", "1. Inleiding"), (2, "SGP", "1. Inleiding"), (3, "BBB", "2. Uitvoering")]
    assert doc.items[1].answer == "De kosten zijn beperkt. Zie ook paragraaf 3."


def test_unrecognised_document_becomes_paragraphs() -> None:
    doc = parse_text("Een brief.\n\nMet twee alinea's zonder vragen.\n")
    assert doc.doc_type == "other"
    assert [it.answer for it in doc.items] == ["Een brief.", "Met twee alinea's zonder vragen."]
    assert doc.warnings and "Geen vragen gevonden" in doc.warnings[0]


def test_docx_kamervragen(tmp_path: Path) -> None:
    import docx

    d = docx.Document()
    for text in ["Vraag 1", "Klopt het bericht?", "Antwoord 1", "Nee.", "Vraag 2", "Waarom niet?",
                 "Antwoord 2", "Omdat het anders zit.", "Het tweede deel van het antwoord."]:
        d.add_paragraph(text)
    path = tmp_path / "concept-antwoorden.docx"
    d.save(str(path))
    doc = parse_file(path)
    assert doc.doc_type == "kamervragen"
    assert [it.answer for it in doc.items] == ["Nee.", "Omdat het anders zit.\n\nHet tweede deel van het antwoord."]


OLD_KAMERVRAGEN = """Aanhangsel van de Handelingen
Vragen van de leden Kisteman en Van Campen (beiden VVD) aan de Minister van Financiën over
de bankenbelasting (ingezonden 4 februari 2010).
1
Heeft u kennisgenomen van het bericht?
2
Klopt het dat de opbrengst
lager uitvalt?
3
Wat gaat u doen?
Antwoord van Minister De Jager (Financiën) (ontvangen 1 maart 2010).
1
Ja.
2 en 3
Nee; zie het antwoord op vraag 1.
"""


def test_older_kamervragen_layout() -> None:
    doc = parse_text(OLD_KAMERVRAGEN)
    assert doc.doc_type == "kamervragen"
    assert [it.numbers for it in doc.items] == [[1], [2, 3]]
    assert doc.items[1].question == "Klopt het dat de opbrengst lager uitvalt?\n\nWat gaat u doen?"
    assert doc.items[1].answer == "Nee; zie het antwoord op vraag 1."
    assert [(p.name, p.party) for p in doc.asked_by or []] == [("Kisteman", "VVD"), ("Van Campen", "VVD")]
    assert doc.answered_by == "Minister De Jager (Financiën)"


def test_eerste_kamer_footer_and_joint_fracties() -> None:
    text = ("Vragen en opmerkingen van de leden van de fracties van GroenLinks en PvdA\n\n"
            "De leden van deze fracties vragen hoe het zit?\n\n1. Antwoord van het kabinet\n\nGoed.\n\n"
            "Eerste Kamer, vergaderjaar 2023–2024, 36 410, B 4\n")
    doc = parse_text(text)
    assert doc.items[0].party == "GroenLinks-PvdA" and doc.items[0].answer == "Goed."
    assert doc.kamerstuk == "36 410, B" and doc.vergaderjaar == "2023–2024"
    assert doc.identifier == "kst-36410-B"


VSO_SHORT = """VERSLAG VAN EEN SCHRIFTELIJK OVERLEG

Vragen en opmerkingen van de leden van de NSC-fractie

7. De leden van de NSC-fractie vragen naar de planning. Wanneer is het klaar?

Antwoord

Eind dit jaar.

8. Deze leden vragen ook naar de kosten?

Antwoord:
Die zijn bekend.
"""


def test_vso_with_numbered_questions_and_bare_answer_headings() -> None:
    doc = parse_text(VSO_SHORT)
    assert doc.doc_type == "schriftelijk_overleg"
    assert [(it.number, it.party, it.answer) for it in doc.items] == [
        (7, "NSC", "Eind dit jaar."), (8, "NSC", "Die zijn bekend.")]
    assert doc.items[0].question.startswith("De leden van de NSC-fractie vragen")


def test_lijst_without_answer_headings() -> None:
    text = ("LIJST VAN VRAGEN EN ANTWOORDEN\n\n1\nHoeveel kost de brug\nin totaal?\nDe brug kost 10 miljoen.\n"
            "Dat is binnen budget.\n2\nWanneer is hij klaar?\nIn 2026, zie vraag 1.\n")
    doc = parse_text(text)
    assert [(it.number, it.question, it.answer) for it in doc.items] == [
        (1, "Hoeveel kost de brug in totaal?", "De brug kost 10 miljoen. Dat is binnen budget."),
        (2, "Wanneer is hij klaar?", "In 2026, zie vraag 1."),
    ]


def test_nota_italic_questions_pdf(tmp_path: Path) -> None:
    """In a PDF the quoted questions are often italic; italics then decide, not the wording."""
    from tests.helpers.pdfmaker import PdfMaker

    pdf = PdfMaker()
    p = pdf.page()
    rows = [("NOTA NAAR AANLEIDING VAN HET VERSLAG", False), ("2. Kosten", False),
            ("De leden van de CDA-fractie vragen wat het kost.", True), ("Het kost weinig.", False),
            ("Zij vragen ook wie betaalt.", True), ("Het Rijk betaalt.", False),
            ("Wat vindt de regering daarvan?", True), ("De regering is positief.", False)]
    y = 800.0
    for text, italic in rows:
        p.text(70, y, text, size=10, style="i" if italic else "")
        y -= 26
    path = pdf.save(tmp_path / "nota.pdf")
    doc = parse_file(path)
    assert doc.doc_type == "nota_naar_aanleiding_van_verslag"
    assert [(it.number, it.party, it.heading, it.answer) for it in doc.items] == [
        (1, "CDA", "2. Kosten", "Het kost weinig."), (2, "CDA", "2. Kosten", "Het Rijk betaalt."),
        (3, "CDA", "2. Kosten", "De regering is positief.")]


def test_kamerstuk_cover_metadata() -> None:
    text = ("kst-36410-XIII-7\n36 410 XIII Vaststelling van de begrotingsstaten van het Ministerie van\n"
            "Economische Zaken (XIII) voor het jaar 2024\nNr. 7 LIJST VAN VRAGEN EN ANTWOORDEN\n"
            "Vastgesteld 2 november 2023\n"
            "De vaste commissie voor Economische Zaken en Klimaat heeft een aantal vragen voorgelegd.\n\n"
            "1. Hoeveel kost het?\nAntwoord\nVeel.\n2. En wanneer?\nAntwoord\nSnel.\n"
            "Tweede Kamer, vergaderjaar 2023–2024, 36 410 XIII, nr. 7 2\n")
    doc = parse_text(text, source="kst-36410-XIII-7")
    assert doc.identifier == "kst-36410-XIII-7"
    assert doc.kamerstuk == "36 410 XIII, nr. 7" and doc.dossier == "36 410 XIII" and doc.ondernummer == "7"
    assert doc.title == ("Vaststelling van de begrotingsstaten van het Ministerie van Economische Zaken (XIII) "
                         "voor het jaar 2024")
    assert doc.committee == "vaste commissie voor Economische Zaken en Klimaat"
    assert doc.date == "2023-11-02"
    assert [(it.number, it.answer) for it in doc.items] == [(1, "Veel."), (2, "Snel.")]


def _docx_with_footnote(path: Path) -> Path:
    """A minimal Word file written by hand, with one real Word footnote."""
    import zipfile

    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    body = "".join(
        f"<w:p><w:r><w:t xml:space=\"preserve\">{t}</w:t></w:r>{ref}</w:p>"
        for t, ref in [("Vraag 1", ""), ("Kent u het rapport?", '<w:r><w:footnoteReference w:id="2"/></w:r>'),
                       ("Antwoord 1", ""), ("Ja.", "")]
    )
    parts = {
        "[Content_Types].xml": (
            '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
            '<Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/>'
            "</Types>"),
        "_rels/.rels": (
            '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
            "</Relationships>"),
        "word/_rels/document.xml.rels": (
            '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/>'
            "</Relationships>"),
        "word/document.xml": f'<?xml version="1.0" encoding="UTF-8"?><w:document {w}><w:body>{body}</w:body></w:document>',
        "word/footnotes.xml": (
            f'<?xml version="1.0" encoding="UTF-8"?><w:footnotes {w}>'
            '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
            '<w:footnote w:id="2"><w:p><w:r><w:t>Kamerstuk 36 410, nr. 1.</w:t></w:r></w:p></w:footnote>'
            "</w:footnotes>"),
    }
    with zipfile.ZipFile(path, "w") as z:
        for name, xml in parts.items():
            z.writestr(name, xml)
    return path


def test_docx_footnotes(tmp_path: Path) -> None:
    doc = parse_file(_docx_with_footnote(tmp_path / "met-voetnoot.docx"))
    assert doc.items[0].question == "Kent u het rapport?[^1]"
    assert [(f.number, f.text) for f in doc.footnotes] == [(1, "Kamerstuk 36 410, nr. 1.")]


VSO_SPLIT = """VERSLAG VAN EEN SCHRIFTELIJK OVERLEG
Vastgesteld 12 juli 2023
Inhoudsopgave blz.
I Vragen en opmerkingen vanuit de fracties 2
II Reactie van de bewindspersoon 3

I Vragen en opmerkingen vanuit de fracties

Vragen en opmerkingen van de leden van de VVD-fractie

De leden van de VVD-fractie vragen naar de Raad. Wat is de inzet?

Vragen en opmerkingen van de leden van de SP-fractie

De leden van de SP-fractie vragen naar Oekraïne. Hoe staat het ervoor?

II Reactie van de bewindspersoon

Vragen en opmerkingen van de leden van de VVD-fractie

De leden van de VVD-fractie vragen naar de Raad. Wat is de inzet?

Het kabinet zet in op eenheid.

Vragen en opmerkingen van de leden van de SP-fractie

De leden van de SP-fractie vragen naar Oekraïne. Hoe staat het ervoor?

De steun gaat door. Zie ook de Kamerbrief.
"""


def test_vso_with_separate_reply_section() -> None:
    doc = parse_text(VSO_SPLIT)
    assert doc.doc_type == "schriftelijk_overleg"
    assert [(it.number, it.party, it.answer) for it in doc.items] == [
        (1, "VVD", "Het kabinet zet in op eenheid."), (2, "SP", "De steun gaat door. Zie ook de Kamerbrief.")]
    assert doc.items[1].question == "De leden van de SP-fractie vragen naar Oekraïne. Hoe staat het ervoor?"
    assert doc.parties == ["VVD", "SP"]
    assert doc.date == "2023-07-12"


def test_kamervragen_numbering_slip() -> None:
    doc = parse_text("Vraag 1\nA?\nAntwoord 1\nJa.\nVraag 2\nB?\nAntwoord 3\nNee.\n")
    assert [(it.numbers, it.question, it.answer) for it in doc.items] == [([1], "A?", "Ja."), ([2], "B?", "Nee.")]
    assert any("Antwoord 3" in w for w in doc.warnings)


def test_lijst_with_labels() -> None:
    text = "LIJST VAN VRAGEN EN ANTWOORDEN\n1. Vraag: Wat kost het?\nAntwoord: Niets.\n2. Vraag: Wie betaalt?\nAntwoord: Het Rijk.\n"
    doc = parse_text(text)
    assert [(it.number, it.question, it.answer) for it in doc.items] == [
        (1, "Wat kost het?", "Niets."), (2, "Wie betaalt?", "Het Rijk.")]


def test_title_words_in_running_text_do_not_decide_the_type() -> None:
    text = ("Vraag 1\nKent u het verslag van een schriftelijk overleg over de lijst van vragen en antwoorden?\n"
            "Antwoord 1\nJa.\n")
    assert parse_text(text).doc_type == "kamervragen"
    assert parse_text("Nota naar aanleiding van het verslag\n\nDe leden van de SP-fractie vragen iets.\n\n"
                      "Het antwoord.\n").doc_type == "nota_naar_aanleiding_van_verslag"


def test_text_with_indented_paragraphs_is_not_paged_by_indents() -> None:
    lines = []
    for n in range(1, 11):
        lines += [f"Vraag {n}", f" Hoe staat het met punt {n}?", f"Antwoord {n}", f" Punt {n} is klaar."]
    doc = parse_text("\n".join(lines))
    assert doc.page_count == 1
    assert [it.answer for it in doc.items] == [f"Punt {n} is klaar." for n in range(1, 11)]
