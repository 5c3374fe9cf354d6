"""Formulas of the page "Notes on the sources" (docs/sources.md): corrections to the articles."""

from __future__ import annotations

import sympy  # type: ignore[import-untyped]

from docsite.formulas.kinds import Formula, P, Q
from xent import symbolic
from xent.symbolic import CrossEntropy, Entropy, KLDivergence

# Cross-entropy is the entropy plus the divergence: the corrected form of article one's
# "KL = entropy + cross-entropy", and the "cross-entropy = KL + constant" it states later.
_CROSS_ENTROPY_SPLIT = sympy.Eq(CrossEntropy(P, Q), Entropy(P) + KLDivergence(P, Q), evaluate=False)


def _check_cross_entropy_split() -> None:
    """Prove the split for distributions of two to five outcomes, from the definitions.

    Each quantity is replaced by its definition (the sums of the KL decomposition), the sums
    are written out for a fixed number of outcomes with positive symbolic P_i and Q_i, and
    SymPy must reduce lhs − rhs to zero. A flipped sign leaves 2 Σ P_i log P_i, which is not 0.
    """
    definitions = symbolic.kl_decomposition().definitions
    n = sympy.Symbol("n", integer=True, positive=True)
    difference = _CROSS_ENTROPY_SPLIT.lhs - _CROSS_ENTROPY_SPLIT.rhs
    for size in range(2, 6):
        expanded = difference.subs(definitions).subs(n, size).doit()
        positive = {
            indexed: sympy.Symbol(f"{indexed.base}{indexed.indices[0]}", positive=True)
            for indexed in expanded.atoms(sympy.Indexed)
        }
        rest = sympy.simplify(sympy.expand_log(expanded.subs(positive), force=True))
        if rest != 0:
            message = f"formula sources_cross_entropy_split: lhs − rhs is {rest} at n = {size}"
            raise ValueError(message)


FORMULAS: list[Formula] = [
    Formula("sources_cross_entropy_split", _CROSS_ENTROPY_SPLIT, _check_cross_entropy_split),
]
