"""A disk cache for the build's slow, pure computations, keyed by the code they depend on.

During a build, another process may be filling the cache (`docsite.warmup`): `cached` then
waits for the entries of the kinds it announced instead of computing them twice.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Callable, Collection
    from subprocess import Popen

__all__ = ["CACHE_DIR", "cached", "filled_by", "source_hash"]

ROOT = Path(__file__).resolve().parent.parent
#: Where results are kept between builds (gitignored).
CACHE_DIR = ROOT / ".cache"


def source_hash(*files: Path, package: Path = ROOT / "xent") -> str:
    """Return a hash of ``package``'s sources, in every subfolder, and of ``files``."""
    digest = hashlib.sha256()
    for path in sorted([*package.rglob("*.py"), *files]):
        name = os.path.relpath(path, package.parent)
        digest.update(name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


# The process filling the cache, and the kinds of entries it computes.
_filler: tuple[Popen[bytes], frozenset[str]] | None = None


def filled_by(process: Popen[bytes] | None, kinds: Collection[str] = ()) -> None:
    """Announce a process that computes the entries of ``kinds`` (None: no such process)."""
    global _filler  # noqa: PLW0603 (one warm-up process per build command)
    _filler = None if process is None else (process, frozenset(kinds))


def cached(kind: str, key: object, compute: Callable[[], Any], *, directory: Path | None) -> Any:
    """Return ``compute()``, stored as JSON under ``directory/kind`` by the hash of ``key``.

    With ``directory=None`` nothing is read or written. ``key`` must be JSON-serialisable and
    should include a `source_hash` of everything ``compute`` depends on. While a process
    announced by `filled_by` computes this kind, wait for its entry; once it has exited,
    compute what it left out.
    """
    if directory is None:
        return compute()
    digest = hashlib.sha256(json.dumps(key).encode()).hexdigest()
    path = directory / kind / f"{digest}.json"
    while not path.is_file() and _filler is not None and kind in _filler[1]:
        if _filler[0].poll() is not None:
            break
        time.sleep(0.01)
    if path.is_file():
        return json.loads(path.read_text("utf-8"))
    value = compute()
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f"{path.name}.{os.getpid()}.partial")
    partial.write_text(json.dumps(value), "utf-8")
    partial.replace(path)  # atomic: a reader never sees half an entry
    return value
