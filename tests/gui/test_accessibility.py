"""Accessibility: every visible control of the main window and its dialogs has a name; text
contrast of both themes; no import circle inside briefer/gui."""

from __future__ import annotations

import ast
import json
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QColor
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTabBar,
    QTextEdit,
    QWidget,
)

from briefer.gui.main_window import MainWindow
from briefer.gui.theme import DARK, LIGHT, TEXT_PAIRS, contrast_ratio

CONTROLS = (QAbstractButton, QAbstractItemView, QComboBox, QLineEdit, QPlainTextEdit, QTextEdit, QAbstractSpinBox,
            QTabBar)
GUI = Path(__file__).resolve().parents[2] / "briefer" / "gui"


def unnamed_controls(top: QWidget) -> list[str]:
    """Visible, focusable controls whose accessible name (own, text or buddy label) is empty."""
    missing = []
    for w in [top, *top.findChildren(QWidget)]:
        if not isinstance(w, CONTROLS) or not w.isVisible() or w.focusPolicy() == 0:
            continue
        if isinstance(w, QLineEdit) and isinstance(w.parent(), (QComboBox, QAbstractSpinBox)):
            continue  # the editor inside a combo box or date field: the outer control carries the name
        iface = QAccessible.queryAccessibleInterface(w)
        name = iface.text(QAccessible.Text.Name) if iface is not None else ""
        if not name.strip():
            missing.append(f"{type(w).__name__} {w.objectName()!r} in {type(w.parent()).__name__}")
    return missing


def test_every_visible_control_of_the_main_window_has_a_name(window: MainWindow, qtbot: Any) -> None:
    window.resize(1366, 768)
    window.suggestions_dock.show()
    window.orphans_dock.show()
    window.navigation.open_find_bar()
    qtbot.wait(50)
    assert unnamed_controls(window) == []


def test_every_dialog_names_its_controls(window: MainWindow, qtbot: Any) -> None:
    from briefer.gui.dialogs import FollowUpDialog, KernDialog, ShortcutsDialog
    from briefer.gui.domains_dialog import DomainsDialog
    from briefer.gui.files import ImportSummaryDialog
    from briefer.gui.importing import BatchSummary
    from briefer.gui.search import SearchDialog
    from briefer.gui.trash import TrashDialog

    dialogs = [
        FollowUpDialog(window, highlights=[]),
        KernDialog(window, title="Kamerstuk", body="", level=None),
        ShortcutsDialog(window),
        DomainsDialog(window.ws, window),
        SearchDialog(window.ws, window, current_document=window.current_document().id),
        TrashDialog(window.ws, window),
        ImportSummaryDialog(BatchSummary(refused=[("a.pdf", "Kapot.")]), window),
    ]
    problems = {}
    for dialog in dialogs:
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        missing = unnamed_controls(dialog)
        if missing:
            problems[type(dialog).__name__] = missing
        dialog.close()
    assert problems == {}


@pytest.mark.parametrize("palette", [LIGHT, DARK], ids=["licht", "donker"])
def test_text_contrast_is_at_least_4_5(palette: dict[str, str]) -> None:
    low = [(fg, bg, round(contrast_ratio(QColor(palette[fg]), QColor(palette[bg])), 2)) for fg, bg in TEXT_PAIRS
           if contrast_ratio(QColor(palette[fg]), QColor(palette[bg])) < 4.5]
    assert low == []


DOMAIN_COLOURS = [d["colour"] for d in json.loads(
    (Path(__file__).resolve().parents[2] / "resources" / "domains.json").read_text(encoding="utf-8"))["domains"]]
USER_COLOURS = ["#ffff00", "#f2d36b", "#3d6fb6", "#808080", "#1b1f24", "#ffffff", "#000000"]  # what staffers may pick


@pytest.fixture(params=[False, True], ids=["licht", "donker"])
def theme_in_use(request: Any, qapp: Any) -> Any:
    from briefer.gui import theme

    theme.apply_theme(qapp, dark=request.param)
    yield theme
    theme.apply_theme(qapp, dark=False)


def test_reader_highlights_keep_their_text_at_4_5(theme_in_use: Any) -> None:
    """Highlight tints (single and overlapping) under black/white text and under the red of a
    confidential highlight, in both themes; the default domains' tints stay visible on the page."""
    t = theme_in_use
    text, red, base = QColor(t.colour("text")), QColor(t.colour("confidential")), QColor(t.colour("base"))
    low = []
    for c in [*DOMAIN_COLOURS, t.DEFAULT_HIGHLIGHT_HEX, *USER_COLOURS]:
        for overlapping in (False, True):
            for confidential in (False, True):
                tint = t.highlight_tint([QColor(c)], overlapping=overlapping, confidential=confidential)
                ratios = [t.contrast_ratio(text, tint)] + ([t.contrast_ratio(red, tint)] if confidential else [])
                if min(ratios) < 4.5:
                    low.append((c, overlapping, confidential, round(min(ratios), 2)))
                if c in DOMAIN_COLOURS and t.contrast_ratio(tint, base) < 1.15:
                    low.append((c, overlapping, confidential, "onzichtbaar"))
    assert low == []


def test_domain_dots_and_level_marks_stand_out_3_to_1(theme_in_use: Any) -> None:
    """A domain dot is seen by its fill or its ring, on the page and on a selected row; the level
    colours (icons and words) on every background they are drawn on."""
    t = theme_in_use
    low = []
    for c in [*DOMAIN_COLOURS, *USER_COLOURS]:
        fill = QColor(c)
        for selected in (False, True):
            grounds = t.mark_grounds(selected)
            ring = t.mark_ring(fill, *grounds)
            for ground in grounds:
                seen = max(t.contrast_ratio(fill, ground), t.contrast_ratio(ring, ground))
                if seen < t.NON_TEXT:
                    low.append((c, selected, ground.name(), round(seen, 2)))
    for level in ("openbaar", "intern", "vertrouwelijk"):
        for ground in ("base", "window", "alternate", "button", "overdue_bg", "dock_title"):
            ratio = t.contrast_ratio(t.level_colour(level), QColor(t.colour(ground)))
            if ratio < 4.5:  # the level's word is drawn in this colour too: the text threshold
                low.append((level, ground, round(ratio, 2)))
    assert low == []


def test_the_reader_draws_badge_and_highlights_in_the_active_theme(window: MainWindow, qapp: Any) -> None:
    """In the dark theme the reader's VERTROUWELIJK badge and a confidential highlight are readable
    (once: white on light red, and light text on a light tint)."""
    from PySide6.QtGui import QTextCursor

    from briefer.gui import theme
    from briefer.model import Level

    app = window.ws
    theme.apply_theme(qapp, dark=True)
    try:
        item = window.current_item()
        quote = " ".join(item.answer.split()[:6])
        app.ann.highlight_quote(item.id, quote, field="answer", domain_id=app.ann.domain_by_ref("1").id,
                                level=Level.VERTROUWELIJK)
        window.presenter.refresh_annotations()
        window.select_item(item.id)
        doc = window.reader.document()
        badge = doc.find("VERTROUWELIJK")
        assert not badge.isNull()
        fmt = badge.charFormat()
        assert contrast_ratio(fmt.foreground().color(), fmt.background().color()) >= 4.5
        found = doc.find(quote)
        assert not found.isNull()
        cursor = QTextCursor(doc)
        cursor.setPosition(found.selectionStart() + 3)
        fmt = cursor.charFormat()
        assert fmt.background().style() != Qt.BrushStyle.NoBrush  # it is highlighted
        background = fmt.background().color()
        assert background.name() != theme.colour("base")
        assert contrast_ratio(fmt.foreground().color(), background) >= 4.5
        assert fmt.foreground().color().name() == theme.colour("confidential")
    finally:
        theme.apply_theme(qapp, dark=False)


def test_the_theme_follows_the_palette_and_the_system_font_size(qapp: Any) -> None:
    from PySide6.QtGui import QPalette

    from briefer.gui import theme

    size = qapp.font().pointSizeF()
    theme.apply_theme(qapp, dark=True)
    try:
        assert qapp.palette().color(QPalette.ColorRole.Base).name() == DARK["base"]
        assert theme.CONFIDENTIAL_RED.name() == DARK["confidential"]
        assert qapp.font().pointSizeF() == size  # the system's size, not ours
    finally:
        theme.apply_theme(qapp, dark=False)
    assert theme.CONFIDENTIAL_RED.name() == LIGHT["confidential"]


def _imports(path: Path) -> set[str]:
    """Modules of briefer.gui imported by `path` at module level or inside functions."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("briefer.gui"):
            found.add(node.module)
            for alias in node.names:
                if f"{node.module}.{alias.name}".replace("briefer.gui.", "") in MODULES:
                    found.add(f"{node.module}.{alias.name}")
        elif isinstance(node, ast.Import):
            found |= {a.name for a in node.names if a.name.startswith("briefer.gui")}
    return {m for m in found if m != "briefer.gui"}


MODULES = {p.relative_to(GUI).with_suffix("").as_posix().replace("/", ".") for p in GUI.rglob("*.py")}


def test_no_import_circle_in_the_gui_package() -> None:
    graph = {f"briefer.gui.{m}": {i for i in _imports(GUI / (m.replace('.', '/') + '.py'))
                                  if i.replace('briefer.gui.', '') in MODULES}
             for m in MODULES if not m.endswith("__init__")}
    cycles = []
    state: dict[str, int] = {}

    def visit(node: str, path: list[str]) -> None:
        state[node] = 1
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                cycles.append(path[path.index(nxt):] + [nxt] if nxt in path else [node, nxt])
            elif nxt not in state:
                visit(nxt, [*path, nxt])
        state[node] = 2

    for node in sorted(graph):
        if node not in state:
            visit(node, [node])
    assert cycles == []
    assert "briefer.gui.main_window" not in {i for deps in graph.values() for i in deps}  # nothing reaches back
