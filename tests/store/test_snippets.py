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


def test_footnote_markers_do_not_show_in_snippets():
    text = "Heeft u kennisgenomen van het artikel “Kritiek op actief regenboogbeleid”?[^1] Zo ja, wat vindt u ervan[^12]."
    snippet = _snippet(text, "regenboogbeleid")
    assert "[^" not in snippet and "]" not in snippet
    assert "«regenboogbeleid»”? Zo ja" in snippet
    assert _snippet(text, "ervan").endswith("«ervan».")  # no ellipsis for a marker alone, no space before "."
    assert "«" not in _snippet(text, "12")  # a marker's number is not a hit


def test_search_results_show_no_footnote_markers(tmp_path):
    from briefer.model import DocType, Document, Footnote, Item
    from briefer.store import Store

    with Store.open(tmp_path / "s.db") as store:
        doc = Document(source="x.txt", doc_type=DocType.KAMERVRAGEN, identifier="ah-tk-x", title="iets",
                       items=[Item(number=1, question="Kent u het regenboogbeleid?[^1] Zo ja, hoe?",
                                   answer="Ja.")],
                       footnotes=[Footnote(number=1, text="Bron")])
        store.add_document(doc, b"x", source_name="x.txt")
        hits = store.search("regenboogbeleid")
    assert hits and all("[^" not in h.snippet for h in hits)
    assert "«regenboogbeleid»? Zo ja" in hits[0].snippet
