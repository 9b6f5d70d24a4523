"""Confidentiality cues: offers of confidential briefings and the like, not data security talk."""

from __future__ import annotations

import pytest

from briefer.model import Item
from briefer.suggest.confidential import find_confidential, is_confidential_cue


@pytest.mark.parametrize("sentence", [
    "Het kabinet biedt de Kamer een vertrouwelijke technische briefing aan.",
    "De rapportage is als vertrouwelijke bijlage bij deze brief gevoegd.",
    "Het rapport ligt vertrouwelijk ter inzage bij het Centraal Informatiepunt.",
    "De inhoud van het advies is staatsgeheim gerubriceerd.",
    "Besluiten over individuele casussen worden niet openbaar gemaakt.",
    "Ik ben bereid de commissie hierover in beslotenheid te informeren.",
    "Deze gesprekken hebben een vertrou-welijk karakter.",
    "Over de bronnen doet het kabinet in het openbaar geen uitspraken.",
    "Is de minister bereid dit in vertrouwelijke vorm met de Kamer te delen?",
])
def test_cues(sentence):
    assert is_confidential_cue(sentence), sentence


@pytest.mark.parametrize("sentence", [
    "Cryptografie zorgt voor veilige en vertrouwelijke digitale communicatie.",
    "We gebruiken het om vertrouwelijke informatie te versleutelen, zoals bedrijfsgeheimen of staatsgeheimen.",
    "Het openbaar jaarverslag van de MIVD beschrijft dit.",
    "Gegevens die vertrouwelijk moeten blijven, zoals medische data, worden beschermd.",
    "De Kamer wordt over de voortgang geïnformeerd.",
])
def test_not_cues(sentence):
    assert not is_confidential_cue(sentence), sentence


def test_hits_know_their_field_and_whether_a_briefing_is_meant():
    items = [Item(16, "Is het kabinet bereid dit in vertrouwelijke vorm te doen?",
                  "Dat is lastig. Indien nodig zal het kabinet een vertrouwelijke technische briefing verzorgen.[^14]")]
    hits = find_confidential(items)
    assert [(h.sentence.field, h.briefing) for h in hits] == [("question", False), ("answer", True)]
    answer_hit = hits[1].sentence
    assert items[0].answer[answer_hit.start:answer_hit.end] == answer_hit.text
    assert not answer_hit.text.endswith("]")


def test_sample_item_16_offers_a_confidential_briefing(sample_doc):
    by_item = {}
    for h in find_confidential(sample_doc.items):
        by_item.setdefault(h.item, []).append(h)
    assert any(h.briefing and h.sentence.field == "answer" for h in by_item[16])
