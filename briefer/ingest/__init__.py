"""Core: ingest — read a PDF, text or Word file and parse it into a `Document`.

    from briefer.ingest import parse_file, parse_text
    doc = parse_file(path, progress=None)      # .pdf / .txt / .docx
    doc = parse_text(text, source="name")      # text as a PDF extraction gives it

Errors the user may see are `IngestError` subclasses with a Dutch message naming the file.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from briefer.ingest.errors import (
    CorruptFile,
    EmptyFile,
    EncryptedFile,
    IngestError,
    NoTextLayer,
    UnsupportedType,
)
from briefer.model import Document

__all__ = [
    "CorruptFile", "EmptyFile", "EncryptedFile", "IngestError", "NoTextLayer", "UnsupportedType",
    "parse_docx", "parse_file", "parse_text", "SUPPORTED_SUFFIXES",
]

SUPPORTED_SUFFIXES = (".pdf", ".txt", ".docx")


def _source(path: Path) -> str:
    return path.stem


def parse_file(path: str | Path, progress: Callable[[int, int], None] | None = None,
               workers: int | None = None) -> Document:
    """Parse a .pdf, .txt or .docx file; `progress(done_pages, total_pages)` per page.

    `workers`: processes extracting PDF pages; None picks 2 for a PDF of 40 pages or more on a
    machine with two cores or more (the pool starts clean, via forkserver), else 1.
    """
    from briefer.ingest.structure import build

    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise UnsupportedType(path)
    if not path.is_file():
        raise CorruptFile(path, "het bestand bestaat niet of is geen bestand")
    if path.stat().st_size == 0:
        raise EmptyFile(path)
    if suffix == ".pdf":
        from briefer.ingest.pdf import read_pdf

        ex = read_pdf(path, progress=progress, workers=workers)
    elif suffix == ".txt":
        from briefer.ingest.text import read_text_file

        ex = read_text_file(path)
        if progress:
            progress(ex.page_count, ex.page_count)
    else:
        return parse_docx(path, progress=progress)
    return build(ex, _source(path), path)


def parse_text(text: str, source: str = "tekst") -> Document:
    """Parse text as a PDF extraction gives it (page breaks not marked)."""
    from briefer.ingest.structure import build
    from briefer.ingest.text import read_text

    ex = read_text(text)
    return build(ex, source, None)


def parse_docx(path: str | Path, progress: Callable[[int, int], None] | None = None) -> Document:
    """Parse a Word file (answers often circulate as .docx before publication)."""
    from briefer.ingest.docx import read_docx
    from briefer.ingest.structure import build

    path = Path(path)
    ex = read_docx(path)
    if progress:
        progress(1, 1)
    return build(ex, _source(path), path)
