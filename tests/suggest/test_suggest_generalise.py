"""Suggestions beyond the sample: commitment phrasings, letter furniture, due dates, false friends, themes.

Every sentence here is written for these tests in the style of real answers; none is copied.
"""

from __future__ import annotations

from datetime import date

import pytest

from briefer.model import DocType, Document, Item
from briefer.store import Store
from briefer.suggest import suggest_document, suggest_items
from briefer.suggest.dates import resolve_due
from briefer.suggest.domains import default_lexicons, suggest_domains
from briefer.suggest.toezeggingen import is_toezegging

REF = date(2024, 3, 12)
ENERGIE = "Grondstoffen en (fossiele) energie"
MEDISCH = "Medische producten"

COMMITMENTS = [
    "Ik zal uw Kamer na afronding van de pilot over de resultaten informeren.",
    "Ik verwacht de Kamer voor de zomer over de uitkomsten van de verkenning te kunnen informeren.",
    "De Kamer ontvangt de eindevaluatie voor 1 oktober 2024.",
    "Uw Kamer ontvangt de monitor voor het kerstreces.",
    "Het advies zal ik uw Kamer met een reactie toezenden.",
    "Ik kom hierop terug in de voortgangsbrief over het programma.",
    "Ik kom hierop terug in het voorjaar.",
    "Ik streef ernaar uw Kamer de uitwerking in het najaar te sturen.",
    "Het kabinet streeft ernaar de hoofdlijnenbrief medio 2025 aan de Kamer te sturen.",
    "Ik verwacht uw Kamer hierover in het najaar te berichten.",
    "De staatssecretaris zal de Kamer voor het kerstreces een plan van aanpak doen toekomen.",
    "Het onderzoeksrapport zal ik uiterlijk voor het einde van het zomerreces aan uw Kamer zenden.",
    "Uw Kamer zal voor de zomer van 2025 een voortgangsrapportage ontvangen.",
    "Naar verwachting ontvangt uw Kamer deze evaluatie eind dit jaar.",
    "De Kamer wordt over de uitkomsten van de proef geïnformeerd.",
    "Het eindrapport wordt na vaststelling openbaar gemaakt en aan uw Kamer gezonden.",
    "Het kabinet komt voor de zomer met een reactie op het advies van de raad.",
    "Na de zomer kom ik met een brief over de uitwerking van de regeling.",
    "Vanzelfsprekend zal ik u nader informeren als de inspectie haar onderzoek heeft afgerond.",
    "Ik zal u de ontbrekende cijfers zo spoedig mogelijk doen toekomen.",
]

NOT_COMMITMENTS = [
    # past and questions
    "Ik heb de Kamer voor de zomer geïnformeerd over de uitkomsten.",
    "Uw Kamer ontving in januari de eindevaluatie.",
    "Wanneer ontvangt de Kamer de evaluatie?",
    "Verwacht u de Kamer voor de zomer te kunnen informeren over de oplossingsrichtingen?",
    # motions and requests quoted
    "verzoekt de regering een plan op te stellen en de Kamer hierover voor de zomer te informeren,",
    # the letter itself, and its furniture
    "Via deze brief informeer ik uw Kamer over de voortgang.",
    "Middels deze brief wil ik uw Kamer op de hoogte stellen van de maatregelen.",
    "In deze brief zal worden ingegaan op de situatie op korte termijn.",
    "Ik zal in deze brief eerst ingaan op de knelpunten.",
    "Vervolgens informeert het kabinet de Kamer over de gekozen aanpak.",
    "Daarnaast informeer ik u over een aantal andere onderwerpen.",
    "Ten slotte ga ik in op de tarieven, zoals toegezegd aan uw Kamer in het commissiedebat.",
    "Ook gaat deze brief in op de toezegging over de aansluittarieven.",
    # weighing wishes is no promise to inform; habits are no promise
    "Daarbij zullen we de wensen van de Kamer meenemen.",
    "De aanbevelingen van uw Kamer neem ik mee in het beleid.",
    "De cijfers staan in het jaarverslag dat ik uw Kamer ieder jaar toestuur.",
    # negations bound to the verb
    "Ik zal uw Kamer niet separaat informeren over dit onderdeel.",
    "Er is geen aanleiding om de Kamer nader te informeren.",
    "Het kabinet komt niet met een nieuw voorstel.",
    # commitments not towards the Kamer, or by others
    "Na de zomer maken we de balans op en besluiten we over het vervolg.",
    "De Europese Commissie komt in het najaar met een voorstel; het kabinet beoordeelt dat.",
    "De gemeente zal de inwoners na de zomer informeren.",
    "De resultaten worden in het najaar gepubliceerd op de website.",
]


@pytest.mark.parametrize("sentence", COMMITMENTS)
def test_commitment_phrasings_are_found(sentence):
    assert is_toezegging(sentence, REF)


@pytest.mark.parametrize("sentence", NOT_COMMITMENTS)
def test_non_commitments_are_left_alone(sentence):
    assert not is_toezegging(sentence, REF)


@pytest.mark.parametrize(("sentence", "due"), [
    ("Ik informeer uw Kamer voor de zomer.", date(2024, 7, 1)),
    ("Ik informeer uw Kamer voor het zomerreces.", date(2024, 7, 1)),
    ("Ik informeer uw Kamer na de zomer.", date(2024, 9, 30)),
    ("Ik stuur het rapport voor het einde van het zomerreces.", date(2024, 8, 31)),
    ("Ik informeer uw Kamer voor het kerstreces.", date(2024, 12, 20)),
    ("Ik informeer uw Kamer in het voorjaar.", date(2024, 5, 31)),
    ("Ik informeer uw Kamer in Q3 2024.", date(2024, 9, 30)),
    ("Ik informeer uw Kamer medio 2025.", date(2025, 6, 30)),
    ("Ik informeer uw Kamer uiterlijk 1 juli.", date(2024, 7, 1)),
    ("Ik informeer uw Kamer najaar 2024.", date(2024, 11, 30)),
    ("Ik informeer uw Kamer in het voorjaar 2025.", date(2025, 5, 31)),
    ("Ik informeer uw Kamer voor de zomer 2025.", date(2025, 7, 1)),
    ("Ik informeer uw Kamer rond de jaarwisseling.", date(2025, 1, 31)),
    ("Ik informeer uw Kamer rond Prinsjesdag.", date(2024, 9, 17)),
])
def test_due_dates_of_common_terms(sentence, due):
    assert resolve_due(sentence, REF) == due


def test_a_summer_already_past_is_next_years():
    assert resolve_due("Ik informeer uw Kamer voor de zomer.", date(2024, 10, 1)) == date(2025, 7, 1)


def _names(items, **kw):
    return {n: [d.name for d in ds] for n, ds in suggest_domains(items, default_lexicons(), **kw)}


def test_false_friends_suggest_nothing():
    items = [
        Item(1, "Werkt de ov-chipkaart op alle lijnen?",
             "De OV-chipkaart en de chipkaartpalen worden vervangen; reizigers checken met de bankpas in."),
        Item(2, "Wat doet u tegen radicalisering?",
             "Sociale media vormen een voedingsbodem voor radicalisering; het kabinet werkt aan een aanpak."),
        Item(3, "Hoe staat de koper van een nieuwbouwwoning ervoor?",
             "De koper betaalt overdrachtsbelasting; bij een huis boven de grens betaalt de koper meer."),
    ]
    assert suggest_domains(items, default_lexicons()) == []


def test_care_in_general_is_no_medical_product():
    items = [Item(1, "Hoe lang zijn de wachtlijsten in ziekenhuizen?",
                  "Patiënten wachten in sommige ziekenhuizen langer dan de treeknorm; de gezondheidszorg "
                  "kampt met personeelstekorten. Ziekenhuizen en zorgverzekeraars maken afspraken.")]
    assert suggest_domains(items, default_lexicons()) == []


def test_medical_care_phrases_are_no_medical_products():
    items = [Item(1, "Wie betaalt de opname van een onverzekerde patiënt?",
                  "Iedereen heeft toegang tot medisch noodzakelijke zorg. Ziekenhuizen met patiënten die geen "
                  "medisch specialistische zorg nodig hebben, dragen de kosten als bedrijfsrisico. Een medische "
                  "urgentie geeft voorrang bij een huurwoning.")]
    assert suggest_domains(items, default_lexicons()) == []
    medicines = [Item(2, "Hoe is de levering van medicinale cannabis aan de apotheek geregeld?",
                      "Alleen de gecontracteerde teler levert medicinale cannabis aan apotheken; de kwaliteit van "
                      "het geneesmiddel wordt streng bewaakt.")]
    assert _names(medicines)[2] == [MEDISCH]


def test_telecom_and_grid_words_are_recognised():
    items = [
        Item(1, "Welke rol heeft Huawei in het 5G-netwerk?",
             "Telecomaanbieders gebruiken Huawei-apparatuur in hun telecomnetwerk en 4G-antennes."),
        Item(2, "Wat is de stand van de netcapaciteit?",
             "Het elektriciteitsnet en het hoogspanningsnet raken vol; de nettarieven stijgen."),
    ]
    names = _names(items)
    assert names[1][0].startswith("Digitale")
    assert names[2][0] == ENERGIE


def _kamervragen(title: str | None, answers: list[tuple[str, str]]) -> list[Item]:
    return [Item(n, q, a) for n, (q, a) in enumerate(answers, 1)]


GRID = [
    ("Bent u bekend met het bericht over het volle stroomnet in Flevoland?", "Ja."),
    ("Hoeveel bedrijven wachten op een aansluiting?", "Op dit moment staan ongeveer 300 bedrijven op de wachtlijst."),
    ("Wanneer is de uitbreiding klaar?", "De netbeheerder verwacht de uitbreiding in 2027 af te ronden."),
]


def test_kamervragen_inherit_the_theme_of_their_title():
    items = _kamervragen(None, GRID)
    plain = _names(items)
    themed = _names(items, subject="het bericht «Stroomnet in Flevoland vol»", single_subject=True)
    assert plain.get(1) is None  # "Bent u bekend met ...? Ja." says nothing by itself
    assert themed == {1: [ENERGIE], 2: [ENERGIE], 3: [ENERGIE]}
    (_, scores), *_ = suggest_domains(items, default_lexicons(), subject="het bericht «Stroomnet in Flevoland vol»",
                                      single_subject=True)
    assert "stroomnet" in scores[0].evidence


def test_a_title_without_a_domain_gives_no_theme():
    items = _kamervragen(None, [("Bent u bekend met het bericht over wachtlijsten in de jeugdzorg?", "Ja."),
                                ("Wat doet u eraan?", "Gemeenten krijgen extra middelen.")])
    assert _names(items, subject="wachtlijsten in de jeugdzorg", single_subject=True) == {}


def test_outside_kamervragen_the_theme_needs_a_word_of_the_item():
    items = [Item(1, "Hoe verloopt de samenwerking met de provincies?", "De samenwerking verloopt goed."),
             Item(2, "Wat kost de energietransitie de huishoudens?", "Dat hangt af van de energieprijzen.")]
    names = _names(items, subject="Lijst van vragen over de gasopslag", single_subject=False)
    assert 1 not in names and names[2] == [ENERGIE]


def test_most_items_of_kamervragen_make_a_theme():
    answers = [
        ("Heeft u kennisgenomen van het bericht over tekorten aan medicijnen?", "Ja."),
        ("Welke geneesmiddelen zijn niet leverbaar?", "Het gaat om antibiotica en enkele medicijnen voor kinderen."),
        ("Wat doet de apotheker dan?", "De apotheker zoekt een alternatief middel."),
        ("Hoe lang duren de tekorten van geneesmiddelen nog?", "Fabrikanten verwachten medicijnen binnen enkele weken."),
    ]
    names = _names(_kamervragen(None, answers), subject="het bericht «Lege schappen»", single_subject=True)
    assert all(v == [MEDISCH] for v in names.values()) and set(names) == {1, 2, 3, 4}


def test_suggest_items_and_stored_documents_use_title_and_type(tmp_path):
    items = _kamervragen(None, GRID)
    direct = suggest_items(items, title="het bericht «Stroomnet in Flevoland vol»", doc_type=DocType.KAMERVRAGEN)
    assert [d.item for d in direct.domains] == [1, 2, 3]
    doc = Document(source="kv.txt", doc_type=DocType.KAMERVRAGEN, identifier="ah-tk-20232024-9999",
                   vergaderjaar="2023–2024", title="het bericht «Stroomnet in Flevoland vol»", date="2024-03-12",
                   items=items, page_count=1)
    store = Store.open(tmp_path / "briefer.db")
    try:
        doc_id = store.add_document(doc, b"kv").document.id
        stored = suggest_document(store, doc_id)
        assert [d.item for d in stored.domains] == [1, 2, 3]
        assert stored.to_json()["domains"][0]["domains"][0]["name"] == ENERGIE
    finally:
        store.close()


def test_sample_is_not_changed_by_the_theme(sample_doc, labels):
    """The VSO sample's title names no domain: the same suggestions with or without title and type."""
    plain = suggest_items(sample_doc.items, footnotes=sample_doc.footnotes)
    typed = suggest_items(sample_doc.items, footnotes=sample_doc.footnotes,
                          title="Kabinetsaanpak strategische afhankelijkheden", doc_type=sample_doc.doc_type)
    assert plain.to_json() == typed.to_json()
