"""Core: what a question is about, in a few words, for the outline ("Taskforce niet laten wachten…").

`question_subject(question)` is one rule for every document type:
1. Take the first sentence that asks or states something; an introduction ("De leden van de
   D66-fractie hebben met interesse kennisgenomen van de brief … en hebben nog enkele vragen") is
   skipped when another sentence follows.
2. A quoted title of three words or more («Kritiek op besluit provincie Friesland …») is the subject.
3. Otherwise drop the opening every question of a fractie shares ("De leden van de VVD-fractie",
   "Deze leden", "Ook", "Tot slot"), the reporting clause ("lezen dat", "zijn van mening dat",
   "vragen of", "Bent u bekend met", "Kunt u toelichten"), then a leading subject that says nothing
   ("het kabinet", "er", an article); keep the rest of the clause, at most MAX_WORDS words.

No Qt, no database: the outline (GUI) and anything else that names a question call it.
"""

from __future__ import annotations

import re

from briefer.textutil import ELLIPSIS, strip_footnote_markers

MAX_WORDS = 8
MAX_CHARS = 70

_SENTENCE_END = re.compile(r"(?<=[.?!])\s+(?=[A-Z«\"'(])")
_QUOTED = re.compile(r"[«“\"]([^»”\"]{6,120})[»”\"]")

# "De leden van de VVD-fractie", "het lid Kuzu", "Deze leden", "Zij", with a connective before them
_CONNECTIVE = r"(?:ook|verder|tevens|voorts|tot\s+slot|daarnaast|bovendien|en|dan|vervolgens|tenslotte)"
_OPENING = re.compile(
    rf"^(?:{_CONNECTIVE}\s+)?(?:(?:de|het)\s+(?:leden|lid)\s+van\s+de\s+\S+?(?:-fractie|\s+fractie)"
    rf"|de\s+leden|deze\s+leden|het\s+lid\s+\S+|zij|wij)\s+(?:{_CONNECTIVE}\s+)?", re.IGNORECASE)
_INVERTED = re.compile(  # "Ook lezen de leden van de D66-fractie dat …": verb first, then the members
    rf"^(?:{_CONNECTIVE}\s+)?(\w+(?:\s+\w+)?)\s+(?:(?:de|het)\s+(?:leden|lid)\s+van\s+de\s+\S+?(?:-fractie|\s+fractie)"
    r"|deze\s+leden|zij)\s+", re.IGNORECASE)
# what the members (or the asker) do before saying what it is about
_REPORTING = re.compile(
    r"^(?:(?:lezen|zien|constateren|merken|stellen|begrijpen|vernemen|concluderen)(?:\s+\w+){0,4}?\s+(?:op\s+)?dat"
    r"|(?:zijn|is)\s+(?:van\s+mening|benieuwd|verbaasd|verheugd|bezorgd)(?:\s+(?:dat|of|naar|over|hoe))?"
    r"|(?:delen|onderschrijven)\s+(?:de|het)\s+\w+(?:\s+van\s+(?:het|de)\s+\w+)?(?:\s+dat)?"
    r"|(?:vragen|verzoeken)(?:\s+(?:het\s+kabinet|de\s+regering|de\s+minister|u))?(?:\s+(?:of|om|naar|wat|hoe))?"
    r"|(?:zouden\s+)?(?:graag\s+)?willen\s+(?:graag\s+)?(?:weten|vragen|aandacht\s+vragen\s+voor|inzoomen\s+op)"
    r"|(?:vinden|vrezen|hopen|verwachten|betreuren|waarderen|steunen|danken\s+het\s+kabinet\s+voor)(?:\s+dat)?"
    r"|lezen(?:\s+\w+){0,3}?\s+(?:over|in)"
    r"|hebben\s+(?:met\s+\w+\s+)?kennisgenomen\s+van)\s+", re.IGNORECASE)
_ASKING = re.compile(  # Kamervragen: "Bent u bekend met", "Kunt u toelichten", "Heeft u kennisgenomen van"
    r"^(?:(?:bent|is)\s+u\s+(?:bekend|op\s+de\s+hoogte)\s+(?:met|van)"
    r"|(?:heeft|hebt)\s+u\s+kennis\s*genomen\s+van|(?:heeft|hebt)\s+u\s+kennisgenomen\s+van"
    r"|deelt\s+u\s+de\s+(?:mening|opvatting|zorg(?:en)?)\s+(?:dat|van)"
    r"|(?:kunt|wilt)\s+u\s+(?:\w+\s+){0,2}?(?:toelichten|aangeven|uiteenzetten|verklaren|bevestigen|ingaan\s+op)"
    r"(?:\s+(?:of|hoe|wat|waarom|wanneer|welke|in\s+hoeverre))?"
    r"|kan\s+het\s+kabinet\s+(?:\w+\s+){0,2}?(?:toelichten|aangeven|uiteenzetten|bevestigen)"
    r"(?:\s+(?:of|hoe|wat|waarom|wanneer|welke|in\s+hoeverre))?"
    r"|wat\s+is\s+uw\s+(?:reactie|oordeel|mening)\s+op)\s+", re.IGNORECASE)
_EMPTY_SUBJECT = re.compile(
    r"^(?:(?:het\s+kabinet|de\s+regering|de\s+minister|er|het|de|een|dat|of|om|zich|in\s+de\s+brief)\s+)+",
    re.IGNORECASE)
_INTRO = re.compile(r"kennis\s*genomen|danken\s+het\s+kabinet|hebben\s+(?:nog\s+)?(?:enkele|een\s+aantal|"
                    r"daarover|hierover|daarbij)", re.IGNORECASE)
_PARENTHESIS = re.compile(r"\s*\([^()]*\)")
_CLAUSE_END = re.compile(r"[,;:?!.(]|\s[–—-]\s")


def _sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENTENCE_END.split(text) if s.strip()]


def _strip_opening(sentence: str) -> str:
    text = sentence
    inverted = _INVERTED.match(text)
    if inverted:  # "Ook lezen de leden van de D66-fractie dat" -> "lezen dat"
        text = inverted.group(1) + " " + text[inverted.end():]
    else:
        text = _OPENING.sub("", text, count=1)
    for _ in range(2):
        before = text
        text = _REPORTING.sub("", text, count=1)
        text = _ASKING.sub("", text, count=1)
        if text == before:
            break
    return _EMPTY_SUBJECT.sub("", text, count=1)


def _cut(phrase: str) -> str:
    words = phrase.split()
    cut = len(words) > MAX_WORDS
    words = words[:MAX_WORDS]
    while len(" ".join(words)) > MAX_CHARS and len(words) > 1:
        words.pop()
        cut = True
    while cut and words and words[-1].lower() in _TRAILING:
        words.pop()
    out = " ".join(words).strip(" ,;:")
    return out + ELLIPSIS if cut and out else out


_TRAILING = {"de", "het", "een", "van", "voor", "op", "in", "met", "aan", "en", "of", "dat", "die", "te", "tot",
             "naar", "over", "bij", "om", "als", "door", "zijn", "is", "er"}


def question_subject(question: str) -> str:
    """A key phrase naming what `question` is about (empty for an empty question)."""
    text = " ".join(strip_footnote_markers(question or "").split())
    if not text:
        return ""
    sentences = _sentences(text) or [text]
    while len(sentences) > 1 and _INTRO.search(sentences[0]):
        sentences = sentences[1:]
    first = _PARENTHESIS.sub("", sentences[0])
    quoted = _QUOTED.search(first)
    if quoted and len(quoted.group(1).split()) >= 3:
        return _capital(_cut(quoted.group(1)))
    rest = _strip_opening(first)
    clause = _CLAUSE_END.split(rest, maxsplit=1)[0].strip()
    if len(clause.split()) < 2:  # the clause ended at once ("Japan: …"): keep more
        clause = rest.rstrip("?.!")
    phrase = clause.replace("«", "").replace("»", "")
    return _capital(_cut(phrase)) if phrase else _capital(_cut(first))


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]
