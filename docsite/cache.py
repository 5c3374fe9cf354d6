"""A disk cache for the build's slow, pure computations, keyed by the code they depend on."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Callable

__all__ = ["CACHE_DIR", "cached", "source_hash"]

ROOT = Path(__file__).resolve().parent.parent
#: Where results are kept between builds (gitignored).
CACHE_DIR = ROOT / ".cache"


def source_hash(*files: Path) -> str:
    """Return a hash of the ``xent`` package's sources and of ``files``."""
    digest = hashlib.sha256()
    for path in sorted([*(ROOT / "xent").glob("*.py"), *files]):
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def cached(kind: str, key: object, compute: Callable[[], Any], *, directory: Path | None) -> Any:
    """Return ``compute()``, stored as JSON under ``directory/kind`` by the hash of ``key``.

    With ``directory=None`` nothing is read or written. ``key`` must be JSON-serialisable and
    should include a `source_hash` of everything ``compute`` depends on.
    """
    if directory is None:
        return compute()
    digest = hashlib.sha256(json.dumps(key).encode()).hexdigest()
    path = directory / kind / f"{digest}.json"
    if path.is_file():
        return json.loads(path.read_text("utf-8"))
    value = compute()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(value), "utf-8")
    return value


def verified_derivation(name: str, *, directory: Path | None = CACHE_DIR) -> str | None:
    """Verify the ``xent.symbolic`` derivation ``name`` once per version of ``xent``.

    Returns None when it verifies, else the reason it does not (its ``DerivationError``, or
    that no derivation has that name).
    """

    def check() -> str | None:
        from xent.symbolic import derivations  # noqa: PLC0415 (SymPy only when needed)

        known = derivations()
        if name not in known:
            return f"no derivation named {name!r}; known: {', '.join(known)}"
        try:
            known[name].verify()
        except ValueError as error:
            return f"derivation {name} does not verify: {error}"
        return None

    result: str | None = cached("derivations", [name, source_hash()], check, directory=directory)
    return result
