"""The Gaussian-fit explorer: one normal fitted to two bumps, by forward and by reverse KL.

The truth P is the mixture ``w N(mu_1, sigma_1^2) + (1 - w) N(mu_2, sigma_2^2)``, set with five
sliders. The forward fit, minimising D(P‖Q), matches the mixture's mean and variance (closed
form). The reverse fit, minimising D(Q‖P), is found numerically as the page's code does it: for
a mean, golden-section search finds the best standard deviation in `SIGMAS`; the mean is
scanned over `MUS` and refined by golden-section search within one step of the best grid
point. Every integral is a trapezoid sum on the even grid `GRID` (the page's step, on a wider
window, so that every density shown vanishes at its ends), of the non-negative integrand
``p log(p/q) - p + q`` with the logarithm of the ratio taken as a difference of log-densities.
Two identical bumps make P one normal: both fits are then P itself, at divergence zero.

The script is ``docsite/assets/explorers/gaussian_fit.js``; it reads these constants from the
HTML, and the browser tests (``tests/e2e/test_explorer_gaussian_fit.py``) import them.
"""

from __future__ import annotations

from docsite.explorers import Explorer, inline_math
from docsite.figures.style import BLUE, GREY, ORANGE, label

#: The quadrature grid: first point, last point, number of points (a step of one twentieth).
GRID = (-30.0, 30.0, 1201)
#: The bracket of the reverse fit's standard deviation.
SIGMAS = (0.1, 5.0)
#: The reverse fit's coarse grid of means: first, last, number of points.
MUS = (-5.0, 5.0, 41)
#: Golden-section search stops when its bracket is narrower than this.
TOL = 1e-7
#: The sliders: name, minimum, maximum, step, starting value (the page's example).
CONTROLS = (
    ("mu1", -4.0, 4.0, 0.1, -3.0),
    ("mu2", -4.0, 4.0, 0.1, 3.0),
    ("sigma1", 0.3, 2.0, 0.05, 1.0),
    ("sigma2", 0.3, 2.0, 0.05, 1.0),
    ("weight", 0.05, 0.95, 0.05, 0.5),
)
#: The part of the line drawn.
VIEW = (-8.0, 8.0)

_LABELS = {
    "mu1": {"en": "Mean μ<sub>1</sub> of the first bump", "zh": "第一个峰的均值 μ<sub>1</sub>"},
    "mu2": {"en": "Mean μ<sub>2</sub> of the second bump", "zh": "第二个峰的均值 μ<sub>2</sub>"},
    "sigma1": {
        "en": "Width σ<sub>1</sub> of the first bump",
        "zh": "第一个峰的宽度（标准差）σ<sub>1</sub>",
    },
    "sigma2": {
        "en": "Width σ<sub>2</sub> of the second bump",
        "zh": "第二个峰的宽度（标准差）σ<sub>2</sub>",
    },
    "weight": {"en": "Weight w of the first bump", "zh": "第一个峰的权重 w"},
}
_TEXT = {
    "how": {
        "en": "Move the bumps of the truth P; the two best single normals follow. The forward "
        "fit matches the mean and variance of P. The reverse fit is searched numerically, "
        "as in the code above: the best width for each mean by golden-section search, the "
        "mean on a coarse grid and then refined. Integrals are trapezoid sums on an even grid.",
        "zh": "移动真实分布 P 的两个峰，两个最佳单一正态分布随之改变。前向拟合与 P 的均值和方差"
        "相同；反向拟合按上文代码的方法数值搜索：对每个均值用黄金分割搜索最佳宽度，均值先在粗网格上"
        "扫描再细化。积分均为均匀网格上的梯形求和。",
    },
    "truth": {"en": "truth P: the mixture", "zh": "真实分布 P：混合分布"},
    "forward": {"en": "forward fit, min D(P‖Q)", "zh": "前向拟合，最小化 D(P‖Q)"},
    "reverse": {"en": "reverse fit, min D(Q‖P)", "zh": "反向拟合，最小化 D(Q‖P)"},
    "fit": {"en": "fit", "zh": "拟合"},
    "mean": {"en": "mean", "zh": "均值"},
    "sd": {"en": "standard deviation", "zh": "标准差"},
    "chart": {
        "en": "The mixture P and the forward and reverse fits, as densities.",
        "zh": "混合分布 P 及前向、反向拟合的概率密度。",
    },
    "nats": {"en": "Divergences in nats.", "zh": "散度以奈特为单位。"},
}
_FORWARD_KL = r"D_{\mathrm{KL}}(P \,\|\, Q)"
_REVERSE_KL = r"D_{\mathrm{KL}}(Q \,\|\, P)"
_MEAN, _SD = r"\mu", r"\sigma"


def _number(value: float) -> str:
    return repr(float(value))


def template(language: str) -> str:
    """Return the explorer's HTML in ``language``: five sliders, an empty chart, a table of fits."""

    def text(key: str) -> str:
        return label(_TEXT[key], language)

    sliders = "".join(
        f'<div class="xent-gauss-control"><label for="xent-gauss-{name}">'
        f"{label(_LABELS[name], language)}</label>"
        f'<input type="range" id="xent-gauss-{name}" data-control="{name}" '
        f'min="{_number(low)}" max="{_number(high)}" step="{_number(step)}" '
        f'value="{_number(start)}">'
        f'<output for="xent-gauss-{name}" data-quantity="{name}"></output></div>'
        for name, low, high, step, start in CONTROLS
    )
    cells = "".join(
        f'<td><output data-quantity="{{fit}}-{quantity}"></output></td>'
        for quantity in ("mean", "sd", "kl", "reverse_kl")
    )
    rows = "".join(
        f'<tr data-fit="{fit}"><th scope="row"><span class="xent-gauss-key" data-fit="{fit}">'
        f"</span>{text(fit)}</th>{cells.format(fit=fit)}</tr>"
        for fit in ("forward", "reverse")
    )
    head = "".join(
        f'<th scope="col">{heading}</th>'
        for heading in (
            text("fit"),
            f"{text('mean')} {inline_math(_MEAN)}",
            f"{text('sd')} {inline_math(_SD)}",
            inline_math(_FORWARD_KL),
            inline_math(_REVERSE_KL),
        )
    )
    grid, sigmas, mus, view = (
        " ".join(map(_number, values)) for values in (GRID, SIGMAS, MUS, VIEW)
    )
    return (
        f'<div class="xent-gauss" style="--xent-forward: {BLUE}; --xent-reverse: {ORANGE}; '
        f'--xent-truth: {GREY}" data-grid="{grid}" data-sigmas="{sigmas}" '
        f'data-mus="{mus}" data-tol="{_number(TOL)}" data-view="{view}">'
        f'<p class="xent-explorer-how">{text("how")}</p>'
        f'<div class="xent-gauss-controls">{sliders}</div>'
        f'<svg class="xent-gauss-chart" viewBox="0 0 480 240" role="img" '
        f'aria-label="{text("chart")}"></svg>'
        '<div class="xent-gauss-legend">'
        f'<span class="xent-gauss-key" data-fit="truth"></span>{text("truth")} '
        f'<span class="xent-gauss-key" data-fit="forward"></span>{text("forward")} '
        f'<span class="xent-gauss-key" data-fit="reverse"></span>{text("reverse")}</div>'
        f'<div class="xent-gauss-table"><table><thead><tr>{head}</tr></thead>'
        f"<tbody>{rows}</tbody></table></div>"
        f'<p class="xent-explorer-note">{text("nats")}</p>'
        "</div>"
    )


EXPLORER = Explorer(page="kl-divergence.md", static_figure=None, template=template)
