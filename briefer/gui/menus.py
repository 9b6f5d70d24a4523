"""GUI: the menus (Bestand, Bewerken, Beeld, Ga naar, Help), the toolbar and the keyboard shortcuts."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QPushButton, QSizePolicy, QToolBar, QWidget

from briefer.gui.theme import dot_icon

if TYPE_CHECKING:
    from briefer.gui.main_window import MainWindow


def _action(window: MainWindow, text: str, slot: Any, shortcut: str | QKeySequence | None = None,
            tip: str = "") -> QAction:
    act = QAction(text, window)
    if shortcut is not None:
        act.setShortcut(QKeySequence(shortcut))
        act.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
    if tip:
        act.setStatusTip(tip)
    if shortcut is not None:  # toolbar buttons and menus name their key
        act.setToolTip(f"{text.replace('&', '').rstrip('…')} ({act.shortcut().toString(QKeySequence.SequenceFormat.NativeText)})")
    act.triggered.connect(lambda _checked=False: slot())
    window.addAction(act)
    return act


def build_menus(window: MainWindow) -> None:
    """Create every action once; they are also reachable as attributes (window.act_*)."""
    bar = window.menuBar()

    # Bestand
    file_menu = bar.addMenu("&Bestand")
    window.act_import = _action(window, "&Importeren…", window.import_dialog, "Ctrl+O",
                                "Een Kamerstuk (PDF, tekst of Word) importeren")
    file_menu.addAction(window.act_import)
    window.recent_menu = QMenu("Recente bestanden", window)
    window.recent_menu.aboutToShow.connect(lambda: _fill_recent(window))
    file_menu.addMenu(window.recent_menu)
    file_menu.addSeparator()
    window.act_export = _action(window, "Briefing &exporteren…", window.export_briefing, "Ctrl+E")
    file_menu.addAction(window.act_export)
    window.act_export_annotations = _action(window, "Annotaties e&xporteren…", window.export_annotations,
                                            tip="De annotaties van dit document in een bestand voor een collega")
    window.act_import_annotations = _action(window, "Annotaties i&mporteren…", window.import_annotations,
                                            tip="Annotaties van een collega samenvoegen met de uwe")
    file_menu.addAction(window.act_export_annotations)
    file_menu.addAction(window.act_import_annotations)
    file_menu.addSeparator()
    window.act_delete_doc = _action(window, "Document verwijderen…", window.delete_document)
    file_menu.addAction(window.act_delete_doc)
    file_menu.addSeparator()
    window.act_user = _action(window, "Uw naam voor briefings…", window.set_user_name)
    file_menu.addAction(window.act_user)
    file_menu.addSeparator()
    window.act_quit = _action(window, "&Afsluiten", window.close, QKeySequence.StandardKey.Quit)
    file_menu.addAction(window.act_quit)

    # Bewerken
    edit_menu = bar.addMenu("Be&werken")
    window.act_undo = window.ws.undo_stack.createUndoAction(window, "Ongedaan maken")
    window.act_undo.setShortcut(QKeySequence("Ctrl+Z"))
    window.act_redo = window.ws.undo_stack.createRedoAction(window, "Opnieuw")
    window.act_redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
    for act in (window.act_undo, window.act_redo):
        act.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        window.addAction(act)
        edit_menu.addAction(act)
    edit_menu.addSeparator()
    window.act_highlight = _action(window, "Selectie &markeren", lambda: window.highlight_selection(None), "H")
    edit_menu.addAction(window.act_highlight)
    domain_menu = edit_menu.addMenu("Taggen met domein")
    window.digit_actions = []
    for digit in range(1, 10):
        act = _action(window, f"Domein {digit}", lambda d=digit: window.tag_with_digit(d), str(digit))
        window.digit_actions.append(act)
        domain_menu.addAction(act)
    domain_menu.aboutToShow.connect(lambda: _label_digits(window))
    window.act_domains = _action(window, "Domeinen &beheren…", window.manage_domains)
    domain_menu.addSeparator()
    domain_menu.addAction(window.act_domains)
    window.act_note = _action(window, "&Notitie schrijven", window.new_note, "N")
    window.act_followup = _action(window, "&Vervolgactie toevoegen…", window.new_followup, "F")
    edit_menu.addAction(window.act_note)
    window.act_kern = _action(window, "&Kern van het document…", window.edit_kern, "Ctrl+Shift+N")
    edit_menu.addAction(window.act_kern)
    edit_menu.addAction(window.act_followup)
    window.act_trash = _action(window, "&Prullenbak…", window.show_trash,
                               tip="Verwijderde markeringen, notities en vervolgacties terugzetten")
    edit_menu.addAction(window.act_trash)
    window.act_place_orphan = _action(window, "Verweesde markering hier p&laatsen", window.place_current_orphan,
                                      "Ctrl+Shift+H", "De gekozen verweesde markering op de geselecteerde tekst zetten")
    edit_menu.addAction(window.act_place_orphan)
    edit_menu.addSeparator()
    window.act_find = _action(window, "&Zoeken in document…", window.open_find_bar, "Ctrl+F")
    window.act_search = _action(window, "Zoeken in &alles…", window.search_everything, "Ctrl+K")
    edit_menu.addAction(window.act_find)
    edit_menu.addAction(window.act_search)

    # Beeld
    view_menu = bar.addMenu("Bee&ld")
    for dock in (window.left_dock, window.inspector_dock, window.followups_dock):
        view_menu.addAction(dock.toggleViewAction())
    view_menu.addSeparator()
    window.act_source = _action(window, "&Bron (PDF) tonen", window.show_source, "Ctrl+B")
    window.act_text = _action(window, "&Tekst tonen", window.focus_reader, "Ctrl+2")
    view_menu.addAction(window.act_source)
    view_menu.addAction(window.act_text)
    window.act_suggest = _action(window, "&Suggesties", window.show_suggestions, "Ctrl+Shift+S",
                                 "Voorgestelde toezeggingen, domeinen en vertrouwelijke passages")
    view_menu.addAction(window.act_suggest)
    window.act_orphans = window.orphans_dock.toggleViewAction()
    window.act_orphans.setText("&Verweesde annotaties")
    window.act_orphans.setStatusTip("Markeringen die na een nieuwe versie niet zijn teruggevonden")
    view_menu.addAction(window.act_orphans)
    view_menu.addSeparator()
    bigger = _action(window, "Grotere letters", lambda: window.set_reader_font_size(
        window.ws.settings.reader_font_size + 1), QKeySequence.StandardKey.ZoomIn)
    smaller = _action(window, "Kleinere letters", lambda: window.set_reader_font_size(
        window.ws.settings.reader_font_size - 1), QKeySequence.StandardKey.ZoomOut)
    view_menu.addAction(bigger)
    view_menu.addAction(smaller)

    # Ga naar
    go_menu = bar.addMenu("&Ga naar")
    window.act_next = _action(window, "&Volgende vraag", window.next_item, "J")
    window.act_prev = _action(window, "V&orige vraag", window.previous_item, "K")
    go_menu.addAction(window.act_next)
    go_menu.addAction(window.act_prev)
    go_menu.addAction(_action(window, "Vraag nummer…", lambda: _go_to_number(window), "Ctrl+G"))
    go_menu.addSeparator()
    go_menu.addAction(_action(window, "Naar de documenten", window.focus_library, "Ctrl+0"))
    go_menu.addAction(_action(window, "Naar het overzicht", window.focus_outline, "Ctrl+1"))
    go_menu.addAction(window.act_text)
    go_menu.addAction(_action(window, "Naar de inspector", window.focus_inspector, "Ctrl+3"))
    go_menu.addAction(_action(window, "Naar de vervolgacties", window.focus_followups, "Ctrl+4"))

    # Help
    help_menu = bar.addMenu("&Help")
    help_menu.addAction(_action(window, "&Sneltoetsen", window.show_shortcuts, "F1"))
    help_menu.addAction(_action(window, "&Voorbeelddocument openen", window.open_sample))
    help_menu.addSeparator()
    help_menu.addAction(_action(window, "&Over Briefer", window.show_about))

    # Toolbar: the search box of the design ("Zoeken… Ctrl+K") at the right
    tools = QToolBar("Werkbalk", window)
    tools.setObjectName("mainToolbar")
    tools.setMovable(False)
    tools.addAction(window.act_import)
    tools.addAction(window.act_export)
    tools.addSeparator()
    tools.addAction(window.act_undo)
    tools.addAction(window.act_redo)
    spacer = QWidget()
    spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
    tools.addWidget(spacer)
    search = QPushButton("  Zoeken…            Ctrl+K  ")
    search.setStyleSheet("QPushButton { text-align: left; color: #5f6b7a; background: white;"
                         " border: 1px solid #cfd6de; border-radius: 4px; padding: 4px 10px; }")
    search.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    search.clicked.connect(window.search_everything)
    tools.addWidget(search)
    window.addToolBar(Qt.ToolBarArea.TopToolBarArea, tools)


def _label_digits(window: MainWindow) -> None:
    for digit, act in enumerate(window.digit_actions, start=1):
        domain = window.domain_by_key(digit)
        act.setText(f"{domain.name}" if domain else f"(geen domein onder {digit})")
        act.setIcon(dot_icon(domain.colour) if domain else dot_icon("#dddddd"))
        act.setEnabled(domain is not None)


def _fill_recent(window: MainWindow) -> None:
    menu = window.recent_menu
    menu.clear()
    files = window.ws.settings.recent_files
    if not files:
        empty = menu.addAction("(nog geen)")
        empty.setEnabled(False)
        return
    for path in files:
        act = menu.addAction(Path(path).name)
        act.setToolTip(path)
        act.triggered.connect(lambda _=False, p=path: window.import_recent(p))


def _go_to_number(window: MainWindow) -> None:
    from PySide6.QtWidgets import QInputDialog

    number, ok = QInputDialog.getInt(window, "Ga naar vraag", "Vraagnummer:", 1, 1, 100000)
    if ok:
        window.go_to_number(number)
