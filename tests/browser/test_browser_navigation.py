"""Click-through between notes and speakers, in-page talk links, and the speakers filter box."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterator
from typing import Any
from urllib.parse import unquote, urlsplit

import pytest

from .browser_helpers import (
    MULTI_TALK_NOTE,
    Probe,
    assert_in_view,
    by_id,
    note_by_url,
    wait_in_view,
)

pytestmark = pytest.mark.browser


@pytest.mark.parametrize(
    ("slug", "talk_title"),
    [
        ("steve-scott", "Technical Requirements for AI Advancement"),
        # An anchor with Hangul in it: the URL carries it percent-encoded.
        ("mohamed-awad", "Rethinking Silicon at the Dawn of the AI Era"),
    ],
)
def test_note_to_speaker_and_back_to_the_talk(
    page: Probe, site_data: dict[str, Any], slug: str, talk_title: str
) -> None:
    note = note_by_url(site_data, MULTI_TALK_NOTE)
    talk = next(t for t in note["talks"] if t["title"] == talk_title)
    speaker = by_id(site_data["speakers"], slug)
    appearance = next(a for a in speaker["appearances"] if a["talk"] == talk_title)
    assert appearance["anchor"] == talk["anchor"], "speakers.json and notes.json disagree"

    page.goto("/" + MULTI_TALK_NOTE)
    link = page.page.locator("nav.cn-talks a.cn-term--speaker", has_text=speaker["name"]).first
    link.click()
    page.page.wait_for_url(lambda u: urlsplit(u).path == f"/speakers/{slug}/")
    page.page.wait_for_load_state("load")
    assert page.h1() == speaker["name"]

    talk_link = page.page.locator("ul.cn-talk-list a.cn-talk__title", has_text=talk_title).first
    talk_link.click()
    page.page.wait_for_url(lambda u: unquote(urlsplit(u).path) == "/" + MULTI_TALK_NOTE)
    page.page.wait_for_load_state("load")
    assert page.path() == "/" + MULTI_TALK_NOTE
    assert page.fragment() == talk["anchor"]
    assert_in_view(wait_in_view(page.page, talk["anchor"]), talk["anchor"])
    page.assert_clean()


def test_talk_list_jumps_within_the_note(page: Probe, site_data: dict[str, Any]) -> None:
    note = note_by_url(site_data, MULTI_TALK_NOTE)
    page.goto("/" + MULTI_TALK_NOTE)
    for talk in reversed(note["talks"]):
        page.page.locator(f'nav.cn-talks a[href="#{talk["anchor"]}"]').click()
        page.page.wait_for_function(
            "a => decodeURIComponent(location.hash.slice(1)) === a", arg=talk["anchor"]
        )
        assert page.fragment() == talk["anchor"]
        assert_in_view(wait_in_view(page.page, talk["anchor"]), talk["anchor"])
    page.assert_clean()


# ------------------------------------------------------------------------------- filter box

VISIBLE_NAMES_JS = """
() => Array.from(document.querySelectorAll('li.cn-speaker'))
  .filter(li => li.getClientRects().length > 0 && getComputedStyle(li).visibility !== 'hidden')
  .map(li => li.querySelector('.cn-speaker__name').textContent.trim())
"""
UNHIDDEN_NAMES_JS = """
() => Array.from(document.querySelectorAll('li.cn-speaker'))
  .filter(li => !li.hidden)
  .map(li => li.querySelector('.cn-speaker__name').textContent.trim())
"""
VISIBLE_GROUPS_JS = """
() => Array.from(document.querySelectorAll('[data-cn-group]'))
  .filter(g => g.getClientRects().length > 0)
  .map(g => g.querySelector('h2').textContent.replace('¶', '').trim())
"""


@pytest.fixture(scope="module")
def speakers_page(new_probe: Callable[..., Probe]) -> Iterator[Probe]:
    """One speakers index for the filter tests; each test starts by clearing the box."""
    probe = new_probe()
    probe.goto("/speakers/")
    yield probe
    probe.page.close()


def _filter(page: Probe, text: str, *, type_it: bool = True) -> None:
    box = page.page.locator("input#cn-filter-input")
    box.fill("")
    if type_it:
        box.press_sequentially(text)
    else:  # as if pasted: one input event carrying the whole string
        box.fill(text)


def _shown(page: Probe) -> tuple[list[str], list[str]]:
    """(names the script un-hid, names actually rendered)."""
    return page.page.evaluate(UNHIDDEN_NAMES_JS), page.page.evaluate(VISIBLE_NAMES_JS)


@pytest.mark.parametrize(
    ("query", "typed"),
    [
        ("리카이푸", True),
        # A Mac keyboard may hand the page decomposed jamo; the filter normalises to NFC.
        (unicodedata.normalize("NFD", "리카이푸"), False),
    ],
    ids=["typed", "nfd-pasted"],
)
def test_filter_by_korean_name(speakers_page: Probe, query: str, typed: bool) -> None:
    page = speakers_page
    _filter(page, query, type_it=typed)
    unhidden, visible = _shown(page)
    assert unhidden == ["Kai-Fu Lee"], f"filter logic kept {unhidden}"
    assert visible == ["Kai-Fu Lee"], (
        f"only Kai-Fu Lee should be on screen, but these are rendered: {visible} "
        "(li[hidden] still displayed?)"
    )
    assert page.page.evaluate(VISIBLE_GROUPS_JS) == ["K"]
    assert not page.page.locator(".cn-filter-empty").is_visible()
    page.assert_clean()


def test_filter_by_affiliation(speakers_page: Probe, site_data: dict[str, Any]) -> None:
    page = speakers_page
    _filter(page, "AMD")
    expected = sorted(
        s["name"] for s in site_data["speakers"] if "amd" in (s["affiliation"] or "").lower()
    )
    assert "Steve Scott" in expected
    unhidden, visible = _shown(page)
    assert sorted(unhidden) == expected
    assert sorted(visible) == expected, (
        f"rendered after filtering for AMD: {visible} (li[hidden] still displayed?)"
    )
    assert page.page.locator("li.cn-speaker", has_text="Steve Scott").is_visible()
    page.assert_clean()


def test_filter_with_no_match_shows_the_empty_message(
    speakers_page: Probe, site_data: dict[str, Any]
) -> None:
    page = speakers_page
    empty = page.page.locator(".cn-filter-empty")
    _filter(page, "")
    assert not empty.is_visible()
    _filter(page, "zzqx없는사람")
    unhidden, visible = _shown(page)
    assert unhidden == [] and visible == [], f"still shown: {visible}"
    assert page.page.evaluate(VISIBLE_GROUPS_JS) == []
    assert empty.is_visible()
    assert empty.inner_text() == "찾는 이름이 없습니다."
    page.screenshot("desktop-speakers-filter-empty")
    # Clearing the box brings everyone back.
    _filter(page, "")
    unhidden, visible = _shown(page)
    assert len(visible) == len(site_data["speakers"])
    assert not empty.is_visible()
    page.assert_clean()
