"""Core: Word briefings (Kamerlidbriefing, technische briefing) that never leak above the ceiling.

    from briefer.export import BriefingOptions, export_briefing, left_out, preview
"""

from __future__ import annotations

from briefer.export.api import Preview, build_docx, export_briefing, preview
from briefer.export.options import BriefingOptions, ExportError
from briefer.export.render import default_subject
from briefer.export.select import Selection, apply_ceiling, left_out, select

__all__ = ["BriefingOptions", "ExportError", "Preview", "Selection", "apply_ceiling", "build_docx",
           "default_subject", "export_briefing", "left_out", "preview", "select"]
