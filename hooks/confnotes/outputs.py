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

import contextlib
import hashlib
import os
import shutil
import tempfile
import time
from collections.abc import Callable
from concurrent.futures import Future
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Any, TypeVar

from . import calendars, export, feeds
from .index import Site
from .side_process import SideProcess

# Below this many notes the outputs are written in-process, after the pages: starting a second
# process and importing Confnotes there takes 0.5-0.8 s, about what writing 300 notes' outputs
# takes.
SIDE_PROCESS_NOTES = 300
# CONFNOTES_SIDE_PROCESS=0 or 1 overrides the rule above (tests build both ways).
SWITCH = "CONFNOTES_SIDE_PROCESS"
T = TypeVar("T")


def write(site_dir: Path, site: Site, avatars: dict[str, str],
          settings: feeds.Settings, kept: dict[str, Any] | None = None) -> list[Path]:
    """Write the export, feeds and calendars under `site_dir`; the files written.

    With `kept` (the same dict at each call, under `mkdocs serve`), what the last call made is
    reused where it would be made the same (each feed, each record of the export, each talk of
    a calendar), and a file whose bytes are those the last call left there is not written
    again: the files are the same bytes either way."""
    files = _Files(site_dir, kept.setdefault("files", {}) if kept is not None else None)
    records = kept.setdefault("export", {}) if kept is not None else None
    made = kept.setdefault("records", {}) if kept is not None else None
    for name, items in export.records(site, avatars, made).items():
        texts = records.setdefault(name, {}) if records is not None else None
        files.put(f"data/{name}.json", export.dumps(items, name, texts).encode("utf-8"))
    written = [site_dir / p for p in files.written]
    written += feeds.write(site_dir, site, settings,
                           kept.setdefault("feeds", {}) if kept is not None else None)
    files.written.clear()
    for path, ics in calendars.calendars(site, feeds.Links.of(settings.site_url),
                                         kept.setdefault("calendars", {}) if kept is not None
                                         else None):
        files.put(path, ics)
    files.forget_others()
    return written + [site_dir / p for p in files.written]


class _Files:
    """Writes files under a folder; with `last` (path -> digest and file status after the
    last writing, kept between calls), leaves a file alone that already holds those bytes."""

    def __init__(self, site_dir: Path, last: dict[str, tuple[bytes, tuple[int, int]]] | None
                 ) -> None:
        self.site_dir = site_dir
        self.last = last
        self.written: list[str] = []
        self.seen: set[str] = set()

    def put(self, path: str, data: bytes) -> None:
        target = self.site_dir / path
        self.written.append(path)
        self.seen.add(path)
        if self.last is None:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
            return
        digest = hashlib.blake2b(data, digest_size=20).digest()
        before = self.last.get(path)
        if before is not None and before[0] == digest and file_status(target) == before[1]:
            return
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        status = file_status(target)
        if status is None:
            self.last.pop(path, None)
        else:
            self.last[path] = (digest, status)

    def forget_others(self) -> None:
        if self.last is not None:
            for path in set(self.last) - self.seen:
                del self.last[path]


def _timed_write(site_dir: Path, site: Site, avatars: dict[str, str],
                 settings: feeds.Settings, kept: dict[str, Any] | None = None
                 ) -> tuple[float, list[str], dict[str, Any] | None]:
    start = time.perf_counter()
    written = write(site_dir, site, avatars, settings, kept)
    return (time.perf_counter() - start, [p.relative_to(site_dir).as_posix() for p in written],
            kept)


# In the second process: the model its last writing was given, which the jobs after it (the
# search index's analysis, adapter/indexing.py) read rather than be sent it again.
_GIVEN: dict[str, Site] = {}


def _side_write(site_dir: Path, site: Site, avatars: dict[str, str],
                settings: feeds.Settings, kept: dict[str, Any] | None = None
                ) -> tuple[float, list[str], dict[str, Any] | None]:
    _GIVEN["site"] = site
    return _timed_write(site_dir, site, avatars, settings, kept)


def given_site() -> Site:
    """In the second process, the model the writing before this job was given."""
    return _GIVEN["site"]


def _in_side_process(notes: int) -> bool:
    wanted = os.environ.get(SWITCH, "")
    if wanted in ("0", "1"):
        return wanted == "1"
    return notes >= SIDE_PROCESS_NOTES


class Outputs:
    """Starts the writing when the model is complete; `finish` puts every file in place."""

    def __init__(self) -> None:
        self._side: SideProcess | None = None
        self._job: Future[tuple[float, list[str], dict[str, Any] | None]] | None = None
        self._staging: Path | None = None
        self._args: tuple[Site, dict[str, str], feeds.Settings] | None = None
        self.side_seconds = 0.0  # the last build's writing in the second process
        self.kept: dict[str, Any] | None = None  # under `mkdocs serve --dirty`: see write
        # Under `mkdocs serve --dirty`: what the last in-process writing was given and wrote.
        self.last: Written | None = None

    def start(self, site_dir: Path, site: Site, avatars: dict[str, str],
              settings: feeds.Settings, in_process: bool = False) -> None:
        """Start writing; `in_process` keeps it for `finish` whatever the site's size (a
        rebuild under `mkdocs serve` is over before a second process has started)."""
        self._args = (site, avatars, settings)
        if not self.open(len(site.notes), in_process):
            return
        assert self._side is not None
        site_dir.mkdir(parents=True, exist_ok=True)
        # Inside site/ so that the move is a rename on the same file system.
        self._staging = Path(tempfile.mkdtemp(prefix=".confnotes-", dir=site_dir))

    def launch(self) -> None:
        """Give the writing to the second process, after the jobs that the pages wait for
        (those the writing would hold up): `finish` waits for it."""
        if (self._job is None and self._side is not None and self._staging is not None
                and self._args is not None):
            # Under `mkdocs serve` the second process hands back what it made, for the next
            # rebuild to reuse (the notes it was made from come back as copies, equal in value).
            with contextlib.suppress(BrokenProcessPool):  # then `finish` writes them here
                self._job = self._side.submit(_side_write, self._staging, *self._args,
                                              {} if self.kept is not None else None)

    def open(self, notes: int, in_process: bool = False) -> bool:
        """Start the second process now if a site of `notes` notes has its outputs written
        there (`start`), so that it can help before; whether it is (or was) started."""
        if self._side is None and not in_process and _in_side_process(notes):
            self._side = SideProcess()
        return self._side is not None

    @property
    def shared(self) -> bool:
        """Whether this build has a second process to give jobs to (`side_job`)."""
        return self._side is not None

    def side_job(self, job: Callable[..., T], *args: Any) -> Future[T] | None:
        """`job` in the second process that writes this build's outputs, after them; None
        when they are written in this one (or that process has died)."""
        if self._side is None:
            return None
        try:
            return self._side.submit(job, *args)
        except BrokenProcessPool:
            return None

    def finish(self, site_dir: Path) -> list[str]:
        """Wait for the side process (its error is raised here) or write in-process; the
        site-relative paths written."""
        if self._args is None:
            return []
        self.launch()
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
                                [file_status(site_dir / p) for p in written])
            return written
        try:
            self.side_seconds, written, made = self._job.result()
            _move_into(self._staging, site_dir)
            if self.kept is not None and made is not None:
                self.kept.clear()
                self.kept.update(made)
                # The export's records come back with copies of the notes and terms they were
                # made from: comparing those with the model's own, field by field, took five
                # times as long as making the records again (0.16 s against 0.03 s at 1,000
                # notes). The texts of the records, kept by their values, still serve.
                self.kept.pop("records", None)
                self.last = Written(site, (avatars, settings), list(written),
                                    [file_status(site_dir / p) for p in written])
            return written
        except BrokenProcessPool:
            # The process died (killed, out of memory): the files are written here instead.
            # An error raised by the writing itself is not caught: it would fail here too.
            self.last = None
            if self.kept is not None:
                self.kept.clear()
            return _timed_write(site_dir, site, avatars, settings, self.kept)[1]
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
        root = os.fspath(site_dir)   # joined as text: thousands of files, each looked at
        return all(stat is not None and file_status(os.path.join(root, path)) == stat
                   for path, stat in zip(self.files, self.stats, strict=True))


def file_status(path: Path | str) -> tuple[int, int] | None:
    """Size and modification time of a written file, to tell whether it is still as left;
    None when it is gone."""
    try:
        found = os.stat(path)
    except OSError:
        return None
    return found.st_size, found.st_mtime_ns


def _move_into(staging: Path, site_dir: Path) -> None:
    for folder, _dirs, names in os.walk(staging):
        target = site_dir / Path(folder).relative_to(staging)
        target.mkdir(parents=True, exist_ok=True)
        for name in names:
            os.replace(Path(folder) / name, target / name)
