"""Raw HTML in notes, made harmless: an allowlist of what notes use, enforced by nh3.

Markdown passes HTML through as written, and `attr_list` lets `{: onclick=... }` add any
attribute, so a note could put `<script>`, `<iframe>`, `<form>`, `onerror=` or a
`javascript:` link on the site. Every note page's HTML is cleaned once it is rendered: what
the Markdown of a note makes (headings with their links, code, tables, admonitions, footnotes,
task lists, details, pictures) and what notes write by hand (`details`, `summary`, `kbd`,
`sub`, `sup`, `br`, pictures and links with safe addresses, tables) stays; everything else is
removed. nh3 (the Rust sanitiser ammonia) decides; `sanitise` also says what it removed, found
by reading the same HTML with the standard library's parser, so each removal is a warning.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser

import nh3

from .messages import shown

TAGS = frozenset({
    "a", "abbr", "b", "blockquote", "br", "caption", "cite", "code", "col", "colgroup", "dd",
    "del", "details", "dfn", "div", "dl", "dt", "em", "figcaption", "figure", "h1", "h2", "h3",
    "h4", "h5", "h6", "hr", "i", "img", "input", "ins", "kbd", "label", "li", "mark", "ol", "p",
    "pre", "q", "s", "samp", "small", "span", "strong", "sub", "summary", "sup", "table",
    "tbody", "td", "tfoot", "th", "thead", "time", "tr", "u", "ul", "var", "wbr",
})
# Removed with their content: the text of a script or a style sheet is not prose.
CONTENT_REMOVED = frozenset({"script", "style"})
ATTRIBUTES: dict[str, frozenset[str]] = {
    "*": frozenset({"class", "id", "title", "lang"}),
    "a": frozenset({"href"}),
    "img": frozenset({"src", "alt", "width", "height", "loading", "decoding"}),
    "td": frozenset({"colspan", "rowspan", "align", "style"}),
    "th": frozenset({"colspan", "rowspan", "align", "style", "scope"}),
    "ol": frozenset({"start", "type", "reversed"}),
    "li": frozenset({"value"}),
    "details": frozenset({"open"}),
    "col": frozenset({"span"}),
    "colgroup": frozenset({"span"}),
    "time": frozenset({"datetime"}),
    "input": frozenset({"checked"}),       # a task list's box: see FIXED
    "blockquote": frozenset({"cite"}),
    "q": frozenset({"cite"}),
}
# An <input> is only ever a task list's box, which the reader cannot change.
FIXED = {"input": {"type": "checkbox", "disabled": "disabled"}}
URL_SCHEMES = frozenset({"http", "https", "mailto"})
URL_ATTRIBUTES = frozenset({"href", "src", "cite"})
STYLE_PROPERTIES = frozenset({"text-align"})    # Markdown's aligned table columns
_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.\-]*):")
_INVISIBLE = re.compile(r"[\x00-\x20\x7f]+")
_STYLE_PROPERTY = re.compile(r"([a-zA-Z\-]+)\s*:")


@dataclass(frozen=True)
class Removed:
    """One thing taken out of a page's HTML, and text to look for in its source."""

    what: str                   # "<script>", "the attribute 'onerror' of <img>", ...
    needles: tuple[str, ...]    # lower case, tried in turn


def sanitise(html: str) -> tuple[str, list[Removed]]:
    """`html` with only the allowed tags, attributes and addresses; what was removed."""
    found = _Inspector()
    found.feed(html)
    found.close()
    cleaned = nh3.clean(
        html, tags=set(TAGS), clean_content_tags=set(CONTENT_REMOVED),
        attributes={tag: set(names) for tag, names in ATTRIBUTES.items()},
        attribute_filter=_keep, link_rel=None, url_schemes=set(URL_SCHEMES),
        filter_style_properties=set(STYLE_PROPERTIES), strip_comments=True,
        set_tag_attribute_values={tag: dict(values) for tag, values in FIXED.items()})
    return cleaned, found.removed


def _keep(tag: str, attribute: str, value: str) -> str | None:
    return None if _own_id(attribute, value) else value


def _own_id(attribute: str, value: str) -> bool:
    # Material's own elements have ids starting '__' (`__drawer`, `__search`): a note must not
    # give another element one of them.
    return attribute == "id" and value.startswith("__")


def unsafe_address(value: str) -> bool:
    """An address with a scheme other than http, https and mailto (`javascript:`, `data:`),
    read as a browser does: whitespace and control characters inside it ignored."""
    match = _SCHEME.match(_INVISIBLE.sub("", value))
    return match is not None and match.group(1).lower() not in URL_SCHEMES


class _Inspector(HTMLParser):
    """Lists what nh3 will remove, once each kind of thing per distinct value."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.removed: list[Removed] = []
        self._said: set[Removed] = set()

    def _remove(self, what: str, *needles: str) -> None:
        removed = Removed(what, tuple(n.lower() for n in needles if n))
        if removed not in self._said:
            self._said.add(removed)
            self.removed.append(removed)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in TAGS:
            self._remove(f"<{tag}>", f"<{tag}")
            return
        allowed = ATTRIBUTES["*"] | ATTRIBUTES.get(tag, frozenset()) | FIXED.get(tag, {}).keys()
        for name, value in attrs:
            text = value or ""
            if name not in allowed or _own_id(name, text):
                self._remove(f"the attribute '{name}' of <{tag}>", name)
            elif name in URL_ATTRIBUTES and unsafe_address(text):
                scheme = text.strip().split(":", 1)[0]
                self._remove(f"the address {shown(text, 40)} of <{tag}>", text.strip()[:30],
                             scheme + ":", scheme)
            elif name == "style":
                for prop in _STYLE_PROPERTY.findall(text):
                    if prop.lower() not in STYLE_PROPERTIES:
                        self._remove(f"the style '{prop.lower()}' of <{tag}>", prop)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)


def located(removed: list[Removed], source: str, limit: int) -> list[tuple[Removed, int | None]]:
    """The first `limit` removals, each with the first line of `source` that shows it (None
    when the HTML came from Markdown that does not spell it out)."""
    lowered = source.lower()
    found: list[tuple[Removed, int | None]] = []
    for item in removed[:limit]:
        line = None
        for needle in item.needles:
            at = lowered.find(needle)
            if at >= 0:
                line = lowered.count("\n", 0, at) + 1
                break
        found.append((item, line))
    return found
