"""Every page kind, opened in Chromium at desktop width: real content, no errors, a screenshot."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pytest

from .browser_helpers import (
    MULTI_TALK_NOTE,
    SINGLE_TALK_NOTE,
    Probe,
    by_id,
    hrefs,
    note_by_url,
    texts,
)

pytestmark = pytest.mark.browser

View = Callable[[str], Probe]


def test_home(view: View, site_data: dict[str, Any]) -> None:
    page = view("/")
    assert page.h1() == "Confnotes"
    assert page.page.locator("p.cn-lead").inner_text().startswith("컨퍼런스 노트")
    counts = dict(
        (label, int(num))
        for num, label in (
            re.match(r"(\d+)\s*(\S+)", t).groups()  # type: ignore[union-attr]
            for t in texts(page.page, "ul.cn-counts a")
        )
    )
    assert counts == {
        "노트": len(site_data["notes"]),
        "행사": len(site_data["events"]),
        "발표자": len(site_data["speakers"]),
        "주제": len(site_data["topics"]),
    }
    latest = hrefs(page.page, "#latest ~ ul.cn-note-list li.cn-note a.cn-note__title")
    known = {page.url("/" + n["url"]) for n in site_data["notes"]}
    assert latest, "the home page lists no recent notes"
    assert set(latest) <= known
    assert page.page.locator("#speakers + ul.cn-chips a").count() > 0
    assert page.page.locator("#topics + ul.cn-chips a").count() > 0
    page.screenshot("desktop-home")
    page.assert_clean()


def test_notes_index(view: View, site_data: dict[str, Any]) -> None:
    page = view("/notes/")
    assert page.h1() == "노트"
    assert f"노트 {len(site_data['notes'])}개" in page.page.locator("article").inner_text()
    listed = hrefs(page.page, "article li.cn-note a.cn-note__title")
    expected = [page.url("/" + n["url"]) for n in site_data["notes"]]
    assert sorted(listed) == sorted(expected), "the notes index must list every note once"
    page.screenshot("desktop-notes")
    page.assert_clean()


def test_speakers_index_has_a_card_per_speaker(view: View, site_data: dict[str, Any]) -> None:
    page = view("/speakers/")
    assert page.h1() == "발표자"
    speakers = site_data["speakers"]
    assert f"{len(speakers)}명" in page.page.locator("article > p").first.inner_text()
    cards = page.page.locator("li.cn-speaker").evaluate_all(
        """els => els.map(li => ({
             href: decodeURI(li.querySelector('a').href),
             name: li.querySelector('.cn-speaker__name').textContent.trim(),
             count: li.querySelector('.cn-count').textContent.trim(),
             visible: li.getClientRects().length > 0}))"""
    )
    assert len(cards) == len(speakers)
    by_href = {c["href"]: c for c in cards}
    for s in speakers:
        card = by_href.get(page.url("/" + s["url"]))
        assert card is not None, f"no card links to {s['url']} ({s['name']})"
        assert card["name"] == s["name"]
        assert card["count"] == str(len(s["appearances"])), (
            f"{s['name']}: card shows {card['count']}, speakers.json has {len(s['appearances'])}"
        )
        assert card["visible"], f"{s['name']}'s card is not displayed"
    # The initials bar links to group headings that exist.
    for target in page.page.eval_on_selector_all(
        "nav.cn-initials a", "els => els.map(a => decodeURIComponent(a.hash.slice(1)))"
    ):
        assert page.page.evaluate("id => !!document.getElementById(id)", target), target
    assert not page.page.locator(".cn-filter-empty").is_visible()
    page.screenshot("desktop-speakers")
    page.assert_clean()


@pytest.mark.parametrize("slug", ["steve-scott", "kai-fu-lee", "lee-kang-wook"])
def test_speaker_page(view: View, site_data: dict[str, Any], slug: str) -> None:
    speaker = by_id(site_data["speakers"], slug)
    page = view(f"/speakers/{slug}/")
    assert page.h1() == speaker["name"]
    for other in speaker["other_names"]:
        assert other in page.page.locator("p.cn-other-names").inner_text()
    n = len(speaker["appearances"])
    assert page.page.locator("h2#talks").inner_text().strip() == f"발표 {n}회"
    rows = page.page.locator("ul.cn-talk-list > li.cn-talk")
    assert rows.count() == n
    talk_links = hrefs(page.page, "ul.cn-talk-list a.cn-talk__title")
    assert sorted(talk_links) == sorted(page.url("/" + a["url"]) for a in speaker["appearances"])
    if slug == "steve-scott":
        page.screenshot("desktop-speaker")
    page.assert_clean()


def test_topics_index(view: View, site_data: dict[str, Any]) -> None:
    page = view("/topics/")
    assert page.h1() == "주제"
    listed = set(hrefs(page.page, "ul.cn-tree a"))
    assert listed == {page.url("/" + t["url"]) for t in site_data["topics"]}
    page.screenshot("desktop-topics")
    page.assert_clean()


@pytest.mark.parametrize("slug", ["hbm", "ai-infra"])
def test_topic_page(view: View, site_data: dict[str, Any], slug: str) -> None:
    topic = by_id(site_data["topics"], slug)
    page = view(f"/topics/{slug}/")
    assert page.h1() == topic["name"]
    # A topic with child topics also says how many notes it has with theirs.
    assert page.page.locator("h2#talks").inner_text().split()[:4] == [
        "발표", f"{topic['talks']}개", "노트", f"{len(topic['notes'])}개"]
    assert page.page.locator("ul.cn-talk-list > li.cn-talk").count() == topic["talks"]
    if topic["parent"]:
        parent = by_id(site_data["topics"], topic["parent"])
        assert hrefs(page.page, "p.cn-parent a") == [page.url("/" + parent["url"])]
    links = hrefs(page.page, "ul.cn-talk-list a.cn-talk__title")
    linked_notes = {h.split("#")[0] for h in links}
    for path in topic["notes"]:
        note = next(n for n in site_data["notes"] if n["path"] == path)
        assert page.url("/" + note["url"]) in linked_notes
    if slug == "hbm":
        page.screenshot("desktop-topic")
    page.assert_clean()


def test_events_index(view: View, site_data: dict[str, Any]) -> None:
    page = view("/events/")
    assert page.h1() == "행사"
    listed = set(hrefs(page.page, "ul.cn-events a"))
    assert listed == {page.url("/" + e["url"]) for e in site_data["events"]}
    page.screenshot("desktop-events")
    page.assert_clean()


def test_event_page(view: View, site_data: dict[str, Any]) -> None:
    event = by_id(site_data["events"], "sk-ai-summit-2024")
    page = view("/events/sk-ai-summit-2024/")
    assert page.h1() == event["name"]
    body = page.page.locator("article").inner_text()
    assert "2024년 11월 4일" in body and "2024년 11월 5일" in body
    assert event["place"] in body
    assert page.page.locator("ul.cn-program > li").count() == event["talks"]
    assert page.page.locator("h2#notes").inner_text().strip() == f"노트 {len(event['notes'])}개"
    program = set(hrefs(page.page, "ul.cn-program > li > a[lang]"))
    for note in site_data["notes"]:
        if note["event"] and note["event"]["id"] == event["id"]:
            for talk in note["talks"]:
                assert page.url("/" + talk["url"]) in program, talk["title"]
    page.screenshot("desktop-event")
    page.assert_clean()


def test_single_talk_note(view: View, site_data: dict[str, Any]) -> None:
    note = note_by_url(site_data, SINGLE_TALK_NOTE)
    page = view("/" + SINGLE_TALK_NOTE)
    assert page.h1() == note["title"]
    assert page.page.title().startswith(note["title"])
    header = page.page.locator("header.cn-note-header")
    assert header.is_visible()
    speakers = {s["id"] for t in note["talks"] for s in t["speakers"]}
    assert set(hrefs(header, "a.cn-term--speaker")) == {
        page.url(f"/speakers/{s}/") for s in speakers
    }
    assert set(hrefs(header, "a.cn-term--topic")) == {
        page.url("/" + t["url"]) for t in note["topics"]
    }
    assert hrefs(header, "a.cn-term--event") == [page.url("/" + note["event"]["url"])]
    assert page.page.locator("nav.cn-talks").count() == 0, "a one-talk note needs no talk list"
    page.screenshot("desktop-note")
    page.assert_clean()


def test_multi_talk_note(view: View, site_data: dict[str, Any]) -> None:
    note = note_by_url(site_data, MULTI_TALK_NOTE)
    assert len(note["talks"]) > 1
    page = view("/" + MULTI_TALK_NOTE)
    assert page.h1() == note["title"]
    nav = page.page.locator("header.cn-note-header nav.cn-talks")
    assert nav.is_visible()
    assert f"이 노트의 발표 {len(note['talks'])}개" in nav.inner_text()
    items = nav.locator("ol > li")
    assert items.count() == len(note["talks"])
    for i, talk in enumerate(note["talks"]):
        item = items.nth(i)
        link = item.locator("a").first
        assert link.inner_text() == talk["title"]
        assert link.get_attribute("href") == "#" + talk["anchor"]
        assert page.page.evaluate("id => !!document.getElementById(id)", talk["anchor"]), (
            f"talk {talk['title']!r} links to #{talk['anchor']} but no element has that id"
        )
        assert hrefs(item, "a.cn-term--speaker") == [
            page.url(f"/speakers/{s['id']}/") for s in talk["speakers"]
        ]
    page.screenshot("desktop-note-multi")
    page.assert_clean()


# Material's own rules (``.md-typeset ul:not([hidden])``, ``[dir=ltr] .md-typeset ul li``,
# ``.md-typeset table:not([class])``) are more specific than a bare ``.md-typeset .cn-…``; these
# checks make sure the site's layouts actually take effect.
LAYOUT_JS = """
(checks) => checks.map(([selector, prop, expected]) => {
  const el = document.querySelector(selector);
  if (!el) return [selector, prop, expected, '(missing)'];
  return [selector, prop, expected, getComputedStyle(el)[prop]];
})
"""


@pytest.mark.parametrize(
    ("path", "checks"),
    [
        (
            "/",
            [
                ["ul.cn-counts", "display", "flex"],
                ["ul.cn-chips", "display", "flex"],
                ["ul.cn-note-list", "marginLeft", "0px"],
                ["ul.cn-note-list > li", "marginLeft", "0px"],
                ["ul.cn-chips > li", "marginLeft", "0px"],
            ],
        ),
        (
            "/speakers/",
            [
                ["ul.cn-speakers", "display", "grid"],
                ["ul.cn-speakers > li", "marginLeft", "0px"],
            ],
        ),
        (
            "/speakers/steve-scott/",
            # The date in a column of its own beside the talk.
            [["ul.cn-talk-list > li", "display", "grid"],
             ["ul.cn-talk-list", "paddingLeft", "0px"]],
        ),
    ],
    ids=["home", "speakers", "speaker-talks"],
)
def test_site_layout_rules_take_effect(view: View, path: str, checks: list[list[str]]) -> None:
    page = view(path)
    results = page.page.evaluate(LAYOUT_JS, checks)
    wrong = [r for r in results if r[3] != r[2]]
    assert not wrong, "computed style differs from confnotes.css intent " + "; ".join(
        f"{sel} {prop}: expected {exp}, got {got}" for sel, prop, exp, got in wrong
    )
