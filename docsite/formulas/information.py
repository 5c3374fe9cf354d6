"""Formulas of the page on information content (docs/information.md)."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

import sympy  # type: ignore[import-untyped]

import xent
from docsite.formulas.kinds import Formula, agrees, derived, p, t, with_check
from xent import symbolic
from xent.symbolic import Derivation, Logarithm, SelfInformation, Step

if TYPE_CHECKING:
    from collections.abc import Callable

_x, _b = sympy.symbols("x b", positive=True)
_LOGARITHM = {Logarithm: sympy.Lambda((_x, _b), sympy.log(_x) / sympy.log(_b))}

_PROBABILITIES = [{"p": sympy.Rational(1, 2)}, {"p": sympy.Rational(1, 100)}, {"p": 1 / sympy.E}]


def _halving() -> Derivation:
    """Halving a probability adds exactly one bit: −log₂(p/2) = 1 − log₂ p."""
    half_p = sympy.Mul(p, sympy.Pow(2, -1, evaluate=False), evaluate=False)
    return Derivation(
        "Halving a probability adds one bit",
        -Logarithm(half_p, 2),
        [
            Step(-Logarithm(p, 2) + Logarithm(2, 2), "log of a quotient"),
            Step(1 - Logarithm(p, 2), "log₂ 2 = 1"),
        ],
        definitions=_LOGARITHM,
    )


def _surprise_slope() -> Derivation:
    """Derive the slope of −log p, −1/p: steep near 0, gentle near 1."""
    return Derivation(
        "The slope of self-information",
        sympy.Derivative(SelfInformation(p), p),
        [
            Step(sympy.Derivative(-sympy.log(p), p), "definition of self-information"),
            Step(-1 / p, "derivative of the logarithm"),
        ],
        definitions={SelfInformation: sympy.Lambda(t, -sympy.log(t))},
    )


def _nats_per_bit(name: str, expr: Any) -> None:
    """Check ln 2: a surprise in nats divided by it is the surprise in bits, by xent."""
    for probability in (0.5, 0.05, 0.3):
        nats = xent.self_information(probability)
        if not math.isclose(
            nats / float(expr.replace(Logarithm, sympy.log)),
            xent.self_information(probability, base="bits"),
        ):
            raise ValueError(f"formula {name}: nats / {expr} is not the surprise in bits")


def _surprise_of(probability: Any) -> Callable[[str, Any], None]:
    """Check a shown surprise in nats against xent.self_information(probability)."""

    def check(name: str, expr: Any) -> None:
        shown = float(expr.replace(Logarithm, sympy.log))
        if not math.isclose(shown, xent.self_information(float(probability)), rel_tol=1e-12):
            raise ValueError(f"formula {name}: {expr} is not the surprise of {probability}")

    return check


FORMULAS: list[Formula] = [
    agrees(
        "self_information",
        sympy.Eq(SelfInformation(p), -sympy.log(p)),
        xent.self_information,
        _PROBABILITIES,
    ),
    derived("halving_adds_a_bit", _halving),
    derived("self_information_slope", _surprise_slope),
    derived("self_information_additivity", symbolic.self_information_additivity),
    derived("change_of_base", symbolic.change_of_base),
    with_check("nats_per_bit", Logarithm(2, sympy.E), _nats_per_bit),
    with_check(
        "surprise_of_one_in_twenty",
        -Logarithm(sympy.Rational(1, 20), sympy.E),
        _surprise_of(sympy.Rational(1, 20)),
    ),
]
