"""What `mkdocs serve --dirty` keeps from one build to the next, so that saving a note
re-renders only the pages whose output can change.

A page is rendered again when what it was made from changed: its source (a note's bytes, a
generated page's text and keys), a file its links could name (one added, removed or moved),
or anything it asked the model while its template rendered. Each such question is recorded
with its answer (`Recorded`), and asked again of the next build's model: a page whose every
answer is the same gives the same bytes. Everything else about a build (settings, templates,
pictures) starts the record afresh, and `mkdocs build` keeps nothing.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jinja2 import BytecodeCache
from jinja2.bccache import Bucket

from .. import collect, search
from ..listings import RELATED_TOPICS, STAGE_MATES

# Methods of the templates' `confnotes` object whose answer depends on their arguments alone:
# not recorded, as whatever they are given was recorded where it came from.
PURE = frozenset({"role", "date", "dates", "note_date", "note_datetime", "initials", "colour",
                  "excerpt", "people", "year_slug", "kind_label", "search_kinds"})
# Links to terms, the most frequent call, depend on the page's address (the same for the
# page's whole life) and on the term alone: recorded as the question `term(kind, ident)`,
# which many pages share.
TERM_LINKS = frozenset({"link", "links"})
# Listings written by the View a list at a time: their rows come as arguments (recorded where
# they came from), so what else they read of the model is recorded instead of the listing
# itself, whose answer would cost a page's whole listing to ask again.
LISTINGS = frozenset({"note_lines", "talk_items", "talk_link_list", "chips"})


def listing_questions(name: str, args: tuple[Any, ...]) -> Iterator[tuple[str, tuple[Any, ...]]]:
    """The questions of the model a listing's rows are written from, beside the rows
    themselves: each note's event and speakers (`note_lines`); each talk's event, series,
    topics and links (`talk_items`); each chip's term (`chips`). A talk's links
    (`talk_link_list`) are all in its arguments."""
    if name == "note_lines":
        for note in args[0]:
            if note.event:
                yield "term", ("event", note.event)
            for speaker in note.speakers:
                yield "term", ("speaker", speaker)
    elif name == "talk_items":
        for row in args[0]:
            note, talk = row.note, row.talk
            if note.event:
                yield "term", ("event", note.event)
                yield "series_of", (note.event,)
            for topic in talk.topics:
                yield "term", ("topic", topic)
            yield "row_links", (row,)
    elif name == "chips":
        for term, _ in args[1]:
            yield "term", (args[0], term.id)


@dataclass
class Reads:
    """What a question reads of the model, for the questions read from a few notes and terms:
    asked again only when index.Changes names one of these; a question without a Reads is
    asked again whenever the model changes."""

    notes: set[str] = field(default_factory=set)                    # notes, by path
    terms: set[tuple[str, str]] = field(default_factory=set)        # term objects
    listings: set[tuple[str, str]] = field(default_factory=set)     # terms' listings
    kinds: set[str] = field(default_factory=set)                    # any term of these kinds

    def untouched(self, changes: Any) -> bool:
        return (self.notes.isdisjoint(changes.notes) and self.terms.isdisjoint(changes.terms)
                and self.listings.isdisjoint(changes.listings)
                and self.kinds.isdisjoint(changes.kinds))


def _ranked(listing: tuple[str, str], result: Any, cut: int | None = None) -> Reads:
    """A listing's terms ranked by count, then by name: [(Term, count), ...]. Cut to its
    first `cut`, any term of the kind could move up by its name."""
    cut_off = cut is not None and len(result) >= cut
    return Reads(terms={(term.kind, term.id) for term, _count in result}, listings={listing},
                 kinds={result[0][0].kind} if cut_off else set())


def _related(view: Any, path: str) -> Reads:
    """A note's related notes: read from the listings of its speakers and topics."""
    note = view.notes_by_path.get(path)
    if note is None:
        return Reads(notes={path})
    return Reads(notes={path}, listings={("speaker", s) for s in note.speakers}
                 | {("topic", t) for t in note.topics})


def _listing(kind: str, ident: str) -> Reads:
    return Reads(listings={(kind, ident)})


# name -> Reads(the object asked, arguments, recorded answer), after listings.py and pages.py:
# a listing's entries are made of its notes (the same objects while unchanged); a ranked
# answer reads the names of the terms it names.
_READS: dict[str, Callable[[Any, tuple[Any, ...], Any], Reads | None]] = {
    "term": lambda _v, a, _r: Reads(terms={(a[0], a[1])}),
    "note": lambda _v, a, _r: Reads(notes={a[0]}),
    "notes_of": lambda _v, a, _r: _listing(a[0], a[1]),
    "count": lambda _v, a, _r: _listing(a[0], a[1]),
    "feed_title": lambda _v, a, _r: None if a[0] == "series" else Reads(terms={(a[0], a[1])}),
    "appearances": lambda _v, a, _r: _listing("speaker", a[0]),
    "appearances_by_year": lambda _v, a, _r: _listing("speaker", a[0]),
    "seen": lambda _v, a, _r: _listing("speaker", a[0]),
    "term_talks": lambda _v, a, _r: _listing(a[0], a[1]),
    "term_talks_by_year": lambda _v, a, _r: _listing(a[0], a[1]),
    "topic_talks": lambda _v, a, _r: _listing("topic", a[0]),
    "speaker_topics": lambda _v, a, r: _ranked(("speaker", a[0]), r),
    "affiliations": lambda _v, a, r: _ranked(("speaker", a[1]), r),
    "term_people": lambda _v, a, r: _ranked((a[0], a[1]), r),
    "term_topics": lambda _v, a, r: _ranked((a[0], a[1]), r),
    "topic_speakers": lambda _v, a, r: _ranked(("topic", a[0]), r),
    "stage_mates": lambda _v, a, r: _ranked(("speaker", a[0]), r, STAGE_MATES),
    "related_topics": lambda _v, a, r: _ranked(("topic", a[0]), r, RELATED_TOPICS),
    "related": lambda v, a, _r: _related(v, a[0]),
    # Answered from their arguments (as recorded) and the object's other inputs alone.
    "talk_links": lambda _v, _a, _r: Reads(),
    "note_links": lambda _v, _a, _r: Reads(),
    "row_links": lambda _v, _a, _r: Reads(),
}


def _described(_social: Any, args: tuple[Any, ...], _result: Any) -> Reads:
    """A page's social tags (SocialView.describe(src, meta, title, url)): its note's, or its
    term's."""
    src, meta = args[0], args[1] or {}
    term = meta.get("confnotes_term")
    return Reads(notes={meta.get("confnotes_note") or src},
                 terms={(term[0], term[1])} if term else set())


def reads(call: Call, target: Any) -> Reads | None:
    """What `call` read of the model (see _READS); None: it may have read anything."""
    if call.attribute or call.kwargs or call.where is not None:
        return None
    if call.target == "confnotes_social":
        return _described(target, call.args, call.result) if call.name == "describe" else None
    if call.target != "confnotes":
        return None
    found = _READS.get(call.name)
    return found(target, call.args, call.result) if found is not None else None


def unchanged(call: Call, target: Any, changes: Any) -> bool:
    """Whether `call`'s answer is the recorded one by what it reads alone (index.Changes)."""
    read = reads(call, target)
    return read is not None and read.untouched(changes)


@dataclass
class Call:
    """One question a template asked while a page rendered, and its answer."""

    target: str                       # the template global: confnotes, confnotes_social, ...
    name: str
    args: tuple[Any, ...]
    kwargs: dict[str, Any]
    result: Any
    where: tuple[str, str] | None = None   # (page URL, base URL) given as the template context
    attribute: bool = False


class _At:
    """A page as URL helpers read it: its address alone."""

    def __init__(self, url: str) -> None:
        self.url = url


class Tape:
    """The calls of the page being rendered; None between pages."""

    def __init__(self) -> None:
        self.calls: list[Call] | None = None

    def start(self) -> None:
        self.calls = []

    def stop(self) -> list[Call]:
        calls, self.calls = self.calls or [], None
        return calls


def _materialised(args: tuple[Any, ...]) -> tuple[Any, ...]:
    # An iterator a template passes is used up by the call: kept as a tuple to ask again.
    return tuple(tuple(a) if isinstance(a, Iterator) else a for a in args)


class Recorded:
    """`obj` as the templates see it: every call (but `pure` ones) recorded on `tape`."""

    def __init__(self, target: str, obj: Any, tape: Tape,
                 pure: frozenset[str] = frozenset()) -> None:
        self._target = target
        self._obj = obj
        self._tape = tape
        self._pure = pure

    def __getattr__(self, name: str) -> Any:
        value = getattr(self._obj, name)
        tape, target = self._tape, self._target
        if name in self._pure or tape.calls is None:
            return value
        if not callable(value):
            tape.calls.append(Call(target, name, (), {}, value, attribute=True))
            return value
        if target == "confnotes_social" and name == "of":
            def described(page: Any) -> Any:
                args = (page.file.src_uri, dict(page.meta), page.title, page.url)
                result = self._obj.describe(*args)
                if tape.calls is not None:
                    tape.calls.append(Call(target, "describe", args, {}, result))
                return result
            return described
        if name in TERM_LINKS and target == "confnotes":
            def term_links(context: Any, kind: str, idents: Any, *rest: Any,
                           **kwargs: Any) -> Any:
                idents = tuple(idents) if isinstance(idents, Iterator) else idents
                result = value(context, kind, idents, *rest, **kwargs)
                if tape.calls is not None:
                    for ident in ((idents,) if name == "link" else idents):
                        tape.calls.append(Call(target, "term", (kind, ident), {},
                                               self._obj.term(kind, ident)))
                return result
            term_links.jinja_pass_arg = value.jinja_pass_arg  # type: ignore[attr-defined]
            return term_links
        if name in LISTINGS and target == "confnotes":
            def listing(context: Any, *args: Any, **kwargs: Any) -> Any:
                args = _materialised(args)
                result = value(context, *args, **kwargs)
                if tape.calls is not None:
                    for asked, asked_args in listing_questions(name, args):
                        tape.calls.append(Call(target, asked, asked_args, {},
                                               getattr(self._obj, asked)(*asked_args)))
                return result
            listing.jinja_pass_arg = value.jinja_pass_arg  # type: ignore[attr-defined]
            return listing
        if getattr(value, "jinja_pass_arg", None) is not None:
            def in_context(context: Any, *args: Any, **kwargs: Any) -> Any:
                args = _materialised(args)
                result = value(context, *args, **kwargs)
                page = context.get("page")
                where = (page.url if page is not None else "", context.get("base_url", ""))
                if tape.calls is not None:
                    tape.calls.append(Call(target, name, args, kwargs, result, where))
                return result
            in_context.jinja_pass_arg = value.jinja_pass_arg  # type: ignore[attr-defined]
            return in_context

        def call(*args: Any, **kwargs: Any) -> Any:
            args = _materialised(args)
            result = value(*args, **kwargs)
            if tape.calls is not None:
                tape.calls.append(Call(target, name, args, kwargs, result))
            return result
        return call


def ask_again(call: Call, targets: dict[str, Any]) -> Any:
    """The answer the current build gives to a recorded question."""
    obj = targets[call.target]
    if call.attribute:
        return getattr(obj, call.name)
    method = getattr(obj, call.name)
    if call.where is not None:
        url, base = call.where
        return method({"page": _At(url), "base_url": base}, *call.args, **call.kwargs)
    return method(*call.args, **call.kwargs)


@dataclass
class ReadNote:
    """A note as read from these bytes, with what reading it reported."""

    data: bytes
    raw: Any
    problems: list[Any]
    unknown_keys: dict[str, list[tuple[str, int | None, int]]]
    # The file's status when these bytes were read, if it had not changed for a while by
    # then (settled_status): while it is the same, the file holds the same bytes.
    status: tuple[int, ...] | None = None


# A file changed this recently may change again within the same tick of the file system's
# clock, leaving its times as they were: its status then proves nothing, and it is read again.
SETTLED_NS = 2_000_000_000


def read_status(path: str | None) -> tuple[int, ...] | None:
    """Size, inode, and modification and change times of a file (None: it cannot be read).
    The change time moves with every write, and no program can set it."""
    if path is None:
        return None
    try:
        found = os.stat(path)
    except OSError:
        return None
    return found.st_size, found.st_ino, found.st_mtime_ns, found.st_ctime_ns


def settled_status(status: tuple[int, ...] | None, now_ns: int) -> tuple[int, ...] | None:
    """`status`, if it is old enough to be trusted (SETTLED_NS) at `now_ns`, else None."""
    if status is None or now_ns - max(status[2], status[3]) < SETTLED_NS:
        return None
    return status


@dataclass
class Model:
    """The model one build made, and what it was made from: the next build reuses it whole
    when the notes (but for their bodies' text to render) and the registries are the same."""

    notes: list[Any]                 # the notes as read (normalize.RawNote), in path order
    sources: tuple[Any, ...]         # note URLs, registry files' bytes and paths
    site: Any
    problems: list[Any]              # what building it reported


@dataclass
class PageRecord:
    """What a page was made from and what MkDocs kept of it, to stand in for rendering it."""

    key: Any
    source: str
    meta: dict[str, Any]
    content: str | None
    toc: Any
    anchors: set[str] | None
    links_to_anchors: dict[str, dict[str, str]] | None
    entries: list[dict[str, Any]]
    asked: tuple[Any, ...] = ()      # what its template asked: keys of Rebuilds.questions
    # The title MkDocs found in the rendered Markdown (a page without one in its keys).
    title_from_render: str | None = None


@dataclass
class Question:
    """A question some pages' templates asked, its answer then, and the pages that asked it:
    asked once per rebuild however many pages asked it."""

    call: Call                       # as first asked: it keeps its arguments alive
    pages: set[str] = field(default_factory=set)


def question_key(call: Call) -> tuple[Any, ...]:
    """What names a question: the same key, the same question and so the same answer."""
    key: tuple[Any, ...] = (call.target, call.name, call.where, call.args,
                            tuple(sorted(call.kwargs.items())) if call.kwargs else (),
                            call.attribute)
    try:
        hash(key)
    except TypeError:
        # Arguments that cannot be hashed (a note) are named by their ids: the question keeps
        # them alive while it is in the table, so no other object can have their ids.
        key = (call.target, call.name, call.where, tuple(map(id, call.args)),
               tuple(sorted((k, id(v)) for k, v in call.kwargs.items())), call.attribute)
    return key


def _names(paths: Iterable[str]) -> set[str]:
    """What a link to each path has to contain: its file name without `.md`, or the folder of
    an index page."""
    found: set[str] = set()
    for path in paths:
        folder, _, name = path.rpartition("/")
        stem = name.rsplit(".", 1)[0] if "." in name else name
        if stem in ("index", "README") and folder:
            stem = folder.rpartition("/")[2]
        if stem:
            found.add(stem)
    return found


class CompiledTemplates(BytecodeCache):
    """Templates as Jinja compiled them, kept in memory from one build to the next (MkDocs
    makes a new environment for each): a template whose source is the same is not compiled
    again. Emptied when the settings or the theme's files change."""

    def __init__(self) -> None:
        self.store: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        data = self.store.get(bucket.key)
        if data is not None:
            bucket.bytecode_from_string(data)

    def dump_bytecode(self, bucket: Bucket) -> None:
        self.store[bucket.key] = bucket.bytecode_to_string()


class Rebuilds:
    """The state one `mkdocs serve --dirty` process keeps across its builds."""

    def __init__(self) -> None:
        self.tape = Tape()
        self.pages: dict[str, PageRecord] = {}
        self.signature: Any = None
        self.urls: dict[str, str] = {}           # every file's URL in the last build
        self.outputs: set[str] = set()           # site-relative paths the last build wrote
        self.dirty: set[str] = set()             # pages this build renders
        # Of those, the pages whose Markdown is as last converted: only their templates'
        # answers changed, so the record's HTML goes into the template again.
        self.answers_only: set[str] = set()
        self.keys: dict[str, tuple[Any, str]] = {}   # this build: page -> (key, source)
        self.notes: dict[str, ReadNote] = {}
        self.registries: collect.KeptRegistries = {}   # see collect.read_registries
        self.cards: dict[str, str] = {}          # page -> its card's source, last copied
        self.sitemaps: dict[str, Any] = {}       # the empty sitemaps beside feeds, as written
        self.card_files: dict[Any, Any] = {}     # each page's card as last planned
        # The cards made from the last model: (model, base card, cards by page) (see
        # MediaSteps._plan_cards).
        self.cards_made: tuple[Any, Any, dict[Any, Any]] | None = None
        # The last build's plan of cards, when every page had one: (what it was made from,
        # Cards.planned, Cards.by_page) (see MediaSteps._plan_cards).
        self.card_plan: tuple[tuple[Any, ...], dict[Any, Any], dict[str, Any]] | None = None
        # What the last model made, by name: (model, what else it was made from, value)
        # (see RebuildSteps._of_model).
        self.by_model: dict[str, tuple[Any, Any, Any]] = {}
        # What each template global answered from in the last build (see `same_inputs`).
        self.inputs: dict[str, tuple[Any, ...]] = {}
        self.model: Model | None = None
        # A model just made anew, the one before it, and what differs (index.Changes): kept
        # from the model's making to the plan of the same build.
        self.changes: tuple[Any, Any, Any] | None = None
        self.view: tuple[tuple[Any, ...], Any] | None = None   # (its inputs, the View)
        self.search = search.KeptIndex()
        self.sitemap = KeptSitemap()
        self.compiled = CompiledTemplates()
        self.questions: dict[tuple[Any, ...], Question] = {}
        self.frozen = False      # whether the first build's memory is set aside (gc.freeze)

    def record(self, src: str, record: PageRecord, calls: list[Call]) -> None:
        """Keep what a page rendered from, and the questions its template asked."""
        self._drop(src)
        asked: dict[tuple[Any, ...], None] = {}
        for call in calls:
            key = question_key(call)
            if key not in asked:
                asked[key] = None
                question = self.questions.get(key)
                if question is None:
                    question = self.questions[key] = Question(call)
                question.pages.add(src)
        record.asked = tuple(asked)
        self.pages[src] = record

    def _drop(self, src: str) -> None:
        """Forget a page's record and its share of the questions."""
        record = self.pages.pop(src, None)
        if record is not None:
            self._unask(src, record)

    def _unask(self, src: str, record: PageRecord) -> None:
        """Forget a page's share of the questions: a question no page asks is forgotten."""
        asked, record.asked = record.asked, ()
        for key in asked:
            question = self.questions.get(key)
            if question is not None:
                question.pages.discard(src)
                if not question.pages:
                    del self.questions[key]

    def kept_any(self) -> bool:
        return any(src not in self.dirty for src in self.pages)

    def plan(self, signature: Any, pages: Iterable[tuple[str, str]],
             keys: dict[str, tuple[Any, str]], urls: dict[str, str],
             targets: dict[str, Any], inputs: dict[str, tuple[Any, ...]],
             changes: tuple[Any, Any, Any] | None = None) -> set[str]:
        """The pages (src_uri, url) that must be rendered again; the others keep their output.
        `inputs` gives, for each of the `targets`, everything its answers are made from: a
        target whose inputs are those of the last build answers every question as it did.
        With `changes` (last model, this one, index.Changes between them), a target whose
        model alone is another is asked only the questions that read what changed."""
        if signature != self.signature:
            self.pages.clear()
            self.questions.clear()
            self.compiled.store.clear()
            self.signature = signature
        asked = {name: target for name, target in targets.items()
                 if not same_inputs(self.inputs.get(name), inputs.get(name))}
        narrowed = {name: changes[2] for name in asked if changes is not None
                    and model_alone(self.inputs.get(name), inputs.get(name), *changes[:2])}
        self.inputs = dict(inputs)
        moved = {s for s in urls.keys() ^ self.urls.keys()}
        moved |= {s for s in urls.keys() & self.urls.keys() if urls[s] != self.urls[s]}
        names = _names(moved)
        self.urls = urls
        self.keys = keys
        answered_otherwise = self._ask_again(asked, narrowed) if asked else set()
        dirty: set[str] = set()
        answers_only: set[str] = set()
        for src, _url in pages:
            record = self.pages.get(src)
            key = keys.get(src)
            if (record is None or key is None or record.key != key[0]
                    or any(n in record.source for n in names)):
                dirty.add(src)
                self._drop(src)
            elif src in answered_otherwise:
                # Its HTML is kept for the template; the questions asked with the answers it
                # had are forgotten, to be recorded with the answers it is rendered with.
                dirty.add(src)
                answers_only.add(src)
                self._unask(src, record)
        for src in set(self.pages) - set(keys):
            self._drop(src)
        self.dirty = dirty
        self.answers_only = answers_only
        return dirty

    def _ask_again(self, targets: dict[str, Any], narrowed: dict[str, Any]) -> set[str]:
        """Ask every recorded question of `targets` of this build's model, once each (but
        those that read nothing that changed, for the `narrowed` targets): the pages that
        asked one whose answer is not the recorded one."""
        pages: set[str] = set()
        for question in list(self.questions.values()):
            call = question.call
            if call.target not in targets or question.pages <= pages:
                continue
            changes = narrowed.get(call.target)
            if changes is not None and unchanged(call, targets[call.target], changes):
                continue
            try:
                answer = ask_again(call, targets)
            except Exception:  # the question has no answer now (a term gone): render again
                pages |= question.pages
                continue
            if answer != call.result:
                pages |= question.pages
        return pages

    def forget(self) -> None:
        """After a failed build nothing recorded can be trusted."""
        self.pages.clear()
        self.questions.clear()
        self.answers_only = set()
        self.signature = None
        self.outputs = set()
        self.sitemaps = {}
        self.card_files = {}
        self.cards_made = None
        self.card_plan = None
        self.by_model = {}
        self.inputs = {}
        self.model = None
        self.changes = None
        self.view = None
        self.registries = {}
        self.search = search.KeptIndex()
        self.sitemap = KeptSitemap()
        self.compiled.store.clear()

    def remove_stale(self, site_dir: Path, outputs: set[str]) -> None:
        """Delete what the last build wrote and this one did not (a deleted note's page, the
        page of a speaker no note names any more)."""
        for path in sorted(self.outputs - outputs):
            target = site_dir / path
            target.unlink(missing_ok=True)
            folder = target.parent
            while folder != site_dir and folder.is_dir() and not any(folder.iterdir()):
                folder.rmdir()
                folder = folder.parent
        self.outputs = outputs


class KeptSitemap:
    """sitemap.xml as the last build rendered it, and what from."""

    def __init__(self) -> None:
        self.key: tuple[Any, ...] | None = None
        self.output = ""


class SitemapTemplate:
    """The theme's sitemap.xml template, rendered only when what it lists has changed: its
    file, and each page's address and date (the only things it reads, for thousands of
    pages). Given to MkDocs in its place by the pre_template event."""

    def __init__(self, template: Any, kept: KeptSitemap) -> None:
        self.template = template
        self.kept = kept

    def render(self, context: dict[str, Any]) -> str:
        source = self.template.filename
        key = (source, read_status(source), tuple(
            (getattr(p, "is_link", None), getattr(p, "canonical_url", None),
             getattr(p, "abs_url", None), getattr(p, "update_date", None))
            for p in (file.page for file in context.get("pages") or ())))
        if key != self.kept.key:
            self.kept.output = str(self.template.render(context))
            self.kept.key = key
        return self.kept.output


def model_alone(last: tuple[Any, ...] | None, now: tuple[Any, ...] | None, before: Any,
                after: Any) -> bool:
    """Whether a target's inputs went from `last` to `now` by its model alone, from the model
    `before` to the model `after` (objects) and the other inputs equal."""
    return (last is not None and now is not None and len(last) == len(now)
            and last[0] is before and now[0] is after and last[1:] == now[1:])


def same_inputs(last: tuple[Any, ...] | None, now: tuple[Any, ...] | None) -> bool:
    """Whether a target answers from what it answered from last time: the same model object
    (first item, compared by identity: a model reused whole) and equal other inputs."""
    return (last is not None and now is not None and len(last) == len(now)
            and last[0] is now[0] and last[1:] == now[1:])


