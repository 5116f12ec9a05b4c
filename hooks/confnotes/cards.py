"""Social cards: a 1200×630 picture for every note, speaker, topic and event page, drawn with
Pillow in a font that has Hangul, and the Open Graph / Twitter tags that point at it.

Why not Material's social plugin: it needs cairosvg (and the Cairo C library) for its icons,
and fetches its fonts from Google Fonts on first use; this site is built without the network.

Fonts are found locally: `extra.confnotes.card_font` in mkdocs.yml when set (that font or no
cards), else the first system font with Hangul in SYSTEM_FONTS (Debian/Ubuntu fonts-noto-cjk or
fonts-nanum, Fedora and Arch Noto CJK, macOS Apple SD Gothic Neo, Windows Malgun Gothic), else
fontconfig's choice for Korean. With no such font the build makes no cards and says so once.
A character the font lacks (an emoji, say) is left out of the card, never drawn as a box.

Each card is cached under .cache/confnotes/cards/ by the hash of what it shows and of the font,
and drawn in a second process while MkDocs renders the pages; `Cards.finish` waits for it.
"""

from __future__ import annotations

import functools
import hashlib
import html
import io
import json
import multiprocessing
import os
import re
import shutil
import site
import subprocess
import threading
import time
from collections.abc import Callable, Iterable, Mapping
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal
from urllib.parse import urljoin, urlsplit

import PIL
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from . import avatars
from .dates import korean_date, korean_dates
from .images import write_atomically
from .index import Site
from .model import Kind, Note, Term
from .names import bounded_slug
from .pages import KIND_LABELS, View

if TYPE_CHECKING:
    from PIL import Image, ImageFont

WIDTH, HEIGHT = 1200, 630
FOLDER = "assets/confnotes/cards"
PIPELINE = f"card-2/{WIDTH}x{HEIGHT}/{PIL.__version__}"

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
_ELLIPSIS = "…"

# Colours: Material's indigo, as the site's header.
BACKGROUND = "#283593"
ACCENT = "#8c9eff"
TEXT = "#ffffff"
MUTED = "#c5cae9"
CHIP = "#e8eaf6"
CHIP_TEXT = "#1a237e"
PAD = 80
AVATAR = 220
# (size, lines): the largest size at which the title fits that many lines; the last size
# takes the title in three lines, the third cut with an ellipsis when even that is too few.
TITLE_SIZES = ((72, 2), (62, 2), (54, 3))
LABELS: dict[str, str] = {"note": "노트", "page": ""} | {k: v for k, v in KIND_LABELS.items()}


# -- fonts ------------------------------------------------------------------------------------


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


# -- what a card shows ------------------------------------------------------------------------


@dataclass(frozen=True)
class Card:
    """Everything a card shows; equal cards are the same picture."""

    label: str                       # 노트, 발표자, 주제, 행사 (or none)
    title: str
    details: tuple[str, ...]         # at most two lines under the title: event or role, date
    site: str                        # the site's name
    host: str = ""                   # the site's host, when site_url is set
    avatar: str | None = None        # a speaker's square picture (a file in the cache)
    initials_of: str | None = None   # else a speaker's name, drawn as their initials


def _join(*parts: str | None) -> str:
    return " · ".join(p for p in parts if p)


def _people(names: list[str], limit: int = 3) -> str:
    shown = ", ".join(names[:limit])
    return shown + (f" 외 {len(names) - limit}명" if len(names) > limit else "")


def note_card(site: Site, note: Note, base: Card) -> Card:
    event = site.term("event", note.event).name if note.event else None
    day = f"{note.day}일차" if note.day else None
    names = [site.term("speaker", s).name for s in note.speakers]
    return replace(base, label=LABELS["note"], title=note.title,
                   details=tuple(d for d in (_join(event, day, note.session),
                                             _join(korean_dates(note.date, note.date_end,
                                                                note.date_precision)
                                                   if note.date else None,
                                                   _people(names))) if d))


def term_card(site: Site, term: Term, base: Card, avatar: str | None = None) -> Card:
    kind: Kind = term.kind
    notes = site.notes_by_term.get((kind, term.id), [])
    latest = max((n.date for n in notes if n.date), default=None)
    latest_text = f"최근 {korean_date(latest)}" if latest else None
    if kind == "speaker":
        count = len(site.appearances.get(term.id, []))
        details = (_join(term.affiliation, term.title),
                   _join(f"발표 {count}회" if count else None, latest_text))
        return replace(base, label=LABELS["speaker"], title=term.name, details=details,
                       avatar=avatar, initials_of=None if avatar else term.name)
    if kind == "event":
        return replace(base, label=LABELS["event"], title=term.name,
                       details=(_join(term.place, term.organizer),
                                View.dates(term.start, term.end) or _join(latest_text)))
    parent = site.term("topic", term.parent).name if term.parent in site.terms["topic"] else None
    talks = sum(1 for n in notes for t in n.talks if term.id in t.topics)
    return replace(base, label=LABELS["topic"], title=term.name,
                   details=(_join(parent and f"상위 주제: {parent}"),
                            _join(f"노트 {len(notes)}개" if notes else None,
                                  f"발표 {talks}개" if talks else None, latest_text)))


# -- drawing ----------------------------------------------------------------------------------


def printable(text: str, font: ImageFont.FreeTypeFont) -> str:
    """`text` on one line, without the characters `font` would draw as boxes."""
    text = " ".join(text.split())
    gone = missing(font, text)
    if gone:
        text = " ".join("".join(ch for ch in text if ch not in gone).split())
    return text


def wrap(text: str, font: ImageFont.FreeTypeFont, width: float, max_lines: int) -> list[str]:
    """`text` in at most `max_lines` lines no wider than `width`: broken between words, inside
    a word only when it is wider than a line; a cut-off last line ends in an ellipsis."""
    lines: list[str] = []
    current = ""
    # Words end at spaces, and after a hyphen or slash inside a long compound.
    for word in re.findall(r"\S+?(?:[-/–—](?=\S)|\s+|$)", text):
        if font.getlength((current + word).rstrip()) <= width:
            current += word
            continue
        if current:
            lines.append(current.rstrip())
            current = ""
        if font.getlength(word.rstrip()) <= width:
            current = word
            continue
        for ch in word:  # a word longer than the line: break between its letters
            if current and font.getlength((current + ch).rstrip()) > width:
                lines.append(current.rstrip())
                current = ""
            current += ch
    if current.strip():
        lines.append(current.rstrip())
    if len(lines) <= max_lines:
        return lines
    return [*lines[:max_lines - 1], ellipsize(lines[max_lines - 1], font, width, cut=True)]


def balance(text: str, font: ImageFont.FreeTypeFont, width: float, count: int) -> list[str]:
    """`text` in `count` lines of about equal width (no last line of one short word), each no
    wider than `width`; `count` must be what `wrap` gives at `width`."""
    if count < 2:
        return wrap(text, font, width, count)
    low, high = width / count, width
    while high - low > 4:  # px: the narrowest width that still needs only `count` lines
        middle = (low + high) / 2
        if len(wrap(text, font, middle, 99)) <= count:
            high = middle
        else:
            low = middle
    return wrap(text, font, high, count)


def ellipsize(line: str, font: ImageFont.FreeTypeFont, width: float, cut: bool = False) -> str:
    """`line`, or as much of it as fits with an ellipsis after it. `cut`: text followed it."""
    if not cut and font.getlength(line) <= width:
        return line
    while line:
        line = line.rstrip(" ,.·:;—-–")
        if font.getlength(line + _ELLIPSIS) <= width:
            return line + _ELLIPSIS
        line = line[:-1]
    return _ELLIPSIS


@dataclass(frozen=True)
class Run:
    """One line of text as drawn: where, what, how big."""

    x: float
    y: float
    text: str
    size: int
    bold: bool
    fill: str
    anchor: str = "la"


def layout(card: Card, fonts: Fonts) -> list[Run]:
    """Every line of text on the card, in drawing order."""
    runs: list[Run] = []
    right = WIDTH - PAD - ((AVATAR + 56) if card.avatar or card.initials_of else 0)
    width = right - PAD
    label = printable(card.label, fonts.get(30))
    if label:
        runs.append(Run(PAD + 22, 81, label, 30, True, CHIP_TEXT))
    title = printable(card.title, fonts.get(72)) or printable(card.site, fonts.get(72))
    for size, max_lines in TITLE_SIZES:
        lines = wrap(title, fonts.get(size), width, 99)
        if len(lines) <= max_lines:
            lines = balance(title, fonts.get(size), width, len(lines))
            break
    else:
        lines = wrap(title, fonts.get(size), width, max_lines)
    details = [ellipsize(printable(d, fonts.get(34, False)), fonts.get(34, False), width)
               for d in card.details[:2]]
    details = [d for d in details if d]
    line_height = round(size * 1.3)
    # The title and details as one block, centred between the label and the footer.
    block = len(lines) * line_height + (20 + 50 * len(details) if details else 0)
    top, bottom = 160, HEIGHT - 120
    y = top + max(0, (bottom - top - block) // 2)
    for line in lines:
        runs.append(Run(PAD, y, line, size, True, TEXT))
        y += line_height
    y += 20
    for detail in details:
        runs.append(Run(PAD, y, detail, 34, False, MUTED))
        y += 50
    footer = HEIGHT - 64
    site_width = (WIDTH - 2 * PAD) * (0.6 if card.host else 1.0)
    runs.append(Run(PAD, footer, ellipsize(printable(card.site, fonts.get(32)), fonts.get(32),
                                           site_width), 32, True, TEXT, "ls"))
    if card.host:
        host = ellipsize(printable(card.host, fonts.get(28, False)), fonts.get(28, False),
                         (WIDTH - 2 * PAD) * 0.38)
        runs.append(Run(WIDTH - PAD, footer, host, 28, False, MUTED, "rs"))
    return runs


def render(card: Card, fonts: Fonts) -> Image.Image:
    """The card as an RGB picture, WIDTH × HEIGHT."""
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (WIDTH, HEIGHT), BACKGROUND)
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 0, 15, HEIGHT), fill=ACCENT)
    runs = layout(card, fonts)
    if card.label and runs:
        chip = runs[0]
        length = fonts.get(chip.size).getlength(chip.text)
        draw.rounded_rectangle((PAD, 72, PAD + 44 + length, 72 + 56), radius=28, fill=CHIP)
    for run in runs:
        draw.text((run.x, run.y), run.text, font=fonts.get(run.size, run.bold), fill=run.fill,
                  anchor=run.anchor)
    picture = _avatar(card, fonts)
    if picture is not None:
        image.paste(picture, (WIDTH - PAD - AVATAR, (HEIGHT - AVATAR) // 2 - 20), picture)
    return image


def _avatar(card: Card, fonts: Fonts) -> Image.Image | None:
    from PIL import Image

    if card.avatar:
        with Image.open(card.avatar) as opened:
            picture = opened.convert("RGBA").resize((AVATAR, AVATAR), Image.Resampling.LANCZOS)
        picture.putalpha(avatars.circle_mask(AVATAR))
        return picture
    if card.initials_of:
        return avatars.initials(card.initials_of, AVATAR, fonts.get(round(AVATAR * 0.45)))
    return None


def encode(image: Image.Image, card: Card) -> bytes:
    """PNG bytes. A card of flat colours and text is stored with a palette of 256 colours: it
    looks the same, weighs a third, and takes less time; one with a photo keeps every colour."""
    from PIL import Image

    out = io.BytesIO()
    if card.avatar:
        image.save(out, "PNG", compress_level=6)
    else:
        image.quantize(256, method=Image.Quantize.FASTOCTREE,
                       dither=Image.Dither.NONE).save(out, "PNG", compress_level=6)
    return out.getvalue()


def draw_card(path: Path, card: Card, fonts: Fonts) -> float:
    """Draw one card into the cache; the seconds it took. Runs in the drawing process."""
    start = time.perf_counter()
    write_atomically(path, encode(render(card, fonts), card))
    return time.perf_counter() - start


def card_key(card: Card, fonts: Fonts) -> str:
    # The avatar's file is named by its content hash, so its path stands for its content.
    text = json.dumps([PIPELINE, fonts.identity, asdict(card)], ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:40]


# -- the cards of one build -------------------------------------------------------------------


class Cards:
    """Plans a card per page, draws the ones not cached in a second process, and adds each
    to the site's files (MkDocs copies them once `finish` has waited for the drawing)."""

    def __init__(self, cache: Path, fonts: Fonts) -> None:
        self.cache = cache
        self.fonts = fonts
        self.by_page: dict[str, File] = {}        # page src_uri -> the card's file
        self._todo: dict[Path, Card] = {}
        self._pool: ProcessPoolExecutor | None = None
        self._jobs: dict[str, Future[float]] = {}
        self.made = 0
        self.seconds = 0.0     # spent drawing, in the drawing process

    def plan(self, page_src: str, card: Card, files: Files, config: MkDocsConfig) -> None:
        path = self.cache / f"{card_key(card, self.fonts)}.png"
        folder, _, name = page_src.removesuffix(".md").rpartition("/")
        # A note's file name may be as long as a file system allows: with `.png` after it,
        # longer; the card's name is shortened with a hash first.
        name = bounded_slug(name, 200)
        url = f"{FOLDER}/{folder + '/' if folder else ''}{name}.png"
        if files.get_file_from_path(url) is not None:
            return  # a file of the site's own is there: it wins, as a page does
        # Not added to `files`: MkDocs copies those before it renders the pages, and the
        # drawing goes on while they render; `finish` copies the cards after the pages.
        file = File.generated(config, url, abs_src_path=str(path))
        self.by_page[page_src] = file
        if not path.is_file():
            self._todo[path] = card

    def start(self) -> None:
        if not self._todo:
            return
        # Another process, not a thread: MkDocs renders pages on one core, and drawing under
        # the same interpreter lock would slow the pages down by as much as it draws. A
        # spawned process (not a fork: `mkdocs serve` runs threads) uses the other core.
        # MkDocs puts hooks/ on sys.path only while it imports hooks/main.py: the new process
        # is given it again (site.addsitedir, a function it can import) before any card.
        context = multiprocessing.get_context("spawn")
        self._pool = ProcessPoolExecutor(1, mp_context=context, initializer=site.addsitedir,
                                         initargs=(str(Path(__file__).resolve().parents[1]),))
        for path, card in sorted(self._todo.items()):
            self._jobs[str(path)] = self._pool.submit(draw_card, path, card, self.fonts)

    def finish(self, wanted: Callable[[str, File], bool] | None = None
               ) -> list[tuple[str, str]]:
        """Wait for the drawing and copy every card (or those `wanted`: a rebuild leaves the
        ones already in place) into the site; (page, error) for each card that could not be
        drawn."""
        failed: list[tuple[str, str]] = []
        if self._pool is not None:
            self._pool.shutdown(wait=True)
        for page, file in sorted(self.by_page.items()):
            job = self._jobs.get(str(file.abs_src_path))
            error = job.exception() if job is not None else None
            if error is not None:
                failed.append((page, f"{type(error).__name__}: {error}"))
            elif wanted is None or wanted(page, file):
                file.copy_file()
        done = [job.result() for job in self._jobs.values() if job.exception() is None]
        self.made = len(done)
        self.seconds = sum(done)
        self._todo.clear()
        return failed


# -- the tags ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Social:
    """The Open Graph and Twitter values of one page (templates/partials/confnotes/social.html).
    """

    type: Literal["article", "profile", "website"]
    title: str
    description: str
    url: str | None               # the page's absolute address, when site_url is set
    image: str | None             # the card: absolute when site_url is set, else site-relative
    image_absolute: bool
    image_alt: str
    published: str | None         # a note's date, ISO


def shorten(text: str, limit: int = 200) -> str:
    """`text` on one line, cut at a word near `limit` characters with an ellipsis."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0] if " " in text[:limit] else text[:limit]
    return cut.rstrip(" ,.·:;") + _ELLIPSIS


class SocialView:
    """The `confnotes_social` object in templates: `of(page)` gives a page's tags."""

    def __init__(self, config: MkDocsConfig, site: Site, cards: dict[str, File],
                 titles: dict[str, str]) -> None:
        self.base = (config.site_url or "").rstrip("/") + "/" if config.site_url else ""
        self.site_name = config.site_name
        self.description = config.site_description or ""
        self.site = site
        self.cards = cards
        self.titles = titles
        self.notes = {n.path: n for n in site.notes}
        self.seconds = 0.0

    def of(self, page: Page) -> Social:
        return self.describe(page.file.src_uri, page.meta, page.title, page.url)

    def describe(self, src: str, meta: Mapping[str, Any] | None, page_title: str | None,
                 page_url: str) -> Social:
        """The tags of the page made from `src`, given its keys, title and address."""
        start = time.perf_counter()
        try:
            return self._of(src, meta or {}, page_title, page_url)
        finally:
            self.seconds += time.perf_counter() - start

    def _of(self, src: str, meta: Mapping[str, Any], page_title: str | None,
            page_url: str) -> Social:
        kind: Literal["article", "profile", "website"] = "website"
        title = self.titles.get(src) or html.unescape(page_title or "") or self.site_name
        description = self.description
        published = None
        if (note := self.notes.get(meta.get("confnotes_note") or src)) is not None:
            kind, title = "article", note.title
            description = note.summary or note.excerpt or description
            published = note.date.isoformat() if note.date else None
        elif meta.get("confnotes_term"):
            term_kind, ident = meta["confnotes_term"]
            term = self.site.term(term_kind, ident)
            title = term.name
            description = (term.bio or term.description
                           or _join(term.affiliation, term.title, term.place)
                           or description)
            kind = "profile" if term_kind == "speaker" else "website"
        card = self.cards.get(src)
        image = None
        if card is not None:
            image = urljoin(self.base, card.url) if self.base else card.url
        url = urljoin(self.base, page_url) if self.base else None
        return Social(kind, title, shorten(description), url, image, bool(self.base),
                      title, published)


def site_host(site_url: str | None) -> str:
    """`example.com` from `https://example.com/notes/`; '' without a site_url."""
    return urlsplit(site_url).hostname or "" if site_url else ""
