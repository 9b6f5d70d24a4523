"""Core (annotate): anchoring highlights in text: quotes, context, and re-finding moved passages.

A highlight is kept as offsets plus a W3C-style text quote (exact, prefix, suffix). `find_quote`
locates what a user typed (whitespace-tolerant); `relocate` re-finds a passage in a new version of
the text: the same offsets if the text there is identical, else the quote (disambiguated by its
context and nearness), else an approximate match scored with difflib on a window around the best
anchor. Pure functions on strings: no database here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher

CONTEXT_CHARS = 32
FUZZY_THRESHOLD = 0.8
MAX_CANDIDATES = 10
SEED_MIN = 8
AMBIGUITY_MARGIN = 0.03


def context(text: str, start: int, end: int, size: int = CONTEXT_CHARS) -> tuple[str, str]:
    """The `size` characters before and after a passage."""
    return text[max(0, start - size):start], text[end:end + size]


def quote_pattern(quote: str) -> re.Pattern[str] | None:
    """A regex matching `quote` with any run of whitespace where it has whitespace."""
    words = quote.split()
    if not words:
        return None
    return re.compile(r"\s+".join(re.escape(w) for w in words))


_IRREGULAR_SPACE = re.compile(r"[^\S ]| {2}")


def find_quote(text: str, quote: str) -> list[tuple[int, int]]:
    """Every (start, end) where `quote` occurs in `text`, whitespace-tolerant, non-overlapping."""
    words = quote.split()
    if not words:
        return []
    if not _IRREGULAR_SPACE.search(text):
        # Only single spaces in the text: a plain search for the normalised quote is the same.
        needle, spans, pos = " ".join(words), [], 0
        while (pos := text.find(needle, pos)) >= 0:
            spans.append((pos, pos + len(needle)))
            pos += len(needle)
        return spans
    pattern = quote_pattern(quote)
    assert pattern is not None
    return [(m.start(), m.end()) for m in pattern.finditer(text)]


def _common_suffix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(reversed(a), reversed(b), strict=False):
        if x != y:
            break
        n += 1
    return n


def _common_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


def context_score(text: str, start: int, end: int, prefix: str, suffix: str) -> int:
    """How many characters of the stored context agree with the text around (start, end)."""
    before, after = context(text, start, end, max(len(prefix), len(suffix), 1))
    return _common_suffix(before, prefix) + _common_prefix(after, suffix)


@dataclass(frozen=True)
class Placement:
    """Core (annotate): where a passage was found again, and how ("exact", "quote" or "fuzzy")."""

    start: int
    end: int
    how: str
    score: float = 1.0


def _best_by_context(text: str, spans: list[tuple[int, int]], prefix: str, suffix: str,
                     near: int) -> tuple[int, int]:
    return max(spans, key=lambda s: (context_score(text, s[0], s[1], prefix, suffix), -abs(s[0] - near)))


def relocate(text: str, exact: str, prefix: str = "", suffix: str = "", start: int | None = None,
             end: int | None = None, *, threshold: float = FUZZY_THRESHOLD) -> Placement | None:
    """Find a stored passage in (a new version of) `text`; None when it cannot be placed."""
    if start is not None and end is not None and 0 <= start <= end <= len(text) \
            and text[start:end] == exact:
        return Placement(start, end, "exact")
    near = start or 0
    spans = find_quote(text, exact)
    if spans:
        s, e = spans[0] if len(spans) == 1 else _best_by_context(text, spans, prefix, suffix, near)
        return Placement(s, e, "quote")
    return fuzzy_find(text, exact, prefix, suffix, near, threshold=threshold)


def fuzzy_find(text: str, exact: str, prefix: str = "", suffix: str = "", near: int = 0, *,
               threshold: float = FUZZY_THRESHOLD) -> Placement | None:
    """An approximate occurrence of `exact` (similarity >= threshold), chosen with its context.

    Candidates are the places where pieces of the passage occur (seeds), and the old position;
    each is aligned with difflib on a window and scored on the passage and on how much of the old
    prefix/suffix surrounds it. When two distinct places score (nearly) the same, the passage is
    not placed at all: an orphan is better than a highlight silently moved to the wrong words.
    """
    m = len(exact)
    if not text or m == 0:
        return None
    guesses = _candidate_starts(text, exact, near)
    if not guesses:
        # Perhaps the context survived where the passage was reworded.
        return _by_context(text, exact, prefix, suffix, threshold)
    scored: list[tuple[float, Placement]] = []
    context_len = max(1, len(prefix) + len(suffix))
    for guess in guesses:
        placed = _align(text, exact, guess)
        if placed is None or placed.score < threshold:
            continue
        ctx = context_score(text, placed.start, placed.end, prefix, suffix) / context_len
        combined = 0.7 * placed.score + 0.3 * ctx if prefix or suffix else placed.score
        if all((p.start, p.end) != (placed.start, placed.end) for _, p in scored):
            scored.append((combined, placed))
    if not scored:
        return _by_context(text, exact, prefix, suffix, threshold)
    scored.sort(key=lambda sp: -sp[0])
    best_score, best = scored[0]
    for other_score, other in scored[1:]:
        overlaps = other.start < best.end and best.start < other.end
        if not overlaps and other_score >= best_score - AMBIGUITY_MARGIN:
            return None
    return best


def _candidate_starts(text: str, exact: str, near: int) -> list[int]:
    """Where the passage may start: every occurrence of one of its pieces, shifted back to its
    start, most supported (and nearest to the old position) first, plus the old position."""
    m = len(exact)
    size = max(SEED_MIN, m // 4)
    if m < SEED_MIN:
        return []
    votes: dict[int, int] = {}
    for offset in sorted({0, m // 4, m // 2, (3 * m) // 4, m - size}):
        seed = exact[offset:offset + size]
        if len(seed) < SEED_MIN or not seed.strip():
            continue
        pos = text.find(seed)
        while pos >= 0:
            start = pos - offset
            bucket = next((b for b in votes if abs(b - start) <= 3), start)
            votes[bucket] = votes.get(bucket, 0) + 1
            pos = text.find(seed, pos + 1)
    ranked = sorted(votes, key=lambda g: (-votes[g], abs(g - near)))[:MAX_CANDIDATES]
    if 0 <= near < len(text) and all(abs(g - near) > 3 for g in ranked):
        ranked.append(near)
    return ranked


def _align(text: str, exact: str, guess: int) -> Placement | None:
    """Align `exact` with the text around `guess` and score the aligned span."""
    m = len(exact)
    lo, hi = max(0, guess - m // 2), min(len(text), guess + m + m // 2)
    sm = SequenceMatcher(None, text[lo:hi], exact, autojunk=False)
    blocks = [b for b in sm.get_matching_blocks() if b.size]
    # stray one- or two-letter matches at the edges would stretch the span
    while len(blocks) > 1 and blocks[0].size < 3:
        blocks.pop(0)
    while len(blocks) > 1 and blocks[-1].size < 3:
        blocks.pop()
    if not blocks:
        return None
    s, e = _widen_to_words(text, lo + blocks[0].a, lo + blocks[-1].a + blocks[-1].size)
    score = SequenceMatcher(None, text[s:e], exact, autojunk=False).ratio()
    return Placement(s, e, "fuzzy", score)


def _by_context(text: str, exact: str, prefix: str, suffix: str, threshold: float) -> Placement | None:
    """Place a passage between its old prefix and suffix when both are still there, unchanged."""
    if len(prefix) < 8 or len(suffix) < 8:
        return None
    p = text.find(prefix)
    if p < 0 or text.find(prefix, p + 1) >= 0:
        return None
    s = p + len(prefix)
    e = text.find(suffix, s)
    if e < 0 or e - s > 2 * len(exact) + 16:
        return None
    score = SequenceMatcher(None, text[s:e], exact, autojunk=False).ratio()
    if score < threshold * 0.75:
        return None
    return Placement(s, e, "fuzzy", score)


def _widen_to_words(text: str, s: int, e: int) -> tuple[int, int]:
    """Extend a span so it does not start or end in the middle of a word."""
    while 0 < s < len(text) and text[s - 1].isalnum() and text[s].isalnum():
        s -= 1
    while 0 < e < len(text) and text[e - 1].isalnum() and text[e].isalnum():
        e += 1
    return s, e
