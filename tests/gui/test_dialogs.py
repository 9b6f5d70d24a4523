"""Errors as the window shows them: core messages as they are, anything else in Dutch and logged."""

from __future__ import annotations

from typing import Any

from briefer.errors import BrieferError
from briefer.gui.dialogs import error_text


def test_core_errors_keep_their_dutch_message(capsys: Any) -> None:
    assert error_text(BrieferError("Het bestand x.pdf bestaat niet; kies een ander bestand.")) == (
        "Het bestand x.pdf bestaat niet; kies een ander bestand.")
    assert capsys.readouterr().err == ""


def test_unexpected_errors_are_named_in_dutch_and_their_trace_kept(capsys: Any) -> None:
    try:
        {}["sleutel"]
    except KeyError as exc:
        text = error_text(exc)
    assert text.startswith("Er ging iets onverwachts mis (KeyError: 'sleutel').")
    err = capsys.readouterr().err
    assert "Traceback" in err and "KeyError: 'sleutel'" in err


def test_followup_confidential_warning_is_shown_whole(qtbot: Any, themed: Any) -> None:
    """The VERTROUWELIJK warning must be readable to its last word, not cut off at the dialog's edge."""
    from briefer.gui.dialogs import FollowUpDialog
    from briefer.model import Level

    dialog = FollowUpDialog(None, highlights=[])
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.level.setCurrentIndex(dialog.level.findData(str(Level.VERTROUWELIJK)))
    qtbot.waitUntil(lambda: dialog.level_warning.isVisible(), timeout=1000)
    label = dialog.level_warning
    qtbot.waitUntil(lambda: label.height() >= label.heightForWidth(label.width()), timeout=1000)
    from PySide6.QtCore import Qt

    # the text as the label lays it out must fit inside the label
    box = label.contentsRect()
    flags = Qt.TextFlag.TextWordWrap if label.wordWrap() else Qt.TextFlag.TextSingleLine
    needed = label.fontMetrics().boundingRect(box, int(flags), label.text())
    assert needed.width() <= box.width() and needed.height() <= box.height() + 1
    assert label.geometry().right() <= dialog.rect().right()
