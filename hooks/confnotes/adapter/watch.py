"""`mkdocs serve --dirty`: a saved file is noticed as soon as the operating system says so.

MkDocs looks at the watched folders every half second (polling works on every file system),
so a saved note waits a quarter of a second on average, and up to half a second, before its
rebuild starts. Beside that polling, Confnotes asks the operating system to report changes
(inotify on Linux, FSEvents on macOS, ReadDirectoryChangesW on Windows, as watchdog offers
them) and hands each one to MkDocs at once. The polling goes on, for the file systems that
report nothing (a network share, a folder shared into a virtual machine); a change the system
has already reported is not handed over a second time when the polling finds it.

While a build runs, and the system's observer reports changes, the polling waits for the build
to end: each round lists every watched file, and on a site of 5,000 notes the rounds a rebuild
met (two or three of them) made it about 0.3 s slower, as they took turns with it for the
interpreter. A change on a file system that reports nothing is then found by the first round
after the build, which starts the next one, as it would have anyway.

Nothing here changes what is built: only when a rebuild starts. When the system's observer
cannot be started (too many folders to watch, no such service) MkDocs' polling is left alone.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from typing import Any

from watchdog.events import (
    DirCreatedEvent,
    DirDeletedEvent,
    DirMovedEvent,
    FileClosedEvent,
    FileCreatedEvent,
    FileDeletedEvent,
    FileModifiedEvent,
    FileMovedEvent,
    FileSystemEvent,
    FileSystemEventHandler,
)
from watchdog.observers import Observer
from watchdog.observers.polling import PollingObserver

log = logging.getLogger("mkdocs.plugins.confnotes")

# What changes a file: not a file opened, read or closed unwritten (the build reads every
# note; those would start it again and again).
CHANGES: list[type[FileSystemEvent]] = [
    FileCreatedEvent, FileDeletedEvent, FileModifiedEvent, FileMovedEvent, FileClosedEvent,
    DirCreatedEvent, DirDeletedEvent, DirMovedEvent]
# How long a change the system reported stays reported: the polling finds it within half a
# second of the system, or a few seconds when a rebuild keeps the interpreter busy.
REPORTED_SECONDS = 10.0
# The longest a polling round waits for a build to end: a build that runs longer (or one that
# never said it ended) has the polling go on beside it, as without Confnotes.
LONGEST_PAUSE_SECONDS = 60.0


class _Builds:
    """Whether a build is running (from Confnotes' `on_config` to its `on_post_build` or
    `on_build_error`)."""

    def __init__(self) -> None:
        self._quiet = threading.Event()
        self._quiet.set()

    def begin(self) -> None:
        self._quiet.clear()

    def end(self) -> None:
        self._quiet.set()

    def wait(self) -> None:
        """Until no build runs, for at most LONGEST_PAUSE_SECONDS."""
        self._quiet.wait(LONGEST_PAUSE_SECONDS)


BUILDS = _Builds()


def _after_builds(take_snapshot: Callable[[], Any]) -> Callable[[], Any]:
    def after_builds() -> Any:
        BUILDS.wait()
        return take_snapshot()
    return after_builds


class _Reported:
    """The paths the system's observer reported lately, shared with the polling."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._when: dict[str, float] = {}

    def add(self, event: FileSystemEvent) -> None:
        now = time.monotonic()
        with self._lock:
            for path in _paths(event):
                self._when[path] = now
            if len(self._when) > 10_000:
                self._when = {p: t for p, t in self._when.items()
                              if now - t < REPORTED_SECONDS}

    def all_reported(self, event: FileSystemEvent) -> bool:
        now = time.monotonic()
        with self._lock:
            return all(now - self._when.get(path, -REPORTED_SECONDS) < REPORTED_SECONDS
                       for path in _paths(event))


def _paths(event: FileSystemEvent) -> list[str]:
    paths = [event.src_path, getattr(event, "dest_path", "")]
    return [p if isinstance(p, str) else p.decode() for p in paths if p]


class _Native(FileSystemEventHandler):
    """Hands the system's report to MkDocs' own handler, noting it for the polling."""

    def __init__(self, handler: FileSystemEventHandler, reported: _Reported) -> None:
        self.handler = handler
        self.reported = reported

    def dispatch(self, event: FileSystemEvent) -> None:
        self.reported.add(event)
        self.handler.dispatch(event)


class _Polled(FileSystemEventHandler):
    """MkDocs' own handler under its polling, skipping what the system already reported."""

    def __init__(self, handler: FileSystemEventHandler, reported: _Reported) -> None:
        self.handler = handler
        self.reported = reported

    def dispatch(self, event: FileSystemEvent) -> None:
        if not self.reported.all_reported(event):
            self.handler.dispatch(event)


def report_changes_at_once(server: Any) -> None:
    """Watch what MkDocs' `server` polls with the system's observer too (before
    `server.serve()` starts its observer: MkDocs' `on_serve` event)."""
    polling = getattr(server, "observer", None)
    handlers = getattr(polling, "_handlers", None)
    if not isinstance(polling, PollingObserver) or not isinstance(handlers, dict) or (
            Observer is PollingObserver):
        return
    reported = _Reported()
    native = Observer()
    polled: list[tuple[Any, FileSystemEventHandler, _Polled]] = []
    try:
        for watch, own in list(handlers.items()):
            for handler in list(own):
                native.schedule(_Native(handler, reported), watch.path,
                                recursive=watch.is_recursive, event_filter=CHANGES)
                polled.append((watch, handler, _Polled(handler, reported)))
        native.start()
    except Exception as error:  # no such service, or too many folders: polling alone
        native.stop()
        log.debug(f"changes are found by polling alone ({type(error).__name__}: {error})")
        return
    for watch, handler, wrapper in polled:
        polling.remove_handler_for_watch(handler, watch)
        polling.add_handler_for_watch(wrapper, watch)
    # Each emitter takes its snapshot through this attribute (watchdog's PollingEmitter); where
    # it has none, its rounds go on during builds.
    for emitter in list(getattr(polling, "emitters", ())):
        take_snapshot = getattr(emitter, "_take_snapshot", None)
        if callable(take_snapshot):
            emitter._take_snapshot = _after_builds(take_snapshot)
    # Stopped with MkDocs' own observer.
    stop = polling.stop

    def stop_both() -> None:
        native.stop()
        stop()
    polling.stop = stop_both  # type: ignore[method-assign]
