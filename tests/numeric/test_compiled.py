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
from typing import TYPE_CHECKING, Any

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
        assert xent.float32_route() == ("numpy" if route == "numpy" else "numba")
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
    assert xent.float32_route() == "numpy"
    monkeypatch.setenv("XENT_ROUTE", "NumPy")
    assert xent.float32_route() == "numpy"
    monkeypatch.delenv("XENT_ROUTE")
    assert xent.float32_route() == "numba"


def test_importing_xent_or_asking_the_route_does_not_import_numba() -> None:
    code = "import sys, xent; xent.float32_route(); print('numba' in sys.modules)"
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

    def spy(logits: Any, maximum: Any) -> Any:
        calls.append(len(logits))
        return real(logits, maximum)

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
    _, redo = _compiled.exp_sums(z, np.max(z, axis=1))
    assert redo.tolist() == [False, True, True, True, True, False]
