"""Formulas of the page on joint and mutual information (docs/mutual-information.md)."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

import numpy as np
import sympy  # type: ignore[import-untyped]

import xent
from docsite.formulas.kinds import Formula, R
from xent import symbolic
from xent.symbolic import (
    Entropy,
    EntropyGiven,
    JointEntropy,
    KLDivergence,
    MutualInformation,
    SumOverXY,
)

if TYPE_CHECKING:
    from collections.abc import Sequence

# Joint, conditional and mutual information of two discrete variables X and Y.
_X, _Y = sympy.symbols("X Y")
_x, _y = sympy.symbols("x y")
_Prob = sympy.Function("P")


_P_XY, _P_X, _P_Y = sympy.symbols("P_XY P_X P_Y")
_H_XY = JointEntropy(_X, _Y)
_H_X, _H_Y = Entropy(_X), Entropy(_Y)
_H_Y_GIVEN_X, _H_X_GIVEN_Y = EntropyGiven(_Y, _X), EntropyGiven(_X, _Y)
_I_XY = MutualInformation(_X, _Y)
_KL_JOINT = KLDivergence(_P_XY, _P_X * _P_Y)
_JOINT_CELL, _MARGINAL_X, _MARGINAL_Y = _Prob(_x, _y), _Prob(_x), _Prob(_y)

#: Exact joint tables (rows y, columns x) at which the relations are checked: Cover & Thomas's
#: Example 2.2.1, a table with dependence, and an independent one (mutual information 0).
TABLES = (
    (
        (R(1, 8), R(1, 16), R(1, 32), R(1, 32)),
        (R(1, 16), R(1, 8), R(1, 32), R(1, 32)),
        (R(1, 16), R(1, 16), R(1, 16), R(1, 16)),
        (R(1, 4), 0, 0, 0),
    ),
    ((R(1, 3), R(1, 6), 0), (R(1, 12), R(1, 4), R(1, 6))),
    ((R(1, 6), R(1, 3)), (R(1, 6), R(1, 3))),
)


def _conditional(rows: Sequence[Sequence[Any]]) -> Any:
    """Σ over rows of P(row) · H(row / P(row)), exactly: the entropy given the row variable."""
    total = sympy.S.Zero
    for row in rows:
        weight = sympy.Add(*row)
        if weight != 0:
            total += weight * symbolic.entropy([cell / weight for cell in row])
    return total


def _quantities(table: Sequence[Sequence[Any]]) -> dict[Any, Any]:
    """Every quantity of the page for one joint table, computed exactly, each on its own."""
    columns = [list(column) for column in zip(*table, strict=True)]  # one list per x
    cells = [cell for row in table for cell in row]
    p_x, p_y = [sympy.Add(*c) for c in columns], [sympy.Add(*r) for r in table]
    product = [px * py for py in p_y for px in p_x]
    return {
        _H_XY: symbolic.entropy(cells),
        _H_X: symbolic.entropy(p_x),
        _H_Y: symbolic.entropy(p_y),
        _H_Y_GIVEN_X: _conditional(columns),
        _H_X_GIVEN_Y: _conditional(table),
        _I_XY: symbolic.kl_divergence(cells, product),
        _KL_JOINT: symbolic.kl_divergence(cells, product),
    }


def _evaluate(expr: Any, table: Sequence[Sequence[Any]]) -> Any:
    """Evaluate ``expr`` exactly at ``table``: notation replaced, sums over cells expanded."""
    values = _quantities(table)
    p_x = [sympy.Add(*column) for column in zip(*table, strict=True)]
    p_y = [sympy.Add(*row) for row in table]

    def cell_sum(summand: Any) -> Any:
        terms = [
            summand.subs({_JOINT_CELL: cell, _MARGINAL_X: p_x[i], _MARGINAL_Y: p_y[j]})
            for j, row in enumerate(table)
            for i, cell in enumerate(row)
            if cell != 0  # 0 · log 0 = 0: an empty cell contributes nothing
        ]
        return sympy.Add(*terms)

    expanded = expr.replace(SumOverXY, cell_sum)
    return expanded.xreplace(values)


def _numeric_check(table: Sequence[Sequence[Any]]) -> None:
    """Check that the exact quantities agree with xent.numeric on the same table."""
    exact = _quantities(table)
    array = np.array([[float(cell) for cell in row] for row in table])
    numeric = {
        _H_XY: xent.entropy(array.ravel()),
        _H_X: xent.entropy(array.sum(axis=0)),
        _H_Y: xent.entropy(array.sum(axis=1)),
        _I_XY: xent.kl_divergence(
            array.ravel(), np.outer(array.sum(axis=1), array.sum(axis=0)).ravel()
        ),
    }
    for term, value in numeric.items():
        if not math.isclose(float(exact[term]), float(value), rel_tol=1e-12, abs_tol=1e-15):
            raise ValueError(f"{term}: {exact[term]} exactly, {value!r} by xent.numeric")


def tabulated(name: str, relation: Any) -> Formula:
    """Register a relation between the quantities of a joint table, checked at exact tables.

    Each side is evaluated exactly (notation replaced by its value, sums over cells expanded)
    at every table of `TABLES`; an equation must hold exactly (SymPy reduces the difference
    to 0), an inequality must hold at each table. The exact values are compared with
    `xent.numeric` first.
    """

    def check() -> None:
        for table in TABLES:
            _numeric_check(table)
            lhs, rhs = _evaluate(relation.lhs, table), _evaluate(relation.rhs, table)
            difference = sympy.simplify(sympy.expand_log(lhs - rhs, force=True))
            holds = {
                sympy.Eq: difference == 0,
                sympy.Le: float(difference) <= 1e-15,
                sympy.Ge: float(difference) >= -1e-15,
            }[type(relation)]
            if not holds:
                raise ValueError(f"formula {name}: fails at the table {table} ({lhs} vs {rhs})")

    return Formula(name, relation, check)


def _joint_sum(summand: Any) -> Any:
    return SumOverXY(summand)


FORMULAS: list[Formula] = [
    tabulated(
        "joint_entropy",
        sympy.Eq(_H_XY, -_joint_sum(_JOINT_CELL * sympy.log(_JOINT_CELL)), evaluate=False),
    ),
    tabulated(
        "conditional_entropy",
        sympy.Eq(
            _H_X_GIVEN_Y,
            -_joint_sum(_JOINT_CELL * sympy.log(_JOINT_CELL / _MARGINAL_Y)),
            evaluate=False,
        ),
    ),
    tabulated(
        "mutual_information",
        sympy.Eq(
            _I_XY,
            _joint_sum(_JOINT_CELL * sympy.log(_JOINT_CELL / (_MARGINAL_X * _MARGINAL_Y))),
            evaluate=False,
        ),
    ),
    tabulated("chain_rule", sympy.Eq(_H_XY, _H_X + _H_Y_GIVEN_X, evaluate=False)),
    tabulated("chain_rule_other_way", sympy.Eq(_H_XY, _H_Y + _H_X_GIVEN_Y, evaluate=False)),
    tabulated("mutual_information_as_kl", sympy.Eq(_I_XY, _KL_JOINT, evaluate=False)),
    tabulated(
        "mutual_information_from_conditional",
        sympy.Eq(_I_XY, _H_X - _H_X_GIVEN_Y, evaluate=False),
    ),
    tabulated(
        "mutual_information_symmetric",
        sympy.Eq(_I_XY, _H_Y - _H_Y_GIVEN_X, evaluate=False),
    ),
    tabulated(
        "mutual_information_from_joint",
        sympy.Eq(_I_XY, _H_X + _H_Y - _H_XY, evaluate=False),
    ),
    tabulated("conditioning_reduces_entropy", sympy.Le(_H_X_GIVEN_Y, _H_X)),
]
