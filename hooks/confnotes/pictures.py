"""Picture files: checked, shrunk and re-encoded once, cached by content hash. No MkDocs here:
the build (images.py) and `confnotes check` decide alike.

- refused: a file Pillow cannot decode (or a truncated one), one of more than MAX_PIXELS pixels
  (a decompression bomb: a small file that unpacks to gigabytes), an animation whose frames
  together hold more than MAX_ANIMATION_PIXELS, and an SVG with script, event handlers or
  references to anything outside itself (`svg_refusal`: opened on its own, an SVG is a page of
  the site's origin and runs its script);
- re-encoded: a picture wider than MAX_WIDTH, one turned by an EXIF orientation tag, and a JPEG
  or WebP carrying GPS data (phones write where a photo was taken);
- as it is: everything else.

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
import warnings
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote, urlsplit

import PIL

from .messages import shown

if TYPE_CHECKING:
    from PIL import Image

MAX_WIDTH = 1600            # px: sharp on a 2x phone screen, and wider than any content column
MAX_PIXELS = 64_000_000     # above any phone camera's default mode (48-50 MP sensors bin to 12)
JPEG_QUALITY = 82
WEBP_QUALITY = 80
# An animation is decoded frame by frame to find damage: 1,000 frames of 8000×8000 took two
# minutes from a 23 KB GIF. All its frames share five times a still picture's limit (ten
# seconds of a 1080p screen recording), and each frame is held as RGBA while decoded, so its
# screen is a quarter of a still picture's (4000×4000, 64 MB a frame).
MAX_ANIMATION_PIXELS = 5 * MAX_PIXELS
MAX_ANIMATION_FRAME = MAX_PIXELS // 4
RASTER_SUFFIXES = frozenset({".jpg", ".jpeg", ".png", ".gif", ".webp"})
SVG_SUFFIX = ".svg"
MAX_SVG_BYTES = 5_000_000
SVG_FIX = "Export it again as plain SVG (no script, links or embedded content), or as PNG."
_WEB_FORMATS = frozenset({"JPEG", "PNG", "GIF", "WEBP"})
_ORIENTATION = 0x0112
_GPS_IFD = 0x8825
# Part of every cache key: a change to how pictures are made remakes every cached copy.
PIPELINE = (f"images-3/{MAX_WIDTH}/{MAX_PIXELS}/{MAX_ANIMATION_PIXELS}/{MAX_ANIMATION_FRAME}/"
            f"{JPEG_QUALITY}/{WEBP_QUALITY}/{PIL.__version__}")
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
            frames = getattr(image, "n_frames", 1)
            if frames > 1 and (frames * width * height > MAX_ANIMATION_PIXELS
                               or width * height > MAX_ANIMATION_FRAME):
                return Picture.refuse(
                    f"is an animation of {frames:,} frames of {width}×{height} pixels, over "
                    f"the limits for animations ({MAX_ANIMATION_FRAME // 1_000_000} megapixels a "
                    f"frame, {MAX_ANIMATION_PIXELS // 1_000_000} for all its frames)",
                    "Shorten it, or make it smaller."), None
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


# -- references to pictures ----------------------------------------------------------------------


@dataclass(frozen=True)
class Found:
    """A local image reference, resolved: the file under docs/, its picture, or the problem."""

    src_uri: str | None
    picture: Picture | None = None
    problem: str | None = None


class Library:
    """The files of a site under docs/ and what its pictures became: resolves a reference."""

    def __init__(self) -> None:
        self.pictures: dict[str, Picture] = {}     # src_uri -> what it became
        self.escaping: set[str] = set()            # symbolic links out of docs/, left out
        self.known: set[str] = set()               # every file of the site, pictures or not
        self.referenced: set[str] = set()          # files a note or registry shows

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


def avatar_problem(library: Library, avatar: str) -> tuple[str | None, str | None]:
    """The file a registry `avatar:` names, and what is wrong with it (None: a good picture),
    in words that follow "avatar '...'"."""
    found = library.find(avatar, "")
    if found is None:
        return None, ("is a web address; an avatar must be a picture under docs/ (nothing is "
                      "fetched from the network).")
    if found.problem:
        return found.src_uri, found.problem
    if found.picture is None:
        return found.src_uri, "is not a JPEG, PNG, GIF or WebP picture."
    return found.src_uri, None


def avatar_warning(ident: str, avatar: str, problem: str) -> str:
    return f"speaker '{ident}': avatar {shown(avatar)} {problem} The initials are shown instead."


# -- SVG ------------------------------------------------------------------------------------------
#
# An SVG opened on its own is a document of the site's origin: its script runs, its links and
# pictures are fetched. One is published only when it holds none of that; otherwise it is
# refused whole (a drawing made by an editor has none of it).

_SVG_ELEMENTS_REFUSED = frozenset({"script", "foreignobject", "iframe", "embed", "object",
                                   "audio", "video", "handler", "listener"})
_SVG_ANIMATIONS = frozenset({"set", "animate", "animatemotion", "animatetransform"})
_SVG_DECLARATIONS = re.compile(rb"<!(?:DOCTYPE|ENTITY)|<\?xml-stylesheet", re.IGNORECASE)
_CSS_REFERENCE = re.compile(r"@import|url\(\s*(?!['\"]?#)|expression\(", re.IGNORECASE)


def svg_refusal(data: bytes) -> str | None:
    """Why an SVG file must not be published (in words that follow its name), or None."""
    import xml.etree.ElementTree as ET

    if len(data) > MAX_SVG_BYTES:
        return f"is an SVG of {len(data):,} bytes, over the limit of {MAX_SVG_BYTES:,}"
    if _SVG_DECLARATIONS.search(data):
        # Entities are how an XML file grows a billion times when read; a style sheet
        # instruction fetches from elsewhere. Drawing programs write neither.
        return "is an SVG with a DOCTYPE, entities or a style sheet instruction"
    try:
        root = ET.fromstring(data)
    except ET.ParseError as exc:
        return f"is not a well-formed SVG ({shown(str(exc), 50)[1:-1]})"
    for element in root.iter():
        name = _local(str(element.tag)).lower()
        if name in _SVG_ELEMENTS_REFUSED:
            return f"is an SVG with <{name}>, which runs or embeds content"
        if name in _SVG_ANIMATIONS and _local(element.get("attributeName", "")).lower() in (
                "href", "src"):
            return f"is an SVG whose <{name}> changes a link"
        if name == "style" and _CSS_REFERENCE.search("".join(element.itertext())):
            return "is an SVG whose style sheet fetches from elsewhere"
        for attribute, value in element.attrib.items():
            local = _local(attribute).lower()
            if local.startswith("on"):
                return f"is an SVG with the event handler '{local}', which runs script"
            if local in ("href", "src") and not value.strip().startswith("#"):
                return f"is an SVG that refers to {shown(value, 40)} outside itself"
            if local == "style" and _CSS_REFERENCE.search(value):
                return "is an SVG whose style fetches from elsewhere"
    return None


def _local(name: str) -> str:
    return name.rsplit("}", 1)[-1].rsplit(":", 1)[-1]
