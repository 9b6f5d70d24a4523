"""GUI: the composition root: settings, database and main window meet here and nowhere else.

    python -m briefer.app [--sample] [--db PATH] [--settings PATH] [FILE ...]

FILE …: documents to import (in order) and open, as "Open with" on the desktop passes them. When
Briefer already runs on the same database, they go to that window instead (`gui/single_instance.py`).

First start (an empty database): the bundled sample (Kamerstuk 30 821, nr. 196) is imported on a
worker thread and shown. `--sample` does the same on any database (importing it only once).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication, QMessageBox

from briefer import paths
from briefer.gui import single_instance
from briefer.gui.dialogs import error_text
from briefer.gui.main_window import MainWindow
from briefer.gui.theme import apply_theme, install_translations
from briefer.gui.workspace import Workspace
from briefer.settings import Settings


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="briefer-app", description="Briefer: het bureaublad-programma.")
    parser.add_argument("--db", type=Path, default=None,
                        help=f"database (standaard: $BRIEFER_DB of {paths.default_db_path()})")
    parser.add_argument("--sample", action="store_true",
                        help="het meegeleverde voorbeelddocument importeren (eenmalig) en tonen")
    parser.add_argument("--settings", type=Path, default=None, help="instellingenbestand (JSON)")
    parser.add_argument("files", nargs="*", type=Path, metavar="BESTAND",
                        help="documenten om te importeren en te openen (PDF, Word of tekst)")
    return parser.parse_args(argv)


def open_workspace(db_path: Path, settings_path: Path | None = None) -> Workspace:
    """Open (creating and migrating) the database and load the settings; no window yet."""
    from briefer.annotate import Annotations
    from briefer.store import Store

    store = Store.open(db_path)
    try:
        ann = Annotations(store)
    except Exception:
        store.close()
        raise
    return Workspace(store, ann, Settings.load(settings_path), db_path)


def create_window(db_path: Path, *, sample: bool = False, settings_path: Path | None = None,
                  show_progress: bool = True, files: list[Path] | None = None) -> MainWindow:
    """The main window over `db_path`, restored to the last session. `files` are imported in order
    and the first is opened (on a worker thread, once the window is up); without files the sample
    is shown when asked or when the database is empty."""
    ws = open_workspace(db_path, settings_path)
    window = MainWindow(ws, show_progress=show_progress)
    if files:
        open_files(window, files)
    elif sample or window.library_model.rowCount() == 0:
        show_sample(window)
    return window


def open_files(window: MainWindow, files: list[Path]) -> None:
    """`briefer-app FILE …` ("Open with"): import the files in order once the event loop runs."""
    from PySide6.QtCore import QTimer

    paths_ = [Path(f).expanduser().absolute() for f in files]
    QTimer.singleShot(0, lambda: window.import_files(paths_))


def show_sample(window: MainWindow) -> None:
    """Open the bundled sample: at once when stored, else import it first (off the GUI thread)."""
    window.open_sample()


def _startup_check(db_path: Path) -> bool:
    """Integrity check and rotating backup; offers the newest good backup when the file is damaged."""
    from briefer.store import DatabaseCorrupt
    from briefer.store.backup import restore_backup, startup_check

    try:
        startup_check(db_path)
        return True
    except DatabaseCorrupt as exc:
        good = getattr(exc, "backup", None)
        if good is None:
            QMessageBox.critical(None, "Briefer", str(exc))
            return False
        answer = QMessageBox.question(
            None, "Briefer", f"{exc}\n\nDe reservekopie {Path(good).name} nu terugzetten? "
            "Het beschadigde bestand blijft bewaard.")
        if answer != QMessageBox.StandardButton.Yes:
            return False
        try:
            restore_backup(db_path, good)
        except Exception as err:
            QMessageBox.critical(None, "Briefer", error_text(err))
            return False
        return True


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("Briefer")
    app.setOrganizationName("Briefer")
    app.setApplicationDisplayName("Briefer")
    apply_theme(app)
    install_translations(app)
    db_path = args.db or paths.default_db_path()
    instance = single_instance.claim(db_path, args.files, sample=args.sample)
    if instance is None:
        return 0  # Briefer already runs on this database: it took the files and came to the front
    if not _startup_check(db_path):
        return 1
    try:
        window = create_window(db_path, sample=args.sample, settings_path=args.settings, files=args.files)
    except Exception as exc:
        from briefer.errors import is_user_facing

        if not is_user_facing(exc):
            raise
        QMessageBox.critical(None, "Briefer", str(exc))
        return 1
    instance.attach(window)
    window.show()
    code = app.exec()
    window.shutdown()  # no worker may outlive the window (already done when it was closed)
    window.ws.store.close()
    return int(code)


if __name__ == "__main__":
    sys.exit(main())
