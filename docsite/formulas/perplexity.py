"""Formulas of the page on likelihood and perplexity (docs/perplexity.md)."""

from __future__ import annotations

from typing import Any

import sympy  # type: ignore[import-untyped]

import xent
from docsite.formulas.kinds import Formula, agrees, identity, with_check
from xent.symbolic import CrossEntropy

# A coin flipped N times shows k heads; the model Q says heads with probability q.
_q, _k, _N = sympy.symbols("q k N", positive=True)
_P_HAT, _Q = sympy.symbols("Phat Q")
_COIN_LOG_LIKELIHOOD = sympy.log(_q**_k * (1 - _q) ** (_N - _k))
_COIN_CROSS_ENTROPY = -_k / _N * sympy.log(_q) - (_N - _k) / _N * sympy.log(1 - _q)
# Exact points (k heads in N flips, model q) at which the coin formulas meet xent.numeric.
_COIN_POINTS = [
    {"k": sympy.Integer(7), "N": sympy.Integer(10), "q": sympy.Rational(7, 10)},
    {"k": sympy.Integer(7), "N": sympy.Integer(10), "q": sympy.Rational(1, 2)},
    {"k": sympy.Integer(1), "N": sympy.Integer(3), "q": sympy.Rational(1, 5)},
]


def _coin_cross_entropy(k: float, N: float, q: float) -> float:
    return float(xent.cross_entropy([k / N, 1 - k / N], [q, 1 - q]))


def _coin_perplexity(k: float, N: float, q: float) -> float:
    return float(xent.perplexity([k / N, 1 - k / N], [q, 1 - q]))


def _maximum_at_frequency(name: str, relation: Any) -> None:
    """Check q = k/N: the log-likelihood's only critical point, where it is concave."""
    slope = sympy.diff(sympy.expand_log(_COIN_LOG_LIKELIHOOD, force=True), _q)
    (critical,) = sympy.solve(slope, _q)
    curvature = sympy.diff(slope, _q).subs(_q, critical).subs({_k: 7, _N: 10})
    if sympy.simplify(critical - relation.rhs) != 0 or curvature >= 0:
        raise ValueError(f"formula {name}: the maximum is at q = {critical}")


FORMULAS: list[Formula] = [
    identity(
        "coin_log_likelihood",
        sympy.Eq(
            _COIN_LOG_LIKELIHOOD,
            _k * sympy.log(_q) + (_N - _k) * sympy.log(1 - _q),
            evaluate=False,
        ),
    ),
    identity(
        "coin_average_negative_log_likelihood",
        sympy.Eq(-_COIN_LOG_LIKELIHOOD / _N, _COIN_CROSS_ENTROPY, evaluate=False),
    ),
    agrees(
        "coin_cross_entropy",
        sympy.Eq(CrossEntropy(_P_HAT, _Q), _COIN_CROSS_ENTROPY, evaluate=False),
        _coin_cross_entropy,
        _COIN_POINTS,
    ),
    agrees(
        "coin_perplexity",
        sympy.Eq(
            sympy.Symbol(r"\mathrm{PP}"),
            _q ** (-_k / _N) * (1 - _q) ** ((_k - _N) / _N),
            evaluate=False,
        ),
        _coin_perplexity,
        _COIN_POINTS,
    ),
    with_check("maximum_likelihood_frequency", sympy.Eq(_q, _k / _N), _maximum_at_frequency),
]
