"""Formulas of the page on the interactive tour (docs/repl.md)."""

from __future__ import annotations

from typing import Any

import sympy  # type: ignore[import-untyped]

from docsite.formulas.kinds import Formula, R, with_check
from xent import symbolic
from xent.symbolic import Logarithm


def _divergence_from_uniform(name: str, expr: Any) -> None:
    """Check the exact divergence of (1/2, 1/4, 1/4) from the uniform, in bits, by SymPy."""
    exact = symbolic.kl_divergence([R(1, 2), R(1, 4), R(1, 4)], [R(1, 3)] * 3, base="bits")
    if sympy.simplify(expr.replace(Logarithm, sympy.log) - exact) != 0:
        raise ValueError(f"formula {name}: {expr} is not the exact divergence {exact}")


FORMULAS: list[Formula] = [
    with_check(
        "divergence_from_uniform_bits",
        sympy.Add(Logarithm(3, 2), -R(3, 2), evaluate=False),
        _divergence_from_uniform,
    ),
]
