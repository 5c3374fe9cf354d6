"""The formulas a page may show: each one's TeX, rendered from a SymPy object that is checked."""

from __future__ import annotations

from functools import cache

__all__ = ["formulas"]


@cache
def formulas() -> dict[str, str]:
    """Return the registered formulas by name (empty until the textbook's pages need them)."""
    return {}
