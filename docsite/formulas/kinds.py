"""The kinds of registered formula, each with the check that makes it trustworthy.

- `derived`: the result of a derivation (of `xent.symbolic` or built by a page's module),
  checked by ``verify()``;
- `defined`: a definition from a derivation's ``definitions`` (H(P) = −Σ P_i log P_i, ...),
  evaluated over indexed P_i, Q_i at exact points and compared with `xent.numeric`;
- `agrees`: an equation whose right side, evaluated exactly at given points, must agree with
  a numeric function of `xent` (the formula shown is the formula computed);
- `identity`: an equation that SymPy proves, lhs − rhs simplifying to 0;
- `proved`: an equation about σ that SymPy proves once σ is replaced by its definition;
- `with_check`: an equation with a check of its own, written by a page's module.

The SymPy symbols and helpers that several pages' modules share are here too (P, Q, the
logit z and label y, σ's definition `SIGMOID`, `exact`, `without_sigmoid`).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import sympy  # type: ignore[import-untyped]

from docsite.blocks import verified_derivation
from xent import symbolic
from xent.symbolic import Sigmoid

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping, Sequence

__all__ = [
    "LOSS",
    "SIGMOID",
    "Formula",
    "P",
    "Q",
    "R",
    "Y",
    "agrees",
    "check_derivation",
    "close_to",
    "defined",
    "derived",
    "exact",
    "identity",
    "j",
    "p",
    "proved",
    "t",
    "with_check",
    "without_sigmoid",
    "y",
    "z",
]

#: Symbols several pages' formulas share: the distributions P and Q, a loss L, a logit z and
#: its label y, a probability p, a positive t, an index j and labels y_j.
R = sympy.Rational
P, Q = sympy.symbols("P Q")
LOSS = sympy.Symbol("L")
z, y = sympy.Symbol("z", real=True), sympy.Symbol("y", nonnegative=True)
p = sympy.Symbol("p", positive=True)
t = sympy.Symbol("t", positive=True)
j = sympy.Symbol("j", integer=True, positive=True)
Y = sympy.IndexedBase("y", nonnegative=True)

_T = sympy.Symbol("t", real=True)
#: σ, the logistic sigmoid, by its definition t ↦ 1/(1 + e^(−t)).
SIGMOID = sympy.Lambda(_T, 1 / (1 + sympy.exp(-_T)))

# Exact points at which definitions over distributions are compared with xent.numeric.
_P = (sympy.Rational(1, 2), sympy.Rational(1, 3), sympy.Rational(1, 6))
_Q = (sympy.Rational(1, 5), sympy.Rational(1, 5), sympy.Rational(3, 5))


@dataclass(frozen=True)
class Formula:
    """A registered formula: its name, its SymPy form, and a check that raises if it is wrong."""

    name: str
    expr: Any
    check: Callable[[], None]

    @property
    def tex(self) -> str:
        """The TeX a page must write to show this formula."""
        return symbolic.to_latex(self.expr)


def check_derivation(name: str, make: Callable[[], symbolic.Derivation]) -> None:
    """Verify the derivation ``make()``, raising a ValueError that names formula ``name``.

    A derivation function of `xent.symbolic` is verified once per version of the code, shared
    with the pages' ``derivation`` blocks (`docsite.blocks.verified_derivation`); a derivation
    built by a page's formula module is verified directly.
    """
    if getattr(symbolic, make.__name__, None) is make:
        if (problem := verified_derivation(make.__name__)) is not None:
            raise ValueError(f"formula {name}: {problem}")
    else:
        make().verify()


def derived(name: str, make: Callable[[], symbolic.Derivation]) -> Formula:
    """Register the result of a derivation, checked by verifying the derivation."""
    return Formula(name, make().result, lambda: check_derivation(name, make))


def close_to(name: str, exact: Any, computed: float) -> None:
    """Raise a ValueError naming formula ``name`` unless SymPy's and xent's values agree.

    The values agree to a relative 1e-12: SymPy's is exact (or evaluated to 30 digits), xent's
    within a few ulp.
    """
    if not math.isclose(float(exact), float(computed), rel_tol=1e-12, abs_tol=1e-300):
        message = f"formula {name}: {float(exact)!r} by SymPy, {computed!r} by xent.numeric"
        raise ValueError(message)


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


def defined(
    name: str,
    notation: Any,
    numeric: Callable[..., float],
    arguments: Sequence[str],
    source: Callable[[], symbolic.Derivation] = symbolic.kl_decomposition,
) -> Formula:
    """Register ``notation = its definition`` (from ``source().definitions``), checked at points.

    ``arguments`` names, in order, the distributions ("P", "Q") that ``numeric`` takes.
    """
    meaning = source().definitions[notation]
    points = {"P": _P, "Q": _Q}

    def check() -> None:
        exact = _at_points(meaning, points)
        close_to(name, exact, numeric(*([float(v) for v in points[a]] for a in arguments)))

    return Formula(name, sympy.Eq(notation, meaning), check)


def agrees(
    name: str,
    relation: Any,
    numeric: Callable[..., float],
    points: Sequence[Mapping[str, Any]],
) -> Formula:
    """Register an equation whose right side must equal ``numeric(**point)`` at every point.

    Each point maps the names of the right side's free symbols to exact values (SymPy
    Rationals); ``numeric`` receives them as floats, by the same names.
    """

    def check() -> None:
        if not points:
            raise ValueError(f"formula {name}: no points to check it at")
        for point in points:
            symbols = {str(s): s for s in relation.rhs.free_symbols}
            exact = float(relation.rhs.subs({symbols[k]: v for k, v in point.items()}))
            close_to(name, exact, numeric(**{k: float(v) for k, v in point.items()}))

    return Formula(name, relation, check)


def identity(name: str, relation: Any) -> Formula:
    """Register an equation that SymPy proves: lhs − rhs simplifies to 0.

    Build the relation with ``sympy.Eq(lhs, rhs, evaluate=False)``, or SymPy may reduce a
    true identity to ``True`` before it can be shown.
    """

    def check() -> None:
        difference = sympy.simplify(sympy.expand_log(relation.lhs - relation.rhs, force=True))
        if difference != 0:
            raise ValueError(f"formula {name}: lhs − rhs simplifies to {difference}, not 0")

    return Formula(name, relation, check)


def proved(name: str, relation: Any) -> Formula:
    """Register an equation about σ that SymPy proves once σ is replaced by its definition."""

    def check() -> None:
        lhs, rhs = (without_sigmoid(side).doit() for side in (relation.lhs, relation.rhs))
        if sympy.simplify(lhs - rhs) != 0:
            raise ValueError(f"formula {name}: lhs − rhs does not simplify to 0")

    return Formula(name, relation, check)


def with_check(name: str, relation: Any, check: Callable[[str, Any], None]) -> Formula:
    """Register an equation checked by ``check(name, relation)``, which raises if it is wrong."""
    return Formula(name, relation, lambda: check(name, relation))


def exact(expr: Any) -> Any:
    """Evaluate to 30 digits, however much cancellation that takes (log(e^1000 + 1) − 1000)."""
    return sympy.N(expr, 30, maxn=5000)


def without_sigmoid(expr: Any) -> Any:
    """Replace σ by its definition 1/(1 + e^(−t)), so SymPy can compute with it."""
    return expr.replace(Sigmoid, SIGMOID)
