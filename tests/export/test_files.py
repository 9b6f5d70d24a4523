"""Files: default folder and name, numbered instead of overwritten, a named file only with consent,
private and atomic (through briefer.safefile), never the database."""

from __future__ import annotations

import os
import stat
from datetime import date

import docx
import pytest
from export_helpers import audit

from briefer import paths
from briefer.export import BriefingOptions, export_briefing
from briefer.safefile import ProtectedTarget, TargetExists, WriteFailed


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
    audit(path)


def test_default_name_is_numbered_never_overwritten(export_dir, bundle):
    first = export_briefing([bundle], BriefingOptions(kind="technisch"))
    before = first.read_bytes()
    second = export_briefing([bundle], BriefingOptions(kind="technisch"))
    third = export_briefing([bundle], BriefingOptions(kind="technisch"))
    assert second.name == first.stem + " (2).docx" and third.name == first.stem + " (3).docx"
    assert first.read_bytes() == before
    assert sorted(p.name for p in export_dir.iterdir()) == sorted([first.name, second.name, third.name])


def test_a_named_file_that_exists_is_refused_unless_confirmed(tmp_path, bundle):
    target = tmp_path / "voor het debat.docx"
    target.write_bytes(b"mijn eigen tekst")
    with pytest.raises(TargetExists) as info:
        export_briefing([bundle], BriefingOptions(kind="kamerlid", out=target))
    assert "bestaat al" in str(info.value) and "--force" in str(info.value)
    assert target.read_bytes() == b"mijn eigen tekst"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["voor het debat.docx"]  # no temp file left
    written = export_briefing([bundle], BriefingOptions(kind="kamerlid", out=target), overwrite=True)
    assert written == target and target.read_bytes()[:2] == b"PK"


def test_out_may_be_a_folder_or_a_file(tmp_path, bundle):
    path = export_briefing([bundle], BriefingOptions(kind="kamerlid"), tmp_path)
    assert path.parent == tmp_path and path.name.endswith("Kamerlidbriefing 30821-196.docx")
    again = export_briefing([bundle], BriefingOptions(kind="kamerlid"), tmp_path)  # a folder: numbered
    assert again.name.endswith("30821-196 (2).docx")
    named = export_briefing([bundle], BriefingOptions(kind="kamerlid", out=tmp_path / "voor debat"))
    assert named == tmp_path / "voor debat.docx"


@pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")
def test_briefings_are_private(tmp_path, bundle):
    path = export_briefing([bundle], BriefingOptions(kind="kamerlid"), tmp_path / "b.docx")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_the_database_and_its_backups_are_always_refused(tmp_path, bundle):
    from briefer.store import Store

    db = tmp_path / "briefer.db"
    Store.open(db).close()
    before = db.read_bytes()
    for target in (db, tmp_path / "briefer.db-wal", paths.backup_dir(db) / "x.docx"):
        with pytest.raises(ProtectedTarget):
            export_briefing([bundle], BriefingOptions(kind="kamerlid", out=target), overwrite=True,
                            databases=[db])
    assert db.read_bytes() == before
    other = tmp_path / "ander.docx"  # any SQLite file, whatever its name
    Store.open(other).close()
    with pytest.raises(ProtectedTarget):
        export_briefing([bundle], BriefingOptions(kind="kamerlid", out=other), overwrite=True)
    assert other.read_bytes()[:15] == b"SQLite format 3"


def test_missing_folder_is_a_dutch_error(tmp_path, bundle):
    with pytest.raises(WriteFailed, match="bestaat niet"):
        export_briefing([bundle], BriefingOptions(kind="kamerlid"), tmp_path / "nergens" / "b.docx")


def test_an_interrupted_export_leaves_no_temporary_file(tmp_path, bundle, monkeypatch):
    """Ctrl+C (or the app closing) while the file is put in place: nothing half-written stays."""
    def interrupted(src, dst):
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "link", interrupted)  # a new name is claimed with a hard link (safefile)
    monkeypatch.setattr(os, "replace", interrupted)  # ... or, without hard links, renamed into place
    with pytest.raises(KeyboardInterrupt):
        export_briefing([bundle], BriefingOptions(kind="technisch"), tmp_path / "b.docx")
    assert list(tmp_path.iterdir()) == []


def test_locked_target_gives_clear_message_and_leaves_no_temp_file(tmp_path, bundle, monkeypatch):
    # Word on Windows holds its file open; putting the file in place then fails with PermissionError
    def locked(src, dst):
        raise PermissionError(13, "Permission denied", str(dst))

    monkeypatch.setattr(os, "link", locked)
    monkeypatch.setattr(os, "replace", locked)
    with pytest.raises(WriteFailed) as info:
        export_briefing([bundle], BriefingOptions(kind="kamerlid"), tmp_path / "briefing.docx")
    message = str(info.value)
    assert "briefing.docx" in message and "alleen-lezen of in gebruik" in message and "Word" in message
    assert list(tmp_path.iterdir()) == []
