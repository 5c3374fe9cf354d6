"""numba kernels of the compiled float32 route (imported by `xent.numeric._compiled` only).

``exp32`` is a float32 ``exp`` that LLVM can vectorise (no call, no table): Cody-Waite
reduction z = k·ln 2 + r with |r| ≤ ln(2)/2, the integer k found by the round-to-nearest
of adding 1.5·2²³, 2^k made from its bit pattern, and exp(r) from its degree-7 Taylor
polynomial (truncation error below 2⁻²⁸ relative). Measured against float64 on a fine grid
of [−87, 88] it is within 1.3·2⁻²⁴ relative. It is compiled without ``reassoc``, which
would let LLVM fold ``(x + 1.5·2²³) − 1.5·2²³`` into ``x``; only the sums that call it
may be reassociated (LLVM keeps each instruction's flags when it inlines).
"""

from __future__ import annotations

import math
from typing import Any

import numba
import numpy as np
from llvmlite import ir
from numba.extending import intrinsic

_F32 = np.float32
_LOG2E = _F32(1 / math.log(2))
_ROUND = _F32(1.5 * 2**23)  # adding it rounds a float32 below 2²² to an integer
_LN2_HI = _F32(math.log(2))
_LN2_LO = _F32(math.log(2) - float(_LN2_HI))
#: exp(z) for z below this is not computed (it would need a subnormal 2^k) and counts as 0.
_LOWEST = _F32(-87.0)
#: exp(z) is finite in float32 for z up to this.
_HIGHEST = 88.0
_TAYLOR = tuple(_F32(1 / math.factorial(k)) for k in range(7, -1, -1))


def _float_from_bits_typing(typingctx: Any, bits: Any) -> Any:  # noqa: ARG001
    """Reinterpret an int32's bits as a float32 (numba has no scalar bit cast)."""

    def codegen(context: Any, builder: Any, signature: Any, args: Any) -> Any:  # noqa: ARG001
        return builder.bitcast(args[0], ir.FloatType())

    return numba.types.float32(numba.types.int32), codegen


def _bits_from_float_typing(typingctx: Any, value: Any) -> Any:  # noqa: ARG001
    """Reinterpret a float32's bits as an int32."""

    def codegen(context: Any, builder: Any, signature: Any, args: Any) -> Any:  # noqa: ARG001
        return builder.bitcast(args[0], ir.IntType(32))

    return numba.types.int32(numba.types.float32), codegen


_float_from_bits: Any = intrinsic(_float_from_bits_typing)
_bits_from_float: Any = intrinsic(_bits_from_float_typing)


@numba.njit(fastmath={"contract"}, cache=True)
def exp32(z: Any) -> Any:  # pragma: no cover - compiled
    """``exp(z)`` of a float32 z in [−87, 88] (elsewhere finite and meaningless)."""
    clamped = z if z > _LOWEST else _LOWEST  # noqa: FURB136 (a select, which LLVM vectorises)
    rounded = clamped * _LOG2E + _ROUND
    k = rounded - _ROUND
    r = clamped - k * _LN2_HI
    r = r - k * _LN2_LO
    p = _TAYLOR[0]
    for coefficient in _TAYLOR[1:]:
        p = p * r + coefficient
    scale = _float_from_bits((_bits_from_float(rounded) - _bits_from_float(_ROUND) + 127) << 23)
    return p * scale


@numba.njit(fastmath={"reassoc", "contract"}, cache=True)
def _row_sum(row: Any) -> float:  # pragma: no cover - compiled
    """``Σ exp(z)`` of a float32 row in float64, terms below e⁻⁸⁷ counted as 0."""
    total = 0.0
    for j in range(row.shape[0]):
        z = row[j]
        total += np.float64(exp32(z)) if z >= _LOWEST else 0.0
    return total


@numba.njit(cache=True)
def exp_sums(logits: Any, maximum: Any, rest: Any, redo: Any) -> None:  # pragma: no cover
    """Fill ``rest`` with Σ exp(z − max z) over each row but one maximum; flag rows to redo.

    The row's terms exp(z) are summed unshifted (no rounded argument is exponentiated),
    then the maximum's own term is subtracted and the rest divided by exp(max z) in
    float64. A float64 sum of n terms is off by at most (n − 1)·2⁻⁵³ of the total, and
    terms below e⁻⁸⁷ (each under 2⁻¹²⁵) are dropped: a row is flagged unless both are below
    2⁻³⁰ of what is left, or if its maximum is not in [−87, 88] (NaN included).
    """
    classes = logits.shape[1]
    for i in range(logits.shape[0]):
        top = maximum[i]
        if not (_LOWEST <= top <= _HIGHEST):
            rest[i] = 0.0
            redo[i] = True
            continue
        total = _row_sum(logits[i])
        left = total - np.float64(exp32(top))
        redo[i] = left < (classes - 1) * 2.0**-23 * total or left < classes * 2.0**-95
        rest[i] = left / math.exp(np.float64(top))
