"""side_process.shared: the notes read with a second process are the same notes, in the same
order, with the same problems, however the work falls between the two processes, and when the
second process cannot do its share."""

from __future__ import annotations

import functools
import threading
import time
from concurrent.futures import Future
from typing import Any

from confnotes import collect, markup, side_process
from confnotes.adapter import cleaning
from confnotes.side_process import SideProcess

NOTES = [(f"notes/2024/conf/{n:02}.md",
          (f"---\ntitle: 발표 {n}\nspeakers: [홍길동{n}]\ndate: 2024.11.{n % 28 + 1:02}\n"
           f"{'tags: [a, b' if n % 7 == 0 else 'tags: AI, 반도체'}\n---\n\n"
           f"## 세션 {n}\n\n발표자: 김민수{n} (카카오)\n\n본문 {n}.\n").encode())
         for n in range(23)]


def reading(read: list[Any]) -> list[Any]:
    """What the build keeps of each note read: the note, its problems, its unknown keys."""
    return [(raw, list(problems), {k: list(v) for k, v in keys.items()})
            for raw, problems, keys in read]


def no_process(_job: Any, *_args: Any) -> None:
    return None


def test_reading_alone_is_the_reference() -> None:
    read = collect.read_notes(NOTES)
    assert len(read) == len(NOTES)
    assert any(problems for _raw, problems, _keys in read)  # the broken tags are reported
    assert side_process.shared(collect.read_notes, NOTES, no_process, 5) == read


def test_the_second_process_reads_its_share_the_same() -> None:
    alone = reading(collect.read_notes(NOTES))
    side = SideProcess()
    given: list[Future[Any]] = []

    def submit(job: Any, *args: Any) -> Future[Any]:
        future = side.submit(job, *args)
        given.append(future)
        while len(given) == 2 and not (future.running() or future.done()):
            time.sleep(0.01)  # the first piece is the second process's before this one starts
        return future
    try:
        submit(collect.ready).result()  # started and ready, so it takes pieces
        shared = side_process.shared(functools.partial(collect.read_notes), NOTES, submit, 6)
    finally:
        side.wait()
    assert reading(shared) == alone
    # The second process read the first piece at least; this process read the last.
    assert given[1].done() and not given[1].cancelled()
    assert given[-1].cancelled()


def test_a_piece_the_second_process_fails_is_read_here() -> None:
    failed: list[int] = []

    def submit(job: Any, piece: list[Any]) -> Future[Any]:
        future: Future[Any] = Future()
        future.set_running_or_notify_cancel()  # taken: this process cannot cancel it
        future.set_exception(RuntimeError("gone"))
        failed.append(len(piece))
        return future
    assert side_process.shared(collect.read_notes, NOTES, submit, 4) == collect.read_notes(NOTES)
    assert sum(failed) == len(NOTES)


def test_pieces_of_every_size_keep_the_order() -> None:
    items = list(range(17))

    def double(piece: list[int]) -> list[int]:
        return [2 * n for n in piece]
    for parts in (0, 1, 2, 5, 17, 40):
        assert side_process.shared(double, items, no_process, parts) == [2 * n for n in items]
    assert side_process.shared(double, [], no_process, 3) == []


def test_cleaning_in_a_second_process_is_the_same() -> None:
    pages = ['<p onclick="x()">a</p><script>alert(1)</script>', "<p>plain</p>",
             '<a href="javascript:alert(1)">x</a>', "<iframe src=\"https://www.youtube.com/"
             "embed/abc\"></iframe>"]
    side = SideProcess()
    try:
        assert side.submit(markup.sanitise_all, pages).result() == markup.sanitise_all(pages)
    finally:
        side.wait()
    assert [bool(removed) for _html, removed in markup.sanitise_all(pages)] == [
        True, False, True, False]


def test_cleaning_batches_not_begun_there_are_cleaned_here() -> None:
    # Three batches given to a second process that has begun only the first: the other two
    # are withdrawn and cleaned here, and every page gets its cleaned HTML, in order.
    class Page:
        def __init__(self, content: str) -> None:
            self.content = content
    htmls = [f'<p onclick="x()">{n}</p>' for n in range(3 * cleaning.BATCH)]
    pages = [Page(h) for h in htmls]
    futures: list[Future[Any]] = []

    def submit(job: Any, batch: list[str]) -> Future[Any]:
        future: Future[Any] = Future()
        if not futures:
            future.set_running_or_notify_cancel()  # begun there
            future.set_result(job(batch))
        futures.append(future)
        return future
    work = cleaning.Cleaning()
    for page in pages:
        work.add(page, page.content, None, submit)  # type: ignore[arg-type]
    # A build that waited for them would wait until this gives them up.
    gives_up = threading.Timer(5, lambda: [f.set_exception(RuntimeError("gave up"))
                                           for f in futures[1:] if not f.cancelled()])
    gives_up.start()
    done = list(work.finish(submit))
    gives_up.cancel()
    assert [cleaned for _page, cleaned, _removed, _source in done] == [
        html for html, _removed in markup.sanitise_all(htmls)]
    assert [page for page, *_rest in done] == pages
    assert len(futures) == 3 and not futures[0].cancelled()
    assert futures[1].cancelled() and futures[2].cancelled()
