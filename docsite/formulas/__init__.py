"""The formulas a page may show, each printed from a SymPy object and checked.

A formula on a page counts as checked when its TeX is exactly (up to spaces) the TeX of a
registered formula. Each module of this package registers, in a ``FORMULAS`` list, the
formulas that one page introduces (``kl_divergence.py``: those of ``docs/kl-divergence.md``;
a formula shown on several pages is registered by the page that introduces it), using the
kinds of `docsite.formulas.kinds` (derived, defined, agrees, identity, ...), each with its own
check; ``kinds.py`` also holds the SymPy symbols and helpers several pages share. `formulas`
runs every check, once per version of the code; a failing check raises, which fails the build.
"""

from __future__ import annotations

import importlib
import pkgutil
from functools import cache
from pathlib import Path

from docsite.cache import CACHE_DIR, cached, source_hash
from docsite.formulas.kinds import Formula

__all__ = ["Formula", "formula_tex", "formulas", "registry"]


def registry() -> list[Formula]:
    """Return every registered formula (unchecked), from every module of this package."""
    found: list[Formula] = []
    for module in pkgutil.iter_modules(__path__):
        if module.name != "kinds":
            found += importlib.import_module(f"{__name__}.{module.name}").FORMULAS
    names = [formula.name for formula in found]
    if twice := sorted({name for name in names if names.count(name) > 1}):
        raise ValueError(f"formulas registered twice: {twice}")
    return found


def _check_all() -> dict[str, str]:
    checked = {}
    for formula in registry():
        formula.check()
        checked[formula.name] = formula.tex
    return checked


def _key() -> str:
    return source_hash(*Path(__file__).parent.rglob("*.py"))


@cache
def formula_tex(directory: Path | None = CACHE_DIR) -> dict[str, str]:
    """Return the TeX of every registered formula by name, without checking them.

    What a page's formulas are compared with; the build reports the checks themselves
    (`formulas`) at its end, so that they can run alongside it.
    """
    make = lambda: {formula.name: formula.tex for formula in registry()}  # noqa: E731
    result: dict[str, str] = cached("formula-tex", [_key()], make, directory=directory)
    return result


@cache
def formulas(directory: Path | None = CACHE_DIR) -> dict[str, str]:
    """Check every registered formula, and return their TeX by name.

    The checks run once per version of the code (``xent`` and this package): the result is
    kept in ``directory`` (None: always check).

    Raises
    ------
    ValueError
        If a formula's check fails (``DerivationError`` is a ValueError too).
    """
    result: dict[str, str] = cached(
        "formulas", ["formulas", _key()], _check_all, directory=directory
    )
    return result
