"""Pictures under docs/: checked, shrunk and re-encoded once, cached by content hash.

Every JPEG, PNG, GIF, WebP and SVG file under docs/ is read in `on_files` and judged by
pictures.py: a refused file is left out of the site; a re-encoded copy is served at the
original's address in its place (the original stays in the repository); anything else is
served as it is. A symbolic link out of docs/ never gets here (sources.py).

Then, as each page renders, `ImageExtension` (image_markdown.py) looks at every image in its
Markdown: a missing,
refused or out-of-docs picture is a warning at the note's line and shows as its alt text; a
good one gets `width`, `height` and `loading="lazy"`, and a large one a link that opens it in
the lightbox (templates/assets/javascripts/confnotes-lightbox.js). An <img> written as HTML is
checked too (`check_html`), against the page's address as a browser reads it, and given its
size. Remote images are left as they are.
"""

from __future__ import annotations

import json
import os
import posixpath
import re
from concurrent.futures import ThreadPoolExecutor
from html.parser import HTMLParser
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote

# Python-Markdown ships no type information (MkDocs' own API around it is typed).
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from ..front_matter import decode
from ..markup import outside_code
from ..messages import Report, shown

if TYPE_CHECKING:
    pass
# The picture rules themselves live in pictures.py; these names are part of this module's API.
from ..pictures import MAX_PIXELS as MAX_PIXELS
from ..pictures import MAX_WIDTH as MAX_WIDTH
from ..pictures import PIPELINE as PIPELINE
from ..pictures import RASTER_SUFFIXES as RASTER_SUFFIXES
from ..pictures import SVG_FIX as SVG_FIX
from ..pictures import SVG_SUFFIX as SVG_SUFFIX
from ..pictures import Found as Found
from ..pictures import Library as Library
from ..pictures import Picture as Picture
from ..pictures import cache_key as cache_key
from ..pictures import cached as cached
from ..pictures import process as process
from ..pictures import recorded as recorded
from ..pictures import svg_refusal as svg_refusal
from ..pictures import write_atomically as write_atomically

LIGHTBOX_MIN_WIDTH = 640    # px: a smaller picture already shows at full size in the column


# -- the pictures of one build ----------------------------------------------------------------


class Images(Library):
    """Every picture under docs/ in one build, and the references to them."""

    def __init__(self, cache: Path) -> None:
        super().__init__()
        self.cache = cache
        self.originals: dict[str, Path] = {}       # src_uri -> the file under docs/
        self.page: _PageImages | None = None
        self.made = 0                              # pictures processed (not from the cache)
        self.page_seconds = 0.0                    # spent checking pages' images

    def read(self, files: Files, docs_dir: str) -> None:
        """Check and process every raster file of `files` under `docs_dir`; swap in the
        processed copies and remove refused files, so MkDocs publishes what is checked."""
        root = os.path.realpath(docs_dir)
        todo: list[tuple[File, Path]] = []
        for file in list(files):
            self.known.add(file.src_uri)
            suffix = posixpath.splitext(file.src_uri)[1].lower()
            if suffix != SVG_SUFFIX and suffix not in RASTER_SUFFIXES:
                continue  # a note or another file: no picture to check
            source = file.abs_src_path
            if file.generated_by or source is None or not _inside(source, docs_dir):
                continue
            if suffix == SVG_SUFFIX:
                self._read_svg(file, files)
                continue
            real = os.path.realpath(source)
            if not _inside(real, root):
                self.escaping.add(file.src_uri)
                files.remove(file)  # never copy a file from outside docs/ into the site
                continue
            todo.append((file, Path(real)))
        # Which content each file had when last seen, by its real path, size and modification
        # time: a file that has not changed is not even read again (hashing every photo of a
        # large site on every build would cost more than all the rest of the picture work).
        index_path = self.cache / "files.json"
        try:
            index: dict[str, list[Any]] = json.loads(index_path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            index = {}
        workers = min(len(todo), os.cpu_count() or 1) or 1
        with ThreadPoolExecutor(workers) as pool:  # Pillow lets go of the GIL while decoding
            results = list(pool.map(lambda item: self._picture(item[0], item[1], index), todo))
        seen: dict[str, list[Any]] = {}
        for (file, original), (picture, made, entry) in zip(todo, results, strict=True):
            self.made += made
            self.pictures[file.src_uri] = picture
            self.originals[file.src_uri] = original
            if entry:
                seen[str(original)] = entry
            if picture.refused:
                files.remove(file)
            elif picture.output:
                file.abs_src_path = str(self.cache / picture.output)
        if seen != index:
            write_atomically(index_path, json.dumps(seen, sort_keys=True).encode())

    def _read_svg(self, file: File, files: Files) -> None:
        try:
            why = svg_refusal(file.content_bytes)
        except OSError as exc:
            why = f"cannot be read ({exc.strerror})"
        if why is not None:
            self.pictures[file.src_uri] = Picture.refuse(why, SVG_FIX)
            files.remove(file)

    def _picture(self, file: File, original: Path,
                 index: dict[str, list[Any]]) -> tuple[Picture, bool, list[Any]]:
        """What `original` became, whether it was made now, and its entry for the index."""
        try:
            stat = original.stat()
            known = index.get(str(original))
            if known and known[:2] == [stat.st_size, stat.st_mtime_ns]:
                picture = recorded(self.cache, known[2])
                if picture is not None:
                    return picture, False, known
            data = original.read_bytes()
        except OSError as exc:
            return Picture.refuse(f"cannot be read ({exc.strerror})",
                                  "Check the file's permissions."), False, []
        suffix = posixpath.splitext(file.src_uri)[1].lower()
        picture, made, key = cached(self.cache, data, suffix)
        return picture, made, [stat.st_size, stat.st_mtime_ns, key]

    # -- pages --

    def begin_page(self, page: Page, report: Report, source: PageSource) -> None:
        """Look at `page`'s images as its Markdown renders next (see ImageExtension)."""
        self.page = _PageImages(page, report, source)

    def check_html(self, html: str, page: Page, report: Report, source: PageSource) -> str:
        """`html` with its raw <img> tags (written as HTML in the note, which Markdown passes
        through untouched) checked and given their size: the Markdown ones were done while the
        page rendered. A raw tag's address is the browser's: relative to the page's URL."""
        if "<img" not in html and "<IMG" not in html:
            return html
        state = _PageImages(page, report, source)
        url = page.url or ""
        base = url.rstrip("/") if url.endswith("/") else posixpath.dirname(url)

        def one(tag: str, attrs: dict[str, str]) -> str:
            src = attrs.get("src")
            if not src or "decoding" in attrs:  # none, or made by ImageExtension
                return tag
            found = self.find(src, base)
            if found is None:
                return tag
            page.meta["confnotes_images"] = True
            if found.src_uri:
                self.referenced.add(found.src_uri)
            if found.problem:
                meant = self.find(src, state.base)
                hint = (f" In HTML an address is relative to the page's own address ('{url}'); "
                        "write it as Markdown, ![…](…), to have it relative to the note."
                        if meant is not None and not meant.problem else "")
                report.warn(state.src_uri, state.line_of(src),
                            f"image {shown(src)} {found.problem}{hint}")
                return tag
            picture = found.picture
            if picture is None or "width" in attrs or "height" in attrs:
                return tag
            added = f' width="{picture.width}" height="{picture.height}" decoding="async"'
            if "loading" not in attrs:
                added += ' loading="lazy"'
            return tag[:4] + added + tag[4:]

        parts: list[str] = []
        done = 0
        for start, tag, attrs in raw_images(html):
            parts += [html[done:start], one(tag, attrs)]
            done = start + len(tag)
        parts.append(html[done:])
        return "".join(parts)

    def unreferenced_problems(self, report: Report) -> None:
        """A refused file no page shows is still reported once, by its own path."""
        for src, picture in sorted(self.pictures.items()):
            if picture.refused and src not in self.referenced:
                report.warn(src, None, f"this picture {picture.refused}; it is not published. "
                                       f"{picture.fix}")


def _inside(path: str, folder: str) -> bool:
    return os.path.commonpath([os.path.abspath(path), os.path.abspath(folder)]) == \
        os.path.abspath(folder)


class PageSource:
    """A page's source text, decoded once and only when a message needs a line of it."""

    def __init__(self, page: Page) -> None:
        self.page = page
        self._text: str | None = None
        self._lines: list[str] | None = None

    @property
    def text(self) -> str:
        if self._text is None:
            try:
                data = self.page.file.content_bytes
            except OSError:
                data = b""
            self._text = decode(data, self.page.file.src_uri, Report())
        return self._text

    @property
    def lines_outside_code(self) -> list[str]:
        """The lines, with code blocks blanked: an address in code is no picture."""
        if self._lines is None:
            self._lines = outside_code(self.text.split("\n"), spans=False)
        return self._lines


class _PageImages:
    """One page as its images are checked: its source lines, for messages with a line."""

    def __init__(self, page: Page, report: Report, source: PageSource) -> None:
        self.page = page
        self.src_uri: str = page.file.src_uri
        self.base = posixpath.dirname(self.src_uri)
        self.report = report
        self.source = source
        self._used: dict[str, int] = {}

    def line_of(self, src: str) -> int | None:
        """The line of the file that writes `src`: the n-th such line for its n-th image."""
        lines = self.source.lines_outside_code
        found = [n for n, line in enumerate(lines, 1) if src in line]
        if not found and unquote(src) != src:
            found = [n for n, line in enumerate(lines, 1) if unquote(src) in line]
        if not found:
            return None
        seen = self._used.get(src, 0)
        self._used[src] = seen + 1
        return found[min(seen, len(found) - 1)]


_NEWLINE = re.compile("\n")


class _ImageTags(HTMLParser):
    """The <img> tags of rendered HTML as a browser's tokenizer finds them."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[int, str, dict[str, str]]] = []
        self._line_starts = [0, *(m.end() for m in _NEWLINE.finditer(html))]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "img":
            line, column = self.getpos()
            text = self.get_starttag_text() or ""
            self.found.append((self._line_starts[line - 1] + column, text,
                               {name: value or "" for name, value in attrs}))

    handle_startendtag = handle_starttag


def raw_images(html: str) -> list[tuple[int, str, dict[str, str]]]:
    """(offset, the tag as written, its attributes unescaped) of every <img> in `html`."""
    parser = _ImageTags(html)
    parser.feed(html)
    parser.close()
    return parser.found
