"""The derivations the site shows: each one verifies, and its result is the identity it claims.

Values the pages show are quoted with the page they come from.
"""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest
import sympy  # type: ignore[import-untyped]

import xent
from xent.symbolic import (
    CrossEntropy,
    Derivation,
    DifferentialEntropy,
    Entropy,
    EntropyGiven,
    JointEntropy,
    KLDivergence,
    Logarithm,
    Normal,
    RenyiEntropy,
    Sigmoid,
    Step,
    derivations,
    distillation_gradient,
    entropy_chain_rule,
    gaussian_differential_entropy,
    gaussian_kl,
    gibbs_inequality,
    kl_decomposition,
    renyi_shannon_limit,
    sigmoid_bce_gradient,
    sigmoid_mse_gradient,
)

NAMES = list(derivations())


def by_name(name: str) -> Derivation:
    return derivations()[name]


@pytest.mark.parametrize("name", NAMES)
def test_every_derivation_verifies(name: str) -> None:
    assert by_name(name).verify() is True


@pytest.mark.parametrize("name", NAMES)
def test_every_result_is_an_equation_or_an_inequality(name: str) -> None:
    derivation = by_name(name)
    assert isinstance(derivation.result, (sympy.Eq, sympy.Ge, sympy.Le))
    assert derivation.result.lhs == derivation.start
    assert derivation.result.rhs == derivation.steps[-1].expr


def test_derivations_come_in_teaching_order() -> None:
    assert NAMES == [
        "self_information_additivity",
        "change_of_base",
        "gaussian_differential_entropy",
        "kl_decomposition",
        "kl_decomposition_continuous",
        "gibbs_inequality",
        "gaussian_kl",
        "softmax_cross_entropy_gradient",
        "binary_cross_entropy_reduction",
        "sigmoid_bce_gradient",
        "sigmoid_mse_gradient",
        "distillation_gradient",
        "entropy_chain_rule",
        "renyi_shannon_limit",
    ]


def test_derivations_returns_a_fresh_dictionary_of_fresh_derivations() -> None:
    first = derivations()
    first.clear()
    second, third = derivations(), derivations()
    assert list(second) == NAMES
    assert second["gibbs_inequality"] == third["gibbs_inequality"]
    assert second["gibbs_inequality"] is not third["gibbs_inequality"]


def test_a_derivation_cannot_be_changed_in_place() -> None:
    derivation = kl_decomposition()
    with pytest.raises(dataclasses.FrozenInstanceError):
        derivation.title = "something else"  # type: ignore[misc]
    with pytest.raises(TypeError, match="does not support item assignment"):
        derivation.definitions[sympy.Symbol("x")] = 0  # type: ignore[index]
    assert isinstance(derivation.steps, tuple)


def test_kl_decomposition_shows_kl_is_cross_entropy_minus_entropy() -> None:
    P, Q = sympy.symbols("P Q")
    discrete = sympy.Eq(KLDivergence(P, Q), CrossEntropy(P, Q) - Entropy(P), evaluate=False)
    continuous = sympy.Eq(
        KLDivergence(P, Q), CrossEntropy(P, Q) - DifferentialEntropy(P), evaluate=False
    )
    assert kl_decomposition().result == discrete
    assert kl_decomposition(continuous=True).result == continuous


def test_kl_decomposition_sums_over_outcomes_or_integrates_densities() -> None:
    assert kl_decomposition().steps[0].expr.has(sympy.Sum)
    assert kl_decomposition(continuous=True).steps[0].expr.has(sympy.Integral)
    assert not kl_decomposition(continuous=True).steps[0].expr.has(sympy.Sum)


def test_kl_decomposition_holds_for_three_concrete_outcomes() -> None:
    # The symbolic-n derivation, specialised to n = 3 with the Tokyo-weather P and Q (§4).
    derivation = kl_decomposition()
    n = sympy.Symbol("n", integer=True, positive=True)
    P, Q = sympy.IndexedBase("P", positive=True), sympy.IndexedBase("Q", positive=True)
    p = [sympy.Rational(1, 2), sympy.Rational(1, 4), sympy.Rational(1, 4)]
    q = [sympy.Rational(1, 4), sympy.Rational(1, 2), sympy.Rational(1, 4)]
    values = {P[i + 1]: p[i] for i in range(3)} | {Q[i + 1]: q[i] for i in range(3)}
    sides = [
        side.xreplace(dict(derivation.definitions)).subs(n, 3).doit().xreplace(values)
        for side in (derivation.result.lhs, derivation.result.rhs)
    ]
    assert sympy.simplify(sides[0] - sides[1]) == 0
    assert sympy.simplify(sides[0] - sympy.log(2) / 4) == 0


def test_gibbs_inequality_proves_kl_is_at_least_zero() -> None:
    result = gibbs_inequality().result
    assert isinstance(result, sympy.Ge)
    assert isinstance(result.lhs, KLDivergence)
    assert result.rhs == 0


def test_gaussian_entropy_is_half_log_two_pi_e_sigma_squared() -> None:
    derivation = gaussian_differential_entropy()
    mu, sigma = sympy.Symbol("mu", real=True), sympy.Symbol("sigma", positive=True)
    assert derivation.start == DifferentialEntropy(Normal(mu, sigma**2))
    closed_form = sympy.log(2 * sympy.pi * sympy.E * sigma**2) / 2
    assert sympy.simplify(derivation.result.rhs - closed_form) == 0


@pytest.mark.parametrize(
    ("sigma", "nats"),
    [(1, 1.41894), (sympy.Rational(1, 10), -0.88365), (0.24197, 0.0)],
    ids=["standard normal", "sigma 0.1 is negative", "zero near sigma 0.24197"],
)
def test_gaussian_entropy_gives_the_worked_values(sigma: float, nats: float) -> None:
    # docs/differential-entropy.md: σ = 1 → 1.41894, σ = 0.1 → −0.88365, zero at σ = 0.24197.
    rhs = gaussian_differential_entropy().result.rhs
    value = float(rhs.subs(sympy.Symbol("sigma", positive=True), sigma))
    assert value == pytest.approx(nats, abs=5e-6)


@pytest.mark.parametrize(
    ("first", "second", "nats"),
    [
        ((0, 1), (1, 1), 0.5),
        ((1, 1), (0, 1), 0.5),
        ((0, 1), (0, 2), 0.31815),
        ((0, 2), (0, 1), 0.80685),
    ],
    ids=["N(0,1)||N(1,1)", "N(1,1)||N(0,1)", "N(0,1)||N(0,4)", "N(0,4)||N(0,1)"],
)
def test_gaussian_kl_gives_the_worked_values(
    first: tuple[int, int], second: tuple[int, int], nats: float
) -> None:
    # docs/kl-divergence.md: N(0,1)‖N(1,1) = 0.5 both ways; N(0,1)‖N(0,2²) = 0.31815 vs 0.80685.
    rhs = gaussian_kl().result.rhs
    names = {"mu_1": first[0], "sigma_1": first[1], "mu_2": second[0], "sigma_2": second[1]}
    value = rhs.subs({symbol: names[symbol.name] for symbol in rhs.free_symbols})
    assert float(value) == pytest.approx(nats, abs=5e-6)


def _at_logit(expression: sympy.Expr, z: float) -> float:
    t = sympy.Symbol("t", real=True)
    explicit = expression.replace(Sigmoid, sympy.Lambda(t, 1 / (1 + sympy.exp(-t))))
    free = {symbol.name: symbol for symbol in explicit.free_symbols}
    return float(explicit.subs({free["z"]: z, free["y"]: 1}))


@pytest.mark.parametrize(
    ("z", "mse", "bce"),
    [(-5, -0.00660, -0.99331), (-2, -0.09248, -0.88080), (0, -0.125, -0.5)],
    ids=["z=-5", "z=-2", "z=0"],
)
def test_sigmoid_gradients_give_the_why_not_mse_table(z: int, mse: float, bce: float) -> None:
    # docs/why-not-mse.md, label y = 1: MSE's gradient vanishes where BCE's stays near −1.
    assert _at_logit(sigmoid_mse_gradient().result.rhs, z) == pytest.approx(mse, abs=5e-6)
    assert _at_logit(sigmoid_bce_gradient().result.rhs, z) == pytest.approx(bce, abs=5e-6)


def test_change_of_base_turns_one_nat_into_one_over_ln_two_bits() -> None:
    # docs/information.md: 1 nat = 1.44270 bits. An event with −ln p = 1 has p = 1/e.
    p = sympy.Symbol("p", positive=True)
    x, b = sympy.symbols("x b", positive=True)
    bits = by_name("change_of_base").result.rhs.subs(p, sympy.exp(-1))
    explicit = bits.replace(Logarithm, sympy.Lambda((x, b), sympy.log(x) / sympy.log(b)))
    assert sympy.simplify(explicit - 1 / sympy.log(2)) == 0
    assert float(explicit) == pytest.approx(1.44270, abs=5e-6)


def test_every_derivation_is_built_from_its_definitions_only() -> None:
    # verify() sees nothing but the steps, the definitions, the givens and the assumptions:
    # without the definitions the first step (a definition) no longer follows.
    for name in ("kl_decomposition", "gaussian_kl", "softmax_cross_entropy_gradient"):
        stripped = dataclasses.replace(by_name(name), definitions={})
        with pytest.raises(ValueError, match="step 1 "):
            stripped.verify()


def test_distillation_gradient_is_temperature_times_student_minus_teacher() -> None:
    # docs/language-models.md: ∂(T²·KL(p‖q))/∂sₖ = T·(qₖ − pₖ); at T = 2 with three classes
    # the closed form matches a central difference of xent.distillation_loss.
    result = distillation_gradient().result
    (temperature,) = (symbol for symbol in result.rhs.free_symbols if symbol.name == "T")
    teacher, student, t = np.array([2.0, 1.0, 0.1]), np.array([0.5, 1.5, -1.0]), 2.0
    p, q = xent.softmax(teacher / t), xent.softmax(student / t)
    step = 1e-6
    for k in range(3):
        up, down = student.copy(), student.copy()
        up[k] += step
        down[k] -= step
        numeric = (
            xent.distillation_loss(up, teacher, temperature=t)
            - xent.distillation_loss(down, teacher, temperature=t)
        ) / (2 * step)
        closed = result.rhs.subs(temperature, t).replace(
            lambda e: isinstance(e, sympy.Indexed),
            lambda e, k=k: q[k] if e.base.name == "q" else p[k],
        )
        assert float(closed) == pytest.approx(numeric, rel=1e-7)


def test_entropy_chain_rule_shows_joint_entropy_is_entropy_plus_conditional_entropy() -> None:
    x, y = sympy.symbols("X Y")
    result = entropy_chain_rule().result
    assert result == sympy.Eq(JointEntropy(x, y), Entropy(x) + EntropyGiven(y, x))


def test_entropy_chain_rule_fails_without_the_marginal_given() -> None:
    stripped = dataclasses.replace(entropy_chain_rule(), givens=())
    with pytest.raises(ValueError, match="step 5 "):
        stripped.verify()


def test_renyi_shannon_limit_shows_the_limit_at_order_one_is_the_shannon_entropy() -> None:
    p, alpha = sympy.Symbol("P"), sympy.Symbol("alpha", positive=True)
    result = renyi_shannon_limit().result
    assert result == sympy.Eq(sympy.Limit(RenyiEntropy(p, alpha), alpha, 1, dir="+-"), Entropy(p))


def test_renyi_shannon_limit_needs_the_zero_over_zero_of_lhopitals_rule() -> None:
    # without Σ Pᵢ = 1 the numerator does not vanish at α = 1: L'Hôpital's rule does not apply
    stripped = dataclasses.replace(renyi_shannon_limit(), givens=())
    with pytest.raises(ValueError, match="step 2 "):
        stripped.verify()


def test_renyi_shannon_limit_refuses_a_wrong_quotient_of_derivatives() -> None:
    derivation = renyi_shannon_limit()
    steps = list(derivation.steps)
    wrong = steps[2].expr.args[0] * -1
    steps[2] = Step(sympy.Limit(wrong, *steps[2].expr.args[1:]), steps[2].rule)
    with pytest.raises(ValueError, match="step 3 "):
        dataclasses.replace(derivation, steps=steps).verify()


def test_a_limit_is_not_taken_by_substitution_where_the_quotient_is_zero_over_zero() -> None:
    # lim (α² − 1)/(α − 1) is 2; substituting α = 1 gives 0/0, which proves no value
    alpha = sympy.Symbol("alpha", positive=True)
    quotient = (alpha**2 - 1) / (alpha - 1)
    start = sympy.Limit(sympy.Symbol("L"), alpha, 1, dir="+-")
    derivation = Derivation(
        "A limit taken by substitution at a zero of the denominator",
        start,
        [Step(sympy.Integer(0), "continuity at 1")],
        definitions={sympy.Symbol("L"): sympy.Mul(quotient, 1, evaluate=False)},
    )
    with pytest.raises(ValueError, match="step 1 "):
        derivation.verify()
