"""Site-relative addresses as one page links to them: what MkDocs' `normalize_url` (the
templates' `url` filter) gives, computed faster for the plain addresses Confnotes makes.

Listings link every row to a note, an event, topics and speakers; `normalize_url` splits and
normalises both addresses on every call. Here the page's own address is split once per page,
each target once per build, and anything that is not a plain path (a scheme, `..`, `./`, `//`,
a query, a fragment, a backslash) is handed to `normalize_url` itself.
"""

from __future__ import annotations

import posixpath
from typing import Any

from mkdocs.utils import normalize_url


class RelativeUrls:
    """`normalize_url(path, page=page, base=base)`, remembered per page and per path."""

    def __init__(self) -> None:
        self._page_url: str | None = None
        self._page_parts: list[str] = []
        self._parts: dict[str, list[str] | None] = {}

    def __call__(self, path: str, page: Any, base: str = "") -> str:
        if page is None:
            return normalize_url(path, page=page, base=base)
        if path in self._parts:
            parts = self._parts[path]
        else:
            parts = self._parts[path] = _plain_parts(path)
        if parts is None:
            return normalize_url(path, page=page, base=base)
        url: str = page.url
        if url != self._page_url:
            self._page_url, self._page_parts = url, _page_parts(url)
        here = self._page_parts
        common = 0
        for a, b in zip(here, parts, strict=False):
            if a != b:
                break
            common += 1
        relative = "/".join(([".."] * (len(here) - common)) + parts[common:]) or "."
        return relative + "/" if path.endswith("/") else relative


def _plain_parts(path: str) -> list[str] | None:
    """The segments of a plain site-relative path (`speakers/kim/` -> speakers, kim); None for
    any other address."""
    if not path or path.startswith(("/", "#")) or any(c in path for c in ":?#\\"):
        return None
    parts = path[:-1].split("/") if path.endswith("/") else path.split("/")
    if any(p in ("", ".", "..") for p in parts):
        return None
    return parts


def _page_parts(url: str) -> list[str]:
    """The folders of a page's address that relative links start from, as MkDocs splits them:
    a last part with a dot is a file name."""
    folder, _, name = url.rpartition("/")
    if "." in name:
        url = folder
    if not url.startswith("/"):
        url = "/" + url
    normal = posixpath.normpath(url)[1:]
    return normal.split("/") if normal else []
