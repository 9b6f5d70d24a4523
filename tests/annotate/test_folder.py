"""The shared folder: each database writes only new files in its own subfolder and reads the
others'; the folder's ceiling is never exceeded; offline syncs change nothing and catch up later.
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
from pathlib import Path

import pytest
from annot_fixtures import add_document, snapshot
from replicas import rows_dump, state_dump

from briefer.annotate import Annotations
from briefer.annotate.errors import ExchangeError
from briefer.annotate.folder import MANIFEST, FolderUnreachable, sync_folder
from briefer.store import Store


class Staffer:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.store = Store.open(path)
        self.ann = Annotations(self.store)
        docs = self.store.documents()
        self.doc = docs[0] if docs else add_document(self.store)
        self.items = {i.number: i for i in self.store.items(self.doc.id)}
        self.rep = self  # the dump helpers read .store and .doc

    def sync(self, folder: Path, **kw):
        return sync_folder(self.ann, folder, databases=(self.path,), **kw)


@pytest.fixture
def staffers(tmp_path):
    out = [Staffer(tmp_path / f"s{k}.db") for k in range(3)]
    yield out
    for s in out:
        s.store.close()


def files(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*.json"))}


def everyone(staff: list[Staffer], folder: Path, rounds: int = 2) -> None:
    for _ in range(rounds):
        for s in staff:
            s.sync(folder)


def test_a_new_folder_gets_a_ceiling_and_each_database_its_own_append_only_files(staffers, tmp_path):
    a, b, c = staffers
    folder = tmp_path / "gedeeld"
    report = a.sync(folder)
    assert report.created and report.ceiling == "intern"
    manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    assert manifest["ceiling"] == "intern" and manifest["format"] == "briefer-gedeelde-map"
    a.ann.highlight_quote(a.items[2].id, "recycling", note="van A")
    b.ann.add_followup(b.items[1].id, "Van B")
    c.ann.set_note(c.doc.id, c.items[3].id, "Van C")
    seen: dict[str, str] = {}
    for _ in range(3):
        for s in staffers:
            s.sync(folder)
            now = files(folder)
            assert all(now[name] == digest for name, digest in seen.items()), "a file was changed"
            seen = now
    subfolders = {p.name for p in folder.iterdir() if p.is_dir()}
    assert len(subfolders) == 3  # one per database, none shared
    for p in folder.rglob("*.json"):
        assert stat.S_IMODE(os.stat(p).st_mode) == 0o600
    dumps = [state_dump(s) for s in staffers]
    assert dumps[0] == dumps[1] == dumps[2]
    assert rows_dump(a) == rows_dump(b) == rows_dump(c)
    assert c.ann.highlights(c.items[2].id)[0].note == "van A"
    # a sync with nothing new writes nothing
    before = files(folder)
    assert a.sync(folder).written is None and files(folder) == before


def test_the_ceiling_is_fixed_and_nothing_above_it_is_written(staffers, tmp_path):
    a, b, _ = staffers
    folder = tmp_path / "gedeeld"
    a.sync(folder)
    with pytest.raises(ExchangeError) as err:
        a.sync(folder, ceiling="vertrouwelijk")
    assert "plafond intern" in str(err.value)
    hid = a.ann.highlight_quote(a.items[2].id, "recycling", note="gewone notitie").id
    a.ann.add_followup(a.items[2].id, "GEHEIM-MERKTEKEN", level="vertrouwelijk")
    secret = a.ann.add_domain("Operatie Nachtvlinder").id
    a.ann.highlight_quote(a.items[1].id, "belangrijke prioriteit", level="vertrouwelijk", domain_id=secret)
    report = a.sync(folder)
    assert report.left_out == ["Niet gedeeld, boven het plafond intern: 1 vervolgactie, 1 markering "
                               "(vraag 1, 2)."]
    b.sync(folder)
    assert b.ann.highlight(hid).note == "gewone notitie"
    # raised after it was shared: the raise travels, its new content does not
    a.ann.update_highlight(hid, level="vertrouwelijk", note="NIEUW-GEHEIM")
    a.sync(folder)
    b.sync(folder)
    assert b.ann.highlight(hid).level.value == "vertrouwelijk" and b.ann.highlight(hid).note == "gewone notitie"
    text = "".join(p.read_text(encoding="utf-8") for p in folder.rglob("*.json"))
    assert "GEHEIM-MERKTEKEN" not in text and "NIEUW-GEHEIM" not in text and "Nachtvlinder" not in text
    assert not any("VERTROUWELIJK" in p.name for p in folder.rglob("*.json"))


def test_a_confidential_folder_marks_its_files(staffers, tmp_path):
    a, b, _ = staffers
    folder = tmp_path / "vertrouwelijk"
    a.ann.add_followup(a.items[2].id, "Technische briefing", level="vertrouwelijk")
    assert a.sync(folder, ceiling="vertrouwelijk").ceiling == "vertrouwelijk"
    [mine] = [p for p in folder.rglob("*.json") if p.name != MANIFEST]
    assert mine.name.endswith(" VERTROUWELIJK.json")
    assert json.loads(mine.read_text(encoding="utf-8"))["rubricering"] == "VERTROUWELIJK"
    b.sync(folder)
    assert [f.text for f in b.ann.followups()] == ["Technische briefing"]


def test_offline_changes_nothing_and_catches_up(staffers, tmp_path):
    a, b, _ = staffers
    folder = tmp_path / "netwerk" / "gedeeld"
    folder.parent.mkdir()
    a.sync(folder)
    b.sync(folder)
    a.ann.set_note(a.doc.id, a.items[1].id, "Geschreven in de trein")
    hidden = tmp_path / "elders"
    folder.parent.rename(hidden)  # the drive is gone
    before = snapshot(a.store)
    with pytest.raises(FolderUnreachable):
        a.sync(folder)
    assert snapshot(a.store) == before
    a.ann.set_note(a.doc.id, a.items[2].id, "Nog een")
    folder.parent.mkdir()  # an empty mount point: never mistaken for the folder
    with pytest.raises(FolderUnreachable):
        a.sync(folder)
    assert not folder.exists()
    folder.parent.rmdir()
    hidden.rename(folder.parent)  # back online
    a.sync(folder)
    b.sync(folder)
    assert b.ann.note(b.doc.id, b.items[1].id).body == "Geschreven in de trein"
    assert b.ann.note(b.doc.id, b.items[2].id).body == "Nog een"


def test_a_damaged_or_half_synced_file_is_skipped_and_read_later(staffers, tmp_path):
    a, b, _ = staffers
    folder = tmp_path / "gedeeld"
    a.ann.set_note(a.doc.id, a.items[1].id, "Eerst")
    a.sync(folder)
    [written] = [p for p in folder.rglob("*.json") if p.name != MANIFEST]
    good = written.read_bytes()
    written.write_bytes(good[: len(good) // 3])  # the cloud client is still copying it
    report = b.sync(folder)
    assert report.skipped and "volgende keer opnieuw" in report.skipped[0]
    assert b.ann.note(b.doc.id, b.items[1].id) is None
    written.write_bytes(good)
    report = b.sync(folder)
    assert report.skipped == [] and b.ann.note(b.doc.id, b.items[1].id).body == "Eerst"


def test_a_folder_with_other_files_is_not_taken_over(staffers, tmp_path):
    a = staffers[0]
    folder = tmp_path / "documenten"
    folder.mkdir()
    (folder / "brief.docx").write_bytes(b"x")
    with pytest.raises(ExchangeError) as err:
        a.sync(folder)
    assert "lege map" in str(err.value)
    assert not (folder / MANIFEST).exists()


def test_own_merge_decisions_are_written_but_nobody_elses_changes_are_relayed(staffers, tmp_path):
    a, b, _ = staffers
    folder = tmp_path / "gedeeld"
    a.ann.highlight_quote(a.items[2].id, "recycling")
    b.ann.highlight_quote(b.items[2].id, "recycling")
    a.sync(folder)
    report = b.sync(folder)  # b sees the same highlight twice and merges them
    assert report.merge is not None and report.merge.unified == 1
    me = b.ann.rows.meta("sync_replica")
    content = [json.loads(p.read_text(encoding="utf-8")) for p in (folder / me).glob("*.json")]
    for data in content:
        for e in data["entities"]:
            touched = {r for reg in e["f"].values() for r in reg[1]}
            assert me in touched  # only what b itself changed (its own, or its merge decision)
    a.ann.set_note(a.doc.id, a.items[1].id, "Alleen van A")
    a.sync(folder)
    b.sync(folder)
    assert b.sync(folder).written is None  # b received a's note: nothing of its own to write
    everyone([a, b], folder)
    assert len(a.ann.highlights(a.items[2].id)) == 1 and len(b.ann.highlights(b.items[2].id)) == 1


def test_annotations_for_a_document_not_yet_here_wait_and_then_appear(staffers, tmp_path):
    a = staffers[0]
    folder = tmp_path / "gedeeld"
    other = add_document(a.store, identifier="kst-36000-1")
    a.ann.set_note(other.id, a.store.items(other.id)[0].id, "Over een ander stuk")
    a.sync(folder)
    with Store.open(tmp_path / "leeg.db") as store:  # has only the first document
        add_document(store)
        ann = Annotations(store)
        report = sync_folder(ann, folder)
        assert any("nog niet geplaatst" in line for line in report.lines())
        doc = add_document(store, identifier="kst-36000-1")  # imported later
        assert ann.place_pending(doc.id) == 1
        assert ann.note(doc.id, store.items(doc.id)[0].id).body == "Over een ander stuk"
