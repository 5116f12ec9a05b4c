"""Browser tests: build the sample site once, serve it on 127.0.0.1, drive Debian's Chromium.

Nothing here downloads a browser: Playwright launches /usr/bin/chromium (``make browser``
installs it). Every page a test opens is watched for console errors, uncaught exceptions,
failed responses and requests that would leave the local server.
"""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.search import searchbox

from .browser_helpers import Probe

REPO_ROOT = Path(__file__).resolve().parents[2]
SCREENSHOT_DIR = REPO_ROOT / "test-output" / "screenshots"
CHROMIUM = searchbox.CHROMIUM
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}
SERVER_START_TIMEOUT = 10.0


# --------------------------------------------------------------------------- the built site


@pytest.fixture(scope="session")
def site_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample site, built once per session with the same command a person would use."""
    out = tmp_path_factory.mktemp("site")
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONDONTWRITEBYTECODE="1")
    proc = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(out)],
        cwd=REPO_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    if proc.returncode != 0:
        pytest.fail(
            f"mkdocs build failed (exit {proc.returncode}):\n{proc.stdout}\n{proc.stderr}",
            pytrace=False,
        )
    if not (out / "index.html").is_file():
        pytest.fail(f"mkdocs build wrote no index.html into {out}", pytrace=False)
    return out


@pytest.fixture(scope="session")
def site_data(site_dir: Path) -> dict[str, Any]:
    """The JSON export the site publishes under /data/, keyed by file stem."""
    data: dict[str, Any] = {}
    for name in ("notes", "speakers", "topics", "events"):
        path = site_dir / "data" / f"{name}.json"
        if not path.is_file():
            pytest.fail(f"the build did not export data/{name}.json", pytrace=False)
        data[name] = json.loads(path.read_text(encoding="utf-8"))[name]
    return data


@pytest.fixture(scope="session")
def server(site_dir: Path) -> Iterator[str]:
    """Serve the built site on 127.0.0.1; yields the origin, e.g. ``http://127.0.0.1:41234``."""
    with searchbox.serve(site_dir, SERVER_START_TIMEOUT) as origin:
        yield origin


# --------------------------------------------------------------------------- the browser


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """One headless Chromium for the whole session (Debian's, never a downloaded one)."""
    if not CHROMIUM.is_file() or not os.access(CHROMIUM, os.X_OK):
        pytest.fail(
            f"Browser tests need Chromium at {CHROMIUM}. Install it with "
            "`sudo apt-get install chromium fonts-noto-cjk` (or run `make browser` as root). "
            "Do not use `playwright install`.",
            pytrace=False,
        )
    if importlib.util.find_spec("playwright") is None:  # pragma: no cover - environment
        pytest.fail(
            "Browser tests need the playwright package in the venv; "
            "install requirements-dev.txt.",
            pytrace=False,
        )
    with searchbox.chromium() as chromium:
        yield chromium


@pytest.fixture(scope="session")
def screenshot_dir() -> Path:
    SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)
    return SCREENSHOT_DIR


@pytest.fixture(scope="session")
def browser_contexts(browser: Any, server: str) -> Iterator[dict[str, Any]]:
    """One desktop and one phone context for the session, made on first use.

    Each test gets its own page; sharing the context keeps the suite fast. Requests that
    would leave 127.0.0.1 are refused at once (the pages record them, see ``open_page``).
    """
    contexts: dict[str, Any] = {}

    def route(route: Any) -> None:
        if route.request.url.startswith(server + "/"):
            route.continue_()
        else:
            route.abort()

    def get(kind: str) -> Any:
        if kind not in contexts:
            options: dict[str, Any] = {
                "locale": "ko-KR",
                "color_scheme": "light",
                "service_workers": "block",
            }
            if kind == "phone":
                options.update(
                    viewport=PHONE, device_scale_factor=2, is_mobile=True, has_touch=True
                )
            else:
                options.update(viewport=DESKTOP)
            context = browser.new_context(**options)
            context.route("**/*", route)
            contexts[kind] = context
        return contexts[kind]

    yield {"get": get}
    for context in contexts.values():
        context.close()


def _watched(context: Any, server: str, screenshot_dir: Path) -> Probe:
    """A new page in ``context`` whose errors and requests are recorded on the returned Probe."""
    page = context.new_page()
    page.set_default_timeout(10_000)
    probe = Probe(page=page, origin=server, screenshot_dir=screenshot_dir)
    # Page-level events also see the requests of the page's workers (the search index).
    page.on("request", lambda req: probe.requests.append(req.url))
    page.on(
        "console",
        lambda msg: (
            probe.console_errors.append(f"{msg.text} ({msg.location.get('url', '')})")
            if msg.type == "error"
            else None
        ),
    )
    page.on("pageerror", lambda exc: probe.page_errors.append(str(exc)))
    page.on(
        "response",
        lambda resp: (
            probe.bad_responses.append(f"{resp.status} {resp.url}") if resp.status >= 400 else None
        ),
    )
    return probe


@pytest.fixture(scope="session")
def new_probe(
    browser_contexts: dict[str, Any], server: str, screenshot_dir: Path
) -> Callable[..., Probe]:
    """Factory for a fresh watched page; the caller closes ``probe.page``."""

    def make(phone: bool = False) -> Probe:
        context = browser_contexts["get"]("phone" if phone else "desktop")
        return _watched(context, server, screenshot_dir)

    return make


@pytest.fixture
def open_page(new_probe: Callable[..., Probe]) -> Iterator[Callable[..., Probe]]:
    """Factory: ``open_page(phone=False)`` gives a fresh page, for tests that click or type."""
    probes: list[Probe] = []

    def make(phone: bool = False) -> Probe:
        probe = new_probe(phone)
        probes.append(probe)
        return probe

    yield make
    for probe in probes:
        probe.page.close()


@pytest.fixture
def page(open_page: Callable[..., Probe]) -> Probe:
    """A fresh watched desktop page (1280 wide)."""
    return open_page()


@pytest.fixture(scope="session")
def view(new_probe: Callable[..., Probe]) -> Iterator[Callable[[str], Probe]]:
    """``view(path)``: a desktop page already showing ``path``, shared by read-only tests.

    Loading each page once keeps the suite fast; tests that click, type or scroll use
    ``page``/``open_page`` instead.
    """
    cache: dict[str, Probe] = {}

    def get(path: str) -> Probe:
        if path not in cache:
            probe = new_probe()
            probe.goto(path)
            cache[path] = probe
        return cache[path]

    yield get
    for probe in cache.values():
        probe.page.close()
