"""GUI: working with colleagues — the conflict beside the note, the conflicts dialog, the shared folder.

`SharingActions` is a controller like the others (see main_window.py): it owns its QActions
(Bewerken → Conflicten…, Bestand → Gedeelde map…, Nu synchroniseren) and two widgets it places
itself:
- a conflict box in the inspector, under the note: when the item on screen has a text that a
  colleague changed too (note, highlight note, follow-up), both texts are shown there with "mijn
  versie / die van de collega / samenvoegen" (`ConflictView`); choosing is one undoable step;
- a bar above the reader while conflicts are open anywhere ("2 conflicten met collega's —
  Bekijken"), so an import or sync that left conflicts is never silent.

The shared folder is synchronised on a worker thread (`SharedFolderController`): on demand, and
once after the window has painted when a folder was used before (`sync_on_start`, called by the
app's start-up session). Offline is a status message, never an error: nothing is lost, the
changes go along next time.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, QTimer, Slot
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from briefer.gui.conflict_view import ConflictsDialog, ConflictView
from briefer.gui.qactions import make_action
from briefer.gui.shared_folder import SharedFolderController, SharedFolderDialog


def conflicts_text(n: int) -> str:
    """"1 conflict met een collega" / "3 conflicten met collega's" (Dutch, singular and plural)."""
    return "1 conflict met een collega" if n == 1 else f"{n} conflicten met collega's"


class SharingActions(QObject):
    """GUI: conflicts (beside the note, a bar, a dialog) and the shared folder, over the core's sharing."""

    def __init__(self, workspace: Any, presenter: Any, host: Any, inspector: Any) -> None:
        super().__init__(host)
        self.ws = workspace
        self.p = presenter
        self.host = host
        self._conflicts: list[Any] = []
        self._doc_conflicts: list[Any] = []
        self._closed = False
        self.folder = SharedFolderController(workspace, self)
        self.folder.synced.connect(self._on_synced)
        self.folder.offline.connect(lambda text: self.p.message.emit(text, 10000))
        self.folder.failed.connect(self.ws.failed.emit)

        self.view = ConflictView(workspace.ann, workspace.perform, stacked=True)
        self.view.failed.connect(self.ws.failed.emit)
        self.box = QGroupBox("Conflict met een collega")
        self.box.setAccessibleName("Conflict met een collega bij deze vraag")
        QVBoxLayout(self.box).addWidget(self.view)
        self.box.hide()
        inspector.add_section_below_note(self.box)

        self.bar = QWidget()
        self.bar.setObjectName("conflictBar")
        self.bar_text = QLabel()
        self.bar_text.setObjectName("badge")
        show = QPushButton("&Bekijken…")
        show.clicked.connect(self.show_conflicts)
        row = QHBoxLayout(self.bar)
        row.setContentsMargins(8, 2, 8, 2)
        row.addWidget(self.bar_text, 1)
        row.addWidget(show)
        self.bar.hide()
        host.add_banner(self.bar)

        self.act_conflicts = make_action(host, "&Conflicten…", self.show_conflicts,
                                         tip="Teksten die u en een collega allebei wijzigden: kies een versie")
        self.act_shared_folder = make_action(host, "Gedeelde &map…", self.show_shared_folder,
                                             tip="Annotaties uitwisselen met collega's via een gedeelde map")
        self.act_sync = make_action(host, "Nu s&ynchroniseren", self.sync_now, "Ctrl+Shift+Y",
                                    "Annotaties nu uitwisselen met de gedeelde map")
        self._pending = QTimer(self)
        self._pending.setSingleShot(True)
        self._pending.setInterval(0)
        self._pending.timeout.connect(self.reload)
        workspace.changed.connect(self._pending.start)
        presenter.document_opened.connect(lambda _d: self.reload())
        presenter.document_closed.connect(self.reload)
        presenter.item_shown.connect(lambda _i: self._show_item_conflict())
        self.reload()

    # -- conflicts ------------------------------------------------------------------------------

    def conflicts(self) -> list[Any]:
        """Every open conflict (all documents), as last read."""
        return list(self._conflicts)

    @Slot()
    def reload(self) -> None:
        """Read the open conflicts again (after any change: an import, a sync, a choice, undo)."""
        if self._closed:
            return
        self._conflicts = self.ws.query(self.ws.ann.conflicts, default=[]) or []
        doc = self.p.current_document()
        self._doc_conflicts = [c for c in self._conflicts if doc is not None and c.document_id == doc.id]
        n = len(self._conflicts)
        self.bar_text.setText(f"{conflicts_text(n)}: kies per tekst welke versie blijft." if n else "")
        self.bar.setVisible(n > 0)
        self.act_conflicts.setText(f"&Conflicten ({n})…" if n else "&Conflicten…")
        self._show_item_conflict()

    def _show_item_conflict(self) -> None:
        item = self.p.current_item()
        mine = [c for c in self._doc_conflicts if item is not None and c.item_number == item.number]
        self.box.setVisible(bool(mine))
        if mine:
            self.box.setTitle("Conflict met een collega" if len(mine) == 1
                              else f"{len(mine)} conflicten met collega's")
            self.view.set_conflict(mine[0])
        else:
            self.view.set_conflict(None)

    @Slot()
    def show_conflicts(self) -> None:
        doc = self.p.current_document()
        only_doc = doc is not None and any(c.document_id == doc.id for c in self._conflicts)
        dialog = ConflictsDialog(self.ws.ann, doc.id if only_doc and doc else None, self.ws.perform, self.host)
        dialog.exec()
        dialog.deleteLater()
        self.reload()

    # -- shared folder --------------------------------------------------------------------------

    @Slot()
    def show_shared_folder(self) -> None:
        dialog = SharedFolderDialog(self.folder, self.host)
        dialog.exec()
        dialog.deleteLater()

    @Slot()
    def sync_now(self) -> bool:
        if self.folder.folder() is None:
            self.show_shared_folder()
            return False
        started = not self._closed and self.folder.sync_now()
        self.p.message.emit("Synchroniseren met de gedeelde map…" if started
                            else "Er loopt al een synchronisatie.", 4000)
        return started

    def sync_on_start(self) -> bool:
        """Sync with the folder used before (once, after the start-up check); never after closing."""
        return not self._closed and self.folder.sync_on_start()

    @Slot(object)
    def _on_synced(self, report: Any) -> None:
        lines = report.lines()
        self.p.message.emit(" ".join(lines[:2]) if lines else "Gesynchroniseerd.", 10000)
        self.reload()

    def shutdown(self) -> None:
        """The window closes: no new sync starts, a running one is waited for."""
        self._closed = True
        self._pending.stop()
        self.folder.wait(5000)
