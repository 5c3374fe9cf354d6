"""Turning user input into checked arrays, with errors that name the argument at fault."""

from __future__ import annotations

import functools
import math
import numbers
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Literal, ParamSpec, TypeAlias, TypeVar

import numpy as np
from numpy.typing import ArrayLike, NDArray

if TYPE_CHECKING:
    from collections.abc import Callable

FloatArray: TypeAlias = NDArray[np.floating[Any]]
#: What the public functions return: a plain float for a 0-d result, else an ndarray. Typed as
#: Any (as NumPy types its reductions) so that callers can index an array result.
FloatOrArray: TypeAlias = Any
Reduction: TypeAlias = Literal["none", "sum", "mean"]
REDUCTIONS: tuple[str, ...] = ("none", "sum", "mean")

_P = ParamSpec("_P")
_R = TypeVar("_R")


def floating_point_policy(function: Callable[_P, _R]) -> Callable[_P, _R]:
    """Run a public numeric function under the library's own `np.errstate`, whatever the caller's.

    The library decides what each floating-point event means, so that a valid call returns the
    same values under ``np.errstate(all="raise")`` as under NumPy's defaults: an underflow is
    harmless (gradual underflow rounds correctly, and a value below the smallest subnormal is
    0 to working precision) and a division by zero is the intended ±inf of ``log 0``; both are
    ignored. Overflow and invalid operations still warn, so that one the library has not
    foreseen shows (the tests turn warnings into errors); where an overflow is the honest
    answer (+inf), or an invalid operation is resolved (``0 · inf`` terms), the code says so
    with a local `np.errstate`.
    """

    @functools.wraps(function)
    def under_policy(*args: _P.args, **kwargs: _P.kwargs) -> _R:
        with np.errstate(divide="ignore", under="ignore", over="warn", invalid="warn"):
            return function(*args, **kwargs)

    return under_policy


def as_array(x: object, name: str) -> NDArray[Any]:
    """Convert ``x`` to an ndarray once, refusing what would lose or misread information.

    Strings, None and masked arrays raise TypeError (the mask would be silently dropped);
    ragged sequences raise ValueError. An array of Python objects that are all real numbers
    (``int`` of any size, ``float``, ``fractions.Fraction``, ``decimal.Decimal``) becomes
    float64, each element rounded once by ``float()`` (one too large for float64 becomes ±inf,
    as IEEE rounding does); any other object raises TypeError naming the first one.
    """
    if x is None or isinstance(x, (str, bytes)):
        raise TypeError(f"{name} must be an array of real numbers, got {type(x).__name__}")
    if isinstance(x, np.ma.MaskedArray):
        raise TypeError(
            f"{name} is a masked array, whose mask xent would silently drop; pass "
            f"{name}.filled(value) to fill the masked entries, or {name}.compressed() to "
            "drop them"
        )
    try:
        array = np.asarray(x)
    except ValueError as error:  # ragged nested sequences
        raise ValueError(f"{name} must be a rectangular array of numbers: {error}") from None
    if array.dtype.kind == "O":
        return _exact_numbers_as_float64(array, name)
    return array


def _exact_numbers_as_float64(array: NDArray[np.object_], name: str) -> NDArray[np.float64]:
    """Round an object array of real Python numbers (big ints, Fractions, Decimals) to float64."""
    values = np.empty(array.shape, dtype=np.float64)
    for index, element in np.ndenumerate(array):
        if isinstance(element, (numbers.Real, Decimal)):
            try:
                values[index] = float(element)
            except OverflowError:  # an int or Fraction beyond float64: IEEE rounds it to ±inf
                positive = element > 0  # type: ignore[operator]  # (Real has no < in typeshed)
                values[index] = math.inf if positive else -math.inf
            except ValueError:  # a signalling NaN (Decimal("sNaN")) is a NaN all the same
                values[index] = math.nan
            continue
        where = "[" + ", ".join(map(str, index)) + "]" if array.ndim else ""
        raise TypeError(
            f"{name} must be an array of real numbers, got dtype object with "
            f"{name}{where} = {element!r} ({type(element).__name__}); convert it to a float64 "
            "array of numbers (int, float, fractions.Fraction and decimal.Decimal are "
            "converted, each rounded once)"
        )
    return values


def as_real_array(x: ArrayLike, name: str) -> FloatArray:
    """Return ``x`` as a non-empty float16, float32 or float64 array.

    Integers and booleans become float64, and so do exact numbers (see `as_array`).
    ``np.longdouble`` is refused: the library computes in float64, so a longdouble result
    would carry float64's accuracy in a wider type; the caller is told to convert.
    """
    array = as_array(x, name)
    if array.dtype.kind in "biu":
        return _non_empty(array.astype(np.float64), name)
    if array.dtype.kind != "f":
        raise TypeError(f"{name} must be an array of real numbers, got dtype {array.dtype}")
    if array.dtype.itemsize > 8:
        raise TypeError(
            f"{name} has dtype {array.dtype} (np.longdouble), which xent does not support: it "
            f"computes in float64, so convert first, e.g. {name}.astype(np.float64)"
        )
    return _non_empty(array, name)


def _non_empty(array: FloatArray, name: str) -> FloatArray:
    if array.size == 0:
        raise ValueError(f"{name} is empty (shape {array.shape}); it needs at least one element")
    return array


def result_dtype(*inputs: tuple[object, FloatArray]) -> np.dtype[Any]:
    """Return the dtype of a result from pairs (input as given, its checked array).

    The result has the dtype of the floating-point arrays among the inputs (NumPy arrays and
    scalars, or objects converting to an array of their own dtype), promoted together;
    Python numbers and lists, and integer or boolean arrays, do not count, so that
    ``pos_weight=2.0`` or a list of targets keeps a float32 loss float32. float64 if no input
    counts. The input's own dtype is read, never converted again.
    """
    floats = []
    for given, array in inputs:
        if given is None or (
            isinstance(given, (int, float, complex, list, tuple))
            and not isinstance(given, np.generic)
        ):
            continue
        kind = getattr(given, "dtype", array.dtype).kind
        if kind == "f":
            floats.append(array.dtype)
    return np.result_type(*floats) if floats else np.dtype(np.float64)


def output(value: FloatArray, dtype: np.dtype[Any]) -> FloatOrArray:
    """Round a float64 result once to the result's dtype; a 0-d result becomes a Python float.

    The float of a 0-d result is that of the value rounded to ``dtype`` (a float32 scalar
    result equals the float32 row of a batch, bit for bit). A value beyond the dtype's range
    rounds to ±inf, silently: that is the honest result in that dtype.
    """
    with np.errstate(over="ignore"):
        rounded = value.astype(dtype, copy=False)
    return float(rounded) if rounded.ndim == 0 else rounded


def position(mask: NDArray[np.bool_]) -> str:
    """Return the index of the first True entry of ``mask``, written as ``[i, j]``."""
    index = np.unravel_index(int(np.argmax(mask)), mask.shape)
    return "[" + ", ".join(str(int(i)) for i in index) + "]"


def first_bad_entry(array: NDArray[Any], bad: NDArray[np.bool_], name: str) -> str:
    """Describe the first entry of ``array`` where ``bad`` is True, as ``name[i, j] = value``.

    Error messages name one entry rather than printing a whole (possibly huge) array.
    """
    where = position(bad) if array.ndim else ""
    return f"{name}{where} = {array[bad].flat[0].item()!r}"


def check_probabilities(p: FloatArray, name: str) -> None:
    """Every entry of ``p`` is in [0, 1]; NaN is allowed and propagates.

    Two reductions (min and max) settle the usual case without a temporary; only an input
    that fails them, or holds NaN, is searched entry by entry.
    """
    if np.min(p) >= 0 and np.max(p) <= 1:
        return
    outside = (p < 0) | (p > 1)
    if outside.any():
        where = position(outside) if p.ndim else ""
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
    sums = np.asarray(np.sum(p, axis=axis, dtype=np.float64))
    off = np.abs(sums - 1) > row_sum_tolerance(p.dtype)  # NaN rows are left to propagate
    if off.any():
        row = position(off) if sums.ndim else ""
        total = sums[off].flat[0]
        hint = "; pass normalize=True to divide counts by their total" if counts_hint else ""
        raise ValueError(
            f"{name} must sum to 1 along axis {axis}; row{row} sums to {float(total)!r} "
            f"(off by {float(total) - 1:.3g}){hint}"
        )


#: A power of two by which rows of huge counts or losses are scaled, exactly, before summing:
#: their total then cannot overflow (a sum of up to 2**64 terms below 2**960).
_DOWN = 2.0**-64


def normalized_counts(p: FloatArray, name: str, axis: int) -> FloatArray:
    """Divide non-negative finite counts by their total along ``axis``, in float64.

    The quotients stay float64 (a float32 or float16 result is then rounded once, at the
    end). A row whose total overflows float64 (counts near 1e308) is scaled by a power of
    two first, which is exact, so [1e308, 1e308] gives [0.5, 0.5] rather than zeros.
    """
    bad = (p < 0) | np.isinf(p)
    if bad.any():
        where = position(bad) if p.ndim else ""
        value = float(p[bad].flat[0])
        raise ValueError(f"{name} must hold non-negative finite counts; {name}{where} = {value!r}")
    with np.errstate(over="ignore"):  # a total near 1e308 overflows: those rows are redone
        totals = np.sum(p, axis=axis, keepdims=True, dtype=np.float64)
    if (totals == 0).any():
        raise ValueError(f"{name} has a row of counts that sums to 0 along axis {axis}")
    if np.isinf(totals).any():
        scaled = p * np.where(np.isinf(totals), _DOWN, 1.0)
        totals = np.sum(scaled, axis=axis, keepdims=True, dtype=np.float64)
        p = scaled
    normalized: FloatArray = np.divide(p, totals, dtype=np.float64)
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
        inside = [bool(np.min(chunk) >= 0 and np.max(chunk) <= 1) for chunk in chunks]
        self.summarized(inside, sums)
        return sums

    def summarized(self, inside: list[bool], sums: list[FloatArray]) -> None:
        """Check chunks from their summaries: entries all in [0, 1] (False for a NaN), row sums.

        For kernels that compute the summaries in their own pass (the compiled route).
        """
        sound = all(
            within and bool(np.all(np.abs(total - 1) <= tolerance))
            for within, total, tolerance in zip(inside, sums, self._tolerances, strict=True)
        )
        if not self._done and not sound:
            for name, array in self._arrays.items():
                check_distribution(array, name, self._axis, counts_hint=self._counts_hint)
            self._done = True


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
    dtype = result_dtype(*((arrays[name], checked[name]) for name in names))
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


def reduce(losses: FloatArray, reduction: Reduction, count: float | None = None) -> FloatArray:
    """Apply a checked reduction: elementwise, total, or total divided by ``count``.

    ``count`` defaults to the number of losses. A total that overflows although every loss
    is finite (losses near 1e308) is summed again scaled by a power of two, exactly, so the
    mean of two losses of 1e308 is 1e308; a sum beyond float64 is +inf, silently.
    """
    if reduction == "none":
        return losses
    with np.errstate(over="ignore"):  # an overflowing total is redone below, or honest
        total = np.sum(losses)
        if np.isinf(total) and np.isfinite(np.max(losses)):
            scaled = np.sum(losses * _DOWN)
            if reduction == "mean":
                scaled = scaled / (losses.size if count is None else count)
            return np.asarray(scaled / _DOWN)
    if reduction == "mean":
        total = total / (losses.size if count is None else count)
    return np.asarray(total)
