"""GUI fixtures: a real database with the bundled sample imported, and the app's theme."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from briefer.annotate import Annotations
from briefer.importer import import_file
from briefer.store import Store


@pytest.fixture
def sample_db(tmp_path: Path, sample_pdf: Path) -> Path:
    """A database file with the sample imported through the core (no GUI involved)."""
    db = tmp_path / "briefer.db"
    with Store.open(db) as store:
        import_file(store, sample_pdf)
    return db


@pytest.fixture
def core(sample_db: Path) -> Any:
    """(store, annotations, document) over `sample_db`; closed afterwards."""
    store = Store.open(sample_db)
    ann = Annotations(store)
    doc = store.documents()[0]
    yield store, ann, doc
    store.close()


@pytest.fixture
def themed(qapp: Any) -> Any:
    from briefer.gui.theme import apply_theme

    apply_theme(qapp)
    return qapp


@pytest.fixture
def window(qtbot: Any, themed: Any, sample_db: Path, tmp_path: Path) -> Any:
    """The main window over `sample_db`, shown and active (settings in tmp_path)."""
    from PySide6.QtWidgets import QApplication

    from briefer.app import open_workspace
    from briefer.gui.main_window import MainWindow

    ws = open_workspace(sample_db, tmp_path / "settings.json")
    win = MainWindow(ws, show_progress=False)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is win, timeout=2000)
    yield win
    win.close()
    ws.store.close()
