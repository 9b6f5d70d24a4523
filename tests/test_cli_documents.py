"""`briefer import/list/show/search/backup/check/restore` as the user runs them, on real files."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from briefer.cli import main
from briefer.store import Store
from briefer.store import backup as bk

REPO = Path(__file__).resolve().parents[1]


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def _rows(db: Path) -> list[str]:
    conn = sqlite3.connect(db)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


@pytest.fixture
def db(tmp_path, sample_pdf, capsys) -> Path:
    path = tmp_path / "briefer.db"
    code, out, err = run(capsys, "--db", path, "import", sample_pdf)
    assert code == 0, err
    return path


# ------------------------------------------------------------------------------- good imports

def test_import_prints_a_dutch_summary(tmp_path, sample_pdf, capsys):
    path = tmp_path / "b.db"
    code, out, err = run(capsys, "--db", path, "import", sample_pdf)
    assert code == 0 and err == ""
    assert "Geïmporteerd: kst-30821-196.pdf" in out
    assert "Verslag schriftelijk overleg" in out
    assert "Kamerstuk:      30 821, nr. 196 (vergaderjaar 2022–2023)" in out
    with Store.open(path) as store:
        doc = store.resolve("latest")
        per_party = store.items_per_party(doc.id)
    assert f"Vragen:         {doc.item_count} — per fractie: " in out
    assert ", ".join(f"{p} {n}" for p, n in per_party) in out
    assert "Waarschuwingen" in out


def test_same_file_twice_is_reported_not_duplicated(db, sample_pdf, capsys):
    code, out, _ = run(capsys, "--db", db, "import", sample_pdf)
    assert code == 0 and out.startswith("Al geïmporteerd")
    code, out, _ = run(capsys, "--db", db, "list", "--json")
    assert len(json.loads(out)) == 1


def test_new_version_is_reported(db, sample_txt, capsys):
    code, out, _ = run(capsys, "--db", db, "import", sample_txt)
    assert code == 0 and "Nieuwe versie van: Kamerstuk 30 821, nr. 196" in out


def test_default_database_lives_in_the_data_dir(sample_txt, capsys, _isolated_home):
    code, _, err = run(capsys, "import", sample_txt)
    assert code == 0, err
    assert (_isolated_home / "briefer.db").exists()


# ------------------------------------------------------------------------------- list / show / search

def test_list_shows_documents(db, capsys):
    code, out, _ = run(capsys, "--db", db, "list")
    assert code == 0 and "30 821, nr. 196" in out and "Verslag schriftelijk overleg" in out
    code, out, _ = run(capsys, "--db", db, "list", "--json")
    docs = json.loads(out)
    assert docs[0]["dossier"] == "30 821" and docs[0]["item_count"] > 30


@pytest.mark.parametrize("ref", ["latest", "30821-196", "kst-30821-196"])
def test_show_outline_by_any_reference(db, capsys, ref):
    code, out, _ = run(capsys, "--db", db, "show", ref)
    assert code == 0
    assert out.startswith("Kamerstuk 30 821, nr. 196")
    assert "\nVVD\n" in out and "\nD66\n" in out


def test_show_one_item_with_its_footnotes(db, capsys):
    code, out, _ = run(capsys, "--db", db, "show", "latest", "16", "--json")
    data = json.loads(out)
    item = data["item"]
    assert code == 0 and 16 in item["numbers"] and item["party"] == "D66"
    code, out, _ = run(capsys, "--db", db, "show", "latest", "16")
    assert out.startswith("Vraag 16 · D66")
    assert "\nAntwoord\n" in out and item["answer"][:40] in out
    cited = [n["number"] for n in data["footnotes"]]
    for number in cited:
        assert f"[^{number}] " in out


def test_search_with_filters(db, capsys):
    code, out, _ = run(capsys, "--db", db, "search", "grondst", "--json")
    hits = json.loads(out)
    assert code == 0 and hits and all("«" in h["snippet"] for h in hits)
    parties = {h["party"] for h in hits}
    assert len(parties) > 1
    code, out, _ = run(capsys, "--db", db, "search", "grondst", "--party", "VVD", "--doc", "30821-196", "--json")
    assert {h["party"] for h in json.loads(out)} == {"VVD"}
    code, out, _ = run(capsys, "--db", db, "search", "grondst")
    assert "30821-196 · vraag" in out and "«" in out
    code, out, _ = run(capsys, "--db", db, "search", "zzzonbekendwoord")
    assert code == 0 and "Geen resultaten" in out


@pytest.mark.parametrize(
    "argv, words",
    [
        (["show", "99999-1"], ["99999-1", "niet gevonden"]),
        (["show", "latest", "999"], ["999", "niet gevonden"]),
        (["search", "x", "--doc", "onbekend"], ["onbekend", "niet gevonden"]),
    ],
)
def test_failures_print_one_dutch_line(db, capsys, argv, words):
    code, out, err = run(capsys, "--db", db, *argv)
    assert code != 0 and out == ""
    assert err.count("\n") == 1 and err.startswith("briefer: ")
    for word in words:
        assert word in err


# ------------------------------------------------------------------------------- bad input

def _encrypted(tmp_path: Path, source: Path) -> Path:
    import pypdf

    reader = pypdf.PdfReader(source)
    writer = pypdf.PdfWriter()
    for page in reader.pages:
        writer.add_page(page)
    writer.encrypt(user_password="geheim123", owner_password="eigenaar", algorithm="AES-256")
    path = tmp_path / "beveiligd.pdf"
    with path.open("wb") as handle:
        writer.write(handle)
    return path


def _truncated(tmp_path: Path, source: Path) -> Path:
    data = source.read_bytes()
    path = tmp_path / "afgebroken.pdf"
    path.write_bytes(data[: len(data) // 3])
    return path


def _scan(tmp_path: Path, source: Path) -> Path:
    import pypdf

    writer = pypdf.PdfWriter()
    writer.add_blank_page(595, 842)
    writer.add_blank_page(595, 842)
    path = tmp_path / "scan.pdf"
    with path.open("wb") as handle:
        writer.write(handle)
    return path


def _image(tmp_path: Path, source: Path) -> Path:
    path = tmp_path / "foto.pdf"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + os.urandom(2000))
    return path


def _zero(tmp_path: Path, source: Path) -> Path:
    path = tmp_path / "leeg.pdf"
    path.write_bytes(b"")
    return path


def _zero_txt(tmp_path: Path, source: Path) -> Path:
    path = tmp_path / "leeg.txt"
    path.write_bytes(b"")
    return path


def _random_docx(tmp_path: Path, source: Path) -> Path:
    path = tmp_path / "antwoorden.docx"
    path.write_bytes(os.urandom(4096))
    return path


def _unsupported(tmp_path: Path, source: Path) -> Path:
    path = tmp_path / "notulen.xyz"
    path.write_bytes(b"wat dan ook")
    return path


def _missing(tmp_path: Path, source: Path) -> Path:
    return tmp_path / "bestaat-niet.pdf"


@pytest.mark.parametrize(
    "make, word",
    [
        (_encrypted, "wachtwoord"),
        (_truncated, "beschadigd"),
        (_scan, "OCR"),
        (_image, "PDF"),
        (_zero, "leeg"),
        (_zero_txt, "leeg"),
        (_random_docx, "Word"),
        (_unsupported, ".xyz"),
        (_missing, "bestaat niet"),
    ],
    ids=["encrypted", "truncated", "scan", "image", "zero-pdf", "zero-txt", "random-docx", "xyz", "missing"],
)
def test_bad_input_leaves_database_untouched(db, tmp_path, sample_pdf, capsys, make, word):
    bad = make(tmp_path, sample_pdf)
    before_bytes, before_rows = db.read_bytes(), _rows(db)
    code, out, err = run(capsys, "--db", db, "import", bad)
    assert code != 0
    assert out == ""
    assert err.count("\n") == 1 and err.startswith("briefer: ")
    assert bad.name in err and word in err
    assert "Traceback" not in err and "Error" not in err
    assert _rows(db) == before_rows
    assert db.read_bytes() == before_bytes
    assert not Path(f"{db}-wal").exists() or Path(f"{db}-wal").stat().st_size == 0


def test_one_bad_file_among_good_ones(tmp_path, sample_pdf, capsys):
    path = tmp_path / "b.db"
    bad = _zero(tmp_path, sample_pdf)
    code, out, err = run(capsys, "--db", path, "import", bad, sample_pdf)
    assert code == 1
    assert "leeg.pdf" in err and err.count("\n") == 1
    assert "Geïmporteerd: kst-30821-196.pdf" in out


def test_as_a_subprocess(db, tmp_path):
    bad = _unsupported(tmp_path, db)
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    proc = subprocess.run([sys.executable, "-m", "briefer", "--db", str(db), "import", str(bad)],
                          capture_output=True, text=True, env=env, cwd=tmp_path, timeout=60)
    assert proc.returncode == 1 and proc.stdout == ""
    assert proc.stderr.count("\n") == 1 and "notulen.xyz" in proc.stderr


# ------------------------------------------------------------------------------- durability

def test_backup_check_and_restore(db, capsys):
    code, out, _ = run(capsys, "--db", db, "backup")
    assert code == 0 and "Reservekopie gemaakt" in out
    code, out, _ = run(capsys, "--db", db, "check")
    assert code == 0 and "in orde" in out and "1 reservekopie" in out
    before = _rows(db)

    data = bytearray(db.read_bytes())
    data[4096:] = bytes((i * 7 + 13) % 251 for i in range(len(data) - 4096))
    db.write_bytes(bytes(data))
    good = bk.newest_good_backup(db)
    for argv in (["check"], ["list"]):
        code, out, err = run(capsys, "--db", db, *argv)
        assert code == 1 and err.count("\n") == 1
        assert "beschadigd" in err and str(good) in err

    code, out, err = run(capsys, "--db", db, "restore")
    assert code == 0, err
    assert "teruggezet" in out
    assert _rows(db) == before
    assert list(db.parent.glob("briefer.db.beschadigd-*"))


def test_kamervragen_summary_names_askers_and_they_are_findable(tmp_path, samples_dir, capsys):
    path = tmp_path / "b.db"
    pdf = samples_dir / "ah-tk-20232024-1314.pdf"
    expected = json.loads((samples_dir / "ah-tk-20232024-1314.expected.json").read_text(encoding="utf-8"))
    code, out, err = run(capsys, "--db", path, "import", pdf)
    assert code == 0, err
    assert "Antwoorden op Kamervragen" in out and "Kenmerk:        ah-tk-20232024-1314" in out
    asker = expected["asked_by"][0]
    assert f"Gesteld door:   {asker['name']}" in out
    code, out, _ = run(capsys, "--db", path, "search", asker["name"], "--json")
    assert len(json.loads(out)) == len(expected["items"])
    code, out, _ = run(capsys, "--db", path, "show", "ah-tk-20232024-1314", "--json")
    assert [i["numbers"] for i in json.loads(out)["items"]] == [i["numbers"] for i in expected["items"]]


def test_damage_found_while_reading_names_the_backup(db, capsys):
    run(capsys, "--db", db, "backup")
    good = bk.newest_good_backup(db)
    data = bytearray(db.read_bytes())
    half = (len(data) // 4096 // 2) * 4096
    data[half:] = bytes((i * 7) % 251 for i in range(len(data) - half))
    db.write_bytes(bytes(data))
    failures = 0
    for argv in (["search", "grondst"], ["show", "latest", "16"], ["show", "latest"], ["check"]):
        code, out, err = run(capsys, "--db", db, *argv)
        if code != 0:
            failures += 1
            assert err.count("\n") == 1 and "beschadigd" in err and str(good) in err
    assert failures >= 2  # check always finds it; reading the damaged half must too


def test_a_document_without_kamerstuk_is_named_by_its_references_not_its_file(tmp_path, capsys, samples_dir):
    """A ministry Word answer has no Kamerstuk or identifier: it is called "Kenmerk 5401166" (and its
    briefing file 'kenmerk-5401166'), not by whatever its file happened to be called."""
    from briefer.model import document_name

    assert document_name(None, None, "2024Z11859", "5401166", "x.docx") == "2024Z11859"
    assert document_name(None, None, None, "DGBI-O / 89581779", "x.docx") == "Kenmerk DGBI-O / 89581779"
    assert document_name(None, None, None, None, "x.docx") == "x.docx"
    assert document_name("30 821, nr. 196", "kst-30821-196", None, None, "x.pdf") == "Kamerstuk 30 821, nr. 196"
    sample = tmp_path / "antwoorden (2).docx"
    shutil.copy(samples_dir / "kv-docx-lahlah-chakor-boa.docx", sample)
    db = str(tmp_path / "t.db")
    assert main(["--db", db, "import", str(sample)]) == 0
    capsys.readouterr()
    assert main(["--db", db, "list"]) == 0
    out = capsys.readouterr().out
    assert "Kenmerk 5401166" in out
    assert main(["--db", db, "export", "latest", "--kind", "kamerlid", "--out", str(tmp_path / "kl.docx")]) == 0
    from docx import Document as Docx

    from tests.export.export_helpers import audit

    audit(tmp_path / "kl.docx")
    text = "\n".join(c.text for t in Docx(str(tmp_path / "kl.docx")).tables for r in t.rows for c in r.cells)
    assert "Kenmerk 5401166" in text and "antwoorden (2)" not in text
