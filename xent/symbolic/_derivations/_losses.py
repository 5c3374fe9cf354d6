"""Derivations about the losses of classification: the binary cross-entropy and the gradients.

Notation follows the site: y is the label (the truth), ŷ or σ(z) the model's prediction, logs
are natural (nats).
"""

from __future__ import annotations

from typing import Any

import sympy  # type: ignore[import-untyped]

from xent.symbolic._derivation import Derivation, Step
from xent.symbolic._notation import CrossEntropy, Sigmoid, Softmax

_P_NAME, _Q_NAME = sympy.symbols("P Q")
_LOSS = sympy.Symbol("L")


def binary_cross_entropy_reduction() -> Derivation:
    """Derive binary cross-entropy −y log ŷ − (1 − y) log(1 − ŷ) as two-outcome cross-entropy.

    The label puts probability P(1) = y on outcome 1, the model Q(1) = ŷ.

    Returns
    -------
    Derivation
        Its result is H(P, Q) = −y log ŷ − (1 − y) log(1 − ŷ).

    Examples
    --------
    >>> from xent.symbolic import binary_cross_entropy_reduction, to_text
    >>> d = binary_cross_entropy_reduction()
    >>> d.verify()
    True
    >>> print(to_text(d.result))
    H(P, Q) = -y·log(ŷ) - (1 - y)·log(1 - ŷ)
    """
    k = sympy.Symbol("k", integer=True)
    y, y_hat = sympy.Symbol("y", nonnegative=True), sympy.Symbol("yhat", positive=True)
    p, q = sympy.Function("P", positive=True), sympy.Function("Q", positive=True)
    cross_entropy = CrossEntropy(_P_NAME, _Q_NAME)
    total = sympy.Sum(p(k) * sympy.log(q(k)), (k, 0, 1))
    return Derivation(
        "Cross-entropy over two outcomes is binary cross-entropy",
        cross_entropy,
        [
            Step(-total, "definition of cross-entropy, outcomes 0 and 1"),
            Step(-p(0) * sympy.log(q(0)) - p(1) * sympy.log(q(1)), "writing out the two terms"),
            Step(
                -(1 - y) * sympy.log(1 - y_hat) - y * sympy.log(y_hat),
                "P(1) = y, Q(1) = ŷ, so P(0) = 1 − y, Q(0) = 1 − ŷ",
            ),
        ],
        definitions={cross_entropy: -total},
        givens=[
            sympy.Eq(p(1), y),
            sympy.Eq(q(1), y_hat),
            sympy.Eq(p(0), 1 - y),
            sympy.Eq(q(0), 1 - y_hat),
        ],
    )


def softmax_cross_entropy_gradient() -> Derivation:
    """Derive the gradient of softmax cross-entropy, prediction minus target: softmax(z)ₖ − yₖ.

    The loss is L = −Σⱼ yⱼ log softmax(z)ⱼ over K classes, for a target y that sums to 1
    (one-hot, smoothed or soft); SymPy differentiates with symbolic K and 1 ≤ k ≤ K.

    Returns
    -------
    Derivation
        Its result is ∂L/∂zₖ = softmax(z)ₖ − yₖ.

    Examples
    --------
    >>> from xent.symbolic import softmax_cross_entropy_gradient, to_text
    >>> d = softmax_cross_entropy_gradient()
    >>> d.verify()
    True
    >>> print(to_text(d.result))
    ∂L/∂z_k = softmax(z)_k - y_k
    """
    j, k, m = sympy.symbols("j k m", integer=True)
    classes = sympy.Symbol("K", integer=True, positive=True)
    z = sympy.IndexedBase("z", real=True)
    y = sympy.IndexedBase("y", nonnegative=True)
    normalizer = sympy.Sum(sympy.exp(z[m]), (m, 1, classes))

    def over_classes(f: Any) -> Any:
        return sympy.Sum(f, (j, 1, classes))

    loss = -over_classes(y[j] * sympy.log(Softmax(z, j)))
    return Derivation(
        "The gradient of softmax cross-entropy is softmax minus the target",
        sympy.Derivative(_LOSS, z[k]),
        [
            Step(sympy.Derivative(loss, z[k]), "definition of the loss"),
            Step(
                sympy.Derivative(
                    -over_classes(y[j] * sympy.log(sympy.exp(z[j]) / normalizer)), z[k]
                ),
                "definition of softmax",
            ),
            Step(
                sympy.Derivative(
                    -over_classes(y[j] * z[j]) + over_classes(y[j] * sympy.log(normalizer)), z[k]
                ),
                "log of a quotient, linearity of the sum",
            ),
            Step(
                sympy.Derivative(-over_classes(y[j] * z[j]) + sympy.log(normalizer), z[k]),
                "the target sums to 1: Σ yⱼ = 1",
            ),
            Step(-y[k] + sympy.exp(z[k]) / normalizer, "differentiating: only j = k depends on zₖ"),
            Step(Softmax(z, k) - y[k], "definition of softmax"),
        ],
        definitions={
            _LOSS: loss,
            **{Softmax(z, index): sympy.exp(z[index]) / normalizer for index in (j, k)},
        },
        givens=[sympy.Eq(over_classes(y[j]), 1)],
        assumptions=sympy.Q.ge(k, 1) & sympy.Q.le(k, classes),
    )


def _sigmoid_definition() -> dict[Any, Any]:
    t = sympy.Symbol("t", real=True)
    return {Sigmoid: sympy.Lambda(t, 1 / (1 + sympy.exp(-t)))}


def sigmoid_bce_gradient() -> Derivation:
    """Derive the gradient of binary cross-entropy with respect to the logit: σ(z) − y.

    Returns
    -------
    Derivation
        Its result is ∂L/∂z = σ(z) − y.

    Examples
    --------
    >>> from xent.symbolic import sigmoid_bce_gradient, to_text
    >>> d = sigmoid_bce_gradient()
    >>> d.verify()
    True
    >>> print(to_text(d.result))
    ∂L/∂z = σ(z) - y
    """
    z, y = sympy.Symbol("z", real=True), sympy.Symbol("y", nonnegative=True)
    sigma = Sigmoid(z)
    loss = -y * sympy.log(sigma) - (1 - y) * sympy.log(1 - sigma)
    return Derivation(
        "The gradient of binary cross-entropy on a logit is σ(z) − y",
        sympy.Derivative(_LOSS, z),
        [
            Step(sympy.Derivative(loss, z), "definition of binary cross-entropy, ŷ = σ(z)"),
            Step(-y * (1 - sigma) + (1 - y) * sigma, "chain rule with σ′(z) = σ(z)(1 − σ(z))"),
            Step(sigma - y, "expanding: the terms in yσ(z) cancel"),
        ],
        definitions={_LOSS: loss, **_sigmoid_definition()},
    )


def sigmoid_mse_gradient() -> Derivation:
    """Derive the gradient of squared error on a logit, (σ(z) − y)σ(z)(1 − σ(z)).

    It shows why MSE learns slowly.

    The factor σ(z)(1 − σ(z)) is at most 1/4 and vanishes as σ(z) saturates at 0 or 1, so a
    confidently wrong prediction gets almost no gradient; binary cross-entropy's σ(z) − y
    (`sigmoid_bce_gradient`) does not have it.

    Returns
    -------
    Derivation
        Its result is ∂L/∂z = (σ(z) − y)σ(z)(1 − σ(z)).

    Examples
    --------
    >>> from xent.symbolic import sigmoid_mse_gradient, to_text
    >>> d = sigmoid_mse_gradient()
    >>> d.verify()
    True
    >>> print(to_text(d.result))
    ∂L/∂z = σ(z)·(1 - σ(z))·(σ(z) - y)
    """
    z, y = sympy.Symbol("z", real=True), sympy.Symbol("y", nonnegative=True)
    sigma = Sigmoid(z)
    loss = (sigma - y) ** 2 / 2
    return Derivation(
        "The gradient of squared error on a logit has the factor σ(z)(1 − σ(z))",
        sympy.Derivative(_LOSS, z),
        [
            Step(sympy.Derivative(loss, z), "definition of the squared error"),
            Step((sigma - y) * sigma * (1 - sigma), "chain rule with σ′(z) = σ(z)(1 − σ(z))"),
        ],
        definitions={_LOSS: loss, **_sigmoid_definition()},
    )


def distillation_gradient() -> Derivation:
    """Derive the gradient of the distillation loss: T·(qₖ − pₖ) with respect to a student logit.

    The loss is L = T² Σⱼ pⱼ log(pⱼ/qⱼ) over K classes, where p = softmax(t/T) is the
    teacher's softened distribution (it does not depend on the student, and sums to 1) and
    q = softmax(s/T) the student's; SymPy differentiates with symbolic K and 1 ≤ k ≤ K.

    Returns
    -------
    Derivation
        Its result is ∂L/∂sₖ = T·(qₖ − pₖ).

    Examples
    --------
    >>> from xent.symbolic import distillation_gradient, to_text
    >>> d = distillation_gradient()
    >>> d.verify()
    True
    >>> print(to_text(d.result))
    ∂L/∂s_k = T·(q_k - p_k)
    """
    j, k, m = sympy.symbols("j k m", integer=True)
    classes = sympy.Symbol("K", integer=True, positive=True)
    temperature = sympy.Symbol("T", positive=True)
    s = sympy.IndexedBase("s", real=True)
    p = sympy.IndexedBase("p", positive=True)
    q = sympy.IndexedBase("q", positive=True)
    normalizer = sympy.Sum(sympy.exp(s[m] / temperature), (m, 1, classes))

    def over_classes(f: Any) -> Any:
        return sympy.Sum(f, (j, 1, classes))

    loss = temperature**2 * over_classes(p[j] * sympy.log(p[j] / q[j]))
    entropy_part = temperature**2 * over_classes(p[j] * sympy.log(p[j]))
    return Derivation(
        "The gradient of the distillation loss is T times the student's minus the teacher's",
        sympy.Derivative(_LOSS, s[k]),
        [
            Step(sympy.Derivative(loss, s[k]), "definition of the loss"),
            Step(
                sympy.Derivative(
                    entropy_part
                    - temperature**2
                    * over_classes(p[j] * sympy.log(sympy.exp(s[j] / temperature) / normalizer)),
                    s[k],
                ),
                "log of a quotient; q is the softmax of s/T",
            ),
            Step(
                sympy.Derivative(
                    entropy_part
                    - temperature**2 * over_classes(p[j] * s[j] / temperature)
                    + temperature**2 * over_classes(p[j] * sympy.log(normalizer)),
                    s[k],
                ),
                "log of a quotient again, linearity of the sum",
            ),
            Step(
                sympy.Derivative(
                    entropy_part
                    - temperature * over_classes(p[j] * s[j])
                    + temperature**2 * sympy.log(normalizer),
                    s[k],
                ),
                "the teacher's p sums to 1: Σ pⱼ = 1",
            ),
            Step(
                -temperature * p[k] + temperature * sympy.exp(s[k] / temperature) / normalizer,
                "differentiating: p does not depend on s, and only j = k depends on sₖ",
            ),
            Step(temperature * (q[k] - p[k]), "definition of q"),
        ],
        definitions={
            _LOSS: loss,
            **{q[index]: sympy.exp(s[index] / temperature) / normalizer for index in (j, k)},
        },
        givens=[sympy.Eq(over_classes(p[j]), 1)],
        assumptions=sympy.Q.ge(k, 1) & sympy.Q.le(k, classes),
    )
