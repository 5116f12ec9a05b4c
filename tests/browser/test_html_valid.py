"""The Nu HTML Checker (vnu.jar from the vnu-jar package, pinned in package.json) on every
page type of the sample site: no error but those of Material's own markup, listed below by
message with the reason Confnotes leaves them."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.search import searchbox

from .test_reader_checks import PAGES

pytestmark = pytest.mark.browser

VNU = searchbox.REPO / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
# Material's base.html and partials, which Confnotes extends but does not copy.
MATERIAL: dict[str, str] = {
    "Attribute “autocomplete” is only allowed when the input type is":
        "Material's drawer and search toggles are checkboxes with autocomplete=off (base.html), "
        "which keeps Firefox from restoring their state on reload.",
    "The value of the “for” attribute of the “label” element must be the ID of a non-hidden "
    "form control.":
        "Material's table of contents title is a label for its __toc toggle, which it writes "
        "only on pages whose contents it shows in the sidebar (partials/toc.html).",
}


def _errors(files: list[Path]) -> list[dict[str, str]]:
    java = shutil.which("java")
    if java is None:
        pytest.fail("The HTML check needs Java: `sudo apt-get install default-jre-headless` "
                    "(or run `make checkers` as root).", pytrace=False)
    if not VNU.is_file():
        pytest.fail(f"vnu.jar is missing at {VNU}: run `make checkers` (npm ci).",
                    pytrace=False)
    proc = subprocess.run([java, "-jar", str(VNU), "--format", "json", "--errors-only",
                           *map(str, files)], capture_output=True, text=True, timeout=300,
                          check=False)
    messages: list[dict[str, str]] = json.loads(proc.stderr or proc.stdout)["messages"]
    return messages


def test_every_page_type_is_valid_html(site_dir: Path) -> None:
    files = sorted({site_dir / (p.lstrip("/") + ("index.html" if p.endswith("/") else ""))
                    for p in PAGES.values()})
    assert all(f.is_file() for f in files), [f for f in files if not f.is_file()]
    found = _errors(files)
    left = [m for m in found if not any(m["message"].startswith(k) for k in MATERIAL)]
    assert not left, "\n".join(
        f"{m['url'].split(str(site_dir))[-1]}:{m.get('lastLine')}: {m['message']}" for m in left)


def test_the_checker_finds_errors(tmp_path: Path) -> None:
    """vnu runs and reports: a second <body> is an error."""
    page = tmp_path / "bad.html"
    page.write_text("<!doctype html><html lang=ko><head><title>x</title></head>"
                    "<body><p>a</p></body><body><p>b</p></body></html>", encoding="utf-8")
    assert _errors([page])
