"""Core (annotate): named errors of the annotation layer, each with a one-line Dutch message."""

from __future__ import annotations

from briefer.errors import BrieferError


class AnnotationError(BrieferError):
    """Core (annotate): an annotation operation that cannot be done as asked."""


class NotFound(AnnotationError):
    """Core (annotate): an item, domain, highlight, note, follow-up or trash entry does not exist."""


class QuoteNotFound(AnnotationError):
    """Core (annotate): a quoted passage does not occur in the item."""


class QuoteNotUnique(AnnotationError):
    """Core (annotate): a quoted passage occurs more than once; a longer quote is needed."""


class TextMismatch(AnnotationError):
    """Core (annotate): offsets out of range, or the text there is not what the caller expects."""


class UndoConflict(AnnotationError):
    """Core (annotate): undo/redo refused because the rows changed since the Change was made."""


class ExchangeError(AnnotationError):
    """Core (annotate): an annotations file that cannot be read or does not fit this database."""
