"""MkDocs hooks for Confnotes: each event is handed to one Confnotes object.

All imports happen here, at the top: MkDocs puts this folder on sys.path only while it imports
this file.
"""

from __future__ import annotations

from typing import Any

from confnotes.adapter import watch
from confnotes.adapter.build import Confnotes
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import CombinedEvent, event_priority, get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

_confnotes = Confnotes(get_plugin_logger("confnotes"))


def on_startup(*, command: str, dirty: bool) -> None:
    _confnotes.on_startup(command, dirty)


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    watch.BUILDS.begin()
    return _confnotes.on_config(config)


def on_files(files: Files, config: MkDocsConfig) -> Files:
    return _confnotes.on_files(files, config)


def on_page_read_source(page: Page, config: MkDocsConfig) -> str | None:
    return _confnotes.on_page_read_source(page, config)


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    return _confnotes.on_page_markdown(markdown, page, config, files)


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    return _confnotes.on_page_content(html, page, config, files)


def on_pre_template(template: Any, template_name: str, config: MkDocsConfig) -> Any:
    return _confnotes.on_pre_template(template, template_name)


def on_env(env: Any, config: MkDocsConfig, files: Files) -> Any:
    return _confnotes.on_env(env, config, files)


def on_page_context(context: Any, page: Page, config: MkDocsConfig, nav: Any) -> Any:
    _confnotes.on_page_context(page, config)
    return context


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    return _confnotes.on_post_page(output, page, config)


# Before Material's search plugin writes its index (its priority is the default, 0).
@event_priority(50)
def _before_search_plugin(config: MkDocsConfig) -> None:
    _confnotes.before_search_plugin(config)


# After the search plugin has written its index, so later steps can read it.
@event_priority(-50)
def _after_search_plugin(config: MkDocsConfig) -> None:
    try:
        _confnotes.on_post_build(config)
    finally:
        _confnotes.after_post_build()
        watch.BUILDS.end()


on_post_build = CombinedEvent(_before_search_plugin, _after_search_plugin)


def on_serve(server: Any, config: MkDocsConfig, builder: Any) -> Any:
    if _confnotes.rebuilds is not None:
        watch.report_changes_at_once(server)
    return server


def on_build_error(error: Exception) -> None:
    watch.BUILDS.end()
    _confnotes.on_build_error(error)
