"""GUI: searching: the find bar over the open document (Ctrl+F) and the search dialog (Ctrl+K).

The dialog asks the core (`Annotations.search`: items, notes, highlight notes) and narrows the
hits with `Annotations.filter_items` for the domain/level/status/note filters. Snippets arrive
with hits marked «…» and are shown with the hit in bold.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRectF,
    QSize,
    Qt,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtGui import QAbstractTextDocumentLayout, QKeyEvent, QPainter, QPalette, QTextDocument
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from briefer.gui.dialogs import LEVEL_LABELS, STATUS_LABELS
from briefer.gui.labels import document_label, is_paragraphs, item_noun
from briefer.gui.models import item_snippet
from briefer.gui.theme import colour
from briefer.model import Domain, StoredDocument, StoredItem

HIT_MARK = re.compile(r"«(.+?)»")
HitRole = Qt.ItemDataRole.UserRole + 10


@dataclass
class OpenRequest:
    """GUI: what opening a search result asks of the window."""

    document_id: str
    item_id: str
    term: str


def snippet_html(snippet: str) -> str:
    """Escape a snippet and turn «hit» into bold."""
    return HIT_MARK.sub(lambda m: f"<b style='background:{colour('find_hit')}'>{m.group(1)}</b>", html.escape(snippet))


def plain_snippet(snippet: str) -> str:
    """The snippet without its hit marks (for screen readers)."""
    return HIT_MARK.sub(lambda m: m.group(1), snippet)


def first_hit_term(snippet: str) -> str:
    m = HIT_MARK.search(snippet)
    return m.group(1) if m else ""


class HtmlDelegate(QStyledItemDelegate):
    """GUI: renders a list entry's HTML (search results with bold hits).

    Laid-out documents are kept per (html, width, font): the view asks for every row's size and
    paints rows again on each scroll or selection change, and laying out HTML is the costly part.
    """

    CACHE_SIZE = 1000

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._docs: dict[tuple[str, int, str], QTextDocument] = {}

    def _doc(self, option: QStyleOptionViewItem, text: str) -> QTextDocument:
        width = max(100, option.rect.width() - 8)
        key = (text, width, option.font.key())
        doc = self._docs.get(key)
        if doc is None:
            if len(self._docs) >= self.CACHE_SIZE:
                self._docs.clear()
            doc = QTextDocument()
            doc.setDefaultFont(option.font)
            doc.setHtml(text)
            doc.setTextWidth(width)
            self._docs[key] = doc
        return doc

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        if selected:  # the muted and red words must stay readable on the selection colour
            text = text.replace(colour("muted"), "#e3ebf6").replace(colour("confidential"), "#ffffff")
        doc = self._doc(opt, text)
        opt.text = ""
        style = opt.widget.style() if opt.widget else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        painter.save()
        painter.translate(opt.rect.left() + 4, opt.rect.top() + 3)
        ctx = QAbstractTextDocumentLayout.PaintContext()
        if selected:
            ctx.palette.setColor(QPalette.ColorRole.Text, opt.palette.highlightedText().color())
        ctx.clip = QRectF(0, 0, opt.rect.width(), opt.rect.height())
        doc.documentLayout().draw(painter, ctx)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        width = opt.widget.viewport().width() if opt.widget else 500
        opt.rect.setWidth(width)
        doc = self._doc(opt, str(index.data(Qt.ItemDataRole.DisplayRole) or ""))
        return QSize(width, int(doc.size().height()) + 6)


class SearchDialog(QDialog):
    """GUI: Ctrl+K, search everything with filters; activating a result opens the item."""

    open_requested = Signal(object)  # OpenRequest

    def __init__(self, workspace: Any, parent: QWidget | None = None, *,
                 current_document: str | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Zoeken in alles")
        self.resize(760, 560)
        self.ws = workspace
        self.current_document = current_document
        self.query = QLineEdit()
        self.query.setPlaceholderText("Zoek in vragen, antwoorden, notities en markeringen…")
        self.query.setClearButtonEnabled(True)
        self.query.setAccessibleName("Zoekterm")
        filters = QHBoxLayout()
        self.domain = QComboBox()
        self.domain.addItem("Alle domeinen", None)
        domains: list[Domain] = workspace.query(workspace.ann.domains, default=[])
        for d in domains:
            self.domain.addItem(d.name, d.id)
        self.party = QComboBox()
        self.party.addItem("Alle fracties", None)
        parties: list[str] = []
        for doc in workspace.query(workspace.store.documents, default=[]):
            parties += [p for p in doc.parties if p not in parties]
        for p in parties:
            self.party.addItem(p, p)
        self.level = QComboBox()
        self.level.addItem("Elk niveau", None)
        for level, label in LEVEL_LABELS.items():
            self.level.addItem(label, str(level))
        self.status = QComboBox()
        self.status.addItem("Elke status", None)
        for status, label in STATUS_LABELS.items():
            self.status.addItem(f"Vervolgactie {label.lower()}", str(status))
        for combo, name in ((self.domain, "Filter op domein"), (self.party, "Filter op fractie"),
                            (self.level, "Filter op niveau"), (self.status, "Filter op status van vervolgacties")):
            combo.setAccessibleName(name)
        self.has_note = QCheckBox("Met &notitie")
        self.this_doc = QCheckBox("Alleen &dit document")
        self.this_doc.setEnabled(current_document is not None)
        for w in (self.domain, self.party, self.level, self.status):
            filters.addWidget(w)
            w.currentIndexChanged.connect(self._schedule)
        for cb in (self.has_note, self.this_doc):
            filters.addWidget(cb)
            cb.toggled.connect(self._schedule)
        self.results = QListWidget()
        self.results.setItemDelegate(HtmlDelegate(self.results))
        self.results.setWordWrap(True)
        self.results.setUniformItemSizes(False)
        self.results.itemActivated.connect(self._activate)
        self.results.setAccessibleName("Zoekresultaten")
        self.results.setAccessibleDescription("Enter opent het resultaat; vertrouwelijke treffers staan als "
                                              "VERTROUWELIJK gemarkeerd")
        self.status_label = QLabel("")
        self.status_label.setObjectName("muted")
        layout = QVBoxLayout(self)
        layout.addWidget(self.query)
        layout.addLayout(filters)
        layout.addWidget(self.results, 1)
        layout.addWidget(self.status_label)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(200)
        self._timer.timeout.connect(self.run_search)
        self.query.textChanged.connect(self._schedule)
        self.query.returnPressed.connect(self._enter)
        self.query.installEventFilter(self)  # ↓ / ↑ move through the results while typing
        self.status_label.setText("Typ een zoekterm of kies een filter. ↓ ↑ kiezen, Enter opent, Esc sluit.")

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if obj is self.query and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            step = {Qt.Key.Key_Down: 1, Qt.Key.Key_Up: -1, Qt.Key.Key_PageDown: 5, Qt.Key.Key_PageUp: -5}.get(
                Qt.Key(event.key()))
            if step is not None and self.results.count():
                row = max(0, min(self.results.count() - 1, self.results.currentRow() + step))
                self.results.setCurrentRow(row)
                self.results.scrollToItem(self.results.currentItem())
                return True
        return super().eventFilter(obj, event)

    @Slot()
    def _schedule(self) -> None:
        self._timer.start()

    def filters_active(self) -> bool:
        return any(w.currentData() is not None for w in (self.domain, self.level, self.status)) or \
            self.has_note.isChecked()

    @Slot()
    def run_search(self) -> None:
        """Search now (the dialog also searches 200 ms after each change)."""
        self._timer.stop()
        self.results.clear()
        query = self.query.text().strip()
        doc_id = self.current_document if self.this_doc.isChecked() else None
        party = self.party.currentData()
        if not query and not self.filters_active():
            self.status_label.setText("Typ een zoekterm of kies een filter.")
            return
        filters = {"domain_id": self.domain.currentData(), "level": self.level.currentData(),
                   "status": self.status.currentData(), "has_note": True if self.has_note.isChecked() else None}
        docs = {d.id: d for d in self.ws.query(self.ws.store.documents, default=[])}
        entries: list[tuple[str, str, str, str, str]] = []  # html, plain text, doc id, item id, term
        if query:  # the filters apply inside the search, over every match (not to the first 200)
            hits = self.ws.query(self.ws.ann.search, query, party=party, document_id=doc_id, limit=200,
                                 default=[], **filters)
            for hit in hits:
                if hit.item_id is None:
                    continue
                doc = docs.get(hit.document_id)
                where = FIELD_LABELS.get(hit.field, hit.field)
                if doc is not None and is_paragraphs(doc.doc_type) and hit.field in ("question", "answer"):
                    where = "tekst"
                head = result_head(doc, hit.item_number, hit.party) + f" · {where}"
                level = self.hit_level(hit)
                mark = plain_mark = ""
                if level == "vertrouwelijk":  # as the reader marks it: words, colour and the padlock
                    mark = (f"<span style='color:{colour('confidential')}'><b>VERTROUWELIJK</b></span> · ")
                    plain_mark = "Vertrouwelijk. "
                entries.append((f"{mark}<span style='color:{colour('muted')}'>{html.escape(head)}</span><br>"
                                f"{snippet_html(hit.snippet)}", f"{plain_mark}{head}. {plain_snippet(hit.snippet)}",
                                hit.document_id, hit.item_id, first_hit_term(hit.snippet)))
        else:
            items = self.ws.query(self.ws.ann.filter_items, document_id=doc_id, party=party, default=[], **filters)
            for it in items[:500]:
                doc = docs.get(it.document_id)
                head = result_head(doc, it.number, it.party)
                entries.append((f"<span style='color:{colour('muted')}'>{html.escape(head)}</span><br>"
                                f"{html.escape(item_snippet(it, 200))}", f"{head}. {item_snippet(it, 200)}",
                                it.document_id, it.id, ""))
        for text, plain, doc_id_, item_id, term in entries:
            entry = QListWidgetItem(text)
            entry.setData(Qt.ItemDataRole.AccessibleTextRole, plain)  # a screen reader reads words, not HTML
            entry.setData(HitRole, OpenRequest(doc_id_, item_id, term))
            self.results.addItem(entry)
        self.status_label.setText(f"{len(entries)} resultaten" if entries else "Niets gevonden.")
        if entries:
            self.results.setCurrentRow(0)

    def hit_level(self, hit: Any) -> str | None:
        """The level of a note or highlight hit (the core's own when it reports one)."""
        level = getattr(hit, "level", None)
        if level is not None:
            return str(level)
        ann = self.ws.ann
        if hit.kind == "highlight" and hit.ref_id:
            found = self.ws.query(ann.highlight, hit.ref_id)
            return str(found.level) if found is not None else None
        if hit.kind == "note" and hit.item_id:
            note = self.ws.query(ann.note, hit.document_id, hit.item_id)
            return str(note.level) if note is not None else None
        return None

    @Slot()
    def _enter(self) -> None:
        if self._timer.isActive():
            self.run_search()
        entry = self.results.currentItem()
        if entry is not None:
            self._activate(entry)

    @Slot(QListWidgetItem)
    def _activate(self, entry: QListWidgetItem) -> None:
        self.open_requested.emit(entry.data(HitRole))
        self.accept()


FIELD_LABELS = {"question": "vraag", "answer": "antwoord", "note": "notitie", "highlight": "markering"}


def result_head(doc: StoredDocument | None, number: int | None, party: str | None) -> str:
    """"30 821 nr. 196 · vraag 16 · D66" ("alinea 3" in an unrecognised document)."""
    noun = item_noun(doc.doc_type if doc else None).lower()
    return f"{document_label(doc) if doc else ''} · {noun} {number}" + (f" · {party}" if party else "")


class FindBar(QWidget):
    """GUI: Ctrl+F over the open document: counts the hits and steps through them (Enter / Shift+Enter,
    F3 / Shift+F3); the window's navigation does the finding."""

    find_requested = Signal(str, bool)  # text, backwards
    closed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        label = QLabel("&Zoeken in document:")
        layout.addWidget(label)
        self.edit = QLineEdit()
        label.setBuddy(self.edit)
        self.edit.setAccessibleName("Zoeken in document")
        self.edit.setAccessibleDescription("Enter: volgende treffer, Shift+Enter: vorige; F3 en Shift+F3 ook")
        self.edit.setPlaceholderText("tekst…  (Enter: volgende, Shift+Enter: vorige treffer)")
        self.edit.setClearButtonEnabled(True)
        layout.addWidget(self.edit, 1)
        prev_btn = QToolButton()
        prev_btn.setText("▲")
        prev_btn.setToolTip("Vorige treffer (Shift+F3)")
        prev_btn.setAccessibleName("Vorige treffer")
        next_btn = QToolButton()
        next_btn.setText("▼")
        next_btn.setToolTip("Volgende treffer (F3)")
        next_btn.setAccessibleName("Volgende treffer")
        close_btn = QToolButton()
        close_btn.setText("✕")
        close_btn.setToolTip("Sluiten (Esc)")
        close_btn.setAccessibleName("Zoekbalk sluiten")
        self.count = QLabel("")
        self.count.setObjectName("muted")
        self.count.setAccessibleName("Aantal treffers")
        for w in (prev_btn, next_btn, self.count, close_btn):
            layout.addWidget(w)
        prev_btn.clicked.connect(lambda: self.find_requested.emit(self.edit.text(), True))
        next_btn.clicked.connect(lambda: self.find_requested.emit(self.edit.text(), False))
        self.edit.returnPressed.connect(self._enter)
        close_btn.clicked.connect(self.close_bar)
        self.setVisible(False)

    @Slot()
    def _enter(self) -> None:
        backwards = bool(QApplication.keyboardModifiers() & Qt.KeyboardModifier.ShiftModifier)
        self.find_requested.emit(self.edit.text(), backwards)

    def set_count(self, text: str) -> None:
        """"3 van 12" (the current hit of all hits), or "niet gevonden"."""
        self.count.setText(text)
        self.count.setAccessibleDescription(text)

    def open_bar(self) -> None:
        self.setVisible(True)
        self.edit.setFocus()
        self.edit.selectAll()

    @Slot()
    def close_bar(self) -> None:
        self.setVisible(False)
        self.closed.emit()

    def keyPressEvent(self, event: Any) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.close_bar()
            return
        super().keyPressEvent(event)


def matching_items(items: list[StoredItem], text: str) -> list[StoredItem]:
    """Items whose question or answer contains `text` (case-insensitive), in document order."""
    needle = text.casefold()
    return [it for it in items if needle in it.question.casefold() or needle in it.answer.casefold()]
