"""The importer on real files: the bundled sample through the real parser, into a real database."""

from __future__ import annotations

import hashlib

import pytest

from briefer.annotate import Annotations
from briefer.importer import FileUnreadable, ImportCancelled, import_file
from briefer.store import Store


def _counts(store: Store) -> tuple[int, int, int, int]:
    conn = store.db.conn
    return tuple(conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]  # type: ignore[return-value]
                 for t in ("documents", "items", "footnotes", "items_fts"))


def test_import_sample_pdf(store, sample_pdf):
    seen: list[tuple[int, int]] = []
    result = import_file(store, sample_pdf, progress=lambda d, t: seen.append((d, t)))
    doc = result.document
    assert result.created
    assert doc.doc_type == "schriftelijk_overleg"
    assert (doc.dossier, doc.ondernummer) == ("30 821", "196")
    assert doc.source == "kst-30821-196.pdf"
    assert store.original(doc.id) == sample_pdf.read_bytes()
    assert doc.sha256 == hashlib.sha256(sample_pdf.read_bytes()).hexdigest()
    assert doc.item_count == len(store.items(doc.id)) > 30
    assert [p for p, _ in result.items_per_party][:2] == ["VVD", "D66"]
    # progress per page, ending at the page count
    assert seen and seen[-1][0] == seen[-1][1] == doc.page_count
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)
    # the things a staffer searches for
    assert store.search("grondst", doc_id=doc.id)
    assert store.search("30821-196")
    hits = store.search("vertrouwelijke technische briefing")
    assert hits and any("«" in h.snippet for h in hits)


def test_same_file_again_is_recognised_without_parsing(store, sample_pdf, tmp_path):
    first = import_file(store, sample_pdf)
    before = _counts(store)
    copy = tmp_path / "hernoemd.pdf"
    copy.write_bytes(sample_pdf.read_bytes())
    again = import_file(store, copy)
    assert not again.created and again.document.id == first.document.id
    assert _counts(store) == before


def test_text_version_becomes_a_new_version(store, sample_pdf, sample_txt):
    pdf = import_file(store, sample_pdf).document
    txt = import_file(store, sample_txt)
    assert txt.created and txt.previous is not None and txt.previous.id == pdf.id
    assert txt.document.version_of == pdf.id
    assert store.resolve("30821-196").id == txt.document.id


def test_new_version_carries_annotations_over(store, sample_pdf, sample_txt):
    pdf = import_file(store, sample_pdf).document
    ann = Annotations(store)
    item = store.item_by_number(pdf.id, 16)
    ann.set_note(pdf.id, item.id, "Vertrouwelijke briefing aanvragen.")
    result = import_file(store, sample_txt)
    assert result.carry_over is not None and result.carry_over.notes_moved == 1
    new_item = store.item_by_number(result.document.id, 16)
    note = ann.note(result.document.id, new_item.id)
    assert note is not None and note.body == "Vertrouwelijke briefing aanvragen."


def test_cancel_writes_nothing(store, sample_pdf, sample_txt):
    import_file(store, sample_txt)
    before = _counts(store)
    calls = []

    def cancel() -> bool:
        calls.append(1)
        return len(calls) > 2  # stop during parsing

    with pytest.raises(ImportCancelled) as err:
        import_file(store, sample_pdf, cancel=cancel)
    assert "afgebroken" in str(err.value) and "kst-30821-196.pdf" in str(err.value)
    assert _counts(store) == before


def test_missing_file_and_directory(store, tmp_path):
    with pytest.raises(FileUnreadable) as err:
        import_file(store, tmp_path / "weg.pdf")
    assert "weg.pdf" in str(err.value) and "bestaat niet" in str(err.value)
    with pytest.raises(FileUnreadable):
        import_file(store, tmp_path)
