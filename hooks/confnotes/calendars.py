"""Each event's talks as a calendar: `events/<slug>/talks.ics` (RFC 5545), written by icalendar.

Every talk of the event that has a day (the note's date, or its `day` counted from the
event's start) is an all-day event. RFC 5545 wants at least one event per calendar, so an
event without such a talk has no calendar file, and its page no link to one (`has_calendar`).
No value depends on the clock: the same notes always give the same bytes.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path
from typing import Any

from icalendar import Calendar, Event
from icalendar.prop import vText

from .feeds import Links, one_line, safe
from .index import Site
from .kinds import ROLE_LABELS
from .model import POST_SOURCES, Note, Talk, Term, talk_url

PRODUCT = "-//Confnotes//Confnotes//KO"


def write(site_dir: Path, site: Site, links: Links) -> list[Path]:
    """Write the calendar of every event that has one under `site_dir`; the files written."""
    written: list[Path] = []
    for path, ics in calendars(site, links):
        (site_dir / path).parent.mkdir(parents=True, exist_ok=True)
        (site_dir / path).write_bytes(ics)
        written.append(site_dir / path)
    return written


def calendars(site: Site, links: Links,
              kept: dict[Any, Any] | None = None) -> list[tuple[str, bytes]]:
    """(site-relative path, content) of every event's calendar. With `kept` (the same dict at
    each call, under `mkdocs serve`), a talk's entry is formatted once and reused while what
    it says stays the same: the files are the same bytes either way."""
    last = dict(kept) if kept is not None else None
    if kept is not None:
        kept.clear()
    found: list[tuple[str, bytes]] = []
    for event in site.terms["event"].values():
        ics = calendar(site, event, links, last, kept)
        if ics is not None:
            found.append((event.url_path + "talks.ics", ics))
    return found


SAID = "said"   # in `kept`: what each talk's entry said, by note and talk, with its sources


def talk_day(note: Note, event: Term) -> dt.date | None:
    """The day a talk was given: the note's date when the note says that day, else its `day`
    counted from the event's start. A year, or a blog post's own date, is no day of a talk."""
    if note.date and note.date_precision == "day" and note.date_source not in POST_SOURCES:
        return note.date
    if note.day and event.start:
        return event.start + dt.timedelta(days=note.day - 1)
    return None


def has_calendar(site: Site, event: Term) -> bool:
    """Whether the event gets `talks.ics`: some talk of it has a day."""
    return any(note.talks and talk_day(note, event) is not None
               for note in site.notes_by_term.get(("event", event.id), []))


def calendar(site: Site, event: Term, links: Links,
             last: dict[Any, Any] | None = None,
             kept: dict[Any, Any] | None = None) -> bytes | None:
    """The event's talks as all-day events, or None when no talk has a day. `last` gives
    entries formatted before by what they say; each entry is added to `kept`."""
    talks: list[tuple[dt.date, str, str, int, Note, Talk]] = []
    for note in site.notes_by_term.get(("event", event.id), []):
        day = talk_day(note, event)
        if day is not None:
            talks.extend((day, note.session or "", note.path, n, note, talk)
                         for n, talk in enumerate(note.talks))
    if not talks:
        return None
    document = Calendar()
    document.add("version", "2.0")
    document.add("prodid", PRODUCT)
    document.add("calscale", "GREGORIAN")
    # Neither is a property icalendar knows the type of: TEXT, escaped as such.
    document.add("name", vText(one_line(event.name)))
    document.add("x-wr-calname", vText(one_line(event.name)))
    # iCalendar folds each line on its own, so the calendar is its head, each entry's lines
    # as the entry alone gives them, and its last line.
    whole = bytes(document.to_ical())
    assert whole.endswith(_END)
    parts = [whole[:-len(_END)]]
    said: dict[Any, Any] = last.get(SAID, {}) if last is not None else {}
    said_now: dict[Any, Any] = kept.setdefault(SAID, {}) if kept is not None else {}
    for day, _session, _path, n, note, talk in sorted(talks, key=lambda t: t[:4]):
        # An entry says what the note, the event and its speakers' terms say: while they are
        # the same (the same objects, under `mkdocs serve`), so is the entry.
        sources = (note, event, tuple(site.terms["speaker"].get(a.speaker)
                                      for a in talk.speakers), day, links)
        before = said.get((note.path, n))
        if before is not None and before[0] == sources:
            what = before[1]
        else:
            what = _entry(site, event, note, talk, n, day, links)
        if kept is not None:
            said_now[note.path, n] = (sources, what)
        ics = last.get(what) if last is not None else None
        if ics is None:
            ics = bytes(_vevent(*what).to_ical())
        if kept is not None:
            kept[what] = ics
        parts.append(ics)
    parts.append(_END)
    return b"".join(parts)


_END = b"END:VCALENDAR\r\n"


def _entry(site: Site, event: Term, note: Note, talk: Talk, n: int, day: dt.date,
           links: Links) -> tuple[str, dt.date, str, str, str | None, str | None]:
    """What a talk's entry says: uid, day, summary, description, location, URL."""
    url = links.to(talk_url(note, talk), event.url_path)
    uid = hashlib.sha256(f"{note.path}#{talk.anchor or n}".encode()).hexdigest()[:32]
    about = [_person(site, a.speaker, a.role, a.affiliation, a.title) for a in talk.speakers]
    if note.session:
        about.append(f"세션: {note.session}")
    about.append(url)
    return (f"{uid}@{links.host}" if links.host else uid, day, one_line(talk.title),
            safe("\n".join(about)).replace("\r\n", "\n").replace("\r", "\n"),
            one_line(event.place) if event.place else None,
            # A URL property must be an absolute URI; a relative one stays in the description.
            url if links.base else None)


def _vevent(uid: str, day: dt.date, summary: str, description: str, location: str | None,
            url: str | None) -> Event:
    entry = Event()
    entry.add("uid", uid)
    # RFC 5545 requires DTSTAMP, the time the entry was last revised. The build clock would
    # change the file on every build; the talk's day is the last thing the notes say about it.
    entry.add("dtstamp", dt.datetime.combine(day, dt.time(0, tzinfo=dt.UTC)))
    entry.add("dtstart", day)
    entry.add("dtend", day + dt.timedelta(days=1))
    entry.add("summary", summary)
    entry.add("description", description)
    if location is not None:
        entry.add("location", location)
    if url is not None:
        entry.add("url", url)
    return entry


def _person(site: Site, ident: str, role: str, affiliation: str | None,
            title: str | None) -> str:
    term = site.term("speaker", ident)
    if not (affiliation or title):
        affiliation, title = term.affiliation, term.title
    where = ", ".join(p for p in (affiliation, title) if p)
    return f"{ROLE_LABELS.get(role, role)}: {term.name}" + (f" ({where})" if where else "")
