"""Formulas of the page "The core theorems" (docs/information-theory.md).

Quantities of several variables (I(X; Y, Z), D(P_{Y|X} ‖ Q_{Y|X}), ...) are shown as written,
`Written` symbols; each relation between them is checked on random tables with
`xent.numeric`, computed the way the page computes them.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import sympy  # type: ignore[import-untyped]

import xent
from docsite.figures.information_theory import typical_set
from docsite.formulas.kinds import Formula, R, close_to, derived, with_check
from xent import symbolic
from xent.symbolic import RenyiEntropy


class Written(sympy.Symbol):  # type: ignore[misc]
    r"""A quantity shown as its LaTeX, e.g. ``I(X; Z \mid Y)``; its meaning is in the check."""

    def _latex(self, printer: Any) -> str:  # noqa: ARG002 (SymPy's signature)
        return str(self.name)


_i = sympy.Symbol("i", integer=True, positive=True)
_n = sympy.Symbol("n", integer=True, positive=True)
_alpha = sympy.Symbol("alpha", positive=True)
_A, _B = sympy.IndexedBase("a", positive=True), sympy.IndexedBase("b", positive=True)
_PI, _QI = sympy.IndexedBase("P", positive=True), sympy.IndexedBase("Q", positive=True)
_LENGTH = sympy.IndexedBase(r"\ell")
_f = sympy.Function("f")
_RNG_SEED = 29


def _tables(shape: tuple[int, ...], count: int = 5) -> list[np.ndarray[Any, Any]]:
    rng = np.random.default_rng(_RNG_SEED)
    return [rng.dirichlet(np.ones(math.prod(shape))).reshape(shape) for _ in range(count)]


def _conditional_mi(triple: np.ndarray[Any, Any]) -> float:
    """I(X; Z | Y) of a table P(x, y, z): the average over y of I(X; Z | Y = y)."""
    p_y = triple.sum(axis=(0, 2))
    slices = (triple[:, y, :] / p_y[y] for y in range(triple.shape[1]))
    return float(sum(w * xent.mutual_information(s) for w, s in zip(p_y, slices, strict=True)))


def _mi_chain(name: str, relation: Any) -> None:  # noqa: ARG001
    for triple in _tables((2, 3, 2)):
        whole = xent.mutual_information(triple.reshape(2, 6))
        parts = xent.mutual_information(triple.sum(axis=2)) + _conditional_mi(triple)
        close_to(name, whole, parts)


def _kl_chain(name: str, relation: Any) -> None:  # noqa: ARG001
    for p, q in zip(_tables((3, 4)), _tables((3, 4), 10)[5:], strict=True):
        p_x, q_x = p.sum(axis=1), q.sum(axis=1)
        rows = xent.kl_divergence(p / p_x[:, None], q / q_x[:, None])
        parts = xent.kl_divergence(p_x, q_x) + float(np.dot(p_x, rows))
        close_to(name, xent.kl_divergence(p.ravel(), q.ravel()), parts)


def _log_sum(name: str, relation: Any) -> None:
    rng = np.random.default_rng(_RNG_SEED)
    for _ in range(20):
        a, b = rng.random(4) + 0.01, rng.random(4) + 0.01
        values = {_A[k + 1]: float(v) for k, v in enumerate(a)}
        values |= {_B[k + 1]: float(v) for k, v in enumerate(b)}
        lhs = float(relation.lhs.subs(_n, 4).doit().subs(values))
        rhs = a.sum() * math.log(a.sum() / b.sum())
        if not lhs >= rhs - 1e-12:
            raise ValueError(f"formula {name}: fails at a = {a}, b = {b}")
    a = np.array([1.0, 2.0, 4.0])  # equality when a/b is constant
    close_to(name, float(np.sum(a * np.log(a / (3 * a)))), a.sum() * math.log(1 / 3))


def _convexity(name: str, relation: Any) -> None:  # noqa: ARG001
    rng = np.random.default_rng(_RNG_SEED)
    for _ in range(20):
        p1, q1, p2, q2 = rng.dirichlet(np.ones(4), 4)
        weight = float(rng.random())
        mixed = xent.kl_divergence(weight * p1 + (1 - weight) * p2, weight * q1 + (1 - weight) * q2)
        average = weight * xent.kl_divergence(p1, q1) + (1 - weight) * xent.kl_divergence(p2, q2)
        if not mixed <= average + 1e-12:
            raise ValueError(f"formula {name}: fails for weight {weight}")


def _data_processing(name: str, relation: Any) -> None:  # noqa: ARG001
    rng = np.random.default_rng(_RNG_SEED)
    for _ in range(20):
        source = rng.dirichlet(np.ones(3))
        first, second = rng.dirichlet(np.ones(3), 3), rng.dirichlet(np.ones(2), 3)
        i_xy = xent.mutual_information(source[:, None] * first)
        i_xz = xent.mutual_information(source[:, None] * (first @ second))
        if not i_xz <= i_xy + 1e-12:
            raise ValueError(f"formula {name}: I(X; Z) = {i_xz} exceeds I(X; Y) = {i_xy}")


def _fano(name: str, relation: Any) -> None:  # noqa: ARG001
    for joint in _tables((4, 3), 20):  # x along rows, y along columns
        error = 1 - joint.max(axis=0).sum()  # the MAP estimator's error probability
        bound = xent.binary_entropy(error) + error * math.log(joint.shape[0] - 1)
        if not xent.conditional_entropy(joint.T) <= bound + 1e-12:
            raise ValueError(f"formula {name}: fails at {joint}")


def _kraft(name: str, relation: Any) -> None:
    """Shannon's lengths ⌈−log₂ p⌉ satisfy the inequality; a prefix code's lengths too."""
    rng = np.random.default_rng(_RNG_SEED)
    for _ in range(20):
        p = rng.dirichlet(np.ones(5))
        lengths = np.ceil(xent.self_information(p, base="bits")).astype(int)
        total = float(
            relation.lhs.subs(_n, 5)
            .doit()
            .subs({_LENGTH[k + 1]: int(v) for k, v in enumerate(lengths)})
        )
        if not total <= 1:
            raise ValueError(f"formula {name}: the Shannon lengths {lengths} sum to {total}")
    code = ["0", "10", "110", "111"]
    total = float(
        relation.lhs.subs(_n, 4)
        .doit()
        .subs({_LENGTH[k + 1]: len(word) for k, word in enumerate(code)})
    )
    close_to(name, total, 1.0)


def _renyi(name: str, relation: Any) -> None:
    point = (R(1, 2), R(1, 3), R(1, 6))
    for order in (R(1, 2), R(2), R(3)):
        exact = relation.rhs.subs({_n: 3, _alpha: order}).doit()
        exact = exact.subs({_PI[k + 1]: v for k, v in enumerate(point)})
        computed = xent.renyi_entropy([float(v) for v in point], float(order))
        close_to(name, sympy.N(exact, 30), computed)


def _f_divergence(name: str, relation: Any) -> None:
    p, q = (R(1, 2), R(1, 3), R(1, 6)), (R(1, 5), R(1, 5), R(3, 5))
    t = sympy.Symbol("t", positive=True)
    expanded = relation.rhs.subs(_n, 3).doit()
    values = {_PI[k + 1]: v for k, v in enumerate(p)} | {_QI[k + 1]: v for k, v in enumerate(q)}
    kl = expanded.replace(_f, sympy.Lambda(t, t * sympy.log(t))).subs(values)
    close_to(
        name, sympy.N(kl, 30), xent.kl_divergence([float(v) for v in p], [float(v) for v in q])
    )


def _typical(name: str, relation: Any) -> None:  # noqa: ARG001
    """Check that the typical set of the page's source holds nearly all at n = 10⁴."""
    probability, _ = typical_set(10_000)
    if not probability > 0.99:
        raise ValueError(f"formula {name}: the typical set does not hold the probability")


_W = Written
FORMULAS: list[Formula] = [
    derived("information_theory_entropy_chain_rule", symbolic.entropy_chain_rule),
    with_check(
        "mutual_information_chain_rule",
        sympy.Eq(_W("I(X; Y, Z)"), _W("I(X; Y)") + _W(r"I(X; Z \mid Y)"), evaluate=False),
        _mi_chain,
    ),
    with_check(
        "kl_chain_rule",
        sympy.Eq(
            _W(r"D(P_{XY} \,\|\, Q_{XY})"),
            _W(r"D(P_{X} \,\|\, Q_{X})") + _W(r"D(P_{Y \mid X} \,\|\, Q_{Y \mid X})"),
            evaluate=False,
        ),
        _kl_chain,
    ),
    with_check(
        "log_sum_inequality",
        sympy.Ge(
            sympy.Sum(_A[_i] * sympy.log(_A[_i] / _B[_i]), (_i, 1, _n)),
            _W(
                r"\left(\sum_{i=1}^{n} a_{i}\right) \log \left(\frac{\sum_{i=1}^{n} a_{i}}"
                r"{\sum_{i=1}^{n} b_{i}}\right)"
            ),
        ),
        _log_sum,
    ),
    with_check(
        "kl_convexity",
        sympy.Le(
            _W(
                r"D(\lambda P_{1} + (1 - \lambda) P_{2} \,\|\, \lambda Q_{1} + (1 - \lambda) Q_{2})"
            ),
            _W(r"\lambda D(P_{1} \,\|\, Q_{1}) + (1 - \lambda) D(P_{2} \,\|\, Q_{2})"),
        ),
        _convexity,
    ),
    with_check("data_processing", sympy.Le(_W("I(X; Z)"), _W("I(X; Y)")), _data_processing),
    with_check(
        "fano",
        sympy.Le(_W(r"H(X \mid Y)"), _W(r"h(P_{e}) + P_{e} \log (|\mathcal{X}| - 1)")),
        _fano,
    ),
    with_check(
        "typical_set",
        sympy.Le(
            _W(r"\left|- \frac{1}{n} \log p(x_{1}, \dots, x_{n}) - H(p)\right|"), _W(r"\varepsilon")
        ),
        _typical,
    ),
    with_check("kraft", sympy.Le(sympy.Sum(2 ** (-_LENGTH[_i]), (_i, 1, _n)), 1), _kraft),
    with_check(
        "renyi_entropy",
        sympy.Eq(
            RenyiEntropy(sympy.Symbol("P"), _alpha),
            sympy.log(sympy.Sum(_PI[_i] ** _alpha, (_i, 1, _n))) / (1 - _alpha),
        ),
        _renyi,
    ),
    derived("renyi_shannon_limit", symbolic.renyi_shannon_limit),
    with_check(
        "f_divergence",
        sympy.Eq(
            _W(r"D_{f}(P \,\|\, Q)"),
            sympy.Sum(_QI[_i] * _f(_PI[_i] / _QI[_i]), (_i, 1, _n)),
        ),
        _f_divergence,
    ),
]
