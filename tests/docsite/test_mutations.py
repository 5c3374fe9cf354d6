"""The verification contract: changing any digit, a sign in any formula, the unit after a
bound number or a bound comparison word, under docs/, fails.

Every digit of every page is changed in turn (to the next digit), every sign in every formula
is flipped, every unit word after a bound number is swapped for another unit (nats for bits,
比特 for 奈特...), and every comparison word bound to a comparison is replaced by its opposite
(larger for smaller, 高于 for 低于...); the verifier must report a problem for each changed
page.
"""

import re
from pathlib import Path

import pytest

from docsite.comparisons import OPPOSITES, word_before
from docsite.editions import language_of
from docsite.formulas import formulas
from docsite.markdown_scan import scan
from docsite.units import UNIT_WORD, UNITS
from docsite.verify import BINDING, LINK_TARGET, verify_page

DOCS = Path(__file__).parents[2] / "docs"
PAGES = sorted(path.relative_to(DOCS).as_posix() for path in DOCS.rglob("*.md"))


def digit_mutations(source: str) -> list[tuple[int, str]]:
    """Each digit's position and the page with that digit replaced by the next one."""
    in_links = {i for m in LINK_TARGET.finditer(source) for i in range(m.start(), m.end())}
    return [
        (m.start(), source[: m.start()] + str((int(m.group()) + 1) % 10) + source[m.end() :])
        for m in re.finditer(r"\d", source)
        if m.start() not in in_links
    ]


def sign_mutations(source: str) -> list[tuple[int, str]]:
    """Each sign inside a formula, flipped (+ to -, - or − to +)."""
    flipped = {"+": "-", "-": "+", "−": "+"}
    mutations = []
    for formula in scan(source).math:
        start = source.find(formula.tex)
        for m in re.finditer(r"[-+−]", formula.tex):
            at = start + m.start()
            mutations.append((at, source[:at] + flipped[m.group()] + source[at + 1 :]))
    return mutations


#: The unit word each unit word is swapped for: another unit, in the same language.
SWAPPED_UNITS = {
    "nat": "bit", "nats": "bits", "bit": "nat", "bits": "nats", "ban": "bit", "bans": "bits",
    "hartley": "bit", "hartleys": "bits", "奈特": "比特", "纳特": "比特", "比特": "奈特",
    "哈特莱": "比特",
}  # fmt: skip


def unit_mutations(source: str) -> list[tuple[int, str]]:
    """Each unit word right after a bound number, swapped for another unit."""
    prose = scan(source).prose
    mutations = []
    for binding in BINDING.finditer(prose):
        word = UNIT_WORD.match(prose, binding.end())
        if word is not None:
            start, end = word.span("word")
            mutated = source[:start] + SWAPPED_UNITS[word["word"]] + source[end:]
            mutations.append((start, mutated))
    return mutations


def comparison_mutations(source: str, language: str) -> list[tuple[int, str]]:
    """Each comparison word bound to a comparison, replaced by its opposite."""
    prose = scan(source).prose
    mutations = []
    for binding in BINDING.finditer(prose):
        word = word_before(prose, binding.start(), language)
        if word is not None:
            start, end, said = word
            mutations.append((start, source[:start] + OPPOSITES[said] + source[end:]))
    return mutations


def test_every_unit_word_has_a_swap_of_another_unit() -> None:
    assert SWAPPED_UNITS.keys() == UNITS.keys()
    assert all(UNITS[word] != UNITS[swap] for word, swap in SWAPPED_UNITS.items())


def test_the_mutations_find_units_and_comparison_words() -> None:
    source = "H is 1.0{= H} bits, larger{= H > 0} than 0.5{= H / 2} nats."
    assert [m for _, m in unit_mutations(source)] == [
        "H is 1.0{= H} nats, larger{= H > 0} than 0.5{= H / 2} nats.",
        "H is 1.0{= H} bits, larger{= H > 0} than 0.5{= H / 2} bits.",
    ]
    assert [m for _, m in comparison_mutations(source, "en")] == [
        "H is 1.0{= H} bits, smaller{= H > 0} than 0.5{= H / 2} nats."
    ]


@pytest.mark.parametrize("page", PAGES)
def test_every_changed_digit_sign_unit_or_comparison_fails_verification(page: str) -> None:
    source = (DOCS / page).read_text("utf-8")
    mutations = (
        digit_mutations(source)
        + sign_mutations(source)
        + unit_mutations(source)
        + comparison_mutations(source, language_of(page))
    )
    survivors = [
        position
        for position, mutated in mutations
        if not verify_page(mutated, page, formulas=formulas(), cache_dir=None).errors()
    ]
    lines = [source.count("\n", 0, position) + 1 for position in survivors]
    assert survivors == [], f"{page}: changes at lines {lines} still verify"
