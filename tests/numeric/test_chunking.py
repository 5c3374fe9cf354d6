"""Large inputs are processed in chunks of rows: the results must not depend on where they split.

Each function is run with chunks of a single row (or a few elements) and with the whole input
in one chunk; the two results must be identical, bit for bit, including the edge cases that
take a slower path in some chunks only (infinite logits, zero probabilities, NaN).
"""

from __future__ import annotations

import tracemalloc
from typing import TYPE_CHECKING, Any

import numpy as np
import pytest

import xent
from xent.numeric import _chunks

if TYPE_CHECKING:
    from collections.abc import Callable

    import numpy.typing as npt

RNG = np.random.default_rng(7)


def distributions(shape: tuple[int, ...], dtype: Any = np.float64) -> npt.NDArray[Any]:
    p = RNG.random(shape)
    p[..., ::3] *= RNG.random((*shape[:-1], 1)) < 0.5  # zeros in some rows only
    normalized: npt.NDArray[Any] = (p / p.sum(axis=-1, keepdims=True)).astype(dtype)
    return normalized


LOGITS = RNG.standard_normal((37, 11)) * 4
LOGITS_WITH_EDGES = LOGITS.copy()
LOGITS_WITH_EDGES[3, 2] = np.inf
LOGITS_WITH_EDGES[5, :] = -np.inf
LOGITS_WITH_EDGES[8, 4] = np.nan
LOGITS_WITH_EDGES[20, 1] = -np.inf
# A row of all -inf has a logsumexp (-inf) but no softmax: the softmax cases get one finite entry
SOFTMAX_EDGES = LOGITS_WITH_EDGES.copy()
SOFTMAX_EDGES[5, 7] = 0.0
TARGET = RNG.integers(0, 11, 37)
P, Q = distributions((37, 11)), distributions((37, 11))
Q_WITH_ZERO = Q.copy()
Q_WITH_ZERO[30, 0] = 0.0
Q_WITH_ZERO[30, 1] += Q[30, 0]  # the row still sums to 1
Z = RNG.standard_normal(1001) * 10
Z_WITH_EDGES = Z.copy()
Z_WITH_EDGES[[17, 500]] = [np.inf, -np.inf]
Y = (RNG.random(1001) < 0.5).astype(float)
Y_SOFT = RNG.random(1001)
# Probabilities with a 0 and a 1: the chunks holding them take the general path, the others
# the in-place one (all probabilities strictly inside (0, 1)); the results must not differ.
P_WITH_EDGES = 1 / (1 + np.exp(-Z))
P_WITH_EDGES[[17, 500]] = [0.0, 1.0]

CASES: dict[str, Callable[[], object]] = {
    "softmax_cross_entropy": lambda: xent.softmax_cross_entropy(LOGITS, TARGET),
    "softmax_cross_entropy float32": lambda: xent.softmax_cross_entropy(
        LOGITS.astype(np.float32), TARGET
    ),
    "softmax_cross_entropy edges": lambda: xent.softmax_cross_entropy(SOFTMAX_EDGES, TARGET),
    "softmax_cross_entropy options": lambda: xent.softmax_cross_entropy(
        SOFTMAX_EDGES,
        np.where(TARGET == 3, -100, TARGET),
        weight=np.linspace(0, 2, 11),
        ignore_index=-100,
        label_smoothing=0.1,
    ),
    "softmax_cross_entropy probability rows": lambda: xent.softmax_cross_entropy(
        SOFTMAX_EDGES, P, label_smoothing=0.2
    ),
    "softmax_cross_entropy axis 0": lambda: xent.softmax_cross_entropy(LOGITS.T, TARGET, axis=0),
    "softmax_cross_entropy 3-d, middle axis": lambda: xent.softmax_cross_entropy(
        LOGITS.reshape(37, 11, 1) * np.ones(3), np.zeros((37, 3), dtype=int), axis=1
    ),
    "logsumexp": lambda: xent.logsumexp(LOGITS_WITH_EDGES),
    "log_softmax axis 0": lambda: xent.log_softmax(SOFTMAX_EDGES, axis=0),
    "softmax float32": lambda: xent.softmax(SOFTMAX_EDGES.astype(np.float32)),
    "entropy": lambda: xent.entropy(P),
    "entropy float32 with NaN": lambda: xent.entropy(
        np.where(P[2, 1] == P, np.nan, P).astype(np.float32)
    ),
    "cross_entropy": lambda: xent.cross_entropy(P, Q_WITH_ZERO),
    "cross_entropy one q against a batch": lambda: xent.cross_entropy(P, Q[0]),
    "kl_divergence": lambda: xent.kl_divergence(P, Q_WITH_ZERO),
    "kl_divergence float32": lambda: xent.kl_divergence(P.astype(np.float32), Q.astype(np.float32)),
    "kl_divergence nearly equal": lambda: xent.kl_divergence(P, P * (1 + 1e-9) - P * 1e-9),
    "js_divergence": lambda: xent.js_divergence(P, Q_WITH_ZERO),
    "entropy counts": lambda: xent.entropy(np.round(P * 100), normalize=True),
    "binary_cross_entropy logits": lambda: xent.binary_cross_entropy(Y, logits=Z),
    "binary_cross_entropy logits with edges": lambda: xent.binary_cross_entropy(
        Y, logits=Z_WITH_EDGES, pos_weight=2.0
    ),
    "binary_cross_entropy float32 bits": lambda: xent.binary_cross_entropy(
        Y.astype(np.float32), logits=Z.astype(np.float32), base="bits"
    ),
    "binary_cross_entropy p, mean": lambda: xent.binary_cross_entropy(
        Y, 1 / (1 + np.exp(-Z)), reduction="mean"
    ),
    "binary_cross_entropy p with edges, soft labels": lambda: xent.binary_cross_entropy(
        Y_SOFT, P_WITH_EDGES, pos_weight=2.0
    ),
    "binary_cross_entropy p with edges, float32": lambda: xent.binary_cross_entropy(
        Y.astype(np.float32), P_WITH_EDGES.astype(np.float32)
    ),
    "binary_cross_entropy broadcast": lambda: xent.binary_cross_entropy(
        Y[:7, None], logits=Z[:21].reshape(7, 3)
    ),
    "self_information": lambda: xent.self_information(P),
    "binary_entropy": lambda: xent.binary_entropy(P.astype(np.float32)),
}


@pytest.mark.parametrize("chunk_bytes", [8, 64, 200])
@pytest.mark.parametrize("name", CASES)
def test_results_do_not_depend_on_the_chunk_size(
    name: str, chunk_bytes: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    whole = CASES[name]()
    monkeypatch.setattr(_chunks, "CHUNK_BYTES", chunk_bytes)
    chunked = CASES[name]()
    assert type(chunked) is type(whole)
    assert np.asarray(chunked).dtype == np.asarray(whole).dtype
    np.testing.assert_array_equal(chunked, whole, strict=True)


@pytest.mark.parametrize("rows", [1, 2, 7, 8, 9, 100])
@pytest.mark.parametrize("row_length", [1, 3, 8, 1000])
def test_row_slices_cover_every_row_once_in_order(
    rows: int, row_length: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(_chunks, "CHUNK_BYTES", 64)
    slices = list(_chunks.row_slices(rows, row_length))
    covered = [i for part in slices for i in range(rows)[part]]
    assert covered == list(range(rows))
    assert all(part.stop - part.start == max(1, 8 // row_length) for part in slices[:-1])


def test_chunks_are_views_for_the_usual_layouts() -> None:
    array = np.zeros((4, 5, 6))
    assert np.shares_memory(_chunks.as_rows(array, 2), array)
    assert np.shares_memory(_chunks.as_rows(array[0], 0), array)


def test_scratch_buffers_are_reused_between_chunks() -> None:
    scratch = _chunks.Scratch()
    first = scratch.array("buffer", (4, 10))
    smaller = scratch.array("buffer", (3, 10))
    assert np.shares_memory(first, smaller)
    assert smaller.shape == (3, 10)
    narrow = np.ones((3, 10), dtype=np.float32)
    widened = scratch.widen("narrow", narrow)
    assert widened.dtype == np.float64
    np.testing.assert_array_equal(widened, narrow)
    wide = np.ones((3, 10))
    assert scratch.widen("wide", wide) is wide


def peak_extra_bytes(call: Callable[[], object]) -> int:
    tracemalloc.start()
    try:
        before, _ = tracemalloc.get_traced_memory()
        tracemalloc.reset_peak()
        call()
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return peak - before


@pytest.mark.parametrize("dtype", [np.float64, np.float32])
def test_cross_entropy_from_logits_needs_a_fraction_of_the_logits_memory(dtype: Any) -> None:
    logits = RNG.standard_normal((4096, 1000)).astype(dtype)
    target = RNG.integers(0, 1000, 4096)
    extra = peak_extra_bytes(lambda: xent.softmax_cross_entropy(logits, target))
    assert extra <= 0.25 * logits.nbytes


@pytest.mark.parametrize("chunk_bytes", [8, 200, 1 << 20])
def test_a_bad_entry_in_any_chunk_raises_naming_it(
    chunk_bytes: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(_chunks, "CHUNK_BYTES", chunk_bytes)
    p = P.copy()
    p[0, 0] = np.nan  # a NaN in the first chunk does not hide what comes later
    p[30, 1] = -0.1
    with pytest.raises(ValueError, match=r"p must hold probabilities in \[0, 1\]; p\[30, 1\]"):
        xent.entropy(p)
    q = Q.copy()
    q[36, 0] += 0.01
    with pytest.raises(ValueError, match=r"q must sum to 1 along axis 1; row\[36\] sums to"):
        xent.kl_divergence(P, q)
    with pytest.raises(ValueError, match=r"p must sum to 1 along axis 1; row\[36\] sums to"):
        xent.cross_entropy(q, q)  # p is checked first, as without chunks
