from __future__ import annotations

from briefer.annotate.anchoring import context, find_quote, fuzzy_find, relocate

TEXT = ("Het kabinet zet in op diversificatie van leveranciers. Het kabinet zet in op recycling. "
        "Aan het einde van het jaar zal uw Kamer over de voortgang geïnformeerd worden.")


def test_find_quote_tolerates_whitespace_runs_and_newlines():
    spans = find_quote(TEXT.replace("uw Kamer", "uw\n  Kamer"), "zal uw Kamer over")
    assert len(spans) == 1
    assert find_quote(TEXT, "Het kabinet zet in op") == [(0, 21), (55, 76)]
    assert find_quote(TEXT, "   ") == []


def test_relocate_prefers_same_offsets_then_context():
    start = TEXT.index("recycling")
    assert relocate(TEXT, "recycling", start=start, end=start + 9).how == "exact"
    shifted = "Nieuw: " + TEXT
    p = relocate(shifted, "recycling", start=start, end=start + 9)
    assert (p.how, shifted[p.start:p.end]) == ("quote", "recycling")
    # two occurrences: the stored context decides, not the first match
    second = TEXT.index("Het kabinet zet in op recycling")
    prefix, suffix = context(TEXT, second, second + 21)
    p = relocate(shifted, "Het kabinet zet in op", prefix, suffix, start=0, end=21)
    assert p.start == second + len("Nieuw: ")


def test_fuzzy_finds_a_reworded_passage_and_refuses_a_vanished_one():
    old = "zal uw Kamer over de voortgang geïnformeerd worden"
    new_text = TEXT.replace(old, "zal uw Kamer over de voortgang worden geïnformeerd")
    p = relocate(new_text, old)
    assert p is not None and p.how == "fuzzy" and p.score >= 0.8
    assert "voortgang" in new_text[p.start:p.end] and new_text[p.start:p.end].startswith("zal uw")
    assert relocate("Een geheel andere tekst over visserij.", old) is None
    assert fuzzy_find("", old) is None


SENTENCES = " ".join(f"Zin {k}: het kabinet werkt aan onderdeel {110 + k} met de partners." for k in range(6))


def test_fuzzy_prefers_the_place_whose_context_agrees():
    start = SENTENCES.index("Zin 3:")
    end = start + len("Zin 3: het kabinet werkt aan onderdeel")
    exact = SENTENCES[start:end]
    prefix, suffix = context(SENTENCES, start, end)
    reworded = SENTENCES.replace("Zin 3: het kabinet werkt", "Zin 3: het kabinet werkte")
    p = relocate(reworded, exact, prefix, suffix, start, end)
    assert p is not None and p.how == "fuzzy"
    assert reworded[p.start:p.end] == "Zin 3: het kabinet werkte aan onderdeel"


def test_passage_rewritten_among_near_duplicates_is_not_guessed():
    start = SENTENCES.index("Zin 3:")
    end = start + len("Zin 3: het kabinet werkt aan onderdeel")
    prefix, suffix = context(SENTENCES, start, end)
    rewritten = SENTENCES.replace("Zin 3: het kabinet werkt aan onderdeel 113 met de partners.",
                                  "Deze zin is helemaal herschreven.")
    # Zin 2 and Zin 4 are equally close: an orphan, not a highlight on the wrong sentence
    assert relocate(rewritten, SENTENCES[start:end], prefix, suffix, start, end) is None
