# ruff: noqa: INP001, T201 -- a script, not a package; printing the table is its job
"""Search hostile inputs for xent's worst relative error against mpmath, in ulp.

Run from the repository root:

    .venv/bin/python benchmarks/accuracy.py             # every function, float64 and float32
    .venv/bin/python benchmarks/accuracy.py --rows 400 --function softmax --show 3

Each function is called on families of hostile inputs (logits spanning hundreds or millions,
one dominant logit, a thousand classes, distributions with entries near 0 or 1, nearly equal
distributions, q near 0, twenty thousand classes, ...), and every entry of the result is
compared with mpmath at 60 significant digits, computed from the exact binary values of the
float inputs. The error is in units of the last place of the exact value rounded to the
result's dtype (float32 results in float32 ulp). Distributions are drawn on the grid of
multiples of 2⁻⁵³ (2⁻²⁴ in float32), so that each row sums to exactly 1 and the reference
needs no normalisation. The table gives the worst error found per function and dtype beside
the bound the tests enforce (``xent.numeric._accuracy.ACCURACY_ULPS``, on the float32 route this
process takes: ``XENT_ROUTE=numpy`` for the NumPy one); ``--show`` prints the worst
inputs. Which SIMD ``exp`` and ``log`` NumPy uses depends on the CPU, so the numbers can
differ between machines; ``NPY_DISABLE_CPU_FEATURES`` emulates older CPUs.
"""

from __future__ import annotations

import argparse
import math
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
from mpmath import mp, mpf

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
import xent
from xent.numeric._accuracy import ACCURACY_ULPS, PERPLEXITY_ULPS_PER_NAT

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator, Sequence
    from typing import TypeAlias

    from numpy.typing import NDArray

    Floats: TypeAlias = Sequence[float] | NDArray[np.floating[Any]]  # one row of inputs

DPS = 60
Rows = np.ndarray[Any, Any]


def ulp_error(computed: float, exact: Any, dtype: Any) -> float:
    """Return |computed − exact| in units of the last place of ``exact`` rounded to ``dtype``."""
    if mp.isinf(exact) or math.isinf(computed) or math.isnan(computed):
        return 0.0 if computed == float(exact) else math.inf
    spacing = float(np.spacing(np.abs(dtype(float(exact)))))
    return float(abs(mpf(computed) - exact) / mpf(spacing))


# --- references, from the exact binary values --------------------------------------------------


def log_sum_split(z: Floats) -> tuple[list[Any], Any]:
    """Return ``z − max z`` (exact in mpmath) and ``ln Σ exp(z − max z)``.

    The term 1 of the maximum is left out of the sum and added by ``log1p``, so that a
    log-sum of 1e-300 is not lost to the working precision.
    """
    exact = [mpf(float(v)) for v in z]
    top = max(exact)
    shifted = [v - top for v in exact]
    first = shifted.index(0)
    rest = sum(mp.exp(d) for i, d in enumerate(shifted) if i != first)
    return shifted, mp.log1p(rest)


def ref_log_softmax(z: Floats) -> list[Any]:
    """Return log softmax(z) entry by entry."""
    shifted, log_total = log_sum_split(z)
    return [d - log_total for d in shifted]


def ref_softmax(z: Floats) -> list[Any]:
    """Return softmax(z) entry by entry."""
    return [mp.exp(v) for v in ref_log_softmax(z)]


def ref_logsumexp(z: Floats) -> list[Any]:
    """Return [logsumexp(z)]."""
    _, log_total = log_sum_split(z)
    return [max(mpf(float(v)) for v in z) + log_total]


def ref_softmax_ce(z: Floats, weights: Sequence[Any]) -> Any:
    """Σ_k w_k · (−ln softmax(z)_k), each term ≥ 0."""
    return -sum(w * v for w, v in zip(weights, ref_log_softmax(z), strict=True) if w)


def ref_entropy(p: Floats) -> Any:
    """Return −Σ p ln p."""
    return -sum(mpf(float(x)) * mp.log(mpf(float(x))) for x in p if x)


def ref_cross_entropy(p: Floats, q: Floats) -> Any:
    """Return −Σ p ln q (+inf where q = 0 < p)."""
    pairs = [(mpf(float(a)), mpf(float(b))) for a, b in zip(p, q, strict=True) if a]
    if any(b == 0 for _, b in pairs):
        return mp.inf
    return -sum(a * mp.log(b) for a, b in pairs)


def ref_kl(p: Floats, q: Floats) -> Any:
    """Return Σ p ln(p/q) (+inf where q = 0 < p)."""
    pairs = [(mpf(float(a)), mpf(float(b))) for a, b in zip(p, q, strict=True) if a]
    if any(b == 0 for _, b in pairs):
        return mp.inf
    return sum(a * mp.log(a / b) for a, b in pairs)


def ref_js(p: Floats, q: Floats) -> Any:
    """Return Σ ½ p ln(p/m) + ½ q ln(q/m), m = (p + q)/2, of the given entries."""
    total = mpf(0)
    for a, b in zip(p, q, strict=True):
        x, y = mpf(float(a)), mpf(float(b))
        m = (x + y) / 2
        total += (x * mp.log(x / m) if x else 0) + (y * mp.log(y / m) if y else 0)
    return total / 2


def ref_binary_entropy(p: float) -> Any:
    """Return −p ln p − (1 − p) ln(1 − p)."""
    x = mpf(float(p))
    return -(x * mp.log(x) if x else 0) - ((1 - x) * mp.log1p(-x) if x != 1 else 0)


def ref_bce_logits(y: float, z: float) -> Any:
    """Return y ln(1 + e⁻ᶻ) + (1 − y) ln(1 + eᶻ)."""
    big_y, big_z = mpf(float(y)), mpf(float(z))
    return big_y * mp.log1p(mp.exp(-big_z)) + (1 - big_y) * mp.log1p(mp.exp(big_z))


def ref_bce_p(y: float, p: float) -> Any:
    """Return −y ln p − (1 − y) ln(1 − p)."""
    big_y, big_p = mpf(float(y)), mpf(float(p))
    positive = -big_y * mp.log(big_p) if big_y else mpf(0)
    negative = -(1 - big_y) * mp.log1p(-big_p) if big_y != 1 else mpf(0)
    return positive + negative


# --- hostile inputs -----------------------------------------------------------------------------


def logit_families(rng: np.random.Generator, rows: int) -> Iterator[tuple[str, Rows]]:
    """Rows of logits (float64) that stress the shift by the maximum and the log-sum."""
    yield "the review's row [-700, 0, 3.3, 650.1]", np.array([[-700.0, 0.0, 3.3, 650.1]])
    for n in (2, 4, 16):
        yield f"normal*300, {n} classes", rng.standard_normal((rows, n)) * 300
        yield f"uniform ±740, {n} classes", rng.uniform(-740, 740, (rows, n))
    yield "normal*300 + 1e6, 8 classes", rng.standard_normal((rows, 8)) * 300 + 1e6
    yield "normal*30 + 1e4, 8 classes", rng.standard_normal((rows, 8)) * 30 + 1e4
    lead = rng.uniform(20, 740, (rows, 1))
    yield "one logit 20-740 above normal*3", np.hstack([lead, rng.standard_normal((rows, 5)) * 3])
    yield "normal*3, 1000 classes", rng.standard_normal((max(rows // 20, 2), 1000)) * 3
    yield "normal*30, 1000 classes", rng.standard_normal((max(rows // 20, 2), 1000)) * 30
    near = rng.standard_normal((rows, 1)) * 100
    yield "near ties", near + rng.standard_normal((rows, 6)) * 1e-6


def cancelling_rows(rng: np.random.Generator, rows: int) -> Rows:
    """Logits near −ln K, K of them: log-sum-exp is near 0, max z and L cancel."""
    k = rng.integers(2, 17, rows)
    centre = -np.log(k) * (1 + rng.uniform(-1e-3, 1e-3, rows))
    z = centre[:, None] + rng.standard_normal((rows, 16)) * 1e-9
    z[np.arange(16) >= k[:, None]] = -np.inf
    return z


def _on_grid(units: Rows, bits: int) -> Rows:
    """Integer rows summing to 2^bits (int64, exactly) as rows of floats summing to 1."""
    assert (units.sum(axis=1) == 2**bits).all()  # noqa: S101
    assert (units >= 0).all()  # noqa: S101
    return np.ldexp(units.astype(np.float64), -bits)  # exact: integers up to 2^53


def simplex_grid(rng: np.random.Generator, rows: int, n: int, bits: int, kind: str) -> Rows:
    """Rows of multiples of 2^−bits summing to exactly 1 (so the rows need no normalising)."""
    if kind == "dirichlet":
        raw = rng.dirichlet(np.ones(n), rows)
    elif kind == "sparse":  # most of the mass on one entry, the rest tiny
        raw = rng.random((rows, n)) ** 8 * 10.0 ** rng.uniform(-12, -1, (rows, 1))
        raw[:, 0] = 1.0 - raw[:, 1:].sum(axis=1)
    else:  # "spiky": heavy tails, entries spanning many orders of magnitude
        raw = 10.0 ** rng.uniform(-15, 0, (rows, n))
        raw /= raw.sum(axis=1, keepdims=True)
    units = np.floor(np.ldexp(raw, bits)).astype(np.int64)
    largest = np.argmax(units, axis=1)
    units[np.arange(rows), largest] += 2**bits - units.sum(axis=1)
    return _on_grid(units, bits)


def perturbed(rng: np.random.Generator, p: Rows, bits: int, size: float) -> Rows:
    """Rows near ``p`` on the same grid: moves of about ``size`` from entry to entry."""
    units = np.ldexp(p, bits).astype(np.int64)
    move = np.round(rng.standard_normal(units.shape) * np.ldexp(size, bits)).astype(np.int64)
    moved = np.maximum(units + move, 1)
    largest = np.argmax(moved, axis=1)
    moved[np.arange(len(p)), largest] += 2**bits - moved.sum(axis=1)
    bad = (moved <= 0).any(axis=1)
    moved[bad] = units[bad]
    return _on_grid(moved, bits)


def distribution_pairs(
    rng: np.random.Generator, rows: int, bits: int
) -> Iterator[tuple[str, Rows, Rows]]:
    """Pairs of distributions (rows summing to exactly 1) that stress the divergences."""
    for n in (2, 5, 50):
        p = simplex_grid(rng, rows, n, bits, "dirichlet")
        yield f"dirichlet, {n} outcomes", p, simplex_grid(rng, rows, n, bits, "dirichlet")
        yield f"spiky, {n} outcomes", p, simplex_grid(rng, rows, n, bits, "spiky")
        for size in (1e-3, 1e-6):
            yield f"nearly equal ({size:.0e}), {n} outcomes", p, perturbed(rng, p, bits, size)
    sparse = simplex_grid(rng, rows, 4, bits, "sparse")
    yield "nearly certain vs dirichlet", sparse, simplex_grid(rng, rows, 4, bits, "dirichlet")
    yield "dirichlet vs nearly certain", simplex_grid(rng, rows, 4, bits, "dirichlet"), sparse
    # q near 0 against a p that is not: the review's JS case p = [½, ½], q = [k·2⁻ᵇ, 1 − ...]
    tiny = np.floor(2.0 ** rng.uniform(0, bits - 8, rows)).astype(np.int64)  # 2^−bits to 2^−8
    q = _on_grid(np.stack([tiny, 2**bits - tiny], axis=1), bits)
    yield "p = [½, ½], q = [tiny, 1 − tiny]", np.full((rows, 2), 0.5), q
    p2 = simplex_grid(rng, rows, 2, bits, "dirichlet")
    yield "p dirichlet, q = [tiny, 1 − tiny]", p2, q
    yield "p = [tiny, 1 − tiny], q dirichlet", q, p2


# --- the measurement ---------------------------------------------------------------------------


@dataclass
class Worst:
    """The worst error of one function in one dtype, and where it was found."""

    error: float = 0.0
    where: list[tuple[float, str, str]] = field(default_factory=list)

    def add(self, errors: Sequence[float], label: str, inputs: Sequence[Any]) -> None:
        """Record the errors of a family; keep the five worst inputs."""
        for error, row in zip(errors, inputs, strict=True):
            self.error = max(self.error, error)
            self.where.append((error, label, row))
        self.where.sort(key=lambda item: -item[0])
        del self.where[5:]


def _rows_errors(computed: Rows, exact: Sequence[Sequence[Any]], dtype: Any) -> list[float]:
    """Return the worst error of each row of ``computed`` (rows × entries) against ``exact``."""
    return [
        max(ulp_error(float(c), e, dtype) for c, e in zip(row, ref, strict=True))
        for row, ref in zip(computed, exact, strict=True)
    ]


def _describe(*rows: Any) -> str:
    return " | ".join(
        np.array2string(np.asarray(r), precision=17, max_line_width=200) for r in rows
    )


def measure_logits(
    results: dict[tuple[str, str], Worst], rng: np.random.Generator, rows: int, dtype: Any
) -> None:
    """Softmax, log-softmax, log-sum-exp and softmax cross-entropy on hostile logits."""
    name = np.dtype(dtype).name
    z = cancelling_rows(rng, rows).astype(dtype)
    computed = np.asarray(xent.logsumexp(z))
    errors = []
    rows64: Rows = z.astype(np.float64)
    for value, row in zip(computed, rows64, strict=True):
        shifted, log_total = log_sum_split([v for v in row if v > -np.inf])
        del shifted
        exact = max(mpf(float(v)) for v in row) + log_total
        spacing = float(np.spacing(dtype(float(log_total))))
        errors.append(float(abs(mpf(float(value)) - exact) / mpf(spacing)))
    results["logsumexp (cancelling)", name].add(errors, "ties at −ln K", [_describe(r) for r in z])
    for label, raw in logit_families(rng, rows):
        z = raw.astype(dtype)
        if dtype == np.float32:
            z = z[np.isfinite(z).all(axis=1)]
        exact_z: Rows = z.astype(np.float64)
        shown = [_describe(row) for row in z]
        refs = [ref_log_softmax(row) for row in exact_z]
        soft = [[mp.exp(v) for v in ref] for ref in refs]
        pairs = (
            ("softmax", xent.softmax(z), soft),
            ("log_softmax", xent.log_softmax(z), refs),
            (
                "logsumexp",
                np.asarray(xent.logsumexp(z))[:, None],
                [ref_logsumexp(row) for row in exact_z],
            ),
        )
        for function, computed, exact in pairs:
            results[function, name].add(_rows_errors(computed, exact, dtype), label, shown)
        k = z.shape[1]
        target = rng.integers(0, k, len(z))
        target[: len(z) // 2] = np.argmax(z[: len(z) // 2], axis=1)  # tiny losses too
        for smoothing, function in (
            (0.0, "softmax_cross_entropy"),
            (0.1, "softmax_cross_entropy (label_smoothing)"),
            (1e-6, "softmax_cross_entropy (label_smoothing)"),
        ):
            computed = np.asarray(xent.softmax_cross_entropy(z, target, label_smoothing=smoothing))
            exact = []
            eps = mpf(smoothing)
            for row, y, ref in zip(exact_z, target, refs, strict=True):
                weights = [(1 - eps) * (j == y) + eps / k for j in range(k)]
                exact.append([-sum(w * v for w, v in zip(weights, ref, strict=True))])
                del row
            results[function, name].add(
                _rows_errors(computed[:, None], exact, dtype),
                f"{label}, ε={smoothing}",
                [f"{s} class {y}" for s, y in zip(shown, target, strict=True)],
            )
        bits = 24 if dtype == np.float32 else 53
        soft_target = simplex_grid(rng, len(z), k, bits, "spiky").astype(dtype)
        computed = np.asarray(xent.softmax_cross_entropy(z, soft_target))
        exact = [
            [-sum(mpf(float(t)) * v for t, v in zip(tr, ref, strict=True) if t)]
            for tr, ref in zip(soft_target, refs, strict=True)
        ]
        results["softmax_cross_entropy (probabilities)", name].add(
            _rows_errors(computed[:, None], exact, dtype),
            label,
            [_describe(s, t) for s, t in zip(z, soft_target, strict=True)],
        )


def measure_distributions(
    results: dict[tuple[str, str], Worst], rng: np.random.Generator, rows: int, dtype: Any
) -> None:
    """Entropy, cross-entropy, KL, JS and perplexity on hostile pairs of distributions."""
    name, bits = np.dtype(dtype).name, 24 if dtype == np.float32 else 53
    functions: list[tuple[str, Callable[..., Any], Callable[..., Any]]] = [
        ("entropy", lambda p, _: xent.entropy(p), lambda p, _: ref_entropy(p)),
        ("cross_entropy", xent.cross_entropy, ref_cross_entropy),
        ("kl_divergence", xent.kl_divergence, ref_kl),
        ("js_divergence", xent.js_divergence, ref_js),
    ]
    perplexities: list[tuple[Callable[..., Any], Callable[..., Any]]] = [
        (lambda p, _: xent.perplexity(p), lambda p, _: ref_entropy(p)),
        (xent.perplexity, ref_cross_entropy),
    ]
    pairs = list(distribution_pairs(rng, rows, bits))
    for n in (1000, 20000):
        p = simplex_grid(rng, 2, n, bits, "dirichlet")
        pairs.append((f"dirichlet, {n} outcomes", p, simplex_grid(rng, 2, n, bits, "dirichlet")))
    for label, p64, q64 in pairs:
        p, q = p64.astype(dtype), q64.astype(dtype)
        assert (p.astype(np.float64) == p64).all()  # noqa: S101
        assert (q.astype(np.float64) == q64).all()  # noqa: S101
        shown = [_describe(a, b) for a, b in zip(p, q, strict=True)]
        for function, compute, reference in functions:
            computed = np.asarray(compute(p, q))
            exact = [[reference(a, b)] for a, b in zip(p64, q64, strict=True)]
            results[function, name].add(_rows_errors(computed[:, None], exact, dtype), label, shown)
        for compute, nats in perplexities:  # exp(H): its error grows with H
            computed = np.asarray(compute(p, q))
            entropies = [nats(a, b) for a, b in zip(p64, q64, strict=True)]
            errors = _rows_errors(computed[:, None], [[mp.exp(h)] for h in entropies], dtype)
            kept = [(e, s) for e, s, h in zip(errors, shown, entropies, strict=True) if h <= 10]
            results["perplexity", name].add([e for e, _ in kept], label, [s for _, s in kept])
            per_nat = [e / (1 + float(h)) for e, h in zip(errors, entropies, strict=True)]
            results["perplexity (ulp per nat of 1 + H)", name].add(per_nat, label, shown)


def measure_binary(
    results: dict[tuple[str, str], Worst], rng: np.random.Generator, rows: int, dtype: Any
) -> None:
    """Binary cross-entropy from logits and probabilities; binary entropy; self-information."""
    name, size = np.dtype(dtype).name, rows * 8
    y = np.concatenate([np.ones(size // 4), np.zeros(size // 4), rng.random(size // 2)])
    y = y.astype(dtype)
    for label, raw_logits in (
        ("logits normal*30", rng.standard_normal(size) * 30),
        ("logits uniform ±740", rng.uniform(-740, 740, size)),
        ("logits normal*3", rng.standard_normal(size) * 3),
    ):
        z = raw_logits.astype(dtype)
        computed = np.asarray(xent.binary_cross_entropy(y, logits=z))
        exact = [[ref_bce_logits(a, b)] for a, b in zip(y, z, strict=True)]
        results["binary_cross_entropy (logits)", name].add(
            _rows_errors(computed[:, None], exact, dtype),
            label,
            [f"y={a!r} z={b!r}" for a, b in zip(y, z, strict=True)],
        )
    tiny = np.finfo(dtype).tiny
    for label, raw_p in (
        ("p uniform", rng.random(size)),
        ("p near 0", 10.0 ** rng.uniform(np.log10(tiny), -1, size)),
        ("p near 1", 1 - 10.0 ** rng.uniform(-np.finfo(dtype).precision, -1, size)),
    ):
        p = np.clip(raw_p.astype(dtype), tiny, np.nextafter(dtype(1), dtype(0)))
        computed = np.asarray(xent.binary_cross_entropy(y, p))
        exact = [[ref_bce_p(a, b)] for a, b in zip(y, p, strict=True)]
        results["binary_cross_entropy (probabilities)", name].add(
            _rows_errors(computed[:, None], exact, dtype),
            label,
            [f"y={a!r} p={b!r}" for a, b in zip(y, p, strict=True)],
        )
        shown = [f"p={b!r}" for b in p]
        for function, compute, reference in (
            ("binary_entropy", xent.binary_entropy, ref_binary_entropy),
            ("self_information", xent.self_information, lambda b: -mp.log(mpf(float(b)))),
        ):
            computed = np.asarray(compute(p))
            exact = [[reference(b)] for b in p]
            results[function, name].add(_rows_errors(computed[:, None], exact, dtype), label, shown)


def main() -> None:
    """Measure and print a Markdown table."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--rows", type=int, default=100, help="rows drawn per family")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--function", default="", help="only functions whose name contains this")
    parser.add_argument("--show", type=int, default=0, help="print the N worst inputs of each")
    args = parser.parse_args()
    mp.dps = DPS
    results: dict[tuple[str, str], Worst] = {}
    for dtype in (np.float64, np.float32):
        rng = np.random.default_rng(args.seed)
        for key in (*ACCURACY_ULPS, "perplexity (ulp per nat of 1 + H)"):
            results[key, np.dtype(dtype).name] = Worst()
        with np.errstate(all="ignore"):
            measure_logits(results, rng, args.rows, dtype)
            measure_distributions(results, rng, args.rows, dtype)
            measure_binary(results, rng, args.rows, dtype)
    print(f"Worst error found against mpmath ({DPS} digits), in ulp of the result's dtype.\n")
    print("| function | dtype | worst ulp measured | stated bound |")
    print("|---|---|--:|--:|")
    for (function, dtype_name), worst in results.items():
        if args.function not in function:
            continue
        bound: object = PERPLEXITY_ULPS_PER_NAT if dtype_name == "float64" else "-"
        if function in ACCURACY_ULPS:
            bounds = ACCURACY_ULPS[function]
            compiled = f"{dtype_name} (compiled)"  # the compiled route's bound, where it differs
            on_compiled = compiled in bounds and xent.single_precision_route() == "numba"
            bound = bounds[compiled if on_compiled else dtype_name]
        print(f"| {function} | {dtype_name} | {worst.error:.2f} | {bound} |")
    if args.show:
        for (function, dtype_name), worst in results.items():
            if args.function not in function:
                continue
            print(f"\n{function}, {dtype_name}:")
            for error, label, row in worst.where[: args.show]:
                print(f"  {error:8.2f} ulp  {label}: {row}")


if __name__ == "__main__":
    main()
