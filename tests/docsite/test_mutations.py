"""The verification contract: changing any digit, or a sign in any formula, under docs/ fails.

Every digit of every page is changed in turn (to the next digit), and every sign in every
formula is flipped; the verifier must report a problem for each changed page.
"""

import re
from pathlib import Path

import pytest

from docsite.formulas import formulas
from docsite.markdown_scan import scan
from docsite.verify import LINK_TARGET, verify_page

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


@pytest.mark.parametrize("page", PAGES)
def test_every_changed_digit_or_formula_sign_fails_verification(page: str) -> None:
    source = (DOCS / page).read_text("utf-8")
    mutations = digit_mutations(source) + sign_mutations(source)
    survivors = [
        position
        for position, mutated in mutations
        if not verify_page(mutated, page, formulas=formulas(), cache_dir=None).errors()
    ]
    lines = [source.count("\n", 0, position) + 1 for position in survivors]
    assert survivors == [], f"{page}: changes at lines {lines} still verify"
