# ruff: noqa: INP001, T201 -- a script, not a package; printing the table is its job
"""Time xent against PyTorch (CPU, one thread) and SciPy / scikit-learn on the same inputs.

Run from the repository root:

    .venv/bin/python benchmarks/run.py            # every case, float64 and float32
    .venv/bin/python benchmarks/run.py --repeats 3 --case entropy
    .venv/bin/python benchmarks/run.py --primitives   # exp and log alone: the floor

PyTorch, SciPy and scikit-learn are optional (``pip install -e ".[benchmark]"``); a missing
one leaves its column empty, with a note. The contenders of a case are called in turn
within each repeat (interleaved, the order rotating), so that a noisy, shared machine slows
them alike; the table shows medians and the ratios of xent's median to the others'. The
last column is xent's peak extra memory (tracemalloc, which sees NumPy's allocations) as a
fraction of the inputs' size; an elementwise result counts, since it is allocated too.
"""

from __future__ import annotations

import argparse
import gc
import statistics
import sys
import time
import tracemalloc
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
import xent

if TYPE_CHECKING:
    from collections.abc import Callable

try:
    import torch
    import torch.nn.functional as F  # noqa: N812
except ImportError:  # pragma: no cover - depends on the environment
    torch = None  # type: ignore[assignment]
else:
    torch.set_num_threads(1)

try:
    import scipy.special
    import scipy.stats
except ImportError:  # pragma: no cover
    scipy = None

try:
    import sklearn.metrics
except ImportError:  # pragma: no cover
    sklearn = None


@dataclass
class Case:
    """One benchmark: the same inputs given to each contender."""

    name: str
    dtype: type[np.floating[Any]]
    inputs: dict[str, np.ndarray[Any, Any]]
    xent: Callable[[], object]
    torch: Callable[[], object] | None
    scipy: Callable[[], object] | None
    scipy_label: str = "SciPy"


def _tensors(arrays: dict[str, np.ndarray[Any, Any]]) -> dict[str, Any]:
    return {k: torch.from_numpy(v) for k, v in arrays.items()} if torch else {}


def softmax_cross_entropy_case(rows: int, classes: int, dtype: Any, rng: Any) -> Case:
    """Logits and integer targets; SciPy's way is logsumexp minus the true logit."""
    logits = (rng.standard_normal((rows, classes)) * 3).astype(dtype)
    target = rng.integers(0, classes, rows)
    t = _tensors({"logits": logits, "target": target})
    index = np.arange(rows)
    return Case(
        f"softmax_cross_entropy {rows}×{classes}",
        dtype,
        {"logits": logits, "target": target},
        lambda: xent.softmax_cross_entropy(logits, target),
        (lambda: F.cross_entropy(t["logits"], t["target"], reduction="none")) if torch else None,
        (lambda: scipy.special.logsumexp(logits, axis=1) - logits[index, target])
        if scipy
        else None,
    )


def _distributions(rows: int, outcomes: int, dtype: Any, rng: Any) -> np.ndarray[Any, Any]:
    p = rng.random((rows, outcomes))
    normalized: np.ndarray[Any, Any] = (p / p.sum(axis=1, keepdims=True)).astype(dtype)
    return normalized


def entropy_case(rows: int, outcomes: int, dtype: Any, rng: Any) -> Case:
    """Entropy of each row; PyTorch's way is entr(p).sum(-1)."""
    p = _distributions(rows, outcomes, dtype, rng)
    t = _tensors({"p": p})
    return Case(
        f"entropy {rows}×{outcomes}",
        dtype,
        {"p": p},
        lambda: xent.entropy(p),
        (lambda: torch.special.entr(t["p"]).sum(-1)) if torch else None,
        (lambda: scipy.stats.entropy(p, axis=1)) if scipy else None,
    )


def kl_divergence_case(rows: int, outcomes: int, dtype: Any, rng: Any) -> Case:
    """KL of each row; PyTorch's kl_div takes log q, so its time includes taking the log."""
    p, q = _distributions(rows, outcomes, dtype, rng), _distributions(rows, outcomes, dtype, rng)
    t = _tensors({"p": p, "q": q})
    return Case(
        f"kl_divergence {rows}×{outcomes}",
        dtype,
        {"p": p, "q": q},
        lambda: xent.kl_divergence(p, q),
        (lambda: F.kl_div(t["q"].log(), t["p"], reduction="none").sum(-1)) if torch else None,
        (lambda: scipy.stats.entropy(p, q, axis=1)) if scipy else None,
    )


def binary_cross_entropy_case(size: int, dtype: Any, rng: Any) -> Case:
    """Elementwise BCE from logits; SciPy's way is through log_expit."""
    logits = (rng.standard_normal(size) * 3).astype(dtype)
    y = (rng.random(size) < 0.5).astype(dtype)
    t = _tensors({"logits": logits, "y": y})
    return Case(
        f"binary_cross_entropy logits {size:.0e}",
        dtype,
        {"logits": logits, "y": y},
        lambda: xent.binary_cross_entropy(y, logits=logits),
        (lambda: F.binary_cross_entropy_with_logits(t["logits"], t["y"], reduction="none"))
        if torch
        else None,
        (
            lambda: (
                -(y * scipy.special.log_expit(logits) + (1 - y) * scipy.special.log_expit(-logits))
            )
        )
        if scipy
        else None,
    )


def log_loss_case(size: int, dtype: Any, rng: Any) -> Case:
    """Mean BCE from probabilities, against scikit-learn's log_loss (which clips)."""
    p = rng.random(size).astype(dtype)
    y = (rng.random(size) < p).astype(dtype)
    t = _tensors({"p": p, "y": y})
    return Case(
        f"binary_cross_entropy p, mean {size:.0e}",
        dtype,
        {"p": p, "y": y},
        lambda: xent.binary_cross_entropy(y, p, reduction="mean"),
        (lambda: F.binary_cross_entropy(t["p"], t["y"])) if torch else None,
        (lambda: sklearn.metrics.log_loss(y, p)) if sklearn else None,
        "sklearn",
    )


def cases(rng: Any) -> list[Case]:
    """Every case in float64 and float32."""
    made = []
    for dtype in (np.float64, np.float32):
        made += [
            softmax_cross_entropy_case(8192, 1000, dtype, rng),
            softmax_cross_entropy_case(512, 50257, dtype, rng),
            entropy_case(100_000, 100, dtype, rng),
            kl_divergence_case(100_000, 100, dtype, rng),
            binary_cross_entropy_case(10**7, dtype, rng),
            log_loss_case(10**6, dtype, rng),
        ]
    return made


def median_times(contenders: dict[str, Callable[[], object]], repeats: int) -> dict[str, float]:
    """Median seconds of each contender, called in turn (rotating order) in every repeat."""
    names = list(contenders)
    times: dict[str, list[float]] = {name: [] for name in names}
    for name in names:  # warm up: first-call costs, page faults of fresh buffers
        contenders[name]()
    gc.disable()
    try:
        for repeat in range(repeats):
            order = names[repeat % len(names) :] + names[: repeat % len(names)]
            for name in order:
                start = time.perf_counter()
                contenders[name]()
                times[name].append(time.perf_counter() - start)
    finally:
        gc.enable()
    return {name: statistics.median(values) for name, values in times.items()}


def peak_extra_memory(call: Callable[[], object]) -> int:
    """Bytes allocated at the peak of one call, beyond what was allocated before it."""
    gc.collect()
    tracemalloc.start()
    try:
        before, _ = tracemalloc.get_traced_memory()
        tracemalloc.reset_peak()
        result = call()
        _, peak = tracemalloc.get_traced_memory()
        del result
    finally:
        tracemalloc.stop()
    return peak - before


def _ulps(computed: np.ndarray[Any, Any], exact: np.ndarray[Any, Any]) -> float:
    """Largest error of float32 ``computed`` in float32 ulp of float64 ``exact``."""
    spacing = np.spacing(np.abs(exact).astype(np.float32)).astype(np.float64)
    return float(np.max(np.abs(computed.astype(np.float64) - exact) / spacing))


def _primitive_row(
    name: str, x: np.ndarray[Any, Any], sample: np.ndarray[Any, Any], repeats: int
) -> str:
    """Return one row: ``name`` of NumPy and PyTorch timed on ``x``, their worst on ``sample``.

    The times are per element; the errors are measured only for float32 (against float64).
    """
    numpy_f = getattr(np, name)
    out = np.empty_like(x)
    contenders: dict[str, Callable[[], object]] = {"numpy": partial(numpy_f, x, out=out)}
    if torch is not None:
        torch_f = getattr(torch, name)
        tensor = torch.from_numpy(x)
        contenders["torch"] = partial(torch_f, tensor, out=torch.empty_like(tensor))
    ns = {k: f"{v * 1e9 / x.size:.2f}" for k, v in median_times(contenders, repeats).items()}
    worst = ["-", "-"]
    if x.dtype == np.float32:
        exact = numpy_f(sample.astype(np.float64))
        worst[0] = f"{_ulps(numpy_f(sample), exact):.2f}"
        if torch is not None:
            worst[1] = f"{_ulps(torch_f(torch.from_numpy(sample)).numpy(), exact):.2f}"
    return (
        f"| {name} | {x.dtype.name} | {ns['numpy']} | {ns.get('torch', '-')} "
        f"| {worst[0]} | {worst[1]} |"
    )


def primitives(repeats: int, rng: Any) -> None:
    """Print what one ``exp`` and one ``log`` cost per element, and float32's accuracy.

    Every kernel of xent needs at least one of them per element, so their time in NumPy is a
    floor under xent's, beside PyTorch's (vectorised) ones. The float32 accuracy, over 10⁶
    arguments, is the reason xent does not compute float32 in float32 with NumPy.
    """
    size = 1 << 16  # 512 KiB of float64: in cache, as xent's chunks are
    print(f"exp and log alone: median of {repeats} interleaved calls on {size} elements.\n")
    print(
        "| function | dtype | NumPy ns / element | PyTorch ns / element "
        "| float32 max ulp, NumPy | float32 max ulp, PyTorch |"
    )
    print("|---|---|--:|--:|--:|--:|")
    arguments = {  # exp of [−87, 0] and log of [e^−80, 1]: what the kernels evaluate
        "exp": lambda n: rng.uniform(-87, 0, n),
        "log": lambda n: np.exp(rng.uniform(-80, 0, n)),
    }
    for name, draw in arguments.items():
        x, sample = draw(size), draw(10**6)
        for dtype in (np.float64, np.float32):
            row = _primitive_row(name, x.astype(dtype), sample.astype(dtype), repeats)
            print(row, flush=True)


def main() -> None:
    """Run the cases and print a Markdown table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=7, help="timed calls per contender")
    parser.add_argument("--case", default="", help="run only cases whose name contains this")
    parser.add_argument(
        "--primitives", action="store_true", help="time exp and log alone (the floor) instead"
    )
    args = parser.parse_args()
    rng = np.random.default_rng(20_240_601)
    for missing, module in (("PyTorch", torch), ("SciPy", scipy), ("scikit-learn", sklearn)):
        if module is None:
            print(f"note: {missing} is not installed; its column is left empty ('-').")
    print(
        f"NumPy {np.__version__}"
        + (f", PyTorch {torch.__version__} (1 thread)" if torch else "")
        + (f", SciPy {scipy.__version__}" if scipy else "")
        + (f", scikit-learn {sklearn.__version__}" if sklearn else "")
    )
    if args.primitives:
        primitives(args.repeats * 50, rng)
        return
    print(f"Median of {args.repeats} interleaved runs.\n")
    print(
        "| case | dtype | xent ms | PyTorch ms | SciPy/sklearn ms "
        "| xent / PyTorch | xent / SciPy | xent peak memory / input |"
    )
    print("|---|---|--:|--:|--:|--:|--:|--:|")
    for case in cases(rng):
        if args.case not in case.name:
            continue
        contenders = {"xent": case.xent}
        if case.torch is not None:
            contenders["torch"] = case.torch
        if case.scipy is not None:
            contenders["scipy"] = case.scipy
        median = median_times(contenders, args.repeats)
        nbytes = sum(array.nbytes for array in case.inputs.values())
        memory = peak_extra_memory(case.xent) / nbytes

        def ms(name: str, median: dict[str, float] = median) -> str:
            return f"{median[name] * 1e3:.1f}" if name in median else "-"

        def ratio(name: str, median: dict[str, float] = median) -> str:
            return f"{median['xent'] / median[name]:.2f}" if name in median else "-"

        scipy_ms = ms("scipy") + (f" ({case.scipy_label})" if case.scipy_label != "SciPy" else "")
        print(
            f"| {case.name} | {np.dtype(case.dtype).name} | {ms('xent')} | {ms('torch')} "
            f"| {scipy_ms} | {ratio('torch')} | {ratio('scipy')} | {memory:.3f} |",
            flush=True,
        )


if __name__ == "__main__":
    main()
