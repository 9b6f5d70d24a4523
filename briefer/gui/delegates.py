"""GUI: the outline delegate (number, subject wrapped on up to three lines, markers at its end), the
library delegate (two lines per document) and the suggestion queue's delegate (the gist, then
where it is).

Markers: a coloured dot per domain, ✎ for a note, ⚑ for follow-ups (with a count above one), a
red padlock for confidential content and, quietly last, a small grey ◆ for open suggestions.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetrics, QPainter, QPen, QPolygonF
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeView,
)

from briefer.gui.models import ItemUnitRole, Markers, MarkersRole, NumberRole, SubjectRole
from briefer.gui.theme import CONFIDENTIAL_RED, MUTED, draw_lock, mark_grounds, mark_ring

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


def wrap_subject(fm: QFontMetrics, text: str, width: int, last_width: int, max_lines: int = 2) -> list[str]:
    """`text` in at most `max_lines` lines of `width` pixels (the last one `last_width`, leaving room
    for the markers), broken between words; what does not fit ends in "…"."""
    text = " ".join(text.split())
    if max_lines <= 1 or fm.horizontalAdvance(text) <= last_width:
        return [fm.elidedText(text, Qt.TextElideMode.ElideRight, max(0, last_width))]
    lines: list[str] = []
    words = text.split(" ")
    while words and len(lines) < max_lines - 1:
        line = words.pop(0)
        while words and fm.horizontalAdvance(f"{line} {words[0]}") <= width:
            line += " " + words.pop(0)
        if fm.horizontalAdvance(line) > width:  # one word wider than the line
            line = fm.elidedText(line, Qt.TextElideMode.ElideRight, max(0, width))
        lines.append(line)
    if words:
        lines.append(fm.elidedText(" ".join(words), Qt.TextElideMode.ElideRight, max(0, last_width)))
    return lines


class OutlineDelegate(QStyledItemDelegate):
    """GUI: paints an outline row: the number in its own column, the subject on up to three lines
    (wrapped between words, so a narrow panel still says what was asked: a subject is at most
    about eight words), and the markers (domain dots, ✎, ⚑, padlock) at the end of the last line.
    Rows are as tall as their subject needs; most take one or two lines."""

    MAX_LINES = 3
    PAD = 3

    def markers_width(self, markers: Markers, fm: QFontMetrics) -> int:
        width = len(markers.colours) * (DOT + GAP)
        if markers.has_note:
            width += fm.horizontalAdvance("✎") + GAP
        if markers.followups:
            width += fm.horizontalAdvance(_flag_label(markers.followups)) + GAP
        if markers.confidential:
            width += 12 + GAP
        return width + (GAP if width else 0)

    @staticmethod
    def _margin(widget: Any) -> int:
        style = widget.style() if widget is not None else QApplication.style()
        return style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, widget) + 1

    def _columns(self, fm: QFontMetrics, number: str) -> int:
        """The width of the number column: three digits, or the label when it is longer ("12–14")."""
        return max(fm.horizontalAdvance("888"), fm.horizontalAdvance(number))

    def _lines(self, fm: QFontMetrics, index: QModelIndex | QPersistentModelIndex, row_width: int,
               max_lines: int) -> tuple[str, int, list[str], Markers]:
        markers = index.data(MarkersRole)
        number = str(index.data(NumberRole) or "")
        subject = str(index.data(SubjectRole) or "")
        number_w = self._columns(fm, number)
        text_w = row_width - number_w - 2 * GAP
        lines = wrap_subject(fm, subject, text_w, text_w - self.markers_width(markers, fm), max_lines)
        return number, number_w, lines, markers

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        markers = index.data(MarkersRole)
        if not isinstance(markers, Markers):
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        fm = QFontMetrics(opt.font)
        opt.text = ""
        style = opt.widget.style() if opt.widget else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        margin = self._margin(opt.widget)
        room = max(1, (opt.rect.height() - 2 * self.PAD) // fm.lineSpacing())
        number, number_w, lines, markers = self._lines(fm, index, opt.rect.width() - 2 * margin,
                                                       min(self.MAX_LINES, room))
        reserve = self.markers_width(markers, fm)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        text_colour = opt.palette.highlightedText().color() if selected else opt.palette.text().color()
        block = len(lines) * fm.lineSpacing()
        top = opt.rect.top() + max(self.PAD, (opt.rect.height() - block) // 2)
        left = opt.rect.left() + margin
        painter.save()
        painter.setFont(opt.font)
        painter.setPen(text_colour)
        painter.drawText(QRectF(left, top, number_w, fm.lineSpacing()),
                         int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), number)
        x0 = left + number_w + 2 * GAP
        for i, line in enumerate(lines):
            painter.drawText(int(x0), int(top + i * fm.lineSpacing() + fm.ascent()), line)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        line_top = top + (len(lines) - 1) * fm.lineSpacing()
        x = float(opt.rect.right() - margin - reserve + GAP)
        cy = line_top + fm.lineSpacing() / 2
        for colour in markers.colours:
            painter.setPen(QPen(mark_ring(colour, *mark_grounds(selected)), 1.2))
            painter.setBrush(QColor(colour))
            painter.drawEllipse(QRectF(x, cy - DOT / 2, DOT, DOT))
            x += DOT + GAP
        muted = opt.palette.highlightedText().color() if selected else MUTED
        for shown, label in ((markers.has_note, "✎"), (bool(markers.followups), _flag_label(markers.followups))):
            if shown:
                painter.setPen(muted)
                w = fm.horizontalAdvance(label)
                painter.drawText(QRectF(x, line_top, w + 1, fm.lineSpacing()), int(Qt.AlignmentFlag.AlignVCenter),
                                 label)
                x += w + GAP
        if markers.confidential:
            colour = QColor("#ffffff") if selected else CONFIDENTIAL_RED
            draw_lock(painter, QRectF(x, cy - 6, 12, 12), colour)
        painter.restore()  # open suggestions: in the tooltip and the queue, not as a mark on every row

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        size = super().sizeHint(option, index)
        if not isinstance(index.data(MarkersRole), Markers):
            return QSize(size.width(), max(size.height(), 22))
        view = option.widget
        fm = QFontMetrics(option.font)
        lines = 1
        if isinstance(view, QAbstractItemView):
            depth, parent = 0, index.parent()
            while parent.isValid():
                depth, parent = depth + 1, parent.parent()
            indent = view.indentation() * (depth + (1 if view.rootIsDecorated() else 0)) \
                if isinstance(view, QTreeView) else 0
            width = view.viewport().width() - indent - 2 * self._margin(view)
            lines = len(self._lines(fm, index, width, self.MAX_LINES)[2])
        return QSize(size.width(), max(22, lines * fm.lineSpacing() + 2 * self.PAD))


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


class QueueDelegate(QStyledItemDelegate):
    """GUI: a suggestion in the review queue on two lines: first its gist (the promised sentence, the
    domain, the reference), then, muted, where it is ("Vraag 8 · VVD · termijn 31 december 2026").
    Rows without a gist (the group heads) are drawn as usual. Reads `gist_role` and `where_role`."""

    PAD = 3

    def __init__(self, parent: Any, gist_role: int, where_role: int) -> None:
        super().__init__(parent)
        self.gist_role, self.where_role = gist_role, where_role

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        gist = index.data(self.gist_role)
        if not gist:
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        foreground = index.data(Qt.ItemDataRole.ForegroundRole)
        opt.text = ""
        style = opt.widget.style() if opt.widget else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        rect = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, opt, opt.widget)
        rect = rect.adjusted(2, self.PAD, -2, -self.PAD)
        fm = QFontMetrics(opt.font)
        small = QFont(opt.font)
        small.setPointSizeF(max(7.0, opt.font.pointSizeF() - 1))
        fm_small = QFontMetrics(small)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        painter.save()
        painter.setFont(opt.font)
        if selected:
            painter.setPen(opt.palette.highlightedText().color())
        else:
            painter.setPen(QBrush(foreground).color() if foreground is not None else opt.palette.text().color())
        painter.drawText(rect.left(), rect.top() + fm.ascent(),
                         fm.elidedText(str(gist), Qt.TextElideMode.ElideRight, rect.width()))
        painter.setFont(small)
        painter.setPen(opt.palette.highlightedText().color() if selected else MUTED)
        painter.drawText(rect.left(), rect.top() + fm.lineSpacing() + fm_small.ascent(),
                         fm_small.elidedText(str(index.data(self.where_role) or ""), Qt.TextElideMode.ElideRight,
                                             rect.width()))
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        size = super().sizeHint(option, index)
        if not index.data(self.gist_role):
            return size
        small = QFont(option.font)
        small.setPointSizeF(max(7.0, option.font.pointSizeF() - 1))
        height = QFontMetrics(option.font).lineSpacing() + QFontMetrics(small).lineSpacing() + 2 * self.PAD + 2
        return QSize(size.width(), max(size.height(), height))
