"""Event series: the editions of one recurring event (DEVIEW 2014, 2015, 2017, ...).

An event is an edition of the series its `series` names, whether the events registry says so
(`series: deview`) or the event was recognised from the notes. Every series with at least one
edition gets a page at `series/<slug>/`. Its name is the one the catalogue of recurring
conferences gives it (catalogue.py), else the name its editions share once the year is taken
out (`DEVIEW 2023` -> `DEVIEW`); editions that share none give the series id.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter, defaultdict

from .catalogue import SERIES as CATALOGUE
from .index import Site
from .model import Note, Series, Term
from .names import clean, slugify, sort_key

# A year standing alone in an event's name, with what joins it to the rest: `2024`, `'24`,
# `(2024)`, `2024년`.
_YEAR = re.compile(r"[\s(\[]*['’]?(?:19|20)\d{2}(?:년)?[)\]]?|[\s(\[]*['’]\d{2}(?![\d])")


def series_name(names: list[str], ident: str) -> str:
    """The name most editions share once their year is taken out, else `ident`."""
    stems = Counter(s for s in (clean(_YEAR.sub(" ", n)) for n in names) if s)
    if not stems:
        return ident
    best = max(stems.items(), key=lambda kv: (kv[1], -len(kv[0]), [-ord(c) for c in kv[0]]))
    return best[0]


def edition_start(site: Site, event: Term) -> dt.date | None:
    """When an edition took place: its registered start, else the first date its notes give."""
    if event.start:
        return event.start
    dates = [n.date for n in site.notes_by_term.get(("event", event.id), []) if n.date]
    return min(dates) if dates else None


def collect(site: Site) -> dict[str, Series]:
    """Every series that has an edition, by id, in Korean name order; editions oldest first
    (editions without a date last, by name)."""
    editions: dict[str, list[Term]] = defaultdict(list)
    for event in site.terms["event"].values():
        if event.series:
            editions[event.series].append(event)
    found: list[Series] = []
    taken: set[str] = set()
    for ident in sorted(editions):
        events = editions[ident]
        starts = {e.id: edition_start(site, e) for e in events}
        events.sort(key=lambda e: (starts[e.id] is None, starts[e.id] or dt.date.min,
                                   sort_key(e.name), e.id))
        base = slugify(ident) or "series"
        slug, n = base, 1
        while slug in taken:
            n += 1
            slug = f"{base}-{n}"
        taken.add(slug)
        known = CATALOGUE.get(ident)
        name = known.name if known else series_name([e.name for e in events], ident)
        found.append(Series(ident, slug, name, tuple(e.id for e in events)))
    found.sort(key=lambda s: (sort_key(s.name), s.id))
    return {s.id: s for s in found}


def notes_by_series(site: Site, series: dict[str, Series]) -> dict[str, list[Note]]:
    """The notes of every edition of each series, in the site's listing order (newest first),
    in one pass over the notes."""
    of_event = {event: ident for ident, s in series.items() for event in s.events}
    found: dict[str, list[Note]] = {ident: [] for ident in series}
    for note in site.notes:
        if note.event in of_event:
            found[of_event[note.event]].append(note)
    return found


def neighbours(series: Series, event: str) -> tuple[str | None, str | None]:
    """The editions before and after `event` in its series."""
    position = series.events.index(event)
    before = series.events[position - 1] if position > 0 else None
    after = series.events[position + 1] if position + 1 < len(series.events) else None
    return before, after
