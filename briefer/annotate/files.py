"""Core (annotate): the annotation exchange file (`export_json` written to / read from disk).

`write_exchange_file` writes atomically (a .tmp file, then a rename); `read_exchange_file` turns a
missing, unreadable or non-JSON file into an `ExchangeError` that names the file. The merge itself
is `Annotations.import_json`.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from briefer.annotate.errors import ExchangeError

ANNOTATION_KINDS = ("tags", "highlights", "notes", "followups")


def annotation_count(data: dict[str, Any]) -> int:
    """How many annotations an exchange dict holds (tags, highlights, notes, follow-ups)."""
    return sum(len(data.get(k) or []) for k in ANNOTATION_KINDS)


def write_exchange_file(data: dict[str, Any], path: str | Path) -> Path:
    """Write an `export_json` dict as UTF-8 JSON; returns the path written."""
    out = Path(path)
    tmp = out.with_name(out.name + ".tmp")
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        tmp.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
        tmp.replace(out)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise ExchangeError(f"Kan {out} niet schrijven ({exc.strerror or exc}); kies een andere map.") from None
    return out


def read_exchange_file(path: str | Path) -> dict[str, Any]:
    """Read an exchange file written by `write_exchange_file` (or `briefer annotations export`)."""
    src = Path(path)
    try:
        data = json.loads(src.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ExchangeError(f"Het bestand {src} bestaat niet; controleer de naam.") from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ExchangeError(f"{src} is geen leesbaar annotatiebestand ({exc}); vraag het opnieuw op.") from None
    if not isinstance(data, dict):
        raise ExchangeError(f"{src} is geen annotatiebestand van Briefer; vraag de collega om een export.")
    return data
