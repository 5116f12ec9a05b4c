"""adapter/indexing.py: the search entries made in the second process are the search plugin's
own for the same page, the index lists them in the same order, and a page changed after they
were made is indexed here."""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future
from pathlib import Path
from typing import Any

from confnotes import feeds, outputs, search
from confnotes.adapter import indexing
from confnotes.side_process import SideProcess
from material.plugins.search.plugin import SearchIndex, SearchPlugin
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from .test_converting import NOTES, config_and_files
from .test_search import _site, search_config

MORE = {
    "notes/tagged.md": "---\ntags: [AI, 반도체]\nsearch:\n  boost: 2\n---\n\n# 태그\n\n본문 "
                       "<b>굵게</b>\n\n## 둘째\n\n```\ncode  kept\n```\n",
    "notes/hidden.md": "---\nsearch:\n  exclude: true\n---\n\n# 숨김\n\n찾지 못한다\n",
    "notes/no-h1.md": "앞말\n\n### 셋째 단계\n\n- 목록 <sub>아래</sub>\n",
    "notes/n.md": "# 노트\n\n반도체 설계 이야기\n\n## First Talk {#first}\n\n앱이 중요하다\n\n"
                  "### 부분\n\n## Memory {#memory}\n\n데이터 이동, 클라우드보안\n",
}


def rendered_pages(tmp_path: Path, count: int) -> tuple[MkDocsConfig, list[Page]]:
    names = [*NOTES, *MORE] + [f"notes/n{n:03}.md" for n in range(count)]
    config, files = config_and_files(tmp_path, names)
    for name, text in MORE.items():
        (tmp_path / "docs" / name).write_text(text, encoding="utf-8")
    for n in range(count):
        (tmp_path / "docs" / f"notes/n{n:03}.md").write_text(
            f"# 노트 {n}\n\n첫 문단 {n}\n\n## 소제목 {n}\n\n둘째 문단\n", encoding="utf-8")
    pages = []
    for name in names:
        page = Page(None, files.get_file_from_path(name), config)
        page.read_source(config)
        page.render(config, files)
        pages.append(page)
    return config, pages


def search_plugin(config: MkDocsConfig) -> SearchPlugin:
    plugin = SearchPlugin()
    errors, _warnings = plugin.load_config({"lang": "en", "pipeline": [], "fields": {
        "titles": {"boost": 10}}})
    assert not errors
    plugin.on_config(config)
    return plugin


def own_entries(pages: list[Page]) -> list[dict[str, Any]]:
    index = SearchIndex()
    for page in pages:
        index.add_entry_from_context(page)
    return index.entries


def test_entries_made_there_are_the_search_plugins_own(tmp_path: Path) -> None:
    config, pages = rendered_pages(tmp_path, 0)
    plugin = search_plugin(config)
    side = SideProcess()
    try:
        side.submit(indexing.prepare, "t", dict(plugin.config),
                    [indexing.ForIndex(page) for page in pages])
        made = side.submit(indexing.index_piece, "t", 0, len(pages)).result()
    finally:
        side.wait()
    assert len(made) == len(pages)
    for page, entries in zip(pages, made, strict=True):
        assert entries == own_entries([page]), page.file.src_uri
    by_page = dict(zip([p.file.src_uri for p in pages], made, strict=True))
    assert by_page["notes/hidden.md"] == []
    assert by_page["notes/tagged.md"][0]["tags"] == ["AI", "반도체"]
    assert by_page["notes/tagged.md"][0]["boost"] == 2


def test_the_index_takes_them_in_order_and_indexes_a_changed_page_here(
        tmp_path: Path) -> None:
    config, pages = rendered_pages(tmp_path, 3 * indexing.PIECE)
    plugin = search_plugin(config)
    side = SideProcess()
    try:
        work = indexing.Indexing()
        assert work.offer(pages, plugin, side.submit)
        for page in pages:  # every piece done there before this process comes to it
            future = work.pieces.future_of(page.file.src_uri)
            assert future is not None
            future.result()
        # A plugin changes two pages after their entries were made (on_page_context, say).
        pages[-1].content = (pages[-1].content or "") + "<h2 id=\"more\">더한 절</h2><p>새 글</p>"
        pages[-2].meta = {**pages[-2].meta, "tags": ["새 태그"]}
        for page in pages:
            plugin.search_index.add_entry_from_context(page)
        work.finish()
    finally:
        side.wait()
    assert plugin.search_index.entries == own_entries(pages)
    assert work.pieces.taken == len(pages)
    assert any(e["title"] == "더한 절" for e in plugin.search_index.entries)
    assert any(e.get("tags") == ["새 태그"] for e in plugin.search_index.entries)


def test_a_page_this_process_comes_to_first_is_indexed_here(tmp_path: Path) -> None:
    config, pages = rendered_pages(tmp_path, 0)
    plugin = search_plugin(config)
    futures: list[Future[Any]] = []

    def submit(job: Any, *args: Any) -> Future[Any]:
        future: Future[Any] = Future()  # never begun
        if job is indexing.index_piece:
            futures.append(future)
        return future
    work = indexing.Indexing()
    assert work.offer(pages, plugin, submit)
    for page in pages:
        plugin.search_index.add_entry_from_context(page)
    assert futures and all(f.cancelled() for f in futures)
    assert work.pieces.taken == 0
    assert plugin.search_index.entries == own_entries(pages)


def test_only_materials_own_search_is_shared(tmp_path: Path) -> None:
    config, pages = rendered_pages(tmp_path, 0)

    def submit(job: Any, *args: Any) -> Future[Any]:
        raise AssertionError("nothing is offered")
    assert not indexing.Indexing().offer(pages, None, submit)
    plugin = search_plugin(config)
    plugin.config.enabled = False
    assert not indexing.Indexing().offer(pages, plugin, submit)


def analysed_both_ways(tmp_path: Path, change: Callable[[list[Page]], None] | None = None
                       ) -> tuple[str | None, str]:
    """The index as the second process analyses it, if it does, and as this one would."""
    config, pages = rendered_pages(tmp_path, 2 * indexing.PIECE)
    plugin = SearchPlugin()
    errors, _warnings = plugin.load_config(search_config())
    assert not errors
    plugin.on_config(config)
    site = _site()
    levels = {"notes/n/": {"first": 2, "memory": 2}}
    side = SideProcess()
    try:
        work = indexing.Indexing()
        assert work.offer(pages, plugin, side.submit)
        side.submit(outputs._side_write, tmp_path / "staging", site, {},
                    feeds.Settings("", "사이트", None, "ko"))
        work.analyse(levels, side.submit)
        side.submit(search.plain_text, "").result()  # the jobs before it are done
        if change is not None:
            change(pages)
        for page in pages:
            plugin.search_index.add_entry_from_context(page)
        # As Material's plugin writes its index: the analysis made there, if it was.
        written = plugin.search_index.generate_search_index(None)
        there = written if work.written else None
        work.finish()
    finally:
        side.wait()
    if change is None:
        # Made there without any piece done before (all the pages indexed in the build).
        indexing.prepare("alone", dict(plugin.config), [indexing.ForIndex(p) for p in pages])
        outputs._GIVEN["site"] = site
        try:
            assert indexing.analysed("alone", levels) == there
        finally:
            outputs._GIVEN.clear()
    site_dir = tmp_path / "site"
    (site_dir / "search").mkdir(parents=True)
    own = SearchIndex(**plugin.config)
    own.entries = plugin.search_index.entries
    if there is None:
        assert written == own.generate_search_index(None)  # the plugin's own, as before
    (site_dir / "search" / "search_index.json").write_text(
        own.generate_search_index(None), encoding="utf-8")
    search.enrich(site_dir, site, levels)
    return there, (site_dir / "search" / "search_index.json").read_text(encoding="utf-8")


def test_the_whole_index_is_analysed_there_as_here(tmp_path: Path) -> None:
    there, here = analysed_both_ways(tmp_path)
    assert there == here
    assert '"words":' in here and '"about":' in here   # the analysed fields are there


def test_a_changed_page_has_the_index_analysed_here(tmp_path: Path) -> None:
    def change(pages: list[Page]) -> None:
        pages[0].content = (pages[0].content or "") + "<p>반도체설계 이야기</p>"
    there, here = analysed_both_ways(tmp_path, change)
    assert there is None and "반도체설계" in here


def test_pages_indexed_in_another_order_have_the_index_analysed_here(tmp_path: Path) -> None:
    def change(pages: list[Page]) -> None:
        pages[0], pages[1] = pages[1], pages[0]
    there, _here = analysed_both_ways(tmp_path, change)
    assert there is None


def test_a_changed_page_withdraws_the_analysis_there_at_once(tmp_path: Path) -> None:
    # Its result could not be used: the second process is not kept busy with it.
    config, pages = rendered_pages(tmp_path, 0)
    plugin = search_plugin(config)
    jobs: dict[Any, list[Future[Any]]] = {}

    def submit(job: Any, *args: Any) -> Future[Any]:
        future: Future[Any] = Future()  # never begun
        jobs.setdefault(job, []).append(future)
        return future
    work = indexing.Indexing()
    assert work.offer(pages, plugin, submit)
    work.analyse({}, submit)
    [analysis] = jobs[indexing.analysed]
    plugin.search_index.add_entry_from_context(pages[0])
    assert not analysis.cancelled()
    pages[1].content = (pages[1].content or "") + "<p>바뀐 글</p>"
    plugin.search_index.add_entry_from_context(pages[1])
    assert analysis.cancelled() and all(f.cancelled() for f in jobs[indexing.fill])
    for page in pages[2:]:
        plugin.search_index.add_entry_from_context(page)
    assert work.analysis() is None
    assert plugin.search_index.entries == own_entries(pages)
