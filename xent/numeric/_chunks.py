"""Processing large arrays in cache-sized pieces, so that no full-size temporary exists.

Every function that reduces or maps a large array does its arithmetic on one chunk of rows
at a time: the chunk is widened to the working dtype (float64), computed on with in-place
ufuncs while it sits in the CPU cache, and only its results are written out. The peak extra
memory is then a few chunks, whatever the size of the input, and float32 inputs are computed
in float64 without a float64 copy of the whole input ever existing.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

import numpy as np

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

    from numpy.typing import NDArray

    from xent.numeric._validate import FloatArray

#: Bytes of float64 work per chunk. A few such buffers fit in a core's L2 cache, and a chunk
#: is large enough that the per-call overhead of NumPy's ufuncs is small beside the work.
CHUNK_BYTES = 1 << 20


class Scratch:
    """Work buffers of one call, reused from chunk to chunk instead of allocated anew.

    Allocating a fresh chunk-sized array per step costs page faults (large blocks come
    straight from the operating system and go back to it when freed), which can cost more
    than the arithmetic; each buffer here is allocated once per call and viewed at the size
    of each chunk (the last chunk may be smaller).
    """

    def __init__(self) -> None:
        self._buffers: dict[str, FloatArray] = {}

    def array(self, name: str, shape: tuple[int, ...], dtype: Any = np.float64) -> FloatArray:
        """Return the buffer called ``name``, uninitialised, with ``shape`` and ``dtype``."""
        size = math.prod(shape)
        buffer = self._buffers.get(name)
        if buffer is None or buffer.size < size or buffer.dtype != dtype:
            buffer = self._buffers[name] = np.empty(size, dtype=dtype)
        return buffer[:size].reshape(shape)

    def widen(self, name: str, chunk: FloatArray) -> FloatArray:
        """Return ``chunk`` in float64, copied into buffer ``name`` if it is narrower."""
        if chunk.dtype == np.float64:
            return chunk
        widened = self.array(name, chunk.shape, np.float64)
        np.copyto(widened, chunk)
        return widened


def as_rows(array: FloatArray, axis: int) -> FloatArray:
    """Return ``array`` as a 2-D array (rows, length along ``axis``), ``axis`` last.

    This is a view for the usual layouts (the last axis, or any axis of a 2-D array); it is a
    copy only when the other axes cannot be merged without one (a middle axis of a 3-D array).
    """
    moved = np.moveaxis(array, axis, -1)
    return moved.reshape(-1, moved.shape[-1])


def row_slices(rows: int, row_length: int, itemsize: int = 8) -> Iterator[slice]:
    """Split ``rows`` rows of ``row_length`` values into chunks of about ``CHUNK_BYTES``.

    ``itemsize`` is the bytes of work per value: 8 for a chunk widened to float64.
    """
    step = max(1, CHUNK_BYTES // (itemsize * max(row_length, 1)))
    for start in range(0, rows, step):
        yield slice(start, min(start + step, rows))


def map_rows(
    kernel: Callable[..., FloatArray],
    arrays: list[FloatArray],
    axis: int,
    per_row: tuple[NDArray[Any], ...] = (),
    dtype: np.dtype[Any] | None = None,
    *,
    itemsize: int = 8,
) -> FloatArray:
    """Apply ``kernel`` to chunks of rows along ``axis`` of same-shaped ``arrays``.

    ``kernel`` receives one 2-D chunk (rows, length) per array, in the arrays' own dtype,
    then the matching part of each ``per_row`` array (shaped like the arrays without
    ``axis``, flattened), and a `Scratch` as the keyword ``scratch``. It returns one value per
    row, or a row of values per row (possibly a scratch buffer: it is copied out). The
    result has the arrays' shape without ``axis``, or their shape if the kernel returns rows;
    its dtype is ``dtype``, by default that of the kernel's values. ``itemsize`` is the
    bytes of work per value (`row_slices`): a kernel that reads its chunk in place and makes
    only per-row arrays takes larger chunks, so fewer Python calls, with a smaller value.
    """
    shape = arrays[0].shape
    rows_of = [as_rows(array, axis) for array in arrays]
    flat_rows = [np.reshape(values, -1) for values in per_row]
    rows, length = rows_of[0].shape
    result: FloatArray | None = None
    scratch = Scratch()
    for part in row_slices(rows, length, itemsize):
        chunks = (*(array[part] for array in rows_of), *(v[part] for v in flat_rows))
        values = kernel(*chunks, scratch=scratch)
        if result is None:
            result = np.empty(
                (rows, *values.shape[1:]), dtype=values.dtype if dtype is None else dtype
            )
        with np.errstate(over="ignore"):  # beyond a float32 result's range: ±inf, honestly
            result[part] = values
    assert result is not None  # noqa: S101 (arrays are never empty here)
    others = shape[:axis] + shape[axis + 1 :]
    if result.ndim == 1:
        return result.reshape(others)
    return np.moveaxis(result.reshape((*others, length)), -1, axis)


def map_elements(
    kernel: Callable[..., FloatArray],
    arrays: list[FloatArray],
    dtype: np.dtype[Any] | None = None,
) -> FloatArray:
    """Apply an elementwise ``kernel`` to chunks of same-shaped ``arrays``; keep their shape.

    ``kernel`` gets a `Scratch` as the keyword ``scratch``. The result's dtype is ``dtype``,
    by default that of the kernel's values.
    """
    shape = arrays[0].shape
    flat = [array.reshape(-1) for array in arrays]
    size = flat[0].size
    result: FloatArray | None = None
    scratch = Scratch()
    for part in row_slices(size, 1):
        values = kernel(*(array[part] for array in flat), scratch=scratch)
        if result is None:
            result = np.empty(size, dtype=values.dtype if dtype is None else dtype)
        with np.errstate(over="ignore"):  # beyond a float32 result's range: ±inf, honestly
            result[part] = values
    assert result is not None  # noqa: S101 (arrays are never empty here)
    return result.reshape(shape)
