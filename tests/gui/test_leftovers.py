"""Small things: search headers for unrecognised documents, the Kern preview, the follow-ups table's
description column, and the shared table model base (checked with QAbstractItemModelTester)."""

from __future__ import annotations

import dataclasses
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtTest import QAbstractItemModelTester
from PySide6.QtWidgets import QHeaderView

from briefer.gui.dialogs import KernDialog
from briefer.gui.followup_models import FollowUpTableModel
from briefer.gui.main_window import MainWindow
from briefer.gui.models import LibraryModel, TableModel
from briefer.gui.search import result_head
from briefer.gui.trash import TrashDialog, TrashModel
from briefer.model import DocType, Level


def test_search_head_says_alinea_for_an_unrecognised_document(core: Any) -> None:
    _store, _ann, doc = core
    assert " · vraag 3 · VVD" in result_head(doc, 3, "VVD")
    plain = dataclasses.replace(doc, doc_type=DocType.ONBEKEND)
    assert result_head(plain, 3, None).endswith(" · alinea 3")


def test_kern_dialog_has_a_markdown_preview(qtbot: Any, themed: Any) -> None:
    dialog = KernDialog(None, title="30 821 nr. 196", body="## Nieuw\n- **grondstoffen**: strategie\n- medisch",
                        level="intern")
    qtbot.addWidget(dialog)
    dialog.tabs.setCurrentWidget(dialog.preview)
    html = dialog.preview.toHtml()
    text = dialog.preview.toPlainText()
    assert "Nieuw" in text and "##" not in text and "**" not in text
    assert "font-weight" in html or "<b>" in html  # the bold rendered
    dialog.body.setPlainText("")
    dialog.tabs.setCurrentWidget(dialog.body)
    dialog.tabs.setCurrentWidget(dialog.preview)
    assert "Nog geen kern" in dialog.preview.toPlainText()


def test_followup_description_stretches_and_wraps_never_elides(window: MainWindow) -> None:
    ann = window.ws.ann
    long_text = "Nagaan of het kabinet " + "de toezegging over grondstoffen " * 8 + "nakomt vóór de zomer"
    ann.add_followup(window.current_item().id, long_text)
    window.presenter.refresh_annotations()
    table = window.followups_panel.table
    assert table.horizontalHeader().sectionResizeMode(1) == QHeaderView.ResizeMode.Stretch
    assert table.textElideMode() == Qt.TextElideMode.ElideNone and table.wordWrap()
    model = table.model()
    row = next(r for r in range(model.rowCount()) if model.index(r, 1).data().startswith("Nagaan of"))
    assert model.index(row, 1).data(Qt.ItemDataRole.ToolTipRole).startswith(long_text)


def test_table_models_share_one_base_and_pass_the_model_tester(window: MainWindow, qtbot: Any, qtlog: Any) -> None:
    assert all(issubclass(m, TableModel) for m in (LibraryModel, FollowUpTableModel, TrashModel))
    ann = window.ws.ann
    item = window.current_item()
    ann.delete_highlight(ann.add_highlight(item.id, "answer", 0, 12, level=Level.VERTROUWELIJK).id)
    ann.delete_followup(ann.add_followup(item.id, "Weg ermee").id)
    dialog = TrashDialog(window.ws, window)
    qtbot.addWidget(dialog)
    QAbstractItemModelTester(dialog.model, QAbstractItemModelTester.FailureReportingMode.Warning)
    dialog.reload()
    assert dialog.model.rowCount() == 2
    assert dialog.model.headerData(0, Qt.Orientation.Horizontal) == "Wat"
    assert dialog.model.headerData(3, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
    assert not [r.message for r in qtlog.records if "FAIL!" in r.message]
