"""Drive an explorer in Chromium as a reader does, and compare what it shows with `xent`.

`ExplorerTab.drive` sets controls one after another (the value of a slider, number box or
select; a radio button checked), each followed by the ``input`` and ``change`` events a
reader's action fires, and returns every output's full-precision ``data-value`` with every
control's value as the page then holds it (a slider snaps to its step: the test computes
from what the page holds, not from what it asked for). `Agreement` compares a shown value
with the one `xent` computes and keeps the worst relative difference of each quantity.
"""

from __future__ import annotations

import html
import math
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from playwright.sync_api import ConsoleMessage, Error
    from playwright.sync_api import Page as Tab

    from .browser import Offsite

#: The agreement the explorers keep with `xent`: a relative difference of at most this.
RELATIVE = 1e-12
#: Below the smallest normal double a value has fewer than 53 bits: there two results may
#: differ by a few units of the least subnormal (4.9e-324), far below any shown digit.
TINY = 2.2250738585072014e-308
SUBNORMAL_SLACK = 4 * 5e-324

_DRIVE = """([name, settings]) => {
  const figure = document.querySelector(`figure[data-explorer="${name}"]`);
  for (const [control, value] of settings) {
    const input = figure.querySelector(`[data-control="${control}"]`);
    if (!input) throw new Error(`no control ${control}`);
    if (input.type === "radio" || input.type === "checkbox") input.checked = true;
    else input.value = value;
    input.dispatchEvent(new Event("input", { bubbles: true }));
    input.dispatchEvent(new Event("change", { bubbles: true }));
  }
  const values = {};
  for (const output of figure.querySelectorAll("output[data-out]")) {
    if (output.dataset.value !== undefined) values[output.dataset.out] = output.dataset.value;
  }
  const controls = {};
  for (const input of figure.querySelectorAll("[data-control]")) {
    controls[input.dataset.control] = input.type === "radio" ? String(input.checked) : input.value;
  }
  return { values, controls };
}"""


#: What the verifier counts as notation: a formula with no digit and no sign or relation.
_SIGNS = re.compile(r"[-+=<>−±∓≈≤≥]|\\(?:pm|mp|le|ge|leq|geq|lt|gt|ne|neq|approx|neg)(?![A-Za-z])")
_TEX = re.compile(r'<(span|div) class="arithmatex">\\[(\[](.*?)\\[)\]]</\1>', re.DOTALL)


def unchecked_formulas(name: str) -> list[str]:
    """The formulas of an explorer's templates that are neither registered nor notation.

    The verifier holds a page's formulas to this rule (``docsite/verify.py``); an explorer's
    template, written by the build after the page is verified, is held to it here.
    """
    from docsite.explorers import EXPLORERS  # noqa: PLC0415 (the build's code, only here)
    from docsite.formulas import formula_tex  # noqa: PLC0415

    known = {" ".join(tex.split()) for tex in formula_tex().values()}
    found = []
    for language in ("en", "zh"):
        for match in _TEX.finditer(EXPLORERS[name].template(language)):
            tex = " ".join(html.unescape(match[2]).split())
            notation = not re.search(r"\d", tex) and not _SIGNS.search(tex)
            if tex not in known and not notation:
                found.append(tex)
    return found


@dataclass(frozen=True)
class State:
    """What the explorer shows after some settings: outputs and controls, as text."""

    values: dict[str, str]
    controls: dict[str, str]

    def number(self, output: str) -> float:
        """An output's full-precision value (``Infinity`` is ``inf``)."""
        return float(self.values[output])


@dataclass
class ExplorerTab:
    """A page open in a tab, with its explorer ``name`` mounted, and the errors it logged."""

    tab: Tab
    name: str
    errors: list[str] = field(default_factory=list)

    def drive(self, *settings: tuple[str, str]) -> State:
        """Set each ``(control, value)`` in order as a reader would; return what is shown."""
        result: dict[str, dict[str, str]] = self.tab.evaluate(_DRIVE, [self.name, list(settings)])
        return State(result["values"], result["controls"])

    def read(self) -> State:
        """What is shown now."""
        return self.drive()

    def control(self, control: str) -> str:
        """A CSS selector for one control of the explorer."""
        return f'figure[data-explorer="{self.name}"] [data-control="{control}"]'


def open_explorer(offsite: Offsite, path: str, name: str) -> ExplorerTab:
    """Open ``path`` in a new tab and wait until the explorer ``name`` is mounted."""
    tab = offsite.context.new_page()
    opened = ExplorerTab(tab, name)

    def console(message: ConsoleMessage) -> None:
        if message.type == "error":
            opened.errors.append(message.text)

    def page_error(error: Error) -> None:
        opened.errors.append(f"uncaught {error}")

    tab.on("console", console)
    tab.on("pageerror", page_error)
    tab.goto(path)
    tab.wait_for_selector(f'figure[data-explorer="{name}"][data-mounted]', state="attached")
    return opened


@dataclass
class Agreement:
    """Compares shown values with expected ones; keeps the worst difference per quantity."""

    worst: dict[str, float] = field(default_factory=dict)
    checked: int = 0

    def check(
        self,
        quantity: str,
        shown: float,
        expected: float,
        where: Any,
        *,
        exact: bool = False,
        scale: float | None = None,
    ) -> None:
        """Assert that ``shown`` agrees with ``expected``.

        Exactly when ``exact`` (integers) or ``expected`` is infinite, NaN or zero; within
        `SUBNORMAL_SLACK` where both are below the smallest normal double; else to a
        relative `RELATIVE`, relative to ``scale`` when given (the size of the terms of a
        difference, which bounds its rounding error) or to ``expected``.
        """
        self.checked += 1
        self.worst.setdefault(quantity, 0.0)
        message = f"{quantity} at {where}: the page shows {shown!r}, xent gives {expected!r}"
        if math.isnan(expected):
            assert math.isnan(shown), message
            return
        if exact or math.isinf(expected):
            assert shown == expected, message
            return
        if max(abs(shown), abs(expected)) < TINY and expected != 0:
            assert abs(shown - expected) <= SUBNORMAL_SLACK, message
            return
        if expected == 0 and scale is None:
            assert shown == 0, message
            return
        size = abs(expected) if scale is None else scale
        difference = abs(shown - expected) / size if size else abs(shown - expected)
        self.worst[quantity] = max(self.worst[quantity], difference)
        if scale is not None and expected != 0:  # recorded, for the report: not held to a bound
            plain = f"{quantity} (relative to itself)"
            self.worst[plain] = max(self.worst.get(plain, 0.0), abs(shown / expected - 1))
        assert difference <= RELATIVE, f"{message} (relative difference {difference:.3g})"

    def report(self) -> str:
        """The worst relative difference of each quantity, one line."""
        worst = ", ".join(f"{name} {value:.3g}" for name, value in sorted(self.worst.items()))
        return f"{self.checked} values compared; worst relative difference: {worst}"
