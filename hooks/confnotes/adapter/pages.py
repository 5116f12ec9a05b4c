"""Generated pages: one per speaker, topic and event, the section indexes and the home page.

Each page is a virtual Markdown file (`File.generated`) whose `template:` picks a template from
`templates/`; the templates read the model through the `confnotes` object installed in Jinja.
The Markdown itself holds the page's text for search, escaped, never shown as markup.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from jinja2 import pass_context
from jinja2.runtime import Context
from markupsafe import Markup, escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

from .. import calendars, feeds
from .. import series as series_mod
from ..avatars import name_colour, name_initials
from ..dates import korean_date, korean_dates, machine_date
from ..event_listings import EventListings
from ..index import Site
from ..kinds import (
    INDEX_PAGES,
    KIND_LABELS,
    KINDS,
    NOTE_LABEL,
    ROLE_LABELS,
    SECTION,
    SERIES_LABEL,
    Kind,
)
from ..listings import NOTES_ON_ONE_PAGE, TalkLink, TalkRow, notes_by_year, year_slug
from ..model import POST_SOURCES, Note, Term
from .urls import RelativeUrls


@dataclass
class GeneratedPage:
    file: File
    title: str
    meta: dict[str, Any] = field(default_factory=dict)
    # Its Markdown, and its meta as text: with its title and address, what tells one
    # rendering from the next.
    text: str = ""
    described: str = ""


@dataclass(frozen=True)
class PageSpec:
    """A generated page as the model alone makes it, before it meets the site's files."""

    src: str
    title: str
    text: str
    meta: dict[str, Any]       # read, never changed: each build's pages copy it
    described: str
    moved: str | None = None   # a term's source while a note is saved at `src`


def page_specs(site: Site, site_name: str) -> list[PageSpec]:
    """Every generated page of `site`, in the order they join the files."""
    found: list[PageSpec] = []

    def add(src: str, title: str, template: str, text: str, moved: str | None = None,
            **meta: Any) -> None:
        meta = {"template": template, "confnotes_generated": True, **meta}
        found.append(PageSpec(src, title, text, meta, repr(sorted(meta.items())), moved))

    for src, title in INDEX_PAGES.items():
        add(src, title or site_name,
            "home.html" if src == "index.md" else src.replace("/index.md", ".html"), "",
            hide=["navigation", "toc"])
    for kind in KINDS:
        for term in site.terms[kind].values():
            src = f"{SECTION[kind]}/{term.slug}.md"
            add(src, term.name, f"{kind}.html",
                _search_text(term, len(site.notes_by_term.get((kind, term.id), []))),
                f"{SECTION[kind]}/{term.slug}/index.md", confnotes_term=[kind, term.id])
    for series in series_mod.collect(site).values():
        lines = [f"{SERIES_LABEL} · {len(series.events)}회",
                 *(site.terms["event"][e].name for e in series.events)]
        add(f"series/{series.slug}.md", series.name, "series.html",
            "\n\n".join(html.escape(n) for n in lines), confnotes_series=series.id)
    if len(site.notes) > NOTES_ON_ONE_PAGE:
        for year, _notes in notes_by_year(site.notes):
            add(f"notes/{year_slug(year)}.md", f"노트 · {year}", "notes.html", "",
                confnotes_year=year, hide=["navigation", "toc"])
    return found


def generate(site: Site, files: Files, config: MkDocsConfig,
             specs: list[PageSpec] | None = None) -> Iterable[GeneratedPage]:
    """Add every generated page to `files` (`specs`: page_specs of `site`, if made already)."""
    if specs is None:
        specs = page_specs(site, config.site_name)
    # Where each page goes is decided before any is added. A note saved at a term page's
    # source has been moved away (addresses.give_way); the page keeps the term's address under
    # a source name of its own.
    own = files.src_uris
    placed = [(spec.moved if spec.moved and spec.src in own else spec.src, spec)
              for spec in specs]
    taken = {f.dest_uri for f in files}
    for src, spec in placed:
        if src in own:
            continue  # the site's own page wins over a generated one at the same address
        file = File.generated(config, src, content=spec.text)
        if file.dest_uri in taken:
            continue
        files.append(file)
        yield GeneratedPage(file, spec.title, spec.meta, spec.text, spec.described)


def _search_text(term: Term, notes: int) -> str:
    """What a search result shows for a term's page: what it is and about, then its other
    names (also searched through the hidden `titles` field)."""
    lead = [KIND_LABELS[term.kind], f"노트 {notes}개"]
    parts = [" · ".join(lead), term.affiliation, term.title, term.bio, term.description,
             term.place]
    if term.other_names:
        parts.append("다른 이름: " + ", ".join(term.other_names))
    return "\n\n".join(html.escape(p) for p in parts if p)


def search_kinds() -> dict[str, str]:
    """The label a search result gets, by the first folder of its address (confnotes-kinds.js);
    a page in no such folder is a note."""
    return {**{f"{SECTION[k]}/": KIND_LABELS[k] for k in KINDS}, "series/": SERIES_LABEL,
            "": NOTE_LABEL}


# -- what templates see ----------------------------------------------------------------------


class _Href(str):
    """A site-relative address among a listing's markup, made relative to each page that
    shows it."""


class View(EventListings):
    """The model as the templates read it: the listings, links between pages, the feeds'
    rules, and formatting."""

    def __init__(self, site: Site, video_pictures: Iterable[str] = (),
                 site_name: str = "") -> None:
        super().__init__(site, video_pictures)
        self.site_name = site_name
        self._relative = RelativeUrls()
        # Each listed talk's markup, by the model's objects it is made of (kept with it, so
        # that no other object takes their identity while the view lives).
        self._talk_parts: dict[tuple[Any, ...], tuple[list[str], Any, Any, Any]] = {}
        # The addresses made relative to the page being rendered (its address and base).
        self._hrefs_where: tuple[Any, str] = (None, "")
        self._hrefs: dict[str, str] = {}

    # Term links are the most repeated markup of the site (every row of every listing): one
    # call each, not a template macro, which costs several times as much.
    @pass_context
    def link(self, context: Context, kind: Kind, ident: str) -> Markup:
        """`<a class="cn-term ...">name</a>` to the term's page, relative to this page."""
        return self._link(kind, ident, context.get("page"), context.get("base_url", ""))

    @pass_context
    def links(self, context: Context, kind: Kind, idents: Iterable[str],
              separator: str = " ") -> Markup:
        page, base = context.get("page"), context.get("base_url", "")
        return Markup(escape(separator).join(self._link(kind, i, page, base) for i in idents))

    def _link(self, kind: Kind, ident: str, page: Any, base: str) -> Markup:
        return Markup(self._join(self._link_parts(kind, ident), page, base))

    def _link_parts(self, kind: Kind, ident: str) -> list[str]:
        term = self.site.terms[kind][ident]
        return [f'<a class="cn-term cn-term--{kind}" href="', _Href(term.url_path),
                f'">{escape(term.name)}</a>']

    def _join(self, parts: Iterable[str], page: Any, base: str) -> str:
        """The markup of `parts`, each address (_Href) relative to `page`, escaped."""
        where = (getattr(page, "url", None), base)
        if where != self._hrefs_where:
            self._hrefs_where, self._hrefs = where, {}
        hrefs = self._hrefs
        out = []
        for part in parts:
            if type(part) is _Href:
                href = hrefs.get(part)
                if href is None:
                    href = hrefs[part] = str(self._url(part, page, base))
                out.append(href)
            else:
                out.append(part)
        return "".join(out)

    # The rows of listings, written here rather than as template macros: a speaker's, topic's
    # or organisation's page lists every talk, a note page its related notes, and a macro call
    # per row costs several times the row's own work. Every value is escaped as the templates'
    # `{% autoescape true %}` would. The macros of partials/confnotes/macros.html give the same
    # markup to templates that call them.
    @pass_context
    def note_lines(self, context: Context, notes: Iterable[Note],
                   show_event: bool = True) -> Markup:
        """`<li class="cn-note">` for each note: date, title, event and people, excerpt."""
        page, base = context.get("page"), context.get("base_url", "")
        return Markup("".join(self._note_line(n, show_event, page, base) for n in notes))

    def _note_line(self, note: Note, show_event: bool, page: Any, base: str) -> str:
        lang = escape(note.lang)
        parts = ['<li class="cn-note">', self._when(note), '\n    <div class="cn-note__body">'
                 f'\n      <a class="cn-note__title" href="{self._url(note.url, page, base)}" '
                 f'lang="{lang}">{escape(note.title)}</a>']
        people = self.byline(note)
        event = show_event and note.event
        if event or people:
            parts.append('\n      <span class="cn-note__meta cn-meta">')
            if event:
                parts.append(self._link("event", note.event, page, base))  # type: ignore[arg-type]
                if people:
                    parts.append(" · ")
            parts.append(f"{escape(people)}</span>")
        if excerpt := self.excerpt(note):
            parts.append(f'<span class="cn-excerpt" lang="{lang}">{escape(excerpt)}</span>')
        parts.append("\n    </div>\n  </li>")
        return "".join(parts)

    @pass_context
    def talk_items(self, context: Context, rows: Iterable[TalkRow], show_event: bool = True,
                   show_role: bool = False) -> Markup:
        """`<li class="cn-talk">` for each talk: date, title, slides and video, event, role and
        affiliation then, topics, the note it is in, excerpt."""
        page, base = context.get("page"), context.get("base_url", "")
        return Markup("".join(self._talk_item(r, show_event, show_role, page, base)
                              for r in rows))

    def _talk_item(self, row: TalkRow, show_event: bool, show_role: bool, page: Any,
                   base: str) -> str:
        # A talk is listed on the page of each of its speakers, their organisations, its topics
        # and its event: its markup is made once, and only its addresses for each page.
        a = row.appearance if show_role else None
        key = (id(row.note), id(row.talk), row.url, id(a), show_event, show_role)
        parts = self._talk_parts.get(key)
        if parts is None:
            parts = self._talk_parts[key] = (
                self._talk_item_parts(row, show_event, show_role), row.note, row.talk, a)
        return self._join(parts[0], page, base)

    def _talk_item_parts(self, row: TalkRow, show_event: bool, show_role: bool) -> list[str]:
        note, talk, a = row.note, row.talk, row.appearance
        one_talk = len(note.talks) == 1
        parts = ['\n  <li class="cn-talk">', self._when(note),
                 '\n    <div class="cn-talk__body">\n      <a class="cn-talk__title" href="',
                 _Href(row.url), f'" lang="{escape(note.lang)}">{escape(talk.title)}</a>',
                 *self._talk_link_parts(self.row_links(row), talk.title),
                 '\n      <span class="cn-talk__meta cn-meta">']
        if show_event and note.event:
            parts.extend(self._link_parts("event", note.event))
            if series := self.series_of(note.event):
                parts.append(f' <span class="cn-series-name">({escape(series.name)} 시리즈)</span>')
            if show_role or talk.topics:
                parts.append(" · ")
        if show_role and a:
            parts.append(escape(self.role(a.role)))
            if a.affiliation or a.title:
                parts.append(f" · 당시 {escape(a.affiliation or '')}")
                if a.title:
                    parts.append(f" {escape(a.title)}")
            if talk.topics:
                parts.append(" · ")
        for number, topic in enumerate(talk.topics):
            if number:
                parts.append(" ")
            parts.extend(self._link_parts("topic", topic))
        parts.append("\n      </span>")
        if talk.title != note.title:
            parts.append(f'<span class="cn-talk__note cn-meta">노트: {escape(note.title)}</span>')
        if one_talk and (excerpt := self.excerpt(note)):
            parts.append(f'<span class="cn-excerpt" lang="{escape(note.lang)}">'
                         f"{escape(excerpt)}</span>")
        parts.append("\n    </div>\n  </li>")
        return parts

    def row_links(self, row: TalkRow) -> list[TalkLink]:
        """A listed talk's slides and video: the note's own when the note holds this talk
        alone."""
        note = row.note
        return self.talk_links(row.talk, note if len(note.talks) == 1 else None)

    @pass_context
    def talk_link_list(self, context: Context, links: Iterable[TalkLink],
                       title: str = "") -> Markup:
        """A talk's slides and video as links; a video whose picture the site has shows it
        (nothing is loaded from the video's host)."""
        return self._talk_links(links, title, context.get("page"), context.get("base_url", ""))

    def _talk_links(self, links: Iterable[TalkLink], title: str, page: Any, base: str) -> Markup:
        return Markup(self._join(self._talk_link_parts(links, title), page, base))

    def _talk_link_parts(self, links: Iterable[TalkLink], title: str) -> list[str]:
        links = list(links)
        if not links:
            return []
        parts = ['\n  <span class="cn-talk-links">']
        for link in links:
            label = escape(link.label)
            parts.append(f'\n    <a class="cn-talk-link cn-talk-link--{escape(link.kind)}" '
                         f'href="{escape(link.url)}" rel="nofollow noopener"')
            if title:
                parts.append(f' aria-label="{label}: {escape(title)}"')
            parts.append(">")
            if link.picture:
                parts.extend(['<img class="cn-video-picture" src="', _Href(link.picture),
                              '" alt="" loading="lazy" decoding="async" width="160" height="90">'])
            parts.append(f"{label}</a>")
        parts.append("\n  </span>")
        return parts

    @pass_context
    def chips(self, context: Context, kind: str, ranked: Iterable[tuple[Term, int]]) -> Markup:
        """Terms as chips with their counts."""
        page, base = context.get("page"), context.get("base_url", "")
        kind = escape(kind)
        parts = ['<ul class="cn-chips">']
        for term, n in ranked:
            parts.append(f'\n    <li><a class="cn-chip cn-term--{kind}" '
                         f'href="{self._url(term.url_path, page, base)}">{escape(term.name)}'
                         f'<span class="cn-count">{escape(n)}</span></a></li>')
        parts.append("\n  </ul>")
        return Markup("".join(parts))

    def _when(self, note: Note) -> str:
        if note.date:
            return (f'<time datetime="{escape(self.note_datetime(note))}">'
                    f"{escape(self.note_date(note))}</time>")
        return '<span class="cn-note__undated">날짜 미상</span>'

    def _url(self, path: str, page: Any, base: str) -> Markup:
        """What the templates' `url` filter prints for a site-relative address."""
        return escape(self._relative(str(path), page, base))

    # feeds and calendars: the rules feeds.py writes them by
    def feed_title(self, kind: str, ident: str) -> str:
        if kind == "series":
            return feeds.series_feed_title(self.series[ident], self.site_name)
        return feeds.feed_title(self.site.terms[kind][ident], self.site_name)  # type: ignore[index]

    def has_calendar(self, ident: str) -> bool:
        return calendars.has_calendar(self.site, self.site.terms["event"][ident])

    # presentation
    @staticmethod
    def search_kinds() -> dict[str, str]:
        return search_kinds()

    @staticmethod
    def year_slug(year: str) -> str:
        return year_slug(year)

    @staticmethod
    def kind_label(kind: Kind) -> str:
        return KIND_LABELS[kind]

    @staticmethod
    def role(role: str) -> str:
        return ROLE_LABELS.get(role, role)

    @staticmethod
    def date(value: dt.date | None) -> str:
        return korean_date(value) if value else ""

    @staticmethod
    def dates(start: dt.date | None, end: dt.date | None) -> str:
        """`2024년 11월 4일–5일`, `2024년 11월 30일–12월 1일`, or one date."""
        return korean_dates(start, end) if start is not None else ""

    @staticmethod
    def note_date(note: Note) -> str:
        """When a note's talks took place, as much as it says: `2015년` when only the year."""
        if note.date is None:
            return ""
        text = korean_dates(note.date, note.date_end, note.date_precision)
        return f"{text} (글 쓴 날)" if note.date_source in POST_SOURCES else text

    @staticmethod
    def note_datetime(note: Note) -> str:
        return machine_date(note.date, note.date_precision) if note.date else ""

    initials = staticmethod(name_initials)
    colour = staticmethod(name_colour)


def install(env: Any, view: Any) -> None:
    """Make the model available to the templates as `confnotes`: a `View`, or one that records
    its answers (rebuilds.Recorded). Confnotes' own templates escape what they print inside
    `{% autoescape true %}`; Material's are left as they are, and a Material template that
    extends one of Confnotes' gets its blocks unescaped."""
    env.globals["confnotes"] = view
