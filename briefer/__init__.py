"""Briefer: read, annotate and brief on Dutch parliamentary documents.

`__version__` is the one place the version lives (pyproject.toml reads it from here); the build
details (commit, build date, Qt) are in `briefer.buildinfo`.
"""

__version__ = "0.1.0"
