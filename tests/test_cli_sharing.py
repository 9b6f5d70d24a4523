"""Issue 15 through the CLI: two (or three) staffers, real databases from the bundled sample, real
files swapped in both directions over several rounds — every case of the issue's "Why".
"""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest

from briefer.annotate import Annotations
from briefer.cli import main
from briefer.store import Store

SAMPLES = Path(__file__).resolve().parent.parent / "resources" / "samples"
QUOTE = "vertrouwelijke technische briefing"


@pytest.fixture
def staff(template, tmp_path):
    """Anna and Bram: two databases with the sample imported (the same file, their own ids)."""
    out = {}
    for name in ("anna", "bram", "carla"):
        out[name] = tmp_path / f"{name}.db"
        shutil.copy(template, out[name])
    return out


def run(db: Path, *args: str) -> int:
    return main(["--db", str(db), *args])


def swap(src: Path, dst: Path, tmp: Path, capsys) -> tuple[int, str]:
    """`src` shares its annotations (everything, ceiling vertrouwelijk) and `dst` imports them."""
    out = tmp / f"van-{src.stem}-{len(list(tmp.glob('van-*')))}.json"
    assert run(src, "annotations", "export", "latest", "--out", str(out), "--ceiling", "vertrouwelijk") == 0
    written = next(tmp.glob(f"{out.stem}*.json"))
    capsys.readouterr()
    code = run(dst, "annotations", "import", str(written))
    return code, capsys.readouterr().out


def both_ways(a: Path, b: Path, tmp: Path, capsys) -> None:
    swap(a, b, tmp, capsys)
    swap(b, a, tmp, capsys)
    swap(a, b, tmp, capsys)


class View:
    """The annotations of one database, read through the core (what the app would show)."""

    def __init__(self, db: Path) -> None:
        self.store = Store.open(db)
        self.ann = Annotations(self.store)
        self.doc = self.store.resolve("latest")

    def __enter__(self) -> View:
        return self

    def __exit__(self, *exc: object) -> None:
        self.store.close()

    def item(self, n: int):
        return self.store.item_by_number(self.doc.id, n)

    def highlights(self, n: int):
        return self.ann.highlights(self.item(n).id)

    def followups(self, n: int):
        return self.ann.followups(item_id=self.item(n).id)

    def note(self, n: int):
        return self.ann.note(self.doc.id, self.item(n).id)

    def tags(self, n: int):
        return sorted(d.name for d in self.ann.item_domains(self.item(n).id))


def followup_id(db: Path, n: int = 16) -> str:
    with View(db) as v:
        return v.followups(n)[0].id


def highlight_id(db: Path, n: int = 16) -> str:
    with View(db) as v:
        return v.highlights(n)[0].id


def test_a_revert_is_not_lost(staff, tmp_path, capsys):
    anna, bram = staff["anna"], staff["bram"]
    run(anna, "followup", "add", "latest", "16", "--text", "Briefing aanvragen")
    run(anna, "note", "latest", "1", "--text", "Termijnen ontbreken")
    fid = followup_id(anna)[:8]
    run(anna, "followup", "set", fid, "--status", "afgerond")
    both_ways(anna, bram, tmp_path, capsys)  # both have seen it closed
    run(bram, "followup", "set", fid, "--status", "open")  # Bram reopens it
    run(bram, "note", "latest", "1", "--text", "Tussentijds")
    swap(bram, anna, tmp_path, capsys)
    run(bram, "note", "latest", "1", "--text", "Termijnen ontbreken")  # and sets the old text back
    code, out = swap(bram, anna, tmp_path, capsys)
    assert code == 0 and "vorige versie" not in out
    with View(anna) as v:
        assert v.followups(16)[0].status.value == "open"
        assert v.note(1).body == "Termijnen ontbreken"


def test_separate_fields_survive_and_the_same_text_is_a_visible_conflict(staff, tmp_path, capsys):
    anna, bram = staff["anna"], staff["bram"]
    run(anna, "followup", "add", "latest", "16", "--text", "Briefing aanvragen")
    both_ways(anna, bram, tmp_path, capsys)
    fid = followup_id(anna)[:8]
    run(anna, "followup", "set", fid, "--status", "afgerond")  # Anna closes it
    run(bram, "followup", "set", fid, "--due", "2027-02-01")  # Bram moves its due date
    code, out = swap(bram, anna, tmp_path, capsys)
    assert code == 0 and "Conflict" not in out
    code, out = swap(anna, bram, tmp_path, capsys)
    for db in (anna, bram):
        with View(db) as v:
            f = v.followups(16)[0]
            assert (f.status.value, f.due) == ("afgerond", "2027-02-01")
    # the same text changed on both sides: a conflict, exit code 3, shown until someone picks
    run(anna, "followup", "set", fid, "--text", "Briefing aanvragen vóór het debat")
    run(bram, "followup", "set", fid, "--text", "Technische briefing aanvragen")
    code, out = swap(bram, anna, tmp_path, capsys)
    assert code == 3 and "1 conflict(en) open" in out
    assert run(anna, "annotations", "conflicts") == 0
    shown = capsys.readouterr().out
    assert "vóór het debat" in shown and "Technische briefing aanvragen" in shown
    code, _ = swap(anna, bram, tmp_path, capsys)
    assert code == 3  # Bram sees it too
    assert run(anna, "annotations", "conflicts", fid, "--take", "theirs") == 0
    code, _ = swap(anna, bram, tmp_path, capsys)
    assert code == 0
    for db in (anna, bram):
        with View(db) as v:
            assert v.followups(16)[0].text == "Technische briefing aanvragen"
            assert v.ann.conflicts() == []


def test_import_help_names_the_exit_codes(capsys):
    with pytest.raises(SystemExit):
        main(["annotations", "import", "--help"])
    assert "3 = samengevoegd, maar er staan conflicten open" in capsys.readouterr().out
    with pytest.raises(SystemExit):
        main(["sync", "--help"])
    assert "4 = de map is niet bereikbaar" in capsys.readouterr().out


def test_deletions_travel_and_an_untag_or_deleted_domain_does_not_come_back(staff, tmp_path, capsys):
    anna, bram = staff["anna"], staff["bram"]
    run(anna, "domains", "add", "Halfgeleiders")
    run(anna, "tag", "latest", "16", "Halfgeleiders", "4")
    run(anna, "highlight", "latest", "16", "--quote", QUOTE)
    run(anna, "followup", "add", "latest", "16", "--text", "Briefing aanvragen")
    run(anna, "note", "latest", "16", "--text", "Let op")
    both_ways(anna, bram, tmp_path, capsys)
    assert run(bram, "highlights", "delete", highlight_id(bram)[:8]) == 0
    assert run(bram, "followup", "delete", followup_id(bram)[:8]) == 0
    assert run(bram, "note", "latest", "16", "--text", "") == 0
    assert run(bram, "tag", "latest", "16", "4", "--remove") == 0
    assert run(bram, "domains", "delete", "Halfgeleiders") == 0
    for _ in range(2):
        both_ways(anna, bram, tmp_path, capsys)
    for db in (anna, bram):
        with View(db) as v:
            assert v.highlights(16) == [] and v.followups(16) == [] and v.note(16) is None
            assert v.tags(16) == [] and "Halfgeleiders" not in [d.name for d in v.ann.domains()]
    assert run(anna, "annotations", "trash") == 0
    assert "verwijderd door een collega" in capsys.readouterr().out


def test_a_raise_is_not_lost_to_an_edit_on_the_other_side(staff, tmp_path, capsys):
    anna, bram = staff["anna"], staff["bram"]
    run(anna, "highlight", "latest", "16", "--quote", QUOTE, "--level", "intern")
    both_ways(anna, bram, tmp_path, capsys)
    hid = highlight_id(anna)[:8]
    assert run(anna, "level", hid, "vertrouwelijk") == 0
    assert run(bram, "highlights", "edit", hid, "--domain", "2") == 0
    both_ways(anna, bram, tmp_path, capsys)
    for db in (anna, bram):
        with View(db) as v:
            [h] = v.highlights(16)
            assert h.level.value == "vertrouwelijk" and v.ann.domain(h.domain_id).key == 2
    # so Bram's intern briefing leaves it out
    from briefer.export import apply_ceiling
    from briefer.model import Level

    with View(bram) as v:
        kept, dropped = apply_ceiling(v.ann.bundle(v.doc.id), Level.INTERN)
        assert kept.highlights == [] and dropped["highlights"] == [16]


def test_levels_merge_upward_only_a_later_explicit_lowering_lowers(staff, tmp_path, capsys):
    anna, bram = staff["anna"], staff["bram"]
    run(anna, "highlight", "latest", "16", "--quote", QUOTE, "--level", "intern")
    both_ways(anna, bram, tmp_path, capsys)
    hid = highlight_id(anna)[:8]
    run(anna, "level", hid, "vertrouwelijk")
    run(bram, "level", hid, "openbaar")  # at the same time: never wins
    both_ways(anna, bram, tmp_path, capsys)
    with View(bram) as v:
        assert v.highlights(16)[0].level.value == "vertrouwelijk"
    capsys.readouterr()
    assert run(bram, "level", hid, "intern", "--lower") == 0  # now Bram has seen the raise: a real lowering
    assert "Let op" in capsys.readouterr().out
    both_ways(bram, anna, tmp_path, capsys)
    with View(anna) as v:
        assert v.highlights(16)[0].level.value == "intern"


def test_a_rename_travels_by_id(staff, tmp_path, capsys):
    anna, bram = staff["anna"], staff["bram"]
    run(anna, "tag", "latest", "16", "2")
    both_ways(anna, bram, tmp_path, capsys)
    assert run(bram, "domains", "rename", "2", "Technologie") == 0
    both_ways(bram, anna, tmp_path, capsys)
    for db in (anna, bram):
        with View(db) as v:
            names = [d.name for d in v.ann.domains()]
            assert "Technologie" in names and len(names) == 4
            assert v.tags(16) == ["Technologie"]


def test_the_same_work_on_both_sides_is_one(staff, tmp_path, capsys):
    anna, bram = staff["anna"], staff["bram"]
    for db in (anna, bram):
        run(db, "highlight", "latest", "16", "--quote", QUOTE)
        run(db, "followup", "add", "latest", "16", "--text", "Briefing aanvragen")
        run(db, "tag", "latest", "16", "3")
    both_ways(anna, bram, tmp_path, capsys)
    for db in (anna, bram):
        with View(db) as v:
            assert len(v.highlights(16)) == 1 and len(v.followups(16)) == 1 and len(v.tags(16)) == 1
    with View(anna) as a, View(bram) as b:
        assert a.highlights(16)[0].id == b.highlights(16)[0].id


def test_annotations_on_an_earlier_version_land_on_the_current_one(staff, tmp_path, capsys):
    anna, bram = staff["anna"], staff["bram"]
    assert run(anna, "import", str(SAMPLES / "kst-30821-196.txt")) == 0  # Anna has a new version
    run(bram, "highlight", "latest", "16", "--quote", QUOTE, "--note", "Van Bram")
    run(bram, "tag", "latest", "1", "4")
    code, out = swap(bram, anna, tmp_path, capsys)
    assert code == 0 and "nieuwste versie" in out
    with View(anna) as v:
        assert v.doc.version_of is not None
        [h] = v.highlights(16)
        assert v.item(16).answer[h.start:h.end] == QUOTE and h.note == "Van Bram"
        assert v.tags(1) == ["Voedselzekerheid"]
        old = v.doc.version_of
        assert v.ann.document_highlights(old) == []  # nothing parked on the old version
        assert v.ann.item_domains(v.store.item_by_number(old, 1).id) == []


def _dump(db: Path) -> list:
    conn = sqlite3.connect(db)
    try:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' "
                                             "AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%fts%'")]
        return [(t, sorted(map(repr, conn.execute(f'SELECT * FROM "{t}"')))) for t in sorted(tables)]
    finally:
        conn.close()


def test_read_commands_write_nothing(staff, tmp_path, capsys):
    anna = staff["anna"]
    run(anna, "highlight", "latest", "16", "--quote", QUOTE)
    run(anna, "followup", "add", "latest", "16", "--text", "Briefing aanvragen")
    before = _dump(anna)
    capsys.readouterr()
    assert run(anna, "annotations", "list", "latest", "--json") == 0
    listing = json.loads(capsys.readouterr().out)
    assert len(listing["highlights"]) == 1 and listing["highlights"][0]["item_number"] == 16
    assert run(anna, "annotations", "list", "latest") == 0
    assert run(anna, "annotations", "conflicts") == 0
    assert run(anna, "highlights", "list", "latest") == 0
    assert _dump(anna) == before


def test_every_annotation_action_is_in_the_cli(staff, capsys):
    anna = staff["anna"]
    run(anna, "highlight", "latest", "16", "--quote", QUOTE, "--note", "eerste")
    hid = highlight_id(anna)[:8]
    assert run(anna, "highlights", "edit", hid, "--note", "tweede", "--domain", "2") == 0
    assert run(anna, "highlights", "edit", hid, "--no-domain") == 0
    with View(anna) as v:
        [h] = v.highlights(16)
        assert h.note == "tweede" and h.domain_id is None
    assert run(anna, "note", "latest", "16", "--text", "Notitie") == 0
    assert run(anna, "note", "latest", "16", "--level", "vertrouwelijk") == 0  # the level alone
    assert run(anna, "followup", "add", "latest", "16", "--text", "Actie") == 0
    fid = followup_id(anna)[:8]
    assert run(anna, "level", fid, "openbaar") == 1  # from vertrouwelijk (the material): only knowingly
    assert run(anna, "level", fid, "openbaar", "--lower") == 0
    with View(anna) as v:
        assert v.note(16).body == "Notitie" and v.note(16).level.value == "vertrouwelijk"
        assert v.followups(16)[0].level.value == "openbaar"
    assert run(anna, "followup", "delete", fid) == 0
    assert run(anna, "highlights", "delete", hid) == 0
    with View(anna) as v:
        assert v.highlights(16) == [] and v.followups(16) == []
    capsys.readouterr()
    assert run(anna, "level", "zzzz", "intern") == 1
    assert "Geen markering of notitie of vervolgactie met id 'zzzz'" in capsys.readouterr().err
    assert run(anna, "note", "latest", "2", "--level", "intern") == 1


def test_export_has_a_ceiling_a_left_out_list_and_never_overwrites(staff, tmp_path, capsys):
    anna = staff["anna"]
    run(anna, "highlight", "latest", "16", "--quote", QUOTE, "--note", "GEHEIM-MERKTEKEN",
        "--level", "vertrouwelijk")
    run(anna, "note", "latest", "1", "--text", "Gewone notitie")
    out = tmp_path / "deel.json"
    capsys.readouterr()
    assert run(anna, "annotations", "export", "latest", "--out", str(out)) == 0
    printed = capsys.readouterr().out
    assert "Niet gedeeld, boven het plafond intern: 1 markering (vraag 16)." in printed
    assert "GEHEIM-MERKTEKEN" not in out.read_text(encoding="utf-8")
    assert run(anna, "annotations", "export", "latest", "--out", str(out)) == 1
    assert "--force" in capsys.readouterr().err
    assert run(anna, "annotations", "export", "latest", "--out", str(anna)) == 1
    assert run(anna, "annotations", "export", "latest", "--out", str(out), "--ceiling", "vertrouwelijk") == 0
    secret = tmp_path / "deel VERTROUWELIJK.json"
    assert "GEHEIM-MERKTEKEN" in secret.read_text(encoding="utf-8")
    assert json.loads(secret.read_text(encoding="utf-8"))["rubricering"] == "VERTROUWELIJK"


def test_a_hostile_file_is_one_dutch_line_and_changes_nothing(staff, tmp_path, capsys):
    anna = staff["anna"]
    run(anna, "note", "latest", "1", "--text", "Blijft")
    before = _dump(anna)
    cases = {"afgebroken.json": b'{"format": "briefer-annotaties", "version": 2, "entit',
             "binair.json": b"\x00\x01\x02PK",
             "diep.json": b"[" * 50_000 + b"]" * 50_000,
             "soort.json": json.dumps({"format": "briefer-annotaties", "version": 2,
                                       "entities": [{"id": "x1", "kind": "iets", "doc": None,
                                                     "origin": "ab", "f": {}}]}).encode()}
    for name, raw in cases.items():
        path = tmp_path / name
        path.write_bytes(raw)
        capsys.readouterr()
        assert run(anna, "annotations", "import", str(path)) == 1
        err = capsys.readouterr().err
        assert err.startswith("briefer: ") and err.count("\n") == 1 and name in err
    assert _dump(anna) == before


def test_three_staffers_share_a_folder_through_the_cli(staff, tmp_path, capsys):
    anna, bram, carla = staff["anna"], staff["bram"], staff["carla"]
    folder = tmp_path / "gedeelde map"
    assert run(anna, "sync", str(folder), "--author", "Anna") == 0
    assert "Gedeelde map gemaakt" in capsys.readouterr().out
    run(anna, "highlight", "latest", "16", "--quote", QUOTE, "--note", "Aanbod")
    run(bram, "followup", "add", "latest", "16", "--text", "Briefing aanvragen", "--level", "vertrouwelijk")
    run(carla, "note", "latest", "16", "--text", "Van Carla")
    for _ in range(2):
        for db, name in ((anna, "Anna"), (bram, "Bram"), (carla, "Carla")):
            assert run(db, "sync", str(folder), "--author", name) == 0
    capsys.readouterr()
    assert run(carla, "sync", str(folder), "--json") == 0
    assert json.loads(capsys.readouterr().out)["open_conflicts"] == 0
    for db in (anna, bram, carla):
        with View(db) as v:
            assert v.highlights(16)[0].note == "Aanbod" and v.note(16).body == "Van Carla"
    with View(anna) as v:  # Bram's vertrouwelijk follow-up never went into the intern folder
        assert v.followups(16) == []
    # offline: exit 4, nothing changed; a damaged file of a colleague: exit 5, retried later
    away = tmp_path / "weg"
    folder.rename(away)
    capsys.readouterr()
    assert run(carla, "sync", str(folder)) == 4
    assert "niet bereikbaar" in capsys.readouterr().err
    away.rename(folder)
    theirs = next(p for p in folder.rglob("000001*.json"))
    good = theirs.read_bytes()
    theirs.write_bytes(good[:100])
    fresh = tmp_path / "nieuw.db"
    shutil.copy(staff["carla"], fresh)
    with Store.open(fresh) as store:  # a copied database is a new replica: it reads everything
        store.db.conn.execute("DELETE FROM sync_folder_files")
        store.db.conn.commit()
    capsys.readouterr()
    assert run(fresh, "sync", str(folder)) == 5
    assert "Overgeslagen" in capsys.readouterr().out
    theirs.write_bytes(good)
    assert run(fresh, "sync", str(folder)) == 0
    # the same text changed by two: exit 3 until someone picks a side (3 goes before 5)
    hid = highlight_id(anna)[:8]
    run(anna, "highlights", "edit", hid, "--note", "Anna's lezing")
    run(bram, "highlights", "edit", hid, "--note", "Bram's lezing")
    assert run(anna, "sync", str(folder)) == 0
    assert run(bram, "sync", str(folder)) == 3
    assert "conflict" in capsys.readouterr().out
    assert run(anna, "sync", str(folder)) == 3  # Anna now sees it too
    assert run(anna, "annotations", "conflicts", hid, "--take", "mine") == 0
    assert run(anna, "sync", str(folder)) == 0 and run(bram, "sync", str(folder)) == 0
    with View(bram) as v:
        assert v.highlights(16)[0].note == "Anna's lezing"
