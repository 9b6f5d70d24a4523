"""Version and build details (`briefer --version`) and where the shipped folders are found."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import UTC, datetime

import pytest

from briefer import __version__, buildinfo, paths
from briefer.cli import main
from briefer.store import db as store_db


def test_checkout_is_an_ontwikkelversie_with_its_git_commit(tmp_path):
    info = buildinfo.build_info(build_file=tmp_path / "absent.json")
    head = subprocess.run(["git", "-C", str(paths.REPO_ROOT), "rev-parse", "HEAD"],
                          capture_output=True, text=True, check=True).stdout.strip()
    assert not info.packaged
    assert info.commit and head.startswith(info.commit)
    assert info.line().startswith(f"Briefer {__version__} (ontwikkelversie, commit {info.commit}; Python ")


def test_recorded_build_wins_over_git(tmp_path):
    details = buildinfo.collect_build_details(paths.REPO_ROOT, qt="6.8.1",
                                              now=datetime(2026, 1, 5, 23, 59, tzinfo=UTC))
    assert details["version"] == __version__ and details["built"] == "2026-01-05 23:59 UTC"
    target = buildinfo.write_build_file(tmp_path / "b" / "_build.json", details)
    info = buildinfo.build_info(build_file=target)
    assert info.packaged and info.built == "2026-01-05 23:59 UTC" and info.qt == "6.8.1"
    assert info.line() == (f"Briefer {__version__} (gebouwd 2026-01-05 23:59 UTC, commit {details['commit']}; "
                           f"Python {info.python}, Qt 6.8.1)")
    assert buildinfo.build_info(qt="6.10.0", build_file=target).qt == "6.10.0"


@pytest.mark.parametrize("content", ["{nee", "[1, 2]", ""])
def test_a_damaged_build_file_falls_back_to_the_checkout(tmp_path, content):
    bad = tmp_path / "_build.json"
    bad.write_text(content, encoding="utf-8")
    assert buildinfo.read_build_file(bad) == {}
    assert not buildinfo.build_info(build_file=bad).packaged


def test_no_git_means_no_commit(tmp_path):
    assert buildinfo.git_commit(tmp_path) == ""
    details = buildinfo.collect_build_details(tmp_path)
    assert details["commit"] == "" and json.loads(json.dumps(details)) == details


def test_version_flag_in_process(capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["--version"])
    assert exit_.value.code == 0
    out = capsys.readouterr().out.strip()
    assert out == buildinfo.build_info().line()


def test_version_flag_from_the_command_line(tmp_path):
    proc = subprocess.run([sys.executable, "-m", "briefer", "--version"], capture_output=True, text=True,
                          timeout=60, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith(f"Briefer {__version__} (") and proc.stderr == ""


def test_shipped_folders_come_from_the_checkout_here():
    assert paths.RESOURCES == paths.REPO_ROOT / "resources"
    assert store_db.MIGRATIONS_DIR == paths.REPO_ROOT / "db"
    assert (store_db.MIGRATIONS_DIR / "001_documents.sql").is_file()
    assert paths.SAMPLE_DOCUMENT.is_file()


def test_shipped_folders_inside_the_package_win(tmp_path, monkeypatch):
    package = tmp_path / "site-packages" / "briefer"
    (package / "_data" / "db").mkdir(parents=True)
    monkeypatch.setattr(paths, "PACKAGE_DIR", package)
    assert paths.shipped_dir("db") == package / "_data" / "db"
    assert paths.shipped_dir("resources") == paths.REPO_ROOT / "resources"  # not packaged: the checkout's
