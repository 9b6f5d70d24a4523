"""Core: ingest — read a PDF, text or Word file and parse it into a `Document`.

    from briefer.ingest import parse_file, parse_text, parse_bytes, document_types
    doc = parse_file(path, progress=None, workers=None, doc_type=None)   # .pdf / .txt / .docx
    doc = parse_text(text, source="name", doc_type=None)                  # text as a PDF extraction gives it
    doc = parse_bytes(data, "name.pdf", doc_type="brief")                 # a stored original, re-read

`doc_type` forces a type (one of `document_types()`); without it the type is detected and
`doc.type_confidence` says how sure that was. Errors the user may see are `IngestError`
subclasses with a Dutch message naming the file. Importing this package loads no parser, pypdf or
python-docx: each is imported when a file of its kind is read.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from briefer.ingest.errors import (
    ArchiveTooLarge,
    CorruptFile,
    EmptyFile,
    EncryptedFile,
    IngestError,
    NoTextLayer,
    UnknownType,
    UnsupportedType,
)
from briefer.model import Document

__all__ = [
    "ArchiveTooLarge", "CorruptFile", "EmptyFile", "EncryptedFile", "IngestError", "NoTextLayer",
    "UnknownType", "UnsupportedType", "SUPPORTED_SUFFIXES",
    "document_types", "parse_bytes", "parse_docx", "parse_file", "parse_text", "suffix_of",
]

SUPPORTED_SUFFIXES = (".pdf", ".txt", ".docx")
Progress = Callable[[int, int], None]


def document_types() -> list[str]:
    """The document types a user may choose, in the order detection tries them."""
    from briefer.ingest.types import type_names

    return type_names()


def _source(path: Path) -> str:
    return path.stem


def parse_file(path: str | Path, progress: Progress | None = None, workers: int | None = None,
               doc_type: str | None = None) -> Document:
    """Parse a .pdf, .txt or .docx file; `progress(done_pages, total_pages)` per page.

    `workers`: processes extracting PDF pages; None picks 2 for a large PDF (see
    `pdf.AUTO_WORKERS_FROM_PAGES`) on a machine with two cores or more, else 1.
    `doc_type` forces a document type instead of detecting it.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise UnsupportedType(path)
    if doc_type is not None:
        _check_type(doc_type)
    if not path.is_file():
        raise CorruptFile(path, "het bestand bestaat niet of is geen bestand")
    if path.stat().st_size == 0:
        raise EmptyFile(path)
    if suffix == ".docx":
        return parse_docx(path, progress=progress, doc_type=doc_type)
    from briefer.ingest.types import build

    if suffix == ".pdf":
        from briefer.ingest.pdf import read_pdf

        ex = read_pdf(path, progress=progress, workers=workers)
    else:
        from briefer.ingest.text import read_text_file

        ex = read_text_file(path)
        if progress:
            progress(ex.page_count, ex.page_count)
    return build(ex, _source(path), path, doc_type)


def parse_text(text: str, source: str = "tekst", doc_type: str | None = None) -> Document:
    """Parse text as a PDF extraction gives it (page breaks not marked)."""
    from briefer.ingest.text import read_text
    from briefer.ingest.types import build

    return build(read_text(text), source, None, doc_type)


def parse_docx(path: str | Path, progress: Progress | None = None, doc_type: str | None = None) -> Document:
    """Parse a Word file (answers often circulate as .docx before publication)."""
    from briefer.ingest.docx import read_docx
    from briefer.ingest.types import build

    path = Path(path)
    ex = read_docx(path)
    if progress:
        progress(1, 1)
    return build(ex, _source(path), path, doc_type)


def suffix_of(data: bytes, name: str = "") -> str:
    """The file kind of `data`: by its first bytes (PDF, Word/zip), else by `name`, else text."""
    if data[:1024].lstrip().startswith(b"%PDF-") or b"%PDF-" in data[:1024]:
        return ".pdf"
    if data.startswith(b"PK\x03\x04"):
        return ".docx"
    suffix = Path(name).suffix.lower()
    return suffix if suffix in SUPPORTED_SUFFIXES else ".txt"


def parse_bytes(data: bytes, name: str, *, doc_type: str | None = None, progress: Progress | None = None,
                workers: int | None = 1) -> Document:
    """Parse a file's bytes (a stored original) as if it were the file `name`."""
    import tempfile

    suffix = suffix_of(data, name)
    stem = Path(name).stem or "document"
    with tempfile.TemporaryDirectory(prefix="briefer-") as tmp:
        path = Path(tmp) / f"{stem}{suffix}"
        path.write_bytes(data)
        return parse_file(path, progress=progress, workers=workers, doc_type=doc_type)


def _check_type(doc_type: str) -> None:
    from briefer.ingest.types import by_name

    by_name(doc_type)
