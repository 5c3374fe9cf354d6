"""Formulas of the page on KL divergence (docs/kl-divergence.md)."""

from __future__ import annotations

import itertools
import math
from typing import TYPE_CHECKING, Any

import sympy  # type: ignore[import-untyped]

import xent
from docsite.formulas.kinds import Formula, P, Q, agrees, defined, derived, with_check
from xent import symbolic
from xent.symbolic import KLDivergence, Logarithm

if TYPE_CHECKING:
    from collections.abc import Callable


def _coin_kl(p: float, q: float) -> float:
    return float(xent.kl_divergence([p, 1 - p], [q, 1 - q]))


_p, _q = sympy.symbols("p q", positive=True)
_COIN_POINTS = [
    {"p": sympy.Rational(1, 2), "q": sympy.Rational(1, 4)},
    {"p": sympy.Rational(3, 10), "q": sympy.Rational(7, 10)},
    {"p": sympy.Rational(9, 10), "q": sympy.Rational(1, 3)},
]
_DELTA = sympy.Symbol("delta", positive=True)
#: The divergence from a coin p to the coin p + δ, which the page expands in δ.
_NEARBY_COIN_KL = _p * sympy.log(_p / (_p + _DELTA)) + (1 - _p) * sympy.log(
    (1 - _p) / (1 - _p - _DELTA)
)


def _curvature(name: str, expr: object) -> None:
    """Check the second derivative in δ of the divergence to a nearby coin, at δ = 0."""
    second = sympy.diff(_NEARBY_COIN_KL, _DELTA, 2).subs(_DELTA, 0)
    if sympy.simplify(second - expr) != 0:
        raise ValueError(f"formula {name}: the curvature is {sympy.factor(second)}, not {expr}")


def _inverse_curvature(name: str, expr: object) -> None:
    """Check the reciprocal of that curvature (the inverse of the Fisher information)."""
    second = sympy.diff(_NEARBY_COIN_KL, _DELTA, 2).subs(_DELTA, 0)
    if sympy.simplify(second * expr - 1) != 0:
        raise ValueError(f"formula {name}: {expr} is not one over the curvature")


def _quadratic(name: str, expr: object) -> None:
    """Check the divergence to a nearby coin, to second order in δ."""
    series = sympy.series(_NEARBY_COIN_KL, _DELTA, 0, 3).removeO()
    if sympy.simplify(series - expr) != 0:
        raise ValueError(f"formula {name}: the second-order term is {sympy.factor(series)}")


_t = sympy.Symbol("t", positive=True)
_GAP = _t - 1 - sympy.log(_t)


def _below_tangent(name: str, relation: Any) -> None:
    """Check ln t ≤ t − 1: the gap t − 1 − ln t has its one minimum, 0, where it touches."""
    gap = sympy.simplify(relation.rhs - relation.lhs.replace(Logarithm, sympy.log))
    (touch,) = sympy.solve(sympy.diff(gap, _t), _t)
    if not isinstance(relation, sympy.Le) or sympy.simplify(gap - _GAP) != 0:
        raise ValueError(f"formula {name}: {relation} is not ln t ≤ t − 1")
    if gap.subs(_t, touch) != 0 or sympy.diff(gap, _t, 2).subs(_t, touch) <= 0:
        raise ValueError(f"formula {name}: the gap's least value is not 0")


def _tangent_point(name: str, relation: Any) -> None:
    """Check where ln t touches the line t − 1: the gap's only critical point."""
    if sympy.solve(sympy.diff(_GAP, _t), _t) != [relation.rhs]:
        raise ValueError(f"formula {name}: ln t does not touch t − 1 at {relation}")


_i = sympy.Symbol("i", integer=True, positive=True)
_P_I = sympy.IndexedBase("P", positive=True)[_i]
_Q_I = sympy.IndexedBase("Q", positive=True)[_i]


def _ratio_argument(name: str, relation: Any) -> None:
    """Check t = Q_i/P_i: P_i ln t is then the term P_i ln Q_i − P_i ln P_i of −D_KL."""
    term = _P_I * sympy.log(relation.rhs)
    wanted = _P_I * sympy.log(_Q_I) - _P_I * sympy.log(_P_I)
    if sympy.simplify(sympy.expand_log(term - wanted, force=True)) != 0:
        raise ValueError(f"formula {name}: P_i log t is not a term of −D_KL at {relation}")


_PAIRS = [
    ((0.5, 0.25, 0.125, 0.125), (0.25, 0.25, 0.25, 0.25)),
    ((0.9, 0.1), (0.5, 0.5)),
    ((0.7, 0.2, 0.1), (0.1, 0.2, 0.7)),
]


def _surprise_under(numeric_base: str) -> Callable[[str, Any], None]:
    """Check log(1/x) (in the base shown) against xent.self_information at a few points."""

    def check(name: str, expr: Any) -> None:
        (indexed,) = expr.atoms(sympy.Indexed)
        for value in (sympy.Rational(1, 2), sympy.Rational(1, 8), sympy.Rational(3, 10)):
            plain = expr.replace(Logarithm, sympy.log)
            shown = float(plain.subs(indexed, value))
            computed = xent.self_information(float(value), base=numeric_base)
            if not math.isclose(shown, computed, rel_tol=1e-12):
                raise ValueError(f"formula {name}: {shown} by SymPy, {computed} by xent")

    return check


def _pinsker(name: str, expr: Any) -> None:
    """Check that the Pinsker bound, at divergences from xent, is at least the variation."""
    for p_values, q_values in _PAIRS:
        divergence = xent.kl_divergence(list(p_values), list(q_values))
        bound = float(expr.subs(KLDivergence(P, Q), divergence))
        variation = sum(abs(a - b) for a, b in zip(p_values, q_values, strict=True)) / 2
        if bound < variation or not math.isclose(bound, math.sqrt(divergence / 2)):
            raise ValueError(f"formula {name}: {bound} is not the Pinsker bound at {p_values}")


def _total_variation(name: str, expr: Any) -> None:
    """Check half the sum of |P_i − Q_i| against the largest gap over events (all subsets)."""
    for p_values, q_values in _PAIRS:
        n = len(p_values)
        shown = expr.subs(_n, n).doit()
        shown = shown.subs({_P_I.subs(_i, k + 1): p_values[k] for k in range(n)})
        shown = float(shown.subs({_Q_I.subs(_i, k + 1): q_values[k] for k in range(n)}))
        largest = max(
            abs(sum(p_values[k] - q_values[k] for k in event))
            for size in range(n + 1)
            for event in itertools.combinations(range(n), size)
        )
        if not math.isclose(shown, largest, rel_tol=1e-12):
            raise ValueError(f"formula {name}: {shown}, but the largest event gap is {largest}")


def _js_ceiling(name: str, expr: Any) -> None:
    """Check the JS divergence's largest value: that of two distributions with no overlap."""
    value = float(expr.replace(Logarithm, sympy.log))
    if not math.isclose(value, xent.js_divergence([1.0, 0.0], [0.0, 1.0]), rel_tol=1e-12):
        raise ValueError(f"formula {name}: {expr} is not the JS divergence of disjoint P, Q")
    if xent.js_divergence([0.9, 0.1, 0.0], [0.0, 0.2, 0.8]) > value:
        raise ValueError(f"formula {name}: a JS divergence exceeds {expr}")


def _mixture_sigma(name: str, expr: Any) -> None:
    """Check the standard deviation of the even mixture of N(−3, 1) and N(3, 1), by SymPy."""
    x = sympy.Symbol("x", real=True)

    def bump(mu: int) -> Any:
        return sympy.exp(-((x - mu) ** 2) / 2) / sympy.sqrt(2 * sympy.pi)

    variance = sympy.integrate(x**2 * (bump(-3) + bump(3)) / 2, (x, -sympy.oo, sympy.oo))
    if sympy.simplify(expr**2 - variance) != 0:
        raise ValueError(f"formula {name}: the mixture's variance is {variance}, not {expr}²")


_n = sympy.Symbol("n", integer=True, positive=True)


FORMULAS: list[Formula] = [
    agrees(
        "coin_kl_divergence",
        sympy.Eq(
            KLDivergence(_p, _q),
            _p * sympy.log(_p / _q) + (1 - _p) * sympy.log((1 - _p) / (1 - _q)),
        ),
        _coin_kl,
        _COIN_POINTS,
    ),
    defined("kl_divergence", KLDivergence(P, Q), xent.kl_divergence, "PQ"),
    derived("gibbs_inequality", symbolic.gibbs_inequality),
    derived("gaussian_kl", symbolic.gaussian_kl),
    with_check("coin_kl_curvature", 1 / (_p * (1 - _p)), _curvature),
    with_check("coin_kl_inverse_curvature", _p * (1 - _p), _inverse_curvature),
    with_check("coin_kl_quadratic", _DELTA**2 / (2 * _p * (1 - _p)), _quadratic),
    with_check("log_below_tangent", sympy.Le(Logarithm(_t, sympy.E), _t - 1), _below_tangent),
    with_check("log_tangent_point", sympy.Eq(_t, 1, evaluate=False), _tangent_point),
    with_check("gibbs_ratio", sympy.Eq(_t, _Q_I / _P_I, evaluate=False), _ratio_argument),
    with_check("surprise_under_q", sympy.log(1 / _Q_I), _surprise_under("nats")),
    with_check("surprise_under_p", sympy.log(1 / _P_I), _surprise_under("nats")),
    with_check(
        "code_length_under_q",
        Logarithm(1 / _Q_I, 2),
        _surprise_under("bits"),
    ),
    with_check(
        "pinsker_bound",
        sympy.sqrt(
            sympy.Mul(KLDivergence(P, Q), sympy.Pow(2, -1, evaluate=False), evaluate=False),
            evaluate=False,
        ),
        _pinsker,
    ),
    with_check(
        "total_variation",
        sympy.Sum(sympy.Abs(_P_I - _Q_I), (_i, 1, _n)) / 2,
        _total_variation,
    ),
    with_check("js_ceiling", Logarithm(2, sympy.E), _js_ceiling),
    with_check("mixture_sigma", sympy.sqrt(10), _mixture_sigma),
]
