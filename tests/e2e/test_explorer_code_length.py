"""The code-length explorer (entropy page) agrees with xent and with the page's Huffman code."""

from __future__ import annotations

import math
import random
import re
from typing import TYPE_CHECKING, Any

import pytest

import xent

from .explorer_driver import Agreement, State, open_explorer, unchecked_formulas
from .site import ROOT, Page

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

    from .browser import Offsite, Scheme
    from .explorer_driver import ExplorerTab
    from .site import SiteMap

pytestmark = pytest.mark.browser

NAME = "code_length"
PATH = "entropy/"
SEED = 20_240_603
RANDOM_STATES = 60
SYMBOLS = 8


def _page_huffman_lengths() -> Callable[[list[float]], list[int]]:
    """The entropy page's own ``huffman_lengths``, run from its Python block."""
    source = (ROOT / "docs" / "entropy.md").read_text("utf-8")
    blocks = re.findall(r"^```python\n(.*?)^```", source, re.MULTILINE | re.DOTALL)
    code = next(block for block in blocks if "def huffman_lengths(" in block)
    namespace: dict[str, Any] = {}
    exec(compile(code, "docs/entropy.md", "exec"), namespace)  # noqa: S102 (the page's own code)
    function: Callable[[list[float]], list[int]] = namespace["huffman_lengths"]
    return function


huffman_lengths = _page_huffman_lengths()


@pytest.fixture
def explorer(site: SiteMap, contexts: Callable[[Scheme], Offsite]) -> Iterator[ExplorerTab]:
    """The English page open in a light context, the explorer mounted."""
    del site
    opened = open_explorer(contexts("light"), PATH, NAME)
    yield opened
    assert opened.errors == [], opened.errors


def _setting(weights: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Show as many symbols as weights; each weight is ``("slider" or "exact", value)``."""
    settings = [("count", str(len(weights)))]
    for i, (how, value) in enumerate(weights):
        settings.append((f"w-{i}" if how == "slider" else f"w-{i}-exact", value))
    return settings


def _probabilities(state: State) -> list[float]:
    """The weights the page holds, divided by their total as documented (summed in order)."""
    weights = [float(state.controls[f"w-{i}-exact"]) for i in range(int(state.controls["count"]))]
    total = 0.0
    for weight in weights:
        total += weight
    if total == 0:
        return [1 / len(weights)] * len(weights)
    return [weight / total for weight in weights]


def _check(state: State, agreement: Agreement) -> None:
    """Compare probabilities, lengths, codewords and sums with xent and the page's code."""
    p = _probabilities(state)
    n = len(p)
    where = p
    lengths = huffman_lengths(p)
    ideal = [float(value) for value in xent.self_information(p, base="bits")]
    mean = 0.0
    for probability, length in zip(p, lengths, strict=True):
        mean += probability * length
    entropy = float(xent.entropy(p, base="bits"))
    words = [state.values[f"code-{i}"] for i in range(n)]
    for i in range(n):
        agreement.check("probability", state.number(f"p-{i}"), p[i], where, exact=True)
        agreement.check("ideal length", state.number(f"ideal-{i}"), ideal[i], where)
        agreement.check(
            "Huffman length", state.number(f"length-{i}"), lengths[i], where, exact=True
        )
        assert len(words[i]) == lengths[i], (where, words)
        assert set(words[i]) <= {"0", "1"}, (where, words)
    assert not any(a != b and b.startswith(a) for a in words for b in words), words
    assert len(set(words)) == n, words
    agreement.check("mean length", state.number("mean"), mean, where)
    agreement.check("entropy", state.number("entropy"), entropy, where)
    agreement.check("excess", state.number("excess"), mean - entropy, where, scale=mean)
    kraft = sum(2.0**-length for length in lengths)
    agreement.check("Kraft sum", state.number("kraft"), kraft, where, exact=True)
    assert kraft == 1.0
    # The source coding theorem: H ≤ L < H + 1, where L = H + 1 only for a certain symbol
    # (every codeword has a bit at least).
    assert entropy * (1 - 1e-12) <= mean <= entropy + 1
    assert mean < entropy + 1 or max(p) > 1 - 1e-12, where


def _random_weight(rng: random.Random) -> tuple[str, str]:
    kind = rng.randrange(6)
    if kind <= 2:
        return "slider", str(rng.randrange(101) / 100)
    if kind == 3:
        return "exact", repr(rng.uniform(0, 5))
    if kind == 4:
        return "exact", repr(10 ** -rng.uniform(3, 15))
    return "exact", rng.choice(["0", "0.5", "0.25", "1", "0.125"])


def test_random_states_agree_with_xent(explorer: ExplorerTab) -> None:
    rng = random.Random(SEED)  # noqa: S311 (seeded states to test, not secrets)
    agreement = Agreement()
    for _ in range(RANDOM_STATES):
        weights = [_random_weight(rng) for _ in range(rng.randrange(2, SYMBOLS + 1))]
        _check(explorer.drive(*_setting(weights)), agreement)
    print(agreement.report())  # noqa: T201 (shown with pytest -s: the worst differences)


def _exact(*weights: str) -> list[tuple[str, str]]:
    return [("exact", weight) for weight in weights]


#: Weights at the edges: the page's two examples, ties, zero and tiny weights, all zero,
#: a weight far above the others, the most and fewest symbols.
EDGES = [
    _exact("0.1", "0.5", "0.1", "0.3"),
    _exact("0.5", "0.25", "0.125", "0.125"),
    _exact("1", "1"),
    _exact("1", "0"),
    _exact("0", "0"),
    _exact("0", "0", "0", "0", "0", "0", "0", "0"),
    _exact("1", "1", "1", "1", "1", "1", "1", "1"),
    _exact("0.5", "0", "0.5"),
    _exact("1", "1e-12", "1e-12"),
    _exact("1e-300", "1e-300", "2e-300"),
    _exact("0.25", "0.25", "0.25", "0.25"),
    _exact("1", "1", "2"),
    _exact("1", "2", "4", "8", "16", "32", "64", "128"),
    _exact("0.4", "0.2", "0.2", "0.1", "0.1"),
    _exact("0.3", "0.3", "0.2", "0.1", "0.1"),
    _exact("1", "1", "1", "1", "1", "1", "1"),
]


def test_edge_states_agree_with_xent(explorer: ExplorerTab) -> None:
    agreement = Agreement()
    for weights in EDGES:
        _check(explorer.drive(*_setting(weights)), agreement)
    print(agreement.report())  # noqa: T201


def test_dyadic_probabilities_reach_the_entropy(explorer: ExplorerTab) -> None:
    state = explorer.drive(*_setting(_exact("0.5", "0.25", "0.125", "0.125")))
    assert [state.values[f"code-{i}"] for i in range(4)] == ["0", "10", "110", "111"]
    assert [state.number(f"ideal-{i}") for i in range(4)] == [1, 2, 3, 3]
    assert state.number("mean") == state.number("entropy") == 1.75
    assert state.number("excess") == 0
    assert state.number("kraft") == 1


def test_a_zero_probability_has_an_infinite_ideal_length(explorer: ExplorerTab) -> None:
    state = explorer.drive(*_setting(_exact("0.5", "0", "0.5")))
    assert state.values["ideal-1"] == "Infinity"
    shown = explorer.tab.locator(f'figure[data-explorer="{NAME}"] [data-out="ideal-1"]')
    assert shown.text_content() == "∞"
    assert state.number("entropy") == 1


def test_the_page_default_is_its_example(explorer: ExplorerTab) -> None:
    state = explorer.read()
    assert [state.number(f"length-{i}") for i in range(4)] == huffman_lengths([0.1, 0.5, 0.1, 0.3])
    assert state.number("mean") == pytest.approx(1.7, rel=1e-15)


def test_the_keyboard_changes_a_weight_and_the_count(explorer: ExplorerTab) -> None:
    before = explorer.drive(*_setting(_exact("0.1", "0.5", "0.1", "0.3")))
    explorer.tab.focus(explorer.control("w-0"))
    for _ in range(10):
        explorer.tab.keyboard.press("ArrowRight")
    after = explorer.read()
    assert after.controls["w-0-exact"] == "0.2"
    assert after.number("p-0") > before.number("p-0")
    explorer.tab.focus(explorer.control("w-1-exact"))
    explorer.tab.keyboard.press("ArrowDown")
    typed = explorer.read()
    assert typed.controls["w-1-exact"] == "0.49"
    explorer.tab.focus(explorer.control("count"))
    explorer.tab.keyboard.press("ArrowDown")
    more = explorer.read()
    assert more.controls["count"] == "5"
    assert "p-4" in more.values
    _check(more, Agreement())


def test_dark_scheme_chinese_page_no_console_errors(
    site: SiteMap, contexts: Callable[[Scheme], Offsite]
) -> None:
    page = site.counterpart(Page("en", PATH), "zh")
    if not site.has(page):
        pytest.skip("no Chinese edition of the page")
    opened = open_explorer(contexts("dark"), page.path, NAME)
    _check(opened.drive(*_setting(_exact("3", "1", "1", "2", "1"))), Agreement())
    figure = opened.tab.locator(f'figure[data-explorer="{NAME}"]')
    assert "哈夫曼码字" in (figure.text_content() or "")
    assert opened.tab.evaluate("document.body.dataset.mdColorScheme") == "slate"
    assert opened.errors == [], opened.errors


def test_the_reference_is_the_pages_function() -> None:
    assert huffman_lengths([0.1, 0.5, 0.1, 0.3]) == [3, 1, 3, 2]
    assert math.isclose(sum(2.0**-n for n in huffman_lengths([0.2] * 5)), 1.0)


def test_every_formula_is_registered_or_notation() -> None:
    assert unchecked_formulas(NAME) == []
