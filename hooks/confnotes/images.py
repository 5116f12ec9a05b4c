"""Pictures under docs/: checked, shrunk and re-encoded once, cached by content hash.

Every JPEG, PNG, GIF and WebP file under docs/ is read in `on_files`:

- refused, and left out of the site: a file Pillow cannot decode (or a truncated one), one of
  more than MAX_PIXELS pixels (a decompression bomb: a small file that unpacks to gigabytes),
  and a symbolic link to a file outside docs/;
- re-encoded into the cache, and served at the original's address in its place (the original
  stays in the repository): a picture wider than MAX_WIDTH, one turned by an EXIF orientation
  tag, and a JPEG or WebP carrying GPS data (phones write where a photo was taken);
- served as it is: everything else.

Then, as each page renders, `ImageExtension` looks at every image in its Markdown: a missing,
refused or out-of-docs picture is a warning at the note's line and shows as its alt text; a
good one gets `width`, `height` and `loading="lazy"`, and a large one a link that opens it in
the lightbox (templates/assets/javascripts/confnotes-lightbox.js). An <img> written as HTML is
checked too (`check_html`), against the page's address as a browser reads it, and given its
size. Remote images are left as they are.

Pillow is imported inside the functions that make pictures: a build that finds everything in
the cache never loads it.

Encoding: JPEG at quality 82, progressive, 4:2:0 chroma; WebP at quality 80. At 1,600 px these
are indistinguishable from the original on screen for photographed slides, about half the
bytes of quality 95, and within the 75-85 band most image pipelines default to. PNG stays
lossless (screenshots of slides keep crisp text), with zlib's best compression.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import posixpath
import re
import time
import warnings
import xml.etree.ElementTree as ET
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass
from html import unescape
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote, urlsplit

import PIL

# Python-Markdown ships no type information (MkDocs' own API around it is typed).
from markdown import Markdown  # type: ignore[import-untyped]
from markdown.extensions import Extension  # type: ignore[import-untyped]
from markdown.treeprocessors import Treeprocessor  # type: ignore[import-untyped]
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from .front_matter import decode
from .messages import Report, shown

if TYPE_CHECKING:
    from PIL import Image

MAX_WIDTH = 1600            # px: sharp on a 2x phone screen, and wider than any content column
MAX_PIXELS = 64_000_000     # above any phone camera's default mode (48-50 MP sensors bin to 12)
JPEG_QUALITY = 82
WEBP_QUALITY = 80
LIGHTBOX_MIN_WIDTH = 640    # px: a smaller picture already shows at full size in the column
RASTER_SUFFIXES = frozenset({".jpg", ".jpeg", ".png", ".gif", ".webp"})
_WEB_FORMATS = frozenset({"JPEG", "PNG", "GIF", "WEBP"})
_ORIENTATION = 0x0112
_GPS_IFD = 0x8825
# Part of every cache key: a change to how pictures are made remakes every cached copy.
PIPELINE = f"images-2/{MAX_WIDTH}/{MAX_PIXELS}/{JPEG_QUALITY}/{WEBP_QUALITY}/{PIL.__version__}"
_BOMB_SIZE = re.compile(r"\((\d+) pixels\)")


@dataclass(frozen=True)
class Picture:
    """What a picture file became: its size as served, and the copy served in its place."""

    width: int
    height: int
    output: str | None = None     # file name of the re-encoded copy in the cache; None: as is
    refused: str | None = None    # why it is left out, said to a contributor
    fix: str = ""                 # and what to do about it

    @classmethod
    def refuse(cls, why: str, fix: str) -> Picture:
        return cls(0, 0, refused=why, fix=fix)


def process(data: bytes) -> tuple[Picture, bytes | None]:
    """Decode `data` and decide: refused, served as is, or the bytes of a re-encoded copy.

    `Picture.output` is left None; the caller names the copy.
    """
    # Pillow is imported where pictures are made, never at the top: a build that finds every
    # picture and card in the cache does not load it at all (some 50 ms of each build).
    from PIL import Image, UnidentifiedImageError

    with warnings.catch_warnings():
        # Pillow only warns between its own limit and twice that; here both are a refusal.
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            image = Image.open(io.BytesIO(data))
            width, height = image.size
            if width * height > MAX_PIXELS:
                return _too_many(width * height, f"{width}×{height} pixels"), None
            exif = image.getexif()
            orientation = exif.get(_ORIENTATION, 1)
            located = bool(exif.get_ifd(_GPS_IFD))
            fmt = image.format or ""
            turned = orientation in (5, 6, 7, 8)
            if getattr(image, "is_animated", False) or (
                    fmt in _WEB_FORMATS and (height if turned else width) <= MAX_WIDTH
                    and orientation in (0, 1) and not (located and fmt in ("JPEG", "WEBP"))):
                _load_frames(image)  # decode it all: a damaged file is found here, not by readers
                return Picture(width, height), None
            return _reencode(image, fmt, turned)  # which decodes it all too, once
        except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
            match = _BOMB_SIZE.search(str(exc))
            pixels = int(match.group(1)) if match else MAX_PIXELS + 1
            return _too_many(pixels, f"{pixels / 1e6:,.0f} megapixels"), None
        except UnidentifiedImageError:
            return Picture.refuse("is not a picture Pillow can read",
                                  "Save it again as JPEG, PNG or WebP."), None
        except Exception as exc:
            # Pillow's decoders answer malformed data with many kinds of error (OSError,
            # SyntaxError, struct.error, IndexError...): each is a damaged file, never a crash.
            return Picture.refuse(f"is damaged or cut short ({shown(str(exc), 50)[1:-1]})",
                                  "Copy or export it again."), None


def _load_frames(image: Image.Image) -> None:
    """Decode every frame of an animation, so a damaged later frame is found too."""
    for frame in range(getattr(image, "n_frames", 1)):
        image.seek(frame)
        image.load()
    image.seek(0)


def _too_many(pixels: int, size: str) -> Picture:
    return Picture.refuse(f"has {size}, over the {MAX_PIXELS // 1_000_000}-megapixel limit (a "
                          "decompression bomb, or a scan far larger than a page needs)",
                          f"Shrink it to about {MAX_WIDTH:,} px wide.")


def _reencode(image: Image.Image, fmt: str, turned: bool) -> tuple[Picture, bytes]:
    from PIL import Image, ImageOps

    shown_width = image.height if turned else image.width
    if fmt == "JPEG" and shown_width > MAX_WIDTH:
        # Let the JPEG decoder scale by 1/2, 1/4 or 1/8 while decoding: several times faster
        # than decoding every pixel of a 12 MP photo and shrinking afterwards.
        scale = MAX_WIDTH / shown_width
        image.draft(image.mode, (int(image.width * scale) + 1, int(image.height * scale) + 1))
    icc = image.info.get("icc_profile")
    image = ImageOps.exif_transpose(image)
    if image.width > MAX_WIDTH:
        height = max(1, round(image.height * MAX_WIDTH / image.width))
        image = image.resize((MAX_WIDTH, height), Image.Resampling.LANCZOS, reducing_gap=3.0)
    out = io.BytesIO()
    extra: dict[str, Any] = {"icc_profile": icc} if icc else {}
    # EXIF is never copied: the orientation is applied, and the rest (GPS above all) dropped.
    if fmt == "JPEG":
        if image.mode not in ("RGB", "L"):
            image = image.convert("RGB")
        image.save(out, "JPEG", quality=JPEG_QUALITY, optimize=True, progressive=True,
                   subsampling="4:2:0", **extra)
    elif fmt == "WEBP":
        if image.mode not in ("RGB", "RGBA"):
            image = image.convert("RGBA" if image.has_transparency_data else "RGB")
        image.save(out, "WEBP", quality=WEBP_QUALITY, method=4, **extra)
    else:
        # PNG, a still GIF, or a format browsers do not show (a TIFF named .png): lossless PNG.
        if image.mode not in ("1", "L", "LA", "P", "RGB", "RGBA", "I;16"):
            image = image.convert("RGBA" if image.has_transparency_data else "RGB")
        image.save(out, "PNG", optimize=True, **extra)
    return Picture(image.width, image.height), out.getvalue()


# -- the cache --------------------------------------------------------------------------------


def cache_key(data: bytes, pipeline: str = PIPELINE) -> str:
    return hashlib.sha256(pipeline.encode() + b"\0" + data).hexdigest()[:40]


def write_atomically(path: Path, data: bytes) -> None:
    """Write `path` whole or not at all: an interrupted build never leaves half a picture that
    a later build would take for a finished one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f".{path.name}.{os.getpid()}.part")
    partial.write_bytes(data)
    os.replace(partial, path)


def recorded(cache: Path, key: str) -> Picture | None:
    """What the content with `key` became, if the cache has it whole."""
    try:
        picture = Picture(**json.loads((cache / f"{key}.json").read_text(encoding="utf-8")))
    except (OSError, ValueError, TypeError):
        return None
    return picture if picture.output is None or (cache / picture.output).is_file() else None


def cached(cache: Path, data: bytes, suffix: str) -> tuple[Picture, bool, str]:
    """What `data` became, whether it was made now (False: found in the cache), and its key."""
    key = cache_key(data)
    picture = recorded(cache, key)
    if picture is not None:
        return picture, False, key
    picture, copy = process(data)
    if copy is not None:
        output = f"{key}{suffix}"
        write_atomically(cache / output, copy)
        picture = Picture(picture.width, picture.height, output=output)
    write_atomically(cache / f"{key}.json", json.dumps(asdict(picture)).encode())
    return picture, True, key


# -- the pictures of one build ----------------------------------------------------------------


@dataclass(frozen=True)
class Found:
    """A local image reference, resolved: the file under docs/, its picture, or the problem."""

    src_uri: str | None
    picture: Picture | None = None
    problem: str | None = None


class Images:
    """Every picture under docs/ in one build, and the references to them."""

    def __init__(self, cache: Path) -> None:
        self.cache = cache
        self.pictures: dict[str, Picture] = {}     # src_uri -> what it became
        self.originals: dict[str, Path] = {}       # src_uri -> the file under docs/
        self.escaping: set[str] = set()            # symbolic links out of docs/, left out
        self.known: set[str] = set()               # every file of the site, pictures or not
        self.referenced: set[str] = set()
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
            source = file.abs_src_path
            if (file.generated_by or source is None or not _inside(source, docs_dir)
                    or posixpath.splitext(file.src_uri)[1].lower() not in RASTER_SUFFIXES):
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

    def find(self, src: str, base: str) -> Found | None:
        """Resolve `src` as written in a file whose folder under docs/ is `base`.

        None for a remote picture (left as it is); otherwise the file, or the problem in words
        that follow the reference (`'images/x.png' is not ...`)."""
        parts = urlsplit(src)
        scheme = parts.scheme.lower()
        if src.startswith("//") or scheme in ("http", "https", "data"):
            return None
        if scheme and len(scheme) > 1 and scheme != "file":
            return None  # some other kind of address: not a file of ours
        path = unquote(parts.path)
        if not path:
            return None
        if scheme or path.startswith(("/", "\\")):
            return Found(None, problem="is an absolute path; it is left out. Write it relative "
                                       "to this file, e.g. 'images/slide.jpg'.")
        target = posixpath.normpath(posixpath.join(base, path))
        if target == ".." or target.startswith("../"):
            return Found(None, problem="points outside docs/; it is left out. Put the picture "
                                       "under docs/ (next to the note) and link it from there.")
        if target in self.escaping:
            return Found(target, problem="is a symbolic link to a file outside docs/ or to "
                                         "nothing; it is left out and not published. Copy the "
                                         "picture into docs/.")
        picture = self.pictures.get(target)
        if picture is not None and picture.refused:
            return Found(target, picture, f"{picture.refused}; it is left out and not "
                                          f"published. {picture.fix}")
        if picture is None and target not in self.known:
            return Found(target, problem=f"is not found: there is no docs/{target}. Check the "
                                         f"file name and folder.")
        return Found(target, picture)

    # -- pages --

    def begin_page(self, page: Page, report: Report) -> None:
        """Look at `page`'s images as its Markdown renders next (see ImageExtension)."""
        self.page = _PageImages(page, report)

    def check_html(self, html: str, page: Page, report: Report) -> str:
        """`html` with its raw <img> tags (written as HTML in the note, which Markdown passes
        through untouched) checked and given their size: the Markdown ones were done while the
        page rendered. A raw tag's address is the browser's: relative to the page's URL."""
        if "<img" not in html and "<IMG" not in html:
            return html
        state = _PageImages(page, report)
        url = page.url or ""
        base = url.rstrip("/") if url.endswith("/") else posixpath.dirname(url)

        def one(match: re.Match[str]) -> str:
            tag = match.group(0)
            attrs = {m.group(1).lower(): m.group(2) or m.group(3) or m.group(4) or ""
                     for m in _ATTR.finditer(tag)}
            src = attrs.get("src")
            if not src or "decoding" in attrs:  # none, or made by ImageExtension
                return tag
            found = self.find(unescape(src), base)
            if found is None:
                return tag
            page.meta["confnotes_images"] = True
            if found.src_uri:
                self.referenced.add(found.src_uri)
            if found.problem:
                meant = self.find(unescape(src), state.base)
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

        return _RAW_IMG.sub(one, html)

    def unreferenced_problems(self, report: Report) -> None:
        """A refused file no page shows is still reported once, by its own path."""
        for src, picture in sorted(self.pictures.items()):
            if picture.refused and src not in self.referenced:
                report.warn(src, None, f"this picture {picture.refused}; it is not published. "
                                       f"{picture.fix}")


def _inside(path: str, folder: str) -> bool:
    return os.path.commonpath([os.path.abspath(path), os.path.abspath(folder)]) == \
        os.path.abspath(folder)


class _PageImages:
    """One page as its images are checked: its source lines, for messages with a line."""

    def __init__(self, page: Page, report: Report) -> None:
        self.page = page
        self.src_uri: str = page.file.src_uri
        self.base = posixpath.dirname(self.src_uri)
        self.report = report
        self._lines: list[str] | None = None
        self._used: dict[str, int] = {}

    def line_of(self, src: str) -> int | None:
        """The line of the file that writes `src`: the n-th such line for its n-th image."""
        if self._lines is None:
            try:
                data = self.page.file.content_bytes
            except OSError:
                data = b""
            self._lines = _outside_code(decode(data, self.src_uri, Report()).split("\n"))
        found = [n for n, line in enumerate(self._lines, 1) if src in line]
        if not found and unquote(src) != src:
            found = [n for n, line in enumerate(self._lines, 1) if unquote(src) in line]
        if not found:
            return None
        seen = self._used.get(src, 0)
        self._used[src] = seen + 1
        return found[min(seen, len(found) - 1)]


_RAW_IMG = re.compile(r"<img\b[^>]*>", re.IGNORECASE)
_ATTR = re.compile(r"""([a-zA-Z-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""")
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")


def _outside_code(lines: list[str]) -> list[str]:
    """`lines` with those of fenced code blocks blanked: an image written in code is text."""
    kept: list[str] = []
    fence = ""
    for line in lines:
        match = _FENCE.match(line)
        if fence:
            if match and match.group(1)[0] == fence[0] and len(match.group(1)) >= len(fence):
                fence = ""
            kept.append("")
        elif match:
            fence = match.group(1)
            kept.append("")
        else:
            kept.append(line)
    return kept


# -- Markdown ---------------------------------------------------------------------------------


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
