"""Domain suggestions: compounds, weights, the threshold, evidence, editable lexicons, the sample."""

from __future__ import annotations

from briefer.model import Item
from briefer.suggest.domains import (
    Lexicon,
    default_lexicon_for,
    default_lexicons,
    parse_terms,
    suggest_domains,
)

GRONDSTOFFEN = "Grondstoffen en (fossiele) energie"


def _names(result):
    return {n: [d.name for d in ds] for n, ds in result}


def test_bundled_lexicons_cover_the_four_default_domains():
    names = [lex.name for lex in default_lexicons()]
    assert sorted(names) == sorted([
        GRONDSTOFFEN, "Digitale en (hoogwaardige) technologische toepassingen", "Medische producten",
        "Voedselzekerheid",
    ])
    assert default_lexicon_for("grondstoffen en energie").name == GRONDSTOFFEN
    assert default_lexicon_for("Veiligheid en defensie") is None


def test_dutch_compounds_match_by_stem():
    items = [Item(1, "Hoe staat het met de grondstoffenstrategie?",
                  "Een lithiumraffinaderij in Nederland en de batterijgrondstof nikkel passen daarin.")]
    (number, domains), = suggest_domains(items, default_lexicons())
    assert number == 1 and domains[0].name == GRONDSTOFFEN
    assert {"grondstoffenstrategie", "lithiumraffinaderij"} <= set(domains[0].evidence)


def test_question_and_answer_both_count():
    q_only = [Item(1, "Wat doet het kabinet aan geneesmiddelentekorten en medische hulpmiddelen?", "Het kabinet kijkt ernaar.")]
    a_only = [Item(2, "Wat doet het kabinet?", "Geneesmiddelentekorten en medische hulpmiddelen hebben aandacht.")]
    assert _names(suggest_domains(q_only, default_lexicons()))[1][0] == "Medische producten"
    assert _names(suggest_domains(a_only, default_lexicons()))[2][0] == "Medische producten"


def test_a_passing_mention_suggests_nothing():
    items = [
        Item(1, "Welke criteria hanteert het kabinet?",
             "Het kabinet weegt publieke belangen af, bijvoorbeeld bij energie. De markt heeft een eigen rol "
             "en de dialoog met bedrijven blijft van belang."),
        Item(2, "Hoe verloopt de samenwerking met ambassades?", "Er is intensief contact met de posten."),
    ]
    assert suggest_domains(items, default_lexicons()) == []


def test_distinctive_words_outweigh_generic_ones():
    items = [Item(1, "Vraag over data en platformen.",
                  "De Chips Act en de halfgeleiderindustrie zijn cruciaal; ook quantumcomputing en "
                  "kunstmatige intelligentie. Daarnaast speelt energie een rol.")]
    (_, domains), = suggest_domains(items, default_lexicons())
    assert domains[0].name.startswith("Digitale")
    assert all(d.name != GRONDSTOFFEN for d in domains)


def test_ministry_names_are_no_evidence():
    items = [Item(1, "Welke onderzoeken lopen er?",
                  "Het Ministerie van Landbouw, Natuur en Voedselkwaliteit en het Ministerie van Volksgezondheid, "
                  "Welzijn en Sport doen onderzoek naar de methode. Ook de minister van Economische Zaken en "
                  "Klimaat kijkt mee.")]
    assert suggest_domains(items, default_lexicons()) == []


def test_a_user_lexicon_of_plain_words_works():
    defence = Lexicon("Veiligheid en defensie", parse_terms('["defensie", "krijgsmacht", "munitie", "NAVO"]'))
    items = [Item(27, "Waarom geen nationale defensie-industrie?",
                  "Het kabinet versterkt de defensiesector en de krijgsmacht, ook voor munitie en de NAVO.")]
    (_, domains), = suggest_domains(items, [defence])
    assert domains[0].name == "Veiligheid en defensie"
    assert "defensieindustrie" in domains[0].evidence or "defensiesector" in domains[0].evidence


def test_deterministic_order_and_scores():
    items = [Item(n, "Vraag over voedselzekerheid en kunstmest.", "Landbouw en voedselproductie.")
             for n in range(1, 4)]
    first = suggest_domains(items, default_lexicons())
    assert first == suggest_domains(list(items), default_lexicons())
    assert [n for n, _ in first] == [1, 2, 3]
    assert all(0 < ds[0].score < 1 for _, ds in first)


def test_sample_against_hand_labels(sample_doc, labels):
    """Top domain right on >= 80% of items concerning one; nothing on >= 70% of the others."""
    code = {name: c for c, name in labels["codes"].items()}
    got = dict(suggest_domains(sample_doc.items, default_lexicons()))
    right = wrong = quiet = loud = 0
    for number, lab in labels["items"].items():
        suggested = got.get(int(number), [])
        if lab["domains"]:
            if suggested and code[suggested[0].name] in lab["domains"]:
                right += 1
            else:
                wrong += 1
        elif suggested:
            loud += 1
        else:
            quiet += 1
    assert right / (right + wrong) >= 0.8
    assert quiet / (quiet + loud) >= 0.7
