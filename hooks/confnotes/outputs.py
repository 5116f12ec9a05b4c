"""The files made from the model alone: the data export (`data/*.json`), the feeds and the
event calendars.

They depend on nothing MkDocs renders, so on a large site they are written by a second
process while MkDocs converts and renders the pages on the first core: into a folder of their
own inside `site/`, moved into place once the pages are written. The move, not the timing,
decides which file wins, so the site is the same bytes either way: Confnotes' files replace a
file of the same name from docs/, as they always have. A small site writes them in-process, as
starting a process would cost more than it saves.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import time
from concurrent.futures import Future
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Any

from . import calendars, export, feeds
from .index import Site
from .side_process import SideProcess

# Below this many notes the outputs are written in-process, after the pages: starting a second
# process and importing Confnotes there takes 0.5-0.8 s, about what writing 300 notes' outputs
# takes.
SIDE_PROCESS_NOTES = 300
# CONFNOTES_SIDE_PROCESS=0 or 1 overrides the rule above (tests build both ways).
SWITCH = "CONFNOTES_SIDE_PROCESS"


def write(site_dir: Path, site: Site, avatars: dict[str, str],
          settings: feeds.Settings, kept: dict[Any, Any] | None = None) -> list[Path]:
    """Write the export, feeds and calendars under `site_dir`; the files written. `kept` is
    what the last call left (see feeds.write)."""
    out = site_dir / "data"
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name, items in export.records(site, avatars).items():
        (out / f"{name}.json").write_text(export.dumps(items, name), encoding="utf-8")
        written.append(out / f"{name}.json")
    written += feeds.write(site_dir, site, settings, kept)
    return written + calendars.write(site_dir, site, feeds.Links.of(settings.site_url))


def _timed_write(site_dir: Path, site: Site, avatars: dict[str, str],
                 settings: feeds.Settings,
                 kept: dict[Any, Any] | None = None) -> tuple[float, list[str]]:
    start = time.perf_counter()
    written = write(site_dir, site, avatars, settings, kept)
    return time.perf_counter() - start, [p.relative_to(site_dir).as_posix() for p in written]


def _in_side_process(notes: int) -> bool:
    wanted = os.environ.get(SWITCH, "")
    if wanted in ("0", "1"):
        return wanted == "1"
    return notes >= SIDE_PROCESS_NOTES


class Outputs:
    """Starts the writing when the model is complete; `finish` puts every file in place."""

    def __init__(self) -> None:
        self._side: SideProcess | None = None
        self._job: Future[tuple[float, list[str]]] | None = None
        self._staging: Path | None = None
        self._args: tuple[Site, dict[str, str], feeds.Settings] | None = None
        self.side_seconds = 0.0  # the last build's writing in the second process
        self.kept: dict[Any, Any] | None = None  # under `mkdocs serve --dirty`: see feeds.write
        # Under `mkdocs serve --dirty`: what the last in-process writing was given and wrote.
        self.last: Written | None = None

    def start(self, site_dir: Path, site: Site, avatars: dict[str, str],
              settings: feeds.Settings, in_process: bool = False) -> None:
        """Start writing; `in_process` keeps it for `finish` whatever the site's size (a
        rebuild under `mkdocs serve` is over before a second process has started)."""
        self._args = (site, avatars, settings)
        if in_process or not _in_side_process(len(site.notes)):
            return
        site_dir.mkdir(parents=True, exist_ok=True)
        # Inside site/ so that the move is a rename on the same file system.
        self._staging = Path(tempfile.mkdtemp(prefix=".confnotes-", dir=site_dir))
        self._side = SideProcess()
        self._job = self._side.submit(_timed_write, self._staging, site, avatars, settings)

    def finish(self, site_dir: Path) -> list[str]:
        """Wait for the side process (its error is raised here) or write in-process; the
        site-relative paths written."""
        if self._args is None:
            return []
        site, avatars, settings = self._args
        self._args = None
        self.side_seconds = 0.0
        if self._job is None or self._staging is None or self._side is None:
            if self.kept is None:
                return _timed_write(site_dir, site, avatars, settings)[1]
            last = self.last
            if (last is not None and last.site is site and last.given == (avatars, settings)
                    and last.intact(site_dir)):
                return list(last.files)
            self.last = None
            written = _timed_write(site_dir, site, avatars, settings, self.kept)[1]
            self.last = Written(site, (avatars, settings), list(written),
                                [_stat(site_dir / p) for p in written])
            return written
        try:
            self.side_seconds, written = self._job.result()
            _move_into(self._staging, site_dir)
            if self.kept is not None:
                self.last = Written(site, (avatars, settings), list(written),
                                    [_stat(site_dir / p) for p in written])
            return written
        except BrokenProcessPool:
            # The process died (killed, out of memory): the files are written here instead.
            # An error raised by the writing itself is not caught: it would fail here too.
            return _timed_write(site_dir, site, avatars, settings)[1]
        finally:
            self.cancel()

    def cancel(self) -> None:
        """Stop the side process (one a failed build left running, too) and remove the
        staging folder."""
        if self._side is not None:
            self._side.cancel()
        if self._staging is not None:
            shutil.rmtree(self._staging, ignore_errors=True)
        self._job = self._side = self._staging = None
        self._args = None


class Written:
    """The files one writing left under the site folder, and what it was given: the same model
    object and settings write the same bytes, so while the files are as they were left the
    next build leaves them there."""

    def __init__(self, site: Site, given: tuple[Any, ...], files: list[str],
                 stats: list[tuple[int, int] | None]) -> None:
        self.site = site
        self.given = given
        self.files = files
        self.stats = stats

    def intact(self, site_dir: Path) -> bool:
        return all(_stat(site_dir / path) == stat and stat is not None
                   for path, stat in zip(self.files, self.stats, strict=True))


def _stat(path: Path) -> tuple[int, int] | None:
    try:
        found = path.stat()
    except OSError:
        return None
    return found.st_size, found.st_mtime_ns


def _move_into(staging: Path, site_dir: Path) -> None:
    for folder, _dirs, names in os.walk(staging):
        target = site_dir / Path(folder).relative_to(staging)
        target.mkdir(parents=True, exist_ok=True)
        for name in names:
            os.replace(Path(folder) / name, target / name)
