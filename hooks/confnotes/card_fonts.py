"""The fonts social cards are drawn in: a font with Hangul, found locally.

`extra.confnotes.card_font` in mkdocs.yml when set (that font or no cards), else the first
system font with Hangul in SYSTEM_FONTS (Debian/Ubuntu fonts-noto-cjk or fonts-nanum, Fedora
and Arch Noto CJK, macOS Apple SD Gothic Neo, Windows Malgun Gothic), else fontconfig's choice
for Korean. A character the font lacks (an emoji, say) is found by `missing`, so a card leaves
it out rather than draw a box.
"""

from __future__ import annotations

import functools
import json
import os
import shutil
import subprocess
import threading
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .pictures import write_atomically

if TYPE_CHECKING:
    from PIL import ImageFont

# (bold, regular) font files, most likely first. A .ttc holds several faces: the one with
# Hangul (Noto's "KR") and the right weight is picked.
SYSTEM_FONTS: tuple[tuple[str, str], ...] = (
    ("/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc",          # Debian, Ubuntu
     "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"),
    ("/usr/share/fonts/truetype/nanum/NanumGothicBold.ttf",          # Debian fonts-nanum
     "/usr/share/fonts/truetype/nanum/NanumGothic.ttf"),
    ("/usr/share/fonts/google-noto-sans-cjk-fonts/NotoSansCJK-Bold.ttc",  # Fedora
     "/usr/share/fonts/google-noto-sans-cjk-fonts/NotoSansCJK-Regular.ttc"),
    ("/usr/share/fonts/noto-cjk/NotoSansCJK-Bold.ttc",               # Arch
     "/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc"),
    ("/System/Library/Fonts/AppleSDGothicNeo.ttc",                    # macOS
     "/System/Library/Fonts/AppleSDGothicNeo.ttc"),
    (os.path.join(os.environ.get("WINDIR", r"C:\Windows"), "Fonts", "malgunbd.ttf"),  # Windows
     os.path.join(os.environ.get("WINDIR", r"C:\Windows"), "Fonts", "malgun.ttf")),
)
HANGUL_PROBE = "한글가힣"
_NOTDEF = "\U0010ffff"  # a noncharacter: every font draws its "missing glyph" box for it


@dataclass(frozen=True)
class Face:
    path: str
    index: int = 0


@dataclass(frozen=True)
class Fonts:
    """The two faces cards are drawn in, and what identifies them for the cache."""

    bold: Face
    regular: Face
    identity: str

    def get(self, size: int, bold: bool = True) -> ImageFont.FreeTypeFont:
        face = self.bold if bold else self.regular
        return _font(face.path, face.index, size)


_local = threading.local()


def _font(path: str, index: int, size: int) -> ImageFont.FreeTypeFont:
    from PIL import ImageFont  # Pillow only when drawing: see images.process

    # A FreeType face must not be used by two threads at once: one cache per thread.
    cache: dict[tuple[str, int, int], ImageFont.FreeTypeFont] = _local.__dict__.setdefault(
        "fonts", {})
    key = (path, index, size)
    if key not in cache:
        # The basic layout draws Hangul syllables fully; unlike raqm it is in every Pillow
        # build, so a card is the same picture on every machine with the same font.
        cache[key] = ImageFont.truetype(path, size, index=index,
                                        layout_engine=ImageFont.Layout.BASIC)
    return cache[key]


def missing(font: ImageFont.FreeTypeFont, text: str) -> set[str]:
    """The characters of `text` that `font` has no glyph for (it would draw a box)."""
    notdef = _mask(font, _NOTDEF)
    return {ch for ch in set(text) if not ch.isspace() and _mask(font, ch) == notdef}


@functools.lru_cache(maxsize=4096)
def _mask_cached(path: str, index: int, size: int, ch: str) -> tuple[tuple[int, int], bytes]:
    mask = _font(path, index, size).getmask(ch)
    return mask.size, bytes(mask)


def _mask(font: ImageFont.FreeTypeFont, ch: str) -> tuple[tuple[int, int], bytes]:
    if isinstance(font.path, str):
        return _mask_cached(font.path, font.index, int(font.size), ch)
    mask = font.getmask(ch)  # a font read from memory (tests): not cached
    return mask.size, bytes(mask)


def _faces(path: str) -> list[tuple[int, str, str]]:
    """(index, family, style) of every face in a font file; [] when it is not a font."""
    from PIL import ImageFont

    faces: list[tuple[int, str, str]] = []
    for index in range(32):
        try:
            family, style = ImageFont.truetype(path, 20, index=index).getname()
        except OSError:
            break
        faces.append((index, family or "", style or ""))
    return faces


def _pick(path: str, bold: bool) -> Face | None:
    """The face of `path` with Hangul, preferring Korean forms and the wanted weight."""
    def preference(face: tuple[int, str, str]) -> tuple[bool, bool, bool, int]:
        index, family, style = face
        return ("bold" in style.lower()) != bold, "KR" not in family, "Mono" in family, index

    for index, _family, _style in sorted(_faces(path), key=preference):
        if not missing(_font(path, index, 20), HANGUL_PROBE):
            return Face(path, index)
    return None


def _identity(*faces: Face) -> str:
    parts = []
    for face in faces:
        stat = os.stat(face.path)
        parts.append(f"{face.path}#{face.index}:{stat.st_size}:{stat.st_mtime_ns}")
    return "|".join(parts)


def find_fonts(configured: str | None, system: Iterable[tuple[str, str]] = SYSTEM_FONTS,
               remembered: Path | None = None) -> tuple[Fonts | None, str]:
    """The fonts for cards, or None and why not (said once in the build's log).

    `remembered`: a file that keeps the last choice, valid while the candidate font files are
    unchanged, so a build with every card cached opens no font at all."""
    candidates = [configured] if configured else [p for pair in system for p in pair]
    signature = json.dumps([_stat(p) for p in candidates])
    if remembered is not None:
        try:
            kept = json.loads(remembered.read_text(encoding="utf-8"))
            if kept["signature"] == signature:
                bold, regular = Face(*kept["bold"]), Face(*kept["regular"])
                return Fonts(bold, regular, _identity(bold, regular)), ""
        except (OSError, ValueError, KeyError, TypeError):
            pass
    fonts, why_not = _find_fonts(configured, system)
    if fonts is not None and remembered is not None:
        write_atomically(remembered, json.dumps({
            "signature": signature, "bold": [fonts.bold.path, fonts.bold.index],
            "regular": [fonts.regular.path, fonts.regular.index]}).encode())
    return fonts, why_not


def _stat(path: str) -> list[Any]:
    try:
        stat = os.stat(path)
    except OSError:
        return [path]
    return [path, stat.st_size, stat.st_mtime_ns]


def _find_fonts(configured: str | None,
                system: Iterable[tuple[str, str]]) -> tuple[Fonts | None, str]:
    if configured:
        if not os.path.isfile(configured):
            return None, f"extra.confnotes.card_font: there is no file {configured!r}"
        bold, regular = _pick(configured, True), _pick(configured, False)
        if bold is None or regular is None:
            kind = "has no Hangul" if _faces(configured) else "is not a font Pillow can read"
            return None, f"extra.confnotes.card_font: {configured!r} {kind}"
        return Fonts(bold, regular, _identity(bold, regular)), ""
    for bold_path, regular_path in _existing(system):
        bold, regular = _pick(bold_path, True), _pick(regular_path, False)
        if bold and regular:
            return Fonts(bold, regular, _identity(bold, regular)), ""
    return None, ("no font with Hangul was found (install fonts-noto-cjk, or set "
                  "extra.confnotes.card_font in mkdocs.yml to a .ttf/.otf/.ttc file)")


def _existing(system: Iterable[tuple[str, str]]) -> Iterable[tuple[str, str]]:
    yield from (p for p in system if os.path.isfile(p[0]) and os.path.isfile(p[1]))
    yield from _fontconfig()  # asked only when no known file has Hangul: it can take a second


def _fontconfig() -> list[tuple[str, str]]:
    """fontconfig's files for Korean, on a system where none of SYSTEM_FONTS is: local only."""
    if shutil.which("fc-match") is None:
        return []
    found = []
    for pattern in (":lang=ko:weight=bold", ":lang=ko"):
        try:
            out = subprocess.run(["fc-match", "-f", "%{file}", pattern], capture_output=True,
                                 text=True, timeout=10, check=False).stdout.strip()
        except (OSError, subprocess.SubprocessError):
            return []
        found.append(out)
    return [(found[0], found[1])] if all(os.path.isfile(f) for f in found) else []
