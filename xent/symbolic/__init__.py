"""The symbolic side of xent: exact information quantities and derivations that SymPy checks.

Importing this package loads SymPy (``import xent`` alone does not). Every public name is
here; the modules behind it are private and layered, each importing only from those above
it in this list (a test checks it):

- ``_errors``: `DerivationError`.
- ``_notation``: the named quantities (`Entropy`, `KLDivergence`, `Sigmoid`, ...), SymPy
  functions that never evaluate and print as the site writes them.
- ``_printing``: `to_latex` and `to_text`, the textbook printers.
- ``_checks``: whether one expression follows from another (SymPy's part of a proof).
- ``_lemma``: `Lemma` and `AppliedLemma`, the pointwise inequalities behind inequality steps.
- ``_derivation``: `Derivation` and `Step`.
- ``_quantities``: exact counterparts of the numeric functions (`entropy`, `cross_entropy`,
  `kl_divergence`, ...), which take SymPy numbers or symbols, so that exact points can be
  substituted and compared with `xent.numeric`.
- ``_derivations``: the site's derivations by topic (`kl_decomposition`, `gaussian_kl`, ...),
  each returning a fresh `Derivation`; `derivations` returns them all, by name, in the order
  the site teaches them.

Examples
--------
>>> import sympy
>>> from xent.symbolic import cross_entropy, entropy, kl_decomposition, kl_divergence
>>> P = [sympy.Rational(1, 2), sympy.Rational(1, 4), sympy.Rational(1, 4)]
>>> Q = [sympy.Rational(1, 4), sympy.Rational(1, 4), sympy.Rational(1, 2)]
>>> kl_divergence(P, Q, base="bits")
1/4
>>> cross_entropy(P, Q, base="bits") - entropy(P, base="bits")
1/4
>>> kl_decomposition().verify()
True
"""

from xent.symbolic._derivation import Derivation, Step
from xent.symbolic._derivations import derivations
from xent.symbolic._derivations._chains import entropy_chain_rule, renyi_shannon_limit
from xent.symbolic._derivations._divergences import (
    LOG_BELOW_TANGENT,
    gibbs_inequality,
    kl_decomposition,
)
from xent.symbolic._derivations._gaussian import gaussian_differential_entropy, gaussian_kl
from xent.symbolic._derivations._information import change_of_base, self_information_additivity
from xent.symbolic._derivations._losses import (
    binary_cross_entropy_reduction,
    distillation_gradient,
    sigmoid_bce_gradient,
    sigmoid_mse_gradient,
    softmax_cross_entropy_gradient,
)
from xent.symbolic._errors import DerivationError
from xent.symbolic._lemma import AppliedLemma, Lemma
from xent.symbolic._notation import (
    CrossEntropy,
    DifferentialEntropy,
    Entropy,
    EntropyGiven,
    JointEntropy,
    KLDivergence,
    Logarithm,
    MutualInformation,
    Normal,
    RenyiEntropy,
    SelfInformation,
    Sigmoid,
    Softmax,
    SumOverXY,
)
from xent.symbolic._printing import to_latex, to_text
from xent.symbolic._quantities import (
    binary_cross_entropy,
    binary_entropy,
    cross_entropy,
    entropy,
    kl_divergence,
    self_information,
    softmax,
    softmax_cross_entropy,
)

__all__ = [
    "LOG_BELOW_TANGENT",
    "AppliedLemma",
    "CrossEntropy",
    "Derivation",
    "DerivationError",
    "DifferentialEntropy",
    "Entropy",
    "EntropyGiven",
    "JointEntropy",
    "KLDivergence",
    "Lemma",
    "Logarithm",
    "MutualInformation",
    "Normal",
    "RenyiEntropy",
    "SelfInformation",
    "Sigmoid",
    "Softmax",
    "Step",
    "SumOverXY",
    "binary_cross_entropy",
    "binary_cross_entropy_reduction",
    "binary_entropy",
    "change_of_base",
    "cross_entropy",
    "derivations",
    "distillation_gradient",
    "entropy",
    "entropy_chain_rule",
    "gaussian_differential_entropy",
    "gaussian_kl",
    "gibbs_inequality",
    "kl_decomposition",
    "kl_divergence",
    "renyi_shannon_limit",
    "self_information",
    "self_information_additivity",
    "sigmoid_bce_gradient",
    "sigmoid_mse_gradient",
    "softmax",
    "softmax_cross_entropy",
    "softmax_cross_entropy_gradient",
    "to_latex",
    "to_text",
]
