"""GUI: the look of the window: a calm light Fusion palette, fonts, colours and small drawn icons.

The icons (domain dots, the confidential lock) are painted here rather than taken from an emoji
font, so they look the same on every machine.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QIcon, QPainter, QPainterPath, QPalette, QPen, QPixmap
from PySide6.QtWidgets import QApplication

# The two palettes, as data: every text colour the window draws with, and what it is drawn on.
LIGHT: dict[str, str] = {
    "window": "#f4f5f7", "base": "#ffffff", "alternate": "#f7f8fa", "text": "#1f2933", "button": "#eceef1",
    "highlight": "#3d6fb6", "highlighted_text": "#ffffff", "tooltip": "#fffdf3", "link": "#2559a7",
    "muted": "#5a6572", "disabled": "#7b8591", "confidential": "#b3261e", "overdue": "#b3261e",
    "overdue_bg": "#fdecea", "question_tint": "#eef2f7", "question_rule": "#9fb3cc", "dock_title": "#e9ecf0",
    "border": "#c3cad3", "focus": "#2f62b0", "section": "#3b4754", "saved": "#2f6b3a",
    "openbaar": "#2e6b34", "intern": "#2559a7", "find_hit": "#fff0b3", "find_current": "#ffb74d",
    "badge": "#b3261e", "badge_text": "#ffffff",
}
DARK: dict[str, str] = {
    "window": "#1e2227", "base": "#15181c", "alternate": "#1b1f24", "text": "#e6e9ed", "button": "#2a2f36",
    "highlight": "#3d6fb6", "highlighted_text": "#ffffff", "tooltip": "#2a2f36", "link": "#8ab4f8",
    "muted": "#a3adb8", "disabled": "#8a939c", "confidential": "#ff8a80", "overdue": "#ff8a80",
    "overdue_bg": "#3a1f1f", "question_tint": "#222a35", "question_rule": "#4a6385", "dock_title": "#272c33",
    "border": "#3c434c", "focus": "#8ab4f8", "section": "#c9d1da", "saved": "#8fd19e",
    "openbaar": "#81c995", "intern": "#8ab4f8", "find_hit": "#5c4d00", "find_current": "#8a5a00",
    "badge": "#ff8a80", "badge_text": "#2b0b08",  # the VERTROUWELIJK badge: light red, dark letters
}
# (text role, background role) pairs that must reach 4.5:1 in both palettes
TEXT_PAIRS: list[tuple[str, str]] = [
    (fg, bg) for fg in ("text", "muted", "link", "confidential", "overdue", "openbaar", "intern", "section", "saved")
    for bg in ("base", "window", "alternate", "question_tint", "tooltip", "dock_title")
] + [("highlighted_text", "highlight"), ("text", "button"), ("text", "overdue_bg"), ("overdue", "overdue_bg"),
     ("text", "find_hit"), ("text", "find_current"), ("badge_text", "badge")] + [
    # the level colours also stand on the level buttons and on overdue rows of the follow-ups table
    (fg, bg) for fg in ("openbaar", "intern", "confidential", "muted") for bg in ("button", "overdue_bg")
]
NON_TEXT = 3.0  # WCAG 1.4.11: marks that carry meaning (domain dots, level icons) against their background
TEXT = 4.5

# Shared colour objects: `apply_theme` sets them from the palette in use, so every panel that
# imported them draws in the active theme's colours.
CONFIDENTIAL_RED = QColor(LIGHT["confidential"])
OVERDUE_RED = QColor(LIGHT["overdue"])
QUESTION_TINT = QColor(LIGHT["question_tint"])
QUESTION_RULE = QColor(LIGHT["question_rule"])
MUTED = QColor(LIGHT["muted"])
SECTION = QColor(LIGHT["section"])
OVERDUE_BG = QColor(LIGHT["overdue_bg"])
FIND_HIT = QColor(LIGHT["find_hit"])
FIND_CURRENT = QColor(LIGHT["find_current"])
DEFAULT_HIGHLIGHT_HEX = "#f2d36b"  # a highlight without a domain
DEFAULT_HIGHLIGHT = QColor(DEFAULT_HIGHLIGHT_HEX)
READER_FONT_FAMILIES = ["Source Serif Pro", "Georgia", "DejaVu Serif", "serif"]
UI_FONT_FAMILIES = ["Inter", "Segoe UI", "Cantarell", "DejaVu Sans", "sans-serif"]
_ACTIVE: dict[str, str] = dict(LIGHT)


def colour(role: str) -> str:
    """The active palette's colour for `role` as "#rrggbb" (for style sheets and rich text)."""
    return _ACTIVE[role]


def system_prefers_dark(app: QApplication) -> bool:
    hints = app.styleHints()
    scheme = getattr(hints, "colorScheme", None)
    return scheme is not None and scheme() == Qt.ColorScheme.Dark


def apply_theme(app: QApplication, dark: bool | None = None) -> None:
    """Fusion style with a calm light (or, when the system asks for it, dark) palette.

    Fonts keep the system's size (only the family is chosen); text colours reach 4.5:1 against
    their backgrounds in both palettes (TEXT_PAIRS, checked by the tests).
    """
    app.setStyle("Fusion")
    dark = system_prefers_dark(app) if dark is None else dark
    p = DARK if dark else LIGHT
    _ACTIVE.clear()
    _ACTIVE.update(p)
    for obj, role in ((CONFIDENTIAL_RED, "confidential"), (OVERDUE_RED, "overdue"), (QUESTION_TINT, "question_tint"),
                      (QUESTION_RULE, "question_rule"), (MUTED, "muted"), (SECTION, "section"),
                      (OVERDUE_BG, "overdue_bg"), (FIND_HIT, "find_hit"), (FIND_CURRENT, "find_current")):
        obj.setRgba(QColor(p[role]).rgba())
    for level in ("openbaar", "intern", "vertrouwelijk"):
        _LEVEL_ICONS.pop(level, None)
        LEVEL_COLOURS[level] = QColor(p["confidential" if level == "vertrouwelijk" else level])
    pal = QPalette()
    C = QPalette.ColorRole
    for role, key in ((C.Window, "window"), (C.WindowText, "text"), (C.Base, "base"), (C.AlternateBase, "alternate"),
                      (C.Text, "text"), (C.Button, "button"), (C.ButtonText, "text"), (C.Highlight, "highlight"),
                      (C.HighlightedText, "highlighted_text"), (C.ToolTipBase, "tooltip"), (C.ToolTipText, "text"),
                      (C.Link, "link"), (C.PlaceholderText, "muted"), (C.BrightText, "highlighted_text")):
        pal.setColor(role, QColor(p[key]))
    for role in (C.Text, C.WindowText, C.ButtonText):
        pal.setColor(QPalette.ColorGroup.Disabled, role, QColor(p["disabled"]))
    app.setPalette(pal)
    font = QFont(app.font())  # the system's size; only the family is ours
    font.setFamilies(UI_FONT_FAMILIES)
    app.setFont(font)
    app.setStyleSheet(
        f"QDockWidget::title {{ padding: 4px 8px; background: {p['dock_title']}; }}"
        f"QGroupBox {{ font-weight: 600; border: none; margin-top: 14px; }}"
        f"QGroupBox::title {{ subcontrol-origin: margin; left: 2px; color: {p['section']}; }}"
        f"QTreeView, QListView, QTableView {{ border: 1px solid {p['border']}; }}"
        # keyboard focus is always visible: the focused control gets a 2px frame in the focus colour
        f"QTreeView:focus, QListView:focus, QTableView:focus, QPlainTextEdit:focus, QLineEdit:focus,"
        f" QComboBox:focus, QTextBrowser:focus {{ border: 2px solid {p['focus']}; }}"
        f"QPushButton:focus, QToolButton:focus, QCheckBox:focus {{ outline: none; border: 2px solid {p['focus']};"
        f" border-radius: 3px; }}"
        f"QTextBrowser#reader {{ border: 2px solid transparent; }}"
        f"QTextBrowser#reader:focus {{ border: 2px solid {p['focus']}; }}"
        f"QLabel#muted {{ color: {p['muted']}; }}"
        f"QStatusBar QLabel#saved {{ color: {p['saved']}; }}"
        f"QLabel#badge {{ color: {p['badge_text']}; background: {p['badge']}; border-radius: 3px; padding: 1px 6px;"
        f" font-weight: 600; }}"
        f"QLabel#sectionTitle {{ font-weight: 600; color: {p['section']}; padding: 6px 2px 2px 2px; }}"
        f"QToolButton#sectionTitle {{ font-weight: 600; color: {p['section']}; padding: 4px 2px 1px 0px;"
        f" border: 2px solid transparent; }}"
        f"QToolButton#sectionTitle:focus {{ border: 2px solid {p['focus']}; border-radius: 3px; }}"
        f"QLabel#itemHeader {{ font-weight: 600; font-size: 12pt; }}"
        f"QPushButton#searchButton {{ text-align: left; color: {p['muted']}; background: {p['base']};"
        f" border: 1px solid {p['border']}; border-radius: 4px; padding: 4px 10px; }}"
    )


def reader_font(point_size: int = 11) -> QFont:
    font = QFont()
    font.setFamilies(READER_FONT_FAMILIES)
    font.setPointSize(point_size)
    return font


def lighten(colour: QColor, amount: float = 0.6) -> QColor:
    """Mix `colour` with white; amount 0 keeps it, 1 gives white."""
    r = colour.red() + (255 - colour.red()) * amount
    g = colour.green() + (255 - colour.green()) * amount
    b = colour.blue() + (255 - colour.blue()) * amount
    return QColor(int(r), int(g), int(b))


def mix(a: QColor, b: QColor, amount: float) -> QColor:
    """`a` moved `amount` (0…1) of the way to `b`."""
    return QColor(int(a.red() + (b.red() - a.red()) * amount), int(a.green() + (b.green() - a.green()) * amount),
                  int(a.blue() + (b.blue() - a.blue()) * amount))


def is_dark() -> bool:
    """True while the dark palette is in use."""
    return relative_luminance(QColor(_ACTIVE["base"])) < 0.2


def highlight_tint(colours: list[QColor], *, overlapping: bool = False, confidential: bool = False) -> QColor:
    """The background of highlighted text in the reader: the domain colour(s) as a tint of the page
    (lighter on the light page, darker on the dark one), as strong as it can be while the text on it
    — and the red text of a confidential highlight — keeps 4.5:1. Overlaps get a stronger tint."""
    base = QColor(_ACTIVE["base"])
    inks = [QColor(_ACTIVE["text"])] + ([QColor(_ACTIVE["confidential"])] if confidential else [])
    strength = (0.5 if overlapping else 0.35) if is_dark() else (0.65 if overlapping else 0.45)
    colour = blend(colours)
    while strength > 0.04:
        tint = mix(base, colour, strength)
        if all(contrast_ratio(ink, tint) >= TEXT for ink in inks):
            return tint
        strength -= 0.05
    return mix(base, colour, 0.04)


def mark_ring(fill: QColor | str, *backgrounds: QColor | str) -> QColor:
    """The outline of a coloured mark (a domain dot) drawn on `backgrounds`: the fill's own darker
    shade, moved toward black or white until the dot stands out 3:1 from each background, by its
    fill or by its ring (a pale yellow dot on white gets a dark ring; any dot on a selected row a
    light or dark one). Without backgrounds: the page (base) of the active palette."""
    fill = QColor(fill)
    grounds = [QColor(b) for b in backgrounds] or [QColor(_ACTIVE["base"])]
    black, white = QColor("#000000"), QColor("#ffffff")
    worst = min(grounds, key=lambda g: contrast_ratio(fill, g))
    extreme = white if contrast_ratio(white, worst) > contrast_ratio(black, worst) else black
    start = fill.lighter(130) if extreme == white else fill.darker(130)
    for step in range(11):
        ring = mix(start, extreme, step / 10)
        if all(max(contrast_ratio(fill, g), contrast_ratio(ring, g)) >= NON_TEXT for g in grounds):
            return ring
    return extreme


def mark_grounds(selected: bool = False) -> list[QColor]:
    """What a mark in a list stands on: the page and its row shades, or the selection."""
    if selected:
        return [QColor(_ACTIVE["highlight"])]
    return [QColor(_ACTIVE[r]) for r in ("base", "alternate", "window")]


def blend(colours: list[QColor]) -> QColor:
    """The average of several colours (overlapping highlights)."""
    if not colours:
        return QColor(DEFAULT_HIGHLIGHT)
    n = len(colours)
    return QColor(
        sum(c.red() for c in colours) // n,
        sum(c.green() for c in colours) // n,
        sum(c.blue() for c in colours) // n,
    )


def draw_lock(painter: QPainter, rect: QRectF, colour: QColor = CONFIDENTIAL_RED) -> None:
    """A small padlock (the confidential marker) inside `rect`."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    w, h = rect.width(), rect.height()
    body = QRectF(rect.left() + w * 0.15, rect.top() + h * 0.45, w * 0.7, h * 0.5)
    pen = QPen(colour, max(1.2, w * 0.12))
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    shackle = QPainterPath()
    shackle.moveTo(QPointF(rect.left() + w * 0.3, body.top()))
    shackle.lineTo(QPointF(rect.left() + w * 0.3, rect.top() + h * 0.3))
    shackle.arcTo(QRectF(rect.left() + w * 0.3, rect.top() + h * 0.08, w * 0.4, h * 0.4), 180, -180)
    shackle.lineTo(QPointF(rect.left() + w * 0.7, body.top()))
    painter.drawPath(shackle)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QBrush(colour))
    painter.drawRoundedRect(body, w * 0.08, w * 0.08)
    painter.restore()


def lock_icon(size: int = 16) -> QIcon:
    pix = QPixmap(size, size)
    pix.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pix)
    draw_lock(painter, QRectF(0, 0, size, size))
    painter.end()
    return QIcon(pix)


def dot_icon(colour: str | QColor, size: int = 14) -> QIcon:
    """A filled circle in a domain's colour, with a ring that keeps it visible (3:1) on the page and,
    in the icon's Selected mode, on a selected row."""
    icon = QIcon()
    for selected, mode in ((False, QIcon.Mode.Normal), (True, QIcon.Mode.Selected)):
        pix = QPixmap(size, size)
        pix.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pix)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(mark_ring(colour, *mark_grounds(selected)), 1.2))
        painter.setBrush(QColor(colour))
        painter.drawEllipse(QRectF(1.5, 1.5, size - 3, size - 3))
        painter.end()
        icon.addPixmap(pix, mode)
    return icon


def install_translations(app: QApplication) -> bool:
    """Dutch for Qt's own texts (standard buttons 'Annuleren', 'Openen', file dialogs, context menus).

    Uses the qtbase_nl catalogue that PySide6 ships; returns False when it is missing (the dialogs
    Briefer builds set their Dutch button texts themselves as well).
    """
    from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator

    QLocale.setDefault(QLocale(QLocale.Language.Dutch, QLocale.Country.Netherlands))
    if getattr(app, "_briefer_translator", None) is not None:
        return True
    translator = QTranslator(app)
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if not translator.load("qtbase_nl", folder):
        return False
    app.installTranslator(translator)
    app._briefer_translator = translator  # type: ignore[attr-defined]  # keep it alive, install once
    return True


# -- levels: text + colour + icon, never colour alone ---------------------------------------------

LEVEL_COLOURS: dict[str, QColor] = {
    "openbaar": QColor("#2e6b34"),  # green, ≥ 4.5:1 on white and on the light panels
    "intern": QColor("#2559a7"),  # blue
    "vertrouwelijk": CONFIDENTIAL_RED,
}
ICON_SIZES = (14, 16, 20, 24, 32, 48, 64)  # drawn per size: sharp on high-DPI screens


def level_colour(level: str) -> QColor:
    return LEVEL_COLOURS.get(str(level), MUTED)


def draw_level(painter: QPainter, rect: QRectF, level: str, colour: QColor | None = None) -> None:
    """The level's shape in `rect`: openbaar a globe, intern a building, vertrouwelijk the padlock."""
    level = str(level)
    colour = colour or level_colour(level)
    if level == "vertrouwelijk":
        draw_lock(painter, rect, colour)
        return
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    w, h = rect.width(), rect.height()
    pen = QPen(colour, max(1.1, w * 0.1))
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    if level == "openbaar":  # a globe: circle, equator, meridian
        r = QRectF(rect.left() + w * 0.1, rect.top() + h * 0.1, w * 0.8, h * 0.8)
        painter.drawEllipse(r)
        painter.drawLine(QPointF(r.left(), r.center().y()), QPointF(r.right(), r.center().y()))
        painter.drawEllipse(QRectF(r.center().x() - w * 0.17, r.top(), w * 0.34, r.height()))
    else:  # intern: a building with a roof (inside the organisation)
        body = QRectF(rect.left() + w * 0.18, rect.top() + h * 0.42, w * 0.64, h * 0.48)
        painter.setBrush(QBrush(colour))
        painter.setPen(Qt.PenStyle.NoPen)
        roof = QPainterPath()
        roof.moveTo(QPointF(rect.left() + w * 0.08, rect.top() + h * 0.46))
        roof.lineTo(QPointF(rect.left() + w * 0.5, rect.top() + h * 0.1))
        roof.lineTo(QPointF(rect.left() + w * 0.92, rect.top() + h * 0.46))
        roof.closeSubpath()
        painter.drawPath(roof)
        painter.drawRect(body)
        painter.setBrush(QBrush(QColor("#ffffff")))
        painter.drawRect(QRectF(body.center().x() - w * 0.09, body.top() + h * 0.2, w * 0.18, h * 0.28))
    painter.restore()


def _painted_icon(draw: object) -> QIcon:
    icon = QIcon()
    for size in ICON_SIZES:
        pix = QPixmap(size, size)
        pix.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pix)
        draw(painter, QRectF(0, 0, size, size))  # type: ignore[operator]
        painter.end()
        icon.addPixmap(pix)
    return icon


_LEVEL_ICONS: dict[str, QIcon] = {}


def level_icon(level: str) -> QIcon:
    """The level's icon (made once per level, at every size)."""
    key = str(level)
    if key not in _LEVEL_ICONS:
        _LEVEL_ICONS[key] = _painted_icon(lambda p, r: draw_level(p, r, key))
    return _LEVEL_ICONS[key]


def dot_and_level_icon(colour: str | QColor, level: str, size: int = 16) -> QIcon:
    """A domain dot followed by the level's shape (highlight rows: domain and level side by side)."""
    icon = QIcon()
    for scale in (1, 2, 3):
        s = size * scale
        pix = QPixmap(2 * s + scale * 2, s)
        pix.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pix)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(mark_ring(colour, *mark_grounds()), scale))
        painter.setBrush(QColor(colour))
        painter.drawEllipse(QRectF(1.5 * scale, 1.5 * scale, s - 3 * scale, s - 3 * scale))
        draw_level(painter, QRectF(s + scale * 2, 0, s, s), level)
        painter.end()
        icon.addPixmap(pix)
    return icon


# -- contrast (WCAG 2.x) ---------------------------------------------------------------------------

def relative_luminance(colour: QColor) -> float:
    def channel(c: int) -> float:
        v = c / 255
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4
    return 0.2126 * channel(colour.red()) + 0.7152 * channel(colour.green()) + 0.0722 * channel(colour.blue())


def contrast_ratio(a: QColor, b: QColor) -> float:
    la, lb = sorted((relative_luminance(a), relative_luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)
