"""Benchmarks: each module prints a small markdown table of its figures."""
