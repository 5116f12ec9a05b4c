"""Small page queries shared by the browser tests."""

from __future__ import annotations

import contextlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

MULTI_TALK_NOTE = "notes/2024/sk-ai-summit/day1-afternoon-energy-and-semiconductors/"
SINGLE_TALK_NOTE = "notes/2024/sk-ai-summit/day1-kai-fu-lee-making-ai-work/"


def hrefs(scope: Any, selector: str) -> list[str]:
    """Absolute, percent-decoded hrefs of the links matching ``selector`` in a page or locator."""
    raw: list[str] = scope.locator(selector).evaluate_all("els => els.map(a => a.href)")
    return [unquote(h) for h in raw]


def texts(scope: Any, selector: str) -> list[str]:
    """Whitespace-collapsed text of the elements matching ``selector``."""
    raw: list[str] = scope.locator(selector).evaluate_all(
        "els => els.map(e => e.textContent.replace(/\\s+/g, ' ').trim())"
    )
    return raw


def note_by_url(site_data: dict[str, Any], url: str) -> dict[str, Any]:
    for note in site_data["notes"]:
        if note["url"] == url:
            return dict(note)
    raise AssertionError(f"notes.json has no note at {url}")


def by_id(items: list[dict[str, Any]], ident: str) -> dict[str, Any]:
    for item in items:
        if item["id"] == ident:
            return item
    raise AssertionError(f"no entry with id {ident!r}")


IN_VIEW_JS = """
(id) => {
  const el = document.getElementById(id);
  if (!el) return null;
  const r = el.getBoundingClientRect();
  const header = document.querySelector('.md-header');
  const headerBottom = header ? header.getBoundingClientRect().bottom : 0;
  return {top: r.top, bottom: r.bottom, headerBottom: headerBottom,
          innerHeight: window.innerHeight, scrollY: window.scrollY,
          tag: el.tagName, text: el.textContent.trim().slice(0, 80)};
}
"""


def wait_in_view(page: Any, anchor: str) -> dict[str, Any]:
    """Geometry of the element with id ``anchor`` once it sits below the sticky header.

    Gives the browser up to two seconds to finish scrolling, then returns whatever it has
    so the caller's assertion message shows where the element ended up.
    """
    # On timeout, the caller's assertion reports the geometry instead.
    with contextlib.suppress(Exception):
        page.wait_for_function(
            f"(id) => {{ const g = ({IN_VIEW_JS})(id);"
            " return g && g.top >= g.headerBottom - 2 && g.top < g.innerHeight; }",
            arg=anchor,
            timeout=2_000,
        )
    geometry: dict[str, Any] | None = page.evaluate(IN_VIEW_JS, anchor)
    assert geometry is not None, f"no element with id={anchor!r} on {page.url}"
    return geometry


def assert_in_view(geometry: dict[str, Any], anchor: str) -> None:
    g = geometry
    assert g["top"] < g["innerHeight"] and g["bottom"] > 0, f"#{anchor} is not in the viewport: {g}"
    assert g["top"] >= g["headerBottom"] - 2, f"#{anchor} is hidden under the sticky header: {g}"


@dataclass
class Probe:
    """A page plus everything it did that a test may want to complain about."""

    page: Any
    origin: str
    screenshot_dir: Path
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)
    bad_responses: list[str] = field(default_factory=list)

    def url(self, path: str) -> str:
        return self.origin + path

    def goto(self, path: str) -> None:
        response = self.page.goto(self.url(path), wait_until="load")
        assert response is not None, f"no response for {path}"
        assert response.ok, f"{path} answered HTTP {response.status}"

    def path(self) -> str:
        """The current URL's path, percent-decoded."""
        return unquote(urlsplit(self.page.url).path)

    def fragment(self) -> str:
        """The current URL's fragment, percent-decoded (anchors may be Hangul)."""
        return unquote(urlsplit(self.page.url).fragment)

    def h1(self) -> str:
        text: str = self.page.eval_on_selector(
            "article h1",
            "h => Array.from(h.childNodes)"
            "  .filter(n => !(n.nodeType === 1 && n.classList.contains('headerlink')))"
            "  .map(n => n.textContent).join('').trim()",
        )
        return text

    def foreign_requests(self) -> list[str]:
        local = self.origin + "/"
        return [u for u in self.requests if not u.startswith((local, "data:", "blob:"))]

    def assert_clean(self) -> None:
        problems = []
        if self.console_errors:
            problems.append("console errors:\n  " + "\n  ".join(self.console_errors))
        if self.page_errors:
            problems.append("uncaught page errors:\n  " + "\n  ".join(self.page_errors))
        if self.bad_responses:
            problems.append("failed responses:\n  " + "\n  ".join(self.bad_responses))
        foreign = self.foreign_requests()
        if foreign:
            problems.append("requests leaving the local server:\n  " + "\n  ".join(foreign))
        assert not problems, "\n".join(problems)

    def screenshot(self, name: str) -> Path:
        path = self.screenshot_dir / f"{name}.png"
        self.page.screenshot(path=str(path), full_page=True)
        return path
