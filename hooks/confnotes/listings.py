"""The model as the pages list it: every query the templates make, answered once and sorted
by stated keys (names in Korean order, notes newest first). event_listings.py adds events and
series; the adapter's View adds links and formatting."""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from .export import topic_talks
from .index import Site
from .kinds import KINDS, LINK_LABELS, SECTION, Kind
from .model import Appearance, Note, Talk, Term, talk_url
from .names import initial, sort_key
from .talk_links import video_key

_INITIAL_ORDER = {letter: n for n, letter in enumerate(
    "ㄱㄴㄷㄹㅁㅂㅅㅇㅈㅊㅋㅌㅍㅎABCDEFGHIJKLMNOPQRSTUVWXYZ")}
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
RELATED_TOPICS = 8  # on a topic's page, the topics its notes are most often also on


def notes_by_year(notes: list[Note]) -> list[tuple[str, list[Note]]]:
    """Notes by year in listing order (newest first), undated notes last."""
    years: dict[str, list[Note]] = {}
    for note in notes:
        years.setdefault(str(note.date.year) if note.date else UNDATED, []).append(note)
    return list(years.items())


def year_slug(year: str) -> str:
    """A year as it appears in addresses and ids: the number, or `undated`."""
    return year if year.isdigit() else UNDATED_SLUG


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


class Listings:
    """Listings of the model, computed once per build."""

    def __init__(self, site: Site, video_pictures: Iterable[str] = ()) -> None:
        self.site = site
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

    # a kind named by affiliations: the talks given while there
    def term_talks(self, kind: Kind, ident: str) -> list[TalkRow]:
        return [TalkRow(n, t, talk_url(n, t), a) for n, t, a in
                self.site.talks_by_term.get((kind, ident), [])]

    def term_talks_by_year(self, kind: Kind, ident: str) -> list[tuple[str, list[TalkRow]]]:
        return _by_year(self.term_talks(kind, ident))

    def term_people(self, kind: Kind, ident: str) -> list[tuple[Term, int]]:
        return self._ranked("speaker", Counter(
            a.speaker for _n, _t, a in self.site.talks_by_term.get((kind, ident), [])))

    def term_topics(self, kind: Kind, ident: str) -> list[tuple[Term, int]]:
        return self._ranked("topic", Counter(
            t for _n, talk, _a in self.site.talks_by_term.get((kind, ident), [])
            for t in talk.topics))

    def affiliations(self, kind: Kind, speaker: str) -> list[tuple[Term, int]]:
        """The terms of `kind` the speaker's appearances name, most talks first."""
        return self._ranked(kind, Counter(
            ident for _n, _t, a in self.site.appearances.get(speaker, [])
            for k, ident in a.affiliated if k == kind))

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
        return self._ranked("topic", self._co_topics.get(ident, Counter()))[:RELATED_TOPICS]

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

    # a person across years
    def appearances_by_year(self, ident: str) -> list[tuple[str, list[TalkRow]]]:
        return _by_year(self.appearances(ident))

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


def _by_year(rows: list[TalkRow]) -> list[tuple[str, list[TalkRow]]]:
    """Rows by year, newest first, undated last."""
    years: dict[str, list[TalkRow]] = {}
    for row in rows:
        year = str(row.note.date.year) if row.note.date else UNDATED
        years.setdefault(year, []).append(row)
    return sorted(years.items(), key=lambda kv: (kv[0] == UNDATED, -int(kv[0])
                                                 if kv[0].isdigit() else 0))
