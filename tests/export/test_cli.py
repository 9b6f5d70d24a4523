"""`briefer export`: the real store and annotation layer feeding the exporter."""

from __future__ import annotations

import docx
import pytest
from export_helpers import _HAND_FOOTNOTES, _HAND_ITEMS, all_parts_text, audit

from briefer.cli import main
from briefer.model import Document, FollowUpKind, Item, Level


@pytest.fixture
def db(tmp_path):
    from briefer.annotate import Annotations
    from briefer.store import Store

    path = tmp_path / "briefer.db"
    store = Store.open(path)
    doc = Document(
        source="kst-30821-196.pdf", doc_type="schriftelijk_overleg", identifier="kst-30821-196",
        kamerstuk="30 821, nr. 196", dossier="30 821", ondernummer="196", vergaderjaar="2022–2023",
        title="Verslag van een schriftelijk overleg", footnotes=list(_HAND_FOOTNOTES),
        items=[Item(number=n, question=q, answer=a, party=p, pages=list(pages)) for n, p, pages, q, a in _HAND_ITEMS],
    )
    stored = store.add_document(doc, b"%PDF-sample").document
    ann = Annotations(store)
    items = {it.number: it for it in store.items(stored.id)}
    energie, digitaal = ann.domains()[0], ann.domains()[1]
    ann.tag_item(items[1].id, energie.id)
    ann.tag_item(items[16].id, digitaal.id)
    ann.highlight_quote(items[1].id, "Aan het einde van het jaar zal uw Kamer", domain_id=energie.id)
    ann.set_note(stored.id, items[16].id, "Geheim: CLI-SECRET-0042", level=Level.VERTROUWELIJK)
    ann.set_note(stored.id, None, "- **Kern** van de zaak", level=Level.INTERN)
    ann.add_followup(items[1].id, "Voortgangsbrief bewaken", kind=FollowUpKind.TOEZEGGING, owner="Kim")
    store.close()
    return path


def test_export_kamerlid_from_the_store(db, tmp_path, capsys):
    out = tmp_path / "out"
    out.mkdir()
    code = main(["--db", str(db), "export", "30821-196", "--kind", "kamerlid", "--out", str(out),
                 "--author", "Kim de Vries"])
    captured = capsys.readouterr()
    assert code == 0, captured.err
    assert "Weggelaten:" in captured.out and "1 notitie boven het niveau intern (vraag 16)" in captured.out
    written = next(out.iterdir())
    assert str(written) in captured.out and written.name.endswith("Kamerlidbriefing 30821-196.docx")
    document = docx.Document(str(written))
    assert document.core_properties.author == "Kim de Vries"
    texts = [p.text for p in document.paragraphs]
    assert "Kern" in texts and "Grondstoffen en (fossiele) energie" in texts
    assert not any("CLI-SECRET-0042" in t for t in all_parts_text(written).values())


def test_export_technisch_vertrouwelijk_per_domain(db, tmp_path, capsys):
    target = tmp_path / "tech.docx"
    code = main(["--db", str(db), "export", "latest", "--kind", "technisch", "--ceiling", "vertrouwelijk",
                 "--by", "domain", "--domain", "1", "--domain", "2", "--out", str(target)])
    assert code == 0, capsys.readouterr().err
    parts = all_parts_text(target)
    assert "CLI-SECRET-0042" in parts["word/document.xml"]
    assert "VERTROUWELIJK" in parts["docProps/core.xml"]


def test_unknown_document_and_domain_are_one_dutch_line(db, capsys):
    assert main(["--db", str(db), "export", "99999-1", "--kind", "kamerlid"]) == 1
    assert capsys.readouterr().err.startswith("briefer: ")
    assert main(["--db", str(db), "export", "latest", "--kind", "kamerlid", "--domain", "Ruimtevaart"]) == 1
    assert "Onbekend domein 'Ruimtevaart'" in capsys.readouterr().err


def test_subject_to_and_from_head_the_kamerlidbriefing(db, tmp_path, capsys):
    target = tmp_path / "k.docx"
    code = main(["--db", str(db), "export", "30821-196", "--kind", "kamerlid", "--out", str(target),
                 "--subject", "Commissiedebat Strategische afhankelijkheden, 12 december",
                 "--to", "Jeanet van Dijk", "--from", "Kim de Vries"])
    assert code == 0, capsys.readouterr().err
    document = docx.Document(str(target))
    head = {row.cells[0].text: row.cells[1].text for row in document.tables[0].rows}
    assert head["Onderwerp"] == "Commissiedebat Strategische afhankelijkheden, 12 december"
    assert head["Aan"] == "Jeanet van Dijk" and head["Van"] == "Kim de Vries"
    audit(target)


def test_an_existing_out_file_needs_force(db, tmp_path, capsys):
    target = tmp_path / "k.docx"
    target.write_bytes(b"eerdere versie")
    assert main(["--db", str(db), "export", "latest", "--kind", "kamerlid", "--out", str(target)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("briefer: k.docx bestaat al") and "--force" in err and err.count("\n") == 1
    assert target.read_bytes() == b"eerdere versie"
    assert main(["--db", str(db), "export", "latest", "--kind", "kamerlid", "--out", str(target), "--force"]) == 0
    assert target.read_bytes()[:2] == b"PK"


def test_default_name_is_numbered(db, tmp_path, capsys):
    out = tmp_path / "map"
    out.mkdir()
    for _ in range(2):
        assert main(["--db", str(db), "export", "latest", "--kind", "kamerlid", "--out", str(out)]) == 0
    names = sorted(p.name for p in out.iterdir())
    assert len(names) == 2 and names[0].endswith("Kamerlidbriefing 30821-196 (2).docx")


def test_the_open_database_is_never_a_target(db, tmp_path, capsys):
    before = db.read_bytes()
    for target in (db, db.with_name(db.name + "-wal")):
        assert main(["--db", str(db), "export", "latest", "--kind", "kamerlid", "--out", str(target),
                     "--force"]) == 1
        assert "database van Briefer" in capsys.readouterr().err
    assert db.read_bytes() == before


def test_outline_shows_contents_and_length_and_writes_nothing(db, tmp_path, capsys, monkeypatch):
    from briefer import paths

    monkeypatch.setattr(paths, "default_export_dir", lambda: tmp_path / "exports")
    assert main(["--db", str(db), "export", "latest", "--kind", "kamerlid", "--outline"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Kamerlidbriefing, ongeveer 1 pagina:")
    assert "Kern: de notitie bij het document" in out and "Toezeggingen: 1" in out
    assert "Weggelaten:" in out and "1 notitie boven het niveau intern (vraag 16)" in out
    assert not (tmp_path / "exports").exists()
