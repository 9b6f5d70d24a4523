"""Core (annotate): highlights on an item's question or answer.

A highlight is refused unless its offsets lie inside the text and cover real (non-blank) text; a
caller that also passes `exact` is refused when the text there differs. `highlight_quote` finds a
typed quote (whitespace-tolerant) and insists it is unique across the item's question and answer.
"""

from __future__ import annotations

from typing import Any

from briefer.annotate.anchoring import context, find_quote
from briefer.annotate.base import parse_level
from briefer.annotate.changes import Change
from briefer.annotate.domains import DomainOps
from briefer.annotate.errors import AnnotationError, QuoteNotFound, QuoteNotUnique, TextMismatch
from briefer.annotate.levels import check_lowering, item_is_confidential, resolve_new_level
from briefer.annotate.rows import highlight as to_highlight
from briefer.model import Highlight, Level, new_id, now_iso
from briefer.textutil import shorten

FIELDS = ("question", "answer")
FIELD_LABELS = {"question": "de vraag", "answer": "het antwoord"}
HIGHLIGHT_EDITABLE = ("domain_id", "note", "level", "start", "end")


def _short(text: str) -> str:
    return shorten(text, 40)


class HighlightOps(DomainOps):
    """Core (annotate): add, find by quote, update, delete and list highlights."""

    def _anchor(self, item: dict[str, Any], field: str, start: int, end: int,
                exact: str | None = None) -> dict[str, Any]:
        if field not in FIELDS:
            raise AnnotationError(f"Onbekend veld '{field}': kies question (vraag) of answer (antwoord).")
        text = item[field] or ""
        if not (isinstance(start, int) and isinstance(end, int)) or not 0 <= start < end <= len(text):
            raise TextMismatch(
                f"De markering {start}–{end} valt buiten de tekst van {FIELD_LABELS[field]} "
                f"van vraag {item['number']} (0–{len(text)}); selecteer opnieuw."
            )
        passage = text[start:end]
        if not passage.strip():
            raise TextMismatch("Een markering moet tekst bevatten, niet alleen witruimte.")
        if exact is not None and " ".join(exact.split()) != " ".join(passage.split()):
            raise TextMismatch(
                f"De tekst op {start}–{end} van vraag {item['number']} is '{_short(passage)}', "
                f"niet '{_short(exact)}'; het document is misschien gewijzigd: selecteer opnieuw."
            )
        prefix, suffix = context(text, start, end)
        return {"field": field, "start_offset": start, "end_offset": end, "exact": passage,
                "prefix": prefix, "suffix": suffix}

    def _check_domain(self, domain_id: str | None) -> str | None:
        if domain_id is None or domain_id == "":
            return None
        self._row("domains", domain_id, "Domein")
        return domain_id

    def add_highlight(self, item_id: str, field: str, start: int, end: int, *,
                      domain_id: str | None = None, note: str = "",
                      level: Level | str | None = None, exact: str | None = None,
                      allow_lower: bool = False) -> Change:
        """Highlight text[start:end] of an item's question or answer (one transaction).

        `level` None: the material decides (vertrouwelijk on a vertrouwelijk item, else intern;
        see `briefer.annotate.levels`); a lower explicit level there needs `allow_lower`.
        """
        item = self._item_row(item_id)
        anchor = self._anchor(item, field, start, end, exact)
        if level is not None:
            parse_level(level)
        lvl = resolve_new_level(self.rows, "highlight", item_id, level, allow_lower=allow_lower)
        domain_id = self._check_domain(domain_id)
        stamp = now_iso()
        with self._record("Markering toevoegen", "highlights") as rec:
            rec.insert("highlights", {
                "id": new_id(), "item_id": item_id, **anchor, "domain_id": domain_id,
                "note": note or "", "level": lvl.value, "orphaned": 0, "created": stamp, "updated": stamp,
            }, main=True)
        return rec.change

    def highlight_quote(self, item_id: str, quote: str, *, field: str | None = None,
                        domain_id: str | None = None, note: str = "",
                        level: Level | str | None = None, allow_lower: bool = False) -> Change:
        """Highlight the passage whose text is `quote`; it must occur exactly once in the item."""
        item = self._item_row(item_id)
        if not quote.strip():
            raise QuoteNotFound("Het citaat is leeg; geef de tekst die gemarkeerd moet worden.")
        fields = [field] if field else list(FIELDS)
        hits = [(f, s, e) for f in fields for s, e in find_quote(item.get(f) or "", quote)]
        if not hits:
            raise QuoteNotFound(
                f"Het citaat '{_short(quote)}' komt niet voor in vraag {item['number']}; "
                "controleer de tekst (hoofdletters en leestekens tellen mee)."
            )
        if len(hits) > 1:
            raise QuoteNotUnique(
                f"Het citaat '{_short(quote)}' komt {len(hits)} keer voor in vraag {item['number']}; "
                "maak het citaat langer."
            )
        f, s, e = hits[0]
        return self.add_highlight(item_id, f, s, e, domain_id=domain_id, note=note, level=level,
                                  allow_lower=allow_lower)

    def update_highlight(self, highlight_id: str, *, allow_lower: bool = False, **fields: Any) -> Change:
        """Change domain_id, note, level and/or the span (start, end) of a highlight.

        Lowering from vertrouwelijk needs `allow_lower` (else LevelLowering). A note written onto
        an empty highlight of a vertrouwelijk item, without a level, raises the highlight to
        vertrouwelijk (`change.counts["raised"] == 1`).
        """
        unknown = set(fields) - set(HIGHLIGHT_EDITABLE)
        if unknown:
            raise AnnotationError(f"Een markering heeft geen veld {', '.join(sorted(unknown))}.")
        old = self._row("highlights", highlight_id, "Markering")
        values: dict[str, Any] = {}
        raised = False
        if "domain_id" in fields:
            values["domain_id"] = self._check_domain(fields["domain_id"])
        if "note" in fields:
            values["note"] = fields["note"] or ""
            if ("level" not in fields and values["note"].strip() and not (old["note"] or "").strip()
                    and old["level"] != Level.VERTROUWELIJK.value
                    and item_is_confidential(self.rows, old["item_id"])):
                values["level"] = Level.VERTROUWELIJK.value
                raised = True
        if "level" in fields:
            values["level"] = parse_level(fields["level"]).value
            check_lowering(self.rows, "highlight", old, values["level"], allow_lower=allow_lower)
        if "start" in fields or "end" in fields:
            item = self._item_row(old["item_id"])
            values.update(self._anchor(item, old["field"], int(fields.get("start", old["start_offset"])),
                                       int(fields.get("end", old["end_offset"]))))
            values["orphaned"] = 0
        label = {"note": "Notitie bij markering wijzigen", "level": "Niveau van markering wijzigen",
                 "domain_id": "Domein van markering wijzigen"}.get(next(iter(fields), ""), "Markering wijzigen")
        with self._record(label if len(fields) == 1 else "Markering wijzigen", "highlights") as rec:
            rec.update("highlights", {"id": highlight_id}, {**values, "updated": now_iso()}, main=True)
        if raised:
            rec.change.counts["raised"] = 1
        return rec.change

    def reattach_highlight(self, highlight_id: str, item_id: str, field: str, start: int, end: int) -> Change:
        """Place a highlight (typically an orphaned one) on new text, possibly of another item.

        Its quote and context become the text now selected; domain, note, level and follow-ups stay.
        One transaction, undoable like every other change.
        """
        self._row("highlights", highlight_id, "Markering")
        item = self._item_row(item_id)
        anchor = self._anchor(item, field, start, end)
        with self._record("Verweesde markering plaatsen", "highlights") as rec:
            rec.update("highlights", {"id": highlight_id},
                       {"item_id": item_id, **anchor, "orphaned": 0, "updated": now_iso()}, main=True)
            for fu in self.rows.followup_rows(highlight_id=highlight_id):
                if fu["item_id"] != item_id:
                    rec.update("followups", {"id": fu["id"]}, {"item_id": item_id, "updated": now_iso()})
        return rec.change

    def delete_highlight(self, highlight_id: str) -> Change:
        """Move a highlight to the trash; follow-ups on it stay on the item."""
        old = self._row("highlights", highlight_id, "Markering")
        item = self.rows.item_row(old["item_id"])
        payload: list[dict[str, Any]] = [{"table": "highlights", "row": old}]
        with self._record("Markering verwijderen", "highlights") as rec:
            for fu in self.rows.followup_rows(highlight_id=highlight_id):
                rec.update("followups", {"id": fu["id"]}, {"highlight_id": None, "updated": now_iso()})
                payload.append({"table": "followups", "mode": "relink", "column": "highlight_id",
                                "row": {"id": fu["id"], "highlight_id": highlight_id}})
            rec.delete("highlights", {"id": highlight_id}, main=True)
            self._to_trash(rec, kind="highlight", ref_id=highlight_id,
                           label=f"Markering '{_short(old['exact'])}'", level=old["level"],
                           payload=payload, document_id=item["document_id"] if item else None,
                           item_id=old["item_id"])
        return rec.change

    def highlight(self, highlight_id: str) -> Highlight:
        return to_highlight(self._row("highlights", highlight_id, "Markering"))

    def highlights(self, item_id: str) -> list[Highlight]:
        """The highlights of one item: question first, then answer, by position."""
        return [to_highlight(r) for r in self.rows.highlight_rows(item_id)]

    def document_highlights(self, document_id: str) -> list[Highlight]:
        return [to_highlight(r) for r in self.rows.highlight_rows_of_document(document_id)]

    def orphans(self, document_id: str) -> list[Highlight]:
        """Orphaned (verweesde) highlights of a document and of its earlier versions."""
        chain, seen = [], set()
        current: str | None = document_id
        while current and current not in seen:
            seen.add(current)
            chain.append(current)
            row = self.rows.document_row(current)
            current = row["version_of"] if row else None
        return [to_highlight(r) for r in self.rows.orphan_rows(chain)]
