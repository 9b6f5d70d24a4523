"""Core: `export_briefing` ties selection, writer, properties and the file together."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from briefer.export.files import default_filename, default_target, write_new_file
from briefer.export.kamerlid import subject_line, write_kamerlid
from briefer.export.options import BriefingOptions
from briefer.export.package import CONFIDENTIAL_MARK, DocxWriter
from briefer.export.render import LEVEL_LABELS
from briefer.export.select import Selection, select
from briefer.export.technisch import write_technisch
from briefer.model import DocumentAnnotations, Level


def build_docx(selection: Selection, opts: BriefingOptions, today: date | None = None) -> bytes:
    """The .docx bytes of a briefing of `selection` (already reduced to the ceiling)."""
    today = today or date.today()
    wr = DocxWriter(opts.template)
    if opts.kind == "kamerlid":
        write_kamerlid(wr, selection, opts, today)
    else:
        write_technisch(wr, selection, opts, today)
    wr.ensure_page_numbers()
    highest = selection.highest_level()
    confidential = highest is Level.VERTROUWELIJK
    if confidential:
        wr.mark_confidential()
    refs = ", ".join(d.document.display_name for d in selection.documents)
    title = f"{opts.kind_label} {refs}"
    level = LEVEL_LABELS[highest]
    if confidential:
        title += f" ({CONFIDENTIAL_MARK})"
    subject = subject_line(selection)
    if confidential:
        subject += f" ({CONFIDENTIAL_MARK})"
    return wr.finish(
        title=title,
        subject=subject,
        author=opts.author,
        keywords=f"{CONFIDENTIAL_MARK}; {opts.kind_label}" if confidential else f"{opts.kind_label}; {refs}",
        category=CONFIDENTIAL_MARK if confidential else level,
    )


def export_briefing(bundles: list[DocumentAnnotations], opts: BriefingOptions, out_path: Path | None = None,
                    *, progress: Callable[[str], None] | None = None, today: date | None = None) -> Path:
    """Write a briefing of `bundles` under `opts`; returns the path actually written.

    The ceiling is applied before anything else (see `select`). The target is `out_path`, else
    `opts.out`, else the default export folder with the default name; an existing file is never
    overwritten (a ' (2)' suffix is added). Raises `ExportError` with a Dutch message.
    """
    today = today or date.today()
    selection = select(bundles, opts)
    if progress:
        progress("Briefing opbouwen")
    data = build_docx(selection, opts, today)
    if progress:
        progress("Bestand opslaan")
    documents = [d.document for d in selection.documents]
    target = out_path or opts.out
    if target is None:
        return write_new_file(default_target(opts.kind_label, documents, today), data, create_dir=True)
    target = Path(target)
    if target.is_dir():
        target = target / default_filename(opts.kind_label, documents, today)
    return write_new_file(target, data)
