"""The HTML of every page a note or the site's own Markdown makes, cleaned of what could run in
a reader's browser (markup.py), and what was removed reported at its line.

On a site large enough for a second process (outputs.py), the cleaning is done there, in
batches, while MkDocs converts the next pages on this core; each page's cleaned HTML takes the
place of its converted HTML in `on_env`, before any page is rendered or indexed for search.
A smaller site, and every rebuild under `mkdocs serve`, cleans in-process at the same point.
Either way the pages, and the order of the messages, are the same.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from concurrent.futures import Future
from typing import Any

from mkdocs.structure.pages import Page

from .. import markup
from .images import PageSource

# Pages sent to the second process at a time: enough that a job's own cost is small, few
# enough that the last batch, cleaned while this process waits, is short.
BATCH = 25

Submit = Callable[..., "Future[Any] | None"]


class Cleaning:
    """The pages converted in this build and not yet cleaned, in the order MkDocs made them."""

    def __init__(self) -> None:
        self._waiting: list[tuple[Page, str, PageSource]] = []
        # Each batch sent, with the job cleaning it (None: cleaned in `finish`) or its results.
        self._sent: list[tuple[list[tuple[Page, PageSource]],
                               Future[list[tuple[str, list[markup.Removed]]]] | None,
                               list[tuple[str, list[markup.Removed]]] | None]] = []

    def add(self, page: Page, html: str, source: PageSource, submit: Submit) -> None:
        """`page`'s converted `html`, to be cleaned; a full batch goes to `submit`."""
        self._waiting.append((page, html, source))
        if len(self._waiting) >= BATCH:
            self._send(submit)

    def add_cleaned(self, page: Page, cleaned: str, removed: list[markup.Removed],
                    source: PageSource, submit: Submit) -> None:
        """`page`, cleaned already (converting.py), in its place among the pages added."""
        if self._waiting:
            self._send(submit)
        self._sent.append(([(page, source)], None, [(cleaned, removed)]))

    def _send(self, submit: Submit) -> None:
        batch, self._waiting = self._waiting, []
        # Without a second process (None) the batch is cleaned in `finish`, from each page's
        # content: MkDocs sets it to the HTML `on_page_content` returns, unchanged.
        future = submit(markup.sanitise_all, [html for _page, html, _source in batch])
        self._sent.append(([(page, source) for page, _html, source in batch], future, None))

    def finish(self, submit: Submit) -> Iterator[tuple[Page, str, list[markup.Removed],
                                                        PageSource]]:
        """Every page added: its cleaned HTML and what was removed, in the order added."""
        if self._waiting:
            # The last batch is cleaned here: this process would only wait for it.
            self._send(lambda *_args: None)
        sent, self._sent = self._sent, []
        # From the back, the batches the second process has not begun are withdrawn and cleaned
        # here while it cleans from the front: this process would otherwise only wait.
        for number in range(len(sent) - 1, -1, -1):
            batch, future, results = sent[number]
            if future is not None and not future.cancel():
                break  # begun there: it has every batch before this one too
            if results is None:
                sent[number] = (batch, None, _clean_here(batch))
        for batch, future, results in sent:
            if future is not None:
                try:
                    results = future.result()
                except Exception:
                    results = None  # the job: cleaned here, where a cleaning error is raised
            if results is None:
                results = _clean_here(batch)
            for (page, source), (cleaned, removed) in zip(batch, results, strict=True):
                yield page, cleaned, removed, source


def _clean_here(batch: list[tuple[Page, PageSource]]) -> list[tuple[str, list[markup.Removed]]]:
    """A batch cleaned in this process, from each page's content: MkDocs sets it to the HTML
    `on_page_content` returns, unchanged."""
    return markup.sanitise_all([page.content or "" for page, _source in batch])
