"""Rényi entropy and the joint-table quantities: worked values, properties, edges, bad input.

renyi_entropy (xent/numeric/_renyi.py); conditional_entropy and mutual_information
(xent/numeric/_joint.py). Their accuracy against mpmath is in test_accuracy_bounds.py.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

import xent

INF = math.inf
DYADIC = [1 / 2, 1 / 4, 1 / 8, 1 / 8]
COVER_THOMAS = np.array(  # Cover and Thomas's Example 2.2.1, x along rows
    [
        [1 / 8, 1 / 16, 1 / 16, 1 / 4],
        [1 / 16, 1 / 8, 1 / 16, 0],
        [1 / 32, 1 / 32, 1 / 16, 0],
        [1 / 32, 1 / 32, 1 / 16, 0],
    ]
)


def distributions_of(size: int) -> st.SearchStrategy[np.ndarray[Any, Any]]:
    weights = st.lists(st.floats(0, 1), min_size=size, max_size=size).filter(lambda w: sum(w) > 0)
    return weights.map(lambda w: np.asarray(w) / sum(w))


# --- worked values -------------------------------------------------------------------------------


def test_renyi_entropy_of_the_dyadic_distribution_at_the_named_orders() -> None:
    assert xent.renyi_entropy(DYADIC, 0, base="bits") == 2.0
    assert xent.renyi_entropy(DYADIC, 1, base="bits") == 1.75
    assert math.isclose(
        xent.renyi_entropy(DYADIC, 2, base="bits"), -math.log2(22 / 64), rel_tol=1e-15
    )
    assert xent.renyi_entropy(DYADIC, INF, base="bits") == 1.0
    assert math.isclose(
        xent.renyi_entropy(DYADIC, 0.5), 2 * math.log(sum(math.sqrt(p) for p in DYADIC))
    )


def test_renyi_entropy_at_order_one_is_the_shannon_entropy_bit_for_bit() -> None:
    rows = np.random.default_rng(3).dirichlet(np.ones(7), 20)
    np.testing.assert_array_equal(xent.renyi_entropy(rows, 1.0), xent.entropy(rows))


def test_renyi_entropy_near_order_one_tends_to_the_shannon_entropy() -> None:
    p = [0.6, 0.3, 0.1]
    shannon = xent.entropy(p)
    for delta in (1e-6, 1e-10, 1e-14):
        for alpha in (1 - delta, 1 + delta):
            assert abs(xent.renyi_entropy(p, alpha) - shannon) < 2 * delta


def test_renyi_entropy_of_a_uniform_distribution_is_log_n_at_every_order() -> None:
    for alpha in (0, 0.3, 1, 2, 7.5, INF):
        assert math.isclose(xent.renyi_entropy([0.2] * 5, alpha), math.log(5), rel_tol=1e-15)


def test_renyi_entropy_of_order_zero_counts_only_the_support() -> None:
    assert xent.renyi_entropy([0.5, 0.0, 0.5, 0.0], 0, base="bits") == 1.0


def test_renyi_entropy_of_a_certain_outcome_is_zero_not_minus_zero() -> None:
    for alpha in (0, 0.5, 1, 2, 100, INF):
        value = xent.renyi_entropy([0.0, 1.0, 0.0], alpha)
        assert value == 0.0
        assert math.copysign(1, value) == 1


def test_renyi_entropy_of_large_order_with_tiny_sums_does_not_underflow() -> None:
    value = xent.renyi_entropy([0.01] * 100, 1000.0)
    assert math.isclose(value, math.log(100), rel_tol=1e-14)


def test_renyi_entropy_rows_along_another_axis_are_the_transposed_call() -> None:
    rows = np.random.default_rng(5).dirichlet(np.ones(4), 3)
    np.testing.assert_array_equal(
        xent.renyi_entropy(rows.T, 2.5, axis=0), xent.renyi_entropy(rows, 2.5)
    )


def test_renyi_entropy_float32_in_gives_float32_out() -> None:
    rows = np.random.default_rng(6).dirichlet(np.ones(4), 3).astype(np.float32)
    assert xent.renyi_entropy(rows, 2.0).dtype == np.float32


def test_renyi_entropy_propagates_nan_to_its_row() -> None:
    values = xent.renyi_entropy([[0.5, np.nan], [0.5, 0.5]], 2.0)
    assert math.isnan(values[0])
    assert math.isclose(values[1], math.log(2))


def test_conditional_entropy_and_mutual_information_of_cover_and_thomas() -> None:
    assert math.isclose(xent.conditional_entropy(COVER_THOMAS, base="bits"), 1.625, rel_tol=1e-15)
    assert math.isclose(xent.conditional_entropy(COVER_THOMAS.T, base="bits"), 1.375, rel_tol=1e-15)
    assert math.isclose(xent.mutual_information(COVER_THOMAS, base="bits"), 0.375, rel_tol=1e-14)


def test_an_independent_table_has_zero_mutual_information_and_full_conditional_entropy() -> None:
    table = np.outer([0.25, 0.75], [0.5, 0.5])
    assert xent.mutual_information(table) == 0.0
    assert math.isclose(xent.conditional_entropy(table), math.log(2), rel_tol=1e-15)


def test_a_table_whose_columns_are_a_function_of_the_rows_leaves_no_conditional_entropy() -> None:
    assert xent.conditional_entropy([[0.3, 0.0], [0.0, 0.7]]) == 0.0


def test_conditional_entropy_keeps_the_digits_of_a_row_close_to_certain() -> None:
    table = [[1 - 2.0**-40, 2.0**-40]]
    exact = -(1 - 2.0**-40) * math.log1p(-(2.0**-40)) + 2.0**-40 * 40 * math.log(2)
    assert math.isclose(xent.conditional_entropy(table), exact, rel_tol=1e-15)


def test_joint_quantities_propagate_nan() -> None:
    assert math.isnan(xent.conditional_entropy([[0.5, np.nan], [0.25, 0.25]]))
    assert math.isnan(xent.mutual_information([[0.5, np.nan], [0.25, 0.25]]))


# --- properties ----------------------------------------------------------------------------------


@given(distributions_of(5), st.floats(0, 50), st.floats(0, 50))
def test_renyi_entropy_does_not_increase_with_the_order(
    p: np.ndarray[Any, Any], a: float, b: float
) -> None:
    low, high = sorted((a, b))
    assert xent.renyi_entropy(p, high) <= xent.renyi_entropy(p, low) * (1 + 1e-12) + 1e-15


@given(distributions_of(5), st.floats(0, 50))
def test_renyi_entropy_lies_between_the_min_entropy_and_the_log_of_the_support(
    p: np.ndarray[Any, Any], alpha: float
) -> None:
    value = xent.renyi_entropy(p, alpha)
    assert value >= xent.renyi_entropy(p, INF) * (1 - 1e-12)
    assert value <= math.log(np.count_nonzero(p)) * (1 + 1e-12) + 1e-15


@given(distributions_of(6))
def test_chain_rule_and_mutual_information_agree_with_the_entropies(
    cells: np.ndarray[Any, Any],
) -> None:
    table = cells.reshape(2, 3)
    h_xy, h_x, h_y = (
        xent.entropy(cells),
        xent.entropy(table.sum(axis=1)),
        xent.entropy(table.sum(axis=0)),
    )
    assert math.isclose(h_x + xent.conditional_entropy(table), h_xy, rel_tol=1e-12, abs_tol=1e-14)
    assert math.isclose(
        xent.mutual_information(table), h_x + h_y - h_xy, rel_tol=1e-9, abs_tol=1e-12
    )
    assert xent.mutual_information(table) == pytest.approx(xent.mutual_information(table.T))
    assert xent.mutual_information(table) >= 0.0


# --- bad input -----------------------------------------------------------------------------------


@pytest.mark.parametrize("alpha", [-0.5, -INF, math.nan])
def test_renyi_entropy_refuses_a_negative_or_nan_order(alpha: float) -> None:
    with pytest.raises(ValueError, match="alpha must be a real number >= 0"):
        xent.renyi_entropy(DYADIC, alpha)


@pytest.mark.parametrize("alpha", [True, "2", None, [2.0]])
def test_renyi_entropy_refuses_an_order_that_is_not_a_real_number(alpha: Any) -> None:
    with pytest.raises(TypeError, match="alpha must be a real number"):
        xent.renyi_entropy(DYADIC, alpha)


def test_renyi_entropy_refuses_a_row_that_does_not_sum_to_one() -> None:
    with pytest.raises(ValueError, match="p must sum to 1"):
        xent.renyi_entropy([0.5, 0.6], 2.0)
    with pytest.raises(ValueError, match=r"p must hold probabilities in \[0, 1\]"):
        xent.renyi_entropy([1.5, -0.5], 2.0)


@pytest.mark.parametrize("function", [xent.conditional_entropy, xent.mutual_information])
def test_joint_quantities_refuse_a_table_that_does_not_sum_to_one(function: Any) -> None:
    with pytest.raises(ValueError, match="joint must sum to 1 over all its cells"):
        function([[0.5, 0.25], [0.25, 0.25]])


@pytest.mark.parametrize("function", [xent.conditional_entropy, xent.mutual_information])
@pytest.mark.parametrize("joint", [[0.5, 0.5], [[[0.5, 0.5]]], 1.0])
def test_joint_quantities_refuse_a_table_that_is_not_two_dimensional(
    function: Any, joint: Any
) -> None:
    with pytest.raises(ValueError, match="joint must be a 2-D table"):
        function(joint)


@pytest.mark.parametrize("function", [xent.conditional_entropy, xent.mutual_information])
def test_joint_quantities_refuse_cells_outside_the_unit_interval(function: Any) -> None:
    with pytest.raises(ValueError, match=r"joint must hold probabilities in \[0, 1\]"):
        function([[1.5, -0.5], [0.0, 0.0]])
    with pytest.raises(TypeError, match="joint must be an array of real numbers"):
        function("table")


# --- agreement -----------------------------------------------------------------------------------


def test_mutual_information_agrees_with_scikit_learn_on_a_contingency_table() -> None:
    metrics = pytest.importorskip("sklearn.metrics")
    counts = np.array([[30, 10, 10], [5, 15, 30]])
    expected = metrics.mutual_info_score(None, None, contingency=counts)
    assert math.isclose(xent.mutual_information(counts / counts.sum()), expected, rel_tol=1e-12)


def test_conditional_entropy_agrees_with_scipy_row_by_row() -> None:
    stats = pytest.importorskip("scipy.stats")
    table = np.array([[0.30, 0.10, 0.10], [0.05, 0.15, 0.30]])
    rows = table.sum(axis=1)
    expected = sum(w * stats.entropy(row / w, base=2) for w, row in zip(rows, table, strict=True))
    assert math.isclose(xent.conditional_entropy(table, base="bits"), expected, rel_tol=1e-12)
