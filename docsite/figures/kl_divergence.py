"""Figures of the page on KL divergence (docs/kl-divergence.md)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np
import numpy.typing as npt
from matplotlib.colors import BoundaryNorm

import xent
from docsite.figures.style import BLUE, GREY, ORANGE, RED, TEAL, label

if TYPE_CHECKING:
    from collections.abc import Callable

    from matplotlib.axes import Axes

_Array = npt.NDArray[np.float64]
_BITS = {"en": "bits", "zh": "比特"}
_NATS = {"en": "nats", "zh": "奈特"}


def coin_kl_maps(axes: Axes, language: str) -> None:
    """Draw D(p‖q) and D(q‖p) for two coins, side by side, in bits."""
    figure: Any = axes.get_figure()
    spec: Any = axes.get_subplotspec()
    cells = spec.subgridspec(1, 2)
    axes.remove()
    grid = np.linspace(0.005, 0.995, 199)
    p, q = np.meshgrid(grid, grid, indexing="xy")  # p along x, q along y
    forward = xent.kl_divergence(
        np.stack([p, 1 - p], axis=-1), np.stack([q, 1 - q], axis=-1), base="bits"
    )
    levels = [0, 0.05, 0.1, 0.2, 0.5, 1, 2, 4, 8]
    titles = (
        label({"en": "D(p‖q): truth p, model q", "zh": "D(p‖q)：真实 p，模型 q"}, language),
        label({"en": "D(q‖p): the roles swapped", "zh": "D(q‖p)：角色互换"}, language),
    )
    filled: Any = None
    for cell, values, title in zip(cells, (forward, forward.T), titles, strict=True):
        panel = figure.add_subplot(cell)
        # One embedded image rather than thousands of contour paths: a light page.
        filled = panel.imshow(
            values,
            origin="lower",
            extent=(grid[0], grid[-1], grid[0], grid[-1]),
            cmap="viridis",
            norm=BoundaryNorm(levels, ncolors=256),  # no value reaches the top level
            interpolation="nearest",
        )
        panel.plot([0, 1], [0, 1], color=RED, linewidth=1, linestyle="--")
        panel.plot([0.5], [0.25], "o", color=RED)
        panel.set_title(title, fontsize=10)
        panel.set_aspect("equal")
        panel.set_xlabel(label({"en": "p", "zh": "p"}, language))
        panel.set_ylabel(label({"en": "q", "zh": "q"}, language))
        panel.grid(visible=False)
    bar = figure.colorbar(filled, ax=figure.axes, shrink=0.9)
    bar.solids.set_rasterized(True)  # the colour scale is part of the image, like the maps
    bar.set_label(label(_BITS, language))


def triangle_bars(axes: Axes, language: str) -> None:
    """Draw D(P‖Q) beside D(P‖U) + D(U‖Q): the detour through U is shorter."""
    p, u, q = [0.2, 0.8], [0.5, 0.5], [0.8, 0.2]
    direct = xent.kl_divergence(p, q)
    first, second = xent.kl_divergence(p, u), xent.kl_divergence(u, q)
    axes.bar([0], [direct], 0.5, color=BLUE, label="D(P‖Q)")
    axes.bar([1], [first], 0.5, color=TEAL, label="D(P‖U)")
    axes.bar([1], [second], 0.5, bottom=[first], color=ORANGE, label="D(U‖Q)")
    axes.set_xticks(
        [0, 1],
        [
            label({"en": "straight from P to Q", "zh": "从 P 直接到 Q"}, language),
            label({"en": "via the fair coin U", "zh": "经由均匀硬币 U"}, language),
        ],
    )
    axes.set_xlim(-0.6, 1.6)
    axes.set_ylabel(label(_NATS, language))
    axes.legend(loc="upper right")
    axes.grid(axis="x", visible=False)


_X = np.linspace(-15, 15, 3001)
_DX = _X[1] - _X[0]
_GOLDEN = (np.sqrt(5) - 1) / 2


def _log_normal(mu: float, sigma: float) -> _Array:
    values: _Array = -0.5 * ((_X - mu) / sigma) ** 2 - np.log(sigma * np.sqrt(2 * np.pi))
    return values


def _log_mixture(a: float) -> _Array:
    both = np.stack([_log_normal(-a, 1), _log_normal(a, 1)])
    values: _Array = np.asarray(xent.logsumexp(both, axis=0)) - np.log(2)
    return values


def _kl(log_p: _Array, log_q: _Array) -> float:
    y = np.exp(log_p) * (log_p - log_q)
    return float(np.sum(y[1:] + y[:-1]) * _DX / 2)


def _golden_min(f: Callable[[float], float], a: float, b: float) -> float:
    c, d = b - _GOLDEN * (b - a), a + _GOLDEN * (b - a)
    fc, fd = f(c), f(d)
    while b - a > 1e-7:
        if fc < fd:
            b, d, fd = d, c, fc
            c = b - _GOLDEN * (b - a)
            fc = f(c)
        else:
            a, c, fc = c, d, fd
            d = a + _GOLDEN * (b - a)
            fd = f(d)
    return (a + b) / 2


def _reverse_sigma(log_p: _Array, mu: float) -> float:
    return _golden_min(lambda s: _kl(_log_normal(mu, s), log_p), 0.1, 5)


def gaussian_fits(axes: Axes, language: str) -> None:
    """Draw the two-bump mixture with its forward-KL fit and its reverse-KL fits."""
    log_p = _log_mixture(3)
    show = np.abs(_X) <= 8
    x = _X[show]
    axes.fill_between(
        x,
        np.exp(log_p)[show],
        color=GREY,
        alpha=0.45,
        linewidth=0,
        label=label({"en": "truth P: two bumps", "zh": "真实分布 P：两个峰"}, language),
    )
    forward_sigma = np.sqrt(np.sum(np.exp(log_p) * _X**2) * _DX)
    axes.plot(
        x,
        np.exp(_log_normal(0, forward_sigma))[show],
        color=BLUE,
        label=label({"en": "forward fit, min D(P‖Q)", "zh": "前向拟合，最小化 D(P‖Q)"}, language),
    )
    mu = _golden_min(lambda m: _kl(_log_normal(m, _reverse_sigma(log_p, m)), log_p), 1.5, 5)
    axes.plot(
        x,
        np.exp(_log_normal(mu, _reverse_sigma(log_p, mu)))[show],
        color=ORANGE,
        label=label({"en": "reverse fit, min D(Q‖P)", "zh": "反向拟合，最小化 D(Q‖P)"}, language),
    )
    axes.plot(
        x,
        np.exp(_log_normal(-mu, _reverse_sigma(log_p, mu)))[show],
        color=ORANGE,
        linestyle=":",
        label=label({"en": "its mirror image", "zh": "它的镜像"}, language),
    )
    axes.plot(
        x,
        np.exp(_log_normal(0, _reverse_sigma(log_p, 0)))[show],
        color=TEAL,
        linestyle="--",
        label=label(
            {"en": "reverse, centred local optimum", "zh": "反向，居中的局部最优"}, language
        ),
    )
    axes.set(xlim=(-8, 8), ylim=(0, 0.6))
    axes.set_xlabel("x")
    axes.set_ylabel(label({"en": "density", "zh": "概率密度"}, language))
    axes.legend(loc="upper center", ncols=2, fontsize=8)


#: The truth and the model the divergence explorer starts with (the page's example).
EXPLORER_P = (0.5, 0.3, 0.2)
EXPLORER_Q = (0.7, 0.2, 0.1)


def p_and_q_bars(axes: Axes, language: str) -> None:
    """Draw P and Q side by side, with H(P), H(P, Q) and D(P‖Q) in nats: the explorer's start."""
    p, q = np.array(EXPLORER_P), np.array(EXPLORER_Q)
    outcomes = np.arange(len(p))
    truth = label({"en": "P (truth)", "zh": "P（真实分布）"}, language)
    model = label({"en": "Q (model)", "zh": "Q（模型）"}, language)
    axes.bar(outcomes - 0.2, p, width=0.4, color=BLUE, label=truth)
    axes.bar(outcomes + 0.2, q, width=0.4, color=ORANGE, label=model)
    entropy, cross = xent.entropy(p), xent.cross_entropy(p, q)
    divergence = xent.kl_divergence(p, q)
    words = {"en": "nats", "zh": "奈特"}
    axes.set_title(
        f"H(P, Q) = {cross:.4f} = H(P) + D(P‖Q) = {entropy:.4f} + {divergence:.4f} "
        + label(words, language)
    )
    axes.set_xticks(outcomes, [str(k + 1) for k in outcomes])
    axes.set(ylim=(0, 1))
    axes.set_xlabel(label({"en": "outcome", "zh": "结果"}, language))
    axes.set_ylabel(label({"en": "probability", "zh": "概率"}, language))
    axes.legend(loc="upper right")


FIGURES: dict[str, Callable[[Axes, str], None]] = {
    "p_and_q_bars": p_and_q_bars,
    "coin_kl_maps": coin_kl_maps,
    "triangle_bars": triangle_bars,
    "gaussian_fits": gaussian_fits,
}
