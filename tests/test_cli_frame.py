"""The CLI's own frame: Dutch help and errors, one line per failure, a pipe that closes early."""

from __future__ import annotations

import subprocess
import sys

import pytest

from briefer.cli import main


def test_help_is_dutch(capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["--help"])
    assert exit_.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith("gebruik: briefer")
    assert "opties:" in out and "deze hulp tonen" in out
    assert "show this help" not in out and "usage:" not in out


def test_argument_errors_are_dutch(capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["export", "30821-196", "--kind", "roman"])
    assert exit_.value.code == 2
    err = capsys.readouterr().err
    assert "fout: argument --kind: ongeldige keuze: 'roman'" in err
    assert "error" not in err


def test_without_a_command_prints_help_and_fails(capsys):
    assert main([]) == 2
    assert "gebruik:" in capsys.readouterr().out


def test_unknown_document_is_one_dutch_line(tmp_path):
    proc = subprocess.run([sys.executable, "-m", "briefer", "--db", str(tmp_path / "b.db"), "show", "99999-1"],
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode != 0
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("briefer: ") and "99999-1" in lines[0]
