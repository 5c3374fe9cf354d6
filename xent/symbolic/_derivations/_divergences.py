"""Derivations about comparing distributions: KL = H(P, Q) − H(P), and Gibbs' inequality.

Notation follows the site: P is the true distribution, Q the model, logs are natural (nats).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import sympy  # type: ignore[import-untyped]

from xent.symbolic._derivation import Derivation, Step
from xent.symbolic._lemma import Lemma
from xent.symbolic._notation import CrossEntropy, DifferentialEntropy, Entropy, KLDivergence

if TYPE_CHECKING:
    from collections.abc import Callable


_t = sympy.Symbol("t", positive=True)
LOG_BELOW_TANGENT = Lemma("ln t ≤ t − 1", _t - 1 - sympy.log(_t), _t, sympy.S.One)
"""ln t ≤ t − 1 for t > 0: the concave logarithm lies below its tangent at t = 1."""

_P_NAME, _Q_NAME = sympy.symbols("P Q")
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
