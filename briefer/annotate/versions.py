"""Core (annotate): carrying annotations over to a new version of a document.

Items are matched by number when their questions still agree, then by identical question text,
then by question similarity, and finally by number alone. Each highlight is placed by its old
offsets when the text there is identical, else by its quote and context, else approximately
(difflib on a window); what cannot be placed is marked orphaned (verweesd) with its old text kept.
Notes, tags and follow-ups move with their item. Items without a counterpart keep everything on
the old version and are listed. One transaction, and the report carries the undoable Change.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from difflib import SequenceMatcher
from typing import TYPE_CHECKING, Any

from briefer.annotate.anchoring import Placement, context, find_quote, relocate
from briefer.annotate.changes import Change, Recorder
from briefer.annotate.errors import AnnotationError, NotFound
from briefer.model import Level, now_iso

if TYPE_CHECKING:
    from briefer.annotate.base import AnnotationsBase

Row = dict[str, Any]
SIMILAR = 0.6


@dataclass
class CarryOverReport:
    """Core (annotate): what `carry_over` did; counts, unmatched item numbers and the Change."""

    old_document_id: str
    new_document_id: str
    items_matched: int = 0
    items_unmatched: list[int] = field(default_factory=list)
    moved_exact: int = 0
    moved_quote: int = 0
    moved_fuzzy: int = 0
    orphaned: int = 0
    orphaned_ids: list[str] = field(default_factory=list)
    notes_moved: int = 0
    tags_moved: int = 0
    followups_moved: int = 0
    change: Change | None = None

    @property
    def moved(self) -> int:
        return self.moved_exact + self.moved_quote + self.moved_fuzzy

    def __str__(self) -> str:
        """The counts in Dutch (what follows "Annotaties overgezet: ")."""
        text = (f"{self.moved} markeringen ({self.moved_exact} exact, {self.moved_quote} via citaat, "
                f"{self.moved_fuzzy} bij benadering), {self.orphaned} verweesd; {self.notes_moved} "
                f"notities, {self.tags_moved} labels, {self.followups_moved} vervolgacties.")
        if self.items_unmatched:
            nums = ", ".join(str(n) for n in self.items_unmatched[:10])
            text += f" Niet teruggevonden vragen (annotaties blijven bij de oude versie): {nums}."
        return text

    def summary(self) -> str:
        """One Dutch line for the import message."""
        return f"Annotaties overgezet: {self}"


def _norm(text: str) -> str:
    return " ".join((text or "").split()).lower()


def _similar(a: str, b: str) -> float:
    if a == b:
        return 1.0
    if not a or not b:
        return 0.0
    sm = SequenceMatcher(None, a, b)
    if sm.real_quick_ratio() < SIMILAR or sm.quick_ratio() < SIMILAR:
        return 0.0
    return sm.ratio()


def _key_text(item: Row) -> str:
    """What identifies an item's content: its question, or its answer when it has none."""
    return _norm(item["question"]) or _norm(item["answer"])


def match_items(old: list[Row], new: list[Row]) -> dict[str, Row]:
    """Old item id -> new item row."""
    pairs: dict[str, Row] = {}
    free = {r["id"]: r for r in new}
    by_number: dict[int, Row] = {}
    for r in new:
        by_number.setdefault(r["number"], r)
    # 1. same number, questions (or answers) still agree
    for o in old:
        n = by_number.get(o["number"])
        if n is not None and n["id"] in free and _similar(_key_text(o), _key_text(n)) >= SIMILAR:
            pairs[o["id"]] = free.pop(n["id"])
    # 2. identical question text elsewhere
    by_text: dict[str, list[Row]] = {}
    for r in free.values():
        by_text.setdefault(_key_text(r), []).append(r)
    for o in old:
        if o["id"] in pairs:
            continue
        cands = [r for r in by_text.get(_key_text(o), []) if r["id"] in free]
        if cands and _key_text(o):
            pairs[o["id"]] = free.pop(cands[0]["id"])
    # 3. most similar question
    for o in old:
        if o["id"] in pairs or not free:
            continue
        best, score = None, 0.0
        for r in free.values():
            s = _similar(_key_text(o), _key_text(r))
            if s > score:
                best, score = r, s
        if best is not None and score >= SIMILAR:
            pairs[o["id"]] = free.pop(best["id"])
    # 4. number alone (text rewritten beyond recognition)
    for o in old:
        n = by_number.get(o["number"])
        if o["id"] not in pairs and n is not None and n["id"] in free:
            pairs[o["id"]] = free.pop(n["id"])
    return pairs


def _place(hl: Row, new_item: Row) -> tuple[str, Placement] | None:
    field_name = hl["field"]
    placed = relocate(new_item[field_name] or "", hl["exact"], hl["prefix"], hl["suffix"],
                      hl["start_offset"], hl["end_offset"])
    if placed is not None:
        return field_name, placed
    other = "answer" if field_name == "question" else "question"
    spans = find_quote(new_item[other] or "", hl["exact"])
    if len(spans) == 1:
        return other, Placement(spans[0][0], spans[0][1], "quote")
    return None


def carry_over(ann: AnnotationsBase, old_document_id: str, new_document_id: str) -> CarryOverReport:
    """Move every annotation of `old` to `new` (see module docstring); one transaction."""
    rows = ann.rows
    for doc_id in (old_document_id, new_document_id):
        if rows.document_row(doc_id) is None:
            raise NotFound(f"Document {doc_id} bestaat niet; overzetten van annotaties kan niet.")
    if old_document_id == new_document_id:
        raise AnnotationError("Oude en nieuwe versie zijn hetzelfde document; er valt niets over te zetten.")
    old_items = rows.item_rows(old_document_id)
    new_items = {r["id"]: r for r in rows.item_rows(new_document_id)}
    pairs = match_items(old_items, list(new_items.values()))
    report = CarryOverReport(old_document_id, new_document_id, items_matched=len(pairs))
    stamp = now_iso()
    highlights_by_item: dict[str, list[Row]] = {}
    for h in rows.highlight_rows_of_document(old_document_id):
        highlights_by_item.setdefault(h["item_id"], []).append(h)
    with ann._record("Annotaties overzetten naar nieuwe versie", "highlights") as rec:
        for old in old_items:
            new = pairs.get(old["id"])
            hls = highlights_by_item.get(old["id"], [])
            if new is None:
                if hls or rows.note_rows_of_item(old["id"]) or rows.followup_rows(item_id=old["id"]) \
                        or rows.item_domain_ids(old["id"]):
                    report.items_unmatched.append(old["number"])
                for h in hls:
                    if not h["orphaned"]:
                        rec.update("highlights", {"id": h["id"]}, {"orphaned": 1, "updated": stamp})
                    report.orphaned += 1
                    report.orphaned_ids.append(h["id"])
                continue
            _move_item(rec, report, old, new, hls, stamp)
        _move_note(rec, report, old_document_id, None, new_document_id, None, stamp)
    rec.change.counts.update(moved_exact=report.moved_exact, moved_quote=report.moved_quote,
                             moved_fuzzy=report.moved_fuzzy, orphaned=report.orphaned)
    report.change = rec.change
    _copy_titles(rows, pairs)
    return report


def _copy_titles(rows: Any, pairs: dict[str, Row]) -> None:
    """The staffer's own item titles (the outline lines, `store/titles.py`) follow to the new version.

    Copied, not moved: the old version keeps its outline, and undoing the carry-over has nothing to
    undo here. A title the new item already has is kept. Titles have no level (they stay in the app).
    """
    from briefer.store.titles import copy_titles

    copy_titles(rows, [(old_id, new["id"]) for old_id, new in pairs.items()])


def _move_item(rec: Recorder, report: CarryOverReport, old: Row, new: Row, hls: list[Row],
               stamp: str) -> None:
    rows = rec.store
    for h in hls:
        found = _place(h, new)
        if found is None:
            rec.update("highlights", {"id": h["id"]}, {"item_id": new["id"], "orphaned": 1, "updated": stamp})
            report.orphaned += 1
            report.orphaned_ids.append(h["id"])
            continue
        field_name, p = found
        text = new[field_name]
        prefix, suffix = context(text, p.start, p.end)
        values: Row = {"item_id": new["id"], "field": field_name, "start_offset": p.start,
                       "end_offset": p.end, "exact": text[p.start:p.end], "prefix": prefix,
                       "suffix": suffix, "orphaned": 0}
        if p.how != "exact" or h["orphaned"] or prefix != h["prefix"] or suffix != h["suffix"]:
            values["updated"] = stamp
        rec.update("highlights", {"id": h["id"]}, values)
        if p.how == "exact":
            report.moved_exact += 1
        elif p.how == "quote":
            report.moved_quote += 1
        else:
            report.moved_fuzzy += 1
    for domain_id in rows.item_domain_ids(old["id"]):
        tag = rows.get("item_domains", {"item_id": old["id"], "domain_id": domain_id})
        rec.delete("item_domains", {"item_id": old["id"], "domain_id": domain_id})
        if rows.get("item_domains", {"item_id": new["id"], "domain_id": domain_id}) is None:
            rec.insert("item_domains", {"item_id": new["id"], "domain_id": domain_id,
                                        "created": tag["created"] if tag else stamp})
        report.tags_moved += 1
    for fu in rows.followup_rows(item_id=old["id"]):
        rec.update("followups", {"id": fu["id"]}, {"item_id": new["id"], "updated": stamp})
        report.followups_moved += 1
    _move_note(rec, report, old["document_id"], old["id"], new["document_id"], new["id"], stamp)


def _move_note(rec: Recorder, report: CarryOverReport, old_doc: str, old_item: str | None,
               new_doc: str, new_item: str | None, stamp: str) -> None:
    rows = rec.store
    note = rows.note_row(old_doc, old_item)
    if note is None:
        return
    existing = rows.note_row(new_doc, new_item)
    if existing is None:
        rec.update("notes", {"id": note["id"]}, {"document_id": new_doc, "item_id": new_item, "updated": stamp})
    else:
        # Both versions have a note: keep both texts in the new one, strictest level wins.
        level = max(Level(existing["level"]), Level(note["level"]), key=lambda lv: lv.rank).value
        body = existing["body"] if note["body"].strip() in existing["body"] else \
            f"{existing['body'].rstrip()}\n\n{note['body'].strip()}"
        rec.update("notes", {"id": existing["id"]}, {"body": body, "level": level, "updated": stamp})
        rec.delete("notes", {"id": note["id"]})
    report.notes_moved += 1
