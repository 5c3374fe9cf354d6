"""Derivations that SymPy checks step by step and prints the way a textbook writes them.

A `Derivation` starts from an expression and rewrites it one `Step` at a time; every step
names the rule that justifies it. `Derivation.verify` proves each step from the one before with
SymPy, and `Derivation.latex` renders the chain as an ``align*`` block with the rules as
``\\text{...}`` annotations. Inequality steps are backed by a `Lemma` that SymPy proves too.

This module imports SymPy; ``import xent`` does not import it.
"""

from __future__ import annotations

import string
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Literal

import sympy  # type: ignore[import-untyped]
from sympy.core.function import AppliedUndef  # type: ignore[import-untyped]
from sympy.printing.latex import LatexPrinter  # type: ignore[import-untyped]
from sympy.printing.precedence import PRECEDENCE  # type: ignore[import-untyped]
from sympy.printing.str import StrPrinter  # type: ignore[import-untyped]

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

__all__ = ["AppliedLemma", "Derivation", "DerivationError", "Lemma", "Logarithm", "Step"]

Relation = Literal["=", "<=", ">="]

_RELATION_LATEX: Mapping[str, str] = MappingProxyType({"=": "=", "<=": r"\le", ">=": r"\ge"})
_RELATION_TEXT: Mapping[str, str] = MappingProxyType({"=": "=", "<=": "≤", ">=": "≥"})
_RESULT_CLASS: Mapping[str, Any] = MappingProxyType(
    {"=": sympy.Eq, "<=": sympy.Le, ">=": sympy.Ge}
)

# Rules are plain text. In LaTeX they go inside \text{...}, where KaTeX (strict) accepts ASCII
# only, so each of these characters is set as inline math; any other character is refused.
_RULE_MATH: Mapping[str, str] = MappingProxyType(
    {
        "≤": r"\le",
        "≥": r"\ge",
        "−": "-",
        "‖": r"\|",
        "·": r"\cdot",
        "′": "'",
        "²": "^2",
        "₂": "_2",
        "ᵢ": "_i",
        "ⱼ": "_j",
        "ₖ": "_k",
        "σ": r"\sigma",
        "μ": r"\mu",
        "π": r"\pi",
        "ŷ": r"\hat{y}",
        "Σ": r"\sum",
        "∫": r"\int",
    }
)
_RULE_TEXT = frozenset(string.ascii_letters + string.digits + " ,.;:()'/+=-!?")

_LINEAR_OPERATORS = (sympy.Sum, sympy.Integral, sympy.Derivative)
_MONOTONE_OPERATORS = (sympy.Sum, sympy.Integral)
_MAX_UNFOLDING_ROUNDS = 20


class Logarithm(sympy.Function):  # type: ignore[misc]
    r"""The logarithm of ``x`` to base ``b``, kept as written: ``\log_{2} x``, or ``\ln x`` for e.

    SymPy's ``log(x, 2)`` turns into ``log(x)/log(2)`` at once, which is the very identity a
    change-of-base derivation sets out to show. `Derivation.verify` reads ``Logarithm(x, b)`` as
    ``log(x)/log(b)``.

    Examples
    --------
    >>> import sympy
    >>> p = sympy.Symbol("p", positive=True)
    >>> step = Step(sympy.log(p) / sympy.log(2), "change of base")
    >>> d = Derivation("Base-2 logarithm", Logarithm(p, 2), [step])
    >>> print(d.latex())
    \begin{align*}
    \log_{2} p &= \frac{\log p}{\log 2} && \text{change of base}
    \end{align*}
    >>> d.verify()
    True
    """

    nargs = 2

    def meaning(self) -> Any:
        """``log(x)/log(b)``, what the notation stands for."""
        argument, base = self.args
        return sympy.log(argument) / sympy.log(base)

    def _latex(self, printer: Any) -> str:
        argument, base = self.args
        name = r"\ln" if base == sympy.E else rf"\log_{{{printer.doprint(base)}}}"
        return f"{name} {printer.parenthesize(argument, PRECEDENCE['Func'], strict=True)}"

    def _sympystr(self, printer: Any) -> str:
        argument, base = self.args
        if base == sympy.E:
            return f"ln({printer.doprint(argument)})"
        return f"log({printer.doprint(argument)}, {printer.doprint(base)})"


class DerivationError(ValueError):
    """A derivation that does not hold: a step that does not follow, or an unproved lemma.

    Attributes
    ----------
    step : int or None
        Number of the offending step (steps count from 1), or None when no step is at fault.
    rule : str or None
        The rule that step claims.
    """

    def __init__(self, message: str, *, step: int | None = None, rule: str | None = None) -> None:
        super().__init__(message)
        self.step = step
        self.rule = rule


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
    xent.derivation.DerivationError: lemma ln t ≥ t − 1 is not proved: its second derivative is not nonnegative on the domain
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
            (_in_domain(point, t), "its minimum point lies outside the domain"),
            (sympy.simplify(self.gap.subs(t, point)) == 0, "it is not 0 at its minimum point"),
            (sympy.simplify(slope.subs(t, point)) == 0, "its slope is not 0 at its minimum point"),
            (
                sympy.simplify(sympy.diff(slope, t)).is_nonnegative is True,
                "its second derivative is not nonnegative on the domain",
            ),
        )
        for holds, failure in conditions:
            if not holds:
                raise DerivationError(f"lemma {self.statement} is not proved: {failure}")
        return True

    def at(self, value: Any) -> AppliedLemma:
        """The lemma with ``variable`` replaced by ``value``, for use in an inequality `Step`."""
        return AppliedLemma(self, sympy.sympify(value))


@dataclass(frozen=True)
class AppliedLemma:
    """A `Lemma` applied at a point: the justification of an inequality step.

    Build it with `Lemma.at`. The step's two sides must differ by a nonnegative multiple of
    `gap` (in the direction the step claims), summed or integrated.
    """

    lemma: Lemma
    value: Any

    @property
    def gap(self) -> Any:
        """The lemma's nonnegative quantity at `value`."""
        return self.lemma.gap.subs(self.lemma.variable, self.value)


@dataclass(frozen=True)
class Step:
    """One line of a derivation: a relation to the previous expression, and its rule.

    Parameters
    ----------
    expr : sympy.Expr
        The expression this step arrives at.
    rule : str
        What justifies the step, in words ("log of a quotient"). Letters, digits, common
        punctuation and a few mathematical characters (≤ ≥ − ‖ · ′ ² ₂ ᵢ ⱼ ₖ σ μ π ŷ Σ ∫).
    relation : {"=", "<=", ">="}
        How the previous expression relates to ``expr``.
    bound : AppliedLemma, optional
        For an inequality, the lemma that bounds the gap between the two sides.
    """

    expr: Any
    rule: str
    relation: Relation = "="
    bound: AppliedLemma | None = None

    def __post_init__(self) -> None:
        if not isinstance(self.expr, sympy.Expr):
            raise TypeError(f"expr must be a SymPy expression, got {type(self.expr).__name__}")
        if not isinstance(self.rule, str) or not self.rule.strip():
            raise ValueError("rule must be a non-empty string")
        refused = sorted(set(self.rule) - _RULE_TEXT - set(_RULE_MATH))
        if refused:
            raise ValueError(f"rule {self.rule!r} has characters that cannot be typeset: {refused}")
        if self.relation not in _RELATION_LATEX:
            raise ValueError(f"relation must be '=', '<=' or '>=', got {self.relation!r}")
        if self.bound is not None and self.relation == "=":
            raise ValueError("bound justifies an inequality; an '=' step cannot carry one")

    def rule_latex(self) -> str:
        r"""The rule as a ``\text{...}`` annotation (mathematical characters as inline math)."""
        pieces: list[str] = []
        for character in self.rule:
            math = _RULE_MATH.get(character)
            if math is None:
                pieces.append(character)
            elif pieces and pieces[-1].endswith("$"):
                pieces[-1] = f"{pieces[-1][:-1]} {math}$"
            else:
                pieces.append(f"${math}$")
        return r"\text{" + "".join(pieces) + "}"


@dataclass(frozen=True)
class Derivation:
    """A chain ``start = step 1 = step 2 ...`` (or with ≤, ≥) that SymPy can check.

    Parameters
    ----------
    title : str
        What the derivation shows, as a sentence.
    start : sympy.Expr
        The expression the chain starts from (the left-hand side of the result).
    steps : sequence of Step
        The steps in order; all inequalities must point the same way.
    definitions : mapping, optional
        What the named quantities mean, used by `verify`: an expression key (``H(P)``, or a
        given such as ``P(1)``) is replaced by its value; a function key (a SymPy function class)
        is replaced by calling its value (a ``sympy.Lambda``) on the arguments.
    assumptions : sympy.Boolean, optional
        Facts for ``sympy.refine`` beyond the symbols' own assumptions, e.g. ``1 ≤ k ≤ K``.

    Attributes
    ----------
    result : sympy.Rel
        ``start`` related to the last step: ``Eq``, ``Le`` or ``Ge``.
    """

    title: str
    start: Any
    steps: Sequence[Step]
    definitions: Mapping[Any, Any] = field(default_factory=dict)
    assumptions: Any = True

    def __post_init__(self) -> None:
        if not self.steps:
            raise ValueError("steps must not be empty")
        object.__setattr__(self, "steps", tuple(self.steps))
        object.__setattr__(self, "definitions", MappingProxyType(dict(self.definitions)))
        directions = {step.relation for step in self.steps} - {"="}
        if len(directions) > 1:
            raise ValueError("steps mix '<=' and '>=': such a chain proves nothing")

    @property
    def result(self) -> Any:
        """What the derivation proves: ``start`` related to the last step's expression."""
        relations = {step.relation for step in self.steps} - {"="}
        relation = relations.pop() if relations else "="
        return _RESULT_CLASS[relation](self.start, self.steps[-1].expr, evaluate=False)

    def verify(self) -> bool:
        """Prove every step from the previous one with SymPy.

        Returns
        -------
        bool
            True when every step follows.

        Raises
        ------
        DerivationError
            Naming the first step (its number and rule) that SymPy cannot prove.
        """
        previous = _unfold(self.start, self.definitions)
        for number, step in enumerate(self.steps, start=1):
            current = _unfold(step.expr, self.definitions)
            try:
                _check_step(previous, current, step, self.assumptions)
            except DerivationError as error:
                source = f"step {number - 1}" if number > 1 else "the start"
                message = f"{self.title}: step {number} ({step.rule}) does not follow from {source}"
                raise DerivationError(
                    f"{message}: {error}", step=number, rule=step.rule
                ) from error
            previous = current
        return True

    def latex(self) -> str:
        r"""The derivation as one ``align*`` block, one line per step, each rule as ``\text``."""
        printer = _TextbookLatexPrinter()
        lines = [
            f"&{_RELATION_LATEX[step.relation]} {printer.doprint(step.expr)} && {step.rule_latex()}"
            for step in self.steps
        ]
        lines[0] = f"{printer.doprint(self.start)} {lines[0]}"
        body = " \\\\\n".join(lines)
        return f"\\begin{{align*}}\n{body}\n\\end{{align*}}"

    def _repr_latex_(self) -> str:
        return f"$${self.latex()}$$"

    def __str__(self) -> str:
        printer = _TextbookStrPrinter()
        lines = [self.title, f"      {printer.doprint(self.start)}"]
        for number, step in enumerate(self.steps, start=1):
            relation = _RELATION_TEXT[step.relation]
            lines.append(f"{number:>3}.  {relation} {printer.doprint(step.expr)}    [{step.rule}]")
        return "\n".join(lines)

    def __repr__(self) -> str:
        return f"<Derivation {self.title!r}: {len(self.steps)} steps>"


# Verification ------------------------------------------------------------------------------------


def _check_step(before: Any, after: Any, step: Step, assumptions: Any) -> None:
    """Raise `DerivationError` (with the reason only) unless ``before <relation> after``."""
    if step.relation == "=":
        if not _vanishes(before - after, assumptions):
            raise DerivationError("SymPy cannot reduce the difference of the two sides to 0")
        return
    gap = before - after if step.relation == ">=" else after - before
    if step.bound is not None:
        step.bound.lemma.prove()
        if not _in_domain(step.bound.value, step.bound.lemma.variable):
            raise DerivationError(f"{step.bound.value} is outside the domain of the lemma")
    if not _nonnegative(gap, step.bound, assumptions):
        side = "left" if step.relation == ">=" else "right"
        raise DerivationError(f"SymPy cannot show that the {side}-hand side is the larger")


def _in_domain(value: Any, variable: Any) -> bool:
    """Whether ``value`` has every sign or reality assumption that ``variable`` has."""
    facts = ("real", "nonnegative", "positive")
    return all(getattr(value, f"is_{fact}") is True for fact in facts if getattr(variable, f"is_{fact}"))


def _unfold(expr: Any, definitions: Mapping[Any, Any]) -> Any:
    """Replace defined names by their meaning and pull constant factors out of sums."""
    for _ in range(_MAX_UNFOLDING_ROUNDS):
        unfolded = expr
        for name, meaning in definitions.items():
            if isinstance(name, type):
                unfolded = unfolded.replace(name, meaning)
            else:
                unfolded = unfolded.xreplace({name: meaning})
        unfolded = unfolded.replace(Logarithm, lambda *args: Logarithm(*args).meaning())
        unfolded = unfolded.replace(lambda e: isinstance(e, sympy.Sum), _pull_constants_out)
        if unfolded == expr:
            return expr
        expr = unfolded
    raise DerivationError("the definitions keep unfolding: one of them refers to itself")


def _pull_constants_out(total: Any) -> Any:
    """``Sum(c * f(i), (i, a, b))`` as ``c * Sum(f(i), (i, a, b))``, c free of i."""
    variables = total.variables
    constant, varying = total.function.as_independent(*variables, as_Add=False)
    return total if constant == 1 else constant * total.func(varying, *total.limits)


def _vanishes(expr: Any, assumptions: Any) -> bool:
    """Whether SymPy proves ``expr == 0``: by simplification, linearity, or evaluation."""
    if _simplifies_to_zero(expr, assumptions):
        return True
    operands = _operands_by_operator(expr, _LINEAR_OPERATORS)
    if operands is not None and all(_vanishes(operand, assumptions) for operand in operands):
        return True
    evaluated = expr.doit()
    return evaluated != expr and _vanishes(evaluated, assumptions)


def _nonnegative(expr: Any, bound: AppliedLemma | None, assumptions: Any) -> bool:
    """Whether SymPy proves ``expr >= 0``, termwise under sums and integrals."""
    operands = _operands_by_operator(expr, _MONOTONE_OPERATORS, ordered_limits=True)
    for operand in operands if operands is not None else [expr]:
        if _simplifies_to_zero(operand, assumptions):
            continue
        if bound is not None:
            ratio = sympy.simplify(sympy.expand_log(operand) / sympy.expand_log(bound.gap))
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
    """Split ``expr`` into ``c * Op(f)`` terms and gather them by operator and limits.

    Returns the combined operand ``sum(c * f)`` of each operator, then the remaining terms; ``expr``
    vanishes (is nonnegative) if each of them does, since every operator is linear (and, for sums
    and integrals over ordered limits, monotone). None when there is no such operator term.
    With ``ordered_limits``, an operator whose lower limit may exceed its upper one is left alone.
    """
    combined: dict[tuple[Any, ...], Any] = {}
    remainder = sympy.S.Zero
    for term in sympy.Add.make_args(sympy.expand_mul(expr, deep=False)):
        split = _split_operator_term(term, operators)
        if split is None or (ordered_limits and not _limits_are_ordered(split[1])):
            remainder += term
            continue
        coefficient, operator = split
        key = (operator.func, *operator.args[1:])
        combined[key] = combined.get(key, sympy.S.Zero) + coefficient * operator.args[0]
    if not combined:
        return None
    return [*combined.values(), remainder]


def _split_operator_term(term: Any, operators: tuple[type, ...]) -> tuple[Any, Any] | None:
    """``(c, Op(f))`` for a term ``c * Op(f)`` with ``c`` free of the operator's variables."""
    factors = sympy.Mul.make_args(term)
    found = [factor for factor in factors if isinstance(factor, operators)]
    if len(found) != 1:
        return None
    operator = found[0]
    coefficient = sympy.Mul(*(factor for factor in factors if factor is not operator))
    bound_symbols = set().union(*(variable.free_symbols for variable in operator.variables))
    if coefficient.free_symbols & bound_symbols:
        return None
    return coefficient, operator


def _limits_are_ordered(operator: Any) -> bool:
    """Whether every limit runs upwards (an empty sum, upper = lower − 1, counts as upwards)."""
    step = 1 if isinstance(operator, sympy.Sum) else 0
    return all(
        len(limit) == 3 and (limit[2] - limit[1] + step).is_nonnegative is True
        for limit in operator.limits
    )


# Rendering ---------------------------------------------------------------------------------------


def _is_negative(term: Any) -> bool:
    return bool(term.as_coeff_Mul()[0].is_negative)


def _factor_rank(factor: Any) -> int:
    """Textbook order of factors: numbers, π, e, the rest, logarithms, sums and integrals."""
    if factor.is_Number:
        return 0
    if factor in {sympy.pi, sympy.E}:
        return 1 if factor is sympy.pi else 2
    if isinstance(factor, _LINEAR_OPERATORS):
        return 5
    return 4 if isinstance(factor, (sympy.log, Logarithm)) else 3


class _ReadingOrder:
    """Printing of sums and products in textbook order, shared by the LaTeX and text printers.

    Terms: positive ones first (``H(P, Q) - H(P)``, ``1 - y``). Factors: as `_factor_rank`, so a
    weight precedes its logarithm (``P(x) log(P(x)/Q(x))``). A rational coefficient is set
    before the rest (``1/2 log(2 pi e sigma^2)``), and a sum or integral after a fraction.
    """

    if TYPE_CHECKING:

        def _print(self, expr: Any) -> str: ...

    def _minus(self, text: str, *, first: bool) -> str:
        raise NotImplementedError

    def _fraction(self, numerator: Any, denominator: Any) -> str:
        raise NotImplementedError

    def _product(self, factors: list[str]) -> str:
        raise NotImplementedError

    def _parenthesized(self, text: str) -> str:
        raise NotImplementedError

    def _print_Add(self, expr: Any, order: Any = None) -> str:  # noqa: ARG002 (SymPy's signature)
        pieces: list[str] = []
        for term in sorted(expr.as_ordered_terms(), key=_is_negative):
            if _is_negative(term):
                pieces.append(self._minus(self._print(-term), first=not pieces))
            else:
                pieces.append(f" + {self._print(term)}" if pieces else self._print(term))
        return "".join(pieces)

    def _print_Mul(self, expr: Any) -> str:
        if _is_negative(expr):
            positive = -expr
            text = self._parenthesized(self._print(positive)) if positive.is_Add else None
            return self._minus(text or self._print(positive), first=True)
        coefficient, rest = expr.as_coeff_Mul()
        if coefficient.is_Rational and not coefficient.is_Integer and _is_whole(rest):
            fraction = self._fraction(sympy.Integer(coefficient.p), sympy.Integer(coefficient.q))
            return f"{fraction}{self._product_separator}{self._print_factors(rest)}"
        numerator, denominator = sympy.fraction(expr, exact=True)
        if denominator == 1:
            return self._print_factors(expr)
        trailing = [f for f in sympy.Mul.make_args(numerator) if isinstance(f, _LINEAR_OPERATORS)]
        if trailing:
            leading = self._fraction(numerator / sympy.Mul(*trailing), denominator)
            return f"{leading}{self._product_separator}{self._print_factors(sympy.Mul(*trailing))}"
        return self._fraction(numerator, denominator)

    def _print_factors(self, expr: Any) -> str:
        text = ""
        previous_rank = None
        for factor in sorted(sympy.Mul.make_args(expr), key=_factor_rank):
            printed = self._print(factor)
            if factor.is_Add:
                printed = self._parenthesized(printed)
            if previous_rank is not None:
                after_log = previous_rank == _LOGARITHM_RANK
                text += self._log_separator if after_log else self._product_separator
            text += printed
            previous_rank = _factor_rank(factor)
        return text


def _is_whole(expr: Any) -> bool:
    """Whether ``expr`` has no denominator."""
    return bool(sympy.fraction(expr, exact=True)[1] == 1)


class _TextbookLatexPrinter(_ReadingOrder, LatexPrinter):  # type: ignore[misc]
    """SymPy's LaTeX printer with textbook order, ``P_{i}``, ``P(x)``, ``\\log x``, ``\\mathrm{d}x``."""

    def _minus(self, text: str, *, first: bool) -> str:
        return f"- {text}" if first else f" - {text}"

    def _fraction(self, numerator: Any, denominator: Any) -> str:
        return rf"\frac{{{self._print(numerator)}}}{{{self._print(denominator)}}}"

    def _product(self, factors: list[str]) -> str:
        return " ".join(factors)

    def _parenthesized(self, text: str) -> str:
        return rf"\left({text}\right)"

    def _print_Indexed(self, expr: Any) -> str:
        indices = ", ".join(self._print(index) for index in expr.indices)
        return f"{self._print(expr.base)}_{{{indices}}}"

    def _print_AppliedUndef(self, expr: Any) -> str:
        arguments = ", ".join(self._print(argument) for argument in expr.args)
        return f"{self._deal_with_super_sub(expr.func.__name__)}({arguments})"

    def _print_log(self, expr: Any, exp: str | None = None) -> str:
        name = r"\log" if exp is None else rf"\log^{{{exp}}}"
        return f"{name} {self.parenthesize(expr.args[0], PRECEDENCE['Func'], strict=True)}"

    def _print_Integral(self, expr: Any) -> str:
        if len(expr.limits) != 1 or len(expr.limits[0]) != 3:
            return str(super()._print_Integral(expr))
        variable, lower, upper = expr.limits[0]
        integrand = self.parenthesize(expr.function, PRECEDENCE["Mul"], strict=True)
        return (
            rf"\int_{{{self._print(lower)}}}^{{{self._print(upper)}}} {integrand}"
            rf" \,\mathrm{{d}}{self._print(variable)}"
        )

    def _print_Derivative(self, expr: Any) -> str:
        if len(expr.variable_count) != 1 or expr.variable_count[0][1] != 1:
            return str(super()._print_Derivative(expr))
        variable = self._print(expr.variables[0])
        if expr.expr.is_Symbol:
            return rf"\frac{{\partial {self._print(expr.expr)}}}{{\partial {variable}}}"
        body = self.parenthesize(expr.expr, PRECEDENCE["Mul"], strict=True)
        return rf"\frac{{\partial}}{{\partial {variable}}} {body}"


class _TextbookStrPrinter(_ReadingOrder, StrPrinter):  # type: ignore[misc]
    """SymPy's text printer with the same textbook order as the LaTeX one."""

    def _minus(self, text: str, *, first: bool) -> str:
        return f"-{text}" if first else f" - {text}"

    def _fraction(self, numerator: Any, denominator: Any) -> str:
        top = self.parenthesize(numerator, PRECEDENCE["Mul"], strict=False)
        bottom = self.parenthesize(denominator, PRECEDENCE["Pow"], strict=False)
        return f"{top}/{bottom}"

    def _product(self, factors: list[str]) -> str:
        return "*".join(factors)

    def _parenthesized(self, text: str) -> str:
        return f"({text})"
