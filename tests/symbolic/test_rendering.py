"""Derivations read like a textbook: in LaTeX for the site and Jupyter, in text for a terminal."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import pytest
import sympy  # type: ignore[import-untyped]

from docsite.katex import KatexRenderer
from xent.symbolic import (
    Derivation,
    Step,
    binary_cross_entropy_reduction,
    derivations,
    gaussian_differential_entropy,
    kl_decomposition,
    to_latex,
    to_text,
)

if TYPE_CHECKING:
    from collections.abc import Iterator

NAMES = list(derivations())

# Everything the printers may emit; each is supported by KaTeX.
KATEX_COMMANDS = {
    r"\begin", r"\end", r"\text", r"\frac", r"\log", r"\ln", r"\sum", r"\int", r"\infty",
    r"\mathrm", r"\mathcal", r"\operatorname", r"\left", r"\right", r"\partial", r"\cdot",
    r"\le", r"\ge", r"\sigma", r"\mu", r"\pi", r"\hat", r"\|", r"\,",
    r"\mid", r"\alpha", r"\lim", r"\to",
}  # fmt: skip
SYMPY_ARTEFACTS = [r"\log{\left(", r"{\left(x \right)}", r"{P}_{i}", r"\frac{d}{d", r"\limits"]

KL_TEXT = """\
KL divergence is cross-entropy minus entropy
       D_KL(P‖Q)
   1.  = Σ_{i=1}^{n} P_i·log(P_i/Q_i)    [definition of the KL divergence]
   2.  = Σ_{i=1}^{n} (P_i·log(P_i) - P_i·log(Q_i))    [log of a quotient]
   3.  = Σ_{i=1}^{n} P_i·log(P_i) - Σ_{i=1}^{n} P_i·log(Q_i)    [linearity of the sum]
   4.  = H(P, Q) - H(P)    [definitions of cross-entropy and entropy]"""

KL_LATEX = r"""\begin{align*}
D_{\mathrm{KL}}(P \,\|\, Q) &= \sum_{i=1}^{n} P_{i} \log \left(\frac{P_{i}}{Q_{i}}\right) && \text{definition of the KL divergence} \\
&= \sum_{i=1}^{n} \left(P_{i} \log P_{i} - P_{i} \log Q_{i}\right) && \text{log of a quotient} \\
&= \sum_{i=1}^{n} P_{i} \log P_{i} - \sum_{i=1}^{n} P_{i} \log Q_{i} && \text{linearity of the sum} \\
&= H(P, Q) - H(P) && \text{definitions of cross-entropy and entropy}
\end{align*}"""  # noqa: E501


@pytest.fixture(scope="module")
def katex() -> Iterator[KatexRenderer]:
    with KatexRenderer() as renderer:
        yield renderer


def test_kl_decomposition_prints_as_numbered_steps_with_rules() -> None:
    assert str(kl_decomposition()) == KL_TEXT


def test_kl_decomposition_latex_is_the_textbook_align_block() -> None:
    assert kl_decomposition().latex() == KL_LATEX


def test_kl_latex_puts_the_weight_before_the_log_of_the_ratio() -> None:
    discrete, continuous = kl_decomposition().latex(), kl_decomposition(continuous=True).latex()
    assert r"P_{i} \log \left(\frac{P_{i}}{Q_{i}}\right)" in discrete
    assert r"P(x) \log \left(\frac{P(x)}{Q(x)}\right) \,\mathrm{d}x" in continuous
    assert r"\log \left(\frac{P(x)}{Q(x)}\right) P(x)" not in continuous


@pytest.mark.parametrize("name", NAMES)
def test_every_latex_is_one_align_block_with_one_annotated_line_per_step(name: str) -> None:
    derivation = derivations()[name]
    latex = derivation.latex()
    assert latex.startswith("\\begin{align*}\n")
    assert latex.endswith("\n\\end{align*}")
    assert latex.count(r"\begin{align*}") == latex.count(r"\end{align*}") == 1
    lines = latex.removeprefix("\\begin{align*}\n").removesuffix("\n\\end{align*}").split(" \\\\\n")
    assert len(lines) == len(derivation.steps)
    for line, step in zip(lines, derivation.steps, strict=True):
        assert line.count("&") == 3
        assert line.endswith(f"&& {step.rule_latex()}")


@pytest.mark.parametrize("name", NAMES)
def test_every_latex_is_free_of_sympy_canonical_artefacts(name: str) -> None:
    latex = derivations()[name].latex()
    for artefact in SYMPY_ARTEFACTS:
        assert artefact not in latex


@pytest.mark.parametrize("name", NAMES)
def test_every_latex_uses_only_commands_katex_supports(name: str) -> None:
    commands = set(re.findall(r"\\(?:[A-Za-z]+|[|,])", derivations()[name].latex()))
    assert commands <= KATEX_COMMANDS


@pytest.mark.parametrize("name", NAMES)
def test_every_latex_renders_with_katex_in_strict_mode(name: str, katex: KatexRenderer) -> None:
    derivation = derivations()[name]
    assert 'class="katex-display"' in katex.render(derivation.latex(), display=True)
    below = derivation.latex(rules="below")
    assert below.count("\\\\") == 2 * len(derivation.steps) - 1
    assert 'class="katex-display"' in katex.render(below, display=True)
    assert 'class="katex"' in katex.render(to_latex(derivation.result), display=False)


@pytest.mark.parametrize("name", NAMES)
def test_every_text_form_gives_the_title_and_every_rule(name: str) -> None:
    derivation = derivations()[name]
    text = str(derivation)
    lines = text.splitlines()
    assert lines[0] == derivation.title
    assert len(lines) == 2 + len(derivation.steps)
    for number, (line, step) in enumerate(zip(lines[2:], derivation.steps, strict=True), 1):
        assert line.startswith(f"  {number:>2}.  ")
        assert line.endswith(f"[{step.rule}]")


@pytest.mark.parametrize("name", NAMES)
def test_every_derivation_renders_in_jupyter_as_display_math(name: str) -> None:
    derivation = derivations()[name]
    assert derivation._repr_latex_() == f"$${derivation.latex()}$$"


def test_binary_cross_entropy_latex_puts_the_minus_signs_in_front() -> None:
    latex = binary_cross_entropy_reduction().latex()
    assert r"- y \log \hat{y} - \left(1 - y\right) \log \left(1 - \hat{y}\right)" in latex


def test_gaussian_entropy_latex_sets_the_half_before_the_log() -> None:
    last_line = gaussian_differential_entropy().latex().splitlines()[-2]
    assert last_line.startswith(r"&= \frac{1}{2} \log \left(2 \pi e \sigma^{2}\right) && ")


def test_results_print_as_equations_and_inequalities() -> None:
    texts = {name: to_text(derivation.result) for name, derivation in derivations().items()}
    assert texts["kl_decomposition"] == "D_KL(P‖Q) = H(P, Q) - H(P)"
    assert texts["gibbs_inequality"] == "D_KL(P‖Q) ≥ 0"
    assert texts["sigmoid_bce_gradient"] == "∂L/∂z = σ(z) - y"
    assert texts["softmax_cross_entropy_gradient"] == "∂L/∂z_k = softmax(z)_k - y_k"


def test_rule_characters_are_typeset_as_inline_math() -> None:
    step = Step(sympy.S.Zero, "ln t ≤ t − 1 at t = Qᵢ/Pᵢ > 0")
    expected = r"\text{ln t $\le$ t $-$ 1 at t = Q$_i$/P$_i$ $>$ 0}"
    assert step.rule_latex() == expected


def test_to_latex_writes_a_relation_with_both_sides_in_textbook_order() -> None:
    y, y_hat = sympy.symbols("y yhat", positive=True)
    loss = -y * sympy.log(y_hat) - (1 - y) * sympy.log(1 - y_hat)
    relation = sympy.Eq(sympy.Symbol("L"), loss)
    assert to_latex(relation) == (
        r"L = - y \log \hat{y} - \left(1 - y\right) \log \left(1 - \hat{y}\right)"
    )


def test_repr_names_the_title_and_the_number_of_steps() -> None:
    x = sympy.Symbol("x")
    derivation = Derivation("Nothing happens", x, [Step(x, "identity"), Step(x, "again")])
    assert repr(derivation) == "<Derivation 'Nothing happens': 2 steps>"
