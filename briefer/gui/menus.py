"""GUI: the menus (Bestand, Bewerken, Beeld, Ga naar, Help) and the toolbar.

Every action belongs to a controller (`window.files`, `.annotations`, `.levels`, `.navigation`,
`.review`); this module only places them. It reads the window's parts through a Protocol, so it
imports no window.
"""

from __future__ import annotations

from typing import Any, Protocol

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QPushButton, QSizePolicy, QToolBar, QWidget

from briefer.gui.about import AboutDialog
from briefer.gui.dialogs import ShortcutsDialog
from briefer.gui.qactions import make_action
from briefer.gui.theme import dot_icon


class Composed(Protocol):
    """GUI: what the menus need of the window: its controllers, docks and workspace."""

    ws: Any
    files: Any
    annotations: Any
    levels: Any
    navigation: Any
    review: Any
    sharing: Any
    reparse: Any
    clip: Any
    left_dock: Any
    inspector_dock: Any
    followups_dock: Any
    suggestions_dock: Any
    orphans_dock: Any


def build_menus(window: Any) -> None:
    """Place every controller's actions in the menus; the window also keeps the undo actions
    (`window.act_undo`, `window.act_redo`)."""
    w: Composed = window
    main: QMainWindow = window
    f, a, lv, nav, rv = w.files, w.annotations, w.levels, w.navigation, w.review
    bar = main.menuBar()

    file_menu = bar.addMenu("&Bestand")
    file_menu.addAction(f.act_import)
    file_menu.addMenu(f.recent_menu)
    file_menu.addMenu(w.reparse.menu)
    file_menu.addSeparator()
    file_menu.addAction(f.act_export)
    file_menu.addAction(rv.act_export_annotations)
    file_menu.addAction(rv.act_import_annotations)
    file_menu.addAction(w.sharing.act_shared_folder)
    file_menu.addAction(w.sharing.act_sync)
    file_menu.addSeparator()
    file_menu.addAction(f.act_delete_doc)
    file_menu.addSeparator()
    file_menu.addAction(a.act_user)
    file_menu.addSeparator()
    window.act_quit = make_action(main, "&Afsluiten", main.close, QKeySequence.StandardKey.Quit)
    file_menu.addAction(window.act_quit)

    edit_menu = bar.addMenu("Be&werken")
    window.act_undo = w.ws.undo_stack.createUndoAction(main, "Ongedaan maken")
    window.act_undo.setShortcut(QKeySequence("Ctrl+Z"))
    window.act_redo = w.ws.undo_stack.createRedoAction(main, "Opnieuw")
    window.act_redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
    for act in (window.act_undo, window.act_redo):
        act.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        main.addAction(act)
        edit_menu.addAction(act)
    edit_menu.addSeparator()
    edit_menu.addAction(w.clip.act_copy)
    edit_menu.addAction(w.clip.act_copy_confidential)
    edit_menu.addSeparator()
    edit_menu.addAction(a.act_highlight)
    domain_menu = edit_menu.addMenu("Taggen met domein")
    for act in a.digit_actions:
        domain_menu.addAction(act)
    domain_menu.aboutToShow.connect(lambda: _label_digits(w))
    domain_menu.addSeparator()
    domain_menu.addAction(a.act_domains)
    level_menu = edit_menu.addMenu("&Niveau")
    for act in lv.actions.values():
        level_menu.addAction(act)
    edit_menu.addAction(a.act_note)
    edit_menu.addAction(a.act_kern)
    edit_menu.addAction(a.act_followup)
    edit_menu.addAction(a.act_title)
    edit_menu.addAction(rv.act_trash)
    edit_menu.addAction(w.sharing.act_conflicts)
    edit_menu.addAction(rv.act_place_orphan)
    edit_menu.addSeparator()
    for act in (nav.act_find, nav.act_find_next, nav.act_find_prev, nav.act_search):
        edit_menu.addAction(act)

    view_menu = bar.addMenu("Bee&ld")
    for dock in (w.left_dock, w.inspector_dock, w.followups_dock):
        view_menu.addAction(dock.toggleViewAction())
    view_menu.addSeparator()
    view_menu.addAction(nav.act_source)
    view_menu.addAction(nav.act_text)
    view_menu.addAction(rv.act_suggest)
    orphans = w.orphans_dock.toggleViewAction()
    orphans.setText("&Verweesde annotaties")
    orphans.setStatusTip("Markeringen die na een nieuwe versie niet zijn teruggevonden")
    view_menu.addAction(orphans)
    view_menu.addSeparator()
    view_menu.addAction(nav.act_bigger)
    view_menu.addAction(nav.act_smaller)

    go_menu = bar.addMenu("&Ga naar")
    go_menu.addAction(nav.act_next)
    go_menu.addAction(nav.act_prev)
    go_menu.addAction(nav.act_number)
    go_menu.addSeparator()
    for act in nav.focus_actions:
        go_menu.addAction(act)

    help_menu = bar.addMenu("&Help")
    help_menu.addAction(make_action(main, "&Sneltoetsen", lambda: ShortcutsDialog(main).exec(), "F1"))
    help_menu.addAction(f.act_sample)
    help_menu.addSeparator()
    about = make_action(main, "&Over Briefer…", lambda: AboutDialog(main, db_path=w.ws.db_path).exec())
    about.setMenuRole(QAction.MenuRole.AboutRole)  # macOS: in the application menu
    help_menu.addAction(about)

    # Toolbar: the search box of the design ("Zoeken… Ctrl+K") at the right
    tools = QToolBar("Werkbalk", main)
    tools.setObjectName("mainToolbar")
    tools.setMovable(False)
    tools.setAccessibleName("Werkbalk")
    tools.addAction(f.act_import)
    tools.addAction(f.act_export)
    tools.addSeparator()
    tools.addAction(window.act_undo)
    tools.addAction(window.act_redo)
    spacer = QWidget()
    spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
    tools.addWidget(spacer)
    search = QPushButton("  Zoeken…            Ctrl+K  ")
    search.setObjectName("searchButton")
    search.setAccessibleName("Zoeken in alles (Ctrl+K)")
    search.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    search.clicked.connect(nav.search_everything)
    tools.addWidget(search)
    main.addToolBar(Qt.ToolBarArea.TopToolBarArea, tools)


def _label_digits(window: Composed) -> None:
    for digit, act in enumerate(window.annotations.digit_actions, start=1):
        domain = window.annotations.p.domain_by_key(digit)
        act.setText(f"{domain.name}" if domain else f"(geen domein onder {digit})")
        act.setIcon(dot_icon(domain.colour) if domain else dot_icon("#dddddd"))
        act.setEnabled(domain is not None)
