"""Core: references — answers that point to other answers, and Kamerstuk citations.

Item links come from answers only ("Zie het antwoord op vraag 30", "zoals aangegeven in het
antwoord op vraag 4", "zie ook de beantwoording bij vraag 5", "genoemd onder vraag 4",
"verwijs ik u naar de antwoorden op vraag 3 en 4"); a question number is mapped to the item that
answers it. Kamerstuk citations ("Kamerstuk 35 982, nr. 9", "Kamerstukken 30 821 en 21 501-02,
nr. 181", "Kamerstukken II 2022/23, 36 200 V, nr. 50") are read from both fields and from the
footnotes an item cites with `[^N]`, and become structured (dossiers, number).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from briefer.model import Footnote
from briefer.suggest.text import ItemLike
from briefer.textutil import FOOTNOTE_MARKER, MONTH_PATTERN

_QUESTION_REF = re.compile(
    r"\b(?:vraag|vragen)\s+(\d{1,4}(?:\s*(?:,|en|t/m|tot\s+en\s+met|-|–)\s*\d{1,4})*)", re.I
)
_NUMBER_LIST = re.compile(r"\d{1,4}|t/m|tot\s+en\s+met|[-–]", re.I)
_NOT_A_LINK_BEFORE = re.compile(r"(kamervragen|schriftelijke|aanhangsel|nummer|nr\.?)\s*$", re.I)

_MONTHS = "(?:" + MONTH_PATTERN + ")"
_DOSSIER = r"\d{2}\s?\d{3}(?:[-‑–]\s?[A-Z0-9]{1,4})?(?:\s(?:[IVXLC]{1,6}|[A-Z])(?![\w.]))?"
_KAMERSTUK = re.compile(
    r"\bKamerstuk(?:ken)?(?:\s+I{1,2})?(?:\s+\d{4}[/–-]\d{2,4})?,?\s+"
    r"(?P<dossiers>" + _DOSSIER + r"(?:\s*(?:,|en)\s*" + _DOSSIER + r")*)"
    r",?\s+(?P<nrword>nrs?\.|nummers?)\s*(?P<nrs>\d+(?:\s*(?:,|en|t/m)\s*\d+(?!\d|\s+" + _MONTHS + r"))*)",
    re.I,
)
_SPLIT_DOSSIERS = re.compile(_DOSSIER)


@dataclass(frozen=True)
class ItemLink:
    """Core: an answer that refers to another item of the same document."""

    item: int
    refers_to_item: int


@dataclass(frozen=True)
class KamerstukRef:
    """Core: a Kamerstuk cited in an item (in its text or in a footnote it cites)."""

    item: int
    text: str
    dossiers: tuple[str, ...]
    nr: str
    footnote: int | None = None

    def to_json(self) -> dict[str, object]:
        return {"item": self.item, "text": self.text, "dossiers": list(self.dossiers), "nr": self.nr}


def _numbers(spec: str) -> list[int]:
    parts = _NUMBER_LIST.findall(spec)
    out: list[int] = []
    i = 0
    while i < len(parts):
        part = parts[i]
        if part.isdigit():
            out.append(int(part))
        elif out and i + 1 < len(parts) and parts[i + 1].isdigit():
            start, stop = out[-1], int(parts[i + 1])
            if 0 < stop - start <= 50:
                out.extend(range(start + 1, stop + 1))
                i += 1
        i += 1
    return out


def question_numbers_cited(answer: str) -> list[int]:
    """Question numbers an answer points to, in order of mention, without repeats."""
    seen: list[int] = []
    for m in _QUESTION_REF.finditer(answer):
        if _NOT_A_LINK_BEFORE.search(answer[max(0, m.start() - 20): m.start()]):
            continue
        for n in _numbers(m.group(1)):
            if n not in seen:
                seen.append(n)
    return seen


def find_item_links(items: list[ItemLike]) -> list[ItemLink]:
    """Links between items: from each answer to the items answering the questions it cites."""
    owner: dict[int, int] = {}
    for item in items:
        for n in list(getattr(item, "numbers", None) or [item.number]):
            owner.setdefault(n, item.number)
    links: list[ItemLink] = []
    for item in items:
        own = set(getattr(item, "numbers", None) or [item.number])
        cited = question_numbers_cited(item.answer)
        cited += [n for n in getattr(item, "refers_to", None) or [] if n not in cited]
        targets: list[int] = []
        for n in cited:
            if n in own or n not in owner:
                continue
            target = owner[n]
            if target != item.number and target not in targets:
                targets.append(target)
        links.extend(ItemLink(item.number, t) for t in targets)
    return links


def _clean(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\u00a0", " ")).strip()


def parse_kamerstukken(text: str) -> list[tuple[int, str, tuple[str, ...], str]]:
    """Kamerstuk citations in a text: (offset, text, dossiers, nr) — one per number cited."""
    out: list[tuple[int, str, tuple[str, ...], str]] = []
    for m in _KAMERSTUK.finditer(text):
        dossiers = tuple(_clean(d) for d in _SPLIT_DOSSIERS.findall(m.group("dossiers")))
        dossiers = tuple(re.sub(r"^(\d{2})\s?(\d{3})", r"\1 \2", d) for d in dossiers)
        nrs = re.findall(r"\d+", m.group("nrs"))
        cited = _clean(m.group(0))
        for nr in nrs:
            out.append((m.start(), cited, dossiers, nr))
    return out


def find_kamerstuk_refs(items: list[ItemLike], footnotes: Iterable[Footnote] = ()) -> list[KamerstukRef]:
    """Kamerstuk citations per item: question then answer, in text order, footnotes at their marker.

    The same citation (dossiers and number) is listed once per item.
    """
    notes = {f.number: f.text for f in footnotes}
    refs: list[KamerstukRef] = []
    for item in items:
        found: list[tuple[int, int, KamerstukRef]] = []
        for rank, field_name in enumerate(("question", "answer")):
            text = getattr(item, field_name) or ""
            for offset, cited, dossiers, nr in parse_kamerstukken(text):
                found.append((rank, offset, KamerstukRef(item.number, cited, dossiers, nr)))
            for m in FOOTNOTE_MARKER.finditer(text):
                number = int(m.group(1))
                for _offset, cited, dossiers, nr in parse_kamerstukken(notes.get(number, "")):
                    found.append((rank, m.start(), KamerstukRef(item.number, cited, dossiers, nr, number)))
        found.sort(key=lambda f: (f[0], f[1]))
        seen: set[tuple[tuple[str, ...], str]] = set()
        for _rank, _offset, ref in found:
            key = (ref.dossiers, ref.nr)
            if key not in seen:
                seen.add(key)
                refs.append(ref)
    return refs
