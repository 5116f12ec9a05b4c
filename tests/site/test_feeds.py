"""Feeds and calendars, read back with real parsers (feedparser, icalendar, json) and compared
with site/data/notes.json: the whole site, every speaker, topic and event of the samples, a
small site of hostile names, and the sample notes written again without a site_url."""

from __future__ import annotations

import datetime as dt
import json
import posixpath
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urljoin

import feedparser
import icalendar
import pytest
from bs4 import BeautifulSoup
from confnotes import calendars, collect, feeds
from confnotes.body_shapes import EXCERPT_CHARS

from .conftest import ROOT, Built, build_site

_SITE_URL = re.search(r"^site_url:\s*(\S+)", (ROOT / "mkdocs.yml").read_text(encoding="utf-8"),
                      re.M)
assert _SITE_URL, "the tests expect mkdocs.yml to set site_url"
SITE_URL = _SITE_URL.group(1)


# -- helpers -----------------------------------------------------------------------------------


def clean(text: str) -> str:
    """Text as feeds carry it: control characters dropped, whitespace collapsed."""
    return " ".join(feeds.safe(text).split())


def term_notes(built: Built, section: str, term: dict[str, Any]) -> list[dict[str, Any]]:
    """The notes on a term, in the site's order, from the export alone."""
    if section == "speakers":
        paths = {a["note"] for a in term["appearances"]}
    else:
        paths = set(term["notes"])
    return [n for n in built.data("notes") if n["path"] in paths]


def read_rss(path: Path) -> Any:
    data = path.read_bytes()
    ET.fromstring(data)  # well-formed XML, not only what feedparser forgives
    parsed = feedparser.parse(data)
    assert not parsed.bozo, (path, parsed.get("bozo_exception"))
    assert parsed.version == "rss20", path
    return parsed


def read_json_feed(path: Path) -> dict[str, Any]:
    """A JSON Feed 1.1 document checked against the spec's required fields (feedparser 6.0
    does not read JSON Feed)."""
    feed: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    assert feed["version"] == "https://jsonfeed.org/version/1.1"
    assert isinstance(feed["title"], str) and feed["title"]
    ids = [item["id"] for item in feed["items"]]
    assert len(ids) == len(set(ids)) and all(isinstance(i, str) and i for i in ids)
    for item in feed["items"]:
        assert isinstance(item.get("content_text"), str), item
        if "date_published" in item:
            assert dt.datetime.fromisoformat(item["date_published"]).tzinfo is not None
    return feed


def resolve(href: str, base: str) -> str:
    """A link as a reader resolves it: against site_url, relative to the file it is in."""
    return unquote(urljoin(urljoin(SITE_URL, base), href))


def check_feeds(built: Built, folder: str, notes: list[dict[str, Any]],
                topics: dict[str, str]) -> None:
    expected = notes[:feeds.MAX_ITEMS]
    urls = [resolve(n["url"], "") for n in expected]

    rss = read_rss(built.site / folder / "feed.xml")
    entries = rss.entries
    assert [e.title for e in entries] == [clean(n["title"]) for n in expected], folder
    assert [resolve(e.link, folder) for e in entries] == urls, folder
    for entry, note in zip(entries, expected, strict=True):
        if note["date"]:
            assert entry.published_parsed[:3] == dt.date.fromisoformat(note["date"]).timetuple()[:3]
        else:
            assert "published" not in entry, entry
        assert [a["name"] for a in entry.get("authors", [])] == note["authors"]
        assert [t.term for t in entry.get("tags", [])] == [topics[t["id"]] for t in note["topics"]]
    dates = [n["date"] for n in expected if n["date"]]
    if dates:
        assert rss.feed.updated_parsed[:3] == dt.date.fromisoformat(max(dates)).timetuple()[:3]

    feed = read_json_feed(built.site / folder / "feed.json")
    assert [i["title"] for i in feed["items"]] == [clean(n["title"]) for n in expected], folder
    assert [resolve(i["url"], folder) for i in feed["items"]] == urls, folder
    for item, note in zip(feed["items"], expected, strict=True):
        if note["date"]:
            assert item["date_published"].startswith(note["date"] + "T")
        else:
            assert "date_published" not in item
        assert [a["name"] for a in item.get("authors", [])] == note["authors"]
        assert item.get("tags", []) == [topics[t["id"]] for t in note["topics"]]
    assert [i["id"] for i in feed["items"]] == [e.id for e in entries]


def expected_talks(built: Built, event: dict[str, Any]) -> list[tuple[dt.date, str, str, str]]:
    """(day, title, talk URL, session) of each talk with a day, in calendar order."""
    start = dt.date.fromisoformat(event["start"]) if event["start"] else None
    talks: list[tuple[dt.date, str, str, int, str, str]] = []
    for note in term_notes(built, "events", event):
        if note["date"]:
            day = dt.date.fromisoformat(note["date"])
        elif note["day"] and start:
            day = start + dt.timedelta(days=note["day"] - 1)
        else:
            continue
        for n, talk in enumerate(note["talks"]):
            talks.append((day, note["session"] or "", note["path"], n, clean(talk["title"]),
                          talk["url"]))
    return [(day, title, url, session) for day, session, _, _, title, url in sorted(talks)]


def read_calendar(path: Path) -> Any:
    data = path.read_bytes()
    assert data.endswith(b"\r\n") and b"\n" not in data.replace(b"\r\n", b"")
    for line in data.split(b"\r\n")[:-1]:
        assert len(line) <= 75, line
        line.decode("utf-8")  # folding never splits a character
    return icalendar.Calendar.from_ical(data)


def check_calendar(built: Built, event: dict[str, Any]) -> None:
    path = built.site / event["url"] / "talks.ics"
    talks = expected_talks(built, event)
    links = [a["href"] for a in built.html(event["url"]).select(".cn-feeds a")]
    assert ("talks.ics" in links) == bool(talks), event["id"]
    if not talks:
        assert not path.exists()
        return
    calendar = read_calendar(path)
    assert str(calendar["X-WR-CALNAME"]) == clean(event["name"])
    events = list(calendar.walk("VEVENT"))
    assert [(e["DTSTART"].dt, str(e["SUMMARY"]), unquote(str(e["URL"]))) for e in events] == [
        (day, title, resolve(url, "")) for day, title, url, _ in talks]
    assert len({str(e["UID"]) for e in events}) == len(events)
    for vevent, (day, _title, url, session) in zip(events, talks, strict=True):
        assert vevent["DTEND"].dt == day + dt.timedelta(days=1)
        assert vevent["DTSTAMP"].dt == dt.datetime.combine(day, dt.time(), dt.UTC)
        assert str(vevent["UID"]).endswith("@127.0.0.1")
        description = unquote(str(vevent["DESCRIPTION"]))
        assert description.endswith(resolve(url, ""))
        assert (f"세션: {session}" in description) == bool(session)
        if event["place"]:
            assert str(vevent["LOCATION"]) == event["place"]


# -- the sample site ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def topic_names(sample_site: Built) -> dict[str, str]:
    return {t["id"]: t["name"] for t in sample_site.data("topics")}


def test_site_feeds_list_every_note_newest_first(sample_site: Built,
                                                 topic_names: dict[str, str]) -> None:
    notes = sample_site.data("notes")
    assert any(n["date"] is None for n in notes)  # the undated ones come last, without a date
    check_feeds(sample_site, "", notes, topic_names)
    # Summaries are the notes' prose: not their headings, facts or related-notes lists.
    for item in read_json_feed(sample_site.site / "feed.json")["items"]:
        assert 20 < len(item["summary"]) <= EXCERPT_CHARS + 1, item["id"]
        assert "¶" not in item["summary"] and "관련 노트" not in item["summary"]
        assert not item["summary"].startswith(item["title"])
    raw = (sample_site.site / "feed.xml").read_bytes()
    assert "발표자".encode() in raw and not re.search(rb"&#\d", raw)
    assert "발표자".encode() in (sample_site.site / "feed.json").read_bytes()


@pytest.mark.parametrize("section", ["speakers", "topics", "events"])
def test_every_term_feed_lists_only_its_notes(sample_site: Built, topic_names: dict[str, str],
                                              section: str) -> None:
    terms = sample_site.data(section)
    assert terms
    for term in terms:
        check_feeds(sample_site, term["url"], term_notes(sample_site, section, term),
                    topic_names)
        rss = read_rss(sample_site.site / term["url"] / "feed.xml")
        assert rss.feed.title.startswith(term["name"] + " — ")
        assert resolve(rss.feed.link, term["url"]) == resolve(term["url"], "")


def test_every_event_calendar_lists_its_dated_talks(sample_site: Built) -> None:
    events = sample_site.data("events")
    for event in events:
        check_calendar(sample_site, event)
    summit = next(e for e in events if e["id"] == "sk-ai-summit-2024")
    assert len(expected_talks(sample_site, summit)) > 1


def test_every_page_announces_the_feeds(sample_site: Built) -> None:
    pages = sorted(sample_site.site.rglob("*.html"))
    assert len(pages) > 30
    for path in pages:
        url = path.relative_to(sample_site.site).as_posix()
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        alternates = {(link["type"], resolve(link["href"], url))
                      for link in soup.select('head link[rel="alternate"]')}
        assert ("application/rss+xml", SITE_URL + "feed.xml") in alternates, url
        assert ("application/feed+json", SITE_URL + "feed.json") in alternates, url


def test_term_pages_link_their_own_feeds(sample_site: Built) -> None:
    site_name = "Confnotes"
    for section, label in (("speakers", "발표자"), ("topics", "주제"), ("events", "행사")):
        for term in sample_site.data(section):
            page = sample_site.html(term["url"])
            title = f"{term['name']} — {label} · {site_name}"
            own = {(link["type"], link["title"], resolve(link["href"], term["url"]))
                   for link in page.select('head link[rel="alternate"]')}
            for name, kind in (("feed.xml", "application/rss+xml"),
                               ("feed.json", "application/feed+json")):
                assert (kind, title, resolve(term["url"] + name, "")) in own, term["url"]
            visible = page.select(".cn-feeds a")
            assert [a.get_text() for a in visible][:2] == ["RSS", "JSON Feed"]
            for a in visible:
                target = posixpath.normpath(posixpath.join(term["url"], unquote(a["href"])))
                assert (sample_site.site / target).is_file(), (term["url"], a["href"])
            rss = read_rss(sample_site.site / term["url"] / "feed.xml")
            assert rss.feed.title == title


# -- hostile names and a long Korean title -----------------------------------------------------

HOSTILE_TITLE = "<script>alert(1)</script> ]]> & \"q\" \x07{{ 7*7 }} {% raw %}"
HOSTILE_SPEAKER = "<img src=x onerror=alert(2)> ]]>"
HOSTILE_PLACE = "서울, 코엑스; 홀 \\A"
HOSTILE_SUMMARY = "요약 ]]> <b>굵게</b> & \x01끝"
LONG_TITLE = ("초거대 언어 모델 시대의 데이터센터 전력과 냉각, 그리고 반도체 패키징이 함께 "
              "풀어야 할 숙제들에 관한 아주 긴 제목의 발표 — 한국어 멀티바이트 접기 시험")
LONG_BODY = "첫 문단은 <em>강조</em>와 **굵은 글씨**가 있는 평범한 본문이다. " * 8


def _yaml(text: str) -> str:
    return json.dumps(text)  # a JSON string is a YAML double-quoted scalar


HOSTILE: dict[str, str | bytes] = {
    "events.yml": "hostile-con:\n  name: \"Hostile <Con> & ]]>\"\n  start: 2025-03-01\n"
                  f"  end: 2025-03-02\n  place: {_yaml(HOSTILE_PLACE)}\n",
    "notes/hostile.md": f"---\ntitle: {_yaml(HOSTILE_TITLE)}\ndate: 2025-03-01\n"
                        f"event: hostile-con\nspeakers:\n  - {_yaml(HOSTILE_SPEAKER)}\n"
                        "topics: ['{{ 7*7 }}', '<em & ]]']\n"
                        "authors: ['A & B <b>']\n"
                        f"summary: {_yaml(HOSTILE_SUMMARY)}\n---\n본문\n",
    "notes/long.md": f"---\ntitle: {_yaml(LONG_TITLE)}\nevent: hostile-con\nday: 2\n"
                     "speakers: 이강욱 (SK하이닉스, 부사장)\n---\n"
                     + LONG_BODY + "\n",
}


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Built:
    return build_site(tmp_path_factory.mktemp("hostile-feeds"), HOSTILE)


def test_hostile_names_give_valid_feeds_with_the_same_text(hostile_site: Built) -> None:
    built = hostile_site
    assert built.returncode == 0, built.log
    notes = {n["path"]: n for n in built.data("notes")}
    topics = {t["id"]: t["name"] for t in built.data("topics")}
    assert notes["notes/hostile.md"]["title"] == clean(HOSTILE_TITLE)  # no control characters
    data = (built.site / "feed.xml").read_bytes()
    root = ET.fromstring(data)
    titles = [t.text for t in root.iter("title")]
    assert clean(HOSTILE_TITLE) in titles and LONG_TITLE in titles
    assert b"\x07" not in data and b"\x01" not in data and not re.search(rb"&#\d", data)
    # A description is HTML: the note's markup arrives as text, never as a live element.
    item = next(i for i in root.iter("item") if i.findtext("title") == clean(HOSTILE_TITLE))
    assert "&lt;b&gt;굵게&lt;/b&gt;" in (item.findtext("description") or "")
    assert [c.text for c in item.iter("category")] == ["{{ 7*7 }}", "<em & ]]"]
    parsed = read_rss(built.site / "feed.xml")
    entry = next(e for e in parsed.entries if "]]>" in e.title)
    assert entry.title_detail.type == "text/plain"  # shown as text, never run
    assert entry.summary_detail.type == "text/html"
    assert "<b>" not in entry.summary and "&lt;b&gt;굵게" in entry.summary
    check_feeds(built, "", list(notes.values()), topics)

    feed = read_json_feed(built.site / "feed.json")
    item_json = next(i for i in feed["items"] if i["title"] == clean(HOSTILE_TITLE))
    assert item_json["summary"] == "요약 ]]> <b>굵게</b> & 끝"
    assert item_json["authors"] == [{"name": "A & B <b>"}]
    long_item = next(i for i in feed["items"] if i["title"] == LONG_TITLE)
    assert long_item["summary"].startswith("첫 문단은 강조와 굵은 글씨가")
    assert long_item["summary"].endswith("…") and len(long_item["summary"]) <= 201
    # No date of its own: 'day 2' of a registered event of known days is that day.
    assert long_item["date_published"].startswith("2025-03-02")
    assert (notes["notes/long.md"]["date"], notes["notes/long.md"]["date_source"]) == (
        "2025-03-02", "event")


def test_hostile_term_pages_and_feeds(hostile_site: Built) -> None:
    built = hostile_site
    speaker = next(s for s in built.data("speakers") if s["name"] == HOSTILE_SPEAKER)
    page_source = (built.site / speaker["url"] / "index.html").read_text(encoding="utf-8")
    assert "<img src=x" not in page_source
    page = built.html(speaker["url"])
    titles = {link["title"] for link in page.select('head link[rel="alternate"]')}
    assert f"{HOSTILE_SPEAKER} — 발표자 · Confnotes" in titles
    rss = read_rss(built.site / speaker["url"] / "feed.xml")
    assert [e.title for e in rss.entries] == [clean(HOSTILE_TITLE)]
    for topic in built.data("topics"):
        feed = read_json_feed(built.site / topic["url"] / "feed.json")
        assert feed["title"] == f"{topic['name']} — 주제 · Confnotes"


def test_calendar_escapes_and_folds_by_characters(hostile_site: Built) -> None:
    built = hostile_site
    event = next(e for e in built.data("events") if e["id"] == "hostile-con")
    check_calendar(built, event)
    path = built.site / event["url"] / "talks.ics"
    raw = path.read_bytes()
    assert b"\\;" in raw and b"\\," in raw and b"\\\\A" in raw
    calendar = read_calendar(path)
    assert str(calendar["X-WR-CALNAME"]) == "Hostile <Con> & ]]>"
    by_title = {str(e["SUMMARY"]): e for e in calendar.walk("VEVENT")}
    assert set(by_title) == {clean(HOSTILE_TITLE), LONG_TITLE}
    long_event = by_title[LONG_TITLE]
    assert long_event["DTSTART"].dt == dt.date(2025, 3, 2)  # day 2 of an event from March 1
    assert str(long_event["LOCATION"]) == HOSTILE_PLACE
    assert str(long_event["DESCRIPTION"]).startswith("발표: 이강욱 (SK하이닉스, 부사장)\n")
    summary_lines = raw.split(b"SUMMARY:" + LONG_TITLE[:5].encode())[1].split(b"\r\nDESC")[0]
    assert summary_lines.count(b"\r\n ") >= 2  # the title is folded, on character boundaries


def test_calendar_lines_are_folded_within_75_octets_on_characters(hostile_site: Built) -> None:
    event = next(e for e in hostile_site.data("events") if e["id"] == "hostile-con")
    raw = (hostile_site.site / event["url"] / "talks.ics").read_bytes()
    assert raw.endswith(b"\r\n") and b"\x00" not in raw
    physical = raw.removesuffix(b"\r\n").split(b"\r\n")
    assert max(len(p) for p in physical) <= 75
    assert any(p.startswith(b" ") for p in physical)  # something was folded
    for part in physical:
        part.decode("utf-8")  # no character's bytes split between two lines


# -- no site_url: links relative to each file; the same bytes every time -----------------------


def write_without_site_url(out: Path) -> None:
    site, _report = collect.read_folder(ROOT / "docs")
    feeds.write(out, site, feeds.Settings("", "Confnotes", None, "ko"))
    calendars.write(out, site, feeds.Links.of(""))


def test_without_site_url_links_are_relative_and_bytes_repeat(tmp_path: Path) -> None:
    write_without_site_url(tmp_path / "a")
    write_without_site_url(tmp_path / "b")
    files = sorted(p.relative_to(tmp_path / "a") for p in (tmp_path / "a").rglob("*")
                   if p.is_file())
    assert Path("feed.xml") in files and Path("events/sk-ai-summit-2024/talks.ics") in files
    for rel in files:
        assert (tmp_path / "a" / rel).read_bytes() == (tmp_path / "b" / rel).read_bytes(), rel

    site, _report = collect.read_folder(ROOT / "docs")
    urls = [n.url for n in site.notes]
    rss = read_rss(tmp_path / "a" / "feed.xml")
    assert [e.link for e in rss.entries] == urls
    assert "atom_link" not in rss.feed and b"atom:link" not in (tmp_path / "a" / "feed.xml"
                                                                 ).read_bytes()
    speaker = next(t for t in site.terms["speaker"].values() if t.id == "lee-kang-wook")
    feed = read_json_feed(tmp_path / "a" / speaker.url_path / "feed.json")
    assert "feed_url" not in feed and feed["home_page_url"] == "./"
    for item, note in zip(feed["items"], site.notes_by_term["speaker", speaker.id], strict=True):
        assert item["url"].startswith("../../")
        assert posixpath.normpath(posixpath.join(speaker.url_path, item["url"])) + "/" == note.url
    calendar = read_calendar(tmp_path / "a" / "events/sk-ai-summit-2024/talks.ics")
    for vevent in calendar.walk("VEVENT"):
        assert "URL" not in vevent and "@" not in str(vevent["UID"])
        assert "../../notes/" in str(vevent["DESCRIPTION"])



def test_a_feed_holds_the_newest_notes_up_to_its_cap(tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(feeds, "MAX_ITEMS", 3)
    write_without_site_url(tmp_path)
    site, _report = collect.read_folder(ROOT / "docs")
    rss = read_rss(tmp_path / "feed.xml")
    assert [e.link for e in rss.entries] == [n.url for n in site.notes[:3]]
    event = site.terms["event"]["sk-ai-summit-2024"]
    feed = read_json_feed(tmp_path / event.url_path / "feed.json")
    assert [i["url"] for i in feed["items"]] == [
        "../../" + n.url for n in site.notes_by_term["event", event.id][:3]]
