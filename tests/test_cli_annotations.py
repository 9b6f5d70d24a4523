"""The annotation CLI end to end on the bundled sample (Kamerstuk 30 821, nr. 196)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from briefer.annotate import Annotations
from briefer.cli import main
from briefer.store import Store

SAMPLES = Path(__file__).resolve().parent.parent / "resources" / "samples"


@pytest.fixture
def db(template, tmp_path) -> Path:
    path = tmp_path / "briefer.db"
    shutil.copy(template, path)
    return path


def run(db: Path, *args: str) -> int:
    return main(["--db", str(db), *args])


def state(db: Path) -> tuple:
    with Store.open(db) as store:
        Annotations(store)  # seeds the default domains on first open
        conn = store.db.conn
        return tuple(conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                     for t in ("item_domains", "highlights", "notes", "followups", "domains", "trash"))


def test_tag_by_key_and_name_and_untag(db, capsys):
    assert run(db, "tag", "30821-196", "16", "2", "medische producten") == 0
    with Store.open(db) as store:
        ann = Annotations(store)
        item = store.item_by_number(store.resolve("latest").id, 16)
        assert [d.key for d in ann.item_domains(item.id)] == [2, 3]
    assert run(db, "tag", "latest", "16", "3", "--remove") == 0
    assert "vraag 16" in capsys.readouterr().out
    assert state(db)[0] == 1


def test_unknown_domain_or_item_is_one_dutch_line_and_writes_nothing(db, capsys):
    before = state(db)
    assert run(db, "tag", "latest", "16", "2", "sport") == 1
    err = capsys.readouterr().err
    assert err.startswith("briefer: Domein 'sport' bestaat niet") and err.count("\n") == 1
    assert run(db, "tag", "latest", "99", "2") == 1
    assert "Vraag 99" in capsys.readouterr().err
    assert state(db) == before


def test_highlight_by_quote(db, capsys):
    assert run(db, "highlight", "latest", "16", "--quote", "vertrouwelijke technische briefing",
               "--domain", "digitale", "--note", "Aanbod van het kabinet", "--level", "vertrouwelijk") == 0
    assert "Markering toevoegen" in capsys.readouterr().out
    with Store.open(db) as store:
        ann = Annotations(store)
        item = store.item_by_number(store.resolve("latest").id, 16)
        [hl] = ann.highlights(item.id)
        assert item.answer[hl.start:hl.end] == "vertrouwelijke technische briefing"
        assert hl.level.value == "vertrouwelijk" and ann.domain(hl.domain_id).key == 2


def test_highlight_refuses_absent_and_ambiguous_quotes(db, capsys):
    before = state(db)
    assert run(db, "highlight", "latest", "16", "--quote", "een zin die er niet staat") == 1
    assert "komt niet voor in vraag 16" in capsys.readouterr().err
    assert run(db, "highlight", "latest", "16", "--quote", "het kabinet") == 1
    err = capsys.readouterr().err
    assert "keer voor in vraag 16; maak het citaat langer" in err
    assert state(db) == before


def test_notes_and_followups(db, capsys):
    assert run(db, "note", "latest", "16", "--text", "Briefing aanvragen?", "--level", "vertrouwelijk") == 0
    assert run(db, "note", "latest", "--text", "Kern: geen kwantitatieve doelen") == 0
    assert run(db, "followup", "add", "latest", "16", "--text", "Technische briefing aanvragen",
               "--kind", "technische briefing aanvragen", "--due", "2026-12-15", "--owner", "Sanne",
               "--level", "vertrouwelijk") == 0
    assert run(db, "followup", "add", "latest", "1", "--text", "Voortgangsbrief bewaken",
               "--kind", "toezegging bewaken") == 0
    capsys.readouterr()
    assert run(db, "followup", "list", "--json") == 0
    listed = json.loads(capsys.readouterr().out)
    assert [(f["item_number"], f["level"], f["due"]) for f in listed] == [
        (16, "vertrouwelijk", "2026-12-15"), (1, "intern", None)]
    assert run(db, "followup", "set", listed[0]["id"][:8], "--status", "afgerond") == 0
    capsys.readouterr()
    assert run(db, "followup", "list", "--status", "open") == 0
    out = capsys.readouterr().out
    assert "Voortgangsbrief" in out and "Technische briefing" not in out
    assert run(db, "followup", "list", "--level", "openbaar") == 0
    assert "Geen vervolgacties" in capsys.readouterr().out
    assert run(db, "followup", "add", "latest", "1", "--text", "x", "--due", "15-12-2026") == 1
    assert "JJJJ-MM-DD" in capsys.readouterr().err
    with Store.open(db) as store:
        ann = Annotations(store)
        doc = store.resolve("latest")
        assert ann.note(doc.id, None).body.startswith("Kern:")
        assert ann.note(doc.id, store.item_by_number(doc.id, 16).id).level.value == "vertrouwelijk"


def test_domains_commands(db, capsys):
    assert run(db, "domains") == 0
    assert capsys.readouterr().out.count("\n") == 4
    assert run(db, "domains", "add", "Veiligheid en defensie", "--colour", "#334455") == 0
    assert run(db, "tag", "latest", "5", "veiligheid") == 0
    assert run(db, "domains", "rename", "5", "Defensie") == 0
    assert run(db, "domains", "recolour", "defensie", "#abcdef") == 0
    assert run(db, "domains", "merge", "defensie", "1") == 0
    out = capsys.readouterr().out
    assert "1 vragen en 0 markeringen" in out
    assert run(db, "domains", "delete", "1") == 0
    assert "1 vragen ontlabeld" in capsys.readouterr().out
    assert run(db, "domains", "list", "--json") == 0
    names = [d["name"] for d in json.loads(capsys.readouterr().out)]
    assert names == ["Digitale en (hoogwaardige) technologische toepassingen", "Medische producten",
                     "Voedselzekerheid"]
    assert run(db, "annotations", "trash") == 0
    trash = capsys.readouterr().out.splitlines()
    grond = next(line for line in trash if "Grondstoffen" in line)
    assert run(db, "annotations", "restore", grond.split()[0]) == 0
    assert state(db)[0] == 1  # the tag came back with the domain


def test_export_import_between_colleagues(db, tmp_path, capsys):
    run(db, "tag", "latest", "16", "2")
    run(db, "highlight", "latest", "16", "--quote", "vertrouwelijke technische briefing", "--note", "Aanbod")
    run(db, "followup", "add", "latest", "16", "--text", "Briefing aanvragen", "--level", "vertrouwelijk")
    out = tmp_path / "deel" / "annotaties.json"
    capsys.readouterr()
    assert run(db, "annotations", "export", "latest", "--out", str(out), "--ceiling", "vertrouwelijk") == 0
    assert "VERTROUWELIJK" in capsys.readouterr().out
    out = out.with_name("annotaties VERTROUWELIJK.json")
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["format"] == "briefer-annotaties" and data["version"] == 2
    assert [e["kind"] for e in data["entities"]].count("highlight") == 1

    other = tmp_path / "collega.db"
    assert run(other, "import", str(SAMPLES / "kst-30821-196.pdf")) == 0
    capsys.readouterr()
    assert run(other, "annotations", "import", str(out)) == 0
    assert "Toegevoegd: 1 markering(s), 1 vervolgactie(s), 1 label(s)" in capsys.readouterr().out
    assert state(other)[:4] == (1, 1, 0, 1)
    assert run(other, "annotations", "import", str(out)) == 0
    assert "Toegevoegd: niets;" in capsys.readouterr().out
    assert state(other)[:4] == (1, 1, 0, 1)
    bad = tmp_path / "kapot.json"
    bad.write_text("{niet json", encoding="utf-8")
    assert run(other, "annotations", "import", str(bad)) == 1
    assert "kapot.json is geen geldige JSON" in capsys.readouterr().err


def test_new_version_import_carries_annotations(db, capsys):
    run(db, "highlight", "latest", "16", "--quote", "vertrouwelijke technische briefing")
    run(db, "note", "latest", "1", "--text", "Termijnen ontbreken")
    capsys.readouterr()
    assert run(db, "import", str(SAMPLES / "kst-30821-196.txt")) == 0
    out = capsys.readouterr().out
    assert "Annotaties overgezet: 1 markeringen" in out and "1 notities" in out
    with Store.open(db) as store:
        ann = Annotations(store)
        new = store.resolve("latest")
        assert new.version_of is not None
        item = store.item_by_number(new.id, 16)
        [hl] = ann.highlights(item.id)
        assert item.answer[hl.start:hl.end] == "vertrouwelijke technische briefing"
        assert ann.note(new.id, store.item_by_number(new.id, 1).id).body == "Termijnen ontbreken"


def test_damaged_database_is_one_dutch_line(tmp_path, capsys):
    bad = tmp_path / "kapot.db"
    bad.write_bytes(b"geen database" * 200)
    assert run(bad, "domains") == 1
    err = capsys.readouterr().err
    assert "beschadigd" in err and err.count("\n") == 1


def test_title_shows_sets_and_clears_the_outline_line(tmp_path, capsys):
    """`briefer title DOC VRAAG [TITEL|--clear]`: the same title the app's outline shows (F2)."""
    from briefer.cli import main

    db = str(tmp_path / "t.db")
    sample = Path(__file__).resolve().parents[1] / "resources" / "samples" / "kst-30821-196.pdf"
    assert main(["--db", db, "import", str(sample)]) == 0
    capsys.readouterr()
    assert main(["--db", db, "title", "latest", "16"]) == 0
    assert "geen eigen titel" in capsys.readouterr().out
    assert main(["--db", db, "title", "latest", "16", "Rol  AIVD\nen MIVD"]) == 0
    capsys.readouterr()
    assert main(["--db", db, "title", "latest", "16"]) == 0
    assert capsys.readouterr().out.strip() == "Rol AIVD en MIVD"  # one line, spaces folded
    assert main(["--db", db, "show", "latest"]) == 0
    assert "Rol AIVD en MIVD" in capsys.readouterr().out
    assert main(["--db", db, "title", "latest", "16", "--clear"]) == 0
    capsys.readouterr()
    assert main(["--db", db, "show", "latest"]) == 0
    assert "Rol AIVD en MIVD" not in capsys.readouterr().out


def test_clip_prints_one_question_within_a_ceiling(tmp_path, capsys):
    """`briefer clip DOC VRAAG [--ceiling]`: the app's "Vraag kopiëren als tekst", for a terminal."""
    from briefer.cli import main

    db = str(tmp_path / "t.db")
    sample = Path(__file__).resolve().parents[1] / "resources" / "samples" / "kst-30821-196.pdf"
    assert main(["--db", db, "import", str(sample)]) == 0
    assert main(["--db", db, "note", "latest", "16", "--text", "Wij vinden dit **zwak**"]) == 0
    assert main(["--db", db, "followup", "add", "latest", "16", "--text", "Geheim CLIPFUP",
                 "--level", "vertrouwelijk"]) == 0
    capsys.readouterr()
    assert main(["--db", db, "clip", "latest", "16"]) == 0
    out, err = capsys.readouterr()
    assert "vraag 16" in out and "Wij vinden dit **zwak**" in out and "Antwoord van het kabinet:" in out
    assert "CLIPFUP" not in out and "VERTROUWELIJK" not in out and "[^" not in out
    assert "1 vervolgactie" in err
    assert main(["--db", db, "clip", "latest", "16", "--ceiling", "vertrouwelijk"]) == 0
    out = capsys.readouterr().out
    assert "CLIPFUP" in out and out.startswith("VERTROUWELIJK")
