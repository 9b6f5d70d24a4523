"""End to end through the real command line: a staffer's afternoon, as separate `briefer` processes
on one database file — import the sample PDF, annotate, accept a suggestion, import a new version,
export both briefings — then open the .docx files and check what a Kamerlid would (and would not) see.
"""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from pathlib import Path

import docx
import pytest

REPO = Path(__file__).resolve().parents[1]
SAMPLE_PDF = REPO / "resources" / "samples" / "kst-30821-196.pdf"
SECRETS = {
    "note": "GEHEIM-NOTITIE-7731",
    "highlight_note": "GEHEIM-MARKERINGNOTITIE-1184",
    "followup": "GEHEIM-VERVOLG-5521",
}  # a vertrouwelijk document note ("Kern") is covered by tests/export/test_leak.py


def run(db: Path, *args: str, ok: bool = True) -> subprocess.CompletedProcess[str]:
    proc = subprocess.run([sys.executable, "-m", "briefer", "--db", str(db), *args],
                          capture_output=True, text=True, cwd=REPO, timeout=120)
    if ok:
        assert proc.returncode == 0, proc.stderr
    return proc


def docx_text(path: Path) -> str:
    """Every XML part of the package, concatenated (text, properties, footnotes, headers...)."""
    with zipfile.ZipFile(path) as z:
        return "\n".join(z.read(n).decode("utf-8", "replace") for n in z.namelist()
                         if n.endswith((".xml", ".rels")))


@pytest.fixture(scope="module")
def afternoon(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("workflow")
    db = tmp / "briefer.db"
    out = run(db, "import", str(SAMPLE_PDF)).stdout
    assert "41" in out and "30 821, nr. 196" in out
    doc = "30821-196"
    run(db, "tag", doc, "1", "1")
    run(db, "tag", doc, "16", "2")
    run(db, "highlight", doc, "1", "--quote", "Aan het einde van het jaar zal uw Kamer", "--domain", "1",
        "--level", "openbaar", "--note", "Toezegging: voortgangsbrief")
    run(db, "highlight", doc, "16", "--quote", "vertrouwelijke technische briefing te verzorgen",
        "--domain", "2", "--level", "vertrouwelijk", "--note", SECRETS["highlight_note"])
    run(db, "note", doc, "1", "--text", "**Let op:** geen *kwantitatieve* doelen.\n\n- eerste\n- tweede",
        "--level", "intern")
    run(db, "note", doc, "16", "--text", SECRETS["note"], "--level", "vertrouwelijk")
    run(db, "note", doc, "--text", "- Kabinet noemt geen harde doelen", "--level", "openbaar")
    run(db, "followup", "add", doc, "16", "--text", SECRETS["followup"], "--kind",
        "technische briefing aanvragen", "--due", "2026-12-11", "--owner", "Sanne", "--level", "vertrouwelijk")
    suggestions = json.loads(run(db, "suggest", doc, "--json").stdout)
    first = next(t for t in suggestions["toezeggingen"] if t["item"] == 3)
    listing = run(db, "suggest", doc).stdout
    key = next(line.strip()[1:-1] for line in listing.splitlines()
               if line.strip().startswith("[toezegging:3:"))
    run(db, "suggest", doc, "--accept", key)
    return {"db": db, "doc": doc, "tmp": tmp, "accepted_sentence": first["sentence"]}


def test_annotations_are_listed_across_processes(afternoon):
    listing = run(afternoon["db"], "followup", "list").stdout
    assert SECRETS["followup"] in listing and "toezegging bewaken" in listing
    ceiling = run(afternoon["db"], "followup", "list", "--level", "intern").stdout
    assert SECRETS["followup"] not in ceiling


def test_kamerlidbriefing_carries_the_work_and_leaks_nothing(afternoon):
    target = afternoon["tmp"] / "kamerlid.docx"
    proc = run(afternoon["db"], "export", afternoon["doc"], "--kind", "kamerlid", "--ceiling", "intern",
               "--out", str(target), "--author", "Sanne")
    assert "Weggelaten:" in proc.stdout and "vraag 16" in proc.stdout
    document = docx.Document(str(target))
    texts = [p.text for p in document.paragraphs]
    assert "Kern" in texts
    assert any("Kabinet noemt geen harde doelen" in t for t in texts)
    assert "Grondstoffen en (fossiele) energie" in texts
    # the sample has no cover page: the subject falls back to the document type and Kamerstuk
    head = {r.cells[0].text: r.cells[1].text for r in document.tables[0].rows}
    assert head["Onderwerp"] == "Verslag schriftelijk overleg, Kamerstuk 30 821, nr. 196"
    # the accepted toezegging reaches the toezeggingen, with its status
    start = texts.index("Toezeggingen")
    assert any(afternoon["accepted_sentence"][:30] in t for t in texts[start:])
    # Markdown became formatting, not symbols
    bold = [r.text for p in document.paragraphs for r in p.runs if r.bold]
    assert any("Let op:" in b for b in bold)
    assert not any("**" in t for t in texts)
    everything = docx_text(target)
    for marker in SECRETS.values():
        assert marker not in everything
    assert "VERTROUWELIJK" not in everything
    assert document.core_properties.author == "Sanne"


def test_technische_briefing_vertrouwelijk_holds_everything_marked(afternoon):
    target = afternoon["tmp"] / "technisch.docx"
    run(afternoon["db"], "export", afternoon["doc"], "--kind", "technisch", "--ceiling", "vertrouwelijk",
        "--out", str(target))
    everything = docx_text(target)
    for marker in SECRETS.values():
        assert marker in everything
    document = docx.Document(str(target))
    for section in document.sections:
        assert "VERTROUWELIJK" in " ".join(p.text for p in section.header.paragraphs)
        assert "VERTROUWELIJK" in " ".join(p.text for p in section.footer.paragraphs)
    assert "VERTROUWELIJK" in (document.core_properties.title or "") + (document.core_properties.subject or "")
    with zipfile.ZipFile(target) as z:
        assert "word/footnotes.xml" in z.namelist()


def test_new_version_keeps_every_annotation(afternoon):
    db = afternoon["db"]
    text_version = REPO / "resources" / "samples" / "kst-30821-196.txt"
    run(db, "import", str(text_version))
    listing = json.loads(run(db, "list", "--json").stdout)
    assert len(listing) == 2
    newest = listing[0]
    assert newest["version_of"] == listing[1]["id"]
    followups = run(db, "followup", "list").stdout
    assert SECRETS["followup"] in followups
    target = afternoon["tmp"] / "technisch-v2.docx"
    run(db, "export", newest["id"], "--kind", "technisch", "--ceiling", "vertrouwelijk", "--out", str(target))
    everything = docx_text(target)
    assert SECRETS["highlight_note"] in everything and SECRETS["note"] in everything


def test_bad_file_leaves_the_database_as_it_was(afternoon, tmp_path):
    db = afternoon["db"]
    before = run(db, "list", "--json").stdout
    bad = tmp_path / "scan.pdf"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 200)
    proc = run(db, "import", str(bad), ok=False)
    assert proc.returncode != 0
    lines = [ln for ln in proc.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1 and "scan.pdf" in lines[0]
    assert run(db, "list", "--json").stdout == before
