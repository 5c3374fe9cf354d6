r"""Lemmas: pointwise inequalities, proved by SymPy, that justify the inequality steps.

A `Lemma` such as ``ln t ≤ t − 1`` is proved by convexity; `Lemma.at` applies it at a point,
giving the `AppliedLemma` that an inequality `Step` of a `Derivation` carries as its
``bound``.

This module imports SymPy; ``import xent`` does not import it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import sympy  # type: ignore[import-untyped]

from xent.symbolic._checks import in_domain
from xent.symbolic._errors import DerivationError


@dataclass(frozen=True)
class Lemma:
    r"""A pointwise inequality ``gap(t) >= 0`` that SymPy proves by convexity.

    The proof: ``gap`` and its first derivative vanish at ``minimum_at``, and its second derivative
    is nonnegative on the domain of ``variable`` (an interval, given by the variable's SymPy
    assumptions, e.g. ``positive=True``). A convex function with a stationary point has its
    global minimum there, so ``gap >= gap(minimum_at) = 0`` on the whole domain.

    Parameters
    ----------
    statement : str
        The inequality in words or symbols, e.g. ``"ln t ≤ t − 1"``.
    gap : sympy.Expr
        The quantity claimed nonnegative, e.g. ``t - 1 - log(t)``.
    variable : sympy.Symbol
        The variable of ``gap``; its assumptions give the domain.
    minimum_at : sympy.Expr
        The point of the domain where ``gap`` attains its minimum 0.

    Examples
    --------
    >>> import sympy
    >>> t = sympy.Symbol("t", positive=True)
    >>> log_below_tangent = Lemma("ln t ≤ t − 1", t - 1 - sympy.log(t), t, sympy.S.One)
    >>> log_below_tangent.prove()
    True
    >>> Lemma("ln t ≥ t − 1", sympy.log(t) - t + 1, t, sympy.S.One).prove()
    Traceback (most recent call last):
    ...
    xent.symbolic.DerivationError: lemma ln t ≥ t − 1 is not proved:
    its second derivative is not ≥ 0 on the domain
    """

    statement: str
    gap: Any
    variable: Any
    minimum_at: Any

    def prove(self) -> bool:
        """Check the convexity proof with SymPy; return True or raise `DerivationError`."""
        t, point = self.variable, self.minimum_at
        slope = sympy.diff(self.gap, t)
        conditions = (
            (in_domain(point, t), "its minimum point lies outside the domain"),
            (sympy.simplify(self.gap.subs(t, point)) == 0, "it is not 0 at its minimum point"),
            (sympy.simplify(slope.subs(t, point)) == 0, "its slope is not 0 at its minimum point"),
            (
                sympy.simplify(sympy.diff(slope, t)).is_nonnegative is True,
                "its second derivative is not ≥ 0 on the domain",
            ),
        )
        for holds, failure in conditions:
            if not holds:
                raise DerivationError(f"lemma {self.statement} is not proved: {failure}")
        return True

    def at(self, value: Any) -> AppliedLemma:
        """Apply the lemma at ``variable = value``, to justify an inequality `Step`."""
        return AppliedLemma(self, sympy.sympify(value))


@dataclass(frozen=True)
class AppliedLemma:
    """A `Lemma` applied at a point: the justification of an inequality step.

    Build it with `Lemma.at`. The step's two sides must differ by a nonnegative multiple of
    `gap` (in the direction the step claims), summed or integrated.

    Examples
    --------
    >>> import sympy
    >>> t = sympy.Symbol("t", positive=True)
    >>> lemma = Lemma("ln t ≤ t − 1", t - 1 - sympy.log(t), t, sympy.S.One)
    >>> lemma.at(sympy.Rational(1, 2)).gap
    -1/2 + log(2)
    """

    lemma: Lemma
    value: Any

    @property
    def gap(self) -> Any:
        """The lemma's nonnegative quantity at `value`."""
        return self.lemma.gap.subs(self.lemma.variable, self.value)
