"""Annotations survive: a SIGKILL mid-burst, a full disk, and migrations from every earlier schema."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from annot_fixtures import add_document

from briefer.annotate import Annotations
from briefer.store import DiskFull, Store
from briefer.store.backup import check_integrity
from briefer.store.db import migration_files, open_database, schema_version

REPO = Path(__file__).resolve().parents[2]

CHILD = textwrap.dedent("""
    import sys
    from briefer.annotate import Annotations
    from briefer.store import Store

    store = Store.open(sys.argv[1])
    ann = Annotations(store)
    items = store.items(sys.argv[2])
    for n in range(1000):
        item = items[n % len(items)]
        if n % 4 == 3:
            change = ann.add_followup(item.id, f"Vervolgactie {n}", level="vertrouwelijk")
        else:
            start = n % 40
            change = ann.add_highlight(item.id, "answer", start, start + 10, note=f"notitie {n}")
        print(change.table, change.id, flush=True)
""")


@pytest.mark.slow
@pytest.mark.parametrize("kill_after", [120, 650])
def test_sigkill_mid_burst_keeps_every_returned_write(tmp_path, kill_after):
    path = tmp_path / "kill.db"
    with Store.open(path) as store:
        doc = add_document(store)
        Annotations(store)  # seed domains before the burst
    script = tmp_path / "burst.py"
    script.write_text(CHILD, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    child = subprocess.Popen([sys.executable, str(script), str(path), doc.id], stdout=subprocess.PIPE,
                             text=True, env=env, cwd=REPO)
    returned: list[tuple[str, str]] = []
    assert child.stdout is not None
    for line in child.stdout:
        returned.append(tuple(line.split()))  # type: ignore[arg-type]
        if len(returned) == kill_after:
            os.kill(child.pid, signal.SIGKILL)
            break
    child.wait(timeout=30)
    assert child.returncode == -signal.SIGKILL, "the child finished before it could be killed"
    # lines already printed but not yet read are returned writes too
    returned += [tuple(line.split()) for line in child.stdout.read().splitlines()]  # type: ignore[misc]
    assert len(returned) < 1000

    assert check_integrity(path) == []
    with Store.open(path) as store:
        conn = store.db.conn
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        stored = {t: {r[0] for r in conn.execute(f"SELECT id FROM {t}")} for t in ("highlights", "followups")}
        missing = [(t, i) for t, i in returned if i not in stored[t]]
        assert missing == []
        assert len(stored["highlights"]) + len(stored["followups"]) >= len(returned)
        assert Annotations(store).search("notitie")  # the FTS index is usable too
        conn.execute("INSERT INTO annotation_fts (annotation_fts) VALUES ('integrity-check')")


WRITER = textwrap.dedent("""
    import sys
    from briefer.annotate import Annotations
    from briefer.store import Store

    store = Store.open(sys.argv[1])
    ann = Annotations(store)
    items = store.items(sys.argv[2])
    for n in range(150):
        item = items[n % len(items)]
        ann.add_highlight(item.id, "answer", n % 30, n % 30 + 5, note=f"{sys.argv[3]} {n}")
        ann.set_note(item.document_id, item.id, f"{sys.argv[3]} {n}")
""")


@pytest.mark.slow
def test_two_processes_writing_at_once_both_succeed(tmp_path):
    path = tmp_path / "samen.db"
    with Store.open(path) as store:
        doc = add_document(store)  # the default domains are seeded by whichever process is first
    script = tmp_path / "writer.py"
    script.write_text(WRITER, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    procs = [subprocess.Popen([sys.executable, str(script), str(path), doc.id, name], env=env, cwd=REPO,
                              stderr=subprocess.PIPE, text=True) for name in ("app", "cli")]
    errors = [p.communicate(timeout=60)[1] for p in procs]
    assert [p.returncode for p in procs] == [0, 0], errors
    with Store.open(path) as store:
        assert store.db.conn.execute("SELECT count(*) FROM highlights").fetchone()[0] == 300
        assert len(Annotations(store).domains()) == 4


def test_full_disk_is_a_named_error_and_loses_nothing_committed(db_path):
    store = Store.open(db_path)
    ann = Annotations(store)
    doc = add_document(store)
    item = store.items(doc.id)[0]
    conn = store.db.conn
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    conn.execute(f"PRAGMA max_page_count = {pages + 12}")  # room for a few (row, index, versions)
    committed: list[str] = []
    words = " ".join(f"woord{k}" for k in range(600))
    with pytest.raises(DiskFull) as err:
        for n in range(500):
            committed.append(ann.add_highlight(item.id, "answer", 0, 12, note=f"{n} {words}").id)
    assert committed, "the limit was hit before anything could be written"
    message = str(err.value)
    assert "vol" in message and "\n" not in message
    assert not conn.in_transaction
    kept = [h.id for h in ann.highlights(item.id)]
    assert sorted(kept) == sorted(committed)  # every committed one, and not the failed one
    store.close()
    assert check_integrity(db_path) == []
    with Store.open(db_path) as reopened:
        again = Annotations(reopened)
        assert {h.id for h in again.highlights(item.id)} == set(committed)
        again.add_highlight(item.id, "answer", 0, 12, note="past weer")  # no limit on a new connection
        reopened.db.conn.execute("INSERT INTO annotation_fts (annotation_fts) VALUES ('integrity-check')")
        assert len(again.search("woord599", limit=1000)) == len(committed)


ORIGINAL = bytes(range(256)) * 64  # every byte value: the original must survive migrations as it is


def _add_document_at(store: Store, tables: set[str]):
    """`add_document` on a schema from before the originals table (010): the store writes the
    original into a temporary table of that name, moved into `documents.original` as then."""
    if "document_originals" in tables:
        return add_document(store, original=ORIGINAL)
    conn = store.db.conn
    conn.execute("CREATE TEMP TABLE document_originals (document_id TEXT, data BLOB)")
    doc = add_document(store, original=ORIGINAL)
    conn.execute("UPDATE main.documents SET original = (SELECT data FROM temp.document_originals "
                 "WHERE document_id = main.documents.id)")
    conn.commit()
    conn.execute("DROP TABLE temp.document_originals")
    assert conn.execute("SELECT original FROM documents").fetchone()[0] == ORIGINAL
    return doc


def _fill(store: Store, tables: set[str]) -> dict[str, str]:
    """Real data for whatever the schema at this version holds."""
    made: dict[str, str] = {}
    if "documents" in tables:
        doc = _add_document_at(store, tables)
        made["doc"] = doc.id
        if "highlights" in tables:
            ann = Annotations(store)
            item = store.item_by_number(doc.id, 2)
            made["hl"] = ann.highlight_quote(item.id, "recycling", note="hergebruik van magneten").id
            made["fu"] = ann.add_followup(item.id, "Briefing", level="vertrouwelijk").id
            ann.set_note(doc.id, None, "Kern")
            made["domain"] = ann.add_domain("Veiligheid").id
            ann.tag_item(item.id, made["domain"])
    return made


@pytest.mark.parametrize("applied", range(len(migration_files())))
def test_migrate_from_every_earlier_schema_with_data(tmp_path, applied):
    files = migration_files()
    path = tmp_path / "oud.db"
    db = open_database(path, files=files[:applied])
    assert schema_version(db) == [f.stem for f in files[:applied]]
    tables = {r[0] for r in db.conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    made = _fill(Store(db, path), tables)
    db.conn.close()

    with Store.open(path) as store:
        assert schema_version(store.db) == [f.stem for f in files]
        assert store.db.conn.execute("PRAGMA foreign_key_check").fetchall() == []
        ann = Annotations(store)
        if "doc" in made:
            assert [i.number for i in store.items(made["doc"])] == [1, 2, 3]
            assert store.original(made["doc"]) == ORIGINAL  # byte for byte
        if "hl" in made:
            assert ann.highlight(made["hl"]).note == "hergebruik van magneten"
            assert ann.followup(made["fu"]).level.value == "vertrouwelijk"
            assert ann.note(made["doc"], None).body == "Kern"
            assert ann.search("magneten")[0].ref_id == made["hl"]
            assert "Veiligheid" in [d.name for d in ann.domains()]
        else:
            assert len(ann.domains()) == 4  # seeded on the first open after the upgrade
        doc_id = made.get("doc") or add_document(store).id
        item = store.item_by_number(doc_id, 1)
        assert ann.highlight_quote(item.id, "strategische afhankelijkheden", field="answer").id
    assert check_integrity(path) == []
