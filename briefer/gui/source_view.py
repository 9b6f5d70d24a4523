"""GUI: the source tab: the original PDF page(s) of the current item (QtPdf).

The PDF bytes come from `Store.original(doc_id)`; the view loads them only when the tab is shown
(QtPdf is imported lazily, which keeps start-up fast).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QTimer, Slot
from PySide6.QtWidgets import QLabel, QStackedLayout, QVBoxLayout, QWidget


class SourceView(QWidget):
    """GUI: shows the stored original PDF at the current item's first page."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        self.page_label = QLabel("")
        self.page_label.setObjectName("muted")
        self.page_label.setContentsMargins(10, 3, 10, 3)
        self.page_label.setVisible(False)
        outer.addWidget(self.page_label)
        self._stack = QStackedLayout()
        outer.addLayout(self._stack, 1)
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
        self._target: int | None = None
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
        self.page_label.setVisible(False)

    @Slot(int)
    def _update_page_label(self, index: int = -1) -> None:
        """'PDF-pagina 12 van 24 · de vraag begint op pagina 12' above the view."""
        if self._pdf is None or self._view is None or self._target is None:
            return
        index = self._view.pageNavigator().currentPage() if index < 0 else index
        text = f"PDF-pagina {index + 1} van {self._pdf.pageCount()}"
        if index != self._target:
            text += f" · de vraag begint op pagina {self._target + 1}"
        self.page_label.setText(text)
        self.page_label.setVisible(True)

    def _load_pdf(self, data: bytes) -> None:
        from PySide6.QtPdf import QPdfDocument
        from PySide6.QtPdfWidgets import QPdfView

        if self._view is None:
            self._pdf = QPdfDocument(self)
            self._view = QPdfView(self)
            self._view.setDocument(self._pdf)
            self._view.setPageMode(QPdfView.PageMode.MultiPage)
            self._view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
            self._view.pageNavigator().currentPageChanged.connect(self._update_page_label)
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
        self._target = index
        self._jump(index)
        self._update_page_label(index)
        # a freshly loaded (or resized) view lays its pages out again on the next turn of the event
        # loop, which moves them under the scroll position: land on the page again then
        QTimer.singleShot(0, self._settle)

    def _settle(self) -> None:
        if self._view is not None and self._target is not None:
            self._jump(self._target, force=True)

    def _jump(self, index: int, *, force: bool = False) -> None:
        """Scroll so page `index` starts at the top of the view.

        QPdfView scrolls only when the navigator's page changes; `force` steps away and back so
        the view recomputes the position from its current layout (exact to the pixel).
        """
        if self._view is None:
            return
        nav = self._view.pageNavigator()
        if force and nav.currentPage() == index:
            other = index - 1 if index > 0 else index + 1
            if 0 <= other < self._pdf.pageCount():
                nav.jump(other, QPointF(0, 0), nav.currentZoom())
        nav.jump(index, QPointF(0, 0), nav.currentZoom())

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        if self._view is not None and self._target is not None and self.isVisible():
            QTimer.singleShot(0, self._settle)  # keep the item's page in view when the width changes
