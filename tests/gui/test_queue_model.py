"""The suggestion queue with thousands of suggestions (issue 16): right counts per group, the unsure
ones folded, and N walks every suggestion once in the queue's order, the reader following."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from briefer.gui.main_window import MainWindow
from briefer.gui.queue_model import LOW_CONFIDENCE, KeyRole, queue_order
from briefer.gui.suggestions import Entry, by_item


def _many(window: MainWindow, n: int) -> list[Entry]:
    numbers = [it.number for it in window.outline_model.items()]
    kinds = ["Toezegging", "Domein", "Vertrouwelijk", "Domein", "Verwijzing"]
    out = []
    for i in range(n):
        kind = kinds[i % len(kinds)]
        score = (0.3 if i % 3 == 0 else 0.9) if kind == "Domein" else 1.0
        out.append(Entry(f"bench:{i}", kind, numbers[(i * 7) % len(numbers)], f"Zin nummer {i} over de begroting.",
                         domain_id="d1" if kind == "Domein" else None, domain_name="Financiën", score=score,
                         sentence=f"Zin nummer {i}."))
    return sorted(out, key=lambda e: e.item)


def _arrive(window: MainWindow, qtbot: Any, found: list[Entry]) -> None:
    ctrl = window.suggestions
    qtbot.waitUntil(lambda: ctrl.ready, timeout=20000)  # the sample's own computation first
    ctrl._set(None, [])  # as when another document opens: the old ones leave first
    ctrl.updated.emit()
    ctrl._finish(ctrl._generation, (None, found, by_item(found)))
    panel = window.review.suggestions_panel
    qtbot.waitUntil(lambda: not panel.filling(), timeout=5000)


def test_thousands_of_suggestions_are_grouped_counted_and_walked(window: MainWindow, qtbot: Any) -> None:
    found = _many(window, 6000)
    window.review.show_suggestions()
    _arrive(window, qtbot, found)
    panel = window.review.suggestions_panel
    model = panel.tree.model()
    heads = [model.index(g, 0) for g in range(model.rowCount())]
    counts = {kind: sum(1 for e in found if e.kind == kind) for kind in ("Vertrouwelijk", "Toezegging", "Domein",
                                                                        "Verwijzing")}
    assert [h.data() for h in heads] == [f"VERTROUWELIJK ({counts['Vertrouwelijk']})",
                                         f"Toezeggingen ({counts['Toezegging']})", f"Domeinen ({counts['Domein']})",
                                         f"Verwijzingen ({counts['Verwijzing']})"]
    assert all(panel.tree.isExpanded(h) for h in heads)  # every group open once the list is ready
    domains = heads[2]
    unsure = [e for e in found if e.kind == "Domein" and e.score < LOW_CONFIDENCE]
    assert model.rowCount(domains) == counts["Domein"] - len(unsure) + 1
    fold = model.index(model.rowCount(domains) - 1, 0, domains)
    assert fold.data() == f"Minder zeker ({len(unsure)})" and not panel.tree.isExpanded(fold)
    assert [model.index(r, 0, fold).data(KeyRole) for r in range(model.rowCount(fold))] == [e.key for e in unsure]
    expected = [e.key for e in queue_order(found)]
    assert panel.keys() == expected and len(set(expected)) == len(found)
    assert model.parent(model.index(0, 0, fold)) == fold and model.parent(fold) == domains
    # the queue starts at the first one; N walks them all in order, the reader following
    assert panel.current().key == expected[0]
    panel.tree.setFocus()
    seen = [panel.current().key]
    for _ in range(len(found) - 1):
        panel.next_suggestion()
        seen.append(panel.current().key)
    assert seen == expected
    last = window.suggestions.find(seen[-1])
    assert window.current_item().number == last.item
    assert panel.tree.isExpanded(fold)  # walking into the fold opened it
    panel.focus_key(unsure[0].key)  # in the fold: the whole group; above it: the sure ones
    assert {e.key for e in panel.group_entries()} == {e.key for e in found if e.kind == "Domein"}
    panel.focus_key(next(e.key for e in found if e.kind == "Domein" and e.score >= LOW_CONFIDENCE))
    assert {e.key for e in panel.group_entries()} == \
        {e.key for e in found if e.kind == "Domein" and e.score >= LOW_CONFIDENCE}
    panel.focus_key(seen[-1])
    qtbot.keyClick(panel.tree, Qt.Key.Key_N)  # past the end: back to the first
    assert panel.current().key == expected[0]
    assert {e.key for e in panel.group_entries()} == {e.key for e in found if e.kind == "Vertrouwelijk"}
    text = panel.tree.currentIndex().data()
    assert text.startswith("Vraag ") and "Zin nummer" in text  # the row's accessible text
