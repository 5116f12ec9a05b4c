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

After the export, the second process also analyses the whole index for Korean search
(search.enriched), from every offered page (indexing there the ones the build indexed itself).
The build writes that analysis only if the search plugin indexed exactly the offered pages, in
order, each as offered; otherwise, or if the analysis has not begun when the build ends, the
build analyses its own index as before.

Nothing here is a documented Material extension point: the search plugin's index object is given
a method of its own for this build (Material is pinned; the site tests compare the whole site
built with and without the second process).
"""

from __future__ import annotations

import copy
import json
from collections.abc import Callable, Mapping
from concurrent.futures import Future
from typing import Any

from mkdocs.structure.pages import Page

from .. import outputs, search
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
        self.meta = copy.deepcopy(_meta(page))  # as it is now, whenever it is sent
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


class _Offer:
    def __init__(self, settings: dict[str, Any], pages: list[ForIndex]) -> None:
        self.settings = settings
        self.pages = pages
        self.made: dict[int, Entries] = {}   # by the page's place in `pages`


_OFFERS: dict[str, _Offer] = {}


def prepare(token: str, settings: dict[str, Any], pages: list[ForIndex]) -> None:
    """The first job of an offer: every page, in order, for the pieces and the analysis."""
    _OFFERS[token] = _Offer(settings, pages)


def index_piece(token: str, start: int, stop: int) -> list[Entries]:
    """The search entries of the offer's pages from `start` to `stop`."""
    offer = _OFFERS[token]
    made = _index(offer.settings, offer.pages[start:stop])
    offer.made.update(zip(range(start, stop), made, strict=True))
    return made


def _index(settings: dict[str, Any], pages: list[ForIndex]) -> list[Entries]:
    """Each page's search entries, as Material's SearchIndex makes them."""
    from material.plugins.search.plugin import SearchIndex

    index = SearchIndex(**settings)
    made: list[Entries] = []
    for page in pages:
        start = len(index.entries)
        index.add_entry_from_context(page)
        made.append(index.entries[start:])
    return made


def fill(token: str, start: int, stop: int) -> None:
    """The search entries of the offer's pages from `start` to `stop` that no piece made here
    (the build withdrew their pieces and indexed them itself), for the analysis."""
    offer = _OFFERS[token]
    missing = [place for place in range(start, stop) if place not in offer.made]
    made = _index(offer.settings, [offer.pages[place] for place in missing])
    offer.made.update(zip(missing, made, strict=True))


def analysed(token: str, levels: dict[str, dict[str, int]]) -> str | None:
    """The whole search index with its analysed fields, as `search_index.json`'s text (None:
    plain Material search), made from the offer's pages: what the build's index holds if every
    page was indexed as offered, which `Indexing.analysis` checks."""
    from material.plugins.search.plugin import SearchIndex

    offer = _OFFERS.pop(token)
    index = SearchIndex(**offer.settings)
    for place, page in enumerate(offer.pages):
        made = offer.made.get(place)
        index.entries += made if made is not None else _index(offer.settings, [page])[0]
    # Through the JSON Material writes, as the build's own analysis reads it back.
    data = json.loads(index.generate_search_index(None))
    return search.enriched(data, outputs.given_site(), levels)


# -- this process ----------------------------------------------------------------------------


class Indexing:
    """The pages of one build whose search entries the second process makes."""

    def __init__(self) -> None:
        self.pieces: Pieces[Entries] = Pieces()
        self.token = ""
        self.sent: list[ForIndex] = []
        self._place: dict[str, int] = {}
        self._next = 0          # the place of the page the search plugin should index next
        self._intact = False    # every page so far indexed as offered, in order
        self._analysis: Future[str | None] | None = None
        self._fills: list[Future[Any] | None] = []
        self.written = False    # the search plugin wrote the index analysed there

    def offer(self, pages: list[Page], plugin: Any, submit: Submit) -> bool:
        """Offer `pages` (in the order MkDocs renders them) to the second process, and have
        `plugin` (the search plugin) take their entries from there; whether they were."""
        index: Any = getattr(plugin, "search_index", None)
        if not pages or not _shareable(plugin, index):
            return False
        token = str(id(self))
        try:
            self.sent = [ForIndex(page) for page in pages]
        except Exception:  # a front matter value that cannot be copied: indexed here
            self.sent = []
            return False
        if submit(prepare, token, dict(plugin.config), self.sent) is None:
            return False
        self.token = token
        self._place = {page.file.src_uri: place for place, page in enumerate(pages)}
        srcs = list(self._place)
        for start in reversed(range(0, len(pages), PIECE)):  # the second process: the back first
            stop = min(start + PIECE, len(pages))
            future = submit(index_piece, token, start, stop)
            if future is None:
                break
            self.pieces.add(srcs[start:stop], future)
        self._intact = len(srcs) == len(pages)
        own = index.add_entry_from_context

        def add_entry_from_context(page: Page) -> None:
            entries = self.take(page)
            if entries is None:
                own(page)
            else:
                index.entries.extend(entries)

        index.add_entry_from_context = add_entry_from_context
        own_index = index.generate_search_index

        def generate_search_index(prev: Any) -> str:
            # The analysed index, when the second process has made it, is what the plugin
            # writes: its own JSON would be read back and written over.
            if prev is None and (text := self.analysis()) is not None:
                self.written = True
                return text
            return str(own_index(prev))

        index.generate_search_index = generate_search_index
        return True

    def analyse(self, levels: Mapping[str, Mapping[str, int]], submit: Submit) -> None:
        """Have the second process analyse the whole index once it has done the jobs before
        (search.enriched); given only after the writing of the outputs, whose model it reads.
        First it indexes, piece by piece, the pages whose pieces the build withdrew: a piece of
        that still waiting when the build ends is withdrawn, with the analysis."""
        if self._intact:
            self._fills = [submit(fill, self.token, start, min(start + PIECE, len(self.sent)))
                           for start in range(0, len(self.sent), PIECE)]
            self._analysis = submit(analysed, self.token,
                                    {url: dict(found) for url, found in levels.items()})

    def take(self, page: Page) -> Entries | None:
        """The page's entries made there, if they were made from the page as it is now."""
        src = page.file.src_uri
        entries = self.pieces.take(src)
        place = self._place.get(src)
        holds = place is not None and self.sent[place].holds(page)
        if self._intact and (place != self._next or not holds):
            # The analysis there would be of other pages: its jobs not begun are withdrawn
            # now rather than keep the second process busy until the build waits on them.
            self._intact = False
            self._withdraw_analysis()
        self._next += 1
        return entries if holds else None

    def analysis(self) -> str | None:
        """The analysed index from the second process (see `analysed`), once every page was
        indexed as offered; None where this process analyses it: the pages differ, the index
        is plain Material search, the analysis failed there or had not begun (it is withdrawn,
        with the pages still to index for it). An analysis under way is waited for: what is
        left of it takes no longer than the whole would here."""
        future = self._analysis
        if (future is not None and self._intact and self._next == len(self.sent)
                and not future.cancel()):
            self._analysis, self._fills = None, []
            try:
                return future.result()
            except Exception:
                return None
        self._withdraw_analysis()
        return None

    def _withdraw_analysis(self) -> None:
        """The analysis and the fills it waits for, those not begun; none is asked for again."""
        for job in (*self._fills, self._analysis):
            if job is not None:
                job.cancel()
        self._analysis, self._fills = None, []

    def finish(self) -> None:
        """Drop what is left (pages the search plugin did not index)."""
        self.pieces.finish()
        self.sent = []
        self._place = {}
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
