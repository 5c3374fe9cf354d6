"""Formulas of the cross-entropy and KL divergence pages that compare P and Q both ways.

The model's own entropy H(Q) (the "estimated entropy" of the Tokyo weather story), the
reversed cross-entropy H(Q, P) and reversed divergence D_KL(Q‖P), and the divergence between
two coins, each checked against `xent` at exact points.
"""

from __future__ import annotations

from typing import Any

import sympy  # type: ignore[import-untyped]

import xent
from docsite.formulas.kinds import Formula, agrees, defined
from xent.symbolic import CrossEntropy, Derivation, Entropy, KLDivergence, Step

P, Q = sympy.symbols("P Q")
_i = sympy.Symbol("i", integer=True, positive=True)
_n = sympy.Symbol("n", integer=True, positive=True)
_P = sympy.IndexedBase("P", positive=True)[_i]
_Q = sympy.IndexedBase("Q", positive=True)[_i]


def _reversed_definitions() -> Derivation:
    """Define H(Q), H(Q, P) and D_KL(Q‖P): the usual definitions with P and Q swapped."""

    def total(term: Any) -> Any:
        return sympy.Sum(term, (_i, 1, _n))

    definitions = {
        Entropy(Q): -total(_Q * sympy.log(_Q)),
        CrossEntropy(Q, P): -total(_Q * sympy.log(_P)),
        KLDivergence(Q, P): total(_Q * sympy.log(_Q / _P)),
    }
    step = Step(definitions[Entropy(Q)], "definition of the entropy, for Q")
    return Derivation("The quantities with P and Q swapped", Entropy(Q), [step], definitions)


def _coin_kl(p: float, q: float) -> float:
    return float(xent.kl_divergence([p, 1 - p], [q, 1 - q]))


_p, _q = sympy.symbols("p q", positive=True)
_COIN_POINTS = [
    {"p": sympy.Rational(1, 2), "q": sympy.Rational(1, 4)},
    {"p": sympy.Rational(3, 10), "q": sympy.Rational(7, 10)},
    {"p": sympy.Rational(9, 10), "q": sympy.Rational(1, 3)},
]

FORMULAS: list[Formula] = [
    defined("model_entropy", Entropy(Q), xent.entropy, "Q", _reversed_definitions),
    defined(
        "reverse_cross_entropy", CrossEntropy(Q, P), xent.cross_entropy, "QP", _reversed_definitions
    ),
    defined(
        "reverse_kl_divergence", KLDivergence(Q, P), xent.kl_divergence, "QP", _reversed_definitions
    ),
    agrees(
        "coin_kl_divergence",
        sympy.Eq(
            KLDivergence(_p, _q),
            _p * sympy.log(_p / _q) + (1 - _p) * sympy.log((1 - _p) / (1 - _q)),
        ),
        _coin_kl,
        _COIN_POINTS,
    ),
]
