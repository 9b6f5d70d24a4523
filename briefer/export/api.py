"""Core: `export_briefing` ties selection, writer, properties and the file together; `preview`
tells what a briefing will contain and how long it will be, before anything is saved."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from briefer.export.files import save_briefing
from briefer.export.kamerlid import template_writer, write_kamerlid
from briefer.export.options import BriefingOptions
from briefer.export.package import CONFIDENTIAL_MARK, DocxWriter
from briefer.export.plan import KamerlidPlan
from briefer.export.render import LEVEL_LABELS, subject_line
from briefer.export.select import Selection, select
from briefer.export.technisch import write_technisch
from briefer.model import DocumentAnnotations, Level


@dataclass
class Preview:
    """Core: what a briefing will contain (Dutch outline lines) and its estimated length in pages."""

    outline: list[str]
    pages: int
    left_out: list[str]


def _write(selection: Selection, opts: BriefingOptions, today: date) -> tuple[DocxWriter, KamerlidPlan | None]:
    if opts.kind == "kamerlid":
        return write_kamerlid(template_writer(opts.template), selection, opts, today)
    wr = DocxWriter(opts.template)
    write_technisch(wr, selection, opts, today)
    return wr, None


def build_docx(selection: Selection, opts: BriefingOptions, today: date | None = None) -> bytes:
    """The .docx bytes of a briefing of `selection` (already reduced to the ceiling)."""
    today = today or date.today()
    wr, _plan = _write(selection, opts, today)
    wr.ensure_page_numbers()
    highest = selection.highest_level()
    confidential = highest is Level.VERTROUWELIJK
    if confidential:
        wr.mark_confidential()
    refs = ", ".join(d.document.display_name for d in selection.documents)
    subject = subject_line(selection, opts.subject)
    title = f"{opts.kind_label}: {subject}"
    if confidential:
        title += f" ({CONFIDENTIAL_MARK})"
        subject += f" ({CONFIDENTIAL_MARK})"
    return wr.finish(
        title=title,
        subject=subject,
        author=opts.author,
        keywords=f"{CONFIDENTIAL_MARK}; {opts.kind_label}; {refs}" if confidential else f"{opts.kind_label}; {refs}",
        category=CONFIDENTIAL_MARK if confidential else LEVEL_LABELS[highest],
    )


def preview(bundles: list[DocumentAnnotations], opts: BriefingOptions, *, today: date | None = None) -> Preview:
    """The outline and estimated page count of the briefing `opts` would make (nothing is saved)."""
    today = today or date.today()
    selection = select(bundles, opts)
    wr, plan = _write(selection, opts, today)
    pages = wr.estimate().pages
    if plan is not None:
        outline = plan.outline()
    else:
        items = selection.items()
        outline = ["Titelpagina en inhoudsopgave met paginanummers"]
        if any(d.note is not None for d in selection.documents):
            outline.append("Kern: de notitie bij het document")
        outline.append(f"{len(items)} antwoorden volledig, met markeringen, notities en voetnoten "
                       f"({'per fractie' if opts.by == 'party' else 'per domein'})")
        followups = sum(len(s.followups) for s in items)
        if followups:
            outline.append(f"{followups} vervolgacties en toezeggingen bij hun antwoord")
        if selection.confidential:
            outline.append("Bijlage: vertrouwelijk")
    return Preview(outline=outline, pages=pages, left_out=selection.omitted)


def export_briefing(bundles: list[DocumentAnnotations], opts: BriefingOptions, out_path: Path | None = None,
                    *, progress: Callable[[str], None] | None = None, today: date | None = None,
                    overwrite: bool = False, databases: Iterable[str | Path] = ()) -> Path:
    """Write a briefing of `bundles` under `opts`; returns the path actually written.

    The ceiling is applied before anything else (see `select`). The target is `out_path`, else
    `opts.out`, else the default export folder. Under a default name (no target, or a folder) an
    existing file is never replaced: `name (2).docx`. A file the caller named is replaced only with
    `overwrite` (the user confirmed it); otherwise `briefer.safefile.TargetExists`. `databases` are
    refused as targets whatever happens (pass the open database). Errors carry Dutch messages.
    """
    today = today or date.today()
    selection = select(bundles, opts)
    if progress:
        progress("Briefing opbouwen")
    data = build_docx(selection, opts, today)
    if progress:
        progress("Bestand opslaan")
    target = out_path or opts.out
    return save_briefing(data, Path(target) if target is not None else None, kind_label=opts.kind_label,
                         documents=[d.document for d in selection.documents], today=today,
                         overwrite=overwrite, databases=databases)
