"""Core: errors raised while reading a file for import; each message is one Dutch sentence naming the file."""

from __future__ import annotations

from pathlib import Path

from briefer.errors import BrieferError


class IngestError(BrieferError):
    """Core: a file could not be read as a parliamentary document."""

    def __init__(self, path: str | Path, message: str) -> None:
        self.path = str(path)
        super().__init__(message)


class EncryptedFile(IngestError):
    """Core: the PDF is protected with a password."""

    def __init__(self, path: str | Path) -> None:
        super().__init__(
            path,
            f"{Path(path).name} is beveiligd met een wachtwoord; open het bestand in een PDF-lezer, "
            "sla het op zonder beveiliging en importeer het opnieuw.",
        )


class CorruptFile(IngestError):
    """Core: the file is damaged, truncated, or not what its extension says."""

    def __init__(self, path: str | Path, detail: str = "") -> None:
        what = detail or "het bestand is beschadigd of onvolledig"
        super().__init__(
            path,
            f"{Path(path).name} kan niet worden gelezen: {what}; download het opnieuw of kies een ander bestand.",
        )


class NoTextLayer(IngestError):
    """Core: the PDF has pages but no text (a scan)."""

    def __init__(self, path: str | Path) -> None:
        super().__init__(
            path,
            f"{Path(path).name} bevat geen tekst (gescand; OCR nodig): laat er eerst tekstherkenning (OCR) "
            "op los en importeer het resultaat.",
        )


class EmptyFile(IngestError):
    """Core: the file is 0 bytes or contains no text at all."""

    def __init__(self, path: str | Path) -> None:
        super().__init__(path, f"{Path(path).name} is leeg; kies het volledige bestand.")


class UnsupportedType(IngestError):
    """Core: a file type Briefer cannot read."""

    def __init__(self, path: str | Path) -> None:
        suffix = Path(path).suffix or "zonder extensie"
        super().__init__(
            path,
            f"{Path(path).name} heeft een bestandstype dat Briefer niet kan lezen ({suffix}); "
            "gebruik een PDF-, Word- (.docx) of tekstbestand (.txt).",
        )


class UnknownType(IngestError):
    """Core: the user asked for a document type Briefer does not know."""

    def __init__(self, name: str, known: list[str]) -> None:
        super().__init__(
            "", f"Onbekend documenttype '{name}'; kies een van: {', '.join(known)}."
        )


class ArchiveTooLarge(CorruptFile):
    """Core: a Word file whose unpacked size or number of parts is absurd (a zip bomb); refused unread."""

    def __init__(self, path: str | Path, what: str) -> None:
        IngestError.__init__(
            self, path,
            f"{Path(path).name} wordt geweigerd: {what}; dit is geen gewoon Word-document. "
            "Open het in Word, sla het opnieuw op en importeer het dan.",
        )
