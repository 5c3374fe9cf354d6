"""The numerical contract of `xent.numeric` (its module docstring), edge case by edge case.

Every test here runs under pytest's ``filterwarnings = error``, so an edge case that makes NumPy
print a RuntimeWarning (divide by zero, invalid value, overflow) fails even if the number is right.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any, SupportsFloat, cast

import numpy as np
import pytest

import xent

if TYPE_CHECKING:
    from collections.abc import Callable

    import numpy.typing as npt

INF = math.inf
NAN = math.nan
LN2 = math.log(2.0)
LN10 = math.log(10.0)


def as_float(x: object) -> float:
    return float(cast("SupportsFloat", x))


def as_array(x: object) -> npt.NDArray[np.floating]:
    return np.asarray(x)


def is_positive_zero(x: object) -> bool:
    value = as_float(x)
    return value == 0.0 and math.copysign(1.0, value) == 1.0


def assert_no_negative_zero(x: object) -> None:
    values = as_array(x)
    assert not np.any((values == 0) & np.signbit(values)), f"-0.0 in {values!r}"


# --- 0 · log 0 = 0 -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "compute",
    [
        pytest.param(lambda: xent.entropy([1.0, 0.0, 0.0]), id="entropy of one-hot first"),
        pytest.param(lambda: xent.entropy([0.0, 0.0, 1.0]), id="entropy of one-hot last"),
        pytest.param(lambda: xent.entropy([0.0, 1.0], base="bits"), id="entropy one-hot bits"),
        pytest.param(
            lambda: xent.cross_entropy([0.0, 1.0, 0.0], [0.0, 1.0, 0.0]),
            id="CE of matching one-hots",
        ),
        pytest.param(
            lambda: xent.kl_divergence([0.0, 1.0, 0.0], [0.0, 1.0, 0.0]),
            id="KL of matching one-hots",
        ),
        pytest.param(lambda: xent.binary_entropy(0.0), id="binary entropy at 0"),
        pytest.param(lambda: xent.binary_entropy(1.0), id="binary entropy at 1"),
        pytest.param(lambda: xent.binary_cross_entropy(0.0, 0.0), id="BCE y=0 p=0"),
        pytest.param(lambda: xent.binary_cross_entropy(1.0, 1.0), id="BCE y=1 p=1"),
        pytest.param(lambda: xent.binary_cross_entropy(0.0, logits=-INF), id="BCE y=0 logit -inf"),
        pytest.param(lambda: xent.binary_cross_entropy(1.0, logits=INF), id="BCE y=1 logit +inf"),
        pytest.param(
            lambda: xent.softmax_cross_entropy([0.0, -INF], [1.0, 0.0]),
            id="softmax CE zero target weight on -inf logit",
        ),
    ],
)
def test_zero_probability_outcomes_contribute_exactly_nothing(
    compute: Callable[[], object],
) -> None:
    assert is_positive_zero(compute())


def test_zero_entries_leave_entropy_of_the_rest_unchanged() -> None:
    assert math.isclose(as_float(xent.entropy([0.5, 0.0, 0.5, 0.0])), LN2, rel_tol=1e-15)
    assert math.isclose(
        as_float(xent.cross_entropy([0.5, 0.5, 0.0], [0.5, 0.5, 0.0])), LN2, rel_tol=1e-15
    )
    assert math.isclose(
        as_float(xent.cross_entropy([0.5, 0.5, 0.0], [0.25, 0.25, 0.5])),
        math.log(4.0),
        rel_tol=1e-15,
    )


def test_kl_ignores_outcomes_that_p_rules_out_even_when_q_rules_them_out_too() -> None:
    value = xent.kl_divergence([0.5, 0.0, 0.5], [0.25, 0.0, 0.75])
    expected = 0.5 * math.log(0.5 / 0.25) + 0.5 * math.log(0.5 / 0.75)
    assert math.isclose(as_float(value), expected, rel_tol=1e-14)


def test_js_divergence_of_disjoint_supports_is_ln_2_not_nan() -> None:
    assert math.isclose(as_float(xent.js_divergence([1.0, 0.0], [0.0, 1.0])), LN2, rel_tol=1e-15)
    assert math.isclose(
        as_float(xent.js_divergence([0.5, 0.5, 0.0, 0.0], [0.0, 0.0, 0.5, 0.5])), LN2, rel_tol=1e-15
    )


# --- p > 0 where q = 0 gives exactly +inf --------------------------------------------------------


@pytest.mark.parametrize(
    "compute",
    [
        pytest.param(lambda: xent.self_information(0.0), id="self-information of 0"),
        pytest.param(lambda: xent.cross_entropy([0.5, 0.5], [1.0, 0.0]), id="CE q=0 under p>0"),
        pytest.param(lambda: xent.kl_divergence([0.5, 0.5], [1.0, 0.0]), id="KL q=0 under p>0"),
        pytest.param(lambda: xent.kl_divergence([1e-300, 1.0], [0.0, 1.0]), id="KL tiny p, q=0"),
        pytest.param(lambda: xent.cross_entropy([0.5, 0.5], [1.0, 0.0], base="bits"), id="CE bits"),
        pytest.param(lambda: xent.kl_divergence([0.5, 0.5], [1.0, 0.0], base=10), id="KL base 10"),
        pytest.param(lambda: xent.binary_cross_entropy(1.0, 0.0), id="BCE y=1 p=0"),
        pytest.param(lambda: xent.binary_cross_entropy(0.0, 1.0), id="BCE y=0 p=1"),
        pytest.param(lambda: xent.binary_cross_entropy(0.5, 0.0), id="BCE soft y p=0"),
        pytest.param(lambda: xent.binary_cross_entropy(1.0, logits=-INF), id="BCE y=1 logit -inf"),
        pytest.param(lambda: xent.binary_cross_entropy(0.0, logits=INF), id="BCE y=0 logit +inf"),
        pytest.param(
            lambda: xent.binary_cross_entropy(0.5, logits=INF), id="BCE soft y logit +inf"
        ),
        pytest.param(
            lambda: xent.softmax_cross_entropy([-INF, 0.0], 0),
            id="softmax CE -inf logit true class",
        ),
        pytest.param(
            lambda: xent.softmax_cross_entropy([0.0, -INF], [0.5, 0.5]),
            id="softmax CE -inf logit under positive target weight",
        ),
        pytest.param(
            lambda: xent.softmax_cross_entropy([INF, 0.0, 0.0], 1),
            id="softmax CE +inf logit on another class",
        ),
        pytest.param(
            lambda: xent.softmax_cross_entropy([INF, 0.0, 0.0], 0, label_smoothing=0.1),
            id="label smoothing puts weight where softmax is 0",
        ),
        pytest.param(lambda: xent.perplexity([0.5, 0.5], [1.0, 0.0]), id="perplexity q=0"),
    ],
)
def test_impossible_outcomes_give_exactly_positive_infinity(compute: Callable[[], object]) -> None:
    assert as_float(compute()) == INF


def test_one_infinite_row_does_not_contaminate_the_others() -> None:
    p = np.array([[1.0, 0.0], [0.5, 0.5]])
    q = np.array([[0.0, 1.0], [0.5, 0.5]])
    assert as_array(xent.cross_entropy(p, q)).tolist() == [INF, LN2]
    assert as_array(xent.kl_divergence(p, q)).tolist() == [INF, 0.0]


# --- NaN propagates ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "compute",
    [
        pytest.param(lambda: xent.self_information(NAN), id="self-information"),
        pytest.param(lambda: xent.entropy([0.5, NAN, 0.5]), id="entropy"),
        pytest.param(lambda: xent.entropy([1.0, NAN]), id="entropy NaN beside a 1"),
        pytest.param(lambda: xent.cross_entropy([0.5, 0.5], [0.5, NAN]), id="CE NaN in q"),
        pytest.param(lambda: xent.cross_entropy([NAN, 0.5], [0.5, 0.5]), id="CE NaN in p"),
        pytest.param(lambda: xent.kl_divergence([0.5, 0.5], [NAN, 0.5]), id="KL NaN in q"),
        pytest.param(lambda: xent.kl_divergence([0.5, NAN], [0.5, 0.5]), id="KL NaN in p"),
        pytest.param(
            lambda: xent.cross_entropy([1.0, 0.0], [1.0, NAN]),
            id="CE NaN in q where p is 0 is not summed away",
        ),
        pytest.param(
            lambda: xent.kl_divergence([1.0, 0.0], [1.0, NAN]),
            id="KL NaN in q where p is 0 is not summed away",
        ),
        pytest.param(lambda: xent.js_divergence([0.5, 0.5], [NAN, 0.5]), id="JS"),
        pytest.param(lambda: xent.perplexity([0.5, NAN]), id="perplexity"),
        pytest.param(lambda: xent.binary_entropy(NAN), id="binary entropy"),
        pytest.param(lambda: xent.binary_cross_entropy(NAN, 0.5), id="BCE NaN label"),
        pytest.param(lambda: xent.binary_cross_entropy(1.0, NAN), id="BCE NaN probability"),
        pytest.param(lambda: xent.binary_cross_entropy(1.0, logits=NAN), id="BCE NaN logit"),
        pytest.param(
            lambda: xent.binary_cross_entropy([1.0, 0.0], [NAN, 0.5], reduction="sum"),
            id="BCE sum keeps NaN",
        ),
        pytest.param(
            lambda: xent.binary_cross_entropy([1.0, 0.0], [NAN, 0.5], reduction="mean"),
            id="BCE mean keeps NaN",
        ),
        pytest.param(lambda: xent.softmax_cross_entropy([NAN, 0.0], 1), id="softmax CE NaN logit"),
        pytest.param(
            lambda: xent.softmax_cross_entropy(
                [[NAN, 0.0], [1.0, 0.0]], np.array([1, 0]), reduction="sum"
            ),
            id="softmax CE sum keeps NaN",
        ),
        pytest.param(
            lambda: xent.softmax_cross_entropy(
                [[NAN, 0.0], [1.0, 0.0]], np.array([1, 0]), reduction="mean"
            ),
            id="softmax CE mean keeps NaN",
        ),
        pytest.param(lambda: xent.logsumexp([NAN, 0.0]), id="logsumexp"),
        pytest.param(lambda: xent.logsumexp([NAN, INF]), id="logsumexp NaN beside +inf"),
    ],
)
def test_nan_input_gives_nan_without_raising(compute: Callable[[], object]) -> None:
    assert math.isnan(as_float(compute()))


def test_nan_in_one_row_leaves_other_rows_alone() -> None:
    values = as_array(xent.entropy([[0.5, NAN], [0.5, 0.5]]))
    assert math.isnan(values[0])
    assert math.isclose(values[1], LN2, rel_tol=1e-15)


@pytest.mark.parametrize(
    "function", [xent.softmax, xent.log_softmax], ids=["softmax", "log_softmax"]
)
def test_softmax_of_a_row_with_nan_is_all_nan(function: Callable[..., object]) -> None:
    values = as_array(function([[NAN, 0.0, 1.0], [0.0, 0.0, 0.0]]))
    assert np.isnan(values[0]).all()
    assert np.isfinite(values[1]).all()


# --- infinite logits are legal -------------------------------------------------------------------


def test_positive_infinite_logit_on_the_true_class_gives_zero_loss() -> None:
    assert is_positive_zero(xent.softmax_cross_entropy([INF, 0.0, 0.0], 0))
    assert is_positive_zero(xent.softmax_cross_entropy([INF, 0.0, -INF], [1.0, 0.0, 0.0]))
    assert is_positive_zero(xent.softmax_cross_entropy([0.0, INF], 1, axis=-1))


def test_negative_infinite_logit_outside_the_target_is_simply_ignored() -> None:
    value = xent.softmax_cross_entropy([0.0, -INF, 1.0], 0)
    assert math.isclose(as_float(value), math.log1p(math.e), rel_tol=1e-14)
    value = xent.softmax_cross_entropy([0.0, -INF, 1.0], [0.5, 0.0, 0.5])
    assert math.isclose(as_float(value), math.log1p(math.e) - 0.5, rel_tol=1e-14)


def test_softmax_handles_infinite_logits() -> None:
    assert as_array(xent.softmax([INF, 0.0, 0.0])).tolist() == [1.0, 0.0, 0.0]
    assert as_array(xent.softmax([0.0, -INF])).tolist() == [1.0, 0.0]
    assert as_array(xent.log_softmax([0.0, -INF])).tolist() == [0.0, -INF]
    assert as_array(xent.log_softmax([INF, 0.0, 0.0])).tolist() == [0.0, -INF, -INF]


def test_logsumexp_handles_infinite_inputs() -> None:
    assert as_float(xent.logsumexp([INF, 0.0])) == INF
    assert as_float(xent.logsumexp([-INF, 0.0])) == 0.0
    assert as_float(xent.logsumexp([-INF, -INF])) == -INF


def test_binary_cross_entropy_from_infinite_logits() -> None:
    y = np.array([1.0, 0.0, 1.0, 0.0, 0.25])
    z = np.array([INF, -INF, -INF, INF, -INF])
    values = as_array(xent.binary_cross_entropy(y, logits=z)).tolist()
    assert values == [0.0, 0.0, INF, INF, INF]
    assert_no_negative_zero(values)


# --- results are never -0.0 ----------------------------------------------------------------------

ZERO_RESULTS = [
    pytest.param(lambda: xent.self_information(1.0), id="self-information of 1"),
    pytest.param(lambda: xent.self_information(1.0, base="bits"), id="self-information of 1 bits"),
    pytest.param(lambda: xent.entropy([1.0, 0.0]), id="entropy one-hot"),
    pytest.param(lambda: xent.entropy([1.0]), id="entropy single outcome"),
    pytest.param(lambda: xent.cross_entropy([1.0, 0.0], [1.0, 0.0]), id="CE one-hot"),
    pytest.param(lambda: xent.kl_divergence([0.3, 0.7], [0.3, 0.7]), id="KL P=P"),
    pytest.param(lambda: xent.kl_divergence([0.1] * 10, [0.1] * 10), id="KL P=P ten 0.1"),
    pytest.param(lambda: xent.kl_divergence([0.3, 0.7], [0.3, 0.7], base="bits"), id="KL P=P bits"),
    pytest.param(lambda: xent.js_divergence([0.3, 0.7], [0.3, 0.7]), id="JS P=P"),
    pytest.param(lambda: xent.binary_entropy(0.0), id="binary entropy 0"),
    pytest.param(lambda: xent.binary_entropy(1.0, base="bits"), id="binary entropy 1 bits"),
    pytest.param(lambda: xent.binary_cross_entropy(1.0, 1.0), id="BCE y=1 p=1"),
    pytest.param(lambda: xent.binary_cross_entropy(0.0, 0.0), id="BCE y=0 p=0"),
    pytest.param(lambda: xent.binary_cross_entropy(1.0, logits=800.0), id="BCE y=1 logit 800"),
    pytest.param(lambda: xent.binary_cross_entropy(0.0, logits=-800.0), id="BCE y=0 logit -800"),
    pytest.param(
        lambda: xent.binary_cross_entropy([1.0, 0.0], [1.0, 0.0], reduction="sum"), id="BCE sum"
    ),
    pytest.param(
        lambda: xent.binary_cross_entropy([1.0, 0.0], [1.0, 0.0], reduction="mean"), id="BCE mean"
    ),
    pytest.param(lambda: xent.softmax_cross_entropy([1000.0, 0.0], 0), id="softmax CE (1000,0)"),
    pytest.param(lambda: xent.softmax_cross_entropy([800.0, 0.0, 0.0], 0), id="softmax CE 800"),
    pytest.param(lambda: xent.softmax_cross_entropy([INF, 0.0], 0), id="softmax CE +inf"),
    pytest.param(
        lambda: xent.softmax_cross_entropy([[1000.0, 0.0]], np.array([0]), reduction="mean"),
        id="softmax CE mean",
    ),
    pytest.param(
        lambda: xent.entropy(np.array([1.0, 0.0], dtype=np.float32)), id="entropy float32 one-hot"
    ),
]


@pytest.mark.parametrize("compute", ZERO_RESULTS)
def test_zero_results_are_positive_zero(compute: Callable[[], object]) -> None:
    assert is_positive_zero(compute())


def test_zero_results_in_arrays_are_positive_zero() -> None:
    p = np.array([[1.0, 0.0], [0.0, 1.0], [0.25, 0.75]])
    assert_no_negative_zero(xent.entropy(p[:2]))
    assert_no_negative_zero(xent.kl_divergence(p, p))
    assert_no_negative_zero(xent.js_divergence(p, p))
    assert_no_negative_zero(xent.self_information(np.array([1.0, 1.0])))
    assert_no_negative_zero(xent.binary_entropy(np.array([0.0, 1.0, -0.0])))
    assert_no_negative_zero(xent.binary_cross_entropy(np.array([1.0, 0.0]), np.array([1.0, 0.0])))
    assert_no_negative_zero(
        xent.binary_cross_entropy(np.array([1.0, 0.0]), logits=np.array([900.0, -900.0]))
    )
    assert_no_negative_zero(
        xent.softmax_cross_entropy([[900.0, 0.0], [0.0, 900.0]], np.array([0, 1]))
    )


def test_negative_zero_inputs_count_as_zero_probabilities() -> None:
    assert is_positive_zero(xent.entropy([1.0, -0.0]))
    assert is_positive_zero(xent.binary_entropy(-0.0))
    assert is_positive_zero(xent.kl_divergence([1.0, -0.0], [1.0, 0.0]))
    assert is_positive_zero(xent.binary_cross_entropy(-0.0, -0.0))
    assert as_float(xent.self_information(-0.0)) == INF
    assert math.isclose(as_float(xent.cross_entropy([-0.0, 1.0], [0.5, 0.5])), LN2, rel_tol=1e-15)


# --- never negative ------------------------------------------------------------------------------


@pytest.mark.parametrize("d", [10.0**-k for k in range(3, 17)], ids=lambda d: f"d={d:.0e}")
def test_kl_of_nearly_identical_distributions_is_never_negative(d: float) -> None:
    p = [0.5 + d, 0.5 - d]
    for q in ([0.5, 0.5], [0.1 + d, 0.9 - d]):
        for value in (xent.kl_divergence(p, q), xent.kl_divergence(q, p)):
            assert as_float(value) >= 0.0
            assert math.copysign(1.0, as_float(value)) == 1.0


def test_kl_of_a_batch_of_nearly_identical_distributions_is_never_negative() -> None:
    rng = np.random.default_rng(20240601)
    q = rng.dirichlet(np.ones(7), size=500)
    p = q * (1 + rng.normal(scale=1e-9, size=q.shape))
    p /= p.sum(axis=-1, keepdims=True)
    for result in (xent.kl_divergence(p, q), xent.kl_divergence(q, p), xent.js_divergence(p, q)):
        values = as_array(result)
        assert (values >= 0).all()
        assert_no_negative_zero(values)


@pytest.mark.parametrize("y", [0.0, 0.1, 0.3, 0.5, 0.9, 1.0])
def test_binary_cross_entropy_from_logits_is_never_below_the_binary_entropy(y: float) -> None:
    z = np.array([-800.0, -40.0, -1.0, -1e-300, 0.0, 1e-300, 1.0, 40.0, 800.0])
    values = as_array(xent.binary_cross_entropy(np.full_like(z, y), logits=z))
    assert (values >= 0).all()
    assert_no_negative_zero(values)
    floor = as_float(xent.binary_entropy(y))
    assert (values >= floor * (1 - 1e-15)).all()


def test_entropy_of_a_nearly_certain_distribution_is_tiny_but_positive() -> None:
    value = as_float(xent.entropy([1.0, 1e-300]))
    assert value > 0.0
    # −Σ p ln p of the row as given is 1e-300·ln(1e300); of the normalised row (the row sums to
    # 1 + 1e-300) it is 1e-300 larger. Either is right; 0 or a negative number is not.
    raw = 1e-300 * math.log(1e300)
    assert raw * (1 - 1e-13) <= value <= (raw + 1e-300) * (1 + 1e-13)


# --- tiny values survive -------------------------------------------------------------------------

TINY_CE = math.log1p(math.exp(-40.0))  # 4.2483542552915889e-18


@pytest.mark.parametrize(
    "compute",
    [
        pytest.param(lambda: xent.softmax_cross_entropy([40.0, 0.0], 0), id="softmax CE (40,0)"),
        pytest.param(lambda: xent.softmax_cross_entropy([0.0, -40.0], 0), id="softmax CE (0,-40)"),
        pytest.param(
            lambda: xent.softmax_cross_entropy([40.0, 0.0], [1.0, 0.0]),
            id="softmax CE (40,0) probability target",
        ),
        pytest.param(lambda: xent.binary_cross_entropy(1.0, logits=40.0), id="BCE y=1 logit 40"),
        pytest.param(lambda: xent.binary_cross_entropy(0.0, logits=-40.0), id="BCE y=0 logit -40"),
    ],
)
def test_cross_entropy_near_zero_is_not_rounded_to_zero(compute: Callable[[], object]) -> None:
    assert math.isclose(as_float(compute()), TINY_CE, rel_tol=1e-13)


def test_binary_cross_entropy_of_a_nearly_right_negative_is_tiny_not_zero() -> None:
    # −ln(1 − 1e-50) = 1e-50 to 50 digits: needs log1p.
    assert math.isclose(as_float(xent.binary_cross_entropy(0.0, 1e-50)), 1e-50, rel_tol=1e-14)


@pytest.mark.parametrize("p", [1e-5, 1e-10, 1e-17, 1e-100, 1e-300])
def test_binary_entropy_near_zero_and_near_one_keeps_its_digits(p: float) -> None:
    # H_b(p) = −p ln p − (1 − p) ln(1 − p) = p(1 − ln p) − p²/2 − p³/6 + O(p⁴)
    expected = p * (1.0 - math.log(p)) - p * p / 2 - p**3 / 6
    assert math.isclose(as_float(xent.binary_entropy(p)), expected, rel_tol=1e-13)


@pytest.mark.parametrize("k", [20, 30, 40, 52, 53])
def test_binary_entropy_near_one_matches_its_mirror_image(k: int) -> None:
    small = 2.0**-k
    near_one = 1.0 - small  # exact
    assert math.isclose(
        as_float(xent.binary_entropy(near_one)), as_float(xent.binary_entropy(small)), rel_tol=1e-15
    )


def test_float32_cross_entropy_from_logits_keeps_tiny_values() -> None:
    value = xent.softmax_cross_entropy(np.array([[20.0, 0.0]], dtype=np.float32), np.array([0]))
    values = as_array(value)
    assert values.dtype == np.float32
    assert math.isclose(float(values[0]), math.log1p(math.exp(-20.0)), rel_tol=1e-6)


# --- dtype ---------------------------------------------------------------------------------------

P2 = [[0.25, 0.75], [0.5, 0.5]]
Q2 = [[0.5, 0.5], [0.125, 0.875]]
L2 = [[1.0, -1.0, 0.5], [0.0, 2.0, -3.0]]

DTYPE_CASES: list[tuple[str, Callable[[Any], object]]] = [
    ("self_information", lambda t: xent.self_information(np.array([0.5, 0.25], dtype=t))),
    ("entropy", lambda t: xent.entropy(np.array(P2, dtype=t))),
    ("cross_entropy", lambda t: xent.cross_entropy(np.array(P2, dtype=t), np.array(Q2, dtype=t))),
    ("kl_divergence", lambda t: xent.kl_divergence(np.array(P2, dtype=t), np.array(Q2, dtype=t))),
    ("js_divergence", lambda t: xent.js_divergence(np.array(P2, dtype=t), np.array(Q2, dtype=t))),
    ("perplexity", lambda t: xent.perplexity(np.array(P2, dtype=t))),
    ("binary_entropy", lambda t: xent.binary_entropy(np.array([0.25, 0.5], dtype=t))),
    (
        "binary_cross_entropy p",
        lambda t: xent.binary_cross_entropy(
            np.array([0.0, 1.0], dtype=t), np.array([0.25, 0.5], dtype=t)
        ),
    ),
    (
        "binary_cross_entropy logits",
        lambda t: xent.binary_cross_entropy(
            np.array([0.0, 1.0], dtype=t), logits=np.array([-1.0, 2.0], dtype=t)
        ),
    ),
    (
        "softmax_cross_entropy indices",
        lambda t: xent.softmax_cross_entropy(np.array(L2, dtype=t), np.array([0, 2])),
    ),
    (
        "softmax_cross_entropy probabilities",
        lambda t: xent.softmax_cross_entropy(
            np.array(L2, dtype=t), np.array([[1.0, 0.0, 0.0], [0.25, 0.25, 0.5]], dtype=t)
        ),
    ),
    ("softmax", lambda t: xent.softmax(np.array(L2, dtype=t))),
    ("log_softmax", lambda t: xent.log_softmax(np.array(L2, dtype=t))),
    ("logsumexp", lambda t: xent.logsumexp(np.array(L2, dtype=t))),
]


@pytest.mark.parametrize("dtype", [np.float32, np.float16, np.float64], ids=lambda t: t.__name__)
@pytest.mark.parametrize(("name", "compute"), DTYPE_CASES, ids=[name for name, _ in DTYPE_CASES])
def test_float_inputs_keep_their_dtype(
    name: str, compute: Callable[[Any], object], dtype: Any
) -> None:
    result = compute(dtype)
    assert isinstance(result, np.ndarray), name
    assert result.dtype == dtype
    reference = as_array(compute(np.float64))
    rtol = {np.float16: 1e-2, np.float32: 1e-5, np.float64: 1e-15}[dtype]
    assert np.allclose(result.astype(np.float64), reference, rtol=rtol, atol=0)


@pytest.mark.parametrize(
    "compute",
    [
        pytest.param(
            lambda: xent.self_information(np.array([1, 2]) // 2), id="self-information int"
        ),
        pytest.param(lambda: xent.entropy(np.array([[1, 0], [0, 1]])), id="entropy int one-hots"),
        pytest.param(lambda: xent.entropy(np.array([[True, False]])), id="entropy bool one-hot"),
        pytest.param(
            lambda: xent.entropy(np.array([[3, 1], [2, 2]]), normalize=True),
            id="entropy int counts",
        ),
        pytest.param(
            lambda: xent.kl_divergence(np.array([[3, 1]]), np.array([[1, 1]]), normalize=True),
            id="KL int counts",
        ),
        pytest.param(lambda: xent.binary_entropy(np.array([0, 1])), id="binary entropy int"),
        pytest.param(
            lambda: xent.binary_cross_entropy(np.array([True, False]), np.array([1, 0])),
            id="BCE bool and int",
        ),
        pytest.param(
            lambda: xent.binary_cross_entropy(np.array([1, 0]), logits=np.array([2, -3])),
            id="BCE int logits",
        ),
        pytest.param(
            lambda: xent.softmax_cross_entropy(np.array([[1, 2, 3]]), np.array([0])),
            id="softmax CE int logits",
        ),
        pytest.param(lambda: xent.softmax(np.array([[1, 2, 3]])), id="softmax int"),
        pytest.param(lambda: xent.log_softmax(np.array([[1, 2, 3]])), id="log_softmax int"),
        pytest.param(lambda: xent.logsumexp(np.array([[1, 2, 3], [0, 0, 0]])), id="logsumexp int"),
    ],
)
def test_integer_and_bool_inputs_give_float64(compute: Callable[[], object]) -> None:
    result = compute()
    assert isinstance(result, np.ndarray)
    assert result.dtype == np.float64


@pytest.mark.parametrize(
    "compute",
    [
        pytest.param(lambda: xent.self_information(0.5), id="self-information"),
        pytest.param(lambda: xent.self_information(np.float64(0.5)), id="self-information np"),
        pytest.param(lambda: xent.self_information(np.array(0.5)), id="self-information 0-d"),
        pytest.param(lambda: xent.entropy([0.5, 0.5]), id="entropy"),
        pytest.param(lambda: xent.entropy(np.array([3, 1]), normalize=True), id="entropy counts"),
        pytest.param(lambda: xent.cross_entropy([0.5, 0.5], [0.25, 0.75]), id="CE"),
        pytest.param(lambda: xent.kl_divergence([0.5, 0.5], [0.25, 0.75]), id="KL"),
        pytest.param(lambda: xent.js_divergence([0.5, 0.5], [0.25, 0.75]), id="JS"),
        pytest.param(lambda: xent.perplexity([0.5, 0.5]), id="perplexity"),
        pytest.param(lambda: xent.binary_entropy(0.3), id="binary entropy"),
        pytest.param(lambda: xent.binary_cross_entropy(1.0, 0.3), id="BCE"),
        pytest.param(lambda: xent.binary_cross_entropy(1, logits=0), id="BCE int scalars"),
        pytest.param(
            lambda: xent.binary_cross_entropy([1.0, 0.0], [0.3, 0.3], reduction="sum"), id="BCE sum"
        ),
        pytest.param(
            lambda: xent.binary_cross_entropy([[1.0, 0.0]], [[0.3, 0.3]], reduction="mean"),
            id="BCE mean",
        ),
        pytest.param(lambda: xent.softmax_cross_entropy([1.0, 2.0], 1), id="softmax CE"),
        pytest.param(
            lambda: xent.softmax_cross_entropy([[1.0, 2.0]], np.array([1]), reduction="mean"),
            id="softmax CE mean",
        ),
        pytest.param(
            lambda: xent.softmax_cross_entropy([[1.0, 2.0]], np.array([1]), reduction="sum"),
            id="softmax CE sum",
        ),
        pytest.param(lambda: xent.logsumexp([1.0, 2.0]), id="logsumexp"),
    ],
)
def test_scalar_results_are_plain_python_floats(compute: Callable[[], object]) -> None:
    assert type(compute()) is float


@pytest.mark.parametrize(
    ("dtype", "accepted_offset", "rejected_offset"),
    [
        pytest.param(np.float64, 1e-9, 1e-7, id="float64"),
        pytest.param(np.float32, 1e-4, 1e-3, id="float32"),
        pytest.param(np.float16, 1e-2, 1e-1, id="float16"),
    ],
)
def test_row_sum_tolerance_is_the_square_root_of_the_dtype_epsilon(
    dtype: Any, accepted_offset: float, rejected_offset: float
) -> None:
    accepted = np.array([[0.5, 0.5 + accepted_offset]], dtype=dtype)
    assert np.isfinite(as_array(xent.entropy(accepted))).all()
    rejected = np.array([[0.5, 0.5 + rejected_offset]], dtype=dtype)
    with pytest.raises(ValueError, match=r"\bp\b"):
        xent.entropy(rejected)


# --- shapes and broadcasting ---------------------------------------------------------------------

RNG = np.random.default_rng(12345)
BATCH_P = RNG.dirichlet(np.ones(4), size=5)
BATCH_Q = RNG.dirichlet(np.ones(4), size=5)


@pytest.mark.parametrize(
    "function",
    [xent.cross_entropy, xent.kl_divergence, xent.js_divergence],
    ids=["cross_entropy", "kl_divergence", "js_divergence"],
)
def test_one_distribution_broadcasts_against_a_batch(function: Callable[..., object]) -> None:
    single = BATCH_P[0]
    against_batch = as_array(function(single, BATCH_Q))
    assert against_batch.shape == (5,)
    expected = [as_float(function(single, q)) for q in BATCH_Q]
    assert np.allclose(against_batch, expected, rtol=1e-14, atol=0)
    batch_against = as_array(function(BATCH_P, BATCH_Q[0]))
    expected = [as_float(function(p, BATCH_Q[0])) for p in BATCH_P]
    assert np.allclose(batch_against, expected, rtol=1e-14, atol=0)


def test_non_distribution_axes_broadcast_like_numpy() -> None:
    p = BATCH_P[:2, None, :]  # (2, 1, 4)
    q = BATCH_Q[:3]  # (3, 4)
    values = as_array(xent.kl_divergence(p, q))
    assert values.shape == (2, 3)
    for i in range(2):
        for j in range(3):
            assert math.isclose(
                values[i, j], as_float(xent.kl_divergence(BATCH_P[i], BATCH_Q[j])), rel_tol=1e-14
            )


@pytest.mark.parametrize(
    "function",
    [xent.entropy, xent.perplexity],
    ids=["entropy", "perplexity"],
)
def test_axis_selects_the_distribution_axis(function: Callable[..., object]) -> None:
    rows = as_array(function(BATCH_P))
    assert np.allclose(as_array(function(BATCH_P.T, axis=0)), rows, rtol=1e-15, atol=0)
    assert np.allclose(as_array(function(BATCH_P.T, axis=-2)), rows, rtol=1e-15, atol=0)
    cube = np.stack([BATCH_P, BATCH_Q])  # (2, 5, 4)
    moved = np.moveaxis(cube, -1, 1)  # (2, 4, 5): distributions along axis 1
    assert as_array(function(moved, axis=1)).shape == (2, 5)
    assert np.allclose(as_array(function(moved, axis=1)), as_array(function(cube)), rtol=1e-15)


def test_axis_accepts_numpy_integers() -> None:
    rows = as_array(xent.entropy(BATCH_P))
    numpy_one: Any = np.int64(1)
    numpy_zero: Any = np.intp(0)
    assert np.allclose(as_array(xent.entropy(BATCH_P, axis=numpy_one)), rows, rtol=1e-15, atol=0)
    assert np.allclose(as_array(xent.softmax(BATCH_P, axis=numpy_zero)).sum(axis=0), 1.0)


@pytest.mark.parametrize(
    "function",
    [xent.cross_entropy, xent.kl_divergence, xent.js_divergence],
    ids=["cross_entropy", "kl_divergence", "js_divergence"],
)
def test_two_argument_functions_respect_axis(function: Callable[..., object]) -> None:
    rows = as_array(function(BATCH_P, BATCH_Q))
    assert np.allclose(as_array(function(BATCH_P.T, BATCH_Q.T, axis=0)), rows, rtol=1e-15, atol=0)


def test_softmax_cross_entropy_with_indices_along_a_middle_axis() -> None:
    logits = RNG.normal(size=(2, 3, 5))
    target = RNG.integers(0, 3, size=(2, 5))
    values = as_array(xent.softmax_cross_entropy(logits, target, axis=1))
    assert values.shape == (2, 5)
    log_probabilities = as_array(xent.log_softmax(logits, axis=1))
    expected = -np.take_along_axis(log_probabilities, target[:, None, :], axis=1)[:, 0, :]
    assert np.allclose(values, expected, rtol=1e-14, atol=0)


def test_softmax_cross_entropy_with_probability_targets_along_axis_zero() -> None:
    logits = RNG.normal(size=(4, 3))
    target = RNG.dirichlet(np.ones(4), size=3).T  # columns are distributions
    values = as_array(xent.softmax_cross_entropy(logits, target, axis=0))
    assert values.shape == (3,)
    expected = as_array(xent.softmax_cross_entropy(logits.T, target.T))
    assert np.allclose(values, expected, rtol=1e-14, atol=0)


def test_softmax_and_log_softmax_keep_the_shape_and_normalise_along_axis() -> None:
    logits = RNG.normal(size=(3, 4))
    for axis in (0, 1, -1):
        probabilities = as_array(xent.softmax(logits, axis=axis))
        assert probabilities.shape == (3, 4)
        assert np.allclose(probabilities.sum(axis=axis), 1.0, rtol=0, atol=4e-16)
        log_probabilities = as_array(xent.log_softmax(logits, axis=axis))
        assert log_probabilities.shape == (3, 4)
        assert np.allclose(np.exp(log_probabilities), probabilities, rtol=1e-14, atol=0)


def test_logsumexp_reduces_along_axis() -> None:
    x = RNG.normal(size=(3, 4))
    assert as_array(xent.logsumexp(x)).shape == (3,)
    assert as_array(xent.logsumexp(x, axis=0)).shape == (4,)
    expected = np.log(np.exp(x).sum(axis=0))
    assert np.allclose(as_array(xent.logsumexp(x, axis=0)), expected, rtol=1e-14, atol=0)


def test_binary_cross_entropy_is_elementwise_over_any_shape() -> None:
    y = RNG.integers(0, 2, size=(2, 3, 4)).astype(float)
    p = RNG.uniform(0.05, 0.95, size=(2, 3, 4))
    values = as_array(xent.binary_cross_entropy(y, p))
    assert values.shape == (2, 3, 4)
    expected = -(y * np.log(p) + (1 - y) * np.log1p(-p))
    assert np.allclose(values, expected, rtol=1e-14, atol=0)


# --- reductions ----------------------------------------------------------------------------------


def test_binary_cross_entropy_mean_divides_by_the_number_of_elements() -> None:
    y = np.array([[1.0, 0.0, 1.0], [0.0, 0.0, 1.0]])
    p = np.array([[0.9, 0.2, 0.6], [0.3, 0.1, 0.8]])
    none = as_array(xent.binary_cross_entropy(y, p))
    assert none.shape == (2, 3)
    assert math.isclose(
        as_float(xent.binary_cross_entropy(y, p, reduction="sum")), none.sum(), rel_tol=1e-15
    )
    assert math.isclose(
        as_float(xent.binary_cross_entropy(y, p, reduction="mean")), none.sum() / 6, rel_tol=1e-15
    )


def test_binary_cross_entropy_mean_with_pos_weight_still_divides_by_elements() -> None:
    y = np.array([1.0, 0.0, 1.0, 0.0])
    p = np.array([0.5, 0.5, 0.25, 0.75])
    plain = as_array(xent.binary_cross_entropy(y, p))
    weighted = as_array(xent.binary_cross_entropy(y, p, pos_weight=3.0))
    assert np.allclose(weighted, np.where(y == 1, 3 * plain, plain), rtol=1e-15, atol=0)
    mean = as_float(xent.binary_cross_entropy(y, p, pos_weight=3.0, reduction="mean"))
    assert math.isclose(mean, weighted.sum() / 4, rel_tol=1e-15)


def test_pos_weight_with_logits_matches_pos_weight_with_probabilities() -> None:
    y = np.array([1.0, 0.0, 0.3, 1.0])
    z = np.array([-2.0, 0.5, 1.5, 3.0])
    p = 1 / (1 + np.exp(-z))
    from_logits = as_array(xent.binary_cross_entropy(y, logits=z, pos_weight=2.5))
    from_p = as_array(xent.binary_cross_entropy(y, p, pos_weight=2.5))
    assert np.allclose(from_logits, from_p, rtol=1e-12, atol=0)
    expected = -(2.5 * y * np.log(p) + (1 - y) * np.log1p(-p))
    assert np.allclose(from_logits, expected, rtol=1e-12, atol=0)


def test_softmax_cross_entropy_mean_divides_by_the_number_of_rows() -> None:
    logits = RNG.normal(size=(6, 4))
    target = np.array([0, 1, 2, 3, 0, 1])
    none = as_array(xent.softmax_cross_entropy(logits, target))
    assert none.shape == (6,)
    total = as_float(xent.softmax_cross_entropy(logits, target, reduction="sum"))
    assert math.isclose(total, none.sum(), rel_tol=1e-15)
    mean = as_float(xent.softmax_cross_entropy(logits, target, reduction="mean"))
    assert math.isclose(mean, none.sum() / 6, rel_tol=1e-15)
    mean_t = as_float(xent.softmax_cross_entropy(logits.T, target, axis=0, reduction="mean"))
    assert math.isclose(mean_t, none.sum() / 6, rel_tol=1e-15)


def test_reductions_of_infinite_losses_are_infinite() -> None:
    assert as_float(xent.binary_cross_entropy([1.0, 1.0], [0.0, 0.5], reduction="sum")) == INF
    assert as_float(xent.binary_cross_entropy([1.0, 1.0], [0.0, 0.5], reduction="mean")) == INF
    value = xent.softmax_cross_entropy(
        [[-INF, 0.0], [0.0, 0.0]], np.array([0, 0]), reduction="mean"
    )
    assert as_float(value) == INF


def test_reduction_none_of_a_single_row_is_a_float() -> None:
    assert type(xent.softmax_cross_entropy([1.0, 2.0, 3.0], 2, reduction="none")) is float


# --- label smoothing -----------------------------------------------------------------------------


@pytest.mark.parametrize("epsilon", [0.0, 0.05, 0.1, 0.5, 1.0])
def test_label_smoothing_is_one_minus_epsilon_target_plus_epsilon_over_k(epsilon: float) -> None:
    logits = RNG.normal(size=(4, 5))
    target = np.array([0, 3, 4, 1])
    smoothed = (1 - epsilon) * np.eye(5)[target] + epsilon / 5
    expected = -(smoothed * as_array(xent.log_softmax(logits))).sum(axis=-1)
    with_indices = as_array(xent.softmax_cross_entropy(logits, target, label_smoothing=epsilon))
    assert np.allclose(with_indices, expected, rtol=1e-13, atol=0)
    with_rows = as_array(
        xent.softmax_cross_entropy(logits, np.eye(5)[target], label_smoothing=epsilon)
    )
    assert np.allclose(with_rows, expected, rtol=1e-13, atol=0)


def test_label_smoothing_applies_to_probability_targets_too() -> None:
    logits = np.array([1.0, -0.5, 2.0])
    target = np.array([0.2, 0.3, 0.5])
    smoothed = 0.8 * target + 0.2 / 3
    expected = as_float(xent.softmax_cross_entropy(logits, smoothed))
    value = as_float(xent.softmax_cross_entropy(logits, target, label_smoothing=0.2))
    assert math.isclose(value, expected, rel_tol=1e-14)


def test_label_smoothing_counts_classes_along_axis() -> None:
    logits = RNG.normal(size=(3, 2))  # three classes along axis 0
    target = np.array([2, 0])
    value = as_array(xent.softmax_cross_entropy(logits, target, axis=0, label_smoothing=0.3))
    expected = as_array(xent.softmax_cross_entropy(logits.T, target, label_smoothing=0.3))
    assert np.allclose(value, expected, rtol=1e-15, atol=0)


def test_full_label_smoothing_is_the_uniform_target() -> None:
    logits = np.array([3.0, -1.0, 0.5, 2.0])
    value = as_float(xent.softmax_cross_entropy(logits, 1, label_smoothing=1.0))
    assert math.isclose(value, -float(np.mean(as_array(xent.log_softmax(logits)))), rel_tol=1e-14)


# --- base ----------------------------------------------------------------------------------------

BASE_DIVISORS = [
    pytest.param("nats", 1.0, id="nats"),
    pytest.param("bits", LN2, id="bits"),
    pytest.param("bans", LN10, id="bans"),
    pytest.param("hartleys", LN10, id="hartleys"),
    pytest.param(2, LN2, id="int 2"),
    pytest.param(2.0, LN2, id="float 2"),
    pytest.param(10, LN10, id="int 10"),
    pytest.param(math.e, 1.0, id="e"),
    pytest.param(3.0, math.log(3.0), id="3"),
    pytest.param(np.float64(1.5), math.log(1.5), id="numpy 1.5"),
    pytest.param(256, math.log(256), id="bytes"),
]

BASED = [
    pytest.param(lambda base: xent.self_information(0.3, base=base), id="self_information"),
    pytest.param(lambda base: xent.entropy([0.2, 0.3, 0.5], base=base), id="entropy"),
    pytest.param(
        lambda base: xent.cross_entropy([0.2, 0.3, 0.5], [0.6, 0.3, 0.1], base=base), id="CE"
    ),
    pytest.param(
        lambda base: xent.kl_divergence([0.2, 0.3, 0.5], [0.6, 0.3, 0.1], base=base), id="KL"
    ),
    pytest.param(
        lambda base: xent.js_divergence([0.2, 0.3, 0.5], [0.6, 0.3, 0.1], base=base), id="JS"
    ),
    pytest.param(lambda base: xent.binary_entropy(0.2, base=base), id="binary_entropy"),
    pytest.param(lambda base: xent.binary_cross_entropy(0.3, 0.6, base=base), id="BCE p"),
    pytest.param(
        lambda base: xent.binary_cross_entropy(
            [0.3, 1.0], logits=[0.6, -2.0], base=base, reduction="sum"
        ),
        id="BCE logits sum",
    ),
    pytest.param(
        lambda base: xent.softmax_cross_entropy([0.2, 1.5, -1.0], 1, base=base), id="softmax CE"
    ),
    pytest.param(
        lambda base: xent.softmax_cross_entropy(
            [0.2, 1.5, -1.0], 1, base=base, label_smoothing=0.1
        ),
        id="softmax CE smoothed",
    ),
]


@pytest.mark.parametrize(("base", "divisor"), BASE_DIVISORS)
@pytest.mark.parametrize("compute", BASED)
def test_base_divides_nats_by_the_log_of_the_base(
    compute: Callable[[object], object], base: Any, divisor: float
) -> None:
    nats = as_float(compute("nats"))
    assert math.isclose(as_float(compute(base)), nats / divisor, rel_tol=2e-15)


@pytest.mark.parametrize(("base", "divisor"), BASE_DIVISORS)
def test_base_leaves_infinity_and_zero_alone(base: Any, divisor: float) -> None:
    del divisor
    assert as_float(xent.kl_divergence([0.5, 0.5], [1.0, 0.0], base=base)) == INF
    assert is_positive_zero(xent.kl_divergence([0.5, 0.5], [0.5, 0.5], base=base))
    assert is_positive_zero(xent.entropy([0.0, 1.0], base=base))


# --- normalize=True ------------------------------------------------------------------------------


def test_normalize_divides_counts_by_their_sum_along_axis() -> None:
    counts = np.array([[3.0, 1.0, 0.0], [2.0, 2.0, 4.0]])
    probabilities = counts / counts.sum(axis=-1, keepdims=True)
    assert np.allclose(
        as_array(xent.entropy(counts, normalize=True)),
        as_array(xent.entropy(probabilities)),
        rtol=1e-15,
        atol=0,
    )
    assert np.allclose(
        as_array(xent.entropy(counts.T, axis=0, normalize=True)),
        as_array(xent.entropy(probabilities)),
        rtol=1e-15,
        atol=0,
    )
    weights = np.array([[1.0, 1.0, 2.0], [1.0, 3.0, 4.0]])
    q = weights / weights.sum(axis=-1, keepdims=True)
    for function in (xent.cross_entropy, xent.kl_divergence):
        assert np.allclose(
            as_array(function(counts, weights, normalize=True)),
            as_array(function(probabilities, q)),
            rtol=1e-14,
            atol=0,
        )


def test_normalize_leaves_distributions_unchanged() -> None:
    p = [0.2, 0.3, 0.5]
    assert math.isclose(
        as_float(xent.entropy(p, normalize=True)), as_float(xent.entropy(p)), rel_tol=1e-15
    )


def test_counts_are_rejected_without_normalize() -> None:
    with pytest.raises(ValueError, match=r"\bp\b"):
        xent.entropy([3.0, 1.0])


# --- perplexity ----------------------------------------------------------------------------------


def test_perplexity_is_the_exponential_of_entropy_and_of_cross_entropy() -> None:
    p = BATCH_P
    assert np.allclose(
        as_array(xent.perplexity(p)), np.exp(as_array(xent.entropy(p))), rtol=1e-14, atol=0
    )
    assert np.allclose(
        as_array(xent.perplexity(p, BATCH_Q)),
        np.exp(as_array(xent.cross_entropy(p, BATCH_Q))),
        rtol=1e-14,
        atol=0,
    )


# --- huge finite logits, inputs left alone, other integer types ---------------------------------


@pytest.mark.parametrize(
    ("compute", "expected"),
    [
        pytest.param(lambda: xent.softmax([1e308, -1e308]), [1.0, 0.0], id="softmax"),
        pytest.param(lambda: xent.logsumexp([1e308, -1e308]), 1e308, id="logsumexp"),
        pytest.param(
            lambda: xent.softmax_cross_entropy([1e308, -1e308], 0), 0.0, id="softmax CE true class"
        ),
        pytest.param(
            lambda: xent.binary_cross_entropy([1.0, 0.0, 0.5], logits=[1e308, 1e308, 1e308]),
            [0.0, 1e308, 5e307],
            id="BCE",
        ),
        pytest.param(
            lambda: xent.binary_cross_entropy([0.0, 1.0], logits=[-1e308, -1e308]),
            [0.0, 1e308],
            id="BCE negative",
        ),
    ],
)
def test_huge_finite_logits_neither_overflow_nor_warn(
    compute: Callable[[], object], expected: object
) -> None:
    assert np.array_equal(as_array(compute()), np.asarray(expected))


def test_inputs_are_neither_modified_nor_required_to_be_writeable() -> None:
    p = np.array([[3.0, 1.0], [0.25, 0.75]])
    q = np.array([[0.5, 0.5], [0.5, 0.5]])
    logits = np.array([[1.0, 2.0, 3.0], [3.0, 2.0, 1.0]])
    target = np.array([0, 2])
    arrays = (p, q, logits, target)
    copies = [a.copy() for a in arrays]
    for a in arrays:
        a.flags.writeable = False
    xent.entropy(p, normalize=True)
    xent.kl_divergence(p[1:], q[1:])
    xent.cross_entropy(p, q, normalize=True)
    xent.softmax_cross_entropy(logits, target, label_smoothing=0.1)
    xent.softmax(logits)
    xent.log_softmax(logits)
    xent.logsumexp(logits)
    xent.binary_cross_entropy(q, logits=q)
    for a, c in zip(arrays, copies, strict=True):
        assert np.array_equal(a, c)


@pytest.mark.parametrize(
    "target",
    [
        pytest.param([0, 2], id="list of ints"),
        pytest.param(np.array([0, 2], dtype=np.uint8), id="uint8"),
        pytest.param(np.array([0, 2], dtype=np.int32), id="int32"),
        pytest.param((0, 2), id="tuple"),
    ],
)
def test_class_indices_of_any_integer_type_are_accepted(target: object) -> None:
    logits = np.array([[1.0, 2.0, 3.0], [3.0, 2.0, 1.0]])
    expected = as_array(xent.softmax_cross_entropy(logits, np.array([0, 2])))
    values = as_array(xent.softmax_cross_entropy(logits, cast("Any", target)))
    assert np.array_equal(values, expected)


def test_nan_in_a_probability_target_or_in_counts_propagates() -> None:
    assert math.isnan(as_float(xent.softmax_cross_entropy([1.0, 2.0], [NAN, 0.5])))
    assert math.isnan(as_float(xent.entropy([NAN, 1.0], normalize=True)))
    assert math.isnan(as_float(xent.softmax_cross_entropy([NAN, 0.0], 1, label_smoothing=0.1)))


def test_per_class_pos_weight_broadcasts_along_the_last_axis() -> None:
    y = np.array([[1.0, 0.0, 1.0], [1.0, 1.0, 0.0]])
    p = np.array([[0.5, 0.5, 0.25], [0.75, 0.5, 0.5]])
    pos_weight = np.array([1.0, 2.0, 3.0])
    values = as_array(xent.binary_cross_entropy(y, p, pos_weight=pos_weight))
    expected = -(pos_weight * y * np.log(p) + (1 - y) * np.log1p(-p))
    assert np.allclose(values, expected, rtol=1e-15, atol=0)


def test_label_smoothing_accepts_integer_zero_and_one() -> None:
    logits = [1.0, -1.0, 0.5]
    assert as_float(xent.softmax_cross_entropy(logits, 0, label_smoothing=0)) == as_float(
        xent.softmax_cross_entropy(logits, 0)
    )
    assert math.isclose(
        as_float(xent.softmax_cross_entropy(logits, 0, label_smoothing=1)),
        as_float(xent.softmax_cross_entropy(logits, 0, label_smoothing=1.0)),
        rel_tol=1e-15,
    )


def test_no_label_smoothing_keeps_masked_logits_harmless() -> None:
    assert is_positive_zero(xent.softmax_cross_entropy([0.0, -INF], 0, label_smoothing=0.0))
    assert as_float(xent.softmax_cross_entropy([0.0, -INF], 0, label_smoothing=0.1)) == INF


@pytest.mark.parametrize(
    "base", [np.int64(2), np.float32(2.0)], ids=["numpy int64 2", "numpy float32 2"]
)
def test_numpy_scalar_bases_are_accepted(base: Any) -> None:
    assert math.isclose(
        as_float(xent.entropy([0.25, 0.75], base=base)),
        as_float(xent.entropy([0.25, 0.75], base="bits")),
        rel_tol=1e-15,
    )
