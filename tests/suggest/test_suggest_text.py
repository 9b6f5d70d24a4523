"""Sentence splitting keeps exact offsets; matching forms close line-break hyphens."""

from __future__ import annotations

from briefer.suggest.text import match_form, quote_of, sentences


def test_sentences_keep_offsets_and_footnote_markers():
    text = ("Zoals beschreven in de Kamerbrief van 8 november 2022.[^1] Door onder andere "
            "de complexiteit is het lastig. Aan het einde van het jaar volgt meer.")
    parts = sentences(text)
    assert [p.text for p in parts] == [
        "Zoals beschreven in de Kamerbrief van 8 november 2022.[^1]",
        "Door onder andere de complexiteit is het lastig.",
        "Aan het einde van het jaar volgt meer.",
    ]
    for p in parts:
        assert text[p.start:p.end] == p.text


def test_abbreviations_do_not_end_sentences():
    text = ("Zie o.a. Kamerstuk 35 982, nr. 9 en de brief van 12 mei jl. over m.b.t. grondstoffen. "
            "Dit is d.w.z. een tweede zin. Derde zin.")
    parts = [p.text for p in sentences(text)]
    assert parts[0].startswith("Zie o.a.") and parts[0].endswith("grondstoffen.")
    assert len(parts) == 3


def test_sentence_ends_after_jl_before_capital_and_after_number():
    parts = [p.text for p in sentences("Van 20 juni jl.[^7] Voor het einde volgt meer. Kamerstuk 35 982, nr. 9. Klaar.")]
    assert parts == ["Van 20 juni jl.[^7]", "Voor het einde volgt meer.", "Kamerstuk 35 982, nr. 9.", "Klaar."]


def test_quote_of_drops_trailing_markers_only():
    s = sentences("Eerste zin met noot.[^3][^4] Tweede.")[0]
    q = quote_of(s)
    assert q.text == "Eerste zin met noot."
    assert q.end - q.start == len(q.text)


def test_match_form_closes_line_break_hyphens():
    assert match_form("econo-mische vertrou-welijk[^2]  karakter") == "economische vertrouwelijk karakter"
    assert "zonpv" in match_form("zon-PV")
