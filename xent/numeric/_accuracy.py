"""The accuracy each function is held to: its worst relative error, in ulp, on hostile inputs.

The key "float32 (compiled)" is the bound of a float32 result on the compiled route (numba
installed, see `xent.single_precision_route`), where it differs from the NumPy route's: that
route sums float32 exponentials (each within 1.3·2⁻²⁴ of exact) in float64 instead of
widening first.

An ulp is a unit in the last place of the exact result rounded to the result's dtype (float32
results in float32 ulp). tests/numeric/test_accuracy_bounds.py checks every function against
mpmath within the bound stated here, on hostile inputs (logits hundreds or millions apart, one
dominant logit, a thousand classes, probabilities near 0 and 1, nearly equal distributions, q
near 0, twenty thousand classes); benchmarks/accuracy.py searches wider and prints the worst
error it finds beside these bounds. float32 results are computed in float64 and rounded once.

Two quantities are ill-conditioned, so their bound is not a flat number of ulp of the result:

- ``logsumexp`` is ``max z + L`` with ``L = log Σ exp(z − max z) ≥ 0``; where max z < 0 the two
  cancel, and the result (near 0 when max z ≈ −L) is only as good as L's absolute accuracy.
  The entry "logsumexp (cancelling)" bounds the error in ulp of L instead of the result.
- ``perplexity`` is ``exp(H)``: exp turns an absolute error δ of H into a relative error δ,
  and H in float64 carries an absolute error of about an ulp of H. Its float64 bound is
  `PERPLEXITY_ULPS_PER_NAT` · (1 + H) ulp; the entry in `ACCURACY_ULPS` is that bound for
  H ≤ 10 nats (a perplexity up to e¹⁰ ≈ 22026: twenty thousand equally likely classes).
"""

from __future__ import annotations

#: Worst relative error, in ulp of the result's dtype, per function and result dtype.
ACCURACY_ULPS: dict[str, dict[str, float]] = {
    "softmax": {"float64": 4, "float32": 1},
    "log_softmax": {"float64": 4, "float32": 1},
    "logsumexp": {"float64": 4, "float32": 1, "float32 (compiled)": 2},
    "logsumexp (cancelling)": {"float64": 4, "float32": 1, "float32 (compiled)": 2},
    "softmax_cross_entropy": {"float64": 4, "float32": 1, "float32 (compiled)": 2},
    "softmax_cross_entropy (label_smoothing)": {"float64": 4, "float32": 1},
    "softmax_cross_entropy (probabilities)": {"float64": 4, "float32": 1},
    "entropy": {"float64": 4, "float32": 1},
    "cross_entropy": {"float64": 4, "float32": 1},
    "kl_divergence": {"float64": 4, "float32": 1},
    "js_divergence": {"float64": 4, "float32": 1},
    "perplexity": {"float64": 33, "float32": 1},
    "binary_cross_entropy (logits)": {"float64": 4, "float32": 1},
    "binary_cross_entropy (probabilities)": {"float64": 4, "float32": 1},
    "binary_entropy": {"float64": 4, "float32": 1},
    "self_information": {"float64": 4, "float32": 1},
    "renyi_entropy": {"float64": 4, "float32": 1},
    "conditional_entropy": {"float64": 4, "float32": 1},
    "mutual_information": {"float64": 4, "float32": 1},
    "brier_score": {"float64": 4, "float32": 1},
    "spherical_score": {"float64": 4, "float32": 1},
    "focal_loss": {"float64": 4, "float32": 1},
    "focal_loss (probabilities)": {"float64": 4, "float32": 1},
    "calibration_bins": {"float64": 2, "float32": 1},
    "expected_calibration_error": {"float64": 2, "float32": 1},
    "fit_temperature": {"float64": 4, "float32": 1},
    "distillation_loss": {"float64": 4, "float32": 1},
}

#: The float64 perplexity exp(H) is within this many ulp per nat of 1 + H (H in nats).
PERPLEXITY_ULPS_PER_NAT = 3
