"""Under `mkdocs serve --dirty`: at every build MkDocs lists every file of the theme's
folders, Material's 14,000 (most of them icons), and matches each name against a dozen
patterns to find the 50 files it publishes beside the pages: 0.08-0.1 s of each rebuild.

The installed themes' folders do not change while the server runs, so their files are listed
and matched once per process (`remember`). The site's own theme folder (`custom_dir`, which its
writers edit) is listed afresh at every build, and everything after the listing is MkDocs' own:
which files it keeps, which folder each comes from, a page of docs/ that overrides one.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files

_MKDOCS_OWN: Callable[..., None] = Files.add_files_from_theme
# (the installed folders, the templates the site renders itself) -> names MkDocs keeps
_KEPT: dict[tuple[tuple[str, ...], tuple[str, ...]], list[str]] = {}


class _Listing:
    """The theme's environment as MkDocs lists it for files: the installed folders' names as
    matched the first time, the site's own folder's listed and matched now."""

    def __init__(self, env: Any, config: MkDocsConfig) -> None:
        self.env = env
        theme = config.theme
        self.own = [d for d in theme.dirs if theme.custom_dir and d == theme.custom_dir]
        self.installed = tuple(d for d in theme.dirs if d not in self.own)
        self.key = (self.installed, tuple(theme.static_templates))

    def list_templates(self, extensions: Any = None,
                       filter_func: Callable[[str], bool] | None = None) -> list[str]:
        # As jinja2.Environment.list_templates over a FileSystemLoader of all the folders:
        # every name once, in order, then those the filter keeps.
        if extensions is not None:   # not how MkDocs lists them: the environment's own
            return list(self.env.list_templates(extensions, filter_func))
        kept = _KEPT.get(self.key)
        if kept is None:
            names = jinja2.FileSystemLoader(self.installed).list_templates()
            kept = _KEPT[self.key] = [n for n in names if filter_func is None or filter_func(n)]
        own = jinja2.FileSystemLoader(self.own).list_templates() if self.own else []
        own = [n for n in own if filter_func is None or filter_func(n)]
        return sorted(set(kept).union(own))


def _listed_once(self: Files, env: Any, config: MkDocsConfig) -> None:
    _MKDOCS_OWN(self, _Listing(env, config), config)


def remember() -> bool:
    """Have MkDocs list the installed themes' files once (see above), if its Files class is
    the one this was written for; whether it now does."""
    if Files.add_files_from_theme is _MKDOCS_OWN:
        Files.add_files_from_theme = _listed_once  # type: ignore[method-assign]
    return Files.add_files_from_theme is _listed_once
