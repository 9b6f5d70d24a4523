"""Text files in every encoding a staffer's machine writes import alike (issue 11)."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefer.importer import import_file
from briefer.ingest import CorruptFile, EmptyFile, parse_file

TEXT = """Vragen van het lid Kostić (PvdD) aan de minister van Financiën over de “groene” euro (ingezonden 3 april 2024).
Antwoord van minister Heinen (Financiën) (ontvangen 2 mei 2024).

Vraag 1
Kent u het bericht «Één miljard € voor coöperaties»?

Antwoord 1
Ja. De reïntegratie kost € 5 miljoen.

Vraag 2
Wat vindt u daarvan?

Antwoord 2
Het kabinet beraadt zich; de Kamer wordt vóór de zomer geïnformeerd.
"""


def _expected() -> list[tuple[list[int], str, str]]:
    return [([1], "Kent u het bericht «Één miljard € voor coöperaties»?", "Ja. De reïntegratie kost € 5 miljoen."),
            ([2], "Wat vindt u daarvan?", "Het kabinet beraadt zich; de Kamer wordt vóór de zomer geïnformeerd.")]


@pytest.mark.parametrize("name, data", [
    ("utf-8", TEXT.encode("utf-8")),
    ("utf-8 met BOM", TEXT.encode("utf-8-sig")),
    ("utf-16 le met BOM", b"\xff\xfe" + TEXT.encode("utf-16-le")),
    ("utf-16 be met BOM", b"\xfe\xff" + TEXT.encode("utf-16-be")),
    ("utf-16 (Python, BOM)", TEXT.encode("utf-16")),
    ("utf-16 le zonder BOM", TEXT.encode("utf-16-le")),
    ("utf-32 met BOM", TEXT.encode("utf-32")),
    ("windows-1252", TEXT.replace("ć", "c").encode("cp1252")),
    ("windows line ends, utf-16", TEXT.replace("\n", "\r\n").encode("utf-16")),
])
def test_encodings_parse_alike(name: str, data: bytes, tmp_path: Path) -> None:
    path = tmp_path / "vragen.txt"
    path.write_bytes(data)
    doc = parse_file(path)
    assert doc.doc_type == "kamervragen", name
    assert [(it.numbers, it.question, it.answer) for it in doc.items] == _expected(), name
    assert doc.asked_by is not None and doc.asked_by[0].party == "PvdD"
    assert doc.date_received == "2024-05-02"
    assert "\ufeff" not in doc.items[0].question and "\x00" not in doc.items[0].answer


def test_cp1252_with_an_undefined_byte_still_reads(tmp_path: Path) -> None:
    path = tmp_path / "oud.txt"
    path.write_bytes(TEXT.replace("ć", "c").encode("cp1252").replace(b"Ja.", b"Ja\x81."))
    doc = parse_file(path)
    assert doc.items[0].answer.startswith("Ja") and "€ 5 miljoen" in doc.items[0].answer


def test_utf16_file_imports_into_the_store(store, tmp_path: Path) -> None:
    path = tmp_path / "vragen-utf16.txt"
    path.write_bytes(TEXT.encode("utf-16"))
    result = import_file(store, path)
    assert result.created and result.document.item_count == 2
    assert store.item_by_number(result.document.id, 1).question.startswith("Kent u het bericht «Één")
    assert store.search("cooperaties")  # diacritics folded, found


def test_binary_and_empty_text_files_are_refused(tmp_path: Path) -> None:
    png = tmp_path / "plaatje.txt"
    png.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    with pytest.raises(CorruptFile) as err:
        parse_file(png)
    assert "geen tekstbestand" in str(err.value) and "plaatje.txt" in str(err.value)
    nul = tmp_path / "nullen.txt"
    nul.write_bytes(b"\x00\x01\x02\x00\xff\x00" * 500)
    with pytest.raises(CorruptFile):
        parse_file(nul)
    bom_only = tmp_path / "leeg.txt"
    bom_only.write_bytes(b"\xff\xfe")
    with pytest.raises(EmptyFile):
        parse_file(bom_only)
