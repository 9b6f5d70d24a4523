"""GUI: the reader: one item's question (in a tinted block) and answer, with highlights drawn in.

The text is built with QTextCursor so every stored character offset maps to a position in the
QTextDocument (`FieldMap`); footnote markers `[^N]` become superscript links (tooltip: the note;
the notes are also listed under the answer). Highlights are char formats in their domain's
colour; where highlights overlap the colours are blended and underlined, confidential ones are
red with a wavy underline. The sentences of open toezegging and confidentiality suggestions are
drawn quietly (a grey dotted underline); with the cursor in one, Enter accepts and Delete dismisses it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QEvent, QPoint, Qt, QUrl, Signal, Slot
from PySide6.QtGui import (
    QAction,
    QColor,
    QContextMenuEvent,
    QFont,
    QHelpEvent,
    QKeyEvent,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFrameFormat,
)
from PySide6.QtWidgets import QMenu, QTextBrowser, QTextEdit, QToolTip, QWidget

from briefer.gui.models import item_label
from briefer.gui.suggestions import Entry
from briefer.gui.theme import (
    CONFIDENTIAL_RED,
    DEFAULT_HIGHLIGHT,
    FIND_CURRENT,
    FIND_HIT,
    MUTED,
    QUESTION_RULE,
    QUESTION_TINT,
    SECTION,
    colour,
    dot_icon,
    highlight_tint,
    lighten,
    mark_ring,
    reader_font,
)
from briefer.model import Domain, Footnote, Highlight, Level, StoredItem
from briefer.textutil import FOOTNOTE_MARKER

FIELDS = ("question", "answer")
MEASURE_CHARS = 80  # the reader's line length: about 80 characters, centred (comfortable reading)
SUGGESTION_UNDERLINE = QColor("#8d99a6")


@dataclass
class Segment:
    """GUI: a stretch of stored text [raw_start, raw_end) shown at [doc_start, doc_end)."""

    raw_start: int
    raw_end: int
    doc_start: int
    doc_end: int
    marker: bool = False


@dataclass
class FieldMap:
    """GUI: where one field (question or answer) of the item sits in the reader's document."""

    name: str
    segments: list[Segment] = field(default_factory=list)
    doc_start: int = 0
    doc_end: int = 0

    def to_doc(self, raw: int) -> int:
        for seg in self.segments:
            if seg.raw_start <= raw <= seg.raw_end:
                if seg.marker:
                    return seg.doc_start if raw == seg.raw_start else seg.doc_end
                return seg.doc_start + (raw - seg.raw_start)
        return self.doc_end if raw > 0 else self.doc_start

    def to_raw(self, pos: int) -> int:
        for seg in self.segments:
            if seg.doc_start <= pos <= seg.doc_end:
                if seg.marker:
                    return seg.raw_start if pos == seg.doc_start else seg.raw_end
                return seg.raw_start + (pos - seg.doc_start)
        return self.segments[-1].raw_end if self.segments and pos > self.doc_end else 0

    def contains(self, pos: int) -> bool:
        return self.doc_start <= pos <= self.doc_end


class ReaderView(QTextBrowser):
    """GUI: shows the current item read-only; reports selections as (field, start, end) offsets."""

    highlight_requested = Signal(object)  # domain id (str) or None
    followup_requested = Signal()
    item_link_activated = Signal(int)  # item number of a cross-reference
    suggestion_accept = Signal(str)  # suggestion key (Enter in a suggested sentence)
    suggestion_dismiss = Signal(str)  # suggestion key (Delete in a suggested sentence)

    def __init__(self, parent: QWidget | None = None, font_size: int = 11) -> None:
        super().__init__(parent)
        self.setObjectName("reader")
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setReadOnly(True)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
            | Qt.TextInteractionFlag.LinksAccessibleByMouse
            | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
        )
        self.setFont(reader_font(font_size))
        self.document().setDocumentMargin(24)
        self.setAccessibleName("Lezer")
        self.setAccessibleDescription("De vraag en het antwoord; selecteer tekst en druk 1 tot 9 of H om te markeren")
        self._find_hits: list[tuple[str, int, int]] = []
        self._find_current = -1
        self.anchorClicked.connect(self._on_anchor)
        self._font_size = font_size
        self._item: StoredItem | None = None
        self._maps: dict[str, FieldMap] = {}
        self._footnotes: dict[int, Footnote] = {}
        self._highlights: list[Highlight] = []
        self._suggestions: list[Entry] = []
        self._domains: dict[str, Domain] = {}
        self._domain_order: list[Domain] = []
        self._document: object | None = None
        self.show_placeholder("Geen document geopend. Kies Bestand → Importeren… of sleep een PDF hierheen.")

    # -- content --------------------------------------------------------------------------------

    def show_placeholder(self, text: str) -> None:
        self._item = None
        self._maps = {}
        doc = QTextDocument(self)
        doc.setDefaultFont(reader_font(self._font_size))
        doc.setDocumentMargin(32)
        cursor = QTextCursor(doc)
        fmt = QTextCharFormat()
        fmt.setForeground(MUTED)
        cursor.insertText(text, fmt)
        self.setDocument(doc)
        self._apply_measure()

    def set_document(self, doc: object | None) -> None:
        """The open document (kept for the panels that ask the reader what is shown)."""
        self._document = doc

    # -- measure: lines of about MEASURE_CHARS characters, centred ----------------------------------

    def measure_margin(self) -> int:
        """The side margin that keeps lines near MEASURE_CHARS characters in the current width."""
        from PySide6.QtGui import QFontMetricsF

        fm = QFontMetricsF(reader_font(self._font_size))
        line = fm.averageCharWidth() * MEASURE_CHARS
        free = self.viewport().width() - 2 * self.document().documentMargin() - line
        return max(0, int(free / 2))

    def _apply_measure(self) -> None:
        frame = self.document().rootFrame()
        fmt = frame.frameFormat()
        margin = self.measure_margin()
        if int(fmt.leftMargin()) != margin:
            fmt.setLeftMargin(margin)
            fmt.setRightMargin(margin)
            frame.setFrameFormat(fmt)

    def resizeEvent(self, event: object) -> None:
        super().resizeEvent(event)  # type: ignore[arg-type]
        self._apply_measure()

    def set_font_size(self, size: int) -> None:
        """The point size of the text from the next `show_item` on (the window shows the item again)."""
        self._font_size = size

    def set_domains(self, domains: list[Domain]) -> None:
        """The domains offered in the context menu (also updated by show_item)."""
        self._domain_order = list(domains)
        self._domains = {d.id: d for d in domains}

    def current_item(self) -> StoredItem | None:
        return self._item

    def field_map(self, name: str) -> FieldMap | None:
        return self._maps.get(name)

    def show_item(self, item: StoredItem, *, footnotes: dict[int, Footnote], highlights: list[Highlight],
                  domains: list[Domain], confidential: bool = False, keep_scroll: bool = False,
                  paragraphs: bool = False, suggestions: list[Entry] | None = None, title: str = "") -> None:  # noqa: PLR0915
        """Render `item`; highlights are drawn over the text. `paragraphs`: an unrecognised document,
        whose items are plain paragraphs ("Alinea 3", no "Antwoord" label). `suggestions`: open
        suggested sentences (toezegging, vertrouwelijk) of this item, marked quietly."""
        subject_line = title
        same = keep_scroll and self._item is not None and self._item.id == item.id
        scroll = self.verticalScrollBar().value() if same else 0
        kept = self._raw_cursor() if same else None  # the cursor (and selection) survive a redraw
        self._item = item
        self._footnotes = footnotes
        self._highlights = list(highlights)
        self._suggestions = [e for e in suggestions or [] if e.field in FIELDS and e.end > e.start]
        self._domain_order = list(domains)
        self._domains = {d.id: d for d in domains}
        doc = QTextDocument(self)
        doc.setDefaultFont(reader_font(self._font_size))
        doc.setDocumentMargin(24)
        cursor = QTextCursor(doc)
        self._maps = {}

        body_block = QTextBlockFormat()
        body_block.setLineHeight(135, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
        body_block.setBottomMargin(8)

        # header: "Vraag 16 · D66   p. 13–14"
        head_block = QTextBlockFormat()
        head_block.setBottomMargin(8)
        cursor.setBlockFormat(head_block)
        title = QTextCharFormat()
        title.setFontPointSize(self._font_size + 4)
        title.setFontWeight(QFont.Weight.DemiBold)
        noun = "Alinea" if paragraphs else ("Vragen" if len(item.numbers) > 1 else "Vraag")
        cursor.insertText(f"{noun} {item_label(item)}", title)
        muted = QTextCharFormat()
        muted.setForeground(MUTED)
        muted.setFontPointSize(self._font_size)
        if item.party:
            cursor.insertText(f"  ·  {item.party}", muted)
        if item.pages_label:
            cursor.insertText(f"   {item.pages_label}", muted)
        if confidential:
            badge = QTextCharFormat()
            badge.setForeground(QColor(colour("badge_text")))  # 4.5:1 in both themes (TEXT_PAIRS)
            badge.setBackground(QColor(colour("badge")))
            badge.setFontWeight(QFont.Weight.Bold)
            badge.setFontPointSize(self._font_size - 2)
            cursor.insertText("   ", muted)
            cursor.insertText(" VERTROUWELIJK ", badge)
        if subject_line:
            cursor.insertBlock(head_block)
            subject = QTextCharFormat()
            subject.setFontPointSize(self._font_size + 1)
            subject.setFontWeight(QFont.Weight.DemiBold)
            cursor.insertText(subject_line, subject)
        if item.heading:
            cursor.insertBlock(head_block)
            heading = QTextCharFormat(muted)
            heading.setFontItalic(True)
            cursor.insertText(item.heading, heading)

        plain = QTextCharFormat()
        if item.question:
            frame_fmt = QTextFrameFormat()
            frame_fmt.setBackground(QUESTION_TINT)
            frame_fmt.setPadding(12)
            frame_fmt.setBorder(1)
            frame_fmt.setBorderBrush(lighten(QUESTION_RULE, 0.3))
            frame_fmt.setTopMargin(6)
            frame_fmt.setBottomMargin(14)
            frame = cursor.insertFrame(frame_fmt)
            cursor.setBlockFormat(body_block)
            self._maps["question"] = self._insert_field(cursor, "question", item.question, plain)
            cursor = doc.rootFrame().lastCursorPosition()
            del frame
        if not item.question:
            cursor.insertBlock(body_block, plain)  # leave the header's block
        if not paragraphs:
            label_block = QTextBlockFormat()
            label_block.setTopMargin(4)
            label_block.setBottomMargin(4)
            cursor.setBlockFormat(label_block)
            label = QTextCharFormat()
            label.setFontWeight(QFont.Weight.Bold)
            label.setForeground(SECTION)
            label.setFontPointSize(self._font_size)
            cursor.insertText("Antwoord", label)
            cursor.insertBlock(body_block, plain)
        else:
            cursor.setBlockFormat(body_block)
        self._maps["answer"] = self._insert_field(cursor, "answer", item.answer or "", plain)

        if item.refers_to:
            cursor.insertBlock(body_block, muted)
            cursor.insertText("Zie ook: ", muted)
            for i, number in enumerate(item.refers_to):
                link = QTextCharFormat()
                link.setAnchor(True)
                link.setAnchorHref(f"item:{number}")
                link.setForeground(self.palette().link())
                link.setFontUnderline(True)
                if i:
                    cursor.insertText(", ", muted)
                cursor.insertText(f"vraag {number}", link)

        used = [int(m.group(1)) for f in (item.question, item.answer) for m in FOOTNOTE_MARKER.finditer(f or "")]
        if used:
            notes_head = QTextBlockFormat()
            notes_head.setTopMargin(18)
            cursor.insertBlock(notes_head, muted)
            small_bold = QTextCharFormat(muted)
            small_bold.setFontWeight(QFont.Weight.Bold)
            small_bold.setFontPointSize(self._font_size - 1)
            cursor.insertText("Voetnoten", small_bold)
            small = QTextCharFormat(muted)
            small.setFontPointSize(self._font_size - 1)
            for number in dict.fromkeys(used):
                note = footnotes.get(number)
                anchor = QTextCharFormat(small)
                anchor.setAnchor(True)
                anchor.setAnchorNames([f"fn-{number}"])
                cursor.insertBlock(QTextBlockFormat(), small)
                cursor.insertText(f"{number}", anchor)
                cursor.insertText(f"  {note.text if note else '(voetnoot niet gevonden)'}", small)

        self._tighten_paragraph_breaks(doc)
        self._apply_suggestions(doc)  # first: a confidential highlight's red wave wins over the dots
        self._apply_highlights(doc)
        self.setDocument(doc)
        self._find_hits, self._find_current = [], -1
        self.setExtraSelections([])
        self._apply_measure()
        if kept is not None:
            self._restore_cursor(kept)
        self.verticalScrollBar().setValue(scroll)

    def _raw_cursor(self) -> tuple[str, int, str, int] | None:
        """The text cursor as (field, raw anchor, field, raw position), or None outside the fields."""
        cursor = self.textCursor()
        ends = []
        for pos in (cursor.anchor(), cursor.position()):
            name = next((n for n, fmap in self._maps.items() if fmap.contains(pos)), None)
            if name is None:
                return None
            ends += [name, self._maps[name].to_raw(pos)]
        return ends[0], ends[1], ends[2], ends[3]

    def _restore_cursor(self, kept: tuple[str, int, str, int]) -> None:
        anchor_map, pos_map = self._maps.get(kept[0]), self._maps.get(kept[2])
        if anchor_map is None or pos_map is None:
            return
        cursor = QTextCursor(self.document())
        cursor.setPosition(anchor_map.to_doc(kept[1]))
        cursor.setPosition(pos_map.to_doc(kept[3]), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)

    def place_cursor(self, field_name: str, offset: int) -> None:
        """Put the text cursor (no selection) at `offset` of a field, e.g. inside a new highlight,
        so the level keys (O, I, V) act on it."""
        self.select_range(field_name, offset, offset)

    def _tighten_paragraph_breaks(self, doc: QTextDocument) -> None:
        """A blank line between paragraphs stays in the text (offsets map one to one onto the stored
        field) but is drawn as a small gap, not as a whole empty line with margins."""
        gap = QTextBlockFormat()
        gap.setLineHeight(35, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
        gap.setTopMargin(0)
        gap.setBottomMargin(0)
        for fmap in self._maps.values():
            block = doc.findBlock(fmap.doc_start)
            while block.isValid() and block.position() <= fmap.doc_end:
                if not block.text():
                    QTextCursor(block).mergeBlockFormat(gap)
                block = block.next()

    def _insert_field(self, cursor: QTextCursor, name: str, text: str, fmt: QTextCharFormat) -> FieldMap:
        fmap = FieldMap(name, doc_start=cursor.position())
        pos = 0

        def plain_run(start: int, end: int) -> None:
            ds = cursor.position()
            cursor.insertText(text[start:end], fmt)
            fmap.segments.append(Segment(start, end, ds, cursor.position()))

        for m in FOOTNOTE_MARKER.finditer(text):
            if m.start() > pos:
                plain_run(pos, m.start())
            number = m.group(1)
            mark = QTextCharFormat(fmt)
            mark.setVerticalAlignment(QTextCharFormat.VerticalAlignment.AlignSuperScript)
            mark.setAnchor(True)
            mark.setAnchorHref(f"fn:{number}")
            mark.setForeground(self.palette().link())
            ds = cursor.position()
            cursor.insertText(number, mark)
            fmap.segments.append(Segment(m.start(), m.end(), ds, cursor.position(), marker=True))
            pos = m.end()
        if pos < len(text) or not fmap.segments:
            plain_run(pos, len(text))
        fmap.doc_end = cursor.position()
        return fmap

    def _apply_highlights(self, doc: QTextDocument) -> None:
        for name, fmap in self._maps.items():
            hls = [h for h in self._highlights if h.field == name and not h.orphaned and h.end > h.start]
            if not hls:
                continue
            bounds = sorted({b for h in hls for b in (h.start, h.end)})
            cursor = QTextCursor(doc)
            for a, b in zip(bounds, bounds[1:], strict=False):
                covering = [h for h in hls if h.start <= a and h.end >= b]
                if not covering:
                    continue
                colours = [QColor(self._domains[h.domain_id].colour) if h.domain_id in self._domains
                           else QColor(DEFAULT_HIGHLIGHT) for h in covering]
                fmt = QTextCharFormat()
                confidential = any(Level(h.level) == Level.VERTROUWELIJK for h in covering)
                fmt.setBackground(highlight_tint(colours, overlapping=len(covering) > 1, confidential=confidential))
                if len(covering) > 1:
                    fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
                    fmt.setUnderlineColor(mark_ring(colours[-1]))
                if confidential:
                    fmt.setForeground(CONFIDENTIAL_RED)
                    fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
                    fmt.setUnderlineColor(CONFIDENTIAL_RED)
                cursor.setPosition(fmap.to_doc(a))
                cursor.setPosition(fmap.to_doc(b), QTextCursor.MoveMode.KeepAnchor)
                cursor.mergeCharFormat(fmt)

    def _apply_suggestions(self, doc: QTextDocument) -> None:
        cursor = QTextCursor(doc)
        for e in self._suggestions:
            fmap = self._maps.get(e.field or "")
            if fmap is None:
                continue
            fmt = QTextCharFormat()
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
            fmt.setUnderlineColor(SUGGESTION_UNDERLINE)
            cursor.setPosition(fmap.to_doc(e.start))
            cursor.setPosition(fmap.to_doc(e.end), QTextCursor.MoveMode.KeepAnchor)
            cursor.mergeCharFormat(fmt)

    def suggestions_shown(self) -> list[Entry]:
        return list(self._suggestions)

    def suggestion_at_position(self, doc_pos: int) -> Entry | None:
        """The suggested sentence at a document position, if any."""
        for e in self._suggestions:
            fmap = self._maps.get(e.field or "")
            if fmap is not None and fmap.to_doc(e.start) <= doc_pos <= fmap.to_doc(e.end):
                return e
        return None

    def suggestion_at_cursor(self) -> Entry | None:
        cursor = self.textCursor()
        return self.suggestion_at_position(cursor.selectionStart() if cursor.hasSelection() else cursor.position())

    # -- selection ------------------------------------------------------------------------------

    def selection_anchor(self) -> tuple[str, int, int] | None:
        """The selected text as (field, start, end) offsets into the stored field, or None.

        A selection running from the question into the answer is cut at the end of the question.
        """
        cursor = self.textCursor()
        if not cursor.hasSelection() or self._item is None:
            return None
        s, e = cursor.selectionStart(), cursor.selectionEnd()
        for name in FIELDS:
            fmap = self._maps.get(name)
            if fmap is None:
                continue
            if fmap.doc_start <= s < fmap.doc_end or (s < fmap.doc_start < e):
                s2, e2 = max(s, fmap.doc_start), min(e, fmap.doc_end)
                rs, re_ = fmap.to_raw(s2), fmap.to_raw(e2)
                text = self._item.text(name)
                while rs < re_ and text[rs].isspace():
                    rs += 1
                while re_ > rs and text[re_ - 1].isspace():
                    re_ -= 1
                return (name, rs, re_) if re_ > rs else None
        return None

    def select_range(self, field_name: str, start: int, end: int) -> None:
        fmap = self._maps.get(field_name)
        if fmap is None:
            return
        cursor = QTextCursor(self.document())
        cursor.setPosition(fmap.to_doc(start))
        cursor.setPosition(fmap.to_doc(end), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)
        self.ensureCursorVisible()

    def highlight_at_cursor(self) -> Highlight | None:
        """The highlight under the text cursor (or the selection's start), if any."""
        cursor = self.textCursor()
        pos = cursor.selectionStart() if cursor.hasSelection() else cursor.position()
        for name, fmap in self._maps.items():
            if fmap.contains(pos):
                raw = fmap.to_raw(pos)
                for h in self._highlights:
                    if h.field == name and not h.orphaned and h.start <= raw < max(h.end, h.start + 1):
                        return h
        return None

    def set_find_hits(self, hits: list[tuple[str, int, int]], current: int) -> None:
        """Mark every hit of the find bar in this item (soft yellow) and the current one (orange,
        underlined, with the cursor on it, scrolled into view). Offsets are into the stored fields."""
        self._find_hits, self._find_current = list(hits), current
        selections = []
        for i, (name, start, end) in enumerate(hits):
            fmap = self._maps.get(name)
            if fmap is None:
                continue
            sel = QTextEdit.ExtraSelection()
            cursor = QTextCursor(self.document())
            cursor.setPosition(fmap.to_doc(start))
            cursor.setPosition(fmap.to_doc(end), QTextCursor.MoveMode.KeepAnchor)
            sel.cursor = cursor
            fmt = QTextCharFormat()
            fmt.setBackground(FIND_CURRENT if i == current else FIND_HIT)
            if i == current:
                fmt.setFontUnderline(True)
            sel.format = fmt
            selections.append(sel)
            if i == current:
                self.setTextCursor(cursor)
                self.ensureCursorVisible()
        self.setExtraSelections(selections)

    def find_hits(self) -> tuple[list[tuple[str, int, int]], int]:
        return list(self._find_hits), self._find_current

    def find_in_item(self, text: str) -> bool:
        """Select the first occurrence of `text` in the item (case-insensitive)."""
        if not text:
            return False
        found = self.document().find(text, 0)
        if found.isNull():
            return False
        self.setTextCursor(found)
        self.ensureCursorVisible()
        return True

    # -- interaction ----------------------------------------------------------------------------

    @Slot(QUrl)
    def _on_anchor(self, url: QUrl) -> None:
        href = url.toString()
        if href.startswith("fn:"):
            self.scrollToAnchor(f"fn-{href[3:]}")
        elif href.startswith("item:"):
            self.item_link_activated.emit(int(href[5:]))

    def highlights_at(self, pos: QPoint) -> list[Highlight]:
        doc_pos = self.cursorForPosition(pos).position()
        found = []
        for name, fmap in self._maps.items():
            if not fmap.contains(doc_pos):
                continue
            raw = fmap.to_raw(doc_pos)
            found += [h for h in self._highlights if h.field == name and h.start <= raw < h.end]
        return found

    def tooltip_at(self, pos: QPoint) -> str:
        href = self.anchorAt(pos)
        if href.startswith("fn:"):
            note = self._footnotes.get(int(href[3:]))
            return f"Voetnoot {href[3:]}: {note.text}" if note else ""
        if href.startswith("item:"):
            return f"Ga naar vraag {href[5:]}"
        lines = []
        suggestion = self.suggestion_at_position(self.cursorForPosition(pos).position())
        if suggestion is not None:
            lines.append(f"Suggestie: {suggestion.kind.lower()} — Enter om over te nemen, Delete om af te wijzen")
        for h in self.highlights_at(pos):
            domain = self._domains.get(h.domain_id or "")
            line = f"■ {domain.name if domain else 'Markering'}"
            if Level(h.level) == Level.VERTROUWELIJK:
                line += " — VERTROUWELIJK"
            if h.note:
                line += f"\n   {h.note}"
            lines.append(line)
        return "\n".join(lines)

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            tip = self.tooltip_at(event.pos())
            if tip:
                QToolTip.showText(event.globalPos(), tip, self.viewport())
            else:
                QToolTip.hideText()
            return True
        return super().viewportEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Delete) and not event.modifiers() \
                and not self.textCursor().charFormat().isAnchor():
            suggestion = self.suggestion_at_cursor()
            if suggestion is not None:
                signal = self.suggestion_dismiss if key == Qt.Key.Key_Delete else self.suggestion_accept
                signal.emit(suggestion.key)
                event.accept()
                return
        super().keyPressEvent(event)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        menu = self.createStandardContextMenu(event.pos())
        suggestion = self.suggestion_at_position(self.cursorForPosition(event.pos()).position())
        if suggestion is not None:
            menu.addSeparator()
            take = menu.addAction(f"Suggestie overnemen ({suggestion.kind.lower()})")
            take.triggered.connect(lambda _=False, k=suggestion.key: self.suggestion_accept.emit(k))
            drop = menu.addAction("Suggestie afwijzen")
            drop.triggered.connect(lambda _=False, k=suggestion.key: self.suggestion_dismiss.emit(k))
        if self.selection_anchor() is not None:
            menu.addSeparator()
            sub = QMenu("Markeren als", menu)
            for domain in self._domain_order:
                key = f"{domain.key}  " if domain.key else ""
                act = QAction(dot_icon(domain.colour), f"{key}{domain.name}", sub)
                act.triggered.connect(lambda _=False, d=domain.id: self.highlight_requested.emit(d))
                sub.addAction(act)
            menu.addMenu(sub)
            plain = menu.addAction("Markeren zonder domein")
            plain.triggered.connect(lambda: self.highlight_requested.emit(None))
            fu = menu.addAction("Vervolgactie bij deze passage…")
            fu.triggered.connect(self.followup_requested.emit)
        menu.exec(event.globalPos())
