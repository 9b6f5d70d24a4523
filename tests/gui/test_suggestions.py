"""Suggestions in the window: computed once per open, quiet marks in outline, reader and inspector,
and the Suggesties panel (Enter accepts, Delete dismisses, both undoable, dismissals stick)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextCharFormat, QTextCursor

from briefer.gui.inspector import HintRole
from briefer.gui.main_window import MainWindow
from briefer.gui.models import MarkersRole
from briefer.gui.suggestions_panel import KeyRole
from briefer.model import FollowUpKind, Level
from briefer.suggest import decided


def _ready(window: MainWindow, qtbot: Any) -> None:
    qtbot.waitUntil(lambda: window.suggestions.ready and window.suggestions.doc_id == window.current_document().id,
                    timeout=5000)


def _item_with(window: MainWindow, kind: str) -> Any:
    entry = next(e for e in window.suggestions.entries() if e.kind == kind)
    return entry, window.ws.store.item_by_number(window.current_document().id, entry.item)


def test_computed_once_per_open_not_on_item_switch(window: MainWindow, qtbot: Any) -> None:
    _ready(window, qtbot)
    assert window.suggestions.entries(), "the sample has toezeggingen and domain suggestions"
    generation = window.suggestions._generation
    for _ in range(5):
        qtbot.keyClick(window.reader, Qt.Key.Key_J)
    assert window.suggestions._generation == generation
    window.open_document(window.current_document().id)  # opening again computes again
    assert window.suggestions._generation == generation + 1
    _ready(window, qtbot)


def test_outline_shows_a_quiet_mark_with_the_suggestions_in_its_tooltip(window: MainWindow, qtbot: Any) -> None:
    _ready(window, qtbot)
    entry, item = _item_with(window, "Toezegging")
    index = window.outline_model.index_of(item.id)
    markers = index.data(MarkersRole)
    assert any("toezegging" in tip for tip in markers.suggestions)
    assert "suggestie" in index.data(Qt.ItemDataRole.ToolTipRole)
    assert entry.text.split()[0] in index.data(Qt.ItemDataRole.ToolTipRole)
    numbers = window.suggestions.item_numbers()
    quiet = next(it for it in window.outline_model.items() if it.number not in numbers)
    assert window.outline_model.index_of(quiet.id).data(MarkersRole).suggestions == ()


def test_reader_underlines_the_sentence_and_enter_accepts_it_undoably(window: MainWindow, qtbot: Any) -> None:
    _ready(window, qtbot)
    entry, item = _item_with(window, "Toezegging")
    window.select_item(item.id)
    reader = window.reader
    assert entry.key in [e.key for e in reader.suggestions_shown()]
    fmap = reader.field_map(entry.field)
    middle = fmap.to_doc((entry.start + entry.end) // 2)
    cursor = QTextCursor(reader.document())
    cursor.setPosition(middle)
    assert cursor.charFormat().underlineStyle() == QTextCharFormat.UnderlineStyle.DotLine
    reader.setTextCursor(cursor)
    rect = reader.cursorRect(cursor)
    assert "Suggestie: toezegging — Enter om over te nemen" in reader.tooltip_at(QPoint(rect.x(), rect.center().y()))
    before = [f for f in window.ws.ann.followups(item_id=item.id) if f.kind == FollowUpKind.TOEZEGGING]
    reader.setFocus()
    qtbot.keyClick(reader, Qt.Key.Key_Return)
    after = [f for f in window.ws.ann.followups(item_id=item.id) if f.kind == FollowUpKind.TOEZEGGING]
    assert len(after) == len(before) + 1 and after[-1].highlight_id is not None
    assert decided(window.ws.store, item.document_id)[entry.key] == "accepted"
    assert entry.key not in [e.key for e in window.reader.suggestions_shown()]  # the mark is gone at once
    window.act_undo.trigger()
    assert len([f for f in window.ws.ann.followups(item_id=item.id) if f.kind == FollowUpKind.TOEZEGGING]) == \
        len(before)
    assert entry.key not in decided(window.ws.store, item.document_id)
    _ready(window, qtbot)
    assert entry.key in [e.key for e in window.reader.suggestions_shown()]  # back after the undo


def _queue_keys(panel: Any) -> list[str]:
    return [row.data(KeyRole) for row in panel._rows()]


def test_queue_groups_by_kind_with_counts_and_folds_the_unsure_ones(window: MainWindow, qtbot: Any) -> None:
    from briefer.gui.suggestions_panel import LOW_CONFIDENCE

    _ready(window, qtbot)
    window.review.show_suggestions()
    panel = window.review.suggestions_panel
    entries = window.suggestions.entries()
    model = panel.tree.model()
    heads = [model.index(i, 0).data() for i in range(model.rowCount())]
    kinds = {e.kind for e in entries}
    assert len(heads) == len(kinds)
    toezeggingen = sum(1 for e in entries if e.kind == "Toezegging")
    assert f"Toezeggingen ({toezeggingen})" in heads
    assert any(h.startswith("VERTROUWELIJK (") for h in heads)  # in words, not only in red
    assert sorted(_queue_keys(panel)) == sorted(e.key for e in entries)  # every suggestion once
    unsure = [e for e in entries if e.score < LOW_CONFIDENCE]
    if unsure:
        domains = next(model.index(i, 0) for i in range(model.rowCount())
                       if model.index(i, 0).data().startswith("Domeinen"))
        fold = model.index(model.rowCount(domains) - 1, 0, domains)
        assert fold.data() == f"Minder zeker ({len(unsure)})" and not panel.tree.isExpanded(fold)
    assert "◇" not in "".join(heads) and "◆" not in panel.context.toPlainText()


def test_queue_keys_accept_dismiss_and_next(window: MainWindow, qtbot: Any) -> None:
    _ready(window, qtbot)
    window.review.show_suggestions()
    panel = window.review.suggestions_panel
    doc_id = window.current_document().id
    panel.tree.setFocus()
    first = panel.current()
    assert first is not None and first.kind == "Vertrouwelijk"  # the queue starts with what matters most
    assert first.text.split()[0] in panel.context.toPlainText()  # the focused one in its context
    # N: the next one, without deciding
    qtbot.keyClick(panel.tree, Qt.Key.Key_N)
    second = panel.current()
    assert second.key != first.key and decided(window.ws.store, doc_id) == {}
    assert window.current_item().number == second.item  # the reader follows the queue
    # Delete dismisses for good; the next one comes into focus
    order = _queue_keys(panel)
    qtbot.keyClick(panel.tree, Qt.Key.Key_Delete)
    assert decided(window.ws.store, doc_id)[second.key] == "dismissed"
    assert second.key not in _queue_keys(panel)
    assert panel.current().key == order[order.index(second.key) + 1]
    # Enter accepts: a confidentiality cue becomes a confidential follow-up
    panel.focus_key(first.key)
    qtbot.keyClick(panel.tree, Qt.Key.Key_Return)
    item = window.ws.store.item_by_number(doc_id, first.item)
    assert [f for f in window.ws.ann.followups(item_id=item.id) if str(f.level) == "vertrouwelijk"]
    assert first.key not in _queue_keys(panel)
    # both are undoable; a recomputation keeps a dismissed one dismissed
    window.open_document(doc_id)
    _ready(window, qtbot)
    assert window.suggestions.find(second.key) is None
    window.act_undo.trigger()
    window.act_undo.trigger()
    assert second.key not in decided(window.ws.store, doc_id)
    _ready(window, qtbot)
    assert window.suggestions.find(second.key) is not None


def test_bulk_accept_of_a_group_and_only_this_item(window: MainWindow, qtbot: Any) -> None:
    _ready(window, qtbot)
    panel = window.review.suggestions_panel
    promises = [e for e in window.suggestions.entries() if e.kind == "Toezegging"]
    panel.focus_key(promises[0].key)
    assert {e.key for e in panel.group_entries()} == {e.key for e in promises}
    assert panel.accept_group(confirm=False) == len(promises)
    assert not [e for e in window.suggestions.entries() if e.kind == "Toezegging"]
    toezegging_fus = [f for f in window.ws.ann.followups() if f.kind == FollowUpKind.TOEZEGGING]
    assert len(toezegging_fus) >= len(promises)
    # "Alleen deze vraag" narrows the queue to the item in the reader, and follows it
    entry, item = _item_with(window, "Vertrouwelijk")
    window.select_item(item.id)
    panel.only_item.setChecked(True)
    assert {window.suggestions.find(k).item for k in _queue_keys(panel)} == {item.number}
    qtbot.keyClick(window.reader, Qt.Key.Key_J)
    assert all(window.suggestions.find(k).item == window.current_item().number for k in _queue_keys(panel))


def test_inspector_shows_suggested_domains_and_ticking_one_accepts_it(window: MainWindow, qtbot: Any) -> None:
    _ready(window, qtbot)
    entry, item = _item_with(window, "Domein")
    window.select_item(item.id)
    rows = {window.inspector.domains.item(i).data(Qt.ItemDataRole.UserRole): window.inspector.domains.item(i)
            for i in range(window.inspector.domains.count())}
    row = rows[entry.domain_id]
    assert row.data(HintRole) == "suggestie"
    assert entry.text.split(",")[0] in row.toolTip()
    assert all(r.data(HintRole) is None for d, r in rows.items()
               if d not in window.suggestions.domain_hints(item.number))
    row.setCheckState(Qt.CheckState.Checked)
    assert entry.domain_id in [d.id for d in window.ws.ann.item_domains(item.id)]
    assert decided(window.ws.store, item.document_id)[entry.key] == "accepted"
    row = next(window.inspector.domains.item(i) for i in range(window.inspector.domains.count())
               if window.inspector.domains.item(i).data(Qt.ItemDataRole.UserRole) == entry.domain_id)
    assert row.data(HintRole) is None  # no longer a suggestion once taken


def test_a_confidential_highlight_stays_unmistakable_inside_a_suggested_sentence(
        window: MainWindow, qtbot: Any) -> None:
    _ready(window, qtbot)
    entry = next(e for e in window.suggestions.entries() if e.kind == "Vertrouwelijk" and e.field == "answer")
    item = window.ws.store.item_by_number(window.current_document().id, entry.item)
    window.ws.perform(window.ws.ann.add_highlight, item.id, "answer", entry.start, entry.start + 20,
                      level=Level.VERTROUWELIJK)
    window.select_item(item.id)
    fmap = window.reader.field_map("answer")
    cursor = QTextCursor(window.reader.document())
    cursor.setPosition(fmap.to_doc(entry.start + 10))
    assert cursor.charFormat().underlineStyle() == QTextCharFormat.UnderlineStyle.WaveUnderline
    cursor.setPosition(fmap.to_doc(entry.start + 30))
    assert cursor.charFormat().underlineStyle() == QTextCharFormat.UnderlineStyle.DotLine


def test_undo_names_a_dismissed_domain_as_it_is_written(window: MainWindow, qtbot: Any) -> None:
    _ready(window, qtbot)
    entry = next(e for e in window.suggestions.entries() if e.kind == "Domein")
    assert entry.domain_name != entry.domain_name.lower()  # the taxonomy's names start with a capital
    assert window.suggestions.dismiss(entry.key)
    label = window.ws.undo_stack.undoText()
    assert label.startswith("Suggestie afwijzen") and entry.domain_name in label
    assert f"vraag {entry.item}" in label


def test_opening_another_document_clears_the_old_suggestions_at_once(window: MainWindow, qtbot: Any,
                                                                   samples_dir: Any) -> None:
    from briefer.importer import import_file

    _ready(window, qtbot)
    window.review.show_suggestions()
    panel = window.review.suggestions_panel
    assert panel.shown_entries()
    old_keys = {e.key for e in window.suggestions.entries()}
    import_file(window.ws.store, samples_dir / "ah-tk-20232024-2210.pdf")
    other_id = next(d.id for d in window.ws.store.documents() if d.identifier == "ah-tk-20232024-2210")
    window.presenter.reload_library()
    window.open_document(other_id)
    # before the new suggestions are computed, nothing of the old document may be offered
    assert panel.tree.model().rowCount() == 0 and not panel.accept_button.isEnabled()
    assert panel.info.text() == "Suggesties worden berekend…"
    _ready(window, qtbot)
    shown = {row.data(KeyRole) for row in panel._rows()}
    assert shown and shown == {e.key for e in window.suggestions.entries()}
    assert window.suggestions.doc_id == other_id and shown != old_keys
