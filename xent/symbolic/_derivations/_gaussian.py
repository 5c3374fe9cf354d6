"""The Gaussian derivations: differential entropy and the KL divergence, by integration."""

from __future__ import annotations

from typing import Any

import sympy  # type: ignore[import-untyped]

from xent.symbolic._derivation import Derivation, Step
from xent.symbolic._derivations._divergences import REAL_LINE, X
from xent.symbolic._notation import DifferentialEntropy, KLDivergence, Normal


def _normal_density(mean: Any, std: Any) -> Any:
    """Return the density of N(mean, std²) as a function of x, for `Derivation.definitions`."""
    return sympy.Lambda(
        X, sympy.exp(-((X - mean) ** 2) / (2 * std**2)) / sympy.sqrt(2 * sympy.pi * std**2)
    )


def gaussian_differential_entropy() -> Derivation:
    """Derive the differential entropy of a Gaussian, h(N(μ, σ²)) = ½ log(2πeσ²), by integration.

    Returns
    -------
    Derivation
        Its result is h(N(μ, σ²)) = ½ log(2πeσ²).

    Examples
    --------
    >>> import sympy
    >>> from xent.symbolic import gaussian_differential_entropy, to_text
    >>> d = gaussian_differential_entropy()
    >>> d.verify()
    True
    >>> print(to_text(d.result))
    h(N(μ, σ²)) = 1/2·log(2·π·e·σ²)
    >>> sigma = sympy.Symbol("sigma", positive=True)
    >>> print(sympy.N(d.result.rhs.subs(sigma, 1), 6))
    1.41894
    """
    mu, sigma = sympy.Symbol("mu", real=True), sympy.Symbol("sigma", positive=True)
    p = sympy.Function("p", positive=True)
    entropy = DifferentialEntropy(Normal(mu, sigma**2))
    half_log = sympy.log(2 * sympy.pi * sigma**2) / 2
    return Derivation(
        "The differential entropy of a Gaussian",
        entropy,
        [
            Step(
                -sympy.Integral(p(X) * sympy.log(p(X)), REAL_LINE),
                "definition of differential entropy",
            ),
            Step(
                sympy.Integral(p(X) * (half_log + (X - mu) ** 2 / (2 * sigma**2)), REAL_LINE),
                "−log p(x) = log(2πσ²)/2 + (x − μ)²/(2σ²)",
            ),
            Step(
                half_log * sympy.Integral(p(X), REAL_LINE)
                + sympy.Integral((X - mu) ** 2 * p(X), REAL_LINE) / (2 * sigma**2),
                "linearity of the integral",
            ),
            Step(
                half_log + sympy.S.Half, "∫ p(x) dx = 1, ∫ (x − μ)² p(x) dx = σ² (by integration)"
            ),
            Step(sympy.log(2 * sympy.pi * sympy.E * sigma**2) / 2, "1 = log e, log of a product"),
        ],
        definitions={
            entropy: -sympy.Integral(p(X) * sympy.log(p(X)), REAL_LINE),
            p: _normal_density(mu, sigma),
        },
    )


def gaussian_kl() -> Derivation:
    """Derive the KL divergence between two Gaussians in closed form, by integration.

    D_KL(N(μ₁, σ₁²)‖N(μ₂, σ₂²)) = ln(σ₂/σ₁) + (σ₁² + (μ₁ − μ₂)²)/(2σ₂²) − ½.

    Returns
    -------
    Derivation
        Its result is that identity.

    Examples
    --------
    >>> from xent.symbolic import gaussian_kl, to_text
    >>> d = gaussian_kl()
    >>> d.verify()
    True
    >>> print(to_text(d.result.rhs))
    log(σ₂/σ₁) + (σ₁² + (μ₁ - μ₂)²)/(2·σ₂²) - 1/2
    >>> values = {"mu_1": 0, "sigma_1": 1, "mu_2": 1, "sigma_2": 1}
    >>> d.result.rhs.subs({s: values[s.name] for s in d.result.rhs.free_symbols})
    1/2
    """
    mu_1, mu_2 = sympy.symbols("mu_1 mu_2", real=True)
    sigma_1, sigma_2 = sympy.symbols("sigma_1 sigma_2", positive=True)
    p_1, p_2 = sympy.Function("p_1", positive=True), sympy.Function("p_2", positive=True)
    kl = KLDivergence(Normal(mu_1, sigma_1**2), Normal(mu_2, sigma_2**2))
    log_ratio = sympy.log(sigma_2 / sigma_1)
    spread_1, spread_2 = (X - mu_1) ** 2, (X - mu_2) ** 2
    return Derivation(
        "The KL divergence between two Gaussians",
        kl,
        [
            Step(
                sympy.Integral(p_1(X) * sympy.log(p_1(X) / p_2(X)), REAL_LINE),
                "definition of the KL divergence",
            ),
            Step(
                sympy.Integral(
                    p_1(X)
                    * (log_ratio - spread_1 / (2 * sigma_1**2) + spread_2 / (2 * sigma_2**2)),
                    REAL_LINE,
                ),
                "log of the ratio of the two densities",
            ),
            Step(
                log_ratio * sympy.Integral(p_1(X), REAL_LINE)
                - sympy.Integral(spread_1 * p_1(X), REAL_LINE) / (2 * sigma_1**2)
                + sympy.Integral(spread_2 * p_1(X), REAL_LINE) / (2 * sigma_2**2),
                "linearity of the integral",
            ),
            Step(
                log_ratio + (sigma_1**2 + (mu_1 - mu_2) ** 2) / (2 * sigma_2**2) - sympy.S.Half,
                "∫ p₁ = 1, ∫ (x − μ₁)² p₁ = σ₁², ∫ (x − μ₂)² p₁ = σ₁² + (μ₁ − μ₂)²",
            ),
        ],
        definitions={
            kl: sympy.Integral(p_1(X) * sympy.log(p_1(X) / p_2(X)), REAL_LINE),
            p_1: _normal_density(mu_1, sigma_1),
            p_2: _normal_density(mu_2, sigma_2),
        },
    )
