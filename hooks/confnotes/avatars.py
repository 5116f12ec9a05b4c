"""Speakers' pictures: a registry avatar cropped square and served small; initials otherwise.

A registry entry's `avatar:` names a picture under docs/. The picture is checked as every
picture is (images.py), then cropped to a square, AVATAR_SIZE px (a 5rem profile picture is
80 CSS px, so three device pixels per CSS pixel), and served at
`assets/confnotes/avatars/<slug>.jpg` (`.png` when it has transparency). A speaker without one
is shown by initials on a colour of their own: inline SVG on pages (templates/partials/
confnotes/macros.html) and `initials` here for social cards, both from `View.initials` and
`View.colour`, so the same name always gives the same picture.
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import PIL
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

from .images import Images, cache_key, write_atomically
from .messages import Report
from .model import Term
from .pages import View
from .pictures import avatar_problem, avatar_warning

if TYPE_CHECKING:
    from PIL import Image, ImageFont

AVATAR_SIZE = 256
AVATAR_QUALITY = 85    # small and looked at closely: a little above the slide photos' 82
FOLDER = "assets/confnotes/avatars"
PIPELINE = f"avatar-1/{AVATAR_SIZE}/{AVATAR_QUALITY}/{PIL.__version__}"
_SUPERSAMPLE = 4       # circles are drawn this much larger and shrunk, for smooth edges


@dataclass(frozen=True)
class Avatar:
    url: str       # site-relative, e.g. `assets/confnotes/avatars/kai-fu-lee.jpg`
    path: Path     # the square picture in the cache
    size: int


def square(data: bytes, size: int = AVATAR_SIZE) -> tuple[bytes, str]:
    """The picture cropped to a square of `size` px: JPEG bytes and '.jpg', or PNG and '.png'
    when it has transparency. EXIF orientation is applied first."""
    from PIL import Image, ImageOps  # only when a picture is made: see images.process

    image: Image.Image = Image.open(io.BytesIO(data))
    if image.format == "JPEG":
        image.draft("RGB", (size, size))  # decode at 1/2..1/8 scale when that is still enough
    image = ImageOps.exif_transpose(image)
    clear = image.has_transparency_data
    image = image.convert("RGBA" if clear else "RGB")
    # Faces sit above the middle of a portrait: keep more of the top than of the bottom.
    image = ImageOps.fit(image, (size, size), Image.Resampling.LANCZOS, centering=(0.5, 0.4))
    out = io.BytesIO()
    if clear:
        image.save(out, "PNG", optimize=True)
        return out.getvalue(), ".png"
    image.save(out, "JPEG", quality=AVATAR_QUALITY, optimize=True, progressive=True)
    return out.getvalue(), ".jpg"


def circle_mask(size: int) -> Image.Image:
    """An anti-aliased disc, white on black, `size` px across."""
    from PIL import Image, ImageDraw

    big = Image.new("L", (size * _SUPERSAMPLE, size * _SUPERSAMPLE), 0)
    ImageDraw.Draw(big).ellipse((0, 0, big.width - 1, big.height - 1), fill=255)
    return big.resize((size, size), Image.Resampling.LANCZOS)


def initials(name: str, size: int, font: ImageFont.FreeTypeFont) -> Image.Image:
    """The initials avatar as a picture: the page's SVG avatar, drawn with `font`.

    `font` should be about 0.45 × `size` for one Hangul syllable; two Latin letters are drawn
    at 80% of it, as the SVG does."""
    from PIL import Image, ImageDraw

    text = View.initials(name)
    disc = Image.new("RGBA", (size, size), View.colour(name))
    disc.putalpha(circle_mask(size))
    if len(text) > 1:
        font = font.font_variant(size=max(1, round(font.size * 0.8)))
    ImageDraw.Draw(disc).text((size / 2, size / 2), text, font=font, fill="#ffffff", anchor="mm")
    return disc


class Avatars:
    """The processed avatar of every registered speaker who has one; the `confnotes_avatars`
    object in templates."""

    def __init__(self, cache: Path) -> None:
        self.cache = cache
        self.by_speaker: dict[str, Avatar] = {}
        self.made = 0

    def read(self, speakers: Iterable[Term], images: Images, files: Files,
             config: MkDocsConfig, report: Report) -> None:
        """Make every speaker's avatar and add it to `files`; a bad `avatar:` is a warning at
        the registry entry, and that speaker keeps the initials."""
        for term in sorted(speakers, key=lambda t: t.id):
            if not term.avatar:
                continue

            def warn(text: str, term: Term = term) -> None:
                report.warn(term.source, term.line, avatar_warning(term.id, term.avatar or "",
                                                                   text))

            src, problem = avatar_problem(images, term.avatar)
            if src:
                images.referenced.add(src)
            if problem or src not in images.originals:
                warn(problem or "is not a JPEG, PNG, GIF or WebP picture.")
                continue
            avatar = self._make(term, images.originals[src], files, config)
            if avatar is None:
                warn(f"would be published at '{FOLDER}/{term.slug}', where docs/ already has a "
                     "file.")
                continue
            self.by_speaker[term.id] = avatar

    def _make(self, term: Term, original: Path, files: Files,
              config: MkDocsConfig) -> Avatar | None:
        data = original.read_bytes()
        key = cache_key(data, PIPELINE)
        path = next((p for p in (self.cache / f"{key}.jpg", self.cache / f"{key}.png")
                     if p.is_file()), None)
        if path is None:
            picture, suffix = square(data)
            path = self.cache / f"{key}{suffix}"
            write_atomically(path, picture)
            self.made += 1
        url = f"{FOLDER}/{term.slug}{path.suffix}"
        if files.get_file_from_path(url) is not None:
            return None
        files.append(File.generated(config, url, abs_src_path=str(path)))
        return Avatar(url, path, AVATAR_SIZE)

    # -- what templates see --

    def avatar(self, term: Term) -> Avatar | None:
        """The speaker's processed avatar, or None: show the initials."""
        return self.by_speaker.get(term.id) if term.kind == "speaker" else None
