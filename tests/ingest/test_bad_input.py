"""Every kind of bad input is refused with a named error and a Dutch message naming the file."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from briefer.cli import main
from briefer.ingest import (
    CorruptFile,
    EmptyFile,
    EncryptedFile,
    IngestError,
    NoTextLayer,
    UnsupportedType,
    parse_file,
)
from tests.helpers.pdfmaker import PdfMaker, flow_document


def _good_pdf(path: Path) -> Path:
    return flow_document(["Vraag 1", "Bent u bekend met het bericht?", "Antwoord 1", "Ja."], footer=None).save(path)


def _encrypt(src: Path, dst: Path, password: str) -> Path:
    import pypdf

    reader = pypdf.PdfReader(src)
    writer = pypdf.PdfWriter()
    for page in reader.pages:
        writer.add_page(page)
    writer.encrypt(user_password=password, owner_password="eigenaar", algorithm="AES-256")
    with dst.open("wb") as fh:
        writer.write(fh)
    return dst


def _check(exc: IngestError, path: Path, *words: str) -> None:
    msg = str(exc)
    assert path.name in msg
    assert "\n" not in msg
    for w in words:
        assert w in msg


def test_encrypted_with_password(tmp_path: Path) -> None:
    bad = _encrypt(_good_pdf(tmp_path / "plain.pdf"), tmp_path / "geheim.pdf", "wachtwoord")
    with pytest.raises(EncryptedFile) as info:
        parse_file(bad)
    _check(info.value, bad, "wachtwoord")


def test_empty_password_encryption_just_opens(tmp_path: Path) -> None:
    ok = _encrypt(_good_pdf(tmp_path / "plain.pdf"), tmp_path / "leeg-wachtwoord.pdf", "")
    doc = parse_file(ok)
    assert doc.doc_type == "kamervragen"
    assert doc.items[0].answer == "Ja."


def test_truncated_pdf(tmp_path: Path) -> None:
    data = _good_pdf(tmp_path / "plain.pdf").read_bytes()
    bad = tmp_path / "afgebroken.pdf"
    bad.write_bytes(data[: len(data) // 3])
    with pytest.raises((CorruptFile, NoTextLayer)) as info:
        parse_file(bad)
    _check(info.value, bad)


def test_garbage_after_pdf_header(tmp_path: Path) -> None:
    bad = tmp_path / "kapot.pdf"
    bad.write_bytes(b"%PDF-1.4\n" + os.urandom(2000))
    with pytest.raises(CorruptFile) as info:
        parse_file(bad)
    _check(info.value, bad, "beschadigd")


def test_scanned_pdf_without_text(tmp_path: Path) -> None:
    pdf = PdfMaker()
    pdf.page().draw_box()
    pdf.page().draw_box()
    bad = pdf.save(tmp_path / "scan.pdf")
    with pytest.raises(NoTextLayer) as info:
        parse_file(bad)
    _check(info.value, bad, "OCR")


@pytest.mark.parametrize("name", ["leeg.pdf", "leeg.txt", "leeg.docx"])
def test_zero_byte_files(tmp_path: Path, name: str) -> None:
    bad = tmp_path / name
    bad.write_bytes(b"")
    with pytest.raises(EmptyFile) as info:
        parse_file(bad)
    _check(info.value, bad, "leeg")


def test_whitespace_only_text(tmp_path: Path) -> None:
    bad = tmp_path / "spaties.txt"
    bad.write_text("   \n\n  \n", encoding="utf-8")
    with pytest.raises(EmptyFile):
        parse_file(bad)


def test_image_renamed_pdf(tmp_path: Path) -> None:
    bad = tmp_path / "foto.pdf"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n" + os.urandom(500))
    with pytest.raises(CorruptFile) as info:
        parse_file(bad)
    _check(info.value, bad, "geen PDF")


def test_random_bytes_docx(tmp_path: Path) -> None:
    bad = tmp_path / "antwoorden.docx"
    bad.write_bytes(os.urandom(1000))
    with pytest.raises(CorruptFile) as info:
        parse_file(bad)
    _check(info.value, bad, "Word")


def test_unsupported_extension(tmp_path: Path) -> None:
    bad = tmp_path / "tabel.xlsx"
    bad.write_bytes(b"PK\x03\x04 whatever")
    with pytest.raises(UnsupportedType) as info:
        parse_file(bad)
    _check(info.value, bad, ".xlsx")


def test_cli_prints_one_dutch_line_and_fails(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "foto.pdf"
    bad.write_bytes(b"GIF89a" + os.urandom(100))
    code = main(["parse", str(bad), "--json"])
    err = capsys.readouterr().err
    assert code == 1
    assert err.count("\n") == 1 and "foto.pdf" in err


def test_binary_file_named_txt(tmp_path: Path) -> None:
    bad = tmp_path / "notities.txt"
    bad.write_bytes(_good_pdf(tmp_path / "echt.pdf").read_bytes())
    with pytest.raises(CorruptFile) as info:
        parse_file(bad)
    _check(info.value, bad, "geen tekstbestand")


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(IngestError) as info:
        parse_file(tmp_path / "weg.pdf")
    _check(info.value, tmp_path / "weg.pdf", "bestaat niet")
