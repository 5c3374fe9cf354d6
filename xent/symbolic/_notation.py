"""Named quantities of the symbolic side: SymPy functions that stay as the site writes them.

The named quantities (``H(P)``, ``D_KL(P‖Q)``, ``σ(z)``, ...) are SymPy functions that never
evaluate: they stand for their definition, which each derivation states, and print as the site
writes them, in LaTeX and in text (through `to_latex` and `to_text`).
"""

from __future__ import annotations

from typing import Any, ClassVar

import sympy  # type: ignore[import-untyped]
from sympy.printing.precedence import PRECEDENCE  # type: ignore[import-untyped]


class _Notation(sympy.Function):  # type: ignore[misc]
    """A quantity that stays as written; its meaning comes from a derivation's definitions."""

    latex_form: ClassVar[str]
    text_form: ClassVar[str]

    def _latex(self, printer: Any) -> str:
        return self.latex_form.format(*(printer.doprint(argument) for argument in self.args))

    def _sympystr(self, printer: Any) -> str:
        return self.text_form.format(*(printer.doprint(argument) for argument in self.args))


class Entropy(_Notation):
    """``H(P)``, the entropy of a distribution.

    Examples
    --------
    >>> import sympy
    >>> from xent.symbolic import to_latex, to_text
    >>> P = sympy.Symbol("P")
    >>> print(to_latex(Entropy(P)), to_text(Entropy(P)), sep="    ")
    H(P)    H(P)
    """

    nargs = 1
    latex_form = "H({})"
    text_form = "H({})"


class CrossEntropy(_Notation):
    r"""``H(P, Q)``, the cross-entropy of the model ``Q`` relative to the truth ``P``.

    Examples
    --------
    >>> import sympy
    >>> from xent.symbolic import to_latex, to_text
    >>> P, Q = sympy.symbols("P Q")
    >>> print(to_latex(CrossEntropy(P, Q)), to_text(CrossEntropy(P, Q)), sep="    ")
    H(P, Q)    H(P, Q)
    """

    nargs = 2
    latex_form = "H({}, {})"
    text_form = "H({}, {})"


class KLDivergence(_Notation):
    r"""``D_KL(P‖Q)``, the Kullback-Leibler divergence of ``Q`` from ``P``.

    Examples
    --------
    >>> import sympy
    >>> from xent.symbolic import to_latex, to_text
    >>> P, Q = sympy.symbols("P Q")
    >>> print(to_latex(KLDivergence(P, Q)), to_text(KLDivergence(P, Q)), sep="    ")
    D_{\mathrm{KL}}(P \,\|\, Q)    D_KL(P‖Q)
    """

    nargs = 2
    latex_form = r"D_{{\mathrm{{KL}}}}({} \,\|\, {})"
    text_form = "D_KL({}‖{})"


class DifferentialEntropy(_Notation):
    r"""``h(P)``, the differential entropy of a density.

    Examples
    --------
    >>> import sympy
    >>> from xent.symbolic import to_latex, to_text
    >>> P = sympy.Symbol("P")
    >>> print(to_latex(DifferentialEntropy(P)), to_text(DifferentialEntropy(P)), sep="    ")
    h(P)    h(P)
    """

    nargs = 1
    latex_form = "h({})"
    text_form = "h({})"


class Normal(_Notation):
    r"""``N(μ, σ²)``, the normal distribution with mean μ and variance σ².

    Examples
    --------
    >>> import sympy
    >>> from xent.symbolic import to_latex, to_text
    >>> mu, sigma = sympy.symbols("mu sigma")
    >>> print(to_latex(Normal(mu, sigma**2)), to_text(Normal(mu, sigma**2)), sep="    ")
    \mathcal{N}(\mu, \sigma^{2})    N(μ, σ²)
    """

    nargs = 2
    latex_form = r"\mathcal{{N}}({}, {})"
    text_form = "N({}, {})"


class SelfInformation(_Notation):
    r"""``I(p)``, the information content of an event of probability ``p``.

    Examples
    --------
    >>> import sympy
    >>> from xent.symbolic import to_latex, to_text
    >>> p = sympy.Symbol("p")
    >>> print(to_latex(SelfInformation(p)), to_text(SelfInformation(p)), sep="    ")
    I(p)    I(p)
    """

    nargs = 1
    latex_form = "I({})"
    text_form = "I({})"


class Sigmoid(_Notation):
    r"""``σ(z)``, the logistic sigmoid.

    Examples
    --------
    >>> import sympy
    >>> from xent.symbolic import to_latex, to_text
    >>> z = sympy.Symbol("z")
    >>> print(to_latex(Sigmoid(z)), to_text(Sigmoid(z)), sep="    ")
    \sigma(z)    σ(z)
    """

    nargs = 1
    latex_form = r"\sigma({})"
    text_form = "σ({})"


class Softmax(_Notation):
    r"""``softmax(z)_k``, component ``k`` of the softmax of the logits ``z``.

    Examples
    --------
    >>> import sympy
    >>> from xent.symbolic import to_latex, to_text
    >>> z, k = sympy.symbols("z k")
    >>> print(to_latex(Softmax(z, k)), to_text(Softmax(z, k)), sep="    ")
    \operatorname{softmax}(z)_{k}    softmax(z)_k
    """

    nargs = 2
    latex_form = r"\operatorname{{softmax}}({})_{{{}}}"
    text_form = "softmax({})_{}"


class Logarithm(_Notation):
    r"""The logarithm of ``x`` to base ``b`` as written: ``\log_{2} x``, and ``\ln x`` for base e.

    SymPy's own ``log(x, 2)`` becomes ``log(x)/log(2)`` at once, which is the very identity a
    change-of-base derivation sets out to show.

    Examples
    --------
    >>> import sympy
    >>> from xent.symbolic import to_latex, to_text
    >>> p = sympy.Symbol("p", positive=True)
    >>> bits_minus_nats = Logarithm(p, 2) - Logarithm(p, sympy.E)
    >>> print(to_latex(bits_minus_nats), to_text(bits_minus_nats), sep="    ")
    \log_{2} p - \ln p    log(p, 2) - ln(p)
    """

    nargs = 2

    def _latex(self, printer: Any) -> str:
        argument, base = self.args
        name = r"\ln" if base == sympy.E else rf"\log_{{{printer.doprint(base)}}}"
        return f"{name} {printer.parenthesize(argument, PRECEDENCE['Func'], strict=True)}"

    def _sympystr(self, printer: Any) -> str:
        argument, base = self.args
        if base == sympy.E:
            return f"ln({printer.doprint(argument)})"
        return f"log({printer.doprint(argument)}, {printer.doprint(base)})"


class JointEntropy(_Notation):
    """``H(X, Y)``, the joint entropy of two variables (a cross-entropy's letters, another meaning).

    Examples
    --------
    >>> import sympy
    >>> from xent.symbolic import to_latex, to_text
    >>> X, Y = sympy.symbols("X Y")
    >>> print(to_latex(JointEntropy(X, Y)), to_text(JointEntropy(X, Y)), sep="    ")
    H(X, Y)    H(X, Y)
    """

    nargs = 2
    latex_form = "H({}, {})"
    text_form = "H({}, {})"


class EntropyGiven(_Notation):
    r"""``H(Y | X)``, the entropy of the first variable given the second.

    Examples
    --------
    >>> import sympy
    >>> from xent.symbolic import to_latex, to_text
    >>> X, Y = sympy.symbols("X Y")
    >>> print(to_latex(EntropyGiven(Y, X)), to_text(EntropyGiven(Y, X)), sep="    ")
    H(Y \mid X)    H(Y | X)
    """

    nargs = 2
    latex_form = r"H({} \mid {})"
    text_form = "H({} | {})"


class MutualInformation(_Notation):
    """``I(X; Y)``, the mutual information of two variables.

    Examples
    --------
    >>> import sympy
    >>> from xent.symbolic import to_latex, to_text
    >>> X, Y = sympy.symbols("X Y")
    >>> print(to_latex(MutualInformation(X, Y)), to_text(MutualInformation(X, Y)), sep="    ")
    I(X; Y)    I(X; Y)
    """

    nargs = 2
    latex_form = "I({}; {})"
    text_form = "I({}; {})"


class SumOverXY(_Notation):
    r"""``Σ_{x, y} f(x, y)``, a sum over every cell of a joint table of X and Y.

    Examples
    --------
    >>> import sympy
    >>> from xent.symbolic import to_latex, to_text
    >>> cell = sympy.Function("P")(*sympy.symbols("x y"))
    >>> print(to_latex(SumOverXY(cell)), to_text(SumOverXY(cell)), sep="    ")
    \sum_{x, y} P(x, y)    Σ_{x,y} P(x, y)
    """

    nargs = 1
    latex_form = r"\sum_{{x, y}} {}"
    text_form = "Σ_{{x,y}} {}"


class RenyiEntropy(_Notation):
    r"""``H_α(P)``, the Rényi entropy of order α of a distribution.

    Examples
    --------
    >>> import sympy
    >>> from xent.symbolic import to_latex, to_text
    >>> P, alpha = sympy.symbols("P alpha")
    >>> print(to_latex(RenyiEntropy(P, alpha)), to_text(RenyiEntropy(P, alpha)), sep="    ")
    H_{\alpha}(P)    H_alpha(P)
    """

    nargs = 2
    latex_form = "H_{{{1}}}({0})"
    text_form = "H_{1}({0})"
