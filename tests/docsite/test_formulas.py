"""The formula registry: every formula's check passes, and a wrong formula's check fails."""

import importlib
import pkgutil
from pathlib import Path

import pytest
import sympy  # type: ignore[import-untyped]

import xent
from docsite import formulas as formulas_package
from docsite.formulas import formulas, registry
from docsite.formulas.kinds import agrees, defined, identity
from xent.symbolic import Entropy


@pytest.mark.parametrize("formula", registry(), ids=lambda formula: formula.name)
def test_registered_formula_passes_its_check(formula: object) -> None:
    formula.check()  # type: ignore[attr-defined]


def test_formulas_are_checked_tex_by_name() -> None:
    tex = formulas(None)
    assert tex["kl_decomposition"] == r"D_{\mathrm{KL}}(P \,\|\, Q) = H(P, Q) - H(P)"
    assert tex["entropy"] == r"H(P) = - \sum_{i=1}^{n} P_{i} \log P_{i}"


def test_a_definition_that_disagrees_with_xent_numeric_fails() -> None:
    wrong = defined(
        "entropy_with_cross_entropy", Entropy(sympy.Symbol("P")), xent.cross_entropy, "PQ"
    )
    with pytest.raises(ValueError, match=r"by SymPy, .* by xent\.numeric"):
        wrong.check()


def test_an_equation_that_disagrees_with_xent_at_a_point_fails() -> None:
    p = sympy.Symbol("p", positive=True)
    right = agrees(
        "bits",
        sympy.Eq(sympy.Symbol("I"), -sympy.log(p, 2)),
        lambda p: xent.self_information(p, base="bits"),
        [{"p": sympy.Rational(1, 8)}],
    )
    right.check()
    wrong = agrees(
        "nats_as_bits",
        sympy.Eq(sympy.Symbol("I"), -sympy.log(p)),
        lambda p: xent.self_information(p, base="bits"),
        [{"p": sympy.Rational(1, 8)}],
    )
    with pytest.raises(ValueError, match="nats_as_bits"):
        wrong.check()


def test_an_identity_sympy_cannot_prove_fails() -> None:
    x = sympy.Symbol("x", positive=True)
    identity("base", sympy.Eq(sympy.log(x, 2), sympy.log(x) / sympy.log(2), evaluate=False)).check()
    with pytest.raises(ValueError, match="simplifies to"):
        identity("wrong_base", sympy.Eq(sympy.log(x, 2), sympy.log(x) * sympy.log(2))).check()


PAGE_MODULES = [
    module.name
    for module in pkgutil.iter_modules(formulas_package.__path__)
    if module.name != "kinds"
]


@pytest.mark.parametrize("module", PAGE_MODULES)
def test_each_formula_module_is_named_after_a_page(module: str) -> None:
    page = Path(__file__).parents[2] / "docs" / f"{module.replace('_', '-')}.md"
    assert page.is_file(), f"docsite/formulas/{module}.py names no page"
    assert importlib.import_module(f"docsite.formulas.{module}").FORMULAS
