"""The Bernoulli explorer (binary cross-entropy page) agrees with xent at every state tried."""

from __future__ import annotations

import math
import random
from typing import TYPE_CHECKING

import pytest

import xent

from .browser import PROBE
from .explorer_driver import Agreement, State, open_explorer, unchecked_formulas
from .site import Page

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

    from .browser import Offsite, Scheme
    from .explorer_driver import ExplorerTab
    from .site import SiteMap

pytestmark = pytest.mark.browser

NAME = "bernoulli"
PATH = "binary-cross-entropy/"
SEED = 20_240_601
RANDOM_STATES = 60

#: (p, q) at the edges, each typed into the number boxes: certain coins, a model that rules
#: out what happens (∞), q on its way to zero, coins a hair apart, tiny and nearly-one values.
EDGES = [
    ("0", "0"),
    ("0", "1"),
    ("1", "0"),
    ("1", "1"),
    ("0", "0.5"),
    ("1", "0.5"),
    ("0.5", "0"),
    ("0.5", "1"),
    ("0.3", "0"),
    ("0.3", "1"),
    ("0.3", "0.1"),
    ("0.3", "1e-5"),
    ("0.3", "1e-10"),
    ("0.3", "1e-100"),
    ("0.3", "1e-300"),
    ("0.3", "5e-324"),
    ("0.5", "0.5"),
    ("0.3", "0.3"),
    ("0.3", "0.300000000001"),
    ("0.5", "0.5000000001"),
    ("1e-20", "0.5"),
    ("0.5", "1e-20"),
    ("1e-20", "1e-20"),
    ("0.9999999999", "0.99999999999"),
    ("0.999", "0.001"),
    ("0.001", "0.999"),
]


@pytest.fixture
def explorer(site: SiteMap, contexts: Callable[[Scheme], Offsite]) -> Iterator[ExplorerTab]:
    """The English page open in a light context, the explorer mounted."""
    del site
    opened = open_explorer(contexts("light"), PATH, NAME)
    yield opened
    assert opened.errors == [], opened.errors


def _check(state: State, agreement: Agreement) -> None:
    """Compare the three shown values with xent for the state's p, q and unit."""
    p, q = float(state.controls["p-exact"]), float(state.controls["q-exact"])
    unit = "bits" if state.controls["unit-bits"] == "true" else "nats"
    where = (p, q, unit)
    expected = {
        "entropy": xent.binary_entropy(p, base=unit),
        "cross-entropy": xent.binary_cross_entropy(p, q, base=unit),
        "divergence": xent.kl_divergence([p, 1 - p], [q, 1 - q], base=unit),
    }
    for quantity, value in expected.items():
        agreement.check(quantity, state.number(quantity), float(value), where)


def _random_setting(rng: random.Random, name: str) -> tuple[str, str]:
    """A slider position, a typed probability, or a typed value near zero or one."""
    kind = rng.randrange(4)
    if kind == 0:
        return name, str(rng.randrange(1001) / 1000)
    if kind == 1:
        return f"{name}-exact", repr(rng.random())
    tiny = 10 ** -rng.uniform(1, 15)
    return f"{name}-exact", repr(tiny if kind == 2 else 1 - tiny)


def test_random_states_agree_with_xent(explorer: ExplorerTab) -> None:
    rng = random.Random(SEED)  # noqa: S311 (seeded states to test, not secrets)
    agreement = Agreement()
    for _ in range(RANDOM_STATES):
        unit = rng.choice(["unit-bits", "unit-nats"])
        state = explorer.drive(_random_setting(rng, "p"), _random_setting(rng, "q"), (unit, "true"))
        _check(state, agreement)
    print(agreement.report())  # noqa: T201 (shown with pytest -s: the worst differences)


def test_edge_states_agree_with_xent(explorer: ExplorerTab) -> None:
    agreement = Agreement()
    for unit in ("unit-bits", "unit-nats"):
        for p, q in EDGES:
            state = explorer.drive(("p-exact", p), ("q-exact", q), (unit, "true"))
            _check(state, agreement)
    print(agreement.report())  # noqa: T201


def test_a_model_that_rules_out_the_truth_costs_infinity(explorer: ExplorerTab) -> None:
    losses = []
    for q in ("0.1", "1e-10", "1e-100", "1e-300", "0"):
        state = explorer.drive(("p-exact", "0.3"), ("q-exact", q))
        losses.append(state.number("cross-entropy"))
        assert state.values["divergence"] == "Infinity" or q != "0"
    assert losses == sorted(losses), "the loss does not grow as q goes to zero"
    assert losses[-1] == math.inf
    shown = explorer.tab.locator('figure[data-explorer="bernoulli"] [data-out="cross-entropy"]')
    assert shown.text_content() == "∞"
    # Certain and right: nothing to pay; q = 1 for p = 1 likewise.
    assert explorer.drive(("p-exact", "1"), ("q-exact", "1")).number("cross-entropy") == 0


def test_the_slider_snaps_and_the_number_box_follows(explorer: ExplorerTab) -> None:
    state = explorer.drive(("p", "0.1234"))
    assert state.controls["p"] == state.controls["p-exact"] == "0.123"
    state = explorer.drive(("p-exact", "2"))  # not a probability: refused, marked invalid
    assert state.controls["p"] == "0.123"
    invalid = explorer.tab.get_attribute(explorer.control("p-exact"), "aria-invalid")
    assert invalid == "true"


def test_the_keyboard_moves_the_sliders_and_the_unit(explorer: ExplorerTab) -> None:
    before = explorer.read()
    explorer.tab.focus(explorer.control("q"))
    for _ in range(5):
        explorer.tab.keyboard.press("ArrowRight")
    after = explorer.read()
    assert float(after.controls["q"]) == pytest.approx(float(before.controls["q"]) + 0.005)
    assert after.number("cross-entropy") != before.number("cross-entropy")
    assert after.number("entropy") == before.number("entropy")
    explorer.tab.focus(explorer.control("unit-bits"))
    explorer.tab.keyboard.press("ArrowRight")
    in_nats = explorer.read()
    assert in_nats.controls["unit-nats"] == "true"
    assert in_nats.number("entropy") == pytest.approx(after.number("entropy") * math.log(2))
    _check(in_nats, Agreement())


def test_dark_scheme_chinese_page_no_console_errors(
    site: SiteMap, contexts: Callable[[Scheme], Offsite]
) -> None:
    page = site.counterpart(Page("en", PATH), "zh")
    if not site.has(page):
        pytest.skip("no Chinese edition of the page")
    opened = open_explorer(contexts("dark"), page.path, NAME)
    state = opened.drive(("p", "0.7"), ("q-exact", "0.2"), ("unit-nats", "true"))
    _check(state, Agreement())
    figure = opened.tab.locator(f'figure[data-explorer="{NAME}"]')
    assert "奈特" in (figure.text_content() or "")
    probe = opened.tab.evaluate(PROBE)
    assert probe["scheme"] == "slate"
    assert probe["legibility"] == [], probe["legibility"]
    assert probe["figures"] == [], probe["figures"]
    assert opened.errors == [], opened.errors


def test_every_formula_is_registered_or_notation() -> None:
    assert unchecked_formulas(NAME) == []
