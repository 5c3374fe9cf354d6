"""The light/dark toggle switches the scheme, keeps it, and the figures stay legible."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pytest

from .browser import MATERIAL_SCHEME, PROBE, SCHEMES, luminance

if TYPE_CHECKING:
    from collections.abc import Callable

    from .browser import Offsite, Scheme
    from .survey import Survey

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("start", SCHEMES)
def test_colour_toggle_switches_the_scheme_and_figures_follow(
    survey: Survey, contexts: Callable[[Scheme], Offsite], start: Scheme
) -> None:
    # A page with a figure if there is one: the figures must follow the toggle too.
    page = max(survey.visits, key=lambda v: (v.figures > 0, -len(v.page.path))).page
    other: Scheme = "dark" if start == "light" else "light"
    tab = contexts(start).context.new_page()
    tab.goto(page.path)
    before: dict[str, Any] = tab.evaluate(PROBE)
    assert before["scheme"] == MATERIAL_SCHEME[start]

    tab.locator('form[data-md-component="palette"] label:visible').click()
    tab.wait_for_function(
        f"document.body.dataset.mdColorScheme === {MATERIAL_SCHEME[other]!r}", timeout=5000
    )
    after: dict[str, Any] = tab.evaluate(PROBE)
    backgrounds = {start: before["background"], other: after["background"]}
    assert luminance(backgrounds["light"]) > 0.8, f"light background {backgrounds['light']}"
    assert luminance(backgrounds["dark"]) < 0.05, f"dark background {backgrounds['dark']}"
    assert after["legibility"] == [], f"{page.name} after the toggle: {after['legibility']}"

    tab.reload()
    kept = tab.evaluate("document.body.dataset.mdColorScheme")
    assert kept == MATERIAL_SCHEME[other], "the chosen scheme is forgotten on reload"
