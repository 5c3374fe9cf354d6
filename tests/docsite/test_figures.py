"""Figures: drawn from xent at build time, in every language, deterministic, and theme-aware.

The Chinese labels are laid out with WenQuanYi Micro Hei, which scripts/setup installs.
"""

import importlib
import pkgutil
import re
from pathlib import Path

import pytest

from docsite import figures
from docsite.editions import LANGUAGES
from docsite.explorers import EXPLORERS
from docsite.figures import FIGURES, figure_html, svg

DOCS = Path(__file__).parents[2] / "docs"


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("name", FIGURES)
def test_every_figure_draws_the_same_svg_twice(name: str, language: str) -> None:
    assert svg(name, language, directory=None) == svg(name, language, directory=None)


def test_the_languages_label_a_figure_differently() -> None:
    assert svg("binary_entropy", "en", directory=None) != svg(
        "binary_entropy", "zh", directory=None
    )


@pytest.mark.parametrize(
    "module", [m.name for m in pkgutil.iter_modules(figures.__path__) if m.name != "style"]
)
def test_each_figure_module_is_named_after_the_page_it_draws_for(module: str) -> None:
    page = DOCS / f"{module.replace('_', '-')}.md"
    assert page.is_file(), f"docsite/figures/{module}.py names no page"
    shown = re.findall(r"```figure\n\s*(\w+)", page.read_text("utf-8"))
    shown += [e.static_figure for e in EXPLORERS.values() if e.page == page.name]  # no JavaScript
    drawn = importlib.import_module(f"docsite.figures.{module}").FIGURES
    assert set(drawn) <= set(shown), f"{sorted(set(drawn) - set(shown))} are not on {page.name}"


@pytest.mark.parametrize("name", FIGURES)
def test_figures_draw_in_the_page_colour_and_keep_text_as_text(name: str) -> None:
    image = svg(name, directory=None)
    assert "currentColor" in image
    assert "#000000" not in image
    assert "<text" in image
    assert re.search(r"<svg[^>]*\bviewBox=", image)
    assert not re.search(r"<svg[^>]*\bwidth=", image)


def test_figure_html_names_the_image_by_its_caption() -> None:
    html = figure_html("binary_entropy", 'Fair coins & "biased" ones')
    assert 'role="img" aria-label="Fair coins &amp; &quot;biased&quot; ones"' in html
    assert "<figcaption>Fair coins &amp; &quot;biased&quot; ones</figcaption>" in html
