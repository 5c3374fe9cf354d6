# ruff: noqa: INP001, T201 -- a script, not a package; printing the table is its job
"""How long ``import xent`` and ``import xent.symbolic`` take in a fresh interpreter.

Each import runs in a new Python process, ``--repeat`` times; the script prints the median and
the spread in milliseconds, beside the cost of ``import numpy`` (which ``import xent`` includes)
and ``import sympy`` measured the same way, and whether ``import xent`` loaded SymPy. The
budget is ``import xent`` under 150 ms.

    python benchmarks/import_time.py [--repeat 15] [--root DIR]

``--root`` measures another checkout (for a before/after comparison in the same run).
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

_TIMED = (
    "import sys, time; t = time.perf_counter(); import {module}; "
    "print((time.perf_counter() - t) * 1000, 'sympy' in sys.modules)"
)


def measure(module: str, root: Path, repeat: int) -> tuple[list[float], bool]:
    """Import ``module`` in ``repeat`` fresh interpreters run from ``root``; times in ms."""
    times, loads_sympy = [], False
    for _ in range(repeat):
        result = subprocess.run(  # noqa: S603 (this interpreter, a literal program)
            [sys.executable, "-c", _TIMED.format(module=module)],
            cwd=root,
            env={"PYTHONPATH": str(root), "PATH": ""},
            capture_output=True,
            text=True,
            check=True,
        )
        milliseconds, sympy_loaded = result.stdout.split()
        times.append(float(milliseconds))
        loads_sympy = loads_sympy or sympy_loaded == "True"
    return times, loads_sympy


def main() -> None:
    """Print the median import times."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument("--root", type=Path, default=ROOT)
    arguments = parser.parse_args()
    print(f"{'import':<16} {'median ms':>10} {'min':>7} {'max':>7}  loads SymPy")
    for module in ("numpy", "xent", "sympy", "xent.symbolic"):
        times, sympy = measure(module, arguments.root, arguments.repeat)
        print(
            f"{module:<16} {statistics.median(times):>10.1f} {min(times):>7.1f} "
            f"{max(times):>7.1f}  {'yes' if sympy else 'no'}"
        )


if __name__ == "__main__":
    main()
