"""The reader: stored offsets <-> screen positions (footnote markers included), highlights drawn."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor

from briefer.gui.reader import ReaderView
from briefer.gui.theme import CONFIDENTIAL_RED
from briefer.model import Level, StoredItem


def _item(question: str, answer: str) -> StoredItem:
    return StoredItem(id="i1", document_id="d1", number=3, numbers=[3], party="VVD", question=question,
                      answer=answer, page_first=2, page_last=3, position=0)


def _select(reader: ReaderView, field: str, text: str) -> tuple[int, int]:
    """Select `text` inside `field` on screen; returns the document positions."""
    fmap = reader.field_map(field)
    doc_text = reader.document().toPlainText()
    start = doc_text.index(text, fmap.doc_start)
    cursor = QTextCursor(reader.document())
    cursor.setPosition(start)
    cursor.setPosition(start + len(text), QTextCursor.MoveMode.KeepAnchor)
    reader.setTextCursor(cursor)
    return start, start + len(text)


def _format_at(reader: ReaderView, pos: int) -> QTextCharFormat:
    cursor = QTextCursor(reader.document())
    cursor.setPosition(pos + 1)  # the format of the character before the cursor
    return cursor.charFormat()


def test_selection_after_footnote_marker_maps_to_stored_offsets(qapp: Any, core: Any) -> None:
    store, ann, doc = core
    item = next(i for i in store.items(doc.id) if "[^" in i.answer)
    reader = ReaderView()
    reader.show_item(item, footnotes={f.number: f for f in store.footnotes(doc.id)}, highlights=[],
                     domains=ann.domains())
    # the marker is shown as its number, not as [^N]
    assert "[^" not in reader.document().toPlainText()
    marker_end = item.answer.index("]", item.answer.index("[^")) + 1
    after = item.answer[marker_end:marker_end + 60].strip().split("\n")[0][:30]
    _select(reader, "answer", after)
    field, start, end = reader.selection_anchor()
    assert field == "answer" and item.answer[start:end] == after


def test_highlights_drawn_in_domain_colours_overlaps_and_confidential(qapp: Any, core: Any) -> None:
    store, ann, doc = core
    d1, d2 = ann.domains()[:2]
    item = _item("Wat doet het kabinet met grondstoffen?", "Het kabinet biedt een vertrouwelijke briefing aan.")
    from briefer.model import Highlight

    a = item.answer
    s1 = a.index("kabinet")
    s2 = a.index("biedt")
    hls = [
        Highlight(id="h1", item_id="i1", field="answer", start=s1, end=s2 + 5, exact=a[s1:s2 + 5], domain_id=d1.id),
        Highlight(id="h2", item_id="i1", field="answer", start=s2, end=len(a) - 1, exact=a[s2:-1], domain_id=d2.id,
                  level=Level.VERTROUWELIJK),
    ]
    reader = ReaderView()
    reader.show_item(item, footnotes={}, highlights=hls, domains=ann.domains(), confidential=True)
    fmap = reader.field_map("answer")
    only1 = _format_at(reader, fmap.to_doc(s1))
    both = _format_at(reader, fmap.to_doc(s2))
    only2 = _format_at(reader, fmap.to_doc(a.index("briefing")))
    plain = _format_at(reader, fmap.to_doc(0))
    assert plain.background().style().name == "NoBrush"
    # a single highlight: a tint of its domain colour (hue kept)
    assert only1.background().color().hue() == QColor(d1.colour).hue()
    # overlap: a different colour from either alone, underlined
    assert both.background().color() not in (only1.background().color(), only2.background().color())
    assert both.underlineStyle() != QTextCharFormat.UnderlineStyle.NoUnderline
    # confidential: red text with a wavy red underline
    assert only2.foreground().color() == CONFIDENTIAL_RED
    assert only2.underlineStyle() == QTextCharFormat.UnderlineStyle.WaveUnderline
    assert "VERTROUWELIJK" in reader.document().toPlainText()  # the badge in the header


def test_selection_across_question_and_answer_is_cut_at_the_question(qapp: Any) -> None:
    item = _item("Eerste vraag hier.", "Het antwoord volgt.")
    reader = ReaderView()
    reader.show_item(item, footnotes={}, highlights=[], domains=[])
    q, a = reader.field_map("question"), reader.field_map("answer")
    cursor = QTextCursor(reader.document())
    cursor.setPosition(q.doc_start + 7)
    cursor.setPosition(a.doc_start + 3, QTextCursor.MoveMode.KeepAnchor)
    reader.setTextCursor(cursor)
    # (Qt widens a selection that leaves the question's frame to the whole frame)
    field, start, end = reader.selection_anchor()
    assert field == "question" and start <= 7 and end == len(item.question)
    reader.setTextCursor(QTextCursor(reader.document()))
    assert reader.selection_anchor() is None


def test_footnote_tooltip_and_cross_reference(qapp: Any, qtbot: Any) -> None:
    from briefer.model import Footnote

    item = _item("Vraag.", "Zie de brief.[^7] Verder niets.")
    item.refers_to = [30]
    reader = ReaderView()
    qtbot.addWidget(reader)
    reader.resize(600, 400)
    reader.show()
    reader.show_item(item, footnotes={7: Footnote(7, "Kamerstuk 35 982, nr. 9.")}, highlights=[], domains=[])
    fmap = reader.field_map("answer")
    marker = fmap.to_doc(item.answer.index("[^7]"))
    rect = reader.cursorRect(_cursor_at(reader, marker + 1))
    assert "Kamerstuk 35 982, nr. 9." in reader.tooltip_at(rect.center())
    jumped: list[int] = []
    reader.item_link_activated.connect(jumped.append)
    from PySide6.QtCore import QUrl

    reader.anchorClicked.emit(QUrl("item:30"))
    assert jumped == [30]
    assert "Voetnoten" in reader.document().toPlainText()


def _cursor_at(reader: ReaderView, pos: int) -> QTextCursor:
    cursor = QTextCursor(reader.document())
    cursor.setPosition(pos)
    return cursor


def test_blank_line_between_paragraphs_is_a_small_gap_and_offsets_still_map(qapp: Any) -> None:
    answer = "Eerste alinea van het antwoord.\n\nTweede alinea, met de kern van de zaak."
    reader = ReaderView()
    reader.show_item(_item("Een vraag?", answer), footnotes={}, highlights=[], domains=[])
    fmap = reader.field_map("answer")
    doc = reader.document()
    block = doc.findBlock(fmap.doc_start)
    empty = []
    while block.isValid() and block.position() <= fmap.doc_end:
        if not block.text():
            empty.append(block.blockFormat())
        block = block.next()
    assert len(empty) == 1
    assert empty[0].lineHeight() == 35 and empty[0].bottomMargin() == 0 and empty[0].topMargin() == 0
    # the second paragraph still maps onto the stored text, one to one
    _select(reader, "answer", "met de kern")
    field, start, end = reader.selection_anchor()
    assert field == "answer" and answer[start:end] == "met de kern"
