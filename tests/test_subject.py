"""The outline's subject rule: what a question is about, drawn from the question itself."""

from __future__ import annotations

import pytest

from briefer.subject import MAX_WORDS, question_subject


@pytest.mark.parametrize(("question", "subject"), [
    # VSO: the fractie opening and the reporting clause go, the subject stays
    ("De leden van de VVD-fractie zijn van mening dat de Taskforce niet moet wachten tot de uitkomsten "
     "van alle onderzoeken beschikbaar zijn.", "Taskforce niet moet wachten tot de uitkomsten…"),
    ("De leden van de VVD-fractie lezen dat het kabinet met internationale partners buiten de Europese Unie "
     "(EU) blijft inzetten op kennisuitwisseling.", "Met internationale partners buiten de Europese Unie blijft…"),
    ("Ook lezen de leden van de D66-fractie dat er kwalitatief onderzoek nodig is.",
     "Kwalitatief onderzoek nodig is"),
    ("Verder zouden deze leden willen weten welk belang marktpartijen hebben. En hoe?",
     "Welk belang marktpartijen hebben"),
    # an introduction is skipped when a real question follows
    ("De leden van de CU-fractie hebben kennisgenomen van de brief. Zij hebben daarbij enkele vragen. "
     "De leden lezen dat de Taskforce onderzoek doet.", "Taskforce onderzoek doet"),
    # a quoted title names the subject
    ("Heeft u kennisgenomen van het artikel «Kritiek op besluit provincie Friesland tegen actief "
     "regenboogbeleid»?[^1]", "Kritiek op besluit provincie Friesland tegen actief regenboogbeleid"),
    # Kamervragen: the asking formula goes
    ("Bent u bekend met het risico dat quantumcomputing encryptie zal doorbreken?",
     "Risico dat quantumcomputing encryptie zal doorbreken"),
    ("Welke stappen kunnen organisaties nu al nemen?", "Welke stappen kunnen organisaties nu al nemen"),
    ("", ""),
])
def test_subject_of_a_question(question: str, subject: str) -> None:
    assert question_subject(question) == subject


def test_subject_is_short_and_never_ends_on_a_loose_word() -> None:
    long = ("De leden van de VVD-fractie lezen dat er veel verschillende beleidsmaatregelen van kracht zijn die "
            "indirect of direct bijdragen aan het mitigeren van de risico's van strategische afhankelijkheden")
    subject = question_subject(long)
    assert subject.endswith("…")
    words = subject.rstrip("…").split()
    assert len(words) <= MAX_WORDS
    assert words[-1] not in {"de", "het", "een", "van", "die", "en"}
    assert "VVD-fractie" not in subject and "lezen" not in subject
