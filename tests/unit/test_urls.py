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
