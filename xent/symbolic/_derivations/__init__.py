"""The derivations the site shows, by topic, and `derivations`: all of them, in teaching order.

Each is a function that builds a fresh `Derivation` that SymPy verifies: information
(`_information`), divergences (`_divergences`), the Gaussian closed forms (`_gaussian`), the
losses (`_losses`) and the textbook core (`_chains`). A new derivation is added to its topic's
module and to `_TEACHING_ORDER`.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from xent.symbolic._derivations._chains import entropy_chain_rule, renyi_shannon_limit
from xent.symbolic._derivations._divergences import gibbs_inequality, kl_decomposition
from xent.symbolic._derivations._gaussian import gaussian_differential_entropy, gaussian_kl
from xent.symbolic._derivations._information import change_of_base, self_information_additivity
from xent.symbolic._derivations._losses import (
    binary_cross_entropy_reduction,
    distillation_gradient,
    sigmoid_bce_gradient,
    sigmoid_mse_gradient,
    softmax_cross_entropy_gradient,
)

if TYPE_CHECKING:
    from collections.abc import Callable

    from xent.symbolic._derivation import Derivation


_TEACHING_ORDER: tuple[tuple[str, Callable[[], Derivation]], ...] = (
    ("self_information_additivity", self_information_additivity),
    ("change_of_base", change_of_base),
    ("gaussian_differential_entropy", gaussian_differential_entropy),
    ("kl_decomposition", kl_decomposition),
    ("kl_decomposition_continuous", functools.partial(kl_decomposition, continuous=True)),
    ("gibbs_inequality", gibbs_inequality),
    ("gaussian_kl", gaussian_kl),
    ("softmax_cross_entropy_gradient", softmax_cross_entropy_gradient),
    ("binary_cross_entropy_reduction", binary_cross_entropy_reduction),
    ("sigmoid_bce_gradient", sigmoid_bce_gradient),
    ("sigmoid_mse_gradient", sigmoid_mse_gradient),
    ("distillation_gradient", distillation_gradient),
    ("entropy_chain_rule", entropy_chain_rule),
    ("renyi_shannon_limit", renyi_shannon_limit),
)


def derivations() -> dict[str, Derivation]:
    """Every derivation, freshly built, by name in the order the site teaches them.

    Returns
    -------
    dict of str to Derivation
        A new dictionary on each call; changing it changes nothing else.

    Examples
    --------
    >>> from xent.symbolic import derivations
    >>> list(derivations())
    ['self_information_additivity', 'change_of_base', 'gaussian_differential_entropy',
     'kl_decomposition', 'kl_decomposition_continuous', 'gibbs_inequality', 'gaussian_kl',
     'softmax_cross_entropy_gradient', 'binary_cross_entropy_reduction', 'sigmoid_bce_gradient',
     'sigmoid_mse_gradient', 'distillation_gradient', 'entropy_chain_rule',
     'renyi_shannon_limit']
    >>> print(derivations()["gibbs_inequality"].title)
    Gibbs' inequality: the KL divergence is never negative
    """
    return {name: build() for name, build in _TEACHING_ORDER}
