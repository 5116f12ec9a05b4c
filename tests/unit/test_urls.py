"""Relative addresses written by Confnotes' listings are MkDocs' own."""

from __future__ import annotations

import itertools
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from confnotes.adapter.urls import RelativeUrls
from mkdocs.utils import normalize_url

PAGES = ["", "index.html", "404.html", "speakers/", "speakers/kim/", "speakers/kim-2/",
         "notes/2024/deview/0001/", "notes/2024/deview/0001.html", "notes/a.b/", "topics/ai/",
         "notes/2024/", "a/b/c/d/e/", "/abs/", "x//y/", "./x/", "../x/", "notes/v1.2/x/",
         "이강욱/", "speakers/이강욱/"]
PATHS = ["speakers/kim/", "speakers/kim", "speakers/", "notes/2024/deview/0001/",
         "notes/2024/deview/0002/", "assets/videos/abc.jpg", "topics/ai/", "feed.xml",
         "notes/a.b/", "", ".", "./", "..", "../x/", "./x/", "x/../y/", "x//y/", "/abs/",
         "#top", "https://example.com/a/", "//example.com/", "mailto:a@b.c", "a?b=1", "a#b",
         "a\\b", "speakers/이강욱/", "events/deview-2024/", "a/b/c/d/e/f/"]


def test_the_same_as_normalize_url_from_every_page() -> None:
    urls = RelativeUrls()
    # Pages in turn and back again: what is remembered of one page never leaks into another.
    for page_url, path in itertools.chain(itertools.product(PAGES, PATHS),
                                          itertools.product(reversed(PAGES), PATHS)):
        page = SimpleNamespace(url=page_url)
        assert urls(path, page, "") == normalize_url(path, page=page, base=""), (page_url, path)
    assert urls("speakers/kim/", None, "../..") == normalize_url("speakers/kim/", None, "../..")


def test_a_talk_listed_on_many_pages_links_from_each() -> None:
    """A listed talk's markup is made once and its addresses for each page (pages.View): on
    the page of its own topic, another topic's, a speaker's, a note's and the home page, in
    turns and back, each listing is the one a view that never listed it before writes."""
    from confnotes import index
    from confnotes.adapter.pages import View
    from confnotes.messages import Report
    from confnotes.registry import Registry
    from jinja2 import Environment

    from .helpers import note

    texts = ["---\ntitle: 서비스 메시 이야기\ndate: 2024-11-04\nevent: DEVIEW 2024\n"
             "speakers: [석지안, 문도경]\ntopics: [kubernetes, network]\n"
             "slides: https://example.com/slides\n---\n본문\n",
             "---\ntitle: 관측성\ndate: 2023-10-02\nspeakers: [석지안]\ntopics: [network]\n---\n"
             "본문\n"]
    raws = [note(t, f"notes/{n}.md")[0] for n, t in enumerate(texts)]
    site = index.build(raws, {r.path: r.path[:-3] + "/" for r in raws},
                       {k: Registry(k) for k in ("speaker", "topic", "event")},  # type: ignore[misc]
                       Report())
    env = Environment(autoescape=True)
    template = ("{{ confnotes.talk_items(confnotes.topic_talks('network')) }}"
                "{{ confnotes.talk_items(confnotes.appearances(speaker), show_role=True) }}")
    [speaker] = [t.id for t in site.terms["speaker"].values() if t.name == "석지안"]
    pages = ["topics/network/", "topics/kubernetes/", f"speakers/{speaker}/", "notes/0/", "",
             "topics/kubernetes/", "topics/network/", ""]
    kept = View(site)
    listed = []
    for url in pages:
        page = SimpleNamespace(url=url)
        got = env.from_string(template).render(confnotes=kept, page=page, base_url="",
                                               speaker=speaker)
        fresh = env.from_string(template).render(confnotes=View(site), page=page, base_url="",
                                                 speaker=speaker)
        assert got == fresh, url
        listed.append(got)
    assert 'href="./"' in listed[0] and 'href="../network/"' in listed[1]
    assert 'href="../../topics/network/"' in listed[2] and 'href="topics/network/"' in listed[4]


def test_the_sitemap_is_rendered_again_only_when_a_page_it_lists_has_changed() -> None:
    """Under `mkdocs serve`, a rebuild gives MkDocs the kept sitemap while every page's
    address and date are as before, and renders it again when one is not."""
    import jinja2
    import mkdocs
    from confnotes.adapter.rebuilds import KeptSitemap, SitemapTemplate

    folder = Path(mkdocs.__file__).parent / "templates"
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(folder)))
    renders: list[int] = []

    class Counted:
        def __init__(self) -> None:
            self.template = env.get_template("sitemap.xml")
            self.filename = self.template.filename

        def render(self, context: dict[str, Any]) -> str:
            renders.append(1)
            return str(self.template.render(context))

    def pages(*urls: str) -> list[Any]:
        return [SimpleNamespace(page=SimpleNamespace(
            is_link=False, canonical_url=url, abs_url="/" + url.split("/", 3)[-1],
            update_date="2026-12-01")) for url in urls]

    kept = KeptSitemap()
    first = pages("http://x/a/", "http://x/b/")
    made = SitemapTemplate(Counted(), kept).render({"pages": first})
    assert "<loc>http://x/b/</loc>" in made and len(renders) == 1
    again = SitemapTemplate(Counted(), kept).render({"pages": pages("http://x/a/", "http://x/b/")})
    assert again == made and len(renders) == 1            # the same pages: not rendered
    moved = SitemapTemplate(Counted(), kept).render({"pages": pages("http://x/a/", "http://x/c/")})
    assert "<loc>http://x/c/</loc>" in moved and len(renders) == 2
    dated = pages("http://x/a/", "http://x/c/")
    dated[0].page.update_date = "2026-12-02"
    assert "2026-12-02" in SitemapTemplate(Counted(), kept).render({"pages": dated})
    assert len(renders) == 3


def test_pages_made_with_remembered_joins_have_the_same_addresses(tmp_path: Path) -> None:
    """Under `mkdocs serve --dirty` MkDocs' pages module joins addresses through Confnotes'
    remembering joins: every page gets the addresses urllib gives, build after build."""
    import urllib.parse

    from confnotes.adapter import page_urls
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure import pages as mkdocs_pages
    from mkdocs.structure.files import File

    config = MkDocsConfig()
    (tmp_path / "docs").mkdir()
    config.load_dict({"site_name": "t", "docs_dir": str(tmp_path / "docs"),
                      "site_dir": str(tmp_path / "site"), "site_url": "https://notes.example/k/",
                      "repo_url": "https://github.com/o/r", "edit_uri": "edit/main/docs/"})
    assert not config.validate()[0]
    sources = ["index.md", "notes/2024/데뷰 2024/a b.md", "speakers/kai-fu-lee.md", "x/#y?.md"]

    def addresses() -> list[tuple[Any, ...]]:
        made = [mkdocs_pages.Page(None, File(s, config.docs_dir, config.site_dir, True), config)
                for s in sources]
        return [(p.canonical_url, p.abs_url, p.edit_url) for p in made]

    before = addresses()
    saved = mkdocs_pages.urljoin, mkdocs_pages.urlsplit  # type: ignore[attr-defined]
    try:
        assert page_urls.remember()
        assert page_urls.remember()          # a second serve start leaves them as they are
        page_urls.urljoin.cache_clear()
        assert addresses() == before == addresses()
        assert page_urls.urljoin.cache_info().hits >= len(sources)
        assert before[1][0] == "https://notes.example/k/notes/2024/%EB%8D%B0%EB%B7%B0%202024/a%20b/"
    finally:
        mkdocs_pages.urljoin, mkdocs_pages.urlsplit = saved  # type: ignore[attr-defined]
    assert mkdocs_pages.urljoin is urllib.parse.urljoin  # type: ignore[attr-defined]


def test_theme_files_listed_once_are_those_mkdocs_lists(tmp_path: Path) -> None:
    """Under `mkdocs serve --dirty` the installed themes' files are listed once per process:
    MkDocs gets the same files as its own listing gives, and a file added to the site's own
    theme folder counts at the next build."""
    import shutil

    from confnotes.adapter import theme_files
    from mkdocs.config import load_config
    from mkdocs.structure.files import Files

    root = Path(__file__).resolve().parents[2]
    project = tmp_path / "project"
    (project / "docs").mkdir(parents=True)
    shutil.copy(root / "mkdocs.yml", project / "mkdocs.yml")
    for folder in ("templates", "hooks"):
        shutil.copytree(root / folder, project / folder,
                        ignore=shutil.ignore_patterns("__pycache__"))
    config = load_config(str(project / "mkdocs.yml"))

    def listed() -> list[tuple[str, str]]:
        files = Files([])
        Files.add_files_from_theme(files, config.theme.get_env(), config)
        return sorted((f.src_uri, f.abs_src_path or "") for f in files)

    own = listed()
    assert any(uri.startswith("assets/") for uri, _path in own)      # Material's
    assert any(path.startswith(str(project / "templates")) for _uri, path in own)
    theme_files._KEPT.clear()
    try:
        assert theme_files.remember()
        assert theme_files.remember()        # a second serve start leaves it as it is
        assert listed() == own == listed()
        assert len(theme_files._KEPT) == 1
        env = config.theme.get_env()   # a listing by extension is the environment's own
        assert theme_files._Listing(env, config).list_templates(["yml"]) == (
            env.list_templates(["yml"]))
        (project / "templates" / "assets").mkdir(exist_ok=True)
        (project / "templates" / "assets" / "probe.css").write_text("a{}", encoding="utf-8")
        added = listed()
        assert added == sorted([*own, ("assets/probe.css",
                                       str(project / "templates" / "assets" / "probe.css"))])
    finally:
        Files.add_files_from_theme = theme_files._MKDOCS_OWN  # type: ignore[method-assign]
    assert listed() == added
