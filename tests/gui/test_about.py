"""Help → Over Briefer: the real dialog, offscreen, over a checkout and over a built Briefer."""

from __future__ import annotations

import subprocess
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import Qt, qVersion
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from briefer import __version__, paths
from briefer.buildinfo import DEV_BUILD, build_info, collect_build_details, write_build_file
from briefer.gui.about import AboutDialog


def _head_commit() -> str:
    return subprocess.run(["git", "-C", str(paths.REPO_ROOT), "rev-parse", "--short=10", "HEAD"],
                          capture_output=True, text=True, check=True).stdout.strip()


def test_checkout_shows_version_commit_qt_and_folders(qtbot, tmp_path, _isolated_home):
    db = tmp_path / "briefer.db"
    dialog = AboutDialog(db_path=db)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    shown = {label: w.text() for label, w in dialog.value_labels.items()}
    assert dialog.windowTitle() == "Over Briefer"
    assert shown["Versie"] == __version__
    assert shown["Build"] == DEV_BUILD
    assert shown["Commit"] == _head_commit()
    assert shown["Qt"].startswith(qVersion()) and "PySide6" in shown["Qt"]
    assert shown["Python"].count(".") == 2
    assert shown["Gegevensmap"] == str(_isolated_home)
    assert shown["Database"] == str(db)
    assert shown["Reservekopieën"] == str(tmp_path / "backups")
    # values can be selected (and so copied by hand)
    assert dialog.value_labels["Commit"].textInteractionFlags() & Qt.TextInteractionFlag.TextSelectableByMouse


def test_built_briefer_shows_its_recorded_build(qtbot, tmp_path):
    details = collect_build_details(paths.REPO_ROOT, qt="6.9.9", now=datetime(2026, 3, 2, 9, 30, tzinfo=UTC))
    build_file = write_build_file(tmp_path / "_build.json", details)
    dialog = AboutDialog(info=build_info(qt=qVersion(), build_file=build_file))
    qtbot.addWidget(dialog)
    shown = {label: w.text() for label, w in dialog.value_labels.items()}
    assert shown["Build"] == "gebouwd 2026-03-02 09:30 UTC"
    assert shown["Commit"].startswith(_head_commit())
    assert shown["Qt"].startswith(qVersion())  # what the app runs on beats what was recorded
    assert "Database" not in shown  # no database given: no row pretending one


def test_copy_puts_every_row_on_the_clipboard(qtbot, tmp_path):
    db = tmp_path / "werk.db"
    dialog = AboutDialog(db_path=db)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    text = QApplication.clipboard().text()
    assert text.splitlines()[0] == f"Briefer {__version__}"
    assert f"Database: {db}" in text and f"Versie: {__version__}" in text and "Commit: " in text
    assert dialog.copied.text() == "Gekopieerd naar het klembord."


def test_close_button_is_dutch_and_closes(qtbot):
    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    box = dialog.findChild(QDialogButtonBox)
    close = box.button(QDialogButtonBox.StandardButton.Close)
    assert close.text() == "Sluiten"
    qtbot.mouseClick(close, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()


def test_export_folder_is_the_checkouts_in_a_checkout(qtbot):
    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    assert dialog.value_labels["Exportmap"].text() == str(Path(paths.REPO_ROOT) / "exports")


def test_help_menu_opens_the_about_dialog_with_this_database(window, qtbot):
    from PySide6.QtCore import QTimer

    action = next(a for a in window.findChildren(type(window.menuBar().actions()[0]))
                  if a.text().replace("&", "").startswith("Over Briefer"))
    seen: list[AboutDialog] = []

    def close_it() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, AboutDialog):
            seen.append(dialog)
            dialog.accept()
        else:
            QTimer.singleShot(20, close_it)

    QTimer.singleShot(20, close_it)
    action.trigger()
    assert len(seen) == 1
    assert seen[0].value_labels["Database"].text() == str(window.ws.db_path)
