"""Turning user input into checked arrays, with errors that name the argument at fault."""

from __future__ import annotations

import math
from typing import Any, Literal, TypeAlias

import numpy as np
from numpy.typing import ArrayLike, NDArray

FloatArray: TypeAlias = NDArray[np.floating[Any]]
#: What the public functions return: a plain float for a 0-d result, else an ndarray. Typed as
#: Any (as NumPy types its reductions) so that callers can index an array result.
FloatOrArray: TypeAlias = Any
Reduction: TypeAlias = Literal["none", "sum", "mean"]
REDUCTIONS: tuple[str, ...] = ("none", "sum", "mean")


def as_real_array(x: ArrayLike, name: str) -> FloatArray:
    """Return ``x`` as a non-empty floating-point array; integers and booleans become float64."""
    if x is None or isinstance(x, (str, bytes)):
        raise TypeError(f"{name} must be an array of real numbers, got {type(x).__name__}")
    try:
        array = np.asarray(x)
    except ValueError as error:  # ragged nested sequences
        raise ValueError(f"{name} must be a rectangular array of numbers: {error}") from None
    if array.dtype.kind in "biu":
        return _non_empty(array.astype(np.float64), name)
    if array.dtype.kind != "f":
        raise TypeError(f"{name} must be an array of real numbers, got dtype {array.dtype}")
    return _non_empty(array, name)


def _non_empty(array: FloatArray, name: str) -> FloatArray:
    if array.size == 0:
        raise ValueError(f"{name} is empty (shape {array.shape}); it needs at least one element")
    return array


def result_dtype(*values: ArrayLike) -> np.dtype[Any]:
    """Return the dtype of a result: that of the float inputs, float64 if there are none."""
    floats = [value.dtype for value in map(np.asarray, values) if value.dtype.kind == "f"]
    return np.result_type(*floats) if floats else np.dtype(np.float64)


def working_dtype(*arrays: FloatArray) -> np.dtype[Any]:
    """Return the dtype to compute in: float64, or longdouble when an input is wider."""
    widest = np.result_type(*arrays)
    return np.dtype(np.longdouble) if widest.itemsize > 8 else np.dtype(np.float64)


def output(value: FloatArray, dtype: np.dtype[Any]) -> FloatOrArray:
    """Cast a result to the inputs' dtype; a 0-d result becomes a plain Python float."""
    if value.ndim == 0:
        return float(value)
    return value.astype(dtype, copy=False)


def _position(mask: NDArray[np.bool_]) -> str:
    """Return the index of the first True entry of ``mask``, written as ``[i, j]``."""
    index = np.unravel_index(int(np.argmax(mask)), mask.shape)
    return "[" + ", ".join(str(int(i)) for i in index) + "]"


def check_probabilities(p: FloatArray, name: str) -> None:
    """Every entry of ``p`` is in [0, 1]; NaN is allowed and propagates.

    Two reductions (min and max) settle the usual case without a temporary; only an input
    that fails them, or holds NaN, is searched entry by entry.
    """
    if np.min(p) >= 0 and np.max(p) <= 1:
        return
    outside = (p < 0) | (p > 1)
    if outside.any():
        where = _position(outside) if p.ndim else ""
        value = float(p[outside].flat[0])
        raise ValueError(f"{name} must hold probabilities in [0, 1]; {name}{where} = {value!r}")


def check_axis(axis: int, ndim: int, name: str) -> int:
    """Return ``axis`` as a non-negative index into an array of ``ndim`` dimensions."""
    if isinstance(axis, bool) or not isinstance(axis, (int, np.integer)):
        raise TypeError(f"axis must be an integer, got {type(axis).__name__}")
    if not -ndim <= axis < ndim:
        raise ValueError(f"axis {axis} is out of range for {name} with {ndim} dimension(s)")
    return int(axis) % ndim


def row_sum_tolerance(dtype: np.dtype[Any]) -> float:
    """How far from 1 a row may sum: the square root of the dtype's machine epsilon."""
    return math.sqrt(float(np.finfo(dtype).eps))


def check_distribution(p: FloatArray, name: str, axis: int, *, counts_hint: bool) -> None:
    """Entries of ``p`` are probabilities and each row along ``axis`` sums to 1."""
    check_probabilities(p, name)
    sums = np.sum(p, axis=axis, dtype=working_dtype(p))
    off = np.abs(sums - 1) > row_sum_tolerance(p.dtype)  # NaN rows are left to propagate
    if off.any():
        row = _position(off) if sums.ndim else ""
        total = sums[off].flat[0]
        hint = "; pass normalize=True to divide counts by their total" if counts_hint else ""
        raise ValueError(
            f"{name} must sum to 1 along axis {axis}; row{row} sums to {float(total)!r} "
            f"(off by {float(total) - 1:.3g}){hint}"
        )


def normalized_counts(p: FloatArray, name: str, axis: int) -> FloatArray:
    """Divide non-negative finite counts by their total along ``axis``."""
    negative = p < 0
    if negative.any() or np.isinf(p).any():
        bad = p[negative | np.isinf(p)].flat[0]
        raise ValueError(f"{name} must hold non-negative finite counts; found {float(bad)!r}")
    totals = np.sum(p, axis=axis, keepdims=True, dtype=working_dtype(p))
    if (totals == 0).any():
        raise ValueError(f"{name} has a row of counts that sums to 0 along axis {axis}")
    normalized: FloatArray = (p / totals).astype(p.dtype, copy=False)
    return normalized


class ChunkCheck:
    """The check that distribution arguments hold probabilities summing to 1, chunk by chunk.

    Called on the chunks (already widened) that a kernel is about to compute on, it checks
    them with three reductions while they sit in the cache: min, max and the row sums, which
    it returns (a NaN row sums to NaN). A chunk in doubt (a bad entry or row, or just a NaN)
    has the arguments checked whole, in order, by `check_distribution`, which raises naming
    the first bad entry or row; if that passes (NaN is allowed), nothing more is checked.
    """

    def __init__(self, arrays: dict[str, FloatArray], axis: int, *, counts_hint: bool) -> None:
        self._arrays = arrays
        self._axis = axis
        self._counts_hint = counts_hint
        self._tolerances = [row_sum_tolerance(array.dtype) for array in arrays.values()]
        self._done = False

    def __call__(self, *chunks: FloatArray) -> list[FloatArray]:
        """Check chunks of the arguments, in their order; return each one's row sums."""
        sums = [np.sum(chunk, axis=-1) for chunk in chunks]
        if not self._done and not all(map(_sound, chunks, sums, self._tolerances)):
            for name, array in self._arrays.items():
                check_distribution(array, name, self._axis, counts_hint=self._counts_hint)
            self._done = True
        return sums


def _sound(chunk: FloatArray, sums: FloatArray, tolerance: float) -> bool:
    """Entries in [0, 1] and rows summing to 1 within ``tolerance`` (False for any NaN)."""
    return bool(np.min(chunk) >= 0 and np.max(chunk) <= 1 and np.all(np.abs(sums - 1) <= tolerance))


def distributions(
    arrays: dict[str, ArrayLike], axis: int, *, normalize: bool = False
) -> tuple[list[FloatArray], int, np.dtype[Any], ChunkCheck]:
    """Check one or two distribution arguments and broadcast them against each other.

    The arrays are padded to the same number of dimensions, so ``axis`` refers to the broadcast
    shape; the outcome axis itself is never stretched. Returns the arrays broadcast, in their
    own dtype (the kernels widen them chunk by chunk), the axis as a non-negative index, the
    dtype of the result, and the `ChunkCheck` of their values, which the kernels must call
    on every chunk before computing on it.
    """
    if not isinstance(normalize, (bool, np.bool_)):
        raise TypeError(f"normalize must be True or False, got {type(normalize).__name__}")
    checked = {name: as_real_array(value, name) for name, value in arrays.items()}
    for name, array in checked.items():
        if array.ndim == 0:
            raise ValueError(f"{name} must be a distribution along axis {axis}, got a scalar")
    ndim = max(array.ndim for array in checked.values())
    padded = {
        name: array.reshape((1,) * (ndim - array.ndim) + array.shape)
        for name, array in checked.items()
    }
    names = list(padded)
    index = check_axis(axis, ndim, " and ".join(names))
    lengths = {name: array.shape[index] for name, array in padded.items()}
    if len(set(lengths.values())) > 1:
        described = ", ".join(f"{name} has {length}" for name, length in lengths.items())
        raise ValueError(
            f"{' and '.join(names)} must have as many outcomes along axis {axis}: {described}"
        )
    try:
        shape = np.broadcast_shapes(*(array.shape for array in padded.values()))
    except ValueError:
        described = " and ".join(f"{name} with shape {checked[name].shape}" for name in names)
        raise ValueError(f"{described} cannot be broadcast together") from None
    dtype = result_dtype(*arrays.values())
    if normalize:
        padded = {name: normalized_counts(array, name, index) for name, array in padded.items()}
    check = ChunkCheck(padded, index, counts_hint=not normalize)
    return [np.broadcast_to(array, shape) for array in padded.values()], index, dtype, check


def check_reduction(reduction: str) -> Reduction:
    """Return ``reduction`` if it is one of "none", "sum", "mean"."""
    if not isinstance(reduction, str):
        raise TypeError(f"reduction must be a string, got {type(reduction).__name__}")
    if reduction not in REDUCTIONS:
        raise ValueError(f"reduction must be 'none', 'sum' or 'mean', got {reduction!r}")
    return reduction  # type: ignore[return-value]


def reduce(losses: FloatArray, reduction: Reduction) -> FloatArray:
    """Apply a checked reduction: elementwise, total, or total divided by the count."""
    if reduction == "sum":
        return np.asarray(np.sum(losses))
    if reduction == "mean":
        return np.asarray(np.sum(losses) / losses.size)
    return losses
