"""The divergence explorer: move the bars of P and Q, watch H(P, Q) split into H(P) + D(P‖Q).

Two distributions over two to six outcomes, each probability on a slider (and a draggable
bar). Moving one probability rescales the others of the same distribution in proportion, so
that each distribution still sums to one; if the others are all zero they share what is left
equally. The script (``docsite/assets/explorers/divergence.js``) computes H(P), H(P, Q),
D(P‖Q) and D(Q‖P) as `xent` does: the entropies as sums of ``p log p`` terms, the divergences
as sums of the non-negative terms ``p log(p/q) − p + q`` (a series where p and q are close),
so P = Q gives exactly zero and Q = 0 where P is not gives ∞.
"""

from __future__ import annotations

from docsite.explorers import Explorer, display_math, inline_math
from docsite.figures.kl_divergence import EXPLORER_P, EXPLORER_Q
from docsite.figures.style import BLUE, ORANGE, label

#: The fewest and the most outcomes; the explorer starts with the page's example.
MIN_OUTCOMES, MAX_OUTCOMES = 2, 6
START_P, START_Q = EXPLORER_P, EXPLORER_Q
#: The resolution of a slider (and of a dragged bar).
STEP = 0.01

_TEXT = {
    "how": {
        "en": "Drag a bar or move a slider. Changing one probability rescales the others of "
        "the same distribution in proportion, so that each still sums to one.",
        "zh": "拖动柱子或移动滑块。改变一个概率时，同一分布的其余概率按比例缩放，"
        "使每个分布的总和仍为一。",
    },
    "outcomes": {"en": "Outcomes", "zh": "结果数"},
    "fewer": {"en": "Remove an outcome", "zh": "减少一个结果"},
    "more": {"en": "Add an outcome", "zh": "增加一个结果"},
    "unit": {"en": "Unit", "zh": "单位"},
    "nats": {"en": "nats", "zh": "奈特"},
    "bits": {"en": "bits", "zh": "比特"},
    "copy": {"en": "Set Q to P", "zh": "令 Q 等于 P"},
    "swap": {"en": "Swap P and Q", "zh": "交换 P 与 Q"},
    "outcome": {"en": "Outcome", "zh": "结果"},
    "truth": {"en": "truth", "zh": "真实分布"},
    "model": {"en": "model", "zh": "模型"},
    "chart": {
        "en": "Bars of P and Q for each outcome; drag a bar to change it.",
        "zh": "每个结果的 P 与 Q 柱形；拖动柱子即可改变概率。",
    },
    "numbers": {"en": "In numbers:", "zh": "代入数值："},
    "infinite": {
        "en": "Where Q is zero and P is not, H(P, Q) and D(P‖Q) are infinite.",
        "zh": "若某结果 Q 为零而 P 不为零，H(P, Q) 与 D(P‖Q) 为无穷大。",
    },
}

_QUANTITIES = (
    ("entropy", "H(P)"),
    ("cross_entropy", "H(P, Q)"),
    ("kl", r"D_{\mathrm{KL}}(P \,\|\, Q)"),
    ("reverse_kl", r"D_{\mathrm{KL}}(Q \,\|\, P)"),
)
#: A registered formula (``docsite/formulas``): the decomposition shown in numbers below it.
_IDENTITY = r"H(P, Q) = H(P) + D_{\mathrm{KL}}(P \,\|\, Q)"


def _slider(distribution: str, index: int, name: str) -> str:
    slider = f"xent-divergence-{distribution}-{index}"
    letter = distribution.upper()
    return (
        f'<label for="{slider}" class="xent-div-name">{letter}<sub>{index + 1}</sub></label>'
        f'<input type="range" id="{slider}" data-dist="{distribution}" data-index="{index}" '
        f'min="0" max="1" step="{STEP}" value="0" aria-label="{letter}, {name} {index + 1}">'
        f'<output for="{slider}" data-dist="{distribution}" data-index="{index}"></output>'
    )


def template(language: str) -> str:
    """Return the explorer's HTML in ``language``: controls, an empty chart, output slots."""

    def text(key: str) -> str:
        return label(_TEXT[key], language)

    rows = "".join(
        f'<div class="xent-div-row" data-index="{i}"'
        f"{' hidden' if i >= len(START_P) else ''}>"
        f'<span class="xent-div-outcome">{i + 1}</span>'
        f"{_slider('p', i, text('outcome'))}{_slider('q', i, text('outcome'))}</div>"
        for i in range(MAX_OUTCOMES)
    )
    values = "".join(
        f'<div class="xent-div-value"><span>{inline_math(tex)}</span>'
        f'<output data-quantity="{key}"></output> <span class="xent-div-unit"></span></div>'
        for key, tex in _QUANTITIES
    )
    unit = "".join(
        f'<label><input type="radio" name="xent-divergence-unit" value="{value}"'
        f"{' checked' if value == 'nats' else ''}> {text(value)}</label>"
        for value in ("nats", "bits")
    )
    start = " ".join(map(str, START_P)), " ".join(map(str, START_Q))
    return (
        f'<div class="xent-div" style="--xent-p: {BLUE}; --xent-q: {ORANGE}" '
        f'data-p="{start[0]}" data-q="{start[1]}" data-min="{MIN_OUTCOMES}" '
        f'data-max="{MAX_OUTCOMES}" data-step="{STEP}" data-nats="{text("nats")}" '
        f'data-bits="{text("bits")}">'
        f'<p class="xent-explorer-how">{text("how")}</p>'
        '<div class="xent-div-toolbar">'
        f'<span class="xent-div-count">{text("outcomes")} <output data-quantity="outcomes">'
        "</output></span>"
        f'<button type="button" class="md-button" data-action="fewer" '
        f'aria-label="{text("fewer")}">−</button>'
        f'<button type="button" class="md-button" data-action="more" '
        f'aria-label="{text("more")}">+</button>'
        f'<button type="button" class="md-button" data-action="copy">{text("copy")}</button>'
        f'<button type="button" class="md-button" data-action="swap">{text("swap")}</button>'
        f'<fieldset class="xent-div-units"><legend>{text("unit")}</legend>{unit}</fieldset>'
        "</div>"
        f'<svg class="xent-div-chart" viewBox="0 0 480 220" role="img" '
        f'aria-label="{text("chart")}"></svg>'
        '<div class="xent-div-legend">'
        f'<span class="xent-div-key" data-dist="p">P: {text("truth")}</span>'
        f'<span class="xent-div-key" data-dist="q">Q: {text("model")}</span></div>'
        f'<div class="xent-div-sliders">{rows}</div>'
        f'<div class="xent-div-values">{values}</div>'
        f"{display_math(_IDENTITY)}"
        f'<p class="xent-div-identity">{text("numbers")} '
        '<output data-quantity="identity-cross_entropy"></output> = '
        '<output data-quantity="identity-entropy"></output> + '
        '<output data-quantity="identity-kl"></output> <span class="xent-div-unit"></span></p>'
        f'<p class="xent-explorer-note">{text("infinite")}</p>'
        "</div>"
    )


EXPLORER = Explorer(page="kl-divergence.md", static_figure="p_and_q_bars", template=template)
