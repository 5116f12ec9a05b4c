"""Confnotes inside a MkDocs build: one object whose methods the hook events call.

State lives on the object and is reset in `on_config`, because `mkdocs serve` imports the hooks
once and rebuilds many times.
"""

from __future__ import annotations

import html
import logging
import os
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from . import addresses, collect, export, feeds, index, normalize, pages, registry, search
from .messages import Report
from .model import Kind

DEFAULT_REGISTRIES = collect.DEFAULT_REGISTRIES


class Confnotes:
    """Reads every note once per build, keeps the model, and answers MkDocs' events."""

    def __init__(self, log: logging.Logger | logging.LoggerAdapter[logging.Logger]) -> None:
        self.log = log
        self.reset()

    def reset(self) -> None:
        self.report = Report()
        self.registry_paths: dict[Kind, str] = dict(DEFAULT_REGISTRIES)
        self.registries: dict[Kind, registry.Registry] = {}
        self.raw: dict[str, normalize.RawNote] = {}
        self.site: index.Site | None = None
        self.generated: dict[str, pages.GeneratedPage] = {}
        self.templates: Path | None = None

    # -- events ------------------------------------------------------------------------------

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self.reset()
        extra: dict[str, Any] = dict(config.extra or {})
        settings = extra.get("confnotes") or {}
        if not isinstance(settings, dict):
            raise PluginError("mkdocs.yml: 'extra.confnotes' must be a mapping of settings.")
        for kind, default in DEFAULT_REGISTRIES.items():
            value = settings.get(f"{kind}s", default)
            if not isinstance(value, str) or not value.endswith((".yml", ".yaml")):
                raise PluginError(f"mkdocs.yml: 'extra.confnotes.{kind}s' must name a .yml file "
                                  f"under docs/, not {value!r}.")
            self.registry_paths[kind] = value.replace(os.sep, "/").lstrip("/")
        custom_dir = config.theme.custom_dir
        self.templates = Path(custom_dir) if custom_dir else None
        return config

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        self._read_registries(files)
        addresses.separate(files, self.report)
        urls: dict[str, str] = {}
        for file in sorted(files.documentation_pages(), key=lambda f: f.src_uri):
            if collect.is_note(file.src_uri):
                self.raw[file.src_uri] = collect.read_note(file.src_uri, file.content_bytes,
                                                           self.report)
                urls[file.src_uri] = file.url
        self.site = index.build(list(self.raw.values()), urls, self.registries, self.report)
        for page in pages.generate(self.site, files, config):
            self.generated[page.file.src_uri] = page
        self._log_problems()
        return files

    def on_page_read_source(self, page: Page, config: MkDocsConfig) -> str | None:
        raw = self.raw.get(page.file.src_uri)
        # A leading newline keeps MkDocs from reading the body's first lines as metadata.
        return "\n" + raw.markdown if raw is not None else None

    def on_page_markdown(self, markdown: str, page: Page, config: MkDocsConfig,
                         files: Files) -> str:
        src = page.file.src_uri
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
        elif src == "index.md":
            page.meta.setdefault("template", "home.html")
        return markdown

    def on_env(self, env: Any, config: MkDocsConfig, files: Files) -> Any:
        if self.site is not None:
            own = {p.relative_to(self.templates).as_posix()
                   for p in self.templates.rglob("*.html")} if self.templates else set()
            pages.install(env, self.site, self.registries, own)
        return env

    def on_post_build(self, config: MkDocsConfig) -> None:
        if self.site is None:
            return
        site_dir = Path(config.site_dir)
        out = site_dir / "data"
        out.mkdir(parents=True, exist_ok=True)
        for name, items in export.records(self.site).items():
            (out / f"{name}.json").write_text(export.dumps(items, name), encoding="utf-8")
        feeds.write(site_dir, self.site, config)
        search.enrich(site_dir, self.site, config)

    # -- steps -------------------------------------------------------------------------------

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

    def _log_problems(self) -> None:
        for problem in self.report.problems:
            log = self.log.error if problem.severity == "error" else self.log.warning
            log(problem.for_mkdocs())
        self.report.problems.clear()
