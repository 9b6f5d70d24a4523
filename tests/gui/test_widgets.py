"""The shared list/table/tree widgets: the hint painted while empty, and ids read from Qt.UserRole."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QAbstractItemView, QListWidgetItem

from briefer.gui.widgets import PlaceholderList, PlaceholderTable, PlaceholderTree


def _shot(view: QAbstractItemView, qtbot: Any) -> QImage:
    view.resize(320, 160)
    view.show()
    qtbot.waitExposed(view)
    return view.viewport().grab().toImage()


@pytest.mark.parametrize("cls", [PlaceholderTable, PlaceholderTree])
def test_model_views_paint_the_hint_only_while_empty(cls: Any, qtbot: Any) -> None:
    plain, hinted = cls(""), cls("Nog niets hier.")
    for view in (plain, hinted):
        qtbot.addWidget(view)
        view.setModel(QStandardItemModel(view))
    assert _shot(hinted, qtbot) != _shot(plain, qtbot)  # the hint is drawn on the empty view
    for view in (plain, hinted):
        view.model().appendRow(QStandardItem(""))  # a row with no text: only the hint could differ
    assert _shot(hinted, qtbot) == _shot(plain, qtbot)


def test_list_paints_the_hint_while_empty_and_reads_ids(qtbot: Any) -> None:
    plain, hinted = PlaceholderList(""), PlaceholderList("Nog geen markeringen.")
    for view in (plain, hinted):
        qtbot.addWidget(view)
    assert _shot(hinted, qtbot) != _shot(plain, qtbot)
    assert hinted.current_id() is None
    for view in (plain, hinted):
        view.addItem(QListWidgetItem(""))
    assert _shot(hinted, qtbot) == _shot(plain, qtbot)
    entry = QListWidgetItem("tweede")
    entry.setData(Qt.ItemDataRole.UserRole, "id-2")
    hinted.addItem(entry)
    hinted.setCurrentItem(entry)
    assert hinted.current_id() == "id-2"
