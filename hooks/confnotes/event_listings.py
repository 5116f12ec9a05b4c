"""Events and series as the pages list them: an event's talks by day and session, the
timeline, a series' editions."""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Iterable

from . import series as series_mod
from .dates import korean_date
from .index import Site
from .listings import Edition, Listings, TalkRow
from .model import Note, Series, Term, talk_url
from .names import sort_key


class EventListings(Listings):
    """Listings, with events and series."""

    def __init__(self, site: Site, video_pictures: Iterable[str] = ()) -> None:
        super().__init__(site, video_pictures)
        self.series = series_mod.collect(site)
        self._series_notes = series_mod.notes_by_series(site, self.series)

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
