"""The divergence explorer, driven through its controls in Chromium, agrees with `xent`.

At many states reached through the real sliders and buttons (seeded random moves, plus the
edges: a zero in P, Q zero where P is not, P = Q), every number the explorer shows (its
full-precision ``data-value``) is compared with `xent.entropy`, `xent.cross_entropy` and
`xent.kl_divergence` at the probabilities the explorer itself shows: within 1e-12 relative,
and exactly for infinity and zero.
"""

from __future__ import annotations

import math
import random
import re
from typing import TYPE_CHECKING, Any

import pytest

import xent
from docsite.explorers.divergence import MAX_OUTCOMES, MIN_OUTCOMES, START_P, START_Q, STEP

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

    from playwright.sync_api import Page as Tab

    from .browser import Offsite, Scheme

pytestmark = pytest.mark.browser

PAGES = ("kl-divergence/", "zh/kl-divergence/")
RELATIVE = 1e-12
STATES = 60
QUANTITIES = ("entropy", "cross_entropy", "kl", "reverse_kl")
APP = 'figure[data-explorer="divergence"]'

_READ = """(figure) => {
  const value = (node) => node.dataset.value;
  const visible = (dist) =>
    [...figure.querySelectorAll(`.xent-div-row:not([hidden]) output[data-dist=${dist}]`)]
      .map(value);
  const outputs = {};
  for (const node of figure.querySelectorAll("output[data-quantity]")) {
    outputs[node.dataset.quantity] = value(node);
  }
  const unit = figure.querySelector('input[type="radio"]:checked').value;
  return { p: visible("p"), q: visible("q"), outputs, unit };
}"""
_SLIDE = """([figure, dist, index, value]) => {
  const input = figure.querySelector(`input[data-dist="${dist}"][data-index="${index}"]`);
  input.value = value;
  input.dispatchEvent(new Event("input", { bubbles: true }));
  input.dispatchEvent(new Event("change", { bubbles: true }));
}"""


class Explorer:
    """The divergence explorer on an open page, driven through its controls."""

    def __init__(self, tab: Tab) -> None:
        self.tab = tab
        self.figure = tab.locator(APP)
        tab.wait_for_selector(f"{APP}[data-mounted]")

    def read(self) -> dict[str, Any]:
        """The probabilities shown, every output's data-value, and the unit."""
        state: dict[str, Any] = self.figure.evaluate(_READ)
        return state

    def slide(self, dist: str, index: int, value: float) -> None:
        """Move the slider of ``dist`` (``p`` or ``q``) for outcome ``index`` to ``value``."""
        handle = self.figure.element_handle()
        self.tab.evaluate(_SLIDE, [handle, dist, index, f"{value:.2f}"])

    def press(self, action: str) -> None:
        """Click one of the buttons: ``fewer``, ``more``, ``copy``, ``swap``."""
        self.figure.locator(f'button[data-action="{action}"]').click()

    def outcomes(self, count: int) -> None:
        """Add or remove outcomes until there are ``count``."""
        while (shown := len(self.read()["p"])) != count:
            self.press("more" if shown < count else "fewer")

    def unit(self, unit: str) -> None:
        """Choose ``nats`` or ``bits``."""
        self.figure.locator(f'input[type="radio"][value="{unit}"]').check()


def _relative(shown: float, expected: float) -> float:
    """The relative difference, zero when both are equal (infinities and zeros included)."""
    if shown == expected:
        return 0.0
    if math.isinf(expected) or expected == 0 or math.isnan(shown):
        return math.inf
    return abs(shown - expected) / abs(expected)


def check_state(state: dict[str, Any], worst: dict[str, float]) -> list[str]:
    """Compare one state's outputs with xent; record the worst relative difference."""
    p = [float(value) for value in state["p"]]
    q = [float(value) for value in state["q"]]
    base = state["unit"]
    expected = {
        "entropy": xent.entropy(p, base=base),
        "cross_entropy": xent.cross_entropy(p, q, base=base),
        "kl": xent.kl_divergence(p, q, base=base),
        "reverse_kl": xent.kl_divergence(q, p, base=base),
    }
    outputs = {key: float(value) for key, value in state["outputs"].items()}
    problems = []
    if outputs["outcomes"] != len(p) or len(q) != len(p):
        problems.append(f"{len(p)} outcomes shown, the counter says {outputs['outcomes']}")
    for name, want in expected.items():
        got = outputs[name]
        difference = _relative(got, float(want))
        worst[name] = max(worst.get(name, 0.0), difference)
        if difference > RELATIVE or (float(want) in {0.0, math.inf} and got != want):
            problems.append(f"{name} at P={p}, Q={q} ({base}): shown {got!r}, xent {want!r}")
    problems.extend(
        f"the identity line shows another {name}: {state['outputs']}"
        for name in ("cross_entropy", "entropy", "kl")
        if outputs[f"identity-{name}"] != outputs[name]
    )
    for name, values in (("P", p), ("Q", q)):
        if abs(math.fsum(values) - 1) > 1e-12 or min(values) < 0:
            problems.append(f"{name} = {values} is not a distribution")
    return problems


@pytest.fixture
def explorer(contexts: Callable[[Scheme], Offsite]) -> Iterator[Explorer]:
    """The explorer on the English page, with console errors collected (asserted after)."""
    tab = contexts("light").context.new_page()
    errors: list[str] = []
    tab.on(
        "console", lambda message: errors.append(message.text) if message.type == "error" else None
    )
    tab.on("pageerror", lambda error: errors.append(str(error)))
    tab.goto(PAGES[0])
    yield Explorer(tab)
    assert not errors, errors


def test_starts_at_the_pages_example(explorer: Explorer) -> None:
    state = explorer.read()
    assert [float(v) for v in state["p"]] == list(START_P)
    assert [float(v) for v in state["q"]] == list(START_Q)
    assert not check_state(state, {})
    assert float(state["outputs"]["kl"]) == xent.kl_divergence(START_P, START_Q)


def test_agrees_with_xent_at_random_states_of_its_controls(explorer: Explorer) -> None:
    rng = random.Random(20261207)  # noqa: S311 (a seeded sequence of states, no secret)
    worst: dict[str, float] = {}
    problems: list[str] = []
    seen = set()
    for _ in range(STATES):
        explorer.outcomes(rng.randint(MIN_OUTCOMES, MAX_OUTCOMES))
        count = len(explorer.read()["p"])
        for _move in range(rng.randint(1, 4)):
            roll = rng.random()
            value = 0.0 if roll < 0.12 else 1.0 if roll < 0.16 else rng.randint(1, 99) * STEP
            explorer.slide(rng.choice("pq"), rng.randrange(count), value)
        if rng.random() < 0.1:
            explorer.press(rng.choice(("copy", "swap")))
        explorer.unit(rng.choice(("nats", "bits")))
        state = explorer.read()
        seen.add((tuple(state["p"]), tuple(state["q"]), state["unit"]))
        problems += check_state(state, worst)
    assert len(seen) >= STATES * 0.9, f"only {len(seen)} distinct states"
    assert not problems, "\n".join(problems)


def test_edges_zero_infinite_and_equal(explorer: Explorer) -> None:
    worst: dict[str, float] = {}
    explorer.outcomes(4)
    explorer.slide("p", 1, 0)  # a zero in P
    state = explorer.read()
    assert float(state["p"][1]) == 0
    assert not check_state(state, worst)
    assert math.isfinite(float(state["outputs"]["kl"]))
    assert math.isinf(float(state["outputs"]["reverse_kl"]))  # Q allows what P rules out

    explorer.slide("q", 2, 1)  # Q one-hot on an outcome, zero where P is not
    state = explorer.read()
    assert not check_state(state, worst)
    for name in ("cross_entropy", "kl", "identity-kl", "identity-cross_entropy"):
        assert float(state["outputs"][name]) == math.inf, name
    assert explorer.figure.locator('output[data-quantity="kl"]').inner_text() == "∞"

    for unit in ("nats", "bits"):
        explorer.unit(unit)
        explorer.press("copy")  # P = Q: exactly zero divergence both ways
        state = explorer.read()
        assert state["p"] == state["q"]
        assert not check_state(state, worst)
        assert float(state["outputs"]["kl"]) == 0
        assert float(state["outputs"]["reverse_kl"]) == 0
        assert state["outputs"]["cross_entropy"] == state["outputs"]["entropy"]

    explorer.slide("p", 0, 1)  # one-hot P = Q: nothing uncertain, nothing wasted
    explorer.press("copy")
    state = explorer.read()
    assert not check_state(state, worst)
    assert {float(state["outputs"][name]) for name in QUANTITIES} == {0.0}

    explorer.outcomes(MAX_OUTCOMES)
    explorer.slide("p", 0, 1)
    explorer.slide("p", 0, 0)  # the others were all zero: they share what is left equally
    state = explorer.read()
    assert not check_state(state, worst)
    assert len(set(state["p"][1:])) == 1
    assert explorer.figure.locator('button[data-action="more"]').is_disabled()
    explorer.outcomes(MIN_OUTCOMES)
    assert explorer.figure.locator('button[data-action="fewer"]').is_disabled()
    assert not check_state(explorer.read(), worst)


def test_keyboard_moves_a_slider_and_a_button(explorer: Explorer) -> None:
    before = explorer.read()
    slider = explorer.figure.locator('input[data-dist="p"][data-index="0"]')
    slider.focus()
    for _ in range(3):
        explorer.tab.keyboard.press("ArrowRight")
    after = explorer.read()
    assert float(after["p"][0]) == pytest.approx(float(before["p"][0]) + 3 * STEP)
    assert after["outputs"]["kl"] != before["outputs"]["kl"]
    assert not check_state(after, {})

    explorer.figure.locator('button[data-action="more"]').focus()
    explorer.tab.keyboard.press("Enter")
    assert len(explorer.read()["p"]) == len(after["p"]) + 1
    explorer.figure.locator('input[type="radio"][value="bits"]').focus()
    explorer.tab.keyboard.press("Space")
    state = explorer.read()
    assert state["unit"] == "bits"
    assert not check_state(state, {})


def test_dragging_a_bar_sets_its_probability(explorer: Explorer) -> None:
    bar = explorer.figure.locator('.xent-div-bar[data-dist="q"]').first
    chart = explorer.figure.locator(".xent-div-chart")
    bar.scroll_into_view_if_needed()
    box, frame = bar.bounding_box(), chart.bounding_box()
    assert box is not None
    assert frame is not None
    x = box["x"] + box["width"] / 2
    explorer.tab.mouse.move(x, box["y"] + box["height"] / 2)
    explorer.tab.mouse.down()
    explorer.tab.mouse.move(x, frame["y"] + frame["height"] * 0.5, steps=4)
    explorer.tab.mouse.up()
    state = explorer.read()
    assert float(state["q"][0]) != START_Q[0]
    assert not check_state(state, {})


@pytest.mark.parametrize("page", PAGES)
def test_renders_in_dark_mode_without_console_errors(
    contexts: Callable[[Scheme], Offsite], page: str
) -> None:
    tab = contexts("dark").context.new_page()
    errors: list[str] = []
    tab.on(
        "console", lambda message: errors.append(message.text) if message.type == "error" else None
    )
    tab.on("pageerror", lambda error: errors.append(str(error)))
    tab.goto(page)
    explorer = Explorer(tab)
    assert tab.evaluate("document.body.dataset.mdColorScheme") == "slate"
    assert explorer.figure.locator(".xent-explorer-app").is_visible()
    assert not explorer.figure.locator(".xent-explorer-static").is_visible()
    assert explorer.figure.locator(".xent-div-bar").count() == 2 * len(START_P)
    explorer.slide("q", 0, 0.25)
    assert not check_state(explorer.read(), {})
    text = explorer.figure.locator('output[data-quantity="kl"]').evaluate(
        "(node) => getComputedStyle(node).color"
    )
    red, green, blue = (float(part) for part in re.findall(r"[\d.]+", text)[:3])
    assert min(red, green, blue) > 180, f"light text expected on the dark page, got {text}"
    assert not errors, errors
