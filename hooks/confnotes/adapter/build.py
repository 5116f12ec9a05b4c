"""Confnotes inside a MkDocs build: one object whose methods the hook events call.

State lives on the object and is reset in `on_config`, because `mkdocs serve` imports the hooks
once and rebuilds many times.
"""

from __future__ import annotations

import html
import logging
import os
import time
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from .. import (
    body,
    card_fonts,
    cards,
    collect,
    feeds,
    index,
    listings,
    markup,
    normalize,
    outputs,
    page_keys,
    registry,
    search,
    sources,
)
from .. import settings as settings_file
from ..messages import Report
from ..model import Kind
from . import addresses, avatar_files, image_markdown, images, pages, social

DEFAULT_REGISTRIES = collect.DEFAULT_REGISTRIES
REMOVALS_SHOWN = markup.REMOVALS_SHOWN


def feed_settings(config: MkDocsConfig) -> feeds.Settings:
    """What feeds take from mkdocs.yml, as plain values a second process can be given."""
    language = str(config.theme["language"]) if "language" in config.theme else "ko"
    return feeds.Settings(config.site_url or "", config.site_name, config.site_description,
                          language)


def heading_levels(toc: Iterable[Any]) -> dict[str, int]:
    """Level by id of every heading in a page's table of contents."""
    found: dict[str, int] = {}
    stack = list(toc)
    while stack:
        item = stack.pop()
        found[item.id] = item.level
        stack.extend(item.children)
    return found


EMPTY_SITEMAP = (b'<?xml version="1.0" encoding="UTF-8"?>\n'
                 b'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"></urlset>\n')


def _answer_material_sitemap_requests(site_dir: Path, site: index.Site, site_name: str) -> None:
    """Material's script reads every <link rel="alternate"> as a site in another language and
    fetches sitemap.xml beside it: a page with its own feeds gets an empty one there, which
    answers that request instead of a 404."""
    for feed in feeds.all_feeds(site, site_name, None):
        if feed.folder:
            (site_dir / feed.folder).mkdir(parents=True, exist_ok=True)
            (site_dir / feed.folder / "sitemap.xml").write_bytes(EMPTY_SITEMAP)


def _config_folder(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path or ".").resolve().parent


class Confnotes:
    """Reads every note once per build, keeps the model, and answers MkDocs' events."""

    def __init__(self, log: logging.Logger | logging.LoggerAdapter[logging.Logger]) -> None:
        self.log = log
        self.command = "build"       # `serve` shows drafts (on_startup says which command)
        self.outputs = outputs.Outputs()
        self.reset()

    def reset(self, cache: Path = Path(".cache/confnotes")) -> None:
        """A new build's state; pictures, avatars and cards are cached under `cache`."""
        self.outputs.cancel()  # a side process a failed build left running
        self.outputs = outputs.Outputs()
        self.report = Report()
        self.registry_paths: dict[Kind, str] = dict(DEFAULT_REGISTRIES)
        self.registries: dict[Kind, registry.Registry] = {}
        self.raw: dict[str, normalize.RawNote] = {}
        self.site: index.Site | None = None
        self.generated: dict[str, pages.GeneratedPage] = {}
        self.theme: page_keys.Theme | None = None
        self.images = images.Images(cache / "images")
        self.avatars = avatar_files.Avatars(cache / "avatars")
        self.card_font: str | None = None
        self.cards_wanted = True
        self.card_cache = cache / "cards"
        self.cards: social.Cards | None = None
        self.media_seconds = 0.0  # time spent on pictures and cards: logged with -v
        self.social: social.SocialView | None = None
        # Heading levels of notes of several talks, by page URL: search tells each talk's
        # sections apart by them.
        self.heading_levels: dict[str, dict[str, int]] = {}
        self.slugify: body.Slugify = body.anchor_slug
        self.page_source: images.PageSource | None = None
        # What the last build spent where (seconds), as -v logs it; read by bench/hooks_time.py.
        self.timings: dict[str, float] = {}

    # -- events ------------------------------------------------------------------------------

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self.reset(settings_file.cache_dir(_config_folder(config)))
        extra: dict[str, Any] = dict(config.extra or {})
        # The same rules `confnotes check` reads mkdocs.yml by.
        paths, problems = settings_file.registry_paths({"extra": extra}, lambda _: None,
                                                       "mkdocs.yml")
        if problems:
            raise PluginError("\n".join(f"mkdocs.yml: {p.text}" for p in problems))
        self.registry_paths = paths
        # Before MkDocs lists the files: it would walk into a linked folder, wherever it goes.
        linked = sources.linked_folders(Path(config.docs_dir))
        if linked:
            raise PluginError("Confnotes does not build a site whose docs/ links to a folder:\n"
                              + "\n".join("  " + p.for_mkdocs() for p in linked))
        settings = extra.get("confnotes") or {}
        self.theme = page_keys.Theme(config.theme.dirs)
        # Talks' headings get their ids from the slugify mkdocs.yml gives the toc extension.
        self.slugify = config.mdx_configs.get("toc", {}).get("slugify") or body.anchor_slug
        self._configure_media(config, settings)
        return config

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        self._leave_out_unreadable(files, config)
        self._read_registries(files)
        addresses.separate(files, self.report)
        urls: dict[str, str] = {}
        drafts: list[str] = []
        for file in sorted(files.documentation_pages(), key=lambda f: f.src_uri):
            if collect.is_note(file.src_uri):
                raw = collect.read_note(file.src_uri, file.content_bytes, self.report,
                                        self.theme, slugify=self.slugify)
                if raw.draft and self.command != "serve":
                    # A draft is for its writer's preview only (`mkdocs serve`, marked there).
                    files.remove(file)
                    drafts.append(file.src_uri)
                    continue
                self.raw[file.src_uri] = raw
                urls[file.src_uri] = file.url
        if drafts:
            self.log.info("%d draft note(s) left out of the site (draft: true): %s",
                          len(drafts), ", ".join(drafts[:5]) + (" …" if len(drafts) > 5 else ""))
        self.report.report_unknown_keys()
        self.site = index.build(list(self.raw.values()), urls, self.registries, self.report)
        claimed = [note.path for note, _term in index.notes_at_term_pages(self.site)]
        if claimed:
            urls.update(addresses.give_way(files, claimed))
            # Rare, so built once more rather than patched; the warnings are the same words
            # about the same lines, said once.
            self.site = index.build(list(self.raw.values()), urls, self.registries,
                                    self.report)
        for page in pages.generate(self.site, files, config):
            self.generated[page.file.src_uri] = page
        self._read_media(files, config)
        avatars = {ident: avatar.url for ident, avatar in self.avatars.by_speaker.items()}
        self.outputs.start(Path(config.site_dir), self.site, avatars, feed_settings(config))
        self._log_problems()
        return files

    def on_page_read_source(self, page: Page, config: MkDocsConfig) -> str | None:
        raw = self.raw.get(page.file.src_uri)
        # A leading newline keeps MkDocs from reading the body's first lines as metadata.
        return "\n" + raw.markdown if raw is not None else None

    def on_page_markdown(self, markdown: str, page: Page, config: MkDocsConfig,
                         files: Files) -> str:
        src = page.file.src_uri
        # Decoded again only if a message about a picture or raw HTML needs a line of it.
        self.page_source = images.PageSource(page)
        self.images.begin_page(page, self.report, self.page_source)
        if (raw := self.raw.get(src)) is not None:
            meta: dict[str, Any] = dict(raw.page_meta)
            # MkDocs and Material print the title as HTML in <title>, the header and the nav.
            meta["title"] = html.escape(raw.title)
            if raw.summary:
                meta["description"] = html.escape(raw.summary)
            meta.setdefault("template", "note.html")
            meta["confnotes_note"] = src
            page.meta = meta
        elif (generated := self.generated.get(src)) is not None:
            page.meta = dict(generated.meta)
            if src != "index.md":  # the home page's <title> is the site name alone
                page.meta["title"] = html.escape(generated.title)
        else:
            # The site's own pages (index.md, a section's index.md): MkDocs has read their
            # front matter; Material prints the title as HTML.
            meta = {k: v for k, v in page.meta.items() if str(k).casefold() not in
                    page_keys.KEYS}
            meta.update(page_keys.read(page.meta, {}, src, self.report, self.theme))
            if isinstance(meta.get("title"), str):
                meta["title"] = html.escape(meta["title"])
            page.meta = meta
            if src == "index.md":
                page.meta.setdefault("template", "home.html")
        return markdown

    def on_page_content(self, html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        start = time.perf_counter()
        source = self.page_source
        if source is None or source.page is not page:
            source = images.PageSource(page)
        html = self.images.check_html(html, page, self.report, source)
        self.media_seconds += time.perf_counter() - start
        if page.file.src_uri not in self.generated:  # those are Confnotes' own, escaped text
            html = self._sanitise(html, page, source)
        raw = self.raw.get(page.file.src_uri)
        if raw is not None:
            # note.html puts the note's facts under its title: where the rendered title ends.
            end = html.find("</h1>")
            page.meta["confnotes_title_end"] = end + len("</h1>") if end >= 0 else None
            if len(raw.talks) > 1:
                self.heading_levels[page.url] = heading_levels(page.toc)
        return html

    def on_env(self, env: Any, config: MkDocsConfig, files: Files) -> Any:
        self.images.page = None
        if self.site is not None:
            videos = listings.VIDEO_PICTURES
            pages.install(env, self.site,
                          (f.src_uri for f in files if f.src_uri.startswith(videos)),
                          config.site_name)
            self._finish_media(env, config, files)
        self._log_problems()
        return env

    def on_post_build(self, config: MkDocsConfig) -> None:
        if self.site is None:
            return
        site_dir = Path(config.site_dir)
        self.outputs.finish(site_dir)
        if self.outputs.side_seconds:
            self.log.debug(f"export, feeds and calendars: {self.outputs.side_seconds * 1000:.0f} "
                           "ms in a second process, beside the pages")
        _answer_material_sitemap_requests(site_dir, self.site, config.site_name)
        search.enrich(site_dir, self.site, self.heading_levels)
        if self.cards is not None:
            for page, error in self.cards.finish():
                self.log.warning(f"Social card of '{page}' could not be drawn ({error}); its "
                                 "page names a picture that is not there.")
        self._log_media_time()

    def on_build_error(self, error: Exception) -> None:
        self.outputs.cancel()

    # -- steps -------------------------------------------------------------------------------

    def _sanitise(self, html: str, page: Page, source: images.PageSource) -> str:
        """The page's HTML with only what notes may use; each removal a warning at its line."""
        cleaned, removed = markup.sanitise(html)
        if removed:
            src = page.file.src_uri
            for item, line in markup.located(removed, source.text, REMOVALS_SHOWN):
                self.report.warn(src, line, markup.message(item))
            if len(removed) > REMOVALS_SHOWN:
                self.report.warn(src, None, f"raw HTML: {len(removed) - REMOVALS_SHOWN} more "
                                 "kinds of tags, attributes or addresses are removed.")
        return cleaned

    def _leave_out_unreadable(self, files: Files, config: MkDocsConfig) -> None:
        """Files that are links out of docs/ or to nothing, or have names no log should print,
        leave the site before anything reads them (registries included)."""
        for file in list(files):
            if file.generated_by is not None or file.abs_src_path is None:
                continue
            problem = sources.refusal(config.docs_dir, file.src_uri)
            if problem is not None:
                files.remove(file)
                self.report.add(problem)
                self.images.escaping.add(file.src_uri)

    def _read_registries(self, files: Files) -> None:
        def read(path: str) -> bytes | None:
            file = files.get_file_from_path(path)
            if file is None:
                return None
            files.remove(file)  # described once here, never published as a file
            return bytes(file.content_bytes)

        try:
            self.registries = collect.read_registries(read, self.registry_paths, self.report)
        except registry.RegistryError as exc:
            self._log_problems()
            raise PluginError("Confnotes cannot read its registry files:\n" + "\n".join(
                "  " + p.for_mkdocs() for p in exc.problems)) from None

    def _configure_media(self, config: MkDocsConfig, settings: dict[str, Any]) -> None:
        wanted = settings.get("cards", True)
        if not isinstance(wanted, bool):
            raise PluginError("mkdocs.yml: 'extra.confnotes.cards' must be true or false, not "
                              f"{wanted!r}.")
        self.cards_wanted = wanted
        font = settings.get("card_font")
        if font is not None and not isinstance(font, str):
            raise PluginError("mkdocs.yml: 'extra.confnotes.card_font' must be the path of a "
                              f"font file, not {font!r}.")
        if font:
            self.card_font = str(_config_folder(config) / os.path.expanduser(font))
        extension = image_markdown.ImageExtension
        config.markdown_extensions[:] = [
            e for e in config.markdown_extensions if not isinstance(e, extension)]
        config.markdown_extensions.append(extension(self.images))

    def _read_media(self, files: Files, config: MkDocsConfig) -> None:
        """Pictures, avatars, and the cards to draw while the pages render."""
        assert self.site is not None
        start = time.perf_counter()
        self.images.read(files, config.docs_dir)
        self.avatars.read(self.site.terms["speaker"].values(), self.images, files, config,
                          self.report)
        self.cards = None
        if self.cards_wanted:
            fonts, why_not = card_fonts.find_fonts(self.card_font,
                                              remembered=self.card_cache.parent / "fonts.json")
            if fonts is None:
                self.log.warning(f"Social cards are left out: {why_not}. The rest of the site "
                                 "is built as usual.")
            else:
                self.cards = social.Cards(self.card_cache, fonts)
                self._plan_cards(files, config)
                self.cards.start()
        self.media_seconds = time.perf_counter() - start

    def _plan_cards(self, files: Files, config: MkDocsConfig) -> None:
        assert self.site is not None and self.cards is not None
        base = cards.Card("", "", (), config.site_name, social.site_host(config.site_url))
        by_path = {n.path: n for n in self.site.notes}
        for src in sorted(self.raw):
            if src in by_path:
                self.cards.plan(src, cards.note_card(self.site, by_path[src], base), files,
                                config)
        for src, page in sorted(self.generated.items()):
            term = page.meta.get("confnotes_term")
            if term:
                term = self.site.term(*term)
                avatar = self.avatars.by_speaker.get(term.id) if term.kind == "speaker" else None
                card = cards.term_card(self.site, term, base,
                                       str(avatar.path) if avatar else None)
            else:
                card = replace(base, title=page.title if src != "index.md" else config.site_name,
                               details=(config.site_description or "",))
            self.cards.plan(src, card, files, config)

    def _finish_media(self, env: Any, config: MkDocsConfig, files: Files) -> None:
        """Report pictures no page showed, and give templates the media (cards are still
        being drawn: on_post_build waits for them)."""
        assert self.site is not None
        start = time.perf_counter()
        self.images.unreferenced_problems(self.report)
        titles = {src: page.title for src, page in self.generated.items()}
        titles.update({n.path: n.title for n in self.site.notes})
        env.globals["confnotes_avatars"] = self.avatars
        self.social = social.SocialView(config, self.site,
                                       self.cards.by_page if self.cards else {}, titles)
        env.globals["confnotes_social"] = self.social
        self.media_seconds += time.perf_counter() - start

    def _log_media_time(self) -> None:
        made = self.cards.made if self.cards else 0
        drawing = self.cards.seconds if self.cards else 0.0
        spent = self.media_seconds + self.images.page_seconds + (
            self.social.seconds if self.social else 0.0)
        self.timings = {"media_seconds": spent, "side_seconds": self.outputs.side_seconds,
                        "card_seconds": drawing}
        self.log.debug(f"pictures: {len(self.images.pictures)} ({self.images.made} made), "
                       f"avatars: {len(self.avatars.by_speaker)} ({self.avatars.made} made), "
                       f"cards: {len(self.cards.by_page) if self.cards else 0} ({made} drawn); "
                       f"{spent * 1000:.0f} ms on the build's thread, {drawing * 1000:.0f} ms "
                       f"drawing cards beside it")

    def _log_problems(self) -> None:
        for problem in self.report.problems:
            log = self.log.error if problem.severity == "error" else self.log.warning
            log(problem.for_mkdocs())
        self.report.problems.clear()
