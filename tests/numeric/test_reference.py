"""mpmath (60 significant digits) as the reference for hostile inputs: at most 4 ulp of error.

The reference is always computed from the exact binary values of the float inputs (mpf(x) of each
float), so the only error measured is xent's. Nearly identical distributions are built so that
each row sums to exactly 1 (p = [0.5 + d, 1 − (0.5 + d)], whose second entry is exact), otherwise
the true KL of the given floats would be ambiguous at the 1e-16 level, far above the KL itself.
Where a row with a tiny entry cannot sum to exactly 1 ([1e-300, 1.0]), the reference is computed
for the exactly normalised row; those cases are chosen so that normalising changes the result by
far less than an ulp.
"""

from __future__ import annotations

import math
from functools import partial
from typing import TYPE_CHECKING, Any, SupportsFloat, cast

import numpy as np
import pytest
from mpmath import mp, mpf

import xent
from xent.numeric._chunks import Scratch
from xent.numeric._kernels import _atanh_excess, log1p_unit

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    import numpy.typing as npt

MAX_ULPS = 4
DPS = 60


def ulp_error(computed: object, exact: Any, dtype: Any = np.float64) -> float:
    """|computed − exact| in units of the last place of ``exact`` rounded to ``dtype``."""
    value = float(cast("SupportsFloat", computed))
    if mp.isinf(exact) or math.isinf(value) or math.isnan(value):
        return 0.0 if value == float(exact) else math.inf
    rounded = dtype(float(exact))
    spacing = float(np.spacing(np.abs(rounded)))  # smallest subnormal spacing at zero
    with mp.workdps(DPS):
        return float(abs(mpf(value) - exact) / mpf(spacing))


def big(values: Sequence[float]) -> list[Any]:
    return [mpf(float(v)) for v in values]


def normalised(values: Sequence[float]) -> list[Any]:
    exact = big(values)
    total = sum(exact)
    return [v / total for v in exact]


def ref_entropy(p: Sequence[float]) -> Any:
    return -sum(x * mp.log(x) for x in normalised(p) if x)


def ref_cross_entropy(p: Sequence[float], q: Sequence[float]) -> Any:
    terms = [(a, b) for a, b in zip(normalised(p), normalised(q), strict=True) if a]
    if any(b == 0 for _, b in terms):
        return mp.inf
    return -sum(a * mp.log(b) for a, b in terms)


def ref_kl(p: Sequence[float], q: Sequence[float]) -> Any:
    terms = [(a, b) for a, b in zip(normalised(p), normalised(q), strict=True) if a]
    if any(b == 0 for _, b in terms):
        return mp.inf
    return sum(a * mp.log(a / b) for a, b in terms)


def ref_js(p: Sequence[float], q: Sequence[float]) -> Any:
    big_p, big_q = normalised(p), normalised(q)
    m = [(a + b) / 2 for a, b in zip(big_p, big_q, strict=True)]

    def kl(x: list[Any]) -> Any:
        return sum(a * mp.log(a / c) for a, c in zip(x, m, strict=True) if a)

    return (kl(big_p) + kl(big_q)) / 2


def ref_binary_entropy(p: float) -> Any:
    x = mpf(p)
    return -(x * mp.log(x) if x else 0) - ((1 - x) * mp.log1p(-x) if x != 1 else 0)


def ref_bce_p(y: float, p: float) -> Any:
    big_y, big_p = mpf(y), mpf(p)
    positive = -big_y * mp.log(big_p) if big_y else mpf(0)
    negative = -(1 - big_y) * mp.log1p(-big_p) if big_y != 1 else mpf(0)
    return positive + negative


def ref_bce_logits(y: float, z: float) -> Any:
    # −y ln σ(z) − (1 − y) ln(1 − σ(z)) = y·ln(1 + e^−z) + (1 − y)·ln(1 + e^z)
    big_y, big_z = mpf(y), mpf(z)
    return big_y * mp.log1p(mp.exp(-big_z)) + (1 - big_y) * mp.log1p(mp.exp(big_z))


def ref_logsumexp(x: Sequence[float]) -> Any:
    return mp.log(sum(mp.exp(v) for v in big(x)))


def ref_softmax_ce(z: Sequence[float], k: int) -> Any:
    # logsumexp(z) − z_k = log1p(Σ_{j≠k} e^(z_j − z_k)): no cancellation at any precision
    logits = big(z)
    return mp.log1p(sum(mp.exp(v - logits[k]) for j, v in enumerate(logits) if j != k))


def ref_softmax_ce_rows(z: Sequence[float], t: Sequence[float]) -> Any:
    return sum(w * ref_softmax_ce(z, k) for k, w in enumerate(normalised(t)) if w)


def case(
    compute: Callable[[], object],
    exact: Callable[[], Any],
    name: str,
    dtype: Any = np.float64,
) -> Any:
    return pytest.param(compute, exact, dtype, id=name)


def assert_within_ulps(compute: Callable[[], object], exact: Callable[[], Any], dtype: Any) -> None:
    with mp.workdps(DPS):
        reference = exact()
    result = compute()
    if isinstance(result, np.ndarray):
        assert result.dtype == dtype
    error = ulp_error(result, reference, dtype)
    assert error <= MAX_ULPS, (
        f"xent gave {float(cast('SupportsFloat', result))!r}, "
        f"mpmath {mp.nstr(reference, 20)}: {error:.3g} ulp"
    )


def first32(result: object) -> object:
    values = np.asarray(result)
    assert values.dtype == np.float32
    return values.ravel()[0]


# --- KL of nearly identical distributions --------------------------------------------------------

D_VALUES = [10.0**-k for k in range(3, 13)]


def near_uniform(d: float) -> list[float]:
    first = 0.5 + d
    return [first, 1.0 - first]  # 1 − first is exact (first ≥ 0.5): the row sums to exactly 1


def near_seventy(d: float) -> list[float]:
    first = 0.7 + d
    return [first, 1.0 - first]  # 1 − first is exact: the row sums to exactly 1


SEVENTY = [0.7, 1.0 - 0.7]


def completed(head: list[float]) -> list[float]:
    """Append 1 − Σ head, and check (exactly, with mpmath) that the row sums to exactly 1."""
    last = 1.0
    for x in head:
        last -= x
    row = [*head, last]
    with mp.workdps(DPS):
        assert sum(big(row)) == 1, row
    return row


def near_three(d: float) -> list[float]:
    return completed([0.6 + d, 0.25 - d / 3])


THREE = completed([0.6, 0.25])
UNIFORM2 = [0.5, 0.5]


def ref_kl_bits(p: Sequence[float], q: Sequence[float]) -> Any:
    return ref_kl(p, q) / mp.log(2)


def near_uniform32(d: float) -> npt.NDArray[np.float32]:
    first = np.float32(0.5) + np.float32(d)
    return np.array([first, np.float32(1) - first], dtype=np.float32)  # exact complement


def kl32(d: float) -> object:
    return first32(xent.kl_divergence(near_uniform32(d)[None, :], np.full((1, 2), 0.5, np.float32)))


def ref_kl32(d: float) -> Any:
    return ref_kl([float(x) for x in near_uniform32(d)], UNIFORM2)


KL_CASES = (
    [
        case(
            partial(xent.kl_divergence, near_uniform(d), UNIFORM2),
            partial(ref_kl, near_uniform(d), UNIFORM2),
            f"KL([0.5+d, 0.5-d] | uniform) d={d:.0e}",
        )
        for d in D_VALUES
    ]
    + [
        case(
            partial(xent.kl_divergence, UNIFORM2, near_uniform(d)),
            partial(ref_kl, UNIFORM2, near_uniform(d)),
            f"KL(uniform | [0.5+d, 0.5-d]) d={d:.0e}",
        )
        for d in D_VALUES
    ]
    + [
        case(
            partial(xent.kl_divergence, near_seventy(d), SEVENTY),
            partial(ref_kl, near_seventy(d), SEVENTY),
            f"KL([0.7+d, 0.3-d] | [0.7, 0.3]) d={d:.0e}",
        )
        for d in D_VALUES
    ]
    + [
        case(
            partial(xent.kl_divergence, near_uniform(d), UNIFORM2, base="bits"),
            partial(ref_kl_bits, near_uniform(d), UNIFORM2),
            f"KL bits d={d:.0e}",
        )
        for d in (1e-4, 1e-8, 1e-12)
    ]
    + [
        case(
            partial(xent.js_divergence, near_uniform(d), UNIFORM2),
            partial(ref_js, near_uniform(d), UNIFORM2),
            f"JS([0.5+d, 0.5-d], uniform) d={d:.0e}",
        )
        for d in D_VALUES
    ]
    + [
        case(
            partial(xent.js_divergence, near_seventy(d), SEVENTY),
            partial(ref_js, near_seventy(d), SEVENTY),
            f"JS([0.7+d, 0.3-d], [0.7, 0.3]) d={d:.0e}",
        )
        for d in D_VALUES
    ]
    + [
        case(
            partial(xent.kl_divergence, near_three(d), THREE),
            partial(ref_kl, near_three(d), THREE),
            f"KL([0.6+d, 0.25-d/3, ...] | [0.6, 0.25, 0.15]) d={d:.0e}",
        )
        for d in D_VALUES
    ]
    + [
        case(partial(kl32, d), partial(ref_kl32, d), f"float32 KL d={d:.0e}", np.float32)
        for d in (1e-2, 1e-3, 1e-4, 1e-5, 1e-6, 1e-7)
    ]
)


@pytest.mark.parametrize(("compute", "exact", "dtype"), KL_CASES)
def test_kl_of_nearly_identical_distributions_is_accurate_to_a_few_ulp(
    compute: Callable[[], object], exact: Callable[[], Any], dtype: Any
) -> None:
    assert_within_ulps(compute, exact, dtype)


# --- tiny probabilities --------------------------------------------------------------------------

TINY = [1e-300, 2.2250738585072014e-308, 1e-310, 5e-324]


def ref_self_information(p: float) -> Any:
    return -mp.log(mpf(p))


TINY_CASES = (
    [
        case(
            partial(xent.self_information, p),
            partial(ref_self_information, p),
            f"self-information {p:.3g}",
        )
        for p in TINY
    ]
    + [
        case(
            partial(xent.cross_entropy, [1.0, 0.0], [p, 1.0]),
            partial(ref_cross_entropy, [1.0, 0.0], [p, 1.0]),
            f"CE one-hot against q={p:.3g}",
        )
        for p in TINY
    ]
    + [
        case(
            partial(xent.cross_entropy, [0.5, 0.5], [p, 1.0]),
            partial(ref_cross_entropy, [0.5, 0.5], [p, 1.0]),
            f"CE soft p against q={p:.3g}",
        )
        for p in TINY
    ]
    + [
        case(
            partial(xent.kl_divergence, [1.0, 0.0], [p, 1.0]),
            partial(ref_kl, [1.0, 0.0], [p, 1.0]),
            f"KL one-hot against q={p:.3g}",
        )
        for p in TINY
    ]
    + [
        case(
            partial(xent.binary_cross_entropy, 1.0, p),
            partial(ref_bce_p, 1.0, p),
            f"BCE y=1 p={p:.3g}",
        )
        for p in TINY
    ]
    + [
        case(
            partial(xent.binary_cross_entropy, 0.0, p),
            partial(ref_bce_p, 0.0, p),
            f"BCE y=0 p={p:.3g}",
        )
        for p in TINY
    ]
    + [
        case(
            lambda: xent.entropy([1e-300, 0.25, 0.75]),
            lambda: ref_entropy([1e-300, 0.25, 0.75]),
            "entropy with a 1e-300 entry",
        ),
        case(
            lambda: xent.entropy([5e-324, 0.5, 0.5], base="bits"),
            lambda: ref_entropy([5e-324, 0.5, 0.5]) / mp.log(2),
            "entropy with a subnormal entry",
        ),
    ]
)


@pytest.mark.parametrize(("compute", "exact", "dtype"), TINY_CASES)
def test_tiny_probabilities_are_handled_to_a_few_ulp(
    compute: Callable[[], object], exact: Callable[[], Any], dtype: Any
) -> None:
    assert_within_ulps(compute, exact, dtype)


# --- nearly certain distributions ---------------------------------------------------------------

NEARLY_CERTAIN = [2.0**-k for k in (20, 40, 52)]  # [1 − ε, ε] sums to exactly 1

CERTAIN_CASES = (
    [
        case(
            partial(xent.entropy, [1.0 - e, e]),
            partial(ref_entropy, [1.0 - e, e]),
            f"entropy [1-e, e] e=2^{round(math.log2(e))}",
        )
        for e in NEARLY_CERTAIN
    ]
    + [
        case(
            partial(xent.cross_entropy, [1.0, 0.0], [1.0 - e, e]),
            partial(ref_cross_entropy, [1.0, 0.0], [1.0 - e, e]),
            f"CE one-hot against [1-e, e] e=2^{round(math.log2(e))}",
        )
        for e in NEARLY_CERTAIN
    ]
    + [
        case(
            partial(xent.kl_divergence, [1.0 - e, e], [1.0, 0.0]),
            partial(ref_kl, [1.0 - e, e], [1.0, 0.0]),
            f"KL [1-e, e] against one-hot is inf e=2^{round(math.log2(e))}",
        )
        for e in NEARLY_CERTAIN
    ]
    + [
        case(
            partial(xent.softmax_cross_entropy, [40.0, 0.0], [1.0 - e, e]),
            partial(ref_softmax_ce_rows, [40.0, 0.0], [1.0 - e, e]),
            f"softmax CE (40, 0) target [1-e, e] e=2^{round(math.log2(e))}",
        )
        for e in NEARLY_CERTAIN
    ]
)


@pytest.mark.parametrize(("compute", "exact", "dtype"), CERTAIN_CASES)
def test_nearly_certain_distributions_are_handled_to_a_few_ulp(
    compute: Callable[[], object], exact: Callable[[], Any], dtype: Any
) -> None:
    assert_within_ulps(compute, exact, dtype)


# --- logits with a huge spread -------------------------------------------------------------------


def ref_smoothed(z: Sequence[float], k: int, epsilon: float) -> Any:
    eps = mpf(epsilon)
    weights = [(1 - eps) * (j == k) + eps / len(z) for j in range(len(z))]
    return sum(w * ref_softmax_ce(z, j) for j, w in enumerate(weights))


SPREAD_CASES = [
    case(
        lambda: xent.softmax_cross_entropy([1e4, 0.0, -1e4], 0, label_smoothing=0.1),
        lambda: ref_smoothed([1e4, 0.0, -1e4], 0, 0.1),
        "label smoothing 0.1 with logits (1e4, 0, -1e4)",
    ),
    case(
        lambda: xent.softmax_cross_entropy([40.0, 0.0, 0.0], 0, label_smoothing=1e-20),
        lambda: ref_smoothed([40.0, 0.0, 0.0], 0, 1e-20),
        "label smoothing 1e-20 with logits (40, 0, 0)",
    ),
    case(
        lambda: xent.softmax_cross_entropy([1e4, 0.0, -1e4], 0),
        lambda: ref_softmax_ce([1e4, 0.0, -1e4], 0),
        "softmax CE (1e4, 0, -1e4) class 0",
    ),
    case(
        lambda: xent.softmax_cross_entropy([1e4, 0.0, -1e4], 1),
        lambda: ref_softmax_ce([1e4, 0.0, -1e4], 1),
        "softmax CE (1e4, 0, -1e4) class 1",
    ),
    case(
        lambda: xent.softmax_cross_entropy([1e4, 0.0, -1e4], 2),
        lambda: ref_softmax_ce([1e4, 0.0, -1e4], 2),
        "softmax CE (1e4, 0, -1e4) class 2",
    ),
    case(
        lambda: xent.softmax_cross_entropy([700.0, 0.0], 0),
        lambda: ref_softmax_ce([700.0, 0.0], 0),
        "softmax CE (700, 0) is 1e-304",
    ),
    case(
        lambda: xent.softmax_cross_entropy([720.0, 0.0], 0),
        lambda: ref_softmax_ce([720.0, 0.0], 0),
        "softmax CE (720, 0) is subnormal",
    ),
    case(
        lambda: xent.softmax_cross_entropy([500.0, -500.0], [0.5, 0.5]),
        lambda: ref_softmax_ce_rows([500.0, -500.0], [0.5, 0.5]),
        "softmax CE (500, -500) soft target",
    ),
    case(
        lambda: xent.softmax_cross_entropy([30.0, 0.0, -30.0], [0.9, 0.1, 0.0]),
        lambda: ref_softmax_ce_rows([30.0, 0.0, -30.0], [0.9, 0.1, 0.0]),
        "softmax CE (30, 0, -30) soft target",
    ),
    case(
        lambda: xent.logsumexp([1e308, 1e308]),
        lambda: ref_logsumexp([1e308, 1e308]),
        "logsumexp (1e308, 1e308) does not overflow",
    ),
    case(
        lambda: xent.logsumexp([-1000.0, -1000.0]),
        lambda: ref_logsumexp([-1000.0, -1000.0]),
        "logsumexp (-1000, -1000) does not underflow",
    ),
    case(
        lambda: xent.logsumexp([0.0, -40.0]),
        lambda: ref_logsumexp([0.0, -40.0]),
        "logsumexp (0, -40) is 4e-18",
    ),
    case(
        lambda: xent.logsumexp([1e4, 0.0, -1e4]),
        lambda: ref_logsumexp([1e4, 0.0, -1e4]),
        "logsumexp (1e4, 0, -1e4)",
    ),
    case(
        lambda: np.asarray(xent.log_softmax([1e3, 0.0, -1e3]))[1],
        lambda: mpf(0) - ref_logsumexp([1e3, 0.0, -1e3]),
        "log_softmax (1e3, 0, -1e3) middle",
    ),
    case(
        lambda: np.asarray(xent.log_softmax([1e3, 0.0, -1e3]))[2],
        lambda: mpf(-1000) - ref_logsumexp([1e3, 0.0, -1e3]),
        "log_softmax (1e3, 0, -1e3) last",
    ),
    case(
        lambda: np.asarray(xent.softmax([50.0, 0.0, -50.0]))[1],
        lambda: mp.exp(-ref_logsumexp([50.0, 0.0, -50.0])),
        "softmax (50, 0, -50) middle",
    ),
    case(
        lambda: np.asarray(xent.softmax([50.0, 0.0, -50.0]))[2],
        lambda: mp.exp(-50 - ref_logsumexp([50.0, 0.0, -50.0])),
        "softmax (50, 0, -50) last",
    ),
    case(
        lambda: np.asarray(xent.softmax([0.0, -700.0]))[1],
        lambda: mp.exp(-700 - ref_logsumexp([0.0, -700.0])),
        "softmax (0, -700) is 1e-304",
    ),
]


@pytest.mark.parametrize(("compute", "exact", "dtype"), SPREAD_CASES)
def test_logits_with_a_huge_spread_are_handled_to_a_few_ulp(
    compute: Callable[[], object], exact: Callable[[], Any], dtype: Any
) -> None:
    assert_within_ulps(compute, exact, dtype)


# --- BCE at p = 1e-50 and logits ±40 -------------------------------------------------------------


LOSS_CASES = [
    case(
        lambda: xent.binary_cross_entropy(1.0, 1e-50),
        lambda: ref_bce_p(1.0, 1e-50),
        "BCE y=1 p=1e-50",
    ),
    case(
        lambda: xent.binary_cross_entropy(0.0, 1e-50),
        lambda: ref_bce_p(0.0, 1e-50),
        "BCE y=0 p=1e-50",
    ),
    case(
        lambda: xent.binary_cross_entropy(0.5, 1e-50),
        lambda: ref_bce_p(0.5, 1e-50),
        "BCE y=0.5 p=1e-50",
    ),
    case(
        lambda: xent.binary_cross_entropy(1.0, logits=40.0),
        lambda: ref_bce_logits(1.0, 40.0),
        "BCE y=1 logit 40",
    ),
    case(
        lambda: xent.binary_cross_entropy(0.0, logits=-40.0),
        lambda: ref_bce_logits(0.0, -40.0),
        "BCE y=0 logit -40",
    ),
    case(
        lambda: xent.binary_cross_entropy(1.0, logits=-40.0),
        lambda: ref_bce_logits(1.0, -40.0),
        "BCE y=1 logit -40",
    ),
    case(
        lambda: xent.binary_cross_entropy(1.0, logits=700.0),
        lambda: ref_bce_logits(1.0, 700.0),
        "BCE y=1 logit 700 is 1e-304",
    ),
    case(
        lambda: xent.binary_cross_entropy(1.0 - 2.0**-30, logits=40.0),
        lambda: ref_bce_logits(1.0 - 2.0**-30, 40.0),
        "BCE soft y=1-2^-30 logit 40",
    ),
    case(
        lambda: xent.binary_cross_entropy(1.0, logits=40.0, pos_weight=3.0),
        lambda: 3 * ref_bce_logits(1.0, 40.0),
        "BCE pos_weight 3 logit 40",
    ),
    case(
        lambda: xent.softmax_cross_entropy([40.0, 0.0], 0),
        lambda: ref_softmax_ce([40.0, 0.0], 0),
        "softmax CE (40, 0) class 0",
    ),
    case(
        lambda: xent.softmax_cross_entropy([0.0, 40.0], 1),
        lambda: ref_softmax_ce([0.0, 40.0], 1),
        "softmax CE (0, 40) class 1",
    ),
    case(
        lambda: xent.softmax_cross_entropy([40.0, 0.0, 0.0], 0),
        lambda: ref_softmax_ce([40.0, 0.0, 0.0], 0),
        "softmax CE (40, 0, 0) class 0",
    ),
    case(
        lambda: xent.softmax_cross_entropy([0.0, -40.0], [1.0, 0.0]),
        lambda: ref_softmax_ce_rows([0.0, -40.0], [1.0, 0.0]),
        "softmax CE (0, -40) one-hot row",
    ),
    case(
        lambda: xent.softmax_cross_entropy([40.0, 0.0], 0, base="bits"),
        lambda: ref_softmax_ce([40.0, 0.0], 0) / mp.log(2),
        "softmax CE (40, 0) in bits",
    ),
    case(
        lambda: first32(
            xent.binary_cross_entropy(
                np.ones(1, dtype=np.float32), logits=np.array([40.0], dtype=np.float32)
            )
        ),
        lambda: ref_bce_logits(1.0, 40.0),
        "float32 BCE y=1 logit 40",
        np.float32,
    ),
    case(
        lambda: first32(
            xent.softmax_cross_entropy(np.array([[40.0, 0.0]], dtype=np.float32), np.array([0]))
        ),
        lambda: ref_softmax_ce([40.0, 0.0], 0),
        "float32 softmax CE (40, 0)",
        np.float32,
    ),
    case(
        lambda: first32(
            xent.softmax_cross_entropy(np.array([[20.0, 0.0]], dtype=np.float32), np.array([0]))
        ),
        lambda: ref_softmax_ce([20.0, 0.0], 0),
        "float32 softmax CE (20, 0)",
        np.float32,
    ),
]


@pytest.mark.parametrize(("compute", "exact", "dtype"), LOSS_CASES)
def test_losses_at_extreme_probabilities_and_logits_are_accurate_to_a_few_ulp(
    compute: Callable[[], object], exact: Callable[[], Any], dtype: Any
) -> None:
    assert_within_ulps(compute, exact, dtype)


# --- binary entropy near 0 and 1 -----------------------------------------------------------------

NEAR_ZERO = [1e-5, 1e-10, 1e-15, 1e-17, 1e-20, 1e-100, 1e-300, 1e-310]
NEAR_ONE = [1.0 - 2.0**-k for k in (10, 20, 30, 40, 52, 53)]

BINARY_ENTROPY_CASES = (
    [
        case(partial(xent.binary_entropy, p), partial(ref_binary_entropy, p), f"H_b({p:.0e})")
        for p in NEAR_ZERO
    ]
    + [
        case(
            partial(xent.binary_entropy, p),
            partial(ref_binary_entropy, p),
            f"H_b(1-2^-{round(-math.log2(1 - p))})",
        )
        for p in NEAR_ONE
    ]
    + [
        case(
            lambda: xent.binary_entropy(1e-10, base="bits"),
            lambda: ref_binary_entropy(1e-10) / mp.log(2),
            "H_b(1e-10) in bits",
        ),
        case(
            lambda: xent.binary_entropy(0.5 - 2.0**-30),
            lambda: ref_binary_entropy(0.5 - 2.0**-30),
            "H_b just below 1/2",
        ),
        case(
            lambda: first32(xent.binary_entropy(np.array([1e-30], dtype=np.float32))),
            lambda: ref_binary_entropy(float(np.float32(1e-30))),
            "float32 H_b(1e-30)",
            np.float32,
        ),
        case(
            lambda: first32(xent.binary_entropy(np.array([1 - 2**-24], dtype=np.float32))),
            lambda: ref_binary_entropy(1 - 2**-24),
            "float32 H_b(1-2^-24)",
            np.float32,
        ),
    ]
)


@pytest.mark.parametrize(("compute", "exact", "dtype"), BINARY_ENTROPY_CASES)
def test_binary_entropy_near_zero_and_one_is_accurate_to_a_few_ulp(
    compute: Callable[[], object], exact: Callable[[], Any], dtype: Any
) -> None:
    assert_within_ulps(compute, exact, dtype)


def test_ulp_error_helper_measures_what_it_claims() -> None:
    one_third = mpf(1) / 3
    assert ulp_error(1 / 3, one_third) < 0.5
    assert 0.5 < ulp_error(np.nextafter(1 / 3, 1), one_third) < 1.5
    assert ulp_error(0.0, mpf(0)) == 0
    assert ulp_error(math.inf, mp.inf) == 0
    assert ulp_error(0.0, mpf("1e-18")) > 1e10
    assert ulp_error(np.float32(1 / 3), one_third, np.float32) < 0.5


def _log1p_arguments() -> npt.NDArray[np.float64]:
    """Hostile and random float64 x in (−1, 1]: subnormal, around the unit roundoff, near ±1."""
    rng = np.random.default_rng(20261122)
    info = np.finfo(np.float64)
    magnitudes = np.concatenate(
        [
            10.0 ** rng.uniform(np.log10(float(info.smallest_subnormal)), 0, 400),
            rng.uniform(0, 1, 400),
            float(info.eps) * rng.uniform(0, 4, 200),  # where 1 + x rounds the most
            1 - 10.0 ** rng.uniform(np.log10(float(info.eps)), -1, 200),  # near ±1
            [float(info.smallest_subnormal), float(info.eps) / 2, 0.5, 1.0],
        ]
    )
    x: npt.NDArray[np.float64] = np.concatenate([magnitudes, -magnitudes[magnitudes < 1]])
    return x[x > -1]


def test_log1p_unit_is_within_one_ulp_of_the_exact_logarithm() -> None:
    x = _log1p_arguments()
    computed = log1p_unit(x)
    assert computed.dtype == np.float64
    with mp.workdps(DPS):
        errors = [ulp_error(c, mp.log1p(mpf(float(v)))) for c, v in zip(computed, x, strict=True)]
    worst = int(np.argmax(errors))
    assert errors[worst] <= 1, f"ln(1 + {x[worst]!r}) off by {errors[worst]:.2f} ulp"


@pytest.mark.parametrize(("precision", "allowed"), [(None, 1.0), (np.dtype(np.float32), 2**-26)])
def test_atanh_excess_series_is_accurate_to_its_precision(precision: Any, allowed: float) -> None:
    """(atanh v − v)/v³ on |v| < 1/2 from the economised series, against mpmath.

    In float64 the error is at most 1 ulp; with a float32 result in view, the relative
    error stays below 2^−26 (a quarter of float32's unit roundoff).
    """
    rng = np.random.default_rng(7)
    v = np.concatenate([rng.uniform(-0.5, 0.5, 3000), [0.0, 1e-10, -0.4999999, 0.25, 0.125]])
    computed = _atanh_excess(v, precision, Scratch()).copy()
    with mp.workdps(DPS):
        exact = [(mp.atanh(mpf(x)) - mpf(x)) / mpf(x) ** 3 if x else mpf(1) / 3 for x in v]
    if precision is None:
        errors = [ulp_error(c, e) for c, e in zip(computed, exact, strict=True)]
    else:
        errors = [float(abs(mpf(float(c)) - e) / e) for c, e in zip(computed, exact, strict=True)]
    worst = int(np.argmax(errors))
    assert errors[worst] <= allowed, f"v = {v[worst]!r}: error {errors[worst]:.3g}"
