"""GUI: asking before a level goes down from vertrouwelijk (issue 11: only an explicit act lowers).

The core refuses such a change with `LevelLowering`, whose `notice` says in Dutch what would then
appear in lower documents. `Workspace.perform` catches it and calls `ask_lowering(notice)`: yes
repeats the call with `allow_lower=True`; no keeps the level (for a new annotation: it is created
at vertrouwelijk, so nothing the user typed is lost). Tests replace `Workspace.confirm_lowering`.
"""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from briefer.annotate import LoweringNotice


def ask_lowering(notice: LoweringNotice, parent: QWidget | None = None) -> bool:
    """Show the notice and ask whether to lower anyway; True = lower."""
    box = QMessageBox(parent or QApplication.activeWindow())
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle("Niveau verlagen?")
    box.setText(notice.question)
    lower = box.addButton(f"Verlagen naar {notice.new.value}", QMessageBox.ButtonRole.AcceptRole)
    keep = box.addButton("Vertrouwelijk houden", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(keep)
    box.exec()
    return box.clickedButton() is lower
