"""GUI: the suggestions list (Beeld → Suggesties): toezeggingen, domains, confidentiality cues and
references found by `briefer.suggest`, each accepted or dismissed with one key.

Accepting goes through `briefer.suggest.accept` (which annotates through the annotation layer) and
lands on the undo stack as one command; undo calls `briefer.suggest.undo_accept`.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QKeySequence, QShortcut, QUndoCommand
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from briefer.gui.labels import document_label, nl_date
from briefer.gui.search import HtmlDelegate
from briefer.gui.theme import CONFIDENTIAL_RED
from briefer.model import StoredDocument

KIND_PLURALS = {"Toezegging": "toezeggingen", "Domein": "domeinen", "Vertrouwelijk": "vertrouwelijk",
                "Verwijzing": "verwijzingen"}


@dataclass
class Entry:
    """GUI: one suggestion as listed."""

    key: str
    kind: str
    item: int
    text: str


def entries(s: Any) -> list[Entry]:
    """Flatten a core `Suggestions` bundle into list entries, in item order."""
    out = [Entry(t.key, "Toezegging", t.item, t.sentence + (f"  (termijn {nl_date(t.due)})" if t.due else ""))
           for t in s.toezeggingen]
    out += [Entry(c.key, "Vertrouwelijk", c.item, c.sentence) for c in s.confidential]
    for d in s.domains:
        out += [Entry(o.key, f"Domein: {o.name}", d.item, ", ".join(o.evidence[:5])) for o in d.domains]
    out += [Entry(r.key, "Verwijzing", r.item, f"verwijst naar vraag {r.refers_to_item}") for r in s.references]
    return sorted(out, key=lambda e: e.item)


class AcceptCommand(QUndoCommand):
    """GUI: accepting a suggestion, undoable (undo_accept) and redoable (accept again)."""

    def __init__(self, ws: Any, doc_id: str, key: str, result: Any) -> None:
        super().__init__(result.label)
        self.ws, self.doc_id, self.key, self.result = ws, doc_id, key, result
        self._first = True

    def redo(self) -> None:
        if self._first:
            self._first = False
            return
        from briefer.suggest import accept

        try:
            self.result = accept(self.ws.store, self.ws.ann, self.doc_id, self.key)
        except Exception as exc:
            self.setObsolete(True)
            self.ws.failed.emit(exc)
        self.ws.changed.emit()

    def undo(self) -> None:
        from briefer.suggest import undo_accept

        try:
            undo_accept(self.ws.store, self.ws.ann, self.doc_id, self.result)
        except Exception as exc:
            self.setObsolete(True)
            self.ws.failed.emit(exc)
        self.ws.changed.emit()


class SuggestionsDialog(QDialog):
    """GUI: review the suggestions for the open document (Enter: overnemen, Del: afwijzen)."""

    open_item = Signal(str)  # item id

    def __init__(self, workspace: Any, document: StoredDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Suggesties — {document_label(document)}")
        self.resize(760, 520)
        self.ws, self.document = workspace, document
        self.list = QListWidget()
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        self.list.setItemDelegate(HtmlDelegate(self.list))
        self.list.setSpacing(1)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.list.itemActivated.connect(lambda _e: self.accept_current())
        self.list.currentItemChanged.connect(lambda cur, _p: self._show(cur))
        self.info = QLabel("")
        self.info.setStyleSheet("color: #5f6b7a;")
        accept_btn = QPushButton("Overnemen (Enter)")
        dismiss_btn = QPushButton("Afwijzen (Del)")
        close_btn = QPushButton("Sluiten")
        accept_btn.clicked.connect(self.accept_current)
        dismiss_btn.clicked.connect(self.dismiss_current)
        close_btn.clicked.connect(self.reject)
        QShortcut(QKeySequence(Qt.Key.Key_Delete), self, self.dismiss_current)
        buttons = QHBoxLayout()
        buttons.addWidget(self.info, 1)
        for b in (accept_btn, dismiss_btn, close_btn):
            buttons.addWidget(b)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("Voorstellen op basis van de tekst. Overnemen maakt markeringen, tags of "
                                "vervolgacties (ongedaan te maken met Ctrl+Z)."))
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        self.reload()

    def reload(self) -> None:
        from briefer.suggest import suggest_document

        row = max(0, self.list.currentRow())
        self.list.clear()
        suggestions = self.ws.query(suggest_document, self.ws.store, self.document.id,
                                    domains=self.ws.query(self.ws.ann.domains, default=[]))
        found = entries(suggestions) if suggestions is not None else []
        for e in found:
            confidential = e.kind == "Vertrouwelijk"
            head = html.escape(f"Vraag {e.item} · {e.kind}")
            head = f"<b style='color:{CONFIDENTIAL_RED.name()}'>{head.upper()}</b>" if confidential else \
                f"<span style='color:#5f6b7a'>{head}</span>"
            entry = QListWidgetItem(f"{head}<br>{html.escape(e.text)}")
            entry.setData(Qt.ItemDataRole.UserRole, e)
            entry.setToolTip(f"Vraag {e.item} · {e.kind}\n{e.text}")
            self.list.addItem(entry)
        if found:
            kinds: dict[str, int] = {}
            for e in found:
                kind = "Domein" if e.kind.startswith("Domein") else e.kind
                kinds[kind] = kinds.get(kind, 0) + 1
            self.info.setText(f"{len(found)} suggesties: " + ", ".join(
                f"{n} {KIND_PLURALS.get(k, k.lower()) if n > 1 else k.lower()}" for k, n in kinds.items()))
        else:
            self.info.setText("Geen (nieuwe) suggesties.")
        if found:
            self.list.setCurrentRow(min(row, len(found) - 1))

    def current(self) -> Entry | None:
        entry = self.list.currentItem()
        return entry.data(Qt.ItemDataRole.UserRole) if entry else None

    def _show(self, entry: QListWidgetItem | None) -> None:
        if entry is None:
            return
        e: Entry = entry.data(Qt.ItemDataRole.UserRole)
        item = self.ws.query(self.ws.store.item_by_number, self.document.id, e.item)
        if item is not None:
            self.open_item.emit(item.id)

    @Slot()
    def accept_current(self) -> None:
        from briefer.suggest import accept

        e = self.current()
        if e is None:
            return
        try:
            result = accept(self.ws.store, self.ws.ann, self.document.id, e.key)
        except Exception as exc:
            self.ws.failed.emit(exc)
            return
        self.ws.undo_stack.push(AcceptCommand(self.ws, self.document.id, e.key, result))
        self.ws.changed.emit()
        self.reload()

    @Slot()
    def dismiss_current(self) -> None:
        from briefer.suggest import dismiss

        e = self.current()
        if e is None:
            return
        try:
            dismiss(self.ws.store, self.document.id, e.key)
        except Exception as exc:
            self.ws.failed.emit(exc)
            return
        self.reload()
