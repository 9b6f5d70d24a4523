"""Core: nota naar aanleiding van het verslag (and an Eerste Kamer memorie van antwoord).

The government's reply to the written report on a bill, by theme and fractie: each question of the
verslag is repeated, often with its number in the margin, then (not always) a line "Antwoord" and
the reply (see `blocks.replies`). A BIJLAGE after the signature is kept as items of its own.
"""

from __future__ import annotations

import re

from briefer.ingest.blocks.cover import cover_end
from briefer.ingest.blocks.replies import read_replies
from briefer.ingest.pages import Extract
from briefer.ingest.types.base import SURE, DocumentType, Parsed, head_text
from briefer.model import DocType

_TITLES = ("NOTA NAAR AANLEIDING VAN HET (?:(?:TWEEDE |DERDE )?NADER )?VERSLAG",
           # Eerste Kamer: the government's reply to the (nader) voorlopig verslag, answered like a nota
           "(?:NADERE )?MEMORIE VAN ANTWOORD")
# the title as printed (capitals, anywhere on the cover) or typed (a line of its own, any case)
_PRINTED = re.compile("|".join(r"\b" + t.replace(" ", r"\s+") + r"\b" for t in _TITLES))
_TYPED = re.compile(r"(?im)^\s*(?:Nr\.\s*\d+\s+|[A-Z]{1,2}\s+)?(?:"
                    + "|".join(t.replace(" ", r"\s+") for t in _TITLES) + r")\s*$")


def detect(ex: Extract) -> float:
    head = head_text(ex)
    return SURE if _PRINTED.search(head) or _TYPED.search(head) else 0.0


def parse(ex: Extract) -> Parsed:
    items, parties, warnings = read_replies(ex.lines[cover_end(ex.lines):])
    return Parsed(items=items, parties=parties, warnings=warnings)


TYPE = DocumentType(DocType.NOTA_NAV_VERSLAG, detect, parse)
