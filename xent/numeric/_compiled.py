"""The compiled float32 route: numba row kernels with a float32 ``exp``, summed in float64.

NumPy's float32 ``exp`` is fast but up to 2.4 ulp off, too far for the accuracy contract, so
the NumPy route widens float32 chunks to float64 and pays twice the bandwidth and work. When
numba is installed (``pip install 'xent[fast]'``) the float32 sums of exponentials are
computed instead by a kernel whose ``exp`` works in float32 lanes (16 per AVX-512 vector) and
is accurate to 1.3·2⁻²⁴, and whose terms are added in float64. Nothing here is imported
until a float32 kernel is first needed; ``XENT_ROUTE=numpy`` in the environment keeps the
NumPy route even where numba is installed (the tests run both routes).

Only the common case is compiled: a row whose every logit that matters is in the float32
exponential's normal range (``max z ≤ 88``) and whose sum of terms has enough digits left
after the accumulation. Each kernel flags the rows it cannot vouch for, and the caller
redoes those on the NumPy route; so the compiled route changes speed and, within its stated
bound (the "float32 (compiled)" entries of `ACCURACY_ULPS`), the last bit of a float32
result, and nothing else.
"""

from __future__ import annotations

import functools
import importlib
import importlib.util
import os
from typing import TYPE_CHECKING, Any, Literal

import numpy as np

if TYPE_CHECKING:
    from numpy.typing import NDArray

    from xent.numeric._validate import FloatArray

#: The environment variable that chooses the route: "numpy" forces the NumPy route,
#: anything else (or nothing) takes the compiled route where numba is installed.
ROUTE_VARIABLE = "XENT_ROUTE"


def single_precision_route() -> Literal["numba", "numpy"]:
    """Return the route float32 inputs take: ``"numba"`` (compiled) or ``"numpy"``.

    The compiled route needs numba (``pip install 'xent[fast]'``); the environment variable
    ``XENT_ROUTE=numpy`` keeps the NumPy route where numba is installed. Asking does not
    import numba.

    Examples
    --------
    >>> import xent
    >>> xent.single_precision_route() in ("numba", "numpy")
    True
    """
    if os.environ.get(ROUTE_VARIABLE, "").lower() == "numpy":
        return "numpy"
    return "numba" if _numba_installed() else "numpy"


@functools.cache
def _numba_installed() -> bool:
    return importlib.util.find_spec("numba") is not None


def compiled(logits: FloatArray) -> bool:
    """Whether a 2-D chunk of logits takes the compiled route."""
    return (
        logits.dtype == np.float32
        and logits.flags.c_contiguous
        and logits.shape[-1] > 1
        and single_precision_route() == "numba"
    )


def compiled_itemsize(array: FloatArray, axis: int) -> int:
    """Bytes of work per value (`xent.numeric._chunks.map_rows`) of rows of ``array``.

    On the compiled route a chunk of float32 rows is read in place, and only per-row arrays
    are made, so chunks can be eight times larger (fewer Python calls per row): 1 byte.
    Otherwise 8, for chunks widened to float64. The rows along ``axis`` are contiguous
    where ``axis`` is the last axis of a C-contiguous array.
    """
    last = axis in (-1, array.ndim - 1)
    fast = array.dtype == np.float32 and array.flags.c_contiguous and last
    return 1 if fast and single_precision_route() == "numba" else 8


@functools.cache
def _kernels() -> Any:
    """Compile (or load from numba's cache) the kernels; the first call takes a second."""
    return importlib.import_module("xent.numeric._jit")  # it imports numba


def exp_sums(logits: FloatArray) -> tuple[FloatArray, FloatArray, NDArray[np.bool_]]:
    """``max z``, ``S = Σ exp(z − max z)`` over each row but one maximum, and the rows to redo.

    Returns the maximum (float32) and S (float64), each (rows,), and a mask of the rows the
    kernel cannot vouch for (a NaN, a maximum that is infinite or above 88, terms lost to
    underflow or to the accumulation's rounding): the caller computes those on the NumPy
    route (in a row with a NaN the maximum is meaningless).
    """
    count = logits.shape[0]
    maximum = np.empty(count, dtype=np.float32)
    rest, redo = np.empty(count), np.empty(count, dtype=np.bool_)
    _kernels().exp_sums(logits, maximum, rest, redo)
    return maximum, rest, redo


def entropies(p: FloatArray) -> tuple[FloatArray, FloatArray, bool]:
    """Each row's entropy in nats (float64), its sum, and whether every entry is in [0, 1].

    A row holding NaN has a meaningless entropy here, and a NaN sum: the caller sets it.
    """
    count = p.shape[0]
    nats, sums, outside = np.empty(count), np.empty(count), np.empty(count, dtype=np.int64)
    _kernels().entropies(p, nats, sums, outside)
    return nats, sums, not outside.any()


def divergences(
    p: FloatArray, q: FloatArray
) -> tuple[FloatArray, list[FloatArray], list[bool], NDArray[np.bool_]]:
    """Each row's KL(P‖Q) in nats (float64), the sums of p and q, the [0, 1] checks, the redos.

    The rows to redo are those where some p/q is not a normal float64 (q = 0 < p included).
    A row holding NaN has a meaningless divergence here, and a NaN sum: the caller sets it.
    """
    count = p.shape[0]
    nats, sums = np.empty(count), np.empty((2, count))
    outside = np.empty((2, count), dtype=np.int64)
    _kernels().divergences(p, q, nats, sums, outside)
    return nats, [sums[0], sums[1]], [not outside[0].any(), not outside[1].any()], nats < 0


def binary_logit_losses(y: FloatArray, z: FloatArray, log_base: float, out: FloatArray) -> bool:
    """Fill ``out`` with BCE-from-logits losses / ``log_base``; False if a logit is not finite.

    ``y`` and ``z`` are flat and contiguous, ``z`` float32; ``out`` is float32 or float64.
    """
    return bool(_kernels().binary_logit_losses(y, z, log_base, out))


def binary_probability_losses(
    y: FloatArray, p: FloatArray, log_base: float, out: FloatArray
) -> bool:
    """Fill ``out`` with BCE losses from p / ``log_base``; False unless every p is in (0, 1)."""
    return bool(_kernels().binary_probability_losses(y, p, log_base, out))
