"""Every page of the built site, in every language and both colour schemes, in Chromium."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from .survey import broken_links, listing

if TYPE_CHECKING:
    from .survey import Survey

pytestmark = pytest.mark.browser

#: A page's cold load, everything it fetches included, must stay below this.
MAX_BYTES = 1_000_000


def test_the_site_has_pages_in_every_language(survey: Survey) -> None:
    assert survey.site.in_language("en"), "no English pages found"
    for language in survey.site.languages:
        assert survey.site.in_language(language), f"no {language} pages"


def test_no_console_errors_or_uncaught_exceptions(survey: Survey) -> None:
    problems = survey.problems("console")
    assert not problems, listing(problems)


def test_no_request_leaves_localhost(survey: Survey) -> None:
    problems = survey.problems("offsite")
    assert not problems, listing(problems)


def test_every_formula_is_rendered(survey: Survey) -> None:
    problems = survey.problems("math")
    assert not problems, listing(problems)


def test_every_image_and_figure_loads(survey: Survey) -> None:
    problems = survey.problems("images")
    assert not problems, listing(problems)


def test_no_broken_internal_link_or_anchor(survey: Survey) -> None:
    problems = survey.problems("links") + broken_links(survey)
    assert not problems, listing(problems)


def test_one_h1_and_a_title_per_page(survey: Survey) -> None:
    problems = survey.problems("structure")
    assert not problems, listing(problems)


def test_every_code_block_has_a_copy_button(survey: Survey) -> None:
    problems = survey.problems("copy")
    assert not problems, listing(problems)


def test_no_serious_or_critical_accessibility_violations(survey: Survey) -> None:
    problems = survey.problems("axe")
    assert not problems, listing(problems)


def test_pages_follow_the_readers_colour_scheme(survey: Survey) -> None:
    problems = survey.problems("scheme")
    assert not problems, listing(problems)


def test_figures_are_legible_in_both_colour_schemes(survey: Survey) -> None:
    problems = survey.problems("legibility")
    assert not problems, listing(problems)


def test_every_page_weighs_under_one_megabyte(survey: Survey) -> None:
    problems = [
        f"{v.page.name} ({v.scheme}) → {v.transferred:,} bytes in {v.requests} requests, "
        f"largest {v.largest}"
        for v in survey.visits
        if v.transferred > MAX_BYTES
    ]
    assert not problems, listing(problems)
    assert all(v.transferred > 0 for v in survey.visits), "a page load transferred nothing"
