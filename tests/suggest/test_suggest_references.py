"""References: answers pointing to other answers; Kamerstuk citations made structured."""

from __future__ import annotations

from briefer.model import Footnote, Item
from briefer.suggest.references import (
    find_item_links,
    find_kamerstuk_refs,
    parse_kamerstukken,
    question_numbers_cited,
)


def test_question_numbers_in_varied_phrasing():
    assert question_numbers_cited("Zie het antwoord op vraag 30.") == [30]
    assert question_numbers_cited("Zoals aangegeven in het antwoord op vraag 4, is dit lastig.") == [4]
    assert question_numbers_cited("zie ook de beantwoording bij vraag 5.") == [5]
    assert question_numbers_cited("Ik verwijs u naar de antwoorden op vraag 3 en 4.") == [3, 4]
    assert question_numbers_cited("Zie de antwoorden op de vragen 6 tot en met 8.") == [6, 7, 8]
    assert question_numbers_cited("Zoals ook onder vraag 22 gesteld.") == [22]
    assert question_numbers_cited("Dit staat in de Kamervragen van het lid Kops.") == []


def test_links_map_question_numbers_to_the_answering_item():
    items = [
        Item(1, "v1", "Een antwoord."),
        Item(2, "v2 en v3", "Een gecombineerd antwoord.", numbers=[2, 3]),
        Item(4, "v4", "Zie het antwoord op vraag 3. En zie ook vraag 1 en vraag 99."),
        Item(5, "Wat zegt u over vraag 1?", "Zie het antwoord op vraag 5 en het antwoord op vraag 1."),
    ]
    links = [(link.item, link.refers_to_item) for link in find_item_links(items)]
    # vraag 3 is answered by item 2; 99 does not exist; an item never links to itself; questions are not read
    assert links == [(4, 2), (4, 1), (5, 1)]


def test_parser_refers_to_is_merged_without_duplicates():
    items = [Item(1, "q", "a"), Item(39, "q", "Zie het antwoord op vraag 1.", refers_to=[1])]
    assert [(x.item, x.refers_to_item) for x in find_item_links(items)] == [(39, 1)]


def test_kamerstuk_forms():
    found = parse_kamerstukken(
        "Zie Kamerstuk 35 982, nr. 9 en Kamerstukken 30 821 en 21 501-02, nr. 181; ook Kamerstuk 21 501-02, "
        "nr. 2345, de motie (Kamerstuk 36 200 V, nr. 50) en Kamerstukken II 2022/23, 32 813, nr. 1230."
    )
    assert [(t, d, n) for _, t, d, n in found] == [
        ("Kamerstuk 35 982, nr. 9", ("35 982",), "9"),
        ("Kamerstukken 30 821 en 21 501-02, nr. 181", ("30 821", "21 501-02"), "181"),
        ("Kamerstuk 21 501-02, nr. 2345", ("21 501-02",), "2345"),
        ("Kamerstuk 36 200 V, nr. 50", ("36 200 V",), "50"),
        ("Kamerstukken II 2022/23, 32 813, nr. 1230", ("32 813",), "1230"),
    ]


def test_a_date_after_the_number_is_not_a_second_number():
    found = parse_kamerstukken("Verslag, Kamerstuk 32 852, nr. 224, 22 mei 2023.")
    assert [(d, n) for _, _, d, n in found] == [(("32 852",), "224")]
    several = parse_kamerstukken("Kamerstuk 31 288, nrs. 9 en 10.")
    assert [n for _, _, _, n in several] == ["9", "10"]


def test_footnote_citations_go_to_the_item_citing_the_footnote():
    items = [
        Item(1, "Vraag.", "Zoals beschreven in de brief.[^1] Zie ook de tijdlijn.[^2]"),
        Item(2, "Een vraag met een noot.[^3]", "Antwoord met Kamerstuk 32 813, nr. 1230 en nog eens.[^1]"),
    ]
    notes = [Footnote(1, "Kamerstuk 35 982, nr. 9."), Footnote(2, "Kamerstukken 30 821 en 21 501-02, nr. 181."),
             Footnote(3, "https://example.org/.")]
    refs = [(r.item, r.text, r.footnote) for r in find_kamerstuk_refs(items, notes)]
    assert refs == [
        (1, "Kamerstuk 35 982, nr. 9", 1),
        (1, "Kamerstukken 30 821 en 21 501-02, nr. 181", 2),
        (2, "Kamerstuk 32 813, nr. 1230", None),
        (2, "Kamerstuk 35 982, nr. 9", 1),
    ]


def test_sample_links_and_citations(sample_doc):
    links = {(x.item, x.refers_to_item) for x in find_item_links(sample_doc.items)}
    assert (39, 30) in links
    refs = find_kamerstuk_refs(sample_doc.items, sample_doc.footnotes)
    first = [r.to_json() for r in refs if r.item == 1]
    assert {"item": 1, "text": "Kamerstuk 35 982, nr. 9", "dossiers": ["35 982"], "nr": "9"} in first
    assert any(r["dossiers"] == ["30 821", "21 501-02"] and r["nr"] == "181" for r in first)
