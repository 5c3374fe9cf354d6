"""Every bad call raises ValueError or TypeError whose message names the offending argument.

Wrong kind of thing (string, None, complex, object array, bool where a number or an int is
expected) is a TypeError; a thing of the right kind with a wrong value (negative probability,
row sum off, out-of-range index or axis, unknown option, empty or ragged array) is a ValueError.
No bad call may return a number, emit a NumPy warning (pytest turns warnings into errors here)
or surface an IndexError from inside NumPy (NumPy's AxisError is an IndexError too).
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any, cast

import numpy as np
import pytest

import xent

if TYPE_CHECKING:
    from collections.abc import Callable

INF = math.inf
NAN = math.nan
UNIFORM2 = [0.5, 0.5]
LOGITS = [[1.0, 2.0, 3.0], [0.5, -0.5, 0.0]]
NONE: Any = None  # typed as Any: these calls are wrong on purpose
A_DICT: Any = {"a": 0.5, "b": 0.5}


def named(*names: str) -> str:
    """A regex that matches when every name occurs as a word in the message."""
    return "(?s)" + "".join(rf"(?=.*\b{name}\b)" for name in names)


def check_raises(call: Callable[[], object], error: type[Exception], pattern: str) -> None:
    with pytest.raises(error, match=pattern) as info:
        call()
    assert not isinstance(info.value, IndexError), f"IndexError leaked: {info.value!r}"


BAD_PROBABILITIES = [
    pytest.param(lambda: xent.entropy([-0.1, 1.1]), named("p"), id="entropy negative entry"),
    pytest.param(lambda: xent.entropy([1.0, -1e-300]), named("p"), id="entropy tiny negative"),
    pytest.param(lambda: xent.entropy([1.5, 0.0]), named("p"), id="entropy entry above 1"),
    pytest.param(lambda: xent.entropy([0.5, 0.6]), named("p"), id="entropy sum 1.1"),
    pytest.param(lambda: xent.entropy([0.5, 0.5 + 1e-7]), named("p"), id="entropy sum off by 1e-7"),
    pytest.param(lambda: xent.entropy([INF, 0.0]), named("p"), id="entropy inf entry"),
    pytest.param(lambda: xent.entropy([-INF, 1.0]), named("p"), id="entropy -inf entry"),
    pytest.param(
        lambda: xent.entropy([[0.5, 0.5], [0.2, 0.2]]), named("p"), id="entropy second row sum"
    ),
    pytest.param(lambda: xent.cross_entropy([-0.5, 1.5], UNIFORM2), named("p"), id="CE negative p"),
    pytest.param(lambda: xent.cross_entropy(UNIFORM2, [-0.5, 1.5]), named("q"), id="CE negative q"),
    pytest.param(lambda: xent.cross_entropy(UNIFORM2, [0.5, 0.6]), named("q"), id="CE q sum"),
    pytest.param(lambda: xent.cross_entropy([0.5, 0.6], UNIFORM2), named("p"), id="CE p sum"),
    pytest.param(lambda: xent.cross_entropy(UNIFORM2, [INF, 0.0]), named("q"), id="CE inf q"),
    pytest.param(lambda: xent.kl_divergence(UNIFORM2, [1.2, -0.2]), named("q"), id="KL bad q"),
    pytest.param(lambda: xent.kl_divergence([1.2, -0.2], UNIFORM2), named("p"), id="KL bad p"),
    pytest.param(lambda: xent.kl_divergence(UNIFORM2, [0.3, 0.3]), named("q"), id="KL q sum"),
    pytest.param(lambda: xent.js_divergence(UNIFORM2, [0.3, 0.3]), named("q"), id="JS q sum"),
    pytest.param(lambda: xent.js_divergence([-1.0, 2.0], UNIFORM2), named("p"), id="JS bad p"),
    pytest.param(lambda: xent.perplexity([0.3, 0.3]), named("p"), id="perplexity p sum"),
    pytest.param(lambda: xent.perplexity(UNIFORM2, [0.3, 0.3]), named("q"), id="perplexity q"),
    pytest.param(lambda: xent.self_information(-0.5), named("p"), id="self-information negative"),
    pytest.param(lambda: xent.self_information(1.5), named("p"), id="self-information above 1"),
    pytest.param(lambda: xent.self_information(INF), named("p"), id="self-information inf"),
    pytest.param(lambda: xent.binary_entropy(-0.5), named("p"), id="binary entropy negative"),
    pytest.param(lambda: xent.binary_entropy(1.5), named("p"), id="binary entropy above 1"),
    pytest.param(lambda: xent.binary_entropy(INF), named("p"), id="binary entropy inf"),
    pytest.param(lambda: xent.binary_cross_entropy(1.5, 0.5), named("y"), id="BCE y above 1"),
    pytest.param(lambda: xent.binary_cross_entropy(-0.5, 0.5), named("y"), id="BCE y negative"),
    pytest.param(lambda: xent.binary_cross_entropy(INF, 0.5), named("y"), id="BCE y inf"),
    pytest.param(
        lambda: xent.binary_cross_entropy(1.5, logits=0.0), named("y"), id="BCE y above 1 logits"
    ),
    pytest.param(lambda: xent.binary_cross_entropy(1.0, 1.5), named("p"), id="BCE p above 1"),
    pytest.param(lambda: xent.binary_cross_entropy(1.0, -0.5), named("p"), id="BCE p negative"),
    pytest.param(lambda: xent.binary_cross_entropy(1.0, INF), named("p"), id="BCE p inf"),
    pytest.param(
        lambda: xent.entropy([1.0, -1.0], normalize=True), named("p"), id="negative counts"
    ),
    pytest.param(
        lambda: xent.entropy([0.0, 0.0], normalize=True), named("p"), id="all-zero counts"
    ),
    pytest.param(lambda: xent.entropy([INF, 1.0], normalize=True), named("p"), id="inf counts"),
    pytest.param(
        lambda: xent.kl_divergence([1.0, 1.0], [0.0, 0.0], normalize=True),
        named("q"),
        id="all-zero q counts",
    ),
    pytest.param(
        lambda: xent.softmax_cross_entropy([1.0, 2.0], [1.5, -0.5]),
        named("target"),
        id="softmax CE negative target",
    ),
    pytest.param(
        lambda: xent.softmax_cross_entropy([1.0, 2.0], [0.5, 0.6]),
        named("target"),
        id="softmax CE target sum",
    ),
    pytest.param(
        lambda: xent.softmax_cross_entropy([1.0, 2.0], [INF, 0.0]),
        named("target"),
        id="softmax CE inf target",
    ),
]


@pytest.mark.parametrize(("call", "pattern"), BAD_PROBABILITIES)
def test_invalid_probabilities_raise_value_error_naming_the_argument(
    call: Callable[[], object], pattern: str
) -> None:
    check_raises(call, ValueError, pattern)


@pytest.mark.parametrize("pos_weight", [-1.0, INF, [1.0, -0.5]], ids=["negative", "inf", "array"])
def test_a_negative_or_infinite_pos_weight_raises_value_error_naming_it(
    pos_weight: float | list[float],
) -> None:
    call = lambda: xent.binary_cross_entropy([1.0, 0.0], [0.5, 0.5], pos_weight=pos_weight)  # noqa: E731
    check_raises(call, ValueError, named("pos_weight"))


@pytest.mark.parametrize(
    ("row", "amounts"),
    [
        pytest.param([0.5, 0.75], r"1\.25|0\.25", id="sum 1.25"),
        pytest.param([0.25, 0.25], r"0\.5", id="sum 0.5"),
        pytest.param([0.5, 0.5 + 2**-20], r"9\.5\d*e-0?7|1\.0000009|9\.53", id="sum 1 + 2^-20"),
    ],
)
def test_row_sum_error_says_by_how_much_the_sum_is_off(row: list[float], amounts: str) -> None:
    check_raises(lambda: xent.entropy(row), ValueError, named("p") + f"(?=.*({amounts}))")


WRONG_KIND = [
    pytest.param(lambda: xent.entropy("abc"), named("p"), id="entropy string"),
    pytest.param(lambda: xent.entropy(["0.5", "0.5"]), named("p"), id="entropy list of strings"),
    pytest.param(lambda: xent.entropy(NONE), named("p"), id="entropy None"),
    pytest.param(lambda: xent.entropy([0.5 + 0j, 0.5]), named("p"), id="entropy complex"),
    pytest.param(
        lambda: xent.entropy(np.array([0.5, 0.5], dtype=complex)), named("p"), id="complex array"
    ),
    pytest.param(
        lambda: xent.entropy(np.array([0.5, None], dtype=object)), named("p"), id="object array"
    ),
    pytest.param(lambda: xent.entropy(A_DICT), named("p"), id="entropy dict"),
    pytest.param(lambda: xent.entropy(cast("Any", b"ab")), named("p"), id="entropy bytes"),
    pytest.param(
        lambda: xent.softmax_cross_entropy([1.0, 2.0], cast("Any", object())),
        named("target"),
        id="softmax CE object target",
    ),
    pytest.param(lambda: xent.cross_entropy(UNIFORM2, "q"), named("q"), id="CE string q"),
    pytest.param(lambda: xent.cross_entropy(NONE, UNIFORM2), named("p"), id="CE None p"),
    pytest.param(lambda: xent.cross_entropy(UNIFORM2, NONE), named("q"), id="CE None q"),
    pytest.param(lambda: xent.kl_divergence(UNIFORM2, [0.5j, 0.5]), named("q"), id="KL complex q"),
    pytest.param(lambda: xent.js_divergence("ab", UNIFORM2), named("p"), id="JS string p"),
    pytest.param(lambda: xent.perplexity(NONE), named("p"), id="perplexity None"),
    pytest.param(lambda: xent.self_information("0.5"), named("p"), id="self-information string"),
    pytest.param(lambda: xent.self_information(NONE), named("p"), id="self-information None"),
    pytest.param(lambda: xent.self_information(0.5j), named("p"), id="self-information complex"),
    pytest.param(lambda: xent.binary_entropy("0.5"), named("p"), id="binary entropy string"),
    pytest.param(lambda: xent.binary_cross_entropy("1", 0.5), named("y"), id="BCE string y"),
    pytest.param(lambda: xent.binary_cross_entropy(NONE, 0.5), named("y"), id="BCE None y"),
    pytest.param(lambda: xent.binary_cross_entropy(1.0, "0.5"), named("p"), id="BCE string p"),
    pytest.param(
        lambda: xent.binary_cross_entropy(1.0, logits="2"), named("logits"), id="BCE string logits"
    ),
    pytest.param(
        lambda: xent.binary_cross_entropy(1.0, logits=2j), named("logits"), id="BCE complex logits"
    ),
    pytest.param(
        lambda: xent.binary_cross_entropy(1.0, 0.5, pos_weight="3"),
        named("pos_weight"),
        id="BCE string pos_weight",
    ),
    pytest.param(
        lambda: xent.softmax_cross_entropy("abc", 0), named("logits"), id="softmax CE string"
    ),
    pytest.param(
        lambda: xent.softmax_cross_entropy(NONE, 0), named("logits"), id="softmax CE None"
    ),
    pytest.param(
        lambda: xent.softmax_cross_entropy([1j, 0.0], 0), named("logits"), id="softmax CE complex"
    ),
    pytest.param(
        lambda: xent.softmax_cross_entropy(np.array([1.0, "2"], dtype=object), 0),
        named("logits"),
        id="softmax CE object logits",
    ),
    pytest.param(
        lambda: xent.softmax_cross_entropy([1.0, 2.0], "0"), named("target"), id="string target"
    ),
    pytest.param(
        lambda: xent.softmax_cross_entropy([1.0, 2.0], NONE), named("target"), id="None target"
    ),
    pytest.param(lambda: xent.softmax("abc"), named("logits"), id="softmax string"),
    pytest.param(lambda: xent.softmax([1j, 0.0]), named("logits"), id="softmax complex"),
    pytest.param(lambda: xent.log_softmax(NONE), named("logits"), id="log_softmax None"),
    pytest.param(
        lambda: xent.log_softmax(np.array([1.0, {}], dtype=object)),
        named("logits"),
        id="log_softmax object",
    ),
    pytest.param(lambda: xent.logsumexp("abc"), named("x"), id="logsumexp string"),
    pytest.param(lambda: xent.logsumexp(NONE), named("x"), id="logsumexp None"),
    pytest.param(lambda: xent.logsumexp([1j, 0.0]), named("x"), id="logsumexp complex"),
]


@pytest.mark.parametrize(("call", "pattern"), WRONG_KIND)
def test_wrong_kind_of_input_raises_type_error_naming_the_argument(
    call: Callable[[], object], pattern: str
) -> None:
    check_raises(call, TypeError, pattern)


BAD_SHAPES = [
    pytest.param(lambda: xent.entropy([[0.5, 0.5], [1.0]]), named("p"), id="entropy ragged"),
    pytest.param(lambda: xent.softmax([[1.0, 2.0], [3.0]]), named("logits"), id="softmax ragged"),
    pytest.param(
        lambda: xent.softmax_cross_entropy([[1.0, 2.0], [3.0]], np.array([0, 0])),
        named("logits"),
        id="softmax CE ragged",
    ),
    pytest.param(
        lambda: xent.binary_cross_entropy([[1.0, 0.0], [1.0]], [[0.5, 0.5], [0.5]]),
        named("y"),
        id="BCE ragged",
    ),
    pytest.param(lambda: xent.entropy([]), named("p"), id="entropy empty"),
    pytest.param(lambda: xent.entropy(np.empty((2, 0))), named("p"), id="entropy empty rows"),
    pytest.param(lambda: xent.entropy(np.empty((0, 2))), named("p"), id="entropy no rows"),
    pytest.param(lambda: xent.cross_entropy([], []), "(?s)\\b(p|q)\\b", id="CE empty"),
    pytest.param(lambda: xent.kl_divergence([], []), "(?s)\\b(p|q)\\b", id="KL empty"),
    pytest.param(lambda: xent.js_divergence([], []), "(?s)\\b(p|q)\\b", id="JS empty"),
    pytest.param(lambda: xent.perplexity([]), named("p"), id="perplexity empty"),
    pytest.param(lambda: xent.self_information([]), named("p"), id="self-information empty"),
    pytest.param(lambda: xent.binary_entropy([]), named("p"), id="binary entropy empty"),
    pytest.param(lambda: xent.binary_cross_entropy([], []), "(?s)\\b(y|p)\\b", id="BCE empty"),
    pytest.param(
        lambda: xent.binary_cross_entropy([], logits=[]),
        "(?s)\\b(y|logits)\\b",
        id="BCE empty logits",
    ),
    pytest.param(lambda: xent.softmax([]), named("logits"), id="softmax empty"),
    pytest.param(lambda: xent.log_softmax([]), named("logits"), id="log_softmax empty"),
    pytest.param(lambda: xent.logsumexp([]), named("x"), id="logsumexp empty"),
    pytest.param(
        lambda: xent.softmax_cross_entropy(np.empty((2, 0)), np.array([0, 0])),
        named("logits"),
        id="softmax CE no classes",
    ),
    pytest.param(lambda: xent.entropy(1.0), named("p"), id="entropy 0-d"),
    pytest.param(lambda: xent.entropy(np.array(1.0)), named("p"), id="entropy 0-d array"),
    pytest.param(lambda: xent.cross_entropy(1.0, 1.0), "(?s)\\b(p|q)\\b", id="CE 0-d"),
    pytest.param(lambda: xent.kl_divergence(1.0, 1.0), "(?s)\\b(p|q)\\b", id="KL 0-d"),
    pytest.param(lambda: xent.js_divergence(1.0, 1.0), "(?s)\\b(p|q)\\b", id="JS 0-d"),
    pytest.param(lambda: xent.perplexity(1.0), named("p"), id="perplexity 0-d"),
    pytest.param(lambda: xent.softmax_cross_entropy(2.0, 0), named("logits"), id="softmax CE 0-d"),
    pytest.param(lambda: xent.softmax(2.0), "(?s)\\b(logits|axis)\\b", id="softmax 0-d"),
    pytest.param(lambda: xent.log_softmax(2.0), "(?s)\\b(logits|axis)\\b", id="log_softmax 0-d"),
    pytest.param(
        lambda: xent.cross_entropy(np.full((2, 3), 1 / 3), np.full((4, 3), 1 / 3)),
        named("p", "q"),
        id="CE batches that cannot broadcast",
    ),
    pytest.param(
        lambda: xent.kl_divergence(np.full((2, 3), 1 / 3), np.full((4, 3), 1 / 3)),
        named("p", "q"),
        id="KL batches that cannot broadcast",
    ),
    pytest.param(
        lambda: xent.js_divergence(np.full((2, 3), 1 / 3), np.full((4, 3), 1 / 3)),
        named("p", "q"),
        id="JS batches that cannot broadcast",
    ),
    pytest.param(
        lambda: xent.perplexity(np.full((2, 3), 1 / 3), np.full((4, 3), 1 / 3)),
        named("p", "q"),
        id="perplexity batches that cannot broadcast",
    ),
    pytest.param(
        lambda: xent.binary_cross_entropy([1.0, 0.0], [0.5, 0.5, 0.5]),
        named("y", "p"),
        id="BCE y and p cannot broadcast",
    ),
    pytest.param(
        lambda: xent.binary_cross_entropy([1.0, 0.0], logits=[0.5, 0.5, 0.5]),
        named("y", "logits"),
        id="BCE y and logits cannot broadcast",
    ),
    pytest.param(
        lambda: xent.cross_entropy(UNIFORM2, [1 / 3] * 3),
        "(?s)\\b(p|q)\\b",
        id="CE distribution lengths 2 and 3",
    ),
    pytest.param(
        lambda: xent.cross_entropy(UNIFORM2, [1.0]),
        "(?s)\\b(p|q)\\b",
        id="CE length-1 q must not broadcast along the distribution axis",
    ),
    pytest.param(
        lambda: xent.kl_divergence([1.0], UNIFORM2),
        "(?s)\\b(p|q)\\b",
        id="KL length-1 p must not broadcast along the distribution axis",
    ),
    pytest.param(
        lambda: xent.js_divergence(UNIFORM2, [1.0]),
        "(?s)\\b(p|q)\\b",
        id="JS length-1 q must not broadcast along the distribution axis",
    ),
    pytest.param(
        lambda: xent.softmax_cross_entropy(LOGITS, np.array([0, 1, 2])),
        named("target"),
        id="softmax CE three indices for two rows",
    ),
    pytest.param(
        lambda: xent.softmax_cross_entropy(LOGITS, np.array([[0, 1]])),
        named("target"),
        id="softmax CE index target of the wrong rank",
    ),
    pytest.param(
        lambda: xent.softmax_cross_entropy([1.0, 2.0, 3.0], [0.5, 0.5]),
        named("target"),
        id="softmax CE probability row of the wrong length",
    ),
    pytest.param(
        lambda: xent.softmax_cross_entropy(LOGITS, np.full((4, 3), 1 / 3)),
        named("target"),
        id="softmax CE probability rows that cannot broadcast",
    ),
]


@pytest.mark.parametrize(("call", "pattern"), BAD_SHAPES)
def test_bad_shapes_raise_value_error_naming_the_argument(
    call: Callable[[], object], pattern: str
) -> None:
    check_raises(call, ValueError, pattern)


BAD_TARGETS = [
    pytest.param(lambda: xent.softmax_cross_entropy([1.0, 2.0, 3.0], 3), id="index equal to K"),
    pytest.param(lambda: xent.softmax_cross_entropy([1.0, 2.0, 3.0], 99), id="index far too big"),
    pytest.param(lambda: xent.softmax_cross_entropy([1.0, 2.0, 3.0], -1), id="index -1"),
    pytest.param(
        lambda: xent.softmax_cross_entropy(LOGITS, np.array([0, -3])), id="index -K in a batch"
    ),
    pytest.param(
        lambda: xent.softmax_cross_entropy(LOGITS, np.array([0, 2**40])), id="huge index in a batch"
    ),
    pytest.param(
        lambda: xent.softmax_cross_entropy(LOGITS, np.array([0.0, 1.0])),
        id="float indices with the indices' shape",
    ),
    pytest.param(lambda: xent.softmax_cross_entropy([1.0, 2.0, 3.0], 1.0), id="float scalar index"),
    pytest.param(
        lambda: xent.softmax_cross_entropy(
            np.ones((2, 3, 4)), np.array([[0, 1, 2, 3]] * 2), axis=1
        ),
        id="index 3 along an axis of length 3",
    ),
]


@pytest.mark.parametrize("call", BAD_TARGETS)
def test_bad_class_indices_raise_value_error_naming_target(call: Callable[[], object]) -> None:
    check_raises(call, ValueError, named("target"))


AXIS_FUNCTIONS = [
    pytest.param(lambda axis: xent.entropy([[0.5, 0.5]], axis=axis), id="entropy"),
    pytest.param(lambda axis: xent.cross_entropy([[0.5, 0.5]], UNIFORM2, axis=axis), id="CE"),
    pytest.param(lambda axis: xent.kl_divergence([[0.5, 0.5]], UNIFORM2, axis=axis), id="KL"),
    pytest.param(lambda axis: xent.js_divergence([[0.5, 0.5]], UNIFORM2, axis=axis), id="JS"),
    pytest.param(lambda axis: xent.perplexity([[0.5, 0.5]], axis=axis), id="perplexity"),
    pytest.param(
        lambda axis: xent.softmax_cross_entropy(LOGITS, np.array([0, 1]), axis=axis),
        id="softmax CE",
    ),
    pytest.param(lambda axis: xent.softmax(LOGITS, axis=axis), id="softmax"),
    pytest.param(lambda axis: xent.log_softmax(LOGITS, axis=axis), id="log_softmax"),
    pytest.param(lambda axis: xent.logsumexp(LOGITS, axis=axis), id="logsumexp"),
]


@pytest.mark.parametrize("axis", [2, -3, 10])
@pytest.mark.parametrize("compute", AXIS_FUNCTIONS)
def test_axis_out_of_range_raises_value_error_naming_axis(
    compute: Callable[[object], object], axis: int
) -> None:
    check_raises(lambda: compute(axis), ValueError, named("axis"))


@pytest.mark.parametrize("axis", [1.0, True, "0", 1j], ids=["float", "bool", "string", "complex"])
@pytest.mark.parametrize("compute", AXIS_FUNCTIONS)
def test_axis_that_is_not_an_int_raises_type_error_naming_axis(
    compute: Callable[[object], object], axis: object
) -> None:
    check_raises(lambda: compute(axis), TypeError, named("axis"))


@pytest.mark.parametrize(
    ("label_smoothing", "error"),
    [
        pytest.param(-0.1, ValueError, id="negative"),
        pytest.param(1.1, ValueError, id="above 1"),
        pytest.param(NAN, ValueError, id="nan"),
        pytest.param(INF, ValueError, id="inf"),
        pytest.param("0.1", TypeError, id="string"),
        pytest.param(None, TypeError, id="None"),
        pytest.param(0.1j, TypeError, id="complex"),
        pytest.param([0.1], TypeError, id="list"),
    ],
)
def test_bad_label_smoothing_raises_naming_label_smoothing(
    label_smoothing: Any, error: type[Exception]
) -> None:
    check_raises(
        lambda: xent.softmax_cross_entropy(
            LOGITS, np.array([0, 1]), label_smoothing=label_smoothing
        ),
        error,
        named("label_smoothing"),
    )


REDUCERS = [
    pytest.param(
        lambda reduction: xent.binary_cross_entropy([1.0], [0.5], reduction=reduction), id="BCE"
    ),
    pytest.param(
        lambda reduction: xent.binary_cross_entropy([1.0], logits=[0.5], reduction=reduction),
        id="BCE logits",
    ),
    pytest.param(
        lambda reduction: xent.softmax_cross_entropy(LOGITS, np.array([0, 1]), reduction=reduction),
        id="softmax CE",
    ),
]


@pytest.mark.parametrize(
    ("reduction", "error"),
    [
        pytest.param("average", ValueError, id="average"),
        pytest.param("batchmean", ValueError, id="batchmean"),
        pytest.param("", ValueError, id="empty string"),
        pytest.param("Mean", ValueError, id="Mean"),
        pytest.param(None, TypeError, id="None"),
        pytest.param(1, TypeError, id="int"),
    ],
)
@pytest.mark.parametrize("compute", REDUCERS)
def test_unknown_reduction_raises_naming_reduction(
    compute: Callable[[object], object], reduction: object, error: type[Exception]
) -> None:
    check_raises(lambda: compute(reduction), error, named("reduction"))


BASED = [
    pytest.param(lambda base: xent.self_information(0.5, base=base), id="self_information"),
    pytest.param(lambda base: xent.entropy(UNIFORM2, base=base), id="entropy"),
    pytest.param(lambda base: xent.cross_entropy(UNIFORM2, UNIFORM2, base=base), id="CE"),
    pytest.param(lambda base: xent.kl_divergence(UNIFORM2, UNIFORM2, base=base), id="KL"),
    pytest.param(lambda base: xent.js_divergence(UNIFORM2, UNIFORM2, base=base), id="JS"),
    pytest.param(lambda base: xent.binary_entropy(0.5, base=base), id="binary_entropy"),
    pytest.param(lambda base: xent.binary_cross_entropy(1.0, 0.5, base=base), id="BCE"),
    pytest.param(
        lambda base: xent.softmax_cross_entropy([1.0, 2.0], 0, base=base), id="softmax CE"
    ),
]


@pytest.mark.parametrize(
    ("base", "error"),
    [
        pytest.param("nat", ValueError, id="unknown name nat"),
        pytest.param("decibans", ValueError, id="unknown name decibans"),
        pytest.param("", ValueError, id="empty name"),
        pytest.param("2", ValueError, id="number as a string"),
        pytest.param(1, ValueError, id="1"),
        pytest.param(1.0, ValueError, id="1.0"),
        pytest.param(0, ValueError, id="0"),
        pytest.param(-2.0, ValueError, id="negative"),
        pytest.param(NAN, ValueError, id="nan"),
        pytest.param(INF, ValueError, id="inf"),
        pytest.param(True, TypeError, id="True"),
        pytest.param(False, TypeError, id="False"),
        pytest.param(None, TypeError, id="None"),
        pytest.param(2j, TypeError, id="complex"),
        pytest.param([2], TypeError, id="list"),
    ],
)
@pytest.mark.parametrize("compute", BASED)
def test_bad_base_raises_naming_base(
    compute: Callable[[object], object], base: object, error: type[Exception]
) -> None:
    check_raises(lambda: compute(base), error, named("base"))


@pytest.mark.parametrize(
    "call",
    [
        pytest.param(lambda: xent.binary_cross_entropy(1.0, 0.5, logits=0.0), id="both"),
        pytest.param(lambda: xent.binary_cross_entropy(1.0), id="neither"),
        pytest.param(lambda: xent.binary_cross_entropy(1.0, None, logits=None), id="both None"),
    ],
)
def test_binary_cross_entropy_needs_exactly_one_of_p_and_logits(call: Callable[[], object]) -> None:
    check_raises(call, ValueError, named("p", "logits"))
