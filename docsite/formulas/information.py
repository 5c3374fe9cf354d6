"""Formulas of the pages on information content, entropy and differential entropy.

The definitions of entropy, the Gaussian differential entropy and the change of base are
registered elsewhere (``divergences.py``, ``losses.py``); these are the rest. Each is either
checked against `xent.numeric` at exact points (`agrees`), or the result of a short derivation
built here that SymPy verifies step by step (`_proved`); the differential-entropy formulas,
which no function of `xent` computes directly, are compared with the limit of quantized
entropies computed by `xent.entropy`.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

import numpy as np
import sympy  # type: ignore[import-untyped]

import xent
from docsite.formulas.kinds import Formula, agrees, derived
from xent.symbolic import (
    LOG_BELOW_TANGENT,
    Derivation,
    DifferentialEntropy,
    Entropy,
    Logarithm,
    SelfInformation,
    Step,
)

if TYPE_CHECKING:
    from collections.abc import Callable

_p = sympy.Symbol("p", positive=True)
_t = sympy.Symbol("t", positive=True)
_x, _b = sympy.symbols("x b", positive=True)
_LOGARITHM = {Logarithm: sympy.Lambda((_x, _b), sympy.log(_x) / sympy.log(_b))}
_BINARY_ENTROPY = sympy.Function("H_b")
_BINARY_ENTROPY_MEANING = {
    _BINARY_ENTROPY: sympy.Lambda(_t, -_t * sympy.log(_t) - (1 - _t) * sympy.log(1 - _t))
}


_PROBABILITIES = [{"p": sympy.Rational(1, 2)}, {"p": sympy.Rational(1, 100)}, {"p": 1 / sympy.E}]


def _halving() -> Derivation:
    """Halving a probability adds exactly one bit: −log₂(p/2) = 1 − log₂ p."""
    half_p = sympy.Mul(_p, sympy.Pow(2, -1, evaluate=False), evaluate=False)
    return Derivation(
        "Halving a probability adds one bit",
        -Logarithm(half_p, 2),
        [
            Step(-Logarithm(_p, 2) + Logarithm(2, 2), "log of a quotient"),
            Step(1 - Logarithm(_p, 2), "log₂ 2 = 1"),
        ],
        definitions=_LOGARITHM,
    )


def _surprise_slope() -> Derivation:
    """Derive the slope of −log p, −1/p: steep near 0, gentle near 1."""
    return Derivation(
        "The slope of self-information",
        sympy.Derivative(SelfInformation(_p), _p),
        [
            Step(sympy.Derivative(-sympy.log(_p), _p), "definition of self-information"),
            Step(-1 / _p, "derivative of the logarithm"),
        ],
        definitions={SelfInformation: sympy.Lambda(_t, -sympy.log(_t))},
    )


def _zero_log_zero() -> Derivation:
    """Derive the limit behind the convention 0 log 0 = 0."""
    return Derivation(
        "p log p tends to 0 as p tends to 0",
        sympy.Limit(_p * sympy.log(_p), _p, 0, "+"),
        [Step(sympy.S.Zero, "l'Hopital's rule on log p over 1/p")],
    )


def _binary_entropy_slope() -> Derivation:
    """H_b′(p) = log((1 − p)/p): positive below one half, negative above."""
    return Derivation(
        "The slope of the binary entropy",
        sympy.Derivative(_BINARY_ENTROPY(_p), _p),
        [Step(sympy.log((1 - _p) / _p), "product rule; the two constant terms cancel")],
        definitions=_BINARY_ENTROPY_MEANING,
    )


def _binary_entropy_curvature() -> Derivation:
    """H_b″(p) = −1/(p(1 − p)) < 0: the binary entropy is concave."""
    return Derivation(
        "The curvature of the binary entropy",
        sympy.Derivative(_BINARY_ENTROPY(_p), (_p, 2)),
        [Step(-1 / (_p * (1 - _p)), "derivative of log(1 − p) − log p")],
        definitions=_BINARY_ENTROPY_MEANING,
    )


def _entropy_at_most_log_n() -> Derivation:
    """H(P) ≤ log n, from ln t ≤ t − 1 at t = 1/(n Pᵢ); equality only for the uniform P."""
    i = sympy.Symbol("i", integer=True, positive=True)
    n = sympy.Symbol("n", integer=True, positive=True)
    p = sympy.IndexedBase("P", positive=True)[i]

    def total(f: Any) -> Any:
        return sympy.Sum(f, (i, 1, n))

    entropy = Entropy(sympy.Symbol("P"))
    return Derivation(
        "Entropy is at most the log of the number of outcomes",
        entropy,
        [
            Step(-total(p * sympy.log(p)), "definition of entropy"),
            Step(total(p * (sympy.log(n) + sympy.log(1 / (n * p)))), "log of a product"),
            Step(
                total(p * (sympy.log(n) + 1 / (n * p) - 1)),
                "ln t ≤ t − 1 at t = 1/(n Pᵢ)",
                relation="<=",
                bound=LOG_BELOW_TANGENT.at(1 / (n * p)),
            ),
            Step(sympy.log(n) * total(p) + total(1 / n) - total(p), "linearity of the sum"),
            Step(sympy.log(n), "Σ Pᵢ = 1, and n terms of 1/n"),
        ],
        definitions={entropy: -total(p * sympy.log(p))},
        givens=[sympy.Eq(total(p), 1)],
    )


# Differential entropy --------------------------------------------------------------------------


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


_sigma = sympy.Symbol("sigma", positive=True)
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


FORMULAS: list[Formula] = [
    agrees(
        "self_information",
        sympy.Eq(SelfInformation(_p), -sympy.log(_p)),
        xent.self_information,
        _PROBABILITIES,
    ),
    derived("halving_adds_a_bit", _halving),
    derived("self_information_slope", _surprise_slope),
    derived("zero_log_zero", _zero_log_zero),
    agrees(
        "binary_entropy",
        sympy.Eq(_BINARY_ENTROPY(_p), _BINARY_ENTROPY_MEANING[_BINARY_ENTROPY](_p)),
        xent.binary_entropy,
        [{"p": sympy.Rational(1, 10)}, {"p": sympy.Rational(1, 2)}, {"p": sympy.Rational(3, 4)}],
    ),
    derived("binary_entropy_slope", _binary_entropy_slope),
    derived("binary_entropy_curvature", _binary_entropy_curvature),
    derived("entropy_at_most_log_n", _entropy_at_most_log_n),
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
]
