"""The compiled float32 route: chosen as stated, used where it applies, and as accurate as stated.

numba is in the test extra, so this process takes the compiled route unless ``XENT_ROUTE`` says
otherwise; scripts/test runs the numeric tests again with ``XENT_ROUTE=numpy``. The accuracy
against mpmath of whichever route is taken is checked in test_accuracy_bounds.py.
"""

from __future__ import annotations

import math
import os
import subprocess
import sys
from typing import TYPE_CHECKING, Any, Literal

import numpy as np
import pytest

import xent
from xent.numeric import _compiled, _kernels
from xent.numeric._accuracy import ACCURACY_ULPS

if TYPE_CHECKING:
    from collections.abc import Callable

pytestmark = pytest.mark.skipif(
    os.environ.get("XENT_ROUTE", "").lower() == "numpy",
    reason="XENT_ROUTE=numpy: this run checks the NumPy route; the compiled one is checked without",
)


def on_route(route: str, monkeypatch: pytest.MonkeyPatch, compute: Callable[[], Any]) -> Any:
    with monkeypatch.context() as patch:
        patch.setenv("XENT_ROUTE", route)
        assert xent.single_precision_route() == ("numpy" if route == "numpy" else "numba")
        return np.asarray(compute())


def ulps(computed: Any, reference: Any) -> float:
    """The largest difference in float32 ulp of the reference (inf where one is NaN alone)."""
    a, b = np.asarray(computed, np.float64), np.asarray(reference, np.float64)
    same = (a == b) | (np.isnan(a) & np.isnan(b))
    spacing = np.spacing(np.abs(b).astype(np.float32)).astype(np.float64)
    with np.errstate(invalid="ignore"):
        gaps = np.where(same, 0.0, np.abs(a - b) / spacing)
    return float(np.max(np.where(np.isnan(gaps), np.inf, gaps)))


def test_the_environment_variable_keeps_the_numpy_route(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XENT_ROUTE", "numpy")
    assert xent.single_precision_route() == "numpy"
    monkeypatch.setenv("XENT_ROUTE", "NumPy")
    assert xent.single_precision_route() == "numpy"
    monkeypatch.delenv("XENT_ROUTE")
    assert xent.single_precision_route() == "numba"


def test_importing_xent_or_asking_the_route_does_not_import_numba() -> None:
    code = "import sys, xent; xent.single_precision_route(); print('numba' in sys.modules)"
    result = subprocess.run(  # noqa: S603 (runs this interpreter on a literal)
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"


def test_float64_and_strided_float32_rows_do_not_take_the_compiled_route() -> None:
    z = np.zeros((4, 6), dtype=np.float32)
    assert _compiled.compiled(z)
    assert not _compiled.compiled(z.astype(np.float64))
    assert not _compiled.compiled(np.asfortranarray(z)[:, ::2])
    assert not _compiled.compiled(z[:, :1])  # one class: nothing to sum


def test_float32_class_index_losses_call_the_kernel(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[int] = []
    real = _compiled.exp_sums

    def spy(logits: Any) -> Any:
        calls.append(len(logits))
        return real(logits)

    monkeypatch.setattr(_kernels, "exp_sums", spy)
    z = np.random.default_rng(0).standard_normal((300, 50)).astype(np.float32)
    xent.softmax_cross_entropy(z, np.zeros(300, dtype=np.int64))
    xent.logsumexp(z, axis=-1)
    assert sum(calls) == 600
    calls.clear()
    xent.softmax_cross_entropy(z, np.zeros(300, dtype=np.int64), label_smoothing=0.1)
    assert calls == []


def test_exp32_is_within_its_stated_error_on_a_fine_grid() -> None:
    from xent.numeric import _jit  # noqa: PLC0415 (imports numba)

    grid = np.linspace(-87, 88, 20001, dtype=np.float32)
    computed = np.array([_jit.exp32(z) for z in grid], dtype=np.float64)
    exact = np.exp(grid.astype(np.float64))
    assert np.max(np.abs(computed - exact) / exact) <= 1.3 * 2.0**-24


def rows(name: str) -> tuple[Any, Any]:
    """Hostile float32 rows and their targets."""
    rng = np.random.default_rng(16)
    classes = 1000
    z = (rng.standard_normal((8, classes)) * 3).astype(np.float32)
    target = rng.integers(0, classes, 8)
    if name == "near-certain":  # losses about 1e-7 and 1e-30: the accumulation cannot vouch
        z[:, 0] = z.max(axis=1) + np.array([16, 20, 40, 69, 80, 100, 5, 10]) + math.log(classes)
        target[:] = 0
    elif name == "spread 1e4":  # the maximum is above 88
        z = rng.uniform(-1e4, 1e4, (8, classes)).astype(np.float32)
        target = z.argmax(axis=1)
    elif name == "non-finite":
        z[0, 3], z[1, 5], z[2, :] = np.inf, np.nan, -np.inf
        z[2, 7] = 1.0
        z[3, 0] = -np.inf
        z[4, 9] = np.copysign(np.nan, -1)  # a NaN with its sign bit set has the smallest key
        target[:4] = [3, 0, 7, 0]
        target[3] = 1
    elif name == "low":  # every logit below −87: each exp underflows in float32
        z -= 200
    elif name == "ties":
        z[:, :3] = 50.0
        target[:] = 2
    return z, target


@pytest.mark.parametrize(
    "name", ["ordinary", "near-certain", "spread 1e4", "non-finite", "low", "ties"]
)
@pytest.mark.parametrize(
    ("function", "compute"),
    [
        ("softmax_cross_entropy", lambda z, t: xent.softmax_cross_entropy(z, t, reduction="none")),
        ("logsumexp", lambda z, t: xent.logsumexp(z, axis=-1)),  # noqa: ARG005
    ],
)
def test_the_compiled_route_agrees_with_the_numpy_route_within_its_stated_bound(
    name: str, function: str, compute: Callable[[Any, Any], Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    z, target = rows(name)
    fast = on_route("", monkeypatch, lambda: compute(z, target))
    numpy = on_route("numpy", monkeypatch, lambda: compute(z, target))
    assert fast.dtype == numpy.dtype == np.float32
    # Both are within their bounds of the exact value; the NumPy route's is 1 ulp.
    limit = ACCURACY_ULPS[function]["float32 (compiled)"] + ACCURACY_ULPS[function]["float32"]
    assert ulps(fast, numpy) <= limit


def test_rows_the_kernel_cannot_vouch_for_are_flagged_and_redone() -> None:
    rng = np.random.default_rng(3)
    z = rng.standard_normal((6, 1000)).astype(np.float32)
    z[1, 0] = 89.0  # exp(89) overflows float32
    z[2, 0] = np.nan
    z[3, 0] = z[3].max() + 30  # the others sum to about 1e-10 of the maximum's term
    z[4] -= 100  # every term underflows
    z[5, 0] = z[5].max() + 5  # the others sum to about 7e-3 of it: enough digits are left
    _, _, redo = _compiled.exp_sums(z)
    assert redo.tolist() == [False, True, True, True, True, False]


def distributions(name: str, rng: np.random.Generator) -> tuple[Any, Any]:
    """Hostile float32 rows p and q (each summing to 1 within float32's tolerance)."""
    p = rng.random((6, 200))
    q = rng.random((6, 200))
    if name == "nearly equal":
        q = p * (1 + rng.uniform(-1e-3, 1e-3, p.shape))
    elif name == "tiny entries":
        p[:, :50] = 10.0 ** rng.uniform(-44, -20, (6, 50))
        q[:, 50:100] = 10.0 ** rng.uniform(-44, -20, (6, 50))
    elif name == "zeros":
        p[0, :10] = 0
        q[1, :10] = 0  # q = 0 < p: the divergence is +inf
        p[2, :] = 0
        p[2, 0] = 1
    p /= p.sum(axis=1, keepdims=True)
    q /= q.sum(axis=1, keepdims=True)
    return p.astype(np.float32), q.astype(np.float32)


@pytest.mark.parametrize("name", ["ordinary", "nearly equal", "tiny entries", "zeros"])
@pytest.mark.parametrize(
    ("function", "compute"),
    [
        ("entropy", lambda p, q: xent.entropy(p)),  # noqa: ARG005
        ("kl_divergence", xent.kl_divergence),
        ("kl_divergence", lambda p, q: xent.kl_divergence(q, p, base="bits")),
    ],
)
def test_compiled_entropy_and_kl_agree_with_the_numpy_route_within_their_bounds(
    name: str, function: str, compute: Callable[[Any, Any], Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    p, q = distributions(name, np.random.default_rng(7))
    fast = on_route("", monkeypatch, lambda: compute(p, q))
    numpy = on_route("numpy", monkeypatch, lambda: compute(p, q))
    assert fast.dtype == numpy.dtype == np.float32
    # Both round a float64 value within 2⁻⁴⁰ of exact: they differ by at most one ulp.
    assert ulps(fast, numpy) <= ACCURACY_ULPS[function]["float32"]


def test_compiled_entropy_and_kl_propagate_nan_and_refuse_what_the_numpy_route_refuses() -> None:
    p, q = distributions("ordinary", np.random.default_rng(1))
    p[3, 5] = np.nan
    assert np.isnan(xent.entropy(p)).tolist() == [False, False, False, True, False, False]
    assert np.isnan(xent.kl_divergence(p, q)).tolist() == [False] * 3 + [True] + [False] * 2
    assert np.isnan(xent.kl_divergence(q, p)).tolist() == [False] * 3 + [True] + [False] * 2
    p[3, 5] = 0.5
    with pytest.raises(ValueError, match=r"row\[3\] sums to"):
        xent.entropy(p)
    p[3, 5] = -0.25
    with pytest.raises(ValueError, match=r"p\[3, 5\] = -0.25"):
        xent.kl_divergence(p, q)


def binary_inputs(rng: np.random.Generator) -> tuple[Any, Any, Any]:
    """Targets (labels and soft), logits from tiny to ±1e4, and probabilities near 0 and 1."""
    size = 3000
    y = np.concatenate([np.ones(1000), np.zeros(1000), rng.random(1000)])
    z = np.concatenate([rng.standard_normal(1000) * 5, rng.uniform(-1e4, 1e4, 1000)])
    z = np.concatenate([z, 10.0 ** rng.uniform(-40, 1.5, 1000) * rng.choice([-1, 1], 1000)])
    finfo = np.finfo(np.float32)
    near_zero = 10.0 ** rng.uniform(math.log10(finfo.tiny), -1, size // 2)
    near_one = 1 - 10.0 ** rng.uniform(-finfo.precision, -1, size // 2)
    p = np.clip(np.concatenate([near_zero, near_one]), finfo.tiny, 1 - finfo.epsneg)
    order = rng.permutation(size)
    return y[order].astype(np.float32), z.astype(np.float32), p[order].astype(np.float32)


@pytest.mark.parametrize("reduction", ["none", "sum", "mean"])
@pytest.mark.parametrize("base", ["nats", "bits"])
@pytest.mark.parametrize("given", ["logits", "p"])
def test_compiled_binary_cross_entropy_agrees_with_the_numpy_route_within_its_bound(
    reduction: Literal["none", "sum", "mean"],
    base: str,
    given: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    y, z, p = binary_inputs(np.random.default_rng(4))
    prediction = {"logits": z} if given == "logits" else {"p": p}

    def compute() -> Any:
        return xent.binary_cross_entropy(y, **prediction, base=base, reduction=reduction)

    fast = on_route("", monkeypatch, compute)
    numpy = on_route("numpy", monkeypatch, compute)
    if reduction == "none":
        assert fast.dtype == numpy.dtype == np.float32
    function = f"binary_cross_entropy ({'logits' if given == 'logits' else 'probabilities'})"
    assert ulps(fast, numpy) <= ACCURACY_ULPS[function]["float32"]


def test_compiled_binary_cross_entropy_leaves_edges_to_the_numpy_route() -> None:
    y = np.array([1, 0, 1, 0, 0.5], dtype=np.float32)
    z = np.array([np.inf, np.inf, -np.inf, 3, np.nan], dtype=np.float32)
    assert xent.binary_cross_entropy(y, logits=z)[:3].tolist() == [0.0, np.inf, np.inf]
    assert np.isnan(xent.binary_cross_entropy(y, logits=z)[4])
    p = np.array([1, 1, 0, 0.25, 0.5], dtype=np.float32)
    assert xent.binary_cross_entropy(y, p)[:3].tolist() == [0.0, np.inf, np.inf]


@pytest.mark.parametrize(
    ("module", "name", "call"),
    [
        (
            "xent.numeric._entropy",
            "entropies",
            lambda p, y, z: xent.entropy(p),  # noqa: ARG005
        ),
        ("xent.numeric._divergence", "divergences", lambda p, y, z: xent.kl_divergence(p, p)),  # noqa: ARG005
        (
            "xent.numeric._binary",
            "binary_logit_losses",
            lambda p, y, z: xent.binary_cross_entropy(y, logits=z),  # noqa: ARG005
        ),
        (
            "xent.numeric._binary",
            "binary_probability_losses",
            lambda p, y, z: xent.binary_cross_entropy(y, p[0]),  # noqa: ARG005
        ),
    ],
)
def test_float32_entropy_kl_and_binary_cross_entropy_call_their_kernels(
    module: str, name: str, call: Callable[[Any, Any, Any], Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    target = sys.modules[module]
    real = getattr(target, name)
    calls: list[str] = []

    def spy(*args: Any) -> Any:
        calls.append(name)
        return real(*args)

    monkeypatch.setattr(target, name, spy)
    p, _ = distributions("ordinary", np.random.default_rng(0))
    y, z, _ = binary_inputs(np.random.default_rng(0))
    call(p, y[:200], z[:200])
    assert calls


def test_the_kernels_maximum_is_numpys_on_rows_of_every_sign() -> None:
    rng = np.random.default_rng(9)
    z = (rng.standard_normal((64, 300)) * 50).astype(np.float32)
    z[:16] = -np.abs(z[:16])  # all negative
    z[16:24] = np.float32(-0.0)
    z[24:32, 1:] = -np.inf
    z[32:40, ::2] = np.float32(3e38)
    maximum, _, _ = _compiled.exp_sums(z)
    assert np.array_equal(maximum, np.max(z, axis=1))
