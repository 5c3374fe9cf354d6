"""Two Bernoulli distributions: a true p and a model q, their entropy, cross-entropy, divergence.

The reader moves p (the truth) and q (the model) with sliders, or types them; the script
(``docsite/assets/explorers/bernoulli.js``) draws the binary entropy curve H_b(q') and the
cross-entropy curve H(p, q') over q' in [0, 1] and shows H_b(p), H(p, q) and D(p ‖ q), in bits or
nats, each as `xent` computes it: ``binary_entropy(p)``, ``binary_cross_entropy(p, q)`` and
``kl_divergence([p, 1 - p], [q, 1 - q])`` (a model that rules out what can happen costs ∞).
"""

from __future__ import annotations

import html

from docsite.explorers import Explorer, display_math, inline_math
from docsite.figures.binary_cross_entropy import EXPLORER_P, EXPLORER_Q
from docsite.figures.style import label

_TEXT = {
    "truth": {"en": "Truth", "zh": "真实分布"},
    "model": {"en": "Model", "zh": "模型"},
    "typed": {"en": "exact value of", "zh": "精确值"},
    "unit": {"en": "Unit", "zh": "单位"},
    "bits": {"en": "bits", "zh": "比特"},
    "nats": {"en": "nats", "zh": "奈特"},
    "entropy": {"en": "Entropy of the truth", "zh": "真实分布的熵"},
    "cross": {"en": "Binary cross-entropy", "zh": "二元交叉熵"},
    "divergence": {"en": "KL divergence", "zh": "KL 散度"},
    "plot": {
        "en": "The binary entropy curve and the cross-entropy curve of the truth against the "
        "model's probability, with the current model marked",
        "zh": "二元熵曲线，以及真实分布的交叉熵随模型概率变化的曲线，并标出当前的模型",
    },
    "axis": {"en": "model's probability q′", "zh": "模型的概率 q′"},
    "gap": {
        "en": "The gap between the curve and the dashed level of the entropy, at the model's "
        "point, is the divergence. A model that gives probability zero to an outcome that can "
        "happen pays an infinite cost.",
        "zh": "在模型所在的点，交叉熵曲线与虚线所示的熵之间的差距就是 KL 散度。"
        "模型若给一个可能发生的结果分配零概率，代价就是无穷大。",
    },
}


def _t(key: str, language: str) -> str:
    return html.escape(label(_TEXT[key], language))


def _slider(name: str, key: str, value: str, language: str) -> str:
    ident = f"xent-bernoulli-{name}"
    return (
        f'<div class="xent-xp-control">\n'
        f'<label for="{ident}">{_t(key, language)} {inline_math(name)}</label>\n'
        f'<input type="range" id="{ident}" min="0" max="1" step="0.001" value="{value}" '
        f'data-control="{name}">\n'
        f'<input type="number" id="{ident}-exact" min="0" max="1" step="0.001" value="{value}" '
        f'data-control="{name}-exact" aria-label="{_t("typed", language)} {name}">\n'
        "</div>"
    )


def _value(key: str, tex: str, name: str, language: str) -> str:
    return (
        f"<div><dt>{_t(key, language)} {inline_math(tex)}</dt>"
        f'<dd><output data-out="{name}"></output> <span data-unit></span></dd></div>'
    )


def template(language: str) -> str:
    """Return the explorer's HTML in ``language``: sliders, unit switch, plot, values, formulas."""
    # Imported here: docsite.formulas imports docsite.blocks, which imports this package.
    from docsite.formulas import formula_tex  # noqa: PLC0415

    unit = "xent-bernoulli-unit"
    choices = "\n".join(
        f'<label><input type="radio" name="{unit}" value="{value}" data-control="unit-{value}"'
        f"{checked}> "
        f"{_t(value, language)}</label>"
        for value, checked in (("bits", " checked"), ("nats", ""))
    )
    return "\n".join(
        [
            (
                f'<div class="xent-xp xent-xp-bernoulli" data-bits="{_t("bits", language)}" '
                f'data-nats="{_t("nats", language)}" data-axis="{_t("axis", language)}">'
            ),
            '<div class="xent-xp-controls">',
            _slider("p", "truth", str(EXPLORER_P), language),
            _slider("q", "model", str(EXPLORER_Q), language),
            f'<fieldset class="xent-xp-choice"><legend>{_t("unit", language)}</legend>',
            choices,
            "</fieldset>",
            "</div>",
            (
                f'<svg class="xent-xp-plot" viewBox="0 0 560 300" role="img" '
                f'aria-label="{_t("plot", language)}"></svg>'
            ),
            '<dl class="xent-xp-values">',
            _value("entropy", "H_{b}(p)", "entropy", language),
            _value("cross", "H(p, q)", "cross-entropy", language),
            _value("divergence", r"D_{\mathrm{KL}}(p \,\|\, q)", "divergence", language),
            "</dl>",
            f'<p class="xent-xp-note">{_t("gap", language)}</p>',
            display_math(formula_tex()["binary_entropy"]),
            display_math(formula_tex()["coin_kl_divergence"]),
            "</div>",
        ]
    )


EXPLORER = Explorer(
    page="binary-cross-entropy.md", static_figure="bernoulli_curves", template=template
)
