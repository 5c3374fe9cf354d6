"""Every function against mpmath within the bound that ``xent.ACCURACY_ULPS`` states.

The hostile inputs are those of benchmarks/accuracy.py (which searches wider), drawn with fixed
seeds, plus the worst cases an independent review and that search found: logits hundreds or a
million apart, one dominant logit, a thousand classes, near ties, distributions with entries
near 0 and 1, nearly equal distributions, q near 0, and twenty thousand classes. References are
mpmath at 60 digits from the exact binary values of the inputs; distributions lie on the grid of
multiples of 2⁻⁵³ (2⁻²⁴ in float32), so each row sums to exactly 1. Errors are in ulp of the
result's dtype. The bound each test uses is the one in the dict, never a looser one.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

import numpy as np
import pytest
from mpmath import mp, mpf

import xent
from benchmarks.accuracy import (
    DPS,
    cancelling_rows,
    log_sum_split,
    perturbed,
    ref_bce_logits,
    ref_bce_p,
    ref_cross_entropy,
    ref_entropy,
    ref_js,
    ref_kl,
    ref_log_softmax,
    simplex_grid,
    ulp_error,
)
from xent.numeric._accuracy import ACCURACY_ULPS, PERPLEXITY_ULPS_PER_NAT

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence
    from typing import TypeAlias

    Matrix: TypeAlias = np.ndarray[tuple[int, int], np.dtype[np.float64]]  # rows of a batch

DTYPES = [np.float64, np.float32]


def bound(function: str, dtype: Any) -> float:
    """The stated bound on the route this process takes (the compiled one where stated)."""
    bounds, name = ACCURACY_ULPS[function], np.dtype(dtype).name
    compiled = f"{name} (compiled)"
    return (
        bounds[compiled]
        if compiled in bounds and xent.single_precision_route() == "numba"
        else bounds[name]
    )


def assert_within(
    function: str, dtype: Any, computed: Any, exact: Sequence[Sequence[Any]], rows: Any
) -> None:
    """Every entry of ``computed`` (rows × entries) is within the stated bound of ``exact``."""
    computed = np.asarray(computed)
    assert computed.dtype == dtype
    limit = bound(function, dtype)
    with mp.workdps(DPS):
        for values, reference, row in zip(computed, exact, rows, strict=True):
            for value, true in zip(np.atleast_1d(values), reference, strict=True):
                error = ulp_error(float(value), true, dtype)
                assert error <= limit, (
                    f"{function} gave {float(value)!r}, mpmath {mp.nstr(true, 20)}: "
                    f"{error:.3g} ulp > {limit} for {row!r}"
                )


# --- logits ------------------------------------------------------------------------------------

REVIEW_ROW = [-700.0, 0.0, 3.3, 650.1]
WORST_FOUND = [  # the worst rows of the search before the kernels carried the shift's rounding
    [
        *(305.19678337013164, 120.90061546164674, -71.80179464603422, -498.8736633150559),
        *(-385.9766730009063, -355.3122090869468, -18.356381498720673, -287.5819399008551),
        *(321.01068827246525, 222.72564807259894, -49.48101180194118, -255.52374363340022),
        *(-150.78309540043023, 87.32196432892601, 6.31142471329974, -63.69673480169995),
    ],
    [75.54659377409098, -456.1106207598231, *[-np.inf] * 14],
    [-540.9934032730471, -732.1723642471165, -26.51327642265153, -75.64754296503384]
    + [-np.inf] * 12,
]


def _logit_families() -> dict[str, np.ndarray[Any, Any]]:
    rng = np.random.default_rng(12)
    lead = rng.uniform(20, 740, (12, 1))
    return {
        "the review's row": np.array([REVIEW_ROW]),
        "the search's worst rows": np.array(WORST_FOUND),
        "normal*300": rng.standard_normal((12, 16)) * 300,
        "uniform ±740": rng.uniform(-740, 740, (12, 4)),
        "normal*300 + 1e6": rng.standard_normal((8, 8)) * 300 + 1e6,
        "one dominant logit": np.hstack([lead, rng.standard_normal((12, 5)) * 3]),
        "near ties": rng.standard_normal((12, 1)) * 100 + rng.standard_normal((12, 6)) * 1e-6,
        "a thousand classes": rng.standard_normal((2, 1000)) * 30,
    }


LOGITS = _logit_families()
LOGIT_CASES = [
    pytest.param(name, dtype, id=f"{np.dtype(dtype).name}-{name}")
    for dtype in DTYPES
    for name in LOGITS
]


def logits_of(name: str, dtype: Any) -> np.ndarray[Any, Any]:
    z = LOGITS[name].astype(dtype)
    kept: np.ndarray[Any, Any] = z[np.isfinite(z).any(axis=1) & (np.max(z, axis=1) < np.inf)]
    return kept


def references(z: np.ndarray[Any, Any]) -> list[list[Any]]:
    with mp.workdps(DPS):
        rows: Matrix = z.astype(np.float64)
        return [ref_log_softmax(row) for row in rows]


@pytest.mark.parametrize(("name", "dtype"), LOGIT_CASES)
def test_softmax_is_within_its_stated_ulp_bound_on_wide_logits(name: str, dtype: Any) -> None:
    z = logits_of(name, dtype)
    with mp.workdps(DPS):
        exact = [[mp.exp(v) for v in row] for row in references(z)]
    assert_within("softmax", dtype, xent.softmax(z), exact, z)


@pytest.mark.parametrize(("name", "dtype"), LOGIT_CASES)
def test_log_softmax_is_within_its_stated_ulp_bound_on_wide_logits(name: str, dtype: Any) -> None:
    z = logits_of(name, dtype)
    assert_within("log_softmax", dtype, xent.log_softmax(z), references(z), z)


@pytest.mark.parametrize(("name", "dtype"), LOGIT_CASES)
def test_logsumexp_is_within_its_stated_ulp_bound_on_wide_logits(name: str, dtype: Any) -> None:
    z = logits_of(name, dtype)
    with mp.workdps(DPS):
        rows: Matrix = z.astype(np.float64)
        exact = [[max(map(mpf, row)) + log_sum_split(row)[1]] for row in rows]
    computed = np.asarray(xent.logsumexp(z))[:, None]
    assert_within("logsumexp", dtype, computed, exact, z)


@pytest.mark.parametrize("dtype", DTYPES)
def test_logsumexp_error_is_within_its_stated_bound_in_ulp_of_the_log_sum_where_it_cancels(
    dtype: Any,
) -> None:
    z = cancelling_rows(np.random.default_rng(3), 24).astype(dtype)
    computed = np.asarray(xent.logsumexp(z))
    limit = bound("logsumexp (cancelling)", dtype)
    rows: Matrix = z.astype(np.float64)
    with mp.workdps(DPS):
        for value, row in zip(computed, rows, strict=True):
            finite = [float(v) for v in row if v > -np.inf]
            log_total = log_sum_split(finite)[1]
            exact = max(map(mpf, finite)) + log_total
            spacing = float(np.spacing(dtype(float(log_total))))
            assert abs(mpf(float(value)) - exact) <= limit * spacing, row


def _smoothed(k: int, y: int, epsilon: float) -> list[Any]:
    eps = mpf(epsilon)
    return [(1 - eps) * (j == y) + eps / k for j in range(k)]


@pytest.mark.parametrize(("name", "dtype"), LOGIT_CASES)
@pytest.mark.parametrize(
    ("function", "smoothing"),
    [
        ("softmax_cross_entropy", 0.0),
        ("softmax_cross_entropy (label_smoothing)", 0.1),
        ("softmax_cross_entropy (label_smoothing)", 1e-6),
    ],
)
def test_softmax_cross_entropy_is_within_its_stated_ulp_bound_on_wide_logits(
    name: str, dtype: Any, function: str, smoothing: float
) -> None:
    z = logits_of(name, dtype)
    k = z.shape[1]
    target = np.random.default_rng(5).integers(0, k, len(z))
    target[::2] = np.argmax(z[::2], axis=1)  # the true class is the maximum: tiny losses
    infinite = np.isinf(z[np.arange(len(z)), target])  # a loss of +inf is tested elsewhere
    target[infinite] = np.argmax(z[infinite], axis=1)
    computed = np.asarray(xent.softmax_cross_entropy(z, target, label_smoothing=smoothing))
    with mp.workdps(DPS):
        exact = [
            [-sum(w * v for w, v in zip(_smoothed(k, int(y), smoothing), ref, strict=True) if w)]
            for y, ref in zip(target, references(z), strict=True)
        ]
    assert_within(function, dtype, computed[:, None], exact, z)


@pytest.mark.parametrize(("name", "dtype"), LOGIT_CASES)
def test_softmax_cross_entropy_is_within_its_stated_ulp_bound_against_probability_rows(
    name: str, dtype: Any
) -> None:
    z = logits_of(name, dtype)
    bits = 24 if dtype == np.float32 else 53
    target = simplex_grid(np.random.default_rng(7), len(z), z.shape[1], bits, "spiky")
    target = target.astype(dtype)
    computed = np.asarray(xent.softmax_cross_entropy(z, target))
    with mp.workdps(DPS):
        exact = [
            [-sum(mpf(float(t)) * v for t, v in zip(row, ref, strict=True) if t)]
            for row, ref in zip(target, references(z), strict=True)
        ]
    assert_within("softmax_cross_entropy (probabilities)", dtype, computed[:, None], exact, z)


# --- distributions -----------------------------------------------------------------------------


def _pairs(dtype: Any) -> dict[str, tuple[np.ndarray[Any, Any], np.ndarray[Any, Any]]]:
    rng = np.random.default_rng(21)
    bits = 24 if dtype == np.float32 else 53
    pairs = {}
    for n in (2, 5, 50):
        p = simplex_grid(rng, 10, n, bits, "dirichlet")
        pairs[f"dirichlet, {n} outcomes"] = (p, simplex_grid(rng, 10, n, bits, "dirichlet"))
        pairs[f"spiky, {n} outcomes"] = (p, simplex_grid(rng, 10, n, bits, "spiky"))
        pairs[f"nearly equal, {n} outcomes"] = (p, perturbed(rng, p, bits, 1e-6))
    sparse = simplex_grid(rng, 10, 4, bits, "sparse")
    pairs["nearly certain"] = (sparse, simplex_grid(rng, 10, 4, bits, "dirichlet"))
    tiny = np.floor(2.0 ** rng.uniform(0, bits - 8, 10)) / 2.0**bits
    q = np.stack([tiny, 1 - tiny], axis=1)
    pairs["q = [tiny, 1 - tiny]"] = (simplex_grid(rng, 10, 2, bits, "dirichlet"), q)
    return pairs


DIVERGENCES: dict[str, tuple[Callable[..., Any], Callable[..., Any]]] = {
    "entropy": (lambda p, _: xent.entropy(p), lambda p, _: ref_entropy(p)),
    "cross_entropy": (xent.cross_entropy, ref_cross_entropy),
    "kl_divergence": (xent.kl_divergence, ref_kl),
    "js_divergence": (xent.js_divergence, ref_js),
}
DIVERGENCE_CASES = [
    pytest.param(function, dtype, id=f"{function}-{np.dtype(dtype).name}")
    for function in DIVERGENCES
    for dtype in DTYPES
]


@pytest.mark.parametrize(("function", "dtype"), DIVERGENCE_CASES)
def test_entropies_and_divergences_are_within_their_stated_ulp_bounds_on_hostile_rows(
    function: str, dtype: Any
) -> None:
    compute, reference = DIVERGENCES[function]
    for label, (p64, q64) in _pairs(dtype).items():
        p, q = p64.astype(dtype), q64.astype(dtype)
        with mp.workdps(DPS):
            exact = [[reference(a, b)] for a, b in zip(p64, q64, strict=True)]
        computed = np.asarray(compute(p, q))[:, None]
        assert_within(function, dtype, computed, exact, [label] * len(p))


@pytest.mark.parametrize("tiny", [1e-9, 1e-12, 1e-16, 3e-5, 1e-300])
@pytest.mark.parametrize("p", [[0.5, 0.5], [0.9, 0.1], [0.1, 0.9]])
def test_js_divergence_is_within_its_stated_ulp_bound_with_q_near_zero(
    tiny: float, p: list[float]
) -> None:
    q = [tiny, 1.0 - tiny]  # JS is a sum over outcomes: the rows need not sum to exactly 1
    with mp.workdps(DPS):
        exact = [[ref_js(p, q)]]
    computed = np.asarray([xent.js_divergence(p, q)])[:, None]
    assert_within("js_divergence", np.float64, computed, exact, [(p, q)])


@pytest.mark.parametrize("dtype", DTYPES)
def test_perplexity_is_within_its_stated_ulp_bound_with_20000_classes(dtype: Any) -> None:
    bits = 24 if dtype == np.float32 else 53
    rng = np.random.default_rng(8)
    p = simplex_grid(rng, 2, 20000, bits, "dirichlet")
    q = perturbed(rng, p, bits, 1e-6)
    with mp.workdps(DPS):
        entropies = [ref_entropy(row) for row in p]
        exact = [[mp.exp(h)] for h in entropies]
    assert all(h <= 10 for h in entropies)  # the stated bound is for H ≤ 10 nats
    computed = np.asarray(xent.perplexity(p.astype(dtype)))[:, None]
    assert_within("perplexity", dtype, computed, exact, ["p"] * 2)
    with mp.workdps(DPS):
        cross = [ref_cross_entropy(a, b) for a, b in zip(p, q, strict=True)]
        exact = [[mp.exp(h)] for h in cross]
    assert all(h <= 10 for h in cross)
    computed = np.asarray(xent.perplexity(p.astype(dtype), q.astype(dtype)))[:, None]
    assert_within("perplexity", dtype, computed, exact, ["p, q"] * 2)


def test_perplexity_error_grows_at_most_as_stated_with_the_entropy() -> None:
    rng = np.random.default_rng(9)
    p = simplex_grid(rng, 30, 50, 53, "dirichlet")
    q = simplex_grid(rng, 30, 50, 53, "spiky")  # entries down to 1e-15: H(P, Q) up to 35
    computed = np.asarray(xent.perplexity(p, q))
    with mp.workdps(DPS):
        for value, a, b in zip(computed, p, q, strict=True):
            nats = ref_cross_entropy(a, b)
            error = ulp_error(float(value), mp.exp(nats), np.float64)
            assert error <= PERPLEXITY_ULPS_PER_NAT * (1 + float(nats)), (a, b)


# --- binary cross-entropy ----------------------------------------------------------------------


@pytest.mark.parametrize("dtype", DTYPES)
def test_binary_cross_entropy_is_within_its_stated_ulp_bound_from_logits(dtype: Any) -> None:
    rng = np.random.default_rng(10)
    y = np.concatenate([np.ones(20), np.zeros(20), rng.random(40)]).astype(dtype)
    z = np.concatenate([rng.standard_normal(40) * 30, rng.uniform(-740, 740, 40)])
    z = z.astype(dtype)
    z = np.where(np.isfinite(z), z, 0).astype(dtype)
    computed = np.asarray(xent.binary_cross_entropy(y, logits=z))[:, None]
    with mp.workdps(DPS):
        exact = [[ref_bce_logits(a, b)] for a, b in zip(y, z, strict=True)]
    assert_within(
        "binary_cross_entropy (logits)", dtype, computed, exact, list(zip(y, z, strict=True))
    )


@pytest.mark.parametrize("dtype", DTYPES)
def test_binary_cross_entropy_is_within_its_stated_ulp_bound_from_probabilities(
    dtype: Any,
) -> None:
    rng = np.random.default_rng(11)
    y = np.concatenate([np.ones(20), np.zeros(20), rng.random(40)]).astype(dtype)
    finfo = np.finfo(dtype)
    near_zero = 10.0 ** rng.uniform(math.log10(finfo.tiny), -1, 40)
    near_one = 1 - 10.0 ** rng.uniform(-finfo.precision, -1, 40)
    p = np.concatenate([near_zero, near_one]).astype(dtype)
    p = np.clip(p, finfo.tiny, np.nextafter(dtype(1), dtype(0)))
    computed = np.asarray(xent.binary_cross_entropy(y, p))[:, None]
    with mp.workdps(DPS):
        exact = [[ref_bce_p(a, b)] for a, b in zip(y, p, strict=True)]
    assert_within(
        "binary_cross_entropy (probabilities)", dtype, computed, exact, list(zip(y, p, strict=True))
    )


def _ref_binary_entropy(p: float) -> Any:
    x = mpf(float(p))
    return -x * mp.log(x) - (1 - x) * mp.log1p(-x)


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize(
    ("function", "compute", "reference"),
    [
        ("binary_entropy", xent.binary_entropy, _ref_binary_entropy),
        ("self_information", xent.self_information, lambda p: -mp.log(mpf(float(p)))),
    ],
)
def test_binary_entropy_and_self_information_are_within_their_stated_ulp_bounds_near_0_and_1(
    dtype: Any, function: str, compute: Callable[..., Any], reference: Callable[..., Any]
) -> None:
    rng = np.random.default_rng(13)
    finfo = np.finfo(dtype)
    near_zero = 10.0 ** rng.uniform(math.log10(finfo.tiny), -1, 40)
    near_one = 1 - 10.0 ** rng.uniform(-finfo.precision, -1, 40)
    p = np.concatenate([near_zero, near_one, rng.random(20)]).astype(dtype)
    p = np.clip(p, finfo.tiny, np.nextafter(dtype(1), dtype(0)))
    computed = np.asarray(compute(p))[:, None]
    with mp.workdps(DPS):
        exact = [[reference(b)] for b in p]
    assert_within(function, dtype, computed, exact, list(p))


def test_every_stated_bound_is_a_few_ulp_except_the_documented_perplexity() -> None:
    for function, bounds in ACCURACY_ULPS.items():
        assert set(bounds) - {"float32 (compiled)"} == {"float64", "float32"}, function
        assert bounds["float32"] <= 1, function
        assert bounds.get("float32 (compiled)", 2) <= 2, function
        if function != "perplexity":
            assert bounds["float64"] <= 4, function
    assert ACCURACY_ULPS["perplexity"]["float64"] == PERPLEXITY_ULPS_PER_NAT * (1 + 10)


# --- scoring rules and calibration -------------------------------------------------------------


def _grid_rows(dtype: Any, kind: str, rows: int = 24, classes: int = 6) -> np.ndarray[Any, Any]:
    bits = 24 if dtype == np.float32 else 53
    grid: np.ndarray[Any, Any] = simplex_grid(
        np.random.default_rng(17), rows, classes, bits, kind
    ).astype(dtype)
    return grid


SCORE_CASES = [
    pytest.param(dtype, kind, id=f"{np.dtype(dtype).name}-{kind}")
    for dtype in DTYPES
    for kind in ("dirichlet", "sparse", "spiky")
]


@pytest.mark.parametrize(("dtype", "kind"), SCORE_CASES)
def test_brier_and_spherical_scores_are_within_their_stated_ulp_bounds(
    dtype: Any, kind: str
) -> None:
    q = _grid_rows(dtype, kind)
    target = np.random.default_rng(19).integers(0, q.shape[1], len(q))
    soft = _grid_rows(dtype, "dirichlet")
    with mp.workdps(DPS):
        exact_q = [[mpf(float(v)) for v in row] for row in q]
        exact_t = [[mpf(float(v)) for v in row] for row in soft]
        brier = [
            [sum((v - (k == y)) ** 2 for k, v in enumerate(row))]
            for row, y in zip(exact_q, target, strict=True)
        ]
        brier_soft = [
            [sum((v - t) ** 2 for v, t in zip(row, trow, strict=True))]
            for row, trow in zip(exact_q, exact_t, strict=True)
        ]
        norms = [mp.sqrt(sum(v * v for v in row)) for row in exact_q]
        spherical = [[row[y] / n] for row, y, n in zip(exact_q, target, norms, strict=True)]
        spherical_soft = [
            [sum(v * t for v, t in zip(row, trow, strict=True)) / n]
            for row, trow, n in zip(exact_q, exact_t, norms, strict=True)
        ]
    assert_within("brier_score", dtype, np.asarray(xent.brier_score(q, target))[:, None], brier, q)
    assert_within(
        "brier_score", dtype, np.asarray(xent.brier_score(q, soft))[:, None], brier_soft, q
    )
    computed = np.asarray(xent.spherical_score(q, target))[:, None]
    assert_within("spherical_score", dtype, computed, spherical, q)
    computed = np.asarray(xent.spherical_score(q, soft))[:, None]
    assert_within("spherical_score", dtype, computed, spherical_soft, q)


@pytest.mark.parametrize(("name", "dtype"), LOGIT_CASES)
@pytest.mark.parametrize("gamma", [0.5, 1.0, 2.0])
def test_focal_loss_is_within_its_stated_ulp_bound_on_wide_logits(
    name: str, dtype: Any, gamma: float
) -> None:
    z = logits_of(name, dtype)
    k = z.shape[1]
    target = np.random.default_rng(5).integers(0, k, len(z))
    target[::2] = np.argmax(z[::2], axis=1)  # the true class is the maximum: tiny losses
    infinite = np.isinf(z[np.arange(len(z)), target])
    target[infinite] = np.argmax(z[infinite], axis=1)
    computed = np.asarray(xent.focal_loss(z, target, gamma=gamma))
    with mp.workdps(DPS):
        g = mpf(gamma)
        exact = [
            [-((-mp.expm1(ref[int(y)])) ** g) * ref[int(y)]]
            for y, ref in zip(target, references(z), strict=True)
        ]
    assert_within("focal_loss", dtype, computed[:, None], exact, z)


@pytest.mark.parametrize(("name", "dtype"), LOGIT_CASES)
def test_focal_loss_is_within_its_stated_ulp_bound_against_probability_rows(
    name: str, dtype: Any
) -> None:
    z = logits_of(name, dtype)
    bits = 24 if dtype == np.float32 else 53
    target = simplex_grid(np.random.default_rng(7), len(z), z.shape[1], bits, "spiky")
    target = target.astype(dtype)
    computed = np.asarray(xent.focal_loss(z, target, gamma=2.0))
    with mp.workdps(DPS):
        exact = [
            [
                -sum(
                    mpf(float(t)) * (-mp.expm1(v)) ** 2 * v
                    for t, v in zip(trow, ref, strict=True)
                    if t
                )
            ]
            for trow, ref in zip(target, references(z), strict=True)
        ]
    assert_within("focal_loss (probabilities)", dtype, computed[:, None], exact, z)


def _calibration_data(dtype: Any, rows: int = 300) -> tuple[Any, Any]:
    rng = np.random.default_rng(23)
    q = _grid_rows(dtype, "dirichlet", rows=rows, classes=4)
    labels = np.array([rng.choice(4, p=row / row.sum()) for row in q.astype(np.float64)])
    return q, labels


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("bins", [1, 10, 15])
def test_calibration_bins_and_ece_are_within_their_stated_ulp_bounds(dtype: Any, bins: int) -> None:
    q, labels = _calibration_data(dtype)
    table = xent.calibration_bins(q, labels, bins=bins)
    wide = q.astype(np.float64)
    confidence, hits = np.max(wide, axis=1), np.argmax(wide, axis=1) == labels
    which = np.searchsorted(np.linspace(0, 1, bins + 1)[1:-1], confidence, side="left")
    with mp.workdps(DPS):
        sums = [sum(mpf(float(c)) for c in confidence[which == m]) for m in range(bins)]
        correct = [int(np.sum(hits[which == m])) for m in range(bins)]
        counts = [int(np.sum(which == m)) for m in range(bins)]
        kept = [m for m in range(bins) if counts[m]]
        exact_conf = [[sums[m] / counts[m]] for m in kept]
        exact_acc = [[mpf(correct[m]) / counts[m]] for m in kept]
        ece = [[sum(abs(correct[m] - sums[m]) for m in kept) / len(q)]]
    assert list(table.counts) == counts
    assert_within("calibration_bins", dtype, table.confidence[kept][:, None], exact_conf, kept)
    assert_within("calibration_bins", dtype, table.accuracy[kept][:, None], exact_acc, kept)
    computed = np.asarray([[xent.expected_calibration_error(q, labels, bins=bins)]], dtype=dtype)
    assert_within("expected_calibration_error", dtype, computed, ece, [bins])


def _held_out(seed: int, scale: float, rows: int = 300, classes: int = 5) -> tuple[Any, Any]:
    rng = np.random.default_rng(seed)
    true_logits = rng.standard_normal((rows, classes)) * 1.5
    labels = np.array([rng.choice(classes, p=row) for row in xent.softmax(true_logits)])
    return true_logits * scale, labels


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize(("seed", "scale"), [(1, 0.3), (2, 1.0), (3, 2.5), (4, 4.0)])
def test_fit_temperature_is_within_its_stated_ulp_bound(
    dtype: Any, seed: int, scale: float
) -> None:
    z, labels = _held_out(seed, scale)
    z = z.astype(dtype)
    rows: Matrix = z.astype(np.float64)
    with mp.workdps(DPS):
        exact_rows = [[mpf(float(v)) for v in row] for row in rows]

        def slope(beta: Any) -> Any:
            total = mpf(0)
            for row, y in zip(exact_rows, labels, strict=True):
                weights = [mp.exp(beta * v) for v in row]
                total += (
                    sum(w * v for w, v in zip(weights, row, strict=True)) / sum(weights)
                    - row[int(y)]
                )
            return total

        beta = mp.findroot(slope, mpf(1) / scale)
        exact = [[1 / beta]]
    computed = np.asarray([[xent.fit_temperature(z, labels)]], dtype=dtype)
    assert_within("fit_temperature", dtype, computed, exact, [scale])


# --- distillation ------------------------------------------------------------------------------


def _ref_distillation(t: Any, s: Any, temperature: float) -> Any:
    """T² · Σ p ln(p/q), p = softmax(t/T), q = softmax(s/T), from the exact scaled logits."""
    scale = mpf(temperature)
    lp = ref_log_softmax([mpf(float(v)) / scale for v in t])
    lq = ref_log_softmax([mpf(float(v)) / scale for v in s])
    total = mpf(0)
    for a, b in zip(lp, lq, strict=True):
        if a == -mp.inf:
            continue
        if b == -mp.inf:
            return mp.inf
        total += mp.exp(a) * (a - b)
    return scale**2 * total


@pytest.mark.parametrize(("name", "dtype"), LOGIT_CASES)
@pytest.mark.parametrize("temperature", [1.0, 0.25, 2.0, 16.0])
def test_distillation_loss_is_within_its_stated_ulp_bound_on_wide_logits(
    name: str, dtype: Any, temperature: float
) -> None:
    # The student is the teacher with its classes shifted plus noise of size 2T, so that the
    # softened distributions are as far apart at every temperature: the bound is stated for a
    # teacher and a student that are not nearly equal (nearly equal ones are ill-conditioned).
    teacher = logits_of(name, dtype)
    noise = np.random.default_rng(9).standard_normal(teacher.shape) * 2 * temperature
    student = (np.roll(teacher.astype(np.float64), 1, axis=1) + noise).astype(dtype)
    computed = np.asarray(xent.distillation_loss(student, teacher, temperature=temperature))
    with mp.workdps(DPS):
        exact = [
            [_ref_distillation(t, s, temperature)] for t, s in zip(teacher, student, strict=True)
        ]
    assert_within("distillation_loss", dtype, computed[:, None], exact, teacher)


# --- Rényi entropy and the quantities of a joint table -----------------------------------------


def _ref_renyi(p: Sequence[float], alpha: float) -> Any:
    """H_α(P) in nats, from the exact binary values of ``p`` and ``alpha``."""
    values = [mpf(float(x)) for x in p if x]
    if alpha == 1:
        return -sum(x * mp.log(x) for x in values)
    if alpha == 0:
        return mp.log(len(values))
    if math.isinf(alpha):
        return -mp.log(max(values))
    a = mpf(alpha)
    return mp.log(sum(x**a for x in values)) / (1 - a)


RENYI_ORDERS = [
    0.0,
    1e-12,
    0.01,
    0.5,
    1 - 2**-30,
    1 - 1e-12,
    1.0,
    1 + 1e-15,
    1 + 1e-9,
    1 + 2**-20,
    1.5,
    2.0,
    3.7,
    50.0,
    1000.0,
    math.inf,
]


@pytest.mark.parametrize("alpha", RENYI_ORDERS)
@pytest.mark.parametrize("dtype", DTYPES)
def test_renyi_entropy_is_within_its_stated_ulp_bound_at_hostile_orders(
    alpha: float, dtype: Any
) -> None:
    for label, pair in _pairs(dtype).items():
        p64 = np.concatenate(pair)  # both rows of each pair: q holds the tiniest entries
        p = p64.astype(dtype)
        with mp.workdps(DPS):
            exact = [[_ref_renyi(row, alpha)] for row in p64]
        computed = np.asarray(xent.renyi_entropy(p, alpha))[:, None]
        assert_within("renyi_entropy", dtype, computed, exact, [f"{label}, α = {alpha!r}"] * len(p))


def _tables(dtype: Any) -> list[np.ndarray[Any, Any]]:
    """Joint tables whose cells sum to exactly 1: on the grid, of several shapes and kinds."""
    rng = np.random.default_rng(23)
    bits = 24 if dtype == np.float32 else 53
    tables: list[np.ndarray[Any, Any]] = []
    for shape in ((2, 2), (3, 5), (6, 4), (10, 10)):
        for kind in ("dirichlet", "sparse", "spiky"):
            rows = simplex_grid(rng, 4, shape[0] * shape[1], bits, kind)
            tables.extend(row.reshape(shape) for row in rows)
    return tables


def _ref_joint(table: np.ndarray[Any, Any]) -> tuple[Any, Any]:
    """H(Y | X) and I(X; Y) in nats of a table (x along rows), exactly."""
    cells = [[mpf(float(v)) for v in row] for row in table]
    p_x = [sum(row) for row in cells]
    p_y = [sum(column) for column in zip(*cells, strict=True)]
    conditional = -sum(v * mp.log(v / p_x[i]) for i, row in enumerate(cells) for v in row if v)
    mutual = sum(
        v * mp.log(v / (p_x[i] * p_y[j]))
        for i, row in enumerate(cells)
        for j, v in enumerate(row)
        if v
    )
    return conditional, mutual


@pytest.mark.parametrize("dtype", DTYPES)
def test_conditional_entropy_and_mutual_information_are_within_their_stated_ulp_bounds(
    dtype: Any,
) -> None:
    tables = _tables(dtype)
    with mp.workdps(DPS):
        exact = [_ref_joint(table) for table in tables]
    computed_h = np.array([[xent.conditional_entropy(t.astype(dtype))] for t in tables], dtype)
    computed_i = np.array([[xent.mutual_information(t.astype(dtype))] for t in tables], dtype)
    labels = [t.shape for t in tables]
    assert_within("conditional_entropy", dtype, computed_h, [[h] for h, _ in exact], labels)
    assert_within("mutual_information", dtype, computed_i, [[i] for _, i in exact], labels)
