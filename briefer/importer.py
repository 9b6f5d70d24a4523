"""Core: importing a file: parse it (briefer.ingest) and store it (briefer.store), all or nothing.

`import_file` is a plain function the CLI calls directly and the GUI runs on a worker thread;
progress comes back as `progress(done_pages, total_pages)` calls, and `cancel()` returning True
stops the import before anything is written.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

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
                cancel: Cancel | None = None, *, workers: int = 1) -> ImportResult:
    """Parse and store one file in one transaction.

    The same file again returns the stored document (`created=False`) without parsing. A new
    version of a stored Kamerstuk is linked to it (`version_of`) and its annotations are carried
    over in the same transaction. `workers` > 1 lets the parser read PDF pages in that many
    processes (the CLI uses 2; a GUI should keep 1). Raises the parser's IngestError subclasses for bad files,
    `ImportCancelled` when `cancel()` returns True, and DiskFull when the disk is full; in every
    such case the database is as it was.
    """
    path = Path(path)
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
        doc = parse_file(path, progress=report, workers=workers)
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
    return result
