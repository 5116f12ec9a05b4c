"""Feeds, written next to the pages once the site is built (calendars.py writes the events'
calendars beside them, with the same links).

- `feed.xml` (RSS 2.0) and `feed.json` (JSON Feed 1.1) at the site root hold every note; the
  same pair in each speaker's, topic's and event's folder (`speakers/<slug>/feed.xml`) holds the
  notes on that term only, and in each series' folder the notes of all its editions.
- Items are notes in the site's listing order: newest date first, then Korean title order, then
  path. Notes without a date come after every dated note and carry no date field. A feed holds
  the first MAX_ITEMS of that order, so undated notes show only in feeds with fewer dated ones.
- A note has a day but no time, and both formats need a moment: a date is published as 12:00
  UTC, which is the same calendar day everywhere from UTC-11 to UTC+11.
- An item's summary is the note's `summary`, else the opening prose of its text. Its facts
  name the event and its series, the people, and each talk's slides and video.

Links are absolute when `site_url` is set, else relative to the file that holds them. No value
depends on the clock, so the same notes always give the same bytes.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import html
import json
import os
import posixpath
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote, urljoin, urlsplit

from . import series as series_mod
from .export import series_of
from .index import Site
from .kinds import KIND_LABELS, KINDS, LINK_LABELS, SERIES_LABEL, SPEC
from .model import Note, Series, Term, cut

MAX_ITEMS = 50
SUMMARY_CHARS = 1000
_ABOUT_SERIES = "‘{0}’의 모든 회차에서 기록한 {1} 노트"
JSON_FEED_VERSION = "https://jsonfeed.org/version/1.1"
_DC = "http://purl.org/dc/elements/1.1/"
_ATOM = "http://www.w3.org/2005/Atom"
_NOMINAL_TIME = dt.time(12, tzinfo=dt.UTC)

# Characters XML 1.0 forbids, plus the C1 controls and DEL that iCalendar TEXT forbids: one
# rule for the three formats (calendars.py uses it too), so a title reads the same in each.
_UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
_SPACE = re.compile(r"\s+")
# Reserved URL characters stay as they are; '%' too, as MkDocs has already quoted note URLs.
_URL_SAFE = "/:#?&=%@+!$'()*,;~[]"


@dataclass(frozen=True)
class Settings:
    """What feeds take from mkdocs.yml: plain values, so a second process can write them."""

    site_url: str
    site_name: str
    site_description: str | None
    language: str


def write(site_dir: Path, site: Site, settings: Settings,
          kept: dict[Any, Any] | None = None) -> list[Path]:
    """Write the site's feeds under `site_dir`; the files written.

    With `kept` (the same dict at each call, under `mkdocs serve`), a note's item is made
    again only when the note or a name it shows changed, and a feed whose title and items are
    those the last call wrote there is left as it is."""
    last_feeds: dict[str, tuple[Any, tuple[Item, ...]]] = kept.get("feeds", {}) if kept else {}
    last_items: dict[tuple[str, str], tuple[Any, Item]] = kept.get("items", {}) if kept else {}
    feeds_now: dict[str, tuple[Any, tuple[Item, ...]]] = {}
    items_now: dict[tuple[str, str], tuple[Any, Item]] = {}
    links = Links.of(settings.site_url)
    series = series_mod.collect(site)
    # With absolute links an item reads the same in every feed: build each note's once.
    made: dict[tuple[str, str], Item] = {}
    written: list[Path] = []
    root = os.fspath(site_dir)   # joined as text: a feed per term, each looked at
    for feed in all_feeds(site, settings.site_name, settings.site_description, series):
        folder = site_dir / feed.folder
        here = "" if links.base else feed.folder
        items: list[Item] = []
        for note in feed.notes:
            entry = made.get((note.path, here))
            if entry is None:
                shown = _shown(site, note, series, links)
                before = last_items.get((note.path, here))
                if before is not None and before[0] == shown:
                    entry = before[1]
                else:
                    entry = item(site, note, here, links, series)
                made[note.path, here] = entry
                items_now[note.path, here] = (shown, entry)
            items.append(entry)
        about = (feed.page, feed.title, feed.description, links, settings.language)
        # Items made again compare by value; those kept are the same objects.
        before_feed = last_feeds.get(feed.folder)
        if before_feed is None or before_feed[0] != about or len(before_feed[1]) != len(
                items) or not all(a is b or a == b for a, b in zip(before_feed[1], items,
                                                                   strict=True)) or not (
                os.path.isfile(os.path.join(root, feed.folder, "feed.xml"))) or not (
                os.path.isfile(os.path.join(root, feed.folder, "feed.json"))):
            folder.mkdir(parents=True, exist_ok=True)
            (folder / "feed.xml").write_bytes(rss(feed, items, links, settings.language))
            (folder / "feed.json").write_bytes(json_feed(feed, items, links, settings.language))
        feeds_now[feed.folder] = (about, tuple(items))
        written += [folder / "feed.xml", folder / "feed.json"]
    if kept is not None:
        kept.clear()
        kept["feeds"], kept["items"] = feeds_now, items_now
    return written


def _shown(site: Site, note: Note, series: dict[str, Series], links: Links) -> tuple[Any, ...]:
    """Everything `item` reads: the note, and the terms and series whose names it shows."""
    event = site.terms["event"].get(note.event) if note.event else None
    return (note, event, series_of(site, series, note.event) if event else None,
            tuple(site.terms["speaker"].get(s) for s in note.speakers),
            tuple(site.terms["topic"].get(t) for t in note.topics), links)


# -- text and links ----------------------------------------------------------------------------


def safe(text: str) -> str:
    """`text` without the control characters XML, JSON readers and iCalendar choke on."""
    return _UNSAFE.sub("", text)


def one_line(text: str) -> str:
    return _SPACE.sub(" ", safe(text)).strip()


@dataclass(frozen=True)
class Links:
    """Turns site-relative URLs into the links a feed or calendar carries."""

    base: str  # site_url ending in '/', or '' for relative links

    @classmethod
    def of(cls, site_url: str) -> Links:
        return cls(site_url.rstrip("/") + "/" if site_url else "")

    @property
    def host(self) -> str:
        return urlsplit(self.base).hostname or ""

    def to(self, url: str, here: str) -> str:
        """`url` as a link in a file in folder `here` (both site-relative)."""
        if self.base:
            target = urljoin(self.base, url)
        else:
            path, hash_, fragment = url.partition("#")
            target = posixpath.relpath(path or ".", here or ".")
            if target == ".":
                target = "./"
            elif not path or path.endswith("/"):
                target += "/"
            target += hash_ + fragment
        # An IRI with Hangul in it is not a URL; feed readers and calendars expect ASCII.
        return quote(target, safe=_URL_SAFE)

    def ident(self, note: Note) -> str:
        """An item's id: its URL when the site has one, else its site-relative URL, the same
        in every feed."""
        return quote(urljoin(self.base, note.url) if self.base else note.url, safe=_URL_SAFE)


# -- which feeds -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Feed:
    folder: str                # site-relative folder of feed.xml and feed.json: "" or a term's
    page: str                  # the site-relative page the feed follows
    title: str
    description: str
    notes: tuple[Note, ...]


def all_feeds(site: Site, site_name: str, site_description: str | None,
              series: dict[str, Series] | None = None) -> list[Feed]:
    """The site's feed, then one per speaker, topic, event and series (even those without
    notes, as their pages link to them)."""
    found = [Feed("", "", one_line(site_name), one_line(site_description or site_name),
                  tuple(site.notes[:MAX_ITEMS]))]
    for kind in KINDS:
        for term in site.terms[kind].values():
            notes = site.notes_by_term.get((kind, term.id), [])
            description = term.description or SPEC[kind].about.format(term.name, site_name)
            found.append(Feed(term.url_path, term.url_path, feed_title(term, site_name),
                              one_line(description), tuple(notes[:MAX_ITEMS])))
    series = series if series is not None else series_mod.collect(site)
    by_series = series_mod.notes_by_series(site, series)
    for ident, one in series.items():
        found.append(Feed(one.url_path, one.url_path, series_feed_title(one, site_name),
                          one_line(_ABOUT_SERIES.format(one.name, site_name)),
                          tuple(by_series[ident][:MAX_ITEMS])))
    return found


def feed_folders(site: Site) -> list[str]:
    """The folders of all_feeds' feeds but the site's own, in its order, without making them.
    """
    return [*(term.url_path for kind in KINDS for term in site.terms[kind].values()),
            *(one.url_path for one in series_mod.collect(site).values())]


def feed_title(term: Term, site_name: str) -> str:
    """`이강욱 — 발표자 · Confnotes`, also the title of the page's alternate links."""
    return one_line(f"{term.name} — {KIND_LABELS[term.kind]} · {site_name}")


def series_feed_title(series: Series, site_name: str) -> str:
    """`DEVIEW — 시리즈 · Confnotes`, also the title of the page's alternate links."""
    return one_line(f"{series.name} — {SERIES_LABEL} · {site_name}")


# -- items -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Item:
    """One note as every feed format shows it."""

    id: str
    url: str
    title: str
    date: dt.datetime | None
    summary: str
    facts: tuple[str, ...]     # event and people, one line each
    authors: tuple[str, ...]
    categories: tuple[str, ...]
    language: str
    source: str | None


def item(site: Site, note: Note, here: str, links: Links,
         series: dict[str, Series] | None = None) -> Item:
    """`note` as an item of a feed in folder `here`."""
    facts: list[str] = []
    if note.event:
        where = [site.term("event", note.event).name]
        if note.day:
            where.append(f"{note.day}일차")
        if note.session:
            where.append(note.session)
        facts.append("행사: " + " · ".join(where))
        own = series_of(site, series if series is not None else {}, note.event)
        if own:
            facts.append(f"{SERIES_LABEL}: {own.name}")
    if note.speakers:
        facts.append("발표자: " + ", ".join(site.term("speaker", s).name for s in note.speakers))
    facts += talk_link_facts(note)
    return Item(
        id=links.ident(note),
        url=links.to(note.url, here),
        title=one_line(note.title),
        date=dt.datetime.combine(note.date, _NOMINAL_TIME) if note.date else None,
        summary=summary(note),
        facts=tuple(one_line(f) for f in facts),
        authors=tuple(one_line(a) for a in note.authors),
        categories=tuple(one_line(site.term("topic", t).name) for t in note.topics),
        language=one_line(note.lang),
        source=note.source,
    )


def talk_link_facts(note: Note) -> list[str]:
    """`슬라이드: <address>` and `영상: <address>` for the note and each of its talks; in a note
    of several talks, each line names its talk."""
    facts: list[str] = []
    several = len(note.talks) > 1
    owners: list[tuple[str | None, str | None, str | None]] = [(None, note.slides, note.video)]
    owners += [(t.title if several else None, t.slides, t.video) for t in note.talks]
    seen: set[tuple[str | None, str]] = set()
    for title, slides, video in owners:
        for label, address in ((LINK_LABELS["slides"], slides), (LINK_LABELS["video"], video)):
            if address and (title, address) not in seen and (None, address) not in seen:
                seen.add((title, address))
                facts.append(f"{label}" + (f" ({title})" if title else "") + f": {address}")
    return facts


def summary(note: Note) -> str:
    """The note's own summary, else the opening prose of its text, at most SUMMARY_CHARS: the
    same item is in the feeds of each of its speakers and topics."""
    return cut(one_line(note.summary or note.excerpt), SUMMARY_CHARS)


# -- RSS 2.0 -----------------------------------------------------------------------------------


def rfc822(moment: dt.datetime) -> str:
    return email.utils.format_datetime(moment, usegmt=True)


def rss(feed: Feed, items: list[Item], links: Links, language: str) -> bytes:
    """RSS 2.0: titles are plain text; descriptions are HTML, so their text is escaped twice,
    once as HTML and once as XML, and a reader never sees markup that came from a note."""
    # Prefixed names with their xmlns written out keep ElementTree's global namespace table,
    # and so other code's output, untouched.
    root = ET.Element("rss", {"version": "2.0", "xmlns:atom": _ATOM, "xmlns:dc": _DC})
    channel = ET.SubElement(root, "channel")
    _add(channel, "title", feed.title)
    _add(channel, "link", links.to(feed.page, feed.folder))
    _add(channel, "description", feed.description)
    _add(channel, "language", language)
    if links.base:
        ET.SubElement(channel, "atom:link", {"href": links.to(feed.folder + "feed.xml", ""),
                                             "rel": "self", "type": "application/rss+xml"})
    dates = [i.date for i in items if i.date]
    if dates:
        _add(channel, "lastBuildDate", rfc822(max(dates)))
    for entry in items:
        element = ET.SubElement(channel, "item")
        _add(element, "title", entry.title)
        _add(element, "link", entry.url)
        guid = ET.SubElement(element, "guid",
                             {"isPermaLink": "true" if links.base else "false"})
        guid.text = entry.id
        if entry.date:
            _add(element, "pubDate", rfc822(entry.date))
        _add(element, "description", "".join(
            f"<p>{html.escape(text)}</p>" for text in (entry.summary, *entry.facts) if text))
        for author in entry.authors:
            _add(element, "dc:creator", author)
        for category in entry.categories:
            _add(element, "category", category)
    ET.indent(root, space=" ")
    return (b'<?xml version="1.0" encoding="UTF-8"?>\n'
            + ET.tostring(root, encoding="unicode").encode("utf-8") + b"\n")


def _add(parent: ET.Element, tag: str, text: str) -> None:
    ET.SubElement(parent, tag).text = safe(text)


# -- JSON Feed 1.1 -----------------------------------------------------------------------------


def json_feed(feed: Feed, items: list[Item], links: Links, language: str) -> bytes:
    document: dict[str, Any] = {
        "version": JSON_FEED_VERSION,
        "title": feed.title,
        "home_page_url": links.to(feed.page, feed.folder),
    }
    if links.base:
        document["feed_url"] = links.to(feed.folder + "feed.json", "")
    document |= {"description": feed.description, "language": language,
                 "items": [_json_item(i) for i in items]}
    return (json.dumps(document, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def _json_item(entry: Item) -> dict[str, Any]:
    record: dict[str, Any] = {"id": entry.id, "url": entry.url, "title": entry.title,
                              "content_text": "\n\n".join(t for t in (entry.summary, *entry.facts)
                                                          if t)}
    if entry.summary:
        record["summary"] = entry.summary
    if entry.date:
        record["date_published"] = entry.date.isoformat()
    if entry.authors:
        record["authors"] = [{"name": a} for a in entry.authors]
    if entry.categories:
        record["tags"] = list(entry.categories)
    if entry.language:
        record["language"] = entry.language
    if entry.source:
        record["external_url"] = safe(entry.source)
    return record
