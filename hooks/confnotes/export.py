"""The model as JSON under site/data/: notes, series, and a file per kind of term.

URLs are site-relative (`notes/2024/x/`), so the files stay valid wherever the site is hosted.
Every list is sorted by a stated key, so the same notes always give the same bytes.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
from collections.abc import Callable, Mapping
from typing import Any

from . import series as series_mod
from .collect import note_id
from .index import Site
from .kinds import KINDS, SECTION, SPEC
from .model import Kind, Note, Series, Talk, Term, talk_url
from .names import sort_key

FORMAT_VERSION = 1


def _date(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def _ref(site: Site, kind: Kind, ident: str | None) -> dict[str, str] | None:
    if ident is None:
        return None
    term = site.term(kind, ident)
    return {"id": term.id, "name": term.name, "url": term.url_path}


def series_of(site: Site, series: Mapping[str, Series], event: str | None) -> Series | None:
    """The series the event is an edition of."""
    return series.get(site.term("event", event).series or "") if event else None


def _series_ref(site: Site, series: Mapping[str, Series], event: str | None
                ) -> dict[str, str] | None:
    own = series_of(site, series, event)
    return {"id": own.id, "name": own.name, "url": own.url_path} if own else None


def note_record(site: Site, note: Note, series: dict[str, Series] | None = None
                ) -> dict[str, Any]:
    return {
        "id": note_id(note.path),
        "path": note.path,
        "url": note.url,
        "title": note.title,
        "date": _date(note.date),
        "date_end": _date(note.date_end),
        "date_precision": note.date_precision if note.date else None,
        "date_source": note.date_source,
        "post_date": _date(note.post_date),
        "event": _ref(site, "event", note.event),
        "event_source": note.event_source,
        "series": _series_ref(site, series or {}, note.event),
        "day": note.day,
        "session": note.session,
        "lang": note.lang,
        "source": note.source,
        "authors": list(note.authors),
        "summary": note.summary,
        "excerpt": note.excerpt,
        "slides": note.slides,
        "video": note.video,
        "picture": note.picture,
        "place": note.place,
        "draft": note.draft,
        "topics": [_ref(site, "topic", t) for t in note.topics],
        "talks": [
            {
                "title": talk.title,
                "anchor": talk.anchor,
                "url": talk_url(note, talk),
                "number": talk.number,
                "slides": talk.slides,
                "video": talk.video,
                "topics": list(talk.topics),
                "speakers": [
                    {"id": a.speaker, "name": a.name, "role": a.role,
                     "affiliation": a.affiliation, "title": a.title}
                    for a in talk.speakers
                ],
            }
            for talk in note.talks
        ],
    }


def _names(term: Term) -> dict[str, Any]:
    return {"id": term.id, "slug": term.slug, "name": term.name,
            "other_names": list(term.other_names), "url": term.url_path,
            "registered": term.registered}


def speaker_record(site: Site, term: Term, avatars: Mapping[str, str],
                   series: dict[str, Series] | None = None) -> dict[str, Any]:
    appearances = site.appearances.get(term.id, [])
    return {
        **_names(term),
        "affiliation": term.affiliation,
        "title": term.title,
        "bio": term.bio,
        "avatar": avatars.get(term.id),
        "links": [{"title": link.title, "url": link.url} for link in term.links],
        "appearances": [
            {"note": note.path, "note_url": note.url, "note_title": note.title,
             "talk": talk.title, "anchor": talk.anchor, "url": talk_url(note, talk),
             "role": a.role, "affiliation": a.affiliation, "title": a.title,
             "event": note.event,
             "series": own.id if (own := series_of(site, series or {}, note.event)) else None,
             "date": _date(note.date), "slides": talk.slides, "video": talk.video}
            for note, talk, a in appearances
        ],
    }


def topic_talks(site: Site, ident: str) -> list[tuple[Note, Talk]]:
    """The talks on a topic, newest note first: those that name it, and every talk of a note
    that names it only for the whole note."""
    found: list[tuple[Note, Talk]] = []
    for note in site.notes_by_term.get(("topic", ident), []):
        own = [t for t in note.talks if ident in t.topics]
        found += [(note, t) for t in own or note.talks]
    return found


def topic_record(site: Site, term: Term, children: list[str]) -> dict[str, Any]:
    """A topic's record; `children`, its sub-topics' ids (child_topics)."""
    notes = site.notes_by_term.get(("topic", term.id), [])
    return {
        **_names(term),
        "description": term.description,
        "parent": term.parent,
        "children": children,
        "notes": [n.path for n in notes],
        "talks": len(topic_talks(site, term.id)),
    }


def child_topics(site: Site) -> dict[str, list[str]]:
    """Each topic's sub-topics' ids, in Korean name order, found in one pass."""
    topics = site.terms["topic"]
    found: dict[str, list[str]] = {}
    for ident, term in topics.items():
        if term.parent is not None:
            found.setdefault(term.parent, []).append(ident)
    for ids in found.values():
        ids.sort(key=lambda i: sort_key(topics[i].name))
    return found


def event_record(site: Site, term: Term, series: dict[str, Series] | None = None
                 ) -> dict[str, Any]:
    notes = site.notes_by_term.get(("event", term.id), [])
    own = series_of(site, series or {}, term.id)
    before, after = series_mod.neighbours(own, term.id) if own else (None, None)
    return {
        **_names(term),
        "series": own.id if own else None,
        "previous": before,
        "next": after,
        "start": _date(term.start),
        "end": _date(term.end),
        "place": term.place,
        "organizer": term.organizer,
        "link": term.url,
        "description": term.description,
        "days": {str(n): theme for n, theme in term.days},
        "notes": [n.path for n in notes],
        "talks": sum(len(n.talks) for n in notes),
    }


def series_record(site: Site, series: Series, notes: list[Note]) -> dict[str, Any]:
    """A series and its editions, oldest first, with the people on stage at each."""
    editions = []
    for ident in series.events:
        event = site.term("event", ident)
        own = site.notes_by_term.get(("event", ident), [])
        speakers = dict.fromkeys(s for n in own for s in n.speakers)
        editions.append({"id": ident, "name": event.name, "url": event.url_path,
                         "start": _date(series_mod.edition_start(site, event)),
                         "end": _date(event.end), "notes": [n.path for n in own],
                         "talks": sum(len(n.talks) for n in own), "speakers": list(speakers)})
    return {"id": series.id, "slug": series.slug, "name": series.name, "url": series.url_path,
            "editions": editions, "notes": [n.path for n in notes]}


# Registry fields a term of any other kind carries into its record; its `url:` is `link`, as an
# event's, beside the page's `url`.
_GENERIC_FIELDS = {"description": "description", "url": "link", "place": "place",
                   "affiliation": "affiliation", "title": "title", "bio": "bio"}


def term_record(site: Site, term: Term) -> dict[str, Any]:
    """A term of a kind with no record of its own: its names, its registry fields, its notes,
    and the talks given under it (a kind named by affiliations), newest first."""
    fields = {_GENERIC_FIELDS[f]: getattr(term, f) for f in SPEC[term.kind].fields
              if f in _GENERIC_FIELDS}
    talks = site.talks_by_term.get((term.kind, term.id), [])
    return {
        **_names(term),
        **fields,
        "notes": [n.path for n in site.notes_by_term.get((term.kind, term.id), [])],
        "speakers": list(dict.fromkeys(a.speaker for _n, _t, a in talks)),
        "talks": [{"note": note.path, "talk": talk.title, "url": talk_url(note, talk),
                   "speaker": a.speaker, "role": a.role, "affiliation": a.affiliation,
                   "date": _date(note.date)} for note, talk, a in talks],
    }


def _nothing(_term: Term) -> None:
    return None


def _keep(last: dict[str, Any], now: dict[str, Any], key: str, made_from: Any,
          make: Callable[[], dict[str, Any]]) -> None:
    """Put in `now` under `key` the record `last` holds there if it was made from what
    compares equal to `made_from`, else make(); with what it was made from."""
    before = last.get(key)
    now[key] = (made_from, before[1] if before is not None and before[0] == made_from
                else make())


def records(site: Site, avatars: Mapping[str, str] | None = None,
            kept: dict[str, Any] | None = None) -> dict[str, list[dict[str, Any]]]:
    """Each data file's content: notes newest first, terms in Korean name order.

    `avatars` gives the published picture of each speaker that has one (site-relative URL).
    With `kept` (the same dict at each call, under `mkdocs serve`), a note's record is made
    again only when the note, its event, series or topics changed, and a term's only when the
    term, the notes listed under it (the same objects while unchanged), or what else its
    record shows changed.
    """
    avatars = avatars or {}
    series = series_mod.collect(site)
    series_notes = series_mod.notes_by_series(site, series)
    children = child_topics(site)
    topics = site.terms["topic"]

    def ordered(kind: Kind) -> list[Term]:
        return sorted(site.terms.get(kind, {}).values(), key=lambda t: (sort_key(t.name), t.id))
    own: dict[Kind, Callable[[Term], dict[str, Any]]] = {
        "speaker": lambda t: speaker_record(site, t, avatars, series),
        "topic": lambda t: topic_record(site, t, children.get(t.id, [])),
        "event": lambda t: event_record(site, t, series),
    }
    # Besides the term and its notes, what each kind's record shows.
    shown: dict[Kind, Callable[[Term], Any]] = {
        "speaker": lambda t: (avatars.get(t.id), series),
        "topic": lambda t: tuple(topics[c] for c in children.get(t.id, [])),
        "event": lambda t: series,
    }
    last: dict[str, Any]
    now: dict[str, Any]
    if kept is None:
        found = {"notes": [note_record(site, n, series) for n in site.notes]}
    else:
        last, now = kept.get("notes", {}), {}
        for note in site.notes:
            _keep(last, now, note.path, (note, site.terms["event"].get(note.event or ""),
                                         series_of(site, series, note.event),
                                         tuple(site.terms["topic"].get(t) for t in note.topics)),
                  functools.partial(note_record, site, note, series))
        kept["notes"] = now
        found = {"notes": [made for _made_from, made in now.values()]}
    for kind in KINDS:
        record = own.get(kind) or functools.partial(term_record, site)
        if kept is None:
            found[SECTION[kind]] = [record(t) for t in ordered(kind)]
            continue
        extra = shown.get(kind, _nothing)
        last, now = kept.get(kind, {}), {}
        for term in ordered(kind):
            _keep(last, now, term.id,
                  (term, tuple(site.notes_by_term.get((kind, term.id), ())), extra(term)),
                  functools.partial(record, term))
        kept[kind] = now
        found[SECTION[kind]] = [made for _made_from, made in now.values()]
    found["series"] = [series_record(site, s, series_notes[i]) for i, s in series.items()]
    return found


def dumps(items: list[dict[str, Any]], kind: str,
          kept: dict[str, Any] | None = None) -> str:
    """The data file of `kind`. With `kept` (the same dict at each call, under `mkdocs serve`),
    each record is formatted once and its text reused while the record stays the same (the
    same object, or equal in every value and type): the file is the same bytes either way."""
    if kept is None:
        return json.dumps({"version": FORMAT_VERSION, kind: items}, ensure_ascii=False,
                          indent=1, sort_keys=False) + "\n"
    # The texts by record object (kept alive here, so no other object has its id) and by the
    # record's compact JSON, which names it exactly, types and all.
    by_object: dict[int, tuple[dict[str, Any], str]] = kept.get("objects", {})
    by_value: dict[str, str] = kept.get("values", {})
    objects: dict[int, tuple[dict[str, Any], str]] = {}
    values: dict[str, str] = {}
    texts: list[str] = []
    for item in items:
        known = by_object.get(id(item))
        if known is not None and known[0] is item:
            text = known[1]
        else:
            key = json.dumps(item, ensure_ascii=False)   # C-encoded: fast
            text = by_value.get(key) or values.get(key) or ""
            if not text:
                # As json.dumps(..., indent=1) writes it two levels down: every line indented.
                text = json.dumps(item, ensure_ascii=False, indent=1).replace("\n", "\n  ")
            values[key] = text
        objects[id(item)] = (item, text)
        texts.append(text)
    kept["objects"], kept["values"] = objects, values
    listed = "[\n  " + ",\n  ".join(texts) + "\n ]" if texts else "[]"
    return (f'{{\n "version": {json.dumps(FORMAT_VERSION)},\n '
            f'{json.dumps(kind, ensure_ascii=False)}: {listed}\n}}\n')
