"""Under `mkdocs serve --dirty`: MkDocs makes a Page for every file at every rebuild, and
each Page joins and splits its canonical and edit addresses with urllib, about half the time
of making the 7,000 pages of a large site. The answers are the same at every rebuild, so the
serve process remembers them: `remember` gives MkDocs' pages module joins that look the
answer up first. urllib's own cache of splits holds 128 addresses, too few for one build.
The pages' social tags (social.py) join their addresses with the same remembering join."""

from __future__ import annotations

import functools
import urllib.parse
from typing import Any

from mkdocs.structure import pages as mkdocs_pages

# Addresses remembered: two per page (its canonical and edit addresses) for sites of tens of
# thousands of pages, a few megabytes.
REMEMBERED = 1 << 16


@functools.lru_cache(maxsize=REMEMBERED)
def urljoin(base: str, url: str, allow_fragments: bool = True) -> str:
    return urllib.parse.urljoin(base, url, allow_fragments)


@functools.lru_cache(maxsize=REMEMBERED)
def urlsplit(url: str, scheme: str = "", allow_fragments: bool = True) -> Any:
    return urllib.parse.urlsplit(url, scheme, allow_fragments)


def remember() -> bool:
    """Give MkDocs' pages module the remembering joins, if it joins with urllib's own (so a
    later MkDocs that does otherwise is left as it is). Whether it now does."""
    module: Any = mkdocs_pages   # names it imported, not ones it exports
    if getattr(module, "urljoin", None) is urllib.parse.urljoin:
        module.urljoin = urljoin
    if getattr(module, "urlsplit", None) is urllib.parse.urlsplit:
        module.urlsplit = urlsplit
    return getattr(module, "urljoin", None) is urljoin and (
        getattr(module, "urlsplit", None) is urlsplit)
