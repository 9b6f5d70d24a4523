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
