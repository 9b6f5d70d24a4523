"""Entry point of the packaged desktop app (`briefer-app [BESTAND…]`): `briefer.app.main()` with the
process's own arguments, so files given on the command line or through "Open with" arrive as in a
checkout (macOS Finder's open events become arguments through PyInstaller's argv emulation).

Three switches for measuring and checking a build, read from the environment (users never need them;
the same script runs from a checkout with `.venv/bin/python packaging/briefer_app.py`):

  BRIEFER_FIRST_PAINT=1   print `first-paint <epoch seconds> <ms since process start>` on stdout when
                          the main window first paints, then close it (bench/startup_bench.py)
  BRIEFER_CLOSE_AFTER=S   close the main window after S seconds, as a user would (tests/test_package.py)
  BRIEFER_SELFCHECK=1     print what the build carries (shipped folders, Qt plugins and translations,
                          QtPdf) as JSON and exit: 0 when all is there, 1 when not
  BRIEFER_PROBE_OUT=FILE  also write those lines to FILE (a windowed Windows program may have no stdout)
"""

from __future__ import annotations

import multiprocessing
import os
import sys
import time

STARTED = time.perf_counter()


def emit(text: str) -> None:
    """A probe's output: on stdout, and appended to $BRIEFER_PROBE_OUT when set."""
    if sys.stdout is not None:
        print(text, flush=True)
    target = os.environ.get("BRIEFER_PROBE_OUT")
    if target:
        with open(target, "a", encoding="utf-8") as fh:
            fh.write(text + "\n")


def process_age_ms() -> float:
    """Milliseconds since this process started (Linux: from /proc; elsewhere: since this script ran)."""
    try:
        with open("/proc/self/stat", encoding="ascii") as fh:
            start_ticks = int(fh.read().rsplit(")", 1)[1].split()[19])
        with open("/proc/uptime", encoding="ascii") as fh:
            uptime = float(fh.read().split()[0])
        return max(0.0, (uptime - start_ticks / os.sysconf("SC_CLK_TCK")) * 1000)
    except (OSError, ValueError, IndexError, AttributeError):
        return (time.perf_counter() - STARTED) * 1000


def install_probes() -> None:
    """The first-paint and close-after switches: an application-wide event filter, removed after use."""
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow, QWidget

    app = QApplication.instance() or QApplication(sys.argv[:1])

    def main_window() -> QMainWindow | None:
        return next((w for w in app.topLevelWidgets() if isinstance(w, QMainWindow)), None)

    class FirstPaint(QObject):
        def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
            if (event.type() == QEvent.Type.Paint and isinstance(obj, QWidget)
                    and isinstance(obj.window(), QMainWindow)):
                app.removeEventFilter(self)
                emit(f"first-paint {time.time():.3f} {process_age_ms():.0f}")
                # closed a little later, once the first start's sample import has been queued (a
                # window closed before that stays hidden with the import running after it)
                QTimer.singleShot(500, close)
            return False

    def close() -> None:
        window = main_window()
        if window is not None:
            window.close()  # as a user closes it: the session is saved, workers are waited for
        # a progress dialog that pops up after the window closed would keep the app alive
        QTimer.singleShot(2000, app.quit)

    if os.environ.get("BRIEFER_FIRST_PAINT"):
        probe = FirstPaint(app)
        app.installEventFilter(probe)
    close_after = os.environ.get("BRIEFER_CLOSE_AFTER")
    if close_after:
        QTimer.singleShot(int(float(close_after) * 1000), close)


def selfcheck() -> int:
    """Report (JSON on stdout) whether every shipped file and Qt piece is inside the build."""
    import json
    from pathlib import Path

    from PySide6.QtCore import QEventLoop, QLibraryInfo, qVersion
    from PySide6.QtWidgets import QApplication

    from briefer import paths
    from briefer.buildinfo import build_info
    from briefer.gui.theme import install_translations
    from briefer.store.db import MIGRATIONS_DIR, migration_files

    app = QApplication.instance() or QApplication(sys.argv[:1])
    bundle = Path(getattr(sys, "_MEIPASS", paths.REPO_ROOT)).resolve()
    if sys.platform == "darwin" and getattr(sys, "frozen", False):
        bundle = bundle.parent  # Briefer.app/Contents: code in Frameworks/, data in Resources/
    from PySide6.QtPdf import QPdfDocument

    pdf = QPdfDocument(app)
    pdf.load(str(paths.SAMPLE_DOCUMENT))
    loop = QEventLoop()
    while pdf.status() == QPdfDocument.Status.Loading:
        loop.processEvents()
    report = {
        "frozen": bool(getattr(sys, "frozen", False)),
        "bundle": str(bundle),
        "resources": str(paths.RESOURCES),
        "migrations": [p.name for p in migration_files(MIGRATIONS_DIR)],
        "inside_bundle": all(Path(p).resolve().is_relative_to(bundle) for p in (paths.RESOURCES, MIGRATIONS_DIR)),
        "sample": paths.SAMPLE_DOCUMENT.is_file(),
        "template": (paths.RESOURCES / "template.docx").is_file(),
        "domains": (paths.RESOURCES / "domains.json").is_file(),
        "lexicons": sorted(p.name for p in (paths.RESOURCES / "lexicons").glob("*.json")),
        "qt": qVersion(),
        "platform": app.platformName(),
        "plugins": QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath),
        "translations_nl": install_translations(app),
        "pdf_pages": pdf.pageCount(),
        "version": build_info(qt=qVersion()).line(),
    }
    emit(json.dumps(report, indent=2, ensure_ascii=False))
    ok = (report["inside_bundle"] or not report["frozen"]) and report["sample"] and report["template"] \
        and report["domains"] and report["migrations"] and report["lexicons"] and report["translations_nl"] \
        and report["pdf_pages"] > 0
    return 0 if ok else 1


def main() -> int:
    multiprocessing.freeze_support()
    if os.environ.get("BRIEFER_SELFCHECK"):
        return selfcheck()
    if os.environ.get("BRIEFER_FIRST_PAINT") or os.environ.get("BRIEFER_CLOSE_AFTER"):
        install_probes()
    from briefer.app import main as app_main

    return app_main()


if __name__ == "__main__":
    sys.exit(main())
