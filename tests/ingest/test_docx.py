"""Ministry Word files answering Kamervragen, built by the tests: cover letter, notes, metadata, zip bombs."""

from __future__ import annotations

import time
import zipfile
from pathlib import Path

import pytest

from briefer.importer import import_file
from briefer.ingest import ArchiveTooLarge, parse_file
from tests.helpers.docxmaker import PAGE_BREAK, make_docx, table

COVER = [
    "> Retouradres Postbus 20011 2500 EA Den Haag",
    table([["Aan de Voorzitter van de Tweede Kamer"], ["der Staten-Generaal"], ["Postbus 20018"],
           ["2500 EA DEN HAAG"]]),
    table([["Datum", "3 oktober 2023"], ["Onderwerp", "Beantwoording Kamervragen van de leden Jansen, De Vries "
                                         "(SP) en Bakker (Volt) over stikstofruimte"]]),
    table([["Directie Natuur"], ["Ons kenmerk"], ["DGNV / 23456789"], ["Uw kenmerk"], ["2023Z15432"],
           ["Bijlage(n)"], ["1"]]),
    "Hierbij zend ik u de antwoorden op de vragen van de leden Jansen, De Vries (SP) en Bakker (Volt) over "
    "stikstofruimte (ingezonden 12 september 2023).",
    "De Minister van Landbouw, Natuur en Voedselkwaliteit,",
    "P.H.M. Adema",
    PAGE_BREAK,
    "Antwoorden van de minister van Landbouw, Natuur en Voedselkwaliteit op Kamervragen",
    "van de leden Jansen, De Vries (SP) en Bakker (Volt) over stikstofruimte.",
]

QA = [
    "Vraag 1",
    "Kent u het bericht “Boeren wachten op stikstofruimte” (NOS, 10 september 2023)1)?",
    "Antwoord op vraag 1",
    "Ja.{fn:NOS, 10 september 2023.}",
    "Vraag 2",
    "Hoe verhoudt dit zich tot de Wet natuurbescherming 2), in het bijzonder het beginsel (artikel 3) en de "
    "afspraken met de provincies (artikel 4)?",
    "Antwoord op vraag 2",
    "De wet geeft de provincies ruimte.{fn:Kamerstuk 35 334, nr. 2.} Daarover informeer ik uw Kamer.",
    "Vraag 3",
    "Wanneer komt er duidelijkheid?",
    "Vraag 4",
    "Kunt u deze vragen binnen drie weken beantwoorden?",
    "Antwoord op vragen 3 en 4",
    "Voor het eind van het jaar.{fn:Zie ook het antwoord op vraag 2.} Dat lukte helaas niet binnen drie weken.",
    "",
    "1) NOS, Boeren wachten op stikstofruimte, 10 september 2023.",
    "2) Staatsblad 2016, 34.",
]


def _doc(tmp_path: Path, body: list[object], **kw: object):  # type: ignore[no-untyped-def]
    return parse_file(make_docx(tmp_path / "antwoorden.docx", body, **kw))  # type: ignore[arg-type]


def test_ministry_answer_items_metadata_and_one_note_series(tmp_path: Path) -> None:
    doc = _doc(tmp_path, COVER + QA)
    assert doc.doc_type == "kamervragen" and doc.type_confidence >= 0.9
    assert [it.numbers for it in doc.items] == [[1], [2], [3, 4]]
    one, two, three = doc.items
    # typed notes and Word footnotes form one series in the order of their first reference
    assert one.question.endswith("(NOS, 10 september 2023)[^1]?")
    assert one.answer == "Ja.[^2]"
    assert "Wet natuurbescherming[^3], in het bijzonder het beginsel (artikel 3)" in two.question
    assert "(artikel 4)?" in two.question
    assert "ruimte.[^4] Daarover" in two.answer
    assert three.question == "Wanneer komt er duidelijkheid?\n\nKunt u deze vragen binnen drie weken beantwoorden?"
    assert three.answer.endswith("niet binnen drie weken.")  # the typed notes are not part of the answer
    assert [(f.number, f.text) for f in doc.footnotes] == [
        (1, "NOS, Boeren wachten op stikstofruimte, 10 september 2023."),
        (2, "NOS, 10 september 2023."),
        (3, "Staatsblad 2016, 34."),
        (4, "Kamerstuk 35 334, nr. 2."),
        (5, "Zie ook het antwoord op vraag 2."),
    ]
    # the cover letter: metadata, not an item
    assert doc.date == "2023-10-03"
    assert doc.kenmerk == "DGNV / 23456789"
    assert doc.tk_reference == "2023Z15432"
    assert doc.addressee == "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal"
    assert doc.signed_by == "De Minister van Landbouw, Natuur en Voedselkwaliteit, P.H.M. Adema"
    assert doc.answered_by == doc.signed_by
    assert [(p.name, p.party) for p in doc.asked_by or []] == [("Jansen", "SP"), ("De Vries", "SP"), ("Bakker", "Volt")]
    assert doc.parties == ["SP", "Volt"]
    assert doc.title == "stikstofruimte"
    assert not any("Adema" in it.question + it.answer or "Retouradres" in it.question for it in doc.items)
    assert doc.warnings == []


def test_cover_letter_in_the_first_page_header(tmp_path: Path) -> None:
    """The letterhead in header text boxes (stored twice, as Word does): read once, for metadata only."""
    header = ["> Retouradres Postbus 20301 2500 EH Den Haag", "De voorzitter van de Tweede Kamer",
              "der Staten-Generaal", "Postbus 20018", "Datum", "25 juli 2024", "Betreft",
              "Beantwoording Kamervragen van het lid Mutsaers (PVV) over de politiepost", "Ons kenmerk"]
    body = ["In antwoord op uw brief van 5 juli 2024, nr. 2024Z11111, deel ik u mede dat de vragen worden "
            "beantwoord zoals aangegeven in de bijlage van deze brief.",
            "De Minister van Justitie en Veiligheid,", "D.M. van Weel", PAGE_BREAK, *QA[:4]]
    doc = _doc(tmp_path, body, header=header, footer=["Pagina 1 van 3"])
    assert doc.date == "2024-07-25" and doc.tk_reference == "2024Z11111"
    assert doc.kenmerk is None  # "Ons kenmerk" without a value: never the next label's text
    assert doc.addressee == "De voorzitter van de Tweede Kamer der Staten-Generaal"
    assert [(p.name, p.party) for p in doc.asked_by or []] == [("Mutsaers", "PVV")]
    assert [it.numbers for it in doc.items] == [[1]]
    assert "Pagina" not in doc.items[0].answer and "Retouradres" not in doc.items[0].question


def test_bracketed_typed_notes(tmp_path: Path) -> None:
    body = [*COVER, "Vraag 1", "Klopt het bericht[1] over de stikstofbank?", "Antwoord op vraag 1",
            "Nee, zie de brief van 4 oktober[2].", "[1] De Telegraaf, 1 oktober 2023.", "[2] Kamerstuk 35 334, nr. 7."]
    doc = _doc(tmp_path, body)
    assert doc.items[0].question == "Klopt het bericht[^1] over de stikstofbank?"
    assert doc.items[0].answer == "Nee, zie de brief van 4 oktober[^2]."
    assert [f.text for f in doc.footnotes] == ["De Telegraaf, 1 oktober 2023.", "Kamerstuk 35 334, nr. 7."]


def test_a_numbered_list_closing_the_last_answer_stays_text(tmp_path: Path) -> None:
    body = [*COVER, "Vraag 1", "Welke stappen zet u?", "Antwoord op vraag 1", "Ik zet twee stappen:",
            "1) de vergunningen worden herzien;", "2) de provincies krijgen geld."]
    doc = _doc(tmp_path, body)
    assert doc.footnotes == []
    assert doc.items[0].answer.endswith("1) de vergunningen worden herzien;\n\n2) de provincies krijgen geld.")


def test_signature_after_the_last_answer_is_left_out(tmp_path: Path) -> None:
    body = ["Antwoorden op Kamervragen van het lid Jansen (SP) over stikstofruimte.", *QA[:4],
            "De Minister van Landbouw, Natuur en Voedselkwaliteit,", "P.H.M. Adema"]
    doc = _doc(tmp_path, body)
    assert doc.items[0].answer == "Ja.[^1]"
    assert doc.signed_by is None or "Adema" in doc.signed_by


def _bomb(path: Path, *, entries: int = 0, zeros_mb: int = 0) -> Path:
    make_docx(path, ["Vraag 1", "Klopt het?", "Antwoord 1", "Ja."])
    with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED, compresslevel=1) as z:
        for i in range(entries):
            z.writestr(f"word/media/leeg{i}.bin", b"")
        if zeros_mb:
            with z.open("word/media/nullen.bin", "w", force_zip64=True) as f:
                block = bytes(1024 * 1024)
                for _ in range(zeros_mb):
                    f.write(block)
    return path


@pytest.mark.parametrize("kind", ["entries", "size"])
def test_zip_bomb_is_refused_at_once_and_nothing_is_stored(kind: str, tmp_path: Path, store) -> None:  # type: ignore[no-untyped-def]
    path = _bomb(tmp_path / "bom.docx", entries=6000) if kind == "entries" else \
        _bomb(tmp_path / "bom.docx", zeros_mb=450)
    assert path.stat().st_size < 3 * 1024 * 1024  # small on disk, absurd unpacked
    before = store.db.conn.execute("SELECT count(*) FROM documents").fetchone()[0]
    started = time.perf_counter()
    with pytest.raises(ArchiveTooLarge) as err:
        import_file(store, path)
    assert time.perf_counter() - started < 1.0
    message = str(err.value)
    assert "bom.docx" in message and "geweigerd" in message and "\n" not in message
    assert store.db.conn.execute("SELECT count(*) FROM documents").fetchone()[0] == before


def test_cli_refuses_a_zip_bomb_in_one_dutch_line(tmp_path: Path) -> None:
    import subprocess
    import sys

    path = _bomb(tmp_path / "bom.docx", entries=6000)
    proc = subprocess.run([sys.executable, "-m", "briefer", "import", str(path), "--db", str(tmp_path / "b.db")],
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 1
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("briefer: bom.docx wordt geweigerd")


def test_ministry_letter_as_a_word_file(tmp_path: Path) -> None:
    body = [
        table([["Aan de Voorzitter van de Tweede Kamer"], ["der Staten-Generaal"], ["Postbus 20018"]]),
        table([["Datum", "12 februari 2025"], ["Betreft", "Voortgang stikstofaanpak"]]),
        table([["Ons kenmerk"], ["LNV / 99887766"]]),
        "Geachte voorzitter,",
        "Hierbij informeer ik u over de voortgang van de stikstofaanpak.{fn:Kamerstuk 35 334, nr. 300.}",
        "Gebiedsprogramma's",
        "De provincies hebben hun gebiedsprogramma's ingediend. Ik beoordeel ze voor de zomer.",
        "Vervolg",
        "Ik informeer uw Kamer in het najaar opnieuw.",
        "Hoogachtend,",
        "De minister van Landbouw, Visserij, Voedselzekerheid en Natuur,",
        "F.M. Wiersma",
    ]
    doc = _doc(tmp_path, body)
    assert doc.doc_type == "brief"
    assert (doc.date, doc.kenmerk, doc.title) == ("2025-02-12", "LNV / 99887766", "Voortgang stikstofaanpak")
    assert doc.signed_by == "De minister van Landbouw, Visserij, Voedselzekerheid en Natuur, F.M. Wiersma"
    assert [(it.heading, it.answer) for it in doc.items] == [
        (None, "Hierbij informeer ik u over de voortgang van de stikstofaanpak.[^1]"),
        ("Gebiedsprogramma's", "De provincies hebben hun gebiedsprogramma's ingediend. Ik beoordeel ze voor de zomer."),
        ("Vervolg", "Ik informeer uw Kamer in het najaar opnieuw."),
    ]
    assert doc.footnotes[0].text == "Kamerstuk 35 334, nr. 300."


def test_metadata_is_stored_and_searchable(tmp_path: Path, store) -> None:  # type: ignore[no-untyped-def]
    path = make_docx(tmp_path / "antwoorden.docx", COVER + QA)
    result = import_file(store, path)
    doc = store.document(result.document.id)
    assert (doc.date, doc.kenmerk, doc.tk_reference) == ("2023-10-03", "DGNV / 23456789", "2023Z15432")
    assert doc.addressee == "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal"
    assert doc.signed_by == "De Minister van Landbouw, Natuur en Voedselkwaliteit, P.H.M. Adema"
    assert doc.type_confidence and doc.type_confidence >= 0.9 and not doc.type_chosen
    assert [(p.name, p.party) for p in doc.asked_by or []] == [("Jansen", "SP"), ("De Vries", "SP"), ("Bakker", "Volt")]
    assert {h.document_id for h in store.search("2023Z15432")} == {doc.id}
    assert [f.text for f in store.footnotes(doc.id)][:2] == ["NOS, Boeren wachten op stikstofruimte, 10 september 2023.",
                                                            "NOS, 10 september 2023."]


def test_cover_letter_after_the_answers_is_no_part_of_the_last_answer(tmp_path: Path) -> None:
    body = ["Antwoorden van de minister van Landbouw op Kamervragen van het lid Jansen (SP) over stikstofruimte.",
            *QA[:4], PAGE_BREAK, *COVER[:-2]]
    doc = _doc(tmp_path, body)
    assert doc.items[-1].answer == "Ja.[^1]"
    assert (doc.date, doc.kenmerk) == ("2023-10-03", "DGNV / 23456789")
    assert doc.signed_by == "De Minister van Landbouw, Natuur en Voedselkwaliteit, P.H.M. Adema"
