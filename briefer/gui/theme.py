"""GUI: the look of the window: a calm light Fusion palette, fonts, colours and small drawn icons.

The icons (domain dots, the confidential lock) are painted here rather than taken from an emoji
font, so they look the same on every machine.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QIcon, QPainter, QPainterPath, QPalette, QPen, QPixmap
from PySide6.QtWidgets import QApplication

CONFIDENTIAL_RED = QColor("#b3261e")
OVERDUE_RED = QColor("#b3261e")
QUESTION_TINT = QColor("#eef2f7")
QUESTION_RULE = QColor("#9fb3cc")
MUTED = QColor("#5f6b7a")
DEFAULT_HIGHLIGHT_HEX = "#f2d36b"  # a highlight without a domain
DEFAULT_HIGHLIGHT = QColor(DEFAULT_HIGHLIGHT_HEX)
READER_FONT_FAMILIES = ["Source Serif Pro", "Georgia", "DejaVu Serif", "serif"]
UI_FONT_FAMILIES = ["Inter", "Segoe UI", "Cantarell", "DejaVu Sans", "sans-serif"]


def apply_theme(app: QApplication) -> None:
    """Fusion style with a light, low-contrast palette and a comfortable UI font."""
    app.setStyle("Fusion")
    pal = QPalette()
    base = QColor("#ffffff")
    window = QColor("#f4f5f7")
    text = QColor("#1f2933")
    pal.setColor(QPalette.ColorRole.Window, window)
    pal.setColor(QPalette.ColorRole.WindowText, text)
    pal.setColor(QPalette.ColorRole.Base, base)
    pal.setColor(QPalette.ColorRole.AlternateBase, QColor("#f7f8fa"))
    pal.setColor(QPalette.ColorRole.Text, text)
    pal.setColor(QPalette.ColorRole.Button, QColor("#eceef1"))
    pal.setColor(QPalette.ColorRole.ButtonText, text)
    pal.setColor(QPalette.ColorRole.Highlight, QColor("#3d6fb6"))
    pal.setColor(QPalette.ColorRole.HighlightedText, QColor("#ffffff"))
    pal.setColor(QPalette.ColorRole.ToolTipBase, QColor("#fffdf3"))
    pal.setColor(QPalette.ColorRole.ToolTipText, text)
    pal.setColor(QPalette.ColorRole.Link, QColor("#2559a7"))
    pal.setColor(QPalette.ColorRole.PlaceholderText, MUTED)
    for role in (QPalette.ColorRole.Text, QPalette.ColorRole.WindowText, QPalette.ColorRole.ButtonText):
        pal.setColor(QPalette.ColorGroup.Disabled, role, QColor("#9aa3ad"))
    app.setPalette(pal)
    font = QFont()
    font.setFamilies(UI_FONT_FAMILIES)
    font.setPointSize(10)
    app.setFont(font)
    app.setStyleSheet(
        "QDockWidget::title { padding: 4px 8px; background: #e9ecf0; }"
        "QGroupBox { font-weight: 600; border: none; margin-top: 14px; }"
        "QGroupBox::title { subcontrol-origin: margin; left: 2px; color: #3b4754; }"
        "QTreeView, QListView, QTableView { border: 1px solid #d8dde3; }"
        # keyboard focus is always visible: the focused panel gets a blue frame
        "QTreeView:focus, QListView:focus, QTableView:focus, QPlainTextEdit:focus, QLineEdit:focus"
        " { border: 1px solid #3d6fb6; }"
        "QTextBrowser#reader { border: 2px solid transparent; }"
        "QTextBrowser#reader:focus { border: 2px solid #9cbbe3; }"
        "QLabel#muted { color: #5f6b7a; }"
        "QStatusBar QLabel#saved { color: #3c7a46; }"
        "QLabel#badge { color: white; background: #b3261e; border-radius: 3px; padding: 1px 6px;"
        " font-weight: 600; }"
        "QLabel#sectionTitle { font-weight: 600; color: #3b4754; padding: 6px 2px 2px 2px; }"
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
    """A filled circle in a domain's colour."""
    pix = QPixmap(size, size)
    pix.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pix)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(QColor(colour).darker(130), 1))
    painter.setBrush(QColor(colour))
    painter.drawEllipse(QRectF(1.5, 1.5, size - 3, size - 3))
    painter.end()
    return QIcon(pix)


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
