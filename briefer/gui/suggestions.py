"""GUI: the open document's suggestions (toezeggingen, domains, confidentiality cues, references).

`SuggestionController` computes `briefer.suggest.suggest_document` once per document open, on a
worker thread with its own database connection, and again only after an accept or a dismiss (and
their undo/redo) — never on an item switch. The outline, reader, inspector and the Suggesties
panel read the cached result by item number. Accepting goes through `briefer.suggest.accept` and
lands on the undo stack as one command (undo: `undo_accept`); dismissing is undoable too (undo:
`restore`). A dismissed suggestion stays dismissed: the core stores the decision.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt, QThread, QTimer, Signal, Slot
from PySide6.QtGui import QUndoCommand

from briefer.gui import switching
from briefer.gui.labels import nl_date
from briefer.gui.threads import start_worker, stop_worker
from briefer.textutil import shorten

START_DELAY_MS = 150  # after a document opens: let the outline and the first item paint first
KIND_PLURALS = {"Toezegging": "toezeggingen", "Domein": "domeinen", "Vertrouwelijk": "vertrouwelijk",
                "Verwijzing": "verwijzingen"}


@dataclass(frozen=True)
class Entry:
    """GUI: one open suggestion as listed and marked (`field`/`start`/`end` for a sentence)."""

    key: str
    kind: str  # Toezegging | Vertrouwelijk | Domein | Verwijzing
    item: int
    text: str
    field: str | None = None
    start: int = 0
    end: int = 0
    domain_id: str | None = None
    domain_name: str = ""
    score: float = 1.0  # how sure the suggester is (domains score in [0, 1); the others count as sure)
    due: str | None = None  # a toezegging's term as a date (ISO), when the sentence names one
    sentence: str = ""  # the suggested sentence itself (toezegging, vertrouwelijk)

    @property
    def gist(self) -> str:
        """What matters first in a list: the sentence, the domain's name, the reference."""
        if self.kind == "Domein":
            return self.domain_name
        return " ".join((self.sentence or self.text).split())

    @property
    def detail(self) -> str:
        """The second line in a list: the term of a toezegging, the words behind a domain."""
        if self.kind == "Toezegging":
            return f"termijn {nl_date(self.due)}" if self.due else "geen termijn genoemd"
        if self.kind == "Domein":
            return f"op grond van: {self.text}"
        return ""

    @property
    def title(self) -> str:
        return f"Domein: {self.domain_name}" if self.kind == "Domein" else self.kind

    @property
    def phrase(self) -> str:
        """The title inside a sentence: "toezegging", "domein: Grondstoffen …" (a name keeps its capitals)."""
        return f"domein: {self.domain_name}" if self.kind == "Domein" else self.kind.lower()

    @functools.cached_property
    def tip(self) -> str:
        """One line for tooltips: "toezegging — Aan het einde van het jaar …" (made once: `entries`
        makes it on the worker thread, so the outline's tooltips cost the GUI thread nothing)."""
        text = shorten(self.text, 90)
        return f"{self.title.lower() if self.kind != 'Domein' else self.title}: {text}"


def entries(s: Any) -> list[Entry]:
    """Flatten a core `Suggestions` bundle into entries, in item order (stable within an item)."""
    out = [Entry(t.key, "Toezegging", t.item, t.sentence + (f"  (termijn {nl_date(t.due)})" if t.due else ""),
                 t.field, t.start, t.end, due=t.due, sentence=t.sentence) for t in s.toezeggingen]
    out += [Entry(c.key, "Vertrouwelijk", c.item, c.sentence, c.field, c.start, c.end, sentence=c.sentence)
            for c in s.confidential]
    for d in s.domains:
        out += [Entry(o.key, "Domein", d.item, ", ".join(o.evidence[:5]), domain_id=o.domain_id, domain_name=o.name,
                      score=o.score) for o in d.domains]
    out += [Entry(r.key, "Verwijzing", r.item, f"verwijst naar vraag {r.refers_to_item}") for r in s.references]
    for e in out:
        e.tip  # noqa: B018 - made now (on the worker thread, for big documents), kept by the entry
    return sorted(out, key=lambda e: e.item)


def by_item(found: list[Entry]) -> dict[int, list[Entry]]:
    """The entries per item number, in order."""
    out: dict[int, list[Entry]] = {}
    for e in found:
        out.setdefault(e.item, []).append(e)
    return out


def summary(found: list[Entry]) -> str:
    """"12 suggesties: 3 toezeggingen, 1 vertrouwelijk, …" (Dutch)."""
    if not found:
        return "Geen (nieuwe) suggesties."
    kinds: dict[str, int] = {}
    for e in found:
        kinds[e.kind] = kinds.get(e.kind, 0) + 1
    return f"{len(found)} {'suggestie' if len(found) == 1 else 'suggesties'}: " + ", ".join(
        f"{n} {KIND_PLURALS.get(k, k.lower()) if n > 1 else k.lower()}" for k, n in kinds.items())


class SuggestWorker(QObject):
    """GUI: has the document's suggestions computed in the core's helper process
    (`briefer.suggest.background.SuggestionRunner`: the computation never holds this process's
    interpreter lock) and turns them into entries, all on a worker thread.

    `current()` says whether the result is still wanted; when it turns False the helper process
    is stopped (another document was opened)."""

    done = Signal(int, object)  # generation, (Suggestions, entries, entries per item)
    failed = Signal(int, object)  # generation, exception

    def __init__(self, db_path: Path, doc_id: str, domains: list[Any], generation: int, runner: Any,
                 current: Callable[[], bool] = lambda: True) -> None:
        super().__init__()
        self.db_path, self.doc_id, self.domains, self.generation = db_path, doc_id, domains, generation
        self.runner, self.current = runner, current

    @Slot()
    def run(self) -> None:
        try:
            result = self.runner.compute(self.db_path, self.doc_id, self.domains,
                                         cancelled=lambda: not self.current())
            found = entries(result)
            per_item = by_item(found)
        except Exception as exc:
            self.failed.emit(self.generation, exc)
        else:
            self.done.emit(self.generation, (result, found, per_item))


class SuggestionController(QObject):
    """GUI: the cached suggestions of the open document, and accept/dismiss as undoable commands."""

    updated = Signal()  # the cached suggestions changed (computed, accepted, dismissed)

    def __init__(self, workspace: Any, parent: QObject | None = None, *, background: bool | None = None) -> None:
        super().__init__(parent)
        self.ws = workspace
        self.background = workspace.db_path is not None if background is None else background
        self.doc_id: str | None = None
        self._raw: Any = None  # the core Suggestions as computed (for accept's look-up)
        self._entries: list[Entry] = []
        self._by_item: dict[int, list[Entry]] = {}
        self._by_key: dict[str, Entry] = {}
        self._generation = 0
        self._threads: list[tuple[QThread, SuggestWorker]] = []
        self._runner: Any = None  # the core's SuggestionRunner (a helper process), made on first use
        self._start_timer = QTimer(self)
        self._start_timer.setSingleShot(True)
        self._start_timer.setInterval(START_DELAY_MS)
        self._start_timer.timeout.connect(self._start_worker)
        self.ready = False
        self._closed = False

    # -- computing ------------------------------------------------------------------------------

    def load(self, doc_id: str | None) -> None:
        """A document was opened: forget the old suggestions and compute the new ones."""
        changed = doc_id != self.doc_id
        if changed:
            self._set(None, [])
        self.doc_id = doc_id
        self.refresh(delayed=True)
        if changed:
            self.updated.emit()  # the old document's suggestions leave the panel and marks at once

    def refresh(self, *, delayed: bool = False) -> None:
        """Recompute for the open document (after accept/dismiss and their undo/redo).

        `delayed`: on a worker, start after START_DELAY_MS (a document was just opened)."""
        if self._closed:
            return
        self._generation += 1
        self.ready = False
        self._start_timer.stop()
        if self.doc_id is None:
            self._set(None, [])
            self.ready = True
            self.updated.emit()
            return
        if not self.background:
            from briefer.suggest import suggest_document

            domains = self.ws.query(self.ws.ann.domains, default=[])
            result = self.ws.query(suggest_document, self.ws.store, self.doc_id, domains=domains)
            self._finish(self._generation, result)
            return
        if delayed:
            self._start_timer.start()
        else:
            self._start_worker()

    @Slot()
    def _start_worker(self) -> None:
        if self._closed or self.doc_id is None or self.ws.db_path is None:
            return
        domains = self.ws.query(self.ws.ann.domains, default=[])
        if self._runner is None:
            from briefer.suggest.background import SuggestionRunner

            self._runner = SuggestionRunner()
        generation = self._generation
        worker = SuggestWorker(self.ws.db_path, self.doc_id, domains, generation, self._runner,
                               current=lambda: generation == self._generation)
        queued = Qt.ConnectionType.QueuedConnection
        worker.done.connect(self._finish, queued)
        worker.failed.connect(self._failed, queued)
        worker.done.connect(self._reap_finished, queued)
        worker.failed.connect(self._reap_finished, queued)
        switching.hold()  # keeps the GUI thread served while the worker computes
        self._threads.append((start_worker(self, worker), worker))

    @Slot(int, object)
    def _reap_finished(self, _generation: int, _result: object) -> None:
        """A worker has delivered: end its thread (its run() has returned) and forget it."""
        worker = self.sender()
        for thread, w in list(self._threads):
            if w is worker:
                self._reap(thread, w)

    def _reap(self, thread: QThread, worker: SuggestWorker) -> None:
        self._threads = [(t, w) for t, w in self._threads if t is not thread]
        stop_worker(thread, worker)
        switching.release()

    @Slot(int, object)
    def _finish(self, generation: int, payload: Any) -> None:
        if self._closed or generation != self._generation:
            return  # a newer computation is on its way, or the window has closed
        if isinstance(payload, tuple):  # from a worker: the entries were made on its thread
            result, found, per_item = payload
        else:
            result, found = payload, entries(payload) if payload is not None else []
            per_item = None
        self._set(result, found, per_item)
        self.ready = True
        self.updated.emit()

    @Slot(int, object)
    def _failed(self, generation: int, exc: BaseException) -> None:
        if not self._closed and generation == self._generation:
            self.ready = True
            self.ws.failed.emit(exc)

    def _set(self, raw: Any, found: list[Entry], per_item: dict[int, list[Entry]] | None = None) -> None:
        self._raw = raw
        self._entries = found
        self._by_item = per_item if per_item is not None else by_item(found)
        self._by_key = {e.key: e for e in found}  # `find` in constant time: the queue asks per row

    def shutdown(self) -> None:
        """The window closes: compute nothing more, stop the running computation (its helper process
        sees it is no longer wanted), wait for its thread and drop its result (idempotent)."""
        self._closed = True
        self._generation += 1
        self._start_timer.stop()
        for thread, worker in list(self._threads):
            self._reap(thread, worker)  # a running computation sees it is unwanted and stops
        if self._runner is not None:
            self._runner.stop()

    # -- reading --------------------------------------------------------------------------------

    def entries(self) -> list[Entry]:
        return list(self._entries)

    def count(self) -> int:
        """How many open suggestions there are (without copying them)."""
        return len(self._entries)

    def for_item(self, number: int) -> list[Entry]:
        return list(self._by_item.get(number, []))

    def item_numbers(self) -> set[int]:
        return set(self._by_item)

    def sentence_marks(self, number: int) -> list[Entry]:
        """The toezegging and confidentiality sentences of an item (drawn in the reader)."""
        return [e for e in self._by_item.get(number, []) if e.field and e.end > e.start]

    def domain_hints(self, number: int) -> dict[str, Entry]:
        """Suggested domains of an item: domain id -> entry (shown in the inspector)."""
        return {e.domain_id: e for e in self._by_item.get(number, []) if e.kind == "Domein" and e.domain_id}

    def find(self, key: str) -> Entry | None:
        return self._by_key.get(key)

    def _drop(self, key: str) -> None:
        self._set(self._raw, [e for e in self._entries if e.key != key])
        self.updated.emit()

    # -- deciding -------------------------------------------------------------------------------

    def accept(self, key: str) -> bool:
        """Accept a suggestion (undoable); False when the core refused (the error is shown)."""
        from briefer.suggest import accept

        doc_id = self.doc_id
        if doc_id is None:
            return False
        try:
            result = accept(self.ws.store, self.ws.ann, doc_id, key, suggestions=self._raw)
        except Exception as exc:
            self.ws.failed.emit(exc)
            return False
        self._drop(key)
        self.ws.undo_stack.push(AcceptCommand(self, doc_id, key, result))
        self.ws.changed.emit()
        return True

    def dismiss(self, key: str) -> bool:
        """Dismiss a suggestion for good (undoable: the decision is forgotten again)."""
        from briefer.suggest import dismiss

        doc_id = self.doc_id
        if doc_id is None:
            return False
        entry = self.find(key)
        try:
            dismiss(self.ws.store, doc_id, key, suggestions=self._raw)
        except Exception as exc:
            self.ws.failed.emit(exc)
            return False
        self._drop(key)
        label = f"Suggestie afwijzen ({entry.phrase if entry else 'suggestie'}, vraag {entry.item if entry else '?'})"
        self.ws.undo_stack.push(DismissCommand(self, doc_id, key, label))
        return True

    def decided(self, doc_id: str) -> None:
        """An undo or redo changed a decision: recompute when that document is open."""
        if doc_id == self.doc_id:
            self.refresh()


class AcceptCommand(QUndoCommand):
    """GUI: accepting a suggestion, undoable (undo_accept) and redoable (accept again)."""

    def __init__(self, controller: SuggestionController, doc_id: str, key: str, result: Any) -> None:
        super().__init__(result.label)
        self.controller, self.doc_id, self.key, self.result = controller, doc_id, key, result
        self._first = True

    def redo(self) -> None:
        if self._first:
            self._first = False
            return
        from briefer.suggest import accept

        ws = self.controller.ws
        try:
            cached = self.controller._raw if self.controller.doc_id == self.doc_id else None
            self.result = accept(ws.store, ws.ann, self.doc_id, self.key, suggestions=cached)
        except Exception as exc:
            self.setObsolete(True)
            ws.failed.emit(exc)
        self.controller.decided(self.doc_id)
        ws.changed.emit()

    def undo(self) -> None:
        from briefer.suggest import undo_accept

        ws = self.controller.ws
        try:
            undo_accept(ws.store, ws.ann, self.doc_id, self.result)
        except Exception as exc:
            self.setObsolete(True)
            ws.failed.emit(exc)
        self.controller.decided(self.doc_id)
        ws.changed.emit()


class DismissCommand(QUndoCommand):
    """GUI: dismissing a suggestion; undo forgets the decision (`restore`), redo dismisses again."""

    def __init__(self, controller: SuggestionController, doc_id: str, key: str, label: str) -> None:
        super().__init__(label)
        self.controller, self.doc_id, self.key = controller, doc_id, key
        self._first = True

    def redo(self) -> None:
        if self._first:
            self._first = False
            return
        from briefer.suggest import dismiss

        try:
            dismiss(self.controller.ws.store, self.doc_id, self.key)
        except Exception as exc:
            self.setObsolete(True)
            self.controller.ws.failed.emit(exc)
        self.controller.decided(self.doc_id)

    def undo(self) -> None:
        from briefer.suggest import restore

        try:
            restore(self.controller.ws.store, self.doc_id, self.key)
        except Exception as exc:
            self.setObsolete(True)
            self.controller.ws.failed.emit(exc)
        self.controller.decided(self.doc_id)
