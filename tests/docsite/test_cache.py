"""The build's disk cache: entries keyed by code, and a warm-up process filling it alongside."""

import hashlib
import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from docsite.cache import cached, filled_by, source_hash


def entry_path(directory: Path, kind: str, key: object) -> Path:
    digest = hashlib.sha256(json.dumps(key).encode()).hexdigest()
    return directory / kind / f"{digest}.json"


def python(code: str) -> "subprocess.Popen[bytes]":
    return subprocess.Popen([sys.executable, "-c", code])  # noqa: S603


@pytest.fixture(autouse=True)
def no_filler() -> Iterator[None]:
    """Each test announces its own warm-up process, if any, and withdraws it."""
    yield
    filled_by(None)


def test_an_entry_is_computed_once_then_read(tmp_path: Path) -> None:
    calls: list[int] = []

    def compute() -> list[object]:
        calls.append(1)
        return [1.5, "x"]

    assert cached("kind", ["key"], compute, directory=tmp_path) == [1.5, "x"]
    assert cached("kind", ["key"], compute, directory=tmp_path) == [1.5, "x"]
    assert calls == [1]
    assert [path.name for path in (tmp_path / "kind").iterdir()] == [
        entry_path(tmp_path, "kind", ["key"]).name
    ]


def test_without_a_directory_nothing_is_kept() -> None:
    calls: list[int] = []
    for _ in range(2):
        cached("kind", ["key"], lambda: calls.append(1), directory=None)
    assert calls == [1, 1]


def test_the_build_waits_for_an_entry_the_warm_up_is_computing(tmp_path: Path) -> None:
    path = entry_path(tmp_path, "formulas", ["key"])
    writer = python(
        "import pathlib, time; time.sleep(0.5); "
        f"p = pathlib.Path({str(path)!r}); p.parent.mkdir(parents=True); p.write_text('42')"
    )
    filled_by(writer, ["formulas"])
    assert (
        cached("formulas", ["key"], lambda: pytest.fail("computed twice"), directory=tmp_path) == 42
    )
    writer.wait()


def test_the_build_computes_what_the_warm_up_left_out(tmp_path: Path) -> None:
    quitter = python("pass")
    filled_by(quitter, ["formulas"])
    assert cached("formulas", ["key"], lambda: 7, directory=tmp_path) == 7
    quitter.wait()


def test_the_build_does_not_wait_for_kinds_the_warm_up_does_not_compute(tmp_path: Path) -> None:
    sleeper = python("import time; time.sleep(30)")
    try:
        filled_by(sleeper, ["formulas"])
        assert cached("events", ["key"], lambda: 3, directory=tmp_path) == 3
        assert sleeper.poll() is None
    finally:
        sleeper.kill()
        sleeper.wait()


def test_the_source_hash_changes_with_a_module_in_a_subfolder(tmp_path: Path) -> None:
    module = tmp_path / "package" / "sub" / "deeper" / "module.py"
    module.parent.mkdir(parents=True)
    module.write_text("x = 1\n")
    before = source_hash(package=tmp_path / "package")
    module.write_text("x = 2\n")
    assert source_hash(package=tmp_path / "package") != before


def test_the_source_hash_changes_when_a_module_is_renamed(tmp_path: Path) -> None:
    package = tmp_path / "package"
    (package / "a").mkdir(parents=True)
    (package / "a" / "module.py").write_text("x = 1\n")
    before = source_hash(package=package)
    (package / "a").rename(package / "b")
    assert source_hash(package=package) != before
