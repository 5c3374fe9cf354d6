"""The softmax explorer (softmax cross-entropy page) agrees with xent at every state tried."""

from __future__ import annotations

import math
import random
from typing import TYPE_CHECKING

import pytest
from mpmath import mp, mpf

import xent

from .explorer_driver import Agreement, State, open_explorer, unchecked_formulas
from .site import Page

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

    from .browser import Offsite, Scheme
    from .explorer_driver import ExplorerTab
    from .site import SiteMap

pytestmark = pytest.mark.browser

NAME = "softmax"
PATH = "softmax-cross-entropy/"
SEED = 20_240_602
RANDOM_STATES = 60


@pytest.fixture
def explorer(site: SiteMap, contexts: Callable[[Scheme], Offsite]) -> Iterator[ExplorerTab]:
    """The English page open in a light context, the explorer mounted."""
    del site
    opened = open_explorer(contexts("light"), PATH, NAME)
    yield opened
    assert opened.errors == [], opened.errors


def _setting(classes: int, logits: list[str], temperature: str, true: int) -> list[tuple[str, str]]:
    settings = [("classes", str(classes)), ("log-temperature", temperature)]
    settings += [(f"z-{k}", z) for k, z in enumerate(logits)]
    return [*settings, (f"true-{true}", "true")]


def _squared_error_gradient(scaled: list[float], y: int) -> list[float]:
    """The gradient of ½ Σ (softmax(s) − y)² with respect to s, from mpmath.

    ``p_j ((p_j − y_j) − Σ_k p_k (p_k − y_k))``, evaluated from the exact binary values of the
    scaled logits with a thousand digits: a probability is at least e^−2000 (about 10^−869)
    on the explorer's sliders, so even p_y − 1 and the cancelling terms of a gradient near
    zero keep more than a hundred digits.
    """
    with mp.workdps(1000):
        s = [mpf(value) for value in scaled]
        top = max(s)
        e = [mp.exp(value - top) for value in s]
        total = mp.fsum(e)
        p = [value / total for value in e]
        r = [p[k] - (1 if k == y else 0) for k in range(len(p))]
        mean = mp.fsum(p[k] * r[k] for k in range(len(p)))
        return [float(p[j] * (r[j] - mean)) for j in range(len(p))]


def _check(state: State, agreement: Agreement) -> None:
    """Compare softmax, loss and both gradients with xent for the state's logits."""
    classes = int(state.controls["classes"])
    y = next(k for k in range(classes) if state.controls[f"true-{k}"] == "true")
    temperature = state.number("temperature")
    logits = [float(state.controls[f"z-{k}"]) for k in range(classes)]
    assert [state.number(f"z-{k}") for k in range(classes)] == logits
    scaled = [z / temperature for z in logits]  # as the page divides: the same doubles
    where = (logits, temperature, y)
    p = [float(value) for value in xent.softmax(scaled)]
    loss = float(xent.softmax_cross_entropy(scaled, y))
    rest = sum(p[k] for k in range(classes) if k != y)  # 1 − p_y with every digit
    squares = sum(p[k] ** 2 for k in range(classes) if k != y)
    agreement.check("loss", state.number("loss"), loss, where)
    agreement.check("squared error", state.number("mse-loss"), 0.5 * (rest**2 + squares), where)
    squared = _squared_error_gradient(scaled, y)
    for k in range(classes):
        agreement.check("softmax", state.number(f"p-{k}"), p[k], where)
        target = float(k == y)
        gradient = -rest if k == y else p[k]
        assert abs(gradient - (p[k] - target)) <= 1e-15  # the same p − y, without cancelling
        agreement.check("cross-entropy gradient", state.number(f"ce-{k}"), gradient, where)
        agreement.check("squared-error gradient", state.number(f"mse-{k}"), squared[k], where)
    assert sum(p) == pytest.approx(1.0, abs=1e-15)
    assert math.isclose(sum(state.number(f"ce-{k}") for k in range(classes)), 0.0, abs_tol=1e-15)


def test_random_states_agree_with_xent(explorer: ExplorerTab) -> None:
    rng = random.Random(SEED)  # noqa: S311 (seeded states to test, not secrets)
    agreement = Agreement()
    for _ in range(RANDOM_STATES):
        classes = rng.randrange(3, 6)
        logits = [f"{rng.randrange(-100, 101) / 10:.1f}" for _ in range(classes)]
        temperature = f"{rng.randrange(-200, 201) / 100:.2f}"
        state = explorer.drive(*_setting(classes, logits, temperature, rng.randrange(classes)))
        _check(state, agreement)
    print(agreement.report())  # noqa: T201 (shown with pytest -s: the worst differences)


#: (classes, logits, log10 of the temperature, true class) at the edges: equal logits, the
#: largest spread at the smallest temperature (scaled logits a thousand apart), the largest
#: temperature, a confidently wrong model, differences where exp(s − m) is subnormal.
EDGES = [
    (3, ["0", "0", "0"], "0", 0),
    (5, ["3.3", "3.3", "3.3", "3.3", "3.3"], "-2", 4),
    (4, ["-10", "-10", "-10", "-10"], "2", 1),
    (3, ["10", "-10", "-10"], "-2", 0),
    (3, ["10", "-10", "-10"], "-2", 1),
    (5, ["10", "-10", "10", "-10", "0"], "-2", 4),
    (3, ["10", "-10", "0"], "2", 2),
    (3, ["-10", "10", "10"], "0", 0),
    (5, ["-10", "10", "9.9", "-10", "0"], "-1", 0),
    (3, ["7.4", "0", "7.3"], "-2", 1),
    (3, ["7.4", "0", "7.3"], "-2", 2),
    (3, ["3.7", "-3.7", "0"], "-2", 1),
    (3, ["3.6", "-3.7", "3.6"], "-2", 1),
    (4, ["0.1", "0", "0", "0"], "-2", 1),
    (4, ["0.1", "0", "0", "0"], "2", 0),
    (3, ["-10", "10", "10"], "-1", 0),
    (3, ["-10", "10", "10"], "-2", 0),
    (5, ["-10", "5", "5", "5", "5"], "0", 0),
    (3, ["-10", "10", "9.9"], "0", 0),
]


def test_edge_states_agree_with_xent(explorer: ExplorerTab) -> None:
    agreement = Agreement()
    for classes, logits, temperature, true in EDGES:
        state = explorer.drive(*_setting(classes, logits, temperature, true))
        _check(state, agreement)
    print(agreement.report())  # noqa: T201


def test_equal_logits_give_a_uniform_softmax(explorer: ExplorerTab) -> None:
    for temperature in ("-2", "0", "2"):
        state = explorer.drive(*_setting(5, ["4.2"] * 5, temperature, 2))
        shown = {state.values[f"p-{k}"] for k in range(5)}
        assert len(shown) == 1
        assert float(shown.pop()) == pytest.approx(0.2, rel=1e-15)
        assert state.number("loss") == pytest.approx(math.log(5), rel=1e-15)


def test_a_huge_spread_does_not_overflow(explorer: ExplorerTab) -> None:
    state = explorer.drive(*_setting(3, ["10", "-10", "-10"], "-2", 1))
    assert state.number("temperature") == 0.01
    assert state.number("p-0") == 1.0
    assert state.number("p-1") == 0.0
    assert state.number("loss") == pytest.approx(2000.0, rel=1e-15)
    assert state.number("ce-1") == -1.0
    for value in state.values.values():
        assert not math.isnan(float(value))


def test_squared_error_fades_when_the_model_is_confidently_wrong(explorer: ExplorerTab) -> None:
    state = explorer.drive(*_setting(3, ["-10", "10", "0"], "0", 0))
    assert state.number("ce-0") < -0.99
    assert -1e-8 < state.number("mse-0") < 0


def test_the_keyboard_moves_a_logit_and_picks_the_true_class(explorer: ExplorerTab) -> None:
    before = explorer.drive(*_setting(3, ["2", "1", "0.1"], "0", 0))
    explorer.tab.focus(explorer.control("z-1"))
    for _ in range(5):
        explorer.tab.keyboard.press("ArrowRight")
    moved = explorer.read()
    assert moved.number("z-1") == 1.5
    assert moved.number("p-1") > before.number("p-1")
    explorer.tab.focus(explorer.control("true-0"))
    explorer.tab.keyboard.press("ArrowDown")
    picked = explorer.read()
    assert picked.controls["true-1"] == "true"
    assert picked.number("ce-1") < 0 < picked.number("ce-0")
    _check(picked, Agreement())


def test_dark_scheme_chinese_page_no_console_errors(
    site: SiteMap, contexts: Callable[[Scheme], Offsite]
) -> None:
    page = site.counterpart(Page("en", PATH), "zh")
    if not site.has(page):
        pytest.skip("no Chinese edition of the page")
    opened = open_explorer(contexts("dark"), page.path, NAME)
    state = opened.drive(*_setting(5, ["1", "-2", "3", "0.5", "-0.5"], "0.3", 3))
    _check(state, Agreement())
    figure = opened.tab.locator(f'figure[data-explorer="{NAME}"]')
    assert "真实类别" in (figure.text_content() or "")
    assert opened.tab.evaluate("document.body.dataset.mdColorScheme") == "slate"
    assert opened.errors == [], opened.errors


def test_every_formula_is_registered_or_notation() -> None:
    assert unchecked_formulas(NAME) == []
