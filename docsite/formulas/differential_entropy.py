"""Formulas of the page on differential entropy (docs/differential-entropy.md)."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

import numpy as np
import sympy  # type: ignore[import-untyped]

import xent
from docsite.formulas.kinds import Formula, derived, identity, with_check
from xent import symbolic
from xent.symbolic import DifferentialEntropy, Entropy

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


def _quantized_uniform(width: float) -> float:
    """H(X_Δ) + ln Δ for X uniform on an interval of the given width, by `xent.entropy`."""
    bins = 1000
    return float(xent.entropy(np.ones(bins), normalize=True)) + math.log(width / bins)


def _half_interval(name: str, expr: Any) -> None:
    """Check the interval [0, 1/2]: the uniform density on it is 2, its entropy −log 2."""
    width = float(expr.measure)
    if not math.isclose(_quantized_uniform(width), -math.log(2), rel_tol=1e-12):
        raise ValueError(f"formula {name}: the uniform on {expr} has no entropy −log 2")


def _uniform_entropy(width: Any) -> Callable[[str, Any], None]:
    """Check the entropy of the uniform density on an interval of ``width``, quantized."""

    def check(name: str, expr: Any) -> None:
        close = math.isclose(float(expr), _quantized_uniform(float(width)), rel_tol=1e-12)
        if not close:
            raise ValueError(f"formula {name}: {expr} is not h of the uniform of width {width}")

    return check


def _gaussian_entropy(sigma: Any) -> Any:
    return sympy.log(2 * sympy.pi * sympy.E * sigma**2) / 2


def _zero_entropy_sigma(name: str, expr: Any) -> None:
    """Check the standard deviation at which the Gaussian's differential entropy is zero."""
    if sympy.simplify(_gaussian_entropy(expr.doit())) != 0:
        raise ValueError(f"formula {name}: h(N(0, σ²)) at σ = {expr} is not 0")


def _gaussian_gap(wide: Any, narrow: Any) -> Callable[[str, Any], None]:
    """Check the entropy a Gaussian gains when its standard deviation grows from narrow to wide."""

    def check(name: str, expr: Any) -> None:
        gained = _quantized_normal(float(wide)) - _quantized_normal(float(narrow))
        if not math.isclose(float(expr), gained, abs_tol=1e-6):
            raise ValueError(f"formula {name}: {expr} is not h(σ = {wide}) − h(σ = {narrow})")

    return check


_b = sympy.Symbol("b", positive=True)


def _laplace_density(b: Any) -> Any:
    return sympy.exp(-sympy.Abs(_real_x) / b) / (2 * b)


def _laplace_entropy(name: str, expr: Any) -> None:
    """Check 1 + log(2b) against −∫ f log f of the Laplace density, at two scales."""
    for b in (sympy.Integer(1), sympy.Integer(3)):
        f = _laplace_density(b)
        integral = -2 * sympy.integrate(
            (f * sympy.expand_log(sympy.log(f), force=True)).subs(sympy.Abs(_real_x), _real_x),
            (_real_x, 0, sympy.oo),
        )
        if sympy.simplify(integral - expr.subs(_b, b)) != 0:
            raise ValueError(f"formula {name}: {expr} at b = {b} is not {integral}")


def _laplace_variance(name: str, expr: Any) -> None:
    """Check 2b² against the variance ∫ x² f of the Laplace density."""
    f = _laplace_density(_b).subs(sympy.Abs(_real_x), _real_x)
    variance = 2 * sympy.integrate(_real_x**2 * f, (_real_x, 0, sympy.oo))
    if sympy.simplify(variance - expr) != 0:
        raise ValueError(f"formula {name}: the Laplace variance is {variance}, not {expr}")


def _unit_variance_width(name: str, expr: Any) -> None:
    """Check that the uniform on an interval of this length has variance one (length² / 12)."""
    if sympy.simplify(expr**2 / 12 - 1) != 0:
        raise ValueError(f"formula {name}: the uniform of width {expr} has variance ≠ 1")


_width = sympy.Symbol("Delta", positive=True)
_QUANTIZED = sympy.Symbol("X_Delta")


def _normal_bins_entropy(delta: float) -> float:
    """H(X_Δ) of the standard normal cut into bins of width Δ, by `xent.entropy`."""
    edges = np.arange(-12, 12 + delta / 2, delta)
    masses = np.diff([_normal_cdf(float(x), 1.0) for x in edges])
    return float(xent.entropy(masses, normalize=True))


def _quantized_entropy(name: str, expr: Any) -> None:
    """Check h(X) − log Δ against H(X_Δ) of the standard normal, for fine bins."""
    for delta in (sympy.Rational(1, 100), sympy.Rational(1, 1000)):
        shown = expr.subs({DifferentialEntropy(_X): _gaussian_entropy(1), _width: delta})
        if not math.isclose(float(shown), _normal_bins_entropy(float(delta)), abs_tol=1e-4):
            raise ValueError(f"formula {name}: {expr} is not H(X_Δ) at Δ = {delta}")


def _quantized_limit(name: str, expr: Any) -> None:
    """Check that H(X_Δ) + log Δ, for the standard normal, approaches h(X) as Δ shrinks."""
    target = float(_gaussian_entropy(1))
    for delta in (sympy.Rational(1, 100), sympy.Rational(1, 1000)):
        shown = expr.subs({Entropy(_QUANTIZED): _normal_bins_entropy(float(delta)), _width: delta})
        if not math.isclose(float(shown), target, abs_tol=1e-4):
            raise ValueError(f"formula {name}: {expr} does not approach h(X) at Δ = {delta}")


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
    with_check("half_interval", sympy.Interval(0, sympy.Rational(1, 2)), _half_interval),
    with_check("half_interval_entropy", -sympy.log(2), _uniform_entropy(sympy.Rational(1, 2))),
    with_check("quarter_interval_entropy", -sympy.log(4), _uniform_entropy(sympy.Rational(1, 4))),
    with_check(
        "zero_entropy_sigma",
        sympy.Pow(sympy.sqrt(2 * sympy.pi * sympy.E, evaluate=False), -1, evaluate=False),
        _zero_entropy_sigma,
    ),
    with_check("tenfold_finer_bins", sympy.log(10), _uniform_entropy(10)),
    with_check("threefold_gaussian", sympy.log(3), _gaussian_gap(3, 1)),
    with_check("hundredfold_gaussian", sympy.log(100), _gaussian_gap(5, sympy.Rational(1, 20))),
    with_check("laplace_entropy", 1 + sympy.log(2 * _b), _laplace_entropy),
    with_check("laplace_variance", 2 * _b**2, _laplace_variance),
    with_check("unit_variance_uniform_width", 2 * sympy.sqrt(3), _unit_variance_width),
    identity(
        "bin_surprise",
        sympy.Eq(
            -sympy.log(sympy.Mul(_density(_real_x), _width, evaluate=False)),
            sympy.Add(-sympy.log(_density(_real_x)), -sympy.log(_width), evaluate=False),
            evaluate=False,
        ),
    ),
    with_check(
        "quantized_entropy", DifferentialEntropy(_X) - sympy.log(_width), _quantized_entropy
    ),
    with_check(
        "quantized_limit",
        sympy.Add(Entropy(_QUANTIZED), sympy.log(_width), evaluate=False),
        _quantized_limit,
    ),
    identity(
        "log_of_reciprocal_rate",
        sympy.Eq(sympy.log(1 / _rate, evaluate=False), -sympy.log(_rate), evaluate=False),
    ),
]
