"""Shared helpers of the annotation tests: a small VSO-like document and state snapshots."""

from __future__ import annotations

import hashlib

from briefer.model import Document, Item, StoredDocument
from briefer.store import Store

Q1 = ("De leden van de VVD-fractie vinden het afbouwen van strategische afhankelijkheden een "
      "belangrijke prioriteit. Wanneer wil het kabinet deze doelstellingen hebben gerealiseerd?")
A1 = ("Het mitigeren van de risico’s van strategische afhankelijkheden is één van de prioriteiten "
      "van het kabinet en de EU. Aan het einde van het jaar zal uw Kamer over de voortgang "
      "geïnformeerd worden.")
Q2 = ("De leden van de D66-fractie vragen hoe het kabinet de afhankelijkheid van China bij "
      "kritieke grondstoffen wil verminderen.")
A2 = ("Het kabinet zet in op diversificatie van leveranciers. Het kabinet zet in op recycling. "
      "Het kabinet is bereid hierover een vertrouwelijke technische briefing te verzorgen.")
Q3 = "De leden van de CDA-fractie vragen naar de voedselzekerheid en de aanvoer van kunstmest."
A3 = "De aanvoer van kunstmest is op dit moment gewaarborgd."

ITEMS = [(1, "VVD", Q1, A1), (2, "D66", Q2, A2), (3, "CDA", Q3, A3)]


def make_document(items: list[tuple[int, str | None, str, str]] = ITEMS, *, identifier: str = "kst-30821-196",
                  version: str = "1") -> Document:
    # another identifier is another Kamerstuk (not a new version of the default one)
    dossier, nr = ("30 821", "196") if identifier == "kst-30821-196" else (identifier, "1")
    return Document(
        source=f"{identifier}.pdf", doc_type="schriftelijk_overleg", identifier=identifier,
        kamerstuk="30 821, nr. 196", dossier=dossier, ondernummer=nr, vergaderjaar="2022–2023",
        title="Verslag van een schriftelijk overleg", parties=["VVD", "D66", "CDA"],
        items=[Item(number=n, question=q, answer=a, party=p, pages=[n, n]) for n, p, q, a in items],
    )


def add_document(store: Store, items: list[tuple[int, str | None, str, str]] = ITEMS, *,
                 identifier: str = "kst-30821-196", original: bytes | None = None) -> StoredDocument:
    """Store a document; `original` (the file bytes) decides its sha256, hence its version."""
    if original is None:
        original = hashlib.sha256(repr((identifier, items)).encode()).hexdigest().encode()
    return store.add_document(make_document(items, identifier=identifier), original).document


ANNOTATION_TABLES = ("domains", "item_domains", "highlights", "notes", "followups", "trash")


def snapshot(store: Store) -> dict[str, list[tuple]]:
    """Every row of every annotation table (and the FTS index), sorted: to compare states."""
    out = {}
    for table in ANNOTATION_TABLES:
        out[table] = sorted(store.db.conn.execute(f"SELECT * FROM {table}").fetchall(), key=repr)
    out["fts"] = sorted(store.db.conn.execute("SELECT kind, ref_id, body FROM annotation_fts").fetchall())
    return out
