"""Exact information quantities: the symbolic counterparts of the numeric functions.

`entropy`, `cross_entropy`, `kl_divergence`, `self_information`, `binary_entropy`,
`binary_cross_entropy`, `softmax` and `softmax_cross_entropy` take sequences of SymPy numbers
or symbols and return SymPy expressions, so that exact points can be substituted and compared
with `xent.numeric`.
"""

from __future__ import annotations

import numbers
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

import sympy  # type: ignore[import-untyped]

if TYPE_CHECKING:
    from collections.abc import Callable


_NAMED_BASES = {"nats": sympy.E, "bits": 2, "bans": 10, "hartleys": 10}
_FLOAT_SUM_TOLERANCE = 1e-12


def self_information(p: Any, *, base: Any = "nats") -> Any:
    """Information content −log p of an event of probability ``p``, exactly.

    Parameters
    ----------
    p : number or sympy.Expr
        The probability; a number must lie in [0, 1]. ``p = 0`` gives ``sympy.oo``.
    base : {"nats", "bits", "bans", "hartleys"} or number, default "nats"
        Unit of the result: a unit name, or a positive base other than 1.

    Returns
    -------
    sympy.Expr

    Examples
    --------
    >>> import sympy
    >>> from xent.symbolic import self_information
    >>> self_information(sympy.Rational(1, 8), base="bits")
    3
    >>> self_information(sympy.Symbol("p", positive=True))
    -log(p)
    >>> self_information(0)
    oo
    """
    probability = _probability("p", p)
    return _in_unit(sympy.oo if probability.is_zero else -sympy.log(probability), base)


def entropy(p: Iterable[Any], *, base: Any = "nats") -> Any:
    """Entropy H(P) = −Σ P_i log P_i of a distribution, exactly, with 0 · log 0 = 0.

    Parameters
    ----------
    p : sequence of numbers or sympy.Expr
        The distribution. Numbers must lie in [0, 1]; if all entries are numbers they must sum
        to 1 (exactly, or within 1e-12 per entry when there are floats).
    base : {"nats", "bits", "bans", "hartleys"} or number, default "nats"
        Unit of the result.

    Returns
    -------
    sympy.Expr

    Examples
    --------
    >>> import sympy
    >>> from xent.symbolic import entropy
    >>> half, quarter, eighth = sympy.Rational(1, 2), sympy.Rational(1, 4), sympy.Rational(1, 8)
    >>> entropy([half, quarter, eighth, eighth], base="bits")
    7/4
    >>> entropy([1, 0, 0, 0])
    0
    >>> p = sympy.Symbol("p", positive=True)
    >>> entropy([p, 1 - p])
    -p*log(p) - (1 - p)*log(1 - p)
    """
    probabilities = _distribution("p", p)
    return _in_unit(_expected(probabilities, probabilities, lambda p_i, _: -sympy.log(p_i)), base)


def cross_entropy(p: Iterable[Any], q: Iterable[Any], *, base: Any = "nats") -> Any:
    """Cross-entropy H(P, Q) = −Σ P_i log Q_i of the model Q relative to the truth P, exactly.

    A zero ``P_i`` contributes nothing (0 · log 0 = 0); a zero ``Q_i`` where ``P_i > 0`` makes
    the result ``sympy.oo``.

    Parameters
    ----------
    p, q : sequences of numbers or sympy.Expr, of the same length
        The true and the model distribution, checked as in `entropy`.
    base : {"nats", "bits", "bans", "hartleys"} or number, default "nats"
        Unit of the result.

    Returns
    -------
    sympy.Expr

    Examples
    --------
    >>> import sympy
    >>> from xent.symbolic import cross_entropy
    >>> dog = [1, 0, 0, 0, 0]
    >>> model = [sympy.Rational(2, 5), sympy.Rational(3, 10), sympy.Rational(1, 20),
    ...          sympy.Rational(1, 20), sympy.Rational(1, 5)]
    >>> cross_entropy(dog, model)
    -log(2) + log(5)
    >>> round(float(cross_entropy(dog, model)), 5)
    0.91629
    >>> cross_entropy(dog, [0, 1, 0, 0, 0])
    oo
    """
    truth, model = _distribution("p", p), _distribution("q", q)
    _check_same_length(truth, model)
    return _in_unit(_expected(truth, model, lambda _, q_i: -sympy.log(q_i)), base)


def kl_divergence(p: Iterable[Any], q: Iterable[Any], *, base: Any = "nats") -> Any:
    """KL divergence D_KL(P‖Q) = Σ P_i log(P_i/Q_i), exactly.

    Zeros are handled as in `cross_entropy`: ``P_i = 0`` contributes nothing, ``Q_i = 0 < P_i``
    gives ``sympy.oo``.

    Parameters
    ----------
    p, q : sequences of numbers or sympy.Expr, of the same length
        The true and the model distribution, checked as in `entropy`.
    base : {"nats", "bits", "bans", "hartleys"} or number, default "nats"
        Unit of the result.

    Returns
    -------
    sympy.Expr

    Examples
    --------
    >>> import sympy
    >>> from xent.symbolic import kl_divergence
    >>> p, q = sympy.symbols("p q", positive=True)
    >>> kl_divergence([p, 1 - p], [q, 1 - q])
    p*log(p/q) + (1 - p)*log((1 - p)/(1 - q))
    >>> kl_divergence([1, 0], [0, 1])
    oo
    """
    truth, model = _distribution("p", p), _distribution("q", q)
    _check_same_length(truth, model)
    return _in_unit(_expected(truth, model, lambda p_i, q_i: sympy.log(p_i / q_i)), base)


def binary_entropy(p: Any, *, base: Any = "nats") -> Any:
    """Binary entropy H_b(p) = −p log p − (1 − p) log(1 − p), exactly.

    Examples
    --------
    >>> import sympy
    >>> from xent.symbolic import binary_entropy
    >>> binary_entropy(sympy.Rational(1, 2), base="bits")
    1
    >>> binary_entropy(1)
    0
    """
    probability = _probability("p", p)
    return entropy([probability, 1 - probability], base=base)


def binary_cross_entropy(y: Any, p: Any, *, base: Any = "nats") -> Any:
    """Binary cross-entropy −y log p − (1 − y) log(1 − p) of a prediction ``p`` for a label ``y``.

    Parameters
    ----------
    y : number or sympy.Expr
        The label: the true probability of outcome 1, in [0, 1] (0 or 1 for a hard label).
    p : number or sympy.Expr
        The predicted probability of outcome 1, in [0, 1].
    base : {"nats", "bits", "bans", "hartleys"} or number, default "nats"
        Unit of the result.

    Returns
    -------
    sympy.Expr

    Examples
    --------
    >>> import sympy
    >>> from xent.symbolic import binary_cross_entropy
    >>> y, p = sympy.symbols("y p", positive=True)
    >>> binary_cross_entropy(y, p)
    -y*log(p) - (1 - y)*log(1 - p)
    >>> binary_cross_entropy(1, sympy.Rational(1, 2), base="bits")
    1
    >>> round(float(binary_cross_entropy(1, sympy.Rational(7, 10))), 5)
    0.35667
    """
    label, prediction = _probability("y", y), _probability("p", p)
    truth, model = [label, 1 - label], [prediction, 1 - prediction]
    return _in_unit(_expected(truth, model, lambda _, q_i: -sympy.log(q_i)), base)


def softmax(logits: Iterable[Any]) -> tuple[Any, ...]:
    """Softmax exp(z_k)/Σ_j exp(z_j) of a vector of logits, exactly.

    Examples
    --------
    >>> import sympy
    >>> from xent.symbolic import softmax
    >>> softmax([0, sympy.log(3)])
    (1/4, 3/4)
    """
    exponentials = [sympy.exp(logit) for logit in _logits(logits)]
    normalizer = sympy.Add(*exponentials)
    return tuple(exponential / normalizer for exponential in exponentials)


def softmax_cross_entropy(logits: Iterable[Any], target: Any, *, base: Any = "nats") -> Any:
    """Cross-entropy of softmax(logits) against a class index or a target distribution.

    For a class index t the loss is log Σ_j exp(z_j) − z_t; for target probabilities y it is
    Σ_j y_j (log Σ_m exp(z_m) − z_j), that is −Σ_j y_j log softmax(z)_j.

    Parameters
    ----------
    logits : sequence of numbers or sympy.Expr
        The logits z; numbers must be finite and real.
    target : int or sequence
        A class index in ``range(len(logits))``, or probabilities of the same length as
        ``logits`` (checked as in `entropy`).
    base : {"nats", "bits", "bans", "hartleys"} or number, default "nats"
        Unit of the result.

    Returns
    -------
    sympy.Expr

    Examples
    --------
    >>> import sympy
    >>> from xent.symbolic import softmax_cross_entropy
    >>> softmax_cross_entropy([0, sympy.log(3)], 1)
    -log(3) + 2*log(2)
    >>> softmax_cross_entropy([0, 0, 0], [sympy.Rational(1, 2), sympy.Rational(1, 2), 0])
    log(3)
    """
    z = _logits(logits)
    log_normalizer = sympy.log(sympy.Add(*(sympy.exp(logit) for logit in z)))
    if isinstance(target, (bool, str, bytes)) or not isinstance(
        target, (numbers.Integral, Iterable)
    ):
        kind = type(target).__name__
        raise TypeError(f"target must be a class index or probabilities, got {kind}")
    if isinstance(target, numbers.Integral):
        index = int(target)
        if not 0 <= index < len(z):
            raise ValueError(f"target {index} is out of range for {len(z)} classes")
        return _in_unit(log_normalizer - z[index], base)
    weights = _distribution("target", target)
    if len(weights) != len(z):
        raise ValueError(f"target has {len(weights)} entries but logits has {len(z)}")
    terms = (
        y_j * (log_normalizer - z_j) for y_j, z_j in zip(weights, z, strict=True) if not y_j.is_zero
    )
    return _in_unit(sympy.Add(*terms), base)


def _expected(p: list[Any], q: list[Any], log_term: Callable[[Any, Any], Any]) -> Any:
    """Σ p_i · log_term(p_i, q_i), with 0 · log 0 = 0 and +∞ where q_i = 0 < p_i."""
    terms = []
    for p_i, q_i in zip(p, q, strict=True):
        if p_i.is_zero:
            continue
        if q_i.is_zero:
            positive = p_i.is_positive
            terms.append(sympy.oo if positive else sympy.Piecewise((sympy.oo, p_i > 0), (0, True)))
        else:
            terms.append(p_i * log_term(p_i, q_i))
    return sympy.Add(*terms)


def _in_unit(nats: Any, base: Any) -> Any:
    """Express a quantity computed in nats in the unit of ``base``.

    An exact number comes out as a sum of logarithms of primes, a form in which equal values
    are equal expressions (``kl_divergence(p, q) == cross_entropy(p, q) - entropy(p)``).
    """
    value = nats / _log_of_base(base)
    return sympy.expand_log(value, factor=True) if value.is_number else value


def _log_of_base(base: Any) -> Any:
    """ln(base), the number of nats in one unit, or an error that names ``base``."""
    if isinstance(base, str):
        if base not in _NAMED_BASES:
            names = ", ".join(repr(name) for name in _NAMED_BASES)
            raise ValueError(f"base must be one of {names} or a number > 0 and != 1; got {base!r}")
        return sympy.log(_NAMED_BASES[base])
    if isinstance(base, bool) or not isinstance(base, (numbers.Real, sympy.Expr)):
        raise TypeError(f"base must be a unit name or a real number, got {type(base).__name__}")
    value = sympy.sympify(base)
    if not (value.is_number and value.is_finite and value.is_positive) or value == 1:
        raise ValueError(f"base must be a finite number > 0 and != 1, got {base!r}")
    return sympy.log(value)


def _expression(name: str, value: Any) -> Any:
    """``value`` as a SymPy expression, or a TypeError that names the argument."""
    try:
        expression = sympy.sympify(value, strict=True)
    except sympy.SympifyError:
        expression = None
    if isinstance(value, (bool, str, bytes)) or not isinstance(expression, sympy.Expr):
        raise TypeError(
            f"{name} must be a number or a SymPy expression, got {type(value).__name__}"
        )
    return expression


def _probability(name: str, value: Any) -> Any:
    """``value`` as a SymPy expression; if it is a number, it must lie in [0, 1]."""
    probability = _expression(name, value)
    if probability.is_number and not (
        probability.is_nonnegative is True and (1 - probability).is_nonnegative is True
    ):
        raise ValueError(f"{name} must be a probability in [0, 1], got {probability}")
    return probability


def _entries(name: str, values: Iterable[Any]) -> list[Any]:
    if isinstance(values, (str, bytes)) or not isinstance(values, Iterable):
        raise TypeError(f"{name} must be a sequence of numbers, got {type(values).__name__}")
    entries = list(values)
    if not entries:
        raise ValueError(f"{name} is empty; it needs at least one entry")
    return entries


def _distribution(name: str, values: Iterable[Any]) -> list[Any]:
    """Probabilities in [0, 1] that, when they are all numbers, sum to 1."""
    probabilities = [
        _probability(f"{name}[{index}]", value)
        for index, value in enumerate(_entries(name, values))
    ]
    total = sympy.Add(*probabilities)
    if total.is_number:
        if total.has(sympy.Float):
            off = abs(float(total) - 1) > _FLOAT_SUM_TOLERANCE * len(probabilities)
        else:
            off = (total - 1).is_zero is False
        if off:
            raise ValueError(f"{name} must sum to 1, got {total}")
    return probabilities


def _logits(values: Iterable[Any]) -> list[Any]:
    logits = [
        _expression(f"logits[{index}]", value)
        for index, value in enumerate(_entries("logits", values))
    ]
    for index, logit in enumerate(logits):
        if logit.is_number and logit.is_real is not True:
            raise ValueError(f"logits[{index}] must be a finite real number, got {logit}")
    return logits


def _check_same_length(p: list[Any], q: list[Any]) -> None:
    if len(p) != len(q):
        raise ValueError(f"p and q must have the same length, got {len(p)} and {len(q)}")
