"""A second process beside the build: reading the notes with this one (`shared`), cleaning the
pages' HTML while MkDocs converts the next ones (adapter/cleaning.py), writing the export, feeds
and calendars (outputs.py), and drawing social cards (cards.py).

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
A = TypeVar("A")
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


def shared(job: Callable[[list[A]], list[T]], items: list[A],
           submit: Callable[..., Future[list[T]] | None], parts: int) -> list[T]:
    """`job(items)`, the work shared with the second process (`submit`, None without one): it
    takes `parts` pieces of `items` from the front, this process from the back, until they meet.
    Each piece gives the same results wherever it runs, so the list returned is the same."""
    size = max(1, -(-len(items) // max(1, parts)))
    pieces = [items[start:start + size] for start in range(0, len(items), size)]
    futures = [submit(job, piece) for piece in pieces]
    results: dict[int, list[T]] = {}
    for number in range(len(pieces) - 1, -1, -1):
        future = futures[number]
        if future is not None and not future.cancel():
            break  # the second process has it: from here on, the rest are its
        results[number] = job(pieces[number])
    done: list[T] = []
    for number, piece in enumerate(pieces):
        if number not in results:
            future = futures[number]
            assert future is not None
            try:
                results[number] = future.result()
            except Exception:
                # done here instead, where an error of the job's own is raised again
                results[number] = job(piece)
        done.extend(results.pop(number))
    return done
