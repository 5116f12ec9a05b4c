"""Pages' Markdown converted to HTML in the second process while MkDocs converts the first
pages here: the second process takes pieces from the back (the generated pages, then the notes),
this one from the front, until they meet (the same sharing as reading, side_process.shared).

A page converted there is converted exactly as MkDocs would here: the same Markdown extensions
and settings (sent from this process's config), the same MkDocs tree processors (relative
links, anchors, the title), and a stand-in for the site's files that records every address a
link looked up. Here, as MkDocs asks the page to render, the converted page is taken only if
nothing it depended on differs: the Markdown that MkDocs and the plugins made of the page
(compared by digest), every looked-up address (still there or not, at the same URL), the page's
own address. Anything else, and any failure there, and the page is converted here as usual.

What the conversion logged there (a link to a missing page, for instance) is logged here, by the
same logger, when the page renders: the messages, their order and `--strict` are the same.

Pictures are checked as a page renders (image_markdown.py), against this build's pictures: a
page whose Markdown makes an <img> is left to this process. A converted note without any
<img> is cleaned there too (markup.py), as nothing here changes its HTML before cleaning.
"""

from __future__ import annotations

import hashlib
import logging
import pickle
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass
from pathlib import PurePath
from types import SimpleNamespace
from typing import Any

import markdown  # type: ignore[import-untyped]
from markdown.treeprocessors import Treeprocessor  # type: ignore[import-untyped]
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import (
    Page,
    _ExtractAnchorsTreeprocessor,
    _ExtractTitleTreeprocessor,
    _RawHTMLPreprocessor,
    _RelativePathTreeprocessor,
)
from mkdocs.structure.toc import get_toc
from mkdocs.utils import meta

from .. import markup
from ..side_process import Pieces
from .image_markdown import ImageExtension

# Notes in one job: enough that a job's own cost is small, few enough that this process waits
# little for the job it meets.
PIECE = 20

_PAGES_LOG = logging.getLogger("mkdocs.structure.pages")
Submit = Callable[..., "Future[Any] | None"]
# (url, whether excluded) of a file at a looked-up address; None: no file there. MkDocs' link
# processor asks a file for no more; a file's inclusion is only settled after on_files.
Looked = tuple[str, bool] | None


@dataclass
class Settings:
    """What converting takes from this build, as plain values for the second process."""

    extensions: list[Any]
    extension_configs: dict[str, Any]
    use_directory_urls: bool
    absolute_links: Any
    unrecognized_links: int
    not_found: int
    log_levels: dict[str, int]            # logger name -> effective level here
    files: dict[str, tuple[str, bool]]     # src_uri -> (url, whether excluded)


@dataclass
class Converted:
    """One note as `Page.render` would leave it, and what that depended on and logged."""

    digest: bytes                          # of the Markdown converted
    own: Looked                            # the page's own URL and whether excluded
    content: str
    toc: Any
    title: str | None
    anchor_ids: set[str]
    links_to_anchors: dict[str, dict[str, str]]   # by the linked file's src_uri
    looked: dict[str, Looked]
    logged: list[tuple[str, int, str]]     # logger name, level, message
    cleaned: tuple[str, list[markup.Removed]] | None


def digest(text: str) -> bytes:
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).digest()


# -- the second process ----------------------------------------------------------------------

_SETTINGS: dict[str, Settings] = {}


def prepare(token: str, settings: Settings) -> None:
    """The first job of each offer: keep its settings for the pieces that follow."""
    _SETTINGS[token] = settings
    for name, level in settings.log_levels.items():
        logging.getLogger(name or None).setLevel(level)


def convert_piece(token: str, pages: list[tuple[str, str, bool]]) -> list[Converted | None]:
    """Each (src_uri, source as MkDocs reads it, whether its HTML is cleaned) converted; None
    where this process must convert it."""
    settings = _SETTINGS[token]
    config = _Config(settings)
    return [_convert(settings, config, src_uri, source, clean) for src_uri, source, clean in pages]


class _Picture(Exception):
    pass


class _NoPictures(Treeprocessor):  # type: ignore[misc]
    """Where image_markdown.py's processor runs: a page with any <img> is not converted here."""

    def run(self, root: Any) -> None:
        if next(root.iter("img"), None) is not None:
            raise _Picture


class _Inclusion:
    def __init__(self, excluded: bool) -> None:
        self.excluded = excluded

    def is_excluded(self) -> bool:
        return self.excluded


class _File:
    def __init__(self, src_uri: str, url: str, excluded: bool) -> None:
        self.src_uri = src_uri
        self.url = url
        self.inclusion = _Inclusion(excluded)


class _Files:
    """The site's files as the link processor asks for them, each asked address recorded."""

    def __init__(self, known: dict[str, tuple[str, bool]]) -> None:
        self.known = known
        self.looked: dict[str, Looked] = {}
        self.made: dict[str, _File] = {}

    def get_file_from_path(self, path: str) -> _File | None:
        path = PurePath(path).as_posix()
        found = self.known.get(path)
        self.looked[path] = found
        if found is None:
            return None
        file = self.made.get(path)
        if file is None:
            file = self.made[path] = _File(path, *found)
        return file


class _Config:
    """The settings MkDocs' link processor reads."""

    def __init__(self, settings: Settings) -> None:
        links = SimpleNamespace(absolute_links=settings.absolute_links,
                                unrecognized_links=settings.unrecognized_links,
                                not_found=settings.not_found)
        self.validation = SimpleNamespace(links=links)
        self.use_directory_urls = settings.use_directory_urls


class _Logged(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.NOTSET)
        self.records: list[tuple[str, int, str]] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append((record.name, record.levelno, record.getMessage()))


def _convert(settings: Settings, config: _Config, src_uri: str, source: str,
             clean: bool) -> Converted | None:
    own = settings.files.get(src_uri)
    if own is None:
        return None
    text, _meta = meta.get_data(source)
    md = markdown.Markdown(extensions=settings.extensions,
                          extension_configs=settings.extension_configs)
    md.treeprocessors.register(_NoPictures(md), "confnotes_no_pictures", 3)
    files = _Files(settings.files)
    # Stand-ins for MkDocs' File and Files: what its processors ask of them, and no more.
    file: Any = files.get_file_from_path(src_uri)
    files.looked.clear()
    known: Any = files
    raw_html = _RawHTMLPreprocessor()
    raw_html._register(md)
    anchors = _ExtractAnchorsTreeprocessor(file, known, config)  # type: ignore[arg-type]
    anchors._register(md)
    links = _RelativePathTreeprocessor(file, known, config)  # type: ignore[arg-type]
    links._register(md)
    title = _ExtractTitleTreeprocessor()
    title._register(md)
    logged = _Logged()
    root = logging.getLogger()
    root.addHandler(logged)
    try:
        content = md.convert(text)
    except _Picture:
        return None
    finally:
        root.removeHandler(logged)
    cleaned = None
    if clean and "<img" not in content and "<IMG" not in content:
        cleaned = markup.sanitise(content)
    return Converted(
        digest(text), own, content, get_toc(getattr(md, "toc_tokens", [])), title.title,
        anchors.present_anchor_ids | raw_html.present_anchor_ids,
        {target.src_uri: found for target, found in links.links_to_anchors.items()},
        files.looked, logged.records, cleaned)


# -- this process ----------------------------------------------------------------------------


def settings_of(config: MkDocsConfig, files: Files) -> Settings | None:
    """This build's settings, or None when a page cannot be converted the same there: an
    extension given as an object rather than by name (a plugin's, which may keep what it sees
    in its own process, as a cross-reference plugin does), or settings that cannot be copied."""
    extensions = [e for e in config.markdown_extensions if not isinstance(e, ImageExtension)]
    if not all(isinstance(e, str) for e in extensions):
        return None
    links = config.validation.links
    loggers = ("", "mkdocs", _PAGES_LOG.name, "MARKDOWN")
    settings = Settings(
        extensions, dict(config.mdx_configs or {}), bool(config.use_directory_urls),
        links.absolute_links, links.unrecognized_links, links.not_found,
        {name: logging.getLogger(name or None).getEffectiveLevel() for name in loggers},
        {f.src_uri: (f.url, _excluded(f)) for f in files})
    try:
        pickle.dumps(settings)
    except Exception:
        return None
    return settings


class Converting:
    """The notes of one build whose conversion the second process shares."""

    def __init__(self) -> None:
        self.pieces: Pieces[Converted] = Pieces()

    @property
    def offered(self) -> int:
        return self.pieces.offered   # pages offered to the second process

    @property
    def taken(self) -> int:
        return self.pieces.taken     # pages converted there

    def offer(self, pages: list[tuple[str, str, bool]], config: MkDocsConfig, files: Files,
              submit: Submit) -> bool:
        """Offer `pages` ((src_uri, source, whether cleaned), in the order MkDocs converts
        them) to the second process, with the site's files as they are now; whether they
        were."""
        if not pages or (settings := settings_of(config, files)) is None:
            return False
        token = str(id(self))
        if submit(prepare, token, settings) is None:
            return False
        pieces = [pages[start:start + PIECE] for start in range(0, len(pages), PIECE)]
        for piece in reversed(pieces):  # the second process starts from the back
            future = submit(convert_piece, token, piece)
            if future is None:
                break
            self.pieces.add([src for src, _source, _clean in piece], future)
        return True

    def take(self, src_uri: str) -> Converted | None:
        """The page converted there, if the second process has its piece (Pieces.take)."""
        return self.pieces.take(src_uri)

    def finish(self) -> None:
        """Drop what is left (pages MkDocs did not convert)."""
        self.pieces.finish()


def install(page: Page, converted: Converted) -> None:
    """Have MkDocs take `converted` as `page`'s rendering, if it still holds when MkDocs asks
    (see the module's docstring); else MkDocs' own rendering runs."""

    def render(config: MkDocsConfig, files: Files) -> None:
        del page.render  # the class's own again
        assert page.markdown is not None
        if not _holds(converted, page, files):
            page.render(config, files)
            return
        for name, level, message in converted.logged:
            logging.getLogger(name or None).log(level, message)
        page.content = converted.content
        page.toc = converted.toc
        page._title_from_render = converted.title
        page.present_anchor_ids = converted.anchor_ids
        if _PAGES_LOG.getEffectiveLevel() > logging.DEBUG:
            page.links_to_anchors = {}
            for src, found in converted.links_to_anchors.items():
                target = files.get_file_from_path(src)
                assert target is not None  # _holds checked every looked-up address
                page.links_to_anchors[target] = found

    page.render = render  # type: ignore[method-assign]


def _holds(converted: Converted, page: Page, files: Files) -> bool:
    if (page.file.url, _excluded(page.file)) != converted.own:
        return False
    if digest(page.markdown or "") != converted.digest:
        return False
    for path, looked in converted.looked.items():
        file = files.get_file_from_path(path)
        if (None if file is None else (file.url, _excluded(file))) != looked:
            return False
    return True


def _excluded(file: Any) -> bool:
    return bool(file.inclusion.is_excluded())
