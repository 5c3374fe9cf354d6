"""The Gaussian-fit explorer, driven through its sliders in Chromium, agrees with Python.

The reference is the page's own method in NumPy and `xent` (`xent.logsumexp` for the mixture's
log-density; trapezoid sums on the explorer's grid; golden-section search for the reverse fit)
plus the closed forms: the forward fit is the mixture's mean and variance, and two identical
bumps are one normal, fitted exactly with divergence zero. Every number the explorer shows
at a state is compared with the reference at the parameters it shows: within 1e-12 relative
(exactly for zero). The reverse fit found by the reference's own search must agree with the
explorer's to the search's tolerance, and its divergence to 1e-12.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np
import numpy.typing as npt
import pytest

import xent
from docsite.explorers.gaussian_fit import CONTROLS, GRID, MUS, SIGMAS, TOL

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

    from playwright.sync_api import Page as Tab

    from .browser import Offsite, Scheme

pytestmark = pytest.mark.browser

Array = npt.NDArray[np.float64]
PAGES = ("kl-divergence/", "zh/kl-divergence/")
APP = 'figure[data-explorer="gaussian_fit"]'
RELATIVE = 1e-12
STATES = 50
GOLDEN = (math.sqrt(5) - 1) / 2
FITS = ("forward", "reverse")
SHOWN = ("mean", "sd", "kl", "reverse_kl")

_SET = """([figure, values]) => {
  const root = figure.querySelector(".xent-gauss");
  for (const [name, value] of Object.entries(values)) {
    const input = figure.querySelector(`input[data-control="${name}"]`);
    input.value = value;
    input.dispatchEvent(new Event("input", { bubbles: true }));
  }
  root.dataset.busy = "true";
  figure.querySelector("input[data-control]").dispatchEvent(new Event("change", { bubbles: true }));
}"""
_READ = """(figure) => {
  const outputs = {};
  for (const node of figure.querySelectorAll("output[data-quantity]")) {
    outputs[node.dataset.quantity] = node.dataset.value;
  }
  return outputs;
}"""
_IDLE = """(figure) => figure.querySelector(".xent-gauss").dataset.busy === "false\""""


def even_grid(first: float, last: float, count: int) -> tuple[Array, float]:
    """Points ``first + i·step`` with the last exactly ``last``, as the explorer makes them."""
    step = (last - first) / (count - 1)
    points: Array = first + np.arange(count, dtype=np.float64) * step
    points[-1] = last
    return points, step


X, DX = even_grid(GRID[0], GRID[1], int(GRID[2]))
MU_GRID, MU_STEP = even_grid(MUS[0], MUS[1], int(MUS[2]))
_FACTORIALS = np.cumprod(np.arange(2, 22, dtype=np.float64))
_EXCESS = 1 / _FACTORIALS  # r − 1 + exp(−r) = r² Σ_k (−r)^k / (k + 2)!


def log_normal(mu: float, sigma: float) -> Array:
    """The page's ``log_normal`` on the explorer's grid."""
    z = (X - mu) / sigma
    values: Array = -(z * z) / 2 - math.log(sigma * math.sqrt(2 * math.pi))
    return values


@dataclass(frozen=True)
class Mixture:
    """The truth: ``weight`` N(mu1, sigma1²) + (1 − weight) N(mu2, sigma2²)."""

    mu1: float
    mu2: float
    sigma1: float
    sigma2: float
    weight: float

    @property
    def single(self) -> bool:
        """Whether the two bumps are the same normal."""
        return self.mu1 == self.mu2 and self.sigma1 == self.sigma2

    def log_density(self) -> Array:
        """Its log-density on the grid, by `xent.logsumexp`."""
        if self.single:
            return log_normal(self.mu1, self.sigma1)
        bumps = np.stack(
            [
                math.log(self.weight) + log_normal(self.mu1, self.sigma1),
                math.log1p(-self.weight) + log_normal(self.mu2, self.sigma2),
            ]
        )
        values: Array = np.asarray(xent.logsumexp(bumps, axis=0), dtype=np.float64)
        return values

    def moments(self) -> tuple[float, float]:
        """Its mean and standard deviation, in closed form: the forward fit."""
        gap = self.mu2 - self.mu1
        mean = self.mu1 + (1 - self.weight) * gap
        variance = (
            self.sigma1 * self.sigma1
            + (1 - self.weight) * (self.sigma2 * self.sigma2 - self.sigma1 * self.sigma1)
            + self.weight * (1 - self.weight) * gap * gap
        )
        return mean, math.sqrt(variance)


def divergence(log_a: Array, log_b: Array) -> float:
    """Trapezoid sum of a ln(a/b) − a + b ≥ 0 from the log-densities of a and b."""
    r = log_a - log_b
    a = np.exp(log_a)
    near = np.abs(r) < 0.5
    series = np.zeros_like(r)
    for coefficient in _EXCESS[::-1]:
        series = series * -r + coefficient
    terms = np.where(near, a * series * r * r, a * (r - 1) + np.exp(log_b))
    return float(np.sum(terms[1:] + terms[:-1]) * DX / 2)


def rounding_bound(log_a: Array, log_b: Array) -> float:
    """What rounding the log-densities (an ulp or so of each) can change in `divergence`.

    The integrand's slope in r = ln a − ln b is a(1 − e^(−r)) = a − b; each log-density
    is known to a few ulp of its size. Where a mixture is nearly one normal the divergence
    is tiny (1e-12 nats for bumps a tenth apart) and this, not 1e-12 of it, bounds the error.
    """
    slope = np.abs(np.exp(log_a) - np.exp(log_b))
    size = np.abs(log_a) + np.abs(log_b) + 1
    return 8 * float(np.finfo(np.float64).eps) * float(np.sum(slope * size) * DX)


def golden_min(f: Callable[[float], float], a: float, b: float) -> float:
    """The page's golden-section search."""
    c, d = b - GOLDEN * (b - a), a + GOLDEN * (b - a)
    fc, fd = f(c), f(d)
    while b - a > TOL:
        if fc < fd:
            b, d, fd = d, c, fc
            c = b - GOLDEN * (b - a)
            fc = f(c)
        else:
            a, c, fc = c, d, fd
            d = a + GOLDEN * (b - a)
            fd = f(d)
    return (a + b) / 2


def fit_reverse(mixture: Mixture, log_p: Array) -> tuple[float, float]:
    """The page's reverse fit: best width per mean, the mean scanned then refined."""
    if mixture.single:
        return mixture.mu1, mixture.sigma1

    def best_sigma(mu: float) -> float:
        return golden_min(lambda s: divergence(log_normal(mu, s), log_p), *SIGMAS)

    def profile(mu: float) -> float:
        return divergence(log_normal(mu, best_sigma(mu)), log_p)

    best = float(MU_GRID[int(np.argmin([profile(float(mu)) for mu in MU_GRID]))])
    mu = golden_min(profile, best - MU_STEP, best + MU_STEP)
    return mu, best_sigma(mu)


def relative(shown: float, expected: float) -> float:
    """The relative difference; zero when equal, infinite when only one of them is zero."""
    if shown == expected:
        return 0.0
    if expected == 0:
        return math.inf
    return abs(shown - expected) / abs(expected)


class Explorer:
    """The Gaussian-fit explorer on an open page, driven through its sliders."""

    def __init__(self, tab: Tab) -> None:
        self.tab = tab
        self.figure = tab.locator(APP)
        tab.wait_for_selector(f"{APP}[data-mounted]")
        self.wait()

    def wait(self) -> None:
        """Wait until the fits of the current sliders are computed and shown."""
        self.tab.wait_for_function(_IDLE, arg=self.figure.element_handle())

    def set(self, values: dict[str, str]) -> None:
        """Set sliders (by control name) to values, as a reader's input would."""
        self.tab.evaluate(_SET, [self.figure.element_handle(), values])
        self.wait()

    def read(self) -> dict[str, float]:
        """Every output's full-precision value."""
        outputs: dict[str, Any] = self.figure.evaluate(_READ)
        return {key: float(value) for key, value in outputs.items()}


def check(shown: dict[str, float], worst: dict[str, float]) -> list[str]:
    """Compare one state's outputs with the reference; record the worst differences."""
    mixture = Mixture(*(shown[name] for name, *_ in CONTROLS))
    log_p = mixture.log_density()
    expected: dict[str, float] = {}
    floor = dict.fromkeys(("forward-mean", "forward-sd"), 0.0)  # closed forms: exact
    mean, sd = mixture.moments()
    expected["forward-mean"], expected["forward-sd"] = mean, sd
    for fit in FITS:
        log_q = log_normal(shown[f"{fit}-mean"], shown[f"{fit}-sd"])
        expected[f"{fit}-kl"] = divergence(log_p, log_q)
        expected[f"{fit}-reverse_kl"] = divergence(log_q, log_p)
        floor[f"{fit}-kl"] = rounding_bound(log_p, log_q)
        floor[f"{fit}-reverse_kl"] = rounding_bound(log_q, log_p)
    problems = []
    for name, want in expected.items():
        difference = relative(shown[name], want)
        worst[name] = max(worst.get(name, 0.0), difference)
        if abs(shown[name] - want) > max(RELATIVE * abs(want), floor[name]) or (
            want == 0 and shown[name] != 0
        ):
            problems.append(f"{name} at {mixture}: shown {shown[name]!r}, expected {want!r}")
    # The reference's own search: the same optimum, to its tolerance.
    mu, sigma = fit_reverse(mixture, log_p)
    own = divergence(log_normal(mu, sigma), log_p)
    found = {
        "search-mean": abs(mu - shown["reverse-mean"]),
        "search-sd": abs(sigma - shown["reverse-sd"]),
        "search-reverse_kl": relative(shown["reverse-reverse_kl"], own),
    }
    mirrored = mixture.weight == 0.5 and mixture.sigma1 == mixture.sigma2  # two equal optima
    if mirrored:
        centre = mixture.mu1 + mixture.mu2
        found["search-mean"] = min(found["search-mean"], abs(centre - mu - shown["reverse-mean"]))
    for name, difference in found.items():
        worst[name] = max(worst.get(name, 0.0), difference)
    if found["search-mean"] > 1e-5 or found["search-sd"] > 1e-5:
        problems.append(f"reverse fit at {mixture}: shown {shown}, the search finds {mu}, {sigma}")
    reverse_floor = rounding_bound(log_normal(mu, sigma), log_p)
    if abs(shown["reverse-reverse_kl"] - own) > max(RELATIVE * own, reverse_floor):
        problems.append(f"reverse KL at {mixture}: shown {shown['reverse-reverse_kl']}, {own}")
    if mixture.single and {shown[f"{fit}-{q}"] for fit in FITS for q in ("kl", "reverse_kl")} != {
        0.0
    }:
        problems.append(f"identical bumps at {mixture}: divergences {shown} are not zero")
    slack = 1 + 1e-9  # each fit is the better one for its own divergence (up to the grid)
    if (
        shown["forward-kl"] > shown["reverse-kl"] * slack + 1e-15
        or shown["reverse-reverse_kl"] > shown["forward-reverse_kl"] * slack + 1e-15
    ):
        problems.append(f"a fit is not the better one for its own divergence: {shown}")
    return problems


def _value(name: str, steps: int) -> str:
    """The slider ``name`` at ``steps`` steps above its minimum, as a decimal string."""
    _, low, _, step, _ = next(control for control in CONTROLS if control[0] == name)
    return f"{low + steps * step:.2f}"


def _random_state(rng: random.Random) -> dict[str, str]:
    state = {}
    for name, low, high, step, _ in CONTROLS:
        state[name] = _value(name, rng.randint(0, round((high - low) / step)))
    return state


#: Edges: the page's example (equal widths and weights), the same bumps (one normal), equal
#: means with different widths, extreme weights, far and narrow bumps, the bumps at two.
EDGES: list[dict[str, str]] = [
    {"mu1": "-3", "mu2": "3", "sigma1": "1", "sigma2": "1", "weight": "0.5"},
    {"mu1": "1.5", "mu2": "1.5", "sigma1": "0.8", "sigma2": "0.8", "weight": "0.3"},
    {"mu1": "0", "mu2": "0", "sigma1": "0.8", "sigma2": "0.8", "weight": "0.5"},
    {"mu1": "0.5", "mu2": "0.5", "sigma1": "0.5", "sigma2": "2", "weight": "0.5"},
    {"mu1": "-2", "mu2": "2", "sigma1": "1", "sigma2": "1", "weight": "0.05"},
    {"mu1": "-2", "mu2": "2", "sigma1": "1", "sigma2": "1", "weight": "0.95"},
    {"mu1": "-4", "mu2": "4", "sigma1": "0.3", "sigma2": "0.3", "weight": "0.5"},
    {"mu1": "-4", "mu2": "4", "sigma1": "2", "sigma2": "2", "weight": "0.5"},
    {"mu1": "-2", "mu2": "2", "sigma1": "1", "sigma2": "1", "weight": "0.5"},
    {"mu1": "-0.1", "mu2": "0", "sigma1": "1", "sigma2": "1", "weight": "0.5"},
]


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
    shown = explorer.read()
    assert [shown[name] for name, *_ in CONTROLS] == [start for *_, start in CONTROLS]
    assert not check(shown, {})
    assert round(shown["forward-kl"], 5) == 0.46199  # the page's forward fit
    assert round(abs(shown["reverse-mean"]), 4) == 2.9843  # and its reverse fit
    assert round(shown["reverse-reverse_kl"], 4) == 0.6888


def test_agrees_at_random_states_of_its_sliders(explorer: Explorer) -> None:
    rng = random.Random(20261207)  # noqa: S311 (a seeded sequence of states, no secret)
    worst: dict[str, float] = {}
    problems: list[str] = []
    for _ in range(STATES):
        explorer.set(_random_state(rng))
        problems += check(explorer.read(), worst)
    assert not problems, "\n".join(problems)


def test_agrees_at_the_edges(explorer: Explorer) -> None:
    worst: dict[str, float] = {}
    problems: list[str] = []
    for state in EDGES:
        explorer.set(state)
        shown = explorer.read()
        problems += check(shown, worst)
        if state["mu1"] == state["mu2"] and state["sigma1"] == state["sigma2"]:
            assert shown["forward-mean"] == shown["reverse-mean"] == float(state["mu1"])
            assert shown["forward-sd"] == shown["reverse-sd"] == float(state["sigma1"])
    assert not problems, "\n".join(problems)


def test_keyboard_moves_a_slider(explorer: Explorer) -> None:
    before = explorer.read()
    explorer.figure.locator('input[data-control="mu2"]').focus()
    for _ in range(5):
        explorer.tab.keyboard.press("ArrowLeft")
    explorer.wait()
    after = explorer.read()
    assert after["mu2"] == pytest.approx(before["mu2"] - 0.5)
    assert after["forward-kl"] != before["forward-kl"]
    assert not check(after, {})


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
    assert explorer.figure.locator(".xent-gauss-line").count() == len(FITS)
    explorer.set({"mu1": "-1", "sigma2": "0.5"})
    assert not check(explorer.read(), {})
    assert not errors, errors
