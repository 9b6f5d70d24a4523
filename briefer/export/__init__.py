"""Core: Word briefings (Kamerlidbriefing, technische briefing) that never leak above the ceiling.

    from briefer.export import BriefingOptions, export_briefing, left_out
"""

from __future__ import annotations

from briefer.export.api import build_docx, export_briefing
from briefer.export.options import BriefingOptions, ExportError
from briefer.export.select import Selection, apply_ceiling, left_out, select

__all__ = ["BriefingOptions", "ExportError", "Selection", "apply_ceiling", "build_docx", "export_briefing",
           "left_out", "select"]
