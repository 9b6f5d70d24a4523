"""Settings (briefer/settings.py): defaults, only changed values written, injectable location."""

from __future__ import annotations

import json
from pathlib import Path

from briefer.settings import MAX_RECENT, Settings, default_settings_path


def test_defaults_write_nothing(tmp_path: Path) -> None:
    path = tmp_path / "s.json"
    s = Settings.load(path)
    assert s == Settings()
    s.save()
    assert not path.exists()


def test_only_changed_values_are_written_and_read_back(tmp_path: Path) -> None:
    path = tmp_path / "sub" / "s.json"
    s = Settings.load(path)
    s.user_name = "Sanne de Vries"
    s.last_document = "doc-1"
    s.save()
    on_disk = json.loads(path.read_text(encoding="utf-8"))
    assert on_disk == {"user_name": "Sanne de Vries", "last_document": "doc-1"}
    again = Settings.load(path)
    assert again.user_name == "Sanne de Vries" and again.last_document == "doc-1"
    assert again.reader_font_size == Settings().reader_font_size
    # back to the defaults: the file goes away
    again.user_name, again.last_document = "", None
    again.save()
    assert not path.exists()


def test_damaged_or_foreign_values_fall_back_to_defaults(tmp_path: Path) -> None:
    path = tmp_path / "s.json"
    path.write_text('{"user_name": 42, "reader_font_size": 13, "recent_files": ["a", 3], "x": 1}')
    s = Settings.load(path)
    assert s.user_name == "" and s.reader_font_size == 13 and s.recent_files == []
    path.write_text("{niet json")
    assert Settings.load(path) == Settings()


def test_recent_files_are_unique_newest_first_and_bounded(tmp_path: Path) -> None:
    s = Settings.load(tmp_path / "s.json")
    for i in range(MAX_RECENT + 3):
        s.add_recent_file(tmp_path / f"{i}.pdf")
    s.add_recent_file(tmp_path / "5.pdf")
    assert len(s.recent_files) == MAX_RECENT
    assert s.recent_files[0] == str((tmp_path / "5.pdf").resolve())
    assert len(set(s.recent_files)) == MAX_RECENT


def test_default_location_follows_briefer_home(_isolated_home: Path) -> None:
    assert default_settings_path() == _isolated_home / "settings.json"
    s = Settings.load()
    s.user_name = "x"
    s.save()
    assert (_isolated_home / "settings.json").exists()


def test_export_choices_round_trip_and_wrong_types_are_ignored(tmp_path: Path) -> None:
    path = tmp_path / "s.json"
    s = Settings.load(path)
    s.export_kind, s.export_open_after, s.export_dir = "technisch", False, str(tmp_path / "uit")
    s.save()
    assert json.loads(path.read_text(encoding="utf-8")) == {
        "export_kind": "technisch", "export_open_after": False, "export_dir": str(tmp_path / "uit")}
    again = Settings.load(path)
    assert (again.export_kind, again.export_open_after, again.export_dir) == (
        "technisch", False, str(tmp_path / "uit"))
    path.write_text('{"export_open_after": "ja", "export_only_annotated": 0}')
    damaged = Settings.load(path)
    assert damaged.export_open_after is True and damaged.export_only_annotated is True
