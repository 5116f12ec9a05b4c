"""The export, feeds and calendars are the same bytes whether a second process writes them
(large sites) or the build's own (small sites), and nothing of the staging is left behind."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from .conftest import Built


def tree(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*"))
            if p.is_file() and p.name != "sitemap.xml.gz"}


def test_side_process_writes_the_same_site(build: Callable[..., Built]) -> None:
    # A file of the site's own at the export's address: Confnotes' file replaces it either way.
    docs = {"data/notes.json": "[]", "notes/extra.md": "---\ntitle: 추가\nspeakers: 홍길동\n---\n"}
    inline = build(docs, samples=True, env={"CONFNOTES_SIDE_PROCESS": "0"})
    side = build(docs, samples=True, env={"CONFNOTES_SIDE_PROCESS": "1"})
    assert inline.returncode == 0 and side.returncode == 0, side.log
    first, second = tree(inline.site), tree(side.site)
    assert sorted(first) == sorted(second)
    assert [name for name in first if first[name] != second[name]] == []
    assert "data/notes.json" in first and first["data/notes.json"] != b"[]"
    assert "speakers/홍길동/feed.xml" in first
    assert not [p for p in side.site.iterdir() if p.name.startswith(".confnotes-")]
