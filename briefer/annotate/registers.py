"""Core (annotate): per-field versions that merge the same way in every order.

Each field of an annotation is a *multi-value register*: the values written last that nobody has
overwritten yet (siblings, each with the replica and clock that wrote it) plus the versions its
writers had seen (a version vector: replica -> highest clock). Writing a field replaces every
sibling the writer has seen; two writers who had not seen each other's value leave two siblings.
Merging two registers keeps a sibling unless the other side has seen it and dropped it. That merge
is commutative, associative and idempotent, so databases that have seen the same writes hold the
same registers whatever the order of exchange.

How siblings become one value is the field's *policy* (nothing is lost in the register itself):
- "lww": the sibling with the highest (clock, replica) — the later edit wins (status, due, name…);
- "text": two different non-empty texts are a *conflict* that stays until someone writes the field
  again (picks a side or merges by hand); an empty sibling never wins over a text;
- "level": the strictest level wins; a lowering wins only when it had seen every raise;
- "live": the `deleted` flag — an annotation is deleted only when every sibling says so;
- "add": the `present` flag of a tag — tagged when any sibling says so.

A register is kept as JSON-ready lists: `[[[value, replica, clock], ...], {replica: clock}]`.
Pure functions; no database here.
"""

from __future__ import annotations

from typing import Any

from briefer.model import Level

Sibling = list[Any]  # [value, replica, clock]
Register = list[Any]  # [[Sibling, ...], {replica: clock}]

POLICIES = ("lww", "text", "level", "live", "add")
_RANK = {lv.value: lv.rank for lv in Level}


def covered(sibling: Sibling, context: dict[str, int]) -> bool:
    """True when `context` has seen the write of `sibling`."""
    return context.get(sibling[1], -1) >= sibling[2]


def _sort(siblings: list[Sibling]) -> list[Sibling]:
    return sorted(siblings, key=lambda s: (s[1], s[2]))


def merge(a: Register | None, b: Register | None) -> Register | None:
    """The join of two registers (either may be None: nothing known)."""
    if a is None:
        return b
    if b is None or a == b:
        return a
    sa, ca = a
    sb, cb = b
    dots_a = {(s[1], s[2]) for s in sa}
    dots_b = {(s[1], s[2]) for s in sb}
    keep = [s for s in sa if (s[1], s[2]) in dots_b or not covered(s, cb)]
    keep += [s for s in sb if (s[1], s[2]) not in dots_a and not covered(s, ca)]
    context = dict(ca)
    for replica, clock in cb.items():
        if clock > context.get(replica, -1):
            context[replica] = clock
    return [_sort(keep), dict(sorted(context.items()))]


def join(registers: list[Register | None]) -> Register | None:
    """The join of any number of registers (a merged group of annotations)."""
    out: Register | None = None
    for reg in registers:
        out = merge(out, reg)
    return out


def write(seen: Register | None, value: Any, replica: str, clock: int) -> Register:
    """A new write of `value` by `replica` at `clock`, replacing everything in `seen`."""
    context = dict(seen[1]) if seen else {}
    context[replica] = max(clock, context.get(replica, -1))
    return [[[value, replica, clock]], dict(sorted(context.items()))]


def max_clock(reg: Register | None) -> int:
    """The highest clock a register mentions (0 when empty)."""
    if not reg:
        return 0
    return max([0, *reg[1].values(), *(s[2] for s in reg[0])])


def values(reg: Register | None) -> list[Any]:
    return [s[0] for s in reg[0]] if reg else []


def lww(reg: Register | None, default: Any = None) -> Any:
    if not reg or not reg[0]:
        return default
    return max(reg[0], key=lambda s: (s[2], s[1]))[0]


def text_versions(reg: Register | None) -> list[Sibling]:
    """The siblings of a text field that hold different, non-empty texts (newest first)."""
    seen: dict[str, Sibling] = {}
    for s in sorted(reg[0] if reg else [], key=lambda s: (s[2], s[1]), reverse=True):
        if isinstance(s[0], str) and s[0].strip() and s[0] not in seen:
            seen[s[0]] = s
    return list(seen.values())


def in_conflict(reg: Register | None) -> bool:
    return len(text_versions(reg)) > 1


def text(reg: Register | None, mine: set[str] | frozenset[str] = frozenset(), default: str = "") -> str:
    """The text to show: the only version; in a conflict, this database's own version (else the newest)."""
    versions = text_versions(reg)
    if not versions:
        return lww(reg, default) if reg and reg[0] else default
    for s in versions:
        if s[1] in mine:
            return str(s[0])
    return str(versions[0][0])


def level(reg: Register | None, default: str = "intern") -> str:
    vals = [v for v in values(reg) if v in _RANK]
    return max(vals, key=_RANK.__getitem__) if vals else default


def deleted(reg: Register | None) -> bool:
    vals = values(reg)
    return bool(vals) and all(v is True for v in vals)


def present(reg: Register | None) -> bool:
    return any(v is True for v in values(reg))


def resolve(policy: str, reg: Register | None, mine: set[str] | frozenset[str] = frozenset(),
            default: Any = None) -> Any:
    """The value a field shows under its policy."""
    if policy == "lww":
        return lww(reg, default)
    if policy == "text":
        return text(reg, mine, default or "")
    if policy == "level":
        return level(reg, default or "intern")
    if policy == "live":
        return deleted(reg)
    if policy == "add":
        return present(reg)
    raise ValueError(f"unknown policy {policy!r}")
