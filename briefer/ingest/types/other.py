"""Core: any other document (memorie van toelichting, advies Raad van State en nader rapport, notities):
headed paragraphs with their footnotes, and a warning that no questions were found.

Detection is the last resort: a document no other type claims is read this way.
"""

from __future__ import annotations

from briefer.ingest.blocks.fallback import paragraphs
from briefer.ingest.pages import Extract
from briefer.ingest.types.base import WEAK, DocumentType, Parsed
from briefer.model import DocType


def detect(ex: Extract) -> float:
    return WEAK


def parse(ex: Extract) -> Parsed:
    return Parsed(items=paragraphs(ex.lines),
                  warnings=["Geen vragen gevonden: het document is als kopjes met alinea's ingelezen."])


TYPE = DocumentType(DocType.OTHER, detect, parse, questions=False)
