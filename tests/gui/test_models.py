"""GUI item models over real core data, checked with QAbstractItemModelTester."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtTest import QAbstractItemModelTester

from briefer.gui.followup_models import FollowUpFilterProxy, FollowUpRow, FollowUpTableModel
from briefer.gui.models import (
    IdRole,
    LibraryModel,
    MarkersRole,
    OutlineModel,
    SortRole,
    markers_from_core,
)
from briefer.gui.theme import OVERDUE_RED
from briefer.model import FollowUpStatus, Level

Mode = QAbstractItemModelTester.FailureReportingMode


def _tester(model: Any) -> QAbstractItemModelTester:
    return QAbstractItemModelTester(model, Mode.Warning)


def _no_tester_warnings(qtlog: Any) -> None:
    bad = [r.message for r in qtlog.records if "qt.modeltest" in (r.context.category or "")
           or "FAIL!" in r.message]
    assert not bad, bad


def test_outline_model_groups_items_by_party_in_document_order(core: Any, qtlog: Any) -> None:
    store, ann, doc = core
    items = store.items(doc.id)
    model = OutlineModel()
    tester = _tester(model)
    model.set_items(items)
    parties = [model.index(r, 0).data() for r in range(model.rowCount())]
    # groups follow the document: the first group is the first item's party, counts add up
    assert parties[0].startswith(items[0].party)
    total = sum(model.rowCount(model.index(r, 0)) for r in range(model.rowCount()))
    assert total == len(items)
    # every item is reachable by id, and its index maps back to the same item
    for it in items:
        idx = model.index_of(it.id)
        assert idx.isValid() and idx.data(IdRole) == it.id
        assert model.item_at(idx) is not None and model.item_at(idx).number == it.number
        # ids never appear in the display text
        assert it.id not in idx.data(Qt.ItemDataRole.DisplayRole)
    assert not model.parent(model.index(0, 0)).isValid()
    assert model.parent(model.index_of(items[0].id)) == model.index(0, 0)
    del tester
    _no_tester_warnings(qtlog)


def test_outline_markers_follow_core_annotations(core: Any, qtlog: Any) -> None:
    store, ann, doc = core
    items = store.items(doc.id)
    model = OutlineModel()
    tester = _tester(model)
    model.set_items(items)
    d1 = ann.domain_by_ref("1")
    target = items[3]
    ann.tag_item(target.id, d1.id)
    ann.set_note(doc.id, target.id, "let op")
    ann.add_followup(target.id, "Vragen stellen", level=Level.VERTROUWELIJK)
    domains = {d.id: d for d in ann.domains()}
    changed: list[Any] = []
    model.dataChanged.connect(lambda a, b, roles: changed.append(a.data(IdRole)))
    model.set_markers({k: markers_from_core(v, domains) for k, v in ann.item_markers(doc.id).items()})
    m = model.index_of(target.id).data(MarkersRole)
    assert m.colours == [d1.colour] and m.has_note and m.followups == 1 and m.confidential
    assert changed == [target.id]  # only the changed row repaints
    other = model.index_of(items[0].id).data(MarkersRole)
    assert not other.colours and not other.has_note and not other.confidential
    del tester
    _no_tester_warnings(qtlog)


def test_library_model_lists_documents_with_ids_in_user_role(core: Any, qtlog: Any) -> None:
    store, _ann, doc = core
    model = LibraryModel()
    tester = _tester(model)
    model.set_documents(store.documents())
    assert model.rowCount() == 1
    assert model.index(0, 0).data() == doc.display_name
    assert model.index(0, 0).data(IdRole) == doc.id
    assert model.index(0, 3).data() == len(store.items(doc.id))
    # the sample carries no date of its own: the Datum column shows its vergaderjaar, not the import date
    assert model.index(0, 2).data() == doc.vergaderjaar == "2022–2023"
    assert model.index(0, 1).data() == "Schriftelijk overleg"
    tip = model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert "Geïmporteerd:" in tip and "41 vragen" in tip
    assert model.rowCount(model.index(0, 0)) == 0
    del tester
    _no_tester_warnings(qtlog)


def _rows(core: Any) -> list[FollowUpRow]:
    store, ann, doc = core
    items = store.items(doc.id)
    ann.add_followup(items[0].id, "Toezegging voortgangsbrief", owner="Sanne", due="2026-01-10")
    ann.add_followup(items[1].id, "Motie voorbereiden", owner="Joost", due="2026-03-01")
    done = ann.add_followup(items[2].id, "Afgehandeld punt", due="2025-12-01").id
    ann.update_followup(done, status=FollowUpStatus.AFGEROND)
    ann.add_followup(items[5].id, "Briefing aanvragen", level=Level.VERTROUWELIJK)
    by_id = {it.id: it for it in items}
    return [FollowUpRow(f, doc.id, doc.display_name, str(by_id[f.item_id].number)) for f in ann.followups()]


def test_followup_table_marks_overdue_and_sorts_filters(core: Any, qtlog: Any, qapp: Any) -> None:
    model = FollowUpTableModel(today=date(2026, 2, 1))
    proxy = FollowUpFilterProxy()
    proxy.setSourceModel(model)
    t1, t2 = _tester(model), _tester(proxy)
    model.set_rows(_rows(core))
    assert model.rowCount() == 4
    texts = {model.index(r, 1).data(): r for r in range(model.rowCount())}
    overdue = model.index(texts["Toezegging voortgangsbrief"], 4)
    assert overdue.data(Qt.ItemDataRole.ForegroundRole) == OVERDUE_RED
    # finished follow-ups are never overdue, future ones neither
    assert model.index(texts["Afgehandeld punt"], 4).data(Qt.ItemDataRole.ForegroundRole) is None
    assert model.index(texts["Motie voorbereiden"], 4).data(Qt.ItemDataRole.ForegroundRole) is None
    assert model.index(texts["Briefing aanvragen"], 5).data() == "VERTROUWELIJK"
    assert model.open_and_overdue() == (3, 1)  # the finished one counts for neither
    # sorting by due date puts follow-ups without a date last
    proxy.sort(4, Qt.SortOrder.AscendingOrder)
    dues = [proxy.index(r, 4).data() for r in range(proxy.rowCount())]
    # shown the Dutch way, sorted by date; an overdue one says so in words, not by colour alone
    assert dues == ["01-12-2025", "10-01-2026\nVERLOPEN", "01-03-2026", ""]
    proxy.set_overdue_only(True)
    assert [proxy.index(r, 1).data() for r in range(proxy.rowCount())] == ["Toezegging voortgangsbrief"]
    proxy.set_overdue_only(False)
    proxy.set_text("joost")
    assert [proxy.index(r, 1).data() for r in range(proxy.rowCount())] == ["Motie voorbereiden"]
    proxy.set_text("")
    proxy.set_level("vertrouwelijk")
    assert proxy.rowCount() == 1
    proxy.set_level(None)
    proxy.set_status("afgerond")
    assert [proxy.index(r, 1).data() for r in range(proxy.rowCount())] == ["Afgehandeld punt"]
    del t1, t2
    _no_tester_warnings(qtlog)


@pytest.mark.parametrize("rows", [0, 1])
def test_outline_empty_and_invalid_indexes(rows: int) -> None:
    model = OutlineModel()
    model.set_items([])
    assert model.rowCount() == 0
    assert not model.index(rows, 0).isValid()
    assert model.data(QModelIndex()) is None


def test_library_shows_each_documents_own_date_type_and_name(tmp_path: Any, samples_dir: Any, qtlog: Any) -> None:
    from briefer.importer import import_file
    from briefer.store import Store

    text = tmp_path / "memo.txt"
    text.write_text("Een losse notitie\n\nEen alinea zonder vragen.\n", encoding="utf-8")
    with Store.open(tmp_path / "lib.db") as store:
        import_file(store, samples_dir / "ah-tk-20232024-1178.pdf")
        import_file(store, text)
        docs = store.documents()
        model = LibraryModel()
        tester = _tester(model)
        model.set_documents(docs)
        rows = {model.index(r, 1).data(): r for r in range(model.rowCount())}
        kv = docs[rows["Kamervragen"]]
        r = rows["Kamervragen"]
        # the date of the answers, Dutch style, not today's import date
        assert kv.date_received == "2024-03-07"
        assert model.index(r, 2).data() == "07-03-2024"
        assert model.index(r, 2).data(SortRole) == "2024-03-07"
        assert model.index(r, 0).data() == f"Vragen over {kv.title}"
        assert "Staatssecretaris" in model.index(r, 0).data(Qt.ItemDataRole.ToolTipRole)
        from briefer.gui.labels import asked_by_label

        outline = OutlineModel()
        outline.set_items(store.items(kv.id), doc_type=kv.doc_type, group_label=asked_by_label(kv))
        assert outline.index(0, 0).data() == f"Vragen van Sneller (D66)  ({kv.item_count})"
        memo = docs[rows["Tekst (alinea's)"]]
        outline = OutlineModel()
        outline.set_items(store.items(memo.id), doc_type=memo.doc_type)
        assert outline.index(0, 0).data().startswith("Alinea's")
        del tester
    _no_tester_warnings(qtlog)


def test_confidential_level_cells_look_the_same_in_overview_and_trash(core: Any, qapp: Any) -> None:
    from PySide6.QtGui import QIcon

    from briefer.gui.theme import CONFIDENTIAL_RED
    from briefer.gui.trash import TrashModel, TrashRow

    store, ann, _doc = core
    followups = FollowUpTableModel(today=date(2026, 2, 1))
    followups.set_rows(_rows(core))
    item = store.items(_doc.id)[0]
    secret = ann.add_highlight(item.id, "question", 0, 12, level=Level.VERTROUWELIJK).id
    ann.delete_highlight(secret)
    trash = TrashModel()
    trash.set_rows([TrashRow(e, "doc", "1") for e in ann.trash()])
    assert trash.rowCount() == 1
    for model, col in ((followups, 5), (trash, 4)):
        levels = {model.index(r, col).data(): model.index(r, col) for r in range(model.rowCount())}
        cell = levels["VERTROUWELIJK"]  # confidential in capitals, read from the core's level
        assert cell.data(Qt.ItemDataRole.ForegroundRole) == CONFIDENTIAL_RED
        assert cell.data(Qt.ItemDataRole.FontRole).bold()
        assert isinstance(cell.data(Qt.ItemDataRole.DecorationRole), QIcon)
        for text, other in levels.items():
            if text != "VERTROUWELIJK":  # every level has its icon; only confidential is bold
                assert other.data(Qt.ItemDataRole.FontRole) is None
                if model is followups:
                    assert isinstance(other.data(Qt.ItemDataRole.DecorationRole), QIcon)
    assert "Intern" in {followups.index(r, 5).data() for r in range(followups.rowCount())}
