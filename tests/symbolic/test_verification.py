"""verify() is genuine: a derivation with a wrong step fails, naming that step and its rule."""

from __future__ import annotations

import dataclasses
import re
from typing import Any

import pytest
import sympy  # type: ignore[import-untyped]

from xent.symbolic import (
    LOG_BELOW_TANGENT,
    AppliedLemma,
    CrossEntropy,
    Derivation,
    DerivationError,
    Entropy,
    Lemma,
    Step,
    gaussian_differential_entropy,
    gibbs_inequality,
    kl_decomposition,
    sigmoid_bce_gradient,
    softmax_cross_entropy_gradient,
)

P_NAME, Q_NAME = sympy.symbols("P Q")
T = sympy.Symbol("t", positive=True)


def with_step(derivation: Derivation, number: int, **changes: Any) -> Derivation:
    """The derivation with step ``number`` (counting from 1) changed."""
    steps = list(derivation.steps)
    steps[number - 1] = dataclasses.replace(steps[number - 1], **changes)
    return dataclasses.replace(derivation, steps=steps)


def fails_at(number: int, rule: str) -> str:
    return rf"step {number} \({re.escape(rule)}\) does not follow"


def test_step_with_dropped_sign_fails_verification_naming_the_step() -> None:
    # The error of source 000: "KL = entropy + cross-entropy".
    wrong = with_step(kl_decomposition(), 4, expr=CrossEntropy(P_NAME, Q_NAME) + Entropy(P_NAME))
    with pytest.raises(
        DerivationError, match=fails_at(4, "definitions of cross-entropy and entropy")
    ):
        wrong.verify()


def test_step_with_dropped_factor_fails_verification_naming_the_step() -> None:
    derivation = kl_decomposition()
    i, n = sympy.symbols("i n", integer=True, positive=True)
    P, Q = sympy.IndexedBase("P", positive=True), sympy.IndexedBase("Q", positive=True)
    dropped = sympy.Sum(P[i] * sympy.log(P[i]) - sympy.log(Q[i]), (i, 1, n))
    with pytest.raises(DerivationError, match=fails_at(2, "log of a quotient")):
        with_step(derivation, 2, expr=dropped).verify()


def test_integral_step_with_dropped_factor_fails_verification() -> None:
    # Step 4 of the Gaussian entropy, with the variance integral taken as 2σ² instead of σ².
    derivation = gaussian_differential_entropy()
    wrong = derivation.steps[3].expr + sympy.S.Half
    with pytest.raises(DerivationError, match=r"step 4 \(") as failure:
        with_step(derivation, 4, expr=wrong).verify()
    assert failure.value.step == 4


def test_gradient_with_wrong_sign_fails_verification() -> None:
    derivation = softmax_cross_entropy_gradient()
    flipped = -derivation.steps[4].expr
    with pytest.raises(DerivationError, match=r"step 5 \(differentiating"):
        with_step(derivation, 5, expr=flipped).verify()


def test_sigmoid_gradient_with_dropped_term_fails_verification() -> None:
    y = sympy.Symbol("y", nonnegative=True)
    with pytest.raises(DerivationError, match=r"step 3 \(expanding"):
        with_step(sigmoid_bce_gradient(), 3, expr=-y).verify()


def test_inequality_in_the_wrong_direction_fails_verification_naming_the_step() -> None:
    wrong = with_step(gibbs_inequality(), 3, relation="<=")
    assert isinstance(wrong.result, sympy.Le)
    with pytest.raises(DerivationError, match=fails_at(3, wrong.steps[2].rule)) as failure:
        wrong.verify()
    assert "right-hand side is the larger" in str(failure.value)


def test_inequality_without_its_lemma_fails_verification() -> None:
    # SymPy cannot see ln t ≤ t − 1 inside the sum on its own: the lemma is what proves it.
    with pytest.raises(DerivationError, match=r"step 3 \(.*left-hand side is the larger"):
        with_step(gibbs_inequality(), 3, bound=None).verify()


def test_inequality_with_a_false_lemma_fails_verification() -> None:
    false_lemma = Lemma("ln t ≥ t − 1", sympy.log(T) - T + 1, T, sympy.S.One)
    P, Q = sympy.IndexedBase("P", positive=True), sympy.IndexedBase("Q", positive=True)
    i = sympy.Symbol("i", integer=True, positive=True)
    wrong = with_step(gibbs_inequality(), 3, bound=false_lemma.at(Q[i] / P[i]))
    with pytest.raises(DerivationError, match=r"step 3 .*lemma ln t ≥ t − 1 is not proved"):
        wrong.verify()


def test_lemma_applied_outside_its_domain_fails_verification() -> None:
    i = sympy.Symbol("i", integer=True, positive=True)
    Q = sympy.IndexedBase("Q", positive=True)
    wrong = with_step(gibbs_inequality(), 3, bound=LOG_BELOW_TANGENT.at(-Q[i]))
    with pytest.raises(DerivationError, match=r"step 3 .*outside the domain of the lemma"):
        wrong.verify()


def test_final_step_without_its_givens_fails_verification() -> None:
    # "P and Q sum to 1" is a given of the setting, not something SymPy may assume.
    without_givens = dataclasses.replace(gibbs_inequality(), givens=())
    with pytest.raises(DerivationError, match=r"step 6 \(P and Q are distributions"):
        without_givens.verify()


def test_the_first_failing_step_is_the_one_reported() -> None:
    derivation = kl_decomposition()
    twice_wrong = with_step(with_step(derivation, 2, expr=sympy.S.Zero), 4, expr=sympy.S.One)
    with pytest.raises(DerivationError, match=fails_at(2, "log of a quotient")) as failure:
        twice_wrong.verify()
    assert (failure.value.step, failure.value.rule) == (2, "log of a quotient")


def test_a_wrong_first_step_is_said_not_to_follow_from_the_start() -> None:
    wrong = with_step(kl_decomposition(), 1, expr=sympy.S.Zero)
    with pytest.raises(DerivationError, match=r"step 1 .* does not follow from the start"):
        wrong.verify()


def test_derivation_error_is_a_value_error() -> None:
    assert issubclass(DerivationError, ValueError)


def test_log_below_tangent_lemma_is_proved_by_convexity() -> None:
    assert LOG_BELOW_TANGENT.prove() is True
    applied = LOG_BELOW_TANGENT.at(sympy.Rational(1, 2))
    assert isinstance(applied, AppliedLemma)
    assert applied.gap == sympy.log(2) - sympy.Rational(1, 2)


@pytest.mark.parametrize(
    ("lemma", "reason"),
    [
        (Lemma("t ≥ 1", T - 1, T, sympy.S.One), "its slope is not 0 at its minimum point"),
        (Lemma("(t − 1)² ≥ −1", (T - 1) ** 2 + 1, T, sympy.S.One), "it is not 0 at its minimum"),
        (Lemma("(t+1)² ≥ 0", (T + 1) ** 2, T, -sympy.S.One), "outside the domain"),
        (Lemma("ln t ≥ t − 1", sympy.log(T) - T + 1, T, sympy.S.One), "second derivative"),
    ],
    ids=["not stationary", "not zero", "minimum outside domain", "concave"],
)
def test_lemma_without_a_valid_convexity_proof_is_refused(lemma: Lemma, reason: str) -> None:
    with pytest.raises(DerivationError, match=re.escape(reason)):
        lemma.prove()


def test_circular_definitions_are_reported() -> None:
    x = sympy.Symbol("x")
    looping = Derivation("loop", x, [Step(x, "nothing")], definitions={x: x + 1})
    with pytest.raises(DerivationError, match="refers to itself"):
        looping.verify()


def test_steps_that_mix_inequality_directions_are_refused() -> None:
    x = sympy.Symbol("x")
    steps = [Step(x, "up", relation=">="), Step(x, "down", relation="<=")]
    with pytest.raises(ValueError, match=r"mix '<=' and '>='"):
        Derivation("zigzag", x, steps)


def test_a_derivation_needs_steps_and_equations_as_givens() -> None:
    x = sympy.Symbol("x")
    with pytest.raises(ValueError, match="steps must not be empty"):
        Derivation("empty", x, [])
    with pytest.raises(TypeError, match="givens must be SymPy equations"):
        Derivation("given", x, [Step(x, "same")], givens=[x > 0])


@pytest.mark.parametrize(
    ("arguments", "error", "message"),
    [
        ({"expr": 1.5, "rule": "a number"}, TypeError, "expr must be a SymPy expression"),
        ({"expr": sympy.S.One, "rule": "  "}, ValueError, "rule must be a non-empty string"),
        ({"expr": sympy.S.One, "rule": "α ∝ β"}, ValueError, "cannot be typeset"),
        ({"expr": sympy.S.One, "rule": "x_i"}, ValueError, "cannot be typeset"),
        ({"expr": sympy.S.One, "rule": "r", "relation": "<"}, ValueError, "relation must be"),
        (
            {"expr": sympy.S.One, "rule": "r", "bound": LOG_BELOW_TANGENT.at(T)},
            ValueError,
            "an '=' step cannot carry one",
        ),
    ],
    ids=["not sympy", "blank rule", "greek", "underscore", "strict relation", "bound on equality"],
)
def test_a_malformed_step_is_refused(
    arguments: dict[str, Any], error: type[Exception], message: str
) -> None:
    with pytest.raises(error, match=message):
        Step(**arguments)
