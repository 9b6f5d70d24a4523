"""Core (annotate): checking an annotation file before anything of it is written.

`validate(data)` checks a parsed file (format 2, docs/API.md) field by field: types, allowed keys
(an unknown field is refused, not ignored), sizes, levels, dates, identifiers, and that every
highlight's offsets are in range and match its quote. `check_offsets(data, sync)` also checks
quotes against this database's text of the same document version. Every problem is one Dutch line
naming the place in the file ("entities[3].f.level: …"); nothing is written before both pass.
Limits (`MAX_*`) keep a hostile file from taking the machine.
"""

from __future__ import annotations

import re
from datetime import date
from typing import TYPE_CHECKING, Any

from briefer.annotate.entities import SPECS
from briefer.annotate.errors import ExchangeError
from briefer.model import FollowUpKind, FollowUpStatus, Level

if TYPE_CHECKING:
    from briefer.store.sync import SyncStore

FORMAT = "briefer-annotaties"
VERSION = 2
MAX_DEPTH = 16
MAX_ENTITIES = 200_000
MAX_DOCUMENTS = 1_000
MAX_SIBLINGS = 32
MAX_REPLICAS = 256
MAX_TEXT = 100_000
MAX_SHORT = 300
MAX_KEYTEXT = 2_000
MAX_OFFSET = 10_000_000
MAX_CLOCK = 2 ** 62
MAX_NUMBER = 1_000_000

ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.:-]{0,79}$")
REPLICA = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$")
SHA = re.compile(r"^[0-9a-f]{64}$")
COLOUR = re.compile(r"^#[0-9a-f]{6}$")
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
LEVELS = {lv.value for lv in Level}
STATUSES = {s.value for s in FollowUpStatus}
FOLLOWUP_KINDS = {k.value for k in FollowUpKind}
TOP_KEYS = {"format", "version", "scope", "exported", "replica", "author", "ceiling", "vertrouwelijk",
            "rubricering", "document", "documents", "items", "entities", "left_out", "count", "sequence"}
DOC_KEYS = {"key", "identifier", "sha256", "kamerstuk", "title"}
RECORD_KEYS = {"id", "kind", "doc", "origin", "f"}
ANCHOR_KEYS = {"sha", "n", "f", "s", "e", "x", "p", "q"}
REF_KEYS = {"sha", "n"}


class Invalid(ExchangeError):
    """Core (annotate): an annotation file that does not fit the format; the message names where."""


def _fail(path: str, problem: str) -> Invalid:
    return Invalid(f"Ongeldig annotatiebestand: {path}: {problem}; er is niets geïmporteerd.")


def depth(value: Any, limit: int = MAX_DEPTH) -> int:
    """Nesting depth of a JSON value, without recursion; stops counting past `limit`."""
    deepest, stack = 0, [(value, 1)]
    while stack:
        v, d = stack.pop()
        if isinstance(v, dict | list):
            deepest = max(deepest, d)
            if deepest > limit:
                return deepest
            stack.extend((x, d + 1) for x in (v.values() if isinstance(v, dict) else v))
    return deepest


def _obj(v: Any, path: str, allowed: set[str], required: set[str] = frozenset()) -> dict[str, Any]:  # type: ignore[assignment]
    if not isinstance(v, dict):
        raise _fail(path, f"een object verwacht, gevonden {_typename(v)}")
    unknown = sorted(set(v) - allowed)
    if unknown:
        raise _fail(path, f"onbekend veld '{str(unknown[0])[:40]}'")
    missing = sorted(required - set(v))
    if missing:
        raise _fail(path, f"veld '{missing[0]}' ontbreekt")
    return v


def _typename(v: Any) -> str:
    return {dict: "een object", list: "een lijst", str: "tekst", bool: "waar/onwaar", int: "een getal",
            float: "een getal", type(None): "null"}.get(type(v), type(v).__name__)


def _str(v: Any, path: str, *, max_len: int = MAX_SHORT, empty: bool = True,
         pattern: re.Pattern[str] | None = None) -> str:
    if not isinstance(v, str):
        raise _fail(path, f"tekst verwacht, gevonden {_typename(v)}")
    if len(v) > max_len:
        raise _fail(path, f"tekst langer dan {max_len} tekens")
    if not empty and not v.strip():
        raise _fail(path, "lege tekst")
    if pattern is not None and not pattern.match(v):
        raise _fail(path, f"ongeldige waarde '{v[:40]}'")
    return v


def _int(v: Any, path: str, lo: int, hi: int) -> int:
    if isinstance(v, bool) or not isinstance(v, int):
        raise _fail(path, f"een geheel getal verwacht, gevonden {_typename(v)}")
    if not lo <= v <= hi:
        raise _fail(path, f"getal {v} buiten het bereik {lo}–{hi}")
    return v


def _list(v: Any, path: str, max_len: int) -> list[Any]:
    if not isinstance(v, list):
        raise _fail(path, f"een lijst verwacht, gevonden {_typename(v)}")
    if len(v) > max_len:
        raise _fail(path, f"meer dan {max_len} elementen")
    return v


def _ref(v: Any, path: str) -> None:
    if v is None:
        return
    _obj(v, path, REF_KEYS, REF_KEYS)
    _str(v["sha"], f"{path}.sha", pattern=SHA)
    if v["n"] is not None:
        _int(v["n"], f"{path}.n", 0, MAX_NUMBER)


def _anchor(v: Any, path: str) -> None:
    if v is None:
        return
    _obj(v, path, ANCHOR_KEYS, {"sha", "n", "f", "s", "e", "x"})
    _str(v["sha"], f"{path}.sha", pattern=SHA)
    _int(v["n"], f"{path}.n", 0, MAX_NUMBER)
    if not isinstance(v["f"], str) or v["f"] not in ("question", "answer"):
        raise _fail(f"{path}.f", f"onbekend veld '{str(v['f'])[:20]}' (question of answer)")
    start = _int(v["s"], f"{path}.s", 0, MAX_OFFSET)
    end = _int(v["e"], f"{path}.e", 0, MAX_OFFSET)
    exact = _str(v["x"], f"{path}.x", max_len=MAX_TEXT, empty=False)
    if end <= start:
        raise _fail(f"{path}.e", f"einde {end} ligt niet na het begin {start}")
    if end - start != len(exact):
        raise _fail(path, f"de offsets {start}–{end} passen niet bij het citaat van {len(exact)} tekens")
    for key in ("p", "q"):
        if key in v:
            _str(v[key], f"{path}.{key}", max_len=MAX_SHORT)


def _due(v: Any, path: str) -> None:
    if v is None:
        return
    _str(v, path, pattern=DATE)
    try:
        date.fromisoformat(v)
    except ValueError:
        raise _fail(path, f"ongeldige datum '{v}'") from None


def _value(kind: str, name: str, v: Any, path: str) -> None:
    if name in ("deleted", "present"):
        if not isinstance(v, bool):
            raise _fail(path, f"waar/onwaar verwacht, gevonden {_typename(v)}")
    elif name in ("alias", "domain", "highlight"):
        if v is not None:
            _str(v, path, pattern=ID)
    elif name == "level":
        if not isinstance(v, str) or v not in LEVELS:
            raise _fail(path, f"onbekend niveau '{str(v)[:30]}' (openbaar, intern of vertrouwelijk)")
    elif name == "anchor":
        _anchor(v, path)
    elif name == "item":
        _ref(v, path)
    elif name in ("note", "body", "text"):
        _str(v, path, max_len=MAX_TEXT)
    elif name == "name":
        _str(v, path, max_len=200, empty=False)
    elif name == "colour":
        _str(v, path, pattern=COLOUR)
    elif name in ("description", "owner"):
        _str(v, path, max_len=2000)
    elif name == "kind":
        if not isinstance(v, str) or v not in FOLLOWUP_KINDS:
            raise _fail(path, f"onbekende soort vervolgactie '{str(v)[:40]}'")
    elif name == "status":
        if not isinstance(v, str) or v not in STATUSES:
            raise _fail(path, f"onbekende status '{str(v)[:30]}' (open, loopt of afgerond)")
    elif name == "due":
        _due(v, path)


def _register(kind: str, name: str, reg: Any, path: str) -> None:
    pair = _list(reg, path, 2)
    if len(pair) != 2:
        raise _fail(path, "een paar [versies, gezien] verwacht")
    siblings = _list(pair[0], f"{path}[0]", MAX_SIBLINGS)
    context = pair[1]
    if not isinstance(context, dict):
        raise _fail(f"{path}[1]", f"een object verwacht, gevonden {_typename(context)}")
    if len(context) > MAX_REPLICAS:
        raise _fail(f"{path}[1]", f"meer dan {MAX_REPLICAS} databases")
    for replica, clock in context.items():
        _str(replica, f"{path}[1]", pattern=REPLICA)
        _int(clock, f"{path}[1].{replica}", 0, MAX_CLOCK)
    if not siblings:
        raise _fail(f"{path}[0]", "geen enkele versie")
    seen = set()
    for i, sib in enumerate(siblings):
        p = f"{path}[0][{i}]"
        if not isinstance(sib, list) or len(sib) != 3:
            raise _fail(p, "een versie [waarde, database, klok] verwacht")
        _value(kind, name, sib[0], f"{p}[0]")
        replica = _str(sib[1], f"{p}[1]", pattern=REPLICA)
        clock = _int(sib[2], f"{p}[2]", 0, MAX_CLOCK)
        if context.get(replica, -1) < clock:
            raise _fail(p, "versie die de database zelf niet gezien heeft")
        if (replica, clock) in seen:
            raise _fail(p, "dezelfde versie twee keer")
        seen.add((replica, clock))


def _valid_due(v: Any) -> bool:
    if v is None:
        return True
    if type(v) is not str or not DATE.match(v):
        return False
    try:
        date.fromisoformat(v)
    except ValueError:
        return False
    return True


_FAST: dict[str, Any] = {
    "deleted": lambda v: v is True or v is False,
    "present": lambda v: v is True or v is False,
    "alias": lambda v: v is None or (type(v) is str and ID.match(v) is not None),
    "domain": lambda v: v is None or (type(v) is str and ID.match(v) is not None),
    "highlight": lambda v: v is None or (type(v) is str and ID.match(v) is not None),
    "level": lambda v: type(v) is str and v in LEVELS,
    "note": lambda v: type(v) is str and len(v) <= MAX_TEXT,
    "body": lambda v: type(v) is str and len(v) <= MAX_TEXT,
    "text": lambda v: type(v) is str and len(v) <= MAX_TEXT,
    "name": lambda v: type(v) is str and 0 < len(v) <= 200 and bool(v.strip()),
    "colour": lambda v: type(v) is str and COLOUR.match(v) is not None,
    "description": lambda v: type(v) is str and len(v) <= 2000,
    "owner": lambda v: type(v) is str and len(v) <= 2000,
    "kind": lambda v: type(v) is str and v in FOLLOWUP_KINDS,
    "status": lambda v: type(v) is str and v in STATUSES,
    "due": _valid_due,
}


def _register_ok(kind: str, name: str, reg: Any) -> bool:
    """The common case of `_register`, fast and without messages (False: run `_register` for one)."""
    if type(reg) is not list or len(reg) != 2:
        return False
    sibs, ctx = reg
    if type(sibs) is not list or not sibs or len(sibs) > MAX_SIBLINGS or type(ctx) is not dict \
            or len(ctx) > MAX_REPLICAS:
        return False
    for r, c in ctx.items():
        if type(c) is not int or not 0 <= c <= MAX_CLOCK or REPLICA.match(r) is None:
            return False
    check = _FAST.get(name)
    seen = set()
    for sib in sibs:
        if type(sib) is not list or len(sib) != 3:
            return False
        value, r, c = sib
        if type(r) is not str or type(c) is not int or c < 0 or ctx.get(r, -1) < c or (r, c) in seen:
            return False
        seen.add((r, c))
        if check is not None:
            if not check(value):
                return False
        else:
            try:
                _value(kind, name, value, "")
            except Invalid:
                return False
    return True


def _record_ok(rec: Any) -> bool:
    if type(rec) is not dict or rec.keys() != RECORD_KEYS:
        return False
    kind, doc, fields = rec["kind"], rec["doc"], rec["f"]
    if type(kind) is not str or kind not in SPECS or type(rec["id"]) is not str or ID.match(rec["id"]) is None:
        return False
    if type(rec["origin"]) is not str or REPLICA.match(rec["origin"]) is None:
        return False
    if doc is not None and (type(doc) is not str or not doc.strip() or len(doc) > MAX_SHORT):
        return False
    if type(fields) is not dict:
        return False
    spec = SPECS[kind]
    return all(name in spec and _register_ok(kind, name, reg) for name, reg in fields.items())


def _record(rec: Any, path: str) -> None:
    _obj(rec, path, RECORD_KEYS, RECORD_KEYS)
    _str(rec["id"], f"{path}.id", pattern=ID)
    kind = rec["kind"]
    if not isinstance(kind, str) or kind not in SPECS:
        raise _fail(f"{path}.kind", f"onbekende soort '{str(kind)[:30]}'")
    if rec["doc"] is not None:
        _str(rec["doc"], f"{path}.doc", max_len=MAX_SHORT, empty=False)
    _str(rec["origin"], f"{path}.origin", pattern=REPLICA)
    fields = _obj(rec["f"], f"{path}.f", set(SPECS[kind]))
    for name, reg in fields.items():
        _register(kind, name, reg, f"{path}.f.{name}")


def _document(d: Any, path: str) -> None:
    _obj(d, path, DOC_KEYS, {"key", "sha256"})
    _str(d["key"], f"{path}.key", empty=False)
    _str(d["sha256"], f"{path}.sha256", pattern=SHA)
    for k in ("identifier", "kamerstuk", "title"):
        if d.get(k) is not None:
            _str(d[k], f"{path}.{k}", max_len=1000)


def validate(data: Any, *, depth_checked: bool = False) -> dict[str, Any]:
    """`data` when it is a well-formed annotation file (format 2); else `Invalid` (one Dutch line).

    `depth_checked`: the data comes from `json.loads` (files.parse_bytes), whose own guard stops deep
    nesting; the typed checks below then refuse every level the format does not have.
    """
    if isinstance(data, Checked):
        return data
    if not isinstance(data, dict) or not isinstance(data.get("format"), str) or data["format"] != FORMAT:
        raise Invalid("Dit is geen Briefer-annotatiebestand; kies een bestand gemaakt met 'annotations export' "
                      "of uit een gedeelde map.")
    version = data.get("version")
    if version == 1:
        raise Invalid("Dit annotatiebestand is gemaakt met een oudere Briefer (versie 1); vraag de collega "
                      "het opnieuw te delen met de huidige Briefer.")
    if isinstance(version, bool) or not isinstance(version, int) or version > VERSION or version < 1:
        raise Invalid(f"Dit annotatiebestand heeft versie {str(version)[:20]}; werk Briefer bij om het te lezen.")
    if not depth_checked and depth(data) > MAX_DEPTH:
        raise _fail("(bestand)", f"meer dan {MAX_DEPTH} niveaus diep genest")
    _obj(data, "(bestand)", TOP_KEYS, {"format", "version", "entities"})
    for k in ("scope", "exported", "author", "rubricering"):
        if k in data:
            _str(data[k], k)
    if "replica" in data:
        _str(data["replica"], "replica", pattern=REPLICA)
    if "ceiling" in data and (not isinstance(data["ceiling"], str) or data["ceiling"] not in LEVELS):
        raise _fail("ceiling", f"onbekend niveau '{str(data['ceiling'])[:30]}'")
    if "vertrouwelijk" in data and not isinstance(data["vertrouwelijk"], bool):
        raise _fail("vertrouwelijk", "waar/onwaar verwacht")
    if "count" in data:
        _int(data["count"], "count", 0, MAX_ENTITIES)
    if "sequence" in data:
        _int(data["sequence"], "sequence", 0, MAX_CLOCK)
    if "left_out" in data:
        for i, line in enumerate(_list(data["left_out"], "left_out", 100)):
            _str(line, f"left_out[{i}]", max_len=2000)
    if data.get("document") is not None:
        _document(data["document"], "document")
    for i, d in enumerate(_list(data.get("documents", []), "documents", MAX_DOCUMENTS)):
        _document(d, f"documents[{i}]")
    items = data.get("items", {})
    if not isinstance(items, dict):
        raise _fail("items", f"een object verwacht, gevonden {_typename(items)}")
    total = 0
    for sha, texts in items.items():
        _str(sha, "items", pattern=SHA)
        if not isinstance(texts, dict):
            raise _fail(f"items.{sha[:12]}", f"een object verwacht, gevonden {_typename(texts)}")
        total += len(texts)
        if total > MAX_ENTITIES:
            raise _fail("items", f"meer dan {MAX_ENTITIES} vragen")
        for n, text in texts.items():
            if not (isinstance(n, str) and n.isdigit() and len(n) <= 7):
                raise _fail(f"items.{sha[:12]}", f"ongeldig vraagnummer '{str(n)[:20]}'")
            _str(text, f"items.{sha[:12]}.{n}", max_len=MAX_KEYTEXT)
    for i, rec in enumerate(_list(data["entities"], "entities", MAX_ENTITIES)):
        if not _record_ok(rec):
            _record(rec, f"entities[{i}]")
            raise _fail(f"entities[{i}]", "ongeldige annotatie")  # pragma: no cover - _record names it
    return Checked(data)


class Checked(dict):  # type: ignore[type-arg]
    """Core (annotate): a file dict that has passed `validate` (validating it again is free)."""


def check_offsets(data: dict[str, Any], sync: SyncStore) -> None:
    """Refuse highlights whose offsets fall outside this database's text of the same version."""
    docs = {d["sha256"]: d for d in sync.document_rows()}
    items: dict[str, dict[int, dict[str, Any]]] = {}
    for i, rec in enumerate(data.get("entities") or []):
        reg = rec["f"].get("anchor")
        for j, sib in enumerate(reg[0] if reg else []):
            anchor = sib[0]
            if not isinstance(anchor, dict) or anchor["sha"] not in docs:
                continue
            doc_id = docs[anchor["sha"]]["id"]
            if doc_id not in items:
                items[doc_id] = {int(r["number"]): r for r in sync.item_rows_of(doc_id)}
            item = items[doc_id].get(int(anchor["n"]))
            if item is None:
                continue  # not an error: the item number is reported as not placeable
            text = item[anchor["f"]] or ""
            if anchor["e"] > len(text):
                raise _fail(f"entities[{i}].f.anchor[0][{j}]",
                            f"de markering {anchor['s']}–{anchor['e']} valt buiten de tekst van vraag "
                            f"{anchor['n']} (0–{len(text)})")
