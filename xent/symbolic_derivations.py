"""The derivations the site shows, each built fresh as a `Derivation` that SymPy verifies.

Notation follows the site: P is the true distribution, Q the model, logs are natural (nats)
unless a derivation is about the base. Import these from `xent.symbolic`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import sympy  # type: ignore[import-untyped]

from xent.derivation import Derivation, Step
from xent.lemma import Lemma
from xent.symbolic_notation import (
    CrossEntropy,
    DifferentialEntropy,
    Entropy,
    KLDivergence,
    Logarithm,
    SelfInformation,
    Sigmoid,
    Softmax,
)

if TYPE_CHECKING:
    from collections.abc import Callable

__all__ = [
    "binary_cross_entropy_reduction",
    "change_of_base",
    "gibbs_inequality",
    "kl_decomposition",
    "self_information_additivity",
    "sigmoid_bce_gradient",
    "sigmoid_mse_gradient",
    "softmax_cross_entropy_gradient",
]

_t = sympy.Symbol("t", positive=True)
LOG_BELOW_TANGENT = Lemma("ln t ≤ t − 1", _t - 1 - sympy.log(_t), _t, sympy.S.One)
"""ln t ≤ t − 1 for t > 0: the concave logarithm lies below its tangent at t = 1."""

_P_NAME, _Q_NAME = sympy.symbols("P Q")
_LOSS = sympy.Symbol("L")
#: The variable of the continuous derivations, and its range as integration limits.
X = sympy.Symbol("x", real=True)
REAL_LINE = (X, -sympy.oo, sympy.oo)


def _outcomes(*, continuous: bool) -> tuple[Any, Any, Callable[[Any], Any], str]:
    """Return ``P`` and ``Q`` at a generic outcome, the sum or integral over outcomes, its name."""
    if continuous:
        p = sympy.Function("P", positive=True)(X)
        q = sympy.Function("Q", positive=True)(X)
        return p, q, lambda f: sympy.Integral(f, REAL_LINE), "integral"
    i = sympy.Symbol("i", integer=True, positive=True)
    n = sympy.Symbol("n", integer=True, positive=True)
    p = sympy.IndexedBase("P", positive=True)[i]
    q = sympy.IndexedBase("Q", positive=True)[i]
    return p, q, lambda f: sympy.Sum(f, (i, 1, n)), "sum"


def self_information_additivity() -> Derivation:
    """Derive that information adds up over independent events: I(pq) = I(p) + I(q).

    Two independent events of probabilities p and q happen together with probability pq.

    Returns
    -------
    Derivation
        Its result is I(pq) = I(p) + I(q).

    Examples
    --------
    >>> from xent.symbolic import self_information_additivity, to_text
    >>> d = self_information_additivity()
    >>> d.verify()
    True
    >>> print(to_text(d.result))
    I(p·q) = I(p) + I(q)
    """
    p, q = sympy.symbols("p q", positive=True)
    t = sympy.Symbol("t", positive=True)
    return Derivation(
        "Self-information adds up over independent events",
        SelfInformation(p * q),
        [
            Step(-sympy.log(p * q), "definition of self-information, I(p) = -log p"),
            Step(-sympy.log(p) - sympy.log(q), "log of a product"),
            Step(SelfInformation(p) + SelfInformation(q), "definition of self-information"),
        ],
        definitions={SelfInformation: sympy.Lambda(t, -sympy.log(t))},
    )


def change_of_base() -> Derivation:
    """Derive the change of base from nats to bits: −log₂ p = −ln p / ln 2.

    Information in bits is information in nats divided by ln 2: 1 nat is 1/ln 2 ≈ 1.44270 bits,
    and 1 bit is ln 2 ≈ 0.69315 nats.

    Returns
    -------
    Derivation
        Its result is −log₂ p = −ln p / ln 2.

    Examples
    --------
    >>> import sympy
    >>> from xent.symbolic import change_of_base, to_text
    >>> d = change_of_base()
    >>> d.verify()
    True
    >>> print(to_text(d.result))
    -log(p, 2) = -ln(p)/ln(2)
    >>> print(sympy.N(1 / sympy.log(2), 6))
    1.44270
    """
    p = sympy.Symbol("p", positive=True)
    x, b = sympy.symbols("x b", positive=True)
    ln_p = Logarithm(p, sympy.E)
    return Derivation(
        "Change of base: information in bits is information in nats over ln 2",
        -Logarithm(p, 2),
        [
            Step(-Logarithm(sympy.exp(ln_p), 2), "p = exp(ln p)"),
            Step(-ln_p * Logarithm(sympy.E, 2), "log of a power"),
            Step(-ln_p / Logarithm(2, sympy.E), "log₂ e = 1/ln 2, as 2 = exp(ln 2)"),
        ],
        definitions={Logarithm: sympy.Lambda((x, b), sympy.log(x) / sympy.log(b))},
    )


def kl_decomposition(*, continuous: bool = False) -> Derivation:
    """Derive that KL divergence is cross-entropy minus entropy: D_KL(P‖Q) = H(P, Q) − H(P).

    Parameters
    ----------
    continuous : bool, default False
        Sum over n outcomes with probabilities ``P[i]``, ``Q[i]`` (False), or integrate
        densities ``P(x)``, ``Q(x)`` over the real line (True); the entropy of a density is
        its differential entropy h(P).

    Returns
    -------
    Derivation
        Its result is D_KL(P‖Q) = H(P, Q) − H(P).

    Examples
    --------
    >>> from xent.symbolic import kl_decomposition, to_text
    >>> d = kl_decomposition()
    >>> d.verify()
    True
    >>> print(to_text(d.result))
    D_KL(P‖Q) = H(P, Q) - H(P)
    >>> print(to_text(kl_decomposition(continuous=True).result))
    D_KL(P‖Q) = H(P, Q) - h(P)
    """
    p, q, total, over = _outcomes(continuous=continuous)
    kl = KLDivergence(_P_NAME, _Q_NAME)
    cross_entropy = CrossEntropy(_P_NAME, _Q_NAME)
    entropy = DifferentialEntropy(_P_NAME) if continuous else Entropy(_P_NAME)
    entropy_name = "differential entropy" if continuous else "entropy"
    return Derivation(
        f"KL divergence is cross-entropy minus {entropy_name}",
        kl,
        [
            Step(total(p * sympy.log(p / q)), "definition of the KL divergence"),
            Step(total(p * sympy.log(p) - p * sympy.log(q)), "log of a quotient"),
            Step(total(p * sympy.log(p)) - total(p * sympy.log(q)), f"linearity of the {over}"),
            Step(cross_entropy - entropy, f"definitions of cross-entropy and {entropy_name}"),
        ],
        definitions={
            kl: total(p * sympy.log(p / q)),
            cross_entropy: -total(p * sympy.log(q)),
            entropy: -total(p * sympy.log(p)),
        },
    )


def gibbs_inequality() -> Derivation:
    """Derive Gibbs' inequality D_KL(P‖Q) ≥ 0 from the lemma ln t ≤ t − 1.

    The lemma is proved by SymPy: f(t) = t − 1 − ln t has f(1) = 0, f′(1) = 0 and
    f″(t) = 1/t² > 0, so f ≥ 0 for t > 0. With t = Qᵢ/Pᵢ, each term of −D_KL is at most
    Pᵢ(Qᵢ/Pᵢ − 1) = Qᵢ − Pᵢ, and those sum to 1 − 1 = 0.

    Returns
    -------
    Derivation
        Its result is the inequality D_KL(P‖Q) ≥ 0.

    Examples
    --------
    >>> from xent.symbolic import gibbs_inequality, to_text
    >>> d = gibbs_inequality()
    >>> d.verify()
    True
    >>> print(to_text(d.result))
    D_KL(P‖Q) ≥ 0
    """
    p, q, total, _ = _outcomes(continuous=False)
    kl = KLDivergence(_P_NAME, _Q_NAME)
    return Derivation(
        "Gibbs' inequality: the KL divergence is never negative",
        kl,
        [
            Step(total(p * sympy.log(p / q)), "definition of the KL divergence"),
            Step(-total(p * sympy.log(q / p)), "log of a reciprocal"),
            Step(
                -total(p * (q / p - 1)),
                "ln t ≤ t − 1 at t = Qᵢ/Pᵢ, weighted by Pᵢ > 0",
                relation=">=",
                bound=LOG_BELOW_TANGENT.at(q / p),
            ),
            Step(total(p - q), "cancelling Pᵢ"),
            Step(total(p) - total(q), "linearity of the sum"),
            Step(sympy.S.Zero, "P and Q are distributions: Σ Pᵢ = Σ Qᵢ = 1"),
        ],
        definitions={kl: total(p * sympy.log(p / q))},
        givens=[sympy.Eq(total(p), 1), sympy.Eq(total(q), 1)],
    )


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
