"""Formulas of the page "Why not mean squared error?" (docs/why-not-mse.md)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import sympy  # type: ignore[import-untyped]

from docsite.formulas.kinds import (
    LOSS,
    Formula,
    R,
    check_derivation,
    derived,
    identity,
    p,
    proved,
    with_check,
    without_sigmoid,
    y,
    z,
)
from xent import symbolic
from xent.symbolic import Sigmoid

if TYPE_CHECKING:
    from collections.abc import Callable

q = sympy.Symbol("q", positive=True)
Y_HAT = sympy.Symbol("yhat", real=True)
S = sympy.Symbol("s", positive=True)  # the Gaussian's standard deviation


def _defined_by(name: str, make: Callable[[], Any]) -> Formula:
    """``L = ...``: the loss exactly as a verified derivation defines it."""
    return Formula(
        name, sympy.Eq(LOSS, make().definitions[LOSS]), lambda: check_derivation(name, make)
    )


_MSE_Y1 = (Sigmoid(z) - 1) ** 2 / 2


def _sigmoid_slope(name: str, expr: Any) -> None:
    """Check the slope of the sigmoid, σ′(z), written with σ itself."""
    slope = sympy.diff(without_sigmoid(Sigmoid(z)).doit(), z)
    if sympy.simplify(slope - without_sigmoid(expr).doit()) != 0:
        raise ValueError(f"formula {name}: {expr} is not the slope of the sigmoid")


FORMULAS: list[Formula] = [
    _defined_by("squared_error_on_logit", symbolic.sigmoid_mse_gradient),
    _defined_by("bce_on_logit", symbolic.sigmoid_bce_gradient),
    proved(
        "bce_second_derivative",
        sympy.Eq(
            sympy.Derivative(
                -y * sympy.log(Sigmoid(z)) - (1 - y) * sympy.log(1 - Sigmoid(z)), (z, 2)
            ),
            Sigmoid(z) * (1 - Sigmoid(z)),
        ),
    ),
    proved(
        "squared_error_second_derivative",
        sympy.Eq(
            sympy.Derivative(_MSE_Y1, (z, 2)),
            Sigmoid(z) * (1 - Sigmoid(z)) ** 2 * (3 * Sigmoid(z) - 1),
        ),
    ),
    proved("sigmoid_at_minus_log_two", sympy.Eq(Sigmoid(-sympy.log(2)), R(1, 3))),
    identity(
        "gaussian_negative_log_likelihood",
        sympy.Eq(
            -sympy.log(
                sympy.Mul(
                    sympy.exp(-((y - Y_HAT) ** 2) / (2 * S**2)),
                    sympy.Pow(
                        sympy.Pow(2 * sympy.pi * S**2, R(1, 2), evaluate=False),
                        -1,
                        evaluate=False,
                    ),
                    evaluate=False,
                ),
                evaluate=False,
            ),
            (y - Y_HAT) ** 2 / (2 * S**2) + sympy.log(2 * sympy.pi * S**2) / 2,
            evaluate=False,
        ),
    ),
    identity(
        "expected_brier_score",
        sympy.Eq(
            p * (1 - q) ** 2 + (1 - p) * q**2,
            (q - p) ** 2 + p * (1 - p),
            evaluate=False,
        ),
    ),
    identity(
        "bernoulli_negative_log_likelihood",
        sympy.Eq(
            -sympy.log(p**y * (1 - p) ** (1 - y)),
            -y * sympy.log(p) - (1 - y) * sympy.log(1 - p),
            evaluate=False,
        ),
    ),
    derived("sigmoid_mse_gradient", symbolic.sigmoid_mse_gradient),
    with_check("sigmoid_slope", Sigmoid(z) * (1 - Sigmoid(z)), _sigmoid_slope),
    proved("sigmoid_at_log_two", sympy.Eq(Sigmoid(sympy.log(2)), R(2, 3))),
]
