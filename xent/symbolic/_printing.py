r"""Textbook printers: `to_latex` and `to_text` write SymPy expressions the way the site does.

The printers set sums and products in the order a textbook uses
(``P(x) \log(P(x)/Q(x))``, not SymPy's ``\log(P(x)/Q(x)) P(x)``) and only emit LaTeX that KaTeX
renders. The named quantities (``_notation``) print through them as they are written.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

import sympy  # type: ignore[import-untyped]
from sympy.printing.latex import LatexPrinter  # type: ignore[import-untyped]
from sympy.printing.precedence import PRECEDENCE  # type: ignore[import-untyped]
from sympy.printing.str import StrPrinter  # type: ignore[import-untyped]

from xent.symbolic._notation import Logarithm

_OPERATORS = (sympy.Sum, sympy.Integral, sympy.Derivative)
_TEXT_RELATIONS = {"==": "=", "<=": "≤", ">=": "≥", "!=": "≠"}
_GREEK = {"sigma": "σ", "mu": "μ", "pi": "π", "epsilon": "ε", "lambda": "λ", "yhat": "ŷ"}
_SUBSCRIPTS = str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉")


def to_latex(expr: Any) -> str:
    r"""LaTeX for ``expr`` in textbook order, using only commands KaTeX supports.

    Parameters
    ----------
    expr : sympy.Basic
        An expression or a relation.

    Returns
    -------
    str
        The LaTeX source (no surrounding ``$``).

    Examples
    --------
    >>> import sympy
    >>> x = sympy.Symbol("x", real=True)
    >>> P, Q = sympy.Function("P", positive=True), sympy.Function("Q", positive=True)
    >>> print(to_latex(P(x) * sympy.log(P(x) / Q(x))))
    P(x) \log \left(\frac{P(x)}{Q(x)}\right)
    >>> print(sympy.latex(P(x) * sympy.log(P(x) / Q(x))))
    P{\left(x \right)} \log{\left(\frac{P{\left(x \right)}}{Q{\left(x \right)}} \right)}
    """
    return str(_TextbookLatexPrinter().doprint(expr))


def to_text(expr: Any) -> str:
    """Plain text for ``expr`` in the same textbook order as `to_latex`.

    Examples
    --------
    >>> import sympy
    >>> y, yhat = sympy.symbols("y yhat", positive=True)
    >>> print(to_text(-y * sympy.log(yhat) - (1 - y) * sympy.log(1 - yhat)))
    -y·log(ŷ) - (1 - y)·log(1 - ŷ)
    """
    return str(_TextbookStrPrinter().doprint(expr))


def _is_negative(term: Any) -> bool:
    return bool(term.as_coeff_Mul()[0].is_negative)


def _sign_and_size(term: Any) -> tuple[bool, Any]:
    """Split a term of a sum into its sign and its size, the way a textbook would write it.

    SymPy stores ``-(1 - y) log(1 - yhat)`` as ``(y - 1) log(1 - yhat)``; a bracket with a
    negative constant is turned round so that the minus sign stands in front of the term.
    """
    if _is_negative(term):
        return True, -term
    brackets = [
        f for f in sympy.Mul.make_args(term) if f.is_Add and _is_negative(f.as_coeff_Add()[0])
    ]
    if len(brackets) == 1 and term.is_Mul:
        return True, term.func(*(-f if f is brackets[0] else f for f in term.args))
    return False, term


def _term_order(signed: tuple[bool, Any]) -> tuple[bool, bool, int]:
    """Positive terms first, constants last, shorter before longer within each."""
    negative, size = signed
    return negative, bool(size.is_number), int(sympy.count_ops(size))


def _is_whole(expr: Any) -> bool:
    """Whether ``expr`` has no denominator."""
    return bool(sympy.fraction(expr, exact=True)[1] == 1)


def _factor_rank(factor: Any) -> int:
    """Textbook order of factors: numbers, π, e, plain factors, brackets, logarithms, Σ ∫ ∂.

    So a weight precedes its logarithm (``P_i log P_i``, ``(1 - y) log(1 - yhat)``) and a
    coefficient its bracket (``P_i (Q_i/P_i - 1)``).
    """
    if factor.is_Number:
        return 0
    if factor in {sympy.pi, sympy.E}:
        return 1 if factor is sympy.pi else 2
    if factor.is_Add:
        return 4
    if isinstance(factor, (sympy.log, Logarithm)):
        return _LOG_RANK
    return 6 if isinstance(factor, _OPERATORS) else 3


_LOG_RANK = 5


class _ReadingOrder:
    """Sums and products in textbook order, shared by the LaTeX and the text printer.

    Terms: positive ones first (``H(P, Q) - H(P)``, ``1 - y``). Factors: as `_factor_rank`, so a
    weight precedes its logarithm. A rational coefficient is set before the rest
    (``1/2 log(2 pi e sigma^2)``), and a sum or integral after a fraction.
    """

    minus: ClassVar[str]  # a leading minus sign
    times: ClassVar[str]  # between factors
    times_after_log: ClassVar[str]  # after a logarithm, where juxtaposition reads as its argument
    parentheses: ClassVar[str]  # a format string with one {}

    if TYPE_CHECKING:

        def _print(self, expr: Any) -> str: ...

    def _fraction(self, numerator: Any, denominator: Any) -> str:
        raise NotImplementedError

    def _print_Add(self, expr: Any, order: Any = None) -> str:  # noqa: ARG002 (SymPy's signature)
        text = ""
        for negative, size in sorted(map(_sign_and_size, expr.as_ordered_terms()), key=_term_order):
            if negative:
                text += f" - {self._print(size)}" if text else f"{self.minus}{self._print(size)}"
            else:
                text += f" + {self._print(size)}" if text else self._print(size)
        return text

    def _print_Mul(self, expr: Any) -> str:
        if _is_negative(expr):
            positive = -expr
            text = self._print(positive)
            return self.minus + (self.parentheses.format(text) if positive.is_Add else text)
        coefficient, rest = expr.as_coeff_Mul()
        if coefficient.is_Rational and not coefficient.is_Integer and _is_whole(rest):
            fraction = self._fraction(sympy.Integer(coefficient.p), sympy.Integer(coefficient.q))
            return f"{fraction}{self.times}{self._print_factors(rest)}"
        numerator, denominator = sympy.fraction(expr, exact=True)
        if denominator == 1:
            return self._print_factors(expr)
        operators = [f for f in sympy.Mul.make_args(numerator) if isinstance(f, _OPERATORS)]
        if operators:
            trailing = sympy.Mul(*operators)
            leading = self._fraction(numerator / trailing, denominator)
            return f"{leading}{self.times}{self._print_factors(trailing)}"
        return self._fraction(numerator, denominator)

    def _print_factors(self, expr: Any) -> str:
        text = ""
        previous_rank = None
        for factor in sorted(sympy.Mul.make_args(expr), key=_factor_rank):
            if previous_rank is not None:
                text += self.times_after_log if previous_rank == _LOG_RANK else self.times
            printed = self._print(factor)
            text += self.parentheses.format(printed) if factor.is_Add else printed
            previous_rank = _factor_rank(factor)
        return text


class _TextbookLatexPrinter(_ReadingOrder, LatexPrinter):  # type: ignore[misc]
    r"""SymPy's LaTeX printer in textbook order, with ``P_{i}``, ``P(x)``, ``\log x``, ``dx``."""

    minus = "- "
    times = " "
    times_after_log = r" \cdot "
    parentheses = r"\left({}\right)"

    def _fraction(self, numerator: Any, denominator: Any) -> str:
        return rf"\frac{{{self._print(numerator)}}}{{{self._print(denominator)}}}"

    def _print_Indexed(self, expr: Any) -> str:
        indices = ", ".join(self._print(index) for index in expr.indices)
        return f"{self._print(expr.base)}_{{{indices}}}"

    def _print_AppliedUndef(self, expr: Any) -> str:
        arguments = ", ".join(self._print(argument) for argument in expr.args)
        return f"{self._deal_with_super_sub(expr.func.__name__)}({arguments})"

    def _print_log(self, expr: Any, exp: str | None = None) -> str:
        name = r"\log" if exp is None else rf"\log^{{{exp}}}"
        return f"{name} {self.parenthesize(expr.args[0], PRECEDENCE['Func'], strict=True)}"

    def _print_Sum(self, expr: Any) -> str:
        if len(expr.limits) == 1 or not all(len(limit) == 3 for limit in expr.limits):
            return str(super()._print_Sum(expr))
        signs = " ".join(
            rf"\sum_{{{self._print(v)}={self._print(a)}}}^{{{self._print(b)}}}"
            for v, a, b in reversed(expr.limits)
        )  # Σ_i Σ_j f: the outermost sum, the last limit, first
        return f"{signs} {self._operand(expr.function)}"

    def _print_Integral(self, expr: Any) -> str:
        if len(expr.limits) != 1 or len(expr.limits[0]) != 3:
            return str(super()._print_Integral(expr))
        variable, lower, upper = expr.limits[0]
        integrand = self._operand(expr.function)
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
        return rf"\frac{{\partial}}{{\partial {variable}}} {self._operand(expr.expr)}"

    def _operand(self, expr: Any) -> str:
        """``expr`` after an integral sign or a derivative, bracketed if it is a sum or negative."""
        text = self._print(expr)
        return self.parentheses.format(text) if expr.is_Add or _is_negative(expr) else text


class _TextbookStrPrinter(_ReadingOrder, StrPrinter):  # type: ignore[misc]
    """A one-line Unicode text printer in the same textbook order as the LaTeX one.

    Σ and ∫ with their limits, P_i, σ₁, x², ∞, and a middle dot between factors.
    """

    minus = "-"
    times = "·"
    times_after_log = "·"
    parentheses = "({})"

    def _print_Symbol(self, expr: Any) -> str:
        name: str = expr.name
        base, _, subscript = name.partition("_")
        if subscript.isdigit():
            subscript = subscript.translate(_SUBSCRIPTS)
        elif subscript:
            subscript = "_" + subscript
        return _GREEK.get(base, base) + subscript

    def _print(self, expr: Any, **kwargs: Any) -> str:
        if isinstance(expr, sympy.Indexed):  # before Indexed's own _sympystr, which prints P[i]
            indices = ",".join(self._print(index) for index in expr.indices)
            return f"{self._print(expr.base)}_{indices}"
        return str(super()._print(expr, **kwargs))

    def _print_AppliedUndef(self, expr: Any) -> str:
        name, _, subscript = expr.func.__name__.partition("_")
        name += subscript.translate(_SUBSCRIPTS) if subscript.isdigit() else ""
        return f"{name}({', '.join(self._print(argument) for argument in expr.args)})"

    def _print_Pi(self, expr: Any) -> str:  # noqa: ARG002
        return "π"

    def _print_Exp1(self, expr: Any) -> str:  # noqa: ARG002
        return "e"

    def _print_Pow(self, expr: Any, rational: bool = False) -> str:
        if expr.exp == 2:
            return str(self.parenthesize(expr.base, PRECEDENCE["Pow"], strict=False)) + "²"
        return str(super()._print_Pow(expr, rational)).replace("**", "^")

    def _print_Infinity(self, expr: Any) -> str:  # noqa: ARG002
        return "∞"

    def _print_NegativeInfinity(self, expr: Any) -> str:  # noqa: ARG002
        return "-∞"

    def _limits(self, sign: str, limits: tuple[Any, ...]) -> str:
        if len(limits) == 3:
            variable, lower, upper = limits
            low = (
                f"{self._print(variable)}={self._print(lower)}"
                if sign == "Σ"
                else self._print(lower)
            )
            return f"{sign}_{{{low}}}^{{{self._print(upper)}}}"
        return sign

    def _operand(self, expr: Any) -> str:
        text = self._print(expr)
        return self.parentheses.format(text) if expr.is_Add or _is_negative(expr) else text

    def _print_Sum(self, expr: Any) -> str:
        if not all(len(limit) == 3 for limit in expr.limits):
            return str(super()._print_Sum(expr))
        signs = " ".join(self._limits("Σ", limit) for limit in reversed(expr.limits))
        return f"{signs} {self._operand(expr.function)}"

    def _print_Integral(self, expr: Any) -> str:
        if len(expr.limits) != 1:
            return str(super()._print_Integral(expr))
        variable = self._print(expr.limits[0][0])
        return f"{self._limits('∫', expr.limits[0])} {self._operand(expr.function)} d{variable}"

    def _print_Derivative(self, expr: Any) -> str:
        variables = "".join(f"∂{self._print(variable)}" for variable in expr.variables)
        if expr.expr.is_Symbol:
            return f"∂{self._print(expr.expr)}/{variables}"
        return f"∂/{variables} {self._operand(expr.expr)}"

    def _print_Relational(self, expr: Any) -> str:
        symbol = _TEXT_RELATIONS.get(expr.rel_op, expr.rel_op)
        return f"{self._print(expr.lhs)} {symbol} {self._print(expr.rhs)}"

    def _fraction(self, numerator: Any, denominator: Any) -> str:
        top = self.parenthesize(numerator, PRECEDENCE["Mul"], strict=True)
        bottom = self.parenthesize(denominator, PRECEDENCE["Pow"], strict=False)
        return f"{top}/{bottom}"
