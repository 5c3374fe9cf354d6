r"""Render TeX to HTML with KaTeX at build time: one long-lived Node process for a whole build.

A `KatexRenderer` drives ``docsite/katex_render.mjs``, which renders with the pinned
``katex`` package from ``package.json`` (installed into ``node_modules/`` by ``npm ci``, which
``scripts/setup`` runs). Results are cached in memory and on disk. A formula KaTeX rejects
raises `KatexError` with KaTeX's message. ``docsite/math_html.py`` applies it to pages,
``docsite/katex_assets.py`` copies KaTeX's stylesheet and fonts into the site.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import subprocess
import tempfile
import threading
from pathlib import Path
from typing import IO, TYPE_CHECKING

from docsite.cache import ROOT

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence
    from types import TracebackType

    from typing_extensions import Self

__all__ = [
    "KatexError",
    "KatexRenderer",
    "KatexUnavailableError",
    "katex_dist",
]

#: The Node program that renders; its contents are part of the disk-cache key.
RENDER_SCRIPT = Path(__file__).resolve().parent / "katex_render.mjs"

_SETUP_HINT = "run `npm ci` in the repository root (scripts/setup does it)"

# KaTeX underlines the offending characters with U+0332 COMBINING LOW LINE; that is unreadable
# in a terminal, so messages are shown without it.
_COMBINING_LOW_LINE = "\u0332"


class KatexError(ValueError):
    r"""KaTeX rejected a formula: a parse error, or LaTeX that strict mode does not accept.

    Parameters
    ----------
    message : str
        KaTeX's message, e.g. ``"KaTeX parse error: Undefined control sequence: \lgo at
        position 1: \lgo"``.
    tex : str
        The formula.
    display : bool
        Whether it was rendered in display mode.
    """

    def __init__(self, message: str, *, tex: str, display: bool) -> None:
        self.katex_message = message.replace(_COMBINING_LOW_LINE, "")
        self.tex = tex
        self.display = display
        super().__init__(self.katex_message)


class KatexUnavailableError(RuntimeError):
    """Node or the ``katex`` package is missing, or the renderer process died."""


def katex_dist(root: Path) -> Path:
    """Return ``node_modules/katex/dist`` under ``root``, or raise saying how to install it."""
    package = root / "node_modules" / "katex"
    if not (package / "package.json").is_file() or not (package / "dist").is_dir():
        raise KatexUnavailableError(f"KaTeX is not installed in {package}: {_SETUP_HINT}")
    return package / "dist"


def _installed_katex_version(root: Path) -> str:
    katex_dist(root)
    manifest = json.loads((root / "node_modules" / "katex" / "package.json").read_text("utf-8"))
    return str(manifest["version"])


class KatexRenderer:
    r"""Render TeX with KaTeX through one Node process kept for the whole build.

    The process starts at the first formula that is not cached, and stops at `close`
    (or when the ``with`` block ends). Results are cached in memory for the life of the
    renderer and, if ``cache_dir`` is given, on disk, keyed by the KaTeX version, the render
    script (which holds the KaTeX options) and the formula.

    KaTeX runs with ``throwOnError: true``, ``strict: "error"`` and
    ``output: "htmlAndMathml"``, and trusts no command: anything KaTeX would only warn about,
    and ``\href``, ``\url`` or ``\includegraphics`` (which ``trust: false`` draws as red
    text), is an error.

    Parameters
    ----------
    cache_dir : pathlib.Path, optional
        Directory for the disk cache (the build's is ``.cache/katex``). ``None`` (the default) keeps
        results in memory only.
    node : str, default "node"
        The Node executable (a name looked up on ``PATH``, or a path).
    root : pathlib.Path, optional
        The directory holding ``node_modules/katex``; the repository root by default.

    Raises
    ------
    KatexUnavailableError
        If Node or ``node_modules/katex`` is missing.

    Examples
    --------
    >>> with KatexRenderer() as katex:
    ...     html = katex.render(r"\log_2 8 = 3", display=False)
    >>> html.startswith('<span class="katex">')
    True
    """

    def __init__(
        self,
        *,
        cache_dir: Path | None = None,
        node: str = "node",
        root: Path | None = None,
    ) -> None:
        self._root = ROOT if root is None else root
        self.katex_version = _installed_katex_version(self._root)
        found = shutil.which(node)
        if found is None:
            raise KatexUnavailableError(
                f"cannot find Node ({node!r}) on PATH; install Node 20 or later, then {_SETUP_HINT}"
            )
        self._node = found
        self._cache_dir = cache_dir
        script_hash = hashlib.sha256(RENDER_SCRIPT.read_bytes()).hexdigest()
        self._cache_salt = f"{self.katex_version}\0{script_hash}\0"
        self._memory: dict[tuple[str, bool], str | KatexError] = {}
        self._process: subprocess.Popen[bytes] | None = None
        self._stderr: IO[bytes] | None = None
        self._next_id = 0
        self._lock = threading.Lock()

    def __enter__(self) -> Self:
        """Start the Node process (it would otherwise start at the first uncached formula)."""
        self.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        """Stop the Node process."""
        self.close()

    def start(self) -> None:
        """Start the Node process if it is not running, and wait until KaTeX is loaded.

        Raises
        ------
        KatexUnavailableError
            If the process cannot start or load KaTeX.
        """
        with self._lock:
            self._start()

    def close(self) -> None:
        """Stop the Node process; the renderer starts a new one if used again."""
        with self._lock:
            process, self._process = self._process, None
            if process is not None:
                assert process.stdin is not None  # noqa: S101 (Popen(stdin=PIPE))
                assert process.stdout is not None  # noqa: S101 (Popen(stdout=PIPE))
                try:
                    process.stdin.close()
                    process.wait(timeout=10)
                except (OSError, subprocess.TimeoutExpired):
                    process.kill()
                    process.wait()
                process.stdout.close()
            if self._stderr is not None:
                self._stderr.close()
                self._stderr = None

    def render(self, tex: str, *, display: bool) -> str:
        r"""Render one formula to HTML.

        Parameters
        ----------
        tex : str
            The TeX, without delimiters.
        display : bool
            Display mode (a centred block, ``\begin{align*}`` allowed) or inline mode.

        Returns
        -------
        str
            KaTeX's HTML: ``<span class="katex">`` (inside ``<span class="katex-display">`` in
            display mode), with the MathML first and the visual HTML after it.

        Raises
        ------
        KatexError
            If KaTeX rejects the formula; the message is KaTeX's.
        """
        result = self.render_many([(tex, display)])[0]
        if isinstance(result, KatexError):
            raise KatexError(result.katex_message, tex=tex, display=display)
        return result

    def render_many(self, items: Iterable[tuple[str, bool]]) -> list[str | KatexError]:
        """Render many formulas at once: all requests are sent before any answer is read.

        Parameters
        ----------
        items : iterable of (str, bool)
            ``(tex, display)`` pairs.

        Returns
        -------
        list of str or KatexError
            For each item in order, the HTML or the error (returned, not raised).

        Raises
        ------
        KatexUnavailableError
            If the renderer process cannot start or dies.
        """
        keys = [(tex, bool(display)) for tex, display in items]
        missing: list[tuple[str, bool]] = []
        for key in dict.fromkeys(keys):
            if key in self._memory:
                continue
            cached = self._read_disk(key)
            if cached is None:
                missing.append(key)
            else:
                self._memory[key] = cached
        if missing:
            for key, result in zip(missing, self._ask(missing), strict=True):
                self._memory[key] = result
                if isinstance(result, str):
                    self._write_disk(key, result)
        return [self._memory[key] for key in keys]

    # -- the Node process ---------------------------------------------------------------------

    def _start(self) -> None:
        if self._process is not None:
            if self._process.poll() is None:
                return
            raise self._died("the KaTeX renderer exited")  # the next call starts a new one
        if self._stderr is not None:
            self._stderr.close()
        self._stderr = tempfile.TemporaryFile()  # noqa: SIM115 (lives as long as the process)
        try:
            self._process = subprocess.Popen(  # noqa: S603 (fixed program and script)
                [self._node, str(RENDER_SCRIPT), str(katex_dist(self._root) / "katex.mjs")],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=self._stderr,
                cwd=self._root,
            )
        except OSError as error:
            raise KatexUnavailableError(f"cannot start Node ({self._node}): {error}") from error
        assert self._process.stdout is not None  # noqa: S101 (Popen(stdout=PIPE))
        line = self._process.stdout.readline()
        try:
            hello = json.loads(line)
        except ValueError:
            hello = None
        if not isinstance(hello, dict) or hello.get("ready") is not True:
            raise self._died("the KaTeX renderer did not start")
        if hello.get("katex") != self.katex_version:
            raise self._died(
                f"Node loaded KaTeX {hello.get('katex')}, but node_modules has "
                f"{self.katex_version}: {_SETUP_HINT}"
            )

    def _died(self, what: str, writer: threading.Thread | None = None) -> KatexUnavailableError:
        """Stop the broken process and return an error quoting its stderr."""
        detail = ""
        process, self._process = self._process, None
        if process is not None:
            process.kill()
            process.wait()
            if writer is not None:
                writer.join()  # it fails on the broken pipe, if it was still writing
            for pipe in (process.stdin, process.stdout):
                if pipe is not None:
                    with contextlib.suppress(OSError):
                        pipe.close()
        if self._stderr is not None:
            self._stderr.seek(0)
            detail = self._stderr.read().decode("utf-8", "replace").strip()
            self._stderr.close()
            self._stderr = None
        if "katex" in detail and ("ERR_MODULE_NOT_FOUND" in detail or "Cannot find" in detail):
            what = f"{what}: {_SETUP_HINT}"
        return KatexUnavailableError(f"{what}\n{detail}" if detail else what)

    def _ask(self, keys: Sequence[tuple[str, bool]]) -> list[str | KatexError]:
        """Send every request, then read every answer, in order."""
        with self._lock:
            self._start()
            process = self._process
            assert process is not None  # noqa: S101 (started above)
            assert process.stdin is not None  # noqa: S101 (Popen(stdin=PIPE))
            assert process.stdout is not None  # noqa: S101 (Popen(stdout=PIPE))
            first = self._next_id
            self._next_id += len(keys)
            payload = "".join(
                json.dumps({"id": first + i, "tex": tex, "display": display}) + "\n"
                for i, (tex, display) in enumerate(keys)
            ).encode("utf-8")
            # Write from a thread: answers fill the stdout pipe while requests are still being
            # written, and both sides would block if one thread did both.
            write_errors: list[OSError] = []
            stdin = process.stdin

            def write() -> None:
                try:
                    stdin.write(payload)
                    stdin.flush()
                except OSError as error:
                    write_errors.append(error)

            writer = threading.Thread(target=write, name="katex-writer", daemon=True)
            writer.start()
            results: list[str | KatexError] = []
            for i, (tex, display) in enumerate(keys):
                line = process.stdout.readline()
                try:
                    answer = json.loads(line) if line else None
                except ValueError:
                    answer = None
                if not isinstance(answer, dict) or answer.get("id") != first + i:
                    what = f"unexpected answer {line[:200]!r}" if line else "it stopped"
                    raise self._died(f"the KaTeX renderer failed: {what}", writer)
                if "html" in answer:
                    results.append(str(answer["html"]))
                else:
                    results.append(KatexError(str(answer["error"]), tex=tex, display=display))
            writer.join()
            if write_errors:
                raise self._died(f"cannot write to the KaTeX renderer: {write_errors[0]}")
            return results

    # -- the disk cache -----------------------------------------------------------------------

    def _cache_path(self, key: tuple[str, bool]) -> Path | None:
        if self._cache_dir is None:
            return None
        tex, display = key
        text = f"{self._cache_salt}{int(display)}\0{tex}"
        return self._cache_dir / f"{hashlib.sha256(text.encode('utf-8')).hexdigest()}.html"

    def _read_disk(self, key: tuple[str, bool]) -> str | None:
        path = self._cache_path(key)
        if path is None:
            return None
        try:
            return path.read_text("utf-8")
        except (FileNotFoundError, UnicodeDecodeError):
            return None

    def _write_disk(self, key: tuple[str, bool], html: str) -> None:
        path = self._cache_path(key)
        if path is None:
            return
        path.parent.mkdir(parents=True, exist_ok=True)
        # Write then rename, so a concurrent build never reads half a file.
        fd, temporary = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as file:
            file.write(html)
        Path(temporary).replace(path)
