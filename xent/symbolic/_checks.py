"""The SymPy side of a derivation's checks: whether one expression follows from another.

`follows` decides one step: an equality if SymPy reduces the difference of its two sides to 0
(operand by operand under sums, integrals and derivatives, else by simplification, else by
evaluation); an inequality if SymPy proves the gap nonnegative, term by term, with the help of
the gap of the step's lemma. `Derivation.verify` turns a failure into a `DerivationError` that
names the step. Below the derivations and lemmas, it knows neither.

This module imports SymPy; ``import xent`` does not import it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import sympy  # type: ignore[import-untyped]
from sympy.core.function import AppliedUndef  # type: ignore[import-untyped]

if TYPE_CHECKING:
    from collections.abc import Mapping


_LINEAR_OPERATORS = (sympy.Sum, sympy.Integral, sympy.Derivative, sympy.Limit)
_MONOTONE_OPERATORS = (sympy.Sum, sympy.Integral)


def follows(before: Any, after: Any, relation: str, lemma_gap: Any, assumptions: Any) -> bool:
    """Whether SymPy proves ``before <relation> after`` ("=", "<=" or ">=").

    ``lemma_gap`` is the nonnegative quantity of the lemma backing an inequality (None if no
    lemma backs it); ``assumptions`` are facts for ``sympy.refine``, or True.
    """
    if relation == "=":
        return _vanishes(before - after, assumptions)
    gap = before - after if relation == ">=" else after - before
    return _nonnegative(gap, lemma_gap, assumptions)


def in_domain(value: Any, variable: Any) -> bool:
    """Whether ``value`` has every sign or reality assumption that ``variable`` has."""
    facts = [
        fact for fact in ("real", "nonnegative", "positive") if getattr(variable, f"is_{fact}")
    ]
    return all(getattr(value, f"is_{fact}") is True for fact in facts)


def given(expr: Any, givens: Mapping[Any, Any]) -> Any:
    """``expr`` with constant factors taken out of sums, then the givens substituted."""
    factored = expr.replace(lambda e: isinstance(e, sympy.Sum), _pull_constants_out)
    return factored.xreplace(givens)


def _pull_constants_out(total: Any) -> Any:
    """``Sum(c * f(i), (i, a, b))`` as ``c * Sum(f(i), (i, a, b))``, for c free of i."""
    constant, varying = total.function.as_independent(*total.variables, as_Add=False)
    return total if constant == 1 else constant * total.func(varying, *total.limits)


def _vanishes(expr: Any, assumptions: Any) -> bool:
    """Whether SymPy proves ``expr == 0``: by linearity or simplification, else by evaluation.

    Terms under sums, integrals and derivatives are compared operand by operand (simplifying a
    difference of integrals as a whole is slow and seldom succeeds); the rest is simplified.
    Evaluation (``doit``: finite sums, derivatives, integrals) comes last; integrals of unknown
    functions such as ``P(x)`` are left alone, as SymPy would search long for no closed form.
    """
    operands = _operands_by_operator(expr, _LINEAR_OPERATORS)
    if operands is None:
        if _simplifies_to_zero(expr, assumptions):
            return True
    elif all(_vanishes(operand, assumptions) for operand in operands):
        return True
    integrable = not any(i.function.has(AppliedUndef) for i in expr.atoms(sympy.Integral))
    try:
        evaluated = expr.doit(integrals=integrable)
    except NotImplementedError:  # SymPy cannot take the limit (a sum of symbolic length)
        return False
    return evaluated != expr and _vanishes(evaluated, assumptions)


def _nonnegative(expr: Any, lemma_gap: Any, assumptions: Any) -> bool:
    """Whether SymPy proves ``expr >= 0``, termwise under sums and integrals.

    A term passes if it simplifies to 0, if SymPy finds it nonnegative, or if it is a
    nonnegative multiple of the lemma's gap (which the lemma proves nonnegative).
    """
    operands = _operands_by_operator(expr, _MONOTONE_OPERATORS, ordered_limits=True)
    for operand in [expr] if operands is None else operands:
        if _simplifies_to_zero(operand, assumptions):
            continue
        if lemma_gap is not None:
            ratio = sympy.simplify(sympy.expand_log(operand) / sympy.expand_log(lemma_gap))
            if ratio.is_nonnegative:
                continue
        if sympy.simplify(operand).is_nonnegative is not True:
            return False
    return True


def _simplifies_to_zero(expr: Any, assumptions: Any) -> bool:
    candidate = sympy.expand_log(expr, deep=True, force=False)
    if assumptions is not True:
        candidate = sympy.refine(candidate, assumptions)
    return bool(sympy.simplify(candidate) == 0)


def _operands_by_operator(
    expr: Any, operators: tuple[type, ...], *, ordered_limits: bool = False
) -> list[Any] | None:
    """Split ``expr`` into terms ``c * Op(f)`` and gather them by operator and limits.

    Returns the combined operand ``c1 * f1 + c2 * f2 + ...`` of each operator, then the other
    terms: ``expr`` vanishes if each of them does, since the operators are linear; and is
    nonnegative if each of them is, for sums and integrals over limits that run upwards (with
    ``ordered_limits``, other terms are left with the rest). None when no term has an operator.
    """
    combined: dict[tuple[Any, ...], Any] = {}
    remainder = sympy.S.Zero
    for term in sympy.Add.make_args(sympy.expand_mul(expr, deep=False)):
        split = _split_operator_term(term, operators)
        if split is None or (ordered_limits and not _limits_run_upwards(split[1])):
            remainder += term
            continue
        coefficient, operator = split
        operand, key = operator.args[0], (operator.func, *operator.args[1:])
        if isinstance(operator, sympy.Sum) and len(operator.limits) > 1:
            # Σ_i Σ_j f, which SymPy writes as one sum over (j, i): compared as the sum over i
            # of the inner sum, so that it matches a term Σ_i g(i) · Σ_j h(i, j)
            operand = sympy.Sum(operand, *operator.limits[:-1])
            key = (sympy.Sum, operator.limits[-1])
        combined[key] = combined.get(key, sympy.S.Zero) + coefficient * operand
    if not combined:
        return None
    return [*combined.values(), remainder]


def _split_operator_term(term: Any, operators: tuple[type, ...]) -> tuple[Any, Any] | None:
    """``(c, Op(f))`` for a term ``c * Op(f)`` whose ``c`` is free of the operator's variables."""
    factors = sympy.Mul.make_args(term)
    found: list[Any] = [factor for factor in factors if isinstance(factor, operators)]
    if len(found) != 1:
        return None
    operator = found[0]
    coefficient = sympy.Mul(*(factor for factor in factors if factor is not operator))
    variables = (operator.args[1],) if isinstance(operator, sympy.Limit) else operator.variables
    bound_symbols = set().union(*(variable.free_symbols for variable in variables))
    if coefficient.free_symbols & bound_symbols:
        return None
    return coefficient, operator


def _limits_run_upwards(operator: Any) -> bool:
    """Whether every limit runs upwards (for a sum, upper = lower − 1 is the empty sum)."""
    empty = 1 if isinstance(operator, sympy.Sum) else 0
    return all(
        len(limit) == 3 and (limit[2] - limit[1] + empty).is_nonnegative is True
        for limit in operator.limits
    )


def follows_at_limit(before: Any, after: Any, givens: Mapping[Any, Any], assumptions: Any) -> bool:
    """Whether ``before = after`` by L'Hôpital's rule or by continuity, at a limit.

    L'Hôpital: ``before`` is lim f/g and ``after`` is lim f′/g′ (written as derivatives, or
    evaluated), at the same point, where f and g both vanish (the givens applied after
    substituting the point). Continuity: ``before`` is lim F and ``after`` is F at the point,
    where F's denominator is not 0 there and every logarithm and power in F has a positive
    argument or base (F is then continuous at the point, as a finite sum of continuous terms
    is). SymPy's own limits do not handle sums of symbolic length.
    """
    if not isinstance(before, sympy.Limit):
        return False
    function, variable, point = before.args[:3]
    numerator, denominator = sympy.fraction(sympy.together(function))

    def at_point(expr: Any) -> Any:
        return sympy.simplify(given(expr.subs(variable, point).doit(), givens))

    if isinstance(after, sympy.Limit):
        if after.args[1:] != before.args[1:]:
            return False
        if at_point(numerator) != 0 or at_point(denominator) != 0:
            return False
        quotient = sympy.diff(numerator, variable) / sympy.diff(denominator, variable)
        return _vanishes(after.args[0].doit() - quotient, assumptions)
    if function.has(sympy.Limit, sympy.Derivative) or at_point(denominator).is_zero is not False:
        return False
    arguments = [expr.args[0] for expr in function.atoms(sympy.log)] + [
        power.base for power in function.atoms(sympy.Pow) if not power.exp.is_integer
    ]  # a reciprocal is the denominator, checked above
    positive = all(argument.is_positive is True for argument in arguments)
    return positive and _vanishes(function.subs(variable, point) - after, assumptions)
