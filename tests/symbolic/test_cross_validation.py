"""The symbolic and the numeric side agree: exact values at exact points equal xent's floats.

The pattern of dit's ``tests/symbolic/test_cross_validation.py``: compute a quantity with SymPy,
substitute exact rational points, compare with the numeric result. The distributions have
denominators that are powers of two (and the logits quarters), so the floats the numeric side
receives are exactly the rationals the symbolic side sees; the tolerance is then only for
the numeric side's own rounding.
"""

from __future__ import annotations

import itertools
from typing import Any

import numpy as np
import pytest
import sympy  # type: ignore[import-untyped]
from hypothesis import given
from hypothesis import strategies as st

import xent
from xent import symbolic

BASES = st.sampled_from(["nats", "bits", "bans", "hartleys", 2, 10, 3])


def close(exact: Any) -> Any:
    """pytest.approx of an exact SymPy value, evaluated at 30 digits; +inf stays +inf."""
    if exact == sympy.oo:
        return float("inf")
    return pytest.approx(float(sympy.N(exact, 30)), rel=1e-12, abs=1e-15)


@st.composite
def distributions(draw: st.DrawFn, size: int | None = None) -> list[sympy.Rational]:
    """A distribution over ``size`` outcomes (1 to 6 if not given), zeros allowed."""
    n = size if size is not None else draw(st.integers(1, 6))
    denominator = 2 ** draw(st.integers(0, 8))
    cuts = sorted(draw(st.lists(st.integers(0, denominator), min_size=n - 1, max_size=n - 1)))
    edges = [0, *cuts, denominator]
    return [sympy.Rational(b - a, denominator) for a, b in itertools.pairwise(edges)]


@st.composite
def pairs(draw: st.DrawFn) -> tuple[list[sympy.Rational], list[sympy.Rational]]:
    n = draw(st.integers(1, 6))
    return draw(distributions(n)), draw(distributions(n))


probabilities = st.integers(0, 256).map(lambda k: sympy.Rational(k, 256))
logit_vectors = st.lists(
    st.integers(-40, 40).map(lambda k: sympy.Rational(k, 4)), min_size=1, max_size=6
)


def floats(values: list[sympy.Rational]) -> list[float]:
    return [float(value) for value in values]


@given(distributions(), BASES)
def test_entropy_agrees_with_numeric(p: list[sympy.Rational], base: Any) -> None:
    assert xent.entropy(floats(p), base=base) == close(symbolic.entropy(p, base=base))


@given(pairs(), BASES)
def test_cross_entropy_agrees_with_numeric(pq: tuple[list[Any], list[Any]], base: Any) -> None:
    p, q = pq
    expected = close(symbolic.cross_entropy(p, q, base=base))
    assert xent.cross_entropy(floats(p), floats(q), base=base) == expected


@given(pairs(), BASES)
def test_kl_divergence_agrees_with_numeric(pq: tuple[list[Any], list[Any]], base: Any) -> None:
    p, q = pq
    expected = close(symbolic.kl_divergence(p, q, base=base))
    assert xent.kl_divergence(floats(p), floats(q), base=base) == expected


@given(probabilities, BASES)
def test_self_information_agrees_with_numeric(p: sympy.Rational, base: Any) -> None:
    assert xent.self_information(float(p), base=base) == close(
        symbolic.self_information(p, base=base)
    )


@given(probabilities, BASES)
def test_binary_entropy_agrees_with_numeric(p: sympy.Rational, base: Any) -> None:
    assert xent.binary_entropy(float(p), base=base) == close(symbolic.binary_entropy(p, base=base))


@given(probabilities, probabilities, BASES)
def test_binary_cross_entropy_agrees_with_numeric(y: Any, p: Any, base: Any) -> None:
    expected = close(symbolic.binary_cross_entropy(y, p, base=base))
    assert xent.binary_cross_entropy(float(y), float(p), base=base) == expected


@given(logit_vectors)
def test_softmax_agrees_with_numeric(z: list[sympy.Rational]) -> None:
    numeric = xent.softmax(floats(z))
    exact = symbolic.softmax(z)
    assert numeric.tolist() == [close(value) for value in exact]


@given(logit_vectors.flatmap(lambda z: st.tuples(st.just(z), st.integers(0, len(z) - 1))), BASES)
def test_softmax_cross_entropy_with_an_index_agrees_with_numeric(
    z_and_index: tuple[list[Any], int], base: Any
) -> None:
    z, index = z_and_index
    expected = close(symbolic.softmax_cross_entropy(z, index, base=base))
    assert xent.softmax_cross_entropy(floats(z), index, base=base) == expected


@given(logit_vectors.flatmap(lambda z: st.tuples(st.just(z), distributions(len(z)))))
def test_softmax_cross_entropy_with_probabilities_agrees_with_numeric(
    z_and_target: tuple[list[Any], list[Any]],
) -> None:
    z, target = z_and_target
    expected = close(symbolic.softmax_cross_entropy(z, target))
    assert xent.softmax_cross_entropy(floats(z), floats(target)) == expected


@given(logit_vectors.flatmap(lambda z: st.tuples(st.just(z), distributions(len(z)))))
def test_softmax_gradient_derived_symbolically_matches_the_numeric_loss(
    z_and_target: tuple[list[Any], list[Any]],
) -> None:
    # The derivation's result ∂L/∂z_k = softmax(z)_k − y_k, against a central difference of
    # xent's numeric loss.
    z, target = z_and_target
    logits, weights = np.array(floats(z)), floats(target)
    step = 1e-6
    for k, (q_k, y_k) in enumerate(zip(symbolic.softmax(z), target, strict=True)):
        shift = np.zeros_like(logits)
        shift[k] = step
        up = xent.softmax_cross_entropy(logits + shift, weights)
        down = xent.softmax_cross_entropy(logits - shift, weights)
        assert (up - down) / (2 * step) == pytest.approx(float(q_k - y_k), abs=1e-6)


def test_symbolic_and_numeric_agree_on_the_worked_examples() -> None:
    # docs/sources.md: E1 (0.35667), the wrong "H + CE" sign (KL 0.09203).
    e1_p, e1_q = [1, 0, 0], [sympy.Rational(7, 10), sympy.Rational(1, 5), sympy.Rational(1, 10)]
    p = [sympy.Rational(1, 2), sympy.Rational(3, 10), sympy.Rational(1, 5)]
    for truth, model, shown in ((e1_p, e1_q, 0.35667), (p, e1_q, 0.09203)):
        exact = symbolic.kl_divergence(truth, model)
        assert float(exact) == pytest.approx(shown, abs=5e-6)
        numeric = xent.kl_divergence(floats(truth), floats(model))
        assert numeric == pytest.approx(float(exact), rel=1e-12)
