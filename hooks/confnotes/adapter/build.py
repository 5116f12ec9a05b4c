"""Confnotes inside a MkDocs build: one object whose methods the hook events call.

State lives on the object and is reset in `on_config`, because `mkdocs serve` imports the hooks
once and rebuilds many times.
"""

from __future__ import annotations

import html
import json
import logging
import os
import time
from collections.abc import Callable, Iterable
from dataclasses import replace
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files, InclusionLevel
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
from . import addresses, avatar_files, image_markdown, images, pages, rebuilds, social

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


def _answer_material_sitemap_requests(site_dir: Path, site: index.Site,
                                      site_name: str) -> list[str]:
    """Material's script reads every <link rel="alternate"> as a site in another language and
    fetches sitemap.xml beside it: a page with its own feeds gets an empty one there, which
    answers that request instead of a 404. The site-relative paths written."""
    written: list[str] = []
    for feed in feeds.all_feeds(site, site_name, None):
        if feed.folder:
            (site_dir / feed.folder).mkdir(parents=True, exist_ok=True)
            (site_dir / feed.folder / "sitemap.xml").write_bytes(EMPTY_SITEMAP)
            written.append(feed.folder + "sitemap.xml")
    return written


def _config_folder(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path or ".").resolve().parent


class Confnotes:
    """Reads every note once per build, keeps the model, and answers MkDocs' events."""

    def __init__(self, log: logging.Logger | logging.LoggerAdapter[logging.Logger]) -> None:
        self.log = log
        self.command = "build"       # `serve` shows drafts (on_startup says which command)
        self.outputs = outputs.Outputs()
        # `mkdocs serve --dirty`: what one build keeps for the next (None: every build is
        # whole, as `mkdocs build` always is).
        self.rebuilds: rebuilds.Rebuilds | None = None
        self.reset()

    def on_startup(self, command: str, dirty: bool) -> None:
        self.command = command
        if command == "serve" and dirty:
            self.rebuilds = rebuilds.Rebuilds()
            self.outputs.kept = {}
            # MkDocs warns that a dirty build may show stale pages: here it does not.
            logging.getLogger("mkdocs.commands.build").addFilter(_not_dirty_warning)

    def reset(self, cache: Path = Path(".cache/confnotes")) -> None:
        """A new build's state; pictures, avatars and cards are cached under `cache`."""
        self.outputs.cancel()  # a side process a failed build left running
        kept = self.outputs.kept
        self.outputs = outputs.Outputs()
        self.outputs.kept = kept
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
        self.view: pages.View | None = None
        self.doc_pages: list[File] = []
        self.files_now: list[File] = []
        self.search_entries = 0   # entries of Material's search index already kept

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
                raw = self._read_note(file)
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
        self.outputs.start(Path(config.site_dir), self.site, avatars, feed_settings(config),
                           in_process=self.rebuilds is not None and bool(self.rebuilds.urls))
        videos = listings.VIDEO_PICTURES
        self.view = pages.View(self.site, (f.src_uri for f in files
                                           if f.src_uri.startswith(videos)), config.site_name)
        self.social = self._social_view(config)
        if self.rebuilds is not None:
            self._plan_rebuild(files, config)
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
            view: Any = self.view
            if self.rebuilds is not None:
                tape = self.rebuilds.tape
                view = rebuilds.Recorded("confnotes", self.view, tape, rebuilds.PURE)
            pages.install(env, view)
            self._finish_media(env, config, files)
            if self.rebuilds is not None:
                served = set(files.documentation_pages(inclusion=InclusionLevel.is_in_serve))
                served |= set(files.static_pages())
                self.files_now = [f for f in files if f in served or not
                                  f.is_documentation_page()]
                self._restore_kept_pages(files)
        self._log_problems()
        return env

    def on_page_context(self, page: Page, config: MkDocsConfig) -> None:
        if self.rebuilds is not None:
            self.rebuilds.tape.start()

    def on_post_page(self, output: str, page: Page, config: MkDocsConfig) -> str:
        if self.rebuilds is not None:
            self._record_page(page, config)
        return output

    def on_post_build(self, config: MkDocsConfig) -> None:
        if self.site is None:
            return
        site_dir = Path(config.site_dir)
        written = self.outputs.finish(site_dir)
        if self.outputs.side_seconds:
            self.log.debug(f"export, feeds and calendars: {self.outputs.side_seconds * 1000:.0f} "
                           "ms in a second process, beside the pages")
        written += _answer_material_sitemap_requests(site_dir, self.site, config.site_name)
        if self.rebuilds is not None:
            self._write_search_index(config)
        search.enrich(site_dir, self.site, self.heading_levels)
        if self.cards is not None:
            wanted = self._card_wanted(site_dir) if self.rebuilds is not None else None
            for page, error in self.cards.finish(wanted):
                self.log.warning(f"Social card of '{page}' could not be drawn ({error}); its "
                                 "page names a picture that is not there.")
        if self.rebuilds is not None:
            self._remove_stale(config, written)
        self._log_media_time()

    def on_build_error(self, error: Exception) -> None:
        self.outputs.cancel()
        if self.rebuilds is not None:
            self.rebuilds.forget()
            self.outputs.kept = {}

    # -- steps -------------------------------------------------------------------------------

    def _read_note(self, file: File) -> normalize.RawNote:
        data = file.content_bytes
        if self.rebuilds is None:
            return collect.read_note(file.src_uri, data, self.report, self.theme,
                                     slugify=self.slugify)
        kept = self.rebuilds.notes.get(file.src_uri)
        if kept is None or kept.data != data:
            report = Report()
            kept = rebuilds.ReadNote(data, collect.read_note(file.src_uri, data, report,
                                                             self.theme, slugify=self.slugify),
                                     list(report.problems),
                                     {k: list(v) for k, v in report.unknown_keys.items()})
            self.rebuilds.notes[file.src_uri] = kept
        for problem in kept.problems:
            self.report.add(problem)
        for name, places in kept.unknown_keys.items():
            self.report.unknown_keys.setdefault(name, []).extend(places)
        read: normalize.RawNote = kept.raw
        return read

    def _social_view(self, config: MkDocsConfig) -> social.SocialView:
        assert self.site is not None
        titles = {src: page.title for src, page in self.generated.items()}
        titles.update({n.path: n.title for n in self.site.notes})
        return social.SocialView(config, self.site, self.cards.by_page if self.cards else {},
                                titles)

    def _signature(self, files: Files, config: MkDocsConfig) -> tuple[Any, ...]:
        """What every page depends on: settings, templates, pictures and other files."""
        parts: list[Any] = [self.command]
        if config.config_file_path:
            parts.append(Path(config.config_file_path).read_bytes())
        custom_dir = config.theme.custom_dir
        folders = [Path(custom_dir)] if custom_dir else []
        for folder in folders:
            for path in sorted(folder.rglob("*")):
                if path.is_file():
                    stat = path.stat()
                    parts.append((path.as_posix(), stat.st_mtime_ns, stat.st_size))
        for file in files:
            if (not file.is_documentation_page() and file.abs_src_path
                    and file.src_dir == config.docs_dir):
                stat = os.stat(file.abs_src_path)
                parts.append((file.src_uri, stat.st_mtime_ns, stat.st_size))
        return tuple(parts)

    def _plan_rebuild(self, files: Files, config: MkDocsConfig) -> None:
        """Decide which pages this build renders; the others keep last build's output."""
        assert self.rebuilds is not None
        memory = self.rebuilds
        documents = files.documentation_pages(inclusion=lambda _level: True)
        keys: dict[str, tuple[Any, str]] = {}
        for file in documents:
            src = file.src_uri
            if (raw := self.raw.get(src)) is not None:
                keys[src] = ((memory.notes[src].data, file.url), raw.markdown)
            elif (generated := self.generated.get(src)) is not None:
                text = file.content_string
                keys[src] = ((text, generated.title, repr(sorted(generated.meta.items())),
                              file.url), text)
        for src in set(memory.notes) - {f.src_uri for f in documents}:
            del memory.notes[src]
        targets = {"confnotes": self.view, "confnotes_social": self.social,
                   "confnotes_avatars": self.avatars}
        dirty = memory.plan(self._signature(files, config),
                            [(f.src_uri, f.url) for f in documents], keys,
                            {f.src_uri: f.url for f in files}, targets)
        if memory.pages:
            self.log.info(f"rendering {len(dirty)} of {len(documents)} pages again")
        for file in documents:
            # MkDocs' own test compares file times, and knows nothing of generated pages.
            file.is_modified = (  # type: ignore[method-assign]
                _modified if file.src_uri in dirty else _kept)

    def _restore_kept_pages(self, files: Files) -> None:
        """Give each page this build does not render what its last rendering left, as the
        other pages, the anchor checks and the search index read it."""
        assert self.rebuilds is not None
        self.doc_pages = list(files.documentation_pages(inclusion=InclusionLevel.is_in_serve))
        by_src = {f.src_uri: f for f in files}
        for file in self.doc_pages:
            record = self.rebuilds.pages.get(file.src_uri)
            if file.src_uri in self.rebuilds.dirty or record is None or file.page is None:
                continue
            page = file.page
            page.meta = dict(record.meta)
            page.content = record.content
            page.toc = record.toc
            page.present_anchor_ids = record.anchors
            raw = self.raw.get(file.src_uri)
            if raw is not None and len(raw.talks) > 1:
                self.heading_levels[page.url] = heading_levels(page.toc)
            if record.links_to_anchors is not None:
                page.links_to_anchors = {by_src[s]: dict(links) for s, links in
                                         record.links_to_anchors.items() if s in by_src}

    def _record_page(self, page: Page, config: MkDocsConfig) -> None:
        assert self.rebuilds is not None
        calls = self.rebuilds.tape.stop()
        src = page.file.src_uri
        entries: list[dict[str, Any]] = []
        plugin = _search_plugin(config)
        if plugin is not None:
            made = plugin.search_index.entries
            entries = made[self.search_entries:]
            self.search_entries = len(made)
        key = self.rebuilds.keys.get(src)
        links = page.links_to_anchors
        self.rebuilds.pages[src] = rebuilds.PageRecord(
            key[0] if key else None, key[1] if key else "", dict(page.meta), page.content,
            page.toc, page.present_anchor_ids,
            {f.src_uri: dict(v) for f, v in links.items()} if links is not None else None,
            entries, calls)

    def _write_search_index(self, config: MkDocsConfig) -> None:
        """Material's index with every page's entries in page order: in a dirty build its
        plugin keeps only the pages it rendered."""
        assert self.rebuilds is not None
        plugin = _search_plugin(config)
        if plugin is None:
            return
        docs: list[dict[str, Any]] = []
        for file in self.doc_pages:
            record = self.rebuilds.pages.get(file.src_uri)
            docs += record.entries if record is not None else []
        settings = {k: plugin.search_index.config[k]
                    for k in ("lang", "separator", "pipeline", "fields")}
        # As Material writes it, so that the analysis after it reads the same.
        data = json.dumps({"config": settings, "docs": docs}, separators=(",", ":"),
                          default=str)
        path = Path(config.site_dir) / "search" / "search_index.json"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data.encode("utf-8"))

    def _card_wanted(self, site_dir: Path) -> Callable[[str, File], bool]:
        assert self.rebuilds is not None
        last = self.rebuilds.cards

        def wanted(page: str, file: File) -> bool:
            source = file.abs_src_path or ""
            changed = last.get(page) != source or not os.path.isfile(file.abs_dest_path)
            last[page] = source
            return changed
        return wanted

    def _remove_stale(self, config: MkDocsConfig, written: list[str]) -> None:
        assert self.rebuilds is not None
        kept = {f.dest_uri for f in self.doc_pages}
        kept |= {f.dest_uri for f in self.files_now if not f.is_documentation_page()}
        kept |= set(written)
        if self.cards is not None:
            kept |= {f.dest_uri for f in self.cards.by_page.values()}
        kept |= {"search/search_index.json", "sitemap.xml.gz", *config.theme.static_templates}
        self.rebuilds.remove_stale(Path(config.site_dir), kept)

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
        if self.rebuilds is None or not self.rebuilds.kept_any():
            # Pages kept from the last build showed their pictures then, not now.
            self.images.unreferenced_problems(self.report)
        avatars: Any = self.avatars
        tags: Any = self.social
        if self.rebuilds is not None:
            avatars = rebuilds.Recorded("confnotes_avatars", avatars, self.rebuilds.tape)
            tags = rebuilds.Recorded("confnotes_social", tags, self.rebuilds.tape)
        env.globals["confnotes_avatars"] = avatars
        env.globals["confnotes_social"] = tags
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


def _modified() -> bool:
    return True


def _kept() -> bool:
    return False


def _not_dirty_warning(record: logging.LogRecord) -> bool:
    return not record.getMessage().startswith("A 'dirty' build is being performed")


def _search_plugin(config: MkDocsConfig) -> Any:
    """Material's search plugin, found by what it keeps (`search_index.entries`)."""
    for plugin in config.plugins.values():
        index = getattr(plugin, "search_index", None)
        if index is not None and isinstance(getattr(index, "entries", None), list):
            return plugin
    return None
