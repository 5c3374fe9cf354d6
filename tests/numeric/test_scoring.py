"""Scoring rules and calibration: worked values, propriety, edge cases and bad input.

brier_score, spherical_score and focal_loss (xent/numeric/_scoring.py); calibration_bins,
expected_calibration_error and fit_temperature (xent/numeric/_calibration.py). Their
accuracy against mpmath is in test_accuracy_bounds.py, their agreement with scikit-learn in
test_agreement.py.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

import xent

INF = math.inf


# --- worked values -------------------------------------------------------------------------------


def test_brier_score_sums_over_classes() -> None:
    assert math.isclose(xent.brier_score([0.7, 0.2, 0.1], 0), 0.09 + 0.04 + 0.01, rel_tol=1e-15)
    assert xent.brier_score([1.0, 0.0], 0) == 0.0
    assert xent.brier_score([1.0, 0.0], 1) == 2.0
    np.testing.assert_allclose(
        xent.brier_score([[0.7, 0.3], [0.4, 0.6]], [0, 0]), [0.18, 0.72], rtol=1e-15
    )


def test_brier_score_of_a_probability_target_and_the_reductions() -> None:
    q = [[0.7, 0.3], [0.4, 0.6]]
    assert xent.brier_score(q, [[1, 0], [1, 0]], reduction="sum") == pytest.approx(0.9, abs=1e-15)
    assert xent.brier_score(q, [[1, 0], [1, 0]], reduction="mean") == pytest.approx(0.45, abs=1e-15)
    assert xent.brier_score([0.5, 0.5], [0.5, 0.5]) == 0.0


def test_brier_score_along_another_axis_is_the_transposed_call() -> None:
    q = np.array([[0.7, 0.4], [0.3, 0.6]])
    np.testing.assert_array_equal(
        xent.brier_score(q, [0, 1], axis=0), xent.brier_score(q.T, [0, 1])
    )


def test_spherical_score_is_the_probability_of_the_outcome_over_the_norm() -> None:
    q = [0.7, 0.2, 0.1]
    assert math.isclose(xent.spherical_score(q, 0), 0.7 / math.sqrt(0.54), rel_tol=1e-15)
    assert xent.spherical_score([1.0, 0.0], 0) == 1.0
    assert xent.spherical_score([1.0, 0.0], 1) == 0.0
    assert math.isclose(xent.spherical_score(q, q), math.sqrt(0.54), rel_tol=1e-15)


def test_focal_loss_with_gamma_zero_is_softmax_cross_entropy_bit_for_bit() -> None:
    z = np.random.default_rng(1).normal(size=(20, 5)) * 4
    y = np.arange(20) % 5
    soft = xent.softmax(np.random.default_rng(2).normal(size=(20, 5)))
    for target in (y, soft):
        for base in ("nats", "bits"):
            for reduction in ("none", "sum", "mean"):
                a = xent.focal_loss(z, target, gamma=0, base=base, reduction=reduction)
                b = xent.softmax_cross_entropy(z, target, base=base, reduction=reduction)
                np.testing.assert_array_equal(a, b, strict=True)


def test_focal_loss_is_the_cross_entropy_times_one_minus_q_to_the_gamma() -> None:
    z = [2.0, 1.0, 0.1]
    q = xent.softmax(z)
    for gamma in (0.5, 1.0, 2.0, 5.0):
        expected = -((1 - q[0]) ** gamma) * math.log(q[0])
        assert math.isclose(xent.focal_loss(z, 0, gamma=gamma), expected, rel_tol=1e-13)


def test_focal_loss_of_probability_rows_is_the_weighted_sum_over_classes() -> None:
    z = np.array([2.0, 1.0, 0.1])
    t = np.array([0.5, 0.25, 0.25])
    expected = sum(t[k] * xent.focal_loss(z, k, gamma=2) for k in range(3))
    assert math.isclose(xent.focal_loss(z, t, gamma=2), expected, rel_tol=1e-14)
    one_hot = xent.focal_loss(z, [0.0, 1.0, 0.0], gamma=2)
    assert one_hot == pytest.approx(xent.focal_loss(z, 1, gamma=2), rel=1e-15)


def test_focal_loss_in_bits_is_the_loss_in_nats_over_ln_two() -> None:
    nats = xent.focal_loss([2.0, 1.0, 0.1], 1, gamma=2)
    assert math.isclose(
        xent.focal_loss([2.0, 1.0, 0.1], 1, gamma=2, base="bits"), nats / math.log(2)
    )


def test_focal_loss_keeps_the_digits_of_a_near_certain_right_prediction() -> None:
    # ℓ = ln(1 + e^−50) ≈ e^−50, so the loss is about ℓ³ ≈ e^−150, not 0.
    loss = xent.focal_loss([50.0, 0.0], 0, gamma=2)
    assert math.isclose(loss, math.exp(-150), rel_tol=1e-12)


def test_focal_loss_at_infinite_logits() -> None:
    assert xent.focal_loss([INF, 0.0], 0, gamma=2) == 0.0
    assert xent.focal_loss([-INF, 0.0], 0, gamma=2) == INF
    assert xent.focal_loss([-INF, 0.0], 1, gamma=2) == 0.0
    assert xent.focal_loss([[-INF, 0.0]], [[0.0, 1.0]], gamma=2) == 0.0
    assert math.isnan(xent.focal_loss([math.nan, 0.0], 0, gamma=2))


# --- propriety, on a grid of reported forecasts --------------------------------------------------

GRID = np.linspace(0.001, 0.999, 999)  # q, the reported probability of the first outcome
TRUE_P = 0.7


def expected(score: Any) -> np.ndarray[Any, Any]:
    q = np.stack([GRID, 1 - GRID], axis=-1)
    zeros, ones = np.zeros(len(GRID), dtype=int), np.ones(len(GRID), dtype=int)
    return np.asarray(TRUE_P * score(q, zeros) + (1 - TRUE_P) * score(q, ones))


def test_the_brier_log_and_spherical_scores_are_best_at_the_true_probability() -> None:
    for best in (
        np.argmin(expected(xent.brier_score)),
        np.argmin(expected(lambda q, y: xent.softmax_cross_entropy(np.log(q), y))),
        np.argmax(expected(xent.spherical_score)),
    ):
        assert GRID[best] == pytest.approx(TRUE_P, abs=1e-12)


def test_the_focal_loss_is_best_at_a_less_extreme_forecast() -> None:
    logits = np.stack([np.log(GRID), np.log1p(-GRID)], axis=-1)
    for gamma in (1.0, 2.0):
        losses = expected(lambda _, y, g=gamma: xent.focal_loss(logits, y, gamma=g))
        best = GRID[np.argmin(losses)]
        assert 0.5 < best < TRUE_P - 0.05


# --- calibration ---------------------------------------------------------------------------------


def test_calibration_bins_are_half_open_on_the_left() -> None:
    table = xent.calibration_bins(
        [[0.6, 0.4], [0.8, 0.2], [0.8000001, 0.1999999]], [0, 0, 1], bins=5
    )
    np.testing.assert_array_equal(table.counts, [0, 0, 1, 1, 1])
    np.testing.assert_array_equal(table.edges, np.linspace(0, 1, 6))
    assert table.accuracy[4] == 0.0
    assert table.confidence[3] == 0.8


def test_ece_weights_each_bin_by_its_count() -> None:
    q = [[0.9, 0.1], [0.8, 0.2], [0.3, 0.7]]
    table = xent.calibration_bins(q, [0, 1, 1], bins=5)
    kept = table.counts > 0
    weighted = np.sum(
        table.counts[kept] / 3 * np.abs(table.accuracy[kept] - table.confidence[kept])
    )
    assert math.isclose(
        xent.expected_calibration_error(q, [0, 1, 1], bins=5), weighted, rel_tol=1e-15
    )


def test_ece_is_zero_for_a_calibrated_bin_and_depends_on_the_bins() -> None:
    q = [[0.75, 0.25]] * 4
    assert xent.expected_calibration_error(q, [0, 0, 0, 1]) == 0.0
    q2 = [[0.55, 0.45], [0.65, 0.35]]
    assert xent.expected_calibration_error(q2, [0, 1], bins=1) == pytest.approx(0.1, abs=1e-15)
    assert xent.expected_calibration_error(q2, [0, 1], bins=10) == pytest.approx(0.55, abs=1e-15)


def test_ece_of_a_nan_row_is_nan() -> None:
    assert math.isnan(xent.expected_calibration_error([[math.nan, math.nan], [0.5, 0.5]], [0, 1]))


def test_a_nan_row_makes_its_bin_nan_and_no_other() -> None:
    table = xent.calibration_bins([[math.nan, math.nan], [0.4, 0.6]], [0, 1], bins=4)
    np.testing.assert_array_equal(table.counts, [0, 0, 1, 1])
    assert table.confidence[2] == 0.6
    assert table.accuracy[2] == 1.0
    assert math.isnan(table.confidence[3])
    assert math.isnan(table.accuracy[3])


def test_nan_propagates_through_the_scores() -> None:
    assert math.isnan(xent.brier_score([math.nan, math.nan], 0))
    assert math.isnan(xent.spherical_score([math.nan, math.nan], 0))
    assert math.isnan(xent.focal_loss([math.nan, 0.0], [0.5, 0.5], gamma=2))


def test_fit_temperature_undoes_a_known_scaling() -> None:
    rng = np.random.default_rng(0)
    z = rng.normal(size=(4000, 4)) * 2
    y = np.array([rng.choice(4, p=row) for row in xent.softmax(z)])
    base = xent.fit_temperature(z, y)
    assert 0.9 < base < 1.1  # the logits are the true ones: T near 1
    assert math.isclose(xent.fit_temperature(3 * z, y), 3 * base, rel_tol=1e-12)


def test_fit_temperature_minimises_the_mean_nll() -> None:
    rng = np.random.default_rng(4)
    z = rng.normal(size=(300, 5)) * 4
    y = np.array([rng.choice(5, p=row) for row in xent.softmax(z / 4)])
    t = xent.fit_temperature(z, y)
    nll = [
        xent.softmax_cross_entropy(z / s, y, reduction="mean") for s in (t * 0.999, t, t * 1.001)
    ]
    assert nll[1] < nll[0]
    assert nll[1] < nll[2]


def test_temperature_scaling_changes_no_prediction() -> None:
    rng = np.random.default_rng(5)
    z = rng.normal(size=(50, 6))
    y = rng.integers(0, 6, 50)
    y[:10] = np.argmax(z[:10], axis=1)
    t = xent.fit_temperature(z, y)
    np.testing.assert_array_equal(np.argmax(z / t, axis=1), np.argmax(z, axis=1))


AGGREGATE_CALLS = [
    pytest.param(lambda z: xent.expected_calibration_error(xent.softmax(z), [0, 0, 0]), id="ece"),
    pytest.param(lambda z: xent.fit_temperature(z, [0, 0, 0]), id="fit_temperature"),
    pytest.param(
        lambda z: xent.calibration_bins(xent.softmax(z), [0, 0, 0], bins=4).confidence,
        id="calibration_bins",
    ),
]


@pytest.mark.parametrize("compute", AGGREGATE_CALLS)
@pytest.mark.parametrize("dtype", [np.float16, np.float32])
def test_an_aggregate_of_narrow_input_is_the_float64_result_rounded_once(
    compute: Any, dtype: Any
) -> None:
    narrow_logits = np.array([[2.0, 0.0], [0.0, 1.0], [3.0, 0.5]], dtype=dtype)
    narrow = compute(narrow_logits)
    wide = compute(narrow_logits.astype(np.float64))  # the same values, widened exactly
    if isinstance(narrow, np.ndarray):
        assert narrow.dtype == dtype
        np.testing.assert_array_equal(narrow, np.asarray(wide).astype(dtype))
    else:
        assert isinstance(narrow, float)
        assert narrow == float(dtype(wide))


# --- bad input -----------------------------------------------------------------------------------

BAD_CALLS = [
    pytest.param(
        lambda: xent.brier_score([0.7, 0.2], 0), ValueError, r"q must sum to 1", id="q sum"
    ),
    pytest.param(
        lambda: xent.brier_score([1.2, -0.2], 0),
        ValueError,
        r"q must hold probabilities",
        id="q range",
    ),
    pytest.param(
        lambda: xent.brier_score([0.5, 0.5], 2),
        ValueError,
        r"target = 2 is out of range for 2 classes",
        id="index",
    ),
    pytest.param(
        lambda: xent.brier_score([0.5, 0.5], 0.5),
        ValueError,
        r"integer class indices",
        id="float index",
    ),
    pytest.param(
        lambda: xent.brier_score([0.5, 0.5], [0.9, 0.2]),
        ValueError,
        r"target must sum to 1",
        id="target sum",
    ),
    pytest.param(
        lambda: xent.brier_score(0.5, 0), ValueError, r"q must be probability rows", id="scalar q"
    ),
    pytest.param(
        lambda: xent.brier_score([0.5, 0.5], 0, axis=1),
        ValueError,
        r"axis 1 is out of range",
        id="axis",
    ),
    pytest.param(
        lambda: xent.brier_score([0.5, 0.5], 0, reduction="avg"),  # type: ignore[arg-type]
        ValueError,
        r"reduction must be",
        id="reduction",
    ),
    pytest.param(
        lambda: xent.brier_score("ab", 0),
        TypeError,
        r"q must be an array of real numbers",
        id="string q",
    ),
    pytest.param(
        lambda: xent.spherical_score([0.5, 0.5], None),  # type: ignore[arg-type]
        TypeError,
        r"target must be class indices",
        id="None target",
    ),
    pytest.param(lambda: xent.spherical_score([], 0), ValueError, r"q is empty", id="empty"),
    pytest.param(
        lambda: xent.focal_loss([1.0, 0.0], 0, gamma=-1),
        ValueError,
        r"gamma must be a finite number >= 0",
        id="gamma negative",
    ),
    pytest.param(
        lambda: xent.focal_loss([1.0, 0.0], 0, gamma=math.nan),
        ValueError,
        r"gamma must be a finite number >= 0",
        id="gamma nan",
    ),
    pytest.param(
        lambda: xent.focal_loss([1.0, 0.0], 0, gamma=INF),
        ValueError,
        r"gamma must be a finite number >= 0",
        id="gamma inf",
    ),
    pytest.param(
        lambda: xent.focal_loss([1.0, 0.0], 0, gamma=True),
        TypeError,
        r"gamma must be a number, got bool",
        id="gamma bool",
    ),
    pytest.param(
        lambda: xent.focal_loss([1.0, 0.0], 0, gamma="2"),  # type: ignore[arg-type]
        TypeError,
        r"gamma must be a number, got str",
        id="gamma str",
    ),
    pytest.param(
        lambda: xent.focal_loss([1.0, 0.0], 3, gamma=2),
        ValueError,
        r"target = 3 is out of range",
        id="focal index",
    ),
    pytest.param(
        lambda: xent.focal_loss([-INF, -INF], 0, gamma=2),
        ValueError,
        r"all -inf|all −inf",
        id="focal no softmax",
    ),
    pytest.param(
        lambda: xent.focal_loss([1.0, 0.0], [0.5, 0.6], gamma=2),
        ValueError,
        r"target must sum to 1",
        id="focal target",
    ),
    pytest.param(
        lambda: xent.focal_loss([1.0, 0.0], 0, gamma=2, base=1),
        ValueError,
        r"base must be",
        id="focal base",
    ),
    pytest.param(
        lambda: xent.expected_calibration_error([[0.5, 0.5]], [0], bins=0),
        ValueError,
        r"bins must be at least 1",
        id="bins 0",
    ),
    pytest.param(
        lambda: xent.expected_calibration_error([[0.5, 0.5]], [0], bins=2.0),  # type: ignore[arg-type]
        TypeError,
        r"bins must be an integer",
        id="bins float",
    ),
    pytest.param(
        lambda: xent.expected_calibration_error([[0.5, 0.5]], [2]),
        ValueError,
        r"labels = 2 is out of range|labels\[0\] = 2 is out of range",
        id="label range",
    ),
    pytest.param(
        lambda: xent.expected_calibration_error([[0.5, 0.5]], [0.0]),
        TypeError,
        r"labels must be integer class indices",
        id="float labels",
    ),
    pytest.param(
        lambda: xent.expected_calibration_error([[0.5, 0.5]], [0, 1]),
        ValueError,
        r"labels holds class indices with shape \(2,\)",
        id="label shape",
    ),
    pytest.param(
        lambda: xent.calibration_bins([[0.5, 0.6]], [0]),
        ValueError,
        r"probabilities must sum to 1",
        id="bins rows",
    ),
    pytest.param(
        lambda: xent.calibration_bins([[0.5, 0.5]], None),  # type: ignore[arg-type]
        TypeError,
        r"labels must be class indices",
        id="bins labels",
    ),
    pytest.param(
        lambda: xent.fit_temperature([[1.0, INF]], [0]),
        ValueError,
        r"logits must be finite; logits\[0, 1\] = inf",
        id="inf logits",
    ),
    pytest.param(
        lambda: xent.fit_temperature([[2.0, 0.0], [0.0, 1.0]], [0, 1]),
        ValueError,
        r"no finite temperature",
        id="all right",
    ),
    pytest.param(
        lambda: xent.fit_temperature([[2.0, 0.0], [0.0, 1.0]], [1, 0]),
        ValueError,
        r"no temperature T > 0",
        id="worse than uniform",
    ),
    pytest.param(
        lambda: xent.fit_temperature([[2.0, 0.0]], [0.0]),
        TypeError,
        r"labels must be integer class indices",
        id="float labels T",
    ),
    pytest.param(
        lambda: xent.fit_temperature([[2.0, 0.0]], [5]),
        ValueError,
        r"out of range for 2 classes",
        id="label range T",
    ),
]


@pytest.mark.parametrize(("compute", "error", "message"), BAD_CALLS)
def test_bad_input_is_refused_by_name(compute: Any, error: type[Exception], message: str) -> None:
    with pytest.raises(error, match=message):
        compute()


# --- properties (Hypothesis) ---------------------------------------------------------------------


def rows(n: int) -> st.SearchStrategy[np.ndarray[Any, Any]]:
    """A probability row of length n, possibly with zeros."""
    raw = st.lists(st.floats(min_value=0.0, max_value=1.0), min_size=n, max_size=n)
    return raw.filter(lambda values: sum(values) > 1e-3).map(lambda v: np.array(v) / sum(v))


@st.composite
def forecast_and_outcome(draw: st.DrawFn) -> tuple[np.ndarray[Any, Any], int]:
    n = draw(st.integers(min_value=2, max_value=8))
    return draw(rows(n)), draw(st.integers(min_value=0, max_value=n - 1))


@st.composite
def truth_and_report(draw: st.DrawFn) -> tuple[np.ndarray[Any, Any], np.ndarray[Any, Any]]:
    n = draw(st.integers(min_value=2, max_value=8))
    return draw(rows(n)), draw(rows(n))


@given(forecast_and_outcome())
def test_brier_and_spherical_scores_stay_in_their_ranges(case: tuple[Any, int]) -> None:
    q, y = case
    assert 0.0 <= xent.brier_score(q, y) <= 2.0
    assert 0.0 <= xent.spherical_score(q, y) <= 1.0


@given(
    st.lists(st.floats(min_value=-50, max_value=50), min_size=2, max_size=8),
    st.integers(min_value=0, max_value=7),
    st.floats(min_value=0.0, max_value=5.0),
)
def test_focal_loss_is_at_most_the_cross_entropy_and_not_negative(
    logits: list[float], y: int, gamma: float
) -> None:
    assume(y < len(logits))
    focal = xent.focal_loss(logits, y, gamma=gamma)
    assert 0.0 <= focal <= xent.softmax_cross_entropy(logits, y)


@given(truth_and_report())
def test_no_report_beats_the_truth_in_expected_brier_or_spherical_score(
    pair: tuple[Any, Any],
) -> None:
    p, q = pair
    outcomes = np.arange(len(p))
    honest_brier = float(np.dot(p, xent.brier_score(np.tile(p, (len(p), 1)), outcomes)))
    other_brier = float(np.dot(p, xent.brier_score(np.tile(q, (len(p), 1)), outcomes)))
    assert honest_brier <= other_brier + 1e-12
    honest_sphere = float(np.dot(p, xent.spherical_score(np.tile(p, (len(p), 1)), outcomes)))
    other_sphere = float(np.dot(p, xent.spherical_score(np.tile(q, (len(p), 1)), outcomes)))
    assert honest_sphere >= other_sphere - 1e-12
