"""Core: domain suggestions from editable lexicons (words, stems, weights), offline.

A lexicon is a list of terms. Each term has a weight (distinctive words 3, generic ones 1) and a
way of matching, chosen so Dutch compounds are found:

* ``infix``  — the stem anywhere inside a word: "grondstof" matches "grondstoffenstrategie" and
  "batterijgrondstof"; "lithium" matches "lithiumraffinaderij";
* ``prefix`` — words starting with the stem: "medisch" matches "medische";
* ``word``   — the whole word only (short or ambiguous words: "gas", "ai", "api's");
* ``phrase`` — several words in a row, the last one as a prefix ("zeldzame aard").

Text is matched in `match_form` (lower case, line-break hyphens closed), question and answer
together. A word counts for one term per domain (the longest that fits). Repeated terms count less
each time; the score is `1 - exp(-raw / SCALE)` in [0, 1) and a domain is suggested from
`THRESHOLD` up, and only with at least two matching words, so a passing mention suggests nothing.
Words that merely contain a stem ("ov-chipkaart", "voedingsbodem") never count.

A document can lend its items a *theme* (see `suggest_domains`): Kamervragen are about the one
matter in their title, so "Bent u bekend met het bericht ...? Ja." concerns the title's domain.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from briefer.errors import BrieferError
from briefer.paths import RESOURCES
from briefer.suggest.text import ItemLike, match_form, tokens

LEXICON_DIR = RESOURCES / "lexicons"
MATCH_MODES = ("infix", "prefix", "word", "phrase")
SCALE = 8.0
THRESHOLD = 0.48
MIN_WORDS = 2
REPEAT_FACTOR = 0.5  # each further occurrence of a term counts this much of its weight
MAX_REPEATS = 4
MAX_EVIDENCE = 6
BARE_WORD_WEIGHT = 2.0  # a word a user lists without a weight is meant as a telling one


class LexiconError(BrieferError):
    """Core: a lexicon (file or database value) that cannot be read."""


@dataclass(frozen=True)
class LexiconTerm:
    """Core: one entry of a domain lexicon."""

    term: str
    weight: float = 1.0
    match: str = "infix"

    def to_json(self) -> dict[str, Any]:
        return {"term": self.term, "weight": self.weight, "match": self.match}


@dataclass
class Lexicon:
    """Core: the words that point to one domain."""

    name: str
    terms: list[LexiconTerm] = field(default_factory=list)
    recognise: list[str] = field(default_factory=list)  # stems that identify the domain by name
    description: str = ""

    def to_json(self) -> dict[str, Any]:
        return {"version": 1, "terms": [t.to_json() for t in self.terms]}


@dataclass(frozen=True)
class DomainScore:
    """Core: a suggested domain for an item: score in [0, 1) and the words that triggered it."""

    name: str
    score: float
    evidence: list[str]


def default_match(term: str) -> str:
    """How a bare word a user adds is matched: phrases as phrases, short words whole, else infix."""
    if " " in term.strip():
        return "phrase"
    return "word" if len(term) < 5 else "infix"


def make_term(raw: Any) -> LexiconTerm:
    """A term from its JSON form: a bare string, or {"term", "weight", "match"}."""
    if isinstance(raw, str):
        word = match_form(raw).strip()
        return LexiconTerm(word, BARE_WORD_WEIGHT, default_match(word))
    if isinstance(raw, dict) and isinstance(raw.get("term"), str):
        word = match_form(raw["term"]).strip()
        match = raw.get("match") or default_match(word)
        if match not in MATCH_MODES:
            raise LexiconError(f"Onbekende matchwijze {match!r} voor {word!r}: kies infix, prefix, word of phrase.")
        try:
            weight = float(raw.get("weight", 1.0))
        except (TypeError, ValueError):
            raise LexiconError(f"Het gewicht van {word!r} is geen getal: pas het lexicon aan.") from None
        return LexiconTerm(word, weight, match)
    raise LexiconError(f"Ongeldige lexiconregel {raw!r}: gebruik een woord of {{\"term\": ..., \"weight\": ...}}.")


def parse_terms(value: Any) -> list[LexiconTerm]:
    """Terms from a lexicon value: a list, or an object with "terms", or JSON text of either."""
    if value is None or value == "":
        return []
    if isinstance(value, str):
        try:
            value = json.loads(value)
        except json.JSONDecodeError as exc:
            raise LexiconError(f"Het lexicon is geen geldige JSON ({exc.msg}): herstel of wis het.") from None
    if isinstance(value, dict):
        value = value.get("terms", [])
    if not isinstance(value, list):
        raise LexiconError("Het lexicon moet een lijst met woorden zijn.")
    terms = [make_term(raw) for raw in value]
    return [t for t in terms if t.term]


def load_lexicon_file(path: Path) -> Lexicon:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise LexiconError(f"Het lexicon {path} kan niet worden gelezen ({exc}): herstel het bestand.") from None
    return Lexicon(
        name=data["name"], terms=parse_terms(data), recognise=list(data.get("recognise", [])),
        description=data.get("description", ""),
    )


def default_lexicons(directory: Path = LEXICON_DIR) -> list[Lexicon]:
    """The bundled lexicons of the default domains, in file-name order."""
    return [load_lexicon_file(p) for p in sorted(directory.glob("*.json"))]


def default_lexicon_for(name: str, defaults: list[Lexicon] | None = None) -> Lexicon | None:
    """The bundled lexicon that fits a domain name ("Grondstoffen en energie" -> grondstoffen)."""
    wanted = match_form(name)
    defaults = default_lexicons() if defaults is None else defaults
    for lex in defaults:
        if match_form(lex.name) == wanted:
            return lex
    for lex in defaults:
        if lex.recognise and any(stem in wanted for stem in lex.recognise[:1]):
            return lex
    for lex in defaults:
        if any(stem in wanted for stem in lex.recognise):
            return lex
    return None


# Words that contain a domain stem but mean something else: the OV-chipkaart is no chip, a
# "voedingsbodem" (breeding ground) no food, "energiek" (energetic) no energy.
_FALSE_FRIEND = re.compile(r"(?:ov)?chipkaart|voedingsbodem|energiek(?:e|er|st)?$|oliebol")


class _CompiledLexicon:
    """Core: a lexicon prepared for fast matching over a document's distinct words."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.name = lexicon.name
        self.weights: dict[str, float] = {}
        self.words: dict[str, str] = {}
        infixes: list[str] = []
        prefixes: list[str] = []
        self.phrases: list[tuple[str, re.Pattern[str], str]] = []  # (first word, pattern, key)
        for term in lexicon.terms:
            key = f"{term.match}:{term.term}"
            self.weights[key] = max(term.weight, self.weights.get(key, 0.0))
            if term.match == "word":
                self.words.setdefault(term.term, key)
            elif term.match == "infix":
                infixes.append(term.term)
            elif term.match == "prefix":
                prefixes.append(term.term)
            else:
                pattern = re.compile(r"(?<![\w])" + r"\s+".join(map(re.escape, term.term.split())) + r"\w*")
                self.phrases.append((term.term.split()[0], pattern, key))
        by_length = sorted(set(infixes), key=lambda t: (-len(t), t))
        self.infix = re.compile("|".join(map(re.escape, by_length))) if by_length else None
        by_length = sorted(set(prefixes), key=lambda t: (-len(t), t))
        self.prefix = re.compile("(?:" + "|".join(map(re.escape, by_length)) + ")") if by_length else None
        self._cache: dict[str, str | None] = {}

    def term_of(self, word: str) -> str | None:
        """The key of the term a word matches, if any (the longest and most specific wins)."""
        if word in self._cache:
            return self._cache[word]
        if _FALSE_FRIEND.match(word):
            self._cache[word] = None
            return None
        found: str | None = self.words.get(word)
        if found is None and self.infix is not None:
            m = self.infix.search(word)
            if m:
                found = f"infix:{m.group(0)}"
        if found is None and self.prefix is not None:
            m = self.prefix.match(word)
            if m:
                found = f"prefix:{m.group(0)}"
        self._cache[word] = found
        return found


def _score(counts: Counter[str], weights: dict[str, float]) -> float:
    raw = 0.0
    for key, n in counts.items():
        w = weights[key]
        raw += w * (1 + REPEAT_FACTOR * (min(n, MAX_REPEATS) - 1))
    return raw


# Names of ministries say who acts, not what the item is about ("Ministerie van Landbouw, Natuur en
# Voedselkwaliteit" in an item on research methods): they are left out before matching.
_MINISTRY = re.compile(
    r"\b(?:ministerie|ministeries|minister|ministers|staatssecretaris|departement)\s+(?:van|voor)\s+(?:"
    r"landbouw,?\s+natuur(?:beheer)?\s+en\s+(?:voedselkwaliteit|visserij)|"
    r"landbouw,\s+visserij,\s+voedselzekerheid\s+en\s+natuur|volksgezondheid,?\s+welzijn\s+en\s+sport|"
    r"economische\s+zaken(?:\s+en\s+klimaat)?|klimaat\s+en\s+(?:groene\s+groei|energie)|"
    r"infrastructuur\s+en\s+waterstaat|medische\s+zorg(?:\s+en\s+sport)?|"
    r"onderwijs,?\s+cultuur\s+en\s+wetenschap|binnenlandse\s+zaken(?:\s+en\s+koninkrijksrelaties)?|"
    r"digitalisering(?:\s+en\s+koninkrijksrelaties)?|natuur\s+en\s+stikstof)"
)


@dataclass(frozen=True)
class Prepared:
    """Core: a text ready for matching: its form (ministry names left out) and word counts."""

    form: str
    counts: Counter[str]  # word -> occurrences, in first-seen order


# Care itself is no medical product: "medisch specialistische zorg", "medisch noodzakelijke zorg",
# "medische urgentie" (housing) say who treats or who goes first, not what is supplied.
_CARE = re.compile(
    r"\bmedisch(?:e)?\s+(?:specialist\w*|noodzakelijk\w*|urgentie|zorg|beroep\w*|opleiding\w*|"
    r"ethiek|keuring\w*|advies|adviseur\w*|dossier\w*|gegevens|data|centr\w*)(?:\s+zorg)?"
)


def prepare(text: str) -> Prepared:
    form = match_form(text)
    if "minist" in form or "staatssecretaris" in form or "departement" in form:
        form = _MINISTRY.sub(" ", form)
    if "medisch" in form:
        form = _CARE.sub(" ", form)
    return Prepared(form, Counter(tokens(form)))


def score_text(text: str | Prepared, compiled: _CompiledLexicon,
               relevant: list[tuple[str, int]] | None = None) -> tuple[float, int, list[str]]:
    """Raw score, number of matching words and evidence (strongest words, first seen first).

    `relevant` may narrow the words to look at (those some lexicon matches); default: all.
    """
    prepared = prepare(text) if isinstance(text, str) else text
    counts: Counter[str] = Counter()
    evidence: dict[str, tuple[float, int]] = {}
    order = 0
    matched_words = 0
    words = relevant if relevant is not None else list(prepared.counts.items())
    for word, n in words:
        key = compiled.term_of(word)
        if key is None:
            continue
        counts[key] += n
        matched_words += n
        evidence[word] = (compiled.weights[key], order)
        order += 1
    for first, pattern, key in compiled.phrases:
        if first not in prepared.form:
            continue
        for m in pattern.finditer(prepared.form):
            counts[key] += 1
            matched_words += 1
            phrase = m.group(0)
            if phrase not in evidence:
                evidence[phrase] = (compiled.weights[key], order)
                order += 1
    ranked = sorted(evidence.items(), key=lambda kv: (-kv[1][0], kv[1][1]))
    return _score(counts, compiled.weights), matched_words, [w for w, _ in ranked[:MAX_EVIDENCE]]


def compile_lexicons(lexicons: list[Lexicon]) -> list[_CompiledLexicon]:
    return [_CompiledLexicon(lex) for lex in lexicons if lex.terms]


def suggest_domains(items: list[ItemLike], lexicons: list[Lexicon],
                    threshold: float = THRESHOLD, *, subject: str | None = None,
                    single_subject: bool = False) -> list[tuple[int, list[DomainScore]]]:
    """Per item (document order), the domains whose score reaches the threshold, best first.

    Items with no domain are left out. Ties are broken by the lexicons' order.

    `subject` is the document's title ("het bericht «Elektriciteitsnet op steeds meer plekken
    vol»"); `single_subject` says every item is about that subject (Kamervragen: all questions
    are about the matter in the title). A document has a *theme* when its subject names a domain
    or, for a single-subject document, when most items are suggested the same domain on their own.
    The theme is then suggested for items without a domain of their own: in a single-subject
    document for every such item ("Bent u bekend met het bericht ...? Ja."), elsewhere only for
    items that show some evidence of it themselves.
    """
    compiled = compile_lexicons(lexicons)
    matches_any: dict[str, bool] = {}  # word -> does any lexicon match it (most words: no)

    def relevant_words(prepared: Prepared) -> list[tuple[str, int]]:
        relevant = []
        for word, n in prepared.counts.items():
            hit = matches_any.get(word)
            if hit is None:
                hit = matches_any[word] = any(lex.term_of(word) is not None for lex in compiled)
            if hit:
                relevant.append((word, n))
        return relevant

    per_item: list[tuple[int, list[DomainScore], dict[int, tuple[float, list[str]]]]] = []
    for item in items:
        prepared = prepare(f"{item.question}\n{item.answer}")
        relevant = relevant_words(prepared)
        scored: list[tuple[float, int, DomainScore]] = []
        partial: dict[int, tuple[float, list[str]]] = {}  # lexicon position -> (raw, evidence)
        for position, lex in enumerate(compiled):
            raw, words, evidence = score_text(prepared, lex, relevant)
            if raw:
                partial[position] = (raw, evidence)
            score = 1.0 - math.exp(-raw / SCALE)
            if score >= threshold and words >= MIN_WORDS:
                scored.append((score, position, DomainScore(lex.name, round(score, 2), evidence)))
        scored.sort(key=lambda s: (-s[0], s[1]))
        per_item.append((item.number, [s[2] for s in scored], partial))

    theme = _theme(compiled, per_item, subject, single_subject, relevant_words)
    out: list[tuple[int, list[DomainScore]]] = []
    for number, suggested, partial in per_item:
        if not suggested and theme is not None:
            position, subject_words = theme
            raw, evidence = partial.get(position, (0.0, []))
            if single_subject or raw >= THEME_ITEM_MIN_RAW:
                score = max(1.0 - math.exp(-raw / SCALE), THEME_SCORE)
                shown = list(dict.fromkeys(evidence + subject_words))[:MAX_EVIDENCE]
                suggested = [DomainScore(compiled[position].name, round(score, 2), shown)]
        if suggested:
            out.append((number, suggested))
    return out


THEME_SUBJECT_MIN_RAW = 3.0  # a title names a domain with one telling word ("elektriciteitsnet", "zuivel")
THEME_MAJORITY = 0.5  # share of a single-subject document's items that suggest the domain themselves
THEME_MIN_ITEMS = 3
THEME_ITEM_MIN_RAW = 2.0  # outside single-subject documents an item needs a word of its own
THEME_VOTE_MIN_RAW = 3.0  # an item without a suggestion votes for a domain it has a telling word of
THEME_SCORE = 0.5


def _theme(compiled: list[_CompiledLexicon], per_item: list[tuple[int, list[DomainScore], Any]],
           subject: str | None, single_subject: bool,
           relevant_words: Any) -> tuple[int, list[str]] | None:
    """The document's theme: (lexicon position, words of the title that name it), or None."""
    if subject:
        prepared = prepare(subject)
        relevant = relevant_words(prepared)
        best: tuple[float, int, list[str]] | None = None
        for position, lex in enumerate(compiled):
            raw, _words, evidence = score_text(prepared, lex, relevant)
            if raw >= THEME_SUBJECT_MIN_RAW and (best is None or raw > best[0]):
                best = (raw, position, evidence)
        if best is not None:
            return best[1], best[2]
    if not single_subject or len(per_item) < THEME_MIN_ITEMS:
        return None
    # Each item votes for the domain it is suggested, else for the one with a telling word in it.
    votes: Counter[int] = Counter()
    words: dict[int, Counter[str]] = {}
    for _, suggested, partial in per_item:
        if suggested:
            position = next(i for i, lex in enumerate(compiled) if lex.name == suggested[0].name)
        else:
            strong = [(raw, -pos, pos) for pos, (raw, _ev) in partial.items() if raw >= THEME_VOTE_MIN_RAW]
            if not strong:
                continue
            position = max(strong)[2]
        votes[position] += 1
        words.setdefault(position, Counter()).update(partial.get(position, (0.0, []))[1][:3])
    if not votes:
        return None
    position, count = sorted(votes.items(), key=lambda kv: (-kv[1], kv[0]))[0]
    if count / len(per_item) < THEME_MAJORITY:
        return None
    common = sorted(words[position].items(), key=lambda kv: (-kv[1], kv[0]))[:3]
    return position, [w for w, _ in common]
