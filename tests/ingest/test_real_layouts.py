"""Layouts seen in real published documents (officielebekendmakingen, tweedekamer.nl), rebuilt with
synthetic text: lijsten without answer labels, "Vraag N" without "Antwoord", older Kamervragen,
mededelingen, memorie van antwoord, nota part headings, kst identifiers of every shape."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from briefer.ingest import parse_file, parse_text


def _blank_lines(text: str) -> str:
    """One paragraph per line, as a plain-text export gives it."""
    return "\n\n".join(text.strip().splitlines()) + "\n"


LIJST_VRAAG_ONLY = """Tweede Kamer der Staten-Generaal 2
Vergaderjaar 2021–2022
36 100 Financieel jaarverslag van het Rijk 2021
Nr. 4 LIJST VAN VRAGEN EN ANTWOORDEN
Vastgesteld 9 juni 2022
De commissie heeft een aantal vragen voorgelegd over het rapport over de rijksrekening.
De voorzitter van de commissie, Jansen
Vraag 1
Waarom telt de rekenkamer de bijlagen niet mee in het oordeel over de
rijksrekening?
De wet schrijft voor welke onderdelen meetellen. De bijlagen horen daar niet bij.
Vraag 2
Deelt u de zorg over de overschrijding? Zo nee,
waarom niet?
Die zorg delen wij. De overschrijding is nu drie jaar op rij te groot.
Vraag 3: Hoe vaak is dit eerder gebeurd?
Twee keer, in 2015 en in 2018.
Tweede Kamer, vergaderjaar 2021–2022, 36 100, nr. 4 1
"""


def test_lijst_with_vraag_headings_but_no_answer_labels() -> None:
    doc = parse_text(LIJST_VRAAG_ONLY)
    assert doc.doc_type == "vragen_en_antwoorden"
    assert [it.number for it in doc.items] == [1, 2, 3]
    assert doc.items[0].question.endswith("rijksrekening?")
    assert doc.items[0].answer.startswith("De wet schrijft")
    assert doc.items[1].question == "Deelt u de zorg over de overschrijding? Zo nee, waarom niet?"
    assert doc.items[1].answer.startswith("Die zorg delen wij.")
    assert doc.items[2].question == "Hoe vaak is dit eerder gebeurd?"
    assert doc.items[2].answer == "Twee keer, in 2015 en in 2018."
    assert doc.identifier == "kst-36100-4" and doc.kamerstuk == "36 100, nr. 4"


LIJST_NUMBER_ALONE = """Tweede Kamer der Staten-Generaal 2
Vergaderjaar 2022–2023
36 360 VIII Jaarverslag en slotwet Ministerie van Onderwijs 2022
Nr. 8 LIJST VAN VRAGEN EN ANTWOORDEN
Vastgesteld 9 juni 2023
De voorzitter van de commissie, De Boer
De adjunct-griffier van de commissie, Smit
1
Welk vervolg krijgen de bevindingen over de risicoanalyse van drie regelingen?
De aanpak wordt in 2023 voortgezet.
2
Wat doet u met de bevinding over het vaststellen van subsidies? Deelt u deze zorg?
We passen de werkwijze aan.
3
Hoeveel scholen kregen subsidie?
Antwoord:
In 2022 kregen 1.200 scholen subsidie.
Tweede Kamer, vergaderjaar 2022–2023, 36 360 VIII, nr. 8 1
"""


@pytest.mark.parametrize("blank", [False, True])
def test_lijst_with_numbers_alone_and_a_dossier_line_above(blank: bool) -> None:
    text = _blank_lines(LIJST_NUMBER_ALONE) if blank else LIJST_NUMBER_ALONE
    doc = parse_text(text)
    assert [it.number for it in doc.items] == [1, 2, 3]  # "36 360 VIII ..." is not question 36
    assert doc.items[0].answer == "De aanpak wordt in 2023 voortgezet."
    assert doc.items[1].question.endswith("Deelt u deze zorg?")
    assert doc.items[2].answer == "In 2022 kregen 1.200 scholen subsidie."
    assert doc.identifier == "kst-36360-VIII-8"


KAMERVRAGEN_OLD = """Vragen van het lid Jansen (SP) aan de minister van Verkeer over files bij de afrit (ingezonden 3 maart 2009).
1
Bent u bekend met de files bij afrit 17?
2
Deelt u de mening dat dit gevaarlijk is? Zo nee, waarom niet?
Antwoord van minister Peters (Verkeer) (ontvangen 20 maart 2009)
1
Ik ken de files op de rondweg.
2
Ik deel die mening niet. Zie ook het antwoord op vraag 1.
Tweede Kamer, vergaderjaar 2008–2009, Aanhangsel 1
"""


def test_older_kamervragen_without_aanhangsel_heading() -> None:
    doc = parse_text(_blank_lines(KAMERVRAGEN_OLD), source="ah-tk-20082009-1234")
    assert doc.doc_type == "kamervragen"
    assert [(it.number, it.question, it.answer) for it in doc.items] == [
        (1, "Bent u bekend met de files bij afrit 17?", "Ik ken de files op de rondweg."),
        (2, "Deelt u de mening dat dit gevaarlijk is? Zo nee, waarom niet?",
         "Ik deel die mening niet. Zie ook het antwoord op vraag 1."),
    ]
    assert doc.items[1].refers_to == [1]
    assert doc.answered_by == "minister Peters (Verkeer)" and doc.date_received == "2009-03-20"
    assert doc.identifier == "ah-tk-20082009-1234" and doc.vergaderjaar == "2008–2009"


MEDEDELING = """Vragen van het lid Pieters (CDA) aan de Minister van Financiën over de rente op spaargeld (ingezonden 1 maart 2023).
Mededeling van Minister Smit (Financiën) (ontvangen 22 maart 2023)
De vragen van het lid Pieters kunnen niet binnen de gebruikelijke termijn worden beantwoord, omdat afstemming nodig is.
Tweede Kamer, vergaderjaar 2022–2023, Aanhangsel 2001
"""


def test_mededeling_instead_of_answers() -> None:
    doc = parse_text(_blank_lines(MEDEDELING))
    assert doc.doc_type == "kamervragen"
    assert len(doc.items) == 1 and doc.items[0].answer.startswith("De vragen van het lid Pieters kunnen niet")
    assert any("mededeling" in w for w in doc.warnings)
    assert doc.answered_by == "Minister Smit (Financiën)" and doc.date_received == "2023-03-22"


KAMERVRAGEN_LABELS = """Vragen van de leden De Vries (VVD) en Bakker (CDA) aan de Minister van Landbouw over mest (ingezonden 2 mei 2024).
Antwoord van Minister Jansen (Landbouw) (ontvangen 30 mei 2024).
Vraag 1
Bent u bekend met het bericht?
Antwoord vraag 1
Ja.
Vraag 2, 3 en 4
Hoeveel boeren zijn getroffen? Waar? Wat gaat u doen?
Antwoord op vraag 2, 3 en 4
Ongeveer 3.000, vooral in het oosten. Ik werk aan een regeling.
Vraag 5
Kunt u deze vragen voor het debat beantwoorden?
Antwoord 5
Zie het antwoord op vraag 2, 3 en 4.
"""


def test_kamervragen_answer_labels_without_op() -> None:
    doc = parse_text(KAMERVRAGEN_LABELS)
    assert doc.doc_type == "kamervragen"
    assert [(it.number, it.numbers, it.answer) for it in doc.items] == [
        (1, [1], "Ja."),
        (2, [2, 3, 4], "Ongeveer 3.000, vooral in het oosten. Ik werk aan een regeling."),
        (5, [5], "Zie het antwoord op vraag 2, 3 en 4."),
    ]
    assert doc.items[2].refers_to == [2, 3, 4]
    assert [(p.name, p.party) for p in doc.asked_by or []] == [("De Vries", "VVD"), ("Bakker", "CDA")]


NOTA_PARTS = """36 400 Wijziging van de Wet op de zorgtoeslag
Nr. 6 NOTA NAAR AANLEIDING VAN HET VERSLAG
Ontvangen 12 maart 2024
De regering dankt de leden voor hun inbreng.
ALGEMEEN
1. Inleiding
De leden van de VVD-fractie vragen hoeveel huishoudens erop vooruitgaan.
Naar schatting 400.000 huishoudens.
2. Financiële gevolgen
De genoemde leden vragen naar de kosten voor de uitvoering.
De uitvoeringskosten zijn eenmalig 2 miljoen euro.
ARTIKELSGEWIJS
Artikel I, onderdeel A
De leden van de SP-fractie vragen waarom de grens niet meebeweegt.
De grens beweegt mee via de bestaande systematiek.
De Minister van Volksgezondheid, Welzijn en Sport,
Jansen
Tweede Kamer, vergaderjaar 2023–2024, 36 400, nr. 6 1
"""


def test_nota_part_and_article_headings_and_signature() -> None:
    doc = parse_text(_blank_lines(NOTA_PARTS))
    assert doc.doc_type == "nota_naar_aanleiding_van_verslag"
    assert [(it.party, it.heading) for it in doc.items] == [
        ("VVD", "1. Inleiding"), ("VVD", "2. Financiële gevolgen"), ("SP", "Artikel I, onderdeel A")]
    assert doc.items[1].answer == "De uitvoeringskosten zijn eenmalig 2 miljoen euro."  # no "ARTIKELSGEWIJS"
    assert doc.items[2].answer == "De grens beweegt mee via de bestaande systematiek."  # no signature


MEMORIE = """Eerste Kamer der Staten-Generaal 1
Vergaderjaar 2018–2019
35 010 Wijziging van de Wet op het kindgebonden budget
C MEMORIE VAN ANTWOORD
Ontvangen 26 april 2019
Inleiding
De regering heeft met belangstelling kennisgenomen van de vragen.
Voorgestelde regeling
De leden van de VVD-fractie constateren een verschil tussen ouders. De leden van deze fractie vragen om een onderbouwing.
Het verschil is bewust gekozen.
De leden van de SP-fractie vragen wie het meest vooruitgaat.
Vooral middeninkomens.
Eerste Kamer, vergaderjaar 2018–2019, 35 010, C 1
"""


def test_eerste_kamer_memorie_van_antwoord_reads_like_a_nota() -> None:
    doc = parse_text(_blank_lines(MEMORIE))
    assert doc.doc_type == "nota_naar_aanleiding_van_verslag"
    assert [(it.party, it.heading, it.answer) for it in doc.items] == [
        ("VVD", "Voorgestelde regeling", "Het verschil is bewust gekozen."),
        ("SP", "Voorgestelde regeling", "Vooral middeninkomens."),
    ]
    assert doc.identifier == "kst-35010-C" and doc.kamerstuk == "35 010, C" and doc.vergaderjaar == "2018–2019"


@pytest.mark.parametrize(("footer", "identifier", "kamerstuk"), [
    ("Tweede Kamer, vergaderjaar 2009–2010, 21 501-31, nr. 207", "kst-21501-31-207", "21 501-31, nr. 207"),
    ("Tweede Kamer, vergaderjaar 2022–2023, 36 360 VIII, nr. 8", "kst-36360-VIII-8", "36 360 VIII, nr. 8"),
    ("Eerste Kamer, vergaderjaar 2018–2019, 33 506, AB", "kst-33506-AB", "33 506, AB"),
    ("Tweede Kamer, vergaderjaar 2023–2024, 36 410 A, nr. 5", "kst-36410-A-5", "36 410 A, nr. 5"),
])
def test_identifier_built_from_every_footer_shape(footer: str, identifier: str, kamerstuk: str) -> None:
    doc = parse_text(f"Een alinea zonder vragen.\n\nNog een alinea.\n{footer} 1\n")
    assert (doc.identifier, doc.kamerstuk) == (identifier, kamerstuk)


def test_printed_eerste_kamer_identifier_is_read_and_not_body_text() -> None:
    doc = parse_text("kst-35261-B\nEen alinea.\n\nEerste Kamer, vergaderjaar 2021–2022, 35 261, B 1\n")
    assert doc.identifier == "kst-35261-B"
    assert all("kst-35261-B" not in it.answer for it in doc.items)


VSO_OLD = """21 501-31 Raad voor Werkgelegenheid en Volksgezondheid
Nr. 207 VERSLAG VAN EEN SCHRIFTELIJK OVERLEG
Vastgesteld 16 april 2010
De vragen en opmerkingen zijn met de antwoorden hieronder afgedrukt.
I. VRAGEN EN OPMERKINGEN VANUIT DE FRACTIES
Vragen en opmerkingen van de CDA-fractie
De leden van de CDA-fractie willen weten of culturele factoren meetellen. Kan de minister dat toezeggen?
Vragen en opmerkingen van de PvdA-fractie
De leden van de PvdA-fractie vragen of doping wordt besproken.
II. REACTIE VAN DE MINISTER
Reactie op de vragen van de CDA-fractie
De leden van de CDA-fractie willen weten of culturele factoren meetellen. Kan de minister dat toezeggen?
Ik zeg toe dat ik mij daarvoor inzet.
Reactie op de vragen en opmerkingen van de leden van de PvdA-fractie
De leden van de PvdA-fractie vragen of doping wordt besproken.
Doping staat op de agenda.
Tweede Kamer, vergaderjaar 2009–2010, 21 501-31, nr. 207 1
"""


@pytest.mark.parametrize("numerals", [True, False])
def test_older_vso_reply_section_with_reply_headings_per_fractie(numerals: bool) -> None:
    text = VSO_OLD if numerals else VSO_OLD.replace("II. REACTIE", "REACTIE").replace("I. VRAGEN", "VRAGEN")
    doc = parse_text(_blank_lines(text))
    assert doc.doc_type == "schriftelijk_overleg"
    assert [(it.party, it.answer) for it in doc.items] == [
        ("CDA", "Ik zeg toe dat ik mij daarvoor inzet."), ("PvdA", "Doping staat op de agenda.")]
    assert doc.parties == ["CDA", "PvdA"]


EK_VSO = """25 295 Infectieziektenbestrijding
BM VERSLAG VAN EEN SCHRIFTELIJK OVERLEG
Vastgesteld 31 januari 2023
De fractieleden van de PVV en de PvdD hebben een aantal vragen over de brief van de minister van 4 november.
De griffier voor dit verslag, De Boer
BRIEF VAN DE VOORZITTER VAN DE VASTE COMMISSIE VOOR VOLKSGEZONDHEID
Aan de Minister van Volksgezondheid
Den Haag, 9 december 2022
Vragen en opmerkingen van de fractieleden van de PVV
In uw brief staat een lijst van ernstige ziekten. Wordt die lijst aangepast?
Vragen en opmerkingen van de fractieleden van de PvdD
Deze leden vragen hoe dierziekten worden meegenomen.
BRIEF VAN DE MINISTER VAN VOLKSGEZONDHEID
Aan de Voorzitter van de Eerste Kamer
Den Haag, 30 januari 2023
Vragen en opmerkingen van de fractieleden van de PVV
In uw brief staat een lijst van ernstige ziekten. Wordt die lijst aangepast?
De lijst wordt dit jaar herzien.
Vragen en opmerkingen van de fractieleden van de PvdD
Deze leden vragen hoe dierziekten worden meegenomen.
Dierziekten zijn een vast onderdeel van het programma.
De Minister van Volksgezondheid,
Jansen
Eerste Kamer, vergaderjaar 2022–2023, 25 295, BM 1
"""


def test_eerste_kamer_vso_in_two_letters() -> None:
    doc = parse_text(_blank_lines(EK_VSO))
    assert doc.doc_type == "schriftelijk_overleg"
    assert [(it.party, it.heading, it.answer) for it in doc.items] == [
        ("PVV", None, "De lijst wordt dit jaar herzien."),
        ("PvdD", None, "Dierziekten zijn een vast onderdeel van het programma."),
    ]
    assert doc.items[0].question.endswith("Wordt die lijst aangepast?")  # a question without "De leden"
    assert doc.identifier == "kst-25295-BM" and doc.kamerstuk == "25 295, BM"


VSO_BARE_PARTY = """VERSLAG VAN EEN SCHRIFTELIJK OVERLEG
VVD-fractie
De leden van de VVD-fractie vragen naar de planning. Wanneer is het plan klaar?
Reactie van de minister
Het plan is in juni klaar.
Fractie van de SGP
Deze leden vragen of de regio wordt betrokken.
Reactie van de minister
De regio schrijft mee aan het plan.
"""


def test_vso_with_bare_fractie_headings_and_unnumbered_replies() -> None:
    doc = parse_text(_blank_lines(VSO_BARE_PARTY))
    assert [(it.number, it.party, it.answer) for it in doc.items] == [
        (1, "VVD", "Het plan is in juni klaar."), (2, "SGP", "De regio schrijft mee aan het plan.")]


KAMERVRAGEN_NUMBERED_LABELS = """Tweede Kamer der Staten-Generaal 2
Vergaderjaar 2010–2011 Aanhangsel van de Handelingen
Vragen gesteld door de leden der Kamer, met de daarop door de regering gegeven antwoorden
1234
Vragen van het lid Smit (PvdA) aan de minister van Onderwijs over het lerarentekort (ingezonden 3 maart 2011).
Antwoord van minister Van Dam (Onderwijs) (ontvangen 25 maart 2011)
1
Kent u het bericht over het tekort in de regio?
Antwoord
Ja.
2
Hoeveel vacatures staan open? Kunt u dit per provincie uitsplitsen?
Antwoord
Er staan 1.200 vacatures open.
3
Wat gaat u doen?
Antwoord
Zie het antwoord op vraag 2.
Tweede Kamer, vergaderjaar 2010–2011, Aanhangsel 1
"""


def test_kamervragen_numbered_with_bare_answer_labels() -> None:
    doc = parse_text(KAMERVRAGEN_NUMBERED_LABELS)
    assert doc.doc_type == "kamervragen"
    assert [(it.number, it.answer) for it in doc.items] == [
        (1, "Ja."), (2, "Er staan 1.200 vacatures open."), (3, "Zie het antwoord op vraag 2.")]
    assert doc.items[1].question == "Hoeveel vacatures staan open? Kunt u dit per provincie uitsplitsen?"
    assert doc.items[2].refers_to == [2]
    assert doc.answered_by == "minister Van Dam (Onderwijs)" and doc.title == "het lerarentekort"


@pytest.mark.parametrize(("footer", "kamerstuk", "identifier"), [
    ("Tweede Kamer, vergaderjaar 2022–2023, 30 821 en 21 501-02, nr. 181", "30 821 en 21 501-02, nr. 181",
     "kst-30821-181"),
    ("Tweede Kamer, vergaderjaar 2022–2023, 36 045, 21 501-20, nr. 5", "36 045, 21 501-20, nr. 5", "kst-36045-5"),
])
def test_kamerstuk_on_several_dossiers_keeps_the_footer_separators(footer: str, kamerstuk: str,
                                                                    identifier: str) -> None:
    doc = parse_text(f"Een alinea.\n\nNog een.\n{footer} 1\n")
    assert (doc.kamerstuk, doc.identifier) == (kamerstuk, identifier)


KAMERVRAGEN_ONE_LABEL_MISSING = """Vragen van het lid Jansen (SP) aan de minister over de dijken (ingezonden 3 maart 2024).
Antwoord van minister Peters (ontvangen 20 maart 2024).
Vraag 1
Kent u het bericht over de dijken?
Antwoord 1
Ja.
Vraag 2
Hoeveel dijken zijn afgekeurd?
Er zijn twaalf dijken afgekeurd.
Vraag 3
Wanneer worden ze hersteld?
Vraag 4
Wat kost dat?
Antwoord 3 en 4
Herstel volgt in 2026 en kost 40 miljoen euro.
"""


def test_kamervragen_answer_without_its_label_between_labelled_ones() -> None:
    doc = parse_text(KAMERVRAGEN_ONE_LABEL_MISSING)
    assert [(it.number, it.numbers, it.answer) for it in doc.items] == [
        (1, [1], "Ja."), (2, [2], "Er zijn twaalf dijken afgekeurd."),
        (3, [3, 4], "Herstel volgt in 2026 en kost 40 miljoen euro.")]
    assert doc.items[1].question == "Hoeveel dijken zijn afgekeurd?"
    assert not any("geen antwoord" in w for w in doc.warnings)


LIJST_LIST_IN_ANSWER = """LIJST VAN VRAGEN EN ANTWOORDEN
1
Welke munitie wordt besteld?
Er worden drie soorten besteld:
1. granaten;
2. raketten;
3. patronen.
2
Wanneer wordt geleverd?
In 2025.
3
Wat kost het?
Zie het antwoord op vraag 1.
"""


@pytest.mark.parametrize("blank", [False, True])
def test_unlabelled_lijst_keeps_a_numbered_list_inside_an_answer(blank: bool) -> None:
    doc = parse_text(_blank_lines(LIJST_LIST_IN_ANSWER) if blank else LIJST_LIST_IN_ANSWER)
    assert [it.number for it in doc.items] == [1, 2, 3]
    assert "2. raketten" in doc.items[0].answer and doc.items[0].answer.endswith("3. patronen.")
    assert doc.items[1].answer == "In 2025." and doc.items[2].refers_to == [1]


def test_vso_reply_headings_without_van() -> None:
    text = """VERSLAG VAN EEN SCHRIFTELIJK OVERLEG
Vragen en opmerkingen van de leden van de D66-fractie
De leden van de D66-fractie vragen wanneer de evaluatie komt.
Reactie kabinet
De evaluatie komt in het voorjaar.
De leden van de D66-fractie vragen of de regio meepraat.
Reactie kabinet: Ja, de regio zit aan tafel.
"""
    doc = parse_text(_blank_lines(text))
    assert [(it.number, it.party, it.answer) for it in doc.items] == [
        (1, "D66", "De evaluatie komt in het voorjaar."), (2, "D66", "Ja, de regio zit aan tafel.")]


NOTA_LABELS = """NOTA NAAR AANLEIDING VAN HET VERSLAG
De regering dankt de leden voor hun inbreng.
1. Inleiding
Vragen en opmerkingen van de leden van de VVD-fractie
Vraag {a}
De leden van de VVD-fractie vragen naar de kosten.
Antwoord
De kosten zijn laag.
Vraag {b}
Deze leden vragen ook naar de planning.
Antwoord
De wet gaat in 2026 in.
Vragen en opmerkingen van de leden van de SP-fractie
Vraag {c}
Wie voert het uit?
Antwoord
Dat doet de RVO.
"""


@pytest.mark.parametrize(("title", "kind"), [
    ("NOTA NAAR AANLEIDING VAN HET VERSLAG", "nota_naar_aanleiding_van_verslag"),
    ("VERSLAG VAN EEN SCHRIFTELIJK OVERLEG", "schriftelijk_overleg"),
])
@pytest.mark.parametrize(("printed", "numbers"), [((1, 2, 1), [1, 2, 3]), ((4, 5, 6), [4, 5, 6])])
def test_vraag_and_antwoord_labels_in_nota_and_vso(printed: tuple[int, int, int], numbers: list[int],
                                                   title: str, kind: str) -> None:
    """Numbering that restarts per fractie is replaced by running numbers; unique numbers are kept."""
    a, b, c = printed
    text = NOTA_LABELS.format(a=a, b=b, c=c).replace("NOTA NAAR AANLEIDING VAN HET VERSLAG", title)
    doc = parse_text(_blank_lines(text))
    assert doc.doc_type == kind
    assert [(it.number, it.party, it.answer) for it in doc.items] == [
        (numbers[0], "VVD", "De kosten zijn laag."), (numbers[1], "VVD", "De wet gaat in 2026 in."),
        (numbers[2], "SP", "Dat doet de RVO.")]
    assert doc.items[2].question == "Wie voert het uit?"


@pytest.mark.parametrize("page_space", [True, False])
def test_text_lijst_question_number_right_after_a_footer_is_not_a_folio(page_space: bool) -> None:
    """The footer carries its own page number, so a bare number below it is a question number."""
    parts = ["LIJST VAN VRAGEN EN ANTWOORDEN"]
    for i in range(1, 41):
        parts += [str(i), f"Hoeveel kost onderdeel {i} in het jaar {2000 + i} en wie",
                  "betaalt dat? Zo nee, waarom niet?", f"Onderdeel {i} kost {i} miljoen euro. Het Rijk",
                  "betaalt dat volledig."]
    out, page = [], 1
    for k, part in enumerate(parts):
        if k and k % 23 == 0:  # pages end at varying points: before a number, inside a question, ...
            out.append(f"Tweede Kamer, vergaderjaar 2022–2023, 36 360 VIII, nr. 8 {page}")
            page += 1
            part = (" " + part) if page_space else part
        out.append(part)
    doc = parse_text("\n".join(out))
    assert [it.number for it in doc.items] == list(range(1, 41))
    for it in doc.items:
        assert it.question == f"Hoeveel kost onderdeel {it.number} in het jaar {2000 + it.number} en wie betaalt dat? " \
            "Zo nee, waarom niet?"
        assert it.answer == f"Onderdeel {it.number} kost {it.number} miljoen euro. Het Rijk betaalt dat volledig."


def test_docx_lijst_numbered_by_word_keeps_its_question_numbers(tmp_path: Path) -> None:
    """Word draws list numbers itself; they are not in the paragraph text. Bullets get no number."""
    d = docx.Document()
    d.add_paragraph("LIJST VAN VRAGEN EN ANTWOORDEN")
    for i in range(1, 4):
        d.add_paragraph(f"Hoeveel kost onderdeel {i}?", style="List Number")
        d.add_paragraph(f"Onderdeel {i} kost {i} miljoen.")
        d.add_paragraph("een punt van een opsomming", style="List Bullet")
    path = tmp_path / "lijst.docx"
    d.save(str(path))
    doc = parse_file(path)
    assert [(it.number, it.question) for it in doc.items] == [
        (1, "Hoeveel kost onderdeel 1?"), (2, "Hoeveel kost onderdeel 2?"), (3, "Hoeveel kost onderdeel 3?")]
    assert doc.items[0].answer == "Onderdeel 1 kost 1 miljoen.\n\neen punt van een opsomming"


def test_mededeling_followed_by_the_printed_questions() -> None:
    text = """Vragen van het lid Pieters (CDA) aan de Minister van Financiën over spaargeld (ingezonden 1 maart 2023).
Mededeling van Minister Smit (Financiën) (ontvangen 22 maart 2023)
De vragen kunnen niet binnen de gebruikelijke termijn worden beantwoord.
Vraag 1
Kent u het bericht?
Vraag 2
Wat gaat u doen?
"""
    doc = parse_text(_blank_lines(text))
    assert doc.doc_type == "kamervragen" and len(doc.items) == 1
    item = doc.items[0]
    assert item.numbers == [1, 2] and item.question == "Kent u het bericht?\n\nWat gaat u doen?"
    assert item.answer == "De vragen kunnen niet binnen de gebruikelijke termijn worden beantwoord."
    assert any("mededeling" in w for w in doc.warnings)
