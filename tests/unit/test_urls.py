"""Relative addresses written by Confnotes' listings are MkDocs' own."""

from __future__ import annotations

import itertools
from types import SimpleNamespace

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
