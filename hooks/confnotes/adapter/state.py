"""The state of one build, kept on one object and reset in `on_config`: `mkdocs serve` imports
the hooks once and rebuilds many times. Its steps are grouped by job: media.py (pictures,
avatars, cards), dirty.py (what `serve --dirty` keeps), build.py (the events)."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File

from .. import (
    body,
    index,
    kinds,
    normalize,
    outputs,
    page_keys,
    registry,
)
from ..messages import Report
from ..model import Kind
from . import avatar_files, cleaning, converting, images, indexing, pages, rebuilds, social


def heading_levels(toc: Iterable[Any]) -> dict[str, int]:
    """Level by id of every heading in a page's table of contents."""
    found: dict[str, int] = {}
    stack = list(toc)
    while stack:
        item = stack.pop()
        found[item.id] = item.level
        stack.extend(item.children)
    return found


def config_folder(config: MkDocsConfig) -> Path:
    """The folder of mkdocs.yml: paths in its settings are relative to it."""
    return Path(config.config_file_path or ".").resolve().parent


class BuildState:
    """Everything one build knows; `reset` starts a new build."""

    def __init__(self, log: logging.Logger | logging.LoggerAdapter[logging.Logger]) -> None:
        self.log = log
        self.command = "build"       # `serve` shows drafts (on_startup says which command)
        self.outputs = outputs.Outputs()
        # `mkdocs serve --dirty`: what one build keeps for the next (None: every build is
        # whole, as `mkdocs build` always is).
        self.rebuilds: rebuilds.Rebuilds | None = None
        self.reset()

    def _rebuild_in_process(self) -> bool:
        """Whether this is a rebuild under `mkdocs serve --dirty` after the first: it is over
        before a second process would have started, so all its work stays here."""
        return self.rebuilds is not None and bool(self.rebuilds.urls)

    def reset(self, cache: Path = Path(".cache/confnotes")) -> None:
        """A new build's state; pictures, avatars and cards are cached under `cache`."""
        self.outputs.cancel()  # a side process a failed build left running
        kept, last = self.outputs.kept, self.outputs.last
        self.outputs = outputs.Outputs()
        self.outputs.kept, self.outputs.last = kept, last
        self.report = Report()
        self.registry_paths: dict[Kind, str] = dict(kinds.DEFAULT_REGISTRIES)
        self.registries: dict[Kind, registry.Registry] = {}
        self.registry_sources: dict[str, bytes | None] = {}   # each registry file as read
        self.raw: dict[str, normalize.RawNote] = {}
        self.site: index.Site | None = None
        self.generated: dict[str, pages.GeneratedPage] = {}
        self.theme: page_keys.Theme | None = None
        self.plain_files: set[str] = set()   # files under docs/ found to be no link
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
        self.cleaning = cleaning.Cleaning()
        self.converting = converting.Converting()
        self.converted: converting.Converted | None = None   # the page converting now
        self.indexing = indexing.Indexing()
        # What the last build spent where (seconds), as -v logs it; read by bench/hooks_time.py.
        self.timings: dict[str, float] = {}
        self.view: pages.View | None = None
        self.doc_pages: list[File] = []
        self.files_now: list[File] = []

    def _log_problems(self) -> None:
        for problem in self.report.problems:
            log = self.log.error if problem.severity == "error" else self.log.warning
            log(problem.for_mkdocs())
        self.report.problems.clear()
