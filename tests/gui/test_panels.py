"""Menus, the shortcuts overview, the source PDF tab and the follow-ups overview of the window."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication, QTableWidget

from briefer.app import open_workspace
from briefer.gui.dialogs import SHORTCUTS, ShortcutsDialog
from briefer.gui.main_window import MainWindow
from briefer.gui.models import IdRole


@pytest.fixture
def window(qtbot: Any, themed: Any, sample_db: Path, tmp_path: Path) -> MainWindow:
    ws = open_workspace(sample_db, tmp_path / "settings.json")
    win = MainWindow(ws, show_progress=False)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.close()
    ws.store.close()


def test_menus_are_dutch_and_every_shortcut_is_listed(window: MainWindow, qtbot: Any) -> None:
    titles = [a.text().replace("&", "") for a in window.menuBar().actions()]
    assert titles == ["Bestand", "Bewerken", "Beeld", "Ga naar", "Help"]
    bound = {a.shortcut().toString() for a in window.actions() if not a.shortcut().isEmpty()}
    for key in ("J", "K", "N", "F", "H", "1", "9", "Ctrl+F", "Ctrl+K", "Ctrl+E", "Ctrl+Z", "Ctrl+Shift+Z", "F1"):
        assert key in bound, key
    listed = " ".join(k for k, _ in SHORTCUTS)
    for key in ("J / K", "1 – 9", "Ctrl+K", "Ctrl+E", "Ctrl+Shift+Z"):
        assert key in listed
    dialog = ShortcutsDialog(window)
    qtbot.addWidget(dialog)
    table = dialog.findChild(QTableWidget)
    assert table.rowCount() == len(SHORTCUTS)
    assert table.item(0, 0).text() == SHORTCUTS[0][0]


def test_source_tab_shows_the_pdf_page_of_the_item(window: MainWindow, qtbot: Any) -> None:
    window.go_to_number(16)
    item = window.current_item()
    window.show_source()
    qtbot.waitUntil(lambda: window.source.page_count() > 0, timeout=5000)
    assert window.source.page_count() == window.current_document().page_count
    nav = window.source._view.pageNavigator()
    qtbot.waitUntil(lambda: nav.currentPage() == item.page_first - 1, timeout=3000)
    view, bar = window.source._view, window.source._view.verticalScrollBar()
    qtbot.wait(50)  # let the freshly loaded view lay out its pages
    landed = bar.value()
    pages = window.current_document().page_count
    assert window.source.page_label.text() == f"PDF-pagina {item.page_first} van {pages}"
    # the view's own page geometry: the tops of pages 1 and 2 give margin and page step
    from PySide6.QtCore import QPointF

    nav.jump(0, QPointF(0, 0), nav.currentZoom())
    top0 = bar.value()
    nav.jump(1, QPointF(0, 0), nav.currentZoom())
    step = bar.value() - top0
    assert window.source.page_label.text().endswith(f"de vraag begint op pagina {item.page_first}")
    assert step > 100 and top0 == view.documentMargins().top()
    assert landed == top0 + (item.page_first - 1) * step  # the item's first page, to the pixel
    # the next item on another page lands exactly as well
    later = next(it for it in window.outline_model.items() if (it.page_first or 0) > item.page_first)
    window.select_item(later.id)
    qtbot.wait(20)
    assert bar.value() == top0 + (later.page_first - 1) * step


def test_followups_overview_opens_the_item(window: MainWindow, qtbot: Any) -> None:
    ann, doc = window.ws.ann, window.current_document()
    target = window.ws.store.item_by_number(doc.id, 9)
    ann.add_followup(target.id, "Schriftelijke vragen voorbereiden", owner="Joost")
    window.reload_followups()
    table = window.followups_panel.table
    assert table.model().rowCount() == 1
    table.activated.emit(table.model().index(0, 1))
    assert window.current_item().id == target.id
    assert window.outline.currentIndex().data(IdRole) == target.id
    QApplication.processEvents()


def test_overview_status_change_is_undoable(window: MainWindow) -> None:
    ann, doc = window.ws.ann, window.current_document()
    item = window.ws.store.item_by_number(doc.id, 1)
    fid = ann.add_followup(item.id, "Voortgangsbrief bewaken", due="2020-01-01").id
    window.reload_followups()
    model = window.followups_panel.model
    assert model.is_overdue(model.row(0).followup)
    assert window.followups_dock.windowTitle().endswith("— 1 open, 1 verlopen")
    window.followups_panel.status_requested.emit(fid, "afgerond")
    assert ann.followups(item_id=item.id)[0].status == "afgerond"
    assert not model.is_overdue(model.row(0).followup)  # the overview was refreshed
    window.act_undo.trigger()
    assert ann.followups(item_id=item.id)[0].status == "open"


def test_new_domain_gets_a_digit_and_tags_with_it(window: MainWindow, qtbot: Any, monkeypatch: Any) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QInputDialog

    from briefer.gui.domains_dialog import DomainsDialog

    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Veiligheid en defensie", True))
    dialog = DomainsDialog(window.ws, window)
    qtbot.addWidget(dialog)
    before = dialog.list.count()
    dialog.add()
    assert dialog.list.count() == before + 1
    new = next(d for d in window.ws.ann.domains() if d.name == "Veiligheid en defensie")
    assert new.key is not None
    # the inspector lists it, and its digit tags the current question
    assert window.inspector.domains.count() == before + 1
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)
    qtbot.keyClick(window.reader, Qt.Key(Qt.Key.Key_0 + new.key))
    assert [d.id for d in window.ws.ann.item_domains(window.current_item().id)] == [new.id]
    window.act_undo.trigger()  # the tag
    window.act_undo.trigger()  # the domain
    assert all(d.name != "Veiligheid en defensie" for d in window.ws.ann.domains())


def test_kern_is_the_document_note(window: MainWindow, qtbot: Any) -> None:
    from PySide6.QtCore import QTimer

    from briefer.gui.dialogs import KernDialog
    from briefer.model import Level

    def fill() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, KernDialog)
        dialog.body.setPlainText("- Kabinet biedt vertrouwelijke briefing aan")
        dialog.accept()

    QTimer.singleShot(0, fill)
    window.act_kern.trigger()
    doc = window.current_document()
    note = window.ws.ann.note(doc.id, None)
    assert note.body == "- Kabinet biedt vertrouwelijke briefing aan" and note.level == Level.INTERN
    # the Kern stays in sight above the outline, rendered from Markdown
    assert not window.kern.is_empty() and "<li>Kabinet biedt vertrouwelijke briefing aan</li>" in window.kern.body.text()
    window.act_undo.trigger()
    assert window.ws.ann.note(doc.id, None) is None
    assert window.kern.is_empty()


def test_domain_digit_can_be_changed_and_cleared(window: MainWindow, qtbot: Any, monkeypatch: Any) -> None:
    from PySide6.QtWidgets import QInputDialog

    from briefer.gui.domains_dialog import DomainsDialog

    dialog = DomainsDialog(window.ws, window)
    qtbot.addWidget(dialog)
    dialog.list.setCurrentRow(3)
    target = dialog.current()
    monkeypatch.setattr(QInputDialog, "getInt", lambda *a, **k: (7, True))
    dialog.set_key()
    assert window.ws.ann.domain(target.id).key == 7
    assert window.domain_by_key(7).id == target.id  # the 7 key now tags with it
    monkeypatch.setattr(QInputDialog, "getInt", lambda *a, **k: (0, True))
    dialog.list.setCurrentRow(3)
    dialog.set_key()
    assert window.ws.ann.domain(target.id).key is None
    window.act_undo.trigger()
    assert window.ws.ann.domain(target.id).key == 7
