"""Briefings as a reader gets them: converted to PDF by LibreOffice (headless).

The Kamerlidbriefing of the issue's scenario, and of the session hook's (every suggestion accepted,
exported with the CLI), fits on two A4 pages; the technische briefing's table of contents gives the
page each heading is really on. Skipped, saying why, where LibreOffice is not installed.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from export_helpers import SCENARIO_SUBJECT, audit, build_scenario
from pypdf import PdfReader

from briefer.cli import main
from briefer.export import BriefingOptions, export_briefing
from briefer.model import Level

pytestmark = pytest.mark.libreoffice


def _soffice() -> str:
    exe = shutil.which("soffice") or shutil.which("libreoffice")
    if exe is None:
        pytest.skip("LibreOffice (soffice) is not installed: the PDF page count cannot be measured here")
    return exe


def _to_pdf(exe: str, docx_path: Path, tmp_path: Path) -> PdfReader:
    profile = tmp_path / "lo-profile"
    result = subprocess.run(
        [exe, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
         "--outdir", str(tmp_path), str(docx_path)],
        capture_output=True, text=True, timeout=180,
    )
    pdf = tmp_path / (docx_path.stem + ".pdf")
    assert result.returncode == 0 and pdf.is_file(), result.stderr
    return PdfReader(str(pdf))


def test_scenario_kamerlidbriefing_fits_two_pages(tmp_path):
    exe = _soffice()
    store, ann, doc = build_scenario(tmp_path / "b.db")
    bundle = ann.bundle(doc.id)
    store.close()
    opts = BriefingOptions(kind="kamerlid", subject=SCENARIO_SUBJECT, recipient="Jeanet van Dijk",
                           author="Sanne de Vries")
    path = export_briefing([bundle], opts, tmp_path / "kamerlid.docx")
    audit(path)
    reader = _to_pdf(exe, path, tmp_path)
    assert len(reader.pages) <= 2
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert SCENARIO_SUBJECT in text and "Termijn verstreken" in text and "Moties voorbereiden" in text
    assert f"Pagina {len(reader.pages)} van {len(reader.pages)}" in text


def test_session_hook_scenario_through_the_cli_fits_two_pages(tmp_path, capsys):
    """As the session hook does it: import, accept EVERY toezegging and domain suggestion, export."""
    exe = _soffice()
    db = tmp_path / "b.db"
    sample = Path(__file__).resolve().parents[2] / "resources" / "samples" / "kst-30821-196.pdf"
    assert main(["--db", str(db), "import", str(sample)]) == 0
    assert main(["--db", str(db), "suggest", "30821-196"]) == 0
    keys = re.findall(r"\[((?:toezegging|domein):[^\] ]*)\]", capsys.readouterr().out)
    assert len(keys) >= 30
    for key in keys:
        assert main(["--db", str(db), "suggest", "30821-196", "--accept", key]) == 0
    target = tmp_path / "k.docx"
    assert main(["--db", str(db), "export", "30821-196", "--kind", "kamerlid", "--out", str(target)]) == 0
    audit(target)
    assert len(_to_pdf(exe, target, tmp_path).pages) <= 2


def test_table_of_contents_gives_the_real_pages(tmp_path, bundle):
    exe = _soffice()
    path = export_briefing([bundle], BriefingOptions(kind="technisch", only_annotated=False), tmp_path / "t.docx")
    reader = _to_pdf(exe, path, tmp_path)
    pages = [page.extract_text() for page in reader.pages]
    toc: dict[str, int] = {}
    for text in pages[:4]:
        for line in text.splitlines():
            m = re.match(r"\s*(Vraag \d+ · .+?)\s*\.{3,}\s*(\d+)\s*$", line)
            if m:
                toc[m.group(1)] = int(m.group(2))
    assert len(toc) >= 30
    wrong = {}
    for heading, number in toc.items():
        on = [i + 1 for i, text in enumerate(pages) if any(line.strip() == heading for line in text.splitlines())]
        if number not in on:
            wrong[heading] = (number, on)
    assert not wrong


def test_both_kinds_convert_and_confidential_pages_are_marked(tmp_path, secret_bundle):
    exe = _soffice()
    kamerlid = export_briefing([secret_bundle], BriefingOptions(kind="kamerlid", ceiling=Level.INTERN, author="A"),
                               tmp_path / "kamerlid.docx")
    technisch = export_briefing([secret_bundle], BriefingOptions(kind="technisch", ceiling=Level.VERTROUWELIJK,
                                                                 author="A"), tmp_path / "technisch.docx")
    assert 1 <= len(_to_pdf(exe, kamerlid, tmp_path).pages) <= 2
    reader = _to_pdf(exe, technisch, tmp_path)
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert "Bijlage: vertrouwelijk" in text
    assert text.count("VERTROUWELIJK") >= 2 * len(reader.pages)  # header and footer of every page
