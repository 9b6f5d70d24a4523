"""Benchmark: the desktop app's responsiveness (prints figures; targets in brackets).

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/gui_bench.py [--questions 1500] [--pages 300]

1. start to first paint: a fresh Python process starts the app on a database holding the sample
   and reports when the main window first paints (< 1.5 s; includes interpreter start-up);
2. open a 1,500-item document to a visible outline (< 300 ms);
3. switch item: select the next item and have reader + inspector painted (< 50 ms; median, max);
4. the longest event-loop stall while a 300-page PDF imports on the worker thread (< 100 ms),
   measured with a QTimer ticking every 5 ms;
5. switch item while the suggestions of a 15,000-item document (`--load-items`) are computed,
   and while they arrive (< 50 ms, every switch): items are switched one after another with the
   event loop running in between, from the document's opening until its suggestions are shown;
   beside a bare Qt baseline (a QTextBrowser showing the same items' text, no suggestions).
The documents are built with tests/helpers/pdfmaker.py and imported through the core (the
15,000-item one is stored directly: the sample's items repeated, as bench/suggest_bench.py does).
The GUI thread's share when those suggestions arrive, receiver by receiver, is measured on its own
by bench/gui_queue_bench.py (no helper process: the result is handed over, so it runs in seconds).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench.bytecode import compile_bytecode  # noqa: E402

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

CHILD = r"""
import sys, time
t_start = float(sys.argv[3])
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication
from briefer.app import create_window
from briefer.gui.theme import apply_theme
from pathlib import Path
app = QApplication([])
apply_theme(app)
window = create_window(Path(sys.argv[1]), settings_path=Path(sys.argv[2]), show_progress=False)
class Painted(QObject):
    def eventFilter(self, obj, ev):
        if ev.type() == QEvent.Type.Paint:
            print(f"{time.time() - t_start:.4f}", flush=True)
            app.exit(0)
        return False
f = Painted()
window.reader.viewport().installEventFilter(f)
window.show()
QTimer.singleShot(10000, app.quit)
app.exec()
"""


def lijst(questions: int, path: Path) -> Path:
    from tests.helpers.pdfmaker import flow_document

    paras: list[str | tuple[str, float]] = ["LIJST VAN VRAGEN EN ANTWOORDEN"]
    for n in range(1, questions + 1):
        paras.append(f"{n}. Kunt u aangeven hoeveel middelen er in 2024 zijn besteed aan onderdeel {n} "
                     "van de begroting, en hoe zich dat verhoudt tot de raming?")
        paras.append("Antwoord")
        paras.append(f"Aan onderdeel {n} is {n * 3} miljoen euro besteed. Dat is conform de raming in de "
                     "ontwerpbegroting; de uitputting ligt daarmee op schema.")
    return flow_document(paras, lines_per_page=47).save(path)


def start_to_first_paint(db: Path, settings: Path, runs: int = 3) -> list[float]:
    out = []
    for _ in range(runs):
        t0 = time.time()
        proc = subprocess.run([sys.executable, "-c", CHILD, str(db), str(settings), str(t0)],
                              capture_output=True, text=True, cwd=REPO, timeout=60)
        line = [ln for ln in proc.stdout.splitlines() if ln.strip()]
        if not line:
            raise SystemExit(f"start-up run failed: {proc.stderr[-400:]}")
        out.append(float(line[-1]))
    return out


def main() -> None:
    compile_bytecode()  # figures of an installed Briefer, not of a stale-.pyc checkout
    ap = argparse.ArgumentParser()
    ap.add_argument("--questions", type=int, default=1500)
    ap.add_argument("--pages", type=int, default=300)
    ap.add_argument("--load-items", type=int, default=15000)
    ap.add_argument("--only-load", action="store_true", help="only measurement 5")
    args = ap.parse_args()
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"load average {load:.1f} on {os.cpu_count()} cores")

    from PySide6.QtCore import QElapsedTimer, QTimer
    from PySide6.QtWidgets import QApplication

    from briefer.app import create_window
    from briefer.gui.theme import apply_theme
    from briefer.importer import import_file
    from briefer.store import Store

    tmp = Path(tempfile.mkdtemp(prefix="briefer-guibench-"))
    os.environ["BRIEFER_HOME"] = str(tmp)
    db, settings = tmp / "briefer.db", tmp / "settings.json"
    if args.only_load:
        switch_under_load(tmp, args.load_items)
        return
    sample = REPO / "resources" / "samples" / "kst-30821-196.pdf"
    big_pdf = lijst(args.questions, tmp / "lijst-1500.pdf")
    # a ~300-page PDF: more questions on the same layout
    per_page = args.questions / max(1, _pages(big_pdf))
    long_pdf = lijst(int(per_page * args.pages) + 10, tmp / "lijst-300p.pdf")
    with Store.open(db) as store:
        import_file(store, sample)
        big = import_file(store, big_pdf).document

    paints = start_to_first_paint(db, settings)
    print(f"start to first paint: median {statistics.median(paints) * 1000:.0f} ms, "
          f"runs {', '.join(f'{p * 1000:.0f}' for p in paints)} ms   [< 1500 ms]")

    app = QApplication.instance() or QApplication([])
    apply_theme(app)
    window = create_window(db, settings_path=settings)  # with the progress dialog, as users see it
    window.resize(1440, 900)
    window.show()
    app.processEvents()

    t = time.perf_counter()
    window.open_document(big.id)
    window.outline.viewport().repaint()
    app.processEvents()
    open_ms = (time.perf_counter() - t) * 1000
    print(f"open a {big.item_count}-item document to a visible outline: {open_ms:.0f} ms   [< 300 ms]")

    # some annotations, so switching has something to draw
    ann = window.ws.ann
    items = window.outline_model.items()
    d1 = ann.domains()[0]
    for it in items[:60:3]:
        ann.tag_item(it.id, d1.id)
        ann.add_highlight(it.id, "answer", 0, min(20, len(it.answer)), domain_id=d1.id)
        ann.add_followup(it.id, "Nagaan", owner="bench")
    window.presenter.refresh_annotations()
    times = []
    for it in items[:60]:
        t = time.perf_counter()
        window.select_item(it.id)
        window.reader.viewport().repaint()
        window.inspector.viewport().repaint()
        app.processEvents()
        times.append((time.perf_counter() - t) * 1000)
    print(f"switch item: median {statistics.median(times):.1f} ms, max {max(times):.1f} ms   [< 50 ms]")

    pages = _pages(long_pdf)
    gaps: list[float] = []
    clock = QElapsedTimer()
    ticker = QTimer()
    ticker.setInterval(5)
    last = [0]

    def tick() -> None:
        now = clock.elapsed()
        gaps.append(now - last[0])
        last[0] = now

    ticker.timeout.connect(tick)
    done = []
    window.import_finished.connect(lambda r: done.append(r))
    window.imports.failed.connect(lambda e: done.append(e))
    clock.start()
    ticker.start()
    t = time.perf_counter()
    window.import_files([long_pdf])
    while not done:
        app.processEvents()
        time.sleep(0.001)
    ticker.stop()
    total = time.perf_counter() - t
    if not isinstance(done[0], Exception):
        print(f"import a {pages}-page PDF ({done[0].document.item_count} items) in {total:.1f} s: longest "
              f"event-loop stall {max(gaps):.0f} ms (5 ms ticks, {len(gaps)} ticks)   [< 100 ms]")
    else:
        print(f"import of the {pages}-page PDF failed: {done[0]}")
    ticker.timeout.disconnect(tick)
    window.close()
    window.ws.store.close()
    window.deleteLater()
    app.processEvents()
    switch_under_load(tmp, args.load_items)


def clock_at_max(gaps: list[float]) -> float:
    """When (ms since the start) the longest gap ended."""
    i = max(range(len(gaps)), key=gaps.__getitem__)
    return sum(gaps[: i + 1])


def switch_under_load(tmp: Path, n_items: int) -> None:
    """Measurement 5: item switches while a big document's suggestions are computed and arrive."""
    from PySide6.QtCore import QElapsedTimer, QTimer
    from PySide6.QtWidgets import QApplication, QTextBrowser

    from bench.suggest_bench import big_document
    from briefer.app import create_window
    from briefer.gui.theme import apply_theme
    from briefer.store import Store

    app = QApplication.instance() or QApplication([])
    apply_theme(app)
    db, settings = tmp / "load.db", tmp / "load-settings.json"
    with Store.open(db) as store:
        doc_id = store.add_document(big_document(n_items), b"load").document.id
    window = create_window(db, settings_path=settings, show_progress=False)
    window.resize(1440, 900)
    window.show()
    app.processEvents()

    gaps: list[float] = []
    clock = QElapsedTimer()
    last = [0]

    def tick() -> None:
        now = clock.elapsed()
        gaps.append(now - last[0])
        last[0] = now

    ticker = QTimer()
    ticker.setInterval(5)
    ticker.timeout.connect(tick)
    clock.start()
    ticker.start()
    t0 = time.perf_counter()
    window.open_document(doc_id)
    opened = (time.perf_counter() - t0) * 1000
    items = window.outline_model.items()
    settle = time.perf_counter() + 2.0  # the opening's own deferred work (outline, markers) first
    while time.perf_counter() < settle:
        app.processEvents()
        time.sleep(0.002)
    open_stall = max(gaps) if gaps else 0.0
    gaps.clear()
    during: list[float] = []  # switches while the suggestions are computed
    arriving: list[float] = []  # the switch (with its reading pause) in which they arrived
    later: list[float] = []  # switches with the suggestions shown
    switch_ms: list[float] = []
    k = 0
    ready_at: float | None = None
    while len(later) < 50:
        it = items[(k * 37) % len(items)]
        k += 1
        was_ready = window.suggestions.ready
        t = time.perf_counter()
        window.select_item(it.id)
        window.reader.viewport().repaint()
        window.inspector.viewport().repaint()
        app.processEvents()
        ms = (time.perf_counter() - t) * 1000
        end = time.perf_counter() + 0.02  # the user reads for a moment: the event loop runs
        while time.perf_counter() < end:
            app.processEvents()
            time.sleep(0.002)
        pause = (time.perf_counter() - t) * 1000 - ms  # the reading pause's own stall, if any
        switch_ms.append(ms)
        if was_ready:
            later.append(ms)
        elif window.suggestions.ready:
            ready_at = time.perf_counter() - t0
            arriving.append(max(ms, pause))
        else:
            during.append(ms)
        if time.perf_counter() - t0 > 900:
            print("suggestions did not arrive within 15 minutes")
            break
    ticker.stop()
    found = len(window.suggestions.entries())
    ready = ready_at if ready_at is not None else float("nan")
    stall_at = clock_at_max(gaps) / 1000 + 2.0 + opened / 1000
    print(f"a {len(items):,}-item document opens in {opened:.0f} ms (longest stall while it settles "
          f"{open_stall:.0f} ms: the opening itself, before any suggestion work)")
    print(f"switch item while its {found:,} suggestions are computed ({ready:.1f} s): {len(during)} switches, "
          f"median {statistics.median(during):.1f} ms, max {max(during):.1f} ms   [< 50 ms]")
    print(f"  the moment they arrive and are shown: {max(arriving or [0]):.0f} ms (GUI thread: markers, panel); "
          f"afterwards: median {statistics.median(later or [0]):.1f} ms, max {max(later or [0]):.1f} ms")
    print(f"  longest event-loop stall after the opening: {max(gaps):.0f} ms, at {stall_at:.1f} s")
    window.close()
    window.ws.store.close()
    window.deleteLater()
    app.processEvents()

    browser = QTextBrowser()  # the bare Qt baseline: the same items' text, nothing else
    browser.resize(900, 800)
    browser.show()
    app.processEvents()
    bare: list[float] = []
    for k in range(len(switch_ms)):
        it = items[(k * 37) % len(items)]
        t = time.perf_counter()
        browser.setPlainText(f"{it.question}\n\n{it.answer}")
        browser.viewport().repaint()
        app.processEvents()
        bare.append((time.perf_counter() - t) * 1000)
    print(f"bare Qt (QTextBrowser, plain text of the same items): median {statistics.median(bare):.1f} ms, "
          f"max {max(bare):.1f} ms; ratio of medians {statistics.median(during) / statistics.median(bare):.1f}")
    browser.close()


def _pages(path: Path) -> int:
    import pypdf

    return len(pypdf.PdfReader(path).pages)


if __name__ == "__main__":
    main()
