"""Formulas of the page on binary cross-entropy (docs/binary-cross-entropy.md)."""

from __future__ import annotations

import math
from typing import Any

import sympy  # type: ignore[import-untyped]

import xent
from docsite.formulas.kinds import (
    LOSS,
    Formula,
    R,
    Y,
    agrees,
    close_to,
    derived,
    exact,
    j,
    p,
    proved,
    with_check,
    y,
    z,
)
from xent import symbolic
from xent.symbolic import Sigmoid

w = sympy.Symbol("w", nonnegative=True)
a, b = sympy.symbols("a b", real=True)
m = sympy.Symbol("m", integer=True, positive=True)
PROB = sympy.IndexedBase("p", positive=True)


def _sigmoid_numeric(z: float) -> float:
    """σ(z) as xent knows it: the loss of label 1 from logit z is −ln σ(z)."""
    return math.exp(-xent.binary_cross_entropy(1, logits=z))


def _logit_numeric(p: float) -> float:
    """Return the log-odds as the difference of the two binary cross-entropies of xent."""
    return float(xent.binary_cross_entropy(0, p) - xent.binary_cross_entropy(1, p))


def _bce_from_logits(z: float, y: float) -> float:
    return float(xent.binary_cross_entropy(y, logits=z))


def _weighted_bce(w: float, y: float, p: float) -> float:
    return float(xent.binary_cross_entropy(y, p, pos_weight=w))


def _check_multi_label(name: str, relation: Any) -> None:
    points = (
        ((0, 1, 1), (R(1, 10), R(7, 10), R(4, 5))),
        ((1, 0), (R(1, 2), R(1, 4))),
        ((R(3, 10), 1, 0, 1), (R(2, 5), R(9, 10), R(1, 100), R(3, 5))),
    )
    for labels, probabilities in points:
        expr = relation.rhs.subs(m, len(labels)).doit()
        expr = expr.subs({Y[n + 1]: v for n, v in enumerate(labels)})
        expr = expr.subs({PROB[n + 1]: v for n, v in enumerate(probabilities)})
        computed = xent.binary_cross_entropy(
            [float(v) for v in labels], [float(v) for v in probabilities], reduction="sum"
        )
        close_to(name, exact(expr), computed)


_POINTS_ZY = [
    {"z": R(-2), "y": R(1)},
    {"z": R(1, 2), "y": R(0)},
    {"z": R(3), "y": R(3, 10)},
    {"z": R(-7, 2), "y": R(0)},
]

FORMULAS: list[Formula] = [
    agrees(
        "sigmoid_definition",
        sympy.Eq(Sigmoid(z), 1 / (1 + sympy.exp(-z))),
        _sigmoid_numeric,
        [{"z": R(-2)}, {"z": R(0)}, {"z": R(3, 2)}],
    ),
    agrees(
        "logit_log_odds",
        sympy.Eq(z, sympy.log(p / (1 - p))),
        _logit_numeric,
        [{"p": R(1, 10)}, {"p": R(7, 10)}, {"p": R(4, 5)}],
    ),
    proved(
        "sigmoid_two_way_softmax",
        sympy.Eq(sympy.exp(a) / (sympy.exp(a) + sympy.exp(b)), Sigmoid(a - b), evaluate=False),
    ),
    with_check(
        "multi_label_bce",
        sympy.Eq(
            LOSS,
            -sympy.Sum(Y[j] * sympy.log(PROB[j]) + (1 - Y[j]) * sympy.log(1 - PROB[j]), (j, 1, m)),
        ),
        _check_multi_label,
    ),
    agrees(
        "stable_bce_from_logits",
        sympy.Eq(
            LOSS,
            sympy.Max(z, 0) - z * y + sympy.log(1 + sympy.exp(-sympy.Abs(z))),
        ),
        _bce_from_logits,
        _POINTS_ZY,
    ),
    agrees(
        "weighted_bce",
        sympy.Eq(LOSS, -w * y * sympy.log(p) - (1 - y) * sympy.log(1 - p)),
        _weighted_bce,
        [
            {"w": R(3), "y": R(1), "p": R(7, 10)},
            {"w": R(3), "y": R(0), "p": R(1, 5)},
            {"w": R(2), "y": R(3, 10), "p": R(1, 2)},
        ],
    ),
    derived("binary_cross_entropy_reduction", symbolic.binary_cross_entropy_reduction),
    derived("sigmoid_bce_gradient", symbolic.sigmoid_bce_gradient),
    proved("sigmoid_of_minus_logit", sympy.Eq(Sigmoid(-z), 1 - Sigmoid(z), evaluate=False)),
]
