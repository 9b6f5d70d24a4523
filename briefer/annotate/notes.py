"""Core (annotate): Markdown notes (per item, and the document note "Kern") and follow-ups."""

from __future__ import annotations

from datetime import date
from typing import Any

from briefer.annotate.base import parse_level
from briefer.annotate.changes import Change
from briefer.annotate.errors import AnnotationError, NotFound
from briefer.annotate.highlights import HighlightOps
from briefer.annotate.levels import check_lowering, resolve_new_level
from briefer.annotate.rows import followup as to_followup
from briefer.annotate.rows import note as to_note
from briefer.model import FollowUp, FollowUpKind, FollowUpStatus, Level, Note, new_id, now_iso

FOLLOWUP_EDITABLE = ("text", "kind", "owner", "due", "status", "level", "highlight_id")


def parse_kind(value: FollowUpKind | str) -> FollowUpKind:
    text = str(value).strip().lower().replace("_", " ")
    for kind in FollowUpKind:
        if text in (kind.value, kind.name.lower().replace("_", " ")):
            return kind
    choices = ", ".join(k.value for k in FollowUpKind)
    raise AnnotationError(f"Onbekende soort vervolgactie '{value}': kies uit {choices}.")


def parse_status(value: FollowUpStatus | str) -> FollowUpStatus:
    try:
        return FollowUpStatus(str(value).strip().lower())
    except ValueError:
        raise AnnotationError(
            f"Onbekende status '{value}': kies open, loopt of afgerond."
        ) from None


def parse_due(value: str | date | None) -> str | None:
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value.isoformat()
    try:
        return date.fromisoformat(str(value).strip()).isoformat()
    except ValueError:
        raise AnnotationError(f"Ongeldige datum '{value}': gebruik JJJJ-MM-DD.") from None


class NoteOps(HighlightOps):
    """Core (annotate): item notes, the document note, and vervolgacties."""

    # -- notes ----------------------------------------------------------------------------------

    def set_note(self, document_id: str, item_id: str | None, body: str,
                 level: Level | str | None = None, *, allow_lower: bool = False) -> Change:
        """Write the note of an item (or of the document when item_id is None).

        `level` None keeps the existing note's level; a new note starts where the material is
        (vertrouwelijk on a vertrouwelijk item, else intern; see `briefer.annotate.levels`).
        Lowering from vertrouwelijk, or a new note below its material, needs `allow_lower`
        (else LevelLowering). An empty body moves the note to the trash.
        """
        if self.rows.document_row(document_id) is None:
            raise NotFound(f"Document {document_id} bestaat niet; kies een geïmporteerd document.")
        label_target = "Kern"
        if item_id is not None:
            item = self._item_row(item_id)
            if item["document_id"] != document_id:
                raise AnnotationError("Dit item hoort niet bij dit document; kies het juiste document.")
            label_target = f"notitie bij vraag {item['number']}"
        body = body or ""
        if level is not None:
            level = parse_level(level)
        # Read the existing note inside the write transaction: two writers (app and CLI) setting
        # the same note at once must not both decide to insert it.
        with self.rows.transaction():
            old = self.rows.note_row(document_id, item_id)
            if not body.strip():
                if old is None:
                    return Change(label=f"{label_target.capitalize()} wissen", table="notes",
                                  before=None, after=None)
                return self.delete_note(old["id"])
            stamp = now_iso()
            if old is None:
                new_level = resolve_new_level(self.rows, "note", item_id, level, allow_lower=allow_lower)
            elif level is not None:
                check_lowering(self.rows, "note", old, level, allow_lower=allow_lower)
            with self._record(f"{label_target.capitalize()} wijzigen", "notes") as rec:
                if old is None:
                    rec.insert("notes", {
                        "id": new_id(), "document_id": document_id, "item_id": item_id, "body": body,
                        "level": new_level.value, "created": stamp, "updated": stamp,
                    }, main=True)
                else:
                    values: dict[str, Any] = {"body": body, "updated": stamp}
                    if level is not None:
                        values["level"] = parse_level(level).value
                    rec.update("notes", {"id": old["id"]}, values, main=True)
        return rec.change

    def set_note_level(self, note_id: str, level: Level | str, *, allow_lower: bool = False) -> Change:
        """Set a note's level; lowering from vertrouwelijk needs `allow_lower` (else LevelLowering)."""
        old = self._row("notes", note_id, "Notitie")
        check_lowering(self.rows, "note", old, parse_level(level), allow_lower=allow_lower)
        with self._record("Niveau van notitie wijzigen", "notes") as rec:
            rec.update("notes", {"id": note_id}, {"level": parse_level(level).value,
                                                  "updated": now_iso()}, main=True)
        return rec.change

    def delete_note(self, note_id: str) -> Change:
        old = self._row("notes", note_id, "Notitie")
        label = "Kern" if old["item_id"] is None else "Notitie"
        with self._record(f"{label} verwijderen", "notes") as rec:
            rec.delete("notes", {"id": note_id}, main=True)
            first = " ".join(old["body"].split())[:40]
            self._to_trash(rec, kind="note", ref_id=note_id, label=f"{label} '{first}'",
                           level=old["level"], payload=[{"table": "notes", "row": old}],
                           document_id=old["document_id"], item_id=old["item_id"])
        return rec.change

    def note(self, document_id: str, item_id: str | None) -> Note | None:
        row = self.rows.note_row(document_id, item_id)
        return None if row is None else to_note(row)

    def notes(self, document_id: str) -> list[Note]:
        """The document note first, then item notes in document order."""
        return [to_note(r) for r in self.rows.note_rows_of_document(document_id)]

    # -- follow-ups -----------------------------------------------------------------------------

    def _check_highlight_of(self, highlight_id: str | None, item_id: str) -> str | None:
        if not highlight_id:
            return None
        hl = self._row("highlights", highlight_id, "Markering")
        if hl["item_id"] != item_id:
            raise AnnotationError("Deze markering hoort bij een ander item; kies een markering van dit item.")
        return highlight_id

    def add_followup(self, item_id: str, text: str, *, kind: FollowUpKind | str = FollowUpKind.OVERIG,
                     owner: str = "", due: str | date | None = None,
                     status: FollowUpStatus | str = FollowUpStatus.OPEN,
                     level: Level | str | None = None, highlight_id: str | None = None,
                     allow_lower: bool = False) -> Change:
        """A vervolgactie on an item (optionally tied to one of its highlights).

        `level` None: the material decides (vertrouwelijk on a vertrouwelijk item, which includes
        every item with a vertrouwelijk highlight; else intern); a lower explicit level there
        needs `allow_lower` (else LevelLowering).
        """
        item = self._item_row(item_id)
        if not text or not text.strip():
            raise AnnotationError("Een vervolgactie heeft een omschrijving nodig (--text).")
        if level is not None:
            parse_level(level)
        row = {
            "id": new_id(), "item_id": item_id,
            "highlight_id": self._check_highlight_of(highlight_id, item_id),
            "kind": parse_kind(kind).value, "text": text.strip(), "owner": owner or "",
            "due": parse_due(due), "status": parse_status(status).value,
            "level": resolve_new_level(self.rows, "followup", item_id, level, allow_lower=allow_lower).value,
            "created": now_iso(),
        }
        row["updated"] = row["created"]
        with self._record(f"Vervolgactie bij vraag {item['number']} toevoegen", "followups") as rec:
            rec.insert("followups", row, main=True)
        return rec.change

    def update_followup(self, followup_id: str, *, allow_lower: bool = False, **fields: Any) -> Change:
        """Change fields of a follow-up. Lowering from vertrouwelijk needs `allow_lower` (else
        LevelLowering); tying it to a vertrouwelijk highlight without naming a level raises it to
        vertrouwelijk (`change.counts["raised"] == 1`)."""
        unknown = set(fields) - set(FOLLOWUP_EDITABLE)
        if unknown:
            raise AnnotationError(f"Een vervolgactie heeft geen veld {', '.join(sorted(unknown))}.")
        old = self._row("followups", followup_id, "Vervolgactie")
        parsers = {"kind": lambda v: parse_kind(v).value, "status": lambda v: parse_status(v).value,
                   "level": lambda v: parse_level(v).value, "due": parse_due,
                   "owner": lambda v: v or "",
                   "highlight_id": lambda v: self._check_highlight_of(v, old["item_id"])}
        values = {k: parsers.get(k, lambda v: v)(v) for k, v in fields.items()}
        if "text" in values and not str(values["text"]).strip():
            raise AnnotationError("Een vervolgactie heeft een omschrijving nodig.")
        raised = False
        if "level" in values:
            check_lowering(self.rows, "followup", old, values["level"], allow_lower=allow_lower)
        elif values.get("highlight_id") and old["level"] != Level.VERTROUWELIJK.value:
            tied = self.rows.get("highlights", {"id": values["highlight_id"]})
            if tied is not None and tied["level"] == Level.VERTROUWELIJK.value:
                values["level"], raised = Level.VERTROUWELIJK.value, True
        label = "Status van vervolgactie wijzigen" if set(fields) == {"status"} else "Vervolgactie wijzigen"
        with self._record(label, "followups") as rec:
            rec.update("followups", {"id": followup_id}, {**values, "updated": now_iso()}, main=True)
        if raised:
            rec.change.counts["raised"] = 1
        return rec.change

    def delete_followup(self, followup_id: str) -> Change:
        old = self._row("followups", followup_id, "Vervolgactie")
        item = self.rows.item_row(old["item_id"])
        with self._record("Vervolgactie verwijderen", "followups") as rec:
            rec.delete("followups", {"id": followup_id}, main=True)
            self._to_trash(rec, kind="followup", ref_id=followup_id,
                           label=f"Vervolgactie '{' '.join(old['text'].split())[:40]}'",
                           level=old["level"], payload=[{"table": "followups", "row": old}],
                           document_id=item["document_id"] if item else None, item_id=old["item_id"])
        return rec.change

    def followup(self, followup_id: str) -> FollowUp:
        return to_followup(self._row("followups", followup_id, "Vervolgactie"))

    def followups(self, *, document_id: str | None = None, item_id: str | None = None,
                  status: FollowUpStatus | str | None = None,
                  level: Level | str | None = None) -> list[FollowUp]:
        """Follow-ups across all documents (or one), by due date; optional status/level filters."""
        return [
            to_followup(r)
            for r in self.rows.followup_rows(
                document_id=document_id, item_id=item_id,
                status=None if status is None else parse_status(status).value,
                level=None if level is None else parse_level(level).value,
            )
        ]
