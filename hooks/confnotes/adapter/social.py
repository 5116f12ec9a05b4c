"""Social cards as files of the site, and the Open Graph / Twitter tags that point at them.

`Cards` plans a card per page (cards.py draws it), draws the ones not cached in the side
process while MkDocs renders the pages, and copies each into the site once they are drawn.
"""

from __future__ import annotations

import html
import os
import posixpath
import time
from collections.abc import Callable, Mapping
from concurrent.futures import Future
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal
from urllib.parse import urlsplit

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from ..card_fonts import Fonts
from ..cards import FOLDER, Card, card_key, draw_card
from ..index import Site
from ..names import bounded_slug
from ..side_process import SideProcess
from .page_urls import urljoin

_ELLIPSIS = "…"


# -- the cards of one build -------------------------------------------------------------------


class Cards:
    """Plans a card per page, draws the ones not cached in a second process, and adds each
    to the site's files (MkDocs copies them once `finish` has waited for the drawing)."""

    def __init__(self, cache: Path, fonts: Fonts,
                 known: dict[Any, tuple[str, Path, File]] | None = None) -> None:
        self.cache = cache
        self.fonts = fonts
        # Under `mkdocs serve`: each page's card as the last build planned it (the same file
        # while the card, the fonts and the site folder are), and as this one did.
        self.known = known
        self.planned: dict[Any, tuple[str, Path, File]] = {}
        self.by_page: dict[str, File] = {}        # page src_uri -> the card's file
        self._todo: dict[Path, Card] = {}
        self._cached: set[str] | None = None      # the names in `cache`, listed once
        self._side = SideProcess()
        self._jobs: dict[str, Future[float]] = {}
        self.made = 0
        self.seconds = 0.0     # spent drawing, in the drawing process

    def plan(self, page_src: str, card: Card, files: Files, config: MkDocsConfig) -> None:
        given = (page_src, card, self.fonts.identity, self.cache, config.site_dir,
                 config.use_directory_urls)
        known = self.known.get(given) if self.known is not None else None
        if known is not None:
            url, path, file = known
        else:
            path = self.cache / f"{card_key(card, self.fonts)}.png"
            folder, _, name = page_src.removesuffix(".md").rpartition("/")
            # A note's file name may be as long as a file system allows: with `.png` after it,
            # longer; the card's name is shortened with a hash first.
            name = bounded_slug(name, 200)
            url = f"{FOLDER}/{folder + '/' if folder else ''}{name}.png"
        # `url` is built from a page's src_uri, already as MkDocs keys its files (what
        # get_file_from_path would first make of it, at a cost, for every page).
        if url in files.src_uris:
            return  # a file of the site's own is there: it wins, as a page does
        if known is None:
            # Not added to `files`: MkDocs copies those before it renders the pages, and the
            # drawing goes on while they render; `finish` copies the cards after the pages.
            file = File.generated(config, url, abs_src_path=str(path))
        if self.known is not None:
            self.planned[given] = (url, path, file)
        self.by_page[page_src] = file
        if path.name not in self._cached_names():
            self._todo[path] = card

    def _cached_names(self) -> set[str]:
        """The cards drawn before this build: one listing of the cache, not a look per
        page."""
        if self._cached is None:
            try:
                self._cached = {entry.name for entry in os.scandir(self.cache)
                                if entry.is_file()}
            except OSError:
                self._cached = set()
        return self._cached

    def adopt(self, planned: dict[Any, tuple[str, Path, File]], by_page: dict[str, File],
              files: Files) -> bool:
        """Take a plan made before from the same cards (under `mkdocs serve`): every page has
        the card it had. Not taken (False) when a card's address is now one of the site's own
        files, or a card is no longer in the cache."""
        names = self._cached_names()
        own = files.src_uris
        for file in by_page.values():
            if file.src_uri in own or posixpath.basename(file.abs_src_path or "") not in names:
                return False
        self.planned = dict(planned)
        self.by_page = dict(by_page)
        return True

    def start(self) -> None:
        for path, card in sorted(self._todo.items()):
            self._jobs[str(path)] = self._side.submit(draw_card, path, card, self.fonts)

    def finish(self, wanted: Callable[[str, File], bool] | None = None
               ) -> list[tuple[str, str]]:
        """Wait for the drawing and copy every card (or those `wanted`: a rebuild leaves the
        ones already in place) into the site; (page, error) for each card that could not be
        drawn."""
        failed: list[tuple[str, str]] = []
        self._side.wait()
        for page, file in sorted(self.by_page.items()):
            job = self._jobs.get(str(file.abs_src_path))
            error = job.exception() if job is not None else None
            if error is not None:
                failed.append((page, f"{type(error).__name__}: {error}"))
            elif wanted is None or wanted(page, file):
                file.copy_file()
        done = [job.result() for job in self._jobs.values() if job.exception() is None]
        self.made = len(done)
        self.seconds = sum(done)
        self._todo.clear()
        return failed


# -- the tags ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Social:
    """The Open Graph and Twitter values of one page (templates/partials/confnotes/social.html).
    """

    type: Literal["article", "profile", "website"]
    title: str
    description: str
    url: str | None               # the page's absolute address, when site_url is set
    image: str | None             # the card: absolute when site_url is set, else site-relative
    image_absolute: bool
    image_alt: str
    published: str | None         # a note's date, ISO


def _join(*parts: str | None) -> str:
    return " · ".join(p for p in parts if p)


def shorten(text: str, limit: int = 200) -> str:
    """`text` on one line, cut at a word near `limit` characters with an ellipsis."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0] if " " in text[:limit] else text[:limit]
    return cut.rstrip(" ,.·:;") + _ELLIPSIS


class SocialView:
    """The `confnotes_social` object in templates: `of(page)` gives a page's tags."""

    def __init__(self, config: MkDocsConfig, site: Site, cards: dict[str, File],
                 titles: dict[str, str]) -> None:
        self.base = (config.site_url or "").rstrip("/") + "/" if config.site_url else ""
        self.site_name = config.site_name
        self.description = config.site_description or ""
        self.site = site
        self.cards = cards
        self.titles = titles
        self.notes = {n.path: n for n in site.notes}
        self.seconds = 0.0

    def of(self, page: Page) -> Social:
        return self.describe(page.file.src_uri, page.meta, page.title, page.url)

    def describe(self, src: str, meta: Mapping[str, Any] | None, page_title: str | None,
                 page_url: str) -> Social:
        """The tags of the page made from `src`, given its keys, title and address."""
        start = time.perf_counter()
        try:
            return self._of(src, meta or {}, page_title, page_url)
        finally:
            self.seconds += time.perf_counter() - start

    def _of(self, src: str, meta: Mapping[str, Any], page_title: str | None,
            page_url: str) -> Social:
        kind: Literal["article", "profile", "website"] = "website"
        title = self.titles.get(src) or html.unescape(page_title or "") or self.site_name
        description = self.description
        published = None
        if (note := self.notes.get(meta.get("confnotes_note") or src)) is not None:
            kind, title = "article", note.title
            description = note.summary or note.excerpt or description
            published = note.date.isoformat() if note.date else None
        elif meta.get("confnotes_term"):
            term_kind, ident = meta["confnotes_term"]
            term = self.site.term(term_kind, ident)
            title = term.name
            description = (term.bio or term.description
                           or _join(term.affiliation, term.title, term.place)
                           or description)
            kind = "profile" if term_kind == "speaker" else "website"
        card = self.cards.get(src)
        image = None
        if card is not None:
            image = urljoin(self.base, card.url) if self.base else card.url
        url = urljoin(self.base, page_url) if self.base else None
        return Social(kind, title, shorten(description), url, image, bool(self.base),
                      title, published)


def site_host(site_url: str | None) -> str:
    """`example.com` from `https://example.com/notes/`; '' without a site_url."""
    return urlsplit(site_url).hostname or "" if site_url else ""
