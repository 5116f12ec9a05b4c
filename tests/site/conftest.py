"""Build real sites in a temporary folder with the repository's mkdocs.yml, hooks and
templates, then let tests read the log and the files written."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parents[2]


@dataclass
class Built:
    root: Path
    returncode: int
    log: str

    @property
    def site(self) -> Path:
        return self.root / "site"

    @property
    def warnings(self) -> list[str]:
        """Warning lines as MkDocs prints them, without the level prefix."""
        return [line.split("-  ", 1)[1].removeprefix("confnotes: ")
                for line in self.log.splitlines() if line.startswith("WARNING")]

    def data(self, name: str) -> list[dict[str, Any]]:
        items: list[dict[str, Any]] = json.loads(
            (self.site / "data" / f"{name}.json").read_text(encoding="utf-8"))[name]
        return items

    def html(self, url: str) -> BeautifulSoup:
        path = self.site / url.split("#")[0] / "index.html"
        return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def write_files(folder: Path, files: dict[str, str | bytes]) -> None:
    """Write `files` (relative path -> text or bytes) under `folder`, which is made too."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, content in files.items():
        target = folder / name
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            target.write_bytes(content)
        else:
            target.write_text(content, encoding="utf-8")


def build_site(root: Path, docs: dict[str, str | bytes] | None = None, *, strict: bool = False,
               samples: bool = False, env: dict[str, str] | None = None,
               config: Callable[[str], str] | None = None, without: tuple[str, ...] = ()
               ) -> Built:
    """Build a site in `root`: the sample docs/ when `samples`, plus the given files;
    `config` rewrites mkdocs.yml's text first; `without` lists files of the project left out."""
    root.mkdir(parents=True, exist_ok=True)
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    (root / "mkdocs.yml").write_text(config(text) if config else text, encoding="utf-8")
    for folder in ("hooks", "templates"):
        shutil.copytree(ROOT / folder, root / folder, dirs_exist_ok=True,
                        ignore=shutil.ignore_patterns("__pycache__"))
    if samples:
        shutil.copytree(ROOT / "docs", root / "docs", dirs_exist_ok=True)
    for path in without:
        (root / path).unlink()
    write_files(root / "docs", docs or {})
    command = [sys.executable, "-m", "mkdocs", "build", "-d", "site"]
    if strict:
        command.append("--strict")
    result = subprocess.run(
        command, cwd=root, capture_output=True, text=True, check=False,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})})
    return Built(root, result.returncode, result.stderr + result.stdout)


@pytest.fixture
def build(tmp_path: Path) -> Callable[..., Built]:
    counter = iter(range(100))

    def run(docs: dict[str, str | bytes] | None = None, **options: Any) -> Built:
        return build_site(tmp_path / f"build{next(counter)}", docs, **options)
    return run


@pytest.fixture(scope="session")
def sample_site(tmp_path_factory: pytest.TempPathFactory) -> Built:
    """The repository's own sample notes, built once with --strict."""
    return build_site(tmp_path_factory.mktemp("samples"), samples=True, strict=True)
