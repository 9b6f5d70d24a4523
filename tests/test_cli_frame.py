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


# ------------------------------------------------------------------------------- lazy start, --db anywhere

def _loaded_modules(tmp_path, *argv: str) -> set[str]:
    """The modules a real `briefer ARGV` process has imported when it ends."""
    out = tmp_path / "modules.txt"
    code = ("import sys, atexit\n"
            f"atexit.register(lambda: open({str(out)!r}, 'w').write('\\n'.join(sorted(sys.modules))))\n"
            "from briefer.cli import main\n"
            f"sys.exit(main({list(argv)!r}))\n")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert proc.returncode in (0, 2), proc.stderr
    return set(out.read_text().split())


def test_help_imports_no_area(tmp_path):
    from briefer.cli import AREA_MODULES

    loaded = _loaded_modules(tmp_path, "--help")
    assert not {m for m in loaded if m.startswith("briefer.cli.") and m.split(".")[2] in AREA_MODULES}
    assert "briefer.buildinfo" not in loaded  # --version looks its details up only when asked
    assert "sqlite_utils" not in loaded and "pypdf" not in loaded


def test_a_command_imports_only_what_it_uses(tmp_path, sample_pdf):
    parse = _loaded_modules(tmp_path, "parse", str(sample_pdf), "--json")
    assert "briefer.cli.parse" in parse and "pypdf" in parse
    for unused in ("briefer.cli.documents", "briefer.cli.annotations", "briefer.cli.export", "briefer.cli.suggest",
                   "briefer.store", "sqlite_utils", "briefer.annotate", "briefer.export", "briefer.suggest", "docx"):
        assert unused not in parse, unused
    imported = _loaded_modules(tmp_path, "import", str(sample_pdf), "--db", str(tmp_path / "b.db"))
    assert "briefer.store" in imported
    for unused in ("briefer.cli.annotations", "briefer.cli.export", "briefer.cli.suggest", "briefer.export",
                   "briefer.suggest", "docx", "concurrent.futures.process"):
        assert unused not in imported, unused  # a 24-page PDF: no process pool, no Word reader


def test_command_table_matches_the_areas():
    """Every command an area registers has its row in COMMANDS (so it starts lazily), and no row is stale."""
    import argparse
    import importlib

    from briefer.cli import AREA_MODULES, COMMANDS

    for area in AREA_MODULES:
        parser = argparse.ArgumentParser()
        sub = parser.add_subparsers()
        importlib.import_module(f"briefer.cli.{area}").register(sub)
        for name in sub.choices:
            if name in ("recolor",):
                continue
            assert COMMANDS.get(name, ("?",))[0] == area, f"'{name}' of briefer/cli/{area}.py is missing from COMMANDS"
    registered = set()
    for area in AREA_MODULES:
        parser = argparse.ArgumentParser()
        sub = parser.add_subparsers()
        importlib.import_module(f"briefer.cli.{area}").register(sub)
        registered |= set(sub.choices)
    assert set(COMMANDS) <= registered


def test_db_before_or_after_the_command(tmp_path, sample_txt, capsys):
    db = tmp_path / "b.db"
    assert main(["import", str(sample_txt), "--db", str(db)]) == 0
    capsys.readouterr()
    assert main(["list", "--db", str(db)]) == 0
    after = capsys.readouterr().out
    assert main(["--db", str(db), "list"]) == 0
    before = capsys.readouterr().out
    assert after == before and "30 821, nr. 196" in after
    assert main(["followup", "list", "--db", str(db)]) == 0  # a sub-command's sub-command too
    assert not (paths_default_db().exists())


def paths_default_db():
    from briefer import paths

    return paths.default_db_path()


def test_import_type_and_reparse_from_the_cli(tmp_path, sample_txt, capsys):
    db = tmp_path / "b.db"
    assert main(["import", str(sample_txt), "--type", "other", "--db", str(db)]) == 0
    out = capsys.readouterr().out
    assert "Ander document" in out and "— gekozen" in out
    assert main(["reparse", "latest", "--type", "schriftelijk_overleg", "--db", str(db)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Opnieuw ingelezen: kst-30821-196.txt als Verslag schriftelijk overleg")
    assert "Nieuwe versie van" in out and "Annotaties overgezet" in out
    assert main(["types"]) == 0
    listed = capsys.readouterr().out
    for name in ("kamervragen", "schriftelijk_overleg", "vragen_en_antwoorden", "nota_naar_aanleiding_van_verslag",
                 "brief", "other"):
        assert name in listed


def test_unknown_type_is_one_dutch_line(tmp_path, sample_txt):
    proc = subprocess.run([sys.executable, "-m", "briefer", "import", str(sample_txt), "--type", "roman",
                           "--db", str(tmp_path / "b.db")], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 1
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and "Onbekend documenttype 'roman'" in lines[0] and "brief" in lines[0]
    assert not (tmp_path / "b.db").exists() or "documents" not in proc.stdout
