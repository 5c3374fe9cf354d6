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
#: A small positive number x, a constant prediction q and the share s of positive examples.
x = sympy.Symbol("x", positive=True)
q = sympy.Symbol("q", positive=True)
s = sympy.Symbol("s", positive=True)


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


def _check_log_one_plus(name: str, expr: Any) -> None:
    """Check log(x + 1) at x = e^(−|z|): what the stable loss adds to max(0, z) − z y."""
    for point in _POINTS_ZY:
        zv, yv = point["z"], point["y"]
        loss = xent.binary_cross_entropy(float(yv), logits=float(zv))
        rest = loss - max(float(zv), 0.0) + float(zv) * float(yv)
        close_to(name, exact(expr.subs(x, sympy.exp(-abs(zv)))), rest)


def _check_two_label_floor(name: str, expr: Any) -> None:
    """Check the least −log s − log(1 − s) over 0 < s < 1: its one critical point, a minimum."""
    loss = -sympy.log(s) - sympy.log(1 - s)
    critical = sympy.solve(sympy.diff(loss, s), s)
    if len(critical) != 1 or sympy.simplify(loss.subs(s, critical[0]) - expr) != 0:
        raise ValueError(f"formula {name}: {expr} is not the least loss at {critical}")
    if sympy.diff(loss, s, 2).subs(s, critical[0]) <= 0:
        raise ValueError(f"formula {name}: the critical point {critical} is not a minimum")


def _weighted_constant_loss(w: float, s: float, q: float) -> float:
    """Return the weighted loss of a constant prediction q when a share s is positive."""
    positive = s * xent.binary_cross_entropy(1, q, pos_weight=w)
    return float(positive + (1 - s) * xent.binary_cross_entropy(0, q))


def _check_weighted_optimum(name: str, relation: Any) -> None:
    """Check that the weighted loss is least where the odds are w times the true odds."""
    loss = -w * s * sympy.log(q) - (1 - s) * sympy.log(1 - q)
    for wv, sv in ((R(3), R(1, 4)), (R(2), R(1, 10)), (R(1, 2), R(3, 5))):
        (best,) = sympy.solve(sympy.diff(loss, q).subs({w: wv, s: sv}), q)
        if not relation.subs({w: wv, s: sv, q: best}):
            raise ValueError(f"formula {name}: fails at the optimum q = {best}")


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
    with_check("log_one_plus_small", sympy.log(x + 1), _check_log_one_plus),
    with_check("two_label_softmax_floor", 2 * sympy.log(2), _check_two_label_floor),
    agrees(
        "weighted_constant_loss",
        sympy.Eq(LOSS, -w * s * sympy.log(q) - (1 - s) * sympy.log(1 - q)),
        _weighted_constant_loss,
        [
            {"w": R(3), "s": R(1, 4), "q": R(1, 2)},
            {"w": R(3), "s": R(1, 4), "q": R(1, 4)},
            {"w": R(2), "s": R(1, 10), "q": R(7, 10)},
        ],
    ),
    with_check(
        "weighted_optimum_odds", sympy.Eq(q / (1 - q), w * s / (1 - s)), _check_weighted_optimum
    ),
    proved(
        "log_sigmoid_softplus",
        sympy.Eq(-sympy.log(Sigmoid(z)), sympy.log(sympy.exp(-z) + 1), evaluate=False),
    ),
    proved(
        "log_one_minus_sigmoid_softplus",
        sympy.Eq(-sympy.log(1 - Sigmoid(z)), sympy.log(sympy.exp(z) + 1), evaluate=False),
    ),
]
