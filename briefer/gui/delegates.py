"""GUI: the outline delegate: item text elided on the left, markers drawn on the right.

Markers: a coloured dot per domain, ✎ for a note, ⚑ for follow-ups (with a count above one) and
a red padlock for confidential content.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPen
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from briefer.gui.models import Markers, MarkersRole
from briefer.gui.theme import CONFIDENTIAL_RED, MUTED, draw_lock

DOT = 9
GAP = 4


class OutlineDelegate(QStyledItemDelegate):
    """GUI: paints an outline row with its markers (domain dots, ✎, ⚑, padlock)."""

    def markers_width(self, markers: Markers, fm: QFontMetrics) -> int:
        width = len(markers.colours) * (DOT + GAP)
        if markers.has_note:
            width += fm.horizontalAdvance("✎") + GAP
        if markers.followups:
            label = "⚑" if markers.followups == 1 else f"⚑{markers.followups}"
            width += fm.horizontalAdvance(label) + GAP
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
            label = "⚑" if markers.followups == 1 else f"⚑{markers.followups}"
            painter.setPen(muted)
            w = fm.horizontalAdvance(label)
            painter.drawText(QRectF(x, opt.rect.top(), w + 1, opt.rect.height()),
                             int(Qt.AlignmentFlag.AlignVCenter), label)
            x += w + GAP
        if markers.confidential:
            colour = QColor("#ffffff") if selected else CONFIDENTIAL_RED
            draw_lock(painter, QRectF(x, cy - 6, 12, 12), colour)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        size = super().sizeHint(option, index)
        return QSize(size.width(), max(size.height(), 22))
