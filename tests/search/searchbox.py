"""Drive Material's search box in Chromium: build a site, serve it, type queries, read results.

Shared by tests/browser/test_search.py (recall on the sample notes and fixtures) and
bench/run.py (latency at 1,000 notes). Nothing is downloaded: Playwright launches Debian's
/usr/bin/chromium, and every request that would leave 127.0.0.1 is refused.
"""

from __future__ import annotations

import contextlib
import gzip
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import yaml

REPO = Path(__file__).resolve().parents[2]
FIXTURES = REPO / "tests" / "fixtures" / "search"
QUERIES = Path(__file__).resolve().parent / "queries.yml"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic",
                 "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]
TOP = 3
BUILD_ENV = {"NO_MKDOCS_2_WARNING": "1", "PYTHONDONTWRITEBYTECODE": "1", "NO_COLOR": "1"}
_SEARCH_BLOCK = re.compile(r"^plugins:\n(?:[ \t#].*\n|\n)*", re.MULTILINE)


# --------------------------------------------------------------------------- queries


@dataclass(frozen=True)
class Query:
    q: str
    kind: str
    expect: tuple[str, ...]


def load_queries(path: Path = QUERIES) -> list[Query]:
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    return [Query(str(item["q"]), str(item["kind"]), tuple(item["expect"])) for item in raw]


# --------------------------------------------------------------------------- building


def plain_config(config_text: str) -> str:
    """mkdocs.yml with the search block as Material ships it: `plugins: - search`."""
    replaced, n = _SEARCH_BLOCK.subn("plugins:\n  - search\n\n", config_text, count=1)
    if n != 1 or "separator" in replaced:
        raise ValueError("mkdocs.yml has no `plugins:` block this helper can replace")
    return replaced


def lay_out(dest: Path, *, plain: bool, fixtures: bool = True, docs: Path | None = None) -> Path:
    """Copy the project into `dest` (docs from `docs`, default the repo's) with the search
    fixtures added; `plain` uses Material's default search block. Returns `dest`."""
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    dest.mkdir(parents=True, exist_ok=True)
    config = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    (dest / "mkdocs.yml").write_text(plain_config(config) if plain else config,
                                     encoding="utf-8")
    for name in ("hooks", "templates"):
        shutil.copytree(REPO / name, dest / name, ignore=ignore, dirs_exist_ok=True)
    shutil.copytree(docs or REPO / "docs", dest / "docs", ignore=ignore, dirs_exist_ok=True)
    if fixtures:
        shutil.copytree(FIXTURES / "notes", dest / "docs" / "notes", dirs_exist_ok=True)
        for registry in ("speakers", "topics", "events"):
            extra = FIXTURES / f"{registry}.yml"
            target = dest / "docs" / f"{registry}.yml"
            if extra.is_file():
                target.write_text(target.read_text(encoding="utf-8") + "\n"
                                  + extra.read_text(encoding="utf-8"), encoding="utf-8")
    return dest


def build(project: Path, timeout: float = 1800) -> Path:
    """`mkdocs build` in `project`; returns the site folder. Raises with the log on failure."""
    site = project / "site"
    proc = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(site)],
                          cwd=project, env={**os.environ, **BUILD_ENV}, capture_output=True,
                          text=True, timeout=timeout, check=False)
    if proc.returncode != 0:
        raise RuntimeError(f"mkdocs build failed in {project}:\n{proc.stdout}\n{proc.stderr}")
    return site


def index_bytes(site: Path) -> tuple[int, int]:
    """Raw and gzip (level 6, as web servers send it) bytes of the search index."""
    raw = (site / "search" / "search_index.json").read_bytes()
    return len(raw), len(gzip.compress(raw, compresslevel=6))


# --------------------------------------------------------------------------- serving


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextlib.contextmanager
def serve(site: Path, start_timeout: float = 10.0) -> Iterator[str]:
    """Serve `site` on 127.0.0.1; yields the origin and stops the server it started."""
    port = _free_port()
    proc = subprocess.Popen([sys.executable, "-m", "http.server", "--bind", "127.0.0.1",
                             str(port)], cwd=site, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    origin = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + start_timeout
        while True:
            if proc.poll() is not None:
                raise RuntimeError(f"http.server exited early with code {proc.returncode}")
            with contextlib.suppress(urllib.error.URLError, ConnectionError, TimeoutError), \
                    urllib.request.urlopen(origin + "/", timeout=1) as resp:
                if resp.status == 200:
                    break
            if time.monotonic() > deadline:
                raise RuntimeError(f"http.server did not answer on {origin}")
            time.sleep(0.05)
        yield origin
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=5)


# --------------------------------------------------------------------------- the search box


@dataclass(frozen=True)
class Link:
    path: str         # site-relative page path, e.g. notes/2024/x/
    anchor: str       # percent-decoded fragment, "" for the page itself
    title: str
    folded: bool      # inside Material's collapsed "more results" list

    @property
    def location(self) -> str:
        return self.path + (f"#{self.anchor}" if self.anchor else "")


@dataclass(frozen=True)
class Answer:
    query: str
    items: tuple[tuple[Link, ...], ...]   # result items (one per page), each page's links
    ms: float                              # keyup to the result list changing
    count: str                             # Material's result count line


@dataclass
class Outcome:
    query: Query
    answer: Answer
    hit: bool
    rank: int | None = None
    shown: list[str] = field(default_factory=list)


_WATCH_JS = """
() => {
  const input = document.querySelector('.md-search__input');
  const result = document.querySelector('.md-search-result');
  window.__cn = {t0: 0, t1: 0, n: 0};
  input.addEventListener('keyup', () => { window.__cn.t0 = performance.now(); }, true);
  new MutationObserver(() => {
    if (window.__cn.t1 < window.__cn.t0) window.__cn.t1 = performance.now();
    window.__cn.n += 1;
  }).observe(result, {childList: true, subtree: true, characterData: true});
}
"""

_READ_JS = """
(top) => Array.from(document.querySelectorAll('.md-search-result__item')).slice(0, top).map(
  li => Array.from(li.querySelectorAll('a.md-search-result__link')).map(a => ({
    href: a.href,
    // The title as the page has it, without the kind label confnotes-kinds.js puts before it.
    title: (() => { const h = (a.querySelector('h1, h2') || a).cloneNode(true);
                    h.querySelectorAll('.cn-kind').forEach(k => k.remove());
                    return h.textContent.replace(/\\s+/g, ' ').trim(); })(),
    folded: !!a.closest('details'),
  })))
"""


class SearchBox:
    """Material's search box on one open page."""

    def __init__(self, page: Any, origin: str) -> None:
        self.page = page
        self.origin = origin
        self.last = ""

    def open(self, probe: str, timeout_ms: float = 120_000) -> float:
        """Load the home page and wait until `probe` gives results; returns the seconds from
        navigation to the first results (index download and indexing in the worker)."""
        started = time.perf_counter()
        self.page.goto(self.origin + "/", wait_until="load")
        self.page.evaluate(_WATCH_JS)
        self.page.fill(".md-search__input", probe)
        self.page.press(".md-search__input", "End")
        self.page.wait_for_function(
            "() => document.querySelectorAll('.md-search-result__item').length > 0",
            timeout=timeout_ms)
        self.last = probe
        return time.perf_counter() - started

    def search(self, query: str, top: int = TOP) -> Answer:
        """Type `query` (the last keystroke a real key, as Material reads the box on keyup) and
        read the first `top` result items once the list has changed."""
        if query == self.last:  # Material ignores a value it has already searched
            self._type("")
        seen = self.page.evaluate("() => window.__cn.n")
        self._type(query)
        self.page.wait_for_function(f"() => window.__cn.n > {seen}", timeout=30_000)
        # Material renders in one task; two frames later the list has settled.
        self.page.evaluate("() => new Promise(r => requestAnimationFrame("
                           "() => requestAnimationFrame(r)))")
        timing = self.page.evaluate("() => window.__cn")
        raw = self.page.evaluate(_READ_JS, top)
        count = self.page.inner_text(".md-search-result__meta")
        items = tuple(tuple(self._link(x) for x in links) for links in raw)
        return Answer(query, items, float(timing["t1"] - timing["t0"]), count)

    def _type(self, value: str) -> None:
        self.page.fill(".md-search__input", value)
        self.page.press(".md-search__input", "End")
        self.last = value

    def _link(self, raw: dict[str, Any]) -> Link:
        parts = urlsplit(raw["href"])
        path = unquote(parts.path)
        base = unquote(urlsplit(self.origin + "/").path)
        return Link(path.removeprefix(base), unquote(parts.fragment), str(raw["title"]),
                    bool(raw["folded"]))


def judge(query: Query, answer: Answer) -> Outcome:
    """Hit when one of `query.expect` is among the first TOP items: a page by its own link, a
    section by its link listed under its page's item."""
    shown = [" | ".join(link.location + ("(folded)" if link.folded else "") for link in item[:4])
             for item in answer.items]
    for rank, item in enumerate(answer.items[:TOP], start=1):
        locations = {link.location for link in item}
        pages = {item[0].path} if item else set()
        for expected in query.expect:
            page, _, anchor = expected.partition("#")
            if (anchor and expected in locations) or (not anchor and page in pages):
                return Outcome(query, answer, True, rank, shown)
    return Outcome(query, answer, False, None, shown)


@contextlib.contextmanager
def chromium() -> Iterator[Any]:
    """Debian's headless Chromium under Playwright (never a downloaded browser)."""
    if not CHROMIUM.is_file():
        raise RuntimeError(f"needs Chromium at {CHROMIUM} (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


def local_page(browser: Any, origin: str) -> Any:
    """A desktop page that may fetch from `origin` only."""
    context = browser.new_context(locale="ko-KR", viewport={"width": 1280, "height": 900},
                                  service_workers="block")

    def route(route: Any) -> None:
        if route.request.url.startswith(origin + "/"):
            route.continue_()
        else:
            route.abort()

    context.route("**/*", route)
    page = context.new_page()
    page.set_default_timeout(30_000)
    return page


def run_queries(box: SearchBox, queries: Sequence[Query]) -> list[Outcome]:
    return [judge(q, box.search(q.q)) for q in queries]


def summary(outcomes: Sequence[Outcome]) -> dict[str, Any]:
    hits = sum(o.hit for o in outcomes)
    times = sorted(o.answer.ms for o in outcomes)
    return {
        "queries": len(outcomes),
        "hits": hits,
        "recall_at_3": hits / len(outcomes) if outcomes else 0.0,
        "latency_ms": {"median": statistics.median(times) if times else 0.0,
                       "p95": times[int(0.95 * (len(times) - 1))] if times else 0.0,
                       "max": times[-1] if times else 0.0},
        "failures": [{"q": o.query.q, "kind": o.query.kind, "expect": list(o.query.expect),
                      "top": o.shown} for o in outcomes if not o.hit],
    }
