"""Formulas of the page on cross-entropy (docs/cross-entropy.md)."""

from __future__ import annotations

from typing import Any

import sympy  # type: ignore[import-untyped]

import xent
from docsite.formulas.kinds import Formula, P, Q, R, close_to, defined, derived, with_check
from xent import symbolic
from xent.symbolic import CrossEntropy, Derivation, Entropy, KLDivergence, Step

_i = sympy.Symbol("i", integer=True, positive=True)
_n = sympy.Symbol("n", integer=True, positive=True)
_P = sympy.IndexedBase("P", positive=True)[_i]
_Q = sympy.IndexedBase("Q", positive=True)[_i]


def _reversed_definitions() -> Derivation:
    """Define H(Q), H(Q, P) and D_KL(Q‖P): the usual definitions with P and Q swapped.

    H(Q) is the model's own entropy, the "estimated entropy" of the Tokyo weather story.
    """

    def total(term: Any) -> Any:
        return sympy.Sum(term, (_i, 1, _n))

    definitions = {
        Entropy(Q): -total(_Q * sympy.log(_Q)),
        CrossEntropy(Q, P): -total(_Q * sympy.log(_P)),
        KLDivergence(Q, P): total(_Q * sympy.log(_Q / _P)),
    }
    step = Step(definitions[Entropy(Q)], "definition of the entropy, for Q")
    return Derivation("The quantities with P and Q swapped", Entropy(Q), [step], definitions)


_x = sympy.Symbol("x")
_Q_OF = sympy.Function("Q")
_LENGTH = sympy.Function(r"\ell_Q")


def _ideal_length(name: str, relation: Any) -> None:
    """Check the ideal codeword length of x under Q: its information log(1/Q(x)), by xent."""
    for probability in (R(1, 2), R(1, 8), R(3, 10)):
        shown = relation.rhs.subs(_Q_OF(_x), probability)
        close_to(name, sympy.N(shown, 30), xent.self_information(float(probability)))


FORMULAS: list[Formula] = [
    defined("model_entropy", Entropy(Q), xent.entropy, "Q", _reversed_definitions),
    defined(
        "reverse_cross_entropy", CrossEntropy(Q, P), xent.cross_entropy, "QP", _reversed_definitions
    ),
    defined(
        "reverse_kl_divergence", KLDivergence(Q, P), xent.kl_divergence, "QP", _reversed_definitions
    ),
    defined("cross_entropy", CrossEntropy(P, Q), xent.cross_entropy, "PQ"),
    derived("kl_decomposition", symbolic.kl_decomposition),
    with_check("ideal_code_length", sympy.Eq(_LENGTH(_x), sympy.log(1 / _Q_OF(_x))), _ideal_length),
]
