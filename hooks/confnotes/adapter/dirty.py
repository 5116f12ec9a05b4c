"""`mkdocs serve --dirty`: the build's steps that keep what one build made for the next
(rebuilds.py keeps the records), so that saving a note renders only what can change."""

from __future__ import annotations

import functools
import gc
import json
import logging
import os
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

from .. import (
    collect,
    feeds,
    index,
    normalize,
    search,
    side_process,
)
from ..messages import Report
from . import pages, rebuilds
from .state import BuildState, heading_levels

# Pieces the notes are cut into for reading with the second process: each piece is its job's
# own cost and takes the theme's names with it; where the two processes meet, this one waits
# for up to two pieces (the one being read there and the next, already handed over). With 16
# pieces that wait was 0.28 s of light 1,000's reading; with 40 it is too small to see.
READING_PARTS = 40

T = TypeVar("T")


class RebuildSteps(BuildState):
    def _read_notes(self, files: list[File]) -> list[normalize.RawNote]:
        """The notes of `files`, in order, with what reading them reported said in that order.
        On a large site the second process (started in `on_config`) reads a share meanwhile
        (side_process.shared). Under `serve --dirty`, a note whose bytes are as last read is
        not read again, nor opened while its status is the one it had then."""
        kept_notes = self.rebuilds.notes if self.rebuilds is not None else {}
        given: list[tuple[str, bytes]] = []
        statuses: dict[str, tuple[int, ...] | None] = {}
        now = time.time_ns()   # before any status is taken: the settled test errs safe
        for file in files:
            kept = kept_notes.get(file.src_uri)
            status = None
            if self.rebuilds is not None:
                status = rebuilds.read_status(file.abs_src_path)
                if kept is not None and status is not None and kept.status == status:
                    continue
            data = file.content_bytes
            if kept is None or kept.data != data:
                given.append((file.src_uri, data))
                statuses[file.src_uri] = status
            else:
                kept.status = rebuilds.settled_status(status, now)
        job = functools.partial(collect.read_notes, theme=self.theme, slugify=self.slugify)
        read = side_process.shared(job, given, self.outputs.side_job, READING_PARTS)
        fresh = {path: rebuilds.ReadNote(data, raw, problems, unknown_keys,
                                         rebuilds.settled_status(statuses[path], now))
                 for (path, data), (raw, problems, unknown_keys) in zip(given, read, strict=True)}
        notes: list[normalize.RawNote] = []
        for file in files:
            kept = fresh.get(file.src_uri) or kept_notes[file.src_uri]
            if self.rebuilds is not None:
                self.rebuilds.notes[file.src_uri] = kept
            for problem in kept.problems:
                self.report.add(problem)
            for name, places in kept.unknown_keys.items():
                self.report.unknown_keys.setdefault(name, []).extend(places)
            notes.append(kept.raw)
        return notes

    def _model(self, urls: dict[str, str]) -> index.Site:
        """The model of the notes read: under `serve --dirty`, last build's when it was made
        from the same notes (their bodies' text aside, which no model field holds) and the
        same registries, with what building it reported said again."""
        notes = list(self.raw.values())
        if self.rebuilds is None:
            return index.build(notes, urls, self.registries, self.report)
        sources = (dict(urls), dict(self.registry_sources), dict(self.registry_paths))
        last = self.rebuilds.model
        if (last is not None and last.sources == sources and len(last.notes) == len(notes)
                and all(index.same_note(old, new, last.site)
                        for old, new in zip(last.notes, notes, strict=True))):
            last.notes = notes
        else:
            report = Report()
            site = index.build(notes, urls, self.registries, report)
            self.rebuilds.changes = None
            if last is not None:
                index.reuse(site, last.site)
                # What the pages asked is asked again only where it read what changed.
                self.rebuilds.changes = (last.site, site, index.changes(site, last.site))
            last = self.rebuilds.model = rebuilds.Model(notes, sources, site,
                                                        list(report.problems))
        for problem in last.problems:
            self.report.add(problem)
        site = last.site
        assert isinstance(site, index.Site)
        return site

    def _of_model(self, name: str, given: Any, make: Callable[[], T]) -> T:
        """make(): under `serve --dirty`, last build's while the model is last build's own
        object and `given` (what else it is made from) is the same."""
        assert self.site is not None
        if self.rebuilds is None:
            return make()
        last = self.rebuilds.by_model.get(name)
        if last is None or last[0] is not self.site or last[1] != given:
            last = self.rebuilds.by_model[name] = (self.site, given, make())
        made: T = last[2]
        return made

    def _page_specs(self, config: MkDocsConfig) -> list[pages.PageSpec]:
        """The generated pages the model makes (kept: _of_model)."""
        site, name = self.site, config.site_name
        assert site is not None
        return self._of_model("page_specs", name, lambda: pages.page_specs(site, name))

    def _feed_folders(self) -> list[str]:
        """feeds.feed_folders of the model (kept: _of_model)."""
        site = self.site
        assert site is not None
        return self._of_model("feed_folders", None, lambda: feeds.feed_folders(site))

    def _view(self, video_pictures: tuple[str, ...], site_name: str) -> pages.View:
        """The templates' `confnotes` object: last build's, caches and all, when it would be
        made from the same model and files."""
        assert self.site is not None
        inputs = (self.site, video_pictures, site_name)
        if self.rebuilds is not None:
            last = self.rebuilds.view
            if last is not None and rebuilds.same_inputs(last[0], inputs):
                kept: pages.View = last[1]
                return kept
        view = pages.View(self.site, video_pictures, site_name)
        if self.rebuilds is not None:
            self.rebuilds.view = (inputs, view)
        return view

    def _target_inputs(self) -> dict[str, tuple[Any, ...]]:
        """What each template global answers from (rebuilds.Rebuilds.plan): the model first."""
        assert self.rebuilds is not None and self.rebuilds.view is not None
        inputs: dict[str, tuple[Any, ...]] = {"confnotes": self.rebuilds.view[0]}
        if self.social is not None:
            tags = self.social
            inputs["confnotes_social"] = (
                tags.site, tags.base, tags.site_name, tags.description,
                {src: card.url for src, card in tags.cards.items()}, tags.titles)
        # Avatars answer from the speakers' pictures alone, not the model.
        inputs["confnotes_avatars"] = (None, dict(self.avatars.by_speaker))
        return inputs

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
                text = generated.text
                keys[src] = ((text, generated.title, generated.described, file.url), text)
        for src in set(memory.notes) - {f.src_uri for f in documents}:
            del memory.notes[src]
        targets = {"confnotes": self.view, "confnotes_social": self.social,
                   "confnotes_avatars": self.avatars}
        dirty = memory.plan(self._signature(files, config),
                            [(f.src_uri, f.url) for f in documents], keys,
                            {f.src_uri: f.url for f in files}, targets,
                            self._target_inputs(), memory.changes)
        memory.changes = None   # read once: the model before is not kept alive for it
        if memory.pages:
            self.log.info(f"rendering {len(dirty)} of {len(documents)} pages again")
        converted = dirty - memory.answers_only
        for file in documents:
            # MkDocs' own test compares file times, and knows nothing of generated pages. A
            # page whose Markdown is as last converted is not converted again: it counts as
            # modified once its HTML is restored (_restore_kept_pages), for its template.
            file.is_modified = (  # type: ignore[method-assign]
                _modified if file.src_uri in converted else _kept)

    def _restore_kept_pages(self, files: Files) -> None:
        """Give each page this build does not convert what its last rendering left, as the
        other pages, the anchor checks and the search index read it. A page whose template is
        rendered again with that HTML (Rebuilds.answers_only) is then marked modified."""
        assert self.rebuilds is not None
        self.doc_pages = list(files.documentation_pages(inclusion=InclusionLevel.is_in_serve))
        by_src = files.src_uris
        dirty, answers_only = self.rebuilds.dirty, self.rebuilds.answers_only
        for file in self.doc_pages:
            record = self.rebuilds.pages.get(file.src_uri)
            if record is None or file.page is None or (
                    file.src_uri in dirty and file.src_uri not in answers_only):
                continue
            page = file.page
            page.meta = dict(record.meta)
            page.content = record.content
            page.toc = record.toc
            page.present_anchor_ids = record.anchors
            if file.src_uri in answers_only:
                # As after reading: the title MkDocs gives the template is found as then.
                page.markdown = record.source
                page._title_from_render = record.title_from_render
                file.is_modified = _modified  # type: ignore[method-assign]
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
        plugin = search_plugin(config)
        if plugin is not None:
            # Taken from Material's plugin: at the end of the build it would turn every page's
            # entries into JSON again (and keep them for the next build), only for
            # _write_search_index to write the file anew from these records.
            made = plugin.search_index.entries
            entries = list(made)
            made.clear()
            if hasattr(plugin, "search_index_prev"):
                plugin.search_index_prev = None
        key = self.rebuilds.keys.get(src)
        links = page.links_to_anchors
        self.rebuilds.record(src, rebuilds.PageRecord(
            key[0] if key else None, key[1] if key else "", dict(page.meta), page.content,
            page.toc, page.present_anchor_ids,
            {f.src_uri: dict(v) for f, v in links.items()} if links is not None else None,
            entries, title_from_render=page._title_from_render), calls)

    def on_pre_template(self, template: Any, template_name: str) -> Any:
        """Under `serve --dirty`, the sitemap is rendered again only when a page's address
        or date has changed (rebuilds.SitemapTemplate)."""
        if self.rebuilds is not None and template_name == "sitemap.xml":
            return rebuilds.SitemapTemplate(template, self.rebuilds.sitemap)
        return template

    def before_search_plugin(self, config: MkDocsConfig) -> None:
        """Under `serve --dirty`, the analysed index is set aside while Material's plugin
        writes its own (search.KeptIndex.set_aside): the rebuild then writes only the part of
        the file after the first page whose entries changed, not the whole of it again."""
        if self.rebuilds is not None and self.site is not None and search_plugin(config):
            self.rebuilds.search.set_aside()

    def after_post_build(self) -> None:
        """An index set aside and not written again is removed: the next build writes it
        whole."""
        if self.rebuilds is not None:
            self.rebuilds.search.put_back(keep=False)

    def _write_search_index(self, config: MkDocsConfig) -> bool:
        """Material's index with every page's entries in page order: in a dirty build its
        plugin keeps only the pages it rendered. Analysed (search.enrich) when its settings
        ask for it: True then."""
        assert self.rebuilds is not None
        plugin = search_plugin(config)
        if plugin is None:
            return False
        settings = {k: plugin.search_index.config[k]
                    for k in ("lang", "separator", "pipeline", "fields")}
        path = Path(config.site_dir) / "search" / "search_index.json"
        if self.site is not None and set(settings["fields"] or ()).intersection(search.FIELDS):
            pages = []
            for file in self.doc_pages:
                record = self.rebuilds.pages.get(file.src_uri)
                if record is not None:
                    pages.append((file.src_uri, record.entries))
            self.rebuilds.search.write(path, settings, pages, self.site, self.heading_levels)
            return True
        docs: list[dict[str, Any]] = []
        for file in self.doc_pages:
            record = self.rebuilds.pages.get(file.src_uri)
            docs += record.entries if record is not None else []
        # As Material writes it, so that the analysis after it reads the same.
        data = json.dumps({"config": settings, "docs": docs}, separators=(",", ":"),
                          default=str)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data.encode("utf-8"))
        return False

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
        kept |= {f.dest_uri for f in self.files_now}
        kept |= set(written)
        if self.cards is not None:
            kept |= {f.dest_uri for f in self.cards.by_page.values()}
        kept |= {"search/search_index.json", "sitemap.xml.gz", *config.theme.static_templates}
        self.rebuilds.remove_stale(Path(config.site_dir), kept)


    def _settle_memory(self) -> None:
        """After the first build, everything alive is set aside from garbage collection
        (gc.freeze): a rebuild's collections then look only at what later builds made,
        instead of pausing 0.2-0.5 s to walk the whole first build's memory again. What it
        frees is still freed when no longer used, unless caught in a reference cycle."""
        assert self.rebuilds is not None
        if not self.rebuilds.frozen:
            gc.freeze()
            # With the first build set aside, the oldest generation counts only what later
            # builds made, so Python would walk it every few rebuilds: once in ten times as
            # many young collections instead. Reference counting still frees nearly all.
            young, middle, old = gc.get_threshold()
            gc.set_threshold(young, middle, max(old, 100))
            self.rebuilds.frozen = True


def _modified() -> bool:
    return True


def _kept() -> bool:
    return False


def not_dirty_warning(record: logging.LogRecord) -> bool:
    return not record.getMessage().startswith("A 'dirty' build is being performed")


def search_plugin(config: MkDocsConfig) -> Any:
    """Material's search plugin, found by what it keeps (`search_index.entries`)."""
    for plugin in config.plugins.values():
        index = getattr(plugin, "search_index", None)
        if index is not None and isinstance(getattr(index, "entries", None), list):
            return plugin
    return None
