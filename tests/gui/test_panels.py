"""Menus, the shortcuts overview, the source PDF tab and the follow-ups overview of the window."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication, QTableWidget

from briefer.gui.dialogs import SHORTCUTS, ShortcutsDialog
from briefer.gui.main_window import MainWindow
from briefer.gui.models import IdRole

# `window` (the main window over the bundled sample) comes from tests/gui/conftest.py


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
    window.navigation.go_to_number(16)
    item = window.current_item()
    window.navigation.show_source()
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
    window.presenter.reload_followups()
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
    window.presenter.reload_followups()
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
    window.annotations.act_kern.trigger()
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
    assert window.presenter.domain_by_key(7).id == target.id  # the 7 key now tags with it
    monkeypatch.setattr(QInputDialog, "getInt", lambda *a, **k: (0, True))
    dialog.list.setCurrentRow(3)
    dialog.set_key()
    assert window.ws.ann.domain(target.id).key is None
    window.act_undo.trigger()
    assert window.ws.ann.domain(target.id).key == 7


def test_overview_lists_followups_of_other_documents_and_sorts_by_core_values(
        window: MainWindow, tmp_path: Path) -> None:
    from PySide6.QtCore import Qt

    from briefer.importer import import_file
    from briefer.model import Level

    ann, store, open_doc = window.ws.ann, window.ws.store, window.current_document()
    text = tmp_path / "notitie.txt"
    text.write_text("Een losse notitie\n\nEen alinea zonder vragen.\n", encoding="utf-8")
    other = import_file(store, text).document
    other_item = store.items(other.id)[0]
    late = store.item_by_number(open_doc.id, 12)
    early = store.item_by_number(open_doc.id, 3)
    ann.add_followup(other_item.id, "Elders nagaan", level=Level.OPENBAAR)
    ann.add_followup(late.id, "Vertrouwelijk punt", level=Level.VERTROUWELIJK)
    done = ann.add_followup(early.id, "Al gedaan", level=Level.INTERN).id
    ann.update_followup(done, status="afgerond")
    window.presenter.reload_followups()
    panel = window.followups_panel
    proxy = panel.table.model()
    assert proxy.rowCount() == 3
    assert not panel.table.isColumnHidden(6)  # two documents: the Document column shows
    texts = lambda col: [proxy.index(r, col).data() for r in range(proxy.rowCount())]  # noqa: E731
    ids = lambda: [proxy.index(r, 0).data(IdRole) for r in range(proxy.rowCount())]  # noqa: E731
    by_id = {f.id: f for f in ann.followups()}
    elsewhere = texts(1).index("Elders nagaan")
    assert proxy.index(elsewhere, 6).data() == other.short_ref  # the other document, read from the core
    proxy.sort(0, Qt.SortOrder.AscendingOrder)  # status in workflow order: open before afgerond
    assert [by_id[i].status for i in ids()] == ["open", "open", "afgerond"]
    proxy.sort(5, Qt.SortOrder.DescendingOrder)  # level by rank, not alphabetically
    assert [Level(by_id[i].level) for i in ids()] == [Level.VERTROUWELIJK, Level.INTERN, Level.OPENBAAR]
    proxy.sort(7, Qt.SortOrder.AscendingOrder)  # the item column by number, not as text
    open_rows = [i for i in ids() if by_id[i].item_id != other_item.id]
    assert [by_id[i].item_id for i in open_rows] == [early.id, late.id]


def test_import_without_a_database_file_explains_in_dutch(window: MainWindow, monkeypatch: Any) -> None:
    from PySide6.QtWidgets import QMessageBox

    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a, **k: shown.append(text))
    monkeypatch.setattr(QMessageBox, "critical", lambda *a, **k: pytest.fail(f"unexpected error dialog {a}"))
    window.ws.db_path = None
    window.import_files([Path("iets.pdf")])
    assert len(shown) == 1 and shown[0].startswith("Importeren kan alleen met een database op schijf")
    assert not window.imports.busy()


def test_reader_font_size_is_remembered_clamped_and_applied(window: MainWindow) -> None:
    shown = window.current_item()
    assert shown is not None
    window.navigation.set_reader_font_size(30)
    assert window.ws.settings.reader_font_size == 24  # clamped to what stays readable
    assert window.reader.document().defaultFont().pointSize() == 24  # the item was shown again
    assert window.current_item().id == shown.id
    window.navigation.set_reader_font_size(3)
    assert window.ws.settings.reader_font_size == 8
    assert window.reader.document().defaultFont().pointSize() == 8


def test_help_sample_opens_the_stored_sample_without_importing_again(window: MainWindow, tmp_path: Path) -> None:
    from briefer.importer import import_file

    store = window.ws.store
    sample = window.current_document()
    assert sample is not None and sample.kamerstuk == "30 821, nr. 196"
    text = tmp_path / "notitie.txt"
    text.write_text("Een losse notitie\n\nEen alinea zonder vragen.\n", encoding="utf-8")
    other = import_file(store, text).document
    window.presenter.reload_library()
    window.open_document(other.id)
    help_menu = next(a.menu() for a in window.menuBar().actions() if a.text().replace("&", "") == "Help")
    next(a for a in help_menu.actions() if a.text().replace("&", "") == "Voorbeelddocument openen").trigger()
    assert window.current_document().id == sample.id
    assert not window.imports.busy()  # opened from the store: no second import queued
    assert len(store.documents()) == 2
