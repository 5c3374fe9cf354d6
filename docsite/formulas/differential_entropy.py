"""Formulas of the page on differential entropy (docs/differential-entropy.md)."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

import numpy as np
import sympy  # type: ignore[import-untyped]

import xent
from docsite.formulas.kinds import Formula, derived, with_check
from xent import symbolic
from xent.symbolic import DifferentialEntropy

if TYPE_CHECKING:
    from collections.abc import Callable

# No function of `xent` computes a differential entropy: the formulas not derived are compared
# with the limit of quantized entropies H(X_Δ) + ln Δ, computed by `xent.entropy`.


def _normal_cdf(x: float, sigma: float) -> float:
    return 0.5 * math.erfc(-x / (sigma * math.sqrt(2)))


def _quantized_normal(sigma: float) -> float:
    """H(X_Δ) + ln Δ for X ~ N(0, σ²) and a fine Δ: the limit h(X) by `xent.entropy`."""
    delta = sigma / 2000
    edges = np.arange(-12 * sigma, 12 * sigma + delta / 2, delta)
    masses = np.diff([_normal_cdf(float(x), sigma) for x in edges])
    return float(xent.entropy(masses, normalize=True)) + math.log(delta)


def _quantized_exponential(rate: float) -> float:
    """H(X_Δ) + ln Δ for X ~ Exp(rate) and a fine Δ."""
    delta = 1 / (2000 * rate)
    edges = np.arange(0, 40 / rate, delta)
    masses = -np.diff(np.exp(-rate * edges))
    return float(xent.entropy(masses, normalize=True)) + math.log(delta)


def _close_to_limit(
    name: str, relation: Any, numeric: Callable[[float], float], points: list[Any]
) -> Formula:
    """Register an equation whose right side, exactly at each point, is a numeric limit."""

    def check() -> None:
        for point in points:
            exact = float(relation.rhs.subs(point))
            computed = numeric(*(float(v) for v in point.values()))
            if not math.isclose(exact, computed, abs_tol=1e-6):
                raise ValueError(f"formula {name}: {exact!r} by SymPy, {computed!r} by xent")

    return Formula(name, relation, check)


_rate = sympy.Symbol("lambda", positive=True)
_density = sympy.Function("P")
_real_x = sympy.Symbol("x", real=True)
_DEFINITION = -sympy.Integral(
    _density(_real_x) * sympy.log(_density(_real_x)), (_real_x, -sympy.oo, sympy.oo)
)


def _definition_check() -> None:
    """Check the definition, integrated by SymPy for N(0, σ²), against the quantized limit."""
    for sigma in (sympy.Integer(1), sympy.Rational(1, 10)):
        normal = sympy.exp(-(_real_x**2) / (2 * sigma**2)) / sympy.sqrt(2 * sympy.pi * sigma**2)
        value = _DEFINITION.replace(_density, sympy.Lambda(_real_x, normal)).doit()
        exact, computed = float(sympy.simplify(value)), _quantized_normal(float(sigma))
        if not math.isclose(exact, computed, abs_tol=1e-6):
            message = f"{exact!r} by SymPy, {computed!r} by xent"
            raise ValueError(f"formula differential_entropy_definition: {message}")


_EXPONENTIAL = sympy.Function(r"\mathrm{Exp}")
_a = sympy.Symbol("a", real=True, nonzero=True)
_X = sympy.Symbol("X")
_SCALING = sympy.Eq(
    DifferentialEntropy(sympy.Mul(_a, _X, evaluate=False)),
    DifferentialEntropy(_X) + sympy.log(sympy.Abs(_a)),
)


def _scaling_check() -> None:
    """h(aX) against h(X) + log|a|, both computed as quantized limits, for two families."""
    cases = [(_quantized_normal(abs(a)), _quantized_normal(1.0), a) for a in (3.0, -0.5, 0.1)] + [
        (_quantized_exponential(2.0 / a), _quantized_exponential(2.0), a) for a in (4.0, 0.25)
    ]
    for scaled, unscaled, a in cases:
        exact = float(_SCALING.rhs.subs({DifferentialEntropy(_X): unscaled, _a: a}))
        if not math.isclose(exact, scaled, abs_tol=1e-6):
            raise ValueError(f"formula differential_entropy_scaling: {exact!r} != {scaled!r}")


_CDF_X = sympy.Symbol("x", nonnegative=True)


def _exponential_cdf(name: str, expr: Any) -> None:
    """Check the exponential distribution function: zero at x = 0, its derivative the density."""
    density = _rate * sympy.exp(-_rate * _CDF_X)
    at_zero = sympy.simplify(expr.subs(_CDF_X, 0)) == 0
    if not at_zero or sympy.simplify(sympy.diff(expr, _CDF_X) - density) != 0:
        raise ValueError(f"formula {name}: {expr} is not the exponential distribution function")


def _at_rate_two(name: str, expr: Any) -> None:
    """Check the closed form 1 − log λ of the exponential's differential entropy at λ = 2."""
    if sympy.simplify(expr - (1 - sympy.log(_rate)).subs(_rate, 2)) != 0:
        raise ValueError(f"formula {name}: {expr} is not 1 − log λ at λ = 2")


FORMULAS: list[Formula] = [
    derived("gaussian_differential_entropy", symbolic.gaussian_differential_entropy),
    Formula(
        "differential_entropy_definition",
        sympy.Eq(DifferentialEntropy(sympy.Symbol("P")), _DEFINITION),
        _definition_check,
    ),
    _close_to_limit(
        "exponential_differential_entropy",
        sympy.Eq(DifferentialEntropy(_EXPONENTIAL(_rate)), 1 - sympy.log(_rate)),
        _quantized_exponential,
        [{_rate: sympy.Integer(2)}, {_rate: sympy.Rational(1, 3)}],
    ),
    Formula("differential_entropy_scaling", _SCALING, _scaling_check),
    with_check("exponential_cdf", 1 - sympy.exp(-_rate * _CDF_X), _exponential_cdf),
    with_check(
        "exponential_entropy_at_rate_two",
        sympy.Add(1, -sympy.log(2), evaluate=False),
        _at_rate_two,
    ),
]
