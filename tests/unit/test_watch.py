"""Under `mkdocs serve --dirty` a change the system reports starts the rebuild at once, and the
polling MkDocs keeps for other file systems does not start a second one for it."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from confnotes.adapter import watch
from watchdog.events import FileModifiedEvent, FileSystemEvent, FileSystemEventHandler
from watchdog.observers.polling import PollingObserver


class _Server:
    """What `report_changes_at_once` reads of MkDocs' LiveReloadServer."""

    def __init__(self, folder: Path) -> None:
        self.observer = PollingObserver(timeout=0.2)
        self.seen: list[str] = []
        handler = FileSystemEventHandler()

        def callback(event: FileSystemEvent) -> None:
            if not event.is_directory:
                self.seen.append(str(event.src_path))
        handler.on_any_event = callback  # type: ignore[method-assign]
        self.observer.schedule(handler, str(folder), recursive=True)


def test_a_saved_file_is_reported_once_and_at_once(tmp_path: Path) -> None:
    note = tmp_path / "note.md"
    note.write_text("처음", encoding="utf-8")
    server: Any = _Server(tmp_path)
    watch.report_changes_at_once(server)
    server.observer.start()
    try:
        time.sleep(0.5)
        note.write_text("고친 글", encoding="utf-8")
        start = time.monotonic()
        while not server.seen and time.monotonic() - start < 5:
            time.sleep(0.01)
        assert server.seen and time.monotonic() - start < 0.15  # before a polling round
        time.sleep(0.05)
        reported = len(server.seen)   # as the system reported it: modified, closed
        time.sleep(1)  # the polling has found the change by now, and let it be
        assert len(server.seen) == reported and set(server.seen) == {str(note)}
        # A file the system did not report (as on a share that reports nothing) is polled.
        polled = watch._Reported()
        handled: list[FileSystemEvent] = []
        inner = FileSystemEventHandler()
        inner.dispatch = handled.append  # type: ignore[method-assign]
        watch._Polled(inner, polled).dispatch(FileModifiedEvent(str(tmp_path / "other.md")))
        assert len(handled) == 1
    finally:
        server.observer.stop()
        server.observer.join()


def test_polling_waits_while_a_build_runs(tmp_path: Path) -> None:
    """Beside the system's observer, MkDocs' polling takes no snapshot while a build runs (each
    would list every note, in turns with the build), and goes on once the build ends."""
    (tmp_path / "note.md").write_text("처음", encoding="utf-8")
    server: Any = _Server(tmp_path)
    rounds: list[float] = []
    for emitter in server.observer.emitters:
        take = emitter._take_snapshot

        def counted(take: Any = take) -> Any:
            rounds.append(time.monotonic())
            return take()
        emitter._take_snapshot = counted
    watch.report_changes_at_once(server)
    server.observer.start()
    try:
        time.sleep(0.5)
        assert rounds  # polling every 0.2 s
        watch.BUILDS.begin()
        time.sleep(0.3)  # a round under way when the build began ends by now
        during = len(rounds)
        time.sleep(1.0)
        assert len(rounds) == during
        watch.BUILDS.end()
        time.sleep(0.5)
        assert len(rounds) > during
    finally:
        watch.BUILDS.end()
        server.observer.stop()
        server.observer.join()
