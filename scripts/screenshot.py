"""Screenshot of the real window for the README: `./dev screenshot [docs/window.png]` (under Xvfb).

Starts the app on a temporary database with the bundled sample, adds a few annotations through
the core API (tags, highlights, a note, follow-ups, one confidential), selects item 16 and grabs
the window.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))


def annotate(window: object) -> str:
    """Add sample annotations through the core; returns the id of the item to show."""
    from briefer.model import FollowUpKind, Level

    ws = window.ws  # type: ignore[attr-defined]
    ann, store = ws.ann, ws.store
    doc = window.current_document()  # type: ignore[attr-defined]
    domains = {d.key: d for d in ann.domains()}
    item = lambda n: store.item_by_number(doc.id, n)  # noqa: E731
    for number, keys in ((1, [1]), (2, [1, 2]), (4, [2]), (9, [3]), (12, [1, 4]), (16, [1]), (20, [2])):
        for key in keys:
            ann.tag_item(item(number).id, domains[key].id)
    i16 = item(16)
    text = i16.answer
    start = text.find("Het identificeren")
    if start >= 0:
        end = text.find(".", start) + 1
        ann.add_highlight(i16.id, "answer", start, end, domain_id=domains[1].id,
                          note="Doorlopend proces: geen einddatum genoemd.")
    conf = text.find("vertrouwelijke")
    if conf >= 0:
        s = text.rfind(" ", 0, max(0, conf - 30)) + 1
        e = text.find(".", conf) + 1
        ann.add_highlight(i16.id, "answer", s, e, domain_id=domains[2].id, level=Level.VERTROUWELIJK,
                          note="Briefing aanvragen vóór het debat.")
    q = i16.question
    qs = q.find("afhankelijk")
    if qs >= 0:
        ann.add_highlight(i16.id, "question", max(0, q.rfind(" ", 0, qs) + 1), q.find(" ", qs + 20),
                          domain_id=domains[1].id)
    ann.set_note(doc.id, i16.id, "**Kern:** het kabinet biedt een *vertrouwelijke technische briefing* aan.\n\n"
                 "- navragen wanneer\n- Kamerlid informeren", level=Level.INTERN)
    ann.set_note(doc.id, item(2).id, "Vergelijk met de Grondstoffenstrategie.")
    ann.add_followup(i16.id, "Technische briefing aanvragen bij EZK", kind=FollowUpKind.TECHNISCHE_BRIEFING,
                     owner="Sanne", due="2026-12-11", level=Level.VERTROUWELIJK)
    ann.add_followup(item(1).id, "Toezegging: voortgangsbrief eind van het jaar", kind=FollowUpKind.TOEZEGGING,
                     owner="Sanne", due="2026-11-20")
    ann.add_followup(item(9).id, "Schriftelijke vragen over medische producten voorbereiden",
                     kind=FollowUpKind.SCHRIFTELIJKE_VRAGEN, owner="Joost", due="2027-01-15")
    return i16.id


def choose_platform() -> None:
    """Use Xvfb's display when Qt's xcb plugin can load there, else render offscreen (same pixels)."""
    if os.environ.get("QT_QPA_PLATFORM"):
        return
    import ctypes.util

    needed = ("xcb-icccm", "xcb-image", "xcb-keysyms", "xcb-render-util", "xcb-shape", "xcb-cursor",
              "xkbcommon-x11")
    missing = [lib for lib in needed if ctypes.util.find_library(lib) is None]
    if missing or not os.environ.get("DISPLAY"):
        if missing:
            print(f"let op: {', '.join('lib' + m for m in missing)} ontbreekt; ik render offscreen",
                  file=sys.stderr)
        os.environ["QT_QPA_PLATFORM"] = "offscreen"


def main() -> int:
    choose_platform()
    out = Path(sys.argv[1] if len(sys.argv) > 1 else REPO / "docs" / "window.png").resolve()
    home = Path(tempfile.mkdtemp(prefix="briefer-shot-"))
    os.environ["BRIEFER_HOME"] = str(home)
    from PySide6.QtCore import QEventLoop, QTimer  # noqa: TID251
    from PySide6.QtWidgets import QApplication  # noqa: TID251

    from briefer.app import create_window
    from briefer.gui.theme import apply_theme

    app = QApplication(sys.argv[:1])
    apply_theme(app)
    window = create_window(home / "briefer.db", sample=True, show_progress=False)
    window.resize(1560, 960)
    window.show()
    loop = QEventLoop()
    window.import_finished.connect(lambda _r: loop.quit())
    window.imports.failed.connect(lambda exc: (print(f"import mislukt: {exc}", file=sys.stderr), loop.quit()))
    QTimer.singleShot(60000, loop.quit)
    loop.exec()
    if window.current_document() is None:
        print("het voorbeelddocument is niet geopend", file=sys.stderr)
        return 1
    item_id = annotate(window)
    window.reload_followups()
    window.refresh_annotations()
    window.select_item(item_id)
    for _ in range(20):
        app.processEvents()
    QTimer.singleShot(300, app.quit)
    app.exec()
    out.parent.mkdir(parents=True, exist_ok=True)
    if not window.grab().save(str(out)):
        print(f"kon {out} niet schrijven", file=sys.stderr)
        return 1
    print(f"screenshot: {out}")
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
