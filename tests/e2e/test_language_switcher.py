"""The language switcher lands on the same page in the other language, for every page."""

from __future__ import annotations

from typing import TYPE_CHECKING
from urllib.parse import urlsplit

import pytest

from .survey import listing

if TYPE_CHECKING:
    from collections.abc import Callable

    from .browser import Offsite, Scheme
    from .survey import Survey

pytestmark = pytest.mark.browser

NO_CHINESE = "site has no Chinese edition yet"


def test_every_page_exists_in_every_language(survey: Survey) -> None:
    site = survey.site
    problems = [
        f"{page.name} → no {language} edition at {site.counterpart(page, language).name}"
        for page in site.pages
        for language in site.languages
        if not site.has(site.counterpart(page, language))
    ]
    assert not problems, listing(problems)


def test_language_switcher_keeps_the_page(
    survey: Survey, contexts: Callable[[Scheme], Offsite]
) -> None:
    site = survey.site
    if len(site.languages) < 2:
        pytest.skip(NO_CHINESE)
    tab = contexts("light").context.new_page()
    problems = []
    for page in sorted(site.pages):
        for language in site.languages:
            target = site.counterpart(page, language)
            if language == page.language or not site.has(target):
                continue  # a missing edition is the test above's finding
            tab.goto(page.path)
            link = tab.locator(f'.md-header a[hreflang="{language}"]')
            if link.count() == 0:
                problems.append(f"{page.name} → the header offers no link to {language!r}")
                continue
            tab.locator(".md-header .md-select").first.hover()
            link.first.click()
            tab.wait_for_load_state()
            landed = urlsplit(tab.url).path
            if landed != "/" + target.path:
                problems.append(f"{page.name} → switching to {language!r} lands on {landed}")
    assert not problems, listing(problems)
