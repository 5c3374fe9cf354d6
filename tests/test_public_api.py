import subprocess
import sys
from types import ModuleType

import xent
import xent.numeric


def test_all_lists_exactly_the_public_names() -> None:
    public = {
        name
        for name, value in vars(xent).items()
        if not name.startswith("_") and not isinstance(value, ModuleType)
    }
    assert set(xent.__all__) - {"__version__"} == public
    assert xent.__all__ == sorted(xent.__all__)


def test_numeric_all_is_the_package_api() -> None:
    assert sorted(xent.numeric.__all__) == [name for name in xent.__all__ if name != "__version__"]
    for name in xent.numeric.__all__:
        assert getattr(xent, name) is getattr(xent.numeric, name)


def test_importing_xent_loads_neither_sympy_nor_scipy_nor_matplotlib() -> None:
    code = (
        "import sys, xent; "
        "print(sorted(m for m in ('sympy', 'scipy', 'matplotlib') if m in sys.modules))"
    )
    result = subprocess.run(  # noqa: S603 (runs this interpreter on a literal)
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"
