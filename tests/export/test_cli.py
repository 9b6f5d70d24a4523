"""`briefer export`: the real store and annotation layer feeding the exporter."""

from __future__ import annotations

import docx
import pytest
from export_helpers import _HAND_FOOTNOTES, _HAND_ITEMS, all_parts_text

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
