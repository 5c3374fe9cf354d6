"""The Chinese edition's text for the rules of `xent.symbolic`'s derivations.

A derivation's steps are checked by SymPy; only the words that justify each step change with
the language. Each translation keeps the mathematics of its rule: the same digits and
mathematical symbols, as many of each (a test compares them; Chinese word order may move a
formula within the sentence), so a translation cannot quietly change ``1 − σ(z)`` into
``1 + σ(z)``.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from docsite.cache import CACHE_DIR, cached, source_hash
from docsite.editions import DEFAULT_LANGUAGE

if TYPE_CHECKING:
    from xent.symbolic import Derivation

__all__ = [
    "LANGUAGE",
    "RULES_ZH",
    "in_chinese",
    "in_language",
    "math_of",
    "untranslated",
    "untranslated_rules",
]

#: The edition whose words this module holds.
LANGUAGE = "zh"

#: Every rule of every derivation in `xent.symbolic`, in the Chinese edition's words.
RULES_ZH = {
    "L'Hopital's rule: both vanish at 1, as Σ of the Pᵢ is 1": (
        "洛必达法则：分子与分母在 1 处都为零，因为各 Pᵢ 之和 Σ 为 1"
    ),
    "continuity at 1": "在 1 处连续",
    "definition of entropy": "熵的定义",
    "definition of the Renyi entropy": "雷尼熵的定义",
    "definition of the joint entropy": "联合熵的定义",
    "definitions of entropy and conditional entropy": "熵与条件熵的定义",
    "derivative of the log of a sum of powers": "幂之和的对数的导数",
    "log P(x) does not depend on y": "log P(x) 与 y 无关",
    "marginal: Σ over y of P(x, y) is P(x)": "边缘分布：P(x, y) 对 y 的和 Σ 等于 P(x)",
    "product rule: P(x, y) is P(x) times P(y given x); log of a product": (
        "乘法法则：P(x, y) 等于 P(x) 乘以给定 x 时 y 的概率；积的对数"
    ),
    "Σ of the Pᵢ is 1": "各 Pᵢ 之和 Σ 为 1",
    "1 = log e, log of a product": "1 = log e，积的对数",
    "P and Q are distributions: Σ Pᵢ = Σ Qᵢ = 1": "P 与 Q 都是概率分布：Σ Pᵢ = Σ Qᵢ = 1",
    "P(1) = y, Q(1) = ŷ, so P(0) = 1 − y, Q(0) = 1 − ŷ": (
        "P(1) = y，Q(1) = ŷ，于是 P(0) = 1 − y，Q(0) = 1 − ŷ"
    ),
    "cancelling Pᵢ": "约去 Pᵢ",
    "chain rule with σ′(z) = σ(z)(1 − σ(z))": "求导的链式法则，σ′(z) = σ(z)(1 − σ(z))",
    "definition of binary cross-entropy, ŷ = σ(z)": "二元交叉熵的定义，ŷ = σ(z)",
    "definition of cross-entropy, outcomes 0 and 1": "交叉熵的定义，结果取 0 和 1",
    "definition of differential entropy": "微分熵的定义",
    "definition of self-information": "自信息的定义",
    "definition of self-information, I(p) = -log p": "自信息的定义，I(p) = -log p",
    "definition of q": "q 的定义",
    "definition of softmax": "softmax 的定义",
    "definition of the KL divergence": "KL 散度的定义",
    "definition of the loss": "损失的定义",
    "definition of the squared error": "平方误差的定义",
    "definitions of cross-entropy and differential entropy": "交叉熵与微分熵的定义",
    "definitions of cross-entropy and entropy": "交叉熵与熵的定义",
    "differentiating: only j = k depends on zₖ": "求导：只有 j = k 的一项依赖于 zₖ",
    "differentiating: p does not depend on s, and only j = k depends on sₖ": (
        "求导：p 不依赖于 s，且只有 j = k 的一项依赖于 sₖ"
    ),
    "expanding: the terms in yσ(z) cancel": "展开：含 yσ(z) 的项相互抵消",
    "linearity of the integral": "积分的线性",
    "linearity of the sum": "求和的线性",
    "ln t ≤ t − 1 at t = Qᵢ/Pᵢ, weighted by Pᵢ > 0": "对 t = Qᵢ/Pᵢ 用 ln t ≤ t − 1，以 Pᵢ > 0 加权",
    "log of a power": "幂的对数",
    "log of a product": "积的对数",
    "log of a quotient": "商的对数",
    "log of a quotient again, linearity of the sum": "再用商的对数，求和的线性",
    "log of a quotient, linearity of the sum": "商的对数，求和的线性",
    "log of a quotient; q is the softmax of s/T": "商的对数；q 是 s/T 的 softmax",
    "log of a reciprocal": "倒数的对数",
    "log of the ratio of the two densities": "两个密度之比的对数",
    "log₂ e = 1/ln 2, as 2 = exp(ln 2)": "log₂ e = 1/ln 2，因为 2 = exp(ln 2)",
    "p = exp(ln p)": "p = exp(ln p)",
    "the target sums to 1: Σ yⱼ = 1": "目标分布之和为 1：Σ yⱼ = 1",
    "the teacher's p sums to 1: Σ pⱼ = 1": "教师的 p 之和为 1：Σ pⱼ = 1",
    "writing out the two terms": "写出两项",
    "−log p(x) = log(2πσ²)/2 + (x − μ)²/(2σ²)": "−log p(x) = log(2πσ²)/2 + (x − μ)²/(2σ²)",
    "∫ p(x) dx = 1, ∫ (x − μ)² p(x) dx = σ² (by integration)": (
        "∫ p(x) dx = 1，∫ (x − μ)² p(x) dx = σ²（由积分得到）"
    ),
    "∫ p₁ = 1, ∫ (x − μ₁)² p₁ = σ₁², ∫ (x − μ₂)² p₁ = σ₁² + (μ₁ − μ₂)²": (
        "∫ p₁ = 1，∫ (x − μ₁)² p₁ = σ₁²，∫ (x − μ₂)² p₁ = σ₁² + (μ₁ − μ₂)²"
    ),
}

_MATH = frozenset("0123456789=≤≥<>+−/σμπΣ∫²₁₂ᵢⱼₖ′ŷ")


def math_of(rule: str) -> str:
    """Return a rule's mathematics: its digits and mathematical symbols, sorted.

    Examples
    --------
    >>> rule = "log₂ e = 1/ln 2, as 2 = exp(ln 2)"
    >>> math_of(rule), math_of(RULES_ZH[rule])
    ('/1222==₂', '/1222==₂')
    """
    return "".join(sorted(character for character in rule if character in _MATH))


def untranslated(derivation: Derivation) -> list[str]:
    """Return the rules of ``derivation`` that have no Chinese text, in order."""
    return [step.rule for step in derivation.steps if step.rule not in RULES_ZH]


def untranslated_rules(name: str, *, directory: Path | None = CACHE_DIR) -> list[str]:
    """Return the rules without Chinese text of the derivation ``name`` (cached per version).

    Examples
    --------
    >>> untranslated_rules("kl_decomposition", directory=None)
    []
    """

    def find() -> list[str]:
        from xent.symbolic import derivations  # noqa: PLC0415 (SymPy only when needed)

        return untranslated(derivations()[name])

    key = [name, source_hash(Path(__file__))]
    result: list[str] = cached("untranslated", key, find, directory=directory)
    return result


def in_chinese(derivation: Derivation) -> Derivation:
    """Return ``derivation`` with each step's rule in Chinese (the steps are unchanged).

    Examples
    --------
    >>> from xent.symbolic import kl_decomposition
    >>> [step.rule for step in in_chinese(kl_decomposition()).steps][:2]
    ['KL 散度的定义', '商的对数']
    """
    if missing := untranslated(derivation):
        raise KeyError(f"{derivation.title!r}: no Chinese text for the rules {missing}")
    steps = [replace(step, rule=RULES_ZH[step.rule]) for step in derivation.steps]
    return replace(derivation, steps=steps)


def in_language(derivation: Derivation, language: str) -> Derivation:
    """Return ``derivation`` with its rules in ``language``: as written for the default edition.

    Examples
    --------
    >>> from xent.symbolic import gibbs_inequality
    >>> in_language(gibbs_inequality(), "en").steps[0].rule
    'definition of the KL divergence'
    >>> in_language(gibbs_inequality(), "fr")
    Traceback (most recent call last):
    ...
    KeyError: "no words for the rules of derivations in 'fr' (only 'zh')"
    """
    if language == DEFAULT_LANGUAGE:
        return derivation
    if language != LANGUAGE:
        raise KeyError(f"no words for the rules of derivations in {language!r} (only {LANGUAGE!r})")
    return in_chinese(derivation)
