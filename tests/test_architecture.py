"""The layout shows the design: faces, layers, no import circle, the site through the faces.

Every import statement of ``xent/`` and ``docsite/`` is read from the source, those under
``if TYPE_CHECKING:`` and inside functions included.
"""

from __future__ import annotations

import ast
import re
from functools import cache
from pathlib import Path

import pytest

ROOT = Path(__file__).parent.parent
PACKAGES = ("xent", "docsite")

#: The symbolic side's private modules, bottom first: each imports only from those before it
#: (and the topic modules of ``_derivations`` from each other).
SYMBOLIC_LAYERS = (
    "_errors",
    "_notation",
    "_printing",
    "_checks",
    "_lemma",
    "_derivation",
    "_quantities",
    "_derivations",
)
FACES = {"xent", "xent.numeric", "xent.symbolic"}


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


@cache
def modules() -> dict[str, Path]:
    return {
        module_name(path): path for package in PACKAGES for path in (ROOT / package).rglob("*.py")
    }


@cache
def imports(name: str) -> frozenset[str]:
    """The modules of the packages that module ``name`` imports (a name bound from a module
    counts as that module; a package imported for one of its submodules counts as both)."""
    found: set[str] = set()
    path = modules()[name]
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parent = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                base = f"{parent}.{base}" if base else parent
            found.add(base)
            found.update(f"{base}.{alias.name}" for alias in node.names)
    return frozenset(found & set(modules()))


def cycle_through(start: str) -> list[str] | None:
    """An import path from ``start`` back to itself, or None."""
    stack = [(start, [start])]
    seen: set[str] = set()
    while stack:
        name, path = stack.pop()
        for imported in imports(name):
            if imported == start:
                return [*path, start]
            if imported not in seen:
                seen.add(imported)
                stack.append((imported, [*path, imported]))
    return None


def test_the_reader_finds_every_module() -> None:
    assert {"xent.numeric._entropy", "xent.symbolic._derivations._losses"} <= set(modules())
    assert "xent.symbolic._errors" in imports("xent.symbolic._derivation")


@pytest.mark.parametrize("name", sorted(modules()))
def test_no_module_imports_itself_back(name: str) -> None:
    if name in FACES or name.endswith("._derivations"):
        return  # a face imports its modules; none of them imports the face
    assert cycle_through(name) is None, " -> ".join(cycle_through(name) or [])


@pytest.mark.parametrize("name", sorted(n for n in modules() if n.startswith("xent.symbolic.")))
def test_symbolic_modules_import_only_from_lower_layers(name: str) -> None:
    layer = SYMBOLIC_LAYERS.index(name.split(".")[2])
    allowed = {f"xent.symbolic.{below}" for below in SYMBOLIC_LAYERS[: layer + 1]}
    for imported in imports(name):
        assert imported in FACES - {"xent.symbolic"} or any(
            imported == prefix or imported.startswith(f"{prefix}.") for prefix in allowed
        ), f"{name} imports {imported}, above its layer"


@pytest.mark.parametrize("name", sorted(n for n in modules() if n.startswith("xent.numeric.")))
def test_numeric_modules_import_only_numeric_modules(name: str) -> None:
    outside = {m for m in imports(name) if not m.startswith("xent.numeric.")}
    assert not outside, f"{name} imports {sorted(outside)}"


@pytest.mark.parametrize("name", sorted(n for n in modules() if n.startswith("docsite")))
def test_the_site_imports_xent_only_through_its_faces(name: str) -> None:
    below = {m for m in imports(name) if m.startswith("xent") and m not in FACES}
    assert not below, f"{name} imports {sorted(below)}"


PRIVATE_IMPORT = re.compile(r"\b(?:from|import)\s+xent\.\w*\._\w+|\bxent\.(?:numeric|symbolic)\._")


@pytest.mark.parametrize(
    "path", [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))], ids=lambda p: p.name
)
def test_readers_are_shown_only_the_faces(path: Path) -> None:
    text = path.read_text("utf-8")
    assert not PRIVATE_IMPORT.search(text), PRIVATE_IMPORT.findall(text)
