"""Numerical evaluation of information measures and losses, exact at the edges.

Every function takes ``base`` ("nats", "bits", "bans"/"hartleys", or a number), follows the
convention 0 · log 0 = 0, returns +inf rather than a clipped number where a model rules out
what happens, propagates NaN, never normalises silently, and raises a ValueError or TypeError
naming the argument for bad input. Scalar results are plain Python floats.
"""

from xent._binary import binary_cross_entropy
from xent._categorical import softmax_cross_entropy
from xent._cross_entropy import cross_entropy, perplexity
from xent._divergence import js_divergence, kl_divergence
from xent._entropy import binary_entropy, entropy, self_information
from xent._softmax import log_softmax, logsumexp, softmax

__all__ = [
    "binary_cross_entropy",
    "binary_entropy",
    "cross_entropy",
    "entropy",
    "js_divergence",
    "kl_divergence",
    "log_softmax",
    "logsumexp",
    "perplexity",
    "self_information",
    "softmax",
    "softmax_cross_entropy",
]
