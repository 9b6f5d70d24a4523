"""Core: every text-show operation of a PDF page with its position, font height and style.

A small interpreter of the PDF text model (ISO 32000 §9.4: BT/ET, Tm/Td/TD/T*, Tc/Tw/Tz/TL/Ts,
Tj/TJ/'/", cm, q/Q, form XObjects): each shown string becomes a `Span` with its start and end x,
its baseline y (text rise included, so a raised footnote marker stands higher) and its height.
pypdf parses the content stream and describes the fonts (encoding, ToUnicode map, glyph widths);
fonts are described once per document (`FontCache`), not once per page. This does the same work
as pypdf's own `extract_text()` and little more, so reading the layout costs about what a plain
extraction costs.
"""

from __future__ import annotations

import logging
import math
from dataclasses import dataclass
from typing import Any

_log = logging.getLogger(__name__)
_IDENTITY = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
_MAX_FORM_DEPTH = 6


@dataclass(slots=True)
class Span:
    """Core: one shown string: text, start and end x, baseline y (rise included), height, style."""

    text: str
    x: float
    x_end: float
    y: float
    h: float
    italic: bool
    bold: bool
    space: float = 0.0  # the width of a space in this font and size (0: unknown)


def _mult(m: tuple[float, ...], n: tuple[float, ...]) -> tuple[float, float, float, float, float, float]:
    """m × n for PDF matrices [a b c d e f]."""
    a, b, c, d, e, f = m
    A, B, C, D, E, F = n
    return (a * A + b * C, a * B + b * D, c * A + d * C, c * B + d * D, e * A + f * C + E, e * B + f * D + F)


def _num(value: Any, default: float = 0.0) -> float:
    try:
        return float(value)
    except (TypeError, ValueError):
        return default


class _Font:
    """Core: what the interpreter needs of a font: decoding, glyph widths, style."""

    __slots__ = ("cmap", "encoding", "widths", "default_width", "space_width", "usable",
                 "italic", "bold", "two_byte", "table", "byte_widths")

    def __init__(self, font: Any) -> None:
        self.encoding = font.encoding
        self.two_byte = isinstance(font.encoding, str)
        self.cmap = font.character_map or {}
        self.widths = dict(font.character_widths)
        self.default_width = float(self.widths.get("default", 500))
        self.space_width = float(font.space_width or 250)
        self.usable = bool(font.interpretable)
        name = (font.name or "").lower()
        self.italic = "italic" in name or "oblique" in name
        self.bold = "bold" in name or "black" in name or "heavy" in name or "semibold" in name
        self.table: dict[int, str] = {}
        self.byte_widths: list[float] = []
        if not self.two_byte:  # a simple font: one table from byte to text, one from byte to width
            enc = self.encoding
            for b in range(256):
                ch = enc.get(b, chr(b))  # type: ignore[union-attr]
                self.table[b] = self.cmap.get(ch, ch)
                self.byte_widths.append(float(self.widths.get(chr(b), self.default_width)))

    def text_and_width(self, value: bytes | str) -> tuple[str, int, float, int]:
        """(text, number of codes, glyph widths in thousandths of the size, number of single-byte spaces)."""
        if not self.two_byte and isinstance(value, bytes):
            return (value.decode("latin-1").translate(self.table), len(value),
                    sum(map(self.byte_widths.__getitem__, value)), value.count(32))
        text, raw = self.decode(value)
        return text, len(raw), self.width(raw), raw.count(" ") if not self.two_byte else 0

    def decode(self, value: bytes | str) -> tuple[str, str]:
        """(text as read, the raw characters the widths are keyed by)."""
        if isinstance(value, str):
            return value, value
        if self.two_byte:
            try:
                raw = value.decode(self.encoding, "surrogatepass")  # type: ignore[arg-type]
            except (UnicodeDecodeError, LookupError):
                raw = value.decode(self.encoding, "replace") if isinstance(self.encoding, str) else ""
            decoded = raw
        else:
            raw = "".join(map(chr, value))
            enc = self.encoding
            decoded = "".join(enc.get(b, chr(b)) for b in value)  # type: ignore[union-attr]
        cmap = self.cmap
        text = "".join(cmap.get(ch, ch) for ch in decoded) if cmap else decoded
        return text, raw

    def width(self, raw: str) -> float:
        """Glyph widths of `raw` in thousandths of the font size."""
        widths, default = self.widths, self.default_width
        return sum(widths.get(ch, default) for ch in raw)


_UNUSABLE: _Font | None = None


def _unusable() -> _Font:
    global _UNUSABLE
    if _UNUSABLE is None:
        from pypdf.generic._font import Font

        _UNUSABLE = _Font(Font("Unknown", encoding={}, interpretable=False))
    return _UNUSABLE


class FontCache:
    """Core: fonts described once per document, keyed by their indirect object."""

    def __init__(self) -> None:
        self._fonts: dict[Any, _Font] = {}

    def resolve(self, ref: Any) -> _Font:
        key = (ref.idnum, ref.generation) if hasattr(ref, "idnum") else id(ref)
        found = self._fonts.get(key)
        if found is None:
            from pypdf.generic import DictionaryObject
            from pypdf.generic._font import Font

            obj = ref.get_object()
            try:
                found = _Font(Font.from_font_resource(obj)) if isinstance(obj, DictionaryObject) else _unusable()
            except Exception:  # noqa: BLE001 - a font pypdf cannot describe: its text is skipped
                _log.debug("Lettertype niet leesbaar", exc_info=True)
                found = _unusable()
            self._fonts[key] = found
        return found

    def fonts_of(self, resources: Any) -> dict[str, Any]:
        """Font name -> indirect reference (or object) from a resources dictionary (inherited too)."""
        out: dict[str, Any] = {}
        try:
            fonts = resources.get("/Font") if resources is not None else None
            fonts = fonts.get_object() if fonts is not None else None
            if fonts is not None:
                for name in fonts:
                    out[name] = fonts.raw_get(name) if hasattr(fonts, "raw_get") else fonts[name]
        except Exception:  # noqa: BLE001 - broken resources: no fonts
            _log.debug("Lettertypen niet leesbaar", exc_info=True)
        return out


def _page_resources(page: Any) -> Any:
    """The page's resources, inherited from a parent /Pages node when the page has none."""
    node = page
    for _ in range(32):
        res = node.get("/Resources")
        if res is not None:
            return res.get_object()
        parent = node.get("/Parent")
        if parent is None:
            return None
        node = parent.get_object()
    return None


def page_spans(page: Any, cache: FontCache | None = None) -> list[Span]:
    """Every text-show operation of `page` as a Span, in content-stream order (rotated text left out)."""
    from pypdf.generic import ContentStream

    cache = cache or FontCache()
    contents = page.get("/Contents")
    if contents is None:
        return []
    stream = ContentStream(contents.get_object(), page.pdf, "bytes")
    out: list[Span] = []
    _run(stream.operations, _page_resources(page), _IDENTITY, cache, out, page.pdf, 0)
    return out


def _run(operations: list[tuple[list[Any], bytes]], resources: Any, ctm0: tuple[float, ...], cache: FontCache,
         out: list[Span], pdf: Any, depth: int) -> None:
    """Interpret one content stream (a page or a form XObject) into `out`."""
    fonts = cache.fonts_of(resources)
    ctm = ctm0
    font: _Font | None = None
    size = 0.0
    tc = tw = ts = 0.0
    th = 1.0
    tl = 0.0
    tm = lm = _IDENTITY
    stack: list[tuple[Any, ...]] = []
    append = out.append

    def show(value: bytes | str) -> None:
        nonlocal tm
        if font is None:
            return
        text, n, glyphs, spaces = font.text_and_width(value)
        adv = ((glyphs / 1000.0) * size + tc * n + tw * spaces) * th
        if font.usable and text:
            trm = _mult(tm, ctm)
            a, b, c, d, e, f = trm
            if abs(b) <= abs(a) * 0.2 + 1e-9 and a > 0:  # upright text (rotated text is left out)
                x = e + ts * c
                y = f + ts * d
                scale_x = math.hypot(a, b)
                h = abs(size) * math.hypot(b, d)
                space = (font.space_width / 1000.0 * size + tc + tw) * th * scale_x
                append(Span(text, x, x + adv * a, y, h, font.italic, font.bold, space))
        tm = (tm[0], tm[1], tm[2], tm[3], tm[4] + adv * tm[0], tm[5] + adv * tm[1])

    def newline(tx: float, ty: float) -> None:
        nonlocal tm, lm
        lm = (lm[0], lm[1], lm[2], lm[3], tx * lm[0] + ty * lm[2] + lm[4], tx * lm[1] + ty * lm[3] + lm[5])
        tm = lm

    for operands, op in operations:
        if op == b"Tj":
            if operands:
                show(operands[0])
        elif op == b"TJ":
            if not operands:
                continue
            for el in operands[0]:
                if isinstance(el, (bytes, str)):
                    show(el)
                else:
                    shift = -_num(el) / 1000.0 * size * th
                    tm = (tm[0], tm[1], tm[2], tm[3], tm[4] + shift * tm[0], tm[5] + shift * tm[1])
        elif op == b"Td":
            if len(operands) >= 2:
                newline(_num(operands[-2]), _num(operands[-1]))
        elif op == b"TD":
            if len(operands) >= 2:
                tl = -_num(operands[-1])
                newline(_num(operands[-2]), _num(operands[-1]))
        elif op == b"Tm":
            if len(operands) >= 6:
                tm = lm = tuple(_num(v) for v in operands[-6:])  # type: ignore[assignment]
        elif op == b"T*":
            newline(0.0, -tl)
        elif op == b"'":
            newline(0.0, -tl)
            if operands:
                show(operands[0])
        elif op == b'"':
            if len(operands) >= 3:
                tw, tc = _num(operands[0]), _num(operands[1])
                newline(0.0, -tl)
                show(operands[2])
        elif op == b"Tf":
            if operands:
                ref = fonts.get(operands[0])
                font = cache.resolve(ref) if ref is not None else _unusable()
                if len(operands) > 1:
                    size = _num(operands[1], size)
        elif op == b"Tc":
            tc = _num(operands[0]) if operands else tc
        elif op == b"Tw":
            tw = _num(operands[0]) if operands else tw
        elif op == b"Tz":
            th = _num(operands[0], 100.0) / 100.0 if operands else th
        elif op == b"TL":
            tl = _num(operands[0]) if operands else tl
        elif op == b"Ts":
            ts = _num(operands[0]) if operands else ts
        elif op == b"BT":
            tm = lm = _IDENTITY
        elif op == b"cm":
            if len(operands) >= 6:
                ctm = _mult(tuple(_num(v) for v in operands[-6:]), ctm)
        elif op == b"q":
            stack.append((ctm, font, size, tc, tw, th, tl, ts))
        elif op == b"Q":
            if stack:
                ctm, font, size, tc, tw, th, tl, ts = stack.pop()
        elif op == b"Do" and operands and depth < _MAX_FORM_DEPTH:
            _form(operands[0], resources, ctm, cache, out, pdf, depth)


def _form(name: Any, resources: Any, ctm: tuple[float, ...], cache: FontCache, out: list[Span], pdf: Any,
          depth: int) -> None:
    """Text inside a form XObject (headers, footers and letterheads are often drawn as forms)."""
    from pypdf.generic import ContentStream

    try:
        xobjects = resources.get("/XObject").get_object() if resources is not None else None
        form = xobjects[name].get_object() if xobjects is not None and name in xobjects else None
        if form is None or form.get("/Subtype") != "/Form":
            return
        matrix = tuple(_num(v) for v in form.get("/Matrix", _IDENTITY))
        inner = form.get("/Resources")
        inner = inner.get_object() if inner is not None else resources
        ops = ContentStream(form, pdf, "bytes").operations
    except Exception:  # noqa: BLE001 - a broken form: its text is left out
        _log.debug("Formulier-object niet leesbaar", exc_info=True)
        return
    _run(ops, inner, _mult(matrix, ctm), cache, out, pdf, depth + 1)
