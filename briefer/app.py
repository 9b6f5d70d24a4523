"""GUI: the composition root: settings, database and main window meet here and nowhere else.

    python -m briefer.app [--sample] [--db PATH] [--settings PATH] [FILE ...]

FILE …: documents to import (in order) and open, as "Open with" on the desktop passes them. When
Briefer already runs on the same database, they go to that window instead (`gui/single_instance.py`).

First start (an empty database): the bundled sample (Kamerstuk 30 821, nr. 196) is imported on a
worker thread and shown. `--sample` does the same on any database (importing it only once).

Start-up takes constant time (issue 16): opening runs only the store's constant-time checks (a
damaged or empty file with backups offers the newest good backup; a read-only file opens
read-only with a banner; a full disk says so and offers to try again), the window paints, and
only then `StartupSession` runs the integrity check and backup as far as due on a worker thread
(`briefer.store.maintenance`). Damage found there stops writing at once (the connection turns
read-only), shows the banner and offers the backup.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Slot
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from briefer import paths
from briefer.gui import single_instance
from briefer.gui.dialogs import error_text
from briefer.gui.main_window import MainWindow
from briefer.gui.startup import DatabaseBanner, StartupMaintenance, attach_banner
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


def open_workspace(db_path: Path, settings_path: Path | None = None, *, read_only: bool = False) -> Workspace:
    """Open (creating and migrating) the database and load the settings; no window yet.
    `read_only`: a database that cannot be written is opened for reading only."""
    from briefer.annotate import Annotations
    from briefer.store import Store

    store = Store.open(db_path, read_only=read_only)
    try:
        ann = Annotations(store)
    except Exception:
        store.close()
        raise
    return Workspace(store, ann, Settings.load(settings_path), db_path)


def create_window(db_path: Path, *, sample: bool = False, settings_path: Path | None = None,
                  show_progress: bool = True, files: list[Path] | None = None,
                  read_only: bool = False) -> MainWindow:
    """The main window over `db_path`, restored to the last session. `files` are imported in order
    and the first is opened (on a worker thread, once the window is up); without files the sample
    is shown when asked or when the database is empty. A read-only window imports nothing."""
    ws = open_workspace(db_path, settings_path, read_only=read_only)
    window = MainWindow(ws, show_progress=show_progress)
    if read_only:
        return window
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


# ------------------------------------------------------------------------------------ start-up

def _offer_restore(exc: Exception, parent: QWidget | None = None) -> bool:
    """A damaged database: say so and offer its newest good backup; True when it was restored."""
    from briefer.store.backup import damage_with_backup, restore_backup

    exc = damage_with_backup(exc, Path(exc.path)) if getattr(exc, "path", None) else exc  # type: ignore[arg-type]
    good = getattr(exc, "backup", None)
    if good is None:
        QMessageBox.critical(parent, "Briefer", str(exc))
        return False
    answer = QMessageBox.question(
        parent, "Briefer", f"{exc}\n\nDe reservekopie {Path(good).name} nu terugzetten? "
        "Het beschadigde bestand blijft bewaard.")
    if answer != QMessageBox.StandardButton.Yes:
        return False
    try:
        restore_backup(exc.path, good)  # type: ignore[attr-defined]
    except Exception as err:
        QMessageBox.critical(parent, "Briefer", error_text(err))
        return False
    return True


def open_for_start(db_path: Path, *, sample: bool = False, settings_path: Path | None = None,
                   files: list[Path] | None = None) -> MainWindow | None:
    """The main window, after the constant-time checks of opening the database (no integrity check,
    no backup: those run after the first paint). A damaged file offers its backup, a read-only one
    opens read-only, a full disk says so and offers to try again; None when the user gave up."""
    from briefer.errors import is_user_facing
    from briefer.store import DatabaseCorrupt, DatabaseReadOnly, DiskFull

    read_only = False
    while True:
        try:
            window = create_window(db_path, sample=sample, settings_path=settings_path, files=files,
                                   read_only=read_only)
        except DatabaseCorrupt as exc:
            if not _offer_restore(exc):
                return None
            continue
        except DatabaseReadOnly:
            if read_only or not db_path.exists():
                raise
            read_only = True
            continue
        except DiskFull as exc:
            answer = QMessageBox.warning(
                None, "Briefer", f"{exc}\n\nEr is niets veranderd of verplaatst.",
                QMessageBox.StandardButton.Retry | QMessageBox.StandardButton.Cancel)
            if answer == QMessageBox.StandardButton.Retry:
                continue
            return None
        except Exception as exc:
            if not is_user_facing(exc):
                raise
            QMessageBox.critical(None, "Briefer", str(exc))
            return None
        banner = attach_banner(window)
        if read_only:
            banner.show_read_only(db_path)
            window.statusBar().showMessage("Alleen lezen: wijzigingen worden niet opgeslagen.", 10000)
        return window


RERUN_MS = 30 * 60 * 1000  # while the app runs, see every half hour whether a check or backup is due


class StartupSession(QObject):
    """GUI: the running app's window over one database, and what follows the first paint: the
    maintenance run (again every half hour, doing only what is due), and on damage: stop writing,
    show the banner, offer the backup (then a new window over the restored database)."""

    def __init__(self, window: MainWindow, db_path: Path, *, settings_path: Path | None = None,
                 instance: single_instance.InstanceServer | None = None) -> None:
        super().__init__()
        self.window = window
        self.db_path = db_path
        self.settings_path = settings_path
        self.instance = instance  # later starts on this database go to the window shown now
        self.maintenance: StartupMaintenance | None = None
        self.report: object | None = None
        self.damage: Exception | None = None
        self._synced = False  # the shared folder (if one was used) is synchronised once per start
        self._watch(window)

    def _watch(self, window: MainWindow) -> None:
        from briefer.store.db import is_read_only

        if is_read_only(window.ws.store.db):
            return  # nothing to back up from here, and a check cannot change what the user may do
        banner: DatabaseBanner = getattr(window, "database_banner", None) or attach_banner(window)
        banner.restore_requested.connect(self.restore)
        self._run(window, after_paint=True)
        timer = QTimer(window)  # a window open for days still gets its daily check and backup
        timer.setInterval(RERUN_MS)
        timer.timeout.connect(lambda: self._run(window, after_paint=False))
        timer.start()

    def _run(self, window: MainWindow, *, after_paint: bool) -> None:
        if window is not self.window or self.damage is not None:
            return
        if self.maintenance is not None and not self.maintenance.done:
            return
        self.maintenance = StartupMaintenance(window, self.db_path, window.ws.settings.backup_policy())
        self.maintenance.finished.connect(self._on_report)
        self.maintenance.damaged.connect(self._on_damaged)
        self.maintenance.failed.connect(lambda exc: window.statusBar().showMessage(error_text(exc), 10000))
        if not after_paint:
            self.maintenance.start()

    @Slot(object)
    def _on_report(self, report: object) -> None:
        self.report = report
        notes = getattr(report, "notes", [])
        if notes:
            self.window.statusBar().showMessage(" ".join(notes), 15000)
        if not self._synced:  # once per start, after the check (and a backup, when due)
            self._synced = True
            sharing = getattr(self.window, "sharing", None)
            if sharing is not None:
                sharing.sync_on_start()

    @Slot(object)
    def _on_damaged(self, exc: Exception) -> None:
        from briefer.store.db import make_read_only

        self.damage = exc
        make_read_only(self.window.ws.store.db, type(exc)(str(exc)))  # stop writing into it at once
        banner: DatabaseBanner = self.window.database_banner  # type: ignore[attr-defined]
        banner.show_damaged(str(exc), can_restore=getattr(exc, "backup", None) is not None)
        self.restore()

    @Slot()
    def restore(self) -> None:
        """Offer the backup; on yes close this window's database, restore, open a new window."""
        exc = self.damage
        if exc is None or getattr(exc, "backup", None) is None:
            return
        old = self.window
        answer = QMessageBox.question(
            old, "Briefer", f"{exc}\n\nDe reservekopie {Path(exc.backup).name} nu terugzetten? "  # type: ignore[attr-defined]
            "Het beschadigde bestand blijft bewaard.")
        if answer != QMessageBox.StandardButton.Yes:
            return
        from briefer.store.backup import restore_backup

        if self.instance is not None:
            self.instance.detach()  # "Open with" waits for the new window (the old one closes)
        old.shutdown()
        old.ws.store.close()
        try:
            restore_backup(self.db_path, exc.backup)  # type: ignore[attr-defined]
        except Exception as err:
            QMessageBox.critical(old, "Briefer", error_text(err))
            window = None
        else:
            window = open_for_start(self.db_path, settings_path=self.settings_path)
        if window is None:
            if self.instance is not None:
                self.instance.attach(old)  # closed: a later start runs on its own
            return
        if self.instance is not None:
            self.instance.attach(window)
        window.show()
        window.statusBar().showMessage(f"Reservekopie {Path(exc.backup).name} teruggezet; het beschadigde "  # type: ignore[attr-defined]
                                       "bestand is bewaard.", 15000)
        self.window, self.damage, self.report = window, None, None
        self._watch(window)
        old.hide()
        old.deleteLater()


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
    window = open_for_start(db_path, sample=args.sample, settings_path=args.settings, files=args.files)
    if window is None:
        instance.close()
        return 1
    instance.attach(window)
    window.show()  # the first paint comes before any check or backup
    session = StartupSession(window, db_path, settings_path=args.settings, instance=instance)
    code = app.exec()
    session.window.shutdown()  # no worker may outlive the window (already done when it was closed)
    if session.maintenance is not None:
        session.maintenance.wait()
    session.window.ws.store.close()
    return int(code)


if __name__ == "__main__":
    sys.exit(main())
