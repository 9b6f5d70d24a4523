"""Files: default folder and name, numbered suffix instead of overwriting, atomic write, errors."""

from __future__ import annotations

import os
from datetime import date

import docx
import pytest

from briefer import paths
from briefer.export import BriefingOptions, ExportError, export_briefing
from briefer.export.files import write_new_file


@pytest.fixture
def export_dir(tmp_path, monkeypatch):
    folder = tmp_path / "exports"
    monkeypatch.setattr(paths, "default_export_dir", lambda: folder)
    return folder


def test_default_name_and_folder(export_dir, bundle):
    path = export_briefing([bundle], BriefingOptions(kind="kamerlid"))
    assert path.parent == export_dir
    assert path.name == f"{date.today().isoformat()} Kamerlidbriefing 30821-196.docx"
    docx.Document(str(path))  # a real Word file


def test_never_overwrites_silently(export_dir, bundle):
    first = export_briefing([bundle], BriefingOptions(kind="technisch"))
    before = first.read_bytes()
    second = export_briefing([bundle], BriefingOptions(kind="technisch"))
    third = export_briefing([bundle], BriefingOptions(kind="technisch"))
    assert second.name == first.stem + " (2).docx" and third.name == first.stem + " (3).docx"
    assert first.read_bytes() == before
    assert sorted(p.name for p in export_dir.iterdir()) == sorted([first.name, second.name, third.name])


def test_out_may_be_a_folder_or_a_file(tmp_path, bundle):
    path = export_briefing([bundle], BriefingOptions(kind="kamerlid"), tmp_path)
    assert path.parent == tmp_path and path.name.endswith("Kamerlidbriefing 30821-196.docx")
    named = export_briefing([bundle], BriefingOptions(kind="kamerlid", out=tmp_path / "voor debat"))
    assert named == tmp_path / "voor debat.docx"


def test_missing_folder_is_a_dutch_error(tmp_path, bundle):
    with pytest.raises(ExportError, match="bestaat niet"):
        export_briefing([bundle], BriefingOptions(kind="kamerlid"), tmp_path / "nergens" / "b.docx")


def test_folder_that_is_a_file(tmp_path):
    blocker = tmp_path / "bestand"
    blocker.write_text("x")
    with pytest.raises(ExportError) as info:
        write_new_file(blocker / "b.docx", b"data")
    assert "bestand" in str(info.value)


def test_locked_target_gives_clear_message_and_leaves_no_temp_file(tmp_path, monkeypatch):
    # Word on Windows holds its file open; the rename then fails with PermissionError
    def locked(src, dst):
        raise PermissionError(13, "Permission denied", str(dst))

    monkeypatch.setattr(os, "replace", locked)
    with pytest.raises(ExportError) as info:
        write_new_file(tmp_path / "briefing.docx", b"data")
    message = str(info.value)
    assert "briefing.docx" in message and "alleen-lezen of in gebruik" in message and "Word" in message
    assert list(tmp_path.iterdir()) == []


@pytest.mark.skipif(os.geteuid() == 0 if hasattr(os, "geteuid") else True, reason="root ignores permissions")
def test_read_only_folder(tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with pytest.raises(ExportError, match="alleen-lezen"):
            write_new_file(folder / "b.docx", b"data")
    finally:
        folder.chmod(0o700)
