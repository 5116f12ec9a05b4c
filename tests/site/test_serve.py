"""`mkdocs serve` shows edits to notes and registry files on the next rebuild: the hooks keep
no state from one build to the next."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pytest

from .conftest import ROOT


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _get(url: str) -> str:
    try:
        with urllib.request.urlopen(quote(url, safe=":/"), timeout=5) as response:
            return str(response.read().decode("utf-8"))
    except OSError:
        return ""


def _wait_for(url: str, text: str, timeout: float = 60) -> bool:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if text in _get(url):
            return True
        time.sleep(0.2)
    return False


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[Path, str]]:
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    for folder in ("hooks", "templates"):
        shutil.copytree(ROOT / folder, tmp_path / folder,
                        ignore=shutil.ignore_patterns("__pycache__"))
    docs = tmp_path / "docs"
    (docs / "notes").mkdir(parents=True)
    (docs / "speakers.yml").write_text("kfl:\n  name: Kai-Fu Lee\n  name_ko: 리카이푸\n",
                                       encoding="utf-8")
    (docs / "notes" / "a.md").write_text("---\ntitle: 첫 노트\nspeakers: 리카이푸\n---\n본문\n",
                                         encoding="utf-8")
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}",
         "--livereload"], cwd=tmp_path, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    try:
        assert _wait_for(f"http://127.0.0.1:{port}/speakers/kfl/", "첫 노트"), "serve did not start"
        yield docs, f"http://127.0.0.1:{port}/"
    finally:
        server.send_signal(signal.SIGINT)
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


def test_edits_reach_the_generated_pages(served: tuple[Path, str]) -> None:
    docs, base = served
    (docs / "notes" / "b.md").write_text("---\ntitle: 둘째 노트\nspeakers: Kai-Fu Lee\n"
                                         "topics: [새 주제]\n---\n", encoding="utf-8")
    assert _wait_for(base + "speakers/kfl/", "둘째 노트")
    assert _wait_for(base + "topics/새-주제/", "둘째 노트")
    (docs / "speakers.yml").write_text("kfl:\n  name: Kai-Fu Lee\n  name_ko: 리카이푸\n"
                                       "  bio: 새로 적은 소개\n", encoding="utf-8")
    assert _wait_for(base + "speakers/kfl/", "새로 적은 소개")
    (docs / "notes" / "b.md").unlink()
    assert _wait_for(base + "speakers/kfl/", "발표 1회")


def test_a_draft_is_shown_marked_under_serve(served: tuple[Path, str]) -> None:
    docs, base = served
    (docs / "notes" / "draft.md").write_text("---\ntitle: 쓰는 중인 노트\ndraft: true\n"
                                             "speakers: Kai-Fu Lee\n---\n본문\n", encoding="utf-8")
    assert _wait_for(base + "notes/draft/", "쓰는 중인 노트")
    page = _get(base + "notes/draft/")
    assert 'class="cn-draft"' in page and "draft: true" in page
    assert _wait_for(base + "speakers/kfl/", "쓰는 중인 노트")
