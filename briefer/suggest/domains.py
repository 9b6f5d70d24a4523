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
THRESHOLD = 0.5
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


def prepare(text: str) -> Prepared:
    form = match_form(text)
    if "minist" in form or "staatssecretaris" in form or "departement" in form:
        form = _MINISTRY.sub(" ", form)
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
                    threshold: float = THRESHOLD) -> list[tuple[int, list[DomainScore]]]:
    """Per item (document order), the domains whose score reaches the threshold, best first.

    Items with no domain are left out. Ties are broken by the lexicons' order.
    """
    compiled = compile_lexicons(lexicons)
    out: list[tuple[int, list[DomainScore]]] = []
    matches_any: dict[str, bool] = {}  # word -> does any lexicon match it (most words: no)
    for item in items:
        prepared = prepare(f"{item.question}\n{item.answer}")
        relevant = []
        for word, n in prepared.counts.items():
            hit = matches_any.get(word)
            if hit is None:
                hit = matches_any[word] = any(lex.term_of(word) is not None for lex in compiled)
            if hit:
                relevant.append((word, n))
        scored: list[tuple[float, int, DomainScore]] = []
        for position, lex in enumerate(compiled):
            raw, words, evidence = score_text(prepared, lex, relevant)
            score = 1.0 - math.exp(-raw / SCALE)
            if score >= threshold and words >= MIN_WORDS:
                scored.append((score, position, DomainScore(lex.name, round(score, 2), evidence)))
        if scored:
            scored.sort(key=lambda s: (-s[0], s[1]))
            out.append((item.number, [s[2] for s in scored]))
    return out
