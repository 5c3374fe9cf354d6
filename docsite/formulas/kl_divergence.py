"""Formulas of the page on KL divergence (docs/kl-divergence.md)."""

from __future__ import annotations

import sympy  # type: ignore[import-untyped]

import xent
from docsite.formulas.kinds import Formula, P, Q, agrees, defined, derived
from xent import symbolic
from xent.symbolic import KLDivergence


def _coin_kl(p: float, q: float) -> float:
    return float(xent.kl_divergence([p, 1 - p], [q, 1 - q]))


_p, _q = sympy.symbols("p q", positive=True)
_COIN_POINTS = [
    {"p": sympy.Rational(1, 2), "q": sympy.Rational(1, 4)},
    {"p": sympy.Rational(3, 10), "q": sympy.Rational(7, 10)},
    {"p": sympy.Rational(9, 10), "q": sympy.Rational(1, 3)},
]

FORMULAS: list[Formula] = [
    agrees(
        "coin_kl_divergence",
        sympy.Eq(
            KLDivergence(_p, _q),
            _p * sympy.log(_p / _q) + (1 - _p) * sympy.log((1 - _p) / (1 - _q)),
        ),
        _coin_kl,
        _COIN_POINTS,
    ),
    defined("kl_divergence", KLDivergence(P, Q), xent.kl_divergence, "PQ"),
    derived("gibbs_inequality", symbolic.gibbs_inequality),
    derived("gaussian_kl", symbolic.gaussian_kl),
]
