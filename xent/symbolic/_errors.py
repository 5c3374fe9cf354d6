"""The error of the symbolic side: a derivation, or a lemma, that SymPy cannot prove.

The bottom of the package: it imports nothing from xent.
"""


class DerivationError(ValueError):
    """A derivation that does not hold: a step that does not follow, or an unproved lemma.

    Attributes
    ----------
    step : int or None
        Number of the offending step (steps count from 1), or None when no step is at fault.
    rule : str or None
        The rule that step claims.

    Examples
    --------
    >>> import sympy
    >>> from xent.symbolic import Derivation, Step
    >>> p, q = sympy.symbols("p q", positive=True)
    >>> sign_error = Step(sympy.log(p) + sympy.log(q), "log of a quotient")
    >>> wrong = Derivation("A sign error", sympy.log(p / q), [sign_error])
    >>> try:
    ...     wrong.verify()
    ... except DerivationError as error:
    ...     print(f"step {error.step}: {error.rule}")
    step 1: log of a quotient
    """

    # Tracebacks name it where users import it from: xent.symbolic.DerivationError.
    __module__ = "xent.symbolic"

    def __init__(self, message: str, *, step: int | None = None, rule: str | None = None) -> None:
        super().__init__(message)
        self.step = step
        self.rule = rule
