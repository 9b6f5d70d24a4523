"""A nota naar aanleiding van het verslag as printed: questions numbered in the margin ("1",
"5, 6 en 7", "Vraag 8"), "Antwoord" lines (not always), replies shared by several questions,
themes and fracties, the signature and a BIJLAGE after it. Built from the description in DOMAIN.md."""

from __future__ import annotations

from pathlib import Path

from briefer.ingest import parse_file, parse_text
from tests.helpers.pdfmaker import kamerstuk_document

Row = tuple[str, str, str | None]  # text, style, margin label

BODY: list[Row] = [
    ("De regering dankt de leden van de vaste commissie voor hun inbreng. Hieronder worden de vragen in de "
     "volgorde van het verslag beantwoord; de nummers in de kantlijn zijn die van het verslag.", "", None),
    ("1. Inleiding", "b", None),
    ("De leden van de VVD-fractie hebben kennisgenomen van het wetsvoorstel. Zij vragen hoeveel huishoudens "
     "er gebruik van zullen maken?", "i", "1"),
    ("Antwoord", "", None),
    ("De regering verwacht jaarlijks ongeveer 120.000 huishoudens.^1", "", None),
    ("De leden van de D66-fractie vragen waarom de regeling niet eerder is ingevoerd.", "i", "2"),
    ("Antwoord", "", None),
    ("De uitvoering was niet eerder gereed.", "", None),
    ("De Belastingdienst heeft zijn systemen in 2024 aangepast.", "", None),
    ("2. Doel van het wetsvoorstel", "b", None),
    ("De leden van de CDA-fractie vragen hoe gemeenten worden betrokken.", "i", "3"),
    ("Deze leden vragen ook of de VNG is geraadpleegd.", "i", "4"),
    ("Antwoord", "", None),
    ("Gemeenten zijn vanaf het begin betrokken; de VNG is in 2023 geraadpleegd.", "", None),
    ("De leden van de PVV-fractie vragen wat de regeling kost, wie haar betaalt en wanneer zij wordt "
     "geëvalueerd.", "i", "5, 6 en 7"),
    ("Antwoord", "", None),
    ("De regeling kost 40 miljoen euro per jaar, betaald uit de begroting van BZK; de evaluatie volgt na drie "
     "jaar.^2", "", None),
    ("De leden van de SP-fractie vragen of huurders erop vooruitgaan?", "i", "Vraag 8"),
    ("De regering verwacht dat de meeste huurders er niet op achteruitgaan.", "", None),
    ("ChristenUnie-fractie", "b", None),
    ("De leden van de ChristenUnie-fractie vragen naar de gevolgen voor gezinnen met kinderen.", "i", "9"),
    ("Antwoord", "", None),
    ("Gezinnen met kinderen krijgen een hogere bijdrage.", "", None),
    ("De Minister van Binnenlandse Zaken en Koninkrijksrelaties,", "", None),
    ("H.G.J. Bruins Slot", "", None),
    ("BIJLAGE", "b", None),
    ("Tabel 1. Verwachte aantallen huishoudens per jaar: 2025: 110.000; 2026: 120.000.", "", None),
]
NOTES = {1: "CBS, Statline, huishoudens 2023.", 2: "Kamerstuk 36 501, nr. 3, p. 4."}
EXPECTED = [
    ([1], "VVD", "1. Inleiding"), ([2], "D66", "1. Inleiding"), ([3, 4], "CDA", "2. Doel van het wetsvoorstel"),
    ([5, 6, 7], "PVV", "2. Doel van het wetsvoorstel"), ([8], "SP", "2. Doel van het wetsvoorstel"),
    ([9], "ChristenUnie", "2. Doel van het wetsvoorstel"),
]


def _check(doc, marks: bool = True) -> None:  # type: ignore[no-untyped-def]
    m1, m2 = ("[^1]", "[^2]") if marks else ("", "")
    assert doc.doc_type == "nota_naar_aanleiding_van_verslag"
    questions = [it for it in doc.items if not (it.heading or "").upper().startswith("BIJLAGE")]
    assert [(it.numbers, it.party, it.heading) for it in questions] == EXPECTED
    assert [it.number for it in questions] == [1, 2, 3, 5, 8, 9]
    one, two, three, five, eight, nine = questions
    assert one.question.startswith("De leden van de VVD-fractie hebben kennisgenomen")
    assert one.answer == f"De regering verwacht jaarlijks ongeveer 120.000 huishoudens.{m1}"
    assert two.answer == "De uitvoering was niet eerder gereed.\n\nDe Belastingdienst heeft zijn systemen in 2024 aangepast."
    assert three.question == ("De leden van de CDA-fractie vragen hoe gemeenten worden betrokken.\n\n"
                              "Deze leden vragen ook of de VNG is geraadpleegd.")
    assert three.answer.startswith("Gemeenten zijn vanaf het begin betrokken")
    assert five.answer.endswith(f"de evaluatie volgt na drie jaar.{m2}")
    assert eight.question == "De leden van de SP-fractie vragen of huurders erop vooruitgaan?"
    assert eight.answer == "De regering verwacht dat de meeste huurders er niet op achteruitgaan."
    assert nine.answer == "Gezinnen met kinderen krijgen een hogere bijdrage."  # no signature, no annex
    assert doc.parties == ["VVD", "D66", "CDA", "PVV", "SP", "ChristenUnie"]
    annex = [it for it in doc.items if (it.heading or "").upper().startswith("BIJLAGE")]
    assert annex and annex[0].answer.startswith("Tabel 1.") and annex[0].number == 10
    assert doc.signed_by == "De Minister van Binnenlandse Zaken en Koninkrijksrelaties, H.G.J. Bruins Slot"


def test_nota_print_with_margin_numbers(tmp_path: Path) -> None:
    pdf = kamerstuk_document(BODY, dossier="36 501", nr="7", kind="NOTA NAAR AANLEIDING VAN HET VERSLAG",
                             vastgesteld=None, intro=["Ontvangen 4 maart 2024"], notes=NOTES,
                             dossier_title="Wijziging van de Wet op de huurtoeslag")
    doc = parse_file(pdf.save(tmp_path / "kst-36501-7.pdf"))
    _check(doc)
    assert doc.date == "2024-03-04" and doc.kamerstuk == "36 501, nr. 7"
    assert [f.number for f in doc.footnotes] == [1, 2] and doc.warnings == []


def test_nota_as_text_with_margin_numbers_on_lines_of_their_own() -> None:
    parts = ["NOTA NAAR AANLEIDING VAN HET VERSLAG"]
    for text, _, label in BODY:
        if label:
            parts.append(label)
        parts.append(text.replace("^1", "").replace("^2", ""))
    doc = parse_text("\n\n".join(parts))
    _check(doc, marks=False)


def test_long_nota_numbers_run_past_a_hundred() -> None:
    parts = ["NOTA NAAR AANLEIDING VAN HET VERSLAG", "1. Algemeen"]
    for n in range(1, 131):
        parts += [str(n), f"De leden van de VVD-fractie vragen naar onderdeel {n} van het wetsvoorstel.", "Antwoord",
                  f"Onderdeel {n} treedt in 2026 in werking."]
    doc = parse_text("\n\n".join(parts))
    assert [it.number for it in doc.items] == list(range(1, 131))
    assert doc.items[-1].answer == "Onderdeel 130 treedt in 2026 in werking."


def test_nota_with_antwoord_lines_but_no_numbers() -> None:
    text = "\n\n".join([
        "NOTA NAAR AANLEIDING VAN HET VERSLAG",
        "1. Algemeen",
        "De leden van de VVD-fractie vragen hoeveel aanvragen er jaarlijks worden verwacht.",
        "Antwoord",
        "Naar verwachting zo'n 4.000 per jaar.",
        "Dat aantal is gebaseerd op de pilot.",
        "Deze leden vragen ook wie de aanvragen beoordeelt.",
        "Antwoord",
        "De RVO beoordeelt de aanvragen.",
        "De leden van de NSC-fractie vragen of er een hardheidsclausule komt.",
        "Antwoord",
        "Ja, artikel 12 bevat er een.",
    ])
    doc = parse_text(text)
    assert [(it.party, it.answer) for it in doc.items] == [
        ("VVD", "Naar verwachting zo'n 4.000 per jaar.\n\nDat aantal is gebaseerd op de pilot."),
        ("VVD", "De RVO beoordeelt de aanvragen."),
        ("NSC", "Ja, artikel 12 bevat er een."),
    ]
    assert not any("Antwoord" in it.question + it.answer for it in doc.items)


def test_small_margin_numbers_are_kept_and_follow_ups_keep_their_fractie(tmp_path: Path) -> None:
    """Margin numbers set smaller than the text are question numbers, not page furniture."""
    from tests.helpers.pdfmaker import PdfMaker

    pdf = PdfMaker()
    p = pdf.page()
    p.text(221, 800, "NOTA NAAR AANLEIDING VAN HET VERSLAG", size=9, style="b")
    rows = [("1", "De leden van de BBB-fractie vragen wat de regeling boeren oplevert?", "i"),
            (None, "De regeling levert boeren gemiddeld 3.000 euro per jaar op.", ""),
            ("2 en 3", "Deze leden vragen ook wanneer de regeling ingaat en wie haar uitvoert?", "i"),
            (None, "Zij gaat op 1 januari 2026 in; RVO voert haar uit.", ""),
            ("4", "De leden van de SGP-fractie vragen of de regeling wordt geëvalueerd?", "i"),
            (None, "De regeling wordt na drie jaar geëvalueerd.", "")]
    y = 770.0
    for label, text, style in rows:
        if label:
            p.text(60, y, label, size=7)
        p.text(221, y, text, size=9, style=style)
        y -= 24
    p.text(60, 40, "Tweede Kamer, vergaderjaar 2023–2024, 36 600, nr. 9", size=7)
    p.text(520, 40, "1", size=7)
    doc = parse_file(pdf.save(tmp_path / "nota.pdf"))
    assert [(it.numbers, it.party) for it in doc.items] == [([1], "BBB"), ([2, 3], "BBB"), ([4], "SGP")]
    assert doc.items[1].answer == "Zij gaat op 1 januari 2026 in; RVO voert haar uit."
