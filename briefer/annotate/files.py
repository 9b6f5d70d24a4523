"""Core (annotate): annotation files on disk — reading them safely, writing them privately.

`read_exchange_file` reads at most `MAX_BYTES`, refuses binary and non-UTF-8 content, truncated
or too deeply nested JSON (the parser stops at about 1,000 levels; below that the schema allows no
level the format does not have, at most `schema.MAX_DEPTH`), and anything `schema.validate` refuses; every refusal is an
`ExchangeError` naming the file and the problem in one Dutch line, and nothing has been written.
`share_document` writes a document's annotations within a ceiling (default `intern`) through
`briefer.safefile.write_private` (0600, never over an existing file unless asked, never over the
database): a file holding vertrouwelijk material says so in its name ("… VERTROUWELIJK.json")
and in its content ("rubricering").
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from briefer.annotate.errors import ExchangeError
from briefer.model import Level
from briefer.safefile import FileRefused, write_private

if TYPE_CHECKING:
    from briefer.annotate.base import AnnotationsBase

MAX_BYTES = 64 * 1024 * 1024
CONFIDENTIAL_MARK = "VERTROUWELIJK"
ANNOTATION_KINDS = ("tags", "highlights", "notes", "followups")


def annotation_count(data: dict[str, Any]) -> int:
    """How many annotations a file holds (format 2: `count`; else the listed rows)."""
    if isinstance(data.get("count"), int):
        return int(data["count"])
    return sum(len(data.get(k) or []) for k in ANNOTATION_KINDS)


def parse_bytes(raw: bytes, name: str) -> dict[str, Any]:
    """Decode and check one annotation file's bytes (see module docstring)."""
    from briefer.annotate import schema

    if len(raw) > MAX_BYTES:
        raise ExchangeError(f"{name} is groter dan {MAX_BYTES // (1024 * 1024)} MB; dat is geen annotatiebestand "
                            "van Briefer. Er is niets geïmporteerd.")
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    if b"\x00" in raw:
        raise ExchangeError(f"{name} is een binair bestand, geen annotatiebestand; er is niets geïmporteerd.")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise ExchangeError(f"{name} is geen UTF-8-tekst, dus geen annotatiebestand van Briefer; er is niets "
                            "geïmporteerd.") from None
    if not text.strip():
        raise ExchangeError(f"{name} is leeg; vraag de collega het bestand opnieuw te sturen.")
    try:
        data = json.loads(text)
    except RecursionError:  # the parser's own guard, at about 1,000 levels
        raise ExchangeError(f"{name} is te diep genest om een annotatiebestand te zijn; er is niets "
                            "geïmporteerd.") from None
    except json.JSONDecodeError as exc:
        raise ExchangeError(f"{name} is geen geldige JSON (regel {exc.lineno}, kolom {exc.colno}: het bestand "
                            "is afgebroken of beschadigd); er is niets geïmporteerd.") from None
    except ValueError as exc:  # e.g. an integer with thousands of digits
        raise ExchangeError(f"{name} bevat een ongeldige waarde ({str(exc)[:80]}); er is niets "
                            "geïmporteerd.") from None
    if not isinstance(data, dict):
        raise ExchangeError(f"{name} is geen annotatiebestand van Briefer; vraag de collega om een export.")
    try:
        return schema.validate(data, depth_checked=True)
    except ExchangeError as exc:
        raise type(exc)(f"{name}: {exc}") from None


def read_exchange_file(path: str | Path) -> dict[str, Any]:
    """Read and check an annotation file; `ExchangeError` (naming the file) when it is unfit."""
    src = Path(path)
    try:
        with open(src, "rb") as fh:
            raw = fh.read(MAX_BYTES + 1)
    except FileNotFoundError:
        raise ExchangeError(f"Het bestand {src} bestaat niet; controleer de naam.") from None
    except IsADirectoryError:
        raise ExchangeError(f"{src} is een map, geen annotatiebestand; kies een .json-bestand.") from None
    except OSError as exc:
        raise ExchangeError(f"{src} kan niet worden gelezen ({exc.strerror or exc}); controleer de rechten.") from None
    return parse_bytes(raw, src.name)


def confidential_name(path: Path) -> Path:
    """`path` with " VERTROUWELIJK" before the suffix (unless its name already says so)."""
    if CONFIDENTIAL_MARK in path.name.upper():
        return path
    suffix = path.suffix or ".json"
    return path.with_name(f"{path.stem if path.suffix else path.name} {CONFIDENTIAL_MARK}{suffix}")


def dumps(data: dict[str, Any]) -> bytes:
    return json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8")


def write_exchange_file(data: dict[str, Any], path: str | Path, *, overwrite: bool = False,
                        databases: tuple[str | Path, ...] = ()) -> Path:
    """Write a file dict privately (`write_private`); a confidential one gets its marked name."""
    out = Path(path)
    if data.get("vertrouwelijk"):
        out = confidential_name(out)
    try:
        return write_private(out, dumps(data), overwrite=overwrite, databases=databases, create_dir=True)
    except FileRefused as exc:
        raise ExchangeError(str(exc)) from None


@dataclass
class ShareResult:
    """Core (annotate): what `share_document` wrote (or, for a preview, would write)."""

    path: Path | None
    count: int
    left_out: list[str] = field(default_factory=list)
    confidential: bool = False


def share_preview(ann: AnnotationsBase, document_id: str, ceiling: Level | str = Level.INTERN) -> ShareResult:
    """How many annotations a share at `ceiling` holds and what it leaves out (writes nothing)."""
    from briefer.annotate.clock import Clock
    from briefer.annotate.exchange import Snapshot, _item_number, left_out_lines, select_records
    from briefer.annotate.locate import Locator, doc_key
    from briefer.store.sync import SyncStore

    lvl = Level.parse(ceiling)
    sync = SyncStore(ann.rows.db)
    loc = Locator(sync)
    versions = loc.versions_of_key(loc.key_of(document_id))
    snap = Snapshot(sync, {doc_key(d["identifier"], d["sha256"]) for d in versions},
                    Clock(ann.rows, sync).peek().mine)
    sel = select_records(snap, lvl, lambda view: _item_number(sync, view), also_hidden=sync.domains_above(lvl.rank))
    return ShareResult(None, sel.count, left_out_lines(sel, lvl), sel.confidential)


def share_document(ann: AnnotationsBase, document_id: str, path: str | Path, *,
                   ceiling: Level | str = Level.INTERN, overwrite: bool = False,
                   databases: tuple[str | Path, ...] = (), author: str = "") -> ShareResult:
    """Write a document's annotations within `ceiling` to `path`; returns what was written."""
    data = ann.export_json(document_id, ceiling, author=author)  # type: ignore[attr-defined]
    written = write_exchange_file(data, path, overwrite=overwrite, databases=databases)
    return ShareResult(written, int(data.get("count", 0)), list(data.get("left_out") or []),
                       bool(data.get("vertrouwelijk")))
