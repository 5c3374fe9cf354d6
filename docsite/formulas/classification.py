"""Formulas of the classification-loss pages: softmax cross-entropy, binary cross-entropy, MSE.

Each check compares the formula, evaluated exactly by SymPy, with what `xent` computes, or
has SymPy prove it after substituting the definition of σ; a flipped sign or a wrong
constant fails.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

import sympy  # type: ignore[import-untyped]

import xent
from docsite.formulas.kinds import Formula, agrees, check_derivation, close_to, identity
from xent import symbolic
from xent.symbolic import CrossEntropy, Sigmoid, Softmax

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

R = sympy.Rational
P, Q = sympy.symbols("P Q")
P_HAT = sympy.Symbol(r"\hat{P}")
LOSS = sympy.Symbol("L")
z, y = sympy.Symbol("z", real=True), sympy.Symbol("y", nonnegative=True)
p = sympy.Symbol("p", positive=True)
q = sympy.Symbol("q", positive=True)
w = sympy.Symbol("w", nonnegative=True)
a, b = sympy.symbols("a b", real=True)
epsilon = sympy.Symbol("epsilon", nonnegative=True)
i, j, k = sympy.symbols("i j k", integer=True, positive=True)
K, N, m = sympy.symbols("K N m", integer=True, positive=True)
Z = sympy.IndexedBase("z", real=True)
Y = sympy.IndexedBase("y", nonnegative=True)
PROB = sympy.IndexedBase("p", positive=True)
T = sympy.IndexedBase("t", nonnegative=True)
Q_Y = sympy.Symbol("Q_y", positive=True)
SHIFT = sympy.Symbol("m", real=True)  # the largest logit, in log-sum-exp
Y_HAT = sympy.Symbol("yhat", real=True)
S = sympy.Symbol("s", positive=True)  # the Gaussian's standard deviation
MODEL = sympy.Function("Q", positive=True)

_T = sympy.Symbol("t", real=True)
_SIGMOID = sympy.Lambda(_T, 1 / (1 + sympy.exp(-_T)))


def _exact(expr: Any) -> Any:
    """Evaluate to 30 digits, however much cancellation that takes (log(e^1000 + 1) − 1000)."""
    return sympy.N(expr, 30, maxn=5000)


def _without_sigmoid(expr: Any) -> Any:
    """Replace σ by its definition 1/(1 + e^(−t)), so SymPy can compute with it."""
    return expr.replace(Sigmoid, _SIGMOID)


def _proved(name: str, relation: Any) -> Formula:
    """Register an equation about σ that SymPy proves once σ is replaced by its definition."""

    def check() -> None:
        lhs, rhs = (_without_sigmoid(side).doit() for side in (relation.lhs, relation.rhs))
        if sympy.simplify(lhs - rhs) != 0:
            raise ValueError(f"formula {name}: lhs − rhs does not simplify to 0")

    return Formula(name, relation, check)


def _with_check(name: str, relation: Any, check: Callable[[str, Any], None]) -> Formula:
    return Formula(name, relation, lambda: check(name, relation))


# --- Softmax cross-entropy -------------------------------------------------------------------

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
            exact = _at_logits(relation.rhs.subs(k, n + 1), logits)
            close_to(name, _exact(exact), float(computed[n]))


def _check_log_softmax_loss(name: str, relation: Any) -> None:
    for logits, label in _LOGIT_POINTS:
        exact = _at_logits(relation.rhs.subs(y, label + 1), logits)
        computed = xent.softmax_cross_entropy([float(v) for v in logits], label)
        close_to(name, _exact(exact), computed)


def _check_logsumexp_shift(name: str, relation: Any) -> None:
    for logits, _ in _LOGIT_POINTS:
        for shift in (max(logits), 0, R(7, 3)):
            exact = _at_logits(relation.rhs.subs(SHIFT, shift), logits)
            close_to(name, _exact(exact), xent.logsumexp([float(v) for v in logits]))


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
        close_to(name, _exact(lhs), float(rhs))


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

SOFTMAX_FORMULAS: list[Formula] = [
    agrees(
        "one_hot_cross_entropy",
        sympy.Eq(CrossEntropy(P, Q), -sympy.log(Q_Y)),
        _one_hot_model,
        [{"Q_y": R(2, 5)}, {"Q_y": R(49, 50)}, {"Q_y": R(1, 5)}],
    ),
    _with_check(
        "softmax_definition",
        sympy.Eq(Softmax(Z, k), sympy.exp(Z[k]) / _SOFTMAX_SUM),
        _check_softmax,
    ),
    _with_check(
        "log_softmax_loss",
        sympy.Eq(-sympy.log(Softmax(Z, y)), sympy.log(_SOFTMAX_SUM) - Z[y]),
        _check_log_softmax_loss,
    ),
    _with_check(
        "logsumexp_shift",
        sympy.Eq(
            sympy.log(_SOFTMAX_SUM),
            SHIFT + sympy.log(sympy.Sum(sympy.exp(Z[j] - SHIFT), (j, 1, K))),
        ),
        _check_logsumexp_shift,
    ),
    _with_check(
        "negative_log_likelihood",
        sympy.Eq(-sympy.Sum(sympy.log(MODEL(Y[i])), (i, 1, N)), N * CrossEntropy(P_HAT, Q)),
        _check_negative_log_likelihood,
    ),
    _with_check(
        "label_smoothing_target",
        sympy.Eq(T[k], (1 - epsilon) * Y[k] + epsilon / K),
        _check_label_smoothing,
    ),
]


# --- Binary and multi-label cross-entropy ----------------------------------------------------


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
        close_to(name, _exact(expr), computed)


_POINTS_ZY = [
    {"z": R(-2), "y": R(1)},
    {"z": R(1, 2), "y": R(0)},
    {"z": R(3), "y": R(3, 10)},
    {"z": R(-7, 2), "y": R(0)},
]

BINARY_FORMULAS: list[Formula] = [
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
    _proved(
        "sigmoid_two_way_softmax",
        sympy.Eq(sympy.exp(a) / (sympy.exp(a) + sympy.exp(b)), Sigmoid(a - b), evaluate=False),
    ),
    _with_check(
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
]


# --- Why not mean squared error ---------------------------------------------------------------


def _defined_by(name: str, make: Callable[[], Any]) -> Formula:
    """``L = ...``: the loss exactly as a verified derivation defines it."""
    return Formula(
        name, sympy.Eq(LOSS, make().definitions[LOSS]), lambda: check_derivation(name, make)
    )


_MSE_Y1 = (Sigmoid(z) - 1) ** 2 / 2

MSE_FORMULAS: list[Formula] = [
    _defined_by("squared_error_on_logit", symbolic.sigmoid_mse_gradient),
    _defined_by("bce_on_logit", symbolic.sigmoid_bce_gradient),
    _proved(
        "bce_second_derivative",
        sympy.Eq(
            sympy.Derivative(
                -y * sympy.log(Sigmoid(z)) - (1 - y) * sympy.log(1 - Sigmoid(z)), (z, 2)
            ),
            Sigmoid(z) * (1 - Sigmoid(z)),
        ),
    ),
    _proved(
        "squared_error_second_derivative",
        sympy.Eq(
            sympy.Derivative(_MSE_Y1, (z, 2)),
            Sigmoid(z) * (1 - Sigmoid(z)) ** 2 * (3 * Sigmoid(z) - 1),
        ),
    ),
    _proved("sigmoid_at_minus_log_two", sympy.Eq(Sigmoid(-sympy.log(2)), R(1, 3))),
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
]

FORMULAS: list[Formula] = SOFTMAX_FORMULAS + BINARY_FORMULAS + MSE_FORMULAS
