"""Store test fixtures: hand-built documents (no parser needed) and an opened store in tmp_path."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from briefer.model import DocType, Document, Footnote, Item
from briefer.store import Store


def build_document(*, ondernummer: str = "196", dossier: str = "30 821", items: list[Item] | None = None,
                   source: str = "kst-30821-196.pdf", identifier: str | None = None) -> Document:
    """A small VSO-like document with two parties, a combined item and footnotes."""
    if items is None:
        items = [
            Item(1, "De leden van de VVD-fractie vragen naar strategische grondstoffen.[^1]",
                 "Het kabinet heeft de Kamer hierover geïnformeerd.", party="VVD", pages=[2, 3]),
            Item(2, "Deze leden vragen hoe het staat met de chipsector.",
                 "Zie het antwoord op vraag 1.", party="VVD", pages=[3], refers_to=[1]),
            Item(3, "De leden van de D66-fractie vragen naar medische producten.",
                 "Het kabinet biedt een vertrouwelijke technische briefing aan.[^2]",
                 party="D66", numbers=[3, 4], pages=[4, 5]),
        ]
    return Document(
        source=f"/ergens/{source}",
        doc_type=DocType.SCHRIFTELIJK_OVERLEG,
        identifier=identifier or f"kst-{dossier.replace(' ', '')}-{ondernummer}",
        kamerstuk=f"{dossier}, nr. {ondernummer}",
        dossier=dossier,
        ondernummer=ondernummer,
        vergaderjaar="2022–2023",
        title="Verslag van een schriftelijk overleg over de Nationale Grondstoffenstrategie",
        parties=sorted({i.party for i in items if i.party}, key=[i.party for i in items].index),
        footnotes=[Footnote(1, "Kamerstuk 35 982, nr. 9.", 2), Footnote(2, "Zie bijlage.", 5)],
        items=items,
        warnings=[],
        page_count=5,
    )


@pytest.fixture
def make_doc() -> Callable[..., Document]:
    return build_document


@pytest.fixture
def store(tmp_path) -> Store:
    s = Store.open(tmp_path / "briefer.db")
    yield s
    s.close()
