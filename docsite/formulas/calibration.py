"""Formulas of the page "Calibration and proper scoring" (docs/calibration.md)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np
import sympy  # type: ignore[import-untyped]

import xent
from docsite.formulas.kinds import Formula, R, close_to, identity, p, proved, with_check

if TYPE_CHECKING:
    from collections.abc import Callable

q = sympy.Symbol("q", positive=True)
gamma = sympy.Symbol("gamma", nonnegative=True)
k, m = sympy.symbols("k m", integer=True, positive=True)
K, M, N = sympy.symbols("K M N", integer=True, positive=True)
y = sympy.Symbol("y", integer=True, positive=True)  # the outcome, a class 1..K
QI = sympy.IndexedBase("q")
PI = sympy.IndexedBase("p")
YI = sympy.IndexedBase("y")  # the one-hot row of the outcome

LS = sympy.Function(r"\operatorname{LS}")
BS = sympy.Function(r"\operatorname{BS}")
SS = sympy.Function(r"\operatorname{SS}")
FL = sympy.Function(r"\operatorname{FL}_{\gamma}")
ACC = sympy.Function(r"\operatorname{acc}")
CONF = sympy.Function(r"\operatorname{conf}")
B = sympy.IndexedBase("B")
ECE = sympy.Symbol(r"\operatorname{ECE}")

#: The exact forecast and outcome at which each score's formula is compared with xent.
_FORECAST = (R(1, 2), R(1, 3), R(1, 6))


def _at_forecast(expr: Any, outcome: int) -> float:
    """Evaluate a score's right side at the forecast above, three classes, outcome 1..3."""
    expanded = expr.subs({K: 3, y: outcome}).doit()
    values = {QI[i + 1]: v for i, v in enumerate(_FORECAST)}
    values |= {YI[i + 1]: int(i + 1 == outcome) for i in range(3)}
    return float(expanded.subs(values))


def _against(score: Callable[[list[float], int], float]) -> Callable[[str, Any], None]:
    """Check that the right side equals ``score(forecast, outcome index)`` for every outcome."""

    def check(name: str, relation: Any) -> None:
        forecast = [float(v) for v in _FORECAST]
        for outcome in (1, 2, 3):
            close_to(name, _at_forecast(relation.rhs, outcome), score(forecast, outcome - 1))

    return check


def _expected_brier(name: str, relation: Any) -> None:
    """Σ_y p_y BS(q, y) equals the right side for three classes whose p sums to 1."""
    ps = sympy.symbols("p1:4", positive=True)
    qs = sympy.symbols("q1:4", positive=True)
    values = {PI[i + 1]: ps[i] for i in range(3)} | {QI[i + 1]: qs[i] for i in range(3)}
    lhs = sum(ps[j] * sum((qs[i] - int(i == j)) ** 2 for i in range(3)) for j in range(3))
    rhs = relation.rhs.subs(K, 3).doit().subs(values)
    on_simplex = {ps[2]: 1 - ps[0] - ps[1], qs[2]: 1 - qs[0] - qs[1]}
    if sympy.expand((lhs - rhs).subs(on_simplex)) != 0:
        raise ValueError(f"formula {name}: the expected Brier score is not {relation.rhs}")
    score = sympy.Sum(PI[y] * BS(QI, y), (y, 1, K))
    if relation.lhs != score:
        raise ValueError(f"formula {name}: the left side is not the expected score")


def _ece(name: str, relation: Any) -> None:
    """Check that the sum over bins, weighted by counts, is xent.expected_calibration_error."""
    rng = np.random.default_rng(15)
    probabilities = xent.softmax(rng.normal(size=(500, 3)) * 2)
    labels = rng.integers(0, 3, 500)
    table = xent.calibration_bins(probabilities, labels, bins=10)
    kept = np.flatnonzero(table.counts)
    term = relation.rhs.function
    total = 0.0
    for b in kept:
        values = {
            ACC(B[m]): float(table.accuracy[b]),
            CONF(B[m]): float(table.confidence[b]),
            sympy.Abs(B[m]): int(table.counts[b]),
            N: 500,
        }
        total += float(term.subs(values))
    close_to(name, total, xent.expected_calibration_error(probabilities, labels, bins=10))


def _log_score(forecast: list[float], outcome: int) -> float:
    return float(xent.softmax_cross_entropy(np.log(forecast), outcome))


def _focal(name: str, relation: Any) -> None:
    for power in (R(0), R(1), R(2)):
        forecast = [float(v) for v in _FORECAST]
        for outcome in (1, 2, 3):
            exact = _at_forecast(relation.rhs.subs(gamma, power), outcome)
            computed = xent.focal_loss(np.log(forecast), outcome - 1, gamma=float(power))
            close_to(name, exact, computed)


_BINARY_LOG = -p * sympy.log(q) - (1 - p) * sympy.log(1 - q)
_SPHERICAL = QI[y] / sympy.sqrt(sympy.Sum(QI[k] ** 2, (k, 1, K)))


def _report_complement(name: str, expr: Any) -> None:
    """Check the probability a binary report gives the other outcome: with q, it sums to one."""
    if sympy.simplify(q + expr - 1) != 0:
        raise ValueError(f"formula {name}: q + ({expr}) is not 1")


def _spherical_loss(name: str, expr: Any) -> None:
    """Check the spherical score's loss: 0 for a certain right forecast, 1 if y is ruled out."""
    loss = expr.replace(SS(QI, y), _SPHERICAL)
    for forecast, outcome, value in (((1, 0, 0), 1, 0), ((0, R(1, 2), R(1, 2)), 1, 1)):
        at = loss.subs({K: 3, y: outcome}).doit()
        at = at.subs({QI[i + 1]: v for i, v in enumerate(forecast)})
        if sympy.simplify(at - value) != 0:
            raise ValueError(f"formula {name}: {expr} is not the loss of the spherical score")


def _report_gap(name: str, expr: Any) -> None:
    """Check the numerator of the expected log score's slope: the report minus the belief."""
    numerator, _ = sympy.fraction(sympy.together(sympy.diff(_BINARY_LOG, q)))
    if sympy.simplify(sympy.expand(numerator) - expr) != 0:
        raise ValueError(f"formula {name}: {expr} is not the numerator of the slope")


def _absolute_error_falls(name: str, relation: Any) -> None:
    """Check where the expected absolute error p + q(1 − 2p) falls as the report q grows."""
    slope = sympy.diff(p + q * (1 - 2 * p), q)
    falls = sympy.solve_univariate_inequality(slope < 0, p, relational=False)
    if falls != sympy.solve_univariate_inequality(relation, p, relational=False):
        raise ValueError(f"formula {name}: the expected absolute error falls for p in {falls}")


FORMULAS: list[Formula] = [
    with_check("log_score", sympy.Eq(LS(QI, y), -sympy.log(QI[y])), _against(_log_score)),
    with_check(
        "brier_score",
        sympy.Eq(BS(QI, y), sympy.Sum((QI[k] - YI[k]) ** 2, (k, 1, K))),
        _against(xent.brier_score),
    ),
    with_check(
        "spherical_score",
        sympy.Eq(SS(QI, y), _SPHERICAL),
        _against(xent.spherical_score),
    ),
    with_check(
        "expected_brier_multiclass",
        sympy.Eq(
            sympy.Sum(PI[y] * BS(QI, y), (y, 1, K)),
            sympy.Sum((QI[k] - PI[k]) ** 2, (k, 1, K)) + 1 - sympy.Sum(PI[k] ** 2, (k, 1, K)),
            evaluate=False,
        ),
        _expected_brier,
    ),
    proved(
        "expected_log_score_slope",
        sympy.Eq(sympy.Derivative(_BINARY_LOG, q), (q - p) / (q * (1 - q))),
    ),
    identity(
        "expected_absolute_error",
        sympy.Eq(p * (1 - q) + (1 - p) * q, p + q * (1 - 2 * p), evaluate=False),
    ),
    with_check(
        "focal_loss",
        sympy.Eq(FL(QI, y), -((1 - QI[y]) ** gamma) * sympy.log(QI[y])),
        _focal,
    ),
    with_check(
        "expected_calibration_error",
        sympy.Eq(
            ECE,
            sympy.Sum(
                sympy.Mul(sympy.Abs(B[m]) / N, sympy.Abs(ACC(B[m]) - CONF(B[m])), evaluate=False),
                (m, 1, M),
            ),
        ),
        _ece,
    ),
    with_check("report_complement", 1 - q, _report_complement),
    with_check("spherical_loss", 1 - SS(QI, y), _spherical_loss),
    with_check("report_gap", q - p, _report_gap),
    with_check("absolute_error_falls", sympy.Gt(p, R(1, 2)), _absolute_error_falls),
]
