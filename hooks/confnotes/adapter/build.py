"""Confnotes inside a MkDocs build: one object whose methods the hook events call (state.py
holds its state; media.py and dirty.py some of its steps)."""

from __future__ import annotations

import html
import logging
import time
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files, InclusionLevel
from mkdocs.structure.pages import Page

from .. import (
    body,
    collect,
    feeds,
    index,
    listings,
    markup,
    page_keys,
    registry,
    search,
    sources,
)
from .. import settings as settings_file
from ..outputs import file_status
from . import addresses, converting, images, page_urls, pages, rebuilds, theme_files
from .dirty import RebuildSteps, not_dirty_warning, search_plugin
from .media import MediaSteps
from .state import config_folder, heading_levels

EMPTY_SITEMAP = (b'<?xml version="1.0" encoding="UTF-8"?>\n'
                 b'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"></urlset>\n')
REMOVALS_SHOWN = markup.REMOVALS_SHOWN


def feed_settings(config: MkDocsConfig) -> feeds.Settings:
    """What feeds take from mkdocs.yml, as plain values a second process can be given."""
    language = str(config.theme["language"]) if "language" in config.theme else "ko"
    return feeds.Settings(config.site_url or "", config.site_name, config.site_description,
                          language)


def _answer_material_sitemap_requests(site_dir: Path, folders: list[str],
                                      kept: dict[str, Any] | None = None) -> list[str]:
    """Material's script reads every <link rel="alternate"> as a site in another language and
    fetches sitemap.xml beside it: a page with its own feeds (in `folders`, feeds.feed_folders)
    gets an empty one there, which answers that request instead of a 404. The site-relative
    paths written. With `kept` (under `mkdocs serve`: path -> file status after the last build
    wrote it), a file still as it was left is not written again."""
    written: list[str] = []
    for folder in folders:
        path = folder + "sitemap.xml"
        written.append(path)
        target = site_dir / path
        if kept is not None and (status := file_status(target)) is not None and (
                kept.get(path) == status):
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(EMPTY_SITEMAP)
        if kept is not None:
            kept[path] = file_status(target)
    return written


class Confnotes(RebuildSteps, MediaSteps):
    """Reads every note once per build, keeps the model, and answers MkDocs' events."""

    def on_startup(self, command: str, dirty: bool) -> None:
        self.command = command
        if command == "serve" and dirty:
            self.rebuilds = rebuilds.Rebuilds()
            page_urls.remember()
            theme_files.remember()
            self.outputs.kept = {}
            # MkDocs warns that a dirty build may show stale pages: here it does not.
            logging.getLogger("mkdocs.commands.build").addFilter(not_dirty_warning)

    # -- events ------------------------------------------------------------------------------

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self.reset(settings_file.cache_dir(config_folder(config)))
        extra: dict[str, Any] = dict(config.extra or {})
        # The same rules `confnotes check` reads mkdocs.yml by.
        paths, problems = settings_file.registry_paths({"extra": extra}, lambda _: None,
                                                       "mkdocs.yml")
        if problems:
            raise PluginError("\n".join(f"mkdocs.yml: {p.text}" for p in problems))
        self.registry_paths = paths
        # Before MkDocs lists the files: it would walk into a linked folder, wherever it goes.
        scan = sources.scan(Path(config.docs_dir))
        if scan.linked:
            raise PluginError("Confnotes does not build a site whose docs/ links to a folder:\n"
                              + "\n".join("  " + p.for_mkdocs() for p in scan.linked))
        self.plain_files = scan.plain
        # A site large enough to share its reading with a second process starts it now: it
        # is ready by the time MkDocs has listed the files.
        if self.outputs.open(scan.markdown, self._rebuild_in_process()):
            self.outputs.side_job(collect.ready)
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
        notes = [file for file in sorted(files.documentation_pages(), key=lambda f: f.src_uri)
                 if collect.is_note(file.src_uri)]
        for file, raw in zip(notes, self._read_notes(notes), strict=True):
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
        self.site = self._model(urls)
        claimed = [note.path for note, _term in index.notes_at_term_pages(self.site)]
        if claimed:
            urls.update(addresses.give_way(files, claimed))
            # Rare, so built once more rather than patched; the warnings are the same words
            # about the same lines, said once.
            self.site = self._model(urls)
        for page in pages.generate(self.site, files, config, self._page_specs(config)):
            self.generated[page.file.src_uri] = page
        self._read_media(files, config)
        # The second process converts pages from the back while this one does from the front:
        # the notes, and the generated pages (last in the files, so the first it takes). An
        # earlier offer of the notes alone, before the model, was measured slower: the second
        # process then left more of the generated pages to this one. Without a second process
        # (a small site, a rebuild under `mkdocs serve`) nothing is listed: listing copies every
        # note's text, and the settings are pickled to check they can be sent.
        if self.outputs.shared:
            self.converting.offer(
                [(f.src_uri, "\n" + self.raw[f.src_uri].markdown, True) if f.src_uri in self.raw
                 else (f.src_uri, f.content_string, False) for f in files.documentation_pages()
                 if f.src_uri in self.raw or f.src_uri in self.generated],
                config, files, self.outputs.side_job)
        avatars = {ident: avatar.url for ident, avatar in self.avatars.by_speaker.items()}
        self.outputs.start(Path(config.site_dir), self.site, avatars, feed_settings(config),
                           in_process=self._rebuild_in_process())
        videos = listings.VIDEO_PICTURES
        self.view = self._view(tuple(sorted(f.src_uri for f in files
                                            if f.src_uri.startswith(videos))),
                               config.site_name)
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
        self.converted = self.converting.take(src)
        if self.converted is not None:
            converting.install(page, self.converted)
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
        raw = self.raw.get(page.file.src_uri)
        if raw is not None and len(raw.talks) > 1:
            self.heading_levels[page.url] = heading_levels(page.toc)
        if page.file.src_uri not in self.generated:  # those are Confnotes' own, escaped text
            converted, self.converted = self.converted, None
            if (converted is not None and converted.cleaned is not None
                    and html == converted.content):
                self.cleaning.add_cleaned(page, *converted.cleaned, source,
                                          self.outputs.side_job)
            else:
                self.cleaning.add(page, html, source, self.outputs.side_job)
        return html

    def _cleaned(self) -> None:
        """Every page converted in this build takes its cleaned HTML (cleaning.py)."""
        for page, cleaned, removed, source in self.cleaning.finish(self.outputs.side_job):
            page.content = cleaned
            self._report_removals(page, removed, source)
            if page.file.src_uri in self.raw:
                # note.html puts the note's facts under its title: where the rendered title
                # ends.
                end = cleaned.find("</h1>")
                page.meta["confnotes_title_end"] = end + len("</h1>") if end >= 0 else None

    def on_env(self, env: Any, config: MkDocsConfig, files: Files) -> Any:
        self.images.page = None
        self.converting.finish()
        if self.converting.offered:
            self.log.debug(f"{self.converting.taken} of {self.converting.offered} pages converted "
                           "in a second process")
        self._cleaned()
        if self.outputs.shared:
            # Every page's HTML is final: the second process makes their search entries from
            # the back while MkDocs renders from the front (indexing.py); then the export.
            self.indexing.offer(
                [f.page for f in files.documentation_pages(inclusion=InclusionLevel.is_included)
                 if f.page is not None], search_plugin(config),
                self.outputs.side_job)
        self.outputs.launch()
        if self.rebuilds is None:  # under `mkdocs serve` the index is kept page by page
            # After the outputs, whose model it reads: the whole index analysed there.
            self.indexing.analyse(self.heading_levels, self.outputs.side_job)
        if self.site is not None:
            view: Any = self.view
            if self.rebuilds is not None:
                tape = self.rebuilds.tape
                view = rebuilds.Recorded("confnotes", self.view, tape, rebuilds.PURE)
            pages.install(env, view)
            self._finish_media(env, config, files)
            if self.rebuilds is not None:
                env.bytecode_cache = self.rebuilds.compiled
                # The files MkDocs publishes besides pages (see _remove_stale).
                self.files_now = [f for f in files if not f.is_documentation_page()]
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
        # Asked for as Material's search plugin wrote the index (indexing.py), else now: before
        # the second process ends with the outputs.
        analysed = self.indexing.analysis()
        self.indexing.finish()
        there = self.indexing.written or analysed is not None
        if self.indexing.pieces.offered:
            self.log.debug(f"{self.indexing.pieces.taken} of {self.indexing.pieces.offered} "
                           "pages indexed for search in a second process, "
                           f"{'the index analysed there' if there else 'analysed here'}")
        written = self.outputs.finish(site_dir)
        if self.outputs.side_seconds:
            self.log.debug(f"export, feeds and calendars: {self.outputs.side_seconds * 1000:.0f} "
                           "ms in a second process, beside the pages")
        written += _answer_material_sitemap_requests(
            site_dir, self._feed_folders(),
            self.rebuilds.sitemaps if self.rebuilds is not None else None)
        if self.rebuilds is None or not self._write_search_index(config):
            if not there:
                search.enrich(site_dir, self.site, self.heading_levels)
            elif analysed is not None:
                (site_dir / "search" / "search_index.json").write_text(analysed,
                                                                       encoding="utf-8")
        if self.cards is not None:
            wanted = self._card_wanted(site_dir) if self.rebuilds is not None else None
            for page, error in self.cards.finish(wanted):
                self.log.warning(f"Social card of '{page}' could not be drawn ({error}); its "
                                 "page names a picture that is not there.")
        if self.rebuilds is not None:
            self._remove_stale(config, written)
            self._settle_memory()
        self._log_media_time()

    def on_build_error(self, error: Exception) -> None:
        self.outputs.cancel()
        if self.rebuilds is not None:
            self.rebuilds.search.put_back(keep=True)   # the last index, served meanwhile
            self.rebuilds.forget()
            self.outputs.kept = {}
            self.outputs.last = None

    # -- steps -------------------------------------------------------------------------------

    def _report_removals(self, page: Page, removed: list[markup.Removed],
                         source: images.PageSource) -> None:
        """What cleaning took out of the page's HTML; each removal a warning at its line."""
        if removed:
            src = page.file.src_uri
            for item, line in markup.located(removed, source.text, REMOVALS_SHOWN):
                self.report.warn(src, line, markup.message(item))
            if len(removed) > REMOVALS_SHOWN:
                self.report.warn(src, None, f"raw HTML: {len(removed) - REMOVALS_SHOWN} more "
                                 "kinds of tags, attributes or addresses are removed.")

    def _leave_out_unreadable(self, files: Files, config: MkDocsConfig) -> None:
        """Files that are links out of docs/ or to nothing, or have names no log should print,
        leave the site before anything reads them (registries included). A file the scan in
        on_config found to be no link is not looked at again (thousands of notes)."""
        plain = self.plain_files
        for file in list(files):
            if file.generated_by is not None or file.abs_src_path is None:
                continue
            problem = sources.refusal(config.docs_dir, file.src_uri, file.src_uri in plain)
            if problem is not None:
                files.remove(file)
                self.report.add(problem)
                self.images.escaping.add(file.src_uri)

    def _read_registries(self, files: Files) -> None:
        def read(path: str) -> bytes | None:
            file = files.get_file_from_path(path)
            if file is None:
                self.registry_sources[path] = None
                return None
            files.remove(file)  # described once here, never published as a file
            data = self.registry_sources[path] = bytes(file.content_bytes)
            return data

        try:
            self.registries = collect.read_registries(
                read, self.registry_paths, self.report,
                self.rebuilds.registries if self.rebuilds is not None else None)
        except registry.RegistryError as exc:
            self._log_problems()
            raise PluginError("Confnotes cannot read its registry files:\n" + "\n".join(
                "  " + p.for_mkdocs() for p in exc.problems)) from None
