# ruff: noqa: INP001, T201 -- a script, not a package; printing the table is its job
"""Candidate routes to float32 softmax cross-entropy at PyTorch's speed, side by side (issue 16).

Run from the repository root (PyTorch, numexpr and numba are optional; a missing one leaves
its rows out, with a note):

    .venv/bin/python benchmarks/single_precision_routes.py
    .venv/bin/python benchmarks/single_precision_routes.py --rows 8192 --classes 1000 --repeats 7

Each route computes the loss of every row of float32 logits against an integer target and
returns float32. Time: the median of interleaved calls (the order rotating), and its ratio to
PyTorch's ``F.cross_entropy`` on one thread, measured in the same run. Accuracy: the worst
error in float32 ulp against mpmath (``benchmarks/accuracy.py``) on hostile rows: equal
logits, a ±1e4 spread, a near-certain correct class (loss about 1e-7), ordinary logits, and a
row with a +inf logit (NaN there counts as a failure). Also printed: each optional library's
import time and installed size, and whether it needs a compiler at install time.

The routes:

``xent``            what xent does with numba installed (its compiled route, the one chosen):
                    the maximum by NumPy, then a numba loop per row summing a vectorised
                    float32 ``exp`` of the unshifted logits in float64 (16 lanes on
                    AVX-512), the maximum's term subtracted, ``log1p``; rows it cannot vouch
                    for go to the NumPy route.
``xent-numpy``      xent's NumPy route (``XENT_ROUTE=numpy``): float64 throughout.
``numpy32``         float32 ``z − max`` and float32 ``exp`` (NumPy's SIMD kernel), the terms
                    summed in float64 without the maximum's 1, then ``log1p``: half the bytes.
``numpy32-split``   the same, with the shift exact: ``x = z − max`` in float64, split into a
                    float32 head and a tail, ``exp(x) ≈ exp32(head) · (1 + tail)``.
``numexpr``         ``numpy32`` with numexpr's blocked ``exp`` (one thread).
``numba64``         a numba row kernel, one pass per row after the maximum, float64 ``exp``.
``numba32``         the same kernel with float32 ``exp`` of the split shift.
``numba-f32poly``   one fused pass per row in float32 lanes: the shift with its TwoSum error,
                    a degree-7 float32 polynomial ``exp``, the terms summed in float64.
``numba-poly``      a numba row kernel whose float64 ``exp`` is a call-free polynomial, so
                    LLVM vectorises it; rows with a non-finite maximum are left as NaN
                    (xent would send them to its exact path).
"""

from __future__ import annotations

import argparse
import importlib
import importlib.metadata
import math
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))
from accuracy import ref_softmax_ce, ulp_error

import xent

if TYPE_CHECKING:
    from collections.abc import Callable

Array = np.ndarray[Any, Any]
Route = "Callable[[Array, Array], Array]"


def _numpy32(z: Array, target: Array, *, split: bool) -> Array:
    rows = np.arange(len(z))
    where = z.argmax(axis=1)
    top = z[rows, where]
    if split:
        shift = z.astype(np.float64) - top[:, None]
        head = shift.astype(np.float32)
        terms = np.exp(head).astype(np.float64)
        terms *= 1.0 + (shift - head)
    else:
        terms = np.exp(z - top[:, None]).astype(np.float64)
    terms[rows, where] = 0.0  # the maximum's term, 1, is added by log1p
    rest = terms.sum(axis=1)
    loss = np.log1p(rest) + (top.astype(np.float64) - z[rows, target])
    result: Array = loss.astype(np.float32)
    return result


def _numexpr_route() -> Callable[[Array, Array], Array] | None:
    try:
        import numexpr as ne  # noqa: PLC0415 (optional)
    except ImportError:
        return None
    ne.set_num_threads(1)

    def route(z: Array, target: Array) -> Array:
        rows = np.arange(len(z))
        where = z.argmax(axis=1)
        top = z[rows, where][:, None]
        terms = ne.evaluate("exp(z - top)").astype(np.float64)
        terms[rows, where] = 0.0
        rest = terms.sum(axis=1)
        loss = np.log1p(rest) + (top[:, 0].astype(np.float64) - z[rows, target])
        result: Array = loss.astype(np.float32)
        return result

    return route


# The numba kernels, compiled by `_numba_routes` (plain Python until then).
_as_float32: Any = None  # the bit cast, made by `_numba_routes`
LOG2E, LN2_HI, LN2_LO = 1.4426950408889634, 0.6931471803691238, 1.9082149292705877e-10


def _rows64(z: Array, target: Array, out: Array) -> None:  # pragma: no cover - compiled
    for i in range(z.shape[0]):
        top = z[i, 0]
        where = 0
        for j in range(1, z.shape[1]):
            if z[i, j] > top:
                top, where = z[i, j], j
        rest = 0.0
        for j in range(z.shape[1]):
            if j != where:
                rest += math.exp(np.float64(z[i, j]) - np.float64(top))
        out[i] = math.log1p(rest) + (np.float64(top) - np.float64(z[i, target[i]]))


def _rows32(z: Array, target: Array, out: Array) -> None:  # pragma: no cover - compiled
    for i in range(z.shape[0]):
        top = z[i, 0]
        where = 0
        for j in range(1, z.shape[1]):
            if z[i, j] > top:
                top, where = z[i, j], j
        rest = 0.0
        for j in range(z.shape[1]):
            if j != where:
                shift = np.float64(z[i, j]) - np.float64(top)
                head = np.float32(shift)
                rest += np.float64(np.exp(head)) * (1.0 + (shift - np.float64(head)))
        out[i] = math.log1p(rest) + (np.float64(top) - np.float64(z[i, target[i]]))


def _rows_poly(z: Array, target: Array, out: Array) -> None:  # pragma: no cover - compiled
    """One row at a time: a call-free exp (Cody-Waite reduction, degree 11), so it vectorises.

    ``reassoc`` lets LLVM vectorise the sum of the (positive) terms; no flag assumes away
    inf or NaN. A row whose maximum is not finite is left as NaN for the exact path.
    """
    columns = z.shape[1]
    bits = np.empty(columns, np.int64)
    scale = bits.view(np.float64)
    poly = np.empty(columns, np.float64)
    for i in range(z.shape[0]):
        top = z[i, 0]
        where = 0
        for j in range(1, columns):
            if z[i, j] > top:
                top, where = z[i, j], j
        if not math.isfinite(top):
            out[i] = math.nan
            continue
        t = np.float64(top)
        for j in range(columns):
            x = np.float64(z[i, j]) - t
            k = np.floor(x * LOG2E + 0.5)
            r = (x - k * LN2_HI) - k * LN2_LO
            p = 2.505210838544172e-08
            p = p * r + 2.755731922398589e-07
            p = p * r + 2.7557319223985893e-06
            p = p * r + 2.48015873015873e-05
            p = p * r + 0.0001984126984126984
            p = p * r + 0.001388888888888889
            p = p * r + 0.008333333333333333
            p = p * r + 0.041666666666666664
            p = p * r + 0.16666666666666666
            p = p * r + 0.5
            p = p * r + 1.0
            p = p * r + 1.0
            bits[j] = (np.int64(max(k, -1022.0)) + 1023) << 52
            poly[j] = p if x > -708.0 else 0.0
        poly[where] = 0.0  # the maximum's term, 1, is added by log1p
        rest = 0.0
        for j in range(columns):
            rest += poly[j] * scale[j]
        out[i] = math.log1p(rest) + (t - np.float64(z[i, target[i]]))


LOG2E_32 = np.float32(1.4426950408889634)
LN2_HI_32, LN2_LO_32 = np.float32(0.693145751953125), np.float32(1.428606765330187e-06)


def _rows_f32_poly(z: Array, target: Array, out: Array) -> None:  # pragma: no cover - compiled
    """Compute each row in one fused pass of float32 lanes.

    ``z − max`` with its TwoSum error, a degree-7 float32 ``exp`` (Cody-Waite), 2^k by bit
    pattern, and the terms summed in float64.
    """
    for i in range(z.shape[0]):
        top = z[i, 0]
        for j in range(1, z.shape[1]):
            top = max(top, z[i, j])
        if not math.isfinite(top):
            out[i] = math.nan
            continue
        where = 0
        while z[i, where] != top:
            where += 1
        rest = 0.0
        for j in range(z.shape[1]):
            a = z[i, j]
            s = a - top
            b = s - a
            err = (a - (s - b)) + (-top - b)  # s + err is a - top exactly
            k = np.floor(s * LOG2E_32 + np.float32(0.5))
            r = (s - k * LN2_HI_32) - k * LN2_LO_32
            p = np.float32(1.0 / 5040)
            for c in _F32_COEFFICIENTS:
                p = p * r + c
            scale = _as_float32((np.int32(max(k, np.float32(-126.0))) + 127) << 23)
            term = np.float64(p * scale) * (1.0 + np.float64(err))
            rest += term if (s > np.float32(-87.0) and j != where) else 0.0
        out[i] = math.log1p(rest) + (np.float64(top) - np.float64(z[i, target[i]]))


_F32_COEFFICIENTS = tuple(np.float32(c) for c in (1 / 720, 1 / 120, 1 / 24, 1 / 6, 0.5, 1.0, 1.0))


def _numba_routes() -> dict[str, Callable[[Array, Array], Array]]:
    try:
        import numba  # noqa: PLC0415 (optional)
    except ImportError:
        return {}
    from llvmlite import ir  # noqa: PLC0415 (numba's own dependency)
    from numba.extending import intrinsic  # noqa: PLC0415

    @intrinsic  # type: ignore[misc]
    def as_float32(typingctx: Any, bits: Any) -> Any:  # noqa: ARG001
        """Reinterpret an int32's bits as a float32 (numba has no scalar bit cast)."""

        def codegen(context: Any, builder: Any, signature: Any, args: Any) -> Any:  # noqa: ARG001
            return builder.bitcast(args[0], ir.FloatType())

        return numba.types.float32(numba.types.int32), codegen

    global _as_float32  # noqa: PLW0603 (the kernel reads it as a global when compiled)
    _as_float32 = as_float32
    plain = numba.njit(cache=False)
    summed = numba.njit(cache=False, fastmath={"reassoc", "contract"})
    kernels = {
        "numba64": plain(_rows64),
        "numba32": plain(_rows32),
        "numba-poly": summed(_rows_poly),
        "numba-f32poly": summed(_rows_f32_poly),
    }

    def wrap(kernel: Any) -> Callable[[Array, Array], Array]:
        def route(z: Array, target: Array) -> Array:
            out = np.empty(len(z), dtype=np.float64)
            kernel(z, target, out)
            result: Array = out.astype(np.float32)
            return result

        return route

    return {name: wrap(kernel) for name, kernel in kernels.items()}


def _numpy_route(z: Array, target: Array) -> Array:
    """Compute the loss with xent on its NumPy route, whether or not numba is installed."""
    saved = os.environ.get("XENT_ROUTE")
    os.environ["XENT_ROUTE"] = "numpy"
    try:
        return np.asarray(xent.softmax_cross_entropy(z, target))
    finally:
        if saved is None:
            del os.environ["XENT_ROUTE"]
        else:
            os.environ["XENT_ROUTE"] = saved


def routes() -> dict[str, Callable[[Array, Array], Array]]:
    """Every route available here, by name."""
    found: dict[str, Callable[[Array, Array], Array]] = {
        "xent": lambda z, t: np.asarray(xent.softmax_cross_entropy(z, t)),
        "xent-numpy": _numpy_route,
        "numpy32": lambda z, t: _numpy32(z, t, split=False),
        "numpy32-split": lambda z, t: _numpy32(z, t, split=True),
    }
    if (numexpr_route := _numexpr_route()) is not None:
        found["numexpr"] = numexpr_route
    found.update(_numba_routes())
    return found


def hostile_rows(classes: int, rng: np.random.Generator) -> dict[str, tuple[Array, Array]]:
    """Rows whose exact loss is known to be hard to get right, with their targets."""
    normal = (rng.standard_normal((6, classes)) * 3).astype(np.float32)
    spread = rng.uniform(-1e4, 1e4, (6, classes)).astype(np.float32)
    certain = (rng.standard_normal((6, classes))).astype(np.float32)
    certain[:, 0] = certain.max(axis=1) + 16 + np.log(classes)  # loss about 1e-7
    equal = np.zeros((2, classes), dtype=np.float32)
    infinite = normal[:2].copy()
    infinite[:, 0] = np.inf
    return {
        "ordinary": (normal, rng.integers(0, classes, 6)),
        "±1e4 spread": (spread, spread.argmax(axis=1)),
        "near-certain": (certain, np.zeros(6, dtype=np.int64)),
        "equal logits": (equal, np.array([0, classes - 1])),
        "+inf logit": (infinite, np.zeros(2, dtype=np.int64)),
    }


def worst_ulps(route: Callable[[Array, Array], Array], rows: Array, target: Array) -> float:
    """Return a route's worst error on ``rows`` in float32 ulp (inf for NaN or overflow)."""
    with np.errstate(all="ignore"):
        computed = route(rows, target)
    worst = 0.0
    for row, k, value in zip(rows, target, computed, strict=True):
        weights = [1 if j == k else 0 for j in range(len(row))]
        if np.isinf(row[k]) and row[k] > 0:
            exact: Any = 0  # the +inf logit is the target: the loss is exactly zero
        else:
            exact = ref_softmax_ce(row, weights)
        worst = max(worst, ulp_error(float(value), exact, np.float32))
    return worst


def median_times(contenders: dict[str, Callable[[], object]], repeats: int) -> dict[str, float]:
    """Median seconds per call, the contenders interleaved and their order rotating."""
    names = list(contenders)
    times: dict[str, list[float]] = {name: [] for name in names}
    for name in names:
        contenders[name]()  # warm up (numba compiles here)
    for repeat in range(repeats):
        for name in names[repeat % len(names) :] + names[: repeat % len(names)]:
            start = time.perf_counter()
            contenders[name]()
            times[name].append(time.perf_counter() - start)
    return {name: statistics.median(values) for name, values in times.items()}


def library_facts(name: str) -> str:
    """Import time (a fresh interpreter), installed size, and whether it ships wheels."""
    try:
        distribution = importlib.metadata.distribution(name)
    except importlib.metadata.PackageNotFoundError:
        return f"{name}: not installed"
    files = distribution.files or []
    size = sum((f.size or 0) for f in files) / 1e6
    code = f"import time; t = time.perf_counter(); import {name}; print(time.perf_counter() - t)"
    seconds = [
        float(
            subprocess.run(  # noqa: S603 (our own interpreter, fixed code)
                [sys.executable, "-c", code], capture_output=True, text=True, check=True
            ).stdout
        )
        for _ in range(3)
    ]
    return (
        f"{name} {distribution.version}: import {statistics.median(seconds) * 1e3:.0f} ms, "
        f"{size:.1f} MB installed (its own files; dependencies not counted)"
    )


def main() -> None:
    """Print the time and accuracy table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=8192)
    parser.add_argument("--classes", type=int, default=1000)
    parser.add_argument("--repeats", type=int, default=7)
    arguments = parser.parse_args()
    rng = np.random.default_rng(16)
    z = (rng.standard_normal((arguments.rows, arguments.classes)) * 3).astype(np.float32)
    target = rng.integers(0, arguments.classes, arguments.rows)
    found = routes()
    contenders: dict[str, Callable[[], object]] = {
        name: (lambda route=route: route(z, target)) for name, route in found.items()
    }
    try:
        import torch  # noqa: PLC0415 (optional)
        import torch.nn.functional as F  # noqa: N812, PLC0415
    except ImportError:
        print("PyTorch is not installed: no ratios (pip install -e '.[benchmark]')")
        torch = None
    else:
        torch.set_num_threads(1)
        tz, tt = torch.from_numpy(z), torch.from_numpy(target)
        contenders["torch"] = lambda: F.cross_entropy(tz, tt, reduction="none")
    median = median_times(contenders, arguments.repeats)
    hostile = hostile_rows(arguments.classes, rng)
    print(
        f"softmax cross-entropy, float32, {arguments.rows}×{arguments.classes}, one thread; "
        f"median of {arguments.repeats} interleaved calls; NumPy {np.__version__}"
    )
    print()
    print("| route | ms | ÷ PyTorch | " + " | ".join(f"ulp: {k}" for k in hostile) + " |")
    print("|---|--:|--:|" + "--:|" * len(hostile))
    for name in [*found, *(["torch"] if "torch" in median else [])]:
        ratio = f"{median[name] / median['torch']:.2f}" if "torch" in median else "—"
        if name == "torch":

            def route(rows: Array, t: Array) -> Array:
                out = F.cross_entropy(torch.from_numpy(rows), torch.from_numpy(t), reduction="none")
                result: Array = out.numpy()
                return result
        else:
            route = found[name]
        ulps = [worst_ulps(route, rows, t) for rows, t in hostile.values()]
        cells = " | ".join("NaN/inf" if math.isinf(u) else f"{u:.2f}" for u in ulps)
        print(f"| {name} | {median[name] * 1e3:.1f} | {ratio} | {cells} |")
    print()
    for library in ("numexpr", "numba", "torch"):
        print(library_facts(library))
    print("numexpr and numba ship binary wheels for CPython on Linux, macOS and Windows (x86-64")
    print("and arm64): pip installs them without a compiler; numba brings llvmlite.")


if __name__ == "__main__":
    main()
