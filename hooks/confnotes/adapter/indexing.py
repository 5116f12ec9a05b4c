"""Search entries made in the second process while MkDocs renders the pages here.

Material's search plugin indexes each page as it renders: it parses the page's HTML into
sections (a heading and the text under it) and adds an entry for each to its index. On a site
of short notes that parsing is a sixth of the build. Once every page's HTML is final (in
`on_env`, after cleaning), the pages are offered to the second process in pieces from the back,
while MkDocs renders from the front, as with converting (side_process.Pieces). There Material's
own `SearchIndex` indexes a stand-in holding what it reads of a page: its HTML, table of
contents, URL, title and the `search`, `tags` and `title` of its front matter.

As the search plugin comes to a page here, the entries made there are taken only if the page
still holds the same values (a plugin may change a page after `on_env`); otherwise, and for the
pages the second process has not done, the plugin indexes the page itself, as usual. The index
lists the entries in the same order either way, so `search_index.json` is the same bytes.

Nothing here is a documented Material extension point: the search plugin's index object is given
a method of its own for this build (Material is pinned; the site tests compare the whole site
built with and without the second process).
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future
from typing import Any

from mkdocs.structure.pages import Page

from ..side_process import Pieces

# Pages in one job: a job costs a few milliseconds of its own; this process does at most one
# piece's pages itself where the two meet.
PIECE = 40
META = ("search", "tags", "title")  # what the search plugin reads of a page's front matter
Submit = Callable[..., "Future[Any] | None"]
Entries = list[dict[str, Any]]


class ForIndex:
    """What Material's SearchIndex reads of a page."""

    def __init__(self, page: Page) -> None:
        self.url = page.url
        self.title = page.title
        self.meta = _meta(page)
        self.content = page.content
        self.toc = page.toc

    def holds(self, page: Page) -> bool:
        """Whether `page` is still as this stand-in was made from it."""
        return (page.content is self.content or page.content == self.content) and (
            page.toc is self.toc and page.url == self.url and page.title == self.title
            and _meta(page) == self.meta)


def _meta(page: Page) -> dict[str, Any]:
    return {key: page.meta[key] for key in META if key in page.meta}


# -- the second process ----------------------------------------------------------------------


def index_piece(settings: dict[str, Any], pages: list[ForIndex]) -> list[Entries]:
    """Each page's search entries, as Material's SearchIndex makes them."""
    from material.plugins.search.plugin import SearchIndex

    index = SearchIndex(**settings)
    made: list[Entries] = []
    for page in pages:
        start = len(index.entries)
        index.add_entry_from_context(page)
        made.append(index.entries[start:])
    return made


# -- this process ----------------------------------------------------------------------------


class Indexing:
    """The pages of one build whose search entries the second process makes."""

    def __init__(self) -> None:
        self.pieces: Pieces[Entries] = Pieces()
        self.sent: dict[str, ForIndex] = {}

    def offer(self, pages: list[Page], plugin: Any, submit: Submit) -> bool:
        """Offer `pages` (in the order MkDocs renders them) to the second process, and have
        `plugin` (the search plugin) take their entries from there; whether they were."""
        index: Any = getattr(plugin, "search_index", None)
        if not pages or not _shareable(plugin, index):
            return False
        settings = dict(plugin.config)
        stand_ins = [(page.file.src_uri, ForIndex(page)) for page in pages]
        pieces = [stand_ins[start:start + PIECE] for start in range(0, len(stand_ins), PIECE)]
        for piece in reversed(pieces):  # the second process starts from the back
            future = submit(index_piece, settings, [stand_in for _src, stand_in in piece])
            if future is None:
                break
            self.pieces.add([src for src, _stand_in in piece], future)
            self.sent.update(piece)
        if not self.pieces.offered:
            return False
        own = index.add_entry_from_context

        def add_entry_from_context(page: Page) -> None:
            entries = self.take(page)
            if entries is None:
                own(page)
            else:
                index.entries.extend(entries)

        index.add_entry_from_context = add_entry_from_context
        return True

    def take(self, page: Page) -> Entries | None:
        """The page's entries made there, if they were made from the page as it is now."""
        src = page.file.src_uri
        entries = self.pieces.take(src)
        sent = self.sent.pop(src, None)
        if entries is None or sent is None or not sent.holds(page):
            return None
        return entries

    def finish(self) -> None:
        """Drop what is left (pages the search plugin did not index)."""
        self.pieces.finish()
        self.sent = {}


def _shareable(plugin: Any, index: Any) -> bool:
    """Material's own search plugin and index, enabled, without Chinese segmentation (its
    dictionaries are set up in this process only)."""
    try:
        from material.plugins.search import plugin as material_search
    except ImportError:
        return False
    return (type(plugin) is material_search.SearchPlugin
            and type(index) is material_search.SearchIndex
            and bool(plugin.config.enabled) and material_search.jieba is None
            and "add_entry_from_context" not in vars(index))
