"""Both briefings convert to PDF with LibreOffice headless; the Kamerlidbriefing is 1–3 pages."""

from __future__ import annotations

import shutil
import subprocess

import pytest
from pypdf import PdfReader

from briefer.export import BriefingOptions, export_briefing
from briefer.model import Level

pytestmark = pytest.mark.libreoffice


def _soffice() -> str:
    exe = shutil.which("soffice") or shutil.which("libreoffice")
    if exe is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    return exe


def _to_pdf(exe: str, docx_path, tmp_path):
    profile = tmp_path / "lo-profile"
    result = subprocess.run(
        [exe, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
         "--outdir", str(tmp_path), str(docx_path)],
        capture_output=True, text=True, timeout=180,
    )
    pdf = tmp_path / (docx_path.stem + ".pdf")
    assert result.returncode == 0 and pdf.is_file(), result.stderr
    return PdfReader(str(pdf))


def test_both_kinds_convert_to_pdf(tmp_path, secret_bundle):
    exe = _soffice()
    kamerlid = export_briefing([secret_bundle], BriefingOptions(kind="kamerlid", ceiling=Level.INTERN, author="A"),
                               tmp_path / "kamerlid.docx")
    technisch = export_briefing([secret_bundle], BriefingOptions(kind="technisch", ceiling=Level.VERTROUWELIJK,
                                                                 author="A"), tmp_path / "technisch.docx")
    pages = len(_to_pdf(exe, kamerlid, tmp_path).pages)
    assert 1 <= pages <= 3
    reader = _to_pdf(exe, technisch, tmp_path)
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert "Bijlage: vertrouwelijk" in text
    assert text.count("VERTROUWELIJK") >= 2 * len(reader.pages)  # header and footer of every page
