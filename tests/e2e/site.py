"""The built site under test: build it, find its pages and languages, serve it on 127.0.0.1."""

from __future__ import annotations

import functools
import gzip
import os
import re
import subprocess
import sys
import threading
from dataclasses import dataclass, field
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator
    from io import BufferedIOBase

ROOT = Path(__file__).resolve().parents[2]

#: Set to a directory holding an already built site (say ``site`` right after
#: ``scripts/setup``) to test it instead of building the committed tree again.
SITE_ENV = "XENT_E2E_SITE"

_LANG = re.compile(rb"<html[^>]*\slang=\"([^\"]+)\"")


def build_site(destination: Path) -> Path:
    """Run ``mkdocs build --strict`` from the repository root into ``destination``."""
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(destination)]
    done = subprocess.run(  # noqa: S603 (our own interpreter, fixed arguments)
        command, cwd=ROOT, env=environment, capture_output=True, text=True, timeout=900, check=False
    )
    if done.returncode != 0:
        tail = "\n".join((done.stdout + done.stderr).splitlines()[-40:])
        raise RuntimeError(f"`mkdocs build --strict` failed ({done.returncode}):\n{tail}")
    return destination


@dataclass(frozen=True, order=True)
class Page:
    """One page of the built site: its language and its address below the server's root."""

    language: str
    path: str  # "" for the home page, "kl-divergence/" for a page; "zh/..." in Chinese

    @property
    def name(self) -> str:
        """The page as reports show it: ``/zh/entropy/``."""
        return "/" + self.path


@dataclass(frozen=True)
class SiteMap:
    """The pages of the built site by language, with the prefix of each language."""

    directory: Path
    pages: tuple[Page, ...]
    prefixes: dict[str, str] = field(default_factory=dict)  # "en" -> "", "zh" -> "zh/"

    @property
    def languages(self) -> list[str]:
        """The site's languages, the default (served at the root) first."""
        return sorted(self.prefixes, key=lambda language: (self.prefixes[language] != "", language))

    def in_language(self, language: str) -> list[Page]:
        """The pages of one language, in address order."""
        return sorted(page for page in self.pages if page.language == language)

    def counterpart(self, page: Page, language: str) -> Page:
        """The same page in another language (a ``Page`` that may not exist)."""
        below = page.path.removeprefix(self.prefixes[page.language])
        return Page(language, self.prefixes[language] + below)

    def has(self, page: Page) -> bool:
        """Whether the site has this page."""
        return page in self.pages


def discover(directory: Path) -> SiteMap:
    """Find every page (each ``index.html``, not ``404.html``) and its ``<html lang>``."""
    pages = []
    for index in sorted(directory.rglob("index.html")):
        match = _LANG.search(index.read_bytes()[:4096])
        language = match.group(1).decode() if match else "?"
        path = index.parent.relative_to(directory).as_posix()
        pages.append(Page(language, "" if path == "." else path + "/"))
    prefixes: dict[str, str] = {}
    for page in pages:
        # A language's prefix is the shortest address among its pages: "" or "zh/".
        if page.language not in prefixes or len(page.path) < len(prefixes[page.language]):
            prefixes[page.language] = page.path
    return SiteMap(directory, tuple(pages), prefixes)


@dataclass
class Transfer:
    """One response the server sent: its path, status and bytes on the wire."""

    path: str
    status: int
    size: int


class _CountingWriter:
    """The socket writer of one request, counting what it sends."""

    def __init__(self, inner: BufferedIOBase, on_write: Callable[[int], None]) -> None:
        self._inner = inner
        self._on_write = on_write

    def write(self, data: bytes) -> int:
        self._on_write(len(data))
        return self._inner.write(data)

    def flush(self) -> None:
        self._inner.flush()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._inner, name)


_COMPRESSIBLE = frozenset({".html", ".css", ".js", ".json", ".svg", ".xml", ".txt"})


class _Handler(SimpleHTTPRequestHandler):
    """Serve the site quietly, uncached (so every page loads cold), logging every transfer."""

    server: SiteServer

    def setup(self) -> None:
        super().setup()
        self._sent = 0
        self.wfile = _CountingWriter(self.wfile, self._count)  # type: ignore[assignment]

    def _count(self, size: int) -> None:
        self._sent += size

    def do_GET(self) -> None:
        """Serve text compressed when the browser accepts gzip, as every static host does.

        So the bytes counted are the bytes a reader's browser transfers.
        """
        target = Path(self.translate_path(self.path))
        if target.is_dir() and self.path.split("?")[0].endswith("/"):
            target /= "index.html"
        accepts = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (accepts and target.is_file() and target.suffix in _COMPRESSIBLE):
            super().do_GET()
            return
        body = gzip.compress(target.read_bytes(), mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(target)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "no-store")
        super().end_headers()

    def log_request(self, code: int | str = "-", size: int | str = "-") -> None:  # noqa: ARG002
        self._status = int(code) if str(code).isdigit() else 0

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 (the base class's name)
        pass

    def finish(self) -> None:
        super().finish()
        self.server.record(Transfer(self.path, getattr(self, "_status", 0), self._sent))


class SiteServer(ThreadingHTTPServer):
    """A threaded static server on 127.0.0.1 that logs what it sends."""

    daemon_threads = True

    def __init__(self, directory: Path) -> None:
        super().__init__(("127.0.0.1", 0), functools.partial(_Handler, directory=str(directory)))
        self._lock = threading.Lock()
        self._transfers: list[Transfer] = []

    @property
    def base_url(self) -> str:
        """``http://127.0.0.1:PORT/``."""
        return f"http://127.0.0.1:{self.server_address[1]}/"

    def record(self, transfer: Transfer) -> None:
        """Log one finished response (called from the request's thread)."""
        with self._lock:
            self._transfers.append(transfer)

    def mark(self) -> int:
        """A position in the log, for :meth:`since`."""
        with self._lock:
            return len(self._transfers)

    def since(self, mark: int) -> list[Transfer]:
        """The responses finished after ``mark``."""
        with self._lock:
            return list(self._transfers[mark:])


def serve(directory: Path) -> Iterator[SiteServer]:
    """Serve ``directory`` on 127.0.0.1 at a free port until the generator is closed."""
    server = SiteServer(directory)
    thread = threading.Thread(target=server.serve_forever, name="site-server", daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)
