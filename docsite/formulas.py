"""The formulas a page may show, each printed from a SymPy object and checked.

A formula on a page counts as checked when its TeX is exactly (up to spaces) the TeX of a
registered formula. Each registered formula carries its own check, of one of two kinds:

- derived: the result of a `xent.symbolic` derivation, checked by ``verify()``;
- defined: a definition (for example H(P) = −Σ P_i log P_i) taken from a derivation's
  ``definitions``; its right side is evaluated at exact points and must agree with the
  matching function of `xent.numeric`, so the formula shown is the formula computed.

`formulas` runs every check once per process; a failing check raises, which fails the build.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import sympy  # type: ignore[import-untyped]

import xent
from docsite.cache import CACHE_DIR, cached, source_hash
from xent import symbolic
from xent.symbolic_notation import CrossEntropy, Entropy, KLDivergence

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping, Sequence

__all__ = ["Formula", "formulas", "registry"]

# Exact points at which definitions are compared with xent.numeric.
_P = (sympy.Rational(1, 2), sympy.Rational(1, 3), sympy.Rational(1, 6))
_Q = (sympy.Rational(1, 5), sympy.Rational(1, 5), sympy.Rational(3, 5))


@dataclass(frozen=True)
class Formula:
    """A registered formula: its SymPy form and a check that raises if it is wrong."""

    name: str
    expr: Any
    check: Callable[[], None]

    @property
    def tex(self) -> str:
        """The TeX a page must write to show this formula."""
        return symbolic.to_latex(self.expr)


def _derived(name: str, make: Callable[[], symbolic.Derivation]) -> Formula:
    def check() -> None:
        make().verify()

    return Formula(name, make().result, check)


def _at_points(expr: Any, points: Mapping[str, Sequence[Any]]) -> float:
    """Evaluate an expression over indexed P_i, Q_i (i = 1..n) at exact points."""
    n = sympy.Symbol("n", integer=True, positive=True)
    size = len(next(iter(points.values())))
    expanded = expr.subs(n, size).doit()
    values = {
        indexed: points[str(indexed.base)][int(indexed.indices[0]) - 1]
        for indexed in expanded.atoms(sympy.Indexed)
    }
    return float(expanded.subs(values))


def _defined(
    name: str, notation: Any, numeric: Callable[..., float], arguments: Sequence[str]
) -> Formula:
    meaning = symbolic.kl_decomposition().definitions[notation]
    points = {"P": _P, "Q": _Q}

    def check() -> None:
        exact = _at_points(meaning, points)
        computed = numeric(*([float(v) for v in points[a]] for a in arguments))
        if not math.isclose(exact, computed, rel_tol=1e-12):
            raise ValueError(f"formula {name}: {exact} by SymPy, {computed} by xent.numeric")

    return Formula(name, sympy.Eq(notation, meaning), check)


_P_NAME, _Q_NAME = sympy.symbols("P Q")


def registry() -> list[Formula]:
    """Return every registered formula (unchecked)."""
    return [
        _defined("entropy", Entropy(_P_NAME), xent.entropy, "P"),
        _defined("cross_entropy", CrossEntropy(_P_NAME, _Q_NAME), xent.cross_entropy, "PQ"),
        _defined("kl_divergence", KLDivergence(_P_NAME, _Q_NAME), xent.kl_divergence, "PQ"),
        *(_derived(name, make) for name, make in _DERIVATIONS.items()),
    ]


_DERIVATIONS: dict[str, Callable[[], symbolic.Derivation]] = {
    name: getattr(symbolic, name)
    for name in (
        "self_information_additivity",
        "change_of_base",
        "kl_decomposition",
        "gibbs_inequality",
        "binary_cross_entropy_reduction",
        "softmax_cross_entropy_gradient",
        "sigmoid_bce_gradient",
        "sigmoid_mse_gradient",
        "gaussian_differential_entropy",
        "gaussian_kl",
    )
}


def _check_all() -> dict[str, str]:
    checked = {}
    for formula in registry():
        formula.check()
        checked[formula.name] = formula.tex
    return checked


@cache
def formulas(directory: Path | None = CACHE_DIR) -> dict[str, str]:
    """Check every registered formula, and return their TeX by name.

    The checks run once per version of the code (``xent`` and this module): the result is
    kept in ``directory`` (None: always check).

    Raises
    ------
    ValueError
        If a formula's check fails (``DerivationError`` is a ValueError too).
    """
    key = ["formulas", source_hash(Path(__file__))]
    result: dict[str, str] = cached("formulas", key, _check_all, directory=directory)
    return result
