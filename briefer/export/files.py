"""Core: where a briefing is written: its default name, no silent overwrite, atomic rename."""

from __future__ import annotations

import contextlib
import errno
import os
import re
import tempfile
from datetime import date
from pathlib import Path

from briefer import paths
from briefer.export.options import ExportError
from briefer.model import StoredDocument

_UNSAFE = re.compile(r'[<>:"/\\|?*\x00-\x1f]')


def default_filename(kind_label: str, documents: list[StoredDocument], today: date) -> str:
    """`2026-11-27 Kamerlidbriefing 30821-196.docx` (several documents: refs joined by ' + ')."""
    refs = [d.short_ref for d in documents][:3]
    ref = " + ".join(refs) + (" e.a." if len(documents) > 3 else "")
    name = f"{today.isoformat()} {kind_label} {ref}".strip()
    return _UNSAFE.sub("-", name) + ".docx"


def default_target(kind_label: str, documents: list[StoredDocument], today: date) -> Path:
    return paths.default_export_dir() / default_filename(kind_label, documents, today)


def free_path(target: Path) -> Path:
    """`target`, or `name (2).docx`, `name (3).docx`, ... when it exists: never overwrite silently."""
    if not target.exists():
        return target
    n = 2
    while True:
        candidate = target.with_name(f"{target.stem} ({n}){target.suffix}")
        if not candidate.exists():
            return candidate
        n += 1


def write_new_file(target: Path, data: bytes, *, create_dir: bool = False) -> Path:
    """Write `data` to a temp file beside `target`, then rename it to a free name; return that name."""
    target = Path(target)
    if target.suffix.lower() != ".docx":
        target = target.with_name(target.name + ".docx")
    folder = target.parent
    if create_dir:
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise ExportError(f"De map {folder} kan niet worden gemaakt ({exc.strerror}): kies een andere map.") from exc
    if not folder.is_dir():
        raise ExportError(f"De map {folder} bestaat niet: kies een bestaande map om de briefing in op te slaan.")
    tmp_name = None
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=".~briefer-", suffix=".tmp", dir=folder)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        final = free_path(target)
        os.replace(tmp_name, final)
        tmp_name = None
        return final
    except PermissionError as exc:
        raise ExportError(
            f"Kan {target.name} niet opslaan in {folder}: het bestand of de map is alleen-lezen of in gebruik "
            "(staat het open in Word?). Sluit het bestand of kies een andere naam of map."
        ) from exc
    except OSError as exc:
        if exc.errno == errno.ENOSPC:
            raise ExportError(f"Kan {target.name} niet opslaan: de schijf is vol. Maak ruimte vrij en probeer opnieuw.") from exc
        raise ExportError(
            f"Kan {target.name} niet opslaan in {folder} ({exc.strerror or exc}): kies een andere map of naam."
        ) from exc
    finally:
        if tmp_name is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp_name)
