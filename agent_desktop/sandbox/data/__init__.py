"""Deterministic sandbox data: reference lists, French/English content, the generator."""
