"""A second process beside the build, for work that needs only the model: the export, feeds and
calendars (outputs.py), and drawing social cards (cards.py).

Another process, not a thread: MkDocs renders pages on one core, and work under the same
interpreter lock would slow the pages down by as much as it does. Spawned, not forked: `mkdocs
serve` runs threads. MkDocs puts hooks/ on sys.path only while it imports hooks/main.py, so the
new process is given it again (site.addsitedir) before any job.
"""

from __future__ import annotations

import multiprocessing
import site
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")
HOOKS = str(Path(__file__).resolve().parents[1])


class SideProcess:
    """One worker process, started with the first job."""

    def __init__(self) -> None:
        self._pool: ProcessPoolExecutor | None = None

    def submit(self, job: Callable[..., T], *args: Any) -> Future[T]:
        if self._pool is None:
            self._pool = ProcessPoolExecutor(
                1, mp_context=multiprocessing.get_context("spawn"),
                initializer=site.addsitedir, initargs=(HOOKS,))
        return self._pool.submit(job, *args)

    def wait(self) -> None:
        """Wait for every job; the process ends."""
        if self._pool is not None:
            self._pool.shutdown(wait=True)
            self._pool = None

    def cancel(self) -> None:
        """Drop the jobs not started, wait for the one running; the process ends."""
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None
