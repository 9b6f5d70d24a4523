"""Core (annotate): `Change`, what one annotation operation did, and the recorder that builds it.

Every mutating operation writes through a `Recorder`, which snapshots each touched row before and
after. A `Change` is therefore complete: undo puts every row back to its `before` state in reverse
order, redo to its `after` state in order. Both refuse (UndoConflict) when a row is no longer in the
state the Change expects, so an undo never overwrites work done in between.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from briefer.annotate.errors import UndoConflict
from briefer.store.annotations import AnnotationStore, Row, key_of


@dataclass(frozen=True)
class RowChange:
    """Core (annotate): one row's state before and after (None: the row did not exist)."""

    table: str
    key: Row
    before: Row | None
    after: Row | None


@dataclass
class Change:
    """Core (annotate): the result of one mutating operation, enough to undo and redo it.

    `label` is Dutch for the Edit menu ("Markering toevoegen"); `table`, `before` and `after` are
    the snapshots of the main row; `rows` every row touched, in the order they were written;
    `counts` reports side effects (e.g. {"items_untagged": 3} when a domain is deleted).
    """

    label: str
    table: str
    before: Row | None
    after: Row | None
    rows: list[RowChange] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def id(self) -> Any:
        """Id of the main row (the new one for an insert)."""
        snap = self.after if self.after is not None else self.before
        return None if snap is None else snap.get("id")

    @property
    def empty(self) -> bool:
        return not self.rows


class Recorder:
    """Core (annotate): writes rows through the store and remembers each before/after state."""

    def __init__(self, rows: AnnotationStore, label: str, table: str) -> None:
        self.store = rows
        self.change = Change(label=label, table=table, before=None, after=None)
        self._main: Row | None = None

    def _record(self, table: str, key: Row, before: Row | None, main: bool) -> Row | None:
        after = self.store.get(table, key)
        self.change.rows.append(RowChange(table, dict(key), before, after))
        if main or (self._main is None and table == self.change.table):
            self._main = dict(key)
            self.change.before, self.change.after = before, after
        return after

    def insert(self, table: str, row: Row, *, main: bool = False) -> Row:
        key = key_of(table, row)
        self.store.insert(table, row)
        after = self._record(table, key, None, main)
        assert after is not None
        return after

    def update(self, table: str, key: Row, values: Row, *, main: bool = False) -> Row:
        before = self.store.get(table, key)
        self.store.update(table, key, values)
        after = self._record(table, key, before, main)
        assert after is not None
        return after

    def delete(self, table: str, key: Row, *, main: bool = False) -> Row | None:
        before = self.store.get(table, key)
        if before is None:
            return None
        self.store.delete(table, key)
        self._record(table, key, before, main)
        return before

    def count(self, name: str, n: int = 1) -> None:
        self.change.counts[name] = self.change.counts.get(name, 0) + n


def _apply(rows: AnnotationStore, change: Change, *, forward: bool) -> None:
    steps = change.rows if forward else list(reversed(change.rows))
    for step in steps:
        expected, target = (step.before, step.after) if forward else (step.after, step.before)
        current = rows.get(step.table, step.key)
        if current != expected:
            verb = "Opnieuw doen" if forward else "Ongedaan maken"
            raise UndoConflict(
                f"{verb} van '{change.label}' kan niet: de gegevens zijn intussen gewijzigd; "
                "niets is veranderd."
            )
        rows.put(step.table, step.key, target)


def undo_change(rows: AnnotationStore, change: Change) -> None:
    """Put every row of `change` back to its before state, in one transaction."""
    with rows.transaction(defer_foreign_keys=True):
        _apply(rows, change, forward=False)


def redo_change(rows: AnnotationStore, change: Change) -> None:
    """Re-apply `change` after an undo, in one transaction."""
    with rows.transaction(defer_foreign_keys=True):
        _apply(rows, change, forward=True)
