"""Derivations of the textbook core: the chain rule of entropy, and Shannon's as Rényi's limit.

Notation follows the site: a joint distribution P(x, y) of two variables with x along rows,
n values of X and m of Y; logs are natural (nats).
"""

from __future__ import annotations

import sympy  # type: ignore[import-untyped]

from xent.symbolic._derivation import Derivation, Step
from xent.symbolic._notation import Entropy, EntropyGiven, JointEntropy, RenyiEntropy

_X, _Y = sympy.symbols("X Y")
_i, _n = sympy.symbols("i n", integer=True, positive=True)
_j, _m = sympy.symbols("j m", integer=True, positive=True)


def entropy_chain_rule() -> Derivation:
    """Derive the chain rule of entropy, H(X, Y) = H(X) + H(Y | X), from the definitions.

    The joint distribution is ``P[i, j]`` (X takes n values, Y takes m), the marginal of X
    is ``p[i]`` = Σⱼ ``P[i, j]``, and the conditional probability of y given x is
    ``P[i, j]/p[i]``: the product rule P(x, y) = P(x) P(y | x) is then the identity the
    second step uses.

    Returns
    -------
    Derivation
        Its result is H(X, Y) = H(X) + H(Y | X).

    Examples
    --------
    >>> from xent.symbolic import entropy_chain_rule, to_text
    >>> d = entropy_chain_rule()
    >>> d.verify()
    True
    >>> print(to_text(d.result))
    H(X, Y) = H(X) + H(Y | X)
    """
    joint = sympy.IndexedBase("P", positive=True)[_i, _j]
    marginal = sympy.IndexedBase("p", positive=True)[_i]
    conditional = joint / marginal

    def cells(summand: sympy.Expr) -> sympy.Expr:
        return sympy.Sum(sympy.Sum(summand, (_j, 1, _m)), (_i, 1, _n))

    def rows(summand: sympy.Expr) -> sympy.Expr:
        return sympy.Sum(summand, (_i, 1, _n))

    h_xy, h_x, h_y_given_x = JointEntropy(_X, _Y), Entropy(_X), EntropyGiven(_Y, _X)
    return Derivation(
        "The chain rule: joint entropy is entropy plus conditional entropy",
        h_xy,
        [
            Step(-cells(joint * sympy.log(joint)), "definition of the joint entropy"),
            Step(
                -cells(joint * (sympy.log(marginal) + sympy.log(conditional))),
                "product rule: P(x, y) is P(x) times P(y given x); log of a product",
            ),
            Step(
                -cells(joint * sympy.log(marginal)) - cells(joint * sympy.log(conditional)),
                "linearity of the sum",
            ),
            Step(
                -rows(sympy.Sum(joint, (_j, 1, _m)) * sympy.log(marginal))
                - cells(joint * sympy.log(conditional)),
                "log P(x) does not depend on y",
            ),
            Step(
                -rows(marginal * sympy.log(marginal)) - cells(joint * sympy.log(conditional)),
                "marginal: Σ over y of P(x, y) is P(x)",
            ),
            Step(h_x + h_y_given_x, "definitions of entropy and conditional entropy"),
        ],
        definitions={
            h_xy: -cells(joint * sympy.log(joint)),
            h_x: -rows(marginal * sympy.log(marginal)),
            h_y_given_x: -cells(joint * sympy.log(conditional)),
        },
        givens=[sympy.Eq(sympy.Sum(joint, (_j, 1, _m)), marginal)],
    )


def renyi_shannon_limit() -> Derivation:
    """Derive that the Rényi entropy of order α tends to the Shannon entropy as α → 1.

    At α = 1 the definition log(Σᵢ Pᵢ^α)/(1 − α) is 0/0, since Σᵢ Pᵢ = 1; L'Hôpital's rule
    replaces the quotient by that of the derivatives, which is continuous at α = 1.

    Returns
    -------
    Derivation
        Its result is lim_{α→1} H_α(P) = H(P).

    Examples
    --------
    >>> from xent.symbolic import renyi_shannon_limit, to_text
    >>> d = renyi_shannon_limit()
    >>> d.verify()
    True
    >>> print(to_text(d.result))
    Limit(H_alpha(P), alpha, 1, dir='+-') = H(P)
    """
    alpha = sympy.Symbol("alpha", positive=True)
    p = sympy.IndexedBase("P", positive=True)[_i]
    name = sympy.Symbol("P")

    def total(summand: sympy.Expr) -> sympy.Expr:
        return sympy.Sum(summand, (_i, 1, _n))

    def limit(expr: sympy.Expr) -> sympy.Expr:
        return sympy.Limit(expr, alpha, 1, dir="+-")

    power_sum = total(p**alpha)
    renyi, shannon = RenyiEntropy(name, alpha), Entropy(name)
    return Derivation(
        "Shannon's entropy is the Rényi entropy of order 1",
        limit(renyi),
        [
            Step(limit(sympy.log(power_sum) / (1 - alpha)), "definition of the Renyi entropy"),
            Step(
                limit(
                    sympy.Derivative(sympy.log(power_sum), alpha)
                    / sympy.Derivative(1 - alpha, alpha)
                ),
                "L'Hopital's rule: both vanish at 1, as Σ of the Pᵢ is 1",
            ),
            Step(
                limit(-total(p**alpha * sympy.log(p)) / power_sum),
                "derivative of the log of a sum of powers",
            ),
            Step(-total(p * sympy.log(p)) / total(p), "continuity at 1"),
            Step(-total(p * sympy.log(p)), "Σ of the Pᵢ is 1"),
            Step(shannon, "definition of entropy"),
        ],
        definitions={
            renyi: sympy.log(power_sum) / (1 - alpha),
            shannon: -total(p * sympy.log(p)),
        },
        givens=[sympy.Eq(total(p), 1)],
    )
