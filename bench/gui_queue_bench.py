"""Benchmark: the GUI thread's work when the suggestions of a big document arrive (issue 16).

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/gui_queue_bench.py [--items 15000] [--repeat 3]

A 15,000-item document (the sample's items repeated, as bench/suggest_bench.py builds it) is opened
in the real window. Its suggestions are not computed again for every run: the sample's own
suggestions are computed once through the core and repeated over the items (keys made unique), which
is what the helper process would deliver for this document (~17,500 suggestions). They are handed to
the `SuggestionController` as a worker would (`_finish`), and the script reports

1. each receiver of `SuggestionController.updated` on its own (outline marks and the reader's marks
   in the presenter, the dock title, the Suggesties panel), and `entries()` itself;
2. from arrival to the panel being ready (every row listed, the first one focused), with the longest
   event-loop stall (5 ms QTimer) and the worst item switch while that happens: items are switched
   one after another (select, paint reader and inspector) with 10 ms of running event loop between;
3. bare Qt: a QTreeView over a minimal model with the same number of rows (reset, expand, paint).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def repeated_entries(store: object, n_items: int) -> list:
    """The sample's suggestions, repeated over `n_items` items like bench.suggest_bench.big_document."""
    from bench.suggest_bench import big_document
    from briefer.gui.suggestions import entries
    from briefer.ingest import parse_file
    from briefer.suggest import suggest_document

    per = len(parse_file(REPO / "resources" / "samples" / "kst-30821-196.txt").items)  # the sample's items
    small = store.add_document(replace(big_document(per), identifier="bench-queue-one"), b"one").document  # type: ignore[attr-defined]
    base = entries(suggest_document(store, small.id))
    out = []
    for start in range(0, n_items, per):
        for e in base:
            number = e.item + start
            if number <= n_items:
                copy = replace(e, key=f"{e.key}#{start}", item=number)
                copy.tip  # noqa: B018 - made on the worker thread in the app, as `entries()` does
                out.append(copy)
    out.sort(key=lambda e: e.item)
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--items", type=int, default=15000)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--profile", action="store_true", help="profile the receivers (1.) and print the top")
    args = ap.parse_args()
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"load average {load:.1f} on {os.cpu_count()} cores")

    from PySide6.QtCore import QAbstractItemModel, QElapsedTimer, QModelIndex, Qt, QTimer
    from PySide6.QtWidgets import QApplication, QTreeView

    from bench.suggest_bench import big_document
    from briefer.app import create_window
    from briefer.gui.suggestions import by_item
    from briefer.gui.theme import apply_theme
    from briefer.store import Store

    tmp = Path(tempfile.mkdtemp(prefix="briefer-queuebench-"))
    os.environ["BRIEFER_HOME"] = str(tmp)
    db, settings = tmp / "queue.db", tmp / "settings.json"
    with Store.open(db) as store:
        doc_id = store.add_document(big_document(args.items), b"queue").document.id
        found = repeated_entries(store, args.items)
    per_item = by_item(found)
    kinds: dict[str, int] = {}
    for e in found:
        kinds[e.kind] = kinds.get(e.kind, 0) + 1
    print(f"{args.items:,} items, {len(found):,} suggestions ({', '.join(f'{k} {n:,}' for k, n in kinds.items())})")

    app = QApplication.instance() or QApplication([])
    apply_theme(app)
    window = create_window(db, settings_path=settings, show_progress=False)
    window.resize(1440, 900)
    window.show()
    window.open_document(doc_id)
    ctrl = window.suggestions
    ctrl._start_timer.stop()  # noqa: SLF001 - no helper process: the bench hands the result over
    window.review.show_suggestions()
    app.processEvents()
    presenter, review, panel = window.presenter, window.review, window.review.suggestions_panel
    items = window.outline_model.items()
    window.select_item(items[len(items) // 2].id)  # the reader shows an item with suggestions
    app.processEvents()

    def clear() -> None:
        ctrl._set(None, [])  # noqa: SLF001
        ctrl.updated.emit()
        app.processEvents()

    def arrive() -> None:
        ctrl._finish(ctrl._generation, (None, list(found), dict(per_item)))  # noqa: SLF001

    # 1. each receiver on its own
    parts: dict[str, list[float]] = {}
    import cProfile

    prof = cProfile.Profile()
    for _ in range(args.repeat):
        clear()
        ctrl._set(None, list(found), dict(per_item))  # noqa: SLF001
        ctrl.ready = True
        for name, slot in (("SuggestionController.entries()", ctrl.entries),
                           ("presenter: outline marks + reader marks", presenter._on_suggestions_updated),  # noqa: SLF001
                           ("review: dock title", review._update_title),  # noqa: SLF001
                           ("panel.reload (call)", panel.reload)):
            t = time.perf_counter()
            if args.profile:
                prof.runcall(slot)
            else:
                slot()
            parts.setdefault(name, []).append((time.perf_counter() - t) * 1000)
        t = time.perf_counter()
        app.processEvents()
        panel.tree.viewport().repaint()
        parts.setdefault("panel: layout and first paint after the call", []).append((time.perf_counter() - t) * 1000)
    print("receivers of `updated` on the GUI thread (best of runs):")
    for name, ms in parts.items():
        print(f"  {name:<48} {min(ms):8.1f} ms")
    if args.profile:
        import pstats

        pstats.Stats(prof).sort_stats("cumtime").print_stats(25)
        return

    # 2. arrival to ready, with switches in between
    def ready() -> bool:
        return ctrl.ready and not getattr(panel, "filling", lambda: False)() and panel.current() is not None

    results = []
    for _ in range(args.repeat):
        clear()
        gaps: list[float] = []
        clock = QElapsedTimer()
        last = [0]

        def tick(gaps: list[float] = gaps, clock: QElapsedTimer = clock, last: list[int] = last) -> None:
            now = clock.elapsed()
            gaps.append(now - last[0])
            last[0] = now

        ticker = QTimer()
        ticker.setInterval(5)
        ticker.timeout.connect(tick)
        QTimer.singleShot(30, arrive)
        clock.start()
        ticker.start()
        t0 = time.perf_counter()
        switches: list[float] = []
        k = 0
        ready_at = None
        while ready_at is None or len(switches) < 10:
            it = items[(k * 37) % len(items)]
            k += 1
            t = time.perf_counter()
            window.select_item(it.id)
            window.reader.viewport().repaint()
            window.inspector.viewport().repaint()
            app.processEvents()  # the arrival (or a chunk of it) may run in here
            switches.append((time.perf_counter() - t) * 1000)
            end = time.perf_counter() + 0.01
            while time.perf_counter() < end:
                app.processEvents()
                time.sleep(0.001)
            if ready_at is None and ready():
                ready_at = (time.perf_counter() - t0) * 1000 - 30
        ticker.stop()
        results.append((ready_at, max(switches), statistics.median(switches), max(gaps)))
    best = min(results, key=lambda r: r[1])
    print(f"arrival to panel ready: {min(r[0] for r in results):.0f} ms (runs "
          f"{', '.join(f'{r[0]:.0f}' for r in results)}); worst item switch meanwhile {best[1]:.0f} ms "
          f"(runs {', '.join(f'{r[1]:.0f}' for r in results)}; median {best[2]:.1f} ms); longest stall "
          f"{min(r[3] for r in results):.0f} ms   [switch < 50 ms]")
    panel_rows = len(found)
    window.close()
    window.ws.store.close()
    window.deleteLater()
    app.processEvents()

    # 3. bare Qt: a QTreeView over a minimal model with the same row count
    class Flat(QAbstractItemModel):
        def __init__(self) -> None:
            super().__init__()
            self.n = 0

        def index(self, row: int, column: int, parent: QModelIndex = QModelIndex()) -> QModelIndex:  # noqa: B008
            return QModelIndex() if parent.isValid() or column else self.createIndex(row, 0, 0)

        def parent(self, _index: QModelIndex = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
            return QModelIndex()

        def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
            return 0 if parent.isValid() else self.n

        def columnCount(self, _parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
            return 1

        def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
            return f"Rij {index.row()}" if role == Qt.ItemDataRole.DisplayRole else None

    bare = []
    view = QTreeView()
    model = Flat()
    view.setModel(model)
    view.setHeaderHidden(True)
    view.resize(600, 400)
    view.show()
    app.processEvents()
    for _ in range(args.repeat):
        model.beginResetModel()
        model.n = 0
        model.endResetModel()
        app.processEvents()
        t = time.perf_counter()
        model.beginResetModel()
        model.n = panel_rows
        model.endResetModel()
        view.setCurrentIndex(model.index(0, 0))
        app.processEvents()
        view.viewport().repaint()
        bare.append((time.perf_counter() - t) * 1000)
    print(f"bare Qt: QTreeView over a minimal model with {panel_rows:,} rows, reset + paint: {min(bare):.1f} ms; "
          f"ratio arrival / bare {min(r[0] for r in results) / min(bare):.1f}")


if __name__ == "__main__":
    main()
