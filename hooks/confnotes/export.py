"""The model as JSON under site/data/: notes, speakers, topics and events.

URLs are site-relative (`notes/2024/x/`), so the files stay valid wherever the site is hosted.
Every list is sorted by a stated key, so the same notes always give the same bytes.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from typing import Any

from .collect import note_id
from .index import Site
from .model import Kind, Note, Talk, Term
from .names import sort_key

FORMAT_VERSION = 1


def _date(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def talk_url(note: Note, talk: Talk) -> str:
    return note.url + (f"#{talk.anchor}" if talk.anchor else "")


def _ref(site: Site, kind: Kind, ident: str | None) -> dict[str, str] | None:
    if ident is None:
        return None
    term = site.term(kind, ident)
    return {"id": term.id, "name": term.name, "url": term.url_path}


def note_record(site: Site, note: Note) -> dict[str, Any]:
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
        "day": note.day,
        "session": note.session,
        "lang": note.lang,
        "source": note.source,
        "authors": list(note.authors),
        "summary": note.summary,
        "excerpt": note.excerpt,
        "picture": note.picture,
        "place": note.place,
        "draft": note.draft,
        "topics": [_ref(site, "topic", t) for t in note.topics],
        "talks": [
            {
                "title": talk.title,
                "anchor": talk.anchor,
                "url": talk_url(note, talk),
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


def speaker_record(site: Site, term: Term, avatars: Mapping[str, str]) -> dict[str, Any]:
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
             "event": note.event, "date": _date(note.date)}
            for note, talk, a in appearances
        ],
    }


def topic_record(site: Site, term: Term) -> dict[str, Any]:
    notes = site.notes_by_term.get(("topic", term.id), [])
    children = sorted((t.id for t in site.terms["topic"].values() if t.parent == term.id),
                      key=lambda i: sort_key(site.terms["topic"][i].name))
    return {
        **_names(term),
        "description": term.description,
        "parent": term.parent,
        "children": children,
        "notes": [n.path for n in notes],
        "talks": sum(1 for n in notes for t in n.talks if term.id in t.topics),
    }


def event_record(site: Site, term: Term) -> dict[str, Any]:
    notes = site.notes_by_term.get(("event", term.id), [])
    return {
        **_names(term),
        "series": term.series,
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


def records(site: Site, avatars: Mapping[str, str] | None = None
            ) -> dict[str, list[dict[str, Any]]]:
    """Each data file's content: notes newest first, terms in Korean name order.

    `avatars` gives the published picture of each speaker that has one (site-relative URL).
    """
    avatars = avatars or {}
    def ordered(kind: Kind) -> list[Term]:
        return sorted(site.terms[kind].values(), key=lambda t: (sort_key(t.name), t.id))
    return {
        "notes": [note_record(site, n) for n in site.notes],
        "speakers": [speaker_record(site, t, avatars) for t in ordered("speaker")],
        "topics": [topic_record(site, t) for t in ordered("topic")],
        "events": [event_record(site, t) for t in ordered("event")],
    }


def dumps(items: list[dict[str, Any]], kind: str) -> str:
    return json.dumps({"version": FORMAT_VERSION, kind: items}, ensure_ascii=False, indent=1,
                      sort_keys=False) + "\n"
