"""Every explorer without JavaScript, in every language: its stand-in and caption, no app."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from docsite.editions import DEFAULT_LANGUAGE, LANGUAGES
from docsite.explorers import EXPLORERS, NEEDS_JAVASCRIPT

if TYPE_CHECKING:
    from playwright.sync_api import Browser

    from .site import SiteServer

pytestmark = pytest.mark.browser


def _address(page: str, language: str) -> str:
    prefix = "" if language == DEFAULT_LANGUAGE else f"{language}/"
    return prefix + page.removesuffix(".md") + "/"


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("name", sorted(EXPLORERS))
def test_without_javascript_the_explorer_leaves_its_stand_in_and_caption(
    name: str, language: str, browser: Browser, server: SiteServer
) -> None:
    context = browser.new_context(base_url=server.base_url, java_script_enabled=False)
    try:
        tab = context.new_page()
        tab.goto(_address(EXPLORERS[name].page, language))
        figure = tab.locator(f'figure[data-explorer="{name}"]')
        static = figure.locator(".xent-explorer-static")
        if EXPLORERS[name].static_figure is None:  # the figure above shows its first state
            assert static.inner_text().strip() == NEEDS_JAVASCRIPT[language]
        else:
            assert static.locator("svg").is_visible()
        assert figure.locator("figcaption").inner_text().strip()
        assert not figure.locator(".xent-explorer-app").is_visible()
    finally:
        context.close()
