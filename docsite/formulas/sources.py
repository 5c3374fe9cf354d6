"""Formulas of the page "Notes on the sources" (docs/sources.md): corrections to the articles."""

from __future__ import annotations

import math
from typing import Any

import sympy  # type: ignore[import-untyped]

import xent
from docsite.formulas.kinds import Formula, P, Q, with_check
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


def _reciprocal_of_e(name: str, expr: Any) -> None:
    """Check 1/e: the probability whose surprise is one nat, by xent.self_information."""
    if not math.isclose(xent.self_information(float(expr)), 1.0, rel_tol=1e-12):
        raise ValueError(f"formula {name}: the surprise of {expr} is not one nat")


_H, _L = sympy.symbols("H L", real=True)


def _source_coding(name: str, relation: Any) -> None:
    """Check H ≤ L < H + 1 for the Shannon code ⌈−log₂ p⌉ (no better than the optimal one)."""
    for probabilities in ([0.9, 0.1], [0.5, 0.25, 0.125, 0.125], [0.4, 0.3, 0.2, 0.1]):
        lengths = [math.ceil(-math.log2(p)) for p in probabilities]
        average = sum(p * n for p, n in zip(probabilities, lengths, strict=True))
        entropy = xent.entropy(probabilities, base="bits")
        if not (relation.subs({_H: entropy, _L: average}) and entropy <= average):
            raise ValueError(f"formula {name}: fails for {probabilities}")


FORMULAS: list[Formula] = [
    Formula("sources_cross_entropy_split", _CROSS_ENTROPY_SPLIT, _check_cross_entropy_split),
    with_check("reciprocal_of_e", 1 / sympy.E, _reciprocal_of_e),
    with_check(
        "source_coding_bounds",
        sympy.Lt(_L, _H + 1),
        _source_coding,
    ),
]
