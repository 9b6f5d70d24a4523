"""GUI: the inspector beside the reader: the item's domains, note, highlights and follow-ups.

It only displays what the window hands it and emits signals for every user action; the window
turns those into core calls (as undoable commands). Note edits are saved after a short pause
(and at once when the item changes), so nothing typed is lost. Domains the suggestions propose for
the item carry a quiet grey "suggestie" beside their name (ticking the box accepts it).
"""

from __future__ import annotations

import markdown
from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    QSize,
    Qt,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtGui import QAction, QBrush, QFontMetrics, QKeySequence, QPainter, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from briefer.gui.dialogs import STATUS_LABELS
from briefer.gui.labels import KIND_LABELS, level_column_text, nl_date
from briefer.gui.levels_widget import LevelSelector
from briefer.gui.models import item_label
from briefer.gui.suggestions import Entry
from briefer.gui.theme import (
    CONFIDENTIAL_RED,
    DEFAULT_HIGHLIGHT_HEX,
    MUTED,
    dot_and_level_icon,
    dot_icon,
    level_icon,
    lock_icon,
)
from briefer.gui.widgets import FoldTitle, PlaceholderList
from briefer.model import Domain, FollowUp, FollowUpStatus, Highlight, Level, Note, StoredItem
from briefer.textutil import shorten

NOTE_SAVE_DELAY_MS = 700
NO_HIGHLIGHTS = "Nog geen markeringen. Selecteer tekst en druk 1–9 (domein) of H."
NO_FOLLOWUPS = "Nog geen vervolgacties. Druk F om er een toe te voegen."
HintRole = Qt.ItemDataRole.UserRole + 1  # "suggestie" beside a domain the suggestions propose


class DomainHintDelegate(QStyledItemDelegate):
    """GUI: a domain row as usual, with its suggestion hint drawn in grey at the right."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        hint = str(index.data(HintRole) or "")
        if not hint:
            super().paint(painter, option, index)
            return
        fm = QFontMetrics(option.font)
        reserve = fm.horizontalAdvance(hint) + 10
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.rect = opt.rect.adjusted(0, 0, -reserve, 0)
        style = opt.widget.style() if opt.widget else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        painter.save()
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        painter.setPen(option.palette.highlightedText().color() if selected else MUTED)
        painter.drawText(option.rect.adjusted(0, 0, -6, 0),
                         int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), hint)
        painter.restore()


def _fill_height(widget: QWidget, minimum: int) -> None:
    """A list or editor that takes the height the inspector has (never less than `minimum`),
    instead of asking for its size hint: all four sections fit at 768 px without scrolling."""
    policy = widget.sizePolicy()
    policy.setVerticalPolicy(QSizePolicy.Policy.Ignored)
    widget.setSizePolicy(policy)
    widget.setMinimumHeight(minimum)


class Inspector(QScrollArea):
    """GUI: domains (checkable, coloured), Markdown note with preview, highlights, follow-ups.

    The four sections share the height the window gives (the lists and the note take what is
    left, in proportion), so at 1366×768 all four show without scrolling; each title folds its
    section away (click, or Space on the focused title) to give the others room. Folding is kept
    for the session (not stored: the settings file is the core's)."""

    domain_toggled = Signal(str, bool)  # domain id, checked
    note_edited = Signal(str, str, object)  # item id, body, level (None: the user chose none)
    note_level_requested = Signal(str, str)  # note id, level
    followup_level = Signal(str, str)  # follow-up id, level
    highlight_activated = Signal(str)  # highlight id
    highlight_delete = Signal(str)
    highlight_level = Signal(str, str)  # highlight id, level
    highlight_domain = Signal(str, object)  # highlight id, domain id or None
    highlight_note = Signal(str)  # edit the highlight's note
    followup_add = Signal()
    followup_edit = Signal(str)
    followup_delete = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setMinimumWidth(300)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(10, 6, 10, 10)
        layout.setSpacing(4)

        self.header = QLabel("Geen vraag geselecteerd")
        self.header.setWordWrap(True)
        self.header.setObjectName("itemHeader")
        layout.addWidget(self.header)

        self.domains_title = FoldTitle("Domeinen")
        layout.addWidget(self.domains_title)
        self.domains = QListWidget()
        self.domains.setAccessibleName("Domeinen van de vraag")
        self.domains.setAccessibleDescription("Aanvinken tagt de vraag met het domein; toetsen 1 tot 9 doen hetzelfde")
        self.domains.setMaximumHeight(150)
        self.domains.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.domains.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.domains.itemChanged.connect(self._domain_item_changed)
        self.domains.setItemDelegate(DomainHintDelegate(self.domains))
        layout.addWidget(self.domains)
        self.domains_title.fold(self.domains)

        note_row = QHBoxLayout()
        self.note_title = FoldTitle("Notitie")
        note_row.addWidget(self.note_title)
        self.note_badge = QLabel("VERTROUWELIJK")
        self.note_badge.setObjectName("badge")
        self.note_badge.setVisible(False)
        note_row.addWidget(self.note_badge)
        note_row.addStretch(1)
        layout.addLayout(note_row)
        self.note_level = LevelSelector("Niveau van de notitie")
        self.note_level.setToolTip("Niveau van de notitie: bepaalt in welke briefing ze mag staan")
        self.note_level.chosen.connect(self._note_level_chosen)
        layout.addWidget(self.note_level)
        self.note_tabs = QTabWidget()
        self.note_edit = QPlainTextEdit()
        self.note_edit.setPlaceholderText("Notitie in Markdown (N). Wordt vanzelf opgeslagen.")
        self.note_edit.setAccessibleName("Notitie bij de vraag")
        self.note_edit.setAccessibleDescription("Markdown; wordt vanzelf opgeslagen")
        self.note_edit.setTabChangesFocus(True)
        self.note_edit.textChanged.connect(self._note_text_changed)
        self.note_edit.installEventFilter(self)  # save on focus-out, before any undo elsewhere
        self.note_preview = QTextBrowser()
        self.note_preview.setOpenExternalLinks(True)
        self.note_preview.setAccessibleName("Voorbeeld van de notitie")
        self.note_tabs.addTab(self.note_edit, "Bewerken")
        self.note_tabs.addTab(self.note_preview, "Voorbeeld")
        self.note_tabs.currentChanged.connect(self._render_preview)
        _fill_height(self.note_tabs, 110)
        self.note_tabs.setMaximumHeight(320)
        self.note_tabs.setAccessibleName("Notitie: bewerken of voorbeeld")
        layout.addWidget(self.note_tabs, 2)
        self.note_title.fold(self.note_level, self.note_tabs)
        self._body = layout

        self.highlights_title = FoldTitle("Markeringen (0)")
        layout.addWidget(self.highlights_title)
        self.highlights = PlaceholderList(NO_HIGHLIGHTS)
        self.highlights.setWordWrap(True)
        self.highlights.setAccessibleName("Markeringen bij de vraag")
        self.highlights.setAccessibleDescription("Enter: tonen in de tekst; O, I, V: niveau; Delete: verwijderen")
        self.highlights.setIconSize(QSize(34, 16))
        self.highlights.setSpacing(2)
        _fill_height(self.highlights, 80)
        self.highlights.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.highlights.customContextMenuRequested.connect(self._highlight_menu)
        self.highlights.itemActivated.connect(
            lambda it: self.highlight_activated.emit(it.data(Qt.ItemDataRole.UserRole)))
        layout.addWidget(self.highlights, 3)
        self.highlights_title.fold(self.highlights)

        fu_row = QHBoxLayout()
        self.followups_title = FoldTitle("Vervolgacties (0)")
        fu_row.addWidget(self.followups_title)
        self.followups_badge = QLabel()
        self.followups_badge.setPixmap(lock_icon(14).pixmap(14, 14))
        self.followups_badge.setAccessibleName("Bevat vertrouwelijke vervolgacties")
        self.followups_badge.setToolTip("Bevat vertrouwelijke vervolgacties")
        self.followups_badge.setVisible(False)
        fu_row.addWidget(self.followups_badge)
        fu_row.addStretch(1)
        layout.addLayout(fu_row)
        self.followups = PlaceholderList(NO_FOLLOWUPS)
        self.followups.setAccessibleName("Vervolgacties bij de vraag")
        self.followups.setAccessibleDescription("Enter: bewerken; O, I, V: niveau; Delete: verwijderen")
        self.followups.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.followups.customContextMenuRequested.connect(self._followup_menu)
        self.followups.setWordWrap(True)
        self.followups.setSpacing(2)
        _fill_height(self.followups, 64)
        self.followups.itemActivated.connect(
            lambda it: self.followup_edit.emit(it.data(Qt.ItemDataRole.UserRole)))
        layout.addWidget(self.followups, 2)
        button_row = QWidget()
        buttons = QHBoxLayout(button_row)
        buttons.setContentsMargins(0, 0, 0, 0)
        self.add_followup_button = QPushButton("Toevoegen… (F)")
        self.add_followup_button.clicked.connect(self.followup_add.emit)
        self.edit_followup_button = QPushButton("Bewerken")
        self.edit_followup_button.clicked.connect(self._edit_current_followup)
        self.delete_followup_button = QPushButton("Verwijderen")
        self.delete_followup_button.clicked.connect(self._delete_current_followup)
        for b in (self.add_followup_button, self.edit_followup_button, self.delete_followup_button):
            buttons.addWidget(b)
        layout.addWidget(button_row)
        self.followups_title.fold(self.followups, button_row)
        layout.addStretch(0)  # takes the room of folded sections
        self.setWidget(body)
        # keyboard: Del removes the current highlight / follow-up (each undoable)
        for lst, slot in ((self.highlights, self._delete_current_highlight),
                          (self.followups, self._delete_current_followup)):
            shortcut = QShortcut(QKeySequence(Qt.Key.Key_Delete), lst)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(slot)

        self.noun = "Vraag"  # "Alinea" for an unrecognised document (set by the window)
        self._item: StoredItem | None = None
        self._domain_list: list[Domain] = []
        self._loading = False
        self._save_timer = QTimer(self)
        self._save_timer.setSingleShot(True)
        self._save_timer.setInterval(NOTE_SAVE_DELAY_MS)
        self._save_timer.timeout.connect(self.flush_note)
        self._saved_body = ""
        self._note_id: str | None = None
        self._pending_level: str | None = None  # chosen before the note exists
        self.setEnabled(False)

    # -- display --------------------------------------------------------------------------------

    def add_section_below_note(self, widget: QWidget) -> None:
        """Place `widget` right under the note (hook: the conflict with a colleague's text)."""
        self._body.insertWidget(self._body.indexOf(self.note_tabs) + 1, widget)

    def show_item(self, item: StoredItem | None, *, domains: list[Domain], item_domain_ids: list[str],
                  note: Note | None, highlights: list[Highlight], followups: list[FollowUp],
                  suggested_domains: dict[str, Entry] | None = None) -> None:
        same_item = self._item is not None and item is not None and self._item.id == item.id
        if not same_item:
            self.flush_note()
        self._item = item
        self.setEnabled(item is not None)
        # the hints speak of the current item; without one they would only confuse
        self.highlights.placeholder = NO_HIGHLIGHTS if item is not None else ""
        self.followups.placeholder = NO_FOLLOWUPS if item is not None else ""
        self._loading = True
        try:
            if item is None:
                self.header.setText("Geen vraag geselecteerd")
            else:
                party = f" · {item.party}" if item.party else ""
                noun = "Vragen" if self.noun == "Vraag" and len(item.numbers or []) > 1 else self.noun
                self.header.setText(f"{noun} {item_label(item)}{party}")
            self._show_domains(domains, set(item_domain_ids), suggested_domains or {})
            self._show_note(note, same_item)
            self._show_highlights(highlights, {d.id: d for d in domains})
            self._show_followups(followups)
        finally:
            self._loading = False

    def _show_domains(self, domains: list[Domain], checked: set[str], hints: dict[str, Entry]) -> None:
        same = [d.id for d in domains] == [d.id for d in self._domain_list] and \
            [(d.name, d.colour, d.key) for d in domains] == [(d.name, d.colour, d.key) for d in self._domain_list]
        self._domain_list = domains
        if same and self.domains.count() == len(domains):
            # update in place: this may run inside the list's own itemChanged signal
            for row, d in enumerate(domains):
                state = Qt.CheckState.Checked if d.id in checked else Qt.CheckState.Unchecked
                if self.domains.item(row).checkState() != state:
                    self.domains.item(row).setCheckState(state)
                self._hint(self.domains.item(row), d, hints.get(d.id) if d.id not in checked else None)
            return
        self.domains.clear()
        for d in domains:
            key = f"{d.key}  " if d.key else "    "
            entry = QListWidgetItem(dot_icon(d.colour), f"{key}{d.name}")
            entry.setData(Qt.ItemDataRole.UserRole, d.id)
            entry.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            entry.setCheckState(Qt.CheckState.Checked if d.id in checked else Qt.CheckState.Unchecked)
            self._hint(entry, d, hints.get(d.id) if d.id not in checked else None)  # sets the tooltip
            self.domains.addItem(entry)
        rows = max(1, len(domains))
        self.domains.setFixedHeight(min(9, rows) * max(20, self.domains.sizeHintForRow(0)) + 6)

    def domain_hint_ids(self) -> set[str]:
        """The domains now shown as suggested."""
        return {self.domains.item(r).data(Qt.ItemDataRole.UserRole) for r in range(self.domains.count())
                if self.domains.item(r).data(HintRole)}

    def checked_domain_ids(self) -> set[str]:
        return {self.domains.item(r).data(Qt.ItemDataRole.UserRole) for r in range(self.domains.count())
                if self.domains.item(r).checkState() == Qt.CheckState.Checked}

    @staticmethod
    def _hint(entry: QListWidgetItem, d: Domain, suggestion: Entry | None) -> None:
        """Mark (or unmark) a domain row as suggested, with the words that triggered it."""
        tip = f"{d.name} (toets {d.key})" if d.key else d.name
        tip = f"{tip}\n{d.description}" if d.description else tip
        if suggestion is not None:
            tip += f"\nSuggestie op grond van: {suggestion.text}\nAanvinken neemt de suggestie over."
        if entry.data(HintRole) != ("suggestie" if suggestion else None):
            entry.setData(HintRole, "suggestie" if suggestion else None)
        if entry.toolTip() != tip:
            entry.setToolTip(tip)

    def _show_note(self, note: Note | None, same_item: bool) -> None:
        body = note.body if note else ""
        self._note_id = note.id if note else None
        if not same_item:
            self._pending_level = None
        level = str(note.level) if note else self._pending_level
        if same_item and (self._save_timer.isActive() or self.note_edit.toPlainText() == body):
            self._saved_body = body  # the user is typing, or the store already has what the editor shows
        else:
            self.note_edit.setPlainText(body)
            self._saved_body = body
        self.note_level.set_level(level)
        self.note_badge.setVisible(level == str(Level.VERTROUWELIJK))
        self._render_preview()

    def _show_highlights(self, highlights: list[Highlight], domains: dict[str, Domain]) -> None:
        self.highlights.clear()
        for h in highlights:
            domain = domains.get(h.domain_id or "")
            quote = shorten(h.exact, 90)
            level = str(h.level)
            text = f"“{quote}”\n{level_column_text(level)} · {domain.name if domain else 'zonder domein'}"
            if h.note:
                text += f" — {h.note}"
            if h.orphaned:
                text += " (niet teruggevonden)"
            colour = domain.colour if domain else DEFAULT_HIGHLIGHT_HEX
            entry = QListWidgetItem(dot_and_level_icon(colour, level), text)
            entry.setData(Qt.ItemDataRole.UserRole, h.id)
            entry.setToolTip(f"{text}\nNiveau {level_column_text(level).lower()}: O, I of V wijzigt het")
            if Level(h.level) == Level.VERTROUWELIJK:
                entry.setForeground(QBrush(CONFIDENTIAL_RED))
            self.highlights.addItem(entry)
        self.highlights_title.set_title(f"Markeringen ({len(highlights)})")

    def _show_followups(self, followups: list[FollowUp]) -> None:
        self.followups.clear()
        confidential_any = False
        for fu in followups:
            confidential = Level(fu.level) == Level.VERTROUWELIJK
            confidential_any |= confidential
            parts = [STATUS_LABELS.get(FollowUpStatus(fu.status), str(fu.status)), KIND_LABELS.get(fu.kind, str(fu.kind))]
            if fu.owner:
                parts.append(fu.owner)
            if fu.due:
                parts.append(f"vóór {nl_date(fu.due)}")
            parts.insert(0, level_column_text(str(fu.level)))
            entry = QListWidgetItem(level_icon(str(fu.level)), f"{fu.text}\n{' · '.join(parts)}")
            entry.setToolTip(f"{fu.text}\n{' · '.join(parts)}\nEnter: bewerken · Del: verwijderen")
            entry.setData(Qt.ItemDataRole.UserRole, fu.id)
            if confidential:
                entry.setForeground(QBrush(CONFIDENTIAL_RED))
            elif fu.status == FollowUpStatus.AFGEROND:
                entry.setForeground(QBrush(MUTED))
            self.followups.addItem(entry)
        self.followups_title.set_title(f"Vervolgacties ({len(followups)})")
        self.followups_badge.setVisible(confidential_any)

    # -- note -----------------------------------------------------------------------------------

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if obj is self.note_edit and event.type() == QEvent.Type.FocusOut:
            self.flush_note()
        return super().eventFilter(obj, event)

    def focus_note(self) -> None:
        self.note_tabs.setCurrentWidget(self.note_edit)
        self.note_edit.setFocus()
        self.note_edit.moveCursor(self.note_edit.textCursor().MoveOperation.End)

    @Slot()
    def _note_text_changed(self) -> None:
        if not self._loading and self._item is not None:
            self._save_timer.start()

    @Slot(str)
    def _note_level_chosen(self, level: str) -> None:
        """A level button: for a stored note the window changes it (asking when it drops from
        vertrouwelijk); before the note exists it is remembered for the first save."""
        if self._loading or self._item is None:
            return
        if self._note_id is not None:
            self.note_level_requested.emit(self._note_id, level)
            return
        self._pending_level = level
        self.note_level.set_level(level)
        self.note_badge.setVisible(level == str(Level.VERTROUWELIJK))
        if self.note_edit.toPlainText().strip():
            self.flush_note()

    @Slot()
    def flush_note(self) -> None:
        """Save the note now if it differs from what the store has."""
        self._save_timer.stop()
        if self._item is None:
            return
        body = self.note_edit.toPlainText()
        if body == self._saved_body:
            return
        self._saved_body = body
        # a new note carries the level the user chose, else None: the core decides from the material
        level = self._pending_level if self._note_id is None else None
        self.note_edited.emit(self._item.id, body, level)

    @Slot()
    def _render_preview(self) -> None:
        if self.note_tabs.currentWidget() is self.note_preview:
            body = self.note_edit.toPlainText()
            html = markdown.markdown(body, extensions=["extra", "sane_lists"]) if body.strip() else (
                "<p style='color:#5f6b7a'>Nog geen notitie.</p>")
            self.note_preview.setHtml(html)

    # -- domains, highlights, follow-ups ----------------------------------------------------------

    @Slot(QListWidgetItem)
    def _domain_item_changed(self, entry: QListWidgetItem) -> None:
        if self._loading:
            return
        self.domain_toggled.emit(entry.data(Qt.ItemDataRole.UserRole),
                                 entry.checkState() == Qt.CheckState.Checked)

    @Slot(QPoint)
    def _highlight_menu(self, pos: QPoint) -> None:
        entry = self.highlights.itemAt(pos)
        if entry is None:  # the menu key: the current entry
            entry = self.highlights.currentItem()
            pos = self.highlights.visualItemRect(entry).center() if entry else pos
        if entry is None:
            return
        hid = entry.data(Qt.ItemDataRole.UserRole)
        menu = QMenu(self)
        menu.addAction("Toon in de tekst").triggered.connect(lambda: self.highlight_activated.emit(hid))
        menu.addAction("Notitie bij markering…").triggered.connect(lambda: self.highlight_note.emit(hid))
        levels = menu.addMenu("Niveau")
        for level in Level:
            act = QAction(level_icon(str(level)), level_column_text(str(level)).capitalize(), levels)
            act.triggered.connect(lambda _=False, lv=str(level): self.highlight_level.emit(hid, lv))
            levels.addAction(act)
        domains = menu.addMenu("Domein")
        for d in self._domain_list:
            act = QAction(dot_icon(d.colour), d.name, domains)
            act.triggered.connect(lambda _=False, did=d.id: self.highlight_domain.emit(hid, did))
            domains.addAction(act)
        domains.addAction("Geen domein").triggered.connect(lambda: self.highlight_domain.emit(hid, None))
        menu.addSeparator()
        menu.addAction("Verwijderen").triggered.connect(lambda: self.highlight_delete.emit(hid))
        menu.exec(self.highlights.viewport().mapToGlobal(pos))

    @Slot(QPoint)
    def _followup_menu(self, pos: QPoint) -> None:
        entry = self.followups.itemAt(pos) or self.followups.currentItem()
        if entry is None:
            return
        fid = entry.data(Qt.ItemDataRole.UserRole)
        menu = QMenu(self)
        menu.addAction("Bewerken…").triggered.connect(lambda: self.followup_edit.emit(fid))
        levels = menu.addMenu("Niveau")
        for level in Level:
            act = QAction(level_icon(str(level)), level_column_text(str(level)).capitalize(), levels)
            act.triggered.connect(lambda _=False, lv=str(level): self.followup_level.emit(fid, lv))
            levels.addAction(act)
        menu.addSeparator()
        menu.addAction("Verwijderen").triggered.connect(lambda: self.followup_delete.emit(fid))
        menu.exec(self.followups.viewport().mapToGlobal(self.followups.visualItemRect(entry).center()))

    @Slot()
    def _edit_current_followup(self) -> None:
        fid = self.followups.current_id()
        if fid:
            self.followup_edit.emit(fid)

    @Slot()
    def _delete_current_highlight(self) -> None:
        hid = self.highlights.current_id()
        if hid:
            self.highlight_delete.emit(hid)

    @Slot()
    def _delete_current_followup(self) -> None:
        fid = self.followups.current_id()
        if fid:
            self.followup_delete.emit(fid)
