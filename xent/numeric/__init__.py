"""Numerical evaluation of information measures and losses, exact at the edges.

Every function takes ``base`` ("nats", "bits", "bans"/"hartleys", or a number), follows the
convention 0 · log 0 = 0, returns +inf rather than a clipped number where a model rules out
what happens, propagates NaN, never normalises silently, and raises a ValueError or TypeError
naming the argument for bad input. Scalar results are plain Python floats.

dtype. The result has the dtype of the floating-point arrays among the inputs (NumPy arrays
and scalars; float16, float32 and float64 are promoted together as NumPy does): Python
numbers and lists, and integer or boolean arrays, do not count, so ``pos_weight=2.0`` or a
list of targets leaves a float32 loss float32; with none it is float64. Every result is
computed in float64 and rounded once to that dtype; a scalar result is the Python float of
that rounded value, so it equals the matching entry of a batch result bit for bit. A value
beyond the dtype's range is ±inf, silently. ``np.longdouble`` inputs are refused (TypeError:
convert them to float64), as are masked arrays (use ``.filled()`` or ``.compressed()``).
Arrays of Python ``int`` (any size), ``fractions.Fraction`` and ``decimal.Decimal`` are
converted to float64, each element rounded once.

Floating-point events. Each function runs under its own ``np.errstate``, so a valid call
gives the same values under ``np.errstate(all="raise")``: underflow and division by zero
(``log 0 = -inf``) are part of the computation and ignored; a result that is truly beyond
float64 (a sum of losses near 1e308, the perplexity of a huge entropy) is +inf without a
warning, and one that is finite (the mean of two losses of 1e308) is computed finite.

Accuracy. `ACCURACY_ULPS` gives, per function (and kind of input) and result dtype, the
worst relative error in ulp that the tests hold it to against mpmath on hostile inputs.
"""

from xent.numeric._accuracy import ACCURACY_ULPS
from xent.numeric._binary import binary_cross_entropy
from xent.numeric._calibration import calibration_bins, expected_calibration_error, fit_temperature
from xent.numeric._categorical import softmax_cross_entropy
from xent.numeric._compiled import single_precision_route
from xent.numeric._cross_entropy import cross_entropy, perplexity
from xent.numeric._distillation import distillation_loss
from xent.numeric._divergence import js_divergence, kl_divergence
from xent.numeric._entropy import binary_entropy, entropy, self_information
from xent.numeric._joint import conditional_entropy, mutual_information
from xent.numeric._renyi import renyi_entropy
from xent.numeric._scoring import brier_score, focal_loss, spherical_score
from xent.numeric._softmax import log_softmax, logsumexp, softmax

__all__ = [
    "ACCURACY_ULPS",
    "binary_cross_entropy",
    "binary_entropy",
    "brier_score",
    "calibration_bins",
    "conditional_entropy",
    "cross_entropy",
    "distillation_loss",
    "entropy",
    "expected_calibration_error",
    "fit_temperature",
    "focal_loss",
    "js_divergence",
    "kl_divergence",
    "log_softmax",
    "logsumexp",
    "mutual_information",
    "perplexity",
    "renyi_entropy",
    "self_information",
    "single_precision_route",
    "softmax",
    "softmax_cross_entropy",
    "spherical_score",
]
