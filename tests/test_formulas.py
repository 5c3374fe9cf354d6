"""The formula registry: every formula's check passes, and a wrong formula's check fails."""

import pytest
import sympy  # type: ignore[import-untyped]

import xent
from docsite.formulas import _defined, formulas, registry
from xent.symbolic_notation import Entropy


@pytest.mark.parametrize("formula", registry(), ids=lambda formula: formula.name)
def test_registered_formula_passes_its_check(formula: object) -> None:
    formula.check()  # type: ignore[attr-defined]


def test_formulas_are_checked_tex_by_name() -> None:
    tex = formulas(None)
    assert tex["kl_decomposition"] == r"D_{\mathrm{KL}}(P \,\|\, Q) = H(P, Q) - H(P)"
    assert tex["entropy"] == r"H(P) = - \sum_{i=1}^{n} P_{i} \log P_{i}"


def test_a_definition_that_disagrees_with_xent_numeric_fails() -> None:
    wrong = _defined(
        "entropy_with_cross_entropy", Entropy(sympy.Symbol("P")), xent.cross_entropy, "PQ"
    )
    with pytest.raises(ValueError, match=r"by SymPy, .* by xent\.numeric"):
        wrong.check()
