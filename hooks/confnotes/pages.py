"""Generated pages: one per speaker, topic and event, the section indexes and the home page.

Each page is a virtual Markdown file (`File.generated`) whose `template:` picks a template from
`templates/`; the templates read the model through the `confnotes` object installed in Jinja.
The Markdown itself holds the page's text for search, escaped, never shown as markup.
"""

from __future__ import annotations

import colorsys
import datetime as dt
import hashlib
import html
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from jinja2 import pass_context
from jinja2.runtime import Context
from markupsafe import Markup, escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.utils import normalize_url

from . import series as series_mod
from .dates import korean_date, korean_dates, machine_date
from .export import talk_url, topic_talks
from .index import Site
from .model import KINDS, POST_SOURCES, SECTION, Appearance, Kind, Note, Series, Talk, Term
from .names import initial, is_hangul, sort_key
from .registry import Registry
from .talk_links import video_key

_INITIAL_ORDER = {letter: n for n, letter in enumerate(
    "ㄱㄴㄷㄹㅁㅂㅅㅇㅈㅊㅋㅌㅍㅎABCDEFGHIJKLMNOPQRSTUVWXYZ")}
ROLE_LABELS = {"speaker": "발표", "panelist": "패널", "moderator": "진행"}
# What each kind of term is called on pages, feeds and cards.
KIND_LABELS: dict[Kind, str] = {"speaker": "발표자", "topic": "주제", "event": "행사"}
SERIES_LABEL = "시리즈"
NOTE_LABEL = "노트"
LINK_LABELS = {"slides": "슬라이드", "video": "영상"}
# Above this many notes the notes index shows the latest ones and links a page per year:
# 5,000 notes on one page are 1.7 MB of HTML.
NOTES_ON_ONE_PAGE = 300
LATEST_ON_INDEX = 50
UNDATED = "날짜 미상"
UNDATED_SLUG = "undated"
# Where a local picture of a video is looked for: docs/assets/videos/<video key>.<ext>.
VIDEO_PICTURES = "assets/videos/"
VIDEO_PICTURE_TYPES = (".jpg", ".jpeg", ".png", ".webp")
LATEST = 10
RELATED = 5
NEIGHBOURS = 8  # notes looked at on each side of a note in a shared term's list
STAGE_MATES = 24


@dataclass
class GeneratedPage:
    file: File
    title: str
    meta: dict[str, Any] = field(default_factory=dict)


def _page(config: MkDocsConfig, files: Files, taken: set[str], src: str, title: str,
          template: str, text: str, **meta: Any) -> GeneratedPage | None:
    file = File.generated(config, src, content=text)
    if files.get_file_from_path(src) is not None or file.dest_uri in taken:
        return None  # the site's own page wins over a generated one at the same address
    files.append(file)
    return GeneratedPage(file, title, {"template": template, "confnotes_generated": True,
                                       **meta})


def generate(site: Site, files: Files, config: MkDocsConfig) -> Iterable[GeneratedPage]:
    """Add every generated page to `files`."""
    specs: list[tuple[str, str, str, str, dict[str, Any]]] = [
        ("index.md", config.site_name, "home.html", "", {"hide": ["navigation", "toc"]}),
        ("notes/index.md", "노트", "notes.html", "", {"hide": ["navigation", "toc"]}),
        ("speakers/index.md", "발표자", "speakers.html", "", {"hide": ["navigation", "toc"]}),
        ("topics/index.md", "주제", "topics.html", "", {"hide": ["navigation", "toc"]}),
        ("events/index.md", "행사", "events.html", "", {"hide": ["navigation", "toc"]}),
    ]
    for kind in KINDS:
        for term in site.terms[kind].values():
            src = f"{SECTION[kind]}/{term.slug}.md"
            if files.get_file_from_path(src) is not None:
                # A note saved there has been moved away (addresses.give_way); the page keeps
                # the term's address under a source name of its own.
                src = f"{SECTION[kind]}/{term.slug}/index.md"
            specs.append((src, term.name, f"{kind}.html",
                          _search_text(term, len(site.notes_by_term.get((kind, term.id), []))),
                          {"confnotes_term": [kind, term.id]}))
    for series in series_mod.collect(site).values():
        lines = [f"{SERIES_LABEL} · {len(series.events)}회",
                 *(site.terms["event"][e].name for e in series.events)]
        specs.append((f"series/{series.slug}.md", series.name, "series.html",
                      "\n\n".join(html.escape(n) for n in lines),
                      {"confnotes_series": series.id}))
    if len(site.notes) > NOTES_ON_ONE_PAGE:
        for year, _notes in notes_by_year(site.notes):
            specs.append((f"notes/{year_slug(year)}.md", f"노트 · {year}", "notes.html", "",
                          {"confnotes_year": year, "hide": ["navigation", "toc"]}))
    taken = {f.dest_uri for f in files}
    for src, title, template, text, meta in specs:
        page = _page(config, files, taken, src, title, template, text, **meta)
        if page is not None:
            yield page


def notes_by_year(notes: list[Note]) -> list[tuple[str, list[Note]]]:
    """Notes by year in listing order (newest first), undated notes last."""
    years: dict[str, list[Note]] = {}
    for note in notes:
        years.setdefault(str(note.date.year) if note.date else UNDATED, []).append(note)
    return list(years.items())


def year_slug(year: str) -> str:
    """A year as it appears in addresses and ids: the number, or `undated`."""
    return year if year.isdigit() else UNDATED_SLUG


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


@dataclass(frozen=True)
class TalkRow:
    note: Note
    talk: Talk
    url: str
    appearance: Appearance | None = None


@dataclass(frozen=True)
class TalkLink:
    kind: str                  # slides, video
    label: str
    url: str
    picture: str | None = None  # site-relative: a local picture of the video


@dataclass(frozen=True)
class Edition:
    event: Term
    start: dt.date | None
    rows: list[TalkRow]
    speakers: list[tuple[Term, int]]


class View:
    """The model as the templates read it: listings computed once, sorted by stated keys."""

    def __init__(self, site: Site, registries: dict[Kind, Registry],
                 video_pictures: Iterable[str] = ()) -> None:
        self.site = site
        self.registries = registries
        self.series = series_mod.collect(site)
        self._series_notes = series_mod.notes_by_series(site, self.series)
        self._video_pictures: dict[str, str] = {}
        for path in sorted(video_pictures):
            name, _, ext = path.removeprefix(VIDEO_PICTURES).rpartition(".")
            if "/" not in name and f".{ext.lower()}" in VIDEO_PICTURE_TYPES:
                self._video_pictures.setdefault(name, path)
        self.notes_by_path = {n.path: n for n in site.notes}
        self._co_topics = self._topic_cooccurrence()
        self._children: dict[str, list[str]] = defaultdict(list)
        for term in self.sorted_terms("topic"):
            if term.parent:
                self._children[term.parent].append(term.id)
        self._position: dict[tuple[Kind, str], dict[str, int]] = {}
        self._bylines: dict[str, str] = {}
        self._totals: dict[str, int] = {}

    # terms
    def term(self, kind: Kind, ident: str) -> Term:
        return self.site.terms[kind][ident]

    def sorted_terms(self, kind: Kind) -> list[Term]:
        return sorted(self.site.terms[kind].values(), key=lambda t: (sort_key(t.name), t.id))

    def url(self, kind: Kind, ident: str) -> str:
        return self.site.terms[kind][ident].url_path

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
        term = self.site.terms[kind][ident]
        href = normalize_url(term.url_path, page=page, base=base)
        return Markup(f'<a class="cn-term cn-term--{kind}" href="{escape(href)}">'
                      f'{escape(term.name)}</a>')

    def note(self, path: str) -> Note:
        return self.notes_by_path[path]

    def notes_of(self, kind: Kind, ident: str) -> list[Note]:
        return self.site.notes_by_term.get((kind, ident), [])

    def count(self, kind: Kind, ident: str) -> int:
        if kind == "speaker":
            return len(self.site.appearances.get(ident, []))
        return len(self.notes_of(kind, ident))

    def counts(self) -> dict[str, int]:
        return {"notes": len(self.site.notes),
                "talks": sum(len(n.talks) for n in self.site.notes),
                **{SECTION[k]: len(self.site.terms[k]) for k in KINDS}}

    # speakers
    def appearances(self, ident: str) -> list[TalkRow]:
        return [TalkRow(n, t, talk_url(n, t), a) for n, t, a in
                self.site.appearances.get(ident, [])]

    def groups(self) -> list[tuple[str, list[Term]]]:
        """Speakers grouped by initial: ㄱ..ㅎ, then A-Z, then the rest."""
        grouped: dict[str, list[Term]] = defaultdict(list)
        for term in self.sorted_terms("speaker"):
            grouped[initial(term.name)].append(term)
        return sorted(grouped.items(), key=lambda g: _INITIAL_ORDER.get(g[0], len(_INITIAL_ORDER)))

    def stage_mates(self, ident: str) -> list[tuple[Term, int]]:
        """The people most often on stage with this speaker, at most STAGE_MATES: a panel of
        a hundred would otherwise put 99 chips on each of a hundred pages."""
        mates: Counter[str] = Counter()
        for _note, talk, _a in self.site.appearances.get(ident, []):
            for other in {a.speaker for a in talk.speakers} - {ident}:
                mates[other] += 1
        return self._ranked("speaker", mates)[:STAGE_MATES]

    def speaker_topics(self, ident: str) -> list[tuple[Term, int]]:
        topics: Counter[str] = Counter()
        for _note, talk, _a in self.site.appearances.get(ident, []):
            topics.update(talk.topics)
        return self._ranked("topic", topics)

    def _ranked(self, kind: Kind, counter: Counter[str]) -> list[tuple[Term, int]]:
        terms = self.site.terms[kind]
        return [(terms[i], n) for i, n in
                sorted(counter.items(), key=lambda kv: (-kv[1], sort_key(terms[kv[0]].name)))]

    # topics
    def children(self, ident: str) -> list[Term]:
        return [self.term("topic", c) for c in self._children.get(ident, [])]

    def roots(self) -> list[Term]:
        return [t for t in self.sorted_terms("topic") if not t.parent]

    def topic_total(self, ident: str) -> int:
        """Notes on the topic or on any topic under it, each note once."""
        if ident in self._totals:  # the topics index asks for every topic of the tree
            return self._totals[ident]
        notes: set[str] = set()
        stack, seen = [ident], {ident}
        while stack:
            current = stack.pop()
            notes.update(n.path for n in self.notes_of("topic", current))
            for child in self._children.get(current, []):
                if child not in seen:
                    seen.add(child)
                    stack.append(child)
        self._totals[ident] = len(notes)
        return self._totals[ident]

    def topic_talks(self, ident: str) -> list[TalkRow]:
        return [TalkRow(n, t, talk_url(n, t)) for n, t in topic_talks(self.site, ident)]

    def topic_speakers(self, ident: str) -> list[tuple[Term, int]]:
        counter: Counter[str] = Counter()
        for row in self.topic_talks(ident):
            counter.update({a.speaker for a in row.talk.speakers})
        return self._ranked("speaker", counter)

    def related_topics(self, ident: str) -> list[tuple[Term, int]]:
        return self._ranked("topic", self._co_topics.get(ident, Counter()))[:8]

    def _topic_cooccurrence(self) -> dict[str, Counter[str]]:
        co: dict[str, Counter[str]] = defaultdict(Counter)
        for note in self.site.notes:
            for a in note.topics:
                for b in note.topics:
                    if a != b:
                        co[a][b] += 1
        return co

    def top(self, kind: Kind, limit: int) -> list[tuple[Term, int]]:
        counts = Counter({i: self.count(kind, i) for i in self.site.terms[kind]})
        return [(t, n) for t, n in self._ranked(kind, counts) if n][:limit]

    # events
    def event_talks(self, ident: str) -> list[tuple[str, list[tuple[str, list[TalkRow]]]]]:
        """The event's talks by day, then session, in the order they happened."""
        event = self.term("event", ident)
        themes = dict(event.days)
        notes = sorted(self.notes_of("event", ident),
                       key=lambda n: (n.day or 99, n.date or dt.date.max, n.session or "", n.path))
        days: dict[tuple[int, str], dict[str, list[TalkRow]]] = {}
        for note in notes:
            day_label = self._day_label(note, event, themes)
            sessions = days.setdefault(day_label, {})
            rows = sessions.setdefault(note.session or "", [])
            rows.extend(TalkRow(note, t, talk_url(note, t)) for t in note.talks)
        for sessions in days.values():
            for rows in sessions.values():
                # Talks the notes number (`## 10. ...`) in that order; the others after them,
                # in the notes' order.
                rows.sort(key=lambda r: (r.talk.number is None, r.talk.number or 0))
        return [(label, list(sessions.items())) for (_, label), sessions in days.items()]

    @staticmethod
    def _day_label(note: Note, event: Term, themes: dict[int, str]) -> tuple[int, str]:
        day = note.day
        if day is None and note.date and event.start:
            day = (note.date - event.start).days + 1
        if day is None:
            return 99, "날짜 미상"
        label = f"{day}일차"
        if event.start:
            label += f" · {korean_date(event.start + dt.timedelta(days=day - 1))}"
        if day in themes:
            label += f" — {themes[day]}"
        return day, label

    def event_speakers(self, ident: str) -> list[tuple[Term, int]]:
        counter: Counter[str] = Counter()
        for note in self.notes_of("event", ident):
            for talk in note.talks:
                counter.update({a.speaker for a in talk.speakers})
        return self._ranked("speaker", counter)

    def timeline(self) -> list[tuple[str, list[Term]]]:
        """Events by year, newest first; events without dates last."""
        years: dict[str, list[Term]] = defaultdict(list)
        starts: dict[str, dt.date | None] = {}
        for term in self.site.terms["event"].values():
            start = starts[term.id] = term.start or self._first_note_date(term.id)
            years[str(start.year) if start else "연도 미상"].append(term)

        def newest_first(term: Term) -> tuple[int, tuple[int, str]]:
            start = starts[term.id]
            return -(start.toordinal() if start else 0), sort_key(term.name)

        return [(year, sorted(terms, key=newest_first))
                for year, terms in sorted(years.items(), key=lambda kv: (
                    not kv[0].isdigit(), -int(kv[0]) if kv[0].isdigit() else 0))]

    def _first_note_date(self, ident: str) -> dt.date | None:
        dates = [n.date for n in self.notes_of("event", ident) if n.date]
        return min(dates) if dates else None

    # notes
    def notes_by_year(self, year: str | None = None) -> list[tuple[str, list[Note]]]:
        """Notes by year; with `year`, that year's alone."""
        years = notes_by_year(self.site.notes)
        return [(y, notes) for y, notes in years if year is None or y == year]

    def notes_split(self) -> bool:
        """Whether the notes index links a page per year instead of listing every note."""
        return len(self.site.notes) > NOTES_ON_ONE_PAGE

    def note_years(self) -> list[tuple[str, str, int]]:
        """(year, site-relative URL of its page, number of notes), newest first."""
        return [(y, f"notes/{year_slug(y)}/", len(notes))
                for y, notes in notes_by_year(self.site.notes)]

    @staticmethod
    def excerpt(note: Note, limit: int = 140) -> str:
        """One line about the note: its summary, else its opening prose, cut at a word."""
        text = " ".join((note.summary or note.excerpt or "").split())
        if len(text) <= limit:
            return text
        cut = text[:limit].rsplit(" ", 1)[0] if " " in text[:limit] else text[:limit]
        return cut.rstrip(",.;:·") + "…"

    # talk links
    def talk_links(self, talk: Talk, note: Note | None = None) -> list[TalkLink]:
        """The talk's slides and video (a note's own when `note` is given and the talk has
        none), each with its label, the video with its local picture if the site has one."""
        slides = talk.slides or (note.slides if note else None)
        video = talk.video or (note.video if note else None)
        found: list[TalkLink] = []
        if slides:
            found.append(TalkLink("slides", LINK_LABELS["slides"], slides))
        if video:
            key = video_key(video)
            found.append(TalkLink("video", LINK_LABELS["video"], video,
                                  self._video_pictures.get(key) if key else None))
        return found

    def note_links(self, note: Note) -> list[TalkLink]:
        """Links of the note itself: those of its one talk, or the note-wide ones."""
        if len(note.talks) == 1:
            return self.talk_links(note.talks[0], note)
        return self.talk_links(Talk("", None, (), ()), note)

    # series
    def series_of(self, event: str | None) -> Series | None:
        term = self.site.terms["event"].get(event) if event else None
        return self.series.get(term.series) if term and term.series else None

    def series_by_id(self, ident: str) -> Series:
        return self.series[ident]

    def edition_neighbours(self, event: str) -> tuple[Term | None, Term | None]:
        series = self.series_of(event)
        if series is None:
            return None, None
        before, after = series_mod.neighbours(series, event)
        terms = self.site.terms["event"]
        return (terms[before] if before else None), (terms[after] if after else None)

    def editions(self, ident: str) -> list[Edition]:
        """The series' editions, newest first, each with its talks and people."""
        found = []
        for event in reversed(self.series[ident].events):
            term = self.term("event", event)
            rows = [TalkRow(n, t, talk_url(n, t)) for n in self.notes_of("event", event)
                    for t in n.talks]
            found.append(Edition(term, series_mod.edition_start(self.site, term), rows,
                                 self.event_speakers(event)))
        return found

    def series_notes(self, ident: str) -> list[Note]:
        return self._series_notes.get(ident, [])

    def series_speakers(self, ident: str) -> list[tuple[Term, int]]:
        """People on stage at any edition, most editions first."""
        counter: Counter[str] = Counter()
        for event in self.series[ident].events:
            counter.update({s for n in self.notes_of("event", event) for s in n.speakers})
        return self._ranked("speaker", counter)

    def event_groups(self) -> tuple[list[tuple[Series, list[Term]]], list[tuple[str, list[Term]]]]:
        """Series with their editions (newest first), then the events of no series by year."""
        grouped = [(s, [self.term("event", e) for e in reversed(s.events)])
                   for s in self.series.values()]
        in_series = {e for s in self.series.values() for e in s.events}
        alone = [(year, [t for t in terms if t.id not in in_series])
                 for year, terms in self.timeline()]
        return grouped, [(year, terms) for year, terms in alone if terms]

    # a person across years
    def appearances_by_year(self, ident: str) -> list[tuple[str, list[TalkRow]]]:
        years: dict[str, list[TalkRow]] = {}
        for row in self.appearances(ident):
            year = str(row.note.date.year) if row.note.date else UNDATED
            years.setdefault(year, []).append(row)
        return _newest_year_first(years)

    def seen(self, ident: str) -> tuple[TalkRow, TalkRow] | None:
        """The first and the last dated appearance."""
        dated = [r for r in self.appearances(ident) if r.note.date]
        if not dated:
            return None
        dated.sort(key=lambda r: (r.note.date, r.note.path))
        return dated[0], dated[-1]

    @staticmethod
    def people(note: Note) -> list[tuple[Appearance, list[str]]]:
        """Everyone on stage in a note, once each, with every role they had there."""
        seen: dict[str, tuple[Appearance, list[str]]] = {}
        for talk in note.talks:
            for a in talk.speakers:
                first, roles = seen.setdefault(a.speaker, (a, []))
                if a.role not in roles:
                    roles.append(a.role)
                if not first.affiliation and a.affiliation:
                    seen[a.speaker] = (a, roles)
        return list(seen.values())

    def byline(self, note: Note, limit: int = 4) -> str:
        """`A, B, C, D 외 2명`: the people on stage, as a note's line in a listing shows them.
        Made once per note: the same note is listed on many pages."""
        line = self._bylines.get(note.path)
        if line is None:
            names = [self.site.terms["speaker"][s].name for s in note.speakers]
            line = ", ".join(names[:limit]) + (f" 외 {len(names) - limit}명"
                                               if len(names) > limit else "")
            self._bylines[note.path] = line
        return line

    def latest(self, limit: int = LATEST) -> list[Note]:
        return self.site.notes[:limit]

    def related(self, path: str) -> list[Note]:
        """Notes sharing speakers or topics, most shared first; looks only at each shared
        term's nearest notes, so the work per page stays bounded as the site grows."""
        note = self.notes_by_path[path]
        scores: Counter[str] = Counter()
        terms: list[tuple[Kind, str, int]] = [("speaker", s, 3) for s in note.speakers]
        terms += [("topic", t, 1) for t in note.topics]
        for kind, ident, weight in terms:
            listing = self.notes_of(kind, ident)
            position = self._positions(kind, ident).get(path, 0)
            for other in listing[max(0, position - NEIGHBOURS): position + NEIGHBOURS + 1]:
                if other.path != path:
                    scores[other.path] += weight
        ranked = sorted(scores.items(), key=lambda kv: (-kv[1], kv[0]))
        return [self.notes_by_path[p] for p, _ in ranked[:RELATED]]

    def _positions(self, kind: Kind, ident: str) -> dict[str, int]:
        cached = self._position.get((kind, ident))
        if cached is None:
            cached = {n.path: i for i, n in enumerate(self.notes_of(kind, ident))}
            self._position[kind, ident] = cached
        return cached

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

    @staticmethod
    def initials(name: str) -> str:
        """The first Hangul syllable, or up to two Latin initials."""
        name = name.strip()
        if name and is_hangul(name[0]):
            return name[0]
        letters = [w[0] for w in name.replace("-", " ").split() if w and w[0].isalnum()]
        return "".join(letters[:2]).upper() or "?"

    @staticmethod
    def colour(name: str) -> str:
        """A colour of its own for each name, the same on every build."""
        digest = hashlib.sha256(name.encode("utf-8")).digest()
        r, g, b = colorsys.hls_to_rgb(digest[0] / 255, 0.42, 0.55)
        return f"#{int(r * 255):02x}{int(g * 255):02x}{int(b * 255):02x}"


def _newest_year_first(years: dict[str, list[TalkRow]]) -> list[tuple[str, list[TalkRow]]]:
    return sorted(years.items(), key=lambda kv: (kv[0] == UNDATED, -int(kv[0])
                                                 if kv[0].isdigit() else 0))


def install(env: Any, site: Site, registries: dict[Kind, Registry], own: set[str],
            video_pictures: Iterable[str] = (), view: Any = None) -> None:
    """Make the model available to the templates as `confnotes` (a `View`, or the `view`
    given), and escape every value in Confnotes' own templates (`own`): Material's templates
    are left as they are."""
    env.globals["confnotes"] = view if view is not None else View(site, registries,
                                                                   video_pictures)
    env.autoescape = lambda name: name in own
