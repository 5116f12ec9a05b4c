"""Keys of a page's front matter that MkDocs and Material read themselves: checked before they
reach a template.

A note may set `template`, `hide`, `search`, `status`, `icon`, `comments` and `subtitle`.
Material uses them as they are: `hide: 5` and `search: 5` stop the build with a TypeError,
`template: 5` or a template that does not exist stop it with a Jinja error, an `icon` names a
file to include, `status` is written into a class attribute, and `subtitle` is printed as HTML.
So each has a rule here (a table: key -> reader); a value that breaks its rule is a warning at
its line and is left out, and the page is built without it.
"""

from __future__ import annotations

import functools
import html
import os
import re
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from .messages import Report, shown

# Confnotes' own page kinds: a note rendered with one of them would find no term to show.
OWN_TEMPLATES = frozenset({"home.html", "notes.html", "speaker.html", "speakers.html",
                           "topic.html", "topics.html", "event.html", "events.html"})
HIDE = frozenset({"navigation", "toc", "footer", "path", "tags", "feedback"})
_TEMPLATE = re.compile(r"[\w\-]+(?:/[\w\-]+)*\.html")
_ICON = re.compile(r"[\w\-]+(?:/[\w\-]+)+")
_WORD = re.compile(r"[\w\-]+")


class Theme:
    """The templates and icons a page may name: the files of the theme's folders (custom_dir
    first, then Material's), listed once, when a page first names one (Material's icons are
    thousands of files, and most builds read no page that names a template or an icon)."""

    def __init__(self, dirs: Iterable[str]) -> None:
        self.dirs = tuple(dirs)

    @functools.cached_property
    def templates(self) -> set[str]:
        return self._listed[0]

    @functools.cached_property
    def icons(self) -> set[str]:
        return self._listed[1]

    def __getstate__(self) -> dict[str, Any]:
        # Listed before it is sent to the second process: once, not in every piece of work.
        self.__dict__["_listed"] = self._listed
        return self.__dict__

    @functools.cached_property
    def _listed(self) -> tuple[set[str], set[str]]:
        templates: set[str] = set()
        icons: set[str] = set()
        for root in self.dirs:
            for folder, _dirs, names in os.walk(root):
                rel = os.path.relpath(folder, root).replace(os.sep, "/")
                for name in names:
                    path = name if rel == "." else f"{rel}/{name}"
                    if path.startswith(".icons/") and name.endswith(".svg"):
                        icons.add(path[len(".icons/"):-len(".svg")])
                    elif name.endswith(".html"):
                        templates.add(path)
        return templates, icons


Warn = Callable[[str], None]


def _template(value: Any, warn: Warn, theme: Theme | None) -> str | None:
    if not isinstance(value, str) or not _TEMPLATE.fullmatch(value):
        warn(f"should name a template file such as 'note.html', not {shown(value)}")
    elif value in OWN_TEMPLATES:
        warn(f"'{value}' is the template of the site's own {value[:-5]} page")
    elif theme is not None and value not in theme.templates:
        warn(f"'{value}' is not a template of the theme (templates/ or Material's)")
    else:
        return value
    return None


def _hide(value: Any, warn: Warn, theme: Theme | None) -> list[str] | None:
    items = [value] if isinstance(value, str) else value
    if isinstance(items, list) and all(isinstance(i, str) for i in items):
        unknown = [i for i in items if i not in HIDE]
        if unknown:
            warn(f"names {shown(unknown[0])}, which is none of {', '.join(sorted(HIDE))}")
            return None
        return list(items)
    warn(f"should be a list of parts to hide ({', '.join(sorted(HIDE))}), not {shown(value)}")
    return None


def _search(value: Any, warn: Warn, theme: Theme | None) -> dict[str, Any] | None:
    if isinstance(value, Mapping) and set(value) <= {"exclude", "boost"} and (
            isinstance(value.get("exclude", False), bool)) and (
            isinstance(value.get("boost", 1), (int, float))
            and not isinstance(value.get("boost", 1), bool)):
        return dict(value)
    warn(f"should be a mapping such as 'exclude: true' or 'boost: 2', not {shown(value)}")
    return None


def _word(value: Any, warn: Warn, theme: Theme | None) -> str | None:
    if isinstance(value, str) and _WORD.fullmatch(value):
        return value
    warn(f"should be one word such as 'new', not {shown(value)}")
    return None


def _icon(value: Any, warn: Warn, theme: Theme | None) -> str | None:
    if not isinstance(value, str) or not _ICON.fullmatch(value):
        warn(f"should name an icon such as 'material/star', not {shown(value)}")
    elif theme is not None and value not in theme.icons:
        warn(f"'{value}' is not an icon of the theme")
    else:
        return value
    return None


def _comments(value: Any, warn: Warn, theme: Theme | None) -> bool | None:
    if isinstance(value, bool):
        return value
    warn(f"should be true or false, not {shown(value)}")
    return None


def _subtitle(value: Any, warn: Warn, theme: Theme | None) -> str | None:
    if isinstance(value, (str, int, float)) and not isinstance(value, bool):
        return html.escape(str(value))  # Material prints it as HTML
    warn(f"should be text, not {shown(value)}")
    return None


READERS: dict[str, Callable[[Any, Warn, Theme | None], Any]] = {
    "template": _template, "hide": _hide, "search": _search, "status": _word, "icon": _icon,
    "comments": _comments, "subtitle": _subtitle,
}
KEYS = frozenset(READERS)


def read(meta: Mapping[str, Any], lines: Mapping[str, int], path: str, report: Report,
         theme: Theme | None) -> dict[str, Any]:
    """The page keys of `meta` that keep their rules (`theme` None: templates and icons are
    not looked up); each other one is a warning at its line."""
    kept: dict[str, Any] = {}
    for raw_key, value in meta.items():
        name = str(raw_key).casefold()
        reader = READERS.get(name)
        if reader is None:
            continue

        def warn(text: str, raw_key: Any = raw_key) -> None:
            report.warn(path, lines.get(raw_key), f"'{raw_key}' {text}; it is ignored.")

        clean = reader(value, warn, theme)
        if clean is not None:
            kept[name] = clean
    return kept
