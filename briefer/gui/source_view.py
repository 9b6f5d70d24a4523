"""GUI: the source tab: the original PDF page(s) of the current item (QtPdf).

The PDF bytes come from `Store.original(doc_id)`; the view loads them only when the tab is shown
(QtPdf is imported lazily, which keeps start-up fast).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QTimer
from PySide6.QtWidgets import QLabel, QStackedLayout, QWidget


class SourceView(QWidget):
    """GUI: shows the stored original PDF at the current item's first page."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._stack = QStackedLayout(self)
        self._message = QLabel("Geen bron beschikbaar.")
        self._message.setWordWrap(True)
        self._message.setStyleSheet("color: #5f6b7a; padding: 24px;")
        self._stack.addWidget(self._message)
        self._view: Any = None
        self._pdf: Any = None
        self._buffer: QBuffer | None = None
        self._doc_id: str | None = None
        self._loaded_doc: str | None = None
        self._page = 1
        self._fetch: Any = None

    def set_source(self, doc_id: str | None, fetch: Any, page: int | None) -> None:
        """Remember what to show; `fetch(doc_id)` returns the original bytes (or None)."""
        self._doc_id, self._fetch, self._page = doc_id, fetch, page or 1
        if self.isVisible():
            self.refresh()

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        self.refresh()

    def page_count(self) -> int:
        return self._pdf.pageCount() if self._pdf is not None else 0

    def refresh(self) -> None:
        if self._doc_id is None or self._fetch is None:
            self._show_message("Geen document geopend.")
            return
        if self._loaded_doc != self._doc_id:
            data = self._fetch(self._doc_id)
            if not data or not bytes(data[:5]).startswith(b"%PDF"):
                self._loaded_doc = None
                self._show_message("Van dit document is geen PDF bewaard (het is als tekst of Word "
                                   "geïmporteerd); de lezer toont de tekst.")
                return
            self._load_pdf(bytes(data))
            self._loaded_doc = self._doc_id
        self._go_to(self._page)

    def _show_message(self, text: str) -> None:
        self._message.setText(text)
        self._stack.setCurrentWidget(self._message)

    def _load_pdf(self, data: bytes) -> None:
        from PySide6.QtPdf import QPdfDocument
        from PySide6.QtPdfWidgets import QPdfView

        if self._view is None:
            self._pdf = QPdfDocument(self)
            self._view = QPdfView(self)
            self._view.setDocument(self._pdf)
            self._view.setPageMode(QPdfView.PageMode.MultiPage)
            self._view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
            self._stack.addWidget(self._view)
        self._pdf.close()
        self._buffer = QBuffer(self)
        self._buffer.setData(QByteArray(data))
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self._pdf.load(self._buffer)

    def _go_to(self, page: int) -> None:
        if self._view is None or self._pdf is None or self._pdf.pageCount() == 0:
            self._show_message("De PDF kon niet worden geopend.")
            return
        self._stack.setCurrentWidget(self._view)
        index = max(0, min(page - 1, self._pdf.pageCount() - 1))
        self._jump(index)
        # a freshly loaded document is laid out on the next turn of the event loop: jump again then
        QTimer.singleShot(0, lambda: self._jump(index))

    def _jump(self, index: int) -> None:
        if self._view is None:
            return
        nav = self._view.pageNavigator()
        nav.jump(index, QPointF(0, 0), nav.currentZoom())
        bar = self._view.verticalScrollBar()
        if self._pdf.pageCount() > 0 and bar.maximum() > 0 and index > 0:
            # QPdfView scrolls to the navigator's page only on a change; set it directly as well
            bar.setValue(int(bar.maximum() * index / max(1, self._pdf.pageCount() - 1)))
