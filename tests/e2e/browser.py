"""Debian's Chromium driven by Playwright: one browser, one context per language and scheme."""

from __future__ import annotations

import json
import re
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    from playwright.sync_api import (
        Browser,
        BrowserContext,
        ConsoleMessage,
        Error,
        Playwright,
        Request,
        Response,
        Route,
        ViewportSize,
    )
    from playwright.sync_api import Page as Tab

    from .site import Page, SiteServer

#: Debian's package: Playwright cannot download a browser of its own here.
CHROMIUM = "/usr/bin/chromium"
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
]
#: What the project's set-up installs with `npm ci` (package.json pins it).
AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
PROBE = (Path(__file__).parent / "probe.js").read_text("utf-8")
VIEWPORT: ViewportSize = {"width": 1280, "height": 800}
TIMEOUT_MS = 20_000

#: The axe-core rules whose verdict depends on the colour scheme.
COLOUR_RULES = ("color-contrast", "link-in-text-block")

Scheme = Literal["light", "dark"]
SCHEMES: tuple[Scheme, ...] = ("light", "dark")
#: The name Material gives each scheme in ``<body data-md-color-scheme>``.
MATERIAL_SCHEME = {"light": "default", "dark": "slate"}


def luminance(colour: str) -> float:
    """The relative luminance (WCAG) of ``#rrggbb``."""
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    r, g, b = (c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def launch(playwright: Playwright) -> Browser:
    """Start the system Chromium headless, or fail saying how to install it."""
    if not Path(CHROMIUM).exists():
        raise RuntimeError(
            f"{CHROMIUM} is missing: `apt-get install -y chromium` (scripts/setup does it as root)"
        )
    return playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS, headless=True)


def axe_source() -> str:
    """The axe-core script, or fail saying how to install it."""
    if not AXE.exists():
        raise RuntimeError(f"{AXE} is missing: run `npm ci` (scripts/setup does it)")
    return AXE.read_text("utf-8")


def new_context(browser: Browser, server: SiteServer, scheme: Scheme) -> Offsite:
    """A fresh context (no cache, no storage) that blocks and records off-site requests."""
    context = browser.new_context(
        base_url=server.base_url, color_scheme=scheme, viewport=VIEWPORT, service_workers="block"
    )
    context.set_default_timeout(TIMEOUT_MS)
    return Offsite(context, server.base_url)


@dataclass
class Offsite:
    """A browser context with every request that does not go to 127.0.0.1 blocked and logged."""

    context: BrowserContext
    base_url: str
    requests: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        local = re.escape(self.base_url)
        self.context.route(re.compile(rf"^(?!{local})"), self._block)
        self.context.on("request", self._see)

    def _block(self, route: Route) -> None:
        self.requests.append(route.request.url)
        route.abort("blockedbyclient")

    def _see(self, request: Request) -> None:
        url = request.url
        if not url.startswith((self.base_url, "data:", "blob:", "about:")):
            self.requests.append(url)

    def take(self) -> list[str]:
        """The off-site requests since the last call, each once."""
        seen = list(dict.fromkeys(self.requests))
        self.requests.clear()
        return seen


@dataclass
class Visit:
    """What one page showed in one colour scheme, and every problem found on it."""

    page: Page
    scheme: Scheme
    problems: dict[str, list[str]]  # check -> problems, every check present
    h1: str
    code_blocks: int
    figures: int
    transferred: int  # bytes the server sent for this page load, cold cache
    requests: int
    math: int  # formulas on the page
    math_ready_ms: float | None
    load_ms: float
    links: list[str]
    ids: set[str]
    largest: list[tuple[str, int]]


CHECKS = (
    "console",
    "offsite",
    "math",
    "images",
    "links",
    "structure",
    "copy",
    "axe",
    "legibility",
    "scheme",
)


@dataclass
class _Listener:
    """Collects, while one page loads, what the browser reports going wrong."""

    base_url: str
    problems: dict[str, list[str]]

    def console(self, message: ConsoleMessage) -> None:
        if message.type == "error":
            where = message.location.get("url") or "inline"
            self.problems["console"].append(f"{message.text} ({where})")

    def page_error(self, error: Error) -> None:
        self.problems["console"].append(f"uncaught {error}")

    def request_failed(self, request: Request) -> None:
        if request.url.startswith(self.base_url):
            self.problems["links"].append(f"{request.url} failed: {request.failure}")

    def response(self, response: Response) -> None:
        if response.status >= 400:
            self.problems["links"].append(f"{response.url} answered {response.status}")


@dataclass(frozen=True)
class Target:
    """A page to visit in a context, and where to save its screenshot (if it is a key page)."""

    page: Page
    scheme: Scheme
    shot: Path | None = None


def visit(offsite: Offsite, server: SiteServer, target: Target, axe: str) -> Visit:
    """Load a page cold in a new tab of the context, probe it, run axe; never raise."""
    tab = offsite.context.new_page()
    problems: dict[str, list[str]] = {check: [] for check in CHECKS}
    listener = _Listener(offsite.base_url, problems)
    tab.on("console", listener.console)
    tab.on("pageerror", listener.page_error)
    tab.on("requestfailed", listener.request_failed)
    tab.on("response", listener.response)
    mark = server.mark()
    started = time.perf_counter()
    data: dict[str, Any] = {}
    try:
        tab.goto(target.page.path, wait_until="load")
        data = tab.evaluate(PROBE)
        load_ms = (time.perf_counter() - started) * 1000
        if target.shot is not None:
            tab.screenshot(path=target.shot, full_page=True)
        problems["axe"] = _axe(tab, axe, colour_only=target.scheme != SCHEMES[0])
        tab.wait_for_load_state("networkidle")
    except Exception as error:  # noqa: BLE001 (a page that breaks the probe is a problem to report)
        problems["console"].append(f"the page could not be probed: {error}")
        load_ms = (time.perf_counter() - started) * 1000
    finally:
        tab.close()
    problems["offsite"] = offsite.take()
    transfers = server.since(mark)
    if data:
        _judge(data, target, problems)
    return Visit(
        page=target.page,
        scheme=target.scheme,
        problems=problems,
        h1=" ".join(data.get("h1", [""])[:1]),
        code_blocks=int(data.get("codeBlocks", 0)),
        figures=int(data.get("figureCount", 0)),
        transferred=sum(t.size for t in transfers),
        requests=len(transfers),
        math=int(data.get("math", 0)),
        math_ready_ms=data.get("mathReadyMs"),
        load_ms=load_ms,
        links=list(data.get("links", [])),
        ids=set(data.get("ids", [])),
        largest=sorted(((t.path, t.size) for t in transfers), key=lambda t: -t[1])[:3],
    )


def _judge(data: dict[str, Any], target: Target, problems: dict[str, list[str]]) -> None:
    page, scheme = target.page, target.scheme
    math = problems["math"]
    math += [f"raw TeX in the text: …{snippet}…" for snippet in data["rawTex"]]
    math += [f"formula not rendered by KaTeX: {tex}" for tex in data["unrendered"]]
    math += [f"math error node {node}" for node in data["mathErrors"]]
    math += [f"font failed to load: {face}" for face in data["fontErrors"]]
    if data["unsized"]:
        math.append(f"{data['unsized']} formulas take no space on the page")
    if data["math"] and "KaTeX_Main" not in data["katexFont"]:
        math.append(f"KaTeX's stylesheet is not applied (font-family {data['katexFont']!r})")
    problems["images"] += [f"image does not load: {src}" for src in data["images"]]
    problems["images"] += data["figures"]
    problems["legibility"] += data["legibility"]
    if len(data["h1"]) != 1:
        problems["structure"].append(f"{len(data['h1'])} <h1> elements: {data['h1']}")
    if not data["title"]:
        problems["structure"].append("no <title>")
    if data["lang"] != page.language:
        problems["structure"].append(f"<html lang={data['lang']!r}>, expected {page.language!r}")
    if data["withoutButton"]:
        problems["copy"].append(
            f"{data['withoutButton']} of {data['codeBlocks']} code blocks have no copy button"
        )
    if data["scheme"] != MATERIAL_SCHEME[scheme]:
        problems["scheme"].append(
            f"a reader who prefers {scheme} gets the {data['scheme']!r} scheme"
        )


def _axe(tab: Tab, source: str, *, colour_only: bool) -> list[str]:
    """Serious and critical axe-core violations, one line per rule.

    In the second colour scheme only the rules that depend on colours run again: the others
    judge the same document.
    """
    tab.add_script_tag(content=source)
    options: dict[str, Any] = {"resultTypes": ["violations"]}
    if colour_only:
        options["runOnly"] = list(COLOUR_RULES)
    violations = tab.evaluate(
        "async (options) => (await axe.run(document, options)).violations", options
    )
    found = []
    for violation in violations:
        if violation["impact"] in {"serious", "critical"}:
            targets = [" ".join(map(str, node["target"])) for node in violation["nodes"]]
            example = "; ".join(targets[:3])
            summary = " ".join(str(violation["nodes"][0].get("failureSummary", "")).split())
            found.append(
                f"{violation['id']} ({violation['impact']}): {violation['help']}; "
                f"{len(targets)} elements, e.g. {example}; first: {summary[:300]}"
            )
    return found


def report(visits: list[Visit], directory: Path) -> None:
    """Write ``weight.json`` and ``weight.md``: bytes and math time of every page."""
    ordered = sorted(visits, key=lambda v: (v.page, v.scheme))
    rows = [
        {
            "page": v.page.name,
            "language": v.page.language,
            "scheme": v.scheme,
            "bytes": v.transferred,
            "requests": v.requests,
            "formulas": v.math,
            "math_ready_ms": None if v.math_ready_ms is None else round(v.math_ready_ms, 1),
            "load_ms": round(v.load_ms, 1),
            "largest": [{"path": path, "bytes": size} for path, size in v.largest],
        }
        for v in ordered
    ]
    directory.mkdir(parents=True, exist_ok=True)
    (directory / "weight.json").write_text(json.dumps(rows, indent=2) + "\n", "utf-8")
    lines = [
        "# Page weight (cold load, nothing cached, light scheme)",
        "",
        "| page | KiB | requests | formulas | math ready (ms) | largest transfer |",
        "| --- | ---: | ---: | ---: | ---: | --- |",
    ]
    for v in ordered:
        if v.scheme != SCHEMES[0]:
            continue
        ready = "–" if v.math_ready_ms is None else f"{v.math_ready_ms:.0f}"
        path, size = v.largest[0] if v.largest else ("", 0)
        lines.append(
            f"| {v.page.name} | {v.transferred / 1024:.0f} | {v.requests} | {v.math} | {ready} "
            f"| {path} ({size / 1024:.0f} KiB) |"
        )
    (directory / "weight.md").write_text("\n".join(lines) + "\n", "utf-8")
