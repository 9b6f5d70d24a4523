"""Core: the short forms a briefing needs: a question in one line, an answer's key sentence, a
quote cut at a sentence boundary, an item's topic in two words.

Pure functions over strings, deterministic and offline. Sentences come from the suggestion
engine's splitter (`briefer.suggest.text.sentences`), so both agree on where a sentence ends;
footnote markers (`[^N]`) stay in the text so a quote can cite its source as a real footnote.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable

from briefer.export.layout import text_em
from briefer.suggest.text import sentences
from briefer.textutil import ELLIPSIS, FOOTNOTE_MARKER, strip_footnote_markers

_WS = re.compile(r"\s+")

_QWORD = (r"(?:(?:tegen|voor|met|op|in|tot|naar|van|bij|over|aan|uit|door|om)\s+)?"
          r"(?:of|welke?|wat|wanneer|hoe|waarom|waar\w*|wie|in\s+hoeverre|hoeveel)\b")
_MEMBERS = (r"(?:de|deze|het)\s+(?:leden|lid)(?:\s+van\s+de\s+(?:fractie\s+van\s+de\s+)?[\w-]+"
            r"(?:-fractie|\s+fractie)?)?")
_ADVERBS = r"(?:(?:ook|tot\s+slot|daarnaast|verder|voorts|tevens|graag|nog|zo|dan|daarom|eveneens)\s+)*"
_VERB = (r"(?:vragen|verzoeken|willen|wensen|zouden|zijn|is)\s+" + _ADVERBS
         + r"(?:(?:zich\s+af|het\s+kabinet|de\s+regering|de\s+minister|de\s+staatssecretaris|weten|vernemen|"
           r"graag|willen|benieuwd|nieuwsgierig)\s+)*")
# A fractie's request in the forms VSO's and verslagen use ("De leden van de VVD-fractie vragen zich
# af welke ...", "Zo vragen deze leden of ...", "... zijn benieuwd hoe ..."); group "rest" is the question.
_ASKS = re.compile(
    r"(?:^|[,;:]\s+(?:maar|en|dus)?\s*)" + _ADVERBS + _MEMBERS + r"\s+" + _ADVERBS + _VERB
    + r"(?P<rest>" + _QWORD + r".*)$",
    re.IGNORECASE,
)
# The same with the verb first: "Zo vragen deze leden of …", "Ten aanzien van X vragen deze leden of …".
_ASKS_INVERTED = re.compile(
    r"\b" + _VERB + _MEMBERS + r"\s+" + _ADVERBS + r"(?:(?:willen|weten|vernemen|graag|benieuwd|nieuwsgierig|"
    r"zich\s+af)\s+)*(?P<rest>" + _QWORD + r".*)$",
    re.IGNORECASE,
)
# A direct question whose opening adds nothing: "Kan het kabinet toelichten welke ..." -> "welke ...".
_EXPLAIN = re.compile(
    r"^(?:kan|kunt|wil|zou)\s+(?:het\s+kabinet|de\s+regering|de\s+minister|de\s+staatssecretaris|u)\s+"
    r"(?:nader\s+|ook\s+|nog\s+)*(?:toelichten|aangeven|uiteenzetten|verduidelijken|verhelderen|schetsen)\s*,?\s+"
    r"(?P<rest>" + _QWORD + r".*)$",
    re.IGNORECASE,
)
_INTRO = re.compile(r"\b(kennis\s*genomen|danken\s+(het|de)|hebben\s+(\w+\s+){0,3}(enkele|een\s+aantal|een\s+paar|"
                    r"nog)\s+(vragen|opmerkingen))", re.IGNORECASE)
_STANCE = re.compile(r"\b(kabinet|regering|ik|minister)\s+(zal|zullen|is|ziet|vindt|acht|deelt|heeft|zet|wil|gaat|"
                     r"hecht|kiest|steunt|verwacht|ben|vind|deel|zie)\b|\b(niet|geen|wel|daarom|dus|kortom|"
                     r"bereid|voornemens|onderschrijf|onderschrijft)\b", re.IGNORECASE)
_REFERENCE = re.compile(r"\b(zie\s+(ook\s+)?(het\s+)?antwoord|zoals\s+(beschreven|aangegeven|gemeld|vermeld|"
                        r"toegelicht)|verwijs|verwijzen)\b", re.IGNORECASE)
_WORD = re.compile(r"[A-Za-zÀ-ÖØ-öø-ÿ][A-Za-zÀ-ÖØ-öø-ÿ'’]*(?:-[A-Za-zÀ-ÖØ-öø-ÿ]+)*")

STOPWORDS = frozenset("""
aan af al als alleen alsmede ander andere anders ben bent bij bijvoorbeeld binnen
daar daarbij daarmee daarnaast daarom daarvan dan dat de deze die dit doen door dus echter een
eigen en enkele er eerder eveneens evenals gaan gaat geen geweest had hadden heb hebben heeft hen
het hier hierbij hiermee hierover hij hoe hoeveel hun ik in is ja je kan kunnen kunt maar
meer men met mij mijn moet moeten na naar naast nee niet nog nu of om omdat onder ons ook op
over reeds sinds sommige te tegen ten ter toe tot tussen u uit uw van vanuit veel voor vooral
waar waarbij waarin waarom wanneer want was waren wat we welk welke werd werden wie wij
wil willen worden wordt zal zelf zich zij zijn zo zoals zou zouden zowel
leden lid fractie kabinet regering minister staatssecretaris kamer vraag vragen vraagt antwoord
toelichten aangeven nader mening bereid welke concrete concreet bijvoorbeeld manier gebied terrein
onder andere daarvoor hierin hiervan hierop waarop waarmee steeds zeer heel mogelijk mogelijkheden
kennisgenomen belangstelling interesse brief kamerbrief lezen leest stelt stellen geeft geven
benieuwd opzichte aanzien betreft betrekking tevens verder voorts daarnaast eveneens echter overigens
immers namelijk
""".split())


_GLUED = re.compile(r"(?<=[a-zà-ÿ][?!])(?=[A-Z])")  # "realiseren?Overweegt": a line break lost in the source


def _split(text: str) -> list[str]:
    return [_WS.sub(" ", s.text).strip() for s in sentences(_GLUED.sub(" ", text))]


def cut_words(text: str, width: int) -> str:
    """`text` cut at a word boundary to at most `width` characters, "…" where it was cut."""
    text = _WS.sub(" ", text).strip()
    if len(text) <= width:
        return text
    cut = text[: width - 1]
    if " " in cut[width // 2:]:
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:–-") + ELLIPSIS


def fit_em(text: str, em: float) -> str:
    """`text` cut at a word so it is at most `em` wide in the house font ("…" where it was cut)."""
    text = _WS.sub(" ", text).strip()
    if text_em(text) <= em:
        return text
    words = text.split(" ")
    while len(words) > 1 and text_em(" ".join(words)) + 1.0 > em:
        words.pop()
    return " ".join(words).rstrip(" ,;:–-") + ELLIPSIS


def shorten_quote(text: str, limit: int) -> str:
    """Whole sentences of `text` up to `limit` characters (markers not counted), "…" when more
    follows; a first sentence longer than `limit` is cut at a word. Footnote markers are kept."""
    parts = [_WS.sub(" ", s.text).strip() for s in sentences(text.strip())]
    if not parts:
        return ""
    out: list[str] = []
    used = 0
    for part in parts:
        size = len(strip_footnote_markers(part))
        if out and used + size > limit:
            return " ".join(out) + " " + ELLIPSIS
        if not out and size > limit:
            return _cut_keeping_markers(part, limit)
        out.append(part)
        used += size + 1
    return " ".join(out)


def _cut_keeping_markers(text: str, limit: int) -> str:
    """Cut a sentence at a word near `limit` visible characters; markers before the cut stay."""
    visible = 0
    pos = 0
    for m in FOOTNOTE_MARKER.finditer(text):
        span = m.start() - pos
        if visible + span > limit:
            break
        visible += span
        pos = m.end()
    else:
        m = None
    room = limit - visible
    head = text[:pos] + cut_words(text[pos:], room)
    return head if head.endswith(ELLIPSIS) else head + " " + ELLIPSIS


def question_sentence(question: str) -> str:
    """The sentence of a question block that asks: the first with a question mark or a request
    verb ("vragen", "willen weten"), not an introduction ("hebben kennisgenomen"); else the last."""
    parts = [p for p in _split(strip_footnote_markers(question)) if p]
    if not parts:
        return ""
    for part in parts:
        if _INTRO.search(part) and "?" not in part:
            continue
        if part.endswith("?") or _ASKS.search(part) or _ASKS_INVERTED.search(part):
            return part
    useful = [p for p in parts if not _INTRO.search(p)]
    return (useful or parts)[-1]


def question_summary(question: str, width: int = 160) -> tuple[str, bool]:
    """What was asked, in one short line, and whether it reads as reported speech.

    "De leden van de VVD-fractie vragen zich af welke doelen het kabinet stelt." gives
    ("welke doelen het kabinet stelt", True): the caller writes "VVD vraagt welke …". A direct
    question stays direct: ("Wanneer wil het kabinet deze doelstellingen hebben gerealiseerd?", False).
    """
    sentence = question_sentence(question)
    if not sentence:
        return "", False
    m = _ASKS.search(sentence) or _ASKS_INVERTED.search(sentence)
    if m:
        rest = m.group("rest").rstrip(" .?")
        return cut_words(rest, width), True
    m = _EXPLAIN.match(sentence)
    if m:
        rest = m.group("rest").rstrip(" .?")
        return cut_words(rest, width), True
    return cut_words(sentence, width), False


def _content_words(text: str) -> set[str]:
    return {w.lower()[:7] for w in _WORD.findall(text) if len(w) > 3 and w.lower() not in STOPWORDS}


def key_sentence(answer: str, question: str = "") -> str:
    """The sentence of an answer that carries its point (footnote markers kept).

    Not simply the first: each sentence scores on the question's words it takes up, on stance
    words ("het kabinet zal", "niet", "wel", "bereid"), against references ("zie het antwoord op
    vraag 3", "zoals beschreven in") and against echoes of the question itself, with a mild
    preference for early sentences. A bare "Ja." or "Nee." opening keeps the sentence after it.
    """
    parts = [_WS.sub(" ", s.text).strip() for s in sentences(answer.strip())]
    parts = [p for p in parts if p]
    if not parts:
        return ""
    if len(strip_footnote_markers(parts[0])) < 25 and len(parts) > 1:
        return parts[0] + " " + parts[1]
    plain_q = strip_footnote_markers(question)
    asked = _content_words(plain_q)
    echoes = [_content_words(q) for q in _split(plain_q)]
    best, best_score = parts[0], -1e9
    for i, part in enumerate(parts[:12]):
        plain = strip_footnote_markers(part)
        words = _content_words(plain)
        overlap = len(words & asked) / (1 + math.sqrt(len(words))) if asked else 0.0
        score = 1.5 * overlap + 0.6 * min(2, len(_STANCE.findall(plain))) + 1.0 / (1 + 0.5 * i)
        if _REFERENCE.search(plain):
            score -= 1.5
        if len(plain) < 40:
            score -= 1.0
        if len(plain) > 400:
            score -= 0.5
        if words and any(len(words & e) >= 0.7 * len(words) for e in echoes if e):
            score -= 1.5  # the answer repeating the question is not its point
        if score > best_score:
            best, best_score = part, score
    return best


# Words that are rarely a topic: participles ("gerealiseerd"), inflected adjectives ("kritieke",
# "technologische"), a fractie's own name.
_NOT_TOPIC = re.compile(r"^\w{0,5}ge\w{2,}[dt](?<!heid)(?<!ied)(?<!eid)$|(?:lijke|ische|ieke|ele|ere|iele|ale|ige|ende|ig)$|"
                        r"fractie", re.IGNORECASE)


class TopicIndex:
    """Core: the distinctive words of a document's items, for topics like "handelsafspraken en
    diversificatie" (tf-idf over the document: words every answer uses score low)."""

    def __init__(self, texts: Iterable[str]) -> None:
        self.docs = 0
        self.df: Counter[str] = Counter()
        self._weights: dict[str, float] = {}
        for text in texts:
            self.docs += 1
            self.df.update({w.lower() for w in _WORD.findall(strip_footnote_markers(text))})

    def _weight(self, low: str) -> float:
        """How much a word says about an item (0: not a topic word); cached per word."""
        found = self._weights.get(low)
        if found is None:
            if len(low) < 5 or low in STOPWORDS or _NOT_TOPIC.search(low):
                found = 0.0
            else:
                idf = math.log((1 + self.docs) / (1 + self.df.get(low, 0))) + 0.2
                found = idf * (1 + min(len(low), 20) / 20)
            self._weights[low] = found
        return found

    def topic(self, question: str, answer: str = "", *, words: int = 2) -> str:
        """Two distinctive words of an item, question first, in their order of appearance."""
        scores: Counter[str] = Counter()
        first: dict[str, tuple[int, str, int]] = {}  # word -> (order, text, offset) of its first use
        for weight, order, text in ((2.0, 0, strip_footnote_markers(question[:1500])),
                                    (1.0, 1, strip_footnote_markers(answer[:1200]))):
            for m in _WORD.finditer(text):
                low = m.group(0).rstrip("'’").lower()
                value = self._weight(low)
                if not value or text[m.end():m.end() + 1] == "-":
                    continue
                scores[low] += weight * value
                if low not in first:
                    first[low] = (order, text, m.start())
        chosen: list[str] = []
        for w, _score in scores.most_common():
            if any(w[:5] == c[:5] for c in chosen):
                continue  # "Japan" and "Japanse": one topic
            chosen.append(w)
            if len(chosen) == words:
                break
        chosen.sort(key=lambda w: first[w][0::2])
        return " en ".join(self._surface(w, first[w][1]) for w in chosen)

    @staticmethod
    def _surface(low: str, text: str) -> str:
        """A name or acronym keeps its capitals ("Taiwan", "CRMA"); other words are written small."""
        for m in _WORD.finditer(text):
            word = m.group(0).rstrip("'’")
            if word.lower() != low or not word[:1].isupper():
                continue
            k = m.start() - 1
            while k >= 0 and text[k].isspace():
                k -= 1
            if word.isupper() or not (k < 0 or text[k] in ".?!:;«“\"("):
                return word
        return low
