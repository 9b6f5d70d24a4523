"""Layout at laptop sizes: the inspector's four sections without scrolling, foldable; the outline's
subjects readable in a narrow panel; the suggestion queue showing each suggestion's gist."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QWidget

from briefer.gui.delegates import OutlineDelegate
from briefer.gui.main_window import MainWindow
from briefer.gui.models import SubjectRole
from briefer.model import FollowUpKind, Level


def _annotate_16(window: MainWindow) -> None:
    ann, store = window.ws.ann, window.ws.store
    doc = window.current_document()
    item = store.item_by_number(doc.id, 16)
    ann.highlight_quote(item.id, "Om deze reden is er geen einddatum te noemen", field="answer",
                        domain_id=ann.domain_by_ref("1").id, note="Terugkomen in het debat.")
    ann.highlight_quote(item.id, "vertrouwelijke technische briefing", field="answer", level=Level.VERTROUWELIJK)
    ann.add_followup(item.id, "Briefing aanvragen", kind=FollowUpKind.TECHNISCHE_BRIEFING, level=Level.VERTROUWELIJK)
    ann.add_followup(item.id, "Toezegging bewaken", kind=FollowUpKind.TOEZEGGING)
    ann.set_note(doc.id, item.id, "**Voor het debat**\n\n- einddatum?\n- briefing aanvragen\n- Kamerlid inlichten")
    window.presenter.refresh_annotations()
    window.select_item(item.id)


def _inside(widget: QWidget, area: QWidget) -> bool:
    """`widget` is shown whole inside `area`'s visible rectangle (no scrolling needed to reach it)."""
    top_left = widget.mapTo(area, widget.rect().topLeft())
    return widget.isVisible() and widget.height() > 20 and area.rect().contains(top_left) \
        and area.rect().contains(top_left + widget.rect().bottomRight())


@pytest.mark.parametrize("size", [(1366, 768), (1440, 900)], ids=["1366x768", "1440x900"])
def test_the_inspector_shows_domains_note_highlights_and_followups_without_scrolling(
        window: MainWindow, qtbot: Any, size: tuple[int, int]) -> None:
    window.resize(*size)
    _annotate_16(window)
    qtbot.wait(50)
    insp = window.inspector
    view = insp.viewport()
    assert insp.verticalScrollBar().maximum() == 0  # nothing to scroll to
    for part in (insp.domains, insp.note_tabs, insp.highlights, insp.followups, insp.add_followup_button):
        assert _inside(part, view), part.accessibleName() or part.text()
    assert insp.highlights.count() == 2 and insp.followups.count() == 2


def test_an_inspector_section_folds_away_and_gives_the_others_room(window: MainWindow, qtbot: Any) -> None:
    _annotate_16(window)
    insp = window.inspector
    before = insp.highlights.height()
    qtbot.mouseClick(insp.domains_title, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(insp.note_title, Qt.MouseButton.LeftButton)
    qtbot.wait(50)
    assert not insp.domains.isVisible() and not insp.note_tabs.isVisible() and not insp.note_level.isVisible()
    assert insp.domains_title.folded() and "ingeklapt" in insp.domains_title.accessibleName()
    assert insp.highlights.height() > before + 100  # the room went to the lists
    insp.domains_title.setFocus()
    qtbot.keyClick(insp.domains_title, Qt.Key.Key_Space)  # the keyboard unfolds it too
    assert insp.domains.isVisible() and not insp.domains_title.folded()


def test_the_outline_shows_each_subject_whole_in_the_default_left_panel(window: MainWindow, qtbot: Any) -> None:
    """The subjects of the 41 VSO questions in the panel as it opens at 1366×768: once cut after about
    25 characters, now wrapped on up to three lines; the tooltip has the subject in full."""
    window.resize(1366, 768)
    qtbot.wait(50)
    outline, model = window.outline, window.outline_model
    delegate = outline.itemDelegate()
    assert isinstance(delegate, OutlineDelegate)
    fm = QFontMetrics(outline.font())
    whole, two_lines = 0, 0
    for item in model.items():
        index = model.index_of(item.id)
        subject = index.data(SubjectRole)
        outline.scrollTo(index)
        rect = outline.visualRect(index)
        room = max(1, (rect.height() - 2 * delegate.PAD) // fm.lineSpacing())
        lines = delegate._lines(fm, index, rect.width() - 2 * delegate._margin(outline), room)[2]
        whole += " ".join(lines) == subject
        two_lines += len(lines) >= 2
        assert f"Onderwerp: {subject}" in index.data(Qt.ItemDataRole.ToolTipRole)
    assert whole >= 0.85 * len(model.items()), f"{whole} of {len(model.items())} subjects shown whole"
    assert two_lines > 0  # rows take more lines where the subject needs them


def test_the_suggestion_queue_lists_the_gist_first(window: MainWindow, qtbot: Any) -> None:
    qtbot.waitUntil(lambda: window.suggestions.ready and bool(window.suggestions.entries()), timeout=20000)
    window.resize(1366, 768)
    window.review.show_suggestions()
    panel = window.review.suggestions_panel
    qtbot.wait(50)
    assert panel.tree.width() >= 0.38 * panel.width()  # room for the gists, not a sliver
    from briefer.gui.suggestions_panel import GistRole, KeyRole, WhereRole

    rows = panel._rows()
    assert rows
    for row in rows:
        entry = window.suggestions.find(row.data(KeyRole))
        gist, where = row.data(GistRole), row.data(WhereRole)
        assert not gist.startswith("Vraag")  # what it says comes first; where it is, second
        assert where.startswith(f"Vraag {entry.item}")
        if entry.kind == "Toezegging":
            assert gist == " ".join(entry.sentence.split()) and "termijn" in where
        if entry.kind == "Domein":
            assert gist == entry.domain_name and "op grond van" in where
        assert panel.tree.sizeHintForIndex(row).height() >= 2 * QFontMetrics(panel.tree.font()).height()
