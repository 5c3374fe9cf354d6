"""Figures: drawn from xent at build time, deterministic, and theme-aware.

Chinese labels need a CJK font that the set-up installs (the Chinese edition's issue); until
then Matplotlib would lay them out with missing glyphs, so only English is drawn here.
"""

import re

import pytest

from docsite.figures import FIGURES, figure_html, svg


@pytest.mark.parametrize("name", FIGURES)
def test_every_figure_draws_the_same_svg_twice(name: str) -> None:
    assert svg(name, directory=None) == svg(name, directory=None)


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
