"""Code lengths: symbol probabilities, their ideal lengths, a Huffman code and Kraft's sum.

The reader gives two to eight symbols a weight each, with a slider or a number; the weights
divided by their total are the probabilities (all weights zero: the symbols are equally
likely). The script (``docsite/assets/explorers/code_length.js``) shows each symbol's ideal
length −log₂ p, the codeword of a Huffman code, the code's mean length L against the entropy
H (H ≤ L < H + 1, or L = 1 when one symbol is certain) and the Kraft sum Σ 2^−ℓ, which is one
for a Huffman code. The Huffman code breaks ties as the page's ``huffman_lengths`` does (a
heap of (probability, order of creation) pairs), so its lengths are that function's; its
codewords are the canonical code of those lengths (shorter first, ties by symbol), so they
depend only on the lengths.
"""

from __future__ import annotations

import html

from docsite.explorers import Explorer, display_math, inline_math
from docsite.figures.entropy import EXPLORER_WEIGHTS
from docsite.figures.style import label

#: The most symbols, the weights they start with (the four-outcome distribution of the page,
#: then a tenth for each further symbol), and how many are shown at first.
SYMBOLS = "ABCDEFGH"
START = (*map(str, EXPLORER_WEIGHTS), *["0.1"] * (len(SYMBOLS) - len(EXPLORER_WEIGHTS)))
SHOWN = len(EXPLORER_WEIGHTS)

_TEXT = {
    "count": {"en": "Symbols", "zh": "符号数"},
    "symbol": {"en": "Symbol", "zh": "符号"},
    "weight": {"en": "Weight", "zh": "权重"},
    "weight-of": {"en": "weight of symbol {s}", "zh": "符号 {s} 的权重"},
    "exact-of": {"en": "exact weight of symbol {s}", "zh": "符号 {s} 的精确权重"},
    "probability": {"en": "Probability", "zh": "概率"},
    "ideal": {"en": "Ideal length", "zh": "理想码长"},
    "codeword": {"en": "Huffman codeword", "zh": "哈夫曼码字"},
    "length": {"en": "Length", "zh": "码长"},
    "entropy": {"en": "Entropy", "zh": "熵"},
    "mean": {"en": "Mean length of the Huffman code", "zh": "哈夫曼编码的平均码长"},
    "excess": {"en": "Excess over the entropy", "zh": "比熵多出的部分"},
    "kraft": {
        "en": "Kraft sum: one half to the power of each length, summed",
        "zh": "克拉夫特和：二分之一的各码长次幂之和",
    },
    "bits": {"en": "bits", "zh": "比特"},
    "normalised": {
        "en": "Each weight divided by the total of the weights is the symbol's probability; if "
        "every weight is zero the symbols are equally likely. Lengths are in bits. The mean "
        "length is never below the entropy and less than one bit above it (a whole bit above "
        "only when one symbol is certain, since every codeword has at least one bit); it "
        "equals the entropy when every probability is a power of one half.",
        "zh": "每个权重除以全部权重之和，就是该符号的概率；若权重全为零，则各符号等可能。"
        "码长以比特计。平均码长从不低于熵，且比熵多出不到一比特（只有当某个符号必然出现时"
        "才恰好多出一比特，因为每个码字至少有一比特）；当每个概率都是二分之一的整数次幂时，"
        "它恰好等于熵。",
    },
    "plot": {
        "en": "Each symbol as a box as wide as its probability and as tall as its codeword, "
        "with its ideal length marked; the dashed line is the entropy",
        "zh": "每个符号画成一个方块，宽度是它的概率，高度是它的码字长度，并标出理想码长；虚线是熵",
    },
}


def _t(key: str, language: str) -> str:
    return html.escape(label(_TEXT[key], language))


def _row(i: int, language: str) -> str:
    symbol = SYMBOLS[i]
    hidden = " hidden" if i >= SHOWN else ""
    return (
        f'<tr data-row="{i}"{hidden}><th scope="row">{symbol}</th>'
        f'<td><input type="range" min="0" max="1" step="0.01" value="{START[i]}" '
        f'data-control="w-{i}" aria-label="{_t("weight-of", language).format(s=symbol)}"> '
        f'<input type="number" min="0" step="0.01" value="{START[i]}" data-control="w-{i}-exact" '
        f'aria-label="{_t("exact-of", language).format(s=symbol)}"></td>'
        f'<td><output data-out="p-{i}"></output></td>'
        f'<td><output data-out="ideal-{i}"></output></td>'
        f'<td><output data-out="code-{i}" class="xent-xp-code"></output></td>'
        f'<td><output data-out="length-{i}"></output></td></tr>'
    )


def _value(key: str, tex: str | None, name: str, language: str, *, unit: bool = True) -> str:
    math = f" {inline_math(tex)}" if tex else ""
    bits = f" {_t('bits', language)}" if unit else ""
    return (
        f"<div><dt>{_t(key, language)}{math}</dt>"
        f'<dd><output data-out="{name}"></output>{bits}</dd></div>'
    )


def template(language: str) -> str:
    """Return the explorer's HTML in ``language``: the weights, a table of codewords, the sums."""
    # Imported here: docsite.formulas imports docsite.blocks, which imports this package.
    from docsite.formulas import formula_tex  # noqa: PLC0415

    options = "".join(
        f'<option value="{n}"{" selected" if n == SHOWN else ""}>{n}</option>'
        for n in range(2, len(SYMBOLS) + 1)
    )
    length = inline_math(r"\ell_{i}")
    return "\n".join(
        [
            '<div class="xent-xp xent-xp-code-length">',
            '<div class="xent-xp-controls">',
            (
                '<div class="xent-xp-control"><label for="xent-code-length-count">'
                f"{_t('count', language)} {inline_math('n')}</label>"
                f'<select id="xent-code-length-count" data-control="count">{options}</select></div>'
            ),
            "</div>",
            f'<p class="xent-xp-note">{_t("normalised", language)}</p>',
            '<div class="xent-xp-scroll"><table class="xent-xp-table">',
            f"<thead><tr><th>{_t('symbol', language)}</th><th>{_t('weight', language)}</th>",
            f"<th>{_t('probability', language)} {inline_math('p_{i}')}</th>",
            f"<th>{_t('ideal', language)} {inline_math('I(p_{i})')}</th>",
            f"<th>{_t('codeword', language)}</th>",
            f"<th>{_t('length', language)} {length}</th></tr></thead>",
            "<tbody>",
            *(_row(i, language) for i in range(len(SYMBOLS))),
            "</tbody></table></div>",
            (
                f'<svg class="xent-xp-plot" viewBox="0 0 560 280" role="img" '
                f'aria-label="{_t("plot", language)}"></svg>'
            ),
            '<dl class="xent-xp-values">',
            _value("entropy", "H(P)", "entropy", language),
            _value("mean", "L", "mean", language),
            _value("excess", None, "excess", language),
            _value("kraft", None, "kraft", language, unit=False),
            "</dl>",
            display_math(formula_tex()["entropy"]),
            display_math(formula_tex()["change_of_base"]),
            "</div>",
        ]
    )


EXPLORER = Explorer(page="entropy.md", static_figure="ideal_and_huffman_lengths", template=template)
