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


# ------------------------------------------------------------------------------- type chosen, re-parse

def _annotate(store, doc_id: str) -> dict[str, str]:
    """A highlight, item note, tag and follow-up on answer 16, and a document note."""
    ann = Annotations(store)
    item = store.item_by_number(doc_id, 16)
    hl = ann.highlight_quote(item.id, "vertrouwelijke technische briefing").after["id"]
    ann.set_note(doc_id, item.id, "Briefing aanvragen.")
    ann.set_note(doc_id, None, "Kern: kabinet noemt geen harde doelen.")
    domain = ann.domains()[0]
    ann.tag_item(item.id, domain.id)
    fu = ann.add_followup(item.id, "Technische briefing aanvragen").after["id"]
    return {"highlight": hl, "followup": fu, "domain": domain.id}


def _annotation_counts(store) -> tuple[int, ...]:
    conn = store.db.conn
    return tuple(conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                 for t in ("highlights", "notes", "followups", "item_domains"))


def test_import_with_a_chosen_type(store, sample_txt):
    result = import_file(store, sample_txt, doc_type="other")
    doc = result.document
    assert doc.doc_type == "other" and doc.type_chosen and doc.type_confidence == 1.0
    assert all(not it.question for it in store.items(doc.id))  # paragraphs, not questions


def test_detected_type_and_confidence_are_stored(store, sample_txt, tmp_path):
    titled = tmp_path / "met-titel.txt"
    titled.write_text("Nr. 196 VERSLAG VAN EEN SCHRIFTELIJK OVERLEG\n\n" + sample_txt.read_text(encoding="utf-8"),
                      encoding="utf-8")
    doc = import_file(store, titled).document  # its title says what it is
    assert doc.doc_type == "schriftelijk_overleg" and not doc.type_chosen
    assert doc.type_confidence is not None and doc.type_confidence >= 0.9
    assert store.document(doc.id).type_confidence == doc.type_confidence
    txt = import_file(store, sample_txt).document  # no title: its structure says it
    assert txt.doc_type == "schriftelijk_overleg" and 0.6 <= (txt.type_confidence or 0) < 0.9
    assert not any("onzeker" in w for w in txt.warnings)


def test_reparse_keeps_every_annotation(store, sample_txt):
    from briefer.importer import reparse_document

    old = import_file(store, sample_txt).document
    ids = _annotate(store, old.id)
    before = _annotation_counts(store)
    result = reparse_document(store, old.id, "other")
    new = result.document
    assert result.created and new.doc_type == "other" and new.type_chosen
    assert new.version_of == old.id and result.previous is not None and result.previous.id == old.id
    assert _annotation_counts(store) == before  # nothing lost
    ann = Annotations(store)
    hl = ann.highlight(ids["highlight"])
    placed_on_new = store.item(hl.item_id).document_id == new.id
    assert hl.orphaned or placed_on_new
    if hl.orphaned:
        assert ids["highlight"] in {h.id for h in ann.orphans(new.id)}  # listed, to place again
    assert ann.note(new.id, None) is not None  # the document note (Kern) moved along
    assert result.carry_over is not None and "markeringen" in str(result.carry_over)
    # the same file imported again is the re-parse
    again = import_file(store, sample_txt)
    assert not again.created and again.document.id == new.id
    assert store.resolve("30821-196").id == new.id
    # and back: read as a verslag again, the highlight finds its passage
    back = reparse_document(store, new.id, "schriftelijk_overleg")
    assert _annotation_counts(store) == before
    hl = ann.highlight(ids["highlight"])
    item = store.item(hl.item_id)
    assert item.document_id == back.document.id and item.number == 16 and not hl.orphaned
    assert item.answer[hl.start:hl.end] == "vertrouwelijke technische briefing"
    assert ann.followup(ids["followup"]).item_id == item.id


def test_reparse_refuses_what_it_cannot_do_and_changes_nothing(store, sample_pdf, sample_txt, tmp_path):
    from briefer.importer import CannotReparse, reparse_document
    from briefer.ingest import UnknownType

    first = import_file(store, sample_pdf).document
    import_file(store, sample_txt)  # a newer version of the same Kamerstuk
    before = _counts(store)
    with pytest.raises(CannotReparse) as err:
        reparse_document(store, first.id, "other")
    assert "oudere versie" in str(err.value)
    with pytest.raises(UnknownType) as err2:
        reparse_document(store, store.resolve("latest").id, "roman")
    assert "Onbekend documenttype 'roman'" in str(err2.value)
    assert _counts(store) == before


def test_reparse_cancelled_writes_nothing(store, sample_pdf):
    from briefer.importer import reparse_document

    doc = import_file(store, sample_pdf).document
    before = _counts(store)
    with pytest.raises(ImportCancelled):
        reparse_document(store, doc.id, "other", cancel=lambda: True)
    assert _counts(store) == before
    assert store.find_by_sha256(doc.sha256) is not None  # the file still belongs to the document
