"""Formulas of the page on KL divergence (docs/kl-divergence.md)."""

from __future__ import annotations

import sympy  # type: ignore[import-untyped]

import xent
from docsite.formulas.kinds import Formula, P, Q, agrees, defined, derived, with_check
from xent import symbolic
from xent.symbolic import KLDivergence


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
]
