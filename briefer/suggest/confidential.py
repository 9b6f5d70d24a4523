"""Core: confidentiality cues — sentences that point to information shared in confidence.

Strong cues need nothing else: "vertrouwelijke technische briefing", "vertrouwelijke bijlage",
"ter inzage", "staatsgeheim", "in beslotenheid", "niet openbaar", "vertrouwelijk karakter".
The bare word "vertrouwelijk" counts only where the sentence is about sharing information
(the Kamer, delen, informeren, briefing, openbaar): "vertrouwelijke communicatie" in an item on
encryption is no cue. Both question and answer are read: a member asking for confidential
information is as much a reason to follow up as the cabinet offering it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from briefer.suggest.text import ItemLike, Sentence, match_form, quote_of, sentences

_STRONG = re.compile(
    r"\b(vertrouwelijke?\s+(?:technische\s+)?briefing|vertrouwelijke?\s+bijlagen?|ter\s+inzage|"
    r"staatsgeheim\w*|stg\.?\s+geheim|in\s+beslotenheid|besloten\s+(?:overleg|vergadering|briefing|"
    r"technische\s+briefing|commissievergadering)|vertrouwelijke?\s+(?:karakter|vorm|basis|wijze|stukken|"
    r"informatie\s+(?:aan|met|voor)\s+(?:uw|de)\s+kamer)|vertrouwelijk\s+(?:ter\s+inzage|gedeeld|delen|"
    r"geïnformeerd|informeren|verstrekt|verstrekken|besproken|bespreken|meegedeeld|meedelen|toegelicht|"
    r"toelichten|aangeboden|aanbieden)|niet[\s-]openba(?:ar|re)|onder\s+embargo|"
    r"(?:in\s+het\s+openbaar|publiekelijk)\s+geen|geheime?\s+(?:bijlage|stukken|informatie))",
    re.I,
)
_QUICK = re.compile(r"vertrouw|inzage|geheim|beslot|openba|embargo")
_QUICK_STEMS = ("vertrouw", "inzage", "geheim", "beslot", "openba", "embargo")  # the same, as substrings
_WEAK = re.compile(r"\bvertrouwelijk\w*", re.I)
_SHARING = re.compile(
    r"\b(kamer|kamerleden|parlement|delen|gedeeld|deelt|informeren|geïnformeerd|informeert|briefing|"
    r"openbaar\w*|publiek\w*|verstrekken|verstrekt|inzage|toelichting|toelichten|gevoelig\w*)\b",
    re.I,
)
# "Openbaar" in a plain sense is no cue: "het openbaar jaarverslag", "openbare aanbesteding".
_NOT_A_CUE = re.compile(r"\bniet[\s-]openbaar\s+vervoer\b", re.I)


@dataclass(frozen=True)
class ConfidentialHit:
    """Core: a sentence of an item that suggests a confidential follow-up."""

    item: int
    sentence: Sentence
    briefing: bool  # the cue offers or asks for a (technical) briefing


# Confidentiality as a property of data ("vertrouwelijke informatie versleutelen", "staatsgeheimen
# beschermen") is the subject of an item on security, not information given in confidence.
_DATA_PROTECTION = re.compile(
    r"\b(versleutel\w*|encryptie\w*|cryptografi\w*|beveilig\w*|bescherm\w*|gegevens\w*|data\w*|lekken|gelekt)\b",
    re.I,
)
_TO_THE_KAMER = re.compile(r"\b(kamer|kamerleden|parlement|briefing|inzage)\b", re.I)


def is_confidential_cue(sentence: str) -> bool:
    plain = match_form(sentence)
    if not _QUICK.search(plain) or _NOT_A_CUE.search(plain):
        return False
    if _DATA_PROTECTION.search(plain) and not _TO_THE_KAMER.search(plain):
        return False
    if _STRONG.search(plain):
        return True
    return bool(_WEAK.search(plain) and _SHARING.search(plain))


def find_confidential(items: list[ItemLike]) -> list[ConfidentialHit]:
    """Confidentiality cues, per item question first, then answer, in text order."""
    hits: list[ConfidentialHit] = []
    for item in items:
        for field_name in ("question", "answer"):
            text = getattr(item, field_name)
            if not text:
                continue
            whole = match_form(text)  # a field without any cue stem has no cue sentence: skip it
            if not any(stem in whole for stem in _QUICK_STEMS):
                continue
            for sentence in sentences(text, field_name):
                if is_confidential_cue(sentence.text):
                    quoted = quote_of(sentence)
                    briefing = "briefing" in quoted.text.lower()
                    hits.append(ConfidentialHit(item.number, quoted, briefing))
    return hits
