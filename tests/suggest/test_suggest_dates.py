"""Due dates from Dutch time expressions, relative to the document's date or vergaderjaar."""

from __future__ import annotations

from datetime import date

import pytest

from briefer.suggest.dates import find_terms, reference_date, resolve_due

REF = date(2023, 6, 20)


@pytest.mark.parametrize(("sentence", "due"), [
    ("Ik informeer uw Kamer voor het einde van 2023.", date(2023, 12, 31)),
    ("Uw Kamer ontvangt de brief na de zomer.", date(2023, 9, 30)),
    ("Het rapport wordt in het najaar gedeeld.", date(2023, 11, 30)),
    ("Dit volgt eind oktober 2023.", date(2023, 10, 31)),
    ("Dit volgt begin 2024.", date(2024, 3, 31)),
    ("Dit volgt in Q3 2024.", date(2024, 9, 30)),
    ("Dit volgt in het derde kwartaal van 2024.", date(2024, 9, 30)),
    ("Voor de zomer stuur ik u de evaluatie.", date(2023, 7, 1)),
    ("Aan het einde van dit jaar volgt de rapportage.", date(2023, 12, 31)),
    ("Dit volgt medio 2025.", date(2025, 6, 30)),
    ("Ik kom hierop binnen drie maanden terug.", date(2023, 9, 20)),
    ("Ik stuur de brief voor 1 september 2023.", date(2023, 9, 1)),
    ("Dit volgt in de loop van volgend jaar.", date(2024, 12, 31)),
    ("Dit volgt in de eerste helft van 2024.", date(2024, 6, 30)),
    ("Dit volgt voor het kerstreces.", date(2023, 12, 20)),
    ("Het onderzoek wordt in 2025 afgerond.", date(2025, 12, 31)),
    ("Ik informeer u binnen zes weken.", date(2023, 8, 1)),
    ("Ik informeer u over een half jaar.", date(2023, 12, 20)),
    ("De brief volgt in september.", date(2023, 9, 30)),
    ("De brief volgt na de zomer van 2024.", date(2024, 9, 30)),
])
def test_resolve_due(sentence, due):
    assert resolve_due(sentence, REF) == due


def test_term_without_year_that_passed_means_next_year():
    # Written in November: "voor de zomer" is next year's summer.
    assert resolve_due("Voor de zomer informeer ik uw Kamer.", date(2023, 11, 1)) == date(2024, 7, 1)
    assert resolve_due("In het voorjaar informeer ik uw Kamer.", date(2023, 11, 1)) == date(2024, 5, 31)


def test_a_day_without_year_that_passed_is_next_years():
    assert resolve_due("De brief volgt voor 1 juli.", date(2024, 8, 15)) == date(2025, 7, 1)
    assert resolve_due("De brief volgt voor 1 juli.", date(2024, 1, 15)) == date(2024, 7, 1)
    assert resolve_due("Zoals in de brief van 12 mei beschreven.", date(2024, 8, 15)) is None


def test_past_dates_are_not_due_dates():
    assert resolve_due("In de brief van 12 mei jl. is dit toegelicht.", REF) is None
    assert resolve_due("In december 2022 verscheen de strategie.", REF) is None
    terms = find_terms("In december 2022 verscheen de strategie.", REF)
    assert terms and not terms[0].future


def test_forward_words_without_date():
    terms = find_terms("Uw Kamer wordt binnenkort geïnformeerd.", REF)
    assert terms and terms[0].future and terms[0].due is None
    assert resolve_due("Voor de begrotingsbehandeling informeer ik u.", REF) is None


def test_reference_date_prefers_document_date():
    assert reference_date("2024-07-23", "2023–2024") == date(2024, 7, 23)


def test_reference_date_from_latest_jl_inside_the_vergaderjaar():
    texts = ["de brief van 12 mei jl.", "de strategie van 20 juni jl. en de brief van 8 november 2022"]
    assert reference_date(None, "2022–2023", texts) == date(2023, 6, 20)


def test_reference_date_falls_back_to_the_vergaderjaar():
    assert reference_date(None, "2022–2023", ["geen datum"]) == date(2023, 1, 1)
    assert reference_date(None, None) is None


def test_rule_guards_never_hide_a_term():
    """Each date rule is skipped when none of its guard words is in the sentence (speed): the
    terms found must be exactly those found with every rule tried, on real and made-up sentences."""
    import random
    from datetime import date as _date

    from briefer.ingest import parse_file
    from briefer.paths import RESOURCES
    from briefer.suggest import dates
    from briefer.suggest.text import match_form, sentences

    doc = parse_file(RESOURCES / "samples" / "kst-30821-196.txt")
    texts = [s.text for it in doc.items for f in (it.question, it.answer) for s in sentences(f)]
    rng = random.Random(7)
    words = ("voor na de zomer zomerreces in het najaar 2024 eind dit jaar volgend jaar begin maart medio "
             "april binnen zes weken over twee maanden q3 2025 eerste kwartaal tweede helft prinsjesdag "
             "jaarwisseling kerstreces 12 mei jl uiterlijk december halverwege 2026 dagen vóór juni "
             "lente winter rond op met").split()
    texts += [" ".join(rng.choice(words) for _ in range(rng.randint(1, 12))) for _ in range(3000)]
    everything = [(p, fn, tuple("abcdefghijklmnopqrstuvwxyz0123456789")) for p, fn, _ in dates._RULES]
    ref = _date(2024, 3, 1)
    for text in texts:
        plain = match_form(text)
        guarded = dates.find_terms(plain, ref)
        saved, dates._RULES = dates._RULES, everything
        try:
            unguarded = dates.find_terms(plain, ref)
        finally:
            dates._RULES = saved
        assert guarded == unguarded, text
