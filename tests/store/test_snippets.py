from __future__ import annotations

from briefer.store.search import query_phrases
from briefer.store.snippets import find_hits, fold, fold_text, make_snippet, phrase_pattern


def _snippet(text: str, query: str, size: int = 16) -> str:
    hits = find_hits(text, phrase_pattern(query_phrases(query)))
    return make_snippet(text, hits, size, "«", "»", "…")


def test_fold_matches_the_index():
    assert fold("Geïnformeerd") == "geinformeerd"
    assert fold("Kostić") == "kostic"
    text = "Zij heeft Kostić geïnformeerd."
    assert len(fold_text(text)) == len(text)


def test_hits_are_marked_with_original_spelling():
    text = "Het kabinet heeft de Kamer hierover geïnformeerd, zoals toegezegd."
    assert _snippet(text, "geinformeerd") == "Het kabinet heeft de Kamer hierover «geïnformeerd», zoals toegezegd."
    assert _snippet(text, "toegez") == "Het kabinet heeft de Kamer hierover geïnformeerd, zoals «toegezegd»."


def test_prefix_only_at_word_start_and_phrases_whole():
    text = "De grondstoffenstrategie en de kritieke grondstoffen."
    assert _snippet(text, "stoffen") == text  # no hit inside a word
    assert _snippet(text, '"kritieke grondstoffen"').count("«") == 1
    assert "«kritieke grondstoffen»" in _snippet(text, '"kritieke grondstoffen"')
    assert _snippet(text, "grondst").count("«") == 2


def test_long_text_is_cut_around_the_hit_with_ellipses():
    words = [f"woord{i}" for i in range(200)]
    words[120] = "waterstof"
    text = " ".join(words) + "."
    snippet = _snippet(text, "waterstof", size=10)
    assert snippet.startswith("…") and snippet.endswith("…")
    assert "«waterstof»" in snippet
    assert len(snippet.split()) <= 11
    assert "woord119" in snippet  # some context before the hit


def test_no_hit_shows_the_start():
    text = " ".join(f"w{i}" for i in range(50))
    snippet = _snippet(text, "afwezig", size=5)
    assert snippet.startswith("w0 ") and snippet.endswith("…") and "«" not in snippet


def test_quotes_in_the_text_never_look_like_hit_marks():
    text = "De leden lezen dat «veel in gang gezette onderzoeken» nog lopen."
    snippet = _snippet(text, "onderzoek")
    assert snippet.count("«") == snippet.count("»") == 1
    assert "“veel in gang gezette «onderzoeken»”" in snippet


def test_neighbouring_hits_are_marked_as_one():
    text = "Het kabinet biedt een vertrouwelijke technische briefing aan."
    assert "«vertrouwelijke technische briefing»" in _snippet(text, "briefing technische vertrouwelijke")
