"""Formulas of the page "Cross-entropy in language models" (docs/language-models.md)."""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import sympy  # type: ignore[import-untyped]

import xent
from docsite.formulas.kinds import LOSS, Formula, close_to, derived, identity, with_check
from xent.symbolic import distillation_gradient

t, j, k = sympy.symbols("t j k", integer=True, positive=True)
n, K, B = sympy.symbols("n K B", integer=True, positive=True)
T = sympy.Symbol("T", positive=True)
epsilon = sympy.Symbol("varepsilon", positive=True)
QI = sympy.IndexedBase("q")  # q_t: the probability the model gave the token that came
PI = sympy.IndexedBase("p")  # the teacher's (or the target's) softened distribution
YI = sympy.IndexedBase("y")  # the one-hot row of the token that came
ZI = sympy.IndexedBase("z")  # the logits of one step
XI = sympy.IndexedBase("x")  # KLDivLoss's input: the model's log-probabilities
BPB = sympy.Symbol(r"\operatorname{bpb}")
TOTAL = sympy.Symbol(r"L_{\mathrm{total}}")
KLD = sympy.Symbol(r"\ell_{k}")

#: The exact points (three classes, a one-hot target on the second) the checks use.
_Z = (sympy.Rational(1, 2), sympy.Rational(-1, 3), sympy.Rational(2))
_TEACHER = (sympy.Rational(3, 2), sympy.Rational(0), sympy.Rational(-1, 2))


def _values(base: Any, values: tuple[Any, ...]) -> dict[Any, Any]:
    return {base[i + 1]: v for i, v in enumerate(values)}


def _sequence_loss(name: str, relation: Any) -> None:
    """Check the mean of −log q_t over the tokens: softmax_cross_entropy(reduction="mean")."""
    logits = np.array([[0.5, -1.0, 2.0], [1.0, 0.0, -0.5], [0.0, 0.25, 0.0]])
    targets = np.array([2, 0, 1])
    probabilities = xent.softmax(logits)[np.arange(3), targets]
    exact = relation.rhs.subs(n, 3).doit().subs(_values(QI, tuple(probabilities)))
    close_to(name, exact, xent.softmax_cross_entropy(logits, targets, reduction="mean"))


def _bits_per_byte(name: str, relation: Any) -> None:
    """Total nats over (B ln 2) is the bits of the whole text divided by its bytes."""
    probabilities = [0.5, 0.25, 0.8, 0.1]
    nats = -sum(math.log(q) for q in probabilities)
    bits = sum(float(xent.self_information(q, base="bits")) for q in probabilities)
    close_to(name, relation.rhs.subs({TOTAL: nats, B: 7}), bits / 7)


def _tempered_softmax(name: str, relation: Any) -> None:
    """q_k(T) is xent.softmax(z / T), at T = 2 and three classes."""
    z = np.array([float(v) for v in _Z])
    expected = xent.softmax(z / 2.0)
    for index in (1, 2, 3):
        exact = relation.rhs.subs({k: index, K: 3, T: 2}).doit().subs(_values(ZI, _Z))
        close_to(name, sympy.N(exact, 30), float(expected[index - 1]))


def _label_smoothing(name: str, relation: Any) -> None:
    """Both sides, at ε = 1/10 and three classes, are softmax_cross_entropy(label_smoothing)."""
    z = [float(v) for v in _Z]
    q = sympy.Matrix([sympy.exp(v) for v in _Z]) / sum(sympy.exp(v) for v in _Z)
    values = _values(QI, tuple(q)) | _values(YI, (0, 1, 0))
    at = {K: 3, epsilon: sympy.Rational(1, 10)}
    computed = xent.softmax_cross_entropy(z, 1, label_smoothing=0.1)
    for side in (relation.lhs, relation.rhs):
        close_to(name, sympy.N(side.subs(at).doit().subs(values), 30), computed)


def _smoothing_keep(name: str, expr: Any) -> None:
    """Check the weight of the one-hot row: the smoothed target gives xent's smoothed loss."""
    z = [float(v) for v in _Z]
    keep = float(expr.subs(epsilon, sympy.Rational(1, 10)))
    target = [keep * (i == 1) + 0.1 / 3 for i in range(3)]
    computed = xent.softmax_cross_entropy(z, 1, label_smoothing=0.1)
    close_to(name, xent.cross_entropy(target, xent.softmax(z)), computed)


def _smoothed_true_probability(name: str, expr: Any) -> None:
    """Check the best prediction's true entry: there the smoothed loss is its entropy."""
    true = float(expr.subs({epsilon: sympy.Rational(1, 10), K: 3}))
    best = [true, 0.1 / 3, 0.1 / 3]
    loss = xent.softmax_cross_entropy(np.log(best), 0, label_smoothing=0.1)
    close_to(name, xent.entropy(best), loss)


def _distillation(name: str, relation: Any) -> None:
    """T² Σ p log(p/q) with p, q the softened softmaxes is xent.distillation_loss, T = 2."""
    z, teacher = [float(v) for v in _Z], [float(v) for v in _TEACHER]

    def soft(values: tuple[Any, ...]) -> tuple[Any, ...]:
        exps = [sympy.exp(v / 2) for v in values]
        return tuple(e / sum(exps) for e in exps)

    values = _values(PI, soft(_TEACHER)) | _values(QI, soft(_Z))
    exact = relation.rhs.subs({K: 3, T: 2}).doit().subs(values)
    close_to(name, sympy.N(exact, 30), xent.distillation_loss(z, teacher, temperature=2.0))


def _kl_div_pointwise(name: str, relation: Any) -> None:
    """Σ_k p_k (log p_k − x_k) with x = log q is the KL divergence of P from Q."""
    p, q = (0.5, 0.3, 0.2), (0.25, 0.25, 0.5)
    total = sum(
        float(relation.rhs.subs({PI[k]: a, XI[k]: math.log(b)})) for a, b in zip(p, q, strict=True)
    )
    close_to(name, total, xent.kl_divergence(p, q))


FORMULAS: list[Formula] = [
    with_check(
        "sequence_loss",
        sympy.Eq(LOSS, -sympy.Sum(sympy.log(QI[t]), (t, 1, n)) / n),
        _sequence_loss,
    ),
    with_check(
        "bits_per_byte", sympy.Eq(BPB, TOTAL / (B * sympy.log(2)), evaluate=False), _bits_per_byte
    ),
    with_check(
        "tempered_softmax",
        sympy.Eq(
            QI[k],
            sympy.exp(ZI[k] / T) / sympy.Sum(sympy.exp(ZI[j] / T), (j, 1, K)),
        ),
        _tempered_softmax,
    ),
    with_check(
        "label_smoothing_split",
        sympy.Eq(
            -sympy.Sum(((1 - epsilon) * YI[k] + epsilon / K) * sympy.log(QI[k]), (k, 1, K)),
            -(1 - epsilon) * sympy.Sum(YI[k] * sympy.log(QI[k]), (k, 1, K))
            - epsilon * sympy.Sum(sympy.log(QI[k]), (k, 1, K)) / K,
            evaluate=False,
        ),
        _label_smoothing,
    ),
    with_check(
        "distillation_loss",
        sympy.Eq(LOSS, T**2 * sympy.Sum(PI[k] * sympy.log(PI[k] / QI[k]), (k, 1, K))),
        _distillation,
    ),
    with_check("smoothing_keep", 1 - epsilon, _smoothing_keep),
    with_check("smoothed_true_probability", 1 - epsilon + epsilon / K, _smoothed_true_probability),
    identity(
        "smoothing_ratio",
        sympy.Eq(
            (1 - epsilon + epsilon / K) / (epsilon / K),
            K * (1 - epsilon) / epsilon + 1,
            evaluate=False,
        ),
    ),
    derived("distillation_gradient", distillation_gradient),
    with_check(
        "kl_div_pointwise",
        sympy.Eq(KLD, PI[k] * (sympy.log(PI[k]) - XI[k]), evaluate=False),
        _kl_div_pointwise,
    ),
]
