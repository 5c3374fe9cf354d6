"""Session fixtures: the site built once, served on 127.0.0.1, and one survey of every page.

The survey opens every page of every language in a light and a dark context of one headless
Chromium, collecting every problem instead of stopping at the first; the tests then assert on
one property each and list every page that breaks it.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from playwright.sync_api import sync_playwright

from .browser import Offsite, Scheme, launch, new_context
from .site import SITE_ENV, SiteMap, SiteServer, build_site, discover, serve
from .survey import Survey, run_survey

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

    from playwright.sync_api import Browser


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> SiteMap:
    """The built site: ``$XENT_E2E_SITE`` if set, else ``mkdocs build --strict`` now."""
    given = os.environ.get(SITE_ENV)
    if given:
        directory = Path(given).resolve()
        if not (directory / "index.html").exists():
            pytest.fail(f"{SITE_ENV}={given}: no index.html there")
    else:
        try:
            directory = build_site(tmp_path_factory.mktemp("site"))
        except RuntimeError as error:
            pytest.fail(str(error))
    return discover(directory)


@pytest.fixture(scope="session")
def server(site: SiteMap) -> Iterator[SiteServer]:
    """The site served on 127.0.0.1 at a free port."""
    yield from serve(site.directory)


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """One headless Chromium for the whole session."""
    with sync_playwright() as playwright:
        chromium = launch(playwright)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def survey(site: SiteMap, server: SiteServer, browser: Browser) -> Survey:
    """Every page of every language, visited in a light and a dark context."""
    return run_survey(site, server, browser)


@pytest.fixture
def contexts(browser: Browser, server: SiteServer) -> Iterator[Callable[[Scheme], Offsite]]:
    """Make fresh browser contexts (off-site requests blocked); closed after the test."""
    made: list[Offsite] = []

    def make(scheme: Scheme) -> Offsite:
        made.append(new_context(browser, server, scheme))
        return made[-1]

    yield make
    for offsite in made:
        offsite.context.close()
