"""Screenshot of the real window for the README: `./dev screenshot [docs/window.png]` (under Xvfb).

Starts the app on a temporary database with the bundled sample, adds a few annotations through
the core API (tags, highlights, a note, follow-ups, one confidential), waits for the suggestions
(marks in the outline, dotted sentences in the reader), selects item 16 and grabs the window at
1366×768; then the follow-ups overview, the suggestion queue and a Kamervragen document.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))


def annotate(window: object) -> str:
    """Annotate the sample the way a staffer would, through the core; returns the item to show.

    Whole phrases are marked with `Annotations.highlight_quote` (no offsets): on answer 16 the
    toezegging (with a follow-up to watch it) and the offer of a confidential technische briefing
    (a vertrouwelijk highlight and follow-up); item tags across the outline, an item note, a few
    follow-ups elsewhere (one overdue) and the document's Kern.
    """
    from datetime import date, timedelta

    from briefer.model import FollowUpKind, Level

    ws = window.ws  # type: ignore[attr-defined]
    ann, store = ws.ann, ws.store
    doc = window.current_document()  # type: ignore[attr-defined]
    domains = {d.key: d for d in ann.domains()}
    item = lambda n: store.item_by_number(doc.id, n)  # noqa: E731
    today = date.today()
    due = lambda days: (today + timedelta(days=days)).isoformat()  # noqa: E731
    for number, keys in ((1, [1]), (2, [1, 2]), (3, [1]), (4, [2]), (9, [1, 2]), (12, [1]), (16, [1, 2]),
                         (20, [4]), (25, [1]), (28, [3])):
        for key in keys:
            ann.tag_item(item(number).id, domains[key].id)

    i16 = item(16)
    ann.highlight_quote(i16.id, "De werkelijke afhankelijkheid van Chinese siliciumproductie voor zonnepanelen "
                        "is juist veel ernstiger dan ingeschat", field="question", domain_id=domains[1].id)
    ann.highlight_quote(i16.id, "Om deze reden is er geen einddatum te noemen", field="answer",
                        domain_id=domains[1].id, note="Geen einddatum: terugkomen op in het debat.")
    promise = ann.highlight_quote(
        i16.id, "Aan het einde van dit jaar zal onder andere worden ingegaan op de voortgang van de identificatie "
        "van risicovolle strategische afhankelijkheden", field="answer", domain_id=domains[2].id,
        note="Toezegging: voortgang eind dit jaar.")
    secret = ann.highlight_quote(
        i16.id, "zal het kabinet de Kamer aanbieden hierover een vertrouwelijke technische briefing te verzorgen",
        field="answer", domain_id=domains[2].id, level=Level.VERTROUWELIJK,
        note="Briefing aanvragen vóór het commissiedebat.")
    ann.add_followup(i16.id, "Toezegging bewaken: voortgang identificatie risicovolle afhankelijkheden",
                     kind=FollowUpKind.TOEZEGGING, owner="Sanne", due=due(34), highlight_id=promise.after["id"])
    ann.add_followup(i16.id, "Vertrouwelijke technische briefing aanvragen bij EZK",
                     kind=FollowUpKind.TECHNISCHE_BRIEFING, owner="Sanne", due=due(14), level=Level.VERTROUWELIJK,
                     highlight_id=secret.after["id"])
    ann.set_note(doc.id, i16.id, "**Voor het debat:** het kabinet noemt geen einddatum, maar biedt wel een "
                 "*vertrouwelijke technische briefing* aan.\n\n- wanneer volgt de voortgangsbrief?\n"
                 "- briefing aanvragen en Kamerlid inlichten", level=Level.INTERN, allow_lower=True)
    ann.set_note(doc.id, item(2).id, "Vergelijk met de Grondstoffenstrategie.")
    ann.highlight_quote(item(1).id, "kwantitatieve doelen en termijnen", field="answer", domain_id=domains[1].id)
    ann.add_followup(item(1).id, "Motie: concrete doelen en termijnen voor afbouw afhankelijkheden",
                     kind=FollowUpKind.MOTIE, owner="Joost", due=due(-5))
    ann.add_followup(item(9).id, "Schriftelijke vragen over de rol van AIVD en MIVD",
                     kind=FollowUpKind.SCHRIFTELIJKE_VRAGEN, owner="Joost", due=due(49))
    ann.set_note(doc.id, None, "- Kabinet stelt geen kwantitatieve doelen of termijnen (vraag 1, 12)\n"
                 "- Voortgangsbrief eind dit jaar: toezegging bewaken (vraag 16)\n"
                 "- Vertrouwelijke technische briefing aangeboden (vraag 16)")
    ws.settings.user_name = "Sanne"
    return i16.id


def conflict(window: object, home: Path, item_id: str) -> None:
    """A colleague (their own database) and we both rewrite the note of `item_id`; we import theirs."""
    import json

    from briefer.annotate import Annotations
    from briefer.importer import import_file
    from briefer.store import Store

    ws = window.ws  # type: ignore[attr-defined]
    doc = window.current_document()  # type: ignore[attr-defined]
    number = ws.store.item(item_id).number
    with Store.open(home / "collega.db") as other:
        odoc = import_file(other, REPO / "resources" / "samples" / "kst-30821-196.pdf").document
        theirs = Annotations(other)
        theirs.import_json(json.loads(json.dumps(ws.ann.export_json(doc.id, author="Sanne"))))
        theirs.set_note(odoc.id, other.item_by_number(odoc.id, number).id,
                        "**Let op**: het kabinet noemt geen einddatum. Vragen naar een tussenrapportage "
                        "vóór de zomer.")
        data = json.loads(json.dumps(theirs.export_json(odoc.id, author="Joris")))
    ws.ann.set_note(doc.id, item_id, "**Let op**: geen einddatum; in het debat terugkomen op de "
                    "vertrouwelijke briefing.")
    ws.ann.import_json(data)
    ws.changed.emit()


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


def settle(app: object, ms: int = 300) -> None:
    from PySide6.QtCore import QEventLoop, QTimer  # noqa: TID251

    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def grab(window: object, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if not window.grab().save(str(path)):  # type: ignore[attr-defined]
        raise SystemExit(f"kon {path} niet schrijven")
    print(f"screenshot: {path}")


def main() -> int:
    """Four pictures at 1366×768: the window on the VSO (OUT, default docs/window.png), on Kamervragen
    (window-kamervragen.png), the follow-ups overview (followups.png) and the suggestion queue
    (suggestions.png), beside OUT; the window on the VSO at 1440×900 (window-1440x900.png); and a
    conflict with a colleague's note beside the note and in the bar (conflict.png)."""
    choose_platform()
    out = Path(sys.argv[1] if len(sys.argv) > 1 else REPO / "docs" / "window.png").resolve()
    home = Path(tempfile.mkdtemp(prefix="briefer-shot-"))
    os.environ["BRIEFER_HOME"] = str(home)
    from PySide6.QtCore import QEventLoop, Qt, QTimer  # noqa: TID251
    from PySide6.QtWidgets import QApplication  # noqa: TID251

    from briefer.app import create_window
    from briefer.gui.theme import apply_theme, install_translations

    app = QApplication(sys.argv[:1])
    apply_theme(app, dark=False)
    install_translations(app)
    window = create_window(home / "briefer.db", sample=True, show_progress=False)
    window.resize(1366, 768)
    window.show()
    loop = QEventLoop()
    window.import_finished.connect(lambda _r: loop.quit())
    window.imports.failed.connect(lambda exc: (print(f"import mislukt: {exc}", file=sys.stderr), loop.quit()))
    QTimer.singleShot(60000, loop.quit)
    loop.exec()
    if window.current_document() is None:
        print("het voorbeelddocument is niet geopend", file=sys.stderr)
        return 1
    vso = window.current_document().id
    item_id = annotate(window)
    # the suggestions are computed on a worker once per open; wait for them
    ready = QEventLoop()
    QTimer.singleShot(20000, ready.quit)
    poll = QTimer()
    poll.timeout.connect(lambda: window.suggestions.ready and ready.quit())  # type: ignore[attr-defined]
    poll.start(20)
    ready.exec()
    poll.stop()
    window.presenter.refresh_annotations()
    window.select_item(item_id)
    window.activateWindow()
    window.reader.setFocus()
    settle(app)
    grab(window, out)

    # the same at 1440×900 (a window larger than Xvfb's screen is still drawn whole)
    window.resize(1440, 900)
    settle(app)
    grab(window, out.parent / "window-1440x900.png")
    window.resize(1366, 768)
    settle(app)

    # the follow-ups overview, given room
    window.followups_dock.raise_()
    window.resizeDocks([window.followups_dock], [330], Qt.Orientation.Vertical)
    window.focus_followups()
    settle(app)
    grab(window, out.parent / "followups.png")

    # the suggestion queue, focused
    window.review.show_suggestions()
    window.resizeDocks([window.suggestions_dock], [360], Qt.Orientation.Vertical)
    settle(app)
    window.review.suggestions_panel.tree.setFocus()
    settle(app)
    grab(window, out.parent / "suggestions.png")

    # a colleague changed the note of question 16 too: the conflict beside the note, and the bar
    conflict(window, home, item_id)
    window.presenter.refresh_annotations()
    window.select_item(item_id)
    window.inspector_dock.raise_()
    settle(app, 600)
    grab(window, out.parent / "conflict.png")

    # Kamervragen (the shared samples when present, else the bundled sample again)
    samples = REPO.parent.parent / "shared" / "samples"
    kv = samples / "ah-tk-20232024-1178.pdf"
    if not kv.exists():
        kv = Path("/work/shared/samples/ah-tk-20232024-1178.pdf")
    if kv.exists():
        loop = QEventLoop()
        window.files.batch_finished.connect(lambda _s: loop.quit())
        QTimer.singleShot(60000, loop.quit)
        window.import_files([kv])
        loop.exec()
        window.followups_dock.raise_()
        window.resizeDocks([window.followups_dock], [170], Qt.Orientation.Vertical)
        doc = window.current_document()
        if doc is not None and doc.id != vso:
            items = window.ws.store.items(doc.id)
            window.ws.ann.highlight_quote(items[0].id, "quantumcomputing encryptie zal doorbreken",
                                          field="question", domain_id=window.ws.ann.domain_by_ref("2").id)
            window.presenter.refresh_annotations()
            window.select_item(items[0].id)
        window.reader.setFocus()
        settle(app)
        grab(window, out.parent / "window-kamervragen.png")
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
