"""CLI: a reading command starts with only what it uses (issue 16: `briefer search` within 80 ms
of a bare `python -c` running the same SQLite query; bench/search_bench.py measures it)."""

from __future__ import annotations

import subprocess
import sys

from briefer.cli import main

# Modules `briefer search` has no use for; each cost milliseconds at every start.
NOT_FOR_READING = (
    "typing",  # type hints only (TYPE_CHECKING = False)
    "uuid", "platform",  # new ids: writing commands only
    "shutil", "bz2", "lzma",  # argparse's terminal width (briefer.cli._Parser), the disk-full message
    "random",  # the lock's slot: Windows only
    "locale",  # gettext asked once per message, not at every parser
    "briefer.model",  # parsing and annotation dataclasses (briefer.records has what reading needs)
    "briefer.store.backup", "briefer.annotate", "sqlite_utils",
)


def _loaded_after(*argv: str) -> tuple[set[str], str]:
    code = ("import sys, io, contextlib\n"
            "from briefer.cli import main\n"
            "out = io.StringIO()\n"
            "with contextlib.redirect_stdout(out):\n"
            f"    code = main({list(argv)!r})\n"
            "sys.stderr.write(out.getvalue())\n"
            "print('\\n'.join(sorted(sys.modules)))\n"
            "sys.exit(code)\n")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    return set(proc.stdout.split()), proc.stderr


def test_search_imports_only_what_it_uses(tmp_path, sample_txt, capsys):
    db = tmp_path / "b.db"
    assert main(["import", str(sample_txt), "--db", str(db)]) == 0
    capsys.readouterr()
    loaded, printed = _loaded_after("--db", str(db), "search", "kabinet")
    assert "vraag" in printed and "«" in printed  # it really searched and printed hits with snippets
    assert "briefer.store.search" in loaded and "briefer.records" in loaded
    assert sorted(set(NOT_FOR_READING) & loaded) == []


def test_list_and_help_import_no_model_either(tmp_path, sample_txt, capsys):
    db = tmp_path / "b.db"
    assert main(["import", str(sample_txt), "--db", str(db)]) == 0
    capsys.readouterr()
    loaded, printed = _loaded_after("--db", str(db), "list")
    assert "30 821, nr. 196" in printed
    assert sorted(set(NOT_FOR_READING) & loaded) == []


def test_model_still_offers_every_record_and_vocabulary():
    """`briefer.model` re-exports `briefer.records`: code importing from the model keeps working."""
    from briefer import model, records

    public = {name for name, value in vars(records).items() if not name.startswith("_")
              and getattr(value, "__module__", None) in ("briefer.records", None)} - {"UTC"}  # its own
    assert public >= {"StoredDocument", "StoredItem", "Footnote", "Person", "Level", "DocType", "new_id"}
    for name in public:
        assert getattr(model, name) is getattr(records, name), name
        assert name in model.__all__, name
