"""Core: a Kamerstuk's cover block: the committee's member list (a note) and where the cover ends."""

from __future__ import annotations

from briefer.ingest.clean import join_lines
from briefer.ingest.lazyre import lazy
from briefer.ingest.pages import Extract, Line
from briefer.model import Footnote

_MEMBERS = lazy(r"^(?:(\d{1,2})\s+)?Samenstelling\s*:")


def member_list_apart(ex: Extract) -> None:
    """The cover note listing the committee's members, when a reader left it in the text: make it
    the note it is, so its names and parties never reach an item or the fractie list."""
    for i, ln in enumerate(ex.lines[:400]):
        if ln.page > 2:
            return
        m = _MEMBERS.match(ln.text)
        if not m:
            continue
        end = i + 1
        while end < len(ex.lines) and end - i < 20 and ex.lines[end].page == ln.page and (
            "(" in ex.lines[end].text or not ex.lines[end - 1].text.rstrip().endswith(".")
            or ex.lines[end].text[:1].islower()
        ):
            end += 1
        text = join_lines([x.text for x in ex.lines[i:end]], paragraphs=False)
        del ex.lines[i:end]
        if i < len(ex.lines):
            ex.lines[i].para = True
        numbers = {f.number for f in ex.footnotes}
        number = int(m.group(1)) if m.group(1) else 1
        if number not in numbers:
            text = text[m.end(1):].strip() if m.group(1) else text
            ex.footnotes.insert(sum(1 for n in numbers if n < number), Footnote(number, text, ln.page))
        return


# the last lines of a Kamerstuk's cover: the clerk's signature, or the sentence before the questions
_CLERK = lazy(
    r"^(?:De\s+)?(?:[Aa]djunct-|[Pp]lv\.\s+|[Ww]aarnemend\s+)?[Gg]riffier\s+van\s+de\s+(?:vaste\s+)?commissie\s*,\s*(.*)$"
)
_PRINTED = lazy(r"\b(?:hierna|hieronder)\s+afgedrukt\.?$")
_NAME = lazy(r"^[A-Z][\w’'. -]{1,40}$")


def cover_end(lines: list[Line]) -> int:
    """Index of the first line after a Kamerstuk's cover block on its first pages, 0 without one.

    The cover ends with the clerk's signature ("De griffier van de commissie," and a name, on one
    line or two) or, without signatures, with "Vragen en antwoorden zijn hierna afgedrukt."
    """
    end = 0
    for i, ln in enumerate(lines[:100]):
        if ln.page > 2:
            break
        m = _CLERK.match(ln.text)
        if m and len(ln.text) < 90:
            end = i + 1
            if not m.group(1).strip() and i + 1 < len(lines) and _NAME.match(lines[i + 1].text):
                end = i + 2
            break
        if _PRINTED.search(ln.text):
            end = i + 1
    return end
