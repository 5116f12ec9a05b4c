"""Every page type as a reader sees it: light and dark, desktop (1366x900) and phone (390x844).

For each of the 52 combinations: axe-core (node_modules/axe-core, pinned in package.json) finds
no serious or critical violation beyond the ones listed below with their reason, the page does
not scroll sideways, and a full-page screenshot goes to test-output/screenshots/reader/ for a
person to look at.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest

from tests.search import searchbox

from .browser_helpers import MULTI_TALK_NOTE, SINGLE_TALK_NOTE
from .test_browser_phone import OVERFLOW_JS

pytestmark = pytest.mark.browser

AXE = searchbox.REPO / "node_modules" / "axe-core" / "axe.min.js"
SCREENSHOTS = searchbox.REPO / "test-output" / "screenshots" / "reader"
REPORT = searchbox.REPO / "test-output" / "axe-report.json"
SIZES = {"desktop": {"width": 1366, "height": 900}, "phone": {"width": 390, "height": 844}}
SCHEMES = ("light", "dark")
SEARCH = "search"
PAGES = {
    "home": "/",
    "notes": "/notes/",
    "note-one-talk": "/" + SINGLE_TALK_NOTE,
    "note-several-talks": "/" + MULTI_TALK_NOTE,
    "speakers": "/speakers/",
    "speaker": "/speakers/kai-fu-lee/",
    "topics": "/topics/",
    "topic": "/topics/hbm/",
    "events": "/events/",
    "event": "/events/sk-ai-summit-2024/",
    "series": "/series/ai-infra-study/",
    "404": "/404.html",
    SEARCH: "/",
}
# Violations that come from Material's own markup and that Confnotes cannot change from its
# overrides, by axe rule id, with the reason. Empty: every finding so far had a fix.
ALLOWED: dict[str, str] = {}
SERIOUS = ("serious", "critical")
# Links whose text wraps between two Hangul syllables of one word (개/요, 이강/욱).
SPLIT_WORDS_JS = """
() => {
  const hangul = /[\uac00-\ud7a3]/;
  const found = [];
  for (const a of Array.from(document.querySelectorAll('.md-content a, .md-search-result a'))
                      .slice(0, 400)) {
    const walker = document.createTreeWalker(a, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent;
      let previous = null;
      for (let i = 0; i < text.length; i++) {
        const range = document.createRange();
        range.setStart(node, i); range.setEnd(node, i + 1);
        const rect = range.getBoundingClientRect();
        if (rect.width === 0) { previous = null; continue; }
        if (previous && hangul.test(text[i]) && hangul.test(text[i - 1]) &&
            rect.top > previous.top + previous.height / 2) {
          found.push(a.textContent.trim().slice(0, 40) + ' @ ' + text.slice(Math.max(0, i - 3), i) +
                     '/' + text.slice(i, i + 3));
        }
        previous = rect;
      }
    }
  }
  return found;
}
"""


@pytest.fixture(scope="module")
def contexts(browser: Any, server: str) -> Iterator[dict[tuple[str, str], Any]]:
    made: dict[tuple[str, str], Any] = {}

    def route(route: Any) -> None:
        if route.request.url.startswith(server + "/"):
            route.continue_()
        else:
            route.abort()

    for size, viewport in SIZES.items():
        for scheme in SCHEMES:
            options: dict[str, Any] = {"locale": "ko-KR", "color_scheme": scheme,
                                       "viewport": viewport, "service_workers": "block"}
            if size == "phone":
                options.update(device_scale_factor=2, is_mobile=True, has_touch=True)
            context = browser.new_context(**options)
            context.route("**/*", route)
            made[size, scheme] = context
    yield made
    for context in made.values():
        context.close()


@pytest.fixture(scope="module")
def axe_script() -> str:
    if not AXE.is_file():
        pytest.fail(f"axe-core is missing at {AXE}: run `make checkers` (npm ci).",
                    pytrace=False)
    return AXE.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def findings() -> Iterator[dict[str, Any]]:
    found: dict[str, Any] = {}
    yield found
    REPORT.parent.mkdir(parents=True, exist_ok=True)
    REPORT.write_text(json.dumps(found, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def _open_search(page: Any, phone: bool) -> None:
    """Type a query whose results hold a speaker, a note and a topic."""
    if phone:  # the magnifier in the header opens the box
        page.click("label.md-header__button[for='__search']")
    else:
        page.click(".md-search__input")
    page.fill(".md-search__input", "HBM")
    page.press(".md-search__input", "End")
    page.wait_for_function(
        "() => document.querySelectorAll('.md-search-result__item').length > 2", timeout=60_000)
    # On a phone the box slides in: the picture is taken once it sits inside the screen.
    page.wait_for_function(
        "() => { const r = document.querySelector('.md-search__inner').getBoundingClientRect();"
        " return r.left >= 0 && r.right <= window.innerWidth + 1; }", timeout=5_000)
    page.wait_for_timeout(300)


def _axe(page: Any, script: str) -> list[dict[str, Any]]:
    page.evaluate(script)
    result: dict[str, Any] = page.evaluate(
        "() => axe.run(document, {resultTypes: ['violations']})")
    return [v for v in result["violations"] if v["impact"] in SERIOUS]


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("size", list(SIZES))
@pytest.mark.parametrize("name", list(PAGES))
def test_page_reads_well(contexts: dict[tuple[str, str], Any], server: str, axe_script: str,
                         findings: dict[str, Any], name: str, size: str, scheme: str) -> None:
    page = contexts[size, scheme].new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    try:
        response = page.goto(server + PAGES[name], wait_until="load")
        assert response is not None and response.ok, f"{PAGES[name]}: {response}"
        if name == SEARCH:
            _open_search(page, size == "phone")
        shown = page.evaluate("() => document.body.getAttribute('data-md-color-scheme')")
        assert shown == ("slate" if scheme == "dark" else "default"), shown
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SCREENSHOTS / f"{name}-{size}-{scheme}.png"),
                        full_page=name != SEARCH)
        violations = _axe(page, axe_script)
        findings[f"{name} {size} {scheme}"] = [
            {"id": v["id"], "impact": v["impact"], "nodes": len(v["nodes"]),
             "first": v["nodes"][0]["target"], "why": v["nodes"][0]["failureSummary"]}
            for v in violations]
        left = [v for v in violations if v["id"] not in ALLOWED]
        assert not left, "\n".join(
            f"{v['id']} ({v['impact']}, {len(v['nodes'])} nodes): "
            f"{[n['target'] for n in v['nodes'][:3]]}\n  {v['nodes'][0]['failureSummary']}"
            for v in left)
        overflow = page.evaluate(OVERFLOW_JS)
        assert overflow["scrollWidth"] <= overflow["innerWidth"] + 1, overflow
        assert not page.evaluate(SPLIT_WORDS_JS), "links broken inside a Korean word"
        assert not errors, errors
    finally:
        page.close()


def test_the_checks_would_fail_on_unreadable_text(contexts: dict[tuple[str, str], Any],
                                                  server: str, axe_script: str) -> None:
    """axe runs and reports: muted text as dark as the page's background is a violation."""
    page = contexts["desktop", "dark"].new_page()
    try:
        page.goto(server + "/speakers/kai-fu-lee/", wait_until="load")
        page.add_style_tag(content="[data-md-color-scheme=slate] { --cn-muted: #0e0f13; }")
        assert "color-contrast" in {v["id"] for v in _axe(page, axe_script)}
    finally:
        page.close()


def test_a_long_note_starts_on_the_first_phone_screen(contexts: dict[tuple[str, str], Any],
                                                       server: str) -> None:
    """The header of a note of several talks folds its list of talks on a phone."""
    page = contexts["phone", "light"].new_page()
    try:
        page.goto(server + "/" + MULTI_TALK_NOTE, wait_until="load")
        assert page.evaluate("() => document.querySelector('details[data-cn-fold]').open") \
            is False
        top = page.evaluate("() => document.querySelector('.cn-note-header')"
                            ".nextElementSibling.getBoundingClientRect().top")
        assert top < SIZES["phone"]["height"] * 0.9, top
    finally:
        page.close()
    wide = contexts["desktop", "light"].new_page()
    try:
        wide.goto(server + "/" + MULTI_TALK_NOTE, wait_until="load")
        assert wide.evaluate("() => document.querySelector('details[data-cn-fold]').open")
    finally:
        wide.close()


def test_the_word_check_finds_a_split_word(contexts: dict[tuple[str, str], Any],
                                           server: str) -> None:
    """With Material's `break-word` back, a narrow link splits inside a word and is caught."""
    page = contexts["phone", "light"].new_page()
    try:
        page.goto(server + "/notes/", wait_until="load")
        page.add_style_tag(content=".md-typeset a.cn-note__title { word-break: break-all "
                                   "!important; display: inline-block; width: 2.5em; }")
        assert page.evaluate(SPLIT_WORDS_JS)
    finally:
        page.close()


def test_screenshots_cover_every_page_type() -> None:
    """Runs after the page tests (file order): each combination left its picture."""
    missing = [f"{n}-{s}-{c}" for n in PAGES for s in SIZES for c in SCHEMES
               if not (SCREENSHOTS / f"{n}-{s}-{c}.png").is_file()]
    assert not missing, missing
