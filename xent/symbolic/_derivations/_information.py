"""Derivations about information itself: it adds up, and its unit is a choice of log base.

Notation follows the site: logs are natural (nats) unless a derivation is about the base.
"""

from __future__ import annotations

import sympy  # type: ignore[import-untyped]

from xent.symbolic._derivation import Derivation, Step
from xent.symbolic._notation import Logarithm, SelfInformation


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
