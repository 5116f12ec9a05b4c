"""Resolve normalised notes against the registries into the model, in one pass over the notes.

Every name in a note becomes a term: the registered one when any of its spellings matches,
otherwise a term derived from the notes. Look-alike speaker names are reported once per pair.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field, fields, replace

from .affiliations import organisation_name
from .fields import TopicRef
from .kinds import BY_AFFILIATION, KINDS
from .look_alikes import LOOK_ALIKE_NAMES, Seen, report_look_alikes
from .messages import Report, shown
from .model import SECTION, Appearance, Kind, Note, Talk, Term, cut
from .names import (
    RESERVED_SLUGS,
    bounded_slug,
    key,
    slugify,
    sort_key,
    visible_name,
)
from .normalize import RawNote
from .registry import Registry
from .talk_links import programme_number
from .vocabulary import SYNONYMS

# What one note may bring into the index: enough for a conference day's programme in one note
# (the samples have at most 6 of each), few enough that what one note makes (a page, a feed and
# a social card per name, each speaker's page listing the others) stays a few seconds' work.
MAX_SPEAKERS = 50
MAX_TOPICS = 50
# A name is shown on every page that lists its term, and compared with every other name: a
# longer one is not a name (and could cost gigabytes in the look-alike check).
MAX_NAME = 200


@dataclass
class Site:
    """The whole model: notes in listing order and every term by kind and id."""

    notes: list[Note]
    terms: dict[Kind, dict[str, Term]]
    appearances: dict[str, list[tuple[Note, Talk, Appearance]]] = field(default_factory=dict)
    notes_by_term: dict[tuple[Kind, str], list[Note]] = field(default_factory=dict)
    # Talks by a term named by affiliations: every appearance of someone while there.
    talks_by_term: dict[tuple[Kind, str], list[tuple[Note, Talk, Appearance]]] = field(
        default_factory=dict)

    def term(self, kind: Kind, ident: str) -> Term:
        return self.terms[kind][ident]


class _Resolver:
    def __init__(self, registries: dict[Kind, Registry], report: Report) -> None:
        # A kind without a registry file has an empty registry: every term of it is derived.
        registries = {kind: registries.get(kind) or Registry(kind) for kind in KINDS}
        self.registries = registries
        self.report = report
        self.derived: dict[Kind, dict[str, Term]] = {k: {} for k in registries}
        self.derived_by_key: dict[Kind, dict[str, str]] = {k: {} for k in registries}
        self.seen: dict[tuple[Kind, str], Seen] = {}
        self.slugs: dict[Kind, set[str]] = {
            k: {t.slug for t in r.terms.values()} for k, r in registries.items()}
        self.suggested: set[tuple[Kind, str]] = set()

    def resolve(self, kind: Kind, name: str, path: str, line: int | None,
                aliases: tuple[str, ...] = (), series: str | None = None,
                suggest: bool = True) -> str:
        """The id of the term `name` (or one of its `aliases`) stands for, made on first use.
        A topic's common other spellings (`k8s`, `쿠버네티스`) are one topic: Kubernetes."""
        # Other names come from the same notes as the name: bounded and shown as they read.
        aliases = tuple(visible_name(a)[0] for a in aliases[:LOOK_ALIKE_NAMES]
                        if len(a) <= MAX_NAME)
        if kind == "topic" and (canonical := SYNONYMS.get(key(name))) is not None:
            aliases, name = (name, *aliases), name if key(name) == key(canonical) else canonical
        spellings = (name, *aliases)
        registry = self.registries[kind]
        by_key = self.derived_by_key[kind]
        ident = next((i for k in map(key, spellings)
                      if (i := registry.by_key.get(k) or by_key.get(k))), None)
        if ident is None:
            ident = self._derive(kind, name, key(name), path, line, aliases, series)
            if suggest:
                self._suggest(kind, name, path, line)
        elif ident in self.derived[kind] and aliases:
            self._add_names(kind, ident, aliases)
        seen = self.seen.setdefault((kind, ident), Seen(path, line))
        seen.count += 1
        return ident

    def _add_names(self, kind: Kind, ident: str, aliases: tuple[str, ...]) -> None:
        term = self.derived[kind][ident]
        known = {key(n) for n in (term.name, *term.other_names)}
        new = tuple(dict.fromkeys(a for a in aliases if key(a) and key(a) not in known))
        if new and len(term.other_names) < 20:
            self.derived[kind][ident] = replace(term, other_names=(*term.other_names, *new))
            for alias in new:
                self.derived_by_key[kind].setdefault(key(alias), ident)

    def names(self, kind: Kind, ident: str) -> tuple[str, ...]:
        term = self.registries[kind].terms.get(ident) or self.derived[kind][ident]
        return (term.name, *term.other_names)

    def usable(self, kind: Kind, name: str, path: str, line: int | None) -> str | None:
        """`name` as the index takes it: without direction controls, which would let it
        display as another name; None (with a warning) when it is too long to be a name."""
        if len(name) > MAX_NAME:
            self.report.warn(path, line, f"{kind} name {shown(name, 40)} is {len(name):,} "
                             f"characters long, over {MAX_NAME}; it is left out of the index.")
            return None
        return self.visible(kind, name, path, line)

    def visible(self, kind: Kind, name: str, path: str, line: int | None) -> str:
        """`name` without direction controls, which would let it display as another name."""
        visible, problem = visible_name(name)
        if problem:
            self.report.warn(path, line, f"{kind} name {problem}")
        return visible

    def _derive(self, kind: Kind, name: str, k: str, path: str, line: int | None,
                aliases: tuple[str, ...] = (), series: str | None = None) -> str:
        wanted = bounded_slug(slugify(name))
        base = wanted if wanted not in RESERVED_SLUGS else f"{wanted}-{kind}"
        base = base or f"{kind}-{len(self.derived[kind]) + 1}"
        slug, n = base, 1
        while slug in self.slugs[kind] or slug in self.registries[kind].terms or (
                slug in self.derived[kind]):
            n += 1
            slug = f"{base}-{n}"
        if not wanted or wanted in RESERVED_SLUGS:
            section = SECTION[kind]
            why = (f"at {section}/, the address of the {section} list" if wanted else
                   "an address without letters or digits")
            self.report.warn(path, line, f"{kind} {shown(name)} would have its page {why}; it "
                             f"is at {section}/{slug}/.")
        self.slugs[kind].add(slug)
        self.derived[kind][slug] = Term(kind=kind, id=slug, slug=slug, name=name,
                                        series=series if kind == "event" else None)
        self.derived_by_key[kind][k] = slug
        if aliases:
            self._add_names(kind, slug, aliases)
        return slug

    def _suggest(self, kind: Kind, name: str, path: str, line: int | None) -> None:
        registry = self.registries[kind]
        if kind == "speaker" or not registry.terms or (kind, key(name)) in self.suggested:
            return
        self.suggested.add((kind, key(name)))
        close = registry.suggest(name)
        if close:
            self.report.warn(path, line, f"{kind} '{name}' is not registered but looks like "
                             f"'{close}' in {registry.path}; use that name, or register "
                             f"'{name}' if it is a different {kind}.")


def build(raw_notes: list[RawNote], urls: dict[str, str], registries: dict[Kind, Registry],
          report: Report) -> Site:
    """The model of the whole site. `raw_notes` in any order; the result is sorted."""
    resolver = _Resolver(registries, report)
    notes = [_resolve_note(raw, urls[raw.path], resolver) for raw in
             sorted(raw_notes, key=lambda r: r.path)]
    notes.sort(key=lambda n: (-(n.date or dt.date.min).toordinal(), sort_key(n.title), n.path))
    registries = resolver.registries
    terms: dict[Kind, dict[str, Term]] = {
        kind: {**registries[kind].terms, **resolver.derived[kind]} for kind in registries}
    site = Site(notes, terms)
    _index(site)
    _complete_speakers(site)
    _check_topic_parents(site, registries["topic"], report)
    report_look_alikes(site, registries["speaker"], resolver.seen, report)
    for note, term in notes_at_term_pages(site):
        seen = resolver.seen.get((term.kind, term.id))
        place = (term.source, term.line) if term.registered or seen is None else (
            seen.path, seen.line)
        where = place[0] + (f", line {place[1]}" if place[1] else "")
        report.warn(note.path, None, f"the note's address, {term.url_path}, is that of the page "
                    f"of {term.kind} '{term.name}' ({where}); the {term.kind}'s page keeps it "
                    "and the note is published at another. Move the note under notes/.")
    return site


def reuse(site: Site, last: Site) -> None:
    """Make `site` hold `last`'s object for every note and term equal to it (under `mkdocs
    serve`, the model of the build before): what is read from it is the same, and comparing
    what the pages asked of the two models then finds most of it the same object at once."""
    notes = {n.path: n for n in last.notes}
    site.notes[:] = [old if (old := notes.get(n.path)) is not None and old == n else n
                     for n in site.notes]
    for kind, terms in site.terms.items():
        before = last.terms.get(kind, {})
        for ident, term in terms.items():
            if (old_term := before.get(ident)) is not None and old_term == term:
                terms[ident] = old_term
    _index(site)


@dataclass
class Changes:
    """What differs between a model and the one before it, after `reuse`: the notes added,
    removed or changed (by path), the terms added, removed or changed, and the terms whose
    listings (notes_by_term, talks_by_term, appearances) hold other notes (by kind and id)."""

    notes: set[str]
    terms: set[tuple[Kind, str]]       # terms added, removed or changed
    listings: set[tuple[Kind, str]]    # terms whose notes_by_term changed
    kinds: set[Kind]                   # the kinds of which a term was added, removed or changed


def changes(site: Site, last: Site) -> Changes:
    """What differs from `last` to `site`, once `reuse(site, last)` has given `site` last's
    object for each note and term equal to it: found by identity, in one pass over both."""
    now = {n.path: n for n in site.notes}
    before = {n.path: n for n in last.notes}
    notes = {path for path in now.keys() | before.keys() if now.get(path) is not before.get(path)}
    terms: set[tuple[Kind, str]] = set()
    for kind in site.terms.keys() | last.terms.keys():
        a, b = site.terms.get(kind, {}), last.terms.get(kind, {})
        terms.update((kind, i) for i in a.keys() | b.keys() if a.get(i) is not b.get(i))
    kinds = {kind for kind, _ident in terms}
    # A term's other listings (a speaker's appearances, the talks under an affiliation) are
    # made of the talks of the notes in its notes_by_term: a note changed is another object.
    ours, theirs = site.notes_by_term, last.notes_by_term
    listings = {key for key in ours.keys() | theirs.keys()
                if not _same_notes(ours.get(key, ()), theirs.get(key, ()))}
    return Changes(notes, terms, listings, kinds)


def _same_notes(ours: Sequence[Note], theirs: Sequence[Note]) -> bool:
    """Whether two listings hold the same note objects in the same order."""
    return len(ours) == len(theirs) and all(a is b for a, b in zip(ours, theirs, strict=True))


def notes_at_term_pages(site: Site) -> list[tuple[Note, Term]]:
    """Notes whose address is that of a speaker's, topic's or event's page (a note saved as
    `speakers/<slug>.md`): the page of the term must win, or a note could stand in for it."""
    pages = {term.url_path: term for kind in site.terms for term in site.terms[kind].values()}
    found = []
    for note in site.notes:
        stem = note.path.removesuffix(".md")
        folder = stem.removesuffix("/index").removesuffix("/README")
        term = pages.get(folder + "/")
        if term is not None:
            found.append((note, term))
    return sorted(found, key=lambda pair: pair[0].path)


def _cut(text: str | None) -> str | None:
    return cut(text) if text else text


class _Budget:
    """How many different names of one kind a note may bring into the index: each one costs a
    page, a feed and a place on the pages of the others, so past the limit the rest are left
    out of the index (they stay in the note's text), with one warning."""

    def __init__(self, kind: Kind, limit: int) -> None:
        self.kind, self.limit = kind, limit
        self.admitted: set[str] = set()
        self.left_out: list[tuple[str, int | None]] = []

    def admit(self, name: str, line: int | None) -> bool:
        k = key(name)
        if k in self.admitted:
            return True
        if len(self.admitted) < self.limit:
            self.admitted.add(k)
            return True
        self.left_out.append((name, line))
        return False

    def report(self, path: str, report: Report) -> None:
        if self.left_out:
            name, line = self.left_out[0]
            section = SECTION[self.kind]
            report.warn(path, line, f"the note names more than {self.limit} {section}; "
                        f"{shown(name)} and {len(self.left_out) - 1} more are left out of the "
                        f"{section} pages (the text still shows them). Split the note, one "
                        "note a talk.")


def _resolve_note(raw: RawNote, url: str, resolver: _Resolver) -> Note:
    path = raw.path
    event = None
    if raw.event and (name := resolver.usable("event", raw.event, path,
                                              raw.lines.get("event"))) is not None:
        event = resolver.resolve("event", name, path, raw.lines.get("event"),
                                 raw.event_aliases, series=raw.event_series)
    elif not raw.event:
        # notes/2024/sk-ai-summit-2024/x.md: the folder names a registered event.
        folders = path.split("/")[:-1]
        event = next((i for f in reversed(folders) if (i := resolver.registries["event"].find(f))),
                     None)
    if event and raw.place and (derived := resolver.derived["event"].get(event)) and (
            derived.place is None):
        # An event the registry does not describe takes its place from a note (`location:`).
        resolver.derived["event"][event] = replace(derived, place=raw.place)
    date, date_end, precision, date_source = (raw.date, raw.date_end, raw.date_precision,
                                              raw.date_source)
    held = resolver.registries["event"].terms.get(event or "")
    if held is not None and held.start and (date is None or precision != "day") and (
            date is None or date.year == held.start.year):
        # Only the year (or nothing) in the note, the days in the registry.
        date, date_end, precision, date_source = held.start, held.end, "day", "event"
        if raw.day and held.end and 0 < raw.day <= (held.end - held.start).days + 1:
            date, date_end = held.start + dt.timedelta(days=raw.day - 1), None
    people, topic_budget = _Budget("speaker", MAX_SPEAKERS), _Budget("topic", MAX_TOPICS)
    note_topics = _topics(raw.topics, path, resolver, topic_budget)
    talks: list[Talk] = []
    for raw_talk in raw.talks:
        speakers: list[Appearance] = []
        seen: set[tuple[str, str]] = set()
        for a in raw_talk.people:
            name = resolver.usable("speaker", a.person.name, path, a.line)
            if name is None or not people.admit(name, a.line):
                continue
            ident = resolver.resolve("speaker", name, path, a.line, a.person.aliases)
            if (ident, a.role) in seen:
                continue
            seen.add((ident, a.role))
            affiliation = _cut(a.person.affiliation)
            speakers.append(Appearance(ident, a.role, name, affiliation, _cut(a.person.title),
                                       a.line, _affiliated(resolver, ident, affiliation, path,
                                                           a.line)))
        if raw_talk.topics is not None:
            topics = _topics(raw_talk.topics, path, resolver, topic_budget)
        else:
            topics = _mentioned(note_topics, raw_talk.text, resolver) or note_topics
        # A note of one talk: its own slides and video are the talk's.
        own = len(raw.talks) == 1
        talks.append(Talk(raw_talk.title, raw_talk.anchor, tuple(speakers), topics,
                          raw_talk.line, raw_talk.slides or (raw.slides if own else None),
                          raw_talk.video or (raw.video if own else None),
                          programme_number(raw_talk.text)))
    people.report(path, resolver.report)
    topic_budget.report(path, resolver.report)
    all_topics = tuple(dict.fromkeys([*note_topics, *(t for talk in talks for t in talk.topics)]))
    return Note(path=path, url=url, title=raw.title, date=date, event=event, day=raw.day,
                session=raw.session, talks=tuple(talks), topics=all_topics, source=raw.source,
                lang=raw.lang, authors=tuple(raw.authors), summary=raw.summary, excerpt=raw.excerpt,
                lines=dict(raw.lines), slides=raw.slides, video=raw.video,
                date_end=date_end, date_precision=precision,
                date_source=date_source, post_date=raw.post_date,
                event_source=raw.event_source, draft=raw.draft, picture=raw.picture,
                place=raw.place)


def _affiliated(resolver: _Resolver, speaker: str, affiliation: str | None, path: str,
                line: int | None) -> tuple[tuple[Kind, str], ...]:
    """The terms of each kind named by affiliations that this appearance's affiliation names:
    its own, else the registry's for a registered speaker."""
    if not BY_AFFILIATION:
        return ()
    if not affiliation:
        registered = resolver.registries["speaker"].terms.get(speaker)
        affiliation = registered.affiliation if registered else None
    name = organisation_name(affiliation or "")
    if not name:
        return ()
    found: list[tuple[Kind, str]] = []
    for kind in BY_AFFILIATION:
        registry = resolver.registries[kind]
        # `SK하이닉스 부사장`: the registry knows the whole, or the name without the title.
        ident = registry.find(affiliation or "") or registry.find(name)
        found.append((kind, ident or resolver.resolve(kind, name, path, line, suggest=False)))
    return tuple(found)


def _mentioned(topics: tuple[str, ...], text: str, resolver: _Resolver) -> tuple[str, ...]:
    """The note's topics that a talk's own section names: in a note of ten talks, the HBM talk
    is about HBM, not about everything the note is tagged with."""
    if not text:
        return ()
    spelled = key(text)
    return tuple(t for t in topics if any(key(n) in spelled for n in resolver.names("topic", t)))


def same_note(old: RawNote, new: RawNote, site: Site) -> bool:
    """Whether `new` gives the note `old` gave in `site`, when every other note and registry
    is the same: the same fields but for the Markdown to render, and talks' sections that
    differ only where no field is read from (a programme number, a name of the note's topics
    they mention)."""
    if old is new:
        return True
    if len(old.talks) != len(new.talks) or any(
            getattr(old, name) != getattr(new, name) for name in _NOTE_FIELDS):
        return False
    note: Note | None = None
    for was, now in zip(old.talks, new.talks, strict=True):
        if was == now:
            continue
        if replace(was, text=now.text) != now or bool(was.text) != bool(now.text) or (
                programme_number(was.text) != programme_number(now.text)):
            return False
        if note is None:
            note = next((n for n in site.notes if n.path == old.path), None)
            if note is None:
                return False
        # Every name the talk's topics could have been looked for by (names only grow while
        # the notes are read): each is in both texts or in neither.
        before, after = key(was.text), key(now.text)
        for ident in note.topics:
            term = site.terms["topic"].get(ident)
            if term is None:
                return False
            if any((key(n) in before) != (key(n) in after)
                   for n in (term.name, *term.other_names)):
                return False
    return True


_NOTE_FIELDS = tuple(f.name for f in fields(RawNote) if f.name not in ("markdown", "talks"))


def _topics(refs: list[TopicRef], path: str, resolver: _Resolver,
            budget: _Budget) -> tuple[str, ...]:
    found: list[str] = []
    for ref in refs:
        parent: str | None = None
        for written in ref.path:
            name = resolver.usable("topic", written, path, ref.line)
            if name is None or not budget.admit(name, ref.line):
                break
            ident = resolver.resolve("topic", name, path, ref.line)
            term = resolver.derived["topic"].get(ident)
            if parent and term is not None and term.parent is None and parent != ident:
                resolver.derived["topic"][ident] = replace(term, parent=parent)
            parent = ident
        if parent and parent not in found:
            found.append(parent)
    return tuple(found)


def _index(site: Site) -> None:
    """Appearances per speaker and notes per term, newest first, in one pass over the notes."""
    appearances: dict[str, list[tuple[Note, Talk, Appearance]]] = defaultdict(list)
    by_term: dict[tuple[Kind, str], list[Note]] = defaultdict(list)
    talks: dict[tuple[Kind, str], list[tuple[Note, Talk, Appearance]]] = defaultdict(list)
    for note in site.notes:
        if note.event:
            by_term["event", note.event].append(note)
        for topic in note.topics:
            by_term["topic", topic].append(note)
        affiliated: dict[tuple[Kind, str], None] = {}
        for talk in note.talks:
            for appearance in talk.speakers:
                appearances[appearance.speaker].append((note, talk, appearance))
                for term in appearance.affiliated:
                    talks[term].append((note, talk, appearance))
                    affiliated[term] = None
        for speaker in note.speakers:
            by_term["speaker", speaker].append(note)
        for term in affiliated:
            by_term[term].append(note)
    site.appearances = dict(appearances)
    site.notes_by_term = dict(by_term)
    site.talks_by_term = dict(talks)


def _complete_speakers(site: Site) -> None:
    """An unregistered speaker takes the affiliation and title of their latest appearance."""
    for ident, term in list(site.terms["speaker"].items()):
        if term.registered:
            continue
        for _note, _talk, appearance in site.appearances.get(ident, []):
            if appearance.affiliation or appearance.title:
                site.terms["speaker"][ident] = replace(
                    term, affiliation=appearance.affiliation, title=appearance.title)
                break


def _check_topic_parents(site: Site, registry: Registry, report: Report) -> None:
    topics = site.terms["topic"]
    for ident, term in list(topics.items()):
        if term.parent is None or term.parent in topics:
            continue
        parent = registry.find(term.parent)
        if parent is None:
            report.warn(registry.path, term.line, f"topic '{ident}': parent '{term.parent}' is "
                                                  "not a registered topic; it is ignored.")
        topics[ident] = replace(term, parent=parent)
    for ident in topics:
        chain, current = {ident}, topics[ident].parent
        while current is not None:
            if current in chain:
                report.warn(registry.path, topics[ident].line,
                            f"topic '{ident}': its parents form a loop; the parent is ignored.")
                topics[ident] = replace(topics[ident], parent=None)
                break
            chain.add(current)
            current = topics[current].parent
