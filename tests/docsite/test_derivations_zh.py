"""The Chinese rules of the derivations: complete, used, and keeping each rule's mathematics."""

import re

import pytest
import sympy  # type: ignore[import-untyped]

from docsite.derivations_zh import RULES_ZH, in_chinese, math_of, untranslated
from xent.symbolic import Derivation, Step, derivations

# An English word: three letters or more, other than the names of functions (exp, log,
# softmax: the glossary keeps "softmax" in Chinese too).
WORD = re.compile(r"\b(?!exp\b|log\b|softmax\b)[A-Za-z]{3,}\b")
RULES = sorted({step.rule for derivation in derivations().values() for step in derivation.steps})


@pytest.mark.parametrize("name", sorted(derivations()))
def test_every_rule_of_every_derivation_has_chinese_text(name: str) -> None:
    assert untranslated(derivations()[name]) == []


def test_every_translation_belongs_to_a_rule() -> None:
    assert sorted(RULES_ZH) == RULES


@pytest.mark.parametrize("rule", RULES)
def test_translation_keeps_the_rules_digits_and_symbols(rule: str) -> None:
    assert math_of(RULES_ZH[rule]) == math_of(rule)


@pytest.mark.parametrize("rule", [rule for rule in RULES if WORD.search(rule)])
def test_rule_with_words_is_translated_into_chinese(rule: str) -> None:
    assert not WORD.search(RULES_ZH[rule])
    assert any("\u4e00" <= character <= "\u9fff" for character in RULES_ZH[rule])


def test_chinese_derivation_has_the_same_steps_and_still_verifies() -> None:
    original = derivations()["kl_decomposition"]
    chinese = in_chinese(original)
    assert [step.expr for step in chinese.steps] == [step.expr for step in original.steps]
    assert chinese.verify()
    assert r"\text{KL 散度的定义}" in chinese.latex()


def test_a_sign_changed_in_a_translation_changes_its_mathematics() -> None:
    rule = "chain rule with σ′(z) = σ(z)(1 − σ(z))"
    assert math_of(RULES_ZH[rule].replace("−", "+")) != math_of(rule)


def test_an_untranslated_rule_is_named() -> None:
    p = sympy.Symbol("p", positive=True)
    derivation = Derivation("demo", p, [Step(p * 1, "an unknown rule")])
    with pytest.raises(KeyError, match="an unknown rule"):
        in_chinese(derivation)
