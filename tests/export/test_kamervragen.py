"""Briefings of a Kamervragen document (no fractie per item): sensible groups and subject."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from export_helpers import headings, tables_text

from briefer.annotate import Annotations
from briefer.export import BriefingOptions, export_briefing
from briefer.importer import import_file
from briefer.model import Level
from briefer.store import Store


@pytest.fixture
def kamervragen(tmp_path: Path, samples_dir: Path):
    """The 'regenboogbeleid' Kamervragen imported into a real database, answers 2 and 3–5 tagged."""
    store = Store.open(tmp_path / "b.db")
    import_file(store, samples_dir / "ah-tk-20232024-1314.pdf")
    ann = Annotations(store)
    doc = store.documents()[0]
    first = ann.domains()[0]
    for number in (2, 3):
        ann.tag_item(store.item_by_number(doc.id, number).id, first.id)
    yield store, ann, doc
    store.close()


def test_technische_briefing_groups_kamervragen_by_their_askers(tmp_path, kamervragen):
    store, ann, doc = kamervragen
    opts = BriefingOptions(kind="technisch", ceiling=Level.INTERN)
    document = docx.Document(str(export_briefing([ann.bundle(doc.id)], opts, tmp_path / "t.docx")))
    h1 = headings(document, 1)
    assert "Zonder fractie" not in h1
    askers = [p.name for p in doc.asked_by or []]
    assert len(askers) == 2
    group = next(h for h in h1 if h.startswith("Vragen van"))
    assert all(name in group for name in askers)


def test_subject_of_kamervragen_reads_as_a_subject(tmp_path, kamervragen):
    store, ann, doc = kamervragen
    opts = BriefingOptions(kind="kamerlid", ceiling=Level.INTERN)
    document = docx.Document(str(export_briefing([ann.bundle(doc.id)], opts, tmp_path / "k.docx")))
    subject = {row[0]: row[1] for row in tables_text(document)[0]}["Onderwerp"]
    assert doc.title and doc.title[0].islower()  # "het bericht «Kritiek op …»"
    assert subject.startswith("Vragen over " + doc.title[:20])
    assert document.core_properties.subject.startswith("Vragen over ")


def test_a_highlight_in_a_domain_puts_the_answer_under_that_domain(tmp_path, kamervragen):
    """Select a passage and press 2: the Kamerlidbriefing shows that answer under domain 2, while a
    vertrouwelijk highlight under an intern ceiling does not bring its domain along."""
    store, ann, doc = kamervragen
    domains = ann.domains()
    second, third = domains[1], domains[2]
    six = store.item_by_number(doc.id, 6)
    quote = " ".join(six.answer.split()[:5])
    ann.highlight_quote(six.id, quote, field="answer", domain_id=second.id)
    one = store.item_by_number(doc.id, 1)
    ann.highlight_quote(one.id, " ".join(one.answer.split()[:4]), field="answer", domain_id=third.id,
                        level=Level.VERTROUWELIJK)
    opts = BriefingOptions(kind="kamerlid", ceiling=Level.INTERN)
    path = export_briefing([ann.bundle(doc.id)], opts, tmp_path / "k.docx")
    document = docx.Document(str(path))
    h1 = headings(document, 1)
    assert second.name in h1 and third.name not in h1
    texts = [p.text for p in document.paragraphs]
    start = texts.index(second.name)
    following = next((i for i in range(start + 1, len(texts)) if texts[i] in h1), len(texts))
    section = "\n".join(texts[start:following])
    assert "Vraag 6" in section and quote in section
