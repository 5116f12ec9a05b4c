"""Speakers' pictures: a registry avatar cropped square and served small; initials otherwise.

A registry entry's `avatar:` names a picture under docs/. The picture is checked as every
picture is (pictures.py), then cropped to a square, AVATAR_SIZE px (a 5rem profile picture is
80 CSS px, so three device pixels per CSS pixel), and served at
`assets/confnotes/avatars/<slug>.jpg` (`.png` when it has transparency). A speaker without one
is shown by initials on a colour of their own: inline SVG on pages (templates/partials/
confnotes/macros.html) and `initials` here for social cards, both from `name_initials` and
`name_colour`, so the same name always gives the same picture.
"""

from __future__ import annotations

import colorsys
import hashlib
import io
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import PIL

from .names import is_hangul

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

    text = name_initials(name)
    disc = Image.new("RGBA", (size, size), name_colour(name))
    disc.putalpha(circle_mask(size))
    if len(text) > 1:
        font = font.font_variant(size=max(1, round(font.size * 0.8)))
    ImageDraw.Draw(disc).text((size / 2, size / 2), text, font=font, fill="#ffffff", anchor="mm")
    return disc


def name_initials(name: str) -> str:
    """The first Hangul syllable, or up to two Latin initials."""
    name = name.strip()
    if name and is_hangul(name[0]):
        return name[0]
    letters = [w[0] for w in name.replace("-", " ").split() if w and w[0].isalnum()]
    return "".join(letters[:2]).upper() or "?"


def name_colour(name: str) -> str:
    """A colour of its own for each name, the same on every build."""
    digest = hashlib.sha256(name.encode("utf-8")).digest()
    r, g, b = colorsys.hls_to_rgb(digest[0] / 255, 0.42, 0.55)
    return f"#{int(r * 255):02x}{int(g * 255):02x}{int(b * 255):02x}"
