"""Formulas of the page on entropy (docs/entropy.md)."""

from __future__ import annotations

from typing import Any

import sympy  # type: ignore[import-untyped]

import xent
from docsite.formulas.kinds import (
    Formula,
    P,
    agrees,
    defined,
    derived,
    identity,
    p,
    t,
    with_check,
)
from xent.symbolic import LOG_BELOW_TANGENT, Derivation, Entropy, Step

_BINARY_ENTROPY = sympy.Function("H_b")
_BINARY_ENTROPY_MEANING = {
    _BINARY_ENTROPY: sympy.Lambda(t, -t * sympy.log(t) - (1 - t) * sympy.log(1 - t))
}


def _zero_log_zero() -> Derivation:
    """Derive the limit behind the convention 0 log 0 = 0."""
    return Derivation(
        "p log p tends to 0 as p tends to 0",
        sympy.Limit(p * sympy.log(p), p, 0, "+"),
        [Step(sympy.S.Zero, "l'Hopital's rule on log p over 1/p")],
    )


def _binary_entropy_slope() -> Derivation:
    """H_b′(p) = log((1 − p)/p): positive below one half, negative above."""
    return Derivation(
        "The slope of the binary entropy",
        sympy.Derivative(_BINARY_ENTROPY(p), p),
        [Step(sympy.log((1 - p) / p), "product rule; the two constant terms cancel")],
        definitions=_BINARY_ENTROPY_MEANING,
    )


def _binary_entropy_curvature() -> Derivation:
    """H_b″(p) = −1/(p(1 − p)) < 0: the binary entropy is concave."""
    return Derivation(
        "The curvature of the binary entropy",
        sympy.Derivative(_BINARY_ENTROPY(p), (p, 2)),
        [Step(-1 / (p * (1 - p)), "derivative of log(1 − p) − log p")],
        definitions=_BINARY_ENTROPY_MEANING,
    )


def _entropy_at_most_log_n() -> Derivation:
    """H(P) ≤ log n, from ln t ≤ t − 1 at t = 1/(n Pᵢ); equality only for the uniform P."""
    i = sympy.Symbol("i", integer=True, positive=True)
    n = sympy.Symbol("n", integer=True, positive=True)
    p_i = sympy.IndexedBase("P", positive=True)[i]

    def total(f: Any) -> Any:
        return sympy.Sum(f, (i, 1, n))

    entropy = Entropy(sympy.Symbol("P"))
    return Derivation(
        "Entropy is at most the log of the number of outcomes",
        entropy,
        [
            Step(-total(p_i * sympy.log(p_i)), "definition of entropy"),
            Step(total(p_i * (sympy.log(n) + sympy.log(1 / (n * p_i)))), "log of a product"),
            Step(
                total(p_i * (sympy.log(n) + 1 / (n * p_i) - 1)),
                "ln t ≤ t − 1 at t = 1/(n Pᵢ)",
                relation="<=",
                bound=LOG_BELOW_TANGENT.at(1 / (n * p_i)),
            ),
            Step(sympy.log(n) * total(p_i) + total(1 / n) - total(p_i), "linearity of the sum"),
            Step(sympy.log(n), "Σ Pᵢ = 1, and n terms of 1/n"),
        ],
        definitions={entropy: -total(p_i * sympy.log(p_i))},
        givens=[sympy.Eq(total(p_i), 1)],
    )


_ELL = sympy.Symbol("ell", integer=True, nonnegative=True)


def _complement(name: str, expr: Any) -> None:
    """Check the probability of the other outcome: with p, it sums to one."""
    if sympy.simplify(p + expr - 1) != 0:
        raise ValueError(f"formula {name}: p + ({expr}) is not 1")


def _codeword_share(name: str, expr: Any) -> None:
    """Check a codeword's share: length 0 takes the whole space, one bit more halves it."""
    whole = expr.subs(_ELL, 0) == 1
    halves = sympy.simplify(2 * expr.subs(_ELL, _ELL + 1) - expr) == 0
    if not (whole and halves):
        raise ValueError(f"formula {name}: {expr} is not the share of a codeword of length ell")


_N = sympy.Symbol("n", integer=True, positive=True)
_K = sympy.Symbol("k", integer=True, positive=True)


def _uniform_probability(name: str, expr: Any) -> None:
    """Check the probability of each of n equally likely outcomes: n of them sum to one."""
    if sympy.simplify(_N * expr - 1) != 0:
        raise ValueError(f"formula {name}: n times {expr} is not 1")


def _block_code_bound(name: str, expr: Any) -> None:
    """Check the source coding bound for blocks of k, per symbol: (k H + 1) / k."""
    entropy = Entropy(P)
    if sympy.simplify((_K * entropy + 1) / _K - expr) != 0:
        raise ValueError(f"formula {name}: {expr} is not the per-symbol bound (k H + 1) / k")


def _zero_log_zero_convention(name: str, relation: Any) -> None:
    """Check 0 log 0 = 0: the limit of p log p at 0, and what xent.entropy does with a zero."""
    limit = sympy.limit(p * sympy.log(p), p, 0, "+")
    if limit != relation.rhs or float(xent.entropy([0.0, 1.0])) != float(relation.rhs):
        raise ValueError(f"formula {name}: p log p tends to {limit}, not {relation.rhs}")


_I = sympy.Symbol("i", integer=True, positive=True)
_P_I = sympy.IndexedBase("P", positive=True)[_I]


FORMULAS: list[Formula] = [
    defined("entropy", Entropy(P), xent.entropy, "P"),
    derived("zero_log_zero", _zero_log_zero),
    agrees(
        "binary_entropy",
        sympy.Eq(_BINARY_ENTROPY(p), _BINARY_ENTROPY_MEANING[_BINARY_ENTROPY](p)),
        xent.binary_entropy,
        [{"p": sympy.Rational(1, 10)}, {"p": sympy.Rational(1, 2)}, {"p": sympy.Rational(3, 4)}],
    ),
    derived("binary_entropy_slope", _binary_entropy_slope),
    derived("binary_entropy_curvature", _binary_entropy_curvature),
    derived("entropy_at_most_log_n", _entropy_at_most_log_n),
    with_check("binary_complement", 1 - p, _complement),
    with_check("codeword_share", sympy.Pow(2, -_ELL), _codeword_share),
    with_check("uniform_probability", 1 / _N, _uniform_probability),
    with_check("block_code_bound", Entropy(P) + 1 / _K, _block_code_bound),
    with_check(
        "zero_log_zero_convention",
        sympy.Eq(sympy.Mul(0, sympy.log(0, evaluate=False), evaluate=False), 0, evaluate=False),
        _zero_log_zero_convention,
    ),
    identity(
        "surprise_split",
        sympy.Eq(
            -sympy.log(_P_I),
            sympy.Add(sympy.log(_N), sympy.log(1 / (_N * _P_I), evaluate=False), evaluate=False),
            evaluate=False,
        ),
    ),
    with_check(
        "zero_log_zero_term",
        sympy.Mul(0, sympy.log(0, evaluate=False), evaluate=False),
        lambda name, expr: _zero_log_zero_convention(name, sympy.Eq(expr, 0, evaluate=False)),
    ),
]
