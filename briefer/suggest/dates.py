"""Core: Dutch time expressions in commitments, turned into due dates.

`resolve_due(sentence, ref)` reads terms like "voor het einde van 2023", "na de zomer",
"in het najaar", "eind oktober 2023", "begin 2024", "Q3 2024", "binnen drie maanden" relative to a
reference date (the document's date, else one inferred from its vergaderjaar). A term yields the
last day of the period it names. `reference_date` picks that reference.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from briefer.textutil import MONTH_NUMBERS, MONTH_PATTERN, MONTHS

_MONTH = "(" + MONTH_PATTERN + ")"
_YEAR = r"((?:19|20)\d\d)"
_NUMBERS = {
    "een": 1, "één": 1, "twee": 2, "drie": 3, "vier": 4, "vijf": 5, "zes": 6, "zeven": 7,
    "acht": 8, "negen": 9, "tien": 10, "elf": 11, "twaalf": 12, "enkele": 3,
}
_QUARTER_WORDS = {"eerste": 1, "tweede": 2, "derde": 3, "vierde": 4, "laatste": 4}
# Meteorological seasons, as Dutch usage has them: (last month, last day).
_SEASON_END = {"voorjaar": (5, 31), "lente": (5, 31), "zomer": (8, 31), "najaar": (11, 30),
               "herfst": (11, 30), "winter": (2, 28)}


@dataclass(frozen=True)
class Term:
    """Core: a time expression found in a sentence and the due date it means (None: no date)."""

    text: str
    due: date | None
    future: bool  # the term points forward in time from the reference date


def month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def reference_date(doc_date: str | None, vergaderjaar: str | None,
                   texts: list[str] | None = None) -> date | None:
    """The date relative terms are read against.

    The document's own date when known; else the latest "D maand jl." (jongstleden: already
    past when written) that falls inside the vergaderjaar; else 1 January of the vergaderjaar's
    second year (most of a parliamentary year's sittings fall there).
    """
    if doc_date:
        try:
            return date.fromisoformat(doc_date[:10])
        except ValueError:
            pass
    years = re.findall(r"(\d{4})", vergaderjaar or "")
    if len(years) < 2:
        return None
    first, second = int(years[0]), int(years[1])
    start, stop = date(first, 9, 1), date(second, 9, 30)
    best: date | None = None
    pattern = re.compile(r"(\d{1,2})\s+" + _MONTH + r"\s+(?:(" + r"(?:19|20)\d\d" + r")\s+)?jl\b", re.I)
    for text in texts or []:
        for m in pattern.finditer(text):
            day, month = int(m.group(1)), MONTH_NUMBERS[m.group(2).lower()]
            for year in ([int(m.group(3))] if m.group(3) else [first, second]):
                try:
                    d = date(year, month, day)
                except ValueError:
                    continue
                if start <= d <= stop and (best is None or d > best):
                    best = d
    return best or date(second, 1, 1)


def _roll(d: date, ref: date, explicit_year: bool) -> date:
    """A date without a year in the text that already passed means the next year's."""
    if not explicit_year and d < ref:
        try:
            return d.replace(year=d.year + 1)
        except ValueError:
            return d.replace(year=d.year + 1, day=28)
    return d


def _year(m: re.Match[str], group: int, ref: date) -> tuple[int, bool]:
    value = m.group(group)
    return (int(value), True) if value else (ref.year, False)


def _add_months(d: date, months: int) -> date:
    month0 = d.month - 1 + months
    year, month = d.year + month0 // 12, month0 % 12 + 1
    return date(year, month, min(d.day, calendar.monthrange(year, month)[1]))


Rule = Callable[[re.Match[str], date], tuple[date | None, bool]]


_YEAR_DIGITS = ("19", "20")


def _rules() -> list[tuple[re.Pattern[str], Rule, tuple[str, ...]]]:
    """(pattern, rule, guard): a pattern can only match a sentence whose lower-cased text holds one
    of its guard's words (checked first: a substring test is far cheaper than the regex)."""
    rules: list[tuple[str, Rule, tuple[str, ...]]] = []

    def add(pattern: str, guard: tuple[str, ...]) -> Callable[[Rule], Rule]:
        def deco(fn: Rule) -> Rule:
            rules.append((pattern, fn, guard))
            return fn
        return deco

    @add(r"\b(\d{1,2})\s+" + _MONTH + r"(?:\s+" + _YEAR + r")?(?!\s+jl)\b", MONTHS)
    def _full_date(m: re.Match[str], ref: date) -> tuple[date | None, bool]:
        year, explicit = _year(m, 3, ref)
        # "de brief van 12 mei", "d.d. 12 mei": a dated document, already written
        dated = re.search(r"\b(?:van|d\.d\.)\s*$", m.string[max(0, m.start() - 8): m.start()], re.I)
        try:
            day = date(year, MONTH_NUMBERS[m.group(2).lower()], int(m.group(1)))
            return (day if dated else _roll(day, ref, explicit)), explicit
        except ValueError:
            return None, explicit

    @add(r"\b(?:(?:aan\s+)?het\s+)?(?:eind|einde|uiterlijk\s+eind)\s+(?:van\s+)?(?:het\s+|dit\s+)?(?:jaar\s+)?" + _YEAR + r"\b", _YEAR_DIGITS)
    def _end_of_year_n(m: re.Match[str], ref: date) -> tuple[date | None, bool]:
        return date(int(m.group(1)), 12, 31), True

    @add(r"\b(?:einde?|eind)\s+(?:van\s+)?(?:dit|het|het\s+lopende|dit\s+kalender)\s*jaar\b|\bnog\s+dit\s+jaar\b|\b(?:in\s+de\s+loop\s+van|later\s+in)\s+dit\s+jaar\b|\bdit\s+jaar\b", ("jaar",))
    def _end_of_this_year(m: re.Match[str], ref: date) -> tuple[date | None, bool]:
        return date(ref.year, 12, 31), False

    @add(r"\b(?:eind|einde|in\s+de\s+loop\s+van|in|begin|medio|half|halverwege|midden)\s+(?:van\s+)?(?:het\s+)?(?:volgend|komend)e?\s+jaar\b", ("jaar",))
    def _next_year(m: re.Match[str], ref: date) -> tuple[date | None, bool]:
        text = m.group(0)
        if text.startswith("begin"):
            return date(ref.year + 1, 3, 31), True
        if re.match(r"(medio|half|halverwege|midden)", text):
            return date(ref.year + 1, 6, 30), True
        return date(ref.year + 1, 12, 31), True

    @add(r"\b(?:eind|einde|uiterlijk\s+eind|in\s+de\s+loop\s+van|eind\s+van)\s+" + _MONTH + r"(?:\s+" + _YEAR + r")?\b", MONTHS)
    def _end_of_month(m: re.Match[str], ref: date) -> tuple[date | None, bool]:
        year, explicit = _year(m, 2, ref)
        return month_end(year, MONTH_NUMBERS[m.group(1).lower()]), explicit

    @add(r"\b(?:begin|start)\s+" + _MONTH + r"(?:\s+" + _YEAR + r")?\b", MONTHS)
    def _begin_month(m: re.Match[str], ref: date) -> tuple[date | None, bool]:
        year, explicit = _year(m, 2, ref)
        return date(year, MONTH_NUMBERS[m.group(1).lower()], 10), explicit

    @add(r"\b(?:medio|half|midden)\s+" + _MONTH + r"(?:\s+" + _YEAR + r")?\b", MONTHS)
    def _mid_month(m: re.Match[str], ref: date) -> tuple[date | None, bool]:
        year, explicit = _year(m, 2, ref)
        return date(year, MONTH_NUMBERS[m.group(1).lower()], 15), explicit

    @add(r"\b(?:voor|vóór|uiterlijk|in|per|na|rond|eind|begin)\s+(?:de\s+maand\s+)?" + _MONTH + r"(?:\s+" + _YEAR + r")?\b", MONTHS)
    def _in_month(m: re.Match[str], ref: date) -> tuple[date | None, bool]:
        year, explicit = _year(m, 2, ref)
        month = MONTH_NUMBERS[m.group(1).lower()]
        word = m.group(0).split()[0]
        if word in ("voor", "vóór", "uiterlijk"):
            return month_end(year, month) if word == "uiterlijk" else date(year, month, 1) - timedelta(days=1), explicit
        if word == "na":
            return month_end(year, month % 12 + 1) if month < 12 else date(year + 1, 1, 31), explicit
        return month_end(year, month), explicit

    @add(r"\bbegin\s+" + _YEAR + r"\b", _YEAR_DIGITS)
    def _begin_year(m: re.Match[str], ref: date) -> tuple[date | None, bool]:
        return date(int(m.group(1)), 3, 31), True

    @add(r"\b(?:medio|half|halverwege|midden)\s+" + _YEAR + r"\b|\bhalverwege\s+" + _YEAR, _YEAR_DIGITS)
    def _mid_year(m: re.Match[str], ref: date) -> tuple[date | None, bool]:
        return date(int(m.group(1) or m.group(2)), 6, 30), True

    @add(r"\b(?:q|kwartaal\s*)([1-4])\s*(?:van\s+)?" + _YEAR + r"\b", _YEAR_DIGITS)
    def _quarter_q(m: re.Match[str], ref: date) -> tuple[date | None, bool]:
        return month_end(int(m.group(2)), int(m.group(1)) * 3), True

    @add(r"\b(eerste|tweede|derde|vierde|laatste)\s+kwartaal(?:\s+van)?(?:\s+" + _YEAR + r"|\s+(?:dit|volgend)\s+jaar)?", ("kwartaal",))
    def _quarter(m: re.Match[str], ref: date) -> tuple[date | None, bool]:
        q = _QUARTER_WORDS[m.group(1)]
        text = m.group(0)
        year = int(m.group(2)) if m.group(2) else ref.year + (1 if "volgend" in text else 0)
        explicit = bool(m.group(2)) or "jaar" in text
        return month_end(year, q * 3), explicit

    @add(r"\b(eerste|tweede)\s+(?:helft|halfjaar)(?:\s+van)?(?:\s+" + _YEAR + r")?", ("helft", "halfjaar"))
    def _half(m: re.Match[str], ref: date) -> tuple[date | None, bool]:
        year, explicit = _year(m, 2, ref)
        return (date(year, 6, 30) if m.group(1) == "eerste" else date(year, 12, 31)), explicit

    @add(r"\b(?:(?:voor|vóór|aan)\s+het\s+einde?\s+van|eind|einde|in|tijdens)\s+het\s+zomerreces", ("zomerreces",))
    def _summer_recess(m: re.Match[str], ref: date) -> tuple[date | None, bool]:
        return _roll(date(ref.year, 8, 31), ref, False), True

    @add(r"\b(?:voor|vóór)\s+(?:de\s+zomer|het\s+zomerreces)(?:\s+(?:van\s+)?" + _YEAR + r")?", ("zomer",))
    def _before_summer(m: re.Match[str], ref: date) -> tuple[date | None, bool]:
        # The summer recess starts early July: "voor de zomer" is due on 1 July.
        year, explicit = _year(m, 1, ref)
        return _roll(date(year, 7, 1), ref, explicit), True

    @add(r"\b(?:na\s+(?:de\s+zomer|het\s+zomerreces))(?:\s+(?:van\s+)?" + _YEAR + r")?", ("zomer",))
    def _after_summer(m: re.Match[str], ref: date) -> tuple[date | None, bool]:
        year, explicit = _year(m, 1, ref)
        return _roll(date(year, 9, 30), ref, explicit), True

    @add(r"\b(?:voor|vóór)\s+het\s+(?:kerstreces|einde\s+van\s+het\s+(?:parlementaire\s+)?jaar)", ("kerstreces", "jaar"))
    def _before_christmas(m: re.Match[str], ref: date) -> tuple[date | None, bool]:
        return _roll(date(ref.year, 12, 20), ref, False), True

    @add(r"\b(?:in\s+het|dit|het\s+komende|komend|het|in\s+de|deze|de\s+komende)\s+(voorjaar|lente|zomer|najaar|herfst|winter)(?:\s+(?:van\s+)?" + _YEAR + r")?"
         r"|\b(?<!de\s)(voorjaar|lente|zomer|najaar|herfst|winter)\s+" + _YEAR + r"\b", ("voorjaar", "lente", "zomer", "najaar", "herfst", "winter"))
    def _season(m: re.Match[str], ref: date) -> tuple[date | None, bool]:
        if m.group(1) is None:  # "najaar 2024"
            month, day = _SEASON_END[m.group(3).lower()]
            year, explicit = int(m.group(4)), True
        else:
            month, day = _SEASON_END[m.group(1).lower()]
            year, explicit = _year(m, 2, ref)
        if month == 2:
            year += 1
        return _roll(date(year, month, day), ref, explicit), True

    @add(r"\b(?:rond|voor|vóór|na)\s+de\s+jaarwisseling", ("jaarwisseling",))
    def _turn_of_year(m: re.Match[str], ref: date) -> tuple[date | None, bool]:
        word = m.group(0).split()[0].lower()
        return (date(ref.year + 1, 1, 31) if word in ("rond", "na") else date(ref.year, 12, 31)), True

    @add(r"\b(?:voor|vóór|rond|op|met)\s+prinsjesdag", ("prinsjesdag",))
    def _prinsjesdag(m: re.Match[str], ref: date) -> tuple[date | None, bool]:
        # Prinsjesdag: third Tuesday of September.
        year = ref.year
        first = date(year, 9, 1)
        tuesday = first + timedelta(days=(1 - first.weekday()) % 7 + 14)
        return _roll(tuesday, ref, False), True

    @add(r"\b(?:binnen|over)\s+(\d+|" + "|".join(_NUMBERS) + r"|een\s+half)\s+(dag|dagen|week|weken|maand|maanden|jaar)\b", ("dag", "week", "weken", "maand", "jaar"))
    def _within(m: re.Match[str], ref: date) -> tuple[date | None, bool]:
        raw = m.group(1)
        unit = m.group(2)
        if raw == "een half":
            return (_add_months(ref, 6) if unit == "jaar" else None), True
        n = int(raw) if raw.isdigit() else _NUMBERS[raw]
        if unit.startswith("dag"):
            return ref + timedelta(days=n), True
        if unit in ("week", "weken"):
            return ref + timedelta(weeks=n), True
        if unit.startswith("maand"):
            return _add_months(ref, n), True
        return _add_months(ref, 12 * n), True

    @add(r"\b(?:voor|vóór|uiterlijk\s+in|in|in\s+de\s+loop\s+van|gedurende|eind|einde|uiterlijk)\s+" + _YEAR + r"\b", _YEAR_DIGITS)
    def _in_year(m: re.Match[str], ref: date) -> tuple[date | None, bool]:
        return date(int(m.group(1)), 12, 31), True

    return [(re.compile(p, re.I), fn, guard) for p, fn, guard in rules]


_RULES = _rules()

# Forward-looking phrases without a date of their own.
_FUTURE_WORDS = re.compile(
    r"\b(binnenkort|op\s+korte\s+termijn|spoedig|zo\s+snel\s+mogelijk|zo\s+spoedig\s+mogelijk|"
    r"voor\s+de\s+begrotingsbehandeling|bij\s+de\s+(?:volgende|eerstvolgende)|in\s+de\s+(?:volgende|eerstvolgende|komende)|"
    r"naar\s+verwachting|te\s+zijner\s+tijd|t\.z\.t|in\s+de\s+toekomst|zodra|na\s+afronding|na\s+afloop|"
    r"na\s+(?:vaststelling|ontvangst|publicatie|oplevering|goedkeuring|besluitvorming)|"
    r"nader|separaat|afzonderlijk|later)\b",
    re.I,
)
_PAST_WORDS = re.compile(r"\b(jl|jongstleden|vorig\s+jaar|afgelopen|eerder|reeds|destijds|inmiddels)\b", re.I)


def find_terms(sentence: str, ref: date | None) -> list[Term]:
    """Time expressions in `sentence`, earliest in the text first, overlapping ones merged."""
    if ref is None:
        ref = date.today()
    found: list[tuple[int, int, Term]] = []
    text = sentence.replace("\u00a0", " ")
    low = text.lower()
    for pattern, fn, guard in _RULES:
        if not any(word in low for word in guard):
            continue
        for m in pattern.finditer(text):
            if any(s <= m.start() < e or m.start() <= s < m.end() for s, e, _ in found):
                continue
            after = text[m.end(): m.end() + 6].lower()
            if re.match(r"\s*jl\b", after):
                continue  # "12 mei jl.": already past
            due, _explicit = fn(m, ref)
            future = due is not None and due >= ref
            found.append((m.start(), m.end(), Term(m.group(0), due, future)))
    for m in _FUTURE_WORDS.finditer(text):
        if not any(s <= m.start() < e for s, e, _ in found):
            found.append((m.start(), m.end(), Term(m.group(0), None, True)))
    found.sort(key=lambda t: t[0])
    return [t for _, _, t in found]


def resolve_due(sentence: str, ref: date | None) -> date | None:
    """The due date a commitment sentence names: its first forward term with a date."""
    for term in find_terms(sentence, ref):
        if term.due is not None and term.future:
            return term.due
    return None


def mentions_past(sentence: str) -> bool:
    """Words that place the sentence in the past ("jl.", "afgelopen", "eerder", "reeds")."""
    return bool(_PAST_WORDS.search(sentence))
