"""Test helpers that build input files (PDFs) for the tests and benchmarks."""
