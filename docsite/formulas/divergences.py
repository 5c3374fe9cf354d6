"""Formulas of the entropy, cross-entropy and KL divergence pages."""

from __future__ import annotations

import sympy  # type: ignore[import-untyped]

import xent
from docsite.formulas.kinds import Formula, defined, derived
from xent import symbolic
from xent.symbolic import CrossEntropy, Entropy, KLDivergence

P, Q = sympy.symbols("P Q")

FORMULAS: list[Formula] = [
    defined("entropy", Entropy(P), xent.entropy, "P"),
    defined("cross_entropy", CrossEntropy(P, Q), xent.cross_entropy, "PQ"),
    defined("kl_divergence", KLDivergence(P, Q), xent.kl_divergence, "PQ"),
    derived("kl_decomposition", symbolic.kl_decomposition),
    derived("gibbs_inequality", symbolic.gibbs_inequality),
    derived("gaussian_differential_entropy", symbolic.gaussian_differential_entropy),
    derived("gaussian_kl", symbolic.gaussian_kl),
]
