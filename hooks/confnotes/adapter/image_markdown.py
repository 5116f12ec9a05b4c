"""The Markdown side of pictures: a tree processor that checks every image of a page as it
renders (images.py says what is checked), completes a good one with its size, and gives a
large one a lightbox link."""

from __future__ import annotations

import posixpath
import time
import xml.etree.ElementTree as ET
from urllib.parse import unquote, urlsplit

# Python-Markdown ships no type information (MkDocs' own API around it is typed).
from markdown import Markdown  # type: ignore[import-untyped]
from markdown.extensions import Extension  # type: ignore[import-untyped]
from markdown.treeprocessors import Treeprocessor  # type: ignore[import-untyped]

from ..messages import shown
from ..pictures import Picture
from .images import LIGHTBOX_MIN_WIDTH, Images


class ImageExtension(Extension):  # type: ignore[misc]
    """Check and complete every <img> of a page's Markdown (see the module's docstring)."""

    def __init__(self, images: Images) -> None:
        super().__init__()
        self.images = images

    def extendMarkdown(self, md: Markdown) -> None:
        # After attr_list (8), so `{ width=... }` is in place; before MkDocs' relpath (0), which
        # would warn again, without a line, about a picture already reported here.
        md.treeprocessors.register(_ImageTreeprocessor(md, self.images), "confnotes_images", 3)


class _ImageTreeprocessor(Treeprocessor):  # type: ignore[misc]
    def __init__(self, md: Markdown, images: Images) -> None:
        super().__init__(md)
        self.images = images

    def run(self, root: ET.Element) -> None:
        start = time.perf_counter()
        try:
            self._check(root)
        finally:
            self.images.page_seconds += time.perf_counter() - start

    def _check(self, root: ET.Element) -> None:
        page = self.images.page
        if page is None:
            return
        parents = {child: parent for parent in root.iter() for child in parent}
        for img in list(root.iter("img")):
            src = img.get("src")
            found = self.images.find(src, page.base) if src else None
            if found is None or src is None:
                continue
            page.page.meta["confnotes_images"] = True
            if found.src_uri:
                self.images.referenced.add(found.src_uri)
            if found.problem:
                page.report.warn(page.src_uri, page.line_of(src),
                                 f"image {shown(src)} {found.problem}")
                _replace(img, parents, _missing(img, src))
                continue
            if found.picture is not None:
                _complete(img, found.picture)
                if found.picture.width >= LIGHTBOX_MIN_WIDTH and not _in_link(img, parents):
                    _replace(img, parents, _lightbox(img, src))


def _complete(img: ET.Element, picture: Picture) -> None:
    """Size and lazy loading, keeping a width or height the author wrote."""
    width, height = img.get("width"), img.get("height")
    if width is None and height is None:
        img.set("width", str(picture.width))
        img.set("height", str(picture.height))
    elif width and width.isdigit() and height is None:
        img.set("height", str(round(int(width) * picture.height / picture.width)))
    elif height and height.isdigit() and width is None:
        img.set("width", str(round(int(height) * picture.width / picture.height)))
    img.set("loading", img.get("loading") or "lazy")
    img.set("decoding", img.get("decoding") or "async")


def _missing(img: ET.Element, src: str) -> ET.Element:
    span = ET.Element("span", {"class": "cn-image-missing"})
    span.text = img.get("alt") or posixpath.basename(unquote(urlsplit(src).path)) or src
    return span


def _lightbox(img: ET.Element, src: str) -> ET.Element:
    # A plain link to the picture: without script it opens the picture; the script turns it
    # into the lightbox. MkDocs rewrites this href as it does the src.
    link = ET.Element("a", {"class": "cn-lightbox", "href": src})
    clone = ET.SubElement(link, img.tag, dict(img.attrib))
    clone.text = img.text
    return link


def _replace(old: ET.Element, parents: dict[ET.Element, ET.Element], new: ET.Element) -> None:
    parent = parents.get(old)
    if parent is None:
        return
    new.tail, old.tail = old.tail, None
    index = list(parent).index(old)
    parent.remove(old)
    parent.insert(index, new)
    parents[new] = parent


def _in_link(img: ET.Element, parents: dict[ET.Element, ET.Element]) -> bool:
    node: ET.Element | None = img
    while node is not None:
        if node.tag == "a":
            return True
        node = parents.get(node)
    return False
