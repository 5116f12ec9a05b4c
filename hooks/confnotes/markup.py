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
from html import escape as html_escape
from html import unescape as html_unescape
from html.parser import HTMLParser
from typing import Any

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
REMOVALS_SHOWN = 20   # a page's removals named one by one, each found in its text
# Presentation that other editors and blog platforms write (`<font>`, `style=`, `target=`,
# `data-*`): removed like the rest, but without a word, since it runs nothing and a blog's
# posts are full of it. The text inside a removed tag stays.
# A style that could move or cover what the page shows is named when removed.
_MOVES = re.compile(r"position|z-index|inset|top|left|right|bottom|transform|content|url\(|"
                    r"expression|behavior", re.IGNORECASE)
QUIET_TAGS = frozenset({"font", "center", "big", "tt", "strike", "nobr", "o:p", "section",
                        "article", "header", "footer", "main", "aside", "nav", "ins"})
QUIET_ATTRIBUTES = frozenset({"style", "target", "rel", "align", "valign", "width", "height",
                              "border", "bgcolor", "color", "face", "size", "frameborder",
                              "allowfullscreen", "scrolling", "marginwidth", "marginheight",
                              "cellpadding", "cellspacing", "loading", "name", "alt", "dir"})
_ALLOWED = {tag: ATTRIBUTES["*"] | ATTRIBUTES.get(tag, frozenset()) | FIXED.get(tag, {}).keys()
            for tag in TAGS}
_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.\-]*):")
_INVISIBLE = re.compile(r"[\x00-\x20\x7f]+")
_STYLE_PROPERTY = re.compile(r"([a-zA-Z\-]+)\s*:")


@dataclass(frozen=True)
class Removed:
    """One thing taken out of a page's HTML, and text to look for in its source."""

    what: str                   # "<script>", "the attribute 'onerror'", ...
    needles: tuple[str, ...]    # lower case, tried in turn


# A talk's video or slides embedded from where talks are published. The site fetches nothing
# from elsewhere as it is read, so an embed becomes a plain link to the same address.
EMBED_HOSTS: dict[str, str] = {
    "youtube.com": "YouTube", "youtube-nocookie.com": "YouTube", "youtu.be": "YouTube",
    "vimeo.com": "Vimeo", "slideshare.net": "SlideShare", "speakerdeck.com": "Speaker Deck",
    "docs.google.com": "Google Slides", "drive.google.com": "Google Drive",
    "tv.naver.com": "네이버 TV", "tv.kakao.com": "카카오TV",
}
_IFRAME = re.compile(r"<iframe\b([^<>]{0,3000})>(?:\s{0,500}</iframe\s{0,20}>)?", re.IGNORECASE)
_SRC = re.compile(r"""\ssrc\s{0,5}=\s{0,5}(?:"([^"<>]{1,2000})"|'([^'<>]{1,2000})'|"""
                  r"""([^\s"'<>]{1,2000}))""", re.IGNORECASE)
_YOUTUBE_EMBED = re.compile(r"^https://(?:www\.)?youtube(?:-nocookie)?\.com/embed/([\w\-]{6,20})")


def embeds_as_links(html: str) -> str:
    """Each `<iframe>` of a known video or slide host as a link to what it shows; others are
    left for the sanitiser to remove (and name)."""
    if "<iframe" not in html.lower():
        return html

    def link(match: re.Match[str]) -> str:
        src = _SRC.search(match.group(1))
        address = next((g for g in src.groups() if g), "") if src else ""
        address = "https:" + address if address.startswith("//") else address
        host = re.sub(r"^https?://", "", address).split("/", 1)[0].split(":")[0].lower()
        label = next((name for domain, name in EMBED_HOSTS.items()
                      if host == domain or host.endswith("." + domain)), None)
        if label is None or not address.startswith("https://"):
            return match.group(0)
        if m := _YOUTUBE_EMBED.match(address):
            address = f"https://www.youtube.com/watch?v={m.group(1)}"
        return f'<a class="cn-embed" href="{html_escape(address)}">▶ {label}</a>'
    return _IFRAME.sub(link, html)


def sanitise(html: str) -> tuple[str, list[Removed]]:
    """`html` with only the allowed tags, attributes and addresses; what was removed."""
    html = embeds_as_links(html)
    removed = _plain_removals(html)
    cleaner = _CLEANER
    if removed is None:
        removed = _parsed_removals(html)
    elif not _MAYBE_OWN_ID.search(html):
        # Every attribute of a page of plain tags is written out, so no id can start with
        # '__' here: nh3 need not ask about each attribute.
        cleaner = _CLEANER_IDS_CHECKED
    cleaned = cleaner.clean(html)
    # Written here, not by nh3's set_tag_attribute_values, whose order of attributes changes
    # from one process to the next: the same notes must give the same bytes.
    return _INPUT.sub(_fixed_input, cleaned), removed


def sanitise_all(pages: list[str]) -> list[tuple[str, list[Removed]]]:
    """`sanitise` of each page in turn: one job for a second process."""
    return [sanitise(html) for html in pages]


def removals(html: str) -> list[Removed]:
    """What nh3 removes from `html`, each kind of thing once per distinct value, in the order
    the page shows them."""
    found = _plain_removals(html)
    return _parsed_removals(html) if found is None else found


def _parsed_removals(html: str) -> list[Removed]:
    inspector = _Inspector()
    inspector.feed(html)
    inspector.close()
    return inspector.removed


# Rendered Markdown is made of plain tags: an allowed lower-case name, then attributes each
# written `name="value"` or as a bare name. When every `<` of a page starts such a tag (or
# such a tag's end), one regular expression reads the tags and their attributes exactly as
# the standard library's HTML parser would; any other page (a comment, a <script>, odd quoting,
# a tag that is not allowed) is read by that parser.
_SPACE = "[ \t\n\r\f]"
_NAME = "[a-z_:][-a-z0-9_:.]*"
_VALUE = '"[^"<>]*"'
_PLAIN_TAG = re.compile(f'<(?:([a-z][a-z0-9]*)((?:{_SPACE}+{_NAME}(?:={_VALUE})?)*){_SPACE}*/?>'
                        f'|/([a-z][a-z0-9]*)>)?')
_PLAIN_ATTRIBUTE = re.compile(f'{_SPACE}+({_NAME})(?:=({_VALUE}))?')


def _plain_removals(html: str) -> list[Removed] | None:
    """`removals` of a page of plain tags; None for any other page."""
    inspector = _Inspector()
    # A tag without attributes is allowed as it is, and a tag written as before says nothing
    # new: each removal is named once.
    seen: set[tuple[str, str]] = set()
    for tag, written, end in _PLAIN_TAG.findall(html):
        if not tag:
            if end not in TAGS:  # a `<` that starts no plain tag leaves both empty
                return None
        elif tag not in TAGS:
            return None
        elif written and (tag, written) not in seen:
            seen.add((tag, written))
            inspector.handle_starttag(tag, _plain_attributes(written))
    return inspector.removed


def _plain_attributes(written: str) -> list[tuple[str, str | None]]:
    """Attributes as the standard library's parser gives them: values unescaped, None for a
    bare name."""
    attrs: list[tuple[str, str | None]] = []
    for attribute in _PLAIN_ATTRIBUTE.finditer(written):
        value = attribute.group(2)
        if value is not None:
            value = html_unescape(value[1:-1]) if len(value) > 2 else ""
        attrs.append((attribute.group(1), value))
    return attrs


_INPUT = re.compile(r"<input\b[^<>]*>")


def _fixed_input(match: re.Match[str]) -> str:
    checked = ' checked=""' if re.search(r"\schecked\b", match.group(0)) else ""
    return f'<input type="checkbox" disabled="disabled"{checked}>'


def _keep(tag: str, attribute: str, value: str) -> str | None:
    return None if _own_id(attribute, value) else value


def _own_id(attribute: str, value: str) -> bool:
    # Material's own elements have ids starting '__' (`__drawer`, `__search`): a note must not
    # give another element one of them.
    return attribute == "id" and value.startswith("__")


# One cleaner for every page: the rules above, read once.
_RULES: dict[str, Any] = {
    "tags": set(TAGS), "clean_content_tags": set(CONTENT_REMOVED),
    "attributes": {tag: set(names) for tag, names in ATTRIBUTES.items()}, "link_rel": None,
    "url_schemes": set(URL_SCHEMES), "filter_style_properties": set(STYLE_PROPERTIES),
    "strip_comments": True}
_CLEANER = nh3.Cleaner(attribute_filter=_keep, **_RULES)
_CLEANER_IDS_CHECKED = nh3.Cleaner(**_RULES)
# An id whose value starts with '_' or a character reference (`&#95;`).
_MAYBE_OWN_ID = re.compile(r'\sid="[_&]')


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
        self.lines: list[tuple[Removed, int]] = []    # every removal, with its line
        self.images: list[tuple[str, int]] = []       # <img src>, with its line
        self._said: set[Removed] = set()

    def _remove(self, what: str, *needles: str) -> None:
        removed = Removed(what, tuple(n.lower() for n in needles if n))
        if removed not in self._said:
            self._said.add(removed)
            self.removed.append(removed)
        self.lines.append((removed, self.getpos()[0]))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "img":
            src = dict(attrs).get("src")
            if src:
                self.images.append((src, self.getpos()[0]))
        if tag not in TAGS:
            if tag not in QUIET_TAGS:
                self._remove(f"<{tag}>", f"<{tag}")
            return
        allowed = _ALLOWED[tag]
        for name, value in attrs:
            text = value or ""
            if name not in allowed and (name in QUIET_ATTRIBUTES or name.startswith(
                    ("data-", "aria-"))) and not (name == "style" and _MOVES.search(text)):
                continue
            if name not in allowed or _own_id(name, text):
                self._remove(f"the attribute '{name}'", name)
            elif name in URL_ATTRIBUTES and unsafe_address(text):
                scheme = text.strip().split(":", 1)[0]
                self._remove(f"the address {shown(text, 40)}", text.strip()[:30], scheme + ":",
                             scheme)
            elif name == "style":
                for prop in _STYLE_PROPERTY.findall(text):
                    if prop.lower() not in STYLE_PROPERTIES:
                        self._remove(f"the style '{prop.lower()}'", prop)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)


def message(item: Removed) -> str:
    """What a contributor is told about a removal (the build and `confnotes check` alike)."""
    return (f"raw HTML: {item.what} is removed, as it could run code or change the page for "
            "its readers. Notes may use HTML for links, pictures, tables, details and summary, "
            "kbd, sub, sup and br.")


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


# -- the same rules over a note's Markdown, for `confnotes check` ---------------------------------

_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_CODE_SPAN = re.compile(r"`[^`\n]*`")
# The address of `[text](address)` (one level of parentheses inside it, as Markdown allows)
# and of a reference definition `[name]: address`.
_MD_LINK = re.compile(r"\]\(\s*<?((?:[^\s()<>]|\([^\s()<>]*\)){1,200})|^ {0,3}\[[^\]]{1,200}\]:"
                      r"\s*<?([^\s>]{1,200})")
_ATTR_LIST = re.compile(r"\{:?[^{}\n]{0,500}\}")


def scan_markdown(text: str, first_line: int) -> list[tuple[Removed, int]]:
    """What the build will remove from the page of this Markdown, each with its line: raw HTML
    as written, Markdown links to unsafe addresses, and attribute lists (`{: onclick=... }`).
    Code is left out, as Markdown shows it as text."""
    lines = outside_code(embeds_as_links(text).split("\n"))
    inspector = _Inspector()
    inspector.feed("\n".join(lines))
    inspector.close()
    found = [(item, line + first_line - 1) for item, line in inspector.lines]
    for number, line in enumerate(lines, first_line):
        for match in _MD_LINK.finditer(line):
            address = match.group(1) or match.group(2)
            if unsafe_address(address):
                found.append((Removed(f"the address {shown(address, 40)}", ()), number))
        for match in _ATTR_LIST.finditer(line):
            attributes = _Inspector()
            # `{#id .class key=value}`: an id and classes are written by their marks.
            written = _SHORTHAND.sub(_expanded, match.group(0)[1:-1].lstrip(":"))
            attributes.feed(f"<span {written}>")
            attributes.close()
            found.extend((item, number) for item, _ in attributes.lines)
    return found


_SHORTHAND = re.compile(r"(?<![\w=\"'])([#.])([\w\-]{1,100})")


def _expanded(match: re.Match[str]) -> str:
    return f'{"id" if match.group(1) == "#" else "class"}="{match.group(2)}"'


_MD_IMAGE = re.compile(r"!\[[^\]\n]{0,500}\]\(\s*<?((?:[^\s()<>]|\([^\s()<>]*\)){1,500})")


def images_in(text: str, first_line: int) -> list[tuple[str, int, bool]]:
    """Every picture a note's Markdown shows, outside code: (address, line, written as raw
    HTML)."""
    lines = outside_code(text.split("\n"))
    found = [(match.group(1), number, False) for number, line in enumerate(lines, first_line)
             for match in _MD_IMAGE.finditer(line)]
    inspector = _Inspector()
    inspector.feed("\n".join(lines))
    inspector.close()
    found += [(src, line + first_line - 1, True) for src, line in inspector.images]
    return sorted(found, key=lambda item: item[1])


def outside_code(lines: list[str], spans: bool = True) -> list[str]:
    """`lines` with fenced code blanked and (with `spans`) code spans emptied; line numbers
    kept: what is written in code is shown as text, never read as markup."""
    kept: list[str] = []
    fence = ""
    for line in lines:
        match = _FENCE.match(line)
        if fence:
            if match and match.group(1)[0] == fence[0] and len(match.group(1)) >= len(fence):
                fence = ""
            kept.append("")
        elif match:
            fence = match.group(1)
            kept.append("")
        else:
            kept.append(_CODE_SPAN.sub("``", line) if spans else line)
    return kept
