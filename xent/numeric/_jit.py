"""numba kernels of the compiled float32 route (imported by `xent.numeric._compiled` only).

Every kernel is compiled with ``error_model="numpy"`` (a float division by zero gives ±inf or
NaN instead of raising, and has no branch, so loops that divide vectorise).

``exp32`` is a float32 ``exp`` that LLVM can vectorise (no call, no table): Cody-Waite
reduction z = k·ln 2 + r with |r| ≤ ln(2)/2, the integer k found by the round-to-nearest
of adding 1.5·2²³, 2^k made from its bit pattern, and exp(r) from its degree-7 Taylor
polynomial (truncation error below 2⁻²⁸ relative). Measured against float64 on a fine grid
of [−87, 88] it is within 1.3·2⁻²⁴ relative. It is compiled without ``reassoc``, which
would let LLVM fold ``(x + 1.5·2²³) − 1.5·2²³`` into ``x``; only the sums that call it
may be reassociated (LLVM keeps each instruction's flags when it inlines).

``log64`` and ``exp64`` are float64 ones for the kernels whose float32 results are computed in
float64 (entropy, KL, binary cross-entropy from logits and from p): within 2⁻⁴⁴ relative,
far below a float32 ulp, so those results keep the NumPy route's bound.
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


def _bit_cast(result: Any, argument: Any, llvm_type: Any) -> Any:
    """Make an intrinsic that reinterprets a value's bits as another type (numba has none)."""

    def typing(typingctx: Any, value: Any) -> Any:  # noqa: ARG001
        def codegen(context: Any, builder: Any, signature: Any, args: Any) -> Any:  # noqa: ARG001
            return builder.bitcast(args[0], llvm_type)

        return result(argument), codegen

    return intrinsic(typing)


def _prefer_wide_vectors_typing(typingctx: Any) -> Any:  # noqa: ARG001
    """Let LLVM vectorise the calling function with 512-bit vectors where the CPU has them.

    On AVX-512 CPUs LLVM prefers 256-bit vectors unless a function says otherwise; for these
    loops 512-bit ones are three times faster (measured: 4.3 ms against 12 ms for the sums of
    the 8192×1000 cross-entropy). The attribute is set on the function being compiled, so it
    changes no other numba code in the process; on other CPUs it has no effect.
    """

    def codegen(context: Any, builder: Any, signature: Any, args: Any) -> Any:  # noqa: ARG001
        # llvmlite knows no string attributes by name; the set holds them as written in the IR
        set.add(builder.function.attributes, '"prefer-vector-width"="512"')
        return context.get_dummy_value()

    return numba.types.none(), codegen


_prefer_wide_vectors: Any = intrinsic(_prefer_wide_vectors_typing)
_float_from_bits = _bit_cast(numba.types.float32, numba.types.int32, ir.FloatType())
_bits_from_float = _bit_cast(numba.types.int32, numba.types.float32, ir.IntType(32))
_double_from_bits = _bit_cast(numba.types.float64, numba.types.int64, ir.DoubleType())
_bits_from_double = _bit_cast(numba.types.int64, numba.types.float64, ir.IntType(64))


@numba.njit(fastmath={"contract"}, cache=True, error_model="numpy")
def exp32(z: Any) -> Any:  # pragma: no cover - compiled
    """``exp(z)`` of a float32 z in [−87, 88] (NaN for NaN; elsewhere meaningless)."""
    clamped = z if not z < _LOWEST else _LOWEST  # a select, which LLVM vectorises
    rounded = clamped * _LOG2E + _ROUND
    k = rounded - _ROUND
    r = clamped - k * _LN2_HI
    r = r - k * _LN2_LO
    p = _TAYLOR[0]
    for coefficient in _TAYLOR[1:]:
        p = p * r + coefficient
    scale = _float_from_bits((_bits_from_float(rounded) - _bits_from_float(_ROUND) + 127) << 23)
    return p * scale


_SIGNLESS = np.int32(0x7FFFFFFF)
_LEAST_KEY = np.int32(-(2**31))


@numba.njit(fastmath={"reassoc", "contract"}, cache=True, error_model="numpy")
def _row_maximum_and_sum(row: Any) -> Any:  # pragma: no cover - compiled
    """``max z`` and ``Σ exp(z)`` (in float64, terms below e⁻⁸⁷ as 0) of a float32 row, one pass.

    The maximum is taken on integer keys: a float32's bits as an int32, with the other bits
    flipped where the sign is set, order the floats as the floats are ordered, and an integer
    maximum vectorises where a float one that keeps NaN does not. A NaN has the largest or
    the smallest key, so the maximum may miss it; the sum does not (it is then NaN).
    """
    _prefer_wide_vectors()
    top, total = _LEAST_KEY, 0.0
    for j in range(row.shape[0]):
        z = row[j]
        bits = _bits_from_float(z)
        key = bits ^ ((bits >> 31) & _SIGNLESS)
        top = key if key > top else top  # noqa: FURB136 (a select, which LLVM vectorises)
        total += np.float64(exp32(z)) if not z < _LOWEST else 0.0
    return _float_from_bits(top ^ ((top >> 31) & _SIGNLESS)), total


@numba.njit(cache=True, error_model="numpy")
def exp_sums(logits: Any, maximum: Any, rest: Any, redo: Any) -> None:  # pragma: no cover
    """Fill ``maximum`` and ``rest`` = Σ exp(z − max z) over each row but one maximum; flag rows.

    The row's terms exp(z) are summed unshifted (no rounded argument is exponentiated),
    then the maximum's own term is subtracted and the rest divided by exp(max z) in
    float64. A float64 sum of n terms is off by at most (n − 1)·2⁻⁵³ of the total, and
    terms below e⁻⁸⁷ (each under 2⁻¹²⁵) are dropped: a row is flagged unless both are below
    2⁻³⁰ of what is left, and if its maximum is not in [−87, 88] or it holds a NaN (its
    maximum and rest are then meaningless).
    """
    classes = logits.shape[1]
    for i in range(logits.shape[0]):
        top, total = _row_maximum_and_sum(logits[i])
        maximum[i] = top
        if not (_LOWEST <= top <= _HIGHEST) or total != total:  # noqa: PLR0124 (NaN test)
            rest[i] = 0.0
            redo[i] = True
            continue
        left = total - np.float64(exp32(top))
        redo[i] = left < (classes - 1) * 2.0**-23 * total or left < classes * 2.0**-95
        rest[i] = left / math.exp(np.float64(top))


_SQRT_HALF_BITS = int(np.float64(math.sqrt(0.5)).view(np.int64))
_LN2 = math.log(2)
_LOG2E_64 = 1 / math.log(2)
_ROUND_64 = 1.5 * 2.0**52  # adding it rounds a float64 below 2⁵¹ to an integer
_LN2_HI_64 = 0.6931471803691238  # 32 bits, so k·_LN2_HI_64 is exact for |k| < 2²¹
_LN2_LO_64 = 1.9082149292705877e-10
#: exp(x) for x below this is subnormal in float64: `exp64` returns 0 there.
_LOWEST_64 = -708.0


@numba.njit(fastmath={"contract"}, cache=True, error_model="numpy")
def log64(x: Any) -> Any:  # pragma: no cover - compiled
    """``ln x`` of a positive, finite, normal float64 (elsewhere meaningless).

    x = m·2^e with m in [√½, √2), and ln m = 2·atanh(s), s = (m − 1)/(m + 1), |s| < 0.172,
    from the series 2s·(1 + s²/3 + s⁴/5 + ... + s¹⁴/15), whose truncation is below 2⁻⁴⁶.
    """
    bits = _bits_from_double(x)
    e = (bits - _SQRT_HALF_BITS) >> 52
    f = _double_from_bits(bits - (e << 52)) - 1.0  # exact: m is within a factor 2 of 1
    s = f / (2.0 + f)
    z = s * s
    p = ((((((z / 15 + 1 / 13) * z + 1 / 11) * z + 1 / 9) * z + 1 / 7) * z + 1 / 5) * z) + 1 / 3
    return np.float64(e) * _LN2 + (2.0 * s + 2.0 * s * z * p)


@numba.njit(fastmath={"contract"}, cache=True, error_model="numpy")
def exp64(x: Any) -> Any:  # pragma: no cover - compiled
    """``exp(x)`` of a float64 x ≤ 0: 0 below −708 and for −∞ (NaN: meaningless, finite).

    Cody-Waite reduction x = k·ln 2 + r, |r| ≤ ln(2)/2, and the Taylor polynomial of degree 11
    (truncation below 2⁻⁴⁶); 2^k from its bit pattern.
    """
    clamped = x if x > _LOWEST_64 else _LOWEST_64  # noqa: FURB136 (a select, which vectorises)
    rounded = clamped * _LOG2E_64 + _ROUND_64
    k = rounded - _ROUND_64
    r = (clamped - k * _LN2_HI_64) - k * _LN2_LO_64
    p = 1 / 39916800
    p = ((((p * r + 1 / 3628800) * r + 1 / 362880) * r + 1 / 40320) * r + 1 / 5040) * r
    p = ((((((p + 1 / 720) * r + 1 / 120) * r + 1 / 24) * r + 1 / 6) * r + 0.5) * r + 1) * r + 1
    scale = _double_from_bits(
        (_bits_from_double(rounded) - _bits_from_double(_ROUND_64) + 1023) << 52
    )
    return p * scale if x >= _LOWEST_64 else 0.0


@numba.njit(fastmath={"reassoc", "contract"}, cache=True, error_model="numpy")
def _entropy_row(row: Any) -> Any:  # pragma: no cover - compiled
    """``−Σ p ln p``, ``Σ p`` and the number of entries outside [0, 1] (NaN included)."""
    _prefer_wide_vectors()
    nats, total, outside = 0.0, 0.0, 0
    for j in range(row.shape[0]):
        p = np.float64(row[j])
        nats += p * log64(p) if p > 0.0 else 0.0
        total += p
        outside += not (0.0 <= p <= 1.0)
    return 0.0 - nats, total, outside


@numba.njit(cache=True, error_model="numpy")
def entropies(p: Any, nats: Any, sums: Any, outside: Any) -> None:  # pragma: no cover
    """Each row's entropy in nats (float64), its sum, and its count of entries outside [0, 1]."""
    for i in range(p.shape[0]):
        nats[i], sums[i], outside[i] = _entropy_row(p[i])


#: KL terms with |p − q| < (p + q)/64 are summed from their series (three terms after the
#: first reach 2⁻⁴⁸); the others from p ln(p/q) − p + q, which loses at most 6 of float64's
#: bits to cancellation there.
_KL_NEAR = 1 / 64


@numba.njit(fastmath={"reassoc", "contract"}, cache=True, error_model="numpy")
def _divergence_row(p: Any, q: Any) -> Any:  # pragma: no cover
    """KL's ``Σ p ln(p/q) − p + q`` with the sums and outside counts; −1 where p/q is not normal.

    A ratio p/q that overflows, underflows or is infinite (q = 0 < p) is left to the NumPy
    route: the row's divergence is returned as −1.
    """
    _prefer_wide_vectors()
    nats, total_p, total_q, outside_p, outside_q, lost = 0.0, 0.0, 0.0, 0, 0, 0
    for j in range(p.shape[0]):
        x, y = np.float64(p[j]), np.float64(q[j])
        total_p += x
        total_q += y
        outside_p += not (0.0 <= x <= 1.0)
        outside_q += not (0.0 <= y <= 1.0)
        difference = x - y
        v = difference / (x + y)
        w = v * v
        near = difference * v + 2.0 * x * v * w * (((w / 9 + 1 / 7) * w + 1 / 5) * w + 1 / 3)
        ratio = x / y
        normal = 2.2250738585072014e-308 <= ratio <= 1.7976931348623157e308
        far = x * log64(ratio if normal else 1.0) - difference
        lost += int((x > 0.0) & (not normal))
        term = near if abs(v) < _KL_NEAR else far
        nats += term if x > 0.0 else y
    return (-1.0 if lost else nats), total_p, total_q, outside_p, outside_q


@numba.njit(cache=True, error_model="numpy")
def divergences(
    p: Any, q: Any, nats: Any, sums: Any, outside: Any
) -> None:  # pragma: no cover - compiled
    """Each row's KL(P‖Q) in nats (−1: redo it), its sums (2, rows) and outside counts."""
    for i in range(p.shape[0]):
        nats[i], sums[0, i], sums[1, i], outside[0, i], outside[1, i] = _divergence_row(p[i], q[i])


@numba.njit(fastmath={"contract"}, cache=True, error_model="numpy")
def _log1p_unit(u: Any) -> Any:  # pragma: no cover - compiled
    """``ln(1 + u)`` for u in (−1, 1]: the rounding of 1 + u restored (see `log1p_unit`)."""
    rounded = 1.0 + u
    return log64(rounded) + (u - (rounded - 1.0)) / rounded


@numba.njit(
    fastmath={"contract"}, cache=True, error_model="numpy"
)  # no reassoc: (|z| + t) − |z| would lose t
def binary_logit_losses(y: Any, z: Any, log_base: float, out: Any) -> Any:  # pragma: no cover
    """``y·softplus(−z) + (1 − y)·softplus(z)``, divided by ``log_base``, into ``out``.

    Returns False if some z is not finite (``out`` is then meaningless).

    softplus(±z) = max(±z, 0) + ln(1 + e^(−|z|)), and max(−z, 0) = max(z, 0) − z exactly.
    """
    _prefer_wide_vectors()
    finite = 0
    for i in range(z.shape[0]):
        logit, target = np.float64(z[i]), np.float64(y[i])
        finite += int(abs(logit) <= 1.7976931348623157e308)
        tail = _log1p_unit(exp64(-abs(logit)))
        above = logit if logit > 0.0 else 0.0  # noqa: FURB136 (a select, which vectorises)
        loss = target * (above - logit + tail) + (1.0 - target) * (above + tail)
        out[i] = loss / log_base
    return finite == z.shape[0]


@numba.njit(fastmath={"contract"}, cache=True, error_model="numpy")
def binary_probability_losses(y: Any, p: Any, log_base: float, out: Any) -> Any:  # pragma: no cover
    """``−y·ln p − (1 − y)·ln(1 − p)``, divided by ``log_base``, into ``out``.

    Returns False unless every p is in (0, 1) (``out`` is then meaningless).
    """
    _prefer_wide_vectors()
    inside = 0
    for i in range(p.shape[0]):
        x, target = np.float64(p[i]), np.float64(y[i])
        inside += int(0.0 < x < 1.0)
        hit = log64(x if x > 0.0 else 1.0)
        miss = _log1p_unit(-x if x < 1.0 else 0.0)
        out[i] = (0.0 - (target * hit + (1.0 - target) * miss)) / log_base
    return inside == p.shape[0]
