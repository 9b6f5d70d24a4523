"""Core: query phrases and hit-marked snippets, computed in Python the way FTS5 tokenizes.

FTS5's own snippet() re-runs the whole MATCH for every row it is asked about (about 0.4 ms per
row on 50,000 items), so the store ranks with FTS5 and marks hits here instead: one regex per
query over the folded text. Tokens follow the `unicode61 remove_diacritics 2` tokenizer: runs of
letters and digits, diacritics removed, case folded; folding keeps character offsets.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from briefer.textutil import FOOTNOTE_MARKER

_BLANK = "\x00"  # stands in for a footnote marker's characters while a snippet is cut
_TOKEN = re.compile(r"(?:[^\W_]|[\u0300-\u036f])+")


def fold(token: str) -> str:
    """A token as the index sees it: diacritics removed, case folded."""
    decomposed = unicodedata.normalize("NFKD", token)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


def tokens(text: str) -> list[tuple[int, int, str]]:
    """(start, end, folded) for every token of `text`."""
    return [(m.start(), m.end(), fold(m.group())) for m in _TOKEN.finditer(text)]


@dataclass
class Phrase:
    """Core: one quoted term of a query: its folded tokens; the last may be a prefix."""

    words: list[str]
    prefix: bool = False


def _fold_char(ch: str) -> str:
    folded = fold(ch)
    return folded[:1] if folded else ch


_FOLD_TABLE: dict[int, str] = {}


def fold_text(text: str) -> str:
    """`text` folded character by character, so offsets stay those of `text`."""
    if text.isascii():
        return text.lower()
    for ch in set(text):
        if ord(ch) > 127 and ord(ch) not in _FOLD_TABLE:
            _FOLD_TABLE[ord(ch)] = _fold_char(ch)
    return text.translate(_FOLD_TABLE).lower()


def phrase_pattern(phrases: list[Phrase]) -> re.Pattern[str] | None:
    """One regex finding every phrase in folded text, on token boundaries."""
    alternatives = []
    for phrase in phrases:
        if not phrase.words:
            continue
        body = r"[\W_]+".join(re.escape(w) for w in phrase.words)
        tail = r"(?:[^\W_]|[\u0300-\u036f])*" if phrase.prefix else ""
        alternatives.append(body + tail)
    if not alternatives:
        return None
    return re.compile(r"(?<![^\W_])(?:" + "|".join(alternatives) + r")(?![^\W_])")


def find_hits(text: str, pattern: re.Pattern[str] | None) -> list[tuple[int, int]]:
    """(start, end) character spans in `text` where a phrase of the query occurs."""
    if pattern is None or not text:
        return []
    return [m.span() for m in pattern.finditer(fold_text(text))]


def _merge_adjacent(text: str, hits: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Hits separated only by spaces become one («vertrouwelijke technische briefing»)."""
    merged: list[tuple[int, int]] = []
    for a, b in sorted(hits):
        if merged and a >= merged[-1][1] and not text[merged[-1][1]:a].strip():
            merged[-1] = (merged[-1][0], b)
        elif not merged or a >= merged[-1][1]:
            merged.append((a, b))
    return merged


def make_snippet(text: str, hits: list[tuple[int, int]], size: int, mark_open: str, mark_close: str,
                 ellipsis: str) -> str:
    """About `size` tokens around the densest hits, each hit wrapped in the marks."""
    if not text:
        return ""
    # footnote markers ("[^3]") are not for reading: blank them (same length, no token) and drop
    # them at the end, with any hit that falls inside one
    markers = [(m.start(), m.end()) for m in FOOTNOTE_MARKER.finditer(text)]
    if markers:
        hits = [(a, b) for a, b in hits if not any(ms < b and a < me for ms, me in markers)]
        text = FOOTNOTE_MARKER.sub(lambda m: _BLANK * len(m.group()), text)
    hits = _merge_adjacent(text, hits)
    anchor = 0
    if hits:
        best = -1
        for a, _ in hits:
            count = sum(1 for x, _ in hits if a <= x < a + 8 * size)
            if count > best:
                anchor, best = a, count
    end = len(text)
    forward = 0
    for match in _TOKEN.finditer(text, anchor):
        forward += 1
        if forward >= size - 3:
            end = match.end()
            break
    # Context before the first hit: 3 tokens, or more when the text ends early.
    wanted_before = max(3, size - forward)
    before = list(_TOKEN.finditer(text, max(0, anchor - 16 * wanted_before), anchor))[-wanted_before:] \
        if anchor else []
    start = before[0].start() if before else anchor
    if before and not text[:start].strip(" \n"):
        start = 0
    # Quotes in the text that look like the marks are shown as curly quotes, so marks mean hits.
    quotes = {ord(mark_open): "“", ord(mark_close): "”"}
    out: list[str] = []
    pos = start
    for a, b in hits:
        if a < start or b > end:
            continue
        out += [text[pos:a].translate(quotes), mark_open, text[a:b].translate(quotes), mark_close]
        pos = b
    out.append(text[pos:end].translate(quotes))
    snippet = " ".join("".join(out).replace(_BLANK, "").split())
    if start > 0 and text[:start].replace(_BLANK, "").strip():
        snippet = ellipsis + snippet
    if end < len(text) and text[end:].replace(_BLANK, "").strip(" \n.,;:!?)»\"'"):
        snippet += ellipsis
    return snippet
