"""Formulas of the pages on information content and on classification losses."""

from __future__ import annotations

from docsite.formulas.kinds import Formula, derived
from xent import symbolic

FORMULAS: list[Formula] = [
    derived("self_information_additivity", symbolic.self_information_additivity),
    derived("change_of_base", symbolic.change_of_base),
    derived("binary_cross_entropy_reduction", symbolic.binary_cross_entropy_reduction),
    derived("softmax_cross_entropy_gradient", symbolic.softmax_cross_entropy_gradient),
    derived("sigmoid_bce_gradient", symbolic.sigmoid_bce_gradient),
    derived("sigmoid_mse_gradient", symbolic.sigmoid_mse_gradient),
]
