"""Explorers: registered, on their page in every edition, their formulas held to the page rule."""

from __future__ import annotations

from pathlib import Path

import pytest

from docsite.editions import TRANSLATIONS, edition
from docsite.explorers import EXPLORERS, SCRIPTS, Explorer, explorer_html, explorer_tex
from docsite.figures import FIGURES
from docsite.formulas import formula_tex
from docsite.verify import verify_page

ROOT = Path(__file__).parents[2]
DOCS = ROOT / "docs"


def test_there_are_at_least_five_explorers() -> None:
    assert len(EXPLORERS) >= 5, sorted(EXPLORERS)


@pytest.mark.parametrize("name", sorted(EXPLORERS))
def test_each_explorer_has_its_script_and_a_static_figure(name: str) -> None:
    assert f"assets/explorers/{name}.js" in SCRIPTS
    static = EXPLORERS[name].static_figure
    assert static is None or static in FIGURES


@pytest.mark.parametrize("name", sorted(EXPLORERS))
@pytest.mark.parametrize("language", ["en", *TRANSLATIONS])
def test_each_explorer_is_on_its_page_in_every_edition(name: str, language: str) -> None:
    page = edition(EXPLORERS[name].page, language)
    source = (DOCS / page).read_text("utf-8")
    assert f"```explorer\n{name}\n" in source, f"{page} does not show the explorer {name}"


@pytest.mark.parametrize("name", sorted(EXPLORERS))
@pytest.mark.parametrize("language", ["en", *TRANSLATIONS])
def test_each_explorer_formula_is_registered_or_notation(name: str, language: str) -> None:
    block = f"```figure\nbinary_entropy\nA figure.\n```\n\n```explorer\n{name}\nA caption.\n```\n"
    page = "demo.md" if language == "en" else f"demo.{language}.md"
    report = verify_page(block, page, formulas=formula_tex(), cache_dir=None)
    assert report.errors() == []
    assert report.formulas + report.notation == len(explorer_tex(name, language))


def test_an_explorer_formula_with_an_unchecked_sign_fails_verification(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    explorer = EXPLORERS["divergence"]
    wrong = Explorer(
        explorer.page,
        explorer.static_figure,
        lambda _: '<span class="arithmatex">\\(H(P, Q) = H(P) - D(P)\\)</span>',
    )
    monkeypatch.setitem(EXPLORERS, "divergence", wrong)
    report = verify_page("```explorer\ndivergence\nA caption.\n```\n", "demo.md", cache_dir=None)
    assert any("neither a registered formula nor notation" in e for e in report.errors())


def test_the_static_figure_stands_in_until_the_script_runs() -> None:
    html = explorer_html("divergence", 'P & "Q"', "en")
    assert '<div class="xent-explorer-app" hidden>' in html
    assert '<div class="xent-explorer-static">' in html
    assert 'aria-label="P &amp; &quot;Q&quot;"' in html


def test_an_explorer_may_not_stand_in_with_a_figure_the_page_shows() -> None:
    source = "```figure\np_and_q_bars\nBars.\n```\n\n```explorer\ndivergence\nMove them.\n```\n"
    errors = verify_page(source, "demo.md", formulas=formula_tex(), cache_dir=None).errors()
    assert errors == [
        "demo.md:7: explorer divergence stands in with the figure p_and_q_bars, shown above already"
    ]


def test_an_explorer_without_a_static_figure_needs_a_figure_above() -> None:
    source = "```explorer\nsoftmax\nSet the logits.\n```\n"
    errors = verify_page(source, "demo.md", formulas=formula_tex(), cache_dir=None).errors()
    assert errors == [
        "demo.md:2: explorer softmax has no static figure, and no figure comes before it"
    ]
