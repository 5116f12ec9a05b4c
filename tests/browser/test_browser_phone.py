"""Phone width (390x844): nothing may scroll sideways; screenshots for a human look."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from .browser_helpers import MULTI_TALK_NOTE, Probe

pytestmark = pytest.mark.browser

# Elements (not inside a horizontal scroll wrapper) whose right edge passes the viewport.
OVERFLOW_JS = """
() => {
  const width = window.innerWidth;
  const out = [];
  for (const el of document.querySelectorAll('body *')) {
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.right <= width + 1) continue;
    if (el.closest('.md-typeset__scrollwrap, pre, .md-sidebar, .md-search, [hidden]')) continue;
    const cls = typeof el.className === 'string' ? el.className.trim() : '';
    const label = el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') +
      (cls ? '.' + cls.split(/\\s+/).join('.') : '');
    out.push(label + ' right=' + Math.round(r.right) + ' "' +
             (el.textContent || '').trim().replace(/\\s+/g, ' ').slice(0, 50) + '"');
  }
  return {scrollWidth: document.scrollingElement.scrollWidth, innerWidth: width,
          offenders: out.slice(0, 15)};
}
"""


@pytest.mark.parametrize(
    ("name", "path"),
    [
        ("home", "/"),
        ("note-multi", "/" + MULTI_TALK_NOTE),
        ("speakers", "/speakers/"),
    ],
)
def test_phone_has_no_horizontal_overflow(
    open_page: Callable[..., Probe], name: str, path: str
) -> None:
    page = open_page(phone=True)
    page.goto(path)
    assert page.page.evaluate("window.innerWidth") == 390
    page.screenshot(f"phone-{name}")
    report = page.page.evaluate(OVERFLOW_JS)
    assert report["scrollWidth"] <= report["innerWidth"] + 1, (
        f"{path} scrolls sideways at 390px: scrollWidth={report['scrollWidth']}, "
        f"wider elements: {report['offenders']}"
    )
    page.assert_clean()
