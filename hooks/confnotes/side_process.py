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
from typing import Any, Generic, TypeVar

T = TypeVar("T")
A = TypeVar("A")
R = TypeVar("R")
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


class _Piece(Generic[R]):
    def __init__(self, keys: list[str], future: Future[list[R | None]]) -> None:
        self.keys = keys
        self.future = future
        self.results: dict[str, R] | None = None  # None: not asked yet


class Pieces(Generic[R]):
    """Work offered to the second process piece by piece, the pieces in the order it should
    take them (the back first), while this process goes through the same items from the front.
    `take` gives an item's result from there, or None where this process does the item itself:
    a piece not begun when this process comes to it is withdrawn, and while the second process
    is at work on a piece this process does that piece's items rather than wait."""

    def __init__(self) -> None:
        self._piece_of: dict[str, _Piece[R]] = {}
        self.offered = self.taken = 0  # items offered to the second process, done there

    def add(self, keys: list[str], future: Future[list[R | None]]) -> None:
        """A piece submitted: `future` gives a result (None: do it here) for each key."""
        piece = _Piece(keys, future)
        for key in keys:
            self._piece_of[key] = piece
        self.offered += len(keys)

    def future_of(self, key: str) -> Future[list[R | None]] | None:
        piece = self._piece_of.get(key)
        return piece.future if piece is not None else None

    def take(self, key: str) -> R | None:
        piece = self._piece_of.pop(key, None)
        if piece is None:
            return None
        if piece.results is None:
            if piece.future.cancel():
                piece.results = {}
            elif not piece.future.done():
                return None
            else:
                try:
                    done = piece.future.result()
                except Exception:
                    done = [None] * len(piece.keys)  # done here, where errors are raised
                piece.results = {k: r for k, r in zip(piece.keys, done, strict=True)
                                 if r is not None}
        result = piece.results.pop(key, None)
        self.taken += result is not None
        return result

    def finish(self) -> None:
        """Drop what is left (items this process did not ask for); the pieces not begun are
        withdrawn."""
        for piece in {id(p): p for p in self._piece_of.values()}.values():
            piece.future.cancel()
        self._piece_of = {}
