"""Core: importing a file: parse it (briefer.ingest) and store it (briefer.store), all or nothing.

`import_file` is a plain function the CLI calls directly and the GUI runs on a worker thread;
progress comes back as `progress(done_pages, total_pages)` calls, and `cancel()` returning True
stops the import before anything is written. `reparse_document` reads a stored document's
original again as another type ("Opnieuw inlezen als …"): the result is a new version of it, and
every annotation moves over as to a new version (re-anchored; what cannot be placed is kept as
verweesd, never dropped).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from briefer.errors import BrieferError
from briefer.store.documents import ImportResult, Store, sha256_hex

if TYPE_CHECKING:
    from briefer.annotate import CarryOverReport

Progress = Callable[[int, int], None]
Cancel = Callable[[], bool]


class ImportCancelled(BrieferError):
    """Core: the user stopped an import; nothing was written."""

    def __init__(self, path: Path) -> None:
        super().__init__(f"Import van {path.name} afgebroken; er is niets opgeslagen.")


class FileUnreadable(BrieferError):
    """Core: the file to import does not exist or cannot be read."""


def read_file(path: Path) -> bytes:
    """The bytes of the file to import, or a Dutch error naming it."""
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise FileUnreadable(f"Bestand {path} bestaat niet; controleer de naam en de map.") from None
    except IsADirectoryError:
        raise FileUnreadable(f"{path} is een map, geen bestand; kies een PDF-, tekst- of Word-bestand.") from None
    except OSError as exc:
        raise FileUnreadable(
            f"Bestand {path} kan niet worden gelezen ({exc.strerror or exc}); controleer de rechten."
        ) from None


def _carry_over(store: Store, old_id: str, new_id: str) -> CarryOverReport:
    """Move the annotations (and the dismissed suggestions) of the previous version to the new one."""
    from briefer.annotate import Annotations
    from briefer.store.suggestions import SuggestionStore

    report = Annotations(store).carry_over(old_id, new_id)
    SuggestionStore(store.db).copy_dismissals(old_id, new_id)  # a dismissed suggestion stays dismissed
    return report


def import_file(store: Store, path: str | Path, progress: Progress | None = None,
                cancel: Cancel | None = None, *, workers: int | None = 1,
                doc_type: str | None = None) -> ImportResult:
    """Parse and store one file in one transaction.

    The same file again returns the stored document (`created=False`) without parsing. A new
    version of a stored Kamerstuk is linked to it (`version_of`) and its annotations are carried
    over in the same transaction. `workers` > 1 lets the parser read PDF pages in that many
    processes, None lets it decide by the size of the file (the CLI); a GUI should keep 1.
    `doc_type` reads the file as that type instead of detecting it (`briefer.ingest.document_types()`).
    Raises the parser's IngestError subclasses for bad files (UnknownType for an unknown
    `doc_type`), `ImportCancelled` when `cancel()` returns True, and DiskFull when the disk is full;
    in every such case the database is as it was.
    """
    path = Path(path)
    if doc_type is not None:
        from briefer.ingest import _check_type

        _check_type(doc_type)
    data = read_file(path)
    existing = store.find_by_sha256(sha256_hex(data))
    if existing is not None:
        return ImportResult(existing, created=False, items_per_party=store.items_per_party(existing.id))

    cancelled = False

    def report(done: int, total: int) -> None:
        nonlocal cancelled
        if progress is not None:
            progress(done, total)
        if cancel is not None and cancel():
            cancelled = True
            raise ImportCancelled(path)

    if cancel is not None and cancel():
        raise ImportCancelled(path)
    from briefer.ingest import parse_file

    try:
        doc = parse_file(path, progress=report, workers=workers, doc_type=doc_type)
    except ImportCancelled:
        raise
    except Exception as exc:
        if cancelled:  # a parser may wrap what the progress callback raised
            raise ImportCancelled(path) from exc
        raise
    if cancel is not None and cancel():
        raise ImportCancelled(path)
    with store.transaction():
        result = store.add_document(doc, data, source_name=path.name)
        if result.created and result.previous is not None:
            result.carry_over = _carry_over(store, result.previous.id, result.document.id)
        if result.created:
            result.placed_pending = _place_pending(store, result.document)
    return result


def _place_pending(store: Store, doc: Any) -> int:
    """Show colleagues' annotations that arrived (file or shared folder) before this document did.

    A cheap look first: only when something waits for this document's key is the sharing layer
    loaded. Returns how many annotations are shown now.
    """
    from briefer.store.sync import SyncStore

    if not SyncStore(store.db).waiting_for(doc.identifier, doc.sha256):
        return 0
    from briefer.annotate import Annotations

    return Annotations(store).place_pending(doc.id)


class CannotReparse(BrieferError):
    """Core: a stored document cannot be read again (no original kept, or a superseded version)."""


def reparse_document(store: Store, doc_id: str, doc_type: str, progress: Progress | None = None,
                     cancel: Cancel | None = None) -> ImportResult:
    """Read a stored document's original again as `doc_type`, as a new version of it.

    Detection can be wrong; this is the way out. In one transaction: the new parse is stored with
    `version_of` = the document, and its annotations (highlights, notes, tags, follow-ups, dismissed
    suggestions) move over exactly as to a new version: re-anchored by offset, quote or
    approximately; a highlight that cannot be placed is kept as verweesd; items without a
    counterpart keep theirs on the old version (`ImportResult.carry_over` reports it all, and its
    `change` undoes the move). The same file imported again afterwards finds the re-parse. Raises
    UnknownType, CannotReparse (no original, or not the newest version), ImportCancelled, DiskFull;
    the database is then as it was.
    """
    from briefer.ingest import _check_type, parse_bytes

    _check_type(doc_type)
    old = store.document(doc_id)
    newest = store.versions(old.id)[-1]
    if newest.id != old.id:
        raise CannotReparse(
            f"{old.display_name} (id {old.id[:8]}) is een oudere versie; lees de nieuwste versie "
            f"(id {newest.id[:8]}) opnieuw in."
        )
    data = store.original(old.id)
    if not data:
        raise CannotReparse(
            f"Van {old.display_name} is het oorspronkelijke bestand niet bewaard; importeer het bestand "
            "opnieuw met het gewenste type."
        )
    name = Path(old.source)

    def report(done: int, total: int) -> None:
        if progress is not None:
            progress(done, total)
        if cancel is not None and cancel():
            raise ImportCancelled(name)

    try:
        doc = parse_bytes(data, old.source, doc_type=doc_type, progress=report, workers=1)
    except ImportCancelled:
        raise
    except Exception as exc:
        if cancel is not None and cancel():
            raise ImportCancelled(name) from exc
        raise
    doc.source = name.stem
    if cancel is not None and cancel():
        raise ImportCancelled(name)
    with store.transaction():
        store.supersede(old.id)
        result = store.add_document(doc, data, source_name=old.source, previous=old)
        result.carry_over = _carry_over(store, old.id, result.document.id)
    return result
