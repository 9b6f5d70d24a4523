"""Core (annotate): levels follow the material; only an explicit act lowers one.

**What makes an item vertrouwelijk.** An item (a question with its answer) counts as vertrouwelijk
while it carries at least one vertrouwelijk annotation of its own: a highlight (also an orphaned
one, its note included), the item note, or a follow-up at level `vertrouwelijk`. Accepting a
vertrouwelijk confidentiality suggestion creates exactly such annotations, so it makes the item
vertrouwelijk. Domain tags carry no level; what lies in the trash does not count. When the user
lowers the last vertrouwelijk annotation of an item (knowingly, see below), the item no longer
counts as vertrouwelijk.

**What starts at vertrouwelijk.** Everything created on a vertrouwelijk item when the caller names
no level (`level=None`, the app's and the CLI's default): a highlight, a highlight note written
onto a lower highlight (the highlight is raised, since its note is part of it), the item note, a
follow-up (also one made from a highlight, or tied to a vertrouwelijk highlight later), and the
annotations of an accepted suggestion. Elsewhere new annotations start at `intern`. The document
note ("Kern") is about the whole document, not about a passage: it starts at `intern`.

**Lowering.** Lowering an annotation from `vertrouwelijk`, or creating one below the level the
material asks for, is refused with `LevelLowering` unless the caller passes `allow_lower=True`
(the app after its confirmation dialog, the CLI with `--lower`). `LevelLowering.notice` (and
`describe_lowering`) says in Dutch what would then appear in lower documents. Lowering from
`intern` to `openbaar` needs no confirmation (the notice still describes it). Undo and redo replay
what the user did and are not checked again; importing a colleague's file never lowers a level.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from briefer.annotate.errors import AnnotationError
from briefer.model import DEFAULT_LEVEL, Level
from briefer.store.annotations import AnnotationStore

KIND_LABELS = {"highlight": "markering", "note": "notitie", "followup": "vervolgactie"}


@dataclass
class LoweringNotice:
    """Core (annotate): what lowering one annotation (or creating it lower) would let out.

    `text` is one Dutch sentence for the confirmation dialog ("Deze markering en haar notitie
    verschijnen dan ook in briefings en gedeelde bestanden met plafond intern; …");
    `needs_confirmation` is True when the change is refused without `allow_lower=True`.
    """

    kind: str  # "highlight" | "note" | "followup"
    id: str | None  # None: a new annotation
    old: Level
    new: Level
    text: str
    needs_confirmation: bool

    @property
    def question(self) -> str:
        """The dialog's question (Dutch)."""
        return f"{self.text} Toch verlagen naar {self.new.value}?"


class LevelLowering(AnnotationError):
    """Core (annotate): a level would go down from vertrouwelijk without `allow_lower=True`.

    Nothing was changed. `notice` says what would appear in lower documents; the app asks the
    user and calls again with `allow_lower=True`, the CLI asks for `--lower`.
    """

    def __init__(self, notice: LoweringNotice) -> None:
        super().__init__(f"{notice.text.rstrip('.')}; bevestig dat dit de bedoeling is "
                         "(opdrachtregel: --lower). Er is niets veranderd.")
        self.notice = notice


def _level(value: Any) -> Level:
    return Level(value)


def confidential_rows(rows: AnnotationStore, item_id: str) -> list[tuple[str, dict[str, Any]]]:
    """The vertrouwelijk annotations of an item, as (kind, row)."""
    found: list[tuple[str, dict[str, Any]]] = []
    vertrouwelijk = Level.VERTROUWELIJK.value
    found += [("highlight", r) for r in rows.highlight_rows(item_id) if r["level"] == vertrouwelijk]
    found += [("note", r) for r in rows.note_rows_of_item(item_id) if r["level"] == vertrouwelijk]
    found += [("followup", r) for r in rows.followup_rows(item_id=item_id) if r["level"] == vertrouwelijk]
    return found


def item_is_confidential(rows: AnnotationStore, item_id: str, *, ignore: str | None = None) -> bool:
    """True when the item counts as vertrouwelijk (see the module doc); `ignore` leaves one row out."""
    return any(r["id"] != ignore for _kind, r in confidential_rows(rows, item_id))


def material_level(rows: AnnotationStore, item_id: str | None) -> Level:
    """The level a new annotation on this item starts at (the Kern: item_id None -> intern)."""
    if item_id is not None and item_is_confidential(rows, item_id):
        return Level.VERTROUWELIJK
    return DEFAULT_LEVEL


def _ceilings(level: Level) -> str:
    return "plafond openbaar of intern" if level == Level.OPENBAAR else f"plafond {level.value}"


def _appear(subject: str, plural: bool, level: Level) -> str:
    verb = "verschijnen" if plural else "verschijnt"
    return f"{subject} {verb} dan ook in briefings en gedeelde bestanden met {_ceilings(level)}"


def _item_label(rows: AnnotationStore, item_id: str | None) -> str:
    item = rows.item_row(item_id) if item_id else None
    return f"vraag {item['number']}" if item else "deze vraag"


def new_annotation_notice(rows: AnnotationStore, kind: str, item_id: str, level: Level) -> LoweringNotice:
    """The notice for creating an annotation at `level` on a vertrouwelijk item."""
    what = {"highlight": "deze markering", "note": "deze notitie", "followup": "deze vervolgactie"}[kind]
    where = _item_label(rows, item_id)
    text = (f"{where.capitalize()} bevat vertrouwelijk materiaal: als {level.value} verschijnt {what} "
            f"ook in briefings en gedeelde bestanden met {_ceilings(level)}.")
    return LoweringNotice(kind, None, Level.VERTROUWELIJK, level, text, needs_confirmation=True)


def resolve_new_level(rows: AnnotationStore, kind: str, item_id: str | None, level: Level | str | None,
                      *, allow_lower: bool = False) -> Level:
    """The level of a new annotation: the material's when `level` is None; an explicit lower level
    on vertrouwelijk material only with `allow_lower` (else LevelLowering)."""
    material = material_level(rows, item_id)
    if level is None:
        return material
    chosen = Level.parse(level)
    if material == Level.VERTROUWELIJK and chosen != material and not allow_lower:
        raise LevelLowering(new_annotation_notice(rows, kind, item_id, chosen))
    return chosen


def describe_row_lowering(rows: AnnotationStore, kind: str, row: dict[str, Any],
                          level: Level | str) -> LoweringNotice | None:
    """The notice for setting an existing annotation `row` to `level`; None when that is no lowering."""
    new, old = Level.parse(level), _level(row["level"])
    if new.rank >= old.rank:
        return None
    if kind == "highlight":
        subject, plural = ("Deze markering en haar notitie", True) if (row.get("note") or "").strip() \
            else ("Deze markering", False)
    elif kind == "note":
        subject, plural = ("De kern van dit document", False) if row.get("item_id") is None \
            else (f"Deze notitie bij {_item_label(rows, row['item_id'])}", False)
    else:
        subject, plural = "Deze vervolgactie", False
    parts = [_appear(subject, plural, new)]
    item_id = row.get("item_id")
    if kind == "highlight" and old == Level.VERTROUWELIJK:
        tied = [f for f in rows.followup_rows(highlight_id=row["id"]) if f["level"] == old.value]
        if tied:
            n = len(tied)
            parts.append(f"{'de vervolgactie' if n == 1 else f'de {n} vervolgacties'} erbij "
                         f"{'blijft' if n == 1 else 'blijven'} vertrouwelijk")
    if item_id and old == Level.VERTROUWELIJK and not item_is_confidential(rows, item_id, ignore=row["id"]):
        parts.append(f"{_item_label(rows, item_id)} telt daarna niet meer als vertrouwelijk, dus nieuwe "
                     "annotaties erop beginnen als intern")
    return LoweringNotice(kind, row["id"], old, new, "; ".join(parts) + ".",
                          needs_confirmation=old == Level.VERTROUWELIJK)


def check_lowering(rows: AnnotationStore, kind: str, row: dict[str, Any], level: Level | str,
                   *, allow_lower: bool) -> None:
    """Raise LevelLowering when setting `row` to `level` lowers it from vertrouwelijk unasked."""
    notice = describe_row_lowering(rows, kind, row, level)
    if notice is not None and notice.needs_confirmation and not allow_lower:
        raise LevelLowering(notice)
