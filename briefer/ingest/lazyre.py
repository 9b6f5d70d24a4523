"""Core: regular expressions compiled when first used, not when their module is imported.

The parsers define some two hundred patterns; a document needs a fraction of them, and compiling
all at start-up cost a `briefer import` process tens of milliseconds. `lazy(pattern, flags)` stands
in for `re.compile(...)`: the first call of `match`, `search`, … compiles, and from then on the
pattern's own bound methods are used directly.
"""

from __future__ import annotations

import re
from typing import Any

_METHODS = ("match", "fullmatch", "search", "finditer", "findall", "sub", "subn", "split")


class LazyPattern:
    """Core: a compiled-on-first-use `re.Pattern`."""

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self._source = (pattern, flags)
        self._compiled: re.Pattern[str] | None = None

    def compiled(self) -> re.Pattern[str]:
        if self._compiled is None:
            self._compiled = re.compile(*self._source)
            for name in _METHODS:  # later calls skip __getattr__
                setattr(self, name, getattr(self._compiled, name))
        return self._compiled

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):
            raise AttributeError(name)
        return getattr(self.compiled(), name)


def lazy(pattern: str, flags: int = 0) -> Any:
    """A pattern that compiles when first used (typed Any: it stands in for `re.Pattern[str]`)."""
    return LazyPattern(pattern, flags)
