r"""Derivations that SymPy checks step by step and prints the way a textbook writes them.

A `Derivation` starts from an expression and rewrites it one `Step` at a time; every step
names the rule that justifies it. `Derivation.verify` proves each step from the one before with
SymPy, and `Derivation.latex` renders the chain as an ``align*`` block with the rules as
``\text{...}`` annotations. Inequality steps are backed by a `Lemma` that SymPy proves too
(`Lemma`); the SymPy checks themselves are in ``_checks``.

This module imports SymPy; ``import xent`` does not import it.
"""

from __future__ import annotations

import re
import string
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Literal

import sympy  # type: ignore[import-untyped]

from xent.symbolic._checks import follows, follows_at_limit, given, in_domain
from xent.symbolic._errors import DerivationError
from xent.symbolic._printing import to_latex, to_text

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

    from xent.symbolic._lemma import AppliedLemma


Relation = Literal["=", "<=", ">="]

_RELATION_LATEX: Mapping[str, str] = MappingProxyType({"=": "=", "<=": r"\le", ">=": r"\ge"})
_RELATION_TEXT: Mapping[str, str] = MappingProxyType({"=": "=", "<=": "≤", ">=": "≥"})
_RESULT_CLASS: Mapping[str, Any] = MappingProxyType({"=": sympy.Eq, "<=": sympy.Le, ">=": sympy.Ge})

# Rules are plain text. In LaTeX they go inside \text{...}, where KaTeX (strict) accepts ASCII
# only, so each of these characters is set as inline math; any other character is refused.
_RULE_MATH: Mapping[str, str] = MappingProxyType(
    {
        "<": "<",
        ">": ">",
        "≤": r"\le",
        "≥": r"\ge",
        "−": "-",
        "‖": r"\|",
        "·": r"\cdot",
        "′": "'",
        "²": "^2",
        "₁": "_1",
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
# Chinese rule text: CJK ideographs, CJK punctuation (、。) and full-width forms (，：（）).
_RULE_CJK = re.compile("[\u4e00-\u9fff\u3000-\u303f\uff00-\uffef]")

_MAX_UNFOLDING_ROUNDS = 20


@dataclass(frozen=True)
class Step:
    r"""One line of a derivation: a relation to the previous expression, and its rule.

    Parameters
    ----------
    expr : sympy.Expr
        The expression this step arrives at.
    rule : str
        What justifies the step, in words ("log of a quotient"). Letters, digits, common
        punctuation and a few mathematical characters (≤ ≥ − ‖ · ′ ² ₂ ᵢ ⱼ ₖ σ μ π ŷ Σ ∫);
        Chinese characters and full-width punctuation too ("商的对数，p > 0").
    relation : {"=", "<=", ">="}
        How the previous expression relates to ``expr``.
    bound : AppliedLemma, optional
        For an inequality, the lemma that bounds the gap between the two sides.

    Examples
    --------
    >>> import sympy
    >>> p, q = sympy.symbols("p q", positive=True)
    >>> step = Step(sympy.log(p) - sympy.log(q), "log of a quotient, p > 0 and q > 0")
    >>> print(step.rule_latex())
    \text{log of a quotient, p $>$ 0 and q $>$ 0}
    """

    expr: Any
    rule: str
    relation: Relation = "="
    bound: AppliedLemma | None = None

    def __post_init__(self) -> None:
        """Check the step: a SymPy expression, a typesettable rule, a known relation."""
        if not isinstance(self.expr, sympy.Expr):
            raise TypeError(f"expr must be a SymPy expression, got {type(self.expr).__name__}")
        if not isinstance(self.rule, str) or not self.rule.strip():
            raise ValueError("rule must be a non-empty string")
        refused = sorted(
            character
            for character in set(self.rule) - _RULE_TEXT - set(_RULE_MATH)
            if not _RULE_CJK.fullmatch(character)
        )
        if refused:
            raise ValueError(f"rule {self.rule!r} has characters that cannot be typeset: {refused}")
        if self.relation not in _RELATION_LATEX:
            raise ValueError(f"relation must be '=', '<=' or '>=', got {self.relation!r}")
        if self.bound is not None and self.relation == "=":
            raise ValueError("bound justifies an inequality; an '=' step cannot carry one")

    def rule_latex(self) -> str:
        r"""Return the rule as a ``\text{...}`` annotation, its mathematical characters as math."""
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
    r"""A chain ``start = e1 = e2 = ...`` (or with ≤, ≥) that SymPy can check step by step.

    Parameters
    ----------
    title : str
        What the derivation shows, as a sentence.
    start : sympy.Expr
        The expression the chain starts from: the left-hand side of `result`.
    steps : sequence of Step
        The steps in order. Inequalities must all point the same way.
    definitions : mapping, optional
        What the named quantities mean. An expression key (``H(P)``, ``L``) is replaced by its
        value; a function class key (``Sigmoid``, ``p``) is replaced by calling its value, a
        ``sympy.Lambda``, on the arguments.
    givens : sequence of sympy.Eq, optional
        Facts of the setting, such as ``Eq(Sum(P[i], (i, 1, n)), 1)`` or ``Eq(P(1), y)``. A step
        that does not follow on its own is checked again with every left-hand side replaced by
        its right-hand side (after constant factors are taken out of sums).
    assumptions : sympy.Boolean, optional
        Facts for ``sympy.refine`` beyond the symbols' own assumptions, such as
        ``Q.ge(k, 1) & Q.le(k, K)``.

    Attributes
    ----------
    result : sympy.Rel
        What the chain proves: ``start`` related to the last expression.

    Examples
    --------
    >>> import sympy
    >>> p, q = sympy.symbols("p q", positive=True)
    >>> d = Derivation(
    ...     "Log of a quotient", sympy.log(p / q), [Step(sympy.log(p) - sympy.log(q), "log rule")]
    ... )
    >>> d.verify()
    True
    >>> print(d)
    Log of a quotient
           log(p/q)
       1.  = log(p) - log(q)    [log rule]
    >>> print(d.latex())
    \begin{align*}
    \log \left(\frac{p}{q}\right) &= \log p - \log q && \text{log rule}
    \end{align*}
    >>> wrong = Step(sympy.log(p) + sympy.log(q), "log rule")
    >>> Derivation("Wrong", sympy.log(p / q), [wrong]).verify()
    Traceback (most recent call last):
    ...
    xent.symbolic.DerivationError: Wrong: step 1 (log rule) does not follow from the start:
    SymPy cannot reduce the difference of the two sides to 0
    """

    title: str
    start: Any
    steps: Sequence[Step]
    definitions: Mapping[Any, Any] = field(default_factory=dict)
    givens: Sequence[Any] = ()
    assumptions: Any = True

    def __post_init__(self) -> None:
        """Freeze the steps and definitions; refuse a chain that mixes ≤ and ≥."""
        if not self.steps:
            raise ValueError("steps must not be empty")
        if not all(isinstance(given, sympy.Eq) for given in self.givens):
            raise TypeError("givens must be SymPy equations (sympy.Eq)")
        object.__setattr__(self, "steps", tuple(self.steps))
        object.__setattr__(self, "givens", tuple(self.givens))
        object.__setattr__(self, "definitions", MappingProxyType(dict(self.definitions)))
        if len({step.relation for step in self.steps} - {"="}) > 1:
            raise ValueError("steps mix '<=' and '>=': such a chain proves nothing")

    @property
    def result(self) -> Any:
        """What the derivation proves: ``start`` related to the last step's expression."""
        inequalities = {step.relation for step in self.steps} - {"="}
        relation = inequalities.pop() if inequalities else "="
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
        givens = {given.lhs: given.rhs for given in self.givens}
        previous = _unfold(self.start, self.definitions)
        for number, step in enumerate(self.steps, start=1):
            current = _unfold(step.expr, self.definitions)
            try:
                _check_step(previous, current, step, givens, self.assumptions)
            except DerivationError as error:
                source = f"step {number - 1}" if number > 1 else "the start"
                message = f"{self.title}: step {number} ({step.rule}) does not follow from {source}"
                raise DerivationError(f"{message}: {error}", step=number, rule=step.rule) from error
            previous = current
        return True

    def latex(self, *, rules: Literal["right", "below"] = "right") -> str:
        r"""Render as one ``align*`` block: one line per step, each with its rule as ``\text``.

        Parameters
        ----------
        rules : {"right", "below"}, default "right"
            Where each step's rule goes: in a column on the right (the textbook layout, for
            wide screens and notebooks), or in small type on a line of its own under the
            step (for narrow columns such as a web page's).
        """
        lines = []
        for step in self.steps:
            expression = f"&{_RELATION_LATEX[step.relation]} {to_latex(step.expr)}"
            if rules == "right":
                lines.append(f"{expression} && {step.rule_latex()}")
            else:
                lines += [expression, f"&\\qquad {{\\small {step.rule_latex()}}}"]
        lines[0] = f"{to_latex(self.start)} {lines[0]}"
        body = " \\\\\n".join(lines)
        return f"\\begin{{align*}}\n{body}\n\\end{{align*}}"

    def _repr_latex_(self) -> str:
        return f"$${self.latex()}$$"

    def __str__(self) -> str:
        """Return the title, then each step with its number, relation and rule."""
        lines = [self.title, f"       {to_text(self.start)}"]
        for number, step in enumerate(self.steps, start=1):
            relation = _RELATION_TEXT[step.relation]
            lines.append(f"  {number:>2}.  {relation} {to_text(step.expr)}    [{step.rule}]")
        return "\n".join(lines)

    def __repr__(self) -> str:
        """Return a one-line summary: the title and the number of steps."""
        return f"<Derivation {self.title!r}: {len(self.steps)} steps>"


# Verification ------------------------------------------------------------------------------------


def _check_step(
    before: Any, after: Any, step: Step, givens: Mapping[Any, Any], assumptions: Any
) -> None:
    """Raise `DerivationError` (giving the reason) unless ``before <relation> after``."""
    if step.bound is not None:
        step.bound.lemma.prove()
        if not in_domain(step.bound.value, step.bound.lemma.variable):
            raise DerivationError(f"{step.bound.value} is outside the domain of the lemma")
    gap = None if step.bound is None else step.bound.gap
    if follows(before, after, step.relation, gap, assumptions):
        return
    if givens and follows(
        given(before, givens), given(after, givens), step.relation, gap, assumptions
    ):
        return
    if step.relation == "=" and follows_at_limit(before, after, givens, assumptions):
        return
    if step.relation == "=":
        raise DerivationError("SymPy cannot reduce the difference of the two sides to 0")
    larger = "left" if step.relation == ">=" else "right"
    raise DerivationError(f"SymPy cannot show that the {larger}-hand side is the larger")


def _unfold(expr: Any, definitions: Mapping[Any, Any]) -> Any:
    """Replace every defined name by its meaning, until none is left."""
    for _ in range(_MAX_UNFOLDING_ROUNDS):
        unfolded = expr
        for name, meaning in definitions.items():
            if isinstance(name, type):
                unfolded = unfolded.replace(name, meaning)
            else:
                unfolded = unfolded.xreplace({name: meaning})
        if unfolded == expr:
            return expr
        expr = unfolded
    raise DerivationError("the definitions keep unfolding: one of them refers to itself")
