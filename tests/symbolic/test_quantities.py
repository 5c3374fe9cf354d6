"""Exact information quantities: known values, identities, the edges, and bad input."""

from __future__ import annotations

import math
from fractions import Fraction
from typing import Any

import pytest
import sympy  # type: ignore[import-untyped]

from xent.symbolic import (
    binary_cross_entropy,
    binary_entropy,
    cross_entropy,
    entropy,
    kl_divergence,
    self_information,
    softmax,
    softmax_cross_entropy,
)

R = sympy.Rational
HALF, QUARTER, EIGHTH = R(1, 2), R(1, 4), R(1, 8)
TOKYO = [HALF, QUARTER, EIGHTH, EIGHTH]  # docs/cross-entropy.md: sunny, cloudy, rain, snow
DOG = [1, 0, 0, 0, 0]
DOG_MODEL = [
    R(2, 5),
    R(3, 10),
    R(1, 20),
    R(1, 20),
    R(1, 5),
]  # docs/softmax-cross-entropy.md, the sources' E3
p_, q_ = sympy.symbols("p q", positive=True)
A_NUMBER: Any = 0.5  # where a sequence belongs


def same(a: Any, b: Any) -> bool:
    """Equal, for probabilities in (0, 1) (so that logs of products and quotients split)."""
    return bool(sympy.simplify(sympy.expand_log(a - b, force=True)) == 0)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (entropy(TOKYO, base="bits"), R(7, 4)),
        (entropy(DOG), 0),
        (entropy([R(1, 5)] * 5), sympy.log(5)),
        (entropy([R(1, 6)] * 6, base=6), 1),
        (cross_entropy(TOKYO, [QUARTER] * 4, base="bits"), 2),
        (cross_entropy(DOG, DOG_MODEL), sympy.log(R(5, 2))),
        (kl_divergence([1, 0, 0], [R(7, 10), R(1, 5), R(1, 10)]), sympy.log(R(10, 7))),
        (kl_divergence(TOKYO, [EIGHTH, EIGHTH, QUARTER, HALF], base="bits"), R(7, 8)),
        (self_information(EIGHTH, base="bits"), 3),
        (self_information(R(1, 100), base="hartleys"), 2),
        (binary_entropy(HALF, base="bits"), 1),
        (binary_cross_entropy(1, R(7, 10)), sympy.log(R(10, 7))),
        (softmax_cross_entropy([0, sympy.log(3)], 1), sympy.log(R(4, 3))),
    ],
    ids=[
        "Tokyo entropy 1.75 bits",
        "one-hot entropy 0",
        "5 uniform classes ln 5",
        "uniform die in base 6",
        "uniform code for Tokyo 2 bits",
        "dog E3 ln 2.5",
        "E1 ln(1/0.7)",
        "Tokyo reversed code 0.875 bits",
        "1/8 is 3 bits",
        "1/100 is 2 hartleys",
        "fair coin 1 bit",
        "BCE of 0.7 on a positive",
        "softmax CE from logits",
    ],
)
def test_known_values_are_exact(value: Any, expected: Any) -> None:
    assert same(value, expected)


def test_kl_is_cross_entropy_minus_entropy_for_symbolic_distributions() -> None:
    p, q = [p_, 1 - p_], [q_, 1 - q_]
    assert same(kl_divergence(p, q), cross_entropy(p, q) - entropy(p))


def test_kl_is_cross_entropy_minus_entropy_exactly_for_rationals() -> None:
    q = [R(2, 5), R(3, 10), R(1, 5), R(1, 10)]
    assert kl_divergence(TOKYO, q) == cross_entropy(TOKYO, q) - entropy(TOKYO)


def test_binary_quantities_are_the_two_outcome_ones() -> None:
    y, p = sympy.symbols("y p", positive=True)
    assert binary_entropy(p) == entropy([p, 1 - p])
    assert binary_cross_entropy(y, p) == cross_entropy([y, 1 - y], [p, 1 - p])


def test_binary_entropy_has_the_slope_and_curvature_of_page_two() -> None:
    # docs/entropy.md: H_b′ = ln((1 − p)/p), H_b″ = 1/(p(p − 1)) < 0.
    h = binary_entropy(p_)
    assert same(sympy.diff(h, p_), sympy.log((1 - p_) / p_))
    assert same(sympy.diff(h, p_, 2), 1 / (p_ * (p_ - 1)))


def test_zero_probabilities_contribute_nothing() -> None:
    assert entropy([1, 0]) == 0
    assert kl_divergence([1, 0], [HALF, HALF]) == sympy.log(2)
    assert cross_entropy([0, 1], [0, 1]) == 0
    assert binary_entropy(0) == binary_entropy(1) == 0


def test_a_zero_model_probability_under_a_positive_truth_is_infinite() -> None:
    assert cross_entropy(DOG, [0, 1, 0, 0, 0]) == sympy.oo
    assert kl_divergence([HALF, HALF], [1, 0]) == sympy.oo
    assert binary_cross_entropy(1, 0) == sympy.oo
    assert self_information(0) == sympy.oo
    assert entropy([HALF, HALF], base="bits") + kl_divergence([1, 0], [0, 1]) == sympy.oo


def test_a_zero_model_probability_under_a_symbolic_truth_is_infinite_where_it_is_positive() -> None:
    p = sympy.Symbol("p", real=True)
    value = cross_entropy([p, 1 - p], [0, 1])
    assert value.subs(p, HALF) == sympy.oo
    assert value.subs(p, 0) == 0


def test_softmax_is_a_distribution_invariant_to_shifts() -> None:
    a, b, c = sympy.symbols("a b c", real=True)
    assert softmax([0, sympy.log(3)]) == (QUARTER, 3 * QUARTER)
    assert same(sum(softmax([a, b, c])), 1)
    for shifted, plain in zip(softmax([a + c, b + c]), softmax([a, b]), strict=True):
        assert same(shifted, plain)


def test_two_class_softmax_is_the_sigmoid_of_the_difference() -> None:
    # docs/binary-cross-entropy.md: e^a/(e^a + e^b) = σ(a − b).
    a, b = sympy.symbols("a b", real=True)
    assert same(softmax([a, b])[0], 1 / (1 + sympy.exp(-(a - b))))


def test_softmax_cross_entropy_agrees_for_an_index_and_its_one_hot_target() -> None:
    z = sympy.symbols("z:3", real=True)
    assert same(softmax_cross_entropy(z, 2), softmax_cross_entropy(z, [0, 0, 1]))
    assert same(softmax_cross_entropy(z, 2), -sympy.log(softmax(z)[2]))


def test_soft_targets_give_cross_entropy_of_the_softmax() -> None:
    z = [2, 1, R(1, 10)]
    target = [R(3, 5), R(3, 10), R(1, 10)]
    assert same(softmax_cross_entropy(z, target), cross_entropy(target, softmax(z)))


@pytest.mark.parametrize(
    ("base", "bits_per_unit"),
    [
        ("nats", 1 / sympy.log(2)),
        ("bits", 1),
        (2, 1),
        (R(1, 2), -1),
        (4, 2),
        ("bans", sympy.log(10) / sympy.log(2)),
    ],
    ids=["nats", "bits", "2", "1/2", "4", "bans"],
)
def test_base_sets_the_unit(base: Any, bits_per_unit: Any) -> None:
    # A fair coin carries 1 bit, whatever the unit it is expressed in.
    assert same(entropy([HALF, HALF], base=base) * bits_per_unit, 1)


def test_bans_and_hartleys_are_the_same_unit() -> None:
    assert entropy(TOKYO, base="bans") == entropy(TOKYO, base="hartleys") == entropy(TOKYO, base=10)


def test_float_inputs_are_accepted_within_rounding() -> None:
    value = entropy([0.1] * 10)
    assert float(value) == pytest.approx(math.log(10), rel=1e-14)
    assert float(entropy([Fraction(1, 4)] * 4, base=2.0)) == pytest.approx(2.0, rel=1e-14)


@pytest.mark.parametrize(
    ("base", "error", "message"),
    [
        ("furlongs", ValueError, "base must be one of 'nats', 'bits'"),
        (1, ValueError, "base must be a finite number > 0 and != 1"),
        (0, ValueError, "base must be a finite number > 0"),
        (-2, ValueError, "base must be a finite number > 0"),
        (math.inf, ValueError, "base must be a finite number"),
        (math.nan, ValueError, "base must be a finite number"),
        (sympy.Symbol("b", positive=True), ValueError, "base must be a finite number"),
        (True, TypeError, "base must be a unit name or a real number, got bool"),
        (None, TypeError, "base must be a unit name or a real number, got NoneType"),
        ([2], TypeError, "base must be a unit name or a real number, got list"),
    ],
    ids=["unknown unit", "one", "zero", "negative", "inf", "nan", "symbol", "bool", "None", "list"],
)
def test_bad_base_is_refused_naming_base(base: Any, error: type[Exception], message: str) -> None:
    with pytest.raises(error, match=message):
        entropy([HALF, HALF], base=base)


BAD_INPUT = [
    pytest.param(
        lambda: entropy([R(3, 2), R(-1, 2)]),
        ValueError,
        r"p\[0\] must be a probability in \[0, 1\], got 3/2",
        id="p above 1",
    ),
    pytest.param(
        lambda: entropy([HALF, QUARTER]),
        ValueError,
        "p must sum to 1, got 3/4",
        id="p not summing to 1",
    ),
    pytest.param(
        lambda: entropy([0.5, 0.49]),
        ValueError,
        "p must sum to 1, got 0.99",
        id="floats not summing to 1",
    ),
    pytest.param(lambda: entropy([]), ValueError, "p is empty", id="empty p"),
    pytest.param(
        lambda: entropy("ab"), TypeError, "p must be a sequence of numbers, got str", id="string p"
    ),
    pytest.param(
        lambda: entropy(A_NUMBER),
        TypeError,
        "p must be a sequence of numbers, got float",
        id="scalar p",
    ),
    pytest.param(
        lambda: entropy(["1/2", "1/2"]),
        TypeError,
        r"p\[0\] must be a number or a SymPy expression, got str",
        id="string entries",
    ),
    pytest.param(
        lambda: entropy([True, False]),
        TypeError,
        r"p\[0\] must be a number or a SymPy expression, got bool",
        id="bool entries",
    ),
    pytest.param(
        lambda: entropy([sympy.nan, 1]), ValueError, r"p\[0\] must be a probability", id="nan"
    ),
    pytest.param(
        lambda: entropy([sympy.I, 1 - sympy.I]),
        ValueError,
        r"p\[0\] must be a probability",
        id="complex",
    ),
    pytest.param(
        lambda: cross_entropy(TOKYO, [HALF, HALF]),
        ValueError,
        "p and q must have the same length, got 4 and 2",
        id="lengths differ",
    ),
    pytest.param(
        lambda: kl_divergence(TOKYO, [2, -1, 0, 0]),
        ValueError,
        r"q\[0\] must be a probability",
        id="q negative",
    ),
    pytest.param(
        lambda: self_information(2),
        ValueError,
        r"p must be a probability in \[0, 1\], got 2",
        id="self-information above 1",
    ),
    pytest.param(
        lambda: binary_entropy(-HALF),
        ValueError,
        "p must be a probability",
        id="binary entropy negative",
    ),
    pytest.param(
        lambda: binary_cross_entropy(2, HALF),
        ValueError,
        "y must be a probability",
        id="label above 1",
    ),
    pytest.param(
        lambda: binary_cross_entropy(HALF, [HALF]),
        TypeError,
        "p must be a number or a SymPy expression",
        id="sequence prediction",
    ),
    pytest.param(lambda: softmax([]), ValueError, "logits is empty", id="empty logits"),
    pytest.param(
        lambda: softmax([sympy.oo, 0]),
        ValueError,
        r"logits\[0\] must be a finite real number",
        id="infinite logit",
    ),
    pytest.param(
        lambda: softmax([sympy.I]),
        ValueError,
        r"logits\[0\] must be a finite real number",
        id="complex logit",
    ),
    pytest.param(
        lambda: softmax_cross_entropy([0, 1], 2),
        ValueError,
        "target 2 is out of range for 2 classes",
        id="index too large",
    ),
    pytest.param(
        lambda: softmax_cross_entropy([0, 1], -1),
        ValueError,
        "target -1 is out of range",
        id="negative index",
    ),
    pytest.param(
        lambda: softmax_cross_entropy([0, 1], target=True),
        TypeError,
        "target must be a class index or probabilities",
        id="bool target",
    ),
    pytest.param(
        lambda: softmax_cross_entropy([0, 1], 0.5),
        TypeError,
        "target must be a class index or probabilities",
        id="float target",
    ),
    pytest.param(
        lambda: softmax_cross_entropy([0, 1], [1, 0, 0]),
        ValueError,
        "target has 3 entries but logits has 2",
        id="target length",
    ),
    pytest.param(
        lambda: softmax_cross_entropy([0, 1], [2, -1]),
        ValueError,
        r"target\[0\] must be a probability",
        id="target negative",
    ),
]


@pytest.mark.parametrize(("call", "error", "message"), BAD_INPUT)
def test_bad_input_is_refused_naming_the_argument(
    call: Any, error: type[Exception], message: str
) -> None:
    with pytest.raises(error, match=message):
        call()
