"""xent: entropy, cross-entropy and KL divergence, computed exactly and derived step by step.

The package has two faces, each listing its names once in its ``__all__``:

- `xent.numeric` (NumPy only) evaluates every quantity; its names are re-exported here, so
  ``from xent import entropy`` works and ``import xent`` stays cheap.
- `xent.symbolic` (SymPy) derives the identities; it is imported, with SymPy, the first time
  it is used (``import xent.symbolic``, or ``xent.symbolic`` after ``import xent``).
"""

import importlib

from xent import numeric
from xent.numeric import *  # noqa: F403 (the numeric face is the package's face)

__version__ = "0.1.0"

__all__ = ["__version__"]
__all__ += numeric.__all__
__all__.sort()


def __getattr__(name: str) -> object:
    """Import `xent.symbolic` (and SymPy) when it is first used as ``xent.symbolic``."""
    if name == "symbolic":
        return importlib.import_module("xent.symbolic")
    raise AttributeError(f"module 'xent' has no attribute {name!r}")
