"""Toezeggingen: commitments towards the Kamer, varied phrasing, false positives, the sample."""

from __future__ import annotations

from datetime import date

import pytest

from briefer.model import Item
from briefer.suggest.dates import reference_date
from briefer.suggest.toezeggingen import find_toezeggingen, is_toezegging

REF = date(2024, 3, 7)

COMMITMENTS = [
    "Ik zal uw Kamer voor de zomer informeren over de uitkomsten.",
    "Deze evaluatie zal gedeeld worden met uw Kamer.",
    "Het kabinet stuurt de Kamer het onderzoeksrapport na afronding toe.",
    "Ik zeg toe dat ik de Kamer hierover schriftelijk zal berichten.",
    "Dat zeg ik u toe.",
    "Ik zeg u toe dat de handreiking voor het einde van het jaar gereed is.",
    "Over de precieze impact kom ik na de zomer bij uw Kamer terug.",
    "Over de uitkomsten informeer ik de Kamer in het najaar.",
    "Ik verwacht uw Kamer in het eerste kwartaal van 2025 de evaluatie te kunnen sturen.",
    "De minister zal de Kamer begin 2025 een voortgangsbrief doen toekomen.",
    "Uw Kamer ontvangt de tweede voortgangsrapportage in Q3 2024.",
    "In de volgende voortgangsbrief zal ik nader ingaan op de financiering.",
    "Het kabinet is bereid de Kamer een vertrouwelijke technische briefing aan te bieden.",
    "Ik houd uw Kamer op de hoogte van de verdere ontwikkelingen.",
    "De resultaten worden naar verwachting eind 2024 aan uw Kamer aangeboden.",
    "Wij rapporteren hierover in de jaarlijkse monitor die in het voorjaar verschijnt.",
    "Ik kan u toezeggen dat de regeling voor 1 januari 2025 wordt aangepast.",
    "Uw Kamer wordt hierover separaat geïnformeerd.",
    "Zodra de resultaten bekend zijn, zal ik uw Kamer nader berichten.",
    "Naar verwachting ontvangt uw Kamer deze rapportage eind dit jaar.",
    "Het kabinet streeft ernaar uw Kamer dit najaar een eerste analyse te sturen.",
    "Het wetsvoorstel wordt naar verwachting in het najaar bij uw Kamer ingediend.",
    "Ik zal dit punt meenemen in de evaluatie van de regeling.",
    "Uw suggestie neem ik mee in de voortgangsbrief van volgend jaar.",
    "Zoals ik heb toegezegd, zal ik uw Kamer voor de zomer informeren.",
    "Ik heb toegezegd uw Kamer voor 1 juli over de uitkomsten te informeren.",
    "De regering deelt de opvatting van de leden van de SP-fractie en zal de Kamer voor de zomer informeren.",
]

NOT_COMMITMENTS = [
    # past actions and references to earlier letters
    "In de brief van 27 juni jl. heeft mijn ambtsvoorganger uw Kamer geïnformeerd over de vertraging.",
    "Zoals uw Kamer is geïnformeerd, is de planning aangepast.",
    "Hierover heb ik u in mijn brief van afgelopen november geïnformeerd.",
    "De Kamer ontving in december 2023 de voortgangsbrief.",
    "Eerder is de Kamer al geïnformeerd over een groot aantal trajecten.",
    "De strategie is in december 2022 gepubliceerd, waarover uw Kamer geïnformeerd is via het BNC-fiche.",
    # questions and members' requests
    "Bent u bereid de Kamer voor de zomer te informeren?",
    "Kan het kabinet de Kamer voor het einde van het jaar informeren over de voortgang?",
    "De leden van de CDA-fractie vragen of het kabinet de Kamer voor de zomer wil informeren.",
    "De motie verzoekt de regering de Kamer jaarlijks te informeren.",
    "De leden van de VVD-fractie willen weten wanneer de Kamer de evaluatie ontvangt.",
    "Het lid Kops vraagt de regering de Kamer voor de zomer te informeren.",
    # conditional and hypothetical
    "Indien de informatie gevoelig is, zal het kabinet de Kamer vertrouwelijk informeren.",
    "Mocht dat nodig zijn, dan zal ik uw Kamer nader informeren.",
    "Het kabinet zou de Kamer in theorie kunnen informeren, maar dat ligt niet voor de hand.",
    # habits and descriptions
    "Wel informeert het kabinet uw Kamer met regelmaat over de voortgang.",
    "Relevante beleidsvoorstellen worden uiteraard doorgeleid naar de Kamer.",
    "Het kabinet deelt de mening van de Kamer dat dit belangrijk is.",
    "Daarvoor zal ik ingaan op de rol die het Rijk heeft in dit project.",
    "Zoals toegezegd informeer ik u hierbij over de stand van zaken.",
    "Later is de Kamer hierover nader geïnformeerd.",
    "De bestaande kennis wordt reeds actief meegenomen in beleidsvorming.",
    "Deze inzichten zijn meegenomen in de evaluatie die uw Kamer in maart ontving.",
    "De evaluatie is in het voorjaar met uw Kamer gedeeld.",
    "Met deze brief stuur ik uw Kamer de antwoorden op de vragen van het lid Kops.",
    "Met deze brief geef ik invulling aan de toezegging om uw Kamer te informeren over de pilot.",
    "Ik kan niet toezeggen dat de planning wordt gehaald.",
    # commitments to act, but not towards the Kamer
    "Het onderzoek is naar verwachting eind 2024 afgerond.",
    "Het kabinet zal bepalen welke acties Nederland kan ondernemen.",
    "Deze gesprekken hebben een vertrouwelijk karakter, waardoor het kabinet hier geen informatie over kan delen.",
]


@pytest.mark.parametrize("sentence", COMMITMENTS)
def test_commitments_are_found(sentence):
    assert is_toezegging(sentence, REF), sentence


@pytest.mark.parametrize("sentence", NOT_COMMITMENTS)
def test_non_commitments_are_not(sentence):
    assert not is_toezegging(sentence, REF), sentence


def test_only_answers_are_read_and_the_due_date_is_set():
    items = [
        Item(1, "Wil de minister de Kamer voor de zomer informeren?",
             "Het kabinet hecht aan goede samenwerking. Ik zal uw Kamer voor de zomer informeren."),
        Item(2, "Zal het kabinet de Kamer voor de zomer informeren?", "Geen toezegging hier."),
    ]
    hits = find_toezeggingen(items, REF)
    assert [(h.item, h.sentence.text, h.due) for h in hits] == [
        (1, "Ik zal uw Kamer voor de zomer informeren.", date(2024, 7, 1))
    ]
    s = hits[0].sentence
    assert s.field == "answer" and items[0].answer[s.start:s.end] == s.text


def test_sample_precision_and_recall_at_item_level(sample_doc, labels):
    """The bundled sample against our own hand-made labels (tests/suggest/labels_kst_30821_196.json)."""
    ref = reference_date(sample_doc.date, sample_doc.vergaderjaar,
                         [f"{i.question} {i.answer}" for i in sample_doc.items])
    found = {h.item for h in find_toezeggingen(sample_doc.items, ref)}
    gold = {int(n) for n, lab in labels["items"].items() if lab["toezegging"]}
    recall = len(found & gold) / len(gold)
    precision = len(found & gold) / len(found)
    assert recall >= 0.9, (found, gold)
    assert precision >= 0.8, (found, gold)


def test_sample_due_dates_follow_the_vergaderjaar(sample_doc):
    ref = reference_date(None, sample_doc.vergaderjaar, [i.answer for i in sample_doc.items])
    by_item: dict[int, date | None] = {}
    for h in find_toezeggingen(sample_doc.items, ref):
        by_item.setdefault(h.item, h.due)
    assert by_item[1] == date(2023, 12, 31)   # "Aan het einde van het jaar"
    assert by_item[3] == date(2023, 10, 31)   # "eind oktober 2023" (first commitment of item 3)
    assert by_item[10] is None                 # "Deze evaluatie zal gedeeld worden met uw Kamer."
