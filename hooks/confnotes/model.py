"""The clean model every note is read into: notes, their talks, and the terms they share."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from .kinds import KINDS as KINDS
from .kinds import SECTION as SECTION
from .kinds import Kind as Kind
from .people import Role

# Dates of notes and events lie within these; past them, date arithmetic (a calendar's next
# day, an event's tenth day) leaves what Python's dates can hold.
FIRST_DATE, LAST_DATE = dt.date(1900, 1, 1), dt.date(2199, 12, 31)
MAX_DAY = 366              # `day:` counts the days of one event
# A title, session or affiliation is repeated on every page that lists its note: longer ones
# are cut (a note of one long line would otherwise weigh on hundreds of pages).
MAX_TEXT = 300


def cut(text: str, limit: int = MAX_TEXT) -> str:
    """`text`, or its first `limit` - 1 characters and an ellipsis."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


# Where a note's date came from when it is the blog post's own date, not the talk's.
POST_SOURCES = frozenset({"post date", "post date (file name)"})


@dataclass(frozen=True)
class Link:
    title: str
    url: str


@dataclass(frozen=True)
class Term:
    """A speaker, topic or event. Its identity is its id; its slug names its page."""

    kind: Kind
    id: str
    slug: str
    name: str
    other_names: tuple[str, ...] = ()     # the name in the other script, then aliases
    registered: bool = False
    affiliation: str | None = None        # speakers
    title: str | None = None              # speakers: job title
    bio: str | None = None                # speakers
    avatar: str | None = None             # speakers: path under docs/
    links: tuple[Link, ...] = ()          # speakers
    description: str | None = None        # topics, events
    parent: str | None = None             # topics: the parent topic's id
    start: dt.date | None = None          # events
    end: dt.date | None = None            # events
    place: str | None = None              # events
    url: str | None = None                # events
    organizer: str | None = None          # events
    days: tuple[tuple[int, str], ...] = ()  # events: day number -> theme
    series: str | None = None             # events: the series' id (`deview` for DEVIEW 2015)
    source: str = ""                      # the file (and line) that defined it, for messages
    line: int | None = None

    @property
    def url_path(self) -> str:
        """Site-relative URL of the term's page, e.g. `speakers/kai-fu-lee/`."""
        return f"{SECTION[self.kind]}/{self.slug}/"

    def __hash__(self) -> int:
        # Equal terms have the same kind and id: hashing those alone spares hashing every
        # field whenever a term is looked up (what a page asked is kept by its arguments).
        return hash((self.kind, self.id))


@dataclass(frozen=True)
class Appearance:
    """A person at one talk: who, in what role, with the affiliation given there."""

    speaker: str                          # term id
    role: Role
    name: str                             # as written in the note
    affiliation: str | None = None
    title: str | None = None
    line: int | None = None
    # Terms the affiliation names, of the kinds named by affiliations (kinds.BY_AFFILIATION).
    affiliated: tuple[tuple[Kind, str], ...] = ()


@dataclass(frozen=True)
class Talk:
    title: str
    anchor: str | None
    speakers: tuple[Appearance, ...]
    topics: tuple[str, ...]               # term ids
    line: int | None = None
    slides: str | None = None             # an http(s) address
    video: str | None = None              # an http(s) address
    number: int | None = None             # its place in the event's programme, as the note says

    def __hash__(self) -> int:
        # As Term's: a few fields that equal talks share, not every speaker's every field.
        return hash((self.title, self.anchor, self.line))


def talk_url(note: Note, talk: Talk) -> str:
    """Site-relative URL of a talk: its note's page, at the talk's heading when it has one."""
    return note.url + (f"#{talk.anchor}" if talk.anchor else "")


@dataclass(frozen=True)
class Series:
    """Editions of one recurring event (DEVIEW 2014, 2015, ...), oldest first."""

    id: str
    slug: str
    name: str
    events: tuple[str, ...]               # event term ids

    @property
    def url_path(self) -> str:
        return f"series/{self.slug}/"


@dataclass(frozen=True)
class Note:
    path: str                             # src_uri under docs/, with forward slashes
    url: str                              # site-relative URL of the page
    title: str
    date: dt.date | None
    event: str | None                     # term id
    day: int | None
    session: str | None
    talks: tuple[Talk, ...]
    topics: tuple[str, ...]
    source: str | None
    lang: str
    authors: tuple[str, ...]
    summary: str | None = None
    excerpt: str = ""                     # the opening prose, plain text
    slides: str | None = None             # for the whole note (a note of one talk: the talk's)
    video: str | None = None
    lines: dict[str, int] = field(default_factory=dict, compare=False, hash=False)
    date_end: dt.date | None = None       # the last day, when the note spans several
    date_precision: str = "day"           # day, month or year: how much of `date` is known
    date_source: str | None = None        # where the date was read (`front matter`, `line 5`)
    post_date: dt.date | None = None      # the post's own date, when it is not the talk's
    event_source: str | None = None       # where the event was read
    draft: bool = False
    picture: str | None = None
    place: str | None = None

    def __hash__(self) -> int:
        # As Term's: equal notes have the same path, and hashing it spares hashing every talk.
        return hash(self.path)

    @property
    def speakers(self) -> tuple[str, ...]:
        """Every person on stage in this note, once each, in order of appearance."""
        seen: dict[str, None] = {}
        for talk in self.talks:
            for appearance in talk.speakers:
                seen.setdefault(appearance.speaker, None)
        return tuple(seen)
