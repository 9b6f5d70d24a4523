"""GUI: the Suggesties panel as a review queue (a dock, Beeld → Suggesties, Ctrl+Shift+S).

Left, the open document's suggestions grouped by kind with counts ("Toezeggingen (14)",
"Vertrouwelijk (6)", "Domeinen (24)", "Verwijzingen (3)"); domain suggestions the suggester is
not sure of (score below LOW_CONFIDENCE) are folded away under "Minder zeker". Right, the one
suggestion in focus with its context: the sentence inside its paragraph, the item it belongs to.

Keys in the queue: Enter (or A) accepts, Delete (or D) dismisses, N or Space goes to the next
one; after a decision the next suggestion comes into focus. "Hele groep overnemen…" accepts
every suggestion of the focused group (after a question). It lists what the
`SuggestionController` holds and asks it to decide; it never computes.

The queue is a QTreeView over `QueueModel` (no object per row, issue 16): 17,500 suggestions are
listed in a model reset, and walking the queue looks rows up by key instead of walking the tree.
"""

from __future__ import annotations

import html
from collections.abc import Callable

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from briefer.gui.delegates import QueueDelegate
from briefer.gui.queue_model import (
    GROUPS,
    LOW_CONFIDENCE,
    GistRole,
    GroupRole,
    KeyRole,
    QueueModel,
    WhereRole,
)
from briefer.gui.queue_model import queue_order as _queue_order
from briefer.gui.suggestions import Entry, SuggestionController, summary
from briefer.gui.theme import colour
from briefer.model import StoredItem
from briefer.textutil import strip_footnote_markers

EMPTY = "Geen open suggesties. Briefer stelt toezeggingen, domeinen en vertrouwelijke passages voor."
__all__ = ["GROUPS", "LOW_CONFIDENCE", "GistRole", "GroupRole", "KeyRole", "SuggestionsPanel", "WhereRole",
           "context_html"]
CONTEXT_CHARS = 320
BIG_QUEUE = 1500  # suggestions: above this the groups are opened one per event-loop turn (issue 16)
QUEUE_SHARE = 0.42  # of the panel's width, for the queue (its gists), the rest for the context


def context_html(entry: Entry, item: StoredItem | None, noun: str = "Vraag") -> str:
    """The focused suggestion in its context: the sentence in bold inside the text around it."""
    head = f"{noun} {entry.item}" + (f" · {item.party}" if item is not None and item.party else "")
    parts = [f"<p style='color:{colour('muted')}'>{html.escape(head)} · {html.escape(entry.title)}</p>"]
    if item is not None and entry.field in ("question", "answer") and entry.end > entry.start:
        text = item.text(entry.field)
        before = strip_footnote_markers(text[max(0, entry.start - CONTEXT_CHARS):entry.start])
        sentence = strip_footnote_markers(text[entry.start:entry.end])
        after = strip_footnote_markers(text[entry.end:entry.end + CONTEXT_CHARS])
        where = "Uit het antwoord" if entry.field == "answer" else "Uit de vraag"
        parts.append(f"<p><i>{where}:</i><br>{'…' if entry.start > CONTEXT_CHARS else ''}"
                     f"{html.escape(before)}<b style='background:{colour('find_hit')}'>{html.escape(sentence)}</b>"
                     f"{html.escape(after)}{'…' if entry.end + CONTEXT_CHARS < len(text) else ''}</p>")
    else:
        parts.append(f"<p><b>{html.escape(entry.text)}</b></p>")
        if item is not None:
            question = strip_footnote_markers(" ".join((item.question or item.answer).split()))
            parts.append(f"<p><i>De vraag:</i><br>{html.escape(question[:2 * CONTEXT_CHARS])}"
                         f"{'…' if len(question) > 2 * CONTEXT_CHARS else ''}</p>")
    if entry.kind == "Vertrouwelijk":
        parts.append(f"<p style='color:{colour('confidential')}'><b>VERTROUWELIJK</b> — overnemen maakt een "
                     "vertrouwelijke vervolgactie (en markering); die komt alleen in een als vertrouwelijk "
                     "gemarkeerde briefing.</p>")
    elif entry.kind == "Domein":
        sure = "zeker" if entry.score >= LOW_CONFIDENCE else "minder zeker"
        parts.append(f"<p style='color:{colour('muted')}'>Op grond van: {html.escape(entry.text)} ({sure})</p>")
    return "".join(parts)


class SuggestionsPanel(QWidget):
    """GUI: review the open document's suggestions one by one (Enter overnemen, Delete afwijzen, N volgende)."""

    open_item = Signal(int)  # item number

    def __init__(self, controller: SuggestionController, item_by_number: Callable[[int], StoredItem | None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.item_by_number = item_by_number
        self._current_number: int | None = None
        self.noun = "Vraag"  # "Alinea" in an unrecognised document (set with the document)
        self._in_reload = False
        self._loading = False
        self._focus_key: str | None = None
        self._order: list[str] = []
        self._relist_pending = False
        self._opening: list[int] = []  # group heads still to be opened (a big queue, one per turn)
        self.only_item = QCheckBox("Alleen deze &vraag")
        self.only_item.setToolTip("Toon alleen de suggesties bij de vraag die nu in de lezer staat")
        self.only_item.toggled.connect(lambda _on: self.reload())
        self.info = QLabel("")
        self.info.setObjectName("muted")
        self.info.setWordWrap(True)
        self.model = QueueModel(item_by_number, self)
        self.tree = QTreeView()
        self.tree.setModel(self.model)
        self.tree.setHeaderHidden(True)
        self.tree.setRootIsDecorated(True)
        self.tree.setUniformRowHeights(False)  # group heads one line, suggestions two
        self.tree.setItemDelegate(QueueDelegate(self.tree, GistRole, WhereRole))
        self.tree.setAccessibleName("Wachtrij met suggesties")
        self.tree.setAccessibleDescription("Enter: overnemen, Delete: afwijzen, N: volgende")
        self.tree.selectionModel().currentChanged.connect(lambda cur, _prev: self._focused(cur))
        self.tree.activated.connect(lambda _index: self.accept_current())
        self.tree.installEventFilter(self)
        self.context = QTextBrowser()
        self.context.setAccessibleName("De gekozen suggestie in haar context")
        self.context.setOpenLinks(False)
        self.accept_button = QPushButton("&Overnemen (Enter)")
        self.dismiss_button = QPushButton("&Afwijzen (Delete)")
        self.next_button = QPushButton("&Volgende (N)")
        self.group_button = QPushButton("Hele &groep overnemen…")
        self.group_button.setToolTip("Alle suggesties van deze soort overnemen (na een vraag; ongedaan te maken)")
        self.accept_button.clicked.connect(self.accept_current)
        self.dismiss_button.clicked.connect(self.dismiss_current)
        self.next_button.clicked.connect(self.next_suggestion)
        self.group_button.clicked.connect(self.accept_group)
        top = QHBoxLayout()
        top.addWidget(self.info, 1)
        top.addWidget(self.only_item)
        buttons = QHBoxLayout()
        for b in (self.accept_button, self.dismiss_button, self.next_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(self.group_button)
        split = QSplitter()  # the buttons go under both panes: the context pane may be narrow
        split.setChildrenCollapsible(False)
        split.addWidget(self.tree)
        split.addWidget(self.context)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 1)
        split.splitterMoved.connect(self._splitter_moved)
        self.splitter = split
        split.installEventFilter(self)  # its resizes keep the share (_share_width)
        self._user_split = False  # until the staffer drags the divider the queue keeps QUEUE_SHARE
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 4)
        layout.setSpacing(3)
        layout.addLayout(top)
        layout.addWidget(split, 1)
        layout.addLayout(buttons)
        controller.updated.connect(self._updated)
        self.reload()

    def _share_width(self) -> None:
        """Until the staffer drags the divider, the queue keeps QUEUE_SHARE of the width."""
        if not self._user_split:
            width = self.splitter.width()
            self.splitter.setSizes([int(width * QUEUE_SHARE), width - int(width * QUEUE_SHARE)])

    @Slot(int, int)
    def _splitter_moved(self, _pos: int, _index: int) -> None:
        self._user_split = True

    # -- listing --------------------------------------------------------------------------------

    def set_current_item(self, number: int | None) -> None:
        """The reader shows another item (only relists when "Alleen deze vraag" is on)."""
        self._current_number = number
        if self.only_item.isChecked():
            self.reload()

    def shown_entries(self) -> list[Entry]:
        ctrl = self.controller
        if self.only_item.isChecked() and self._current_number is not None:
            return ctrl.for_item(self._current_number)
        return ctrl.entries()

    @Slot()
    def _updated(self) -> None:
        """The controller's suggestions changed. A big list is relisted in the next event-loop turn,
        so the outline's marks (another receiver) and the queue do not stall the window together."""
        if self.controller.count() > BIG_QUEUE:
            self._relist_pending = True
            QTimer.singleShot(0, self, self._relist)
        else:
            self.reload()

    @Slot()
    def _relist(self) -> None:
        if self._relist_pending:
            self._relist_pending = False
            self.reload()

    @Slot()
    def reload(self) -> None:
        """List the suggestions again (computed, decided, another document). The reader follows the
        queue only when the staffer moves in it or decides, never because the list was refreshed."""
        self._relist_pending = False
        self._in_reload = True
        try:
            self._reload()
        finally:
            self._in_reload = False

    def _reload(self) -> None:
        shown = self.shown_entries()
        keep = self._focus_key
        self._loading = True
        try:
            self.model.set_entries(shown, self.noun)
            heads = list(range(len(self.model.groups())))
            if len(shown) > BIG_QUEUE:  # laying out thousands of rows at once would stall the window
                self._opening = heads
                QTimer.singleShot(0, self, self._open_next_group)
            else:
                self._opening = []
                for g in heads:
                    self.tree.expand(self.model.head_index(g))  # the folds stay closed
        finally:
            self._loading = False
        order = self.model.keys()
        target = keep if keep in order else self._next_after(keep, order)
        self.focus_key(target or (order[0] if order else None))
        ctrl = self.controller
        if not ctrl.ready and not shown:
            self.info.setText("Suggesties worden berekend…")
        elif self.only_item.isChecked():
            total = len(ctrl.entries())
            self.info.setText(f"Bij deze vraag: {len(shown)} van {total} suggesties." if shown
                              else f"Geen suggesties bij deze vraag ({total} in het document).")
        else:
            self.info.setText(summary(shown) if shown else EMPTY)
        enabled = bool(shown)
        for b in (self.accept_button, self.dismiss_button, self.next_button, self.group_button):
            b.setEnabled(enabled)
        if not shown:
            self.context.setHtml(f"<p style='color:{colour('muted')}'>{html.escape(EMPTY)}</p>")

    def filling(self) -> bool:
        """True while a big queue is still being listed (its groups opened one per event-loop turn)."""
        return self._relist_pending or bool(self._opening)

    @Slot()
    def _open_next_group(self) -> None:
        """Open the next group head of a big queue; the rest follow in later turns, so an item
        switch in between waits for one group's layout at most. The focused row stays in view."""
        if not self._opening:
            return
        g = self._opening.pop(0)
        if g < len(self.model.groups()):
            self.tree.expand(self.model.head_index(g))
            self.tree.scrollTo(self.tree.currentIndex())
        if self._opening:
            QTimer.singleShot(0, self, self._open_next_group)

    @staticmethod
    def queue_order(entries: list[Entry]) -> list[Entry]:
        """The order of the queue: by group, sure ones first, then the folded ones; by item within."""
        return _queue_order(entries)

    def _next_after(self, key: str | None, order: list[str]) -> str | None:
        """After a decision the old key is gone: the one that followed it in the previous order."""
        previous = self._order
        self._order = order
        if key is None or key not in previous:
            return None
        present = set(order)
        for later in previous[previous.index(key) + 1:]:
            if later in present:
                return later
        return order[-1] if order else None

    def _rows(self) -> list[QModelIndex]:
        """The suggestion rows in the queue's order (group heads and folds left out)."""
        return [self.model.index_of(key) for key in self.model.keys()]

    def keys(self) -> list[str]:
        """The listed suggestions' keys, in the queue's order."""
        return self.model.keys()

    def focus_key(self, key: str | None) -> None:
        index = self.model.index_of(key)
        if not index.isValid():
            self._focus_key = None
            return
        parent = index.parent()
        while parent.isValid():
            self.tree.expand(parent)
            parent = parent.parent()
        self.tree.setCurrentIndex(index)
        self.tree.scrollTo(index)

    def current(self) -> Entry | None:
        key = self.tree.currentIndex().data(KeyRole)
        return self.controller.find(key) if key else None

    # -- focus and context ------------------------------------------------------------------------

    def _focused(self, index: QModelIndex) -> None:
        if not index.isValid() or self._loading:
            return
        key = index.data(KeyRole)
        if not key:
            return
        e = self.controller.find(key)
        if e is None:
            return
        self._focus_key = key
        self.context.setHtml(context_html(e, self.item_by_number(e.item), self.noun))
        if e.item != self._current_number and self.tree.hasFocus() and not self._in_reload:
            self.open_item.emit(e.item)  # the user walks the queue

    # -- keys -----------------------------------------------------------------------------------

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and obj is getattr(self, "splitter", None):
            QTimer.singleShot(0, self, self._share_width)  # after the splitter laid itself out
            return False
        queue_keys = (Qt.Key.Key_A, Qt.Key.Key_D, Qt.Key.Key_N)
        if obj is self.tree and event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent) \
                and event.key() in queue_keys and not event.modifiers():
            event.accept()  # in the queue N means "next", not the window's "new note"
            return True
        if obj is self.tree and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            key = event.key()
            if event.modifiers() in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier):
                if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_A):
                    self.accept_current()
                    return True
                if key in (Qt.Key.Key_Delete, Qt.Key.Key_D):
                    self.dismiss_current()
                    return True
                if key in (Qt.Key.Key_N, Qt.Key.Key_Space):
                    self.next_suggestion()
                    return True
        return super().eventFilter(obj, event)

    # -- deciding -------------------------------------------------------------------------------

    @Slot()
    def next_suggestion(self) -> None:
        keys = self.model.keys()
        if not keys:
            return
        current = self.tree.currentIndex().data(KeyRole)
        index = keys.index(current) + 1 if self.model.index_of(current).isValid() else 0
        self.tree.setFocus()
        self.focus_key(keys[index % len(keys)])

    def _decide(self, accept: bool) -> None:
        e = self.current()
        if e is None:
            return
        self._focus_key = e.key  # reload finds the one after it
        self._order = self.model.keys()  # the queue as listed
        if accept:
            self.controller.accept(e.key)
        else:
            self.controller.dismiss(e.key)
        self._relist()  # a big queue relists in the next turn: the staffer's next one is wanted now
        self.tree.setFocus()
        following = self.current()
        if following is not None and following.item != self._current_number:
            self.open_item.emit(following.item)  # the next one in the queue, in the reader

    @Slot()
    def accept_current(self) -> None:
        self._decide(True)

    @Slot()
    def dismiss_current(self) -> None:
        self._decide(False)

    def group_entries(self) -> list[Entry]:
        """The suggestions of the focused group (its sure ones, plus the folded ones when the focus is there)."""
        group, folded = self.model.group_of(self.tree.currentIndex())
        if group is None:
            return []
        return [e for e in self.shown_entries() if e.kind == group.kind and (e.score >= LOW_CONFIDENCE or folded)]

    @Slot()
    def accept_group(self, *, confirm: bool = True) -> int:
        """Accept every suggestion of the focused group; returns how many were accepted."""
        group = self.group_entries()
        if not group:
            return 0
        if confirm:
            kind = group[0].title if group[0].kind != "Domein" else "domein"
            answer = QMessageBox.question(self, "Groep overnemen",
                                          f"Alle {len(group)} suggesties van de soort ‘{kind.lower()}’ overnemen? "
                                          "U kunt ze één voor één ongedaan maken (Ctrl+Z).")
            if answer != QMessageBox.StandardButton.Yes:
                return 0
        done = 0
        for e in group:
            if self.controller.find(e.key) is not None and self.controller.accept(e.key):
                done += 1
        self.tree.setFocus()
        return done
