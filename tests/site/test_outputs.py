"""The export, feeds and calendars are the same bytes whether a second process writes them
(large sites) or the build's own (small sites), and nothing of the staging is left behind."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from confnotes.adapter import cleaning

from .conftest import Built


def tree(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*"))
            if p.is_file() and p.name != "sitemap.xml.gz"}


def test_side_process_writes_the_same_site(build: Callable[..., Built]) -> None:
    # A file of the site's own at the export's address: Confnotes' file replaces it either way.
    # With a second process it also reads a share of the notes and cleans the pages' HTML: the
    # same pages, and the same messages in the same order.
    docs = {"data/notes.json": "[]", "notes/extra.md": "---\ntitle: 추가\nspeakers: 홍길동\n---\n",
            "notes/raw.md": "---\ntitle: 원문\n---\n\n<p onclick=\"x()\">a</p>\n\n<script>y()"
                            "</script>\n\n![없는 그림](nowhere.png)\n",
            "notes/broken.md": "---\ntitle: [깨진\ntags: AI, 반도체\n---\n\n발표자: 김민수 (카카오)\n"}
    # Enough pages for batches of them to be cleaned, and pieces of them converted, in the
    # second process; links that MkDocs warns about (a missing page, a missing anchor, an
    # address that names no file), pictures (checked here, so converted here) and raw <img>.
    links = ["[없는 글](../없음.md)", "[옆 글]({prev:02}.md#없는-제목)", "![그림](nowhere.png)",
             '<img src="nowhere.png" alt="">', "[폴더](../folder) [위](#소제목-{n})"]
    docs.update({f"notes/more/{n:02}.md": f"---\ntitle: 노트 {n}\n---\n\n## 소제목 {n}\n\n"
                 f"<b onmouseover=\"x\">{n}</b>\n\n"
                 + links[n % len(links)].format(prev=max(n - 1, 0), n=n) + "\n"
                 for n in range(3 * cleaning.BATCH)})
    inline = build(docs, samples=True, env={"CONFNOTES_SIDE_PROCESS": "0"})
    side = build(docs, samples=True, env={"CONFNOTES_SIDE_PROCESS": "1"})
    assert inline.returncode == 0 and side.returncode == 0, side.log
    first, second = tree(inline.site), tree(side.site)
    assert sorted(first) == sorted(second)
    assert [name for name in first if first[name] != second[name]] == []
    said = [line for line in inline.log.splitlines() if "WARNING" in line]
    assert said == [line for line in side.log.splitlines() if "WARNING" in line]
    # Every message, INFO too, is the same and in the same order, but for the time taken.
    def messages(built: Built) -> list[str]:
        return [line.replace(str(built.root), "ROOT") for line in built.log.splitlines()
                if "Documentation built in" not in line]
    logged = messages(inline)
    assert logged == messages(side)
    assert any("notes/raw.md', line 7" in line and "<script>" in line for line in said), said
    assert any("notes/broken.md" in line for line in said)
    assert sum("notes/more/" in line and "'onmouseover'" in line for line in said) == 3 * cleaning.BATCH
    assert sum("'../없음.md', but the target" in line for line in said) == 15, said
    assert sum("'#없는-제목'" in line or "없는-제목" in line for line in said) >= 15, said
    assert sum("unrecognized relative link '../folder'" in line for line in logged) == 15
    assert sum("image 'nowhere.png'" in line for line in said) >= 15, said
    assert b"onclick" not in first["notes/raw/index.html"]
    assert "data/notes.json" in first and first["data/notes.json"] != b"[]"
    assert "speakers/홍길동/feed.xml" in first
    assert not [p for p in side.site.iterdir() if p.name.startswith(".confnotes-")]
