"""Formulas of the page on softmax cross-entropy (docs/softmax-cross-entropy.md)."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

import sympy  # type: ignore[import-untyped]

import xent
from docsite.formulas.kinds import (
    Formula,
    P,
    Q,
    R,
    Y,
    agrees,
    close_to,
    derived,
    exact,
    j,
    with_check,
    y,
)
from xent import symbolic
from xent.symbolic import CrossEntropy, Softmax

if TYPE_CHECKING:
    from collections.abc import Sequence

P_HAT = sympy.Symbol(r"\hat{P}")
epsilon = sympy.Symbol("epsilon", nonnegative=True)
i, k = sympy.symbols("i k", integer=True, positive=True)
K, N = sympy.symbols("K N", integer=True, positive=True)
Z = sympy.IndexedBase("z", real=True)
T = sympy.IndexedBase("t", nonnegative=True)
Q_Y = sympy.Symbol("Q_y", positive=True)
SHIFT = sympy.Symbol("m", real=True)  # the largest logit, in log-sum-exp
MODEL = sympy.Function("Q", positive=True)

_LOGIT_POINTS: Sequence[tuple[Sequence[Any], int]] = (
    ((2, 1, R(1, 10)), 0),
    ((2, 1, R(1, 10)), 2),
    ((1000, 0), 0),
    ((1000, 0), 1),
    ((R(-3, 2), 0, R(1, 2), 4), 3),
)


def _at_logits(expr: Any, logits: Sequence[Any], label: int | None = None) -> Any:
    """Evaluate ``expr`` at concrete logits z_1..z_K (class y is 0-based, as in xent)."""
    values: dict[Any, Any] = {K: len(logits)}
    if label is not None:
        values[y] = label + 1
    done = expr.subs(values).doit()
    return done.subs({Z[n + 1]: v for n, v in enumerate(logits)})


def _check_softmax(name: str, relation: Any) -> None:
    for logits, _ in _LOGIT_POINTS:
        computed = xent.softmax([float(v) for v in logits])
        for n in range(len(logits)):
            value = _at_logits(relation.rhs.subs(k, n + 1), logits)
            close_to(name, exact(value), float(computed[n]))


def _check_log_softmax_loss(name: str, relation: Any) -> None:
    for logits, label in _LOGIT_POINTS:
        value = _at_logits(relation.rhs.subs(y, label + 1), logits)
        computed = xent.softmax_cross_entropy([float(v) for v in logits], label)
        close_to(name, exact(value), computed)


def _check_logsumexp_shift(name: str, relation: Any) -> None:
    for logits, _ in _LOGIT_POINTS:
        for shift in (max(logits), 0, R(7, 3)):
            value = _at_logits(relation.rhs.subs(SHIFT, shift), logits)
            close_to(name, exact(value), xent.logsumexp([float(v) for v in logits]))


def _check_negative_log_likelihood(name: str, relation: Any) -> None:
    """Labels of a sample against a model: the total surprisal is N times H(P̂, Q)."""
    model = (R(1, 2), R(1, 3), R(1, 6))
    for labels in ((0, 2, 0, 1, 0), (1, 1, 2), (2,)):
        size = len(labels)
        lhs = relation.lhs.subs(N, size).doit()
        lhs = lhs.subs({sympy.Indexed(Y, n + 1): c for n, c in enumerate(labels)})
        lhs = lhs.replace(MODEL, lambda c: model[int(c)])
        empirical = [labels.count(c) / size for c in range(len(model))]
        cross_entropy = xent.cross_entropy(empirical, [float(q) for q in model])
        rhs = relation.rhs.subs(N, size).replace(CrossEntropy, lambda *_, h=cross_entropy: h)
        close_to(name, exact(lhs), float(rhs))


def _check_label_smoothing(name: str, relation: Any) -> None:
    """Check that the smoothed target, fed to cross-entropy, gives xent's smoothed loss."""
    for logits, label in _LOGIT_POINTS:
        for smoothing in (R(1, 10), R(1, 3)):
            classes = len(logits)
            target = [
                float(relation.rhs.subs({epsilon: smoothing, K: classes, Y[k]: int(n == label)}))
                for n in range(classes)
            ]
            log_model = xent.log_softmax([float(v) for v in logits])
            computed = -sum(t * q for t, q in zip(target, log_model, strict=True))
            expected = xent.softmax_cross_entropy(
                [float(v) for v in logits], label, label_smoothing=float(smoothing)
            )
            close_to(name, computed, expected)


def _one_hot_model(Q_y: float) -> float:
    return float(xent.cross_entropy([0, 1, 0], [(1 - Q_y) / 2, Q_y, (1 - Q_y) / 2]))


_SOFTMAX_SUM = sympy.Sum(sympy.exp(Z[j]), (j, 1, K))

_MARGIN = sympy.Symbol("delta", real=True)


def _two_class_loss(name: str, expr: Any) -> None:
    """Check the two-class loss from the margin δ against xent.softmax_cross_entropy."""
    for delta in (-3, 0, 2, 40):
        shown = float(sympy.N(expr.subs(_MARGIN, delta), 30))
        computed = xent.softmax_cross_entropy([float(delta) + 5.0, 5.0], 0)
        if not math.isclose(shown, computed, rel_tol=1e-12):
            raise ValueError(f"formula {name}: {shown} at δ = {delta}, xent gives {computed}")


def _two_class_sum(name: str, expr: Any) -> None:
    """Check what is left in the sum: Σ e^(z_j) divided by e^(z_y), with δ = z_y − z_other."""
    z_true, z_other = sympy.symbols("z_y z_o", real=True)
    left = (sympy.exp(z_true) + sympy.exp(z_other)) / sympy.exp(z_true)
    if sympy.simplify(left - expr.subs(_MARGIN, z_true - z_other)) != 0:
        raise ValueError(f"formula {name}: {expr} is not what is left of the sum")


FORMULAS: list[Formula] = [
    agrees(
        "one_hot_cross_entropy",
        sympy.Eq(CrossEntropy(P, Q), -sympy.log(Q_Y)),
        _one_hot_model,
        [{"Q_y": R(2, 5)}, {"Q_y": R(49, 50)}, {"Q_y": R(1, 5)}],
    ),
    with_check(
        "softmax_definition",
        sympy.Eq(Softmax(Z, k), sympy.exp(Z[k]) / _SOFTMAX_SUM),
        _check_softmax,
    ),
    with_check(
        "log_softmax_loss",
        sympy.Eq(-sympy.log(Softmax(Z, y)), sympy.log(_SOFTMAX_SUM) - Z[y]),
        _check_log_softmax_loss,
    ),
    with_check(
        "logsumexp_shift",
        sympy.Eq(
            sympy.log(_SOFTMAX_SUM),
            SHIFT + sympy.log(sympy.Sum(sympy.exp(Z[j] - SHIFT), (j, 1, K))),
        ),
        _check_logsumexp_shift,
    ),
    with_check(
        "negative_log_likelihood",
        sympy.Eq(-sympy.Sum(sympy.log(MODEL(Y[i])), (i, 1, N)), N * CrossEntropy(P_HAT, Q)),
        _check_negative_log_likelihood,
    ),
    with_check(
        "label_smoothing_target",
        sympy.Eq(T[k], (1 - epsilon) * Y[k] + epsilon / K),
        _check_label_smoothing,
    ),
    derived("softmax_cross_entropy_gradient", symbolic.softmax_cross_entropy_gradient),
    with_check("two_class_margin_loss", sympy.log(sympy.exp(-_MARGIN) + 1), _two_class_loss),
    with_check("two_class_margin_sum", sympy.exp(-_MARGIN) + 1, _two_class_sum),
]
