"""GUI: the outline delegate (item text elided on the left, markers drawn on the right) and the
library delegate (two lines per document).

Markers: a coloured dot per domain, ✎ for a note, ⚑ for follow-ups (with a count above one), a
red padlock for confidential content and, quietly last, a small grey ◆ for open suggestions.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPen, QPolygonF
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from briefer.gui.models import ItemUnitRole, Markers, MarkersRole
from briefer.gui.theme import CONFIDENTIAL_RED, MUTED, draw_lock

DOT = 9
GAP = 4
SUGGESTION = 7  # the ◆ of open suggestions
SUGGESTION_GREY = QColor("#9aa5b1")


def _flag_label(followups: int) -> str:
    """⚑ for one follow-up, ⚑3 for three."""
    return "⚑" if followups == 1 else f"⚑{followups}"


def draw_suggestion_mark(painter: QPainter, x: float, cy: float, colour: QColor) -> None:
    """A small hollow diamond: quiet, so it never competes with the domain dots."""
    half = SUGGESTION / 2
    painter.setPen(QPen(colour, 1.2))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawPolygon(QPolygonF([QPointF(x + half, cy - half), QPointF(x + SUGGESTION, cy),
                                   QPointF(x + half, cy + half), QPointF(x, cy)]))


class OutlineDelegate(QStyledItemDelegate):
    """GUI: paints an outline row with its markers (domain dots, ✎, ⚑, padlock, suggestion ◆)."""

    def markers_width(self, markers: Markers, fm: QFontMetrics) -> int:
        width = len(markers.colours) * (DOT + GAP)
        if markers.has_note:
            width += fm.horizontalAdvance("✎") + GAP
        if markers.followups:
            width += fm.horizontalAdvance(_flag_label(markers.followups)) + GAP
        if markers.confidential:
            width += 12 + GAP
        return width + (GAP if width else 0)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        markers = index.data(MarkersRole)
        if not isinstance(markers, Markers):
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        fm = QFontMetrics(opt.font)
        reserve = self.markers_width(markers, fm)
        text = opt.text
        opt.text = ""
        style = opt.widget.style() if opt.widget else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        text_rect = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, opt, opt.widget)
        text_rect.setRight(text_rect.right() - reserve)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        painter.save()
        painter.setFont(opt.font)
        painter.setPen(opt.palette.highlightedText().color() if selected else opt.palette.text().color())
        painter.drawText(text_rect, int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft),
                         fm.elidedText(text, Qt.TextElideMode.ElideRight, max(0, text_rect.width())))
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        x = float(opt.rect.right() - reserve + GAP)
        cy = opt.rect.center().y() + 0.5
        for colour in markers.colours:
            painter.setPen(QPen(QColor(colour).darker(140), 1))
            painter.setBrush(QColor(colour))
            painter.drawEllipse(QRectF(x, cy - DOT / 2, DOT, DOT))
            x += DOT + GAP
        muted = opt.palette.highlightedText().color() if selected else MUTED
        if markers.has_note:
            painter.setPen(muted)
            w = fm.horizontalAdvance("✎")
            painter.drawText(QRectF(x, opt.rect.top(), w + 1, opt.rect.height()),
                             int(Qt.AlignmentFlag.AlignVCenter), "✎")
            x += w + GAP
        if markers.followups:
            label = _flag_label(markers.followups)
            painter.setPen(muted)
            w = fm.horizontalAdvance(label)
            painter.drawText(QRectF(x, opt.rect.top(), w + 1, opt.rect.height()),
                             int(Qt.AlignmentFlag.AlignVCenter), label)
            x += w + GAP
        if markers.confidential:
            colour = QColor("#ffffff") if selected else CONFIDENTIAL_RED
            draw_lock(painter, QRectF(x, cy - 6, 12, 12), colour)
            x += 12 + GAP
        painter.restore()  # open suggestions: in the tooltip and the queue, not as a mark on every row

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        size = super().sizeHint(option, index)
        return QSize(size.width(), max(size.height(), 22))


class LibraryDelegate(QStyledItemDelegate):
    """GUI: a library row in two lines: the document's name, then type · date · number of items.

    The view shows only the model's first column; the second line reads columns 1–3 of the same
    row, so the narrow left panel still shows type, date and counts without truncating the name.
    """

    PAD = 4

    def _lines(self, index: QModelIndex | QPersistentModelIndex) -> tuple[str, str]:
        model = index.model()
        row = index.row()
        kind = model.index(row, 1).data() or ""
        when = model.index(row, 2).data() or ""
        count = model.index(row, 3).data()
        unit = str(index.siblingAtColumn(0).data(ItemUnitRole) or "vragen")
        second = " · ".join(p for p in (kind, when, f"{count} {unit}" if count is not None else "") if p)
        return str(index.data() or ""), second

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        first, second = self._lines(index)
        opt.text = ""
        style = opt.widget.style() if opt.widget else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        rect = opt.rect.adjusted(self.PAD + 2, self.PAD, -self.PAD, -self.PAD)
        bold = QFont(opt.font)
        bold.setWeight(QFont.Weight.DemiBold)
        small = QFont(opt.font)
        small.setPointSizeF(max(7.0, opt.font.pointSizeF() - 1))
        fm_bold, fm_small = QFontMetrics(bold), QFontMetrics(small)
        painter.save()
        painter.setFont(bold)
        painter.setPen(opt.palette.highlightedText().color() if selected else opt.palette.text().color())
        painter.drawText(rect.left(), rect.top() + fm_bold.ascent(),
                         fm_bold.elidedText(first, Qt.TextElideMode.ElideRight, rect.width()))
        painter.setFont(small)
        painter.setPen(opt.palette.highlightedText().color() if selected else MUTED)
        painter.drawText(rect.left(), rect.top() + fm_bold.height() + 2 + fm_small.ascent(),
                         fm_small.elidedText(second, Qt.TextElideMode.ElideRight, rect.width()))
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        small = QFont(option.font)
        small.setPointSizeF(max(7.0, option.font.pointSizeF() - 1))
        bold = QFont(option.font)
        bold.setWeight(QFont.Weight.DemiBold)
        height = QFontMetrics(bold).height() + 2 + QFontMetrics(small).height() + 2 * self.PAD
        return QSize(200, height)
