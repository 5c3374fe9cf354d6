"""The numeric contract, second round (issue 12, part 4): each test is named after its property.

Warnings are errors here (pytest's configuration), so a test that returns a value also proves
that no RuntimeWarning was emitted on the way.
"""

from __future__ import annotations

import math
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING, Any

import numpy as np
import pytest

import xent
import xent.numeric
from xent.numeric import _chunks
from xent.numeric._validate import normalized_counts

if TYPE_CHECKING:
    from collections.abc import Callable

    from numpy.typing import NDArray

INF = math.inf
BIG = 1e308
#: Public callables that take no data (the route query, tested in test_compiled.py).
QUERIES = {"single_precision_route"}
PUBLIC_FUNCTIONS = {
    name for name in xent.numeric.__all__ if callable(getattr(xent, name)) and name not in QUERIES
}


def as_float(value: object) -> float:
    assert isinstance(value, float), type(value)
    return value


# --- valid calls near the float64 limit: the true value, or +inf, without a warning -------------

NEAR_THE_LIMIT: list[Any] = [
    pytest.param(
        lambda: xent.binary_cross_entropy([1, 1], logits=[-BIG, -BIG], reduction="mean"),
        BIG,
        id="BCE mean of two 1e308 losses",
    ),
    pytest.param(
        lambda: xent.binary_cross_entropy([1, 1], logits=[-BIG, -BIG], reduction="sum"),
        INF,
        id="BCE sum of two 1e308 losses",
    ),
    pytest.param(
        lambda: xent.softmax_cross_entropy([[0.0, -BIG], [0.0, -BIG]], [1, 1], reduction="mean"),
        BIG,
        id="softmax CE mean of two 1e308 losses",
    ),
    pytest.param(
        lambda: xent.softmax_cross_entropy(
            [[0.0, -BIG], [0.0, -BIG]], [1, 1], weight=[1.0, 0.5], reduction="mean"
        ),
        BIG,
        id="softmax CE weighted mean of 1e308 losses",
    ),
    pytest.param(
        lambda: xent.softmax_cross_entropy([[0.0, -BIG], [0.0, -BIG]], [1, 1], reduction="sum"),
        INF,
        id="softmax CE sum of two 1e308 losses",
    ),
    pytest.param(
        lambda: xent.entropy([BIG, BIG], normalize=True), math.log(2), id="entropy of 1e308 counts"
    ),
    pytest.param(
        lambda: xent.kl_divergence([BIG, BIG], [1.0, 1.0], normalize=True),
        0.0,
        id="KL of 1e308 counts",
    ),
    pytest.param(
        lambda: xent.perplexity([1.0, 0.0], [5e-324, 1.0]), INF, id="perplexity beyond float64"
    ),
    pytest.param(
        lambda: xent.binary_cross_entropy(1, logits=-BIG, pos_weight=10), INF, id="pos_weight 10"
    ),
    pytest.param(
        lambda: xent.binary_cross_entropy(1, logits=-BIG, pos_weight=0.5),
        BIG / 2,
        id="pos_weight 0.5",
    ),
    pytest.param(
        lambda: xent.binary_cross_entropy(1, 1e-300, pos_weight=1e307), INF, id="pos_weight, p"
    ),
    pytest.param(
        lambda: xent.binary_cross_entropy(1, logits=-1.5e308, base="bits"),
        INF,
        id="BCE in bits beyond float64",
    ),
    pytest.param(
        lambda: xent.softmax_cross_entropy([BIG, -BIG], 0, label_smoothing=0.1),
        0.05 * BIG + 0.05 * BIG,
        id="label smoothing, huge logits",
    ),
    pytest.param(
        lambda: xent.softmax_cross_entropy([BIG, -BIG], 1, label_smoothing=0.5),
        0.75 * BIG + 0.75 * BIG,
        id="label smoothing, huge logits, wrong class",
    ),
    pytest.param(
        lambda: xent.softmax_cross_entropy([BIG, -BIG], [0.9, 0.1]),
        0.1 * BIG + 0.1 * BIG,
        id="soft target, huge logits",
    ),
    pytest.param(
        lambda: xent.softmax_cross_entropy([BIG, -BIG, -INF], 1, weight=[1.0, 0.25, 1.0]),
        0.25 * BIG + 0.25 * BIG,
        id="class weight, huge logits",
    ),
    pytest.param(
        lambda: xent.softmax_cross_entropy([BIG, -BIG], 1), INF, id="loss of 2e308 is inf"
    ),
    pytest.param(
        lambda: xent.softmax_cross_entropy([BIG, -BIG], 1, weight=[1.0, 2.0]),
        INF,
        id="class weight 2, huge logits",
    ),
]


@pytest.mark.parametrize(("compute", "expected"), NEAR_THE_LIMIT)
def test_valid_calls_near_the_float64_limit_give_the_true_value_without_a_warning(
    compute: Callable[[], object], expected: float
) -> None:
    value = as_float(compute())
    if math.isinf(expected):
        assert value == expected
    else:
        assert math.isclose(value, expected, rel_tol=4e-16, abs_tol=1e-300)


def test_a_perplexity_near_the_float64_limit_is_finite() -> None:
    # exp(H) magnifies the rounding of H = 690.8 nats: a relative error of about H·2⁻⁵³
    assert math.isclose(as_float(xent.perplexity([1.0, 0.0], [1e-300, 1.0])), 1e300, rel_tol=1e-13)


@pytest.mark.parametrize(
    ("counts", "expected"),
    [
        ([BIG, BIG], [0.5, 0.5]),
        ([2.0**1023, 2.0**1023, 2.0**1022, 0.0], [0.4, 0.4, 0.2, 0.0]),
        ([[BIG, BIG], [1.0, 3.0]], [[0.5, 0.5], [0.25, 0.75]]),
    ],
)
def test_normalized_counts_near_the_float64_limit_are_the_rounded_fractions(
    counts: list[Any], expected: list[Any]
) -> None:
    np.testing.assert_array_equal(normalized_counts(np.array(counts), "p", -1), expected)


def test_huge_losses_in_a_batch_do_not_disturb_the_other_rows() -> None:
    logits = np.array([[BIG, -BIG], [2.0, 1.0], [BIG, -BIG]])
    values = xent.softmax_cross_entropy(logits, [0, 0, 1], label_smoothing=0.2)
    assert math.isclose(values[0], 0.1 * BIG + 0.1 * BIG, rel_tol=1e-15)  # (ε/2)·2e308
    assert values[1] == xent.softmax_cross_entropy([2.0, 1.0], 0, label_smoothing=0.2)
    assert values[2] == INF  # 0.9 · 2e308 is beyond float64


def test_float32_losses_beyond_float32_are_inf_without_a_warning() -> None:
    y, z = np.ones(2, dtype=np.float32), np.asarray([-3e38, 1.0], dtype=np.float32)
    values = xent.binary_cross_entropy(y, logits=z, pos_weight=10)
    assert values.dtype == np.float32
    assert values[0] == np.inf
    assert as_float(xent.binary_cross_entropy(y[0], logits=z[0], pos_weight=10)) == INF


# --- every public function under np.errstate(all="raise") ----------------------------------------

ROWS = np.array([[0.25, 0.75], [0.5, 0.5], [1.0, 0.0]])
OTHER = np.array([[0.5, 0.5], [1e-300, 1.0 - 1e-300], [1.0, 0.0]])
ROWS32 = ROWS.astype(np.float32)
OTHER32 = np.array([[0.5, 0.5], [1e-40, 1.0], [1.0, 0.0]], dtype=np.float32)
LOGITS = np.array([[2.0, 1.0, 0.1], [0.0, -1000.0, -INF], [800.0, -800.0, INF], [1e308, -1e308, 0]])

UNDER_RAISE: dict[str, list[Callable[[], object]]] = {
    "self_information": [
        lambda: xent.self_information([0.5, 1e-320, 0.0, 1.0]),
        lambda: xent.self_information(np.asarray([1e-45, 0.5], dtype=np.float32), base="bits"),
    ],
    "entropy": [
        lambda: xent.entropy(ROWS),
        lambda: xent.entropy([1e-320, 1.0]),
        lambda: xent.entropy([3.0, 1e-300, 0.0], normalize=True),
        lambda: xent.entropy(ROWS.astype(np.float16), base=10),
    ],
    "cross_entropy": [
        lambda: xent.cross_entropy(ROWS, OTHER),
        lambda: xent.cross_entropy([1.0, 0.0], [0.0, 1.0]),
        lambda: xent.cross_entropy([1e-320, 1.0], [1e-300, 1.0]),
    ],
    "kl_divergence": [
        lambda: xent.kl_divergence(ROWS, OTHER),
        lambda: xent.kl_divergence([0.5, 0.5], [1e-300, 1.0 - 1e-300]),
        lambda: xent.kl_divergence([1e-320, 1.0], [1.0, 1e-320]),
        lambda: xent.kl_divergence([0.5 + 1e-12, 0.5 - 1e-12], [0.5, 0.5]),
        lambda: xent.kl_divergence(ROWS32, OTHER32),
    ],
    "js_divergence": [
        lambda: xent.js_divergence(ROWS, OTHER),
        lambda: xent.js_divergence([1.0, 0.0], [0.0, 1.0]),
        lambda: xent.js_divergence([1e-320, 1.0], [1.0, 1e-320]),
    ],
    "perplexity": [
        lambda: xent.perplexity(ROWS),
        lambda: xent.perplexity([1.0, 0.0], [5e-324, 1.0]),
        lambda: xent.perplexity([1.0, 0.0], [0.0, 1.0]),
    ],
    "binary_entropy": [
        lambda: xent.binary_entropy([0.0, 1e-320, 0.5, 1.0 - 1e-16, 1.0]),
        lambda: xent.binary_entropy(np.asarray([1e-45, 0.5], dtype=np.float32)),
    ],
    "binary_cross_entropy": [
        lambda: xent.binary_cross_entropy([1, 0, 1, 0], logits=[1000.0, -1000.0, 40.0, -INF]),
        lambda: xent.binary_cross_entropy([1, 0], logits=[-INF, INF]),
        lambda: xent.binary_cross_entropy([1, 0, 1], [1e-320, 1e-320, 1.0]),
        lambda: xent.binary_cross_entropy([1, 1], logits=[-BIG, -BIG], reduction="mean"),
        lambda: xent.binary_cross_entropy(1, logits=-BIG, pos_weight=10),
        lambda: xent.binary_cross_entropy(
            np.asarray([1], dtype=np.float32), logits=np.asarray([100.0], dtype=np.float32)
        ),
    ],
    "softmax_cross_entropy": [
        lambda: xent.softmax_cross_entropy(LOGITS, [0, 0, 2, 1]),
        lambda: xent.softmax_cross_entropy(LOGITS, [0, 1, 2, 0], label_smoothing=0.1),
        lambda: xent.softmax_cross_entropy([0.0, -1000.0], 0),
        lambda: xent.softmax_cross_entropy([[40.0, 0.0]], [[1.0, 0.0]], reduction="mean"),
        lambda: xent.softmax_cross_entropy([[0.0, -BIG]] * 2, [1, 1], reduction="mean"),
        lambda: xent.softmax_cross_entropy(
            LOGITS, [0, -100, 2, 0], weight=[0.0, 1.0, 2.0], ignore_index=-100
        ),
    ],
    "softmax": [
        lambda: xent.softmax(LOGITS),
        lambda: xent.softmax(np.asarray([[100.0, -100.0]], dtype=np.float32)),
    ],
    "log_softmax": [
        lambda: xent.log_softmax(LOGITS),
        lambda: xent.log_softmax([1e308, -1e308]),
    ],
    "logsumexp": [
        lambda: xent.logsumexp(LOGITS),
        lambda: xent.logsumexp([-INF, -INF]),
        lambda: xent.logsumexp([1.7e308, 1.7e308]),
        lambda: xent.logsumexp([0.0, -800.0]),
    ],
    "brier_score": [
        lambda: xent.brier_score(ROWS, [0, 1, 0, 1][: len(ROWS)]),
        lambda: xent.brier_score([1e-320, 1.0], 0),
    ],
    "spherical_score": [
        lambda: xent.spherical_score([1e-320, 1.0], 0),
        lambda: xent.spherical_score([1e-200, 1.0], [1.0, 0.0]),
    ],
    "focal_loss": [
        lambda: xent.focal_loss(LOGITS, [0, 0, 2, 1], gamma=2),
        lambda: xent.focal_loss([0.0, -1000.0], 0, gamma=2),
        lambda: xent.focal_loss([[INF, 0.0], [-INF, 0.0]], [0, 1], gamma=1.5),
        lambda: xent.focal_loss([[40.0, -INF]], [[1.0, 0.0]], gamma=2, reduction="mean"),
    ],
    "calibration_bins": [
        lambda: xent.calibration_bins([[1e-320, 1.0], [0.5, 0.5]], [1, 0]).confidence,
    ],
    "expected_calibration_error": [
        lambda: xent.expected_calibration_error([[1e-320, 1.0], [0.5, 0.5]], [1, 0]),
    ],
    "fit_temperature": [
        lambda: xent.fit_temperature([[800.0, 0.0], [0.0, 1.0], [3.0, 0.0]], [0, 0, 0]),
    ],
    "distillation_loss": [
        lambda: xent.distillation_loss(LOGITS, LOGITS[::-1], temperature=2.0),
        lambda: xent.distillation_loss([-700.0, 650.0], [650.0, -700.0], temperature=0.5),
        lambda: xent.distillation_loss([[0.0, -INF]], [[0.0, 1.0]], reduction="mean"),
    ],
    "renyi_entropy": [
        lambda: xent.renyi_entropy([1e-320, 1.0], 2.0),
        lambda: xent.renyi_entropy([1e-200, 1.0 - 1e-200], 1.0 + 1e-9),
        lambda: xent.renyi_entropy([0.0, 0.5, 0.5], 0.0),
        lambda: xent.renyi_entropy([1e-320, 1.0], INF),
    ],
    "conditional_entropy": [
        lambda: xent.conditional_entropy([[1e-320, 0.5], [0.0, 0.5]]),
    ],
    "mutual_information": [
        lambda: xent.mutual_information([[1e-320, 0.5], [0.0, 0.5]]),
        lambda: xent.mutual_information([[1e-300, 1e-300], [0.5, 0.5 - 2e-300]]),
    ],
}

CALLS_UNDER_RAISE = [
    pytest.param(name, number, id=f"{name} {number}")
    for name, calls in UNDER_RAISE.items()
    for number in range(len(calls))
]


def test_every_public_numeric_function_is_checked_under_errstate_raise() -> None:
    assert set(UNDER_RAISE) == PUBLIC_FUNCTIONS


@pytest.mark.parametrize(("name", "number"), CALLS_UNDER_RAISE)
def test_valid_calls_give_the_same_values_under_errstate_raise(name: str, number: int) -> None:
    compute = UNDER_RAISE[name][number]
    expected = compute()
    with np.errstate(all="raise"):
        value = compute()
    assert type(value) is type(expected)
    np.testing.assert_array_equal(value, expected, strict=True)


@pytest.mark.parametrize(
    ("compute", "expected"),
    [
        pytest.param(lambda: xent.softmax_cross_entropy([0.0, -1000.0], 0), 0.0, id="exp under"),
        pytest.param(lambda: xent.binary_cross_entropy(1, logits=1000.0), 0.0, id="BCE under"),
        pytest.param(
            lambda: xent.binary_cross_entropy(1, logits=40.0), math.exp(-40.0), id="BCE tiny"
        ),
        pytest.param(lambda: xent.logsumexp([0.0, -800.0]), 0.0, id="logsumexp under"),
        pytest.param(lambda: xent.entropy([0.0, 1.0]), 0.0, id="0 log 0"),
        pytest.param(lambda: xent.self_information(0.0), INF, id="log 0"),
        pytest.param(
            lambda: xent.kl_divergence([1.0, 0.0], [1e-300, 1.0]),
            -math.log(1e-300) - 1.0 + 1.0,
            id="KL of 1e-300",
        ),
    ],
)
def test_harmless_underflow_and_log_zero_do_not_raise_under_errstate_raise(
    compute: Callable[[], object], expected: float
) -> None:
    with np.errstate(all="raise"):
        value = as_float(compute())
    assert math.isclose(value, expected, rel_tol=1e-15)


def test_the_callers_floating_point_state_is_restored() -> None:
    with np.errstate(all="raise"):
        xent.softmax_cross_entropy([0.0, -1000.0], 0)
        assert np.geterr() == {
            "divide": "raise",
            "over": "raise",
            "under": "raise",
            "invalid": "raise",
        }


# --- base ----------------------------------------------------------------------------------------

BASE_FUNCTIONS: list[Callable[[Any], object]] = [
    lambda base: xent.entropy([0.5, 0.5], base=base),
    lambda base: xent.binary_cross_entropy(1, 0.5, base=base),
    lambda base: xent.softmax_cross_entropy([1.0, 0.0], 0, base=base),
]


@pytest.mark.parametrize("compute", BASE_FUNCTIONS, ids=["entropy", "BCE", "softmax CE"])
@pytest.mark.parametrize("base", [0.5, 1, 1.0, 0, -2, INF, -INF, math.nan, np.float64(0.5)])
def test_a_base_at_most_one_or_not_finite_is_rejected(
    compute: Callable[[Any], object], base: Any
) -> None:
    with pytest.raises(ValueError, match=r"base must be a finite number > 1"):
        compute(base)


@pytest.mark.parametrize("compute", BASE_FUNCTIONS, ids=["entropy", "BCE", "softmax CE"])
@pytest.mark.parametrize("base", [True, False, np.True_], ids=["True", "False", "numpy True"])
def test_a_boolean_base_is_a_type_error(compute: Callable[[Any], object], base: Any) -> None:
    with pytest.raises(TypeError, match=r"base must be a unit name or a real number, got bool"):
        compute(base)


@pytest.mark.parametrize("base", [2, 10, math.e, 1.5, 10**400])
def test_a_base_above_one_is_accepted(base: Any) -> None:
    value = as_float(xent.entropy([0.5, 0.5], base=base))
    assert math.isclose(value, math.log(2) / math.log(base), rel_tol=1e-15)


# --- dtypes: longdouble refused, float16 rounded once -------------------------------------------

LONGDOUBLE_IS_WIDER = np.finfo(np.longdouble).nmant > np.finfo(np.float64).nmant
LD = np.longdouble

LONGDOUBLE_CALLS = [
    pytest.param(lambda: xent.entropy(np.array([0.5, 0.5], dtype=LD)), "p", id="entropy"),
    pytest.param(
        lambda: xent.kl_divergence([0.5, 0.5], np.array([0.5, 0.5], dtype=LD)), "q", id="KL q"
    ),
    pytest.param(lambda: xent.self_information(LD(0.5)), "p", id="self_information scalar"),
    pytest.param(
        lambda: xent.binary_cross_entropy(1, logits=np.array([0.5], dtype=LD)), "logits", id="BCE"
    ),
    pytest.param(
        lambda: xent.binary_cross_entropy(1, 0.5, pos_weight=LD(2)), "pos_weight", id="pos_weight"
    ),
    pytest.param(
        lambda: xent.softmax_cross_entropy(np.array([1.0, 0.0], dtype=LD), 0),
        "logits",
        id="softmax CE",
    ),
    pytest.param(
        lambda: xent.softmax_cross_entropy([1.0, 0.0], np.array([1.0, 0.0], dtype=LD)),
        "target",
        id="softmax CE target",
    ),
    pytest.param(
        lambda: xent.softmax_cross_entropy([1.0, 0.0], 0, weight=np.ones(2, dtype=LD)),
        "weight",
        id="class weight",
    ),
    pytest.param(lambda: xent.logsumexp(np.zeros(2, dtype=LD)), "x", id="logsumexp"),
]


@pytest.mark.skipif(not LONGDOUBLE_IS_WIDER, reason="np.longdouble is float64 on this platform")
@pytest.mark.parametrize(("compute", "name"), LONGDOUBLE_CALLS)
def test_longdouble_input_is_rejected_with_a_hint_to_convert_to_float64(
    compute: Callable[[], object], name: str
) -> None:
    with pytest.raises(
        TypeError, match=rf"^{name} has dtype .*np\.longdouble.*astype\(np\.float64\)"
    ):
        compute()


H = np.float16
P16 = np.array([[0.25, 0.75], [0.5, 0.5], [0.125, 0.875], [1.0, 0.0], [0.5, 0.5]], dtype=H)
Q16 = np.array(
    [[0.5, 0.5], [0.375, 0.625], [0.25, 0.75], [0.5, 0.5], [0.5009765625, 0.4990234375]], dtype=H
)
Z16 = np.array([[2.0, 1.0, 0.125], [0.0, -8.0, 30.0]], dtype=H)

PER_DTYPE: dict[str, Callable[[Any], object]] = {
    "self_information": lambda t: xent.self_information(P16[:, 0].astype(t), base="bits"),
    "entropy": lambda t: xent.entropy(P16.astype(t)),
    "cross_entropy": lambda t: xent.cross_entropy(P16.astype(t), Q16.astype(t)),
    "kl_divergence": lambda t: xent.kl_divergence(P16.astype(t), Q16.astype(t), base=10),
    "js_divergence": lambda t: xent.js_divergence(P16.astype(t), Q16.astype(t)),
    "perplexity": lambda t: xent.perplexity(P16.astype(t), Q16[:3].repeat(2, 0)[:5].astype(t)),
    "binary_entropy": lambda t: xent.binary_entropy(Q16[:, 1].astype(t)),
    "binary_cross_entropy": lambda t: xent.binary_cross_entropy(
        P16[:, 0].astype(t), logits=Z16.reshape(-1)[:5].astype(t), pos_weight=3.0
    ),
    "softmax_cross_entropy": lambda t: xent.softmax_cross_entropy(
        Z16.astype(t), [0, 1], label_smoothing=0.1
    ),
    "softmax": lambda t: xent.softmax(Z16.astype(t)),
    "log_softmax": lambda t: xent.log_softmax(Z16.astype(t)),
    "logsumexp": lambda t: xent.logsumexp(Z16.astype(t)),
    "brier_score": lambda t: xent.brier_score(Q16.astype(t), [0, 1, 0, 1, 0]),
    "spherical_score": lambda t: xent.spherical_score(Q16.astype(t), P16.astype(t)),
    "focal_loss": lambda t: xent.focal_loss(Z16.astype(t), [0, 1], gamma=2),
    "distillation_loss": lambda t: xent.distillation_loss(
        Z16.astype(t), Z16[::-1].astype(t), temperature=2.0
    ),
    "renyi_entropy": lambda t: xent.renyi_entropy(Q16.astype(t), 2.5),
}

#: Functions of one joint table: their result is a Python float, the float64 result rounded
#: once to the table's dtype (checked below).
TABLES = {
    "conditional_entropy": lambda t: xent.conditional_entropy(Q16[:4].astype(t) / 4),
    "mutual_information": lambda t: xent.mutual_information(Q16[:4].astype(t) / 4),
}

#: Functions of a whole data set, not row by row: tests/numeric/test_scoring.py checks their
#: float16 and float32 results (the float64 result rounded once).
AGGREGATES = {"calibration_bins", "expected_calibration_error", "fit_temperature"}


def test_every_public_numeric_function_is_checked_in_float16() -> None:
    assert set(PER_DTYPE) | set(TABLES) | AGGREGATES == PUBLIC_FUNCTIONS


@pytest.mark.parametrize("dtype", [np.float16, np.float32])
@pytest.mark.parametrize("name", TABLES)
def test_a_joint_table_result_is_the_float64_result_rounded_once(name: str, dtype: Any) -> None:
    narrow = TABLES[name](dtype)
    wide = TABLES[name](np.float64)
    assert type(narrow) is float
    assert narrow == float(dtype(wide))


@pytest.mark.parametrize("name", PER_DTYPE)
def test_a_float16_result_is_the_float64_result_rounded_once(name: str) -> None:
    narrow = PER_DTYPE[name](np.float16)
    wide = np.asarray(PER_DTYPE[name](np.float64))
    assert isinstance(narrow, np.ndarray)
    assert narrow.dtype == np.float16
    np.testing.assert_array_equal(narrow, wide.astype(np.float16), strict=True)


# --- float32: a scalar result is the row of a batch; Python options do not promote --------------

F = np.float32
P32 = np.array([[0.2, 0.8], [0.3, 0.7], [0.1, 0.9], [0.6, 0.4]], dtype=F)
Q32 = np.array([[0.5, 0.5], [0.7, 0.3], [0.1000001, 0.8999999], [0.61, 0.39]], dtype=F)
Z32 = np.array([[2.5, 1.0, 0.1], [0.3, 20.0, -4.0], [1e-3, 0.0, 7.0], [-1.0, -1.0, 3.0]], dtype=F)
Y32 = np.array([1.0, 0.0, 0.3, 1.0], dtype=F)

# name -> (batch, i -> row i computed alone); each batch has 4 rows
ROW_CASES: dict[str, tuple[Callable[[], Any], Callable[[int], Any]]] = {
    "self_information": (
        lambda: xent.self_information(P32[:, 0]),
        lambda i: xent.self_information(P32[i, 0]),
    ),
    "entropy": (lambda: xent.entropy(P32), lambda i: xent.entropy(P32[i])),
    "cross_entropy": (
        lambda: xent.cross_entropy(P32, Q32),
        lambda i: xent.cross_entropy(P32[i], Q32[i]),
    ),
    "kl_divergence": (
        lambda: xent.kl_divergence(P32, Q32, base="bits"),
        lambda i: xent.kl_divergence(P32[i], Q32[i], base="bits"),
    ),
    "js_divergence": (
        lambda: xent.js_divergence(P32, Q32),
        lambda i: xent.js_divergence(P32[i], Q32[i]),
    ),
    "perplexity": (lambda: xent.perplexity(P32, Q32), lambda i: xent.perplexity(P32[i], Q32[i])),
    "binary_entropy": (
        lambda: xent.binary_entropy(Q32[:, 0]),
        lambda i: xent.binary_entropy(Q32[i, 0]),
    ),
    "binary_cross_entropy": (
        lambda: xent.binary_cross_entropy(Y32, logits=Z32[:, 0], pos_weight=2.0),
        lambda i: xent.binary_cross_entropy(Y32[i], logits=Z32[i, 0], pos_weight=2.0),
    ),
    "softmax_cross_entropy": (
        lambda: xent.softmax_cross_entropy(Z32, [0, 1, 2, 0], label_smoothing=0.1),
        lambda i: xent.softmax_cross_entropy(Z32[i], [0, 1, 2, 0][i], label_smoothing=0.1),
    ),
    "softmax": (lambda: xent.softmax(Z32), lambda i: xent.softmax(Z32[i])),
    "log_softmax": (lambda: xent.log_softmax(Z32), lambda i: xent.log_softmax(Z32[i])),
    "logsumexp": (lambda: xent.logsumexp(Z32), lambda i: xent.logsumexp(Z32[i])),
    "brier_score": (
        lambda: xent.brier_score(Q32, [0, 1, 1, 0]),
        lambda i: xent.brier_score(Q32[i], [0, 1, 1, 0][i]),
    ),
    "spherical_score": (
        lambda: xent.spherical_score(Q32, P32),
        lambda i: xent.spherical_score(Q32[i], P32[i]),
    ),
    "focal_loss": (
        lambda: xent.focal_loss(Z32, [0, 1, 2, 0], gamma=2),
        lambda i: xent.focal_loss(Z32[i], [0, 1, 2, 0][i], gamma=2),
    ),
    "distillation_loss": (
        lambda: xent.distillation_loss(Z32, Z32[::-1], temperature=3.0),
        lambda i: xent.distillation_loss(Z32[i], Z32[::-1][i], temperature=3.0),
    ),
    "renyi_entropy": (
        lambda: xent.renyi_entropy(Q32, 1.0 + 1e-6),
        lambda i: xent.renyi_entropy(Q32[i], 1.0 + 1e-6),
    ),
}


def test_every_public_numeric_function_is_checked_row_by_row_in_float32() -> None:
    assert set(ROW_CASES) | set(TABLES) | AGGREGATES == PUBLIC_FUNCTIONS


@pytest.mark.parametrize("row", range(4))
@pytest.mark.parametrize("name", ROW_CASES)
def test_a_float32_result_computed_alone_equals_its_row_of_a_batch_bit_for_bit(
    name: str, row: int
) -> None:
    batch, alone = ROW_CASES[name]
    values = batch()
    assert values.dtype == np.float32
    single = alone(row)
    if isinstance(single, np.ndarray):  # softmax and log_softmax keep the row
        assert single.dtype == np.float32
        np.testing.assert_array_equal(single, values[row], strict=True)
    else:
        assert isinstance(single, float)
        assert np.float32(single) == values[row]
        assert single == float(values[row])  # the float of the float32 value, not of float64


def test_a_float32_scalar_result_is_the_rounded_value() -> None:
    value = as_float(xent.entropy(np.array([0.3, 0.7], dtype=F)))
    assert value == float(np.float32(value))
    assert value == float(np.float32(xent.entropy(np.array([0.3, 0.7], dtype=F).astype(float))))


@pytest.mark.parametrize(
    "compute",
    [
        pytest.param(
            lambda: xent.binary_cross_entropy(Y32, logits=Z32[:, 0], pos_weight=2.0),
            id="pos_weight float",
        ),
        pytest.param(
            lambda: xent.binary_cross_entropy(Y32, logits=Z32[:, 0], pos_weight=[1.0, 2, 3, 4]),
            id="pos_weight list",
        ),
        pytest.param(
            lambda: xent.binary_cross_entropy([1.0, 0.0, 0.3, 1.0], logits=Z32[:, 0]),
            id="target list",
        ),
        pytest.param(
            lambda: xent.binary_cross_entropy(np.array([1, 0, 0, 1]), P32[:, 0]),
            id="integer target array",
        ),
        pytest.param(
            lambda: xent.softmax_cross_entropy(Z32, [0, 1, 2, 0], weight=[0.5, 1.0, 2.0]),
            id="class weight list",
        ),
        pytest.param(
            lambda: xent.softmax_cross_entropy(Z32, [[1.0, 0.0, 0.0], [0.0, 0.5, 0.5]] * 2),
            id="probability target list",
        ),
        pytest.param(lambda: xent.cross_entropy([0.5, 0.5], Q32), id="p list"),
        pytest.param(lambda: xent.kl_divergence(P32, [0.5, 0.5]), id="q list"),
    ],
)
def test_python_numbers_and_lists_do_not_promote_a_float32_result(
    compute: Callable[[], Any],
) -> None:
    assert compute().dtype == np.float32


def test_a_float64_array_option_does_promote() -> None:
    values = xent.binary_cross_entropy(Y32, logits=Z32[:, 0], pos_weight=np.full(4, 2.0))
    assert values.dtype == np.float64


# --- masked arrays ------------------------------------------------------------------------------

# numpy's stubs leave np.ma.array unannotated
MASKED = np.ma.array([0.5, 0.5, 0.3], mask=[False, False, True])  # type: ignore[no-untyped-call]
MASKED_CALLS = [
    pytest.param(lambda: xent.entropy(MASKED), "p", id="entropy"),
    pytest.param(lambda: xent.cross_entropy(MASKED[:2], MASKED), "p", id="cross_entropy"),
    pytest.param(lambda: xent.kl_divergence([0.5, 0.5, 0.0], MASKED), "q", id="KL q"),
    pytest.param(lambda: xent.self_information(MASKED), "p", id="self_information"),
    pytest.param(lambda: xent.binary_cross_entropy(MASKED, [0.1, 0.2, 0.3]), "y", id="BCE y"),
    pytest.param(lambda: xent.binary_cross_entropy([1, 0, 1], logits=MASKED), "logits", id="BCE z"),
    pytest.param(
        lambda: xent.binary_cross_entropy([1, 0, 1], [0.1, 0.2, 0.3], pos_weight=MASKED),
        "pos_weight",
        id="pos_weight",
    ),
    pytest.param(lambda: xent.softmax_cross_entropy(MASKED, 0), "logits", id="softmax CE"),
    pytest.param(
        lambda: xent.softmax_cross_entropy([0.0, 1.0, 2.0], MASKED), "target", id="target rows"
    ),
    pytest.param(
        lambda: xent.softmax_cross_entropy(
            np.zeros((3, 2)),
            np.ma.array([0, 1, 1], mask=[0, 0, 1]),  # type: ignore[no-untyped-call]
        ),
        "target",
        id="target indices",
    ),
    pytest.param(
        lambda: xent.softmax_cross_entropy([0.0, 1.0, 2.0], 0, weight=MASKED), "weight", id="weight"
    ),
    pytest.param(lambda: xent.logsumexp(MASKED), "x", id="logsumexp"),
    pytest.param(lambda: xent.softmax(MASKED), "logits", id="softmax"),
]


@pytest.mark.parametrize(("compute", "name"), MASKED_CALLS)
def test_a_masked_array_is_rejected_naming_the_argument_and_the_fix(
    compute: Callable[[], object], name: str
) -> None:
    with pytest.raises(
        TypeError, match=rf"^{name} is a masked array.*{name}\.filled\(.*{name}\.compressed\(\)"
    ):
        compute()


# --- a row of all -inf logits has no softmax -----------------------------------------------------

ALL_MINUS_INF = np.array([[0.0, 1.0, 2.0], [-INF, -INF, -INF], [1.0, 1.0, 1.0]])
NO_SOFTMAX_CALLS = [
    pytest.param(lambda: xent.softmax(ALL_MINUS_INF), r"logits row \[1\]", id="softmax"),
    pytest.param(lambda: xent.log_softmax(ALL_MINUS_INF), r"logits row \[1\]", id="log_softmax"),
    pytest.param(
        lambda: xent.softmax_cross_entropy(ALL_MINUS_INF, [0, 0, 0]),
        r"logits row \[1\]",
        id="softmax CE indices",
    ),
    pytest.param(
        lambda: xent.softmax_cross_entropy(ALL_MINUS_INF, np.full((3, 3), 1 / 3)),
        r"logits row \[1\]",
        id="softmax CE rows",
    ),
    pytest.param(
        lambda: xent.softmax_cross_entropy(ALL_MINUS_INF, [0, 0, 0], label_smoothing=0.1),
        r"logits row \[1\]",
        id="softmax CE smoothed",
    ),
    pytest.param(
        lambda: xent.softmax_cross_entropy(ALL_MINUS_INF.T, [0, 0, 0], axis=0),
        r"logits row \[1\]",
        id="softmax CE axis 0",
    ),
    pytest.param(lambda: xent.softmax([-INF, -INF]), r"logits", id="softmax 1-d"),
    pytest.param(
        lambda: xent.log_softmax(np.stack([ALL_MINUS_INF, ALL_MINUS_INF[::-1]])),
        r"logits row \[0, 1\]",
        id="log_softmax 3-d",
    ),
    pytest.param(
        lambda: xent.softmax(ALL_MINUS_INF.astype(np.float32)), r"logits row \[1\]", id="float32"
    ),
]


@pytest.mark.parametrize(("compute", "row"), NO_SOFTMAX_CALLS)
def test_a_row_of_all_minus_inf_logits_has_no_softmax(
    compute: Callable[[], object], row: str
) -> None:
    with pytest.raises(ValueError, match=rf"^{row} is all -inf; it has no softmax"):
        compute()


@pytest.mark.parametrize("chunk_bytes", [8, 64, 1 << 20])
def test_the_row_of_all_minus_inf_is_named_whatever_the_chunk(
    chunk_bytes: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    logits = np.zeros((50, 4))
    logits[37] = -INF
    monkeypatch.setattr(_chunks, "CHUNK_BYTES", chunk_bytes)
    with pytest.raises(ValueError, match=r"^logits row \[37\] is all -inf"):
        xent.softmax(logits)


def test_logsumexp_of_all_minus_inf_is_minus_inf() -> None:
    assert as_float(xent.logsumexp([-INF, -INF, -INF])) == -INF
    np.testing.assert_array_equal(
        xent.logsumexp(ALL_MINUS_INF),
        [
            as_float(xent.logsumexp([0.0, 1.0, 2.0])),
            -INF,
            as_float(xent.logsumexp([1.0, 1.0, 1.0])),
        ],
    )
    assert xent.logsumexp([1.0, 1.0, 1.0]) == pytest.approx(
        1 + math.log(3), rel=4 * np.finfo(float).eps
    )


def test_an_ignored_row_may_be_all_minus_inf() -> None:
    values = xent.softmax_cross_entropy(ALL_MINUS_INF, [0, -100, 2], ignore_index=-100)
    np.testing.assert_array_equal(
        values,
        [
            xent.softmax_cross_entropy([0.0, 1.0, 2.0], 0),
            0.0,
            xent.softmax_cross_entropy([1.0, 1.0, 1.0], 2),
        ],
    )
    assert values[2] == pytest.approx(math.log(3), rel=4 * np.finfo(float).eps)


def test_one_finite_logit_among_minus_inf_takes_all_the_probability() -> None:
    np.testing.assert_array_equal(xent.softmax([-INF, 3.0, -INF]), [0.0, 1.0, 0.0])


# --- messages: the row of a bad class index, one entry of a bad weight ---------------------------


@pytest.mark.parametrize(
    ("target", "message"),
    [
        ([0, 1, 2, 7, 0], r"^target\[3\] = 7 is out of range for 5 classes"),
        ([0, -1, 2, 3, 4], r"^target\[1\] = -1 is out of range for 5 classes"),
        ([[0, 1], [9, 1], [0, 0], [1, 1], [2, 2]], None),
    ],
)
def test_an_out_of_range_class_index_names_its_row(target: Any, message: str | None) -> None:
    logits: NDArray[np.float64]
    if message is None:  # 3-d logits, 2-d indices
        logits, message = np.zeros((5, 2, 5)), r"^target\[1, 0\] = 9 is out of range for 5 classes"
    else:
        logits = np.zeros((5, 5))
    with pytest.raises(ValueError, match=message):
        xent.softmax_cross_entropy(logits, target)


def test_a_single_out_of_range_class_index_is_named_without_a_position() -> None:
    with pytest.raises(ValueError, match=r"^target = 7 is out of range for 5 classes"):
        xent.softmax_cross_entropy(np.zeros(5), 7)


@pytest.mark.parametrize(
    ("compute", "message"),
    [
        pytest.param(
            lambda: xent.softmax_cross_entropy(
                np.zeros((2, 1000)), [0, 1], weight=np.r_[np.ones(500), -1.0, np.ones(499)]
            ),
            r"^weight must be finite and >= 0; weight\[500\] = -1\.0$",
            id="weight",
        ),
        pytest.param(
            lambda: xent.softmax_cross_entropy(np.zeros(3), 0, weight=[1.0, INF, -1.0]),
            r"^weight must be finite and >= 0; weight\[1\] = inf$",
            id="weight inf",
        ),
        pytest.param(
            lambda: xent.binary_cross_entropy(
                np.ones(1000), logits=np.zeros(1000), pos_weight=np.r_[np.ones(999), np.nan]
            ),
            r"^pos_weight must be finite and >= 0; pos_weight\[999\] = nan$",
            id="pos_weight",
        ),
        pytest.param(
            lambda: xent.binary_cross_entropy(1, 0.5, pos_weight=-2.0),
            r"^pos_weight must be finite and >= 0; pos_weight = -2\.0$",
            id="pos_weight scalar",
        ),
        pytest.param(
            lambda: xent.entropy(np.r_[np.ones(999), -1.0], normalize=True),
            r"^p must hold non-negative finite counts; p\[999\] = -1\.0$",
            id="counts",
        ),
    ],
)
def test_a_bad_weight_is_named_by_its_first_bad_entry_not_printed_whole(
    compute: Callable[[], object], message: str
) -> None:
    with pytest.raises(ValueError, match=message):
        compute()


# --- normalize for perplexity and js_divergence --------------------------------------------------

COUNTS = np.array([[3.0, 1.0, 0.0], [2.0, 2.0, 4.0]])
OTHER_COUNTS = np.array([[1.0, 1.0, 2.0], [5.0, 0.0, 5.0]])


def fractions(counts: NDArray[np.float64]) -> NDArray[np.float64]:
    shares: NDArray[np.float64] = counts / counts.sum(axis=-1, keepdims=True)
    return shares


@pytest.mark.parametrize(
    ("with_counts", "with_probabilities"),
    [
        pytest.param(
            lambda: xent.perplexity(COUNTS, normalize=True),
            lambda: xent.perplexity(fractions(COUNTS)),
            id="perplexity",
        ),
        pytest.param(
            lambda: xent.perplexity(COUNTS, OTHER_COUNTS, normalize=True),
            lambda: xent.perplexity(fractions(COUNTS), fractions(OTHER_COUNTS)),
            id="perplexity of q",
        ),
        pytest.param(
            lambda: xent.js_divergence(COUNTS, OTHER_COUNTS, normalize=True, base="bits"),
            lambda: xent.js_divergence(fractions(COUNTS), fractions(OTHER_COUNTS), base="bits"),
            id="js_divergence",
        ),
        pytest.param(
            lambda: xent.js_divergence(COUNTS.T, OTHER_COUNTS.T, normalize=True, axis=0),
            lambda: xent.js_divergence(fractions(COUNTS), fractions(OTHER_COUNTS)),
            id="js_divergence axis 0",
        ),
    ],
)
def test_perplexity_and_js_divergence_take_normalize_like_their_siblings(
    with_counts: Callable[[], Any], with_probabilities: Callable[[], Any]
) -> None:
    np.testing.assert_allclose(with_counts(), with_probabilities(), rtol=1e-15)


@pytest.mark.parametrize(
    "compute",
    [
        pytest.param(lambda: xent.perplexity(COUNTS / 10), id="perplexity"),
        pytest.param(
            lambda: xent.js_divergence(COUNTS / 10, OTHER_COUNTS / 10), id="js_divergence"
        ),
    ],
)
def test_counts_without_normalize_raise_with_the_hint(compute: Callable[[], object]) -> None:
    with pytest.raises(ValueError, match=r"pass normalize=True to divide counts by their total"):
        compute()


@pytest.mark.parametrize(
    "compute",
    [
        # deliberately not a bool: the hint says bool, the check is at run time
        pytest.param(
            lambda: xent.perplexity(COUNTS, normalize="yes"),  # type: ignore[arg-type]
            id="perplexity",
        ),
        pytest.param(
            lambda: xent.js_divergence(COUNTS, COUNTS, normalize=1),  # type: ignore[arg-type]
            id="js_divergence",
        ),
    ],
)
def test_normalize_must_be_a_boolean(compute: Callable[[], object]) -> None:
    with pytest.raises(TypeError, match=r"normalize must be True or False"):
        compute()


# --- exact numbers --------------------------------------------------------------------------------


# Fraction, Decimal and object lists are outside xent's ArrayLike hint on purpose, hence the
# arg-type ignores below: these tests pass them deliberately.
@pytest.mark.parametrize(
    ("exact", "rounded"),
    [
        pytest.param(
            lambda: xent.entropy([Fraction(1, 3), Fraction(2, 3)]),  # type: ignore[arg-type]
            lambda: xent.entropy([1 / 3, 2 / 3]),
            id="Fraction",
        ),
        pytest.param(
            lambda: xent.entropy([Decimal("0.1"), Decimal("0.9")]),  # type: ignore[arg-type]
            lambda: xent.entropy([0.1, 0.9]),
            id="Decimal",
        ),
        pytest.param(
            lambda: xent.kl_divergence(
                [Fraction(1, 3), 0.5, Decimal("0.1666")],  # type: ignore[arg-type]
                [1, 1, 1],
                normalize=True,
            ),
            lambda: xent.kl_divergence([1 / 3, 0.5, 0.1666], [1, 1, 1], normalize=True),
            id="mixed",
        ),
        pytest.param(
            lambda: xent.logsumexp([2**70, 0]), lambda: xent.logsumexp([2.0**70, 0.0]), id="big int"
        ),
        pytest.param(
            lambda: xent.entropy([2**80, 2**80, 2**81], normalize=True),
            lambda: xent.entropy([0.25, 0.25, 0.5]),
            id="big int counts",
        ),
        pytest.param(
            lambda: xent.logsumexp([10**400, 0]), lambda: math.inf, id="int beyond float64"
        ),
        pytest.param(
            lambda: xent.softmax_cross_entropy([Fraction(1, 3), Decimal(2)], 0),  # type: ignore[arg-type]
            lambda: xent.softmax_cross_entropy([1 / 3, 2.0], 0),
            id="softmax CE",
        ),
        pytest.param(
            lambda: xent.binary_cross_entropy(1, Fraction(1, 3)),  # type: ignore[arg-type]
            lambda: xent.binary_cross_entropy(1, 1 / 3),
            id="BCE 0-d Fraction",
        ),
    ],
)
def test_exact_numbers_are_rounded_once_to_float64(
    exact: Callable[[], object], rounded: Callable[[], object]
) -> None:
    value = exact()
    assert type(value) is float
    assert value == rounded()


@pytest.mark.parametrize(
    ("compute", "message"),
    [
        pytest.param(
            lambda: xent.entropy([Fraction(1, 2), "0.5"]),  # type: ignore[arg-type]
            r"^p must be .*p\[1\] = '0\.5' \(str\)",
            id="str",
        ),
        pytest.param(
            lambda: xent.logsumexp(np.array([1.0, None], dtype=object)),
            r"^x must .*x\[1\] = None",
            id="None",
        ),
        pytest.param(
            lambda: xent.cross_entropy([0.5, 0.5], [Fraction(1, 2), 0.5j]),  # type: ignore[arg-type]
            r"^q must .*\(complex\)",
            id="complex",
        ),
    ],
)
def test_an_object_array_of_other_things_says_how_to_convert(
    compute: Callable[[], object], message: str
) -> None:
    with pytest.raises(TypeError, match=message) as raised:
        compute()
    assert "convert it to a float64 array" in str(raised.value)


# --- each input is converted once ---------------------------------------------------------------


class Counted:
    """An array-like that counts how often it is converted."""

    def __init__(self, values: Any) -> None:
        self.values = np.asarray(values)
        self.conversions = 0

    def __array__(self, dtype: Any = None, copy: Any = None) -> NDArray[Any]:
        self.conversions += 1
        return self.values if dtype is None else self.values.astype(dtype)


CONVERSION_CALLS: list[Any] = [
    pytest.param(lambda a: xent.entropy(a([0.5, 0.5])), id="entropy"),
    pytest.param(lambda a: xent.entropy(a([3.0, 1.0]), normalize=True), id="entropy counts"),
    pytest.param(lambda a: xent.cross_entropy(a([0.5, 0.5]), a([0.25, 0.75])), id="cross_entropy"),
    pytest.param(lambda a: xent.kl_divergence(a([0.5, 0.5]), a([0.25, 0.75])), id="KL"),
    pytest.param(lambda a: xent.js_divergence(a([0.5, 0.5]), a([0.25, 0.75])), id="JS"),
    pytest.param(lambda a: xent.perplexity(a([0.5, 0.5]), a([0.25, 0.75])), id="perplexity"),
    pytest.param(lambda a: xent.self_information(a([0.5])), id="self_information"),
    pytest.param(lambda a: xent.binary_entropy(a([0.5])), id="binary_entropy"),
    pytest.param(
        lambda a: xent.binary_cross_entropy(a([1.0]), logits=a([0.5]), pos_weight=a([2.0])),
        id="BCE",
    ),
    pytest.param(lambda a: xent.binary_cross_entropy(a([1.0]), a([0.5])), id="BCE p"),
    pytest.param(
        lambda a: xent.softmax_cross_entropy(a([[1.0, 0.0]]), a([0]), weight=a([1.0, 2.0])),
        id="softmax CE",
    ),
    pytest.param(
        lambda a: xent.softmax_cross_entropy(a([[1.0, 0.0]]), a([[0.5, 0.5]])), id="soft target"
    ),
    pytest.param(lambda a: xent.softmax(a([1.0, 0.0])), id="softmax"),
    pytest.param(lambda a: xent.log_softmax(a([1.0, 0.0])), id="log_softmax"),
    pytest.param(lambda a: xent.logsumexp(a([1.0, 0.0])), id="logsumexp"),
]


@pytest.mark.parametrize("compute", CONVERSION_CALLS)
def test_each_input_is_converted_once(
    compute: Callable[[Callable[[Any], Counted]], object],
) -> None:
    made: list[Counted] = []

    def counted(values: Any) -> Counted:
        made.append(Counted(values))
        return made[-1]

    compute(counted)
    assert [array.conversions for array in made] == [1] * len(made)
