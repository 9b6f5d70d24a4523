"""Core (annotate): finding an annotation by (the start of) its id, and changing its level alone.

What the CLI needs for `highlights edit/delete`, `followup delete` and `level`: ids as printed
(usually the first 8 characters) are enough when they are unique.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from briefer.annotate.errors import NotFound
from briefer.model import Level
from briefer.store.sync import SyncStore

if TYPE_CHECKING:
    from briefer.annotate.changes import Change
    from briefer.annotate.service import Annotations

KIND_NAMES = {"highlights": "markering", "notes": "notitie", "followups": "vervolgactie"}
LISTS = {"highlights": "briefer highlights list DOC", "notes": "briefer annotations list DOC",
         "followups": "briefer followup list"}


def find_annotation(ann: Annotations, ref: str, tables: tuple[str, ...] = ("highlights", "notes", "followups")
                    ) -> tuple[str, str]:
    """(table, id) of the one annotation whose id starts with `ref`; NotFound names the choice."""
    ref = (ref or "").strip()
    found = SyncStore(ann.rows.db).ids_with_prefix(ref, tables) if len(ref) >= 4 else []
    exact = [f for f in found if f[1] == ref]
    if len(exact) == 1 or len(found) == 1:
        return (exact or found)[0]
    what = " of ".join(KIND_NAMES[t] for t in tables)
    where = "; ".join(f"'{LISTS[t]}'" for t in tables)
    if not found:
        raise NotFound(f"Geen {what} met id '{ref}' (minstens 4 tekens); {where} toont de ids.")
    raise NotFound(f"Id '{ref}' past bij {len(found)} annotaties; geef meer tekens van het id.")


def set_level(ann: Annotations, ref: str, level: Level | str, *, allow_lower: bool = False
              ) -> tuple[str, Change]:
    """Change only the level of a highlight, note or follow-up; returns (table, Change).

    Lowering from vertrouwelijk (or below the material's level) needs `allow_lower`, else LevelLowering.
    """
    table, row_id = find_annotation(ann, ref)
    if table == "highlights":
        return table, ann.update_highlight(row_id, level=level, allow_lower=allow_lower)
    if table == "notes":
        return table, ann.set_note_level(row_id, level, allow_lower=allow_lower)
    return table, ann.update_followup(row_id, level=level, allow_lower=allow_lower)
