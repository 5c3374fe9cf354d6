"""xent: entropy, cross-entropy and KL divergence, computed exactly and derived step by step.

``import xent`` gives the numeric functions (NumPy only). The symbolic derivations live in
``xent.symbolic``, which loads SymPy when it is imported.
"""

from xent.numeric import (
    ACCURACY_ULPS,
    binary_cross_entropy,
    binary_entropy,
    cross_entropy,
    entropy,
    js_divergence,
    kl_divergence,
    log_softmax,
    logsumexp,
    perplexity,
    self_information,
    softmax,
    softmax_cross_entropy,
)

__version__ = "0.1.0"

__all__ = [
    "ACCURACY_ULPS",
    "__version__",
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
