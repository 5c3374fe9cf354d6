"""distillation_loss: worked values, edge cases, properties and bad input.

Its accuracy against mpmath is in test_accuracy_bounds.py.
"""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

import xent

INF = math.inf

logit_rows = st.lists(
    st.floats(min_value=-30.0, max_value=30.0, allow_nan=False), min_size=2, max_size=6
)
temperatures = st.floats(min_value=0.1, max_value=20.0)


# --- worked values -------------------------------------------------------------------------------


def test_distillation_loss_at_temperature_one_is_the_kl_divergence_of_the_softmaxes() -> None:
    teacher, student = [2.0, 1.0, 0.1], [1.0, 1.0, 1.0]
    p = np.exp(teacher) / np.sum(np.exp(teacher))
    expected = float(np.sum(p * np.log(p * 3)))  # q is uniform over three classes
    assert math.isclose(xent.distillation_loss(student, teacher), expected, rel_tol=1e-14)


def test_distillation_loss_is_temperature_squared_times_the_softened_kl() -> None:
    teacher, student, temperature = [2.0, 1.0, 0.1], [0.5, 1.5, -1.0], 4.0
    p = np.exp(np.array(teacher) / 4) / np.sum(np.exp(np.array(teacher) / 4))
    q = np.exp(np.array(student) / 4) / np.sum(np.exp(np.array(student) / 4))
    expected = 16 * float(np.sum(p * np.log(p / q)))
    value = xent.distillation_loss(student, teacher, temperature=temperature)
    assert math.isclose(value, expected, rel_tol=1e-13)


def test_distillation_loss_in_bits_is_the_loss_in_nats_over_ln_2() -> None:
    nats = xent.distillation_loss([0.0, 1.0, 2.0], [2.0, 0.0, 1.0], temperature=2.0)
    bits = xent.distillation_loss([0.0, 1.0, 2.0], [2.0, 0.0, 1.0], temperature=2.0, base="bits")
    assert math.isclose(bits, nats / math.log(2), rel_tol=1e-15)


def test_distillation_loss_reductions_sum_and_average_over_rows() -> None:
    student = np.array([[0.0, 1.0, 2.0], [1.0, 0.0, 0.0]])
    teacher = np.array([[2.0, 0.0, 1.0], [0.0, 0.0, 3.0]])
    rows = xent.distillation_loss(student, teacher, temperature=2.0)
    assert rows.shape == (2,)
    total = xent.distillation_loss(student, teacher, temperature=2.0, reduction="sum")
    mean = xent.distillation_loss(student, teacher, temperature=2.0, reduction="mean")
    assert math.isclose(total, rows[0] + rows[1], rel_tol=1e-15)
    assert math.isclose(mean, (rows[0] + rows[1]) / 2, rel_tol=1e-15)


def test_distillation_loss_along_axis_zero_matches_the_transposed_rows() -> None:
    student = np.array([[0.0, 1.0, 2.0], [1.0, 0.0, 0.0]])
    teacher = np.array([[2.0, 0.0, 1.0], [0.0, 0.0, 3.0]])
    np.testing.assert_array_equal(
        xent.distillation_loss(student, teacher, axis=0),
        xent.distillation_loss(student.T, teacher.T),
    )


def test_float32_logits_give_a_float32_loss() -> None:
    student = np.array([[0, 1]], dtype=np.float32)
    teacher = np.array([[1, 0]], dtype=np.float32)
    value = np.asarray(xent.distillation_loss(student, teacher, temperature=2.0))
    assert value.dtype == np.float32


# --- edge cases ----------------------------------------------------------------------------------


def test_a_class_the_student_rules_out_and_the_teacher_does_not_costs_infinity() -> None:
    assert xent.distillation_loss([0.0, -INF], [0.0, 0.0]) == INF
    # even where the teacher's probability of that class underflows to zero
    assert xent.distillation_loss([0.0, -INF], [0.0, -2000.0]) == INF


def test_a_class_both_rule_out_contributes_nothing() -> None:
    assert xent.distillation_loss([0.0, 0.0, -INF], [0.0, 0.0, -INF]) == 0.0
    with_dead_class = xent.distillation_loss([0.0, 1.0, -INF], [1.0, 0.0, -INF])
    assert with_dead_class == xent.distillation_loss([0.0, 1.0], [1.0, 0.0])


def test_a_student_probability_that_underflows_gives_a_finite_loss() -> None:
    # q of the first class is e^−1350 (0 in float64); the exact loss is finite
    value = xent.distillation_loss([-700.0, 650.0], [0.0, 3.0])
    p = xent.softmax([0.0, 3.0])
    log_q = np.array([-1350.0, 0.0])
    reference = float(np.sum(p * (np.log(p) - log_q)))
    assert math.isclose(value, reference, rel_tol=1e-13)


def test_nan_logits_propagate() -> None:
    assert math.isnan(xent.distillation_loss([0.0, math.nan], [0.0, 1.0]))


# --- properties ----------------------------------------------------------------------------------


@given(logit_rows, temperatures)
def test_distillation_loss_is_zero_when_the_logits_are_equal(row: list[float], t: float) -> None:
    assert xent.distillation_loss(row, row, temperature=t) == 0.0


@given(logit_rows, st.data())
def test_distillation_loss_at_temperature_one_equals_kl_of_the_softmaxes(
    teacher: list[float], data: st.DataObject
) -> None:
    student = data.draw(
        st.lists(
            st.floats(min_value=-30.0, max_value=30.0, allow_nan=False),
            min_size=len(teacher),
            max_size=len(teacher),
        )
    )
    expected = xent.kl_divergence(xent.softmax(teacher), xent.softmax(student))
    value = xent.distillation_loss(student, teacher)
    assert value >= 0.0
    assert math.isclose(value, expected, rel_tol=1e-9, abs_tol=1e-300)


@given(logit_rows, temperatures, st.floats(min_value=-50.0, max_value=50.0))
def test_distillation_loss_ignores_a_constant_added_to_the_students_logits(
    row: list[float], t: float, shift: float
) -> None:
    teacher = row[::-1]
    value = xent.distillation_loss(row, teacher, temperature=t)
    shifted = xent.distillation_loss([v + shift for v in row], teacher, temperature=t)
    assert math.isclose(value, shifted, rel_tol=1e-6, abs_tol=1e-12)


# --- bad input -----------------------------------------------------------------------------------


@pytest.mark.parametrize("temperature", [0.0, -1.0, INF, math.nan])
def test_a_temperature_that_is_not_positive_and_finite_is_refused(temperature: float) -> None:
    with pytest.raises(ValueError, match="temperature must be a positive, finite number"):
        xent.distillation_loss([0.0, 1.0], [1.0, 0.0], temperature=temperature)


@pytest.mark.parametrize("temperature", ["2", None, True, 1j])
def test_a_temperature_that_is_not_a_real_number_is_refused(temperature: object) -> None:
    with pytest.raises(TypeError, match="temperature must be a real number"):
        xent.distillation_loss([0.0, 1.0], [1.0, 0.0], temperature=temperature)  # type: ignore[arg-type]


def test_logits_of_different_shapes_are_refused() -> None:
    with pytest.raises(ValueError, match="student_logits and teacher_logits must have the same"):
        xent.distillation_loss([0.0, 1.0, 2.0], [1.0, 0.0])
    with pytest.raises(ValueError, match="same shape"):
        xent.distillation_loss([[0.0, 1.0]], [0.0, 1.0])


def test_a_row_of_all_minus_infinity_is_refused_by_name() -> None:
    with pytest.raises(ValueError, match=r"teacher_logits row \[1\] is all -inf"):
        xent.distillation_loss([[0.0, 1.0], [0.0, 1.0]], [[0.0, 1.0], [-INF, -INF]])
    with pytest.raises(ValueError, match="student_logits is all -inf"):
        xent.distillation_loss([-INF, -INF], [0.0, 1.0])


def test_bad_axis_base_reduction_and_types_are_refused() -> None:
    with pytest.raises(ValueError, match="axis"):
        xent.distillation_loss([0.0, 1.0], [1.0, 0.0], axis=3)
    with pytest.raises(ValueError, match="base"):
        xent.distillation_loss([0.0, 1.0], [1.0, 0.0], base="furlongs")
    with pytest.raises(ValueError, match="reduction"):
        xent.distillation_loss([0.0, 1.0], [1.0, 0.0], reduction="batchmean")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="student_logits"):
        xent.distillation_loss(["a", "b"], [1.0, 0.0])
    with pytest.raises(ValueError, match="teacher_logits"):
        xent.distillation_loss([0.0, 1.0], [])
    with pytest.raises(ValueError, match="student_logits must have at least one dimension"):
        xent.distillation_loss(1.0, 1.0)
