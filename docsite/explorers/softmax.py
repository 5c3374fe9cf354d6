"""Softmax with a temperature: logits, the true class, the loss and two gradients side by side.

The reader sets three to five logits z_k, a temperature T and the true class y; the script
(``docsite/assets/explorers/softmax.js``) shows softmax(s) for the scaled logits s = z / T, the
cross-entropy loss ``softmax_cross_entropy(s, y)``, its gradient with respect to s (the
prediction minus the one-hot target), and beside it the gradient of the squared error
½ Σ_k (softmax(s)_k − y_k)² on the probabilities, which fades when the model is confidently
wrong (the page on mean squared error makes the argument). Everything is computed with
log-sum-exp after shifting by the largest logit, so no spread of the logits overflows.
"""

from __future__ import annotations

import html

from docsite.explorers import Explorer, display_math, inline_math
from docsite.figures.style import label

#: The most classes the explorer offers, and the logits it starts from: the page's example
#: (two, one and a tenth, the first class true), then two more for a fourth and fifth class.
CLASSES = 5
START = ("2", "1", "0.1", "-1", "0.5")
SHOWN = 3

_TEXT = {
    "classes": {"en": "Classes", "zh": "类别数"},
    "temperature": {"en": "Temperature", "zh": "温度"},
    "class": {"en": "Class", "zh": "类别"},
    "logit": {"en": "Logit", "zh": "logit"},
    "true": {"en": "True class", "zh": "真实类别"},
    "is-true": {"en": "is the true class", "zh": "是真实类别"},
    "logit-of": {"en": "logit of class {k}", "zh": "类别 {k} 的 logit"},
    "probability": {"en": "Probability", "zh": "概率"},
    "ce-gradient": {"en": "Cross-entropy gradient", "zh": "交叉熵的梯度"},
    "mse-gradient": {"en": "Squared-error gradient", "zh": "平方误差的梯度"},
    "loss": {"en": "Cross-entropy loss", "zh": "交叉熵损失"},
    "mse-loss": {"en": "Squared error", "zh": "平方误差"},
    "nats": {"en": "nats", "zh": "奈特"},
    "plot": {
        "en": "Bars for each class: its softmax probability, the gradient of the cross-entropy "
        "and the gradient of the squared error with respect to its scaled logit",
        "zh": "每个类别的柱形：softmax 概率、交叉熵的梯度，以及平方误差对其缩放后 logit 的梯度",
    },
    "note": {
        "en": "The gradients are taken with respect to the scaled logits {s}, that is {zt}. "
        "The squared error is half the sum over the classes of the squared difference between "
        "the probability and the one-hot target. Make the true class's logit much smaller "
        "than another: the cross-entropy gradient pushes it up with almost full strength, "
        "while the squared-error gradient nearly vanishes, because the softmax is saturated "
        '(<a href="../why-not-mse/">why not mean squared error?</a>).',
        "zh": "梯度是对缩放后的 logit {s}（即 {zt}）求的。平方误差是各类别的概率与独热目标"
        "之差的平方和的一半。把真实类别的 logit 调得远小于另一个类别的：交叉熵的梯度几乎以全力"
        "把它往上推，而平方误差的梯度却几乎消失，因为 softmax 已经饱和"
        '（见<a href="../why-not-mse/">为什么不用均方误差？</a>）。',
    },
}


def _t(key: str, language: str) -> str:
    return html.escape(label(_TEXT[key], language))


def _row(k: int, language: str) -> str:
    name = f"{_t('class', language)} {k + 1}"
    hidden = " hidden" if k >= SHOWN else ""
    checked = " checked" if k == 0 else ""
    return (
        f'<tr data-row="{k}"{hidden}><th scope="row">{name}</th>'
        f'<td><input type="range" min="-10" max="10" step="0.1" value="{START[k]}" '
        f'data-control="z-{k}" aria-label="{_t("logit-of", language).format(k=k + 1)}"> '
        f'<output data-out="z-{k}"></output></td>'
        f'<td><input type="radio" name="xent-softmax-true" value="{k}"{checked} '
        f'data-control="true-{k}" aria-label="{name} {_t("is-true", language)}"></td>'
        f'<td><output data-out="p-{k}"></output></td>'
        f'<td><output data-out="ce-{k}"></output></td>'
        f'<td><output data-out="mse-{k}"></output></td></tr>'
    )


def template(language: str) -> str:
    """Return the explorer's HTML in ``language``: controls, a table per class, bars, formulas."""
    # Imported here: docsite.formulas imports docsite.blocks, which imports this package.
    from docsite.formulas import formula_tex  # noqa: PLC0415

    options = "".join(
        f'<option value="{n}"{" selected" if n == SHOWN else ""}>{n}</option>'
        for n in range(3, CLASSES + 1)
    )
    gradient = inline_math(r"\partial L / \partial s_{k}")
    mse = r"L_{\mathrm{MSE}}"
    squared = inline_math(rf"\partial {mse} / \partial s_{{k}}")
    probability = inline_math(r"\operatorname{softmax}(s)_{k}")
    # The note is trusted HTML (it holds a link), not escaped.
    note = label(_TEXT["note"], language).format(
        s=inline_math("s_{k}"), zt=inline_math("z_{k} / T")
    )
    return "\n".join(
        [
            f'<div class="xent-xp xent-xp-softmax" data-class="{_t("class", language)}">',
            '<div class="xent-xp-controls">',
            (
                '<div class="xent-xp-control"><label for="xent-softmax-classes">'
                f"{_t('classes', language)} {inline_math('K')}</label>"
                f'<select id="xent-softmax-classes" data-control="classes">{options}</select></div>'
            ),
            (
                '<div class="xent-xp-control"><label for="xent-softmax-temperature">'
                f"{_t('temperature', language)} {inline_math('T')}</label>"
                '<input type="range" id="xent-softmax-temperature" min="-2" max="2" step="0.01" '
                'value="0" data-control="log-temperature">'
                '<output data-out="temperature" for="xent-softmax-temperature"></output></div>'
            ),
            "</div>",
            '<div class="xent-xp-scroll"><table class="xent-xp-table">',
            f"<thead><tr><th>{_t('class', language)}</th>",
            f"<th>{_t('logit', language)} {inline_math('z_{k}')}</th>",
            f"<th>{_t('true', language)}</th>",
            f"<th>{_t('probability', language)} {probability}</th>",
            f"<th>{_t('ce-gradient', language)} {gradient}</th>",
            f"<th>{_t('mse-gradient', language)} {squared}</th></tr></thead>",
            "<tbody>",
            *(_row(k, language) for k in range(CLASSES)),
            "</tbody></table></div>",
            (
                f'<svg class="xent-xp-plot" viewBox="0 0 560 280" role="img" '
                f'aria-label="{_t("plot", language)}" '
                f'data-legend-p="{_t("probability", language)}" '
                f'data-legend-ce="{_t("ce-gradient", language)}" '
                f'data-legend-mse="{_t("mse-gradient", language)}"></svg>'
            ),
            '<dl class="xent-xp-values">',
            (
                f"<div><dt>{_t('loss', language)} {inline_math('L')}</dt>"
                f'<dd><output data-out="loss"></output> {_t("nats", language)}</dd></div>'
            ),
            (
                f"<div><dt>{_t('mse-loss', language)} {inline_math(mse)}</dt>"
                '<dd><output data-out="mse-loss"></output></dd></div>'
            ),
            "</dl>",
            f'<p class="xent-xp-note">{note}</p>',
            display_math(formula_tex()["softmax_definition"]),
            display_math(formula_tex()["log_softmax_loss"]),
            display_math(formula_tex()["softmax_cross_entropy_gradient"]),
            "</div>",
        ]
    )


EXPLORER = Explorer(page="softmax-cross-entropy.md", static_figure=None, template=template)
